"""The backend interface and what every backend shares."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from problems.model import Problem
from solver.backends.params import SamplingParams
from solver.pipeline.records import Candidate


class Backend(Protocol):
    """Anything that can propose programs for a problem.

    `sample` yields up to `count` candidates as they are made (the pipeline starts judging the first ones while
    later ones are still being written); the consumer may stop early. Everything about the call comes in
    `params`; the backend keeps no per-call state, so concurrent solves may share one backend.
    `options` names what of a call it honours besides `seed` and `languages` (common fields and its extras);
    `defaults` are the params a call's unset fields take.
    """

    name: str
    options: tuple[str, ...]
    defaults: SamplingParams

    def sample(self, problem: Problem, count: int, params: SamplingParams) -> Iterator[Candidate]: ...

    def close(self) -> None: ...


def prepare(backend: Backend, params: SamplingParams | None) -> SamplingParams:
    """A call's params checked against what the backend honours, then its defaults filled in: every backend's
    `sample` starts here."""
    params = params or SamplingParams()
    params.check_options(backend.name, backend.options)
    return params.resolved(backend.defaults)


def cut_at_stop(text: str, stop: Sequence[str]) -> str:
    """The text up to the first of the stop strings, for engines that cannot stop on a string themselves."""
    end = min((text.find(marker) for marker in stop if marker in text), default=len(text))
    return text[:end]
