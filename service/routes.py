"""The endpoints: solve, jobs and their events, health, readiness and metrics. Logic lives in `service.jobs`.

Each route declares its answer's model and returns that model, so FastAPI validates every answer (the models
revalidate their instances); each names the errors it can answer, in the one envelope (`ErrorOut`).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST
from starlette.concurrency import run_in_threadpool

from service.events import EventLog
from service.intake import job_spec
from service.jobs import JobManager, NotCancellable
from service.metrics import Metrics
from service.schemas import Accepted, ErrorOut, Health, JobOut, Readiness, SolveRequest
from service.settings import Settings

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


# ------------------------------------------------------------------------------------------ documented answers


def _header(description: str, **schema: Any) -> dict:
    return {"description": description, "required": True, "schema": {"type": "string", **schema}}


_RETRY_AFTER = {"Retry-After": _header("seconds to wait before trying again", pattern=r"^[0-9]+$")}
_ERRORS: dict[int, dict] = {
    400: {"description": "malformed JSON"},
    # service.openapi drops 401 (and the bearer scheme) from the document of a server without a token.
    401: {"description": "no valid bearer token", "headers": {"WWW-Authenticate": _header("`Bearer`")}},
    404: {"description": "no such job"},
    409: {"description": "the job already finished"},
    413: {"description": "a body, statement, test list or test over the server's limits"},
    422: {"description": "invalid: the message and `fields` name each field at fault"},
    429: {"description": "the queue is full", "headers": _RETRY_AFTER},
    503: {"description": "shutting down, or no backend or sandbox works", "headers": _RETRY_AFTER},
}


def errors(*statuses: int) -> dict[int, dict]:
    """The documented error answers of a route, each in the one envelope."""
    return {status: {"model": ErrorOut, **_ERRORS[status]} for status in statuses}


# A job's id in an answer leads to the job's other endpoints: what OpenAPI links say, and clients (and
# schemathesis' stateful tests) follow.
_JOB_LINKS = {
    name: {"operationId": operation, "parameters": {"job_id": "$response.body#/id"}, "description": description}
    for name, operation, description in (
        ("GetJob", "get_job", "the job's state, progress and result"),
        ("JobEvents", "job_events", "the job's progress as server-sent events"),
        ("CancelJob", "cancel_job", "cancel the job"),
    )
}
_LOCATION = {"Location": _header("the job: `/jobs/{id}`")}

jobs = APIRouter(dependencies=[Depends(require_token)], responses=errors(401))
health = APIRouter()


async def _job(manager: JobManager, job_id: str) -> JobOut:
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


@jobs.post("/solve", status_code=202, response_model=Accepted | JobOut, operation_id="submit",
           responses={202: {"model": Accepted, "description": "the job is in the queue", "headers": _LOCATION,
                            "links": _JOB_LINKS},
                      200: {"model": JobOut, "description": "the finished job, when `wait` was enough",
                            "headers": _LOCATION, "links": _JOB_LINKS},
                      **errors(400, 413, 422, 429, 503)})
async def submit(body: SolveRequest, response: Response, manager: ManagerDep, settings: SettingsDep,
                 wait: Annotated[float, Query(ge=0, description="seconds to wait for the result (bounded by the "
                                              "server's SOLVER_WAIT_MAX_SECONDS)")] = 0) -> Accepted | JobOut:
    """Queue a problem. 202 with the job's id, or 200 with the finished job when it ends within `wait` seconds."""
    spec = await run_in_threadpool(job_spec, body, settings)
    accepted = await run_in_threadpool(manager.submit, spec)
    response.headers["Location"] = f"/jobs/{accepted.id}"
    if wait > 0:
        await _until_final(manager, accepted.id, manager.log_of(accepted.id), min(wait, settings.wait_max_seconds))
        job = await _job(manager, accepted.id)
        if job.state.final:
            response.status_code = 200
            return job
        accepted.state = job.state
    return accepted


@jobs.get("/jobs/{job_id}", response_model=JobOut, operation_id="get_job", responses=errors(404))
async def get_job(job_id: str, manager: ManagerDep) -> JobOut:
    """A job's state and progress counts; when done, its submissions with their cluster sizes."""
    return await _job(manager, job_id)


@jobs.delete("/jobs/{job_id}", response_model=JobOut, operation_id="cancel_job",
             responses={200: {"description": "the job is cancelled (or had already been)"},
                        202: {"model": JobOut, "description": "the job is stopping"}, **errors(404, 409)})
async def cancel_job(job_id: str, response: Response, manager: ManagerDep) -> JobOut:
    """Cancel a job. Sampling and sandbox work stop within moments; 409 when it already finished."""
    await _job(manager, job_id)
    try:
        events = await run_in_threadpool(manager.cancel, job_id)
    except NotCancellable as error:
        raise HTTPException(409, str(error)) from None
    await _until_final(manager, job_id, events, CANCEL_WAIT)
    job = await _job(manager, job_id)
    response.status_code = 200 if job.state.final else 202
    return job


def _sse(kind: str, data: dict, event_id: int | None = None) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {kind}\ndata: {json.dumps(data)}\n\n"  # ASCII: always valid UTF-8


def _event(kind: str, data: dict, description: str) -> dict:
    """One kind of server-sent event, as OpenAPI describes an event of a stream: its fields, `data` holding JSON."""
    return {"title": kind, "description": description, "type": "object", "required": ["event", "data"],
            "properties": {"id": {"type": "string", "pattern": "^[0-9]+$"}, "event": {"const": kind},
                           "data": {"type": "string", "contentMediaType": "application/json", "contentSchema": data}}}


_EVENTS = {"oneOf": [
    _event("state", {"type": "object", "required": ["state"],
                     "properties": {"state": {"$ref": "#/components/schemas/JobState"}, "message": {"type": "string"}}},
           "the job's new state; a final one carries the whole job, as GET /jobs/{job_id} shows it"),
    _event("progress", {"type": "object", "required": ["stage", "stats", "elapsed", "message"],
                        "properties": {"stage": {"type": "string"},
                                       "stats": {"type": "object", "additionalProperties": {"type": "integer"}},
                                       "elapsed": {"type": "number"}, "message": {"type": "string"}}},
           "the pipeline's stage and counts, and the seconds since the job started"),
    _event("shutdown", {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
           "the server is stopping: reconnect with Last-Event-ID"),
]}


@jobs.get("/jobs/{job_id}/events", response_class=StreamingResponse, operation_id="job_events",
          responses={200: {"content": {"text/event-stream": {"schema": _EVENTS}},
                           "description": "`state` events (queued, running, then the final job in full) and "
                           "`progress` events (stage and counts), each with an increasing id"},
                     **errors(404, 422)})
async def job_events(job_id: str, manager: ManagerDep,
                     last_event_id: Annotated[int, Header(description="resume after this event id (the id of the "
                                                          "last event seen; below 1: from the start)")] = 0):
    """Live progress as server-sent events; the stream ends after the job's final state."""
    current = await _job(manager, job_id)
    last = max(0, last_event_id)
    log = manager.log_of(job_id)

    async def stream():
        if log is None:  # final already (or about to be): its whole record is the one event
            final = current if current.state.final else await _job(manager, job_id)
            yield _sse("state", final.model_dump(mode="json"))
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


@health.get("/healthz", response_model=Health, operation_id="healthz")
async def healthz() -> Health:
    """The process answers. Says nothing of the model or sandbox; see /readyz."""
    return Health(status="ok")


@health.get("/readyz", response_model=Readiness, operation_id="readyz",
            responses={503: {"model": Readiness, "description": "not ready: the report says what is missing"}})
async def readyz(response: Response, manager: ManagerDep) -> Readiness:
    """Ready when a worker has loaded the model backend and the sandbox passes its self-test."""
    report = await run_in_threadpool(manager.readiness)
    response.status_code = 200 if report.ready else 503
    return report


@jobs.get("/metrics", response_class=PlainTextResponse, operation_id="metrics",
          responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                           "description": "Prometheus' text format"}})
async def metrics(instruments: MetricsDep) -> Response:
    """Prometheus text format: jobs by state, queue depth, samples and sandbox runs, job and request latencies."""
    return Response(await run_in_threadpool(instruments.render), media_type=CONTENT_TYPE_LATEST)
