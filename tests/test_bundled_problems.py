"""The bundled problem set: enough problems, complete, varied, and reference solutions that agree on every test."""

from __future__ import annotations

import pytest

from problems import BUNDLED_DIR, DEFAULT_FLOAT_TOLERANCE, Checker, CheckerKind, Language, load
from sandbox import Sandbox, Verdict, limits_for_problem

PROBLEMS = list(load(BUNDLED_DIR))


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


@pytest.fixture(scope="module")
def verdicts():
    """Every bundled solution judged in the sandbox on every test; correct ones against the stored answers
    byte for byte (so the Python and C++ references agree), incorrect ones under the problem's own rule."""
    sandbox = Sandbox()
    jobs = []
    for problem in PROBLEMS:
        exact = problem.checker if problem.checker.kind is CheckerKind.CUSTOM else Checker(CheckerKind.EXACT)
        tests = list(problem.public_tests) + list(problem.private_tests)
        limits = limits_for_problem(problem.time_limit, problem.memory_limit_bytes)
        for index, solution in enumerate(problem.solutions):
            jobs.append((problem.name, "correct", index, solution, tests, limits, exact, False))
        for index, solution in enumerate(problem.incorrect_solutions):
            jobs.append((problem.name, "incorrect", index, solution, tests, limits, problem.checker, True))

    def work(job):
        name, kind, index, solution, tests, limits, checker, stop = job
        return (name, kind, index), sandbox.judge(sandbox.program(solution), tests, limits, checker, stop)

    return dict(value for _, value in sandbox.map_unordered(work, jobs))


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.name)
def test_references_pass_every_test_and_wrong_solutions_fail(problem, verdicts):
    for index in range(len(problem.solutions)):
        result = verdicts[(problem.name, "correct", index)]
        failing = [t.message for t in result.tests if t.verdict is not Verdict.ACCEPTED]
        assert result.verdict is Verdict.ACCEPTED, f"correct solution {index}: {result.verdict} {failing[:1]}"
        assert len(result.tests) == len(problem.public_tests) + len(problem.private_tests)
    for index in range(len(problem.incorrect_solutions)):
        result = verdicts[(problem.name, "incorrect", index)]
        assert result.verdict is not Verdict.ACCEPTED, f"incorrect solution {index} passes every test"
