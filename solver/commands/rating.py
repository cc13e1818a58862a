"""`solver rating deltas FILE` and `solver score CONTEST RUN`: Codeforces rating changes and offline contest scores."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

from solver.commands import CommandError

if TYPE_CHECKING:
    from solver.evaluation.contest import Placement, RunResult

CONTEST_SUFFIX = ".contest.json"
RUN_SUFFIX = ".run.json"


def register(sub: argparse._SubParsersAction) -> None:
    rating = sub.add_parser(
        "rating",
        help="Codeforces rating arithmetic",
        description="Codeforces rating arithmetic (Mirzayanov's update, Codeforces blog entry 20762).",
    )
    rating_sub = rating.add_subparsers(dest="rating_command", metavar="COMMAND", required=True)
    deltas = rating_sub.add_parser(
        "deltas",
        help="recompute a rated round's rating changes",
        description="Recompute every participant's rank and rating change from FILE: rows [handle, points, penalty, "
        "oldRating(, officialDelta)], a Codeforces contest.ratingChanges result, or {\"standings\": ..., "
        "\"ratingChanges\": ...}. Exit code 0, or 1 when --check finds a delta that differs, 2 on bad input.",
    )
    deltas.add_argument("file", type=Path, metavar="FILE", help="a JSON file")
    deltas.add_argument("--check", action="store_true",
                        help="compare with the official deltas; the last line is 'exact: N/M'")
    deltas.add_argument("--json", action="store_true", help="print one JSON object")
    deltas.set_defaults(handler=run_deltas)

    score = sub.add_parser(
        "score",
        help="score runs against past contests, as a live participant",
        description="Score each run under the contest's rules and AlphaCode's submission protocol (best and worst "
        "case), place it among the real participants, and print rank, top share, rating change, performance and "
        f"CodeElo rating per contest and on average. PATHS are CONTEST RUN pairs, or directories of NAME"
        f"{CONTEST_SUFFIX} files each beside its NAME{RUN_SUFFIX}.",
    )
    score.add_argument("paths", type=Path, nargs="+", metavar="PATHS", help="CONTEST.json RUN.json ... or DIR")
    score.add_argument("--rating", type=int, default=1500, metavar="R",
                       help="the rating the run enters with (default: 1500, a newcomer in 2020)")
    score.add_argument("--json", action="store_true", help="print one JSON object")
    score.set_defaults(handler=run_score)


def run_deltas(args: argparse.Namespace) -> int:
    from solver.evaluation.rating import RoundFormatError, rating_update, read_round_file

    try:
        rated = read_round_file(args.file)
    except RoundFormatError as error:
        raise CommandError(str(error)) from None
    if args.check:
        missing = next((s.handle for s, d in zip(rated.standings, rated.official) if d is None), None)
        if missing is not None:
            raise CommandError(f"{args.file}: --check needs every official delta; {missing!r} has none")
    update = rating_update(rated.standings)
    rows = [{"handle": s.handle, "rank": rank, "old_rating": s.rating, "delta": delta, "official_delta": official}
            for s, rank, delta, official in zip(rated.standings, update.ranks, update.deltas, rated.official)]
    exact = sum(row["delta"] == row["official_delta"] for row in rows)
    if args.json:
        report = {"participants": rows}
        if args.check:
            report["exact"] = {"matched": exact, "total": len(rows)}
        print(json.dumps(report))
    else:
        width = max(len(row["handle"]) for row in rows)
        print(f"{'rank':>6}  {'handle':<{width}}  {'old':>5}  {'delta':>6}  {'official':>8}")
        for row in rows:
            official = "" if row["official_delta"] is None else f"{row['official_delta']:+d}"
            mark = "  differs" if official and row["delta"] != row["official_delta"] else ""
            print(f"{row['rank']:>6}  {row['handle']:<{width}}  {row['old_rating']:>5}  {row['delta']:>+6d}  "
                  f"{official:>8}{mark}")
        if args.check:
            print(f"exact: {exact}/{len(rows)}")
    return 0 if not args.check or exact == len(rows) else 1


def contest_pairs(paths: list[Path]) -> list[tuple[Path, Path]]:
    """CONTEST RUN pairs from the command line, a directory standing for its NAME.contest.json / NAME.run.json."""
    pairs, pending = [], list(paths)
    while pending:
        path = pending.pop(0)
        if path.is_dir():
            contests = sorted(path.glob(f"*{CONTEST_SUFFIX}"))
            if not contests:
                raise CommandError(f"{path}: no *{CONTEST_SUFFIX} files")
            for contest in contests:
                run = contest.with_name(contest.name[: -len(CONTEST_SUFFIX)] + RUN_SUFFIX)
                if not run.is_file():
                    raise CommandError(f"{contest}: no {run.name} beside it")
                pairs.append((contest, run))
        elif not pending or pending[0].is_dir():
            raise CommandError(f"{path}: a contest needs a run file after it")
        else:
            pairs.append((path, pending.pop(0)))
    return pairs


def placement_row(result: RunResult, placement: Placement) -> dict:
    return {
        "case": result.case, "solved": result.solved, "points": result.points, "penalty": result.penalty,
        "rank": placement.rank, "field": placement.field, "top_percent": placement.top_percent,
        "delta": placement.delta, "performance": finite_or_none(placement.performance),
        "codeelo": placement.codeelo,
        "problems": [{"index": p.index, "solved": p.solved, "minute": p.minute, "rejected": p.rejected,
                      "score": p.score} for p in result.problems],
    }


def finite_or_none(value: float) -> float | None:
    """JSON has no infinity: a winner's performance rating is written as null."""
    return value if math.isfinite(value) else None


def averages(contests: list[dict]) -> dict[str, dict[str, float]]:
    """Each case's mean rank, top share, delta, performance and CodeElo rating over the contests."""
    means = {}
    for case in ("best", "worst"):
        rows = [row for contest in contests for row in contest["cases"] if row["case"] == case]
        mean = {key: sum(row[key] for row in rows) / len(rows) for key in ("rank", "top_percent", "delta", "codeelo")}
        performances = [row["performance"] for row in rows]
        mean["performance"] = None if None in performances else sum(performances) / len(rows)
        means[case] = mean
    return means


def print_table(contests: list[dict], means: dict[str, dict[str, float]], rating: int) -> None:
    header = f"{'case':<6} {'solved':>6} {'points':>8} {'penalty':>7} {'rank':>13} {'top %':>6} {'delta':>6} " \
             f"{'perf':>6} {'CodeElo':>7}"
    for contest in contests:
        print(f"{contest['name']} ({contest['scoring']}, {contest['field']} rated participants; entering at {rating})")
        print(header)
        for row in contest["cases"]:
            perf = "inf" if row["performance"] is None else f"{row['performance']:.0f}"
            rank = f"{row['rank']}/{row['field'] + 1}"
            print(f"{row['case']:<6} {row['solved']:>6} {row['points']:>8g} {row['penalty']:>7g} {rank:>13} "
                  f"{row['top_percent']:>6.1f} {row['delta']:>+6d} {perf:>6} {row['codeelo']:>7.0f}")
        print()
    print(f"average over {len(contests)} contest{'s' if len(contests) != 1 else ''}")
    print(f"{'case':<6} {'rank':>9} {'top %':>6} {'delta':>7} {'perf':>6} {'CodeElo':>7}")
    for case, mean in means.items():
        perf = "inf" if mean["performance"] is None else f"{mean['performance']:.0f}"
        print(f"{case:<6} {mean['rank']:>9.1f} {mean['top_percent']:>6.1f} {mean['delta']:>+7.1f} {perf:>6} "
              f"{mean['codeelo']:>7.0f}")


def run_score(args: argparse.Namespace) -> int:
    from solver.evaluation.contest import ContestFormatError, load_contest, load_run, score_contest
    from solver.evaluation.rating import TABLE_HIGH, TABLE_LOW

    if not TABLE_LOW <= args.rating <= TABLE_HIGH:
        raise CommandError(f"--rating must be in [{TABLE_LOW}, {TABLE_HIGH}], got {args.rating}")
    contests = []
    for contest_path, run_path in contest_pairs(args.paths):
        try:
            contest, run = load_contest(contest_path), load_run(run_path)
        except ContestFormatError as error:
            raise CommandError(str(error)) from None
        try:
            placed = score_contest(contest, run, args.rating)
        except ValueError as error:
            raise CommandError(f"{run_path}: {error}") from None
        contests.append({"name": contest.name, "scoring": contest.scoring, "field": len(contest.participants),
                         "contest": str(contest_path), "run": str(run_path),
                         "cases": [placement_row(result, placement) for result, placement in placed]})
    means = averages(contests)
    if args.json:
        print(json.dumps({"rating": args.rating, "contests": contests, "average": means}))
    else:
        print_table(contests, means, args.rating)
    return 0
