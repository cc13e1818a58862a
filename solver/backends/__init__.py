"""Where candidate programs come from: one small interface, several backends.

A backend turns a problem into a stream of `Candidate`s. The pipeline does not care whether they come from our own
model (`native`), a local transformers checkpoint (`hf`), an OpenAI-compatible server (`openai`) or a file of
programs written earlier (`replay`).
"""

from __future__ import annotations

from solver.backends.base import Backend, BackendError, extract_code

BACKENDS = ("native", "hf", "openai", "replay")


def make_backend(name: str, model: str | None = None, **options) -> Backend:
    """A backend by name. `model` is a checkpoint directory (native, hf), a model name (openai) or a JSON Lines
    file (replay); the options are the backend's own keyword arguments."""
    if name == "native":
        from solver.backends.native import NativeBackend

        return NativeBackend(model, **options)
    if name == "hf":
        from solver.backends.hf import HFBackend

        if not model:
            raise BackendError("the hf backend needs --model: a local transformers checkpoint directory")
        return HFBackend(model, **options)
    if name == "openai":
        from solver.backends.openai import OpenAIBackend

        return OpenAIBackend(model=model, **options)
    if name == "replay":
        from solver.backends.replay import ReplayBackend

        return ReplayBackend(model, **options)
    raise BackendError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}")


__all__ = ["BACKENDS", "Backend", "BackendError", "extract_code", "make_backend"]
