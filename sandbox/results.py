"""Typed results: how a run ended (Outcome), what a judge says about it (Verdict), and the records around them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Outcome(enum.Enum):
    """How a jailed process ended, before anyone looks at its output."""

    OK = "OK"
    TIME_LIMIT = "TIME_LIMIT"
    MEMORY_LIMIT = "MEMORY_LIMIT"
    RUNTIME_ERROR = "RUNTIME_ERROR"
    OUTPUT_LIMIT = "OUTPUT_LIMIT"


class Verdict(enum.Enum):
    """A judge's answer about a program on a test (or on all of them)."""

    ACCEPTED = "ACCEPTED"
    WRONG_ANSWER = "WRONG_ANSWER"
    TIME_LIMIT = "TIME_LIMIT"
    MEMORY_LIMIT = "MEMORY_LIMIT"
    RUNTIME_ERROR = "RUNTIME_ERROR"
    OUTPUT_LIMIT = "OUTPUT_LIMIT"
    COMPILE_ERROR = "COMPILE_ERROR"

    @classmethod
    def of_outcome(cls, outcome: Outcome) -> Verdict:
        """The verdict of a run that did not end normally (an OK run still needs its output checked)."""
        if outcome is Outcome.OK:
            raise ValueError("an OK run's verdict depends on its output")
        return cls(outcome.value)


@dataclass(frozen=True)
class RunResult:
    """One jailed run. `time` is CPU seconds, `memory` the peak resident set in bytes.

    `stdout` holds the whole output up to the output limit; `stderr` its last few kilobytes. `exit_code` is the
    process's exit status, `signal` the signal that killed it (a process that exits with 128+n reads as killed
    by signal n, as in a shell).
    """

    outcome: Outcome
    exit_code: int | None
    signal: int | None
    time: float
    wall_time: float
    memory: int
    stdout: bytes = field(repr=False)
    stderr: bytes = field(repr=False)
    output_truncated: bool = False

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


@dataclass(frozen=True)
class TestResult:
    """A program's verdict on one test, with its run (absent only when it never ran)."""

    __test__ = False  # not a pytest test class, despite the name

    verdict: Verdict
    run: RunResult | None
    message: str = ""
    # The test's position in the list judged; tests a judge skipped (a failed subtask's rest) have no result.
    index: int | None = None


@dataclass(frozen=True)
class GroupResult:
    """A program's verdict on one test data group (a subtask): ACCEPTED when all its tests are, else its first
    failing test's verdict. `score` is what the group earned on a scoring problem (its score when accepted, 0 when
    not), None when the problem gives it none."""

    name: str
    verdict: Verdict
    score: float | None = None

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED


@dataclass(frozen=True)
class JudgeResult:
    """A program's verdict on a list of tests: the first failing test's verdict, or ACCEPTED.

    `groups` holds the verdict of each test data group of the problem that was judged to the end (judged by
    `Sandbox.judge_problem`), outermost first; empty otherwise.
    """

    verdict: Verdict
    tests: tuple[TestResult, ...] = ()
    compile_message: str = ""
    groups: tuple[GroupResult, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    @property
    def max_time(self) -> float:
        return max((t.run.time for t in self.tests if t.run), default=0.0)

    @property
    def max_memory(self) -> int:
        return max((t.run.memory for t in self.tests if t.run), default=0)

    def group(self, name: str) -> GroupResult | None:
        return next((group for group in self.groups if group.name == name), None)


def failure_message(run: RunResult) -> str:
    """A short account of a run that did not end normally, for a verdict's message."""
    if run.outcome is Outcome.RUNTIME_ERROR:
        how = f"signal {run.signal}" if run.signal is not None else f"exit code {run.exit_code}"
        tail = run.stderr.decode("utf-8", errors="replace").strip().splitlines()[-1:] if run.stderr else []
        return how + (f": {tail[0][:200]}" if tail else "")
    if run.outcome is Outcome.TIME_LIMIT:
        return f"{run.time:.2f} s CPU, {run.wall_time:.2f} s wall"
    if run.outcome is Outcome.MEMORY_LIMIT:
        return f"{run.memory >> 20} MiB resident at the end"
    return "output too large"
