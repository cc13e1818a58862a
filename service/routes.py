"""The endpoints: solve, jobs and their events, health, readiness and metrics. Logic lives in `service.jobs`."""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from service.events import EventLog
from service.intake import job_spec
from service.jobs import JobManager, NotCancellable
from service.metrics import Metrics
from service.schemas import Accepted, ErrorOut, JobOut, SolveRequest
from service.settings import Settings
from service.store import FINAL_STATES

HEARTBEAT = 15.0  # seconds between keep-alive comments on an idle event stream
POLL = 1.0  # seconds an event stream waits before looking again whether the server is draining
CANCEL_WAIT = 5.0  # seconds DELETE waits for a running job to stop before answering 202
MAX_ID_LENGTH = 64

_bearer = HTTPBearer(auto_error=False, description="the server's SOLVER_TOKEN, when it has one")


class SafeJSONResponse(JSONResponse):
    """JSON in UTF-8, falling back to ASCII escapes for text UTF-8 cannot carry (lone surrogates), never a 500."""

    def render(self, content) -> bytes:
        try:
            return super().render(content)
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_manager(request: Request) -> JobManager:
    return request.app.state.manager


def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


ManagerDep = Annotated[JobManager, Depends(get_manager)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def require_token(settings: SettingsDep, credentials: Credentials) -> None:
    if settings.token is None:
        return
    # compare_digest takes as long for a wrong token as for a right one, so timing reveals nothing of it.
    given = credentials.credentials.encode() if credentials else b""
    if credentials is None or not hmac.compare_digest(given, settings.token.encode()):
        raise HTTPException(401, "authorization: a valid bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})


_ERRORS = {status: {"model": ErrorOut} for status in (401, 404, 409, 413, 422, 429, 503)}

jobs = APIRouter(dependencies=[Depends(require_token)], responses=_ERRORS)
health = APIRouter()


async def _job(manager: JobManager, job_id: str) -> dict:
    found = None if len(job_id) > MAX_ID_LENGTH else await run_in_threadpool(manager.job, job_id)
    if found is None:
        raise HTTPException(404, f"job {job_id[:MAX_ID_LENGTH]}: no such job")
    return found


async def _until_final(manager: JobManager, job_id: str, events: EventLog | None, timeout: float) -> None:
    """Wait until the job's log closes, `timeout` passes or the server drains."""
    deadline = time.monotonic() + timeout
    last = 0
    while events is not None and not events.closed and not manager.draining.is_set():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        for event in await events.wait(last, min(remaining, POLL)):
            last = event.id


@jobs.post("/solve", status_code=202, response_model=Accepted,
           responses={200: {"model": JobOut, "description": "the finished job, when `wait` was enough"}})
async def submit(body: SolveRequest, response: Response, manager: ManagerDep, settings: SettingsDep,
                 wait: Annotated[float, Query(ge=0, description="seconds to wait for the result (bounded by the "
                                              "server's SOLVER_WAIT_MAX_SECONDS)")] = 0):
    """Queue a problem. 202 with the job's id, or 200 with the finished job when it ends within `wait` seconds."""
    spec = await run_in_threadpool(job_spec, body, settings)
    accepted = await run_in_threadpool(manager.submit, spec)
    location = {"Location": f"/jobs/{accepted['id']}"}
    if wait > 0:
        await _until_final(manager, accepted["id"], manager.log_of(accepted["id"]),
                           min(wait, settings.wait_max_seconds))
        job = await _job(manager, accepted["id"])
        if job["state"] in FINAL_STATES:
            return SafeJSONResponse(job, status_code=200, headers=location)
        accepted["state"] = job["state"]
    response.headers.update(location)
    return accepted


@jobs.get("/jobs/{job_id}", response_model=JobOut)
async def get_job(job_id: str, manager: ManagerDep):
    """A job's state and progress counts; when done, its submissions with their cluster sizes."""
    return SafeJSONResponse(await _job(manager, job_id))  # the same bytes as every other answer that holds a job


@jobs.delete("/jobs/{job_id}", response_model=JobOut,
             responses={202: {"model": JobOut, "description": "the job is stopping"}})
async def cancel_job(job_id: str, manager: ManagerDep):
    """Cancel a job. Sampling and sandbox work stop within moments; 409 when it already finished."""
    await _job(manager, job_id)
    try:
        events = await run_in_threadpool(manager.cancel, job_id)
    except NotCancellable as error:
        raise HTTPException(409, str(error)) from None
    await _until_final(manager, job_id, events, CANCEL_WAIT)
    job = await _job(manager, job_id)
    return SafeJSONResponse(job, status_code=200 if job["state"] in FINAL_STATES else 202)


def _sse(kind: str, data: dict, event_id: int | None = None) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {kind}\ndata: {json.dumps(data)}\n\n"  # ASCII: always valid UTF-8


@jobs.get("/jobs/{job_id}/events", response_class=StreamingResponse,
          responses={200: {"content": {"text/event-stream": {}},
                           "description": "`state` events (queued, running, then the final job in full) and "
                           "`progress` events (stage and counts), each with an increasing id"}})
async def job_events(job_id: str, manager: ManagerDep,
                     last_event_id: Annotated[str | None, Header(description="resume after this event id")] = None):
    """Live progress as server-sent events; the stream ends after the job's final state."""
    current = await _job(manager, job_id)
    try:
        last = max(0, int(last_event_id or 0))
    except ValueError:
        raise HTTPException(422, "last-event-id: must be an event id (a whole number)") from None
    log = manager.log_of(job_id)

    async def stream():
        if log is None:  # final already (or about to be): its whole record is the one event
            final = current if current["state"] in FINAL_STATES else await _job(manager, job_id)
            yield _sse("state", final)
            return
        cursor, since = last, 0.0
        while True:
            if manager.draining.is_set():
                yield _sse("shutdown", {"message": "the server is shutting down; reconnect with Last-Event-ID"})
                return
            events = await log.wait(cursor, POLL)
            for event in events:
                cursor = event.id
                yield _sse(event.kind, event.data, event.id)
            if events:
                since = 0.0
            elif log.closed:
                return
            else:
                since += POLL
                if since >= HEARTBEAT:
                    since = 0.0
                    yield ": keep-alive\n\n"
            await asyncio.sleep(0)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@health.get("/healthz")
async def healthz():
    """The process answers. Says nothing of the model or sandbox; see /readyz."""
    return {"status": "ok"}


@health.get("/readyz", responses={503: {"description": "not ready: the report says what is missing"}})
async def readyz(manager: ManagerDep):
    """Ready when a worker has loaded the model backend and the sandbox passes its self-test."""
    ready, report = await run_in_threadpool(manager.readiness)
    return SafeJSONResponse({"ready": ready, **report}, status_code=200 if ready else 503)


@jobs.get("/metrics", response_class=PlainTextResponse)
async def metrics(manager: ManagerDep, instruments: MetricsDep):
    """Prometheus text format: jobs by state, queue depth, samples and sandbox runs per second, latencies."""
    counts = await run_in_threadpool(manager.store.counts)
    gauges = manager.gauges()
    ready = manager.unavailable() is None and "ready" in manager.backend_states
    text = instruments.render(counts, gauges["queue_depth"], gauges["running"], manager.settings.workers, ready)
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4")
