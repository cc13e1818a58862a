"""The shapes of requests and responses at the HTTP boundary (the only place pydantic is used).

Requests are strict: unknown fields and values of the wrong type are refused (422) rather than guessed at. Limits
that depend on the server's settings (statement length, budgets, test sizes) are checked in `service.intake`, and
`service.openapi` writes them into the published schema. What JSON Schema cannot say (a test list's inputs and
outputs are as many) is said in the descriptions.

Answers are validated again whenever a route returns one (`revalidate_instances`), so an answer that does not match
its model is an error (500), never sent.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from problems.model import DIFFICULTY_NAMES, Language, Source
from sandbox.languages import LANGUAGES
from service.states import JobState

LanguageName = Literal[LANGUAGES]  # sandbox.languages: the one list
# Text that must hold something besides whitespace, as `str.strip` sees it (`service.intake` refuses the rest):
# spelled out, since \S means other things in the regular expressions of JSON Schema tools (ECMA 262, Rust).
NOT_BLANK = {"pattern": r"[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"}


def _whole(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="before")
    @classmethod
    def _whole_numbers(cls, value: Any) -> Any:
        """A float with nothing after the point is the integer it equals, as JSON Schema's `integer` has it (3.0
        is one); strictness still refuses "3" and true for a number, and any number for a string."""
        return [_whole(item) for item in value] if isinstance(value, list) else _whole(value)


class _Answer(BaseModel):
    model_config = ConfigDict(revalidate_instances="always")


class Example(_Strict):
    input: str = Field(description="the text a program reads on standard input (at most the server's "
                       "SOLVER_MAX_TEST_BYTES bytes in UTF-8, 413 beyond)")
    output: str = Field(description="the expected answer (as long as an input may be)")


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
    header_variants: Annotated[int, Field(ge=1, le=1024)] | Literal["per-sample"] | None = Field(
        None, description='native backend: how many distinct random headers, or "per-sample" (one per sample)')
    shuffle: bool | None = Field(None, description="replay backend: false replays the programs in their order")


_TESTS = ("as many inputs as outputs; each list at most the server's SOLVER_MAX_TESTS, each text at most "
          "SOLVER_MAX_TEST_BYTES bytes in UTF-8 (413 beyond)")


class TestsRow(_Strict):
    """A CodeContests test list: `input[i]` is answered by `output[i]`."""

    __test__ = False  # not a pytest test class, despite the name

    input: list[str] = Field(default_factory=list, description=_TESTS)
    output: list[str] = Field(default_factory=list, description=_TESTS)


class SolutionsRow(_Strict):
    """Human solutions: `solution[i]` is written in `language[i]` (as many of each)."""

    language: list[Annotated[int, Field(ge=min(Language), le=max(Language))]] = Field(
        default_factory=list, description="CodeContests' language numbers: 0 unknown, 1 Python 2, 2 C++, "
        "3 Python 3, 4 Java; as many as solutions")
    solution: list[str] = Field(default_factory=list)


class TimeLimitRow(_Strict):
    seconds: int | None = Field(None, ge=0)
    nanos: int | None = Field(None, ge=0)


class CodeContestsRow(_Strict):
    """A problem as a row of `deepmind/code_contests` (the Hugging Face schema). A field left out or null takes
    its default; `private_tests` and `generated_tests` are hidden: they judge the submissions once chosen."""

    name: str = Field(json_schema_extra=NOT_BLANK)
    description: str = Field(description="the statement (at most the server's SOLVER_MAX_STATEMENT_CHARS, 413 "
                             "beyond)", json_schema_extra=NOT_BLANK)
    public_tests: TestsRow | None = None
    private_tests: TestsRow | None = None
    generated_tests: TestsRow | None = None
    source: int | None = Field(None, ge=min(Source), le=max(Source))
    difficulty: int | None = Field(None, ge=0, le=len(DIFFICULTY_NAMES) - 1)
    solutions: SolutionsRow | None = None
    incorrect_solutions: SolutionsRow | None = None
    cf_contest_id: int | None = Field(None, ge=0)
    cf_index: str | None = None
    cf_points: float | None = Field(None, ge=0, allow_inf_nan=False)
    cf_rating: int | None = Field(None, ge=0)
    cf_tags: list[str] | None = None
    is_description_translated: bool | None = None
    untranslated_description: str | None = None
    time_limit: TimeLimitRow | None = Field(None, description="a positive time limit, or none when both are 0")
    memory_limit_bytes: int | None = Field(None, ge=0, description="0: unknown")
    input_file: str | None = None
    output_file: str | None = None


def _one_problem_schema(schema: dict[str, Any]) -> None:
    """The rule of `SolveRequest._one_problem`, in the JSON schema: a statement (and no row), or a row (and none of
    the fields a row holds itself)."""
    given_as_row = ("statement", "name", "examples", "time_limit", "memory_limit")
    schema["oneOf"] = [
        {"title": "a statement", "required": ["statement"],
         "properties": {"statement": {"type": "string"}, "problem": {"type": "null"}}},
        {"title": "a CodeContests row", "required": ["problem"],
         "properties": {"problem": {"type": "object"}, **{field: {"type": "null"} for field in given_as_row}}},
    ]


class SolveRequest(_Strict):
    """A problem, either as a statement with examples or as a full CodeContests row, and a budget to solve it."""

    model_config = ConfigDict(json_schema_extra=_one_problem_schema)

    statement: str | None = Field(None, description="the problem statement (required unless `problem` is given; at "
                                  "most the server's SOLVER_MAX_STATEMENT_CHARS, 413 beyond)",
                                  json_schema_extra=NOT_BLANK)
    name: str | None = Field(None, min_length=1, max_length=200, description="a name for the problem",
                             json_schema_extra=NOT_BLANK)
    examples: list[Example] | None = Field(None, description="the statement's example tests (at most the server's "
                                           "SOLVER_MAX_TESTS, 413 beyond)")
    time_limit: float | None = Field(None, gt=0, le=60, description="seconds per test")
    memory_limit: int | None = Field(None, ge=1 << 20, le=1 << 34, description="bytes per test")
    problem: CodeContestsRow | None = Field(
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


class Accepted(_Answer):
    id: str
    state: JobState


class SubmissionOut(_Answer):
    code: str
    language: str
    cluster_size: int = Field(description="how many surviving candidates behaved like this one")
    cluster: int
    candidate: int = Field(description="the candidate's place in the sampled stream")
    metadata: dict[str, Any] = Field(default_factory=dict,
                                     description="how the backend made it: finish reason, tokens, header, ...")


class ShownOutput(_Answer):
    input: str = Field(description="a generated input (cut to 400 characters)")
    output: str = Field(description="what the cluster's representative printed on it (cut to 400 characters)")


class ClusterOut(_Answer):
    cluster: int = Field(description="its place in the selection's order")
    size: int
    candidate: int = Field(description="the representative's place in the sampled stream")
    language: str
    code: str
    outputs: list[ShownOutput] = Field(default_factory=list)


class ResultOut(_Answer):
    problem: str
    submissions: list[SubmissionOut]
    clusters: list[ClusterOut] = Field(default_factory=list, description="the best clusters, in order")
    stats: dict[str, int]
    timings: dict[str, float]
    hidden_verdicts: list[str] | None = None
    solved: bool | None = None


class Budget(_Answer):
    samples: int
    seconds: float
    seed: int
    languages: list[str] | None
    options: dict[str, Any]


class JobOut(_Answer):
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
                                     "maximal_inputs, clusters, and runs (sandbox runs so far)")
    error: str | None = None
    result: ResultOut | None = Field(None, description="when done: the submissions with their cluster sizes")


class Health(_Answer):
    status: Literal["ok"]


class Readiness(_Answer):
    ready: bool = Field(description="a worker has loaded the backend, the sandbox passes its self-test, and the "
                        "server is not shutting down")
    backend: str = Field(description="ready, loading, or why no worker could load it")
    backend_name: str
    workers_ready: int
    workers: int
    options: list[str] = Field(description="the sampling options a request may set")
    cgroups: str | None = Field(description="how the sandbox limits programs (none before it works)")
    sandbox: str = Field(description="ok, or what is wrong with it")
    draining: bool = Field(description="shutting down: no new jobs")


class FieldError(_Answer):
    field: str
    message: str


class ErrorDetail(_Answer):
    status: int
    message: str
    fields: list[FieldError] = Field(default_factory=list)


class ErrorOut(_Answer):
    """Every error the service answers has this shape."""

    error: ErrorDetail
