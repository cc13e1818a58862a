"""Candidates that were written before: a JSON Lines file, or a problem's own human solutions.

For evaluating selection on human programs (a problem's correct and incorrect solutions together), for replaying
a model's samples through a different selection, and for tests that need no model.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from problems.model import Problem
from sandbox.languages import LANGUAGES, canonical, name_of
from solver.backends.base import prepare
from solver.backends.errors import BackendError
from solver.backends.params import SamplingParams
from solver.pipeline.records import Candidate


class ReplayBackend:
    """`path` None: the problem's solutions and incorrect_solutions, shuffled by the seed. Otherwise a JSON Lines
    file of objects with `code` and `language` (and optionally `problem`: rows naming another problem are skipped).

    Of a call's params it honours `seed` (the shuffle's), `languages` and the extra `shuffle` (False: the rows in
    their own order); sampling options mean nothing to programs already written, so it takes no others.
    """

    name = "replay"
    defaults = SamplingParams(languages=LANGUAGES, extra={"shuffle": True})
    options = ("shuffle",)

    def __init__(self, path: str | Path | None = None, *, shuffle: bool = True) -> None:
        self.path = Path(path) if path else None
        if self.path is not None and not self.path.is_file():
            raise BackendError(f"replay: no such file {self.path}")
        self.defaults = replace(ReplayBackend.defaults, extra={"shuffle": shuffle})

    def _rows(self, problem: Problem) -> list[tuple[str, str, dict]]:
        if self.path is None:
            rows = []
            for correct, solutions in ((True, problem.solutions), (False, problem.incorrect_solutions)):
                for solution in solutions:
                    language = name_of(solution.language)
                    if language is not None:
                        rows.append((language, solution.code, {"correct": correct}))
            return rows
        rows = []
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise BackendError(f"replay: cannot read {self.path}: {error}") from None
        for number, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 may sit in code
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise BackendError(f"{self.path}:{number}: not JSON ({error})") from None
            if not isinstance(row, dict) or not isinstance(row.get("code"), str):
                raise BackendError(f"{self.path}:{number}: a row must be an object with a string \"code\"")
            language = canonical(str(row.get("language", "python3")))
            if language is None:
                raise BackendError(f"{self.path}:{number}: unknown language {row.get('language')!r} "
                                   f"(python3, cpp or java)")
            if row.get("problem") not in (None, problem.name):
                continue
            rows.append((language, row["code"],
                         {k: v for k, v in row.items() if k not in ("code", "language")}))
        return rows

    def sample(self, problem: Problem, count: int, params: SamplingParams | None = None) -> Iterator[Candidate]:
        params = prepare(self, params)
        shuffle = params.extra["shuffle"]
        if not isinstance(shuffle, bool):
            raise BackendError(f"options.shuffle: must be true or false, got {shuffle!r}")
        rows = [row for row in self._rows(problem) if row[0] in params.languages]
        if shuffle:
            random.Random(params.seed).shuffle(rows)
        for index, (language, code, metadata) in enumerate(rows[:count]):
            yield Candidate(index, language, code, self.name, None, {**metadata, "shuffled": shuffle})

    def close(self) -> None:
        pass
