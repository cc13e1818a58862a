"""Any local transformers checkpoint: encoder-decoder (AutoModelForSeq2SeqLM) or decoder-only
(AutoModelForCausalLM), sampled through `model.generate` with a prompt template. Nothing is downloaded: the
checkpoint must be a directory on disk (a code model the user fetched, or one of ours)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from problems.model import Problem
from solver.backends.base import PROMPT_TEMPLATE, BackendError, check_languages, completion_code, render_prompt
from solver.pipeline.records import Candidate


class HFBackend:
    name = "hf"

    def __init__(self, model: str | Path, *, template: str = PROMPT_TEMPLATE, temperature: float = 0.8,
                 top_p: float = 0.95, max_new_tokens: int = 512, batch_size: int = 8,
                 device: str = "cpu") -> None:
        import torch
        from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

        import solver.model  # noqa: F401  (registers our own architecture with the Auto classes)

        self.directory = Path(model)
        if not (self.directory / "config.json").is_file():
            raise BackendError(f"hf backend: {self.directory} is not a local transformers checkpoint "
                               "(no config.json); nothing is downloaded at run time")
        try:
            config = AutoConfig.from_pretrained(self.directory, local_files_only=True)
            auto = AutoModelForSeq2SeqLM if config.is_encoder_decoder else AutoModelForCausalLM
            self.model = auto.from_pretrained(self.directory, local_files_only=True, dtype=torch.float32)
            self.tokenizer = AutoTokenizer.from_pretrained(self.directory, local_files_only=True)
        except (OSError, ValueError, KeyError) as error:
            raise BackendError(f"hf backend: cannot load {self.directory}: {error}") from None
        self.model.to(device).eval()
        self.device = device
        self.encoder_decoder = bool(config.is_encoder_decoder)
        self.template = template
        self.temperature, self.top_p = temperature, top_p
        self.batch_size = batch_size
        self.input_limit, self.max_new_tokens = _context(config, self.encoder_decoder, max_new_tokens)
        # A statement longer than the model reads is cut: a decoder-only model keeps the prompt's end (where the
        # code fence opens), an encoder keeps the statement's beginning.
        self.tokenizer.truncation_side = "right" if self.encoder_decoder else "left"
        if self.tokenizer.pad_token_id is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token

    def sample(self, problem: Problem, count: int, *, seed: int = 0,
               languages: Sequence[str] | None = None) -> Iterator[Candidate]:
        import torch

        chosen = check_languages(languages, ("python3",))
        index = 0
        batch_number = 0
        while index < count:
            language = chosen[batch_number % len(chosen)]
            prompt = render_prompt(self.template, problem.description, language)
            size = min(self.batch_size, count - index)
            inputs = self.tokenizer([prompt], return_tensors="pt", truncation=self.input_limit is not None,
                                    max_length=self.input_limit).to(self.device)
            torch.manual_seed(seed * 1_000_003 + batch_number)
            with torch.no_grad():
                output = self.model.generate(
                    **inputs, do_sample=True, temperature=self.temperature, top_p=self.top_p,
                    max_new_tokens=self.max_new_tokens, num_return_sequences=size,
                    pad_token_id=self.tokenizer.pad_token_id,
                )
            if not self.encoder_decoder:
                output = output[:, inputs["input_ids"].shape[1]:]  # a decoder-only model repeats the prompt
            for text in self.tokenizer.batch_decode(output, skip_special_tokens=True):
                code_language, code = completion_code(prompt, text, language)
                yield Candidate(index, code_language, code, self.name, None, {"model": str(self.directory)})
                index += 1
            batch_number += 1

    def close(self) -> None:
        pass


def _context(config, encoder_decoder: bool, max_new_tokens: int) -> tuple[int | None, int]:
    """(most prompt tokens, most new tokens) that fit the model's positions; None where it states no limit."""
    positions = getattr(config, "max_position_embeddings", None) or getattr(config, "n_positions", None)
    if encoder_decoder:
        source = getattr(config, "max_encoder_length", None) or positions
        target = getattr(config, "max_decoder_length", None)
        return source, min(max_new_tokens, target - 1) if target else max_new_tokens
    if not positions:
        return None, max_new_tokens
    new = min(max_new_tokens, positions // 2)
    return positions - new, new
