"""Run untrusted programs in nsjail and judge them like a contest judge.

Imports only `problems` (never torch). The entry point is `Sandbox`; output rules are pure functions in
`sandbox.checking`; limits, results and verdicts are small frozen records.
"""

from sandbox.compiler import CompileError, Executable, Program
from sandbox.config import SandboxConfig
from sandbox.errors import CheckerFailure, SandboxError
from sandbox.judge import Sandbox
from sandbox.limits import Limits, limits_for_problem
from sandbox.results import JudgeResult, Outcome, RunResult, TestResult, Verdict

__all__ = [
    "CheckerFailure",
    "CompileError",
    "Executable",
    "JudgeResult",
    "Limits",
    "Outcome",
    "Program",
    "RunResult",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "TestResult",
    "Verdict",
    "limits_for_problem",
]
