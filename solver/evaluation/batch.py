"""Batch-solve a split: one JSON line per problem, written as soon as the problem is done.

The results file is the run's state. A killed run resumes where it stopped: problems already in the file are
skipped, and a line cut off by the kill is removed before anything is appended, so nothing is lost or done
twice. A problem that cannot be loaded or judged (a broken package, a checker that does not compile, a sandbox
failure) gets a line with `error` saying what failed, and the run goes on; a resumed run retries those only
when asked (`retry_errors`). Every line holds the whole story of a problem: every candidate with its verdicts on
the example tests, its behaviour signature and cluster on the generated inputs, its verdict on the hidden tests
(and each subtask's, on a scoring problem) when it passed the examples, the submissions, the stage counts and the
timings.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from problems.model import Problem, ProblemFormatError
from sandbox import CheckerFailure, ProblemError, Sandbox, SandboxError
from solver.backends.params import SamplingParams
from solver.pipeline import Selection, solve
from solver.pipeline.records import ProgressEvent

RESULTS = "results.jsonl"
# Settings run.json did not record before they existed, as those runs had them: selection was clustering alone.
BEFORE_RECORDED = {"selection": {"speed": False, "scorer": None}}
RUN_FILE = "run.json"


def read_results(directory: Path) -> list[dict]:
    """The complete lines of a run's results (a cut-off last line is ignored)."""
    path = Path(directory) / RESULTS
    if not path.is_file():
        return []
    rows = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            if not line.endswith("\n"):
                break  # the kill came mid-write
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                break
    return rows


def _repair(path: Path) -> None:
    """Cut the file back to its last complete line."""
    if not path.is_file():
        return
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end != len(data):
        with open(path, "r+b") as file:
            file.truncate(end)


@dataclass
class BatchSettings:
    samples: int
    seconds: float | None = None
    params: SamplingParams = field(default_factory=SamplingParams)
    backend: str = "native"
    model: str | None = None
    selection: Selection = field(default_factory=Selection)

    def as_dict(self) -> dict:
        """What run.json records (and a resumed run must match): the budget, the backend and the params of every
        call; sampling options left to the backend's defaults are not written."""
        params = self.params.to_json()
        data = {"samples": self.samples, "seconds": self.seconds, "seed": params.pop("seed"),
                "languages": params.pop("languages"), "backend": self.backend, "model": self.model}
        sampling = {name: value for name, value in params.items() if value not in (None, [], {})}
        if sampling:
            data["sampling"] = sampling
        scorer = self.selection.scorer
        data["selection"] = {"speed": self.selection.speed,
                             "scorer": None if scorer is None else getattr(scorer, "digest", "custom")}
        return data


def start_run(directory: Path, settings: BatchSettings, dataset: str, retry_errors: bool = False) -> set[str]:
    """Create or reopen a run directory; the keys of the problems already done. Refuses to mix settings.

    A problem that errored counts as done unless `retry_errors`: then its row is removed (the file is rewritten
    without it, atomically) and it is solved again, so that every problem still appears exactly once.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    run_file = directory / RUN_FILE
    wanted = {"dataset": dataset, **settings.as_dict()}
    if run_file.is_file():
        existing = json.loads(run_file.read_text(encoding="utf-8"))
        differing = sorted(k for k in wanted if existing.get(k, BEFORE_RECORDED.get(k)) != wanted[k])
        if differing:
            raise ValueError(f"{directory} holds a run with other settings ({', '.join(differing)}); "
                             "use another --out directory")
    else:
        run_file.write_text(json.dumps(wanted, indent=2) + "\n", encoding="utf-8")
    path = directory / RESULTS
    _repair(path)
    rows = read_results(directory)
    if retry_errors and any("error" in row for row in rows):
        kept = [row for row in rows if "error" not in row]
        temporary = path.with_suffix(".jsonl.tmp")
        temporary.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in kept), encoding="utf-8")
        os.replace(temporary, path)
        rows = kept
    return {row["problem"] for row in rows}


def problem_row(problem: Problem, backend, settings: BatchSettings, sandbox: Sandbox,
                on_progress: Callable[[ProgressEvent], None] | None = None) -> dict:
    """One problem's line of the results file. A failure that belongs to the problem (its checker does not
    compile, the sandbox fails on it, the solve loop refuses it) becomes the line's `error`, so that the run goes
    on; a failure of the backend itself (a server gone) is raised, since every later problem would meet it too."""
    started = time.monotonic()
    try:
        result = solve(problem, backend, samples=settings.samples, seconds=settings.seconds, params=settings.params,
                       sandbox=sandbox, on_progress=on_progress, hidden="survivors", selection=settings.selection)
    except CheckerFailure as error:
        return {"problem": problem.name, "error": f"checker: {error}"}
    except ProblemError as error:  # a broken package: no accepted submission passes its own tests, say
        return {"problem": problem.name, "error": f"package: {error}"}
    except SandboxError as error:
        return {"problem": problem.name, "error": f"sandbox: {error}"}
    except (ProblemFormatError, ValueError) as error:
        return {"problem": problem.name, "error": f"problem: {error}"}
    row = result.to_json(with_records=True)
    row["hidden_tests"] = len(problem.private_tests) + len(problem.generated_tests)
    row["elapsed"] = round(time.monotonic() - started, 3)
    return row


def error_row(error: ProblemFormatError) -> dict:
    """The line of a problem that could not be loaded: keyed by where it is, since it has no name."""
    return {"problem": error.where, "error": f"load: {error}"}


def batch(problems: Iterable[Problem | ProblemFormatError], directory: Path, backend, settings: BatchSettings, *,
          done: set[str], sandbox: Sandbox | None = None,
          on_problem: Callable[[dict], None] | None = None,
          on_progress: Callable[[ProgressEvent], None] | None = None) -> Iterator[dict]:
    """Solve each problem not yet done, appending its line to the results file; yields each line's summary.
    A problem that could not be loaded (a ProblemFormatError in its place) gets an error line too."""
    path = Path(directory) / RESULTS
    own = sandbox is None
    sandbox = sandbox or Sandbox()
    try:
        for item in problems:
            if item_key(item) in done:
                continue
            if isinstance(item, ProblemFormatError):
                row = error_row(item)
            else:
                row = problem_row(item, backend, settings, sandbox, on_progress)
            summary = record(path, row, done)
            if on_problem:
                on_problem(summary)
            yield summary
    finally:
        if own:
            sandbox.close()


def item_key(item: Problem | ProblemFormatError) -> str:
    """What a problem's line is keyed by: its name, or where it is when it could not be loaded."""
    return item.where if isinstance(item, ProblemFormatError) else item.name


def record(path: Path, row: dict, done: set[str]) -> dict | None:
    """Append a problem's line unless its problem is already done; the line's summary, None when it was not
    written. The one writer of a results file, local or on a cluster: every problem appears once."""
    if row["problem"] in done:
        return None
    append_row(path, row)
    done.add(row["problem"])
    return summarize_row(row)


def append_row(path: Path, row: dict) -> None:
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()


def summarize_row(row: dict) -> dict:
    return {"problem": row["problem"], "solved": row.get("solved"),
            "passed_examples": row.get("stats", {}).get("passed_examples"), "error": row.get("error")}
