"""Judging: custom checkers under both protocols, outcome rules, limits, infrastructure errors, real data."""

from __future__ import annotations

import collections
import dataclasses
import shutil
import tempfile
from pathlib import Path

import pytest

from problems import (
    BUNDLED_DIR,
    Checker,
    CheckerKind,
    CheckerProtocol,
    Language,
    Problem,
    Solution,
    Test,
    TestGroup,
    TimeLimitRule,
    load,
)
from sandbox import (
    CheckerFailure,
    GroupResult,
    Limits,
    Outcome,
    ProblemError,
    Program,
    Sandbox,
    SandboxConfig,
    SandboxError,
    TestResult,
    Verdict,
)
from sandbox.binaries import locate_nsjail
from sandbox.groups import group_results, innermost_group
from sandbox.jail import START_ATTEMPTS, Cgroups, Jail, Mount, classify
from sandbox.languages import language_for
from sandbox.timelimit import derived_limits, time_limits


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


# ----------------------------------------------------------------------------------------------- judging by groups

ECHO_UNLESS_SEVEN = "x = input()\nprint('no' if x == '7' else x.upper() if x == 'yes' else x)\n"


def subtask_problem(scoring: bool) -> Problem:
    """Three subtasks; the program fails the first test of the second, and the third checks case."""
    tests = (Test("1", "1", "secret/g1"), Test("2", "2", "secret/g1"), Test("7", "7", "secret/g2"),
             Test("8", "8", "secret/g2"), Test("3", "3", "secret/g3"), Test("yes", "yes", "secret/g3"))
    groups = (TestGroup("secret"), TestGroup("secret/g1", score=10), TestGroup("secret/g2", score=20),
              TestGroup("secret/g3", Checker(CheckerKind.EXACT), score=30))
    return Problem("subtasks", "", private_tests=tests, groups=groups, scoring=scoring, time_limit=1.0)


def test_scoring_problem_gives_every_subtask_its_verdict(sandbox):
    problem = subtask_problem(scoring=True)
    result = sandbox.judge_problem(Program("python3", ECHO_UNLESS_SEVEN), problem)
    assert result.verdict is Verdict.WRONG_ANSWER  # the first failure, as before
    # The rest of the failed subtask is skipped; the next subtasks still run, each with its group's checker.
    assert [t.index for t in result.tests] == [0, 1, 2, 4, 5]
    assert [(g.name, g.verdict, g.score) for g in result.groups] == [
        ("secret", Verdict.WRONG_ANSWER, None),
        ("secret/g1", Verdict.ACCEPTED, 10),
        ("secret/g2", Verdict.WRONG_ANSWER, 0.0),
        ("secret/g3", Verdict.WRONG_ANSWER, 0.0),  # "YES" is not "yes" under g3's exact rule
    ]
    assert result.group("secret/g1").accepted
    everything = sandbox.judge_problem(Program("python3", ECHO_UNLESS_SEVEN), problem, stop_on_failure=False)
    assert [t.index for t in everything.tests] == list(range(6)) and everything.group("secret/g2").verdict is \
        Verdict.WRONG_ANSWER


def test_pass_fail_problem_stops_at_the_first_failure(sandbox):
    result = sandbox.judge_problem(Program("python3", ECHO_UNLESS_SEVEN), subtask_problem(scoring=False))
    assert [t.index for t in result.tests] == [0, 1, 2]
    # Groups judged to the end (or failed) have verdicts; g3 never ran.
    assert [(g.name, g.verdict) for g in result.groups] == [
        ("secret", Verdict.WRONG_ANSWER), ("secret/g1", Verdict.ACCEPTED), ("secret/g2", Verdict.WRONG_ANSWER)]
    accepted = sandbox.judge_problem(Program("python3", "print(input())\n"), subtask_problem(scoring=False))
    assert accepted.accepted and all(g.accepted for g in accepted.groups) and len(accepted.groups) == 4


def test_group_rules_are_pure():
    groups = (TestGroup("a"), TestGroup("a/b"))
    assert innermost_group(groups, Test("", "", "a/b/c")) == "a/b"
    assert innermost_group(groups, Test("", "", "ab")) == ""
    tests = [Test("", "", "a/b"), Test("", "", "a")]
    results = [TestResult(Verdict.ACCEPTED, None, index=0)]
    # "a" has an unjudged test and no failure: no verdict yet; "a/b" is complete.
    assert group_results(groups, tests, results) == (GroupResult("a/b", Verdict.ACCEPTED),)


# -------------------------------------------------------------------------------------------- derived time limits

def timed_problem(solutions) -> Problem:
    rule = TimeLimitRule("2023-07", multiplier=2.0, margin=1.5, resolution=0.5)
    return Problem("timed", "", public_tests=(Test("3", "6"),), private_tests=(Test("4", "8"), Test("5", "10")),
                   solutions=tuple(solutions), time_rule=rule)


def test_time_limit_from_accepted_submissions_is_measured_once(monkeypatch):
    fast = Solution(Language.PYTHON3, "print(2 * int(input()))\n", name="accepted/fast.py", verdict="accepted")
    slow = Solution(Language.PYTHON3, "n = int(input())\nx = sum(range(6 * 10**6))\nprint(2 * n)\n",
                    name="accepted/slow.py", verdict="accepted")
    wrong = Solution(Language.PYTHON3, "print(0)\n", name="accepted/wrong.py", verdict="accepted")
    too_slow = Solution(Language.PYTHON3, "while True: pass\n", name="tle.py", verdict="time_limit_exceeded")
    problem = timed_problem([fast, slow, wrong, too_slow])
    cache = Path(tempfile.mkdtemp(prefix="sandbox-timelimit-"))
    try:
        with Sandbox(SandboxConfig(cache_dir=cache)) as box, Sandbox(SandboxConfig(cache_dir=cache)) as other:
            report = time_limits(box, problem)
            assert report.measured and report.slowest_solution == "accepted/slow.py"
            assert report.ignored == (("accepted/wrong.py", "WRONG_ANSWER"),)  # left out, and said so
            limits = problem.time_rule.limits(report.slowest)
            assert (report.time_limit, report.high_limit) == limits and report.time_limit in (0.5, 1.0, 1.5)

            def no_running(*args, **kwargs):
                raise AssertionError("measured again")

            for sandbox in (box, other):  # the same sandbox, or another one (another process) on the same cache
                monkeypatch.setattr(sandbox, "judge_problem", no_running)
            assert derived_limits(box, problem) == limits
            again = time_limits(other, problem)
            assert not again.measured and again.slowest == report.slowest and again.ignored == report.ignored
            # A stated limit is kept, and nothing runs.
            assert derived_limits(box, dataclasses.replace(problem, time_limit=3.0)) == (3.0, 4.5)
            monkeypatch.undo()
            with pytest.raises(ProblemError, match="no accepted submission passes"):
                time_limits(box, timed_problem([wrong]))
    finally:
        shutil.rmtree(cache, ignore_errors=True)


# ------------------------------------------------------------------------------------------ transient start failures

FLAKY_NSJAIL = """#!/bin/sh
# Counts its calls; fails like an nsjail refused a namespace the first FAILURES times, then is the real nsjail.
count=$(cat "{counter}" 2>/dev/null || echo 0)
echo $((count + 1)) > "{counter}"
if [ "$count" -lt {failures} ]; then
    log=""; previous=""
    for argument in "$@"; do
        if [ "$previous" = "--log" ]; then log="$argument"; fi
        previous="$argument"
    done
    echo "[F][2026-01-01T00:00:00+0000][1] pid_t subproc::runChild(): clone(flags=CLONE_NEWUSER|CLONE_NEWNS) \
failed: Resource temporarily unavailable" >> "$log"
    exit 255
fi
exec "{nsjail}" "$@"
"""


def flaky_jail(sandbox: Sandbox, tmp_path: Path, failures: int) -> tuple[Jail, Path]:
    counter = tmp_path / "calls"
    wrapper = tmp_path / "nsjail"
    wrapper.write_text(FLAKY_NSJAIL.format(counter=counter, failures=failures, nsjail=locate_nsjail()))
    wrapper.chmod(0o755)
    return Jail(wrapper, Cgroups("off"), tmp_path / "scratch", sandbox.jail.helpers), counter


def test_a_transient_start_failure_is_retried(sandbox, tmp_path):
    jail, counter = flaky_jail(sandbox, tmp_path, failures=START_ATTEMPTS - 1)
    result = jail.run(["/usr/bin/sh", "-c", "echo ready"], limits=Limits())
    assert result.outcome is Outcome.OK and result.stdout == b"ready\n"
    assert int(counter.read_text()) == START_ATTEMPTS
    jail.close()


def test_a_lasting_start_failure_is_an_error_after_a_few_tries(sandbox, tmp_path):
    jail, counter = flaky_jail(sandbox, tmp_path, failures=100)
    with pytest.raises(SandboxError, match="nsjail could not run the program: .*clone"):
        jail.run(["/bin/true"], limits=Limits())
    assert int(counter.read_text()) == START_ATTEMPTS
    jail.close()


def test_a_program_failure_is_never_retried(sandbox, tmp_path):
    jail, counter = flaky_jail(sandbox, tmp_path, failures=0)
    result = jail.run(["/usr/bin/sh", "-c", "exit 255"], limits=Limits())
    assert result.outcome is Outcome.RUNTIME_ERROR and result.exit_code == 255
    assert int(counter.read_text()) == 1
    jail.close()
