"""A job's events in order: written by a worker thread, read by any number of coroutines (SSE, waiting requests).

Three kinds reach a reader: `state` (the job's new state; a final one carries the whole job), `progress` (stage
and counts) and, from the route itself, `shutdown`. A final state closes the log.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from service.states import JobState

EVENT_HISTORY = 256  # events a job keeps for readers that join late (progress comes at most 4 times a second)


@dataclass(frozen=True)
class Event:
    id: int
    kind: str  # "state" or "progress"
    data: dict


class EventLog:
    """One job's events in order, written by a worker thread and read by any number of coroutines.

    Readers ask for the events after the last id they saw; the log keeps the latest EVENT_HISTORY, so a slow
    reader may miss old progress events but never sees them out of order, and the final event is always kept.
    Ids start from the clock in milliseconds and count up by one: a job run again by a restarted server gets a new
    log whose ids are above every id the old one gave (a job makes a few events a second, far fewer than the
    milliseconds that pass), so a client resuming with the old server's Last-Event-ID misses nothing.
    """

    def __init__(self, limit: int = EVENT_HISTORY) -> None:
        self._events: deque[Event] = deque(maxlen=limit)
        self._next = int(time.time() * 1000)
        self._lock = threading.Lock()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future]] = []
        self.closed = False

    def append(self, kind: str, data: dict, final: bool = False) -> None:
        with self._lock:
            self._events.append(Event(self._next, kind, data))
            self._next += 1
            self.closed = self.closed or final
            waiters, self._waiters = self._waiters, []
        for loop, future in waiters:
            try:
                loop.call_soon_threadsafe(_wake, future)
            except RuntimeError:  # that reader's event loop is gone
                pass

    def state(self, state: JobState, details: dict[str, Any] | None = None, last: bool = False) -> None:
        """Announce the job's new state (with `details`, the whole job when it is final). A final state is the
        log's last event; so is any state with `last` (the job leaves this server's memory)."""
        self.append("state", {**(details or {}), "state": state.value}, final=last or state.final)

    def since(self, last_id: int) -> list[Event]:
        with self._lock:
            return [event for event in self._events if event.id > last_id]

    async def wait(self, last_id: int, timeout: float) -> list[Event]:
        """The events after `last_id`, waiting up to `timeout` seconds for one when there are none yet."""
        loop = asyncio.get_running_loop()
        with self._lock:
            events = [event for event in self._events if event.id > last_id]
            if events or self.closed:
                return events
            waiter = (loop, loop.create_future())
            self._waiters.append(waiter)
        try:
            await asyncio.wait_for(waiter[1], timeout)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        return self.since(last_id)


def _wake(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(None)
