"""`solver batch` and `solver report`: results written as problems finish, a killed run resumed with nothing lost
or repeated, and the report's plots drawn."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from solver.evaluation.batch import RESULTS, BatchSettings, read_results, start_run
from solver.evaluation.report import sample_outcomes
from solver.model.checkpoint import DEFAULT_CHECKPOINT
from tests.conftest import CODECONTESTS, ROOT

SOLVER = [sys.executable, "-m", "solver"]


def _batch(args: list[str], cache: Path) -> subprocess.Popen:
    # A sandbox cache of its own: a killed run leaves its scratch files behind, and they must not meet other tests.
    env = {**os.environ, "SANDBOX_CACHE": str(cache)}
    return subprocess.Popen(SOLVER + ["batch", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=env)


def _kill_after_first_result(process: subprocess.Popen, out: Path, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(read_results(out)) >= 1:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return
        if process.poll() is not None:
            pytest.fail(f"batch ended before it could be killed: {process.stderr.read().decode()[-2000:]}")
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail("no result within the timeout")


def _kill_and_resume(args: list[str], out: Path, expected: int) -> list[dict]:
    cache = Path(tempfile.mkdtemp(prefix="test-batch-sandbox-"))  # under /tmp: the jail's user must reach it
    try:
        return _run_killed_and_resumed(args, out, expected, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _run_killed_and_resumed(args: list[str], out: Path, expected: int, cache: Path) -> list[dict]:
    _kill_after_first_result(_batch(args, cache), out)
    first = [row["problem"] for row in read_results(out)]
    assert 1 <= len(first) < expected
    with open(out / RESULTS, "ab") as file:
        file.write(b'{"problem": "cut off mid-wri')  # what a kill during a write leaves behind
    resumed = _batch(args, cache)
    _, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, stderr.decode()[-2000:]
    rows = read_results(out)
    names = [row["problem"] for row in rows]
    assert len(names) == expected and len(set(names)) == expected  # nothing lost, nothing twice
    assert names[: len(first)] == first  # what was done before the kill was kept, not redone
    assert (out / RESULTS).read_bytes().endswith(b"\n")
    return rows


def test_killed_replay_run_resumes_and_reports(tmp_path):
    out = tmp_path / "run"
    args = ["problems/bundled", "--out", str(out), "--backend", "replay", "--samples", "12", "--limit", "3"]
    rows = _kill_and_resume(args, out, 3)
    for row in rows:
        assert row["candidates"] and row["stats"]["sampled"] == len(row["candidates"])
        for record in row["candidates"]:
            if record["passed_examples"]:  # every filtered candidate is judged on the hidden tests
                assert record["hidden_verdict"] is not None and record["cluster"] is not None
        assert len(sample_outcomes(row)) == row["stats"]["sampled"]
    report = subprocess.run(SOLVER + ["report", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert report.returncode == 0, report.stderr
    text = (out / "report.md").read_text()
    assert "10@k clustering" in text and "pass@k" in text and "10@k random" in text
    assert (out / "solve_rate.png").read_bytes().startswith(b"\x89PNG")


def test_a_run_refuses_other_settings(tmp_path):
    start_run(tmp_path, BatchSettings(samples=10), "problems/bundled")
    with pytest.raises(ValueError, match="samples"):
        start_run(tmp_path, BatchSettings(samples=20), "problems/bundled")


def test_report_compares_two_runs(tmp_path):
    runs = []
    for seed in (0, 1):
        out = tmp_path / f"seed{seed}"
        done = subprocess.run(SOLVER + ["batch", "problems/bundled", "--out", str(out), "--backend", "replay",
                                        "--samples", "8", "--limit", "2", "--seed", str(seed)],
                              cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        runs.append(str(out))
    report = subprocess.run(SOLVER + ["report", *runs, "--out", str(tmp_path / "cmp")], cwd=ROOT,
                            capture_output=True, text=True)
    assert report.returncode == 0, report.stderr
    text = (tmp_path / "cmp" / "report.md").read_text()
    assert "## Side by side" in text and "seed0" in text and "seed1" in text


@pytest.mark.skipif(not (CODECONTESTS / "sample20.jsonl").is_file(), reason="../shared/data is absent")
@pytest.mark.skipif(not (DEFAULT_CHECKPOINT / "config.json").is_file(), reason="no shipped checkpoint")
def test_shipped_model_batch_on_sample20_is_killed_and_resumed(tmp_path):
    out = tmp_path / "sample20"
    args = [str(CODECONTESTS / "sample20.jsonl"), "--out", str(out), "--samples", "8", "--limit", "3"]
    rows = _kill_and_resume(args, out, 3)
    assert all(row["stats"]["sampled"] == 8 for row in rows)
    assert all(row["hidden_tests"] > 50 for row in rows)
    json.dumps(rows)  # plain JSON all the way down


def test_a_batch_never_dies_on_one_bad_problem(tmp_path):
    """A package that does not load and a checker that does not compile each get an error line; the good
    problems are solved; the exit code says so after everything is done; a resumed run leaves errors alone unless
    asked to retry them."""
    dataset = tmp_path / "dataset"
    dataset.mkdir()
    shutil.copytree(ROOT / "problems/bundled/podium-order", dataset / "a-podium-order")
    broken = dataset / "b-broken"
    broken.mkdir()
    (broken / "problem.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    shutil.copytree(ROOT / "problems/bundled/pair-to-target", dataset / "c-bad-checker")
    (dataset / "c-bad-checker/checker.py").unlink(missing_ok=True)
    (dataset / "c-bad-checker/checker.cpp").write_text("int main( { this is not C++\n", encoding="utf-8")
    shutil.copytree(ROOT / "problems/bundled/tallest-candles", dataset / "d-tallest-candles")
    out = tmp_path / "run"
    args = SOLVER + ["batch", str(dataset), "--out", str(out), "--backend", "replay", "--samples", "6"]

    first = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 1, first.stderr
    rows = read_results(out)
    by_problem = {row["problem"]: row for row in rows}
    assert len(rows) == 4 == len(by_problem)
    assert by_problem["Podium Order"]["solved"] is True and by_problem["Tallest Candles"]["solved"] is True
    load_error = by_problem[str(broken / "problem.yaml")]["error"]
    assert load_error.startswith("load: ") and "problem.yaml" in load_error
    checker_error = by_problem["Two Vouchers"]["error"]
    assert checker_error.startswith("checker: ") and "does not compile" in checker_error
    assert "errors in the run: 2" in first.stdout and "b-broken" in first.stderr

    again = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and read_results(out) == rows  # nothing more is done

    shutil.rmtree(broken)
    retried = subprocess.run(args + ["--retry-errors"], cwd=ROOT, capture_output=True, text=True)
    assert retried.returncode == 1, retried.stderr  # the checker still does not compile
    after = read_results(out)
    names = [row["problem"] for row in after]
    assert len(names) == len(set(names)) == 3  # the broken package is gone; nothing appears twice
    assert sum("error" in row for row in after) == 1
    report = subprocess.run(SOLVER + ["report", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert report.returncode == 0, report.stderr
    assert "1 of them with an error" in (out / "report.md").read_text()


def test_a_batch_judges_interactive_and_scoring_packages(tmp_path):
    """An interactive package is judged through its interactor (filtering and hidden tests alike), and a Code Jam
    style scoring package records every subtask's verdict for each judged program."""
    from tests.package_builders import CODEJAM_PY, codejam_package, interactive_package

    dataset = tmp_path / "dataset"
    interactive_package(dataset / "double")
    codejam_package(dataset / "reversort", submissions={"accepted": {"reversort.py": CODEJAM_PY},
                                                         "wrong_answer": {"zero.py": "print('Case #1: 0')\n"}})
    out = tmp_path / "run"
    done = subprocess.run(SOLVER + ["batch", str(dataset), "--out", str(out), "--backend", "replay", "--samples",
                                    "8"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = {row["problem"]: row for row in read_results(out)}
    double = rows["Double"]
    assert double["solved"] is True and double["stats"]["generated_inputs"] == 0
    for record in double["candidates"]:  # the interactor decides, on the examples too
        correct = record["candidate"]["metadata"]["correct"]
        assert (record["example_verdict"] == "ACCEPTED") == correct, record
    reversort = rows["Reversort"]
    assert reversort["solved"] is True
    judged = [r for r in reversort["candidates"] if r["hidden_verdict"] is not None]
    assert judged and all(set(r["hidden_groups"]) >= {"secret/subtask1", "secret/subtask2"} for r in judged)
