"""The problem record every package shares, mirroring DeepMind CodeContests' `ContestProblem`.

The fields and enum values follow the dataset (and its Hugging Face schema) one for one, so that a row read from
`deepmind/code_contests` and written back is unchanged. Two things CodeContests lacks and real judges need are
added: how an output is checked (`Checker`) and whether the problem is interactive.

Real problem packages (ICPC / Kattis, Code Jam's archive) need a little more, also added: test data groups
(subtasks with their own scores and checking flags), whether the problem is scored by groups, the verdict a jury
submission is filed under, the files a validator or interactor is built from, and how a time limit that the
package does not state is derived from the jury's accepted submissions.

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
    """One test: the text a program reads on stdin and the reference answer. `group` is the test data group it
    belongs to, as a path under a package's `data/` (`secret/subtask1`), or empty."""

    __test__ = False  # not a pytest test class, despite the name

    input: str
    output: str
    group: str = ""

    def __post_init__(self) -> None:
        for name in ("input", "output", "group"):
            value = getattr(self, name)
            if not isinstance(value, str):
                _fail("Test", name, type(value).__name__, "must be a string")


# The verdicts a package files its jury submissions under (submissions/<verdict>/), as problemtools names them.
SUBMISSION_VERDICTS = ("accepted", "wrong_answer", "time_limit_exceeded", "run_time_error", "memory_limit_exceeded",
                       "output_limit_exceeded", "rejected", "partially_accepted")


@dataclass(frozen=True)
class Solution:
    """A program in some language: a human solution, a checker or interactor, or a model's candidate.

    `files` are further files the program is built with, beside its main source: headers and other sources of a
    validator, `(name, text)` each. `name` is where it came from (a package's `submissions/accepted/a.py`);
    `verdict` is the folder a package filed it under (one of SUBMISSION_VERDICTS), empty when none.
    """

    language: Language
    code: str
    files: tuple[tuple[str, str], ...] = ()
    name: str = ""
    verdict: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "language", Language(self.language))
        except ValueError:
            _fail("Solution", "language", self.language, f"must be one of {[int(v) for v in Language]}")
        if not isinstance(self.code, str):
            _fail("Solution", "code", type(self.code).__name__, "must be a string")
        object.__setattr__(self, "files", tuple(tuple(f) for f in self.files))
        for entry in self.files:
            if len(entry) != 2 or not all(isinstance(part, str) for part in entry) or not entry[0] \
                    or "/" in entry[0] or entry[0].startswith("."):
                _fail("Solution", "files", entry, "must be (file name, text) pairs with plain file names")
        if not isinstance(self.name, str):
            _fail("Solution", "name", self.name, "must be a string")
        if self.verdict and self.verdict not in SUBMISSION_VERDICTS:
            _fail("Solution", "verdict", self.verdict, f"must be one of {SUBMISSION_VERDICTS} or empty")


@dataclass(frozen=True)
class Checker:
    """The rule that decides whether an output is accepted.

    With `TOKENS`, two tokens that both parse as numbers are equal when they differ by at most `float_abs_tol`
    or by at most `float_rel_tol` relative to the answer; `None` turns that part off (numbers compared as text).
    `flags` are passed to a custom checker after its usual arguments (a Kattis package's `validator_flags` and a
    test group's `output_validator_flags`).
    """

    kind: CheckerKind = CheckerKind.TOKENS
    case_sensitive: bool = False
    float_abs_tol: float | None = DEFAULT_FLOAT_TOLERANCE
    float_rel_tol: float | None = DEFAULT_FLOAT_TOLERANCE
    program: Solution | None = None
    protocol: CheckerProtocol = CheckerProtocol.TESTLIB
    flags: tuple[str, ...] = ()

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
        object.__setattr__(self, "flags", tuple(self.flags))
        if not all(isinstance(flag, str) for flag in self.flags):
            _fail("Checker", "flags", self.flags, "must be strings")


@dataclass(frozen=True)
class TestGroup:
    """A test data group (a subtask): its tests are those whose `group` is `name` or lies under it.

    `checker` replaces the problem's for its tests (a group's own `output_validator_flags`), None keeps it; `score`
    is what accepting all its tests earns on a scoring problem, as the default grader combines `accept_score`
    (an outer group's score includes its subgroups'), None on a pass-fail problem.
    """

    __test__ = False

    name: str
    checker: Checker | None = None
    score: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            _fail("TestGroup", "name", self.name, "must be a non-empty string")
        if self.checker is not None and not isinstance(self.checker, Checker):
            _fail("TestGroup", "checker", self.checker, "must be a Checker or None")
        if self.score is not None and not (isinstance(self.score, (int, float)) and math.isfinite(self.score)):
            _fail("TestGroup", "score", self.score, "must be a finite number or None")

    def holds(self, test: Test) -> bool:
        return test.group == self.name or test.group.startswith(self.name + "/")


@dataclass(frozen=True)
class TimeLimitRule:
    """How a package that states no time limit gets one from its accepted submissions, as problemtools does.

    legacy: limit = max(1, round(slowest × multiplier)) s, and submissions filed as too slow must still fail at
    max(limit + 1, round(slowest × multiplier × margin)) s. 2023-07: limit = slowest × multiplier rounded up to a
    multiple of `resolution`, at least one `resolution`; the high limit is limit × margin.
    """

    format: str = "legacy"  # "legacy" or "2023-07"
    multiplier: float = 5.0  # legacy time_multiplier; 2023-07 time_multipliers.ac_to_time_limit (2.0)
    margin: float = 2.0  # legacy time_safety_margin; 2023-07 time_multipliers.time_limit_to_tle (1.5)
    resolution: float = 1.0  # 2023-07 time_resolution

    def __post_init__(self) -> None:
        if self.format not in ("legacy", "2023-07"):
            _fail("TimeLimitRule", "format", self.format, "must be legacy or 2023-07")
        for name in ("multiplier", "margin", "resolution"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or value <= 0:
                _fail("TimeLimitRule", name, value, "must be a positive number")

    def limits(self, slowest: float) -> tuple[float, float]:
        """(time limit, high limit) in seconds from the slowest accepted submission's time on any test."""
        exact = slowest * self.multiplier
        if self.format == "legacy":
            limit = float(max(1, int(exact + 0.5)))
            return limit, float(max(limit + 1, int(exact * self.margin + 0.5)))
        limit = max(1, math.ceil(exact / self.resolution - 1e-9)) * self.resolution
        return limit, limit * self.margin


@dataclass(frozen=True)
class Problem:
    """A contest problem: statement, tests, limits, checking rule, metadata and human solutions.

    `time_limit` is in seconds (None when unknown, as throughout CodeContests); `memory_limit_bytes` is 0 when
    unknown. Hidden tests are the private and generated ones; only `public_tests` appear in the statement.
    `time_rule`, when the time limit is None, says how to derive it from the accepted `solutions`. `groups` are the
    test data groups, outermost first; on a `scoring` problem every group must be accepted to solve it.
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
    groups: tuple[TestGroup, ...] = ()
    scoring: bool = False
    time_rule: TimeLimitRule | None = None

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
        for name in ("interactive", "is_description_translated", "scoring"):
            if not isinstance(getattr(self, name), bool):
                _fail("Problem", name, getattr(self, name), "must be true or false")
        object.__setattr__(self, "groups", tuple(self.groups))
        for i, group in enumerate(self.groups):
            if not isinstance(group, TestGroup):
                _fail("Problem", f"groups[{i}]", group, "must be a TestGroup")
        if self.time_rule is not None and not isinstance(self.time_rule, TimeLimitRule):
            _fail("Problem", "time_rule", self.time_rule, "must be a TimeLimitRule or None")

    @property
    def hidden_tests(self) -> tuple[Test, ...]:
        """The tests a judge uses beyond the examples: private, then generated."""
        return self.private_tests + self.generated_tests

    @property
    def difficulty_name(self) -> str:
        return DIFFICULTY_NAMES[self.difficulty]

    def checker_for(self, test: Test) -> Checker:
        """The rule for one test: that of the innermost group holding it that sets one, else the problem's."""
        chosen = self.checker
        for group in self.groups:  # outermost first, so an inner group's rule wins
            if group.checker is not None and group.holds(test):
                chosen = group.checker
        return chosen


class ProblemFormatError(Exception):
    """A problem file is malformed: names the file (and row), the field, and what is wrong."""

    def __init__(self, where: str, field_name: str, message: str) -> None:
        super().__init__(f"{where}: {field_name}: {message}")
        self.where = where
        self.field = field_name
        self.message = message
