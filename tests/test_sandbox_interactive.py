"""Interactive problems: program and interactor each jailed, joined by pipes, judged as problemtools does."""

from __future__ import annotations

import time

import pytest

from problems import Checker, CheckerKind, CheckerProtocol, Language, Problem, Solution, Test
from sandbox import CheckerFailure, InteractiveRun, Limits, Outcome, Program, RunResult, Verdict
from sandbox.interactive import interactive_verdict
from tests.conftest import sandbox_with_own_cache

# Sends pairs of numbers one at a time and wants each sum back before the next; explains itself in feedback.
INTERACTOR = r"""
import os, sys
numbers = open(sys.argv[1]).read().split()
answers = open(sys.argv[2]).read().split()
feedback = sys.argv[3]

def finish(code, message):
    with open(feedback + "judgemessage.txt", "w") as f:
        f.write(message)
    os._exit(code)  # not sys.exit: flushing stdout again into a closed pipe would make it exit 120

for (a, b), expected in zip(zip(numbers[0::2], numbers[1::2]), answers):
    try:
        print(a, b, flush=True)
    except BrokenPipeError:
        finish(43, "the program left early")
    line = sys.stdin.readline()
    if not line:
        finish(43, "no answer")
    if line.split() != [expected]:
        finish(43, f"expected {expected}, got {line.strip()!r}")
finish(42, "all sums right; flags: " + " ".join(sys.argv[4:]))
"""
SUMS = "import sys\nfor line in sys.stdin:\n    a, b = map(int, line.split())\n    print(a + b, flush=True)\n"
TESTS = [Test("1 2 3 4 10 20\n", "3 7 30\n"), Test("5 5\n", "10\n")]
LIMITS = Limits(time=0.5)  # wall clock 2.5 s: a silent program is stopped after 3 s (nsjail counts whole seconds)


def interactor(source: str = INTERACTOR, flags: tuple[str, ...] = ()) -> Checker:
    return Checker(CheckerKind.CUSTOM, program=Solution(Language.PYTHON3, source), protocol=CheckerProtocol.KATTIS,
                   flags=flags)


@pytest.fixture(scope="module")
def sandbox():
    with sandbox_with_own_cache("sandbox-interactive-") as box:
        yield box


def judge(sandbox, source: str, language: str = "python3", checker: Checker | None = None, tests=TESTS):
    return sandbox.judge_interactive(Program(language, source), checker or interactor(), tests, LIMITS)


def test_accepted_in_python_and_cpp(sandbox):
    result = judge(sandbox, SUMS, checker=interactor(flags=("-v", "x")))
    assert result.verdict is Verdict.ACCEPTED and len(result.tests) == 2
    assert result.tests[0].message == "all sums right; flags: -v x"
    run = result.tests[0].run
    assert run.outcome is Outcome.OK and run.time < 0.5 and run.memory > 0 and run.stdout == b""
    cpp = ('#include <cstdio>\nint main() { long a, b; while (scanf("%ld %ld", &a, &b) == 2) '
           '{ printf("%ld\\n", a + b); fflush(stdout); } }\n')
    assert judge(sandbox, cpp, "cpp").accepted


def test_wrong_answer_from_the_interactor(sandbox):
    result = judge(sandbox, SUMS.replace("a + b", "a - b"))
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.tests[0].message == "expected 3, got '-1'"
    assert len(result.tests) == 1  # stopped at the first failure


def test_silent_program_is_time_limit_within_the_wall_limit(sandbox):
    start = time.monotonic()
    result = judge(sandbox, "import sys\nsys.stdin.read()\n", tests=TESTS[:1])
    run = result.tests[0].run
    assert result.verdict is Verdict.TIME_LIMIT
    assert run.time < 0.5 and LIMITS.wall_time <= run.wall_time < LIMITS.wall_time + 2
    assert time.monotonic() - start < LIMITS.wall_time + 4


def test_crashing_program_is_runtime_error(sandbox):
    result = judge(sandbox, "input()\n1 / 0\n")
    assert result.verdict is Verdict.RUNTIME_ERROR and "ZeroDivisionError" in result.tests[0].message


def test_interactor_rejecting_first_wins_over_what_the_program_does_next(sandbox):
    # The program answers wrong, then crashes once its input ends: the interactor had already said 43.
    source = "import sys\nfor line in sys.stdin:\n    print(0, flush=True)\nraise SystemExit(3)\n"
    result = judge(sandbox, source)
    assert result.verdict is Verdict.WRONG_ANSWER and result.tests[0].message == "expected 3, got '0'"


def test_crashing_interactor_is_a_judge_error(sandbox):
    with pytest.raises(CheckerFailure, match=r"interactor failed \(RUNTIME_ERROR, exit 1"):
        judge(sandbox, SUMS, checker=interactor("raise ValueError('broken interactor')\n"))
    with pytest.raises(CheckerFailure, match="interactor failed"):
        judge(sandbox, SUMS, checker=interactor("import sys\nsys.exit(0)\n"))


def test_interactive_problem_through_judge_problem(sandbox):
    problem = Problem("sums", "", private_tests=tuple(TESTS), checker=interactor(), interactive=True)
    assert sandbox.judge_problem(Program("python3", SUMS), problem, limits=LIMITS).accepted
    wrong = sandbox.judge_problem(Program("python3", "print(0)\n"), problem, limits=LIMITS, stop_on_failure=False)
    assert [t.verdict for t in wrong.tests] == [Verdict.WRONG_ANSWER, Verdict.WRONG_ANSWER]


def run(outcome=Outcome.OK, exit_code=0, signal=None) -> RunResult:
    return RunResult(outcome, exit_code, signal, 0.1, 0.2, 1 << 20, b"", b"")


@pytest.mark.parametrize(("program", "interactor_run", "interactor_first", "verdict"), [
    (run(), run(exit_code=42), False, Verdict.ACCEPTED),
    (run(), run(exit_code=43), False, Verdict.WRONG_ANSWER),
    (run(Outcome.RUNTIME_ERROR, 1), run(exit_code=43), True, Verdict.WRONG_ANSWER),   # cut off by the interactor
    (run(Outcome.TIME_LIMIT, None, 9), run(exit_code=43), True, Verdict.WRONG_ANSWER),
    (run(Outcome.RUNTIME_ERROR, 1), run(exit_code=43), False, Verdict.RUNTIME_ERROR),  # it failed first
    (run(Outcome.TIME_LIMIT, None, 9), run(exit_code=43), False, Verdict.TIME_LIMIT),
    (run(Outcome.MEMORY_LIMIT, None, 9), run(exit_code=42), False, Verdict.MEMORY_LIMIT),
    (run(Outcome.RUNTIME_ERROR, 1), run(exit_code=42), True, Verdict.RUNTIME_ERROR),  # accepted, then crashed
])
def test_verdict_rules(program, interactor_run, interactor_first, verdict):
    assert interactive_verdict(InteractiveRun(program, interactor_run, interactor_first))[0] is verdict


@pytest.mark.parametrize("interactor_run", [run(exit_code=0), run(Outcome.RUNTIME_ERROR, None, 11),
                                            run(Outcome.TIME_LIMIT, None, 9)])
def test_a_failed_interactor_is_a_judge_error_whatever_the_program_did(interactor_run):
    for first in (True, False):
        with pytest.raises(CheckerFailure):
            interactive_verdict(InteractiveRun(run(Outcome.RUNTIME_ERROR, 1), interactor_run, first))
