"""Warm runs: one jail per program and many tests, each test in a fresh child of a runner of ours in that jail.

A fresh jail per test costs a new nsjail and, for Python, a new interpreter (about 20 ms against 12 ms for a bare
`python3`). A batch of tests for one program (`Batch`) instead starts one jail whose first process is our runner
(warmrunner.py: what happens inside, and why a child can neither reach it nor leave anything to the next test) and
hands it each test's stdin, stdout and stderr as descriptors over a socket. The limits, the accounting and the
verdicts are those of a fresh run (`Jail.result` turns the runner's figures and the slot's files into a RunResult,
as for any run):
- the slot's cgroup holds the whole jail, the runner included: its memory limit grows by the runner's own
  footprint (so that the program gets what it would alone), its process limit by the runner's helpers; its
  counters (memory.failcnt, or v2's events and peak) are reset before each test, so MEMORY_LIMIT means this test;
- CPU time, peak memory, exit status come from wait4 on the test's process (or from our init's report), wall time
  from handing it the test to reaping it; the runner enforces the wall limit and sets RLIMIT_CPU in the child as
  nsjail would;
- stdout and stderr are the slot's files, cut by the jail's RLIMIT_FSIZE as always.
What differs, by design: the interpreter's start (site, compiling the source, some 10 ms of CPU) and the jail's are
no longer part of a run's times; a forked child's peak counts the interpreter's pages it shares with the runner
(within a MiB of a fresh interpreter's); pid numbers grow from test to test; the program's top frame has one frame
of ours under it; POSIX message queues cannot be created (see warmrunner.py).

Which programs (`WARM_MODES`), from bench/isolation.py's figures on this 2-core machine: Python forks a warm
interpreter (fork mode: about 4 ms per test run against 20-30 ms in fresh jails); C++ and Java reuse the jail and
execute the program per test through our init (exec mode: no warm fork, which for a static binary would save
little and for a JVM would be unsafe, but the jail's start was half of a C++ run's cost and a tenth or more of a
Java run's). Whenever the warm jail cannot serve (it failed to start, its runner died, say by a cgroup v2 memory
limit killing the whole group, or a child tampered with it), the test it was on and the rest run in fresh jails,
so a verdict never depends on the warm path working.
"""

from __future__ import annotations

import math
import os
import signal as signals
import socket
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sandbox.errors import SandboxError
from sandbox.jail import HELPERS_IN_JAIL, REPORT_FD, WATCHDOG_GRACE, Jail, JailCommand
from sandbox.results import RunResult
from sandbox.slots import Slot, Started

RUNNER = "warmrunner.py"
# language -> how its tests run in a warm jail; a language not here runs each test in a fresh jail.
WARM_MODES = {"python3": "python", "cpp": "exec", "java": "exec"}
# A warm jail costs about two fresh runs to start: a batch of one test is better off cold.
MIN_TESTS = 2
# Seconds for the runner to say it is ready (its interpreter's start and the program's compile) before we give up.
STARTUP_WALL = 10.0
# Seconds beyond a test's wall limit for the runner's answer (it kills, reaps and cleans up after the test).
REPLY_GRACE = 10.0


def warm_mode(jail: Jail, language: str, argv: tuple[str, ...]) -> str | None:
    """How a program's tests can run warm on this jail ("python" or "exec"), or None: cold."""
    if not jail.cgroups.enabled or jail.helpers is None or not (jail.helpers / RUNNER).is_file():
        return None  # the runner needs the launcher (a C compiler) and cgroups to limit it with its children
    mode = WARM_MODES.get(language)
    if mode == "python" and not (len(argv) == 2 and argv[1].endswith(".py")):
        return None
    return mode


class WarmSession:
    """One warm jail on a slot of its own, running one program's tests one at a time; not thread-safe."""

    def __init__(self, jail: Jail, command: JailCommand, mode: str, python: Path, tests: int) -> None:
        self.jail = jail
        self.command = command
        self.limits = command.limits
        self._slot: Slot | None = None
        self._started: Started | None = None
        self._channel: socket.socket | None = None
        self._start(mode, python, tests)

    def _start(self, mode: str, python: Path, tests: int) -> None:
        limits = self.limits
        slot = self.jail.take_slot()
        self._slot = slot
        if slot.group is None or slot.launcher is None:
            self._end()
            return
        cpu = math.ceil(limits.time) + 1  # what nsjail's --rlimit_cpu gives a fresh run
        runner = (str(python), f"{HELPERS_IN_JAIL}/{RUNNER}", mode, str(cpu), repr(limits.wall_time),
                  str(REPORT_FD), *self.command.argv)
        lifetime = math.ceil(STARTUP_WALL + tests * (limits.wall_time + REPLY_GRACE))
        self.jail.cgroups.prepare(slot.group, limits, self.command.extra_memory, extra_processes=1)
        open(slot.log, "wb").close()
        argv = self.jail.nsjail_argv(replace(self.command, argv=runner), slot, REPORT_FD, time_limit=lifetime,
                                     cpu_limit="inf", init=False)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            with open(os.devnull, "rb") as stdin, open(os.devnull, "wb") as stdout, open(slot.report, "wb") as log:
                self._started = self.jail.start_on(slot, argv, [stdin.fileno(), stdout.fileno(), log.fileno(),
                                                                theirs.fileno()], _deadline(lifetime))
        except SandboxError:  # the launcher failed: fresh jails will say whether that is ours to report
            ours.close()
            self._end()
            return
        except BaseException:
            ours.close()
            self._end()
            raise
        finally:
            theirs.close()
        self._channel = ours
        ready = self._answer(STARTUP_WALL)
        if ready is None or len(ready) != 3 or ready[0] != "ready" or not ready[2].isdigit():
            self._end(kill=True)
            return
        # The runner lives in the group beside each test's process: the group's limit grows by its footprint, and
        # by one process for our init in exec mode (HELPER_PROCESSES counts init already in fork mode, where the
        # runner is the only helper inside).
        self.jail.cgroups.prepare(slot.group, limits, self.command.extra_memory + int(ready[2]),
                                  extra_processes=1 if ready[1] == "exec" else 0)

    def run(self, stdin: Path) -> RunResult | None:
        """Run one test; None when the warm jail could not (the caller runs it fresh; this session is over)."""
        slot, channel = self._slot, self._channel
        if channel is None or slot is None or slot.group is None:
            return None
        self.jail.cgroups.restart(slot.group)
        try:
            with open(stdin, "rb") as test_input, open(slot.stdout, "wb") as stdout, open(slot.stderr, "wb") as err:
                socket.send_fds(channel, [b"run"], [test_input.fileno(), stdout.fileno(), err.fileno()])
        except OSError:
            self._end(kill=True)
            return None
        answer = self._answer(self.limits.wall_time + REPLY_GRACE)
        try:
            # Anything else ("tampered": the runner could not make the jail as it was; a failure) ends the session.
            assert answer is not None and len(answer) == 5
            code, signal, peak = int(answer[0]), int(answer[1]), int(answer[3])
            cpu, wall = float(answer[2]), float(answer[4])
        except (AssertionError, ValueError):
            self._end(kill=answer is None)
            return None
        return self.jail.result(slot, self.limits, exit_code=code if signal == 0 else None, signal=signal or None,
                                cpu=cpu, memory=peak * 1024, wall=wall, oom=self.jail.cgroups.oom(slot.group))

    def close(self) -> None:
        """End the jail (the runner exits when its socket closes) and give the slot back."""
        self._end()

    def _answer(self, timeout: float) -> list[str] | None:
        assert self._channel is not None
        self._channel.settimeout(timeout)
        try:
            message = self._channel.recv(256)
        except OSError:  # timed out, or the jail is gone
            return None
        return message.decode(errors="replace").split() or None

    def _end(self, kill: bool = False) -> None:
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if self._started is not None:
            if kill:
                try:
                    os.kill(self._started.pid, signals.SIGKILL)
                except ProcessLookupError:
                    pass
            self._started.wait()
            self._started = None
        if self._slot is not None:
            self.jail.give_slot(self._slot)
            self._slot = None


class Batch:
    """One program on up to `size` inputs, one at a time: in a warm jail where that applies and works, else each in a
    fresh jail (`cold`); `close` when done.

    An `eager` batch (all its inputs will run: run_many, a judge that does not stop at a failure) starts its warm jail
    at the first run. Otherwise the first run is fresh, and the warm jail starts at the second when at least
    MIN_TESTS runs may remain: most programs judged while filtering samples fail their first test, and for them a
    warm jail's start would be wasted.
    """

    def __init__(self, jail: Jail, command: JailCommand, language: str, python: Path, size: int,
                 cold: Callable[[Path], RunResult], enabled: bool = True, eager: bool = True) -> None:
        self.jail = jail
        self.command = command
        self.python = python
        self.cold = cold
        self.mode = warm_mode(jail, language, command.argv) if enabled else None
        self.warm_runs = 0
        self._left = size  # runs that may still come
        self._warm_from = 0 if eager else 1  # runs before the warm jail starts
        self._session: WarmSession | None = None
        self._started = False

    def run(self, stdin: Path) -> RunResult:
        left, self._left = self._left, self._left - 1
        if self.mode is not None and not self._started and self._warm_from == 0 and left >= MIN_TESTS:
            self._started = True
            self._session = WarmSession(self.jail, self.command, self.mode, self.python, left)
        self._warm_from = max(0, self._warm_from - 1)
        if self._session is not None:
            result = self._session.run(stdin)
            if result is not None:
                self.warm_runs += 1
                return result
            self._session.close()
            self._session = None
        return self.cold(stdin)

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _deadline(lifetime: float) -> float:
    """When the watchdog kills the jail: past its own time limit (a hang of ours)."""
    return time.monotonic() + lifetime + WATCHDOG_GRACE
