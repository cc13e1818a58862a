"""Batch-solve a split: one JSON line per problem, written as soon as the problem is done.

The results file is the run's state. A killed run resumes where it stopped: problems already in the file are
skipped, and a line cut off by the kill is removed before anything is appended, so nothing is lost or done
twice. Every line holds the whole story of a problem: every candidate with its verdicts on the example tests,
its behaviour signature and cluster on the generated inputs, its verdict on the hidden tests when it passed the
examples, the submissions, the stage counts and the timings.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from problems.model import Problem
from sandbox import Sandbox
from solver.backends.params import SamplingParams
from solver.pipeline import solve
from solver.pipeline.records import ProgressEvent

RESULTS = "results.jsonl"
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

    def as_dict(self) -> dict:
        """What run.json records (and a resumed run must match): the budget, the backend and the params of every
        call; sampling options left to the backend's defaults are not written."""
        params = self.params.to_json()
        data = {"samples": self.samples, "seconds": self.seconds, "seed": params.pop("seed"),
                "languages": params.pop("languages"), "backend": self.backend, "model": self.model}
        sampling = {name: value for name, value in params.items() if value not in (None, [], {})}
        if sampling:
            data["sampling"] = sampling
        return data


def start_run(directory: Path, settings: BatchSettings, dataset: str) -> set[str]:
    """Create or reopen a run directory; the names of the problems already done. Refuses to mix settings."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    run_file = directory / RUN_FILE
    wanted = {"dataset": dataset, **settings.as_dict()}
    if run_file.is_file():
        existing = json.loads(run_file.read_text(encoding="utf-8"))
        differing = sorted(k for k in wanted if existing.get(k) != wanted[k])
        if differing:
            raise ValueError(f"{directory} holds a run with other settings ({', '.join(differing)}); "
                             "use another --out directory")
    else:
        run_file.write_text(json.dumps(wanted, indent=2) + "\n", encoding="utf-8")
    _repair(directory / RESULTS)
    return {row["problem"] for row in read_results(directory)}


def batch(problems: Iterable[Problem], directory: Path, backend, settings: BatchSettings, *,
          done: set[str], sandbox: Sandbox | None = None,
          on_problem: Callable[[dict], None] | None = None,
          on_progress: Callable[[ProgressEvent], None] | None = None) -> Iterator[dict]:
    """Solve each problem not yet done, appending its line to the results file; yields each line's summary."""
    path = Path(directory) / RESULTS
    own = sandbox is None
    sandbox = sandbox or Sandbox()
    try:
        for problem in problems:
            if problem.name in done:
                continue
            if problem.interactive:
                row = {"problem": problem.name, "skipped": "interactive"}
            else:
                started = time.monotonic()
                result = solve(problem, backend, samples=settings.samples, seconds=settings.seconds,
                               params=settings.params, sandbox=sandbox,
                               on_progress=on_progress, hidden="survivors")
                row = result.to_json(with_records=True)
                row["hidden_tests"] = len(problem.private_tests) + len(problem.generated_tests)
                row["elapsed"] = round(time.monotonic() - started, 3)
            with open(path, "a", encoding="utf-8") as out:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
            done.add(problem.name)
            summary = {"problem": problem.name, "solved": row.get("solved"),
                       "passed_examples": row.get("stats", {}).get("passed_examples"), "skipped": row.get("skipped")}
            if on_problem:
                on_problem(summary)
            yield summary
    finally:
        if own:
            sandbox.close()
