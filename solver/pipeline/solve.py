"""The solve loop: sample, remove duplicates, filter on the examples, cluster by behaviour, submit ten.

Sampling runs in its own thread and feeds a queue; the sandbox's workers judge each new unique candidate on the
example tests while later ones are still being sampled. When sampling ends (the budget of samples or seconds is
spent), the survivors run on generated inputs, are grouped by identical behaviour, and one program from each of
the largest clusters is submitted. Hidden tests are looked at only after the submissions are fixed, to report
the contest's verdict; they never influence the choice.
"""

from __future__ import annotations

import dataclasses
import queue
import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from problems.model import Problem
from sandbox import CompileError, JudgeResult, Limits, Outcome, Program, Sandbox, Verdict, problem_limits
from solver.pipeline.cluster import behaviour_signature, ordered_clusters, round_robin
from solver.pipeline.inputs import InputGenerator, MaximalInputGenerator, StructuredGenerator
from solver.pipeline.normalize import delimiters_balance, normalized
from solver.pipeline.records import (
    CandidateRecord,
    ClusterSummary,
    ProgressEvent,
    SolveResult,
    SolveStats,
    Submission,
)

if TYPE_CHECKING:
    from solver.backends.base import Backend
    from solver.backends.params import SamplingParams

SUBMISSIONS = 10
SHOWN_CLUSTERS = 20  # clusters summarised in a result (the rest are in the records)
GENERATED_INPUTS = 20
# A few inputs at the stated maximum bounds catch programs right on small inputs but too slow on large ones; each
# costs every survivor one run of up to the time limit.
MAXIMAL_INPUTS = 3
CRASH_SHARE = 0.5  # an input on which more than this share of survivors fail is probably invalid
PROGRESS_EVERY = 0.25  # seconds between progress events while candidates stream in
# Each cluster is shown with its representative's output on a few generated inputs (the first valid ones among the
# first SHOWN_SEARCH), cut to SHOWN_CHARS: enough for a person to see how clusters differ.
SHOWN_INPUTS, SHOWN_SEARCH, SHOWN_CHARS = 2, 6, 400


class Cancelled(Exception):
    """The solve was cancelled from outside (the service's DELETE, a Ctrl-C)."""


_HIDDEN_FIELDS = ("private_tests", "generated_tests")


def public_view(problem: Problem) -> Problem:
    """The problem as a contestant sees it: everything but the hidden tests, which are not even read."""
    values = {f.name: getattr(problem, f.name) for f in dataclasses.fields(Problem) if f.name not in _HIDDEN_FIELDS}
    return Problem(**values)


@dataclasses.dataclass(frozen=True)
class Selection:
    """How the submissions are chosen among the survivors (AlphaCode section 4.6, and beyond it).

    `speed`: run the survivors on `maximal_inputs` inputs at the stated bounds under the problem's limits; a
    program that fails one that most survivors pass is demoted, and cluster order breaks ties by speed (see
    `cluster.ordered_clusters`). `scorer`: a learned scorer (solver.selection) orders the clusters by their best
    member and submits that member. Neither: AlphaCode's rule, the largest clusters first.
    """

    speed: bool = True
    maximal_inputs: int = MAXIMAL_INPUTS
    scorer: object | None = None  # a solver.selection.Scorer

    def __post_init__(self) -> None:
        if self.maximal_inputs < 0:
            raise ValueError(f"Selection.maximal_inputs: must be ≥ 0, got {self.maximal_inputs}")


@dataclasses.dataclass
class _Judged:
    record: CandidateRecord
    executable: object | None = None
    runs: int = 0  # sandbox runs it took to judge (counted into the stats by the consuming thread)


class _Solve:
    """The state of one solve; `run` drives the stages in order."""

    def __init__(self, problem: Problem, backend: Backend, sandbox: Sandbox, *, samples: int,
                 seconds: float | None, params: SamplingParams,
                 on_progress: Callable[[ProgressEvent], None] | None, cancel: threading.Event | None,
                 input_generator: InputGenerator, generated_inputs: int, submissions: int,
                 hidden_scope: str, selection: Selection) -> None:
        self.problem = problem
        self.view = public_view(problem)
        self.backend, self.sandbox = backend, sandbox
        self.samples, self.params, self.seed = samples, params, params.seed
        self.on_progress, self.cancel = on_progress, cancel or threading.Event()
        self.input_generator, self.generated_inputs, self.submissions = input_generator, generated_inputs, submissions
        self.hidden_scope, self.selection = hidden_scope, selection
        self.start = time.monotonic()
        self.deadline = self.start + seconds if seconds else None
        self.stats = SolveStats()
        self.records: list[CandidateRecord] = []
        self.timings: dict[str, float] = {}
        self.shown_inputs: list[int] = []  # the generated inputs each cluster's outputs are shown on
        # The judge's limits, as the contest states them (or as a package's jury submissions give them).
        self.limits: Limits = problem_limits(sandbox, problem)
        self._last_event = 0.0

    # ------------------------------------------------------------------------------------------------- events

    def emit(self, stage: str, message: str = "", force: bool = True) -> None:
        now = time.monotonic()
        if self.on_progress is None or (not force and now - self._last_event < PROGRESS_EVERY):
            return
        self._last_event = now
        self.on_progress(ProgressEvent(stage, self.stats.as_dict(), round(now - self.start, 3), message))

    def check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("the solve was cancelled")

    def out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    # ------------------------------------------------------------------------------------------------- stages

    def run(self) -> SolveResult:
        self.emit("sampling")
        inputs = self.make_inputs()
        survivors = self.sample_and_filter()
        self.check_cancel()
        started = time.monotonic()
        self.emit("clustering")
        signatures = self.signatures(survivors, inputs)
        self.timings["clustering"] = time.monotonic() - started
        if self.selection.speed:
            self.speed(survivors)
        started = time.monotonic()
        order, chosen = self.choose(survivors, signatures)
        cluster_of = {position: number for number, members in enumerate(order) for position in members}
        for position, judged in enumerate(survivors):
            judged.record.signature = signatures[position]
            judged.record.cluster = cluster_of[position]
        self.stats.clusters = len(order)
        submissions = [Submission(survivors[p].record.candidate, cluster_of[p], len(order[cluster_of[p]]))
                       for p in chosen]
        self.timings["selection"] = time.monotonic() - started
        self.emit("selected", f"{len(submissions)} submissions from {len(order)} clusters")
        # The submissions are fixed: only now are the hidden tests read.
        hidden_verdicts = None
        if self.hidden_scope != "none":
            to_judge = survivors if self.hidden_scope == "survivors" else [survivors[p] for p in chosen]
            if self.judge_hidden(to_judge):
                hidden_verdicts = [survivors[p].record.hidden_verdict for p in chosen]
        self.timings["total"] = time.monotonic() - self.start
        self.emit("done")
        return SolveResult(self.problem.name, submissions, self.stats, self.records, inputs, self.timings,
                           hidden_verdicts, self.cluster_summaries(survivors, order, inputs))

    def cluster_summaries(self, survivors: list[_Judged], order: list[list[int]], inputs: list[str]) \
            -> list[ClusterSummary]:
        """The best clusters as a person would look at them: size, representative, what it printed."""
        summaries = []
        for number, members in enumerate(order[:SHOWN_CLUSTERS]):
            record = survivors[members[0]].record
            outputs = tuple((inputs[n][:SHOWN_CHARS], printed)
                            for n, printed in zip(self.shown_inputs, record.shown_outputs or ()))
            summaries.append(ClusterSummary(number, len(members), record.candidate, outputs))
        return summaries

    def choose(self, survivors: list[_Judged], signatures: list[str | None]) -> tuple[list[list[int]], list[int]]:
        """The clusters in the order of the selection rule, and the positions of the submissions."""
        if self.selection.scorer is not None:
            from solver.selection import scored_clusters

            # The scorer's features read each survivor's cluster and signature, and every record (duplicates of
            # a program count for it); its positions run over the survivors in stream order, as `survivors` does.
            for number, members in enumerate(ordered_clusters(signatures)):
                for position in members:
                    survivors[position].record.cluster = number
                    survivors[position].record.signature = signatures[position]
            records = [r.to_json() for r in sorted(self.records, key=lambda r: r.candidate.index)]
            scores = self.selection.scorer.score(records)
            for judged, score in zip(survivors, scores):
                judged.record.score = float(f"{score:.6g}")
            order = scored_clusters(records, scores)
            return order, round_robin(order, self.submissions)
        if self.selection.speed:
            demoted = [judged.record.demoted for judged in survivors]
            times = [_mean(judged.record.maximal_times) for judged in survivors]
            order = ordered_clusters(signatures, demoted, times)
        else:
            order = ordered_clusters(signatures)
        return order, round_robin(order, self.submissions)

    def make_inputs(self) -> list[str]:
        """Clustering inputs; none for an interactive problem, whose programs only run against its interactor
        (each survivor is then a cluster of its own)."""
        if self.view.interactive:
            return []
        started = time.monotonic()
        examples = [test.input for test in self.view.public_tests]
        made = self.input_generator.generate(self.view.description, examples, self.generated_inputs,
                                             random.Random(self.seed))
        self.timings["inputs"] = time.monotonic() - started
        return made

    def sample_and_filter(self) -> list[_Judged]:
        """Sampling in a thread, judging on the examples in the sandbox's pool, overlapped."""
        started = time.monotonic()
        candidates: queue.Queue = queue.Queue(maxsize=512)
        stop = threading.Event()
        end = object()

        def offer(item: object) -> bool:
            """Put an item on the queue unless the consumer has stopped listening; False when it has."""
            while not stop.is_set():
                try:
                    candidates.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def produce() -> None:
            try:
                for candidate in self.backend.sample(self.view, self.samples, self.params):
                    if not offer(candidate):
                        return
            except BaseException as error:  # handed to the consuming thread, raised there
                offer(error)
            finally:
                offer(end)
                self.timings["sampling"] = time.monotonic() - started

        producer = threading.Thread(target=produce, name="sampling", daemon=True)
        producer.start()
        seen: dict[tuple[str, str], int] = {}

        def unique() -> Iterator[CandidateRecord]:
            while True:
                if self.cancel.is_set() or self.out_of_time():
                    return
                try:
                    item = candidates.get(timeout=0.1)
                except queue.Empty:
                    continue
                if item is end:
                    return
                if isinstance(item, BaseException):
                    raise item
                record = CandidateRecord(item)
                self.records.append(record)
                self.stats.sampled += 1
                key = (item.language, normalized(item.language, item.code))
                if key in seen:
                    record.duplicate_of = seen[key]
                    self.emit("sampling", force=False)
                    continue
                seen[key] = item.index
                self.stats.unique += 1
                yield record

        tests = self.view.public_tests

        def judge(record: CandidateRecord) -> _Judged:
            candidate = record.candidate
            if candidate.language in ("cpp", "java") and not delimiters_balance(candidate.code):
                return _Judged(record)  # cannot compile: the compiler's time is saved
            executable = self.sandbox.compile(Program(candidate.language, candidate.code))
            if isinstance(executable, CompileError):
                return _Judged(record)
            result = self.sandbox.judge_problem(executable, self.view, tests, self.limits, stop_on_failure=True)
            record.example_verdict = result.verdict
            record.passed_examples = result.verdict is Verdict.ACCEPTED
            return _Judged(record, executable, _runs(result))

        survivors: list[_Judged] = []
        try:
            for _, judged in self.sandbox.map_unordered(judge, unique()):
                record = judged.record
                self.stats.runs += judged.runs
                record.compiled = judged.executable is not None
                if record.compiled:
                    self.stats.compiled += 1
                else:
                    record.example_verdict = Verdict.COMPILE_ERROR
                if record.passed_examples:
                    self.stats.passed_examples += 1
                    survivors.append(judged)
                self.emit("filtering", force=False)
        finally:
            stop.set()
            producer.join(timeout=5)
        self.timings["sampling_and_filtering"] = time.monotonic() - started
        self.check_cancel()
        # Clusters are numbered by the candidates' order in the stream, not by which finished judging first.
        survivors.sort(key=lambda judged: judged.record.candidate.index)
        self.emit("filtering", f"{len(survivors)} of {self.stats.unique} unique candidates pass the examples")
        return survivors

    def signatures(self, survivors: list[_Judged], inputs: list[str]) -> list[str | None]:
        """Each survivor's behaviour on the generated inputs, with inputs most of them fail on left out."""
        self.stats.generated_inputs = len(inputs)
        if len(survivors) < 2 or not inputs:  # nothing to tell apart: each program is a cluster of its own
            return [None] * len(survivors)
        jobs = (((position, number), judged.executable, text)
                for position, judged in enumerate(survivors) for number, text in enumerate(inputs))
        behaviour = [[""] * len(inputs) for _ in survivors]
        times = [[0.0] * len(inputs) for _ in survivors]
        shown = [[""] * len(inputs) for _ in survivors]  # what the first few runs printed, to show people
        failed = [0] * len(inputs)
        for count, ((position, number), run) in enumerate(self.sandbox.run_many(jobs, self.limits)):
            if count % 64 == 0:
                self.check_cancel()
            self.stats.runs += 1
            times[position][number] = run.time
            if number < SHOWN_SEARCH:
                shown[position][number] = run.stdout[:SHOWN_CHARS].decode("utf-8", "replace")
            if run.outcome is Outcome.OK:
                behaviour[position][number] = "OK:" + " ".join(run.stdout.decode("utf-8", "replace").split())
            else:
                behaviour[position][number] = run.outcome.value
                failed[number] += 1
        for judged, outcomes, spent in zip(survivors, behaviour, times):
            judged.record.generated_outcomes = [o if not o.startswith("OK:") else "OK" for o in outcomes]
            judged.record.generated_times = [round(t, 4) for t in spent]
        valid = [n for n in range(len(inputs)) if failed[n] <= CRASH_SHARE * len(survivors)]
        self.stats.generated_inputs = len(valid)
        self.shown_inputs = [n for n in valid if n < SHOWN_SEARCH][:SHOWN_INPUTS]
        for judged, printed in zip(survivors, shown):
            judged.record.shown_outputs = [printed[n] for n in self.shown_inputs]
        if not valid:  # every input looks invalid: the behaviour is unknown, each program is a cluster of its own
            return [None] * len(survivors)
        return [behaviour_signature([outcomes[n] for n in valid]) for outcomes in behaviour]

    def speed(self, survivors: list[_Judged]) -> None:
        """Run the survivors on inputs at the stated maximum bounds, under the problem's own limits, and demote
        each that fails one most of them pass (inputs most of them fail are probably invalid, and count for
        nothing)."""
        if len(survivors) < 2 or self.view.interactive or not self.selection.maximal_inputs:
            return
        started = time.monotonic()
        examples = [test.input for test in self.view.public_tests]
        maximal = maximal_inputs(self.input_generator, self.view.description, examples,
                                 self.selection.maximal_inputs, random.Random(self.seed + 1))
        if not maximal:
            return
        self.emit("speed", f"running {len(survivors)} programs on {len(maximal)} inputs at the stated bounds")
        outcomes = [[""] * len(maximal) for _ in survivors]
        times = [[0.0] * len(maximal) for _ in survivors]
        memory = [[0] * len(maximal) for _ in survivors]
        failed = [0] * len(maximal)
        jobs = (((position, number), judged.executable, text)
                for position, judged in enumerate(survivors) for number, text in enumerate(maximal))
        for count, ((position, number), run) in enumerate(self.sandbox.run_many(jobs, self.limits)):
            if count % 16 == 0:
                self.check_cancel()
            self.stats.runs += 1
            outcomes[position][number] = run.outcome.value
            times[position][number], memory[position][number] = round(run.time, 4), run.memory
            failed[number] += run.outcome is not Outcome.OK
        valid = [n for n in range(len(maximal)) if failed[n] <= CRASH_SHARE * len(survivors)]
        self.stats.maximal_inputs = len(valid)
        for position, judged in enumerate(survivors):
            record = judged.record
            record.maximal_outcomes = [outcomes[position][n] for n in valid]
            record.maximal_times = [times[position][n] for n in valid]
            record.maximal_memory = [memory[position][n] for n in valid]
            record.demoted = any(outcome != Outcome.OK.value for outcome in record.maximal_outcomes)
        self.timings["speed"] = time.monotonic() - started

    def judge_hidden(self, chosen: list[_Judged]) -> bool:
        """Judge the chosen programs on the hidden tests (into their records); False when there are none."""
        hidden = self.problem.private_tests + self.problem.generated_tests
        if not hidden:
            return False
        started = time.monotonic()
        self.emit("judging", f"judging {len(chosen)} programs on {len(hidden)} hidden tests")

        def work(judged: _Judged) -> int:
            result = self.sandbox.judge_problem(judged.executable, self.problem, hidden, self.limits,
                                                stop_on_failure=True)
            judged.record.hidden_verdict = result.verdict
            if result.groups:  # a scoring problem's subtasks each get their verdict
                judged.record.hidden_groups = {group.name: group.verdict for group in result.groups}
            return _runs(result)

        for _, runs in self.sandbox.map_unordered(work, chosen):
            self.stats.runs += runs
            self.check_cancel()
        self.timings["hidden"] = time.monotonic() - started
        return True


def solve(problem: Problem, backend: Backend, *, samples: int = 100, seconds: float | None = None,
          params: SamplingParams | None = None, sandbox: Sandbox | None = None,
          on_progress: Callable[[ProgressEvent], None] | None = None, cancel: threading.Event | None = None,
          input_generator: InputGenerator | None = None, generated_inputs: int = GENERATED_INPUTS,
          submissions: int = SUBMISSIONS, hidden: str = "submissions",
          selection: Selection | None = None) -> SolveResult:
    """Solve one problem within a budget of `samples` candidates and (optionally) `seconds` of sampling, asking the
    backend with `params` (its seed also seeds the generated inputs; None: the backend's defaults, seed 0).

    `selection` says how the submissions are chosen (default: clustering with the speed test, no scorer).
    `hidden` says which programs are judged on the hidden tests once the submissions are fixed: "submissions"
    (the contest's verdict), "survivors" (every program that passed the examples, for pass@k and n@k) or "none".

    Raises Cancelled when `cancel` is set, and the backend's or sandbox's own errors when they cannot work.
    """
    if samples < 1:
        raise ValueError(f"samples: must be at least 1, got {samples}")
    if seconds is not None and seconds <= 0:
        raise ValueError(f"seconds: must be positive, got {seconds}")
    if problem.interactive and problem.checker.program is None:
        raise ValueError(f"{problem.name}: an interactive problem needs its interactor (a custom checker program)")
    if hidden not in ("submissions", "survivors", "none"):
        raise ValueError(f"hidden: must be submissions, survivors or none, got {hidden!r}")
    if params is None:
        from solver.backends.params import SamplingParams

        params = SamplingParams()
    own = sandbox is None
    sandbox = sandbox or Sandbox()
    try:
        return _Solve(problem, backend, sandbox, samples=samples, seconds=seconds, params=params,
                      on_progress=on_progress, cancel=cancel, input_generator=input_generator or StructuredGenerator(),
                      generated_inputs=generated_inputs, submissions=submissions, hidden_scope=hidden,
                      selection=selection or Selection()).run()
    finally:
        if own:
            sandbox.close()


def _runs(result: JudgeResult) -> int:
    """The sandbox runs a judging made (a test it skipped has no run)."""
    return sum(test.run is not None for test in result.tests)


def _mean(values: list[float] | None) -> float | None:
    return sum(values) / len(values) if values else None


def maximal_inputs(generator: InputGenerator, statement: str, examples: list[str], count: int,
                   rng: random.Random) -> list[str]:
    """Inputs at the stated maximum bounds from the generator, when it can make them (any `InputGenerator` may
    leave them out)."""
    if not isinstance(generator, MaximalInputGenerator):
        return []
    return generator.maximal(statement, examples, count, rng)
