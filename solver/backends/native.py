"""Our own model and its batched sampler (solver.model), AlphaCode-style random metadata headers included."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from problems.model import Problem
from solver.backends.base import BackendError, check_languages
from solver.pipeline.records import Candidate


class NativeBackend:
    name = "native"

    def __init__(self, model: str | Path | None = None, *, temperature: float = 0.8, top_k: int = 0,
                 top_p: float = 1.0, batch_size: int = 64, header_variants: int = 8,
                 max_new_tokens: int | None = None, threads: int | None = None) -> None:
        import torch

        from solver.model.checkpoint import DEFAULT_CHECKPOINT, CheckpointError, load_checkpoint
        from solver.model.sampler import Sampler

        self.directory = Path(model) if model else DEFAULT_CHECKPOINT
        try:
            loaded, tokenizer = load_checkpoint(self.directory)
        except (CheckpointError, OSError) as error:
            raise BackendError(f"cannot load the native model: {error}") from None
        # Sampling shares the machine with the sandbox's workers, which judge candidates while later ones are
        # sampled: by default it takes half the cores (on 2 cores, one thread: a 1,000-sample solve went from
        # 63 s with torch's default of two threads to 43 s, see bench/solve.py).
        torch.set_num_threads(threads or max(1, (os.cpu_count() or 2) // 2))
        self.sampler = Sampler(loaded, tokenizer)
        self.options = dict(temperature=temperature, top_k=top_k, top_p=top_p, batch_size=batch_size,
                            header_variants=header_variants, max_new_tokens=max_new_tokens)

    def sample(self, problem: Problem, count: int, *, seed: int = 0,
               languages: Sequence[str] | None = None) -> Iterator[Candidate]:
        from solver.model.metadata import HeaderPolicy
        from solver.model.sampler import SamplingConfig

        chosen = check_languages(languages, ("python3", "cpp"))
        # The rating in the header is the problem's when known (AlphaCode conditioned on it), else drawn at random.
        rating = (problem.cf_rating, problem.cf_rating) if problem.cf_rating else (800, 3500)
        policy = HeaderPolicy(languages={lang: 1.0 for lang in chosen}, rating_range=rating)
        try:
            config = SamplingConfig(seed=seed, policy=policy, **self.options)
        except ValueError as error:
            raise BackendError(str(error)) from None
        for sample in self.sampler.sample(problem.description, count, config):
            header = sample.header
            yield Candidate(sample.index, header.language, sample.text, self.name, sample.logprob,
                            {"rating": header.rating, "tags": list(header.tags), "finished": sample.finished})

    def close(self) -> None:
        pass
