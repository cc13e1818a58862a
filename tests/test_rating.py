"""Codeforces rating arithmetic: integer details, the vectorised update against a plain transcription of the
reference code, exact reproduction of real rounds, the input formats and the `solver rating deltas` command."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from solver.evaluation.rating import (
    ExpectedRanks,
    RoundFormatError,
    Standing,
    codeelo_rating,
    performance_rating,
    ranks,
    rating_update,
    read_round,
    round_half_up,
    trunc_div,
)

ROUNDS_DIR = Path(__file__).parents[1].parent / "shared" / "data" / "codeforces"
ROUNDS = ("round-1305-ozon-2020-div1+2-data.json", "round-1326-global-7-data.json", "round-1342-edu-86-data.json")


def real_round(name: str) -> Path:
    path = ROUNDS_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver", *args], capture_output=True, text=True)


def plain_update(standings: list[Standing]) -> list[int]:
    """The reference code transcribed loop by loop (O(n²) per participant): the oracle for the fast path."""
    n = len(standings)

    def beats(a: float, b: float) -> float:
        return 1 / (1 + 10 ** ((b - a) / 400))

    def seed(rating: int, me: int) -> float:
        return 1 + sum(beats(s.rating, rating) for j, s in enumerate(standings) if j != me)

    place = ranks(standings)
    deltas = []
    for i, s in enumerate(standings):
        mid_rank = math.sqrt(place[i] * seed(s.rating, i))
        left, right = 1, 8000
        while right - left > 1:
            mid = (left + right) // 2
            if seed(mid, i) < mid_rank:
                right = mid
            else:
                left = mid
        deltas.append(int((left - s.rating) / 2))
    by_points = sorted(range(n), key=lambda i: (-standings[i].points, standings[i].penalty))
    by_rating = sorted(by_points, key=lambda i: -standings[i].rating)
    inc = int(-sum(deltas) / n) - 1
    deltas = [d + inc for d in deltas]
    top = min(n, 4 * round(math.sqrt(n)))
    inc = min(max(int(-sum(deltas[i] for i in by_rating[:top]) / top), -10), 0)
    return [d + inc for d in deltas]


def random_round(rng: random.Random, n: int) -> list[Standing]:
    return [Standing(f"p{i}", rng.choice([0, 500, 1000, 1500, 2000, 2500]), rng.choice([0, 10, 20]),
                     rng.randrange(-50, 3600)) for i in range(n)]


def test_integer_division_and_rounding_follow_java():
    assert [trunc_div(7, 2), trunc_div(-7, 2), trunc_div(7, -2), trunc_div(-7, -2), trunc_div(-6, 3)] == [3, -3, -3,
                                                                                                          3, -2]
    assert [round_half_up(2.5), round_half_up(3.49), round_half_up(-0.5)] == [3, 3, 0]


def test_tied_participants_share_the_worst_place():
    rows = [(8, 5), (10, 0), (8, 5), (7, 0), (8, 9), (8, 5)]
    standings = [Standing(f"p{i}", points, penalty, 1500) for i, (points, penalty) in enumerate(rows)]
    assert ranks(standings) == [4, 1, 4, 6, 5, 4]
    assert ranks([Standing("a", 1, 0, 1500), Standing("b", 1, 0, 1500)]) == [2, 2]


def test_expected_ranks_table_is_the_direct_sum():
    ratings = [1500, 1500, 2100, 800, -20]
    table = ExpectedRanks.of(ratings)
    for r, exclude in ((1500, 1500), (1, 2100), (7999, -20), (-1000, 800)):
        direct = 1 + sum(1 / (1 + 10 ** ((r - x) / 400)) for x in ratings) - 1 / (1 + 10 ** ((r - exclude) / 400))
        assert table(np.array([r]), np.array([exclude]))[0] == pytest.approx(direct, abs=1e-9)
    moved = table.moved(2100, 1900)
    assert np.allclose(moved.values, ExpectedRanks.of([1500, 1500, 1900, 800, -20]).values, atol=1e-9)


def test_update_equals_the_plain_transcription_of_the_reference():
    rng = random.Random(7)
    for n in (1, 2, 3, 9, 40, 120):
        standings = random_round(rng, n)
        assert list(rating_update(standings).deltas) == plain_update(standings), n


def test_carrots_small_golden_round():
    # carrot's tests/test-predict.ts (MIT): [handle, points, penalty, rating (none = 1500), official delta]
    rows = [["bigbrain", 4000, 10, 3000, -237], ["smartguy", 2500, 50, 2400, -175],
            ["ordinaryguy", 1500, 80, 1800, -35], ["brick", -100, 300, 500, -50], ["alt", 5000, 0, 1500, 514],
            ["luckyguy", 2500, 40, 1800, 121], ["unluckyguy", 800, 40, 2000, -145]]
    rated = read_round(rows)
    update = rating_update(rated.standings)
    assert update.deltas == rated.official
    assert update.ranks == (2, 4, 5, 7, 1, 3, 6)


@pytest.mark.parametrize("name", ROUNDS)
def test_real_round_is_reproduced_exactly(name):
    done = cli("rating", "deltas", str(real_round(name)), "--check")
    rows = len(json.loads(real_round(name).read_text()))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"exact: {rows}/{rows}"


def test_api_shapes_give_the_same_round():
    rows = json.loads(real_round(ROUNDS[0]).read_text())[:400]
    rated = read_round(rows)
    place = ranks(rated.standings)
    changes = [{"contestId": 1305, "handle": h, "rank": r, "oldRating": old, "newRating": old + d}
               for (h, _, _, old, d), r in zip(rows, place)]
    standings = {"contest": {"id": 1305}, "problems": [],
                 "rows": [{"party": {"members": [{"handle": h}]}, "rank": r, "points": float(p), "penalty": q}
                          for (h, p, q, _, _), r in zip(rows, place)]}
    from_changes = read_round({"status": "OK", "result": changes})
    from_both = read_round({"standings": {"status": "OK", "result": standings}, "ratingChanges": changes[::-1]})
    expected = rating_update(rated.standings).deltas
    for other in (from_changes, from_both):
        assert [s.handle for s in other.standings] == [s.handle for s in rated.standings]
        assert other.official == rated.official
        assert rating_update(other.standings).deltas == expected


@pytest.mark.parametrize("data, message", [
    ([["a", 1, 0]], "row 1: expected [handle"),
    ([["a", 1, 0, 1500], ["b", "x", 0, 1500]], "row 2: Standing 'b': points must be a finite number"),
    ([["a", 1, 0, 1500.5]], "row 1 (a): oldRating must be an integer"),
    ([{"handle": "a", "rank": 1, "oldRating": 1500}], "ratingChanges 1 (a): newRating must be an integer"),
    ({"status": "FAILED", "comment": "contestId: not found"}, "the API answered 'FAILED': contestId: not found"),
    ({"standings": {"rows": []}, "ratingChanges": [{"handle": "a", "oldRating": 1, "newRating": 2}]},
     "ratingChanges 1: 'a' has no row in the standings"),
    ({"standings": {"rows": [{"party": {}}]}, "ratingChanges": []}, "standings row 1: expected party.members"),
    ([], "expected a non-empty list"),
])
def test_malformed_rounds_say_what_is_wrong(data, message):
    with pytest.raises(RoundFormatError) as caught:
        read_round(data)
    assert message in str(caught.value)


def test_performance_is_where_the_delta_crosses_zero():
    standings = random_round(random.Random(3), 60)
    standings[0] = Standing("winner", 10_000, 0, 1800)
    for index in (5, 30, 59):
        perf = int(performance_rating(standings, index))

        def delta_at(rating: int, index: int = index) -> int:
            moved = list(standings)
            moved[index] = Standing("me", standings[index].points, standings[index].penalty, rating)
            return rating_update(moved).deltas[index]

        assert delta_at(perf) <= 0 < delta_at(perf - 1)
    assert performance_rating(standings, 0) == math.inf


def test_codeelo_rating_solves_the_expected_rank():
    assert codeelo_rating([1500], 1.5) == pytest.approx(1500, abs=1e-5)
    assert codeelo_rating([1500] * 9, 5.5) == pytest.approx(1500, abs=1e-5)
    others = [800, 1200, 1900, 2400]
    r = codeelo_rating(others, 2)
    assert 1 + sum(1 / (1 + 10 ** ((r - x) / 400)) for x in others) == pytest.approx(2, abs=1e-6)
    assert codeelo_rating(others, 1) == 8000.0 and codeelo_rating(others, 5) == -1000.0  # out of reach: the bounds
    with pytest.raises(ValueError, match="outside"):
        codeelo_rating(others, 6)


def test_cli_deltas_json_and_a_failed_check(tmp_path):
    path = tmp_path / "round.json"
    rows = [["bigbrain", 4000, 10, 3000, -237], ["smartguy", 2500, 50, 2400, -175],
            ["ordinaryguy", 1500, 80, 1800, -35], ["brick", -100, 300, 500, -50], ["alt", 5000, 0, 1500, 514],
            ["luckyguy", 2500, 40, 1800, 121], ["unluckyguy", 800, 40, 2000, -144]]  # the last is off by one
    path.write_text(json.dumps(rows))
    done = cli("rating", "deltas", str(path), "--check")
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "exact: 6/7"
    assert [line.split()[1] for line in done.stdout.splitlines() if line.endswith("differs")] == ["unluckyguy"]
    report = json.loads(cli("rating", "deltas", str(path), "--json", "--check").stdout)
    assert report["exact"] == {"matched": 6, "total": 7}
    assert report["participants"][4] == {"handle": "alt", "rank": 1, "old_rating": 1500, "delta": 514,
                                         "official_delta": 514}


def test_cli_deltas_bad_input_exits_2(tmp_path):
    path = tmp_path / "round.json"
    path.write_text(json.dumps([["a", 1, 0, 1500]]))
    done = cli("rating", "deltas", str(path), "--check")
    assert done.returncode == 2 and "--check needs every official delta; 'a' has none" in done.stderr
    path.write_text("[[")
    done = cli("rating", "deltas", str(path))
    assert done.returncode == 2 and "not valid JSON" in done.stderr and "Traceback" not in done.stderr
