"""The bundled problem set: enough problems, complete, varied, and reference solutions that agree on every test."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from problems import BUNDLED_DIR, DEFAULT_FLOAT_TOLERANCE, CheckerKind, Language, load

PROBLEMS = list(load(BUNDLED_DIR))
DIRS = sorted(p.parent for p in BUNDLED_DIR.glob("*/problem.toml"))


def test_at_least_thirty_problems_rated_800_to_2000():
    assert len(PROBLEMS) >= 30
    ratings = [p.cf_rating for p in PROBLEMS]
    assert min(ratings) == 800 and max(ratings) == 2000
    assert all(800 <= r <= 2000 for r in ratings)
    assert len({p.name for p in PROBLEMS}) == len(PROBLEMS)


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.name)
def test_each_problem_is_complete(problem):
    assert len(problem.public_tests) >= 2
    assert len(problem.private_tests) >= 10
    languages = {s.language for s in problem.solutions}
    assert {Language.PYTHON3, Language.CPP} <= languages
    assert problem.incorrect_solutions
    assert problem.time_limit and problem.memory_limit_bytes
    assert problem.cf_tags
    for heading in ("\nInput\n", "\nOutput\n", "\nExamples\n"):
        assert heading in problem.description
    assert "≤" in problem.description  # constraints are stated


def test_coverage_of_the_set():
    multi_test = [p for p in PROBLEMS if "The first line contains one integer t (1 ≤ t ≤" in p.description]
    assert len(multi_test) >= 5
    assert sum(1 for p in PROBLEMS if p.checker.kind is CheckerKind.CUSTOM) >= 1
    floats = [p for p in PROBLEMS if p.checker.float_abs_tol not in (None, DEFAULT_FLOAT_TOLERANCE)]
    assert len(floats) >= 2 and all("10^{-6}" in p.description or "10^-6" in p.description for p in floats)
    assert sum(1 for p in PROBLEMS if "strings" in p.cf_tags) >= 3
    big_inputs = [p for p in PROBLEMS if max(len(t.input) for t in p.private_tests) > 1_000_000]
    assert big_inputs, "one problem needs a large input that calls for fast I/O"


def _run(argv: list[str], data: bytes, timeout: float) -> bytes:
    done = subprocess.run(argv, input=data, capture_output=True, timeout=timeout)
    assert done.returncode == 0, done.stderr.decode()[-500:]
    return done.stdout


def _command(path: Path, workdir: Path) -> list[str]:
    if path.suffix == ".py":
        return [sys.executable, str(path)]
    binary = workdir / hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    subprocess.run(["g++", "-std=c++17", "-O2", "-o", str(binary), str(path)], check=True)
    return [str(binary)]


@pytest.mark.parametrize("folder", DIRS, ids=lambda d: d.name)
def test_reference_solutions_agree_on_every_test(folder):
    """Our own reference programs (trusted code, written here) reproduce every stored answer."""
    (problem,) = list(load(folder))
    tests = sorted((folder / "tests").rglob("*.in"))
    references = sorted((folder / "solutions" / "correct").iterdir())
    with tempfile.TemporaryDirectory() as tmp:
        for reference in references:
            argv = _command(reference, Path(tmp))
            for test_in in tests:
                got = _run(argv, test_in.read_bytes(), timeout=10 * problem.time_limit)
                expected = test_in.with_suffix(".out").read_bytes()
                if problem.checker.kind is CheckerKind.CUSTOM:
                    out = Path(tmp) / "out.txt"
                    out.write_bytes(got)
                    verdict = subprocess.run(
                        [sys.executable, str(folder / "checker.py"), str(test_in), str(out),
                         str(test_in.with_suffix(".out"))], capture_output=True)
                    assert verdict.returncode == 0, f"{reference.name} on {test_in.name}: {verdict.stderr[-300:]}"
                else:
                    assert got == expected, f"{reference.name} disagrees on {test_in.relative_to(folder)}"
