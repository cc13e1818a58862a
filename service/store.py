"""The jobs table in SQLite: every state change of a job, its problem, budget, progress and result.

One connection shared by all threads behind a lock, in WAL mode; every write commits at once, so what a client
was told survives a crash of the process.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from service.intake import JobSpec
from service.states import JobState

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    name TEXT NOT NULL,
    created REAL NOT NULL,
    started REAL,
    finished REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    problem TEXT NOT NULL,      -- the CodeContests row, JSON
    budget TEXT NOT NULL,       -- samples, seconds, seed, languages, options, JSON
    stage TEXT,
    progress TEXT,              -- the last progress counts, JSON
    result TEXT,                -- SolveResult.to_json(), JSON, when done
    error TEXT
);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, created);
CREATE INDEX IF NOT EXISTS jobs_by_finished ON jobs (finished);
CREATE INDEX IF NOT EXISTS jobs_by_created ON jobs (created);
"""

_SUMMARY = "id, state, name, created, started, finished, attempts, budget, stage, progress, result, error"


class JobStore:
    """The jobs table. One connection shared by all threads behind a lock; every write commits at once."""

    def __init__(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10.0)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable against a crash of the process
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _execute(self, sql: str, parameters: tuple = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, parameters)

    def insert(self, job_id: str, spec: JobSpec, created: float) -> None:
        self._execute("INSERT INTO jobs (id, state, name, created, problem, budget) VALUES (?, ?, ?, ?, ?, ?)",
                      (job_id, JobState.QUEUED, spec.problem.name, created, json.dumps(spec.problem_row()),
                       json.dumps(spec.budget())))

    def spec(self, job_id: str) -> JobSpec:
        with self._lock:
            row = self._db.execute("SELECT problem, budget FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return JobSpec.from_stored(json.loads(row[0]), json.loads(row[1]))

    def mark_running(self, job_id: str, started: float) -> None:
        self._execute("UPDATE jobs SET state = ?, started = ?, attempts = attempts + 1 WHERE id = ?",
                      (JobState.RUNNING, started, job_id))

    def finish(self, job_id: str, state: JobState, finished: float, stage: str | None, progress: dict,
               result: dict | None, error: str | None) -> None:
        if not state.final:
            raise ValueError(f"state: {state} is not a final state")
        self._execute("UPDATE jobs SET state = ?, finished = ?, stage = ?, progress = ?, result = ?, error = ? "
                      "WHERE id = ?", (state, finished, stage, json.dumps(progress),
                                       None if result is None else json.dumps(result), error, job_id))

    def requeue(self, job_id: str, count_attempt: bool) -> None:
        """Back to the queue; an attempt that the server itself interrupted does not count."""
        self._execute("UPDATE jobs SET state = ?, started = NULL, stage = NULL, progress = NULL, "
                      "attempts = attempts - ? WHERE id = ?", (JobState.QUEUED, 0 if count_attempt else 1, job_id))

    def get(self, job_id: str) -> dict | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_SUMMARY} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        names = [name.strip() for name in _SUMMARY.split(",")]
        job = dict(zip(names, row))
        for name in ("budget", "progress", "result"):
            job[name] = json.loads(job[name]) if job[name] else None
        job["state"] = JobState(job["state"])
        return job

    def recent(self, limit: int) -> list[dict]:
        """The `limit` jobs created last, newest first: id, state, name, created, finished (read through the index on
        `created`, never the problems and results)."""
        with self._lock:
            rows = self._db.execute("SELECT id, state, name, created, finished FROM jobs "
                                    "ORDER BY created DESC LIMIT ?", (limit,)).fetchall()
        return [{"id": job_id, "state": JobState(state), "name": name, "created": created, "finished": finished}
                for job_id, state, name, created, finished in rows]

    def unfinished(self) -> list[tuple[str, JobState, int, float]]:
        """Jobs queued or running, oldest first: (id, state, attempts, created)."""
        with self._lock:
            rows = self._db.execute("SELECT id, state, attempts, created FROM jobs WHERE state IN (?, ?) "
                                    "ORDER BY created", (JobState.QUEUED, JobState.RUNNING)).fetchall()
        return [(job_id, JobState(state), attempts, created) for job_id, state, attempts, created in rows]

    def counts(self) -> dict[JobState, int]:
        with self._lock:
            found = dict(self._db.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall())
        return {state: found.get(state.value, 0) for state in JobState}

    def prune(self, keep: int) -> int:
        """Delete all but the `keep` most recently finished jobs."""
        with self._lock:
            cursor = self._db.execute(
                "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE finished IS NOT NULL "
                "ORDER BY finished DESC LIMIT -1 OFFSET ?)", (keep,))
            return cursor.rowcount
