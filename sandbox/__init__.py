"""Run untrusted programs in nsjail and judge them like a contest judge.

Imports only `problems` (never torch). The entry point is `Sandbox`; output rules are pure functions in
`sandbox.checking`; limits, results and verdicts are small frozen records. Inside: `jail` runs one command (or two
talking to each other) in nsjail, on run slots (`slots`) with cgroups (`cgroups`) and our helpers (`binaries`);
`classify` decides how a run ended; `warm` runs one program's tests in one jail, a fresh child of our runner
(`warmrunner`) per test; `validators` and `interactive` hold the checker protocols; `groups` judges by subtask;
`timelimit` derives a time limit from a package's accepted submissions.
"""

from sandbox.compiler import CompileError, Executable, Program
from sandbox.config import SandboxConfig
from sandbox.errors import CheckerFailure, ProblemError, SandboxError
from sandbox.interactive import InteractiveRun
from sandbox.judge import Sandbox
from sandbox.limits import Limits, limits_for_problem
from sandbox.results import GroupResult, JudgeResult, Outcome, RunResult, TestResult, Verdict
from sandbox.timelimit import TimingReport, derived_limits, problem_limits, time_limits

__all__ = [
    "CheckerFailure",
    "CompileError",
    "Executable",
    "GroupResult",
    "InteractiveRun",
    "JudgeResult",
    "Limits",
    "Outcome",
    "ProblemError",
    "Program",
    "RunResult",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "TestResult",
    "TimingReport",
    "Verdict",
    "derived_limits",
    "problem_limits",
    "limits_for_problem",
    "time_limits",
]
