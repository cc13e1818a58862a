"""The warm runner (sandbox.warm): one jail per program, one fresh child per test.

Nothing of a test survives into the next (files, globals, environment, processes, IPC objects), and each run's
verdict and accounting equal those of a fresh jail, field by field (times within what the interpreter's start costs
a fresh run). Where this machine cannot run warm (no cgroups, no C compiler) every batch runs cold and these checks
still hold; the counts of warm runs are then not asserted.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from problems import Test
from sandbox import Limits, Outcome, Program, RunResult, Sandbox, SandboxConfig, Verdict
from sandbox.jail import JailCommand
from sandbox.warm import Batch, warm_mode

LIMITS = Limits(time=1.0, memory=256 << 20)
# A warm run leaves out the interpreter's start (site, compiling the source): some 10 ms of CPU on a fresh Python run,
# more on a loaded machine. Times of the two paths agree within this, plus 20% of the longer.
TIME_SLACK = 0.1
# A warm child's peak counts the runner's pages it shares (the interpreter, already started) rather than its own.
MEMORY_SLACK = 16 << 20


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox() as box:
        yield box


@pytest.fixture(scope="module")
def cold_sandbox():
    with Sandbox(SandboxConfig(warm=False)) as box:
        yield box


def warm_here(sandbox: Sandbox, language: str) -> bool:
    executable = sandbox.compile(Program(language, HELLO[language]))
    return warm_mode(sandbox.jail, language, tuple(executable.argv(LIMITS))) is not None


def run_batch(sandbox: Sandbox, language: str, source: str, inputs: list[str], limits: Limits = LIMITS) \
        -> list[RunResult]:
    """The program on each input, as one batch (one warm jail where that applies); asserts the batch ran warm when
    this machine can."""
    executable = sandbox.compile(Program(language, source))
    before = sandbox.warm_runs
    results = dict(sandbox.run_many([(index, executable, data) for index, data in enumerate(inputs)], limits))
    if warm_here(sandbox, language):
        assert sandbox.warm_runs - before == len(inputs), "the batch did not run warm"
    return [results[index] for index in range(len(inputs))]


HELLO = {
    "python3": 'print("Hello, world!")\n',
    "cpp": '#include <cstdio>\nint main() { puts("Hello, world!"); }\n',
    "java": 'public class Main { public static void main(String[] a) { System.out.println("Hello, world!"); } }\n',
}

# Reports what earlier tests might have left, then leaves all of it behind for the next test.
LEAVES_STATE = """\
import builtins, os, sys
found = {
    "tmp": sorted(os.listdir("/tmp")),
    "cwd": sorted(os.listdir(".")),
    "cwd_is": os.getcwd(),
    "global": getattr(builtins, "left_behind", None),
    "module": "left_behind" in sys.modules,
    "env": os.environ.get("LEFT_BEHIND"),
    "processes": [name for name in os.listdir("/proc") if name.isdigit() and int(name) not in (1, os.getpid())],
    "tmp_mode": oct(os.stat("/tmp").st_mode),
    "tmp_xattrs": os.listxattr("/tmp"),
    "sysv": [len(open(f"/proc/sysvipc/{kind}").read().splitlines()) - 1 for kind in ("shm", "msg", "sem")],
}
print(sorted(found.items()))
with open("/tmp/left.txt", "w") as handle:
    handle.write("x")
os.makedirs("deep/er/still", exist_ok=True)
os.chmod("deep/er", 0)
os.symlink("/box", "/tmp/link")
os.mkfifo("/tmp/fifo")
builtins.left_behind = 1
sys.modules["left_behind"] = sys
os.environ["LEFT_BEHIND"] = "1"
os.setxattr("/tmp", "user.left_behind", b"1")
os.chmod("/tmp", 0o700)
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
libc.shmget(1234, 4096, 0o1600)
libc.msgget(1234, 0o1600)
libc.semget(1234, 1, 0o1600)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv("/usr/bin/sleep", ["sleep", "300"])
    os._exit(0)
os.wait()
"""


def test_state_never_leaks_between_tests(sandbox):
    runs = run_batch(sandbox, "python3", LEAVES_STATE, ["", "", ""])
    assert all(run.outcome is Outcome.OK for run in runs), [run.stderr[-300:] for run in runs]
    first = runs[0].stdout.decode()
    assert "('tmp', [])" in first and "('cwd', [])" in first and "('global', None)" in first
    assert "('processes', [])" in first and "('sysv', [0, 0, 0])" in first and "('tmp_xattrs', [])" in first
    assert [run.stdout for run in runs] == [runs[0].stdout] * 3


def test_state_never_leaks_through_a_judged_batch(sandbox):
    tests = [Test("", "")] * 3
    source = ("import os, builtins\nprint(os.listdir('.'), getattr(builtins, 'seen', None))\n"
              "open('mark', 'w').close()\nbuiltins.seen = True\n")
    result = sandbox.judge(Program("python3", source), tests, LIMITS, stop_on_failure=False)
    assert [t.run.stdout for t in result.tests] == [b"[] None\n"] * 3


def test_cpp_state_never_leaks(sandbox):
    source = ('#include <cstdio>\nint main() { FILE *f = fopen("/tmp/left", "r"); puts(f ? "found" : "clean");\n'
              '  f = fopen("/tmp/left", "w"); fputs("x", f); fclose(f); }\n')
    runs = run_batch(sandbox, "cpp", source, ["", ""])
    assert [run.stdout for run in runs] == [b"clean\n", b"clean\n"]


# (name, language, source, input): every way a run can end.
MATRIX = [
    ("accepted", "python3", "print(sum(map(int, input().split())))\n", "2 3\n"),
    ("unicode", "python3", "s = input()\nprint(s[::-1], len(s))\n", "Привет 🌍\n"),
    ("exit code", "python3", "import sys\nprint('partial')\nsys.exit(3)\n", ""),
    ("exit message", "python3", "import sys\nsys.exit('giving up')\n", ""),
    ("exception", "python3", "def f(n):\n    return 1 // n\nprint(f(0))\n", ""),
    ("syntax error", "python3", "def broken(:\n", ""),
    ("killed by a signal", "python3", "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n", ""),
    ("abort", "python3", "import os\nos.abort()\n", ""),
    ("keyboard interrupt", "python3", "raise KeyboardInterrupt\n", ""),
    ("stderr and atexit", "python3", "import atexit, sys\natexit.register(lambda: print('bye'))\n"
                                     "print('note', file=sys.stderr)\nprint('hi')\n", ""),
    ("finalizer", "python3", "class A:\n    def __del__(self):\n        print('finalized')\nkeep = A()\n", ""),
    ("unflushed fd 1", "python3", "out = open(1, 'w')\nout.write('through fd 1\\n')\n", ""),
    ("thread", "python3", "import threading, time\nthreading.Thread(target=lambda: (time.sleep(0.1), "
                          "print('thread'))).start()\nprint('main')\n", ""),
    ("namespace", "python3", "import sys\nprint(sorted(globals()), sys.argv, sys.path[0], __file__, __spec__, "
                             "type(__loader__).__name__, sys.stdout.encoding, sys.stdout.line_buffering)\n", ""),
    ("time limit", "python3", "while True:\n    pass\n", ""),
    ("memory limit", "python3", "block = b'x' * (2 << 30)\nprint(len(block))\n", ""),
    ("output limit", "python3", "import sys\nchunk = 'y' * (1 << 20)\nfor _ in range(100):\n"
                                "    sys.stdout.write(chunk)\n", ""),
    ("cpp accepted", "cpp", "#include <cstdio>\nint main() { long long a, b; scanf(\"%lld %lld\", &a, &b);"
                            " printf(\"%lld\\n\", a * b); }\n", "6 7\n"),
    ("cpp exit code", "cpp", "int main() { return 7; }\n", ""),
    ("cpp signal", "cpp", "int main() { volatile int *p = nullptr; return *p; }\n", ""),
    ("java accepted", "java", "import java.util.*;\npublic class Main { public static void main(String[] a) {"
                              " Scanner s = new Scanner(System.in); System.out.println(s.nextInt() + s.nextInt());"
                              " } }\n", "20 22\n"),
    ("java exception", "java", "public class Main { public static void main(String[] a) {"
                               " throw new IllegalStateException(\"no\"); } }\n", ""),
    ("cpp memory limit", "cpp", "#include <vector>\n#include <cstdio>\nint main() { std::vector<char> v(2000000000,"
                                " 1); printf(\"%d\", v[123]); }\n", ""),
]


@pytest.mark.parametrize(("name", "language", "source", "test_input"), MATRIX, ids=[case[0] for case in MATRIX])
def test_warm_runs_equal_fresh_runs(sandbox, name, language, source, test_input):
    executable = sandbox.compile(Program(language, source))
    fresh = sandbox.run(executable, test_input, LIMITS)
    warm = run_batch(sandbox, language, source, [test_input, test_input])
    for run in warm:
        assert_same_run(fresh, run)


def test_sleeping_run_is_stopped_at_the_wall_limit_as_fresh(sandbox):
    limits = Limits(time=0.2)
    source = "import time\ntime.sleep(100)\n"
    fresh = sandbox.run(sandbox.compile(Program("python3", source)), "", limits)
    warm = run_batch(sandbox, "python3", source, ["", ""], limits)
    for run in warm:
        assert_same_run(fresh, run, memory=False)  # a fresh jail killed whole reports its cgroup's peak
        assert limits.wall_time <= run.wall_time < limits.wall_time + 1


def assert_same_run(fresh: RunResult, warm: RunResult, memory: bool = True) -> None:
    assert (warm.outcome, warm.exit_code, warm.signal, warm.output_truncated) == \
        (fresh.outcome, fresh.exit_code, fresh.signal, fresh.output_truncated)
    assert warm.stdout == fresh.stdout
    assert warm.stderr == fresh.stderr
    if fresh.outcome in (Outcome.OK, Outcome.RUNTIME_ERROR):
        # A limit's times are the limit's (a time limit) or the machine's (writing 64 MiB): compared where they are
        # the program's own.
        assert abs(warm.time - fresh.time) <= TIME_SLACK + 0.2 * max(warm.time, fresh.time)
        # A fresh run's wall time also holds the jail's start, which a loaded machine stretches.
        assert warm.wall_time <= fresh.wall_time + TIME_SLACK + 0.2 * fresh.wall_time
    if memory:
        assert abs(warm.memory - fresh.memory) <= max(MEMORY_SLACK, 0.1 * fresh.memory)


def test_judged_verdicts_equal_fresh_ones(sandbox, cold_sandbox):
    tests = [Test("1 2\n", "3\n"), Test("5 5\n", "10\n"), Test("0 0\n", "0\n"), Test("7 8\n", "15\n")]
    programs = [
        "print(sum(map(int, input().split())))\n",
        "a, b = map(int, input().split())\nprint(a + b if a != 5 else 0)\n",
        "a, b = map(int, input().split())\nprint(10 // a)\n",
        "a, b = map(int, input().split())\nwhile a == 7:\n    pass\nprint(a + b)\n",
    ]
    for source in programs:
        warm = sandbox.judge(Program("python3", source), tests, LIMITS, stop_on_failure=False)
        fresh = cold_sandbox.judge(Program("python3", source), tests, LIMITS, stop_on_failure=False)
        assert [t.verdict for t in warm.tests] == [t.verdict for t in fresh.tests]
        # Messages name the difference found, or the times of a time limit (which differ a little).
        assert [t.message for t in warm.tests if t.verdict is not Verdict.TIME_LIMIT] == \
            [t.message for t in fresh.tests if t.verdict is not Verdict.TIME_LIMIT]
        assert warm.verdict is fresh.verdict
    assert [t.verdict for t in warm.tests] == [Verdict.ACCEPTED] * 3 + [Verdict.TIME_LIMIT]


def test_a_child_that_tampers_with_the_runner_ends_the_warm_run(sandbox):
    # Lowering the runner's own limits (same user: allowed) would reach later tests' processes: the runner notices
    # and the rest of the batch runs fresh, with the limits a fresh run has.
    source = ("import resource\nprint(resource.getrlimit(resource.RLIMIT_NOFILE))\n"
              "resource.prlimit(1, resource.RLIMIT_NOFILE, (16, 16))\n")
    executable = sandbox.compile(Program("python3", source))
    before = sandbox.warm_runs
    results = dict(sandbox.run_many([(index, executable, "") for index in range(3)], LIMITS))
    assert {run.stdout for run in results.values()} == {b"(64, 64)\n"}
    if warm_here(sandbox, "python3"):
        assert sandbox.warm_runs - before == 1


def test_a_runner_that_cannot_start_leaves_every_run_fresh(sandbox, tmp_path):
    executable = sandbox.compile(Program("python3", "print(input())\n"))
    command = JailCommand(tuple(executable.argv(LIMITS)), LIMITS)
    inputs = []
    for index in range(3):
        inputs.append(Path(tmp_path) / f"in{index}")
        inputs[-1].write_text(f"{index}\n")
    with Batch(sandbox.jail, command, "python3", Path("/usr/bin/false"), len(inputs),
               lambda stdin: sandbox.run(executable, stdin, LIMITS)) as batch:
        results = [batch.run(path) for path in inputs]
    assert batch.warm_runs == 0
    assert [run.stdout for run in results] == [b"0\n", b"1\n", b"2\n"]


def test_warm_runs_leave_the_host_as_they_found_it(sandbox):
    before = set(os.listdir(tempfile.gettempdir()))
    run_batch(sandbox, "python3", "import os\nif os.fork() == 0:\n    os.setsid()\n    import time\n"
                                  "    time.sleep(300)\nprint('parent done')\n", ["", ""])
    after = set(os.listdir(tempfile.gettempdir()))
    assert after <= before
    for slot in Path(sandbox.jail.scratch).iterdir():
        if slot.name.startswith("slot-"):
            assert {p.name for p in slot.iterdir()} <= {"stdout", "stderr", "log", "report"}
