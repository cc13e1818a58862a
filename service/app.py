"""The FastAPI application: built by `create_app`, its job manager made in `lifespan`, run by `run_server`.

One error envelope for every failure: `{"error": {"status", "message", "fields": [{"field", "message"}]}}`, with
the message naming the field at fault; a 405 says in `Allow` what the path takes. Request bodies are bounded
before they are parsed. The OpenAPI document and /docs come from `service.openapi`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from service.intake import Rejected
from service.jobs import JobManager, QueueFull, Unavailable
from service.metrics import Metrics
from service.openapi import install_openapi
from service.routes import SafeJSONResponse, health, jobs
from service.settings import Settings
from service.store import JobStore
from service.web import mount_web

log = logging.getLogger("service")

MAX_FIELD_NAME = 100

DESCRIPTION = """Solve competitive programming problems the AlphaCode way: sample many programs, keep those that
pass the examples, cluster them by behaviour on generated inputs, submit one from each of the largest clusters.

POST /solve queues a problem and answers 202 with the job's id; GET /jobs/{id} follows it, GET /jobs/{id}/events
streams its progress, DELETE /jobs/{id} cancels it. When the server has a token, send `Authorization: Bearer ...`.
"""


def create_app(settings: Settings, backend_factory: Callable[[], Any] | None = None,
               sandbox_factory: Callable[[], Any] | None = None) -> FastAPI:
    """The application. Nothing is loaded until it starts (lifespan): then the sandbox, the stored jobs and the
    workers, each of which loads its own backend. The factories replace the configured backend and sandbox."""

    def make_backend():
        from solver.backends import make_backend

        return make_backend(settings.backend, settings.model, **dict(settings.backend_options))

    def make_sandbox():
        from sandbox import Sandbox

        return Sandbox()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        store = await run_in_threadpool(JobStore, settings.db)
        manager = JobManager(settings, store, backend_factory or make_backend, sandbox_factory or make_sandbox,
                             app.state.metrics)
        await run_in_threadpool(manager.start)
        app.state.manager = manager
        app.state.metrics.watch(manager.snapshot)
        try:
            yield
        finally:
            await run_in_threadpool(manager.stop)

    app = FastAPI(title="open-alphacode solver", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  default_response_class=SafeJSONResponse, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.include_router(health)
    app.include_router(jobs)
    mount_web(app)
    install_openapi(app, settings)
    _add_error_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(RequestMetrics, metrics=app.state.metrics)  # outermost: it sees every answer
    return app


# ------------------------------------------------------------------------------------------------------- errors


def error_response(status: int, message: str, fields: list[dict] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return SafeJSONResponse({"error": {"status": status, "message": message, "fields": fields or []}},
                            status_code=status, headers=headers)


def _field_name(location: tuple) -> str:
    # Keys of unknown fields come from the client: cut, so that an error never grows with the request.
    parts = [part if isinstance(part, int) else str(part)[:MAX_FIELD_NAME] for part in location
             if part not in ("body", "query", "header", "path")]
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"


def _validation_fields(error: RequestValidationError) -> tuple[int, list[dict]]:
    """(status, field errors) for pydantic's errors: 400 for a body that is not JSON at all, else 422."""
    fields = []
    for item in error.errors():
        kind, location = item.get("type"), tuple(item.get("loc", ()))
        if kind == "json_invalid":
            reason = (item.get("ctx") or {}).get("error", "not JSON")
            position = location[1] if len(location) > 1 else "?"
            return 400, [{"field": "body", "message": f"malformed JSON at character {position}: {reason}"}]
        message = str(item.get("msg", "invalid"))
        if kind == "extra_forbidden":
            message = "unknown field"
        elif kind == "missing":
            message = "a JSON object is required" if location == ("body",) else "required"
        elif location == ("body",) and kind in ("model_attributes_type", "model_type", "dict_type"):
            message = "must be a JSON object (sent as Content-Type: application/json)"
        elif kind == "value_error":
            # Our own cross-field checks say "field: what is wrong".
            message = message.removeprefix("Value error, ")
            field, _, rest = message.partition(": ")
            if rest and " " not in field:
                fields.append({"field": field, "message": rest})
                continue
        fields.append({"field": _field_name(location), "message": message})
    return 422, fields


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        status, fields = _validation_fields(error)
        summary = "; ".join(f"{item['field']}: {item['message']}" for item in fields[:5])
        if len(fields) > 5:
            summary += f"; and {len(fields) - 5} more"
        return error_response(status, summary, fields)

    @app.exception_handler(Rejected)
    async def rejected(request: Request, error: Rejected) -> JSONResponse:
        return error_response(error.status, str(error), [{"field": error.field, "message": error.message}])

    @app.exception_handler(QueueFull)
    async def queue_full(request: Request, error: QueueFull) -> JSONResponse:
        return error_response(429, str(error), headers={"Retry-After": str(error.retry_after)})

    @app.exception_handler(Unavailable)
    async def unavailable(request: Request, error: Unavailable) -> JSONResponse:
        return error_response(503, str(error), headers={"Retry-After": str(error.retry_after)})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        headers = dict(getattr(error, "headers", None) or {})
        if error.status_code == 405:  # every method the path takes, not only those of the first route matched
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return error_response(error.status_code, str(error.detail), headers=headers)

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, f"internal error: {type(error).__name__}")


HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> list[str]:
    """The methods some route takes at the request's path (Starlette's 405 names those of the first route only).
    Static files (a Mount) take GET and HEAD."""
    routes = [route for route in request.app.router.routes if not isinstance(route, Mount)]
    allowed = [method for method in HTTP_METHODS
               if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes)]
    return allowed or ["GET", "HEAD"]


# --------------------------------------------------------------------------------------------------- middleware


class BodyLimit:
    """Refuse bodies over `limit` bytes with 413: at once when Content-Length says so, else while reading."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            response = error_response(413, f"body: {declared.decode(errors='replace')} bytes, more than this "
                                      f"server's limit of {self.limit}", [{"field": "body", "message": "too large"}])
            await response(scope, receive, send)
            return
        received = 0

        async def bounded_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # FastAPI passes an HTTPException raised while reading the body on to our handler.
                    raise HTTPException(413, f"body: more than this server's limit of {self.limit} bytes")
            return message

        await self.app(scope, bounded_receive, send)


class RequestMetrics:
    """Count answers and time them, labelled by the route's template (never the raw path, which holds ids)."""

    def __init__(self, app, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def tracking_send(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            self.metrics.requests.labels(route=route, method=scope["method"], status=str(status[0])).inc()
            self.metrics.request_seconds.labels(route=route).observe(elapsed)


# ------------------------------------------------------------------------------------------------------- server


def run_server(settings: Settings, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Serve until SIGINT or SIGTERM, then shut down gracefully: no new jobs, event streams end, running jobs get
    SOLVER_SHUTDOWN_GRACE seconds and are then requeued for the next start."""
    import uvicorn

    app = create_app(settings)

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            # Before uvicorn waits for open connections: event streams and waiting requests end on drain.
            manager = getattr(app.state, "manager", None)
            if manager is not None:
                manager.drain()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=10,
                            access_log=log_level == "debug")
    Server(config).run()
