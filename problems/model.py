"""The problem record every package shares, mirroring DeepMind CodeContests' `ContestProblem`.

The fields and enum values follow the dataset (and its Hugging Face schema) one for one, so that a row read from
`deepmind/code_contests` and written back is unchanged. Two things CodeContests lacks and real judges need are
added: how an output is checked (`Checker`) and whether the problem is interactive.

Records are frozen and validate themselves on construction; a bad value raises `ValueError` naming the field.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field


class Language(enum.IntEnum):
    """Solution languages, numbered as in CodeContests (`solutions.language`)."""

    UNKNOWN = 0
    PYTHON = 1  # Python 2
    CPP = 2
    PYTHON3 = 3
    JAVA = 4


class Source(enum.IntEnum):
    """Where a problem comes from, numbered as in CodeContests (`source`)."""

    UNKNOWN_SOURCE = 0
    CODECHEF = 1
    CODEFORCES = 2
    HACKEREARTH = 3
    CODEJAM = 4
    ATCODER = 5
    AIZU = 6


# CodeContests' `difficulty` enum: 0..6 are site-level grades, then one value per Codeforces problem letter.
DIFFICULTY_NAMES = (
    "UNKNOWN_DIFFICULTY", "EASY", "MEDIUM", "HARD", "HARDER", "HARDEST", "EXTERNAL",
    *"ABCDEFGHIJKLMNOPQRSTUV",
)


class CheckerKind(enum.Enum):
    """How a contestant's output is compared with the reference answer."""

    EXACT = "exact"  # identical text (line endings and a final newline forgiven)
    TOKENS = "tokens"  # whitespace-separated tokens, case-insensitive, numbers within a tolerance
    CUSTOM = "custom"  # a checker program: `checker input output answer`, exit 0 = accepted


class CheckerProtocol(enum.Enum):
    """How a custom checker program is called."""

    TESTLIB = "testlib"  # `checker input output answer`; exit 0 = accepted (Codeforces, Polygon)
    KATTIS = "kattis"  # `validator input answer feedback_dir < output`; exit 42 = accepted, 43 = rejected


# AlphaCode judged CodeContests outputs as tokens, ignoring case, with floats equal within 1e-5.
DEFAULT_FLOAT_TOLERANCE = 1e-5


def _fail(record: str, name: str, value: object, why: str) -> None:
    raise ValueError(f"{record}.{name}: {why}, got {value!r}")


@dataclass(frozen=True)
class Test:
    """One test: the text a program reads on stdin and the reference answer."""

    __test__ = False  # not a pytest test class, despite the name

    input: str
    output: str

    def __post_init__(self) -> None:
        for name in ("input", "output"):
            value = getattr(self, name)
            if not isinstance(value, str):
                _fail("Test", name, type(value).__name__, "must be a string")


@dataclass(frozen=True)
class Solution:
    """A program in some language: a human solution, a checker, or a model's candidate."""

    language: Language
    code: str

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "language", Language(self.language))
        except ValueError:
            _fail("Solution", "language", self.language, f"must be one of {[int(v) for v in Language]}")
        if not isinstance(self.code, str):
            _fail("Solution", "code", type(self.code).__name__, "must be a string")


@dataclass(frozen=True)
class Checker:
    """The rule that decides whether an output is accepted.

    With `TOKENS`, two tokens that both parse as numbers are equal when they differ by at most `float_abs_tol`
    or by at most `float_rel_tol` relative to the answer; `None` turns that part off (numbers compared as text).
    """

    kind: CheckerKind = CheckerKind.TOKENS
    case_sensitive: bool = False
    float_abs_tol: float | None = DEFAULT_FLOAT_TOLERANCE
    float_rel_tol: float | None = DEFAULT_FLOAT_TOLERANCE
    program: Solution | None = None
    protocol: CheckerProtocol = CheckerProtocol.TESTLIB

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", CheckerKind(self.kind))
        except ValueError:
            _fail("Checker", "kind", self.kind, f"must be one of {[k.value for k in CheckerKind]}")
        try:
            object.__setattr__(self, "protocol", CheckerProtocol(self.protocol))
        except ValueError:
            _fail("Checker", "protocol", self.protocol, f"must be one of {[p.value for p in CheckerProtocol]}")
        for name in ("float_abs_tol", "float_rel_tol"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                _fail("Checker", name, value, "must be a finite number ≥ 0 or None")
        if self.kind is CheckerKind.CUSTOM and self.program is None:
            _fail("Checker", "program", None, "a custom checker needs its program")
        if self.program is not None and not isinstance(self.program, Solution):
            _fail("Checker", "program", self.program, "must be a Solution")


@dataclass(frozen=True)
class Problem:
    """A contest problem: statement, tests, limits, checking rule, metadata and human solutions.

    `time_limit` is in seconds (None when unknown, as throughout CodeContests); `memory_limit_bytes` is 0 when
    unknown. Hidden tests are the private and generated ones; only `public_tests` appear in the statement.
    """

    name: str
    description: str
    public_tests: tuple[Test, ...] = ()
    private_tests: tuple[Test, ...] = ()
    generated_tests: tuple[Test, ...] = ()
    source: Source = Source.UNKNOWN_SOURCE
    difficulty: int = 0
    solutions: tuple[Solution, ...] = ()
    incorrect_solutions: tuple[Solution, ...] = ()
    cf_contest_id: int = 0
    cf_index: str = ""
    cf_points: float = 0.0
    cf_rating: int = 0
    cf_tags: tuple[str, ...] = ()
    is_description_translated: bool = False
    untranslated_description: str = ""
    time_limit: float | None = None
    memory_limit_bytes: int = 0
    input_file: str = ""
    output_file: str = ""
    checker: Checker = field(default_factory=Checker)
    interactive: bool = False

    def __post_init__(self) -> None:
        for name in ("name", "description", "cf_index", "untranslated_description", "input_file", "output_file"):
            if not isinstance(getattr(self, name), str):
                _fail("Problem", name, getattr(self, name), "must be a string")
        if not self.name.strip():
            _fail("Problem", "name", self.name, "must not be empty")
        for name in ("public_tests", "private_tests", "generated_tests"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
            for i, test in enumerate(getattr(self, name)):
                if not isinstance(test, Test):
                    _fail("Problem", f"{name}[{i}]", test, "must be a Test")
        for name in ("solutions", "incorrect_solutions"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
            for i, solution in enumerate(getattr(self, name)):
                if not isinstance(solution, Solution):
                    _fail("Problem", f"{name}[{i}]", solution, "must be a Solution")
        try:
            object.__setattr__(self, "source", Source(self.source))
        except ValueError:
            _fail("Problem", "source", self.source, f"must be one of {[int(s) for s in Source]}")
        if not (isinstance(self.difficulty, int) and 0 <= self.difficulty < len(DIFFICULTY_NAMES)):
            _fail("Problem", "difficulty", self.difficulty, f"must be an integer in [0, {len(DIFFICULTY_NAMES) - 1}]")
        for name in ("cf_contest_id", "cf_rating", "memory_limit_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                _fail("Problem", name, value, "must be an integer ≥ 0")
        if not isinstance(self.cf_points, (int, float)) or not math.isfinite(self.cf_points) or self.cf_points < 0:
            _fail("Problem", "cf_points", self.cf_points, "must be a finite number ≥ 0")
        object.__setattr__(self, "cf_tags", tuple(self.cf_tags))
        if not all(isinstance(tag, str) for tag in self.cf_tags):
            _fail("Problem", "cf_tags", self.cf_tags, "must be strings")
        if self.time_limit is not None and not (
            isinstance(self.time_limit, (int, float)) and math.isfinite(self.time_limit) and self.time_limit > 0
        ):
            _fail("Problem", "time_limit", self.time_limit, "must be a positive number of seconds or None")
        if not isinstance(self.checker, Checker):
            _fail("Problem", "checker", self.checker, "must be a Checker")
        for name in ("interactive", "is_description_translated"):
            if not isinstance(getattr(self, name), bool):
                _fail("Problem", name, getattr(self, name), "must be true or false")

    @property
    def hidden_tests(self) -> tuple[Test, ...]:
        """The tests a judge uses beyond the examples: private, then generated."""
        return self.private_tests + self.generated_tests

    @property
    def difficulty_name(self) -> str:
        return DIFFICULTY_NAMES[self.difficulty]


class ProblemFormatError(Exception):
    """A problem file is malformed: names the file (and row), the field, and what is wrong."""

    def __init__(self, where: str, field_name: str, message: str) -> None:
        super().__init__(f"{where}: {field_name}: {message}")
        self.where = where
        self.field = field_name
        self.message = message
