"""Judging: custom checkers under both protocols, outcome rules, limits, infrastructure errors, real data."""

from __future__ import annotations

import collections
import shutil
import tempfile
from pathlib import Path

import pytest

from problems import BUNDLED_DIR, Checker, CheckerKind, CheckerProtocol, Language, Solution, Test, load
from sandbox import CheckerFailure, Limits, Outcome, Program, Sandbox, SandboxConfig, SandboxError, Verdict
from sandbox.jail import Cgroups, Jail, Mount, classify
from sandbox.languages import language_for


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox()


def test_testlib_checker_accepts_any_valid_pair(sandbox):
    (problem,) = list(load(BUNDLED_DIR / "pair-to-target"))
    test = problem.public_tests[0]
    n, x = map(int, test.input.split()[:2])
    values = list(map(int, test.input.split()[2:2 + n]))
    pairs = [(i + 1, j + 1) for i in range(n) for j in range(n) if i != j and values[i] + values[j] == x]
    assert len(pairs) >= 2
    for i, j in pairs[:3]:
        accepted, _ = sandbox.check(problem.checker, test.input.encode(), f"{i} {j}\n".encode(), test.output.encode())
        assert accepted
    for bad in (b"1 1\n", b"-1\n", b"garbage\n", b""):
        accepted, message = sandbox.check(problem.checker, test.input.encode(), bad, test.output.encode())
        assert not accepted and message


def test_kattis_validator_protocol(sandbox):
    validator = (
        "import sys\nanswer = open(sys.argv[2]).read().split()\ngot = sys.stdin.read().split()\n"
        "sys.exit(42 if sorted(got) == sorted(answer) else 43)\n"
    )
    checker = Checker(CheckerKind.CUSTOM, program=Solution(Language.PYTHON3, validator),
                      protocol=CheckerProtocol.KATTIS)
    assert sandbox.check(checker, b"", b"3 1 2", b"1 2 3") == (True, "")
    assert sandbox.check(checker, b"", b"3 1", b"1 2 3")[0] is False
    result = sandbox.judge(Program("python3", "print(2, 1)\n"), [Test("", "1 2\n")], Limits(), checker)
    assert result.verdict is Verdict.ACCEPTED


def test_broken_checker_is_an_error_not_a_verdict(sandbox):
    for source in ("import sys\nsys.exit(3)\n", "while True: pass\n"):  # testlib's FAIL, and a hang
        checker = Checker(CheckerKind.CUSTOM, program=Solution(Language.PYTHON3, source))
        with pytest.raises(CheckerFailure, match="checker failed"):
            sandbox.check(checker, b"", b"1", b"1")
    uncompilable = Checker(CheckerKind.CUSTOM, program=Solution(Language.CPP, "int main( {"))
    with pytest.raises(CheckerFailure, match="does not compile"):
        sandbox.check(uncompilable, b"", b"1", b"1")


def test_float_tolerance_follows_the_problem(sandbox):
    program = Program("python3", "print('%.4f' % (1 / 3))\n")
    tests = [Test("", "0.333333333\n")]
    assert sandbox.judge(program, tests, Limits(), Checker()).verdict is Verdict.WRONG_ANSWER
    loose = Checker(float_abs_tol=1e-3, float_rel_tol=1e-3)
    assert sandbox.judge(program, tests, Limits(), loose).verdict is Verdict.ACCEPTED


LIMITS = Limits(time=1.0)
BASE = dict(exit_code=0, signal=None, cpu_time=0.1, wall_time=0.2, limits=LIMITS, oom=False, output_full=False,
            stderr=b"", cgroups=True)


@pytest.mark.parametrize(("changes", "outcome"), [
    ({}, Outcome.OK),
    ({"exit_code": 1}, Outcome.RUNTIME_ERROR),
    ({"exit_code": None, "signal": 11}, Outcome.RUNTIME_ERROR),
    ({"cpu_time": 1.01}, Outcome.TIME_LIMIT),                       # even when it exits 0
    ({"wall_time": LIMITS.wall_time, "exit_code": None, "signal": 9}, Outcome.TIME_LIMIT),
    ({"exit_code": None, "signal": 24}, Outcome.TIME_LIMIT),        # SIGXCPU
    ({"exit_code": None, "signal": 9, "oom": True}, Outcome.MEMORY_LIMIT),
    ({"oom": True}, Outcome.OK),                                    # touched the limit, reclaimed, finished fine
    ({"exit_code": 1, "stderr": b"java.lang.OutOfMemoryError: Java heap space"}, Outcome.MEMORY_LIMIT),
    ({"exit_code": 1, "stderr": b"MemoryError", "cgroups": False}, Outcome.MEMORY_LIMIT),
    ({"exit_code": 1, "output_full": True}, Outcome.OUTPUT_LIMIT),
    ({"exit_code": None, "signal": 9, "oom": True, "cpu_time": 3.0}, Outcome.TIME_LIMIT),
])
def test_classify_rules(changes, outcome):
    assert classify(**{**BASE, **changes}) is outcome


def test_limits_validate_and_scale():
    assert Limits(time=2.0).wall_time == 7.0
    with pytest.raises(ValueError, match="Limits.time"):
        Limits(time=0)
    with pytest.raises(ValueError, match="Limits.memory"):
        Limits(memory=1000)


def test_languages_by_name_extension_and_enum(sandbox):
    table = sandbox.languages
    assert language_for(table, "py").name == "python3"
    assert language_for(table, ".cc").name == "cpp"
    assert language_for(table, Language.JAVA).name == "java"
    with pytest.raises(SandboxError, match="PYTHON"):
        language_for(table, Language.PYTHON)  # Python 2 has no runtime here
    assert table["java"].main_name("public final class Solver {}") == "Solver"


def test_missing_nsjail_is_an_infrastructure_error(tmp_path):
    jail = Jail(tmp_path / "no-nsjail", Cgroups("off"), tmp_path / "scratch")
    with pytest.raises(SandboxError, match="cannot start nsjail"):
        jail.run(["/bin/true"], limits=Limits())


def test_refused_mount_is_an_infrastructure_error(sandbox):
    with pytest.raises(SandboxError, match="nsjail could not run the program"):
        sandbox.jail.run(["/bin/true"], limits=Limits(), mounts=(Mount(Path("/no/such/dir"), "/box"),))


def test_bad_configuration_is_reported():
    with pytest.raises(SandboxError, match="SANDBOX_WORKERS"):
        SandboxConfig.from_environment({"SANDBOX_WORKERS": "many"})
    with pytest.raises(SandboxError, match="SANDBOX_PYTHON"):
        SandboxConfig(python=Path("/no/python")).resolved_python()
    with pytest.raises(ValueError, match="cgroups"):
        SandboxConfig(cgroups="maybe")


def test_rlimit_fallback_without_cgroups():
    cache = Path(tempfile.mkdtemp(prefix="sandbox-rlimits-"))
    box = Sandbox(SandboxConfig(cgroups="off", cache_dir=cache))
    hungry = box.judge(Program("python3", "x = b'a' * (1 << 30)\n"), [Test("", "")], Limits(memory=128 << 20))
    assert hungry.verdict is Verdict.MEMORY_LIMIT
    fine = box.judge(Program("python3", "print(6 * 7)\n"), [Test("", "42")], Limits())
    assert fine.verdict is Verdict.ACCEPTED
    shutil.rmtree(cache)


def test_human_solutions_of_train300(sandbox, shared_codecontests):
    """AlphaCode's judge on CodeContests: tokens, case-insensitive, floats within 1e-5; here with a 10 s limit."""
    problems = list(load(shared_codecontests / "train300.jsonl"))

    def work(problem):
        tests = list(problem.public_tests) + list(problem.private_tests)
        return sandbox.judge(sandbox.program(problem.solutions[0]), tests, Limits(time=10.0), problem.checker)

    results = dict(sandbox.map_unordered(work, problems))
    counts = collections.Counter(result.verdict for result in results.values())
    accepted = counts[Verdict.ACCEPTED]
    print(f"\naccepted {accepted} of {len(problems)}: " + ", ".join(f"{v.value} {n}" for v, n in counts.items()))
    for index in sorted(results):
        result = results[index]
        if not result.accepted:
            print(f"  {problems[index].name}: {result.verdict.value} ({result.tests[-1].message[:80]})")
    assert accepted >= 245
