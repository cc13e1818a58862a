"""The Sandbox: compile, run, check and judge untrusted programs, one at a time or many at once.

A program's failure is a verdict; a failure of ours (nsjail missing, a namespace refused) raises SandboxError, and
a broken problem (a checker or interactor that fails) raises CheckerFailure. Batch methods run a pool of jails
sized to the machine and yield results as they complete. Checkers and interactors are programs like any other:
compiled once per sandbox (and cached on disk by content), run only in the jail.
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

from problems import Checker, CheckerKind, Language, Problem, Solution, Test
from sandbox.binaries import build_helpers, locate_nsjail
from sandbox.cgroups import Cgroups
from sandbox.checking import compare, first_difference
from sandbox.compiler import CompileError, Compiler, Executable, Program
from sandbox.config import SandboxConfig
from sandbox.errors import CheckerFailure, SandboxError
from sandbox.groups import group_results, judge_in_groups, overall_verdict
from sandbox.interactive import IGNORE_SIGPIPE, InteractiveRun, interactive_verdict
from sandbox.jail import Jail, JailCommand, Mount
from sandbox.languages import LanguageSpec, build_table, language_for
from sandbox.limits import CHECKER_LIMITS, Limits, interactor_limits, limits_for_problem
from sandbox.results import JudgeResult, Outcome, RunResult, TestResult, Verdict, failure_message
from sandbox.validators import (
    checker_input,
    checker_verdict,
    flags_of,
    interactor_arguments,
    judge_files,
    read_feedback,
)
from sandbox.warm import Batch

K = TypeVar("K")
R = TypeVar("R")

# run_many hands a worker at most this many consecutive jobs of one program at a time, as one warm batch: enough to
# pay for the warm jail's start (clustering runs about 20 generated inputs per program), few enough that one
# program's slow inputs still spread over the workers.
RUN_MANY_BATCH = 20


class Sandbox:
    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig.from_environment()
        cache = self.config.resolved_cache_dir()
        _prepare_cache(cache)
        self.cache_dir = cache
        cgroups = Cgroups(self.config.cgroups, v2_root=self.config.cgroup_root)
        self.jail = Jail(locate_nsjail(self.config.nsjail), cgroups, cache / "scratch", build_helpers(cache))
        self._python = self.config.resolved_python()  # it also runs the warm runner (sandbox.warm)
        self.languages = build_table(self._python)
        self.compiler = Compiler(self.jail, cache)
        self.workers = self.config.resolved_workers()
        self._checkers: dict[Solution, Executable | CompileError] = {}
        self._checkers_lock = threading.Lock()
        # How many runs went through a warm jail (sandbox.warm), for tests and reports.
        self.warm_runs = 0
        self._warm_lock = threading.Lock()

    @property
    def cgroups_version(self) -> str:
        """How memory and processes are limited here: "v2", "v1" or "none (rlimits)" (see sandbox.cgroups)."""
        return self.jail.cgroups.version

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
        return Program(self.language(solution.language).name, solution.code, solution.files)

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
            mounts=_program_mounts(executable),
            env=spec.env,
            extra_memory=spec.memory_overhead,
        )

    @contextmanager
    def _batch(self, executable: Executable, limits: Limits, size: int, eager: bool) -> Iterator[Batch]:
        """Runs of one program on up to `size` inputs, one at a time: warm where that applies (sandbox.warm);
        `eager` when all of them will run."""
        spec = executable.spec
        command = JailCommand(tuple(executable.argv(limits)), limits, _program_mounts(executable), spec.env,
                              spec.memory_overhead)
        batch = Batch(self.jail, command, spec.name, self._python, size,
                      lambda stdin: self._run(executable, stdin, limits), enabled=self.config.warm, eager=eager)
        try:
            yield batch
        finally:
            batch.close()
            with self._warm_lock:
                self.warm_runs += batch.warm_runs

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

    def checker_executable(self, program: Solution) -> Executable:
        """A checker's or interactor's program, compiled once per sandbox; CheckerFailure if it does not compile."""
        with self._checkers_lock:
            executable = self._checkers.get(program)
        if executable is None:
            executable = self.compile(self.program(program))
            with self._checkers_lock:
                self._checkers[program] = executable
        if isinstance(executable, CompileError):
            raise CheckerFailure(f"the problem's checker does not compile: {executable.message[:500]}")
        return executable

    def check(self, checker: Checker, test_input: bytes, output: bytes, answer: bytes) -> tuple[bool, str]:
        """Whether `output` is accepted for this test, and a short reason (a validator's feedback) either way.

        A custom checker that fails (crashes, runs out of its limits, exits outside its protocol) raises
        CheckerFailure: the problem is broken, not the program.
        """
        if checker.kind is not CheckerKind.CUSTOM:
            if compare(checker, output, answer):
                return True, ""
            return False, first_difference(output, answer)
        executable = self.checker_executable(checker.program)
        files, arguments, stdin = checker_input(checker, test_input, output, answer)
        with judge_files(self.jail.scratch, (self.jail.outside_uid, self.jail.outside_gid), files) as where:
            spec = executable.spec
            result = self.jail.run(executable.argv(CHECKER_LIMITS) + arguments, limits=CHECKER_LIMITS,
                                   stdin=where.folder / stdin if stdin else None,
                                   mounts=(*_program_mounts(executable), *where.mounts), env=spec.env,
                                   extra_memory=spec.memory_overhead)
            feedback = read_feedback(where.feedback)
        return checker_verdict(checker.protocol, result, feedback)

    # ------------------------------------------------------------------------------------------------ interactive

    def run_interactive(self, executable: Executable, interactor: Executable, test: Test, limits: Limits,
                        flags: tuple[str, ...] = ()) -> InteractiveRun:
        """The program and the interactor on one test, each in its own jail, talking through two pipes."""
        arguments = interactor_arguments(flags)
        files = {"input": test.input.encode(), "answer": test.output.encode()}
        owner = (self.jail.outside_uid, self.jail.outside_gid)
        with judge_files(self.jail.scratch, owner, files) as where:
            judge_limits = interactor_limits(limits)
            program = JailCommand(tuple(executable.argv(limits)), limits, _program_mounts(executable),
                                  executable.spec.env, executable.spec.memory_overhead)
            other = JailCommand((*IGNORE_SIGPIPE, *interactor.argv(judge_limits), *arguments), judge_limits,
                                (*_program_mounts(interactor), *where.mounts), interactor.spec.env,
                                interactor.spec.memory_overhead)
            pair = self.jail.run_pair(program, other)
            feedback = read_feedback(where.feedback)
        return InteractiveRun(pair.first, pair.second, not pair.first_ended_first, feedback)

    def judge_interactive(
        self,
        program: Program | Executable | CompileError,
        interactor: Checker | Executable,
        tests: Sequence[Test],
        limits: Limits,
        stop_on_failure: bool = True,
    ) -> JudgeResult:
        """One program on an interactive problem's tests; `interactor` is the problem's checker (its program and
        flags) or an interactor already compiled."""
        executable = self.compile(program) if isinstance(program, Program) else program
        if isinstance(executable, CompileError):
            return JudgeResult(Verdict.COMPILE_ERROR, (), executable.message)
        results = judge_in_groups(
            tests, lambda _, test: self._judge_interactive_one(executable, interactor, test, limits),
            stop_on_failure=stop_on_failure)
        return JudgeResult(overall_verdict(results), tuple(results))

    def _judge_interactive_one(self, executable: Executable, interactor: Checker | Executable, test: Test,
                               limits: Limits) -> TestResult:
        flags: tuple[str, ...] = ()
        if isinstance(interactor, Checker):
            if interactor.program is None:
                raise CheckerFailure("an interactive problem needs an interactor program as its checker")
            flags = flags_of(interactor)
            interactor = self.checker_executable(interactor.program)
        run = self.run_interactive(executable, interactor, test, limits, flags)
        verdict, message = interactive_verdict(run)
        return TestResult(verdict, run.program, message)

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

    def judge_problem(
        self,
        program: Program | Executable | CompileError,
        problem: Problem,
        tests: Sequence[Test] | None = None,
        limits: Limits | None = None,
        stop_on_failure: bool = True,
    ) -> JudgeResult:
        """One program on a problem's tests (its hidden ones unless given), as the problem asks to be judged.

        Each test is checked by `problem.checker_for(test)` (a group may set its own flags); an interactive
        problem runs the program against its interactor. The result holds the verdict of each of the problem's
        groups judged to the end (see sandbox.groups): on a scoring problem stopping at a failure skips only the
        rest of that subtask, so every subtask gets its verdict. `limits` default to the problem's stated ones
        (see sandbox.timelimit for a limit derived from the accepted submissions).
        """
        tests = list(problem.hidden_tests if tests is None else tests)
        limits = limits or limits_for_problem(problem.time_limit, problem.memory_limit_bytes)
        executable = self.compile(program) if isinstance(program, Program) else program
        if isinstance(executable, CompileError):
            return JudgeResult(Verdict.COMPILE_ERROR, (), executable.message)
        batch_size = 0 if problem.interactive else len(tests)  # interactive runs are pairs of fresh jails
        with self._inputs([] if problem.interactive else [t.input for t in tests]) as store, \
                self._batch(executable, limits, batch_size, not stop_on_failure) as batch:
            def judge_one(index: int, test: Test) -> TestResult:
                checker = problem.checker_for(test)
                if problem.interactive:
                    return self._judge_interactive_one(executable, checker, test, limits)
                return self._judge_one(test, store.paths[index], checker, batch.run)

            results = judge_in_groups(tests, judge_one, problem.groups, problem.scoring, stop_on_failure)
        return JudgeResult(overall_verdict(results), tuple(results), groups=group_results(problem.groups, tests,
                                                                                          results))

    def _judge(self, executable, tests, paths, limits, checker, stop_on_failure) -> JudgeResult:
        with self._batch(executable, limits, len(tests), not stop_on_failure) as batch:
            results = judge_in_groups(
                tests, lambda index, test: self._judge_one(test, paths[index], checker, batch.run),
                stop_on_failure=stop_on_failure)
        return JudgeResult(overall_verdict(results), tuple(results))

    def _judge_one(self, test: Test, path: Path, checker: Checker, run_on: Callable[[Path], RunResult]) \
            -> TestResult:
        run = run_on(path)
        if run.outcome is not Outcome.OK:
            return TestResult(Verdict.of_outcome(run.outcome), run, failure_message(run))
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
        """Run (key, executable, input) jobs on the pool; yields (key, result) in completion order. Consecutive jobs
        of one executable go to a worker together (up to RUN_MANY_BATCH), to run in one warm jail where that applies.
        """

        with self._inputs() as store:
            def work(group: list[tuple[K, Executable, bytes | str]]) -> list[tuple[K, RunResult]]:
                with self._batch(group[0][1], limits, len(group), eager=True) as batch:
                    return [(key, batch.run(store.path(data))) for key, _, data in group]

            for _, results in self.map_unordered(work, _consecutive(jobs, RUN_MANY_BATCH)):
                yield from results

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


def _consecutive(jobs: Iterable[tuple[K, Executable, bytes | str]], most: int) \
        -> Iterator[list[tuple[K, Executable, bytes | str]]]:
    """Runs of consecutive jobs sharing an executable, at most `most` long, as they come."""
    group: list[tuple[K, Executable, bytes | str]] = []
    for job in jobs:
        if group and (job[1] != group[0][1] or len(group) == most):
            yield group
            group = []
        group.append(job)
    if group:
        yield group


def _program_mounts(executable: Executable) -> tuple[Mount, ...]:
    """A compiled program's directory at /box, and the host paths its language needs."""
    return (Mount(executable.directory, "/box"), *(Mount(Path(p), p) for p in executable.spec.mounts))


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
