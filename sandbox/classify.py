"""How a jailed run ended, decided from what was measured: the rules in one pure function, in order of precedence."""

from __future__ import annotations

import signal as signals

from sandbox.limits import Limits
from sandbox.results import Outcome

# What a program prints when an allocation fails inside it (rather than the kernel killing it).
MEMORY_MESSAGES = (b"MemoryError", b"std::bad_alloc", b"java.lang.OutOfMemoryError", b"Cannot allocate memory")


def classify(
    *,
    exit_code: int | None,
    signal: int | None,
    cpu_time: float,
    wall_time: float,
    limits: Limits,
    oom: bool,
    output_full: bool,
    stderr: bytes,
    cgroups: bool,
) -> Outcome:
    """How a run ended, from what was measured. Pure: the rules in one place, in order of precedence."""
    failed = signal is not None or exit_code != 0
    if output_full:
        return Outcome.OUTPUT_LIMIT
    if cpu_time > limits.time or wall_time >= limits.wall_time or signal == signals.SIGXCPU:
        return Outcome.TIME_LIMIT
    if failed and oom:
        return Outcome.MEMORY_LIMIT
    if failed and any(message in stderr for message in MEMORY_MESSAGES):
        # An allocation that failed inside the program: a JVM at its -Xmx, or any program under the
        # address-space rlimit used when there are no cgroups.
        return Outcome.MEMORY_LIMIT
    if failed:
        return Outcome.RUNTIME_ERROR
    return Outcome.OK
