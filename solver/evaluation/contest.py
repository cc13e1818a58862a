"""Offline contest scoring: score a run's submissions as a live participant, place it among the real ones.

A run is scored under AlphaCode's protocol (Li et al., 2022, section 5.1): the system samples throughout the
contest and releases submissions three times, at 10%, 50% and 90% of the duration, each 2 minutes (clustering)
after the cut. A submission may carry its own minute or its release (1, 2 or 3); one with neither is placed in the
best case at the first release and in the worst case at the last. Within a problem the list order is the
submission order. In the best case only the rejections before the first acceptance count; in the worst case every
rejection made no later than the acceptance does, even one listed after it (a release goes out all at once).

Codeforces rules (Codeforces blog entry 456): a problem worth x loses x/250 per whole minute, 50 per rejected
attempt before acceptance, and is never worth less than 0.3·x; the 2-hour rate is used whatever the length.
ICPC rules: problems solved, then penalty = Σ (whole minutes to acceptance + `penalty_minutes` per rejection before
it), over solved problems only. Rejections on unsolved problems cost nothing under either rule.

The run then enters the real standings (`solver.evaluation.rating`): its rank (tied results share the worst place),
the share of the real participants who did at least as well, the rating change it would get entering with a given
rating, its performance rating and its CodeElo rating.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from solver.evaluation.rating import (
    RoundFormatError,
    Standing,
    codeelo_rating,
    performance_rating,
    rating_update,
    read_json,
    standings_from_rows,
)

SCORINGS = ("codeforces", "icpc")
CASES = ("best", "worst")
# AlphaCode's protocol: cuts at these shares of the contest, each released after the clustering time.
RELEASE_SHARES = (0.1, 0.5, 0.9)
CLUSTERING_MINUTES = 2.0
# Codeforces: x/250 per minute, 50 per rejection, floor at 30% (blog entry 456).
DECAY_MINUTES = 250
REJECTION_POINTS = 50
FLOOR_SHARE = 0.3
DEFAULT_PENALTY_MINUTES = 10  # Codeforces' ICPC-style rounds (Educational, Div. 3, Div. 4); ICPC itself uses 20
DEFAULT_RATING = 1500  # a newcomer's rating in 2020, as in the shared rounds
RUN_HANDLE = "(run)"


class ContestFormatError(ValueError):
    """A contest or run file that cannot be read; the message names the file and the field."""


@dataclass(frozen=True)
class Problem:
    index: str
    points: float | None  # its value under Codeforces rules; None under ICPC rules


@dataclass(frozen=True)
class Contest:
    """A past contest to score runs against: its rules, problems and the real rated participants."""

    name: str
    scoring: str
    duration: float  # minutes
    problems: tuple[Problem, ...]
    participants: tuple[Standing, ...]
    penalty_minutes: float = DEFAULT_PENALTY_MINUTES

    def __post_init__(self) -> None:
        if self.scoring not in SCORINGS:
            raise ValueError(f"Contest {self.name!r}: scoring must be one of {SCORINGS}, got {self.scoring!r}")
        if not self.duration > 0:
            raise ValueError(f"Contest {self.name!r}: duration must be positive, got {self.duration!r}")
        if not self.problems:
            raise ValueError(f"Contest {self.name!r}: problems is empty")
        if not self.participants:
            raise ValueError(f"Contest {self.name!r}: participants is empty")
        if self.penalty_minutes < 0:
            raise ValueError(f"Contest {self.name!r}: penalty_minutes must be ≥ 0, got {self.penalty_minutes!r}")
        indexes = [p.index for p in self.problems]
        if len(set(indexes)) != len(indexes):
            raise ValueError(f"Contest {self.name!r}: problem indexes repeat: {indexes}")
        for problem in self.problems:
            valued = problem.points is not None
            if valued != (self.scoring == "codeforces") or (valued and not problem.points > 0):
                need = "positive points" if self.scoring == "codeforces" else "no points"
                raise ValueError(f"Contest {self.name!r}: problem {problem.index} needs {need} under "
                                 f"{self.scoring} scoring, got {problem.points!r}")


@dataclass(frozen=True)
class Submission:
    accepted: bool
    minute: float | None = None  # when it was made, if known
    release: int | None = None  # else which of AlphaCode's three releases it went out with, if known

    def __post_init__(self) -> None:
        if self.minute is not None and self.release is not None:
            raise ValueError("Submission: give minute or release, not both")
        if self.minute is not None and not self.minute >= 0:
            raise ValueError(f"Submission: minute must be ≥ 0, got {self.minute!r}")
        if self.release is not None and self.release not in (1, 2, 3):
            raise ValueError(f"Submission: release must be 1, 2 or 3, got {self.release!r}")


@dataclass(frozen=True)
class ProblemResult:
    index: str
    solved: bool
    minute: float | None  # of the acceptance
    rejected: int  # rejections that count against it
    score: float  # points under Codeforces rules, 1 or 0 under ICPC rules


@dataclass(frozen=True)
class RunResult:
    case: str
    points: float
    penalty: float
    problems: tuple[ProblemResult, ...]

    @property
    def solved(self) -> int:
        return sum(p.solved for p in self.problems)


@dataclass(frozen=True)
class Placement:
    """Where a result would have finished among the real participants."""

    rank: int  # among the real participants and the run, tied results sharing the worst place
    field: int  # real participants
    top_percent: float  # share of the real participants who did at least as well: 100 (rank - 1) / field
    delta: int  # the official update's change for the run, entering with `rating`
    rating: int
    performance: float  # the entering rating at which that change would be zero (math.inf for a winner)
    codeelo: float  # the rating whose expected rank is the achieved one


def release_minutes(duration: float) -> tuple[float, ...]:
    """When AlphaCode's three releases go out: 10%, 50% and 90% of the contest, plus the clustering time."""
    return tuple(share * duration + CLUSTERING_MINUTES for share in RELEASE_SHARES)


def submission_minute(submission: Submission, case: str, duration: float) -> float:
    releases = release_minutes(duration)
    if submission.minute is not None:
        return submission.minute
    if submission.release is not None:
        return releases[submission.release - 1]
    return releases[0] if case == "best" else releases[-1]


def problem_result(submissions: Sequence[Submission], case: str, duration: float) -> tuple[bool, float | None, int]:
    """(solved, minute of the first acceptance, rejections that count) for one problem in one case."""
    if case not in CASES:
        raise ValueError(f"problem_result: case must be one of {CASES}, got {case!r}")
    timed = sorted((submission_minute(s, case, duration), position, s) for position, s in enumerate(submissions))
    first = next((i for i, (_, _, s) in enumerate(timed) if s.accepted), None)
    if first is None:
        return False, None, 0
    minute = timed[first][0]
    if case == "best":
        rejected = first
    else:
        rejected = sum(1 for at, _, s in timed if not s.accepted and at <= minute)
    return True, minute, rejected


def codeforces_score(value: float, minute: float, rejected: int) -> float:
    """A problem worth `value` accepted at `minute` after `rejected` rejections, under Codeforces rules."""
    decayed = value * (1 - math.floor(minute) / DECAY_MINUTES) - REJECTION_POINTS * rejected
    return max(FLOOR_SHARE * value, decayed)


def score_run(contest: Contest, submissions: Mapping[str, Sequence[Submission]], case: str) -> RunResult:
    """The run's points and penalty under the contest's rules in the best or worst case."""
    unknown = set(submissions) - {p.index for p in contest.problems}
    if unknown:
        raise ValueError(f"score_run: no problem {sorted(unknown)} in contest {contest.name!r}")
    results = []
    for problem in contest.problems:
        solved, minute, rejected = problem_result(submissions.get(problem.index, ()), case, contest.duration)
        if minute is not None and minute > contest.duration:
            raise ValueError(f"score_run: problem {problem.index} accepted at minute {minute:g}, after the "
                             f"contest's {contest.duration:g} minutes")
        if not solved:
            score = 0.0
        elif contest.scoring == "codeforces":
            score = codeforces_score(problem.points, minute, rejected)
        else:
            score = 1.0
        results.append(ProblemResult(problem.index, solved, minute, rejected, score))
    points = sum(r.score for r in results)
    if contest.scoring == "codeforces":
        penalty = 0.0  # Codeforces-scored standings rank by points alone
    else:
        penalty = float(sum(math.floor(r.minute) + contest.penalty_minutes * r.rejected for r in results if r.solved))
    return RunResult(case, points, penalty, tuple(results))


def place(contest: Contest, points: float, penalty: float, rating: int = DEFAULT_RATING) -> Placement:
    """The run's rank, top share, rating change, performance and CodeElo rating among the real participants."""
    standings = [*contest.participants, Standing(RUN_HANDLE, points, penalty, rating)]
    update = rating_update(standings)
    rank = update.ranks[-1]
    field = len(contest.participants)
    return Placement(
        rank=rank,
        field=field,
        top_percent=100.0 * (rank - 1) / field,
        delta=update.deltas[-1],
        rating=rating,
        performance=performance_rating(standings, len(standings) - 1),
        codeelo=codeelo_rating([s.rating for s in contest.participants], rank),
    )


def score_contest(contest: Contest, run: Mapping[str, Sequence[Submission]],
                  rating: int = DEFAULT_RATING) -> list[tuple[RunResult, Placement]]:
    """The run scored and placed in each case, best then worst."""
    results = [score_run(contest, run, case) for case in CASES]
    return [(result, place(contest, result.points, result.penalty, rating)) for result in results]


# Files: the contest and run formats are described in README.md ("Evaluation: metrics and Codeforces scoring").


def load_contest(path: Path) -> Contest:
    """A contest file; `participants` is a list of rows or the path of a rows file, relative to the contest file."""
    data = read_json(path, ContestFormatError)
    if not isinstance(data, dict):
        raise ContestFormatError(f"{path}: expected a JSON object")
    participants = data.get("participants")
    where = f"{path}: participants"
    if isinstance(participants, str):
        rows_path = path.parent / participants
        participants = read_json(rows_path, ContestFormatError)
        where = str(rows_path)
    if not isinstance(participants, list) or not participants:
        raise ContestFormatError(f"{where}: expected a non-empty list of rows [handle, points, penalty, oldRating]")
    try:
        standings = standings_from_rows(participants).standings
    except RoundFormatError as error:
        raise ContestFormatError(f"{where}: {error}") from None
    problems = data.get("problems")
    if not isinstance(problems, list) or not all(isinstance(p, dict) and isinstance(p.get("index"), str)
                                                 for p in problems):
        raise ContestFormatError(f"{path}: problems must be a list of objects with an index (and points)")
    duration = data.get("duration_minutes")
    penalty_minutes = data.get("penalty_minutes", DEFAULT_PENALTY_MINUTES)
    for name, value in (("duration_minutes", duration), ("penalty_minutes", penalty_minutes)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ContestFormatError(f"{path}: {name} must be a number, got {value!r}")
    try:
        return Contest(
            name=str(data.get("name", path.stem)),
            scoring=data.get("scoring"),
            duration=float(duration),
            problems=tuple(Problem(p["index"], p.get("points")) for p in problems),
            participants=standings,
            penalty_minutes=float(penalty_minutes),
        )
    except (ValueError, TypeError) as error:
        raise ContestFormatError(f"{path}: {error}") from None


def load_run(path: Path) -> dict[str, tuple[Submission, ...]]:
    """A run file: for each problem index, its submissions in submission order."""
    data = read_json(path, ContestFormatError)
    problems = data.get("problems") if isinstance(data, dict) else None
    if not isinstance(problems, dict):
        raise ContestFormatError(f"{path}: expected an object with problems: {{index: [submission, ...]}}")
    run = {}
    for index, submissions in problems.items():
        if not isinstance(submissions, list):
            raise ContestFormatError(f"{path}: problems.{index} must be a list of submissions")
        run[index] = tuple(_submission(item, f"{path}: problems.{index}[{i}]") for i, item in enumerate(submissions))
    return run


def _submission(item: object, where: str) -> Submission:
    if not isinstance(item, dict):
        raise ContestFormatError(f"{where}: expected an object, got {item!r}")
    if isinstance(item.get("accepted"), bool):
        accepted = item["accepted"]
    elif isinstance(item.get("verdict"), str):
        accepted = item["verdict"].upper() in ("ACCEPTED", "OK")
    else:
        raise ContestFormatError(f"{where}: needs accepted (true or false) or a verdict string")
    minute, release = item.get("minute"), item.get("release")
    if minute is not None and (isinstance(minute, bool) or not isinstance(minute, int | float)):
        raise ContestFormatError(f"{where}: minute must be a number, got {minute!r}")
    if release is not None and (isinstance(release, bool) or not isinstance(release, int)):
        raise ContestFormatError(f"{where}: release must be 1, 2 or 3, got {release!r}")
    try:
        return Submission(accepted, None if minute is None else float(minute), release)
    except ValueError as error:
        raise ContestFormatError(f"{where}: {error}") from None
