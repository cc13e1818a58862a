"""The problem record validates itself and names the field at fault."""

from __future__ import annotations

import pytest

from problems import Checker, CheckerKind, Language, Problem, Solution, Source, Test


def test_defaults_mirror_codecontests():
    problem = Problem(name="A. Sum", description="Add two numbers.")
    assert problem.source is Source.UNKNOWN_SOURCE
    assert problem.time_limit is None and problem.memory_limit_bytes == 0
    assert problem.checker.kind is CheckerKind.TOKENS
    assert problem.checker.float_abs_tol == 1e-5 and not problem.checker.case_sensitive
    assert problem.difficulty_name == "UNKNOWN_DIFFICULTY"


def test_hidden_tests_are_private_then_generated():
    problem = Problem(
        name="x", description="d", public_tests=[Test("1", "1")],
        private_tests=[Test("2", "2")], generated_tests=[Test("3", "3")],
    )
    assert [t.input for t in problem.hidden_tests] == ["2", "3"]
    assert isinstance(problem.public_tests, tuple)


def test_records_are_frozen():
    problem = Problem(name="x", description="d")
    with pytest.raises(AttributeError):
        problem.name = "y"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "Problem.name"),
        ({"time_limit": -1.0}, "Problem.time_limit"),
        ({"time_limit": float("nan")}, "Problem.time_limit"),
        ({"memory_limit_bytes": -5}, "Problem.memory_limit_bytes"),
        ({"source": 42}, "Problem.source"),
        ({"difficulty": 99}, "Problem.difficulty"),
        ({"cf_rating": "1500"}, "Problem.cf_rating"),
        ({"cf_tags": ["dp", 3]}, "Problem.cf_tags"),
        ({"public_tests": [("in", "out")]}, "Problem.public_tests[0]"),
        ({"solutions": ["print(1)"]}, "Problem.solutions[0]"),
        ({"interactive": "yes"}, "Problem.interactive"),
    ],
)
def test_bad_fields_are_named(kwargs, message):
    fields = {"name": "x", "description": "d", **kwargs}
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Problem(**fields)


def test_solution_language_is_checked():
    assert Solution(3, "print(1)").language is Language.PYTHON3
    with pytest.raises(ValueError, match="Solution.language"):
        Solution(9, "x")


def test_checker_rules():
    with pytest.raises(ValueError, match="Checker.program"):
        Checker(CheckerKind.CUSTOM)
    with pytest.raises(ValueError, match="Checker.float_abs_tol"):
        Checker(float_abs_tol=-1.0)
    with pytest.raises(ValueError, match="Checker.kind"):
        Checker(kind="fuzzy")
    custom = Checker(CheckerKind.CUSTOM, program=Solution(Language.PYTHON3, "import sys"))
    assert custom.protocol.value == "testlib"
