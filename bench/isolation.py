"""Sandbox cost, measured side by side with bare subprocesses in one run.

Workload: the bundled problems' own Python and C++ solutions (trusted code written for this project; dataset
solutions are never run outside the jail), each made distinct by a comment, on three tests of their problem.
Prints per-run times and throughput for the sandbox and for bare `subprocess.run` with no isolation, their
ratio, and C++ compile times with and without the precompiled header. The last line is one JSON object.

    python bench/isolation.py [--python-programs 200] [--cpp-programs 50]
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

from problems import BUNDLED_DIR, Language, load
from sandbox import CompileError, Limits, Program, Sandbox, SandboxConfig
from sandbox.compiler import Compiler
from sandbox.languages import CPP_FLAGS

LIMITS = Limits(time=2.0)


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


def bare_python(python: str, source: str, data: bytes, folder: Path) -> float:
    path = folder / "main.py"
    path.write_text(source)
    env = {"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    subprocess.run([python, str(path)], input=data, capture_output=True, env=env, cwd=folder, timeout=10)
    return time.perf_counter() - start


def quick(programs, python: str) -> list[tuple[str, list[bytes]]]:
    """Drop programs that are slow by design (the too-slow wrong solutions): this measures per-run overhead."""
    kept = []
    with tempfile.TemporaryDirectory() as tmp:
        for source, inputs in programs:
            if max(bare_python(python, source, data, Path(tmp)) for data in inputs) < 0.5:
                kept.append((source, inputs))
    return kept


def measure_python(sandbox: Sandbox, count: int) -> dict:
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

    # A worker per core: throughput.
    workers = sandbox.workers
    start = time.perf_counter()
    list(sandbox.run_many(((i, executables[s], d) for i, (s, d) in enumerate(jobs)), LIMITS))
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
    args = parser.parse_args()
    sandbox = Sandbox()
    print(f"machine: {os.cpu_count()} cores, cgroups {'on' if sandbox.jail.cgroups.enabled else 'off'}",
          file=sys.stderr)
    figures = measure_python(sandbox, args.python_programs)
    print(f"python: {figures['python_runs']} runs of {figures['python_programs']} programs: "
          f"sandbox {figures['python_sandbox_ms_per_run']} ms/run, bare {figures['python_bare_ms_per_run']} ms/run, "
          f"ratio {figures['sandbox_over_bare']}x; with {figures['workers']} workers "
          f"{figures['python_sandbox_runs_per_s']} vs {figures['python_bare_runs_per_s']} runs/s")
    cpp = measure_cpp(args.cpp_programs)
    figures.update(cpp)
    print(f"c++: compile {cpp['cpp_compile_s_with_pch']} s with the precompiled header, "
          f"{cpp['cpp_compile_s_without_pch']} s without (bare g++ {cpp['cpp_compile_s_bare_without_pch']} s): "
          f"{cpp['pch_speedup']}x; run {cpp['cpp_sandbox_ms_per_run']} ms jailed vs {cpp['cpp_bare_ms_per_run']} ms "
          f"bare ({cpp['cpp_sandbox_over_bare']}x)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
