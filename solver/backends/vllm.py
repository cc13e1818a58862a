"""A vLLM engine in this process (`vllm.LLM`): thousands of programs from an open model on one or more GPUs.

The engine runs with prefix caching, and each language's prompt goes in one request of `n` samples, so a
statement is read once for all its samples (and once more only if the cache let it go). A call is sampled in
rounds of at most `batch_size` programs (one `LLM.generate` each, the languages sharing it), so that the pipeline
judges a round's programs while the next is written, and a consumer that stops waits for one round at most.

Prompts are those of the openai backend (`solver.backends.prompts`): with `api="chat"`, the messages through the
tokenizer's chat template (`apply_chat_template(..., add_generation_prompt=True)`) when it has one, else the
completion prompt; the program is taken from the answer as there. Each candidate records its finish reason, its
request's token counts (`usage`, with the prompt tokens the cache served where vLLM says), its own token count and,
with `logprobs=True` (the default), its cumulative log-probability as vLLM reports it.

vLLM needs a CUDA GPU and its own build of torch: `pip install '.[vllm]'` on such a machine. Nothing is
downloaded at run time: the model is a local checkpoint directory.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from problems.model import Problem
from solver.backends.base import prepare
from solver.backends.errors import BackendError
from solver.backends.params import SamplingParams
from solver.backends.prompts import PromptBuilder, request_seed
from solver.pipeline.records import Candidate

# vLLM's own sampling options a call may set, beyond the common ones.
ENGINE_OPTIONS = ("frequency_penalty", "presence_penalty", "repetition_penalty", "min_p")


class VLLMBackend:
    name = "vllm"
    options = ("temperature", "top_p", "top_k", "max_tokens", "stop", *ENGINE_OPTIONS)
    defaults = SamplingParams(temperature=1.0, top_p=0.95, top_k=0, max_tokens=1024, languages=("python3", "cpp"))

    def __init__(self, model: str | Path, *, api: str = "chat", template: str | None = None,
                 tensor_parallel_size: int = 1, gpu_memory_utilization: float = 0.9, max_model_len: int | None = None,
                 batch_size: int = 256, dtype: str = "auto", enforce_eager: bool = False,
                 logprobs: bool = True) -> None:
        """`model`: a local checkpoint directory. `api`, `template`: as the openai backend's. The engine's
        settings: `tensor_parallel_size` (GPUs), `gpu_memory_utilization` (the share of GPU memory it takes),
        `max_model_len` (None: the model's), `dtype`, `enforce_eager` (no CUDA graphs: a faster start, slower
        sampling). `batch_size`: programs per round. `logprobs`: ask for each program's log-probability."""
        self.directory = Path(model)
        if not (self.directory / "config.json").is_file():
            raise BackendError(f"vllm backend: {self.directory} is not a local checkpoint directory (no "
                               "config.json); nothing is downloaded at run time")
        if batch_size < 1 or tensor_parallel_size < 1 or not 0 < gpu_memory_utilization <= 1:
            raise BackendError("vllm backend: batch_size and tensor_parallel_size must be ≥ 1 and "
                               f"gpu_memory_utilization in (0, 1], got {batch_size}, {tensor_parallel_size} and "
                               f"{gpu_memory_utilization}")
        self.prompts = PromptBuilder(api, template)  # a bad template fails before the engine loads
        try:
            import vllm
        except ImportError:
            raise BackendError("the vllm backend needs vLLM and a CUDA GPU: pip install '.[vllm]'") from None
        try:
            self.llm = vllm.LLM(model=str(self.directory), tensor_parallel_size=tensor_parallel_size,
                                gpu_memory_utilization=gpu_memory_utilization, max_model_len=max_model_len,
                                dtype=dtype, enforce_eager=enforce_eager, enable_prefix_caching=True)
        except (OSError, ValueError, RuntimeError) as error:
            raise BackendError(f"vllm backend: cannot start an engine on {self.directory}: {error}") from None
        self.tokenizer = self.llm.get_tokenizer()
        if api == "chat" and not getattr(self.tokenizer, "chat_template", None):
            if template is not None:
                raise BackendError(f"vllm backend: {self.directory}'s tokenizer has no chat template, so a chat "
                                   "template cannot be used; use --api completions with a completion template")
            self.prompts = PromptBuilder("completions")
        self.batch_size, self.logprobs = batch_size, logprobs
        self._vllm = vllm
        self._lock = threading.Lock()  # one generate at a time: concurrent solves take turns by rounds

    def _prompt(self, problem: Problem, language: str) -> tuple[Any, str]:
        """(what the engine reads, the completion prompt or "" for a chat answer)."""
        if self.prompts.api == "completions":
            prompt = self.prompts.completion(problem, language)
            return prompt, prompt
        text = self.tokenizer.apply_chat_template(self.prompts.messages(problem, language), tokenize=False,
                                                  add_generation_prompt=True)
        # Token ids, not text: the template already wrote the special tokens it wants (a BOS most often), which
        # the engine would otherwise add a second time.
        return {"prompt_token_ids": self.tokenizer.encode(text, add_special_tokens=False)}, ""

    def _sampling(self, params: SamplingParams, n: int, seed: int, prompt: str) -> Any:
        options: dict[str, Any] = {"n": n, "temperature": params.temperature, "top_p": params.top_p,
                                   "max_tokens": params.max_tokens, "seed": seed}
        if params.top_k:  # 0 is off (older vLLM spells off -1, newer both: not sending it works with either)
            options["top_k"] = params.top_k
        stop = [*params.stop, *(s for s in self.prompts.stop(prompt) if s not in params.stop)]
        if stop:
            options["stop"] = stop
        if self.logprobs:
            options["logprobs"] = 0  # the sampled token's own log-probability, which makes the cumulative one
        options.update({name: params.extra[name] for name in ENGINE_OPTIONS if params.extra.get(name) is not None})
        try:
            return self._vllm.SamplingParams(**options)
        except (ValueError, TypeError) as error:
            raise BackendError(f"vllm backend: {error}") from None

    def sample(self, problem: Problem, count: int, params: SamplingParams | None = None) -> Iterator[Candidate]:
        params = prepare(self, params)
        prompts = {language: self._prompt(problem, language) for language in params.languages}
        index = number = rounds = 0
        while index < count:
            requests = split_round(min(self.batch_size, count - index), params.languages, rounds)
            seeds = [request_seed(params.seed, number + i) for i in range(len(requests))]
            sampling = [self._sampling(params, n, seed, prompts[language][1])
                        for (language, n), seed in zip(requests, seeds)]
            if self.llm is None:
                raise BackendError("vllm backend: closed")
            try:
                with self._lock:
                    outputs = self.llm.generate([prompts[language][0] for language, _ in requests], sampling,
                                                use_tqdm=False)
            except ValueError as error:  # a prompt longer than the model's context, for one
                raise BackendError(f"vllm backend: {error}") from None
            for (language, _), seed, output in zip(requests, seeds, outputs):
                usage = {"prompt_tokens": len(output.prompt_token_ids or ()),
                         "completion_tokens": sum(len(c.token_ids) for c in output.outputs)}
                if getattr(output, "num_cached_tokens", None) is not None:
                    usage["cached_prompt_tokens"] = output.num_cached_tokens
                for completion in output.outputs:
                    code_language, code = self.prompts.code(completion.text, language, prompts[language][1])
                    yield Candidate(index, code_language, code, self.name, completion.cumulative_logprob,
                                    {"model": str(self.directory), "api": self.prompts.api, "seed": seed,
                                     "finish_reason": completion.finish_reason, "usage": usage,
                                     "choices_in_request": len(output.outputs), "tokens": len(completion.token_ids)})
                    index += 1
                    if index == count:
                        return
            number += len(requests)
            rounds += 1

    def close(self) -> None:
        """Stop the engine and let its GPU memory go (best effort: vLLM has no one way to do it in every
        version)."""
        llm, self.llm = self.llm, None
        shutdown = getattr(getattr(getattr(llm, "llm_engine", None), "engine_core", None), "shutdown", None)
        if callable(shutdown):
            shutdown()


def split_round(size: int, languages: Sequence[str], rounds: int) -> list[tuple[str, int]]:
    """A round of `size` programs as one request per language, (language, n): shares as equal as they can be,
    the odd ones going to the languages in turn, round by round."""
    k = len(languages)
    order = [languages[(rounds + i) % k] for i in range(k)]
    shares = [(language, size // k + (i < size % k)) for i, language in enumerate(order)]
    return [(language, n) for language, n in shares if n > 0]
