"""The Sandbox: compile, run, check and judge untrusted programs, one at a time or many at once.

A program's failure is a verdict; a failure of ours (nsjail missing, a namespace refused) raises SandboxError.
Batch methods run a pool of jails sized to the machine and yield results as they complete.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from problems import Checker, CheckerKind, CheckerProtocol, Language, Solution, Test
from sandbox.checking import compare, first_difference
from sandbox.compiler import CompileError, Compiler, Executable, Program
from sandbox.config import SandboxConfig
from sandbox.errors import CheckerFailure, SandboxError
from sandbox.jail import Cgroups, Jail, Mount, build_helpers, locate_nsjail
from sandbox.languages import LanguageSpec, build_table, language_for
from sandbox.limits import CHECKER_LIMITS, Limits
from sandbox.results import JudgeResult, Outcome, RunResult, TestResult, Verdict

K = TypeVar("K")
R = TypeVar("R")


class Sandbox:
    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig.from_environment()
        cache = self.config.resolved_cache_dir()
        _prepare_cache(cache)
        self.cache_dir = cache
        self.jail = Jail(locate_nsjail(self.config.nsjail), Cgroups(self.config.cgroups), cache / "scratch",
                         build_helpers(cache))
        self.languages = build_table(self.config.resolved_python())
        self.compiler = Compiler(self.jail, cache)
        self.workers = self.config.resolved_workers()

    def close(self) -> None:
        """Remove the scratch files of finished runs (the compile cache stays)."""
        self.jail.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------------- basics

    def language(self, language: Language | str) -> LanguageSpec:
        return language_for(self.languages, language)

    def program(self, solution: Solution) -> Program:
        return Program(self.language(solution.language).name, solution.code)

    def compile(self, program: Program) -> Executable | CompileError:
        return self.compiler.compile(program, self.language(program.language))

    def run(self, executable: Executable, stdin: bytes | str | Path, limits: Limits) -> RunResult:
        """Run once; `stdin` is the input itself (bytes or str) or a host file holding it."""
        with self._inputs([stdin]) as store:
            return self._run(executable, store.paths[0], limits)

    def _run(self, executable: Executable, stdin: Path, limits: Limits) -> RunResult:
        spec = executable.spec
        return self.jail.run(
            executable.argv(limits),
            limits=limits,
            stdin=stdin,
            mounts=(Mount(executable.directory, "/box"), *(Mount(Path(p), p) for p in spec.mounts)),
            env=spec.env,
            extra_memory=spec.memory_overhead,
        )

    def self_test(self) -> None:
        """Run a tiny program in the jail; raises SandboxError with a fix when the sandbox cannot work."""
        executable = self.compile(Program("python3", "print(int(input()) + 1)\n"))
        if isinstance(executable, CompileError):
            raise SandboxError(f"the sandbox's self-test did not compile: {executable.message}")
        result = self.run(executable, b"41\n", Limits(time=5.0))
        if result.outcome is not Outcome.OK or result.stdout.strip() != b"42":
            raise SandboxError(
                f"the sandbox's self-test failed ({result.outcome.value}, exit {result.exit_code}): "
                f"{result.stderr.decode(errors='replace')[-300:]}"
            )

    # ------------------------------------------------------------------------------------------------ checking

    def check(self, checker: Checker, test_input: bytes, output: bytes, answer: bytes) -> tuple[bool, str]:
        """Whether `output` is accepted for this test, and a short reason when it is not."""
        if checker.kind is not CheckerKind.CUSTOM:
            if compare(checker, output, answer):
                return True, ""
            return False, first_difference(output, answer)
        program = self.program(checker.program)
        executable = self.compile(program)
        if isinstance(executable, CompileError):
            raise CheckerFailure(f"the problem's checker does not compile: {executable.message[:500]}")
        with tempfile.TemporaryDirectory(dir=self.jail.scratch, prefix="check-") as tmp:
            folder = Path(tmp)
            os.chmod(folder, 0o755)
            for name, data in (("input", test_input), ("output", output), ("answer", answer)):
                (folder / name).write_bytes(data)
                os.chmod(folder / name, 0o644)
            spec = executable.spec
            mounts = (Mount(executable.directory, "/box"), Mount(folder, "/check"),
                      *(Mount(Path(p), p) for p in spec.mounts))
            if checker.protocol is CheckerProtocol.TESTLIB:
                argv = executable.argv(CHECKER_LIMITS) + ["/check/input", "/check/output", "/check/answer"]
                stdin = None
            else:  # Kattis: validator input answer feedback_dir < output
                argv = executable.argv(CHECKER_LIMITS) + ["/check/input", "/check/answer", "/tmp"]
                stdin = folder / "output"
            result = self.jail.run(argv, limits=CHECKER_LIMITS, stdin=stdin, mounts=mounts, env=spec.env,
                                   extra_memory=spec.memory_overhead)
        message = (result.stderr or result.stdout).decode("utf-8", errors="replace").strip()[-300:]
        accept, reject = (0, (1, 2)) if checker.protocol is CheckerProtocol.TESTLIB else (42, (43,))
        finished = result.outcome in (Outcome.OK, Outcome.RUNTIME_ERROR)  # not stopped by a limit
        if finished and result.exit_code == accept:
            return True, message
        if finished and result.exit_code in reject:
            return False, message or "rejected by the checker"
        raise CheckerFailure(
            f"the problem's checker failed ({result.outcome.value}, exit {result.exit_code}, "
            f"signal {result.signal}): {message}"
        )

    # ---------------------------------------------------------------------------------------------------- judging

    def judge(
        self,
        program: Program | Executable | CompileError,
        tests: Sequence[Test],
        limits: Limits,
        checker: Checker | None = None,
        stop_on_failure: bool = True,
    ) -> JudgeResult:
        """One program on many tests, in order; stops at the first failure unless asked to run them all."""
        executable = self.compile(program) if isinstance(program, Program) else program
        if isinstance(executable, CompileError):
            return JudgeResult(Verdict.COMPILE_ERROR, (), executable.message)
        with self._inputs([t.input for t in tests]) as store:
            return self._judge(executable, tests, store.paths, limits, checker or Checker(), stop_on_failure)

    def _judge(self, executable, tests, paths, limits, checker, stop_on_failure) -> JudgeResult:
        results: list[TestResult] = []
        verdict = Verdict.ACCEPTED
        for test, path in zip(tests, paths):
            result = self._judge_one(executable, test, path, limits, checker)
            results.append(result)
            if result.verdict is not Verdict.ACCEPTED:
                if verdict is Verdict.ACCEPTED:
                    verdict = result.verdict
                if stop_on_failure:
                    break
        return JudgeResult(verdict, tuple(results))

    def _judge_one(self, executable, test: Test, path: Path, limits: Limits, checker: Checker) -> TestResult:
        run = self._run(executable, path, limits)
        if run.outcome is not Outcome.OK:
            return TestResult(Verdict.of_outcome(run.outcome), run, _failure_message(run))
        accepted, message = self.check(checker, test.input.encode(), run.stdout, test.output.encode())
        return TestResult(Verdict.ACCEPTED if accepted else Verdict.WRONG_ANSWER, run, message)

    def judge_many(
        self,
        programs: Iterable[Program],
        tests: Sequence[Test],
        limits: Limits,
        checker: Checker | None = None,
        stop_on_failure: bool = True,
    ) -> Iterator[tuple[int, JudgeResult]]:
        """Many programs on the same tests, a worker per core; yields (index, result) as each finishes."""
        checker = checker or Checker()
        with self._inputs([t.input for t in tests]) as store:
            def work(program: Program) -> JudgeResult:
                executable = self.compile(program)
                if isinstance(executable, CompileError):
                    return JudgeResult(Verdict.COMPILE_ERROR, (), executable.message)
                return self._judge(executable, tests, store.paths, limits, checker, stop_on_failure)

            yield from self.map_unordered(work, programs)

    def run_many(
        self, jobs: Iterable[tuple[K, Executable, bytes | str]], limits: Limits
    ) -> Iterator[tuple[K, RunResult]]:
        """Run (key, executable, input) jobs on the pool; yields (key, result) in completion order."""

        with self._inputs() as store:
            def work(job: tuple[K, Executable, bytes | str]) -> tuple[K, RunResult]:
                key, executable, data = job
                return key, self._run(executable, store.path(data), limits)

            for _, (key, result) in self.map_unordered(work, jobs):
                yield key, result

    def map_unordered(self, function: Callable[[R], object], items: Iterable[R]) -> Iterator[tuple[int, object]]:
        """Apply `function` on the pool, at most a few items ahead of the consumer; yields (index, value)."""
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="jail") as pool:
            pending: dict[Future, int] = {}
            iterator = iter(enumerate(items))
            exhausted = False
            try:
                while True:
                    while not exhausted and len(pending) < 2 * self.workers:
                        try:
                            index, item = next(iterator)
                        except StopIteration:
                            exhausted = True
                            break
                        pending[pool.submit(function, item)] = index
                    if not pending:
                        return
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield pending.pop(future), future.result()
            finally:
                for future in pending:
                    future.cancel()

    # ---------------------------------------------------------------------------------------------------- inputs

    @contextmanager
    def _inputs(self, inputs: Sequence[bytes | str | Path] = ()) -> Iterator[InputStore]:
        """A store of input files for the duration of a call (each distinct input written once)."""
        store = InputStore(Path(tempfile.mkdtemp(dir=self.jail.scratch, prefix="inputs-")))
        try:
            store.paths = [store.path(item) for item in inputs]
            yield store
        finally:
            shutil.rmtree(store.folder, ignore_errors=True)


class InputStore:
    """Test inputs as host files, keyed by content; thread-safe. Jails read them as stdin, never as a path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: list[Path] = []
        self._written: dict[str, Path] = {}
        self._lock = threading.Lock()

    def path(self, item: bytes | str | Path) -> Path:
        if isinstance(item, Path):
            return item
        data = item.encode() if isinstance(item, str) else item
        digest = hashlib.sha256(data).hexdigest()
        with self._lock:
            known = self._written.get(digest)
        if known is not None:
            return known
        path = self.folder / digest
        partial = self.folder / f".{digest}.{threading.get_ident()}"
        partial.write_bytes(data)
        partial.replace(path)
        with self._lock:
            self._written[digest] = path
        return path


def _failure_message(run: RunResult) -> str:
    if run.outcome is Outcome.RUNTIME_ERROR:
        how = f"signal {run.signal}" if run.signal is not None else f"exit code {run.exit_code}"
        tail = run.stderr.decode("utf-8", errors="replace").strip().splitlines()[-1:] if run.stderr else []
        return how + (f": {tail[0][:200]}" if tail else "")
    if run.outcome is Outcome.TIME_LIMIT:
        return f"{run.time:.2f} s CPU, {run.wall_time:.2f} s wall"
    if run.outcome is Outcome.MEMORY_LIMIT:
        return f"{run.memory >> 20} MiB resident at the end"
    return "output too large"


def _prepare_cache(cache: Path) -> None:
    """The cache holds programs the jail runs: it must be ours and readable (not writable) by the jail's user."""
    cache.mkdir(parents=True, exist_ok=True, mode=0o755)
    info = cache.stat()
    if info.st_uid != os.getuid():
        raise SandboxError(f"sandbox cache {cache} belongs to another user; set SANDBOX_CACHE to a directory of yours")
    if info.st_mode & 0o777 != 0o755:
        os.chmod(cache, 0o755)  # readable by the jail's user, writable by us alone
    # The jail's user (nobody) must reach the cache through every parent directory.
    for parent in cache.parents:
        if parent.stat().st_mode & 0o001 == 0:
            raise SandboxError(
                f"the jail cannot reach the sandbox cache {cache}: {parent} is not searchable by other users "
                "(chmod o+x it, or set SANDBOX_CACHE elsewhere, e.g. under /tmp)"
            )
