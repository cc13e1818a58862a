"""Run slots: what one jailed run at a time uses (scratch files, a cgroup, a launcher living in it), the pool of
them, the processes they start, and the watchdog that ends any nsjail outliving its deadline."""

from __future__ import annotations

import os
import shutil
import signal as signals
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from sandbox.cgroups import Cgroups
from sandbox.errors import SandboxError

# How one started nsjail ended: its exit status (negative: killed by that signal), (CPU seconds, peak bytes) of it
# and its children, and the CLOCK_MONOTONIC time (time.monotonic) at which it was seen to end.
Ending = tuple[int, tuple[float, int], float]


class Launcher:
    """Our end of one slot's launcher (launcher.c): sends a command with its descriptors, reads how it ended."""

    def __init__(self, binary: Path, enter: list[str]) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen([*enter, str(binary), str(theirs.fileno())], pass_fds=(theirs.fileno(),),
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, close_fds=True)
        finally:
            theirs.close()
        self.socket = ours

    def start(self, argv: list[str], fds: list[int], watchdog: Watchdog, deadline: float) -> Started:
        payload = b"".join(part.encode() + b"\0" for part in argv)
        try:
            socket.send_fds(self.socket, [payload], fds)
            started = self.socket.recv(256).decode()
        except OSError as error:
            raise SandboxError(f"the slot launcher failed: {error}") from None
        if not started or not started.lstrip("-").isdigit() or int(started) <= 0:
            raise SandboxError(f"the slot launcher could not start nsjail ({started or 'launcher gone'})")
        pid = int(started)
        watchdog.watch(pid, deadline)
        return Started(pid, watchdog, self)

    def wait(self) -> Ending:
        try:
            ended = self.socket.recv(256).decode().split()
        except OSError as error:
            raise SandboxError(f"the slot launcher failed: {error}") from None
        if len(ended) != 5:
            raise SandboxError("the slot launcher stopped answering")
        status = os.waitstatus_to_exitcode(int(ended[0]))
        return status, (float(ended[1]) + float(ended[2]), int(ended[3]) * 1024), float(ended[4])

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        self.socket.close()  # the launcher exits when its socket closes
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Started:
    """An nsjail on its way, started by a slot's launcher or directly by us (`launcher` None: our own child)."""

    def __init__(self, pid: int, watchdog: Watchdog, launcher: Launcher | None = None,
                 process: subprocess.Popen | None = None) -> None:
        self.pid = pid
        self.watchdog = watchdog
        self.launcher = launcher
        # Our own child is reaped here with wait4 (for its rusage), so its Popen must be kept until then and told:
        # a Popen dropped while its child runs joins subprocess's list of zombies to reap, and a later Popen
        # anywhere in the process would wait on that pid, taking our child (or, once the pid is reused, another).
        self.process = process

    def wait(self) -> Ending:
        try:
            if self.launcher is not None:
                return self.launcher.wait()
            _, wait_status, rusage = os.wait4(self.pid, 0)
            ended = time.monotonic()
            if self.process is not None:
                self.process.returncode = os.waitstatus_to_exitcode(wait_status)
        finally:
            self.watchdog.forget(self.pid)
        return os.waitstatus_to_exitcode(wait_status), (rusage.ru_utime + rusage.ru_stime, rusage.ru_maxrss * 1024), \
            ended


@dataclass
class Slot:
    """What one run at a time uses: scratch files (nsjail's log, stdout, stderr, init's report), cgroups, and
    the launcher living in them."""

    folder: Path
    group: str | None
    launcher: Launcher | None

    @property
    def stdout(self) -> Path:
        return self.folder / "stdout"

    @property
    def stderr(self) -> Path:
        return self.folder / "stderr"

    @property
    def log(self) -> Path:
        return self.folder / "log"

    @property
    def report(self) -> Path:
        return self.folder / "report"


class Slots:
    """A pool of slots, one per concurrent run, reused rather than created per run."""

    def __init__(self, scratch: Path, cgroups: Cgroups, helpers: Path | None) -> None:
        self.scratch = scratch
        self.cgroups = cgroups
        self.helpers = helpers
        self._free: list[Slot] = []
        self._all: list[Slot] = []
        self._lock = threading.Lock()

    def take(self) -> Slot:
        with self._lock:
            slot = self._free.pop() if self._free else None
            if slot is None:
                slot = Slot(Path(tempfile.mkdtemp(dir=self.scratch, prefix="slot-")),
                            self.cgroups.create(len(self._all)), None)
                self._all.append(slot)
        if slot.group is not None and self.helpers is not None and (slot.launcher is None or not slot.launcher.alive()):
            slot.launcher = Launcher(self.helpers / "launcher", self.cgroups.enter_command(slot.group))
        return slot

    def give(self, slot: Slot) -> None:
        with self._lock:
            self._free.append(slot)

    def close(self) -> None:
        with self._lock:
            for slot in self._all:
                if slot.launcher is not None:
                    slot.launcher.close()
                shutil.rmtree(slot.folder, ignore_errors=True)
                self.cgroups.remove(slot.group)
            self._all.clear()
            self._free.clear()


class Watchdog:
    """One thread for all runs: kills an nsjail that outlives its deadline (a hang of ours, not a verdict)."""

    def __init__(self) -> None:
        self._deadlines: dict[int, float] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, pid: int, deadline: float) -> None:
        with self._lock:
            self._deadlines[pid] = deadline
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="jail-watchdog", daemon=True)
                self._thread.start()

    def forget(self, pid: int) -> None:
        with self._lock:
            self._deadlines.pop(pid, None)

    def _loop(self) -> None:
        while True:
            time.sleep(1.0)
            now = time.monotonic()
            with self._lock:
                late = [pid for pid, deadline in self._deadlines.items() if deadline < now]
            for pid in late:
                try:
                    os.kill(pid, signals.SIGKILL)
                except ProcessLookupError:
                    pass
