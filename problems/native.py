"""The project's own human-editable problem format (see FORMAT.md beside this file): read and write.

A directory per problem: `problem.toml`, `statement.md`, optional `note.md`, tests as `.in`/`.out` files,
solutions as source files sorted by verdict, and `checker.py` (or `.cpp`) for a custom checker.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from problems.model import (
    DEFAULT_FLOAT_TOLERANCE,
    DIFFICULTY_NAMES,
    Checker,
    CheckerKind,
    Language,
    Problem,
    ProblemFormatError,
    Solution,
    Source,
    Test,
)
from problems.statement import render_description, split_description

MIB = 1 << 20

# Which file name extension holds which language, both ways.
EXTENSIONS = {".py": Language.PYTHON3, ".py2": Language.PYTHON, ".cpp": Language.CPP, ".cc": Language.CPP,
              ".java": Language.JAVA, ".txt": Language.UNKNOWN}
EXTENSION_OF = {Language.PYTHON3: ".py", Language.PYTHON: ".py2", Language.CPP: ".cpp", Language.JAVA: ".java",
                Language.UNKNOWN: ".txt"}

# Test groups as directories under tests/, and the Problem field each one fills.
TEST_DIRS = {"sample": "public_tests", "hidden": "private_tests", "generated": "generated_tests"}

KNOWN_KEYS = {
    "name", "rating", "tags", "time_limit", "memory_limit", "memory_limit_bytes", "checker", "float_tolerance",
    "case_sensitive", "interactive", "source", "difficulty", "cf_contest_id", "cf_index", "cf_points",
    "input_file", "output_file", "examples_in_statement",
}


def natural_key(path: Path | str) -> list:
    """Order file names with their numbers compared as numbers: 2.in before 10.in."""
    name = path.name if isinstance(path, Path) else path
    return [(int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", name)]


def read_text(path: Path, where: str, field: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")  # bytes, not text mode: a test's "\r\n" must stay as it is
    except UnicodeDecodeError:
        raise ProblemFormatError(where, field, f"{path.name} is not UTF-8 text") from None
    except OSError as error:
        raise ProblemFormatError(where, field, f"cannot read {path.name}: {error.strerror}") from None


def read_test_dir(folder: Path, where: str, field: str, answer_suffix: str, group: str = "") -> tuple[Test, ...]:
    """Pair NAME.in with NAME<answer_suffix> in a folder (recursively, in natural order).

    With `group`, each test's `group` is that name joined with the subfolder it sits in (`secret/subtask1`).
    """
    if not folder.is_dir():
        return ()
    inputs = sorted(folder.rglob("*.in"), key=lambda p: [natural_key(q) for q in p.relative_to(folder).parts])
    answers = {p.with_suffix("") for p in folder.rglob(f"*{answer_suffix}")}
    tests = []
    for path in inputs:
        answer = path.with_suffix(answer_suffix)
        if not answer.is_file():
            raise ProblemFormatError(where, field, f"{path.relative_to(folder.parent)} has no {answer.name}")
        answers.discard(path.with_suffix(""))
        test_group = "/".join((group, *path.parent.relative_to(folder).parts)) if group else ""
        tests.append(Test(read_text(path, where, field), read_text(answer, where, field), test_group))
    if answers:
        orphan = sorted(answers)[0].with_suffix(answer_suffix)
        raise ProblemFormatError(where, field, f"{orphan.relative_to(folder.parent)} has no matching .in file")
    return tuple(tests)


def read_solutions(folder: Path, where: str, field: str) -> tuple[Solution, ...]:
    if not folder.is_dir():
        return ()
    solutions = []
    for path in sorted(folder.iterdir(), key=natural_key):
        if path.is_file() and not path.name.startswith("."):
            if path.suffix not in EXTENSIONS:
                raise ProblemFormatError(where, field, f"{path.name}: unknown language (use {sorted(EXTENSIONS)})")
            solutions.append(Solution(EXTENSIONS[path.suffix], read_text(path, where, field)))
    return tuple(solutions)


def _meta(meta: dict, key: str, types: type | tuple[type, ...], where: str, default: Any) -> Any:
    if key not in meta:
        return default
    value = meta[key]
    allowed = types if isinstance(types, tuple) else (types,)
    if isinstance(value, bool) and bool not in allowed or not isinstance(value, allowed):
        names = " or ".join(t.__name__ for t in allowed)
        raise ProblemFormatError(where, key, f"expected {names}, got {value!r}")
    return value


def read_problem_dir(folder: Path) -> Problem:
    """Read one problem directory; raises ProblemFormatError naming the file and field at fault."""
    folder = Path(folder)
    toml_path = folder / "problem.toml"
    where = str(toml_path)
    try:
        meta = tomllib.loads(read_text(toml_path, where, "file"))
    except tomllib.TOMLDecodeError as error:
        raise ProblemFormatError(where, "file", f"invalid TOML: {error}") from None
    unknown = sorted(set(meta) - KNOWN_KEYS)
    if unknown:
        raise ProblemFormatError(where, unknown[0], f"unknown key (known: {', '.join(sorted(KNOWN_KEYS))})")
    name = _meta(meta, "name", str, where, "")
    if not name.strip():
        raise ProblemFormatError(where, "name", "missing or empty")
    time_limit = _meta(meta, "time_limit", (int, float), where, None)
    if time_limit is None or time_limit <= 0:
        raise ProblemFormatError(where, "time_limit", f"must be a positive number of seconds, got {time_limit!r}")
    if "memory_limit_bytes" in meta:
        memory = _meta(meta, "memory_limit_bytes", int, where, 0)
    else:
        memory = _meta(meta, "memory_limit", int, where, None)
        if memory is None:
            raise ProblemFormatError(where, "memory_limit", "missing (MiB)")
        memory *= MIB
    if memory <= 0:
        raise ProblemFormatError(where, "memory_limit", f"must be positive, got {memory!r}")

    checker = _read_checker(folder, meta, where)
    source_name = _meta(meta, "source", str, where, "UNKNOWN_SOURCE")
    if source_name not in Source.__members__:
        raise ProblemFormatError(where, "source", f"{source_name!r} is not one of {list(Source.__members__)}")
    difficulty_name = _meta(meta, "difficulty", str, where, DIFFICULTY_NAMES[0])
    if difficulty_name not in DIFFICULTY_NAMES:
        raise ProblemFormatError(where, "difficulty", f"{difficulty_name!r} is not a CodeContests difficulty")
    tags = _meta(meta, "tags", list, where, [])
    if not all(isinstance(tag, str) for tag in tags):
        raise ProblemFormatError(where, "tags", "must be a list of strings")

    tests = {
        field: read_test_dir(folder / "tests" / sub, str(folder / "tests" / sub), field, ".out")
        for sub, field in TEST_DIRS.items()
    }
    statement_path = folder / "statement.md"
    if not statement_path.is_file():
        raise ProblemFormatError(str(statement_path), "description", "missing statement.md")
    statement = read_text(statement_path, str(statement_path), "description")
    if not statement.strip():
        raise ProblemFormatError(str(statement_path), "description", "statement.md is empty")
    note_path = folder / "note.md"
    note = read_text(note_path, str(note_path), "note") if note_path.is_file() else ""
    if _meta(meta, "examples_in_statement", bool, where, False):
        description = statement
    else:
        description = render_description(statement, tests["public_tests"], note)

    try:
        return Problem(
            name=name,
            description=description,
            **tests,
            source=Source[source_name],
            difficulty=DIFFICULTY_NAMES.index(difficulty_name),
            solutions=read_solutions(folder / "solutions" / "correct", where, "solutions"),
            incorrect_solutions=read_solutions(folder / "solutions" / "incorrect", where, "incorrect_solutions"),
            cf_contest_id=_meta(meta, "cf_contest_id", int, where, 0),
            cf_index=_meta(meta, "cf_index", str, where, ""),
            cf_points=float(_meta(meta, "cf_points", (int, float), where, 0.0)),
            cf_rating=_meta(meta, "rating", int, where, 0),
            cf_tags=tuple(tags),
            time_limit=float(time_limit),
            memory_limit_bytes=memory,
            input_file=_meta(meta, "input_file", str, where, ""),
            output_file=_meta(meta, "output_file", str, where, ""),
            checker=checker,
            interactive=_meta(meta, "interactive", bool, where, False),
        )
    except ValueError as error:
        field, _, message = str(error).partition(": ")
        raise ProblemFormatError(where, field.removeprefix("Problem."), message) from None


def _read_checker(folder: Path, meta: dict, where: str) -> Checker:
    kind_name = _meta(meta, "checker", str, where, "tokens")
    if kind_name not in {k.value for k in CheckerKind}:
        raise ProblemFormatError(where, "checker", f"{kind_name!r} is not one of tokens, exact, custom")
    kind = CheckerKind(kind_name)
    tolerance = _meta(meta, "float_tolerance", (int, float), where, DEFAULT_FLOAT_TOLERANCE)
    if tolerance < 0:
        raise ProblemFormatError(where, "float_tolerance", f"must be ≥ 0, got {tolerance!r}")
    case_sensitive = _meta(meta, "case_sensitive", bool, where, False)
    program = None
    candidates = [p for p in sorted(folder.glob("checker.*")) if p.suffix in EXTENSIONS]
    if kind is CheckerKind.CUSTOM:
        if not candidates:
            raise ProblemFormatError(where, "checker", "custom checker but no checker.py or checker.cpp")
        program = Solution(EXTENSIONS[candidates[0].suffix], read_text(candidates[0], where, "checker"))
    elif candidates:
        raise ProblemFormatError(where, "checker", f"{candidates[0].name} exists but checker = {kind_name!r}")
    return Checker(kind, case_sensitive, float(tolerance), float(tolerance), program)


def is_problem_dir(path: Path) -> bool:
    return (Path(path) / "problem.toml").is_file()


def scan_problem_dir(folder: Path) -> Iterator[Problem | ProblemFormatError]:
    try:
        yield read_problem_dir(folder)
    except ProblemFormatError as error:
        yield error


# ------------------------------------------------------------------------------------------------------- writing


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid TOML basic strings
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def write_problem_dir(problem: Problem, folder: Path, overwrite: bool = False) -> Path:
    """Write a problem in this format; the examples go to tests/sample, private tests to tests/hidden."""
    folder = Path(folder)
    if folder.exists():
        if not overwrite:
            raise FileExistsError(f"{folder} exists (pass overwrite=True to replace it)")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)

    checker = problem.checker
    meta: dict[str, Any] = {"name": problem.name, "rating": problem.cf_rating, "tags": list(problem.cf_tags)}
    # CodeContests often gives no limits; the format needs them: 2 s and 256 MiB are the common Codeforces values.
    meta["time_limit"] = float(problem.time_limit or 2.0)
    if problem.memory_limit_bytes and problem.memory_limit_bytes % MIB:
        meta["memory_limit_bytes"] = problem.memory_limit_bytes
    else:
        meta["memory_limit"] = (problem.memory_limit_bytes or 256 * MIB) // MIB
    meta["checker"] = checker.kind.value
    if checker.kind is CheckerKind.TOKENS:
        if checker.float_abs_tol != DEFAULT_FLOAT_TOLERANCE:
            meta["float_tolerance"] = float(checker.float_abs_tol or 0.0)
        if checker.case_sensitive:
            meta["case_sensitive"] = True
    if problem.interactive:
        meta["interactive"] = True
    if problem.source != Source.UNKNOWN_SOURCE:
        meta["source"] = problem.source.name
    if problem.difficulty:
        meta["difficulty"] = problem.difficulty_name
    for key in ("cf_contest_id", "cf_index", "cf_points", "input_file", "output_file"):
        if getattr(problem, key):
            meta[key] = getattr(problem, key)

    parts = split_description(problem.description, problem.public_tests)
    if parts is None:
        meta["examples_in_statement"] = True
        statement, note = problem.description, ""
    else:
        statement, note = parts
    (folder / "problem.toml").write_text("".join(f"{k} = {_toml_value(v)}\n" for k, v in meta.items()))
    (folder / "statement.md").write_text(statement, encoding="utf-8")
    if note:
        (folder / "note.md").write_text(note, encoding="utf-8")

    for sub, field in TEST_DIRS.items():
        tests = getattr(problem, field)
        if tests:
            (folder / "tests" / sub).mkdir(parents=True)
        for i, test in enumerate(tests, 1):
            (folder / "tests" / sub / f"{i:02d}.in").write_bytes(test.input.encode())
            (folder / "tests" / sub / f"{i:02d}.out").write_bytes(test.output.encode())
    for verdict, solutions in (("correct", problem.solutions), ("incorrect", problem.incorrect_solutions)):
        if solutions:
            (folder / "solutions" / verdict).mkdir(parents=True)
        for i, solution in enumerate(solutions, 1):
            path = folder / "solutions" / verdict / f"{i:02d}{EXTENSION_OF[solution.language]}"
            path.write_text(solution.code, encoding="utf-8")
    if checker.program is not None:
        (folder / f"checker{EXTENSION_OF[checker.program.language]}").write_text(checker.program.code)
    return folder
