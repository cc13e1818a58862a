"""The sampling contract: one `SamplingParams` per call, the same record for every backend.

A backend is built once (a model loaded, a server's address known) and then asked for samples many times, each
time with the options of that call: `backend.sample(problem, count, params)`. Nothing about a call is stored on the
backend, so one backend serves concurrent solves with different options (the service's workers, a batch).

Fields left at None take the backend's own default (`SamplingParams.resolved`): a tuned temperature for our
model, the server's for a hosted one. `extra` holds what one backend adds (an OpenAI server's
`frequency_penalty`, our model's `header_variants`). Each backend names the options it honours (`options`) and
refuses any other that a call sets, with a message naming the option: nothing is silently ignored.

The command line (`solver.commands.solve.sampling_params_from`), the batch runner (which stores the params in
`run.json`) and the service (`service.intake`) all build the record through `SamplingParams.build`, the one
place where options given by name are checked.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from sandbox.languages import LANGUAGES
from solver.backends.errors import BackendError

# The options of every backend, by name, as a request or a command line gives them.
COMMON_OPTIONS = ("temperature", "top_p", "top_k", "max_tokens", "seed", "languages", "stop")


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class SamplingParams:
    temperature: float | None = None  # > 0; None: the backend's default
    top_p: float | None = None  # in (0, 1]; 1 = off
    top_k: int | None = None  # ≥ 0; 0 = off
    max_tokens: int | None = None  # the longest program, in the model's tokens
    seed: int = 0
    languages: tuple[str, ...] | None = None  # None: the backend's default languages
    stop: tuple[str, ...] = ()  # strings that end a sample (where the engine supports them)
    extra: Mapping[str, Any] = field(default_factory=dict)  # options one backend adds

    def __post_init__(self) -> None:
        def fail(name: str, why: str) -> None:
            raise BackendError(f"{name}: {why}, got {getattr(self, name)!r}")

        if self.temperature is not None and (
                not _number(self.temperature) or not math.isfinite(self.temperature) or self.temperature <= 0):
            fail("temperature", "must be a positive number")
        if self.top_p is not None and (not _number(self.top_p) or not 0 < self.top_p <= 1):
            fail("top_p", "must be in (0, 1]")
        if self.top_k is not None and (not _integer(self.top_k) or self.top_k < 0):
            fail("top_k", "must be a whole number ≥ 0 (0 = off)")
        if self.max_tokens is not None and (not _integer(self.max_tokens) or self.max_tokens < 1):
            fail("max_tokens", "must be a whole number ≥ 1")
        if not _integer(self.seed):
            fail("seed", "must be a whole number")
        if self.languages is not None:
            object.__setattr__(self, "languages", tuple(self.languages))
            unknown = [lang for lang in self.languages if lang not in LANGUAGES]
            if unknown or not self.languages:
                fail("languages", f"must be some of {', '.join(LANGUAGES)}")
        object.__setattr__(self, "stop", tuple(self.stop))
        if not all(isinstance(s, str) and s for s in self.stop):
            fail("stop", "must be non-empty strings")
        object.__setattr__(self, "extra", _frozen(self.extra))

    @classmethod
    def build(cls, options: Mapping[str, Any] | None = None, **given: Any) -> SamplingParams:
        """Params from options by name (a request's `options`, a command line's flags): common options go to
        their fields, any other name into `extra`. Values of None are left out, so a default stays a default."""
        values = {**(options or {}), **given}
        common: dict[str, Any] = {}
        extra: dict[str, Any] = dict(values.pop("extra", None) or {})
        for name, value in values.items():
            if value is None:
                continue
            if name in COMMON_OPTIONS:
                common[name] = value
            else:
                extra[name] = value
        if "languages" in common and isinstance(common["languages"], str):
            common["languages"] = (common["languages"],)
        if "stop" in common and isinstance(common["stop"], str):
            common["stop"] = (common["stop"],)
        return cls(**common, extra=extra)

    def resolved(self, defaults: SamplingParams) -> SamplingParams:
        """These params with every field left at None taken from `defaults` (a backend's own)."""
        filled = {f.name: getattr(defaults, f.name) for f in fields(self)
                  if getattr(self, f.name) is None and f.name != "extra"}
        extra = {**defaults.extra, **self.extra}
        return replace(self, **filled, extra=extra)

    def check_options(self, backend: str, honoured: Sequence[str]) -> None:
        """Refuse options set here that the backend does not honour (`seed` and `languages` every backend takes),
        naming the first; a backend never ignores an option silently."""
        given = [f.name for f in fields(self) if f.name not in ("seed", "languages", "extra", "stop")
                 and getattr(self, f.name) is not None]
        given += ["stop"] * bool(self.stop) + sorted(self.extra)
        refused = [name for name in given if name not in honoured]
        if refused:
            takes = f"it takes {', '.join(honoured)}" if honoured else "it takes none"
            raise BackendError(f"options.{refused[0]}: the {backend} backend does not take this option ({takes})")

    def choose_languages(self, default: Sequence[str]) -> tuple[str, ...]:
        return self.languages or tuple(default)

    def to_json(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["languages"] = list(self.languages) if self.languages is not None else None
        data["stop"] = list(self.stop)
        data["extra"] = dict(self.extra)
        return data


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
