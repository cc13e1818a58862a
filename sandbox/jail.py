"""One process in an nsjail: namespaces, read-only mounts, limits, seccomp; and how it ended.

Each run gets fresh user, pid, ipc, uts, net, mount and cgroup namespaces; only the paths it needs, read-only;
a private size-limited tmpfs as its writable /tmp and working directory; a /proc of its own; no network (an
empty net namespace). Inside, the program runs as uid 1000, mapped to `nobody` outside (or to the caller's own
uid when we are not root). Memory and process counts are limited through cgroups where we may create them (v2 or
v1, see cgroups.py; each concurrent slot keeps a group and a launcher living in it, see slots.py), else through
rlimits. stdin, stdout and stderr are host files passed as descriptors: inputs never appear in the jail's file
system, and output beyond the limit is cut by the kernel (RLIMIT_FSIZE), never read into memory.

Two jails can also be run talking to each other (`run_pair`, for interactive problems): one's stdout is a pipe
to the other's stdin and back. The pipes are plain descriptors handed to each jail as its stdin and stdout, the
same way files are, so nothing about them shows in either jail's file system.

The program runs as the child of a tiny init of ours (jailinit.c, built once per cache): a program that is
itself pid 1 is immune to its own signals (abort, kill(-1)), which would hide its crashes; and init reports the
program's own exit status, CPU time and peak memory, free of the jail's start-up. Where no C compiler is at
hand, `sh` plays init and nsjail's own accounting is used instead.

A jail can also outlive one run: sandbox.warm starts one on a slot of its own (`take_slot`, `start_on`) with a
runner of ours as its first process, and turns each of its runs into a RunResult as any run's (`result`).

A verdict describes the program; our own failures (nsjail missing, a namespace refused) raise SandboxError.
"""

from __future__ import annotations

import math
import os
import subprocess
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from sandbox.cgroups import Cgroups
from sandbox.classify import classify
from sandbox.errors import SandboxError
from sandbox.limits import MIB, Limits
from sandbox.results import RunResult
from sandbox.slots import Slot, Slots, Started, Watchdog

# Syscalls no contest program needs and a jail breaker wants, answered with EPERM.
SECCOMP_DENY = (
    "ptrace", "mount", "umount", "pivot_root", "chroot", "setns", "unshare", "bpf", "perf_event_open", "keyctl",
    "add_key", "request_key", "userfaultfd", "kexec_load", "kexec_file_load", "init_module", "finit_module",
    "delete_module", "reboot", "swapon", "swapoff", "open_by_handle_at", "name_to_handle_at", "process_vm_readv",
    "process_vm_writev", "acct", "syslog", "iopl", "ioperm", "move_mount", "fsopen", "fsmount", "fspick",
    "fsconfig", "open_tree", "settimeofday", "clock_settime", "adjtimex", "lookup_dcookie", "quotactl",
    "io_uring_setup",
)
SECCOMP_POLICY = "ERRNO(1) { " + ", ".join(SECCOMP_DENY) + " } DEFAULT ALLOW"

# What every program sees, read-only. /lib and /lib64 are symlinks into /usr on merged-/usr systems.
BASE_MOUNTS = ("/usr", "/lib", "/lib64")
DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom")

INSIDE_ID = 1000
NOBODY = 65534
STDERR_KEPT = 64 * 1024
HELPERS_IN_JAIL = "/.sandbox"
REPORT_FD = 3  # where init finds its report file in the jail when runs start from a launcher
# nsjail sometimes fails to set a jail up under load (clone() or a mount answering EAGAIN or ENOMEM for a moment).
# Such a start is tried this many times in all, pausing START_BACKOFF seconds (doubled each time) in between,
# before it is reported as our failure: three covers a passing spike without hiding a jail that cannot work. A
# program's own failures are verdicts and never retried.
START_ATTEMPTS = 3
START_BACKOFF = 0.05
# nsjail enforces the wall limit itself; the watchdog kills an nsjail this many seconds past it (a hang of ours).
WATCHDOG_GRACE = 30.0


@dataclass(frozen=True)
class Mount:
    """A host path shown in the jail; read-only unless `writable`."""

    source: Path
    target: str
    writable: bool = False


@dataclass(frozen=True)
class JailCommand:
    """What to run in a jail and under which limits: argv, host paths shown inside, environment, and memory the
    runtime needs beyond the limit (a JVM's)."""

    argv: tuple[str, ...]
    limits: Limits
    mounts: tuple[Mount, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    extra_memory: int = 0


@dataclass(frozen=True)
class PairRun:
    """Two jails that talked to each other: how each ended, and whether the first ended before the second."""

    first: RunResult
    second: RunResult
    first_ended_first: bool


@dataclass(frozen=True)
class _Running:
    """A jail on its way: its slot, its nsjail, when it began (monotonic), and what it runs."""

    slot: Slot
    started: Started
    begun: float
    command: JailCommand


class JailStartError(SandboxError):
    """nsjail could not set a jail up (it logged a fatal error and never ran the command); retried a few times."""


class Jail:
    """Runs commands in nsjail; any number of runs at once (thread-safe), each in a slot of its own."""

    def __init__(self, nsjail: Path, cgroups: Cgroups, scratch: Path, helpers: Path | None = None) -> None:
        self.nsjail = nsjail
        self.helpers = helpers
        self.cgroups = cgroups
        self.scratch = scratch
        self.scratch.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            self.outside_uid = self.outside_gid = NOBODY
        else:
            self.outside_uid, self.outside_gid = os.getuid(), os.getgid()
        self.base_mounts = tuple(Mount(Path(p), p) for p in BASE_MOUNTS + DEVICES if os.path.exists(p))
        self._watchdog = Watchdog()
        self._slots = Slots(scratch, cgroups, helpers)
        # Launchers and cgroups go away with the jail even if nobody calls close().
        self._finalizer = weakref.finalize(self, self._slots.close)

    def close(self) -> None:
        """Stop the launchers, remove scratch files and cgroups (runs in progress must have finished)."""
        self._finalizer()

    # What a jail that outlives one run (sandbox.warm) builds on: a slot of its own, started on its launcher.

    def take_slot(self) -> Slot:
        return self._slots.take()

    def give_slot(self, slot: Slot) -> None:
        self._slots.give(slot)

    def start_on(self, slot: Slot, argv: list[str], fds: list[int], deadline: float) -> Started:
        """Start nsjail from the slot's launcher (the slot must have one); the watchdog kills it past `deadline`."""
        assert slot.launcher is not None
        return slot.launcher.start(argv, fds, self._watchdog, deadline)

    def run(
        self,
        argv: list[str],
        *,
        limits: Limits,
        stdin: Path | None = None,
        mounts: tuple[Mount, ...] = (),
        env: tuple[tuple[str, str], ...] = (),
        extra_memory: int = 0,
    ) -> RunResult:
        """Run `argv` in a jail with `stdin` (a host file, or nothing) as its input."""
        command = JailCommand(tuple(argv), limits, tuple(mounts), tuple(env), extra_memory)

        def once() -> RunResult:
            with open(stdin or os.devnull, "rb") as stdin_file:
                running = self._start(command, stdin_file.fileno())
            return self._finish(running)[0]

        return _retrying(once)

    def run_pair(self, first: JailCommand, second: JailCommand) -> PairRun:
        """Run two commands at once, each in its own jail, first's stdout feeding second's stdin and back.

        Each end of the two pipes is handed to its jail as a descriptor and closed here as soon as both jails
        hold theirs, so that either side sees end of file (or EPIPE) as soon as the other side's jail is gone.
        """

        def once() -> PairRun:
            to_second, from_first = os.pipe()  # read end, write end
            to_first, from_second = os.pipe()
            started = []
            failure: BaseException | None = None
            try:
                started.append(self._start(first, to_first, from_first))
                started.append(self._start(second, to_second, from_second))
            except BaseException as error:  # the one already started ends once its pipes are closed below
                failure = error
            finally:
                for descriptor in (to_second, from_first, to_first, from_second):
                    os.close(descriptor)
            ended = self._finish_together(started)
            if failure is not None:
                raise failure
            (first_result, first_end), (second_result, second_end) = ended
            return PairRun(first_result, second_result, first_end <= second_end)

        return _retrying(once)

    # ----------------------------------------------------------------------------------------------- internals

    def _start(self, command: JailCommand, stdin_fd: int, stdout_fd: int | None = None) -> _Running:
        """Start one jail on a slot of its own; stdout goes to the slot's file unless a descriptor is given."""
        slot = self._slots.take()
        try:
            if slot.group is not None:
                self.cgroups.prepare(slot.group, command.limits, command.extra_memory)
            open(slot.log, "wb").close()  # nsjail appends to its log
            with (
                open(slot.stdout, "wb") as stdout_file,  # emptied even when a pipe takes the output
                open(slot.stderr, "wb") as stderr_file,
                open(slot.report, "wb") as report_file,
            ):
                stdout = stdout_file.fileno() if stdout_fd is None else stdout_fd
                fds = [stdin_fd, stdout, stderr_file.fileno(), report_file.fileno()]
                report_fd = REPORT_FD if slot.launcher is not None else report_file.fileno()
                argv = self._command(command, slot, report_fd)
                begun = time.monotonic()
                deadline = begun + command.limits.wall_time + WATCHDOG_GRACE
                if slot.launcher is not None:
                    started = slot.launcher.start(argv, fds, self._watchdog, deadline)
                else:
                    started = self._spawn(argv, fds, deadline)
        except BaseException:
            self._slots.give(slot)
            raise
        return _Running(slot, started, begun, command)

    def _finish(self, running: _Running) -> tuple[RunResult, float]:
        """Wait for a started jail; its result, and the monotonic time it ended."""
        slot, limits = running.slot, running.command.limits
        try:
            status, usage, ended = running.started.wait()
            wall = ended - running.begun
            oom = self.cgroups.oom(slot.group)
            report = _read_report(slot.report)
            if report is None:
                self._check_launch(slot.log, status)
                # The jail was killed as a whole (wall-clock limit, or the memory limit's group kill): nsjail's
                # status and accounting, and the cgroup's peak, are all we have.
                exit_code, signal = _split_status(status)
                peak = self.cgroups.peak(slot.group)
                cpu, memory = usage[0], peak if peak is not None else usage[1]
            else:
                exit_code, signal, cpu, memory = report
            result = self.result(slot, limits, exit_code=exit_code, signal=signal, cpu=cpu, memory=memory,
                                 wall=wall, oom=oom)
        finally:
            self._slots.give(slot)
        return result, ended

    def result(self, slot: Slot, limits: Limits, *, exit_code: int | None, signal: int | None, cpu: float,
               memory: int, wall: float, oom: bool) -> RunResult:
        """A run's result from what was measured and the output it left in its slot's files."""
        cap = output_cap(limits)
        stdout_size, stderr_size = slot.stdout.stat().st_size, slot.stderr.stat().st_size
        with open(slot.stdout, "rb") as handle:
            stdout = handle.read(cap)
        with open(slot.stderr, "rb") as handle:
            handle.seek(max(0, stderr_size - STDERR_KEPT))
            stderr = handle.read()
        outcome = classify(
            exit_code=exit_code, signal=signal, cpu_time=cpu, wall_time=wall, limits=limits, oom=oom,
            output_full=max(stdout_size, stderr_size) >= cap, stderr=stderr, cgroups=self.cgroups.enabled,
        )
        return RunResult(
            outcome=outcome,
            exit_code=exit_code,
            signal=signal,
            time=cpu,
            wall_time=wall,
            memory=memory,
            stdout=stdout,
            stderr=stderr,
            output_truncated=stdout_size >= cap or stderr_size > STDERR_KEPT,
        )

    def _finish_together(self, running: list[_Running]) -> list[tuple[RunResult, float]]:
        """Wait for several jails at once (each on a thread of its own but the first), so each end is seen when
        it happens; raises the first failure once all have ended."""
        results: list[tuple[RunResult, float] | None] = [None] * len(running)
        failures: list[BaseException] = []

        def wait(index: int) -> None:
            try:
                results[index] = self._finish(running[index])
            except BaseException as error:
                failures.append(error)

        helpers = [threading.Thread(target=wait, args=(index,), name="jail-pair") for index in range(1, len(running))]
        for helper in helpers:
            helper.start()
        if running:
            wait(0)
        for helper in helpers:
            helper.join()
        if failures:
            raise failures[0]
        return [result for result in results if result is not None]

    def _command(self, command: JailCommand, slot: Slot, report_fd: int) -> list[str]:
        limits = command.limits
        return self.nsjail_argv(command, slot, report_fd, time_limit=math.ceil(limits.wall_time),
                                cpu_limit=str(math.ceil(limits.time) + 1), init=True)

    def nsjail_argv(self, command: JailCommand, slot: Slot, pass_fd: int, *, time_limit: int, cpu_limit: str,
                    init: bool) -> list[str]:
        """nsjail's command line for `command` on `slot`: descriptor `pass_fd` is passed into the jail; `init`
        puts our init in front of the command (else the command is the jail's first process, as the warm runner
        is); `time_limit` (whole seconds, 0 for none) and `cpu_limit` (RLIMIT_CPU, or "inf") bound the jail."""
        limits = command.limits
        argv = [
            # Quiet: nsjail's informational logging costs milliseconds per run; warnings and errors still come.
            str(self.nsjail), "--mode", "o", "--quiet", "--log", str(slot.log),
            "--user", f"{INSIDE_ID}:{self.outside_uid}:1", "--group", f"{INSIDE_ID}:{self.outside_gid}:1",
            "--hostname", "jail", "--cwd", "/tmp", "--proc_path", "/proc",
            "--mount", f"none:/tmp:tmpfs:size={limits.workdir}",
            "--time_limit", str(time_limit),
            # The CPU rlimit is a backstop (whole seconds only); the verdict uses the measured CPU time.
            "--rlimit_cpu", cpu_limit,
            "--rlimit_fsize", str(output_cap(limits) // MIB),
            "--rlimit_nofile", str(limits.open_files),
            # Deep recursion is common in contest code: the stack may use the whole memory limit, as on Codeforces.
            "--rlimit_stack", str(max(64, limits.memory // MIB)),
            "--seccomp_string", SECCOMP_POLICY,
            "--env", "PATH=/usr/bin:/bin", "--env", "HOME=/tmp", "--env", "TMPDIR=/tmp",
        ]
        if slot.group is not None:
            argv += ["--rlimit_as", "inf"]
        else:
            argv += ["--rlimit_as", str((limits.memory + command.extra_memory) // MIB),
                     "--rlimit_nproc", str(limits.processes)]
        mounts = command.mounts
        if self.helpers is not None:
            mounts = (Mount(self.helpers, HELPERS_IN_JAIL), *mounts)
            argv += ["--pass_fd", str(pass_fd)]
        for mount in self.base_mounts + tuple(mounts):
            flag = "--bindmount" if mount.writable else "--bindmount_ro"
            argv += [flag, f"{mount.source}:{mount.target}"]
        for key, value in command.env:
            argv += ["--env", f"{key}={value}"]
        if not init:
            argv += ["--", *command.argv]
        elif self.helpers is not None:
            argv += ["--", f"{HELPERS_IN_JAIL}/init", str(pass_fd), *command.argv]
        else:
            argv += ["--", "/usr/bin/sh", "-c", '"$@"; exit $?', "sh", *command.argv]
        if slot.group is not None and slot.launcher is None:
            # No launcher (no C compiler): each run moves itself into the slot's groups, slowly but correctly.
            argv = self.cgroups.enter_command(slot.group) + argv
        return argv

    def _spawn(self, argv: list[str], fds: list[int], deadline: float) -> Started:
        """Start nsjail as our own child (no launcher); the descriptors become its 0, 1, 2, and the report's own."""
        stdin, stdout, stderr, report = fds
        try:
            process = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=stderr, close_fds=True,
                                       pass_fds=(report,))
        except OSError as error:
            raise SandboxError(f"cannot start nsjail at {self.nsjail}: {error.strerror}") from None
        self._watchdog.watch(process.pid, deadline)
        return Started(process.pid, self._watchdog, process=process)

    def _check_launch(self, log_path: Path, nsjail_status: int) -> None:
        """Raise when nsjail itself failed (it then logs a fatal line and exits 255): ours, not the program's."""
        log = log_path.read_text(errors="replace")
        problems = [line for line in log.splitlines() if line.startswith(("[F]", "[E]"))]
        if nsjail_status == 255 and (problems or "Couldn't launch" in log):
            detail = problems[-1] if problems else log.strip().splitlines()[-1]
            raise JailStartError(
                f"nsjail could not run the program: {detail}. nsjail needs user, pid and mount namespaces "
                "(in a container: --privileged, or --security-opt seccomp=unconfined --security-opt "
                "apparmor=unconfined --cap-add SYS_ADMIN); check that `sysctl kernel.unprivileged_userns_clone` "
                "is 1 and that user.max_user_namespaces is not 0"
            )
        if nsjail_status == 127 and not problems:
            raise SandboxError(f"cannot start nsjail at {self.nsjail} (or the shell that starts it)")


def _retrying(attempt):
    """Call `attempt` until nsjail manages to set its jail up, at most START_ATTEMPTS times."""
    for number in range(1, START_ATTEMPTS + 1):
        try:
            return attempt()
        except JailStartError:
            if number == START_ATTEMPTS:
                raise
            time.sleep(START_BACKOFF * 2 ** (number - 1))
    raise AssertionError("unreachable")


def _split_status(status: int) -> tuple[int | None, int | None]:
    """(exit code, signal) from nsjail's status: it exits 128+n when its child died of signal n, and is itself
    killed (a negative status) only by the watchdog or a cgroup's memory kill."""
    if status < 0:
        return None, -status
    return (status, None) if status <= 128 else (None, status - 128)


def _read_report(path: Path) -> tuple[int | None, int | None, float, int] | None:
    """Init's line about the program: (exit code, signal, CPU seconds, peak bytes), or None if init never wrote."""
    try:
        fields = path.read_text().split()
        code, signal, rss = int(fields[0]), int(fields[1]), int(fields[4])
        user, system = float(fields[2]), float(fields[3])
    except (OSError, ValueError, IndexError):
        return None
    return (code if signal == 0 else None), (signal or None), user + system, rss * 1024


def output_cap(limits: Limits) -> int:
    """The bytes of stdout or stderr kept: the output limit rounded up to whole MiB (nsjail's unit)."""
    return max(MIB, -(-limits.output // MIB) * MIB)
