"""Jobs: queued in a bounded queue, solved by a fixed pool of worker threads, every change kept in the store.

Every state change goes through one function, `JobManager._transition`, which writes the store, then updates
memory, counts the metric and announces the event, in that order: nobody hears of a change the database does not
hold, so a restart loses no finished result.
On start, jobs left queued are queued again, and jobs left running (the server died under them) are run again,
unless they were already running at an earlier crash: such a job may be the cause and is marked failed instead.
At a graceful stop, running jobs get a grace period, then are cancelled and put back in the queue for next time.

Memory stays bounded: only jobs waiting or running are in memory (an id, counters and a short event log each);
problems and results live in the database, and the queue refuses work beyond its bound.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from problems.model import ProblemFormatError
from sandbox.errors import SandboxError
from service.events import EventLog
from service.intake import JobSpec
from service.metrics import Metrics, Snapshot
from service.schemas import Accepted, JobOut, Readiness
from service.settings import Settings
from service.states import MOVES, JobState
from service.store import JobStore
from solver.backends import BackendError
from solver.pipeline import Cancelled, ProgressEvent, solve

log = logging.getLogger("service.jobs")

MAX_ATTEMPTS = 2  # runs a job may start; one running at two crashes is not tried a third time
SANDBOX_RECHECK = 30.0  # seconds between sandbox self-tests asked for by /readyz
PRUNE_EVERY = 64  # finished jobs between prunings of the oldest results


class QueueFull(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the queue is full; retry in {retry_after} s")
        self.retry_after = retry_after


class Unavailable(Exception):
    """The service cannot take jobs now (shutting down, no working backend or sandbox)."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NotCancellable(Exception):
    """The job already finished (done or failed)."""


# --------------------------------------------------------------------------------------------------------- jobs


@dataclass
class ActiveJob:
    """A job waiting or running: what lives in memory until it is final."""

    id: str
    created: float
    state: JobState | None = None  # None until the store holds it
    started: float | None = None
    stage: str | None = None
    progress: dict = field(default_factory=dict)
    cancel: threading.Event = field(default_factory=threading.Event)
    interrupted: bool = False  # cancelled by a shutdown, not by a client: requeue it
    log: EventLog = field(default_factory=EventLog)


class JobManager:
    """The queue and the workers. Blocking methods (database access) are meant for threads, not the event loop."""

    def __init__(self, settings: Settings, store: JobStore, backend_factory: Callable[[], Any],
                 sandbox_factory: Callable[[], Any], metrics: Metrics) -> None:
        self.settings, self.store, self.metrics = settings, store, metrics
        self.backend_factory, self.sandbox_factory = backend_factory, sandbox_factory
        self.sandbox = None
        self.sandbox_error: str | None = "not started"
        self._sandbox_checked = 0.0
        self._sandbox_lock = threading.Lock()
        self.backend_states: list[str] = ["loading"] * settings.workers
        self.draining = threading.Event()
        # Reentrant: a transition made under the lock (a submit's insert, a worker taking a job) takes it again.
        self._cond = threading.Condition(threading.RLock())
        self._queue: deque[str] = deque()
        self._active: dict[str, ActiveJob] = {}
        self._stopping = False
        self._threads: list[threading.Thread] = []
        self._mean_run = 0.0  # a moving average of run times, for Retry-After
        self._finished_since_prune = 0

    # ----------------------------------------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """Open the sandbox, recover jobs a previous server left, start the workers (which load their backends)."""
        self._start_sandbox()
        self._recover()
        self.store.prune(self.settings.keep_jobs)
        for number in range(self.settings.workers):
            thread = threading.Thread(target=self._work, args=(number,), name=f"solver-worker-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def _start_sandbox(self) -> None:
        try:
            sandbox = self.sandbox_factory()
            sandbox.self_test()
        except (SandboxError, OSError) as error:
            self.sandbox_error = f"sandbox: {error}"
            log.error("%s", self.sandbox_error)
            return
        self.sandbox = sandbox
        self.sandbox_error = None
        self._sandbox_checked = time.monotonic()

    def _recover(self) -> None:
        for job_id, state, attempts, created in self.store.unfinished():
            job = ActiveJob(job_id, created, state)
            if state is JobState.RUNNING and attempts >= MAX_ATTEMPTS:
                self._transition(job, JobState.FAILED,
                                 error=f"interrupted: the server stopped {attempts} times while running it")
            elif state is JobState.RUNNING:
                self._transition(job, JobState.QUEUED)  # the crash counts as one of its attempts
            else:  # queued in the store already: only this server's memory and its event log learn of it
                self._enqueue(job)
                job.log.state(JobState.QUEUED)
        if self._queue:
            log.info("resuming %d unfinished jobs", len(self._queue))

    def drain(self) -> None:
        """Stop taking jobs and let event streams end; workers keep going until stop()."""
        self.draining.set()

    def stop(self, grace: float | None = None) -> None:
        """Let running jobs finish for `grace` seconds, then cancel them back into the queue; stop the workers."""
        grace = self.settings.shutdown_grace if grace is None else grace
        self.draining.set()
        deadline = time.monotonic() + grace
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
            while self._running() and time.monotonic() < deadline:
                self._cond.wait(timeout=max(0.0, min(0.1, deadline - time.monotonic())))
            for job in self._running():
                job.interrupted = True
                job.cancel.set()
        for thread in self._threads:
            thread.join(timeout=10)
        if self.sandbox is not None:
            self.sandbox.close()
        self.store.close()

    # ------------------------------------------------------------------------------------------------- requests

    def submit(self, spec: JobSpec) -> Accepted:
        """Queue a job; raises QueueFull or Unavailable."""
        if self.draining.is_set():
            raise Unavailable("the server is shutting down")
        problem = self.unavailable()
        if problem:
            raise Unavailable(problem, retry_after=30)
        job = ActiveJob(uuid.uuid4().hex, time.time())
        with self._cond:
            if len(self._queue) >= self.settings.max_queue:
                self.metrics.rejected.labels(reason="queue_full").inc()
                raise QueueFull(self._retry_after())
            # Under the lock, so that the bound holds; an insert with WAL takes well under a millisecond.
            try:
                self._transition(job, JobState.QUEUED, spec=spec)
            except sqlite3.Error as error:
                raise Unavailable(f"the job store cannot take the job: {error}") from None
        return Accepted(id=job.id, state=JobState.QUEUED)

    def job(self, job_id: str) -> JobOut | None:
        """The job as GET /jobs/{id} shows it: the stored record, with live progress while it runs."""
        stored = self.store.get(job_id)
        if stored is None:
            return None
        with self._cond:
            active = self._active.get(job_id)
            if active is not None and active.state is not None and not stored["state"].final:
                stored.update(state=active.state, started=active.started, stage=active.stage,
                              progress=dict(active.progress))
        return JobOut.model_validate(_public(stored))

    def log_of(self, job_id: str) -> EventLog | None:
        with self._cond:
            active = self._active.get(job_id)
            return active.log if active else None

    def cancel(self, job_id: str) -> EventLog | None:
        """Cancel a job: a queued one at once, a running one as soon as its solve notices (returns its log then).

        Raises KeyError for an unknown job and NotCancellable for one already done or failed.
        """
        with self._cond:
            job = self._active.get(job_id)
            if job is not None and job_id in self._queue:
                self._queue.remove(job_id)  # no worker can take it now
            elif job is not None:
                job.cancel.set()
                return job.log
        if job is not None:  # was queued
            self._transition(job, JobState.CANCELLED, error="cancelled by the client")
            return None
        stored = self.store.get(job_id)
        if stored is None:
            raise KeyError(job_id)
        if stored["state"] in (JobState.DONE, JobState.FAILED):
            raise NotCancellable(f"job {job_id} is already {stored['state']}; there is nothing to cancel")
        return None

    def unavailable(self) -> str | None:
        """Why jobs cannot be solved now, or None."""
        if self.sandbox is None:
            return self.sandbox_error or "the sandbox is not working"
        if all(state not in ("loading", "ready") for state in self.backend_states):
            return "no worker could load the backend: " + self.backend_states[0]
        return None

    def readiness(self) -> Readiness:
        """Whether the service can solve now: a backend loaded and the sandbox passing its self-test."""
        self._recheck_sandbox()
        ready_workers = self.backend_states.count("ready")
        if ready_workers:
            backend = "ready"
        elif "loading" in self.backend_states:
            backend = "loading"
        else:
            backend = self.backend_states[0]
        return Readiness(
            ready=bool(ready_workers) and self.sandbox_error is None and not self.draining.is_set(),
            backend=backend, backend_name=self.settings.backend, workers_ready=ready_workers,
            options=list(self.settings.request_options),
            cgroups=self.sandbox.cgroups_version if self.sandbox is not None else None,
            workers=self.settings.workers, sandbox=self.sandbox_error or "ok", draining=self.draining.is_set())

    def _recheck_sandbox(self) -> None:
        if self.sandbox is None or time.monotonic() - self._sandbox_checked < SANDBOX_RECHECK:
            return
        if not self._sandbox_lock.acquire(blocking=False):
            return  # another request is checking it
        try:
            self.sandbox.self_test()
            self.sandbox_error = None
        except (SandboxError, OSError) as error:
            self.sandbox_error = f"sandbox: {error}"
        finally:
            self._sandbox_checked = time.monotonic()
            self._sandbox_lock.release()

    def snapshot(self) -> Snapshot:
        """What /metrics shows of the present: jobs by state in the store, the queue, the running jobs."""
        jobs = self.store.counts()
        with self._cond:
            queue_depth, running = len(self._queue), len(self._running())
        ready = self.unavailable() is None and "ready" in self.backend_states
        return Snapshot(jobs, queue_depth, running, self.settings.workers, ready)

    def _running(self) -> list[ActiveJob]:
        with self._cond:
            return [job for job in self._active.values() if job.state is JobState.RUNNING]

    def _retry_after(self) -> int:
        """Seconds until a place in the queue is likely to free: the queue ahead divided among the workers."""
        if not self._mean_run:
            return 5
        wait = self._mean_run * max(1, len(self._queue)) / self.settings.workers
        return int(min(300, max(1, math.ceil(wait))))

    # ---------------------------------------------------------------------------------------------- transitions

    def _transition(self, job: ActiveJob, to: JobState, *, spec: JobSpec | None = None, result: dict | None = None,
                    error: str | None = None, write: bool = True) -> None:
        """Move a job to the state `to`, the one way any job's state changes: write the store, then update memory,
        then count it, then announce it. The caller has made the job its own (taken it off the queue, or holds
        the lock), so that no other thread moves it meanwhile. `write` is False only when the store has failed.

        Into the store, a new job is inserted (with its `spec`), a taken one marked running, an interrupted one
        requeued (at a start, the crash that interrupted it counts as an attempt; at a stop, ours does not), and
        a final one finished with its `result` or `error`.
        """
        previous = job.state
        if to not in MOVES.get(previous, ()):
            raise ValueError(f"job {job.id}: no move from {previous} to {to}")
        now = time.time()
        if write:
            if previous is None:
                self.store.insert(job.id, spec, job.created)
            elif to is JobState.QUEUED:
                self.store.requeue(job.id, count_attempt=not self._stopping)
            elif to is JobState.RUNNING:
                self.store.mark_running(job.id, now)
            else:
                self.store.finish(job.id, to, now, job.stage, job.progress, result, error)

        ran = now - job.started if previous is JobState.RUNNING and job.started is not None else None
        with self._cond:
            job.state = to
            if to is JobState.QUEUED:
                job.started = None
                if self._stopping:  # it waits in the store for the next server
                    self._active.pop(job.id, None)
                else:
                    self._enqueue(job)
            elif to is JobState.RUNNING:
                job.started = now
            else:
                self._active.pop(job.id, None)
                if ran is not None:
                    self._mean_run = ran if not self._mean_run else 0.8 * self._mean_run + 0.2 * ran
                self._finished_since_prune += 1
            self._cond.notify_all()

        if previous is None:
            self.metrics.submitted.inc()
        elif to is JobState.RUNNING:
            self.metrics.queue_seconds.observe(max(0.0, now - job.created))
        elif to.final:
            self.metrics.finished.labels(state=to.value).inc()
            if ran is not None:
                self.metrics.run_seconds.labels(state=to.value).observe(ran)

        if to.final:
            job.log.state(to, self._final_record(job, error) if write else {"id": job.id, "error": error})
        elif to is JobState.QUEUED and self._stopping:
            job.log.state(to, {"message": "the server is shutting down"}, last=True)
        else:
            job.log.state(to)

        if to.final and write and self._finished_since_prune >= PRUNE_EVERY:
            self._finished_since_prune = 0
            self.store.prune(self.settings.keep_jobs)

    def _enqueue(self, job: ActiveJob) -> None:
        with self._cond:
            self._active[job.id] = job
            self._queue.append(job.id)
            self._cond.notify()

    def _final_record(self, job: ActiveJob, error: str | None) -> dict:
        """The finished job as GET /jobs/{id} shows it: a final event carries the same record."""
        try:
            shown = self.job(job.id)
        except sqlite3.Error:
            shown = None
        return shown.model_dump(mode="json") if shown else {"id": job.id, "error": error}

    def _forget(self, job: ActiveJob) -> None:
        """The store failed under a job: it leaves memory as failed, which the store cannot record."""
        if job.state is not None and not job.state.final:
            self._transition(job, JobState.FAILED, error="the job store failed", write=False)

    # --------------------------------------------------------------------------------------------------- workers

    def _work(self, number: int) -> None:
        try:
            backend = self.backend_factory()
        except Exception as error:  # any failure to load is reported by /readyz, never raised into the void
            self.backend_states[number] = f"failed: {error}"
            log.error("worker %d cannot load the %s backend: %s", number, self.settings.backend, error)
            if self.unavailable():
                self._fail_queued(self.backend_states[number])
            return
        self.backend_states[number] = "ready"
        try:
            while (job := self._next()) is not None:
                try:
                    self._run(job, backend)
                except Exception:  # the store failed under us: forget the job here, keep the worker
                    log.exception("job %s could not be recorded", job.id)
                    self._forget(job)
        finally:
            backend.close()

    def _next(self) -> ActiveJob | None:
        with self._cond:
            while not self._stopping:
                if self._queue:
                    job = self._active[self._queue.popleft()]
                    try:
                        self._transition(job, JobState.RUNNING)  # under the lock: stop() sees it running at once
                    except sqlite3.Error:
                        log.exception("job %s could not be started", job.id)
                        self._forget(job)
                        continue
                    return job
                self._cond.wait()
            return None

    def _fail_queued(self, reason: str) -> None:
        with self._cond:
            waiting = [self._active[job_id] for job_id in self._queue]
            self._queue.clear()
        for job in waiting:
            self._transition(job, JobState.FAILED, error=f"no backend: {reason}")

    def _run(self, job: ActiveJob, backend) -> None:
        counted: dict = {}  # the counts of the last progress event, whose growth the metrics count

        def progress(event: ProgressEvent) -> None:
            nonlocal counted
            job.stage, job.progress = event.stage, dict(event.stats)
            self.metrics.count_progress(counted, event.stats)
            counted = dict(event.stats)
            job.log.append("progress", {"stage": event.stage, "stats": event.stats, "elapsed": event.elapsed,
                                        "message": event.message})

        try:
            spec = self.store.spec(job.id)
            result = solve(spec.problem, backend, samples=spec.samples, seconds=spec.seconds, params=spec.params,
                           sandbox=self.sandbox, on_progress=progress, cancel=job.cancel)
        except Cancelled:
            if job.interrupted:
                self._transition(job, JobState.QUEUED)
            else:
                self._transition(job, JobState.CANCELLED, error="cancelled by the client")
        except (BackendError, SandboxError, ProblemFormatError, ValueError) as error:
            self._transition(job, JobState.FAILED, error=str(error))
        except Exception as error:  # a bug of ours: the job fails with a message, the worker lives on
            log.exception("job %s failed", job.id)
            self._transition(job, JobState.FAILED, error=f"internal error: {type(error).__name__}: {error}")
        else:
            self._transition(job, JobState.DONE, result=result.to_json())


def _public(stored: dict) -> dict:
    budget = stored["budget"] or {}
    return {
        "id": stored["id"],
        "state": stored["state"],
        "problem": stored["name"],
        "budget": budget,
        "created": stored["created"],
        "started": stored["started"],
        "finished": stored["finished"],
        "stage": stored["stage"],
        "progress": stored["progress"] or {},
        "error": stored["error"],
        "result": stored["result"],
    }
