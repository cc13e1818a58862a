"""Contest problems: the shared record (mirroring CodeContests), its loaders and writers, the bundled set.

Imports nothing else of the project. See FORMAT.md for the project's own problem format.
"""

from pathlib import Path

from problems.codecontests import HUB_SCHEMA, problem_to_row, row_to_problem, write_jsonl, write_parquet
from problems.loaders import describe, load, scan
from problems.model import (
    DEFAULT_FLOAT_TOLERANCE,
    SUBMISSION_VERDICTS,
    Checker,
    CheckerKind,
    CheckerProtocol,
    Language,
    Problem,
    ProblemFormatError,
    Solution,
    Source,
    Test,
    TestGroup,
    TimeLimitRule,
)
from problems.native import read_problem_dir, write_problem_dir

BUNDLED_DIR = Path(__file__).resolve().parent / "bundled"

__all__ = [
    "BUNDLED_DIR",
    "DEFAULT_FLOAT_TOLERANCE",
    "HUB_SCHEMA",
    "Checker",
    "CheckerKind",
    "CheckerProtocol",
    "Language",
    "Problem",
    "ProblemFormatError",
    "SUBMISSION_VERDICTS",
    "Solution",
    "Source",
    "Test",
    "TestGroup",
    "TimeLimitRule",
    "describe",
    "load",
    "problem_to_row",
    "read_problem_dir",
    "row_to_problem",
    "scan",
    "write_jsonl",
    "write_parquet",
    "write_problem_dir",
]
