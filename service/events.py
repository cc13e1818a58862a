"""A job's events in order: written by a worker thread, read by any number of coroutines (SSE, waiting requests)."""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from dataclasses import dataclass

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
    """

    def __init__(self, limit: int = EVENT_HISTORY) -> None:
        self._events: deque[Event] = deque(maxlen=limit)
        self._next = 1
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
