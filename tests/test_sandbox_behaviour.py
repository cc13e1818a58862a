"""The sandbox's behaviour matrix: each program gets its exact verdict and leaves the host as it found it."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from problems import Test
from sandbox import CompileError, Limits, Outcome, Program, Sandbox, Verdict

LIMITS = Limits(time=1.0, memory=256 << 20)


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox() as box:
        yield box


def nobody_processes() -> set[str]:
    done = subprocess.run(["ps", "-eo", "pid=,user=,args="], capture_output=True, text=True)
    return {line for line in done.stdout.splitlines() if line.split()[1] in ("nobody", "65534")}


def temp_entries() -> set[str]:
    return set(os.listdir(tempfile.gettempdir()))


@pytest.fixture
def host_unchanged(sandbox):
    """Asserts after the test that no jailed process survived and no file appeared outside the jail."""
    scratch = Path(sandbox.jail.scratch)
    processes, temps = nobody_processes(), temp_entries()
    # The scratch folder is shared by every default sandbox on the machine: a solver killed earlier (a batch test
    # kills one on purpose) may have left its inputs there. Only what appears during this test counts.
    before = {entry.name for entry in scratch.iterdir()}
    yield
    time.sleep(0.05)
    assert nobody_processes() <= processes, "a jailed process outlived its jail"
    assert temp_entries() <= temps, "a file appeared in the host's temp directory"
    # The sandbox's own scratch holds only its reusable slots: the last run's stdout, stderr, logs and report.
    for entry in scratch.iterdir():
        if entry.name in before and not entry.name.startswith("slot-"):
            continue
        assert entry.name.startswith("slot-"), entry.name
        assert {p.name for p in entry.iterdir()} <= {"stdout", "stderr", "log", "report"}


def judge(sandbox: Sandbox, language: str, source: str, test_input: str = "", expected: str = "",
          limits: Limits = LIMITS):
    return sandbox.judge(Program(language, source), [Test(test_input, expected)], limits)


HELLO = {
    "python3": 'print("Hello, world!")\n',
    "cpp": '#include <cstdio>\nint main() { puts("Hello, world!"); }\n',
    "java": 'public class Main { public static void main(String[] a) { System.out.println("Hello, world!"); } }\n',
}
ECHO = {
    "python3": "import sys\nsys.stdout.write(sys.stdin.read())\n",
    "cpp": "#include <bits/stdc++.h>\nint main() { std::cout << std::cin.rdbuf(); }\n",
    "java": "import java.io.*;\npublic class Main { public static void main(String[] a) throws IOException {"
            " System.in.transferTo(System.out); } }\n",
}
SYNTAX_ERROR = {"python3": "def broken(:\n", "cpp": "int main( { return 0 }\n", "java": "public class Main { void }\n"}


@pytest.mark.parametrize("language", ["python3", "cpp", "java"])
def test_hello_world(sandbox, host_unchanged, language):
    result = judge(sandbox, language, HELLO[language], expected="Hello, world!\n")
    assert result.verdict is Verdict.ACCEPTED


@pytest.mark.parametrize("language", ["python3", "cpp", "java"])
def test_echo_stdin(sandbox, host_unchanged, language):
    text = "3\n1 2 3\nlast line without newline"
    assert judge(sandbox, language, ECHO[language], text, text).verdict is Verdict.ACCEPTED


@pytest.mark.parametrize(("language", "verdict"), [
    ("python3", Verdict.RUNTIME_ERROR), ("cpp", Verdict.COMPILE_ERROR), ("java", Verdict.COMPILE_ERROR),
])
def test_syntax_error(sandbox, host_unchanged, language, verdict):
    result = judge(sandbox, language, SYNTAX_ERROR[language])
    assert result.verdict is verdict
    if verdict is Verdict.COMPILE_ERROR:
        assert "error" in result.compile_message
    else:
        assert b"SyntaxError" in result.tests[0].run.stderr


def test_compile_error_is_cached_with_its_message(sandbox):
    first = sandbox.compile(Program("cpp", "int main() { undefined_name; }\n"))
    second = sandbox.compile(Program("cpp", "int main() { undefined_name; }\n"))
    assert isinstance(first, CompileError) and first == second
    assert "undefined_name" in first.message


@pytest.mark.parametrize("language,source", [
    ("python3", "while True:\n    pass\n"),
    ("cpp", "int main() { volatile unsigned long x = 0; for (;;) x++; }\n"),
])
def test_infinite_loop_is_time_limit(sandbox, host_unchanged, language, source):
    result = judge(sandbox, language, source)
    assert result.verdict is Verdict.TIME_LIMIT
    assert result.tests[0].run.time > LIMITS.time


def test_sleeping_forever_is_stopped_by_the_wall_clock(sandbox, host_unchanged):
    result = judge(sandbox, "python3", "import time\ntime.sleep(10**6)\n")
    run = result.tests[0].run
    assert result.verdict is Verdict.TIME_LIMIT
    assert run.time < 0.5 and LIMITS.wall_time <= run.wall_time < LIMITS.wall_time + 2


@pytest.mark.parametrize("language,source", [
    ("python3", "block = b'x' * (2 << 30)\nprint(len(block))\n"),
    ("cpp", "#include <vector>\n#include <cstdio>\nint main() { std::vector<char> v(2000000000, 1);"
            " printf(\"%d\", v[123]); }\n"),
])
def test_allocating_two_gigabytes_is_memory_limit(sandbox, host_unchanged, language, source):
    result = judge(sandbox, language, source)
    assert result.verdict is Verdict.MEMORY_LIMIT


def test_fork_bomb_is_contained(sandbox, host_unchanged):
    source = "import os\nwhile True:\n    os.fork()\n"
    start = time.perf_counter()
    result = judge(sandbox, "python3", source)
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert b"BlockingIOError" in result.tests[0].run.stderr or b"Resource temporarily" in result.tests[0].run.stderr
    assert time.perf_counter() - start < LIMITS.wall_time + 2
    # the host still forks freely
    assert subprocess.run(["true"]).returncode == 0


def test_hundred_megabytes_of_output_is_output_limit(sandbox, host_unchanged):
    source = "import sys\nchunk = 'y' * (1 << 20)\nfor _ in range(100):\n    sys.stdout.write(chunk)\n"
    result = judge(sandbox, "python3", source)
    run = result.tests[0].run
    assert result.verdict is Verdict.OUTPUT_LIMIT
    assert len(run.stdout) <= LIMITS.output and run.output_truncated


def test_cpp_output_flood_is_output_limit(sandbox, host_unchanged):
    source = "#include <cstdio>\nint main() { for (;;) fputs(\"flood flood flood\\n\", stdout); }\n"
    assert judge(sandbox, "cpp", source).verdict is Verdict.OUTPUT_LIMIT


def test_writing_a_gigabyte_file_is_stopped(sandbox, host_unchanged):
    source = (
        "import os\nchunk = b'z' * (1 << 20)\nwith open('big.bin', 'wb') as f:\n"
        "    for _ in range(1024):\n        f.write(chunk)\nprint(os.path.getsize('big.bin'))\n"
    )
    before = os.statvfs(tempfile.gettempdir()).f_bfree
    result = judge(sandbox, "python3", source)
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert b"No space left on device" in result.tests[0].run.stderr or b"File too large" in result.tests[0].run.stderr
    assert os.statvfs(tempfile.gettempdir()).f_bfree > before - (64 << 20) // os.statvfs("/").f_frsize


def test_network_is_unreachable(sandbox, host_unchanged):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    accepted: list[object] = []

    def accept() -> None:
        try:
            accepted.append(listener.accept())
        except OSError:
            pass

    waiter = threading.Thread(target=accept)
    waiter.start()
    source = f"import socket\ns = socket.create_connection(('127.0.0.1', {port}), timeout=2)\nprint('connected')\n"
    result = judge(sandbox, "python3", source, expected="connected\n")
    waiter.join()
    listener.close()
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert b"ConnectionRefusedError" in result.tests[0].run.stderr
    assert not accepted


def test_secrets_are_unreadable(sandbox, host_unchanged, tmp_path):
    secret = Path(tempfile.gettempdir()) / f"sandbox-secret-{os.getpid()}"
    secret.write_text("the secret\n")
    try:
        for path in ("/etc/shadow", str(secret)):
            source = f"print(open({path!r}).read())\n"
            result = judge(sandbox, "python3", source, expected="the secret\n")
            assert result.verdict is Verdict.RUNTIME_ERROR
            assert b"the secret" not in result.tests[0].run.stdout
    finally:
        secret.unlink()


def test_jailed_process_is_not_root_outside(sandbox, host_unchanged):
    source = "import os\nprint(os.getuid())\nprint(open('/proc/self/uid_map').read().split())\n"
    result = sandbox.run(sandbox.compile(Program("python3", source)), b"", LIMITS)
    lines = result.stdout.decode().splitlines()
    inside, outside = lines[0], eval(lines[1])[1]  # noqa: S307 - our own program's output
    assert inside == "1000"
    assert int(outside) != 0
    assert int(outside) == (65534 if os.geteuid() == 0 else os.getuid())


def test_dangerous_syscalls_are_denied(sandbox, host_unchanged):
    source = (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "print(libc.ptrace(0, 0, 0, 0), ctypes.get_errno())\n"
        "print(libc.unshare(0x10000000), ctypes.get_errno())\n"
        "print(libc.syscall(321, 0, 0, 0), ctypes.get_errno())\n"  # bpf
    )
    result = judge(sandbox, "python3", source, expected="-1 1\n-1 1\n-1 1\n")
    assert result.verdict is Verdict.ACCEPTED


def test_kill_all_only_kills_the_jail(sandbox, host_unchanged):
    bystander = subprocess.Popen(["sleep", "30"])
    try:
        # The program's own child is in the jail and dies; the bystander outside does not; kill(-1) spares the caller.
        source = (
            "import os, signal, time\nif os.fork() == 0:\n    time.sleep(30)\n    os._exit(0)\n"
            "os.kill(-1, signal.SIGKILL)\nprint(os.waitpid(-1, 0)[1])\nprint('still here')\n"
        )
        result = judge(sandbox, "python3", source, expected="9\nstill here\n")
        assert result.verdict is Verdict.ACCEPTED
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


def test_daemonized_child_dies_with_the_jail(sandbox, host_unchanged):
    source = (
        "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
        "        time.sleep(300)\n    os._exit(0)\nprint('parent done')\n"
    )
    result = judge(sandbox, "python3", source, expected="parent done\n")
    assert result.verdict is Verdict.ACCEPTED
    # host_unchanged checks that the sleeper is gone


def test_unicode_input_and_output(sandbox, host_unchanged):
    text = "Привет, мир! 你好 🌍 ñ\n"
    source = "s = input()\nprint(s[::-1])\nprint(len(s))\n"
    expected = text.strip()[::-1] + "\n" + str(len(text.strip())) + "\n"
    assert judge(sandbox, "python3", source, text, expected).verdict is Verdict.ACCEPTED


def test_sixty_four_megabytes_of_input(sandbox, host_unchanged):
    data = ("1234567 " * (8 << 20))[: 64 << 20]
    source = "import sys\ndata = sys.stdin.buffer.read()\nprint(len(data), data.count(b' '))\n"
    expected = f"{len(data)} {data.count(' ')}\n"
    result = judge(sandbox, "python3", source, data, expected, limits=Limits(time=5.0))
    assert result.verdict is Verdict.ACCEPTED


def test_runtime_error_reports_signal_and_exit_code(sandbox, host_unchanged):
    crash = judge(sandbox, "cpp", "int main() { volatile int *p = nullptr; return *p; }\n")
    assert crash.verdict is Verdict.RUNTIME_ERROR and crash.tests[0].run.signal == 11
    exit_code = judge(sandbox, "python3", "import sys\nsys.exit(3)\n")
    assert exit_code.verdict is Verdict.RUNTIME_ERROR and exit_code.tests[0].run.exit_code == 3


def test_wrong_answer(sandbox, host_unchanged):
    result = judge(sandbox, "python3", "print(41)\n", expected="42\n")
    assert result.verdict is Verdict.WRONG_ANSWER and "expected '42', got '41'" in result.tests[0].message


def test_twenty_concurrent_programs_match_sequential(sandbox, host_unchanged):
    cases = [
        ("python3", "print(sum(map(int, input().split())))\n", "1 2\n", "3\n"),
        ("python3", "print(0)\n", "1 2\n", "3\n"),
        ("python3", "while True: pass\n", "", ""),
        ("python3", "raise SystemExit(2)\n", "", ""),
        ("cpp", "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a*b;}\n", "6 7", "42"),
    ]
    programs = [cases[i % len(cases)] for i in range(20)]
    sequential = [judge(sandbox, *case).verdict for case in programs]
    with ThreadPoolExecutor(max_workers=20) as pool:
        concurrent = list(pool.map(lambda case: judge(sandbox, *case).verdict, programs))
    assert concurrent == sequential
    assert sequential[:5] == [Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT,
                              Verdict.RUNTIME_ERROR, Verdict.ACCEPTED]


def test_judge_many_streams_results(sandbox):
    tests = [Test("1 2\n", "3\n"), Test("5 5\n", "10\n")]
    programs = [Program("python3", "print(sum(map(int, input().split())))\n"),
                Program("python3", "print(3)\n"),
                Program("cpp", "int main( {")]
    results = dict(sandbox.judge_many(programs, tests, LIMITS))
    assert results[0].verdict is Verdict.ACCEPTED and len(results[0].tests) == 2
    assert results[1].verdict is Verdict.WRONG_ANSWER and len(results[1].tests) == 2
    assert results[2].verdict is Verdict.COMPILE_ERROR
    run_all = dict(sandbox.judge_many(programs[1:2], tests[::-1], LIMITS, stop_on_failure=False))
    assert [t.verdict for t in run_all[0].tests] == [Verdict.WRONG_ANSWER, Verdict.ACCEPTED]


def test_run_many_keys_results(sandbox):
    executable = sandbox.compile(Program("python3", "print(int(input()) * 2)\n"))
    jobs = [(i, executable, f"{i}\n") for i in range(6)]
    results = dict(sandbox.run_many(jobs, LIMITS))
    assert {k: r.stdout for k, r in results.items()} == {i: f"{2 * i}\n".encode() for i in range(6)}
    assert all(r.outcome is Outcome.OK for r in results.values())


# ---------------------------------------------------------------------------------------------------------------
# The same attacks on the warm runner (sandbox.warm): one jail per program, each test in a fresh child of a runner of
# ours. Each program is judged on several copies of one test, all of them run; every test must get the verdict a
# fresh jail gives, whatever the one before it did.

WARM_TESTS = 3


def judge_warm(sandbox: Sandbox, language: str, source: str, test_input: str = "", expected: str = "",
               limits: Limits = LIMITS):
    """The program on WARM_TESTS copies of one test, all run, in one warm jail where this machine can; asserts that
    every test got the same verdict, and that the batch ran warm when it could."""
    from sandbox.warm import warm_mode

    executable = sandbox.compile(Program(language, source))
    before = sandbox.warm_runs
    result = sandbox.judge(executable, [Test(test_input, expected)] * WARM_TESTS, limits, stop_on_failure=False)
    assert len(result.tests) == WARM_TESTS
    assert len({t.verdict for t in result.tests}) == 1, [t.verdict for t in result.tests]
    if not isinstance(executable, CompileError) and warm_mode(sandbox.jail, language, tuple(executable.argv(limits))):
        assert sandbox.warm_runs - before == WARM_TESTS, "the tests did not run warm"
    return result


def test_warm_fork_bomb_is_contained(sandbox, host_unchanged):
    start = time.perf_counter()
    result = judge_warm(sandbox, "python3", "import os\nwhile True:\n    os.fork()\n")
    assert result.verdict is Verdict.RUNTIME_ERROR
    for test in result.tests:
        assert b"BlockingIOError" in test.run.stderr or b"Resource temporarily" in test.run.stderr
    assert time.perf_counter() - start < WARM_TESTS * (LIMITS.wall_time + 2)
    assert subprocess.run(["true"]).returncode == 0


@pytest.mark.parametrize("language,source", [
    ("python3", "block = b'x' * (2 << 30)\nprint(len(block))\n"),
    ("cpp", "#include <vector>\n#include <cstdio>\nint main() { std::vector<char> v(2000000000, 1);"
            " printf(\"%d\", v[123]); }\n"),
])
def test_warm_memory_hog_is_memory_limit_every_time(sandbox, host_unchanged, language, source):
    assert judge_warm(sandbox, language, source).verdict is Verdict.MEMORY_LIMIT


def test_warm_output_flood_is_output_limit_every_time(sandbox, host_unchanged):
    source = "import sys\nchunk = 'y' * (1 << 20)\nfor _ in range(100):\n    sys.stdout.write(chunk)\n"
    result = judge_warm(sandbox, "python3", source)
    assert result.verdict is Verdict.OUTPUT_LIMIT
    assert all(len(t.run.stdout) <= LIMITS.output and t.run.output_truncated for t in result.tests)


def test_warm_sleeping_forever_is_stopped_by_the_wall_clock(sandbox, host_unchanged):
    result = judge_warm(sandbox, "python3", "import time\ntime.sleep(10**6)\n")
    assert result.verdict is Verdict.TIME_LIMIT
    for test in result.tests:
        assert test.run.time < 0.5 and LIMITS.wall_time <= test.run.wall_time < LIMITS.wall_time + 2


def test_warm_infinite_loop_is_time_limit(sandbox, host_unchanged):
    result = judge_warm(sandbox, "python3", "while True:\n    pass\n")
    assert result.verdict is Verdict.TIME_LIMIT and all(t.run.time > LIMITS.time for t in result.tests)


def test_warm_program_cannot_kill_or_stop_the_runner(sandbox, host_unchanged):
    bystander = subprocess.Popen(["sleep", "30"])
    try:
        # Its parent is the runner (the jail's init): every signal is ignored; kill(-1) reaches only the test's own.
        source = (
            "import os, signal, time\nif os.fork() == 0:\n    time.sleep(30)\n    os._exit(0)\n"
            "for number in (signal.SIGTERM, signal.SIGINT, signal.SIGKILL, signal.SIGSTOP, signal.SIGSEGV):\n"
            "    os.kill(os.getppid(), number)\n"
            "os.kill(-1, signal.SIGKILL)\nprint(os.waitpid(-1, 0)[1])\nprint('still here')\n"
        )
        result = judge_warm(sandbox, "python3", source, expected="9\nstill here\n")
        assert result.verdict is Verdict.ACCEPTED
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


def test_warm_runner_is_closed_to_its_children(sandbox, host_unchanged):
    # /proc/1 is the runner's: not dumpable, so its memory, environment and descriptors are closed to the test.
    source = (
        "import os\nfor path in ('/proc/1/mem', '/proc/1/environ', '/proc/1/fd/0', '/proc/1/fd/3', '/etc/shadow'):\n"
        "    try:\n        open(path, 'rb').read(1)\n        print('read', path)\n"
        "    except OSError:\n        print('denied')\n"
        "print(sorted(set(os.listdir('/proc/self/fd')) - {'3'}))\n"
    )
    expected = "denied\n" * 5 + "['0', '1', '2']\n"
    assert judge_warm(sandbox, "python3", source, expected=expected).verdict is Verdict.ACCEPTED


def test_warm_files_written_are_gone_in_the_next_test(sandbox, host_unchanged):
    source = (
        "import os\nprint(os.listdir('/tmp'), os.listdir('.'))\n"
        "open('/tmp/note', 'w').write('x')\nopen('here', 'w').write('y')\n"
        "os.makedirs('/tmp/a/b/c')\nos.chmod('/tmp/a/b', 0)\nos.chmod('/tmp', 0o500)\n"
    )
    assert judge_warm(sandbox, "python3", source, expected="[] []\n").verdict is Verdict.ACCEPTED


def test_warm_global_state_is_fresh_each_test(sandbox, host_unchanged):
    source = (
        "import builtins, os, sys\n"
        "print(getattr(builtins, 'mark', None), os.environ.get('MARK'), 'mark' in sys.modules)\n"
        "builtins.mark = 1\nos.environ['MARK'] = '1'\nsys.modules['mark'] = sys\n"
    )
    assert judge_warm(sandbox, "python3", source, expected="None None False\n").verdict is Verdict.ACCEPTED


def test_warm_daemonized_child_dies_with_its_test(sandbox, host_unchanged):
    source = (
        "import os, time\n"
        "print(sorted(p for p in os.listdir('/proc') if p.isdigit() and int(p) not in (1, os.getpid())))\n"
        "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(300)\n    os._exit(0)\n"
        "os.wait()\n"
    )
    assert judge_warm(sandbox, "python3", source, expected="[]\n").verdict is Verdict.ACCEPTED


def test_warm_dangerous_syscalls_are_denied(sandbox, host_unchanged):
    source = (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "print(libc.ptrace(0, 0, 0, 0), ctypes.get_errno())\n"
        "print(libc.unshare(0x10000000), ctypes.get_errno())\n"
    )
    assert judge_warm(sandbox, "python3", source, expected="-1 1\n-1 1\n").verdict is Verdict.ACCEPTED
