"""`solver serve`: the HTTP service (see service/), configured by SOLVER_* environment variables."""

from __future__ import annotations

import argparse

from solver.commands import CommandError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve",
        help="run the HTTP service: POST /solve, GET /jobs/{id}, server-sent events, metrics",
        description="Serve the solver over HTTP with uvicorn until SIGINT or SIGTERM. Settings come from SOLVER_* "
        "environment variables (backend, model, database, workers, queue bound, limits, token); see "
        "service/settings.py. OpenAPI documentation at /docs.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"),
                        help="uvicorn's log level; debug also logs every request")
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise CommandError(f"--port must be between 0 and 65535, got {args.port}")
    try:
        from service.app import run_server
        from service.settings import Settings, SettingsError
    except ImportError as error:
        raise CommandError(f"the service cannot start: {error} (is the project installed: pip install -e .?)") from None
    try:
        settings = Settings.from_environment()
    except SettingsError as error:
        raise CommandError(str(error)) from None
    run_server(settings, host=args.host, port=args.port, log_level=args.log_level)
    return 0
