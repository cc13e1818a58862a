"""`solver judge`: verdicts, exit codes 0/1/2 and the JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys

from problems import BUNDLED_DIR

PROBLEM = BUNDLED_DIR / "tallest-candles"


def judge(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver", "judge", *args], capture_output=True, text=True)


def test_accepted_reference_exits_0():
    done = judge(str(PROBLEM / "solutions" / "correct" / "sol.cpp"), "--problem", str(PROBLEM))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("ACCEPTED: 14/14 tests passed")


def test_wrong_solution_json_exits_1(tmp_path):
    done = judge(str(PROBLEM / "solutions" / "incorrect" / "count_records.py"), "--problem", str(PROBLEM), "--json",
                 "--tests", "public")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["verdict"] == "WRONG_ANSWER"
    assert [t["group"] for t in report["tests"]] == ["public", "public"]
    assert {"index", "verdict", "time", "memory", "message"} <= set(report["tests"][0])
    assert report["cgroups"] in ("v2", "v1", "none (rlimits)") and report["groups"] == []


def test_compile_error(tmp_path):
    source = tmp_path / "broken.cpp"
    source.write_text("int main( {\n")
    done = judge(str(source), "--problem", str(PROBLEM), "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["verdict"] == "COMPILE_ERROR" and "error" in report["compile_message"] and report["tests"] == []


def test_bad_input_exits_2(tmp_path):
    source = tmp_path / "x.rb"
    source.write_text("puts 1\n")
    assert "unknown language" in judge(str(source), "--problem", str(PROBLEM)).stderr
    assert judge(str(source), "--problem", str(PROBLEM)).returncode == 2
    missing = judge(str(tmp_path / "none.py"), "--problem", str(PROBLEM))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    several = judge(str(PROBLEM / "solutions" / "correct" / "sol.py"), "--problem", str(BUNDLED_DIR))
    assert several.returncode == 2 and "--name" in several.stderr
    assert "Traceback" not in several.stderr + missing.stderr
