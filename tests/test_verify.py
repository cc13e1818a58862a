"""`solver problems verify`: every jury submission of a package judged in the sandbox, each checked against the
verdict its folder names, as problemtools' verifyproblem does."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tests.package_builders import SUM_SUBMISSIONS, kattis_package

SOLVER = [sys.executable, "-m", "solver"]
FOLDERS = ("accepted", "wrong_answer", "time_limit_exceeded", "run_time_error")


def verify(*paths) -> subprocess.CompletedProcess:
    return subprocess.run(SOLVER + ["problems", "verify", *map(str, paths)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_every_submission_gets_its_folders_verdict(tmp_path):
    # No time limit stated: it is derived from the accepted submissions (legacy rule: ×5, at least 1 s).
    package = kattis_package(tmp_path / "sum", "name: Sum\nvalidator_flags:\n",
                             submissions={folder: SUM_SUBMISSIONS[folder] for folder in FOLDERS})
    done = verify(package)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "time limit 1 s from the slowest accepted submission" in lines[0]
    for folder in FOLDERS:
        for name in SUM_SUBMISSIONS[folder]:
            line = next(line for line in lines[1:] if f"submissions/{folder}/{name}" in line)
            assert line.rstrip().endswith("OK") and folder in line
    assert lines[-1] == "8 submissions in 1 package: 8 agree with their folders, 0 do not"


def test_a_submission_in_the_wrong_folder_disagrees(tmp_path):
    package = kattis_package(tmp_path / "sum", "name: Sum\n", submissions={
        "accepted": SUM_SUBMISSIONS["accepted"],
        "wrong_answer": {"actually_right.py": SUM_SUBMISSIONS["accepted"]["sum.py"]},
        "time_limit_exceeded": {"actually_wrong.py": SUM_SUBMISSIONS["wrong_answer"]["off_by_one.py"]},
    }, files={".timelimit": "2\n"})
    done = verify(package)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "time limit 2 s as stated" in done.stdout
    right = next(line for line in done.stdout.splitlines() if "actually_right.py" in line)
    assert "got ACCEPTED" in right and "DISAGREES" in right
    wrong = next(line for line in done.stdout.splitlines() if "actually_wrong.py" in line)
    assert "got WRONG_ANSWER" in wrong and "DISAGREES" in wrong
    assert done.stdout.splitlines()[-1].endswith("2 agree with their folders, 2 do not")


def test_a_package_that_cannot_be_read_is_bad_input(tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "problem.yaml").write_text("limits: [1, 2\n")
    done = verify(tmp_path / "broken")
    assert done.returncode == 2 and "problem.yaml" in done.stderr and "Traceback" not in done.stderr


def test_interactive_and_scoring_packages(tmp_path):
    from tests.package_builders import interactive_package, scoring_package

    interactive = interactive_package(tmp_path / "interactive")
    scoring = scoring_package(tmp_path / "scoring", submissions={
        folder: SUM_SUBMISSIONS[folder] for folder in ("accepted", "partially_accepted", "wrong_answer")})
    done = verify(interactive, scoring)
    assert done.returncode == 0, done.stdout + done.stderr
    idle = next(line for line in done.stdout.splitlines() if "time_limit_exceeded/idle.py" in line)
    assert "got TIME_LIMIT" in idle  # a program that never answers the interactor
    partial = next(line for line in done.stdout.splitlines() if "partially_accepted/first_two.py" in line)
    assert partial.rstrip().endswith("OK")  # some subtasks accepted, not all
