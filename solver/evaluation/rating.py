"""Codeforces rating arithmetic, exact to the point: ranks, the official rating update, performance and CodeElo.

The update is Mirzayanov's "Open Codeforces Rating System" (Codeforces blog entry 20762) as Codeforces runs it:
his reference code (https://codeforces.com/contest/1/submission/13861109) with the change that TLE's
`rating_calculator.py` and the carrot extension (github.com/meooow25/carrot, `predict.js`) made to match the
published deltas: a participant is left out of his own expected rank, also while searching for the rating he
needs. Every integer detail follows the Java: `/` on ints truncates toward zero, `Math.round` rounds half up,
sorts are stable. Under these rules the deltas of real rounds come out exactly (`tests/test_rating.py`).

Expected ranks ("seeds") are read from one table built per round: for each integer rating r, 1 + the sum over the
participants of their chance of beating a newcomer rated r. Everything after that is vectorised over participants,
so a round of 25,000 takes well under a second.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# The table covers every rating the arithmetic looks at: old ratings (real ones go slightly below zero), the
# reference's search for the needed rating over [1, 8000), and the performance search.
TABLE_LOW = -1000
TABLE_HIGH = 8000
# The reference code's binary search for the rating a participant needs: integers in [NEED_LOW, NEED_HIGH).
NEED_LOW = 1
NEED_HIGH = 8000
# The performance search, as in carrot: integers in [PERFORMANCE_LOW, PERFORMANCE_HIGH].
PERFORMANCE_LOW = -500
PERFORMANCE_HIGH = 6000
# The second correction: the top 4·√n by old rating are brought toward a zero sum, by at most this much.
TOP_CORRECTION_LIMIT = 10


@dataclass(frozen=True)
class Standing:
    """One rated participant's result: points (higher is better), penalty (lower is better) and old rating."""

    handle: str
    points: float
    penalty: float
    rating: int

    def __post_init__(self) -> None:
        if not isinstance(self.rating, int) or isinstance(self.rating, bool):
            raise ValueError(f"Standing {self.handle!r}: rating must be an integer, got {self.rating!r}")
        if not TABLE_LOW <= self.rating <= TABLE_HIGH:
            raise ValueError(f"Standing {self.handle!r}: rating {self.rating} is outside [{TABLE_LOW}, {TABLE_HIGH}]")
        for name in ("points", "penalty"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ValueError(f"Standing {self.handle!r}: {name} must be a finite number, got {value!r}")


@dataclass(frozen=True)
class RatingUpdate:
    """The update's outcome, in the order the standings were given."""

    ranks: tuple[int, ...]
    deltas: tuple[int, ...]
    adjustment: int  # the two corrections together, the same for everyone


def win_probability(rating: np.ndarray | int, against: np.ndarray | int) -> np.ndarray:
    """The Elo chance that a participant rated `rating` beats one rated `against`: 1 / (1 + 10^((b - a) / 400))."""
    return 1.0 / (1.0 + np.power(10.0, (np.asarray(against) - np.asarray(rating)) / 400.0))


def trunc_div(a: int, b: int) -> int:
    """Integer division rounding toward zero, as Java's `/` on ints (Python's `//` floors)."""
    quotient = abs(a) // abs(b)
    return quotient if (a >= 0) == (b > 0) else -quotient


def round_half_up(x: float) -> int:
    """Java's `Math.round`: floor(x + 0.5)."""
    return math.floor(x + 0.5)


def ranks(standings: Sequence[Standing]) -> list[int]:
    """Places by (points descending, penalty ascending); a tied group all take the group's worst place.

    Two participants tied for 2nd–3rd both get 3.
    """
    results = [(s.points, s.penalty) for s in standings]
    order = sorted(range(len(results)), key=lambda i: (-results[i][0], results[i][1]))
    places = [0] * len(results)
    place = 0
    for position in range(len(order) - 1, -1, -1):
        i = order[position]
        if position == len(order) - 1 or results[i] != results[order[position + 1]]:
            place = position + 1
        places[i] = place
    return places


class ExpectedRanks:
    """For every integer rating r in [TABLE_LOW, TABLE_HIGH]: 1 + Σ_j P(j beats a newcomer rated r).

    Built from the histogram of old ratings, one distinct rating at a time (as carrot's convolution does, but
    summed directly). `moved` changes one participant's rating without rebuilding.
    """

    def __init__(self, values: np.ndarray):
        self.values = values

    @classmethod
    def of(cls, ratings: Sequence[int]) -> ExpectedRanks:
        span = TABLE_HIGH - TABLE_LOW
        # kernel[d + span] = P(someone rated x beats a newcomer rated x + d), for every d the grid can hold
        kernel = win_probability(0, np.arange(-span, span + 1))
        values = np.ones(span + 1)
        distinct, counts = np.unique(np.asarray(ratings, dtype=np.int64), return_counts=True)
        for rating, count in zip(distinct.tolist(), counts.tolist()):
            start = TABLE_HIGH - rating  # d = TABLE_LOW - rating at the grid's first rating
            values += count * kernel[start:start + span + 1]
        return cls(values)

    def moved(self, old: int, new: int) -> ExpectedRanks:
        grid = np.arange(TABLE_LOW, TABLE_HIGH + 1)
        return ExpectedRanks(self.values - win_probability(old, grid) + win_probability(new, grid))

    def __call__(self, rating: np.ndarray, exclude: np.ndarray) -> np.ndarray:
        """The expected rank at `rating` of a participant whose own old rating `exclude` is left out."""
        return self.values[np.asarray(rating) - TABLE_LOW] - win_probability(exclude, rating)


def needed_ratings(table: ExpectedRanks, mid_ranks: np.ndarray, own: np.ndarray) -> np.ndarray:
    """The reference's binary search, for all participants at once: the last rating in [1, 8000) whose expected
    rank (without the participant) is still ≥ the target rank, or 1 when none is."""
    left = np.full(len(mid_ranks), NEED_LOW)
    right = np.full(len(mid_ranks), NEED_HIGH)
    while (active := right - left > 1).any():
        mid = (left + right) // 2
        below = table(mid, own) < mid_ranks
        right = np.where(active & below, mid, right)
        left = np.where(active & ~below, mid, left)
    return left


def raw_deltas(table: ExpectedRanks, places: np.ndarray, own: np.ndarray) -> np.ndarray:
    """Before the corrections: half the way from the old rating to the rating that would be expected to finish
    at √(place · seed), the geometric mean of the achieved and the expected place, truncated toward zero."""
    seeds = table(own, own)
    need = needed_ratings(table, np.sqrt(places * seeds), own)
    return np.trunc((need - own) / 2).astype(np.int64)


def corrections(deltas: np.ndarray, by_rating: np.ndarray) -> int:
    """The two corrections added to every delta, from the reference code.

    1. The sum should not be positive: inc = -Σδ / n - 1 (Java int division).
    2. The top s = min(n, 4·round(√n)) by old rating (standings order among equal ratings) are pulled toward a zero
       sum: inc = min(max(-Σδ_top / s, -10), 0).
    """
    n = len(deltas)
    first = trunc_div(-int(deltas.sum()), n) - 1
    top = min(n, 4 * round_half_up(math.sqrt(n)))
    top_sum = int(deltas[by_rating[:top]].sum()) + first * top
    second = min(max(trunc_div(-top_sum, top), -TOP_CORRECTION_LIMIT), 0)
    return first + second


def _rating_order(standings: Sequence[Standing]) -> np.ndarray:
    """Indices by old rating descending; ties keep standings order, as the reference's stable sorts leave them."""
    return np.array(sorted(range(len(standings)), key=lambda i: (-standings[i].rating, -standings[i].points,
                                                                 standings[i].penalty, i)), dtype=np.int64)


def _update(standings: Sequence[Standing], table: ExpectedRanks, places: np.ndarray) -> RatingUpdate:
    own = np.array([s.rating for s in standings], dtype=np.int64)
    deltas = raw_deltas(table, places, own)
    adjustment = corrections(deltas, _rating_order(standings))
    return RatingUpdate(tuple(int(p) for p in places), tuple(int(d) + adjustment for d in deltas), adjustment)


def rating_update(standings: Sequence[Standing]) -> RatingUpdate:
    """Each participant's rank and rating change in one rated round (Codeforces blog entry 20762)."""
    if not standings:
        raise ValueError("rating_update: no participants")
    places = np.array(ranks(standings), dtype=np.int64)
    return _update(standings, ExpectedRanks.of([s.rating for s in standings]), places)


def performance_rating(standings: Sequence[Standing], index: int) -> float:
    """The rating at which participant `index` would have got a zero change: the smallest integer rating in
    [-500, 6000] entering with which the whole update (corrections included) gives him a delta ≤ 0.

    Everyone else keeps their old rating. math.inf when even 6000 still gains (a winner always gains), -500 when
    even that loses. carrot's figure holds the corrections fixed instead and reads a few points higher.
    """
    if not 0 <= index < len(standings):
        raise ValueError(f"performance_rating: index {index} is outside the {len(standings)} standings")
    places = np.array(ranks(standings), dtype=np.int64)
    base = ExpectedRanks.of([s.rating for s in standings])
    own_rating = standings[index].rating
    moved = list(standings)

    def delta_at(rating: int) -> int:
        moved[index] = Standing(standings[index].handle, standings[index].points, standings[index].penalty, rating)
        return _update(moved, base.moved(own_rating, rating), places).deltas[index]

    if delta_at(PERFORMANCE_HIGH) > 0:
        return math.inf
    low, high = PERFORMANCE_LOW, PERFORMANCE_HIGH  # answer in [low, high]
    while low < high:
        mid = (low + high) // 2
        if delta_at(mid) <= 0:
            high = mid
        else:
            low = mid + 1
    return float(low)


def codeelo_rating(others: Sequence[int], rank: float, low: float = -1000.0, high: float = 8000.0) -> float:
    """CodeElo's per-contest rating (Quan et al., 2025): the real r whose expected rank among the other
    participants, 1 + Σ_j P(j beats r), equals the achieved rank.

    Solved by bisection on reals to 1e-6; the expected rank falls from n + 1 to 1 as r grows, so a rank outside
    what [low, high] can reach gives that bound.
    """
    ratings = np.asarray(others, dtype=np.float64)
    if not 1 <= rank <= len(ratings) + 1:
        raise ValueError(f"codeelo_rating: rank {rank} is outside [1, {len(ratings) + 1}]")

    def expected_rank(r: float) -> float:
        return 1.0 + float(win_probability(ratings, r).sum())

    if expected_rank(high) >= rank:
        return high
    if expected_rank(low) <= rank:
        return low
    while high - low > 1e-6:
        mid = (low + high) / 2
        if expected_rank(mid) > rank:
            low = mid
        else:
            high = mid
    return (low + high) / 2


# Reading rated rounds: the rows of the shared data, or what the Codeforces API returns.


class RoundFormatError(ValueError):
    """A rated round's file is not in any form `read_round` knows; the message says where and what."""


def read_json(path: Path, error: type[ValueError]) -> object:
    """A JSON file's value; an unreadable or malformed file raises `error` with a message naming it."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as failure:
        raise error(f"cannot read {path}: {failure.strerror or failure}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as failure:
        raise error(f"{path}: not valid JSON: {failure}") from None


def read_round_file(path: Path) -> RatedRound:
    """`read_round` of a JSON file; every RoundFormatError names the file."""
    data = read_json(path, RoundFormatError)
    try:
        return read_round(data)
    except RoundFormatError as failure:
        raise RoundFormatError(f"{path}: {failure}") from None


@dataclass(frozen=True)
class RatedRound:
    """Standings in standings order, with the official delta (newRating - oldRating) of each where known."""

    standings: tuple[Standing, ...]
    official: tuple[int | None, ...]


def read_round(data: object) -> RatedRound:
    """A rated round from any of:

    - rows `[handle, points, penalty, oldRating]` or `[..., officialDelta]`, in standings order;
    - a `contest.ratingChanges` result: objects with handle, rank, oldRating, newRating (rank stands in for points);
    - `{"standings": <contest.standings result>, "ratingChanges": <contest.ratingChanges result>}`: points and
      penalty from the standings (a row's handle is party.members[0].handle), the rated field and official deltas
      from the rating changes.

    API results may keep their envelope `{"status": "OK", "result": ...}`.
    """
    data = _unwrap(data, "the file")
    if isinstance(data, dict) and {"standings", "ratingChanges"} <= data.keys():
        return _from_standings(_unwrap(data["standings"], "standings"), _unwrap(data["ratingChanges"], "ratingChanges"))
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        return _from_rating_changes(data)
    if isinstance(data, list) and data:
        return standings_from_rows(data)
    raise RoundFormatError("expected a non-empty list of rows [handle, points, penalty, oldRating(, officialDelta)], "
                           "a contest.ratingChanges list, or an object with standings and ratingChanges")


def standings_from_rows(rows: Sequence[object], where: str = "row") -> RatedRound:
    """Rows `[handle, points, penalty, oldRating(, officialDelta)]` in standings order."""
    standings, official = [], []
    for number, row in enumerate(rows, 1):
        if not isinstance(row, list) or len(row) not in (4, 5):
            raise RoundFormatError(f"{where} {number}: expected [handle, points, penalty, oldRating(, officialDelta)],"
                                   f" got {_short(row)}")
        handle, points, penalty, rating = row[:4]
        if not isinstance(handle, str):
            raise RoundFormatError(f"{where} {number}: handle must be a string, got {_short(handle)}")
        _require_integer(rating, f"{where} {number} ({handle}): oldRating")
        standings.append(_standing(handle, points, penalty, rating, f"{where} {number}"))
        if len(row) == 5:
            _require_integer(row[4], f"{where} {number} ({handle}): officialDelta")
        official.append(row[4] if len(row) == 5 else None)
    return RatedRound(tuple(standings), tuple(official))


def _from_rating_changes(changes: list[dict]) -> RatedRound:
    entries = []
    for number, change in enumerate(changes, 1):
        where = f"ratingChanges {number}"
        handle = change.get("handle")
        if not isinstance(handle, str):
            raise RoundFormatError(f"{where}: handle must be a string, got {_short(handle)}")
        for name in ("rank", "oldRating", "newRating"):
            _require_integer(change.get(name), f"{where} ({handle}): {name}")
        standing = _standing(handle, -change["rank"], 0, change["oldRating"], where)
        entries.append((change["rank"], standing, change["newRating"] - change["oldRating"]))
    entries.sort(key=lambda entry: entry[0])  # stable: equal ranks keep the file's order
    return RatedRound(tuple(s for _, s, _ in entries), tuple(d for _, _, d in entries))


def _from_standings(standings: object, changes: object) -> RatedRound:
    rows = standings.get("rows") if isinstance(standings, dict) else standings
    if not isinstance(rows, list):
        raise RoundFormatError("standings: expected a contest.standings result (with rows) or a list of rows")
    if not isinstance(changes, list) or not all(isinstance(change, dict) for change in changes):
        raise RoundFormatError("ratingChanges: expected a list of objects")
    results: dict[str, tuple[int, object, object]] = {}
    for number, row in enumerate(rows, 1):
        try:
            handle = row["party"]["members"][0]["handle"]
            points, penalty = row["points"], row["penalty"]
        except (KeyError, IndexError, TypeError):
            raise RoundFormatError(f"standings row {number}: expected party.members[0].handle, points and penalty, "
                                   f"got {_short(row)}") from None
        results.setdefault(handle, (number, points, penalty))
    entries = []
    for number, change in enumerate(changes, 1):
        where = f"ratingChanges {number}"
        handle = change.get("handle")
        if handle not in results:
            raise RoundFormatError(f"{where}: {handle!r} has no row in the standings")
        for name in ("oldRating", "newRating"):
            _require_integer(change.get(name), f"{where} ({handle}): {name}")
        position, points, penalty = results[handle]
        standing = _standing(handle, points, penalty, change["oldRating"], f"standings row {position}")
        entries.append((position, standing, change["newRating"] - change["oldRating"]))
    entries.sort(key=lambda entry: entry[0])  # the rated field in standings order
    return RatedRound(tuple(s for _, s, _ in entries), tuple(d for _, _, d in entries))


def _unwrap(data: object, what: str) -> object:
    if isinstance(data, dict) and "status" in data:
        if data["status"] != "OK" or "result" not in data:
            raise RoundFormatError(f"{what}: the API answered {data['status']!r}: {data.get('comment', 'no result')}")
        return data["result"]
    return data


def _standing(handle: str, points: object, penalty: object, rating: int, where: str) -> Standing:
    try:
        return Standing(handle, points, penalty, rating)
    except ValueError as error:
        raise RoundFormatError(f"{where}: {error}") from None


def _require_integer(value: object, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RoundFormatError(f"{what} must be an integer, got {_short(value)}")


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
