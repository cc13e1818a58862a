"""The service's Prometheus instruments, kept in one `CollectorRegistry` per application (prometheus_client).

Counters and histograms are counted as things happen: requests by the middleware, jobs by the job manager's one
transition function, samples and sandbox runs from each solve's progress events. What the service holds right
now (jobs by state, queue depth, running jobs, readiness) is read at scrape time through `watch`. Rates are left
to PromQL (`rate(solver_samples_total[1m])`). Label values come from fixed sets (route templates, states),
never from user input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric

from service.states import JobState

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
# Progress counts of a solve (solver.pipeline.SolveStats) and the counters their increases go to.
PROGRESS_COUNTERS = {"sampled": "samples", "compiled": "sandbox_compiles", "runs": "sandbox_runs"}


@dataclass(frozen=True)
class Snapshot:
    """What the service holds at one moment, read at scrape time."""

    jobs: Mapping[JobState, int]  # in the store, by state
    queue_depth: int
    running: int
    workers: int
    ready: bool


class _Present:
    """A collector of gauges read from the service when scraped (nothing before it starts)."""

    def __init__(self) -> None:
        self.read: Callable[[], Snapshot] | None = None

    def collect(self) -> Iterable[Metric]:
        if self.read is None:
            return
        now = self.read()
        jobs = GaugeMetricFamily("solver_jobs", "Jobs in the database, by state.", labels=["state"])
        for state in JobState:
            jobs.add_metric([state.value], now.jobs.get(state, 0))
        yield jobs
        yield GaugeMetricFamily("solver_queue_depth", "Jobs waiting for a worker.", value=now.queue_depth)
        yield GaugeMetricFamily("solver_jobs_running", "Jobs a worker is solving now.", value=now.running)
        yield GaugeMetricFamily("solver_workers", "Worker threads, each solving one job at a time.",
                                value=now.workers)
        yield GaugeMetricFamily("solver_ready", "1 when the model is loaded and the sandbox works.",
                                value=int(now.ready))


class Metrics:
    """The instruments of one application, in their own registry (tests build several applications in one
    process, so nothing goes to prometheus_client's global registry)."""

    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry()
        self.requests = Counter("solver_http_requests_total", "HTTP requests answered, by route, method and status.",
                                ["route", "method", "status"], registry=registry)
        self.request_seconds = Histogram("solver_http_request_seconds", "HTTP request latency, by route.",
                                         ["route"], buckets=LATENCY_BUCKETS, registry=registry)
        self.submitted = Counter("solver_jobs_submitted_total", "Jobs accepted into the queue.", registry=registry)
        self.rejected = Counter("solver_jobs_rejected_total", "Solve requests refused, by reason.", ["reason"],
                                registry=registry)
        self.finished = Counter("solver_jobs_finished_total", "Jobs that reached a final state, by state.",
                                ["state"], registry=registry)
        self.queue_seconds = Histogram("solver_job_queue_seconds", "Time a job waited for a worker.",
                                       buckets=LATENCY_BUCKETS, registry=registry)
        self.run_seconds = Histogram("solver_job_run_seconds", "Time a worker spent on a job, by final state.",
                                     ["state"], buckets=LATENCY_BUCKETS, registry=registry)
        self.samples = Counter("solver_samples_total", "Candidate programs sampled.", registry=registry)
        self.sandbox_runs = Counter("solver_sandbox_runs_total", "Programs run in the sandbox: on the examples, "
                                    "generated and maximal inputs, and hidden tests.", registry=registry)
        self.sandbox_compiles = Counter("solver_sandbox_compiles_total", "Candidate programs that compiled in the "
                                        "sandbox (cache hits included).", registry=registry)
        self._present = _Present()
        registry.register(self._present)

    def watch(self, read: Callable[[], Snapshot]) -> None:
        """Read the service's present state from `read` at each scrape."""
        self._present.read = read

    def count_progress(self, before: Mapping[str, int], after: Mapping[str, int]) -> None:
        """Count what a solve did between two of its progress events."""
        for stat, name in PROGRESS_COUNTERS.items():
            grown = after.get(stat, 0) - before.get(stat, 0)
            if grown > 0:
                getattr(self, name).inc(grown)

    def render(self) -> bytes:
        """The exposition text (blocking: the present state may be read from the database)."""
        return generate_latest(self.registry)
