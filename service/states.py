"""A job's states, the one definition: the schemas, the store, the manager, the routes and the event logs use it.

    queued ──> running ──> done | failed | cancelled
       │          │
       │          └──> queued        a server stopped under it (it runs again at the next start)
       └──> failed | cancelled       no backend could load; cancelled by the client

`JobManager._transition` (service.jobs) makes every move, and only the moves in MOVES.
"""

from __future__ import annotations

from enum import StrEnum


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def final(self) -> bool:
        return self in FINAL


FINAL = frozenset({JobState.DONE, JobState.FAILED, JobState.CANCELLED})

# The states a job may move to from each state; None is a job not yet in the store.
MOVES: dict[JobState | None, frozenset[JobState]] = {
    None: frozenset({JobState.QUEUED}),
    JobState.QUEUED: frozenset({JobState.RUNNING, JobState.FAILED, JobState.CANCELLED}),
    JobState.RUNNING: frozenset({JobState.QUEUED, JobState.DONE, JobState.FAILED, JobState.CANCELLED}),
}
