"""Resource limits for one jailed run, each set in one place with the reason for its default."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    # CPU seconds. Contest problems state this; Codeforces' most common value is 2 s.
    time: float = 2.0
    # Wall-clock limit as a multiple of `time`, plus one second: a program that sleeps or blocks uses no CPU and
    # would otherwise never end. Three times leaves room for a loaded machine running several jails at once.
    wall_factor: float = 3.0
    # Memory of everything in the jail (cgroup), in bytes; 256 MiB is the Codeforces default.
    memory: int = 256 * MIB
    # Processes and threads together: enough for a JVM (about 20 threads) or a compiler driver, far below a fork
    # bomb's appetite.
    processes: int = 64
    # Bytes any file may reach, stdout and stderr included (rounded up to whole MiB, nsjail's unit). Output past
    # it is cut by the kernel and reported as an output limit; it never reaches our memory.
    output: int = 64 * MIB
    # Size of the private writable directory (/tmp in the jail, a tmpfs gone with the jail).
    workdir: int = 32 * MIB
    # Open file descriptors: plenty for any contest program.
    open_files: int = 64

    def __post_init__(self) -> None:
        checks = {
            "time": self.time > 0 and math.isfinite(self.time),
            "wall_factor": self.wall_factor >= 1 and math.isfinite(self.wall_factor),
            "memory": self.memory >= 16 * MIB,
            "processes": self.processes >= 1,
            "output": self.output >= 1,
            "workdir": self.workdir >= MIB,
            "open_files": self.open_files >= 8,
        }
        for name, ok in checks.items():
            if not ok:
                raise ValueError(f"Limits.{name}: out of range, got {getattr(self, name)!r}")

    @property
    def wall_time(self) -> float:
        return self.time * self.wall_factor + 1.0

    def with_time(self, seconds: float) -> Limits:
        return replace(self, time=seconds)


# Compilers are trusted more than programs but still untrusted input drives them (templates can explode):
# generous, bounded limits of their own.
COMPILE_LIMITS = Limits(time=30.0, wall_factor=2.0, memory=2048 * MIB, processes=64, output=256 * MIB,
                        workdir=256 * MIB, open_files=256)

# A checker reads three files and prints a verdict; it gets more time than the program it judges.
CHECKER_LIMITS = Limits(time=10.0, memory=512 * MIB)

# An interactor spends most of its life waiting for the program it talks to, so its wall clock must outlast the
# program's by this many seconds: a program gone silent is the one stopped (TIME_LIMIT), not its interactor.
INTERACTOR_GRACE = 5.0


def interactor_limits(program: Limits) -> Limits:
    """A checker's limits, with a wall clock that outlasts the program's by INTERACTOR_GRACE."""
    wall = max(CHECKER_LIMITS.wall_time, program.wall_time + INTERACTOR_GRACE)
    return replace(CHECKER_LIMITS, wall_factor=(wall - 1.0) / CHECKER_LIMITS.time)


def limits_for_problem(time_limit: float | None, memory_limit_bytes: int, default_time: float = 2.0) -> Limits:
    """The limits a problem states; CodeContests often states none, and then the defaults apply."""
    return Limits(time=time_limit or default_time, memory=memory_limit_bytes or Limits.memory)
