"""The shapes of requests and responses at the HTTP boundary (the only place pydantic is used).

Requests are strict: unknown fields and values of the wrong type are refused (422) rather than guessed at. Limits
that depend on the server's settings (statement length, budgets, test sizes) are checked in `service.intake`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sandbox.languages import LANGUAGES

LanguageName = Literal[LANGUAGES]  # sandbox.languages: the one list
JobState = Literal["queued", "running", "done", "failed", "cancelled"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Example(_Strict):
    input: str = Field(description="the text a program reads on standard input")
    output: str = Field(description="the expected answer")


class SamplingOptions(_Strict):
    """Sampling options of this request (solver.backends.SamplingParams). A request may set those the server's
    operator allows (SOLVER_ALLOWED_OPTIONS) and its backend honours; /readyz lists them."""

    temperature: float | None = Field(None, gt=0, le=4)
    top_p: float | None = Field(None, gt=0, le=1)
    top_k: int | None = Field(None, ge=0, le=100_000, description="0 turns top-k off")
    max_tokens: int | None = Field(None, ge=1, le=32_768, description="the longest program, in the model's tokens")
    stop: list[Annotated[str, Field(min_length=1, max_length=64)]] | None = Field(
        None, max_length=8, description="strings that end a sample")
    frequency_penalty: float | None = Field(None, ge=-2, le=2, description="openai backend")
    presence_penalty: float | None = Field(None, ge=-2, le=2, description="openai backend")
    batch_size: int | None = Field(None, ge=1, le=4096, description="native backend: rows decoded at once")
    header_variants: int | None = Field(None, ge=1, le=1024, description="native backend: distinct random headers")
    shuffle: bool | None = Field(None, description="replay backend: false replays the programs in their order")


class SolveRequest(_Strict):
    """A problem, either as a statement with examples or as a full CodeContests row, and a budget to solve it."""

    statement: str | None = Field(None, description="the problem statement (required unless `problem` is given)")
    name: str | None = Field(None, min_length=1, max_length=200, description="a name for the problem")
    examples: list[Example] | None = Field(None, description="the statement's example tests")
    time_limit: float | None = Field(None, gt=0, le=60, description="seconds per test")
    memory_limit: int | None = Field(None, ge=1 << 20, le=1 << 34, description="bytes per test")
    problem: dict[str, Any] | None = Field(
        None, description="a full CodeContests row (Hugging Face schema) instead of statement and examples; its "
        "hidden tests, if any, judge the submissions after they are chosen")
    samples: int | None = Field(None, ge=1, description="candidates to sample (default and maximum: the server's)")
    seconds: float | None = Field(None, gt=0, description="stop sampling after this many seconds")
    seed: int = Field(0, ge=0, le=2**63 - 1)
    languages: list[LanguageName] | None = Field(None, min_length=1, max_length=3)
    options: SamplingOptions | None = None

    @model_validator(mode="after")
    def _one_problem(self) -> SolveRequest:
        if self.statement is None and self.problem is None:
            raise ValueError("statement: required (or give a CodeContests row as `problem`)")
        if self.statement is not None and self.problem is not None:
            raise ValueError("problem: give either `statement` or `problem`, not both")
        if self.problem is not None:
            for field in ("name", "examples", "time_limit", "memory_limit"):
                if getattr(self, field) is not None:
                    raise ValueError(f"{field}: not allowed together with `problem`; set it inside the row")
        return self


class Accepted(BaseModel):
    id: str
    state: JobState


class SubmissionOut(BaseModel):
    code: str
    language: str
    cluster_size: int = Field(description="how many surviving candidates behaved like this one")
    cluster: int
    candidate: int = Field(description="the candidate's place in the sampled stream")
    metadata: dict[str, Any] = Field(default_factory=dict,
                                     description="how the backend made it: finish reason, tokens, header, ...")


class ResultOut(BaseModel):
    problem: str
    submissions: list[SubmissionOut]
    stats: dict[str, int]
    timings: dict[str, float]
    hidden_verdicts: list[str] | None = None
    solved: bool | None = None


class Budget(BaseModel):
    samples: int
    seconds: float
    seed: int
    languages: list[str] | None
    options: dict[str, Any]


class JobOut(BaseModel):
    id: str
    state: JobState
    problem: str
    budget: Budget
    created: float = Field(description="Unix time")
    started: float | None = None
    finished: float | None = None
    stage: str | None = Field(None, description="the pipeline's stage: sampling, filtering, clustering, ...")
    progress: dict[str, int] = Field(default_factory=dict,
                                     description="sampled, unique, compiled, passed_examples, generated_inputs, "
                                     "clusters")
    error: str | None = None
    result: ResultOut | None = Field(None, description="when done: the submissions with their cluster sizes")


class FieldError(BaseModel):
    field: str
    message: str


class ErrorDetail(BaseModel):
    status: int
    message: str
    fields: list[FieldError] = Field(default_factory=list)


class ErrorOut(BaseModel):
    """Every error the service answers has this shape."""

    error: ErrorDetail
