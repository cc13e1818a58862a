"""Counters, histograms and rates for GET /metrics, in Prometheus' text format, written by hand.

Everything here is thread-safe: workers count samples and sandbox runs from their own threads while the event
loop counts requests. Label values come from a fixed set (route templates, states), never from user input.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
RATE_WINDOW = 60.0  # seconds over which the *_per_second gauges average


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{name}="{_escape(str(value))}"' for name, value in sorted(labels.items()))
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


class Counter:
    def __init__(self, name: str, help: str) -> None:
        self.name, self.help = name, help
        self._values: dict[tuple[tuple[str, str], ...], float] = {}
        self._lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        with self._lock:
            return self._values.get(tuple(sorted(labels.items())), 0.0)

    def lines(self) -> Iterator[str]:
        yield f"# HELP {self.name} {self.help}"
        yield f"# TYPE {self.name} counter"
        with self._lock:
            items = sorted(self._values.items())
        for key, value in items:
            yield f"{self.name}{_labels(dict(key))} {_number(value)}"


class Histogram:
    def __init__(self, name: str, help: str, buckets: Iterable[float] = LATENCY_BUCKETS) -> None:
        self.name, self.help = name, help
        self.buckets = tuple(sorted(buckets))
        self._series: dict[tuple[tuple[str, str], ...], list] = {}  # key -> [bucket counts, sum, count]
        self._lock = threading.Lock()

    def observe(self, value: float, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            series = self._series.setdefault(key, [[0] * len(self.buckets), 0.0, 0])
            position = bisect.bisect_left(self.buckets, value)
            if position < len(self.buckets):
                series[0][position] += 1
            series[1] += value
            series[2] += 1

    def lines(self) -> Iterator[str]:
        yield f"# HELP {self.name} {self.help}"
        yield f"# TYPE {self.name} histogram"
        with self._lock:
            items = sorted((key, ([*series[0]], series[1], series[2])) for key, series in self._series.items())
        for key, (counts, total, count) in items:
            labels = dict(key)
            running = 0
            for bound, bucket in zip(self.buckets, counts):
                running += bucket
                yield f"{self.name}_bucket{_labels({**labels, 'le': _number(bound)})} {running}"
            yield f"{self.name}_bucket{_labels({**labels, 'le': '+Inf'})} {count}"
            yield f"{self.name}_sum{_labels(labels)} {_number(round(total, 6))}"
            yield f"{self.name}_count{_labels(labels)} {count}"


class Rate:
    """Events per second over the last RATE_WINDOW seconds, kept in one-second buckets (bounded memory)."""

    def __init__(self, window: float = RATE_WINDOW, clock=time.monotonic) -> None:
        self.window, self.clock = window, clock
        self._buckets: deque[list] = deque()  # [second, count]
        self._lock = threading.Lock()

    def add(self, amount: float = 1.0) -> None:
        second = int(self.clock())
        with self._lock:
            if self._buckets and self._buckets[-1][0] == second:
                self._buckets[-1][1] += amount
            else:
                self._buckets.append([second, amount])
            self._trim(second)

    def per_second(self) -> float:
        now = self.clock()
        with self._lock:
            self._trim(int(now))
            total = sum(count for _, count in self._buckets)
        return total / self.window

    def _trim(self, second: int) -> None:
        while self._buckets and self._buckets[0][0] <= second - self.window:
            self._buckets.popleft()


class Metrics:
    """The service's instruments. Gauges (jobs by state, queue depth) are read from the job manager at scrape time."""

    def __init__(self) -> None:
        self.requests = Counter("solver_http_requests_total", "HTTP requests answered, by route, method and status.")
        self.request_seconds = Histogram("solver_http_request_seconds", "HTTP request latency, by route.")
        self.submitted = Counter("solver_jobs_submitted_total", "Jobs accepted into the queue.")
        self.rejected = Counter("solver_jobs_rejected_total", "Solve requests refused, by reason.")
        self.finished = Counter("solver_jobs_finished_total", "Jobs that reached a final state, by state.")
        self.queue_seconds = Histogram("solver_job_queue_seconds", "Time a job waited for a worker.")
        self.run_seconds = Histogram("solver_job_run_seconds", "Time a worker spent on a job, by final state.")
        self.samples = Counter("solver_samples_total", "Candidate programs sampled.")
        self.sandbox_runs = Counter("solver_sandbox_runs_total", "Programs run in the sandbox.")
        self.sandbox_compiles = Counter("solver_sandbox_compiles_total", "Programs compiled (cache hits included).")
        self.sample_rate = Rate()
        self.run_rate = Rate()

    def count_samples(self, amount: int) -> None:
        if amount > 0:
            self.samples.inc(amount)
            self.sample_rate.add(amount)

    def count_runs(self, amount: int) -> None:
        if amount > 0:
            self.sandbox_runs.inc(amount)
            self.run_rate.add(amount)

    def render(self, jobs_by_state: dict[str, int], queue_depth: int, running: int, workers: int,
               ready: bool) -> str:
        lines = ["# HELP solver_jobs Jobs in the database, by state.", "# TYPE solver_jobs gauge"]
        lines += [f'solver_jobs{{state="{state}"}} {count}' for state, count in jobs_by_state.items()]
        for name, help, value in (
            ("solver_queue_depth", "Jobs waiting for a worker.", queue_depth),
            ("solver_jobs_running", "Jobs a worker is solving now.", running),
            ("solver_workers", "Worker threads, each solving one job at a time.", workers),
            ("solver_ready", "1 when the model is loaded and the sandbox works.", int(ready)),
            ("solver_samples_per_second", f"Candidates sampled per second over the last {RATE_WINDOW:g} s.",
             round(self.sample_rate.per_second(), 3)),
            ("solver_sandbox_runs_per_second", f"Sandbox runs per second over the last {RATE_WINDOW:g} s.",
             round(self.run_rate.per_second(), 3)),
        ):
            lines += [f"# HELP {name} {help}", f"# TYPE {name} gauge", f"{name} {_number(value)}"]
        for instrument in (self.submitted, self.rejected, self.finished, self.samples, self.sandbox_runs,
                           self.sandbox_compiles, self.queue_seconds, self.run_seconds, self.requests,
                           self.request_seconds):
            lines += instrument.lines()
        return "\n".join(lines) + "\n"


class CountingSandbox:
    """A Sandbox that counts its compiles and runs into Metrics; everything else passes through unchanged."""

    def __init__(self, sandbox, metrics: Metrics) -> None:
        self._sandbox, self._metrics = sandbox, metrics

    def __getattr__(self, name: str):
        return getattr(self._sandbox, name)

    def compile(self, program):
        self._metrics.sandbox_compiles.inc()
        return self._sandbox.compile(program)

    def run(self, executable, stdin, limits):
        result = self._sandbox.run(executable, stdin, limits)
        self._metrics.count_runs(1)
        return result

    def judge(self, program, tests, limits, checker=None, stop_on_failure=True):
        result = self._sandbox.judge(program, tests, limits, checker, stop_on_failure)
        self._metrics.count_runs(len(result.tests))
        return result

    def judge_problem(self, program, problem, tests=None, limits=None, stop_on_failure=True):
        result = self._sandbox.judge_problem(program, problem, tests, limits, stop_on_failure)
        self._metrics.count_runs(len(result.tests))
        return result

    def run_many(self, jobs, limits):
        for key, result in self._sandbox.run_many(jobs, limits):
            self._metrics.count_runs(1)
            yield key, result
