"""Verifying a problem package as problemtools' `verifyproblem` does: every jury submission must get the verdict of
the folder it is filed under (`submissions/<verdict>/`).

Each submission is judged once on all the package's tests (public, then hidden) with the HIGH time limit (see
sandbox.timelimit), and its verdict at the real limit is read off that run: the first test on which it fails, or
on which it needs more CPU time than the limit, decides it (TIME_LIMIT in the second case), as problemtools'
`_run_submission_real` does. A submission that gets its folder's verdict at the limit agrees; one that gets it
only with the extra time of the high limit agrees "with extra time" (problemtools accepts that too, and says so);
any other disagrees.

Folder verdicts: accepted → ACCEPTED; wrong_answer, time_limit_exceeded, run_time_error, memory_limit_exceeded,
output_limit_exceeded → that verdict; rejected → any verdict but ACCEPTED; partially_accepted → on a scoring
problem some subtasks accepted and not all, elsewhere any verdict but ACCEPTED.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from problems import Problem, Solution
from sandbox.judge import Sandbox
from sandbox.results import JudgeResult, Verdict
from sandbox.timelimit import TimingReport, time_limits

EXPECTED = {
    "accepted": Verdict.ACCEPTED,
    "wrong_answer": Verdict.WRONG_ANSWER,
    "time_limit_exceeded": Verdict.TIME_LIMIT,
    "run_time_error": Verdict.RUNTIME_ERROR,
    "memory_limit_exceeded": Verdict.MEMORY_LIMIT,
    "output_limit_exceeded": Verdict.OUTPUT_LIMIT,
}


@dataclass(frozen=True)
class SubmissionCheck:
    """One jury submission: its folder, the verdict it got at the time limit and at the high limit, its slowest
    test's CPU time, and whether that agrees with the folder (`agrees`; `extra_time` when only at the high
    limit)."""

    name: str
    expected: str
    verdict: Verdict
    verdict_high: Verdict
    time: float
    agrees: bool
    extra_time: bool = False
    message: str = ""

    @property
    def outcome(self) -> str:
        if not self.agrees:
            return "DISAGREES"
        return "OK with extra time" if self.extra_time else "OK"


def verify(sandbox: Sandbox, problem: Problem) -> tuple[TimingReport, Iterator[SubmissionCheck]]:
    """The package's time limits, and each filed submission's check as it is judged (accepted ones first, as they
    set the limit; then the others in their order)."""
    report = time_limits(sandbox, problem)
    filed = [s for s in problem.solutions + problem.incorrect_solutions if s.verdict]
    filed.sort(key=lambda s: s.verdict != "accepted")
    return report, (check_submission(sandbox, problem, s, report) for s in filed)


def check_submission(sandbox: Sandbox, problem: Problem, solution: Solution, report: TimingReport) \
        -> SubmissionCheck:
    from sandbox.limits import limits_for_problem

    tests = list(problem.public_tests + problem.hidden_tests)
    high = limits_for_problem(report.high_limit, problem.memory_limit_bytes)
    result = sandbox.judge_problem(sandbox.program(solution), problem, tests, high, stop_on_failure=True)
    at_limit = verdict_at(result, report.time_limit)
    time = max((t.run.time for t in result.tests if t.run is not None), default=0.0)
    agrees = matches(solution.verdict, at_limit, result, problem)
    extra = not agrees and matches(solution.verdict, result.verdict, result, problem)
    message = next((t.message for t in result.tests if t.verdict is not Verdict.ACCEPTED and t.message),
                   result.compile_message)
    return SubmissionCheck(solution.name or "(unnamed)", solution.verdict, at_limit, result.verdict, time,
                           agrees or extra, extra, " ".join(message.split())[:200])


def verdict_at(result: JudgeResult, time_limit: float) -> Verdict:
    """The verdict a run judged under a higher limit gets at `time_limit`: its first test that fails or takes
    longer decides it."""
    if result.verdict is Verdict.COMPILE_ERROR:
        return result.verdict
    for test in sorted(result.tests, key=lambda t: t.index if t.index is not None else 0):
        if test.run is not None and test.run.time > time_limit:
            return Verdict.TIME_LIMIT
        if test.verdict is not Verdict.ACCEPTED:
            return test.verdict
    return Verdict.ACCEPTED


def matches(folder: str, verdict: Verdict, result: JudgeResult, problem: Problem) -> bool:
    if folder in EXPECTED:
        return verdict is EXPECTED[folder]
    if folder == "partially_accepted" and problem.scoring and result.groups:
        accepted = [group.accepted for group in result.groups]
        return verdict is not Verdict.ACCEPTED and any(accepted) and not all(accepted)
    return verdict is not Verdict.ACCEPTED  # rejected, partially_accepted on a pass-fail problem
