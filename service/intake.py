"""From a validated request to a job: the problem and its budget, within the limits the server allows.

A request over a size limit is refused with 413, one outside what the server permits with 422; either way the
message names the field, so that a client can fix it without reading the server's logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from problems.codecontests import problem_to_row, row_to_problem
from problems.model import Problem, ProblemFormatError, Test
from service.schemas import SolveRequest
from service.settings import Settings
from solver.backends import BackendError, SamplingParams

DEFAULT_NAME = "problem"


class Rejected(Exception):
    """A request the server will not take: `status` is 413 or 422, `field` names what is wrong."""

    def __init__(self, status: int, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.status, self.field, self.message = status, field, message


@dataclass(frozen=True)
class JobSpec:
    """What a worker needs to run a job; stored as JSON so that a restarted server can run it."""

    problem: Problem
    samples: int
    seconds: float
    seed: int = 0
    languages: tuple[str, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def params(self) -> SamplingParams:
        """What the backend is asked with: this job's own, never another's (backends keep no per-call state)."""
        return SamplingParams.build(self.options, seed=self.seed, languages=self.languages)

    def budget(self) -> dict[str, Any]:
        return {"samples": self.samples, "seconds": self.seconds, "seed": self.seed,
                "languages": list(self.languages) if self.languages else None, "options": dict(self.options)}

    def problem_row(self) -> dict[str, Any]:
        return problem_to_row(self.problem)

    @classmethod
    def from_stored(cls, row: dict[str, Any], budget: dict[str, Any]) -> JobSpec:
        languages = budget.get("languages")
        return cls(row_to_problem(row, "stored job"), budget["samples"], budget["seconds"], budget.get("seed", 0),
                   tuple(languages) if languages else None, dict(budget.get("options") or {}))


def job_spec(request: SolveRequest, settings: Settings) -> JobSpec:
    """The job a request asks for; raises Rejected when it is outside the server's limits."""
    samples = request.samples if request.samples is not None else settings.default_samples
    if samples > settings.max_samples:
        raise Rejected(422, "samples", f"{samples} is more than this server allows ({settings.max_samples})")
    seconds = request.seconds if request.seconds is not None else settings.default_seconds
    if seconds > settings.max_seconds:
        raise Rejected(422, "seconds", f"{seconds} is more than this server allows ({settings.max_seconds})")
    options = request.options.model_dump(exclude_none=True) if request.options else {}
    allowed = settings.request_options
    for name in options:
        if name not in allowed:
            permitted = ", ".join(allowed) if allowed else "none"
            raise Rejected(422, f"options.{name}", f"not settable on this server (backend {settings.backend}; "
                           f"settable: {permitted})")
    languages = tuple(dict.fromkeys(request.languages)) if request.languages else None
    problem = _problem(request, settings)
    spec = JobSpec(problem, samples, float(seconds), request.seed, languages, options)
    try:
        spec.params  # noqa: B018  (checked now, so that a job never fails later on its own options)
    except BackendError as error:
        name, _, message = str(error).partition(": ")
        raise Rejected(422, f"options.{name}" if name in options else name, message) from None
    return spec


def _problem(request: SolveRequest, settings: Settings) -> Problem:
    if request.problem is not None:
        row = request.problem.model_dump(exclude_unset=True)  # as sent: a field left out keeps its default
        _check_row_sizes(row, settings)
        _check_unicode(row, "problem")
        try:
            problem = row_to_problem(row, "problem")
        except ProblemFormatError as error:
            raise Rejected(422, f"problem.{error.field}", error.message) from None
        _check_statement(problem.description, "problem.description", settings)
        return problem
    _check_statement(request.statement, "statement", settings)
    examples = request.examples or []
    _check_count(len(examples), "examples", settings)
    for number, example in enumerate(examples):
        _check_test(example.input, f"examples[{number}].input", settings)
        _check_test(example.output, f"examples[{number}].output", settings)
    try:
        return Problem(
            name=request.name or DEFAULT_NAME,
            description=request.statement,
            public_tests=tuple(Test(example.input, example.output) for example in examples),
            time_limit=request.time_limit,
            memory_limit_bytes=request.memory_limit or 0,
        )
    except ValueError as error:  # the record names its field as "Problem.<field>: ..."
        name, _, message = str(error).partition(": ")
        raise Rejected(422, name.removeprefix("Problem."), message) from None


def _check_statement(text: str, field: str, settings: Settings) -> None:
    if len(text) > settings.max_statement_chars:
        raise Rejected(413, field, f"{len(text)} characters, more than this server's limit of "
                       f"{settings.max_statement_chars}")
    if not text.strip():
        raise Rejected(422, field, "must not be empty")


def _check_count(count: int, field: str, settings: Settings) -> None:
    if count > settings.max_tests:
        raise Rejected(413, field, f"{count} tests, more than this server's limit of {settings.max_tests}")


def _check_test(text: str, field: str, settings: Settings) -> None:
    # Characters bound bytes from below and above (a character is 1 to 4 bytes): encode only when it matters.
    if len(text) * 4 > settings.max_test_bytes and len(text.encode()) > settings.max_test_bytes:
        raise Rejected(413, field, f"{len(text.encode())} bytes, more than this server's limit of "
                       f"{settings.max_test_bytes}")


def _check_unicode(value: Any, field: str) -> None:
    """Strings in a row must be Unicode that UTF-8 can carry: JSON's escapes allow lone surrogates, which cannot be
    sent to a program or written back in an answer."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Rejected(422, field, "not valid Unicode (a lone surrogate escape)") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_unicode(key, field)
            _check_unicode(item, f"{field}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            _check_unicode(item, f"{field}[{number}]")


def _check_row_sizes(row: dict[str, Any], settings: Settings) -> None:
    """Test counts and sizes in a CodeContests row, before it is turned into a Problem (types are checked then)."""
    for group in ("public_tests", "private_tests", "generated_tests"):
        tests = row.get(group)
        if not isinstance(tests, dict):
            continue
        for side in ("input", "output"):
            items = tests.get(side)
            if not isinstance(items, list):
                continue
            _check_count(len(items), f"problem.{group}.{side}", settings)
            for number, text in enumerate(items):
                if isinstance(text, str):
                    _check_test(text, f"problem.{group}.{side}[{number}]", settings)
