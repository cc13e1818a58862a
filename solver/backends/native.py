"""Our own model and its batched sampler (solver.model), AlphaCode-style random metadata headers included."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from problems.model import Problem
from solver.backends.base import cut_at_stop, prepare
from solver.backends.errors import BackendError
from solver.backends.params import SamplingParams
from solver.pipeline.records import Candidate


class NativeBackend:
    name = "native"
    # temperature 1.3 and top-p off: chosen for the shipped checkpoint by measurement (its model card: at 0.8 its
    # samples repeat, 15% distinct at 1,000 per problem; at 1.3 half are distinct and pass@100 holds).
    defaults = SamplingParams(temperature=1.3, top_p=1.0, top_k=0, languages=("python3", "cpp"))
    # Beyond the common options, what our sampler adds: the batch it decodes at once, and how many distinct random
    # headers (each one encoder pass) a problem's samples are spread over: a whole number, or "per-sample" for a
    # header drawn for each sample as AlphaCode did (see solver.model.sampler.SamplingConfig.header_variants).
    options = ("temperature", "top_p", "top_k", "max_tokens", "stop", "batch_size", "header_variants")

    def __init__(self, model: str | Path | None = None, *, device: str = "auto", batch_size: int = 64,
                 header_variants: int | str = 8, threads: int | None = None) -> None:
        import torch

        from solver.model.checkpoint import DEFAULT_CHECKPOINT, CheckpointError, load_checkpoint, resolve_device
        from solver.model.sampler import Sampler, SamplingConfig, header_variants_option

        try:
            SamplingConfig(batch_size=batch_size, header_variants=header_variants_option(header_variants))
        except ValueError as error:
            raise BackendError(str(error).replace("SamplingConfig.", "")) from None
        self.directory = Path(model) if model else DEFAULT_CHECKPOINT
        try:
            self.device = resolve_device(device)
            loaded, tokenizer = load_checkpoint(self.directory, device=self.device)
        except ValueError as error:
            raise BackendError(f"--device: {error}") from None
        except (CheckpointError, OSError) as error:
            raise BackendError(f"cannot load the native model: {error}") from None
        if self.device.type == "cpu":
            # Sampling shares the machine with the sandbox's workers, which judge candidates while later ones are
            # sampled: by default it takes half the cores (on 2 cores, one thread: a 1,000-sample solve went from
            # 63 s with torch's default of two threads to 43 s, see bench/solve.py).
            torch.set_num_threads(threads or max(1, (os.cpu_count() or 2) // 2))
        self.sampler = Sampler(loaded, tokenizer)
        self.defaults = replace(NativeBackend.defaults,
                                extra={"batch_size": batch_size, "header_variants": header_variants})

    def sample(self, problem: Problem, count: int, params: SamplingParams | None = None) -> Iterator[Candidate]:
        from solver.model.metadata import HeaderPolicy
        from solver.model.sampler import SamplingConfig, header_variants_option

        params = prepare(self, params)
        # The rating in the header is the problem's when known (AlphaCode conditioned on it), else drawn at random.
        rating = (problem.cf_rating, problem.cf_rating) if problem.cf_rating else (800, 3500)
        policy = HeaderPolicy(languages={lang: 1.0 for lang in params.languages}, rating_range=rating)
        try:
            config = SamplingConfig(seed=params.seed, policy=policy, temperature=params.temperature,
                                    top_k=params.top_k, top_p=params.top_p, max_new_tokens=params.max_tokens,
                                    batch_size=params.extra["batch_size"],
                                    header_variants=header_variants_option(params.extra["header_variants"]))
        except ValueError as error:
            raise BackendError(str(error).replace("SamplingConfig.", "options.")) from None
        for sample in self.sampler.sample(problem.description, count, config):
            header = sample.header
            code = cut_at_stop(sample.text, params.stop)
            yield Candidate(sample.index, header.language, code, self.name, sample.logprob,
                            {"rating": header.rating, "tags": list(header.tags), "finished": sample.finished,
                             "tokens": len(sample.token_ids)})

    def close(self) -> None:
        pass

