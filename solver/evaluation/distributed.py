"""A batch spread over a Ray cluster: solvers on the nodes, the results file written by the driver alone.

The driver (the `solver batch --ray` process) reads the dataset, hands each problem to a solver actor, and writes
each line as it comes back with the batch runner's own writer (`batch.record`), so that the file, resuming it, the
reports and the scoring are those of a local run; only the order of the lines is the order of completion. A node
gets one solver (one per GPU its backend asks for, on a model that needs one); the solver builds its backend there
from a `BackendSpec`, keeps a sandbox whose worker pool is sized to its share of the node's cores, and turns a
problem into its line with `batch.problem_row`, the function a local run calls, with the same seed: where a problem
was solved does not change its line.

A node that dies takes its solver and the problems it held with it. Those calls come back as errors, and each of
their problems goes back to the front of the queue for another node (a problem is tried at most MAX_ATTEMPTS
times; then it gets an error line, which `--retry-errors` can redo). The driver writes a problem's line once: a
completion for a problem already written is dropped. A dead node is not used again in the run; a node that joins
(or rejoins, under a new id) gets a solver when the driver next looks (every LOOK_EVERY seconds).

Ray is imported here and nowhere else; only `solver batch --ray` imports this module.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from problems.model import Problem, ProblemFormatError
from sandbox import Sandbox
from sandbox.config import SandboxConfig
from solver.backends import BackendSpec
from solver.evaluation.batch import RESULTS, BatchSettings, error_row, item_key, problem_row, record

# A problem whose node died this many times gets an error line instead of a fourth try: a problem that kills
# whatever runs it (a model that runs out of memory on it, say) must not take the cluster down node by node.
MAX_ATTEMPTS = 3
# How often the driver looks for nodes that joined the cluster, in seconds.
LOOK_EVERY = 5.0
# How long a run with no solver left waits for a node to join before giving up, in seconds.
WAIT_FOR_NODES = 60.0
# The failures that mean "the node or the process that held the call is gone", as opposed to the problem's own
# failure (raised from problem_row, which stops the run as it would a local one).
LOST = (ray.exceptions.RayActorError, ray.exceptions.ObjectLostError, ray.exceptions.NodeDiedError,
        ray.exceptions.WorkerCrashedError, ray.exceptions.OutOfMemoryError, ray.exceptions.ActorUnschedulableError)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ADDRESS = re.compile(r"(ray://)?([\w.\-]+|\[[0-9a-fA-F:]+\]):\d+")


class ClusterError(Exception):
    """The cluster cannot be reached, or has no node left to solve on: one line for the user."""


def check_address(address: str) -> str:
    """`auto`, `local`, `host:port` or `ray://host:port`, else a ValueError that names the value."""
    if address in ("auto", "local") or ADDRESS.fullmatch(address):
        return address
    raise ValueError(f"--ray: expected auto, local, HOST:PORT or ray://HOST:PORT, got {address!r}")


@contextmanager
def connected(address: str) -> Iterator[None]:
    """Join the cluster at `address` (auto: the one this machine belongs to), or start one in this process
    (local); leave it, or stop the local one, on the way out."""
    try:
        # The nodes' output stays in their Ray logs (`ray logs`): the driver's stderr is the progress bar's.
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False,
                 **({"include_dashboard": False} if address == "local" else {}))
    except (ConnectionError, RuntimeError, ValueError, ray.exceptions.RayError) as error:
        raise ClusterError(f"--ray {address}: {_why(error)}") from None
    try:
        yield
    finally:
        ray.shutdown()


def gpus_for(spec: BackendSpec, cluster_gpus: float) -> int:
    """GPUs a solver asks for: a model that runs on CUDA gets one (vLLM: one per tensor-parallel rank); `auto`
    means CUDA where the cluster has any. Replay and openai need none."""
    if spec.name == "vllm":
        return int(spec.settings.get("tensor_parallel_size") or 1)
    if spec.name in ("native", "hf"):
        device = str(spec.settings.get("device", "auto"))
        if device.startswith("cuda") or (device == "auto" and cluster_gpus > 0):
            return 1
    return 0


def on_node(spec: BackendSpec, gpus: int) -> BackendSpec:
    """The spec as a node builds it: Ray shows a solver only the GPUs it was given, so `cuda:N` becomes `cuda`."""
    if gpus and spec.name in ("native", "hf"):
        return replace(spec, settings={**spec.settings, "device": "cuda"})
    return spec


class NodeSolver:
    """The solver on one node: a backend built there from its spec, and a sandbox of the node's own (its tools and
    limits from that node's environment; SANDBOX_WORKERS there wins over the share of cores it was given)."""

    def __init__(self, spec: BackendSpec, settings: BatchSettings, workers: int) -> None:
        config = SandboxConfig.from_environment()
        if not config.workers:
            config = replace(config, workers=workers)
        self.sandbox = Sandbox(config)
        self.backend = spec.build()
        self.settings = settings

    def ready(self) -> None:
        """Answers once the solver is built: until then it is given no problem."""

    def solve(self, problem: Problem) -> dict:
        return problem_row(problem, self.backend, self.settings, self.sandbox)

    def close(self) -> None:
        self.backend.close()
        self.sandbox.close()


@dataclass
class _Solver:
    node: str  # the node's id
    address: str  # the node's IP, for messages
    handle: object  # the actor
    workers: int  # its sandbox's share of the node's cores
    ready: bool = False
    # One call at a time: a call queued behind a long problem would wait while another node idles, and the round
    # trip it would save is milliseconds against seconds of solving.
    busy: bool = False


class _Work:
    """The problems still to solve: those whose node died first, then the dataset's, read one at a time as they
    are handed out (a dataset is never held whole). A problem that could not be loaded is written at once."""

    def __init__(self, problems: Iterable[Problem | ProblemFormatError], path: Path, done: set[str]) -> None:
        self.items = iter(problems)
        self.path = path
        self.done = done
        self.again: deque[Problem] = deque()
        self.handed: set[str] = set()  # a name met twice in the dataset is solved once, as in a local run
        self.attempts: Counter[str] = Counter()
        self.written: list[dict] = []  # the summaries of load errors written, for the caller to yield

    def next(self) -> Problem | None:
        if self.again:
            return self.again.popleft()
        for item in self.items:
            key = item_key(item)
            if key in self.done or key in self.handed:
                continue
            if isinstance(item, ProblemFormatError):
                summary = record(self.path, error_row(item), self.done)
                if summary:
                    self.written.append(summary)
                continue
            self.handed.add(key)
            return item
        return None

    def left(self) -> bool:
        """Whether any problem is still to be handed out."""
        problem = self.next()
        if problem is not None:
            self.again.appendleft(problem)
        return problem is not None

    def lost(self, problem: Problem, error: Exception) -> dict | None:
        """A problem whose node died: back to the front of the line, or its error line after MAX_ATTEMPTS."""
        self.attempts[problem.name] += 1
        if self.attempts[problem.name] < MAX_ATTEMPTS:
            self.again.appendleft(problem)
            return None
        return {"problem": problem.name, "error": f"cluster: lost its node {MAX_ATTEMPTS} times ({_why(error)})"}


class ClusterBatch:
    """Solve a dataset's problems on the nodes of the cluster this process is connected to (see `connected`).

    `nodes`, `cpus` and `rate` say how it goes, for a progress bar; `on_notice` hears of lost nodes and redone
    problems.
    """

    def __init__(self, spec: BackendSpec, settings: BatchSettings,
                 on_notice: Callable[[str], None] | None = None) -> None:
        self.gpus = gpus_for(spec, ray.cluster_resources().get("GPU", 0))
        self.spec = on_node(spec, self.gpus)
        self.settings = settings
        self.on_notice = on_notice or (lambda text: None)
        self.solvers: dict[str, _Solver] = {}  # by actor key: the node's id and the solver's number there
        self.seen: set[str] = set()  # nodes given solvers in this run: a node that lost its solver gets no other
        self.remote = ray.remote(NodeSolver)
        self.written = 0
        self.started = time.monotonic()
        self.last_failure = ""
        self.any_ready = False

    @property
    def nodes(self) -> int:
        return len({solver.node for solver in self.solvers.values() if solver.ready})

    @property
    def cpus(self) -> int:
        """Sandbox workers on the cluster's live solvers."""
        return sum(solver.workers for solver in self.solvers.values() if solver.ready)

    @property
    def rate(self) -> float:
        """Problems written per second since the run began."""
        return self.written / max(time.monotonic() - self.started, 1e-9)

    def run(self, problems: Iterable[Problem | ProblemFormatError], directory: Path, *,
            done: set[str]) -> Iterator[dict]:
        """Solve each problem not yet done, appending its line to the results file as it completes (in the order of
        completion); yields each line's summary. A problem that could not be loaded gets its error line at once."""
        path = Path(directory) / RESULTS
        work = _Work(problems, path, done)
        calls: dict = {}  # a call in flight -> (its problem, or None for a solver's ready call; the solver's key)
        next_look = 0.0
        alone_since: float | None = None
        try:
            while True:
                if time.monotonic() >= next_look:
                    calls.update({ref: (None, key) for ref, key in self._look()})
                    next_look = time.monotonic() + LOOK_EVERY
                for key, solver in self.solvers.items():
                    if solver.ready and not solver.busy and (problem := work.next()) is not None:
                        calls[solver.handle.solve.remote(problem)] = (problem, key)
                        solver.busy = True
                yield from self._count(work.written)
                work.written.clear()
                if calls:
                    alone_since = None
                elif not work.left():
                    yield from self._count(work.written)
                    return
                else:  # work left and no solver to give it to: wait a while for a node to join
                    alone_since = alone_since or time.monotonic()
                    # No solver ever started (each failed where it was built): waiting would not help.
                    if (self.seen and not self.any_ready) or time.monotonic() - alone_since > WAIT_FOR_NODES:
                        raise ClusterError("no node of the cluster can take a solver"
                                           + (f" (the last failure: {self.last_failure})" if self.last_failure
                                              else ""))
                    time.sleep(max(0.0, next_look - time.monotonic()))
                    continue
                ready, _ = ray.wait(list(calls), num_returns=1, timeout=LOOK_EVERY)
                for ref in ready:
                    problem, key = calls.pop(ref)
                    row = self._finish(ref, problem, key, work)
                    summary = None if row is None else record(path, row, done)
                    # None: nothing to write yet, or a second completion of a problem already written
                    yield from self._count([summary] if summary else [])
        finally:
            self.close()

    def _count(self, summaries: list[dict]) -> Iterator[dict]:
        for summary in summaries:
            self.written += 1
            yield summary

    def _finish(self, ref, problem: Problem | None, key: str, work: _Work) -> dict | None:
        """A call that came back: its problem's line, or None (a solver that is ready, a problem to redo)."""
        solver = self.solvers.get(key)
        if solver is not None:
            solver.busy = False
        try:
            value = ray.get(ref)
        except LOST as error:
            self._lose(key, error)
            if problem is None:
                return None
            row = work.lost(problem, error)
            if row is None:
                self.on_notice(f"{problem.name}: its node was lost; solving it again on another")
            return row
        if problem is None:
            if solver is not None:
                solver.ready = self.any_ready = True
            return None
        return value

    def _look(self) -> list:
        """Start solvers on the live nodes that have none yet; the calls that say when each is ready."""
        calls = []
        for node in ray.nodes():
            node_id, resources = node["NodeID"], node.get("Resources", {})
            if not node.get("Alive") or node_id in self.seen:
                continue
            cpus = resources.get("CPU", 0)
            count = int(resources.get("GPU", 0) // self.gpus) if self.gpus else 1
            if cpus <= 0 or count <= 0:
                continue  # a node kept free of work (a head started with --num-cpus=0), or one without the GPUs
            self.seen.add(node_id)
            share = cpus / count
            workers = max(1, int(share))
            for number in range(count):
                handle = self.remote.options(
                    num_cpus=share, num_gpus=self.gpus, max_restarts=0,
                    scheduling_strategy=NodeAffinitySchedulingStrategy(node_id, soft=False),
                ).remote(self.spec, self.settings, workers)
                key = f"{node_id}/{number}"
                self.solvers[key] = _Solver(node_id, node.get("NodeManagerAddress", "?"), handle, workers)
                calls.append((handle.ready.remote(), key))
        return calls

    def _lose(self, key: str, error: Exception) -> None:
        solver = self.solvers.pop(key, None)
        if solver is None:
            return  # told already
        self.last_failure = _why(error)
        self.on_notice(f"lost the solver on node {solver.address}: {self.last_failure}")
        try:
            ray.kill(solver.handle)
        except Exception:  # it is gone already, which is what was wanted
            pass

    def close(self) -> None:
        """Let the solvers remove their sandboxes' scratch files, then end them."""
        solvers = list(self.solvers.values())
        self.solvers.clear()
        closing = [solver.handle.close.remote() for solver in solvers if solver.ready]
        if closing:
            ray.wait(closing, num_returns=len(closing), timeout=10)
        for solver in solvers:
            try:
                ray.kill(solver.handle)
            except Exception:  # a solver whose node is gone
                pass


def _why(error: BaseException) -> str:
    """One line on why a call failed: the first line of Ray's message, or, for a solver that failed to start (a
    model not found there, a sandbox that cannot work there), the last line of its traceback, which names the
    cause."""
    lines = [line.strip() for line in ANSI.sub("", str(error)).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    return lines[-1] if getattr(error, "actor_init_failed", False) else lines[0]
