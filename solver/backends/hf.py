"""Any local transformers checkpoint: encoder-decoder (AutoModelForSeq2SeqLM) or decoder-only
(AutoModelForCausalLM), sampled through `model.generate`. An instruct checkpoint whose tokenizer has a chat
template is prompted through it (`apply_chat_template`, with the same system and user messages the openai backend
sends); any other through a completion prompt that opens a code fence. Nothing is downloaded: the checkpoint must
be a directory on disk (a code model the user fetched, or one of ours)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from problems.model import Problem
from solver.backends.base import cut_at_stop, prepare
from solver.backends.errors import BackendError
from solver.backends.params import SamplingParams
from solver.backends.prompts import PromptBuilder
from solver.pipeline.records import Candidate


class HFBackend:
    name = "hf"
    options = ("temperature", "top_p", "top_k", "max_tokens", "stop")
    defaults = SamplingParams(temperature=0.8, top_p=0.95, top_k=0, max_tokens=512, languages=("python3",))

    def __init__(self, model: str | Path, *, template: str | None = None, api: str = "auto", batch_size: int = 8,
                 device: str = "auto") -> None:
        from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

        import solver.model  # noqa: F401  (registers our own architecture with the Auto classes)
        from solver.model.checkpoint import default_dtype, resolve_device

        self.directory = Path(model)
        if not (self.directory / "config.json").is_file():
            raise BackendError(f"hf backend: {self.directory} is not a local transformers checkpoint "
                               "(no config.json); nothing is downloaded at run time")
        if batch_size < 1:
            raise BackendError(f"hf backend: batch_size must be ≥ 1, got {batch_size}")
        try:
            self.device = resolve_device(device)
        except ValueError as error:
            raise BackendError(f"--device: {error}") from None
        try:
            config = AutoConfig.from_pretrained(self.directory, local_files_only=True)
            auto = AutoModelForSeq2SeqLM if config.is_encoder_decoder else AutoModelForCausalLM
            self.model = auto.from_pretrained(self.directory, local_files_only=True,
                                              dtype=default_dtype(self.device))
            self.tokenizer = AutoTokenizer.from_pretrained(self.directory, local_files_only=True)
        except (OSError, ValueError, KeyError) as error:
            raise BackendError(f"hf backend: cannot load {self.directory}: {error}") from None
        self.model.to(self.device).eval()
        self.encoder_decoder = bool(config.is_encoder_decoder)
        has_chat = bool(getattr(self.tokenizer, "chat_template", None))
        if api == "auto":
            api = "chat" if has_chat and not self.encoder_decoder else "completions"
        elif api == "chat" and not has_chat:
            raise BackendError(f"hf backend: {self.directory}'s tokenizer has no chat template; use the "
                               "completions prompt")
        self.prompts = PromptBuilder(api, template)
        self.batch_size = batch_size
        self.input_limit, self.new_limit = _context(config, self.encoder_decoder)
        # A statement longer than the model reads is cut: a decoder-only model keeps the prompt's end (where the
        # answer starts), an encoder keeps the statement's beginning.
        self.tokenizer.truncation_side = "right" if self.encoder_decoder else "left"
        if self.tokenizer.pad_token_id is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token

    def _prompt(self, problem: Problem, language: str) -> str:
        if self.prompts.api == "chat":
            return self.tokenizer.apply_chat_template(self.prompts.messages(problem, language), tokenize=False,
                                                      add_generation_prompt=True)
        return self.prompts.completion(problem, language)

    def sample(self, problem: Problem, count: int, params: SamplingParams | None = None) -> Iterator[Candidate]:
        import torch

        params = prepare(self, params)
        max_new = min(params.max_tokens, self.new_limit) if self.new_limit else params.max_tokens
        index = 0
        batch_number = 0
        while index < count:
            language = params.languages[batch_number % len(params.languages)]
            prompt = self._prompt(problem, language)
            size = min(self.batch_size, count - index)
            limit = self.input_limit - max_new if self.input_limit and not self.encoder_decoder else self.input_limit
            inputs = self.tokenizer([prompt], return_tensors="pt", truncation=limit is not None, max_length=limit,
                                    add_special_tokens=self.prompts.api != "chat").to(self.device)
            generator_seed = params.seed * 1_000_003 + batch_number
            torch.manual_seed(generator_seed)
            with torch.no_grad():
                output = self.model.generate(
                    **inputs, do_sample=True, temperature=params.temperature, top_p=params.top_p,
                    top_k=params.top_k or None, max_new_tokens=max_new, num_return_sequences=size,
                    pad_token_id=self.tokenizer.pad_token_id,
                    stop_strings=list(params.stop) or None, tokenizer=self.tokenizer if params.stop else None,
                )
            if not self.encoder_decoder:
                output = output[:, inputs["input_ids"].shape[1]:]  # a decoder-only model repeats the prompt
            ends = (output == self.tokenizer.eos_token_id).any(dim=1).tolist()
            for text, ended in zip(self.tokenizer.batch_decode(output, skip_special_tokens=True), ends):
                code_language, code = self.prompts.code(cut_at_stop(text, params.stop), language,
                                                        prompt if self.prompts.api == "completions" else "")
                yield Candidate(index, code_language, code, self.name, None,
                                {"model": str(self.directory), "api": self.prompts.api,
                                 "finish_reason": "stop" if ended else "length"})
                index += 1
            batch_number += 1

    def close(self) -> None:
        pass


def _context(config, encoder_decoder: bool) -> tuple[int | None, int | None]:
    """(most prompt tokens, most new tokens) the model's positions allow; None where it states no limit. A
    decoder-only model's prompt and answer share its positions."""
    positions = getattr(config, "max_position_embeddings", None) or getattr(config, "n_positions", None)
    if encoder_decoder:
        source = getattr(config, "max_encoder_length", None) or positions
        target = getattr(config, "max_decoder_length", None)
        return source, target - 1 if target else None
    if not positions:
        return None, None
    return positions, positions // 2
