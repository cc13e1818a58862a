"""Contest scoring: hand-computed Codeforces and ICPC scores under AlphaCode's release protocol, ranks and top
shares among a small hand-made field, the file formats and `solver score`."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from solver.evaluation.contest import (
    Contest,
    ContestFormatError,
    Problem,
    Submission,
    codeforces_score,
    load_contest,
    load_run,
    place,
    problem_result,
    release_minutes,
    score_run,
)
from solver.evaluation.rating import Standing, codeelo_rating, rating_update

ROUNDS_DIR = Path(__file__).parents[1].parent / "shared" / "data" / "codeforces"

ACCEPTED, REJECTED = Submission(True), Submission(False)
# points 2000, 1500, 1366, 1366, 900, 0: the run's best case ties the two at 1366
FIELD = [["ann", 2000, 0, 2400], ["bob", 1500, 0, 2000], ["cat", 1366, 0, 1700], ["dan", 1366, 0, 1600],
         ["eve", 900, 0, 1400], ["fay", 0, 0, 1200]]
RUN = {"A": (ACCEPTED,), "B": (REJECTED, ACCEPTED), "C": (REJECTED, REJECTED)}


def contest(scoring: str = "codeforces", penalty_minutes: float = 10) -> Contest:
    points = (500, 1000, 1500) if scoring == "codeforces" else (None, None, None)
    return Contest("hand-made", scoring, 120, tuple(Problem(i, p) for i, p in zip("ABC", points)),
                   tuple(Standing(*row) for row in FIELD), penalty_minutes)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver", *args], capture_output=True, text=True)


def test_releases_come_at_10_50_90_percent_plus_clustering():
    assert release_minutes(120) == pytest.approx((14, 62, 110))
    assert release_minutes(150) == pytest.approx((17, 77, 137))


def test_codeforces_problem_values():
    assert codeforces_score(500, 10, 0) == 480  # 2 points a minute
    assert codeforces_score(1000, 10.9, 2) == 860  # whole minutes; blog entry 456's example
    assert codeforces_score(1500, 110, 8) == 450  # 1500 - 660 - 400 = 440, below the 30% floor


def test_best_and_worst_case_of_one_problem():
    unknown = [REJECTED, ACCEPTED, REJECTED]
    assert problem_result(unknown, "best", 120) == (True, 14, 1)  # the first release; one rejection before it
    assert problem_result(unknown, "worst", 120) == (True, 110, 2)  # the last release; every rejection counts
    timed = [Submission(False, minute=5), Submission(True, minute=30), Submission(False, minute=50)]
    assert problem_result(timed, "best", 120) == problem_result(timed, "worst", 120) == (True, 30, 1)
    released = [Submission(False, release=1), Submission(True, release=2), Submission(False, release=2),
                Submission(False, release=3)]
    assert problem_result(released, "best", 120) == (True, 62, 1)
    assert problem_result(released, "worst", 120) == (True, 62, 2)  # the same release went out at once
    assert problem_result([REJECTED, REJECTED], "worst", 120) == (False, None, 0)


def test_codeforces_scores_of_a_run():
    best, worst = (score_run(contest(), RUN, case) for case in ("best", "worst"))
    assert [p.score for p in best.problems] == [472, 894, 0]  # 500 - 2·14; 1000 - 4·14 - 50
    assert [p.score for p in worst.problems] == [280, 510, 0]  # 500 - 2·110; 1000 - 4·110 - 50
    assert (best.points, best.penalty, best.solved) == (1366, 0, 2)
    assert (worst.points, worst.penalty) == (790, 0)


def test_icpc_scores_of_a_run():
    best, worst = (score_run(contest("icpc"), RUN, case) for case in ("best", "worst"))
    assert (best.points, best.penalty) == (2, 14 + 14 + 10)
    assert (worst.points, worst.penalty) == (2, 110 + 110 + 10)
    assert score_run(contest("icpc", penalty_minutes=20), RUN, "best").penalty == 14 + 14 + 20


def test_run_placed_among_the_field():
    placed = place(contest(), 1366, 0)
    assert placed.rank == 5  # two did better, two tied: all three share the 5th place
    assert placed.top_percent == pytest.approx(100 * 4 / 6)
    standings = [Standing(*row) for row in FIELD] + [Standing("(run)", 1366, 0, 1500)]
    assert placed.delta == rating_update(standings).deltas[-1]
    assert placed.codeelo == codeelo_rating([row[3] for row in FIELD], 5)
    assert math.isfinite(placed.performance)

    last = place(contest(), 790, 0, rating=1900)
    assert (last.rank, last.top_percent, last.rating) == (6, pytest.approx(100 * 5 / 6), 1900)
    assert last.delta < 0
    first = place(contest(), 2500, 0)
    assert (first.rank, first.top_percent, first.performance) == (1, 0.0, math.inf)


def test_scoring_rejects_what_the_contest_lacks():
    with pytest.raises(ValueError, match=r"no problem \['Z'\]"):
        score_run(contest(), {"Z": (ACCEPTED,)}, "best")
    with pytest.raises(ValueError, match="after the contest's 120 minutes"):
        score_run(contest(), {"A": (Submission(True, minute=121),)}, "best")
    with pytest.raises(ValueError, match="problem A needs positive points"):
        Contest("c", "codeforces", 120, (Problem("A", None),), (Standing("a", 1, 0, 1500),))


def write_pair(directory: Path, name: str, run: dict, scoring: str = "codeforces") -> tuple[Path, Path]:
    (directory / "field.json").write_text(json.dumps(FIELD))
    problems = [{"index": i, "points": p} if scoring == "codeforces" else {"index": i}
                for i, p in zip("ABC", (500, 1000, 1500))]
    contest_path = directory / f"{name}.contest.json"
    contest_path.write_text(json.dumps({"name": name, "scoring": scoring, "duration_minutes": 120,
                                        "problems": problems, "participants": "field.json"}))
    run_path = directory / f"{name}.run.json"
    run_path.write_text(json.dumps({"problems": run}))
    return contest_path, run_path


RUN_JSON = {"A": [{"verdict": "ACCEPTED"}], "B": [{"accepted": False}, {"accepted": True}],
            "C": [{"verdict": "WRONG_ANSWER"}, {"accepted": False}]}


def test_files_load(tmp_path):
    contest_path, run_path = write_pair(tmp_path, "r1", RUN_JSON)
    loaded = load_contest(contest_path)
    assert loaded.participants == contest().participants and loaded.problems == contest().problems
    assert load_run(run_path) == RUN


@pytest.mark.parametrize("change, message", [
    ({"scoring": "ioi"}, "scoring must be one of"),
    ({"duration_minutes": "2h"}, "duration_minutes must be a number"),
    ({"participants": "missing.json"}, "cannot read"),
    ({"participants": [["a", 1, 0]]}, "participants: row 1: expected [handle"),
    ({"problems": [{"points": 500}]}, "problems must be a list of objects with an index"),
])
def test_bad_contest_files_say_what_is_wrong(tmp_path, change, message):
    contest_path, _ = write_pair(tmp_path, "r1", RUN_JSON)
    data = json.loads(contest_path.read_text()) | change
    contest_path.write_text(json.dumps(data))
    with pytest.raises(ContestFormatError) as caught:
        load_contest(contest_path)
    assert message in str(caught.value) and str(contest_path.parent) in str(caught.value)


def test_bad_run_files_say_what_is_wrong(tmp_path):
    _, run_path = write_pair(tmp_path, "r1", {"A": [{"minute": 3}]})
    with pytest.raises(ContestFormatError, match=r"problems\.A\[0\]: needs accepted"):
        load_run(run_path)
    run_path.write_text(json.dumps({"problems": {"A": [{"accepted": True, "release": 4}]}}))
    with pytest.raises(ContestFormatError, match="release must be 1, 2 or 3"):
        load_run(run_path)


def test_cli_score_json_for_a_directory(tmp_path):
    write_pair(tmp_path, "r1", RUN_JSON)
    write_pair(tmp_path, "r2", {"A": [{"accepted": True, "minute": 1}]})
    done = cli("score", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [c["name"] for c in report["contests"]] == ["r1", "r2"]
    best = report["contests"][0]["cases"][0]
    assert (best["case"], best["points"], best["rank"], best["field"]) == ("best", 1366, 5, 6)
    timed = report["contests"][1]["cases"]
    assert timed[0]["points"] == timed[1]["points"] == 498  # a known minute is the same in both cases
    assert report["average"]["best"]["rank"] == (5 + 6) / 2  # 498 is below eve's 900: 6th


def test_cli_score_table_for_pairs(tmp_path):
    contest_path, run_path = write_pair(tmp_path, "r1", RUN_JSON, scoring="icpc")
    done = cli("score", str(contest_path), str(run_path), "--rating", "1700")
    assert done.returncode == 0, done.stderr
    assert "r1 (icpc, 6 rated participants; entering at 1700)" in done.stdout
    assert "average over 1 contest" in done.stdout
    done = cli("score", str(contest_path))
    assert done.returncode == 2 and "needs a run file after it" in done.stderr


def test_a_run_solving_nothing_shares_last_place_in_a_real_round(tmp_path):
    rows_path = ROUNDS_DIR / "round-1342-edu-86-data.json"
    if not rows_path.is_file():
        pytest.skip(f"{rows_path} is absent")
    rows = json.loads(rows_path.read_text())
    real = Contest("edu-86", "icpc", 120, tuple(Problem(i, None) for i in "ABCDEFG"),
                   tuple(Standing(*row[:4]) for row in rows))
    result = score_run(real, {"A": (REJECTED,)}, "worst")
    placed = place(real, result.points, result.penalty)
    assert (result.points, result.penalty) == (0, 0)
    assert placed.rank == len(rows) + 1 and placed.top_percent == 100.0
    assert placed.delta < 0 and placed.performance < 1500
