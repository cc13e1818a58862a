"""Sandbox cost, measured side by side with bare subprocesses in one run.

Workload: the bundled problems' own Python and C++ solutions (trusted code written for this project; dataset
solutions are never run outside the jail), each made distinct by a comment, on three tests of their problem.
Prints per-run times and throughput for the sandbox (a fresh jail per run) and for bare `subprocess.run` with no
isolation, their ratio, and C++ compile times with and without the precompiled header.

The warm runner (sandbox.warm: one jail per program, one fork per test) is measured on TESTS_PER_PROGRAM tests per
program (the problem's examples, cycled; clustering runs about 20 generated inputs per program):
time per test run, the jail's start and the per-test accounting included, one program after another, against a
bare `python3 -S` process per run (`warm_over_bare`), and runs per second with a worker per core; C++ likewise
against its fresh jails. The machine's load average is printed before and after. The last line is one JSON object.

    python bench/isolation.py [--python-programs 200] [--cpp-programs 50] [--warm-programs 40] [--java]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from problems import BUNDLED_DIR, Language, Test, load
from sandbox import CompileError, Limits, Program, Sandbox, SandboxConfig
from sandbox.compiler import Compiler
from sandbox.languages import CPP_FLAGS

LIMITS = Limits(time=2.0)
TESTS_PER_PROGRAM = 20
JAIL_NICE = 19  # nsjail's default --nice_level, which the jail leaves as it is
JAVA_SOURCE = ("import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner("
               "System.in); long a = s.nextLong(), b = s.nextLong(); System.out.println(a + b); } }\n")


def workload(language: Language, count: int) -> list[tuple[str, list[bytes]]]:
    """`count` distinct programs with three inputs each, drawn round-robin from the bundled solutions."""
    pool = []
    for problem in load(BUNDLED_DIR):
        inputs = [t.input.encode() for t in (list(problem.public_tests) + list(problem.private_tests))[:3]]
        for solution in problem.solutions + problem.incorrect_solutions:
            if solution.language is language:
                pool.append((solution.code, inputs))
    comment = "#" if language is Language.PYTHON3 else "//"
    return [(f"{pool[i % len(pool)][0]}\n{comment} variant {i}\n", pool[i % len(pool)][1]) for i in range(count)]


def warm_workload(language: Language, count: int) -> list[tuple[str, list[Test]]]:
    """`count` distinct programs with TESTS_PER_PROGRAM tests each (their problem's examples, cycled: small inputs,
    so that the per-run overhead shows rather than the programs' own work), drawn round-robin from the bundled
    solutions."""
    pool = []
    for problem in load(BUNDLED_DIR):
        tests = list(problem.public_tests)
        cycled = [tests[i % len(tests)] for i in range(TESTS_PER_PROGRAM)]
        for solution in problem.solutions + problem.incorrect_solutions:
            if solution.language is language:
                pool.append((solution.code, cycled))
    comment = "#" if language is Language.PYTHON3 else "//"
    return [(f"{pool[i % len(pool)][0]}\n{comment} warm variant {i}\n", pool[i % len(pool)][1]) for i in range(count)]


def bare_python(python: str, source: str, data: bytes, folder: Path, flags: tuple[str, ...] = ()) -> float:
    path = folder / "main.py"
    path.write_text(source)
    env = {"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    subprocess.run([python, *flags, str(path)], input=data, capture_output=True, env=env, cwd=folder, timeout=10)
    return time.perf_counter() - start


def quick(programs, python: str) -> list[tuple[str, list[bytes]]]:
    """Drop programs that are slow by design (the too-slow wrong solutions): this measures per-run overhead."""
    kept = []
    with tempfile.TemporaryDirectory() as tmp:
        for source, inputs in programs:
            if max(bare_python(python, source, data, Path(tmp)) for data in inputs) < 0.5:
                kept.append((source, inputs))
    return kept


def measure_python(sandbox: Sandbox, cold: Sandbox, count: int) -> dict:
    python = str(sandbox.languages["python3"].run[0])
    programs = quick(workload(Language.PYTHON3, count * 2), python)[:count]
    jobs = [(source, data) for source, inputs in programs for data in inputs]
    executables = {source: sandbox.compile(Program("python3", source)) for source, _ in programs}

    # One at a time: the cost of a single run, which is what filtering thousands of samples multiplies.
    start = time.perf_counter()
    for source, data in jobs:
        sandbox.run(executables[source], data, LIMITS)
    jailed = (time.perf_counter() - start) / len(jobs)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        for source, data in jobs:
            bare_python(python, source, data, Path(tmp))
        bare = (time.perf_counter() - start) / len(jobs)

    # A worker per core: throughput (fresh jails: run_many would run each program's three inputs warm).
    workers = sandbox.workers
    start = time.perf_counter()
    list(cold.run_many(((i, executables[s], d) for i, (s, d) in enumerate(jobs)), LIMITS))
    jailed_rate = len(jobs) / (time.perf_counter() - start)
    folders = [tempfile.mkdtemp() for _ in range(workers)]
    try:
        with ThreadPoolExecutor(workers) as pool:
            start = time.perf_counter()
            list(pool.map(lambda job: bare_python(python, job[1][0], job[1][1], Path(folders[job[0] % workers])),
                          enumerate(jobs)))
            bare_rate = len(jobs) / (time.perf_counter() - start)
    finally:
        for folder in folders:
            shutil.rmtree(folder)
    return {
        "python_programs": len(programs), "python_runs": len(jobs),
        "python_sandbox_ms_per_run": round(jailed * 1000, 2), "python_bare_ms_per_run": round(bare * 1000, 2),
        "sandbox_over_bare": round(jailed / bare, 3),
        "python_sandbox_runs_per_s": round(jailed_rate, 1), "python_bare_runs_per_s": round(bare_rate, 1),
        "throughput_ratio": round(bare_rate / jailed_rate, 3), "workers": workers,
    }


def measure_warm(sandbox: Sandbox, count: int) -> dict:
    """The warm runner on Python programs, TESTS_PER_PROGRAM tests each, against bare `python3 -S` processes."""
    python = str(sandbox.languages["python3"].run[0])
    programs = []
    cpu: list[float] = []
    for source, tests in warm_workload(Language.PYTHON3, count * 2):
        executable = sandbox.compile(Program("python3", source))
        # Slow-by-design programs are left out (this measures per-run overhead); this pass is not timed.
        result = sandbox.judge(executable, tests, LIMITS, stop_on_failure=False)
        if max(t.run.wall_time for t in result.tests) < 0.1:
            programs.append((source, executable, tests))
            cpu.extend(t.run.time for t in result.tests)
        if len(programs) == count:
            break
    runs = sum(len(tests) for _, _, tests in programs)

    # One at a time, each program's tests in one warm jail (judge runs a program's tests in order): its start, the
    # per-test accounting and the output check are all in the time per run. Program by program, the warm batch and
    # the same runs as bare processes alternate, so that both meet the same load on a shared machine.
    before = sandbox.warm_runs
    warm_total = bare_total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for source, executable, tests in programs:
            start = time.perf_counter()
            sandbox.judge(executable, tests, LIMITS, stop_on_failure=False)
            warm_total += time.perf_counter() - start
            start = time.perf_counter()
            for test in tests:
                bare_python(python, source, test.input.encode(), Path(tmp), ("-S",))
            bare_total += time.perf_counter() - start
    warm, bare_s = warm_total / runs, bare_total / runs
    assert sandbox.warm_runs - before == runs, "the warm runner did not run every test"
    jobs = [(source, test.input.encode()) for source, _, tests in programs for test in tests]

    workers = sandbox.workers
    start = time.perf_counter()
    list(sandbox.run_many(((i, executable, test.input) for i, (_, executable, tests) in enumerate(programs)
                           for test in tests), LIMITS))
    warm_rate = runs / (time.perf_counter() - start)
    folders = [tempfile.mkdtemp() for _ in range(workers)]
    try:
        with ThreadPoolExecutor(workers) as pool:
            start = time.perf_counter()
            list(pool.map(lambda job: bare_python(python, job[1][0], job[1][1], Path(folders[job[0] % workers]),
                                                  ("-S",)), enumerate(jobs)))
            bare_s_rate = len(jobs) / (time.perf_counter() - start)
    finally:
        for folder in folders:
            shutil.rmtree(folder)
    return {
        "warm_programs": len(programs), "warm_tests_per_program": TESTS_PER_PROGRAM, "warm_runs": runs,
        "python_warm_ms_per_run": round(warm * 1000, 2), "python_bare_s_ms_per_run": round(bare_s * 1000, 2),
        "warm_over_bare": round(warm / bare_s, 3), "warm_program_cpu_ms_per_run": round(statistics.mean(cpu) * 1000, 2),
        "python_warm_runs_per_s": round(warm_rate, 1), "python_bare_s_runs_per_s": round(bare_s_rate, 1),
        "warm_throughput_over_bare": round(warm_rate / bare_s_rate, 3),
    }


def measure_java(sandbox: Sandbox, cold: Sandbox) -> dict:
    """Java per test: fresh jails against a warm jail running a fresh JVM per test (exec mode; a JVM is never
    forked)."""
    executable = sandbox.compile(Program("java", JAVA_SOURCE))
    tests = [Test(f"{i} 1\n", f"{i + 1}\n") for i in range(TESTS_PER_PROGRAM)]
    cold.judge(executable, tests[:2], LIMITS)
    start = time.perf_counter()
    fresh = cold.judge(executable, tests, LIMITS, stop_on_failure=False)
    fresh_time = (time.perf_counter() - start) / len(tests)
    start = time.perf_counter()
    warm = sandbox.judge(executable, tests, LIMITS, stop_on_failure=False)
    warm_time = (time.perf_counter() - start) / len(tests)
    assert fresh.accepted and warm.accepted
    return {"java_sandbox_ms_per_run": round(fresh_time * 1000, 2),
            "java_warm_ms_per_run": round(warm_time * 1000, 2),
            "java_warm_over_sandbox": round(warm_time / fresh_time, 3)}


def measure_cpp(count: int) -> dict:
    programs = workload(Language.CPP, count)
    times = {}
    runs = {}
    for use_pch in (True, False):
        cache = Path(tempfile.mkdtemp(prefix="bench-sandbox-"))
        try:
            sandbox = Sandbox(SandboxConfig(cache_dir=cache))
            sandbox.compiler = Compiler(sandbox.jail, cache, use_pch=use_pch)
            if use_pch:  # the header is built once per cache; not part of each program's compile time
                sandbox.compile(Program("cpp", "#include <bits/stdc++.h>\nint main() {}\n"))
            durations = []
            executables = []
            for source, inputs in programs:
                start = time.perf_counter()
                executable = sandbox.compile(Program("cpp", source))
                durations.append(time.perf_counter() - start)
                if not isinstance(executable, CompileError):
                    executables.append((executable, inputs))
            times[use_pch] = statistics.mean(durations)
            if use_pch:
                # Slow-by-design wrong solutions are left out: this measures the per-run overhead.
                quick_ones = [
                    (executable, inputs) for executable, inputs in executables
                    if all(sandbox.run(executable, data, LIMITS).wall_time < 0.5 for data in inputs)
                ]
                start = time.perf_counter()
                count_runs = 0
                for executable, inputs in quick_ones:
                    for data in inputs:
                        sandbox.run(executable, data, LIMITS)
                        count_runs += 1
                runs["jailed"] = (time.perf_counter() - start) / count_runs
                runs["bare"] = _bare_binaries([(e.directory / e.main, inputs) for e, inputs in quick_ones])
                # Warm: each program's inputs, cycled to TESTS_PER_PROGRAM, in one jail executing it per test.
                start = time.perf_counter()
                for executable, inputs in quick_ones:
                    tests = [Test(inputs[i % len(inputs)].decode(), "") for i in range(TESTS_PER_PROGRAM)]
                    sandbox.judge(executable, tests, LIMITS, stop_on_failure=False)
                runs["warm"] = (time.perf_counter() - start) / (len(quick_ones) * TESTS_PER_PROGRAM)
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    bare_compile = _bare_compile(programs[: min(10, len(programs))])
    return {
        "cpp_programs": len(programs),
        "cpp_compile_s_with_pch": round(times[True], 3), "cpp_compile_s_without_pch": round(times[False], 3),
        "cpp_compile_s_bare_without_pch": round(bare_compile, 3),
        "pch_speedup": round(times[False] / times[True], 2),
        "cpp_sandbox_ms_per_run": round(runs["jailed"] * 1000, 2), "cpp_bare_ms_per_run": round(runs["bare"] * 1000, 2),
        "cpp_sandbox_over_bare": round(runs["jailed"] / runs["bare"], 3),
        "cpp_warm_ms_per_run": round(runs["warm"] * 1000, 2),
        "cpp_warm_over_sandbox": round(runs["warm"] / runs["jailed"], 3),
    }


def _bare_binaries(binaries) -> float:
    """Our own compiled references, run bare (copied out first: the cache is removed with its sandbox)."""
    total, count = 0.0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for index, (binary, inputs) in enumerate(binaries):
            local = Path(tmp) / f"p{index}"
            shutil.copy(binary, local)
            for data in inputs:
                start = time.perf_counter()
                subprocess.run([str(local)], input=data, capture_output=True, timeout=10)
                total += time.perf_counter() - start
                count += 1
    return total / count


def _bare_compile(programs) -> float:
    durations = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (source, _) in enumerate(programs):
            path = Path(tmp) / f"p{index}.cpp"
            path.write_text(source)
            start = time.perf_counter()
            subprocess.run(["g++", *CPP_FLAGS, "-o", str(path.with_suffix("")), str(path)], capture_output=True)
            durations.append(time.perf_counter() - start)
    return statistics.mean(durations)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python-programs", type=int, default=200)
    parser.add_argument("--cpp-programs", type=int, default=50)
    parser.add_argument("--warm-programs", type=int, default=40)
    parser.add_argument("--java", action="store_true", help="also time Java in fresh jails against a warm one")
    args = parser.parse_args()
    # nsjail runs jails at nice 19: the bench, and so the bare processes it starts, runs there too, so that on a
    # machine others are using both meet the same competition for the CPU (on an idle machine it changes nothing).
    os.nice(JAIL_NICE - os.nice(0))
    sandbox = Sandbox()
    cold = Sandbox(SandboxConfig(warm=False))
    load_before = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, cgroups {'on' if sandbox.jail.cgroups.enabled else 'off'}, "
          f"load average {' '.join(f'{x:.2f}' for x in load_before)}, bench and bare processes at nice {os.nice(0)}",
          file=sys.stderr)
    figures = measure_python(sandbox, cold, args.python_programs)
    print(f"python: {figures['python_runs']} runs of {figures['python_programs']} programs: "
          f"sandbox {figures['python_sandbox_ms_per_run']} ms/run, bare {figures['python_bare_ms_per_run']} ms/run, "
          f"ratio {figures['sandbox_over_bare']}x; with {figures['workers']} workers "
          f"{figures['python_sandbox_runs_per_s']} vs {figures['python_bare_runs_per_s']} runs/s")
    warm = measure_warm(sandbox, args.warm_programs)
    figures.update(warm)
    figures["warm_over_sandbox"] = round(warm["python_warm_ms_per_run"] / figures["python_sandbox_ms_per_run"], 3)
    print(f"python warm: {warm['warm_runs']} runs of {warm['warm_programs']} programs ({TESTS_PER_PROGRAM} tests "
          f"each): warm {warm['python_warm_ms_per_run']} ms/run, bare python3 -S {warm['python_bare_s_ms_per_run']} "
          f"ms/run, ratio {warm['warm_over_bare']}x; with {figures['workers']} workers {warm['python_warm_runs_per_s']}"
          f" vs {warm['python_bare_s_runs_per_s']} runs/s")
    cpp = measure_cpp(args.cpp_programs)
    figures.update(cpp)
    print(f"c++: compile {cpp['cpp_compile_s_with_pch']} s with the precompiled header, "
          f"{cpp['cpp_compile_s_without_pch']} s without (bare g++ {cpp['cpp_compile_s_bare_without_pch']} s): "
          f"{cpp['pch_speedup']}x; run {cpp['cpp_sandbox_ms_per_run']} ms jailed vs {cpp['cpp_bare_ms_per_run']} ms "
          f"bare ({cpp['cpp_sandbox_over_bare']}x), {cpp['cpp_warm_ms_per_run']} ms warm")
    if args.java and "java" in sandbox.languages:
        java = measure_java(sandbox, cold)
        figures.update(java)
        print(f"java: {java['java_sandbox_ms_per_run']} ms/run in fresh jails, {java['java_warm_ms_per_run']} "
              f"ms/run in a warm jail ({java['java_warm_over_sandbox']}x)")
    figures["load_average_before"] = [round(x, 2) for x in load_before]
    figures["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(figures))
    cold.close()
    sandbox.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
