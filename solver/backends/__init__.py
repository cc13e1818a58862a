"""Where candidate programs come from: one small interface, several backends.

A backend turns a problem into a stream of `Candidate`s, asked with the `SamplingParams` of each call. The pipeline
does not care whether they come from our own model (`native`), a local transformers checkpoint (`hf`), an
OpenAI-compatible server (`openai`), a vLLM engine in this process (`vllm`) or a file of programs written
earlier (`replay`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from solver.backends.base import Backend
from solver.backends.errors import BackendError
from solver.backends.params import COMMON_OPTIONS, LANGUAGES, SamplingParams
from solver.backends.prompts import extract_code

BACKENDS = ("native", "hf", "openai", "vllm", "replay")

def backend_class(name: str) -> type:
    """The class of a backend by name, imported only when asked for (torch, openai and vllm are heavy). Its
    `options` are the options of a call it honours, by name: what the service lets a request set."""
    if name == "native":
        from solver.backends.native import NativeBackend

        return NativeBackend
    if name == "hf":
        from solver.backends.hf import HFBackend

        return HFBackend
    if name == "openai":
        from solver.backends.openai import OpenAIBackend

        return OpenAIBackend
    if name == "vllm":
        from solver.backends.vllm import VLLMBackend

        return VLLMBackend
    if name == "replay":
        from solver.backends.replay import ReplayBackend

        return ReplayBackend
    raise BackendError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}")


@dataclass(frozen=True)
class BackendSpec:
    """A backend as plain data (its name, its model and its constructor's settings), to be built where it runs: a
    node of a cluster builds its own rather than receive a live object with a model and open connections in it."""

    name: str
    model: str | None = None
    settings: dict = field(default_factory=dict)

    def build(self) -> Backend:
        return make_backend(self.name, self.model, **self.settings)


def make_backend(name: str, model: str | None = None, **settings) -> Backend:
    """A backend by name. `model` is a checkpoint directory (native, hf, vllm), a model name (openai) or a JSON
    Lines file (replay); the settings are the backend's own constructor arguments (a server's address, a device)."""
    cls = backend_class(name)
    if name in ("hf", "vllm") and not model:
        raise BackendError(f"the {name} backend needs --model: a local checkpoint directory")
    return cls(model, **settings)


__all__ = ["BACKENDS", "BackendSpec", "COMMON_OPTIONS", "LANGUAGES", "Backend", "BackendError",
           "SamplingParams", "backend_class", "extract_code", "make_backend"]
