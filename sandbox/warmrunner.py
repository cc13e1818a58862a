"""The warm runner: pid 1 of a warm jail, running one program on many tests, one fresh child per test.

Started by sandbox/warm.py inside an nsjail (never on the host), as the jail's first process:

    python3 warmrunner.py MODE CPU_SECONDS WALL_SECONDS SOCKET_FD PROGRAM [ARGS...]

MODE "python": PROGRAM is the interpreter and ARGS[0] the program's source. The runner reads and compiles it once
(the interpreter already imported site at its own start), then for each test forks a child that runs the code object
as `__main__`, as `python3 main.py` would: the program's top level never runs in this process. Where the source does
not compile (or compiling takes long enough to matter, see COMPILE_BUDGET), it falls back to MODE "exec".
MODE "exec": each test's child executes the jail's init (jailinit.c) with PROGRAM, as a fresh jail would.

Protocol on the SOCK_SEQPACKET socket SOCKET_FD: the runner says "ready <fork|exec> <resident bytes>" once
(resident: its own footprint, which the host adds to the memory limit), then answers each request, "run" with three
descriptors attached (stdin, stdout, stderr of the test), with "<exit code> <signal> <cpu seconds> <peak KiB> <wall
seconds>" once the test's processes are all gone, and cleans up while the host reads the result. It answers
"tampered" instead of running a test when the cleaning up after the last one failed or a child changed something of
ours we cannot put back (the host then runs that test and the rest cold), and exits after that, or when the socket
closes.

Why a child can neither reach this process nor leave anything to the next test:
- The runner is the pid namespace's init: a signal from inside the jail reaches it only through a handler, and it
  has none (SIGINT's is reset to the default). It is not dumpable (prctl), so /proc/1/mem, /proc/1/fd and
  pidfd_getfd are closed to its children (ptrace is denied by the jail's seccomp policy anyway). What the same user
  may still change from outside, its rlimits, nice value, scheduling and CPU affinity, is checked after every test
  (`_fingerprint`); any change ends the warm run.
- Each child gets the test's descriptors as 0, 1, 2 and nothing else; after the test, every process in the jail is
  killed (kill(-1) from init reaches all of them, whatever their session) and reaped before anything else happens.
- Everything writable is wiped: the jail's /tmp (its only writable file system; also the working directory) is
  emptied and its mode, extended attributes and times put back; System V IPC objects are removed; POSIX message
  queues cannot be created (RLIMIT_MSGQUEUE 0: without the mqueue file system they could not be listed to remove).
- Children fork from a process that never ran the program's code: globals, modules, environment and open files
  start as they were after the interpreter's start each time (`_prepare_interpreter` arranged, once, what differs
  between this script's start and the program's: arguments, import path, modules, standard streams, `__main__`).
What a child can still observe is counters: pid numbers and inode numbers grow from test to test.

Accounting, as the jail's init does it: CPU time and peak memory from wait4 on the child (its own and that of the
descendants it waited for; in exec mode init's report, for the program alone), wall time from fork to reaping; the
wall limit is enforced here (every process killed at the deadline), the CPU limit by RLIMIT_CPU set in the child
(this process has none: it lives for many tests), output by the jail's RLIMIT_FSIZE, memory and processes by the
slot's cgroup, which the host resets per test.
"""

import sys

STARTUP_MODULES = frozenset(sys.modules)  # the interpreter's own start, before anything of ours is imported

import _signal  # noqa: E402 - after the snapshot above, on purpose; `signal` would import enum
import _socket  # noqa: E402
import atexit  # noqa: E402
import ctypes  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import select  # noqa: E402
import time  # noqa: E402

PR_SET_DUMPABLE = 4
IPC_RMID = 0
INIT = "/.sandbox/init"  # our jail init, where the jail shows the helpers
REPORT_FD = 3
WORKDIR = "/tmp"  # the jail's one writable file system, also each program's working directory
# Compiling happens once here instead of once per run: a source whose compile costs more CPU than this would run
# measurably faster than it does fresh, so it runs the way a fresh jail runs it (exec mode).
COMPILE_BUDGET = 0.05
MAX_FD = os.sysconf("SC_OPEN_MAX")
RLIMITS = tuple(getattr(resource, name) for name in sorted(dir(resource)) if name.startswith("RLIMIT_"))
PYTHON_EXITS = 120  # Python's exit status when flushing stdout fails at exit


def main() -> "Job":
    """Serve tests until the host is done; returns only in a forked child, with the program to run."""
    mode, cpu, wall, channel_fd, argv = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), \
        sys.argv[5:]
    _signal.signal(_signal.SIGINT, _signal.SIG_DFL)  # init ignores signals it has no handler for
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    channel = _socket.socket(fileno=channel_fd)
    code = _compile(argv[1]) if mode == "python" else None
    namespace = _prepare_interpreter(argv[1]) if code is not None else None
    workdir = os.stat(WORKDIR)
    baseline = _fingerprint()
    gc.collect()
    gc.freeze()  # the children then leave our objects' pages shared
    channel.send(f"ready {'fork' if code is not None else 'exec'} {_resident()}".encode())
    clean = True
    while True:
        # The next test's process is forked ahead, while no process of the program exists (the last one's were all
        # killed), and waits for its descriptors on a socket of its own.
        pid, link, report = -1, None, None
        if clean:
            link, theirs = _socket.socketpair(_socket.AF_UNIX, _socket.SOCK_SEQPACKET)
            report = os.pipe() if code is None else None
            try:
                pid = os.fork()
            except OSError:
                pid = -1
            if pid == 0:
                link.close()
                fds = _receive(theirs)
                if fds is None:
                    os._exit(0)
                job = Job(code, namespace, fds, (channel, theirs), libc, cpu, argv, report)
                if code is not None:
                    return job
                job.exec_init()
            theirs.close()
            if report is not None:
                os.close(report[1])
        fds = _receive(channel)
        if fds is None or pid < 0:
            for fd in fds or ():
                os.close(fd)
            if fds is not None:
                channel.send(b"tampered" if not clean else b"error fork")
            if link is not None:
                link.close()  # the waiting child sees the end and exits
            _kill_all()
            return Job(None, None, [], (channel,), libc, cpu)
        begun = time.monotonic()
        link.sendmsg([b"run"], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS,
                                 b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in fds))])
        link.close()
        for fd in fds:
            os.close(fd)
        status, usage, ended = _wait(pid, begun + wall)
        _kill_all()  # before answering: the host then reads output no process can still write
        channel.send(_ending(status, usage, ended - begun, report).encode())
        # Cleaning up overlaps with the host reading the result; the next request waits for it.
        clean = _clean(workdir, libc) and _fingerprint() == baseline


class Job:
    """What a forked child needs to become the test's process: the program (a code object and the namespace to run
    it in, or in exec mode the command), the test's descriptors, and ours to drop. A Job without either is the
    runner's own end."""

    def __init__(self, code, namespace, fds, sockets, libc, cpu, argv=(), report=None) -> None:
        self.code, self.namespace, self.fds, self.sockets, self.libc, self.cpu = code, namespace, fds, sockets, \
            libc, cpu
        self.argv, self.report = list(argv), report

    def become_test(self) -> None:
        """Take the test's descriptors as 0, 1, 2 (and init's report as 3 in exec mode), drop all of ours, and take
        the limits a fresh jail's program has."""
        stdin, stdout, stderr = self.fds
        for ours in self.sockets:
            ours.detach()
        os.dup2(stdin, 0)
        os.dup2(stdout, 1)
        os.dup2(stderr, 2)
        first_free = 3
        if self.report is not None:
            os.dup2(self.report[1], REPORT_FD)
            first_free = REPORT_FD + 1
        os.closerange(first_free, MAX_FD)
        resource.setrlimit(resource.RLIMIT_CPU, (self.cpu, self.cpu))
        resource.setrlimit(resource.RLIMIT_MSGQUEUE, (0, 0))
        self.libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)

    def exec_init(self) -> None:
        """Exec mode: the jail's init runs the program, exactly as in a fresh jail."""
        try:
            self.become_test()
            for number in (_signal.SIGPIPE, _signal.SIGXFSZ, _signal.SIGINT):  # an ignored signal stays so
                _signal.signal(number, _signal.SIG_DFL)
            os.execv(INIT, [INIT, str(REPORT_FD), *self.argv])
        finally:
            os._exit(127)

    def become_main(self) -> dict:
        """Fork mode: the test's process, with the interpreter as `python3 PROGRAM` leaves it just before running
        PROGRAM's code (`_prepare_interpreter` did most of that once); the new `__main__`'s namespace."""
        self.become_test()
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        return self.namespace


def _prepare_interpreter(path: str) -> dict:
    """Make the interpreter look as `python3 PATH` leaves it just before running PATH's code, once for all the
    children: our own imports forgotten (we keep our references), the arguments and import path of PATH, fresh
    standard streams (on descriptors 0, 1, 2, which each child replaces before using them), and a fresh `__main__`;
    its namespace. We never run code in it: each child's copy is as fresh as this one."""
    for name in [name for name in sys.modules if name not in STARTUP_MODULES]:
        del sys.modules[name]
    sys.path_importer_cache.pop(sys.path[0], None)
    sys.path[0] = os.path.dirname(path)
    sys.argv = [path]
    sys.orig_argv = [sys.orig_argv[0], path]
    sys.stdin = sys.__stdin__ = _reopen(sys.__stdin__, 0, "r")
    sys.stdout = sys.__stdout__ = _reopen(sys.__stdout__, 1, "w")
    sys.stderr = sys.__stderr__ = _reopen(sys.__stderr__, 2, "w")
    main = type(sys)("__main__")  # its namespace's keys in the interpreter's order
    main.__annotations__ = {}
    main.__builtins__ = sys.modules["builtins"]
    main.__file__ = path
    main.__cached__ = None
    main.__loader__ = sys.modules["_frozen_importlib_external"].SourceFileLoader("__main__", path)
    sys.modules["__main__"] = main
    return main.__dict__


def _compile(path: str):
    """The program's code object, or None when it does not compile or compiling it costs too much (exec mode)."""
    started = time.process_time()
    try:
        with open(path, "rb") as handle:
            code = compile(handle.read(), path, "exec", dont_inherit=True)
    except BaseException:  # SyntaxError, ValueError (NUL bytes), MemoryError, RecursionError: the fresh way
        return None
    return code if time.process_time() - started <= COMPILE_BUDGET else None


def _receive(channel):
    """The next test's three descriptors, or None when the host is done."""
    while True:
        try:
            data, ancillary, _, _ = channel.recvmsg(64, _socket.CMSG_SPACE(4 * 8))
        except InterruptedError:
            continue
        fds = []
        for level, kind, payload in ancillary:
            if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
                fds += [int.from_bytes(payload[i:i + 4], sys.byteorder, signed=True)
                        for i in range(0, len(payload) - len(payload) % 4, 4)]
        if data == b"run" and len(fds) == 3:
            return fds
        for fd in fds:
            os.close(fd)
        if not data:
            return None
        channel.send(b"error bad request")


def _wait(pid: int, deadline: float):
    """Wait for the child until the wall deadline (then kill everything); its wait status, rusage and end time."""
    pidfd = os.pidfd_open(pid)
    try:
        poller = select.poll()
        poller.register(pidfd, select.POLLIN)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                _signal_all()
                break
            if poller.poll(max(1, int(left * 1000) + 1)):
                break
    finally:
        os.close(pidfd)
    _, status, usage = os.wait4(pid, 0)
    return status, usage, time.monotonic()


def _signal_all() -> bool:
    """SIGKILL every process of the jail but us; False when there was none."""
    try:
        os.kill(-1, _signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True


def _kill_all() -> None:
    """Kill and reap every process left in the jail (orphans are ours: we are init)."""
    while _signal_all():
        while True:
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                break


def _ending(status: int, usage, wall: float, report) -> str:
    """The reply about one test: init's report in exec mode when it wrote one, else the child's own figures."""
    if report is not None:
        try:
            fields = os.read(report[0], 256).split()
        finally:
            os.close(report[0])
        if len(fields) == 5:
            code, signal = int(fields[0]), int(fields[1])
            cpu = float(fields[2]) + float(fields[3])
            return f"{code} {signal} {cpu:.6f} {int(fields[4])} {wall:.6f}"
    if os.WIFSIGNALED(status):
        code, signal = -1, os.WTERMSIG(status)
    else:
        code, signal = os.WEXITSTATUS(status), 0
    cpu = usage.ru_utime + usage.ru_stime
    return f"{code} {signal} {cpu:.6f} {usage.ru_maxrss} {wall:.6f}"


def _clean(workdir: os.stat_result, libc) -> bool:
    """Put the jail's writable state back as it was before the first test; False if something would not go."""
    try:
        os.chmod(WORKDIR, workdir.st_mode & 0o7777)  # also moves its ctime on, whatever the child did
        _empty(WORKDIR)
        for name in os.listxattr(WORKDIR, follow_symlinks=False):
            os.removexattr(WORKDIR, name, follow_symlinks=False)
        os.utime(WORKDIR, ns=(workdir.st_atime_ns, workdir.st_mtime_ns), follow_symlinks=False)
        for kind, remove in (("shm", libc.shmctl), ("msg", libc.msgctl), ("sem", libc.semctl)):
            with open(f"/proc/sysvipc/{kind}") as table:
                ids = [int(line.split()[1]) for line in table.read().splitlines()[1:] if line.strip()]
            for ipc_id in ids:
                if (remove(ipc_id, 0, IPC_RMID, None) if kind == "sem" else remove(ipc_id, IPC_RMID, None)) != 0:
                    return False
        return True
    except OSError:
        return False
    finally:
        os.chdir(WORKDIR)


def _empty(top: str) -> None:
    """Remove everything under `top`, however deep or locked (we own it all: one user lives in the jail, and nothing
    else runs now). Walks by chdir, one directory's listing per level: no descriptor per level, no recursion, no
    path length limit, and never through a symbolic link."""
    os.chdir(top)
    names: list[str | None] = [None]
    pending = [_listing()]
    while pending:
        if pending[-1]:
            entry = pending[-1].pop()
            if entry.is_dir(follow_symlinks=False):
                os.chmod(entry.name, 0o700)
                os.chdir(entry.name)
                names.append(entry.name)
                pending.append(_listing())
            else:
                os.unlink(entry.name)
        else:
            pending.pop()
            name = names.pop()
            if name is not None:
                os.chdir("..")
                os.rmdir(name)


def _listing() -> list:
    with os.scandir(".") as entries:
        return list(entries)


def _fingerprint() -> tuple:
    """What another process of our user could change about us and our future children."""
    return (tuple(resource.getrlimit(limit) for limit in RLIMITS), os.getpriority(os.PRIO_PROCESS, 0),
            os.sched_getscheduler(0), os.sched_getparam(0).sched_priority, frozenset(os.sched_getaffinity(0)))


def _resident() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _reopen(old, fd: int, mode: str):
    """A standard stream on `fd` made as the interpreter made `old` at its start (same encoding, errors, buffering)."""
    buffered = isinstance(old.buffer, io.BufferedIOBase)
    binary = open(fd, mode + "b", -1 if buffered else 0, closefd=False)
    (binary.raw if buffered else binary).name = old.buffer.name
    stream = io.TextIOWrapper(binary, old.encoding, old.errors, "\n", old.line_buffering, old.write_through)
    stream.mode = mode
    return stream


# ---------------------------------------------------------------------------------------- the program's own end


def _exit_status(error: SystemExit) -> int:
    """What the interpreter exits with for an uncaught SystemExit (printing a non-integer code, as it does)."""
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        status = code if -(1 << 63) <= code < (1 << 63) else -1  # PyLong_AsLong, then the C int cast
        return (status + (1 << 31)) % (1 << 32) - (1 << 31)
    try:
        stderr = sys.stderr
        if stderr is not None:
            stderr.write(str(code))
            stderr.write("\n")
    except BaseException:  # as the interpreter: a failing stderr does not change the status
        pass
    return 1


def _print_uncaught(error: BaseException) -> int:
    """Report an uncaught exception as PyErr_Print does (without our own frame); the exit status."""
    traceback = error.__traceback__.tb_next if error.__traceback__ is not None else None
    error.__traceback__ = traceback
    sys.last_type, sys.last_value, sys.last_traceback = type(error), error, traceback
    hook = getattr(sys, "excepthook", None)
    if hook is None:
        print("sys.excepthook is missing", file=sys.__stderr__)
        sys.__excepthook__(type(error), error, traceback)
        return 1
    try:
        hook(type(error), error, traceback)
    except SystemExit as exit_request:
        return _exit_status(exit_request)
    except BaseException as hook_error:
        print("Error in sys.excepthook:", file=sys.__stderr__)
        sys.__excepthook__(type(hook_error), hook_error, hook_error.__traceback__)
        print("\nOriginal exception was:", file=sys.__stderr__)
        sys.__excepthook__(type(error), error, traceback)
    return 1


class _Unraisable:
    """The argument sys.unraisablehook expects (the interpreter builds one of its own type)."""

    def __init__(self, error: BaseException, obj) -> None:
        self.exc_type, self.exc_value, self.exc_traceback = type(error), error, error.__traceback__
        self.err_msg, self.object = None, obj


def _flush_standard_streams() -> bool:
    """flush_std_files: stdout's failure is reported as unraisable, stderr's silently; False if either failed."""
    ok = True
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is None or getattr(stream, "closed", False):
            continue
        try:
            stream.flush()
        except BaseException as error:
            ok = False
            if name == "stdout":
                try:
                    sys.unraisablehook(_Unraisable(error, stream))
                except BaseException:
                    pass
    return ok


def _finish(status: int, namespace: dict, interrupted: bool) -> None:
    """Py_FinalizeEx's visible part, in its order: non-daemon threads joined, atexit callbacks, standard streams
    flushed (status 120 if that fails), garbage collected, `__main__` cleared (its objects' finalizers run), streams
    flushed again. Then out, without tearing the interpreter down: nothing of it is visible any more. What it calls
    was bound when this script started, so that a program rebinding `os._exit` or `gc.collect` changes nothing."""
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
            try:
                threading._shutdown()
            except BaseException:
                pass
        _RUN_EXITFUNCS()
        if not _flush_standard_streams():
            status = PYTHON_EXITS
        if _GC_ENABLED():
            _COLLECT()
        sys.stdin, sys.stdout, sys.stderr = sys.__stdin__, sys.__stdout__, sys.__stderr__
        for single_underscore in (True, False):  # _PyModule_ClearDict's two passes
            for key in list(namespace):
                if not isinstance(key, str) or namespace[key] is None:
                    continue
                private = key.startswith("_") and not key.startswith("__")
                if (single_underscore and private) or (not single_underscore and key != "__builtins__"):
                    namespace[key] = None
        _COLLECT()
        if not _flush_standard_streams():
            status = PYTHON_EXITS
        if interrupted:  # an uncaught KeyboardInterrupt ends the process by SIGINT, as the interpreter does
            _SIGNAL(_signal.SIGINT, _signal.SIG_DFL)
            _KILL(_GETPID(), _signal.SIGINT)
    finally:
        _EXIT(status)


_EXIT, _KILL, _GETPID, _SIGNAL = os._exit, os.kill, os.getpid, _signal.signal
_COLLECT, _GC_ENABLED, _RUN_EXITFUNCS = gc.collect, gc.isenabled, atexit._run_exitfuncs

if __name__ == "__main__":
    JOB = main()
    if JOB.code is None:
        _EXIT(0)
    try:
        NAMESPACE = JOB.become_main()
    except BaseException:
        _EXIT(126)
    STATUS, INTERRUPTED = 1, False
    try:
        try:
            exec(JOB.code, NAMESPACE)
            STATUS = 0
        except SystemExit as EXIT_REQUEST:
            STATUS = _exit_status(EXIT_REQUEST)
        except BaseException as ERROR:
            INTERRUPTED = isinstance(ERROR, KeyboardInterrupt)
            STATUS = _print_uncaught(ERROR)
    finally:
        _finish(STATUS, NAMESPACE, INTERRUPTED)
