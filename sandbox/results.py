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


@dataclass(frozen=True)
class JudgeResult:
    """A program's verdict on a list of tests: the first failing test's verdict, or ACCEPTED."""

    verdict: Verdict
    tests: tuple[TestResult, ...] = ()
    compile_message: str = ""

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    @property
    def max_time(self) -> float:
        return max((t.run.time for t in self.tests if t.run), default=0.0)

    @property
    def max_memory(self) -> int:
        return max((t.run.memory for t in self.tests if t.run), default=0)
