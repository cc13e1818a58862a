"""The service's settings: the one place it reads the environment.

    SOLVER_BACKEND             native (default), hf, openai, vllm or replay: where candidates come from
    SOLVER_MODEL               the backend's model: a checkpoint directory (native: the shipped one by default, hf,
                               vllm), a served model's name (openai) or a JSON Lines file of programs (replay)
    SOLVER_BACKEND_OPTIONS     a JSON object of the backend's own constructor arguments, e.g. {"base_url": "...",
                               "api": "chat"} (openai) or {"device": "cuda"} (native, hf)
    SOLVER_ALLOWED_OPTIONS     sampling options a request may set, comma-separated, or none
                               (default temperature,top_k,top_p); a request may set those the backend honours
    SOLVER_DB                  the SQLite file holding jobs and results (default ./solver-jobs.sqlite3)
    SOLVER_WORKERS             solves that run at once, each with its own backend (default 1)
    SOLVER_MAX_QUEUE           jobs waiting for a worker before new ones get 429 (default 32)
    SOLVER_DEFAULT_SAMPLES     samples when a request names none (default 100); SOLVER_MAX_SAMPLES caps it (1000)
    SOLVER_DEFAULT_SECONDS     sampling seconds when a request names none (default 60); SOLVER_MAX_SECONDS (300)
    SOLVER_WAIT_MAX_SECONDS    the longest POST /solve?wait=S holds a request open (default 60)
    SOLVER_TOKEN               when set, requests need `Authorization: Bearer <token>` (health checks excepted)
    SOLVER_MAX_BODY_BYTES      the largest request body (default 8 MiB)
    SOLVER_MAX_STATEMENT_CHARS the longest statement (default 50000)
    SOLVER_MAX_TESTS           the most tests in one list: examples, or a row's public/private/generated (500)
    SOLVER_MAX_TEST_BYTES      the largest test input or output (default 1000000)
    SOLVER_KEEP_JOBS           finished jobs kept in the database; older ones are pruned (default 10000)
    SOLVER_SHUTDOWN_GRACE      seconds running jobs get to finish at shutdown before they are requeued (10)

A bad value raises SettingsError naming the variable; nothing here loads a model or touches the disk.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from service.schemas import SamplingOptions
from solver.backends import BACKENDS, backend_class

# Every option a request can carry (the schema's); the operator allows some, the backend honours some.
SAMPLING_OPTIONS = tuple(SamplingOptions.model_fields)
DEFAULT_ALLOWED_OPTIONS = ("temperature", "top_k", "top_p")


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot use."""


@dataclass(frozen=True)
class Settings:
    backend: str = "native"
    model: str | None = None
    backend_options: tuple[tuple[str, object], ...] = ()
    allowed_options: tuple[str, ...] = DEFAULT_ALLOWED_OPTIONS
    db: Path = Path("solver-jobs.sqlite3")
    workers: int = 1
    max_queue: int = 32
    default_samples: int = 100
    max_samples: int = 1000
    default_seconds: float = 60.0
    max_seconds: float = 300.0
    wait_max_seconds: float = 60.0
    token: str | None = None
    max_body_bytes: int = 8 * 1024 * 1024
    max_statement_chars: int = 50_000
    max_tests: int = 500
    max_test_bytes: int = 1_000_000
    keep_jobs: int = 10_000
    shutdown_grace: float = 10.0

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise SettingsError(f"SOLVER_BACKEND: must be one of {', '.join(BACKENDS)}, got {self.backend!r}")
        unknown = [name for name in self.allowed_options if name not in SAMPLING_OPTIONS]
        if unknown:
            raise SettingsError(f"SOLVER_ALLOWED_OPTIONS: unknown options {unknown}; "
                                f"choose among {', '.join(SAMPLING_OPTIONS)}")
        for name in ("workers", "max_queue", "default_samples", "max_samples", "max_body_bytes",
                     "max_statement_chars", "max_tests", "max_test_bytes", "keep_jobs"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise SettingsError(f"{_variable(name)}: must be a whole number ≥ 1, got {value!r}")
        for name in ("default_seconds", "max_seconds", "wait_max_seconds", "shutdown_grace"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise SettingsError(f"{_variable(name)}: must be a number of seconds ≥ 0, got {value!r}")
        if self.default_samples > self.max_samples:
            raise SettingsError(f"SOLVER_DEFAULT_SAMPLES: {self.default_samples} is above SOLVER_MAX_SAMPLES "
                                f"({self.max_samples})")
        if not 0 < self.default_seconds <= self.max_seconds:
            raise SettingsError(f"SOLVER_DEFAULT_SECONDS: must be positive and at most SOLVER_MAX_SECONDS "
                                f"({self.max_seconds}), got {self.default_seconds}")
        if self.token is not None and not self.token.strip():
            raise SettingsError("SOLVER_TOKEN: set but empty; unset it to turn authentication off")

    @property
    def request_options(self) -> tuple[str, ...]:
        """The sampling options a request may set: allowed by the operator and honoured by the backend."""
        return tuple(name for name in backend_class(self.backend).options if name in self.allowed_options)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        values: dict[str, object] = {}
        for spec in fields(cls):
            variable = _variable(spec.name)
            text = environ.get(variable)
            if text is None or text.strip() == "":
                continue
            values[spec.name] = _PARSERS.get(spec.name, _parser_for(spec.type))(variable, text.strip())
        return cls(**values)


def _variable(name: str) -> str:
    return "SOLVER_" + name.upper()


def _int(variable: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise SettingsError(f"{variable}: must be a whole number, got {text!r}") from None


def _float(variable: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise SettingsError(f"{variable}: must be a number, got {text!r}") from None


def _names(variable: str, text: str) -> tuple[str, ...]:
    if text.lower() == "none":
        return ()
    return tuple(name.strip() for name in text.split(",") if name.strip())


def _json_object(variable: str, text: str) -> tuple[tuple[str, object], ...]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingsError(f"{variable}: not JSON ({error})") from None
    if not isinstance(value, dict):
        raise SettingsError(f"{variable}: must be a JSON object of keyword arguments, got {text[:60]!r}")
    return tuple(sorted(value.items()))


def _parser_for(annotation: object) -> Callable[[str, str], object]:
    text = str(annotation)
    if text == "int":
        return _int
    if text == "float":
        return _float
    if text == "Path":
        return lambda variable, value: Path(value)
    return lambda variable, value: value


_PARSERS: dict[str, Callable[[str, str], object]] = {
    "backend_options": _json_object,
    "allowed_options": _names,
    "backend": lambda variable, value: value.lower(),
}
