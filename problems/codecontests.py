"""CodeContests rows in the Hugging Face hub schema (`deepmind/code_contests`), from and to parquet or JSON Lines.

Everything streams: readers yield one problem at a time (parquet in small record batches, JSON Lines line by
line) and writers take any iterable, so a 13k-problem split is never held in memory whole.

The hub schema has no place for a checker or for interactivity: rows read here get the CodeContests default
checker (tokens, case-insensitive, floats within 1e-5), and writing a problem with another checker drops it.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from problems.model import Language, Problem, ProblemFormatError, Solution, Source, Test

_TESTS = pa.struct([("input", pa.list_(pa.string())), ("output", pa.list_(pa.string()))])
_SOLUTIONS = pa.struct([("language", pa.list_(pa.int64())), ("solution", pa.list_(pa.string()))])

# Field for field and type for type what `deepmind/code_contests` publishes.
HUB_SCHEMA = pa.schema(
    [
        ("name", pa.string()),
        ("description", pa.string()),
        ("public_tests", _TESTS),
        ("private_tests", _TESTS),
        ("generated_tests", _TESTS),
        ("source", pa.int64()),
        ("difficulty", pa.int64()),
        ("solutions", _SOLUTIONS),
        ("incorrect_solutions", _SOLUTIONS),
        ("cf_contest_id", pa.int64()),
        ("cf_index", pa.string()),
        ("cf_points", pa.float32()),
        ("cf_rating", pa.int32()),
        ("cf_tags", pa.list_(pa.string())),
        ("is_description_translated", pa.bool_()),
        ("untranslated_description", pa.string()),
        ("time_limit", pa.struct([("seconds", pa.int64()), ("nanos", pa.int64())])),
        ("memory_limit_bytes", pa.int64()),
        ("input_file", pa.string()),
        ("output_file", pa.string()),
    ]
)

# Rows per parquet record batch when reading, and per row group when writing: small enough that memory stays
# flat, large enough that per-batch overhead does not show.
READ_BATCH_ROWS = 16
WRITE_GROUP_ROWS = 64


# ---------------------------------------------------------------------------------------------------------- rows


def _expect(value: Any, types: type | tuple[type, ...], where: str, field: str, what: str) -> Any:
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise ProblemFormatError(where, field, f"expected {what}, got {value!r}")
    if not isinstance(value, types):
        raise ProblemFormatError(where, field, f"expected {what}, got {type(value).__name__} {str(value)[:60]!r}")
    return value


def _string_list(value: Any, where: str, field: str) -> list[str]:
    _expect(value, list, where, field, "a list of strings")
    for i, item in enumerate(value):
        _expect(item, str, where, f"{field}[{i}]", "a string")
    return value


def _tests(row: dict, where: str, field: str) -> tuple[Test, ...]:
    value = row.get(field)
    if value is None:
        return ()
    _expect(value, dict, where, field, "an object with 'input' and 'output' lists")
    inputs = _string_list(value.get("input", []), where, f"{field}.input")
    outputs = _string_list(value.get("output", []), where, f"{field}.output")
    if len(inputs) != len(outputs):
        raise ProblemFormatError(where, field, f"{len(inputs)} inputs but {len(outputs)} outputs")
    return tuple(Test(i, o) for i, o in zip(inputs, outputs))


def _solutions(row: dict, where: str, field: str) -> tuple[Solution, ...]:
    value = row.get(field)
    if value is None:
        return ()
    _expect(value, dict, where, field, "an object with 'language' and 'solution' lists")
    languages = _expect(value.get("language", []), list, where, f"{field}.language", "a list of integers")
    codes = _string_list(value.get("solution", []), where, f"{field}.solution")
    if len(languages) != len(codes):
        raise ProblemFormatError(where, field, f"{len(languages)} languages but {len(codes)} solutions")
    solutions = []
    for i, (language, code) in enumerate(zip(languages, codes)):
        _expect(language, int, where, f"{field}.language[{i}]", "an integer")
        if language not in Language._value2member_map_:
            raise ProblemFormatError(where, f"{field}.language[{i}]", f"unknown language {language} (0 to 4)")
        solutions.append(Solution(Language(language), code))
    return tuple(solutions)


def row_to_problem(row: Any, where: str) -> Problem:
    """Turn one hub-schema row (a dict) into a Problem; `where` names it in errors."""
    _expect(row, dict, where, "row", "a JSON object")
    if "name" not in row and "description" not in row:
        keys = ", ".join(sorted(row)[:6])
        raise ProblemFormatError(where, "row", f"not a CodeContests row: no name or description (keys: {keys})")

    def get(field: str, types: type | tuple[type, ...], what: str, default: Any) -> Any:
        value = row.get(field)
        return default if value is None else _expect(value, types, where, field, what)

    name = get("name", str, "a string", None)
    if name is None or not name.strip():
        raise ProblemFormatError(where, "name", "missing or empty")
    description = get("description", str, "a string", None)
    if description is None:
        raise ProblemFormatError(where, "description", "missing")

    source = get("source", int, "an integer", 0)
    if source not in Source._value2member_map_:
        raise ProblemFormatError(where, "source", f"unknown source {source} (0 to {len(Source) - 1})")
    difficulty = get("difficulty", int, "an integer", 0)

    time_limit = row.get("time_limit")
    seconds: float | None = None
    if time_limit is not None:
        _expect(time_limit, dict, where, "time_limit", "an object {seconds, nanos} or null")
        whole = _expect(time_limit.get("seconds") or 0, int, where, "time_limit.seconds", "an integer")
        nanos = _expect(time_limit.get("nanos") or 0, int, where, "time_limit.nanos", "an integer")
        seconds = whole + nanos / 1e9 if whole or nanos else None

    cf_points = get("cf_points", (int, float), "a number", 0.0)
    fields = dict(
        name=name,
        description=description,
        public_tests=_tests(row, where, "public_tests"),
        private_tests=_tests(row, where, "private_tests"),
        generated_tests=_tests(row, where, "generated_tests"),
        source=Source(source),
        difficulty=difficulty,
        solutions=_solutions(row, where, "solutions"),
        incorrect_solutions=_solutions(row, where, "incorrect_solutions"),
        cf_contest_id=get("cf_contest_id", int, "an integer", 0),
        cf_index=get("cf_index", str, "a string", ""),
        cf_points=float(cf_points),
        cf_rating=get("cf_rating", int, "an integer", 0),
        cf_tags=tuple(_string_list(row.get("cf_tags") or [], where, "cf_tags")),
        is_description_translated=get("is_description_translated", bool, "true or false", False),
        untranslated_description=get("untranslated_description", str, "a string", ""),
        time_limit=seconds,
        memory_limit_bytes=get("memory_limit_bytes", int, "an integer", 0),
        input_file=get("input_file", str, "a string", ""),
        output_file=get("output_file", str, "a string", ""),
    )
    try:
        return Problem(**fields)
    except ValueError as error:
        # The record names the field as "Problem.<field>: ..."; keep the field, drop the class name.
        field, _, message = str(error).partition(": ")
        raise ProblemFormatError(where, field.removeprefix("Problem."), message) from None


def problem_to_row(problem: Problem) -> dict[str, Any]:
    """The hub-schema row of a problem (checker and interactivity have no place in it and are dropped)."""

    def tests(items: tuple[Test, ...]) -> dict[str, list[str]]:
        return {"input": [t.input for t in items], "output": [t.output for t in items]}

    def solutions(items: tuple[Solution, ...]) -> dict[str, list]:
        return {"language": [int(s.language) for s in items], "solution": [s.code for s in items]}

    time_limit = None
    if problem.time_limit is not None:
        total_nanos = round(problem.time_limit * 1e9)
        time_limit = {"seconds": total_nanos // 10**9, "nanos": total_nanos % 10**9}
    return {
        "name": problem.name,
        "description": problem.description,
        "public_tests": tests(problem.public_tests),
        "private_tests": tests(problem.private_tests),
        "generated_tests": tests(problem.generated_tests),
        "source": int(problem.source),
        "difficulty": problem.difficulty,
        "solutions": solutions(problem.solutions),
        "incorrect_solutions": solutions(problem.incorrect_solutions),
        "cf_contest_id": problem.cf_contest_id,
        "cf_index": problem.cf_index,
        "cf_points": problem.cf_points,
        "cf_rating": problem.cf_rating,
        "cf_tags": list(problem.cf_tags),
        "is_description_translated": problem.is_description_translated,
        "untranslated_description": problem.untranslated_description,
        "time_limit": time_limit,
        "memory_limit_bytes": problem.memory_limit_bytes,
        "input_file": problem.input_file,
        "output_file": problem.output_file,
    }


# ----------------------------------------------------------------------------------------------------- JSON Lines


def _open_text(path: Path, mode: str) -> io.TextIOBase:
    if path.suffix == ".gz":
        return gzip.open(path, mode + "t", encoding="utf-8")
    return open(path, mode, encoding="utf-8")


def scan_jsonl(path: Path) -> Iterator[Problem | ProblemFormatError]:
    """Each row of a JSON Lines file as a Problem, or the error that row has; blank lines are skipped."""
    try:
        handle = _open_text(path, "r")
    except OSError as error:
        yield ProblemFormatError(str(path), "file", error.strerror or str(error))
        return
    with handle:
        lineno = 0
        while True:
            lineno += 1
            try:
                line = handle.readline()
            except (UnicodeDecodeError, OSError, EOFError) as error:
                yield ProblemFormatError(f"{path}:{lineno}", "row", f"unreadable: {error}")
                return
            if not line:
                return
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield ProblemFormatError(where, "row", f"invalid JSON: {error.msg} at column {error.colno}")
                continue
            try:
                yield row_to_problem(row, where)
            except ProblemFormatError as error:
                yield error


def write_jsonl(problems: Iterable[Problem], path: Path) -> int:
    """Write problems as hub-schema rows, one JSON object per line; returns how many were written."""
    count = 0
    with _open_text(Path(path), "w") as handle:
        for problem in problems:
            handle.write(json.dumps(problem_to_row(problem), ensure_ascii=False) + "\n")
            count += 1
    return count


# -------------------------------------------------------------------------------------------------------- parquet


def scan_parquet(path: Path) -> Iterator[Problem | ProblemFormatError]:
    """Each row of a parquet file as a Problem (or its error), decoded a small batch at a time."""
    try:
        # pre_buffer off and a small read buffer: pages are read as they are needed, not a row group at once.
        parquet = pq.ParquetFile(path, buffer_size=1 << 16, pre_buffer=False)
    except (OSError, pa.ArrowException) as error:
        yield ProblemFormatError(str(path), "file", f"not a readable parquet file: {error}")
        return
    missing = {"name", "description"} - set(parquet.schema_arrow.names)
    if missing:
        yield ProblemFormatError(str(path), "schema", f"missing columns {sorted(missing)}")
        return
    columns = [name for name in HUB_SCHEMA.names if name in parquet.schema_arrow.names]
    index = 0
    try:
        for batch in parquet.iter_batches(batch_size=READ_BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                index += 1
                try:
                    yield row_to_problem(row, f"{path}:row {index}")
                except ProblemFormatError as error:
                    yield error
    except (OSError, pa.ArrowException) as error:
        yield ProblemFormatError(f"{path}:row {index + 1}", "file", f"unreadable: {error}")


def write_parquet(problems: Iterable[Problem], path: Path) -> int:
    """Write problems in the exact hub schema, a row group at a time; returns how many were written."""
    count = 0
    buffer: list[dict] = []
    with pq.ParquetWriter(path, HUB_SCHEMA) as writer:
        for problem in problems:
            buffer.append(problem_to_row(problem))
            if len(buffer) == WRITE_GROUP_ROWS:
                writer.write_table(pa.Table.from_pylist(buffer, schema=HUB_SCHEMA))
                count += len(buffer)
                buffer.clear()
        if buffer:
            writer.write_table(pa.Table.from_pylist(buffer, schema=HUB_SCHEMA))
            count += len(buffer)
    return count

