"""One entry point for every problem source: `load(path)` streams Problems from whatever `path` holds.

Recognised: CodeContests parquet (`*.parquet`) and JSON Lines (`*.jsonl`, `*.jsonl.gz`) in the hub schema;
a Kattis package (a directory with `problem.yaml`); a problem in the project's format (a directory with
`problem.toml`); any directory holding these, searched recursively in name order; and the generated curriculum,
named `curriculum:train|heldout:COUNT[:SEED]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from problems import codecontests, kattis, native
from problems.model import Problem, ProblemFormatError

FILE_READERS = {".parquet": codecontests.scan_parquet, ".jsonl": codecontests.scan_jsonl}


def _file_reader(path: Path):
    suffix = path.suffix
    if suffix == ".gz":
        suffix = Path(path.stem).suffix
    return FILE_READERS.get(suffix)


def describe(path: Path) -> str | None:
    """The format name of a single source, or None when `path` is not one (a plain directory, say)."""
    path = Path(path)
    if path.is_file():
        if path.name == "problem.toml":
            return "problem directory"
        if path.name == "problem.yaml":
            return "Kattis package"
        names = {codecontests.scan_parquet: "CodeContests parquet", codecontests.scan_jsonl: "CodeContests JSON Lines"}
        return names.get(_file_reader(path))
    if native.is_problem_dir(path):
        return "problem directory"
    if kattis.is_package(path):
        return "Kattis package"
    return None


def scan(path: Path) -> Iterator[Problem | ProblemFormatError]:
    """Every problem under `path`, or the error found in its place, one at a time."""
    if str(path).startswith("curriculum:"):
        yield from _curriculum(str(path))
        return
    path = Path(path)
    if not path.exists():
        yield ProblemFormatError(str(path), "path", "no such file or directory")
        return
    found = False
    for item in _scan(path):
        found = True
        yield item
    if not found:
        yield ProblemFormatError(str(path), "path", "no problems found here")


def _curriculum(spec: str) -> Iterator[Problem | ProblemFormatError]:
    from problems import curriculum  # generated on demand: most callers never need it

    try:
        split, count, seed = curriculum.parse_spec(spec)
    except ValueError as error:
        yield ProblemFormatError(spec, "path", str(error))
        return
    yield from curriculum.generate(split, count, seed)


def _scan(path: Path) -> Iterator[Problem | ProblemFormatError]:
    if path.is_file():
        if path.name in ("problem.toml", "problem.yaml"):
            yield from _scan(path.parent)
            return
        reader = _file_reader(path)
        if reader is None:
            yield ProblemFormatError(str(path), "path", "unknown format (expected .parquet, .jsonl, .jsonl.gz, "
                                     "a problem directory or a Kattis package)")
            return
        yield from reader(path)
    elif native.is_problem_dir(path):
        yield from native.scan_problem_dir(path)
    elif kattis.is_package(path):
        yield from kattis.scan_package(path)
    else:
        # A plain directory: search it. Hidden and private names (.git, __pycache__) are skipped, and so are
        # files of other kinds, so that a source tree holding problems among code can be searched.
        for child in sorted(path.iterdir(), key=native.natural_key):
            if not child.name.startswith((".", "_")) and (child.is_dir() or _file_reader(child) is not None):
                yield from _scan(child)


def load(path: Path) -> Iterator[Problem]:
    """Every problem under `path`, one at a time; raises ProblemFormatError at the first malformed one."""
    for item in scan(path):
        if isinstance(item, ProblemFormatError):
            raise item
        yield item
