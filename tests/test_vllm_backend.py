"""The vllm backend: its logic against a stand-in for `vllm` (everywhere), and the real engine on a tiny random
Llama (only where vLLM and a CUDA device are present; skipped elsewhere)."""

from __future__ import annotations

import sys
import types
from collections import Counter
from types import SimpleNamespace

import pytest

from problems import BUNDLED_DIR, Problem, load
from solver.backends.errors import BackendError
from solver.backends.params import SamplingParams
from solver.backends.prompts import request_seed
from solver.backends.vllm import VLLMBackend, split_round
from tests.tiny_models import write_tiny_llama


@pytest.fixture(scope="module")
def problem() -> Problem:
    return next(p for p in load(BUNDLED_DIR) if p.name == "Podium Order")


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    return write_tiny_llama(tmp_path_factory.mktemp("vllm") / "tiny-llama")


class FakeSamplingParams:
    def __init__(self, **options) -> None:
        self.logprobs = None
        self.__dict__.update(options)


class FakeLLM:
    """`vllm.LLM` as far as the backend uses it: answers each request with `n` programs printing their seed."""

    def __init__(self, model: str, **settings) -> None:
        from transformers import AutoTokenizer

        self.model, self.settings, self.calls = model, settings, []
        self.tokenizer = AutoTokenizer.from_pretrained(model)

    def get_tokenizer(self):
        return self.tokenizer

    def generate(self, prompts, sampling_params, *, use_tqdm=True):
        assert len(prompts) == len(sampling_params) and not use_tqdm
        self.calls.append((prompts, sampling_params))
        outputs = []
        for prompt, params in zip(prompts, sampling_params):
            chat = isinstance(prompt, dict)
            ids = prompt["prompt_token_ids"] if chat else self.tokenizer.encode(prompt)
            programs = [f"print({params.seed + i})\n" for i in range(params.n)]
            texts = [f"Sure.\n```python\n{p}```\n" if chat else f"{p}```\nprose" for p in programs]
            completions = [SimpleNamespace(index=i, text=text, token_ids=[7] * (i + 1), finish_reason="length",
                                           cumulative_logprob=None if params.logprobs is None else -1.0 - i)
                           for i, text in enumerate(texts)]
            cached = 0 if len(self.calls) == 1 else len(ids) - 1
            outputs.append(SimpleNamespace(prompt_token_ids=ids, outputs=completions, num_cached_tokens=cached))
        return outputs


@pytest.fixture
def fake_vllm(monkeypatch):
    module = types.ModuleType("vllm")
    module.LLM, module.SamplingParams = FakeLLM, FakeSamplingParams
    monkeypatch.setitem(sys.modules, "vllm", module)
    return module


def test_chat_rounds_of_n_per_language(fake_vllm, checkpoint, problem):
    backend = VLLMBackend(checkpoint, batch_size=5, tensor_parallel_size=2, max_model_len=2048)
    assert backend.llm.settings == {"tensor_parallel_size": 2, "gpu_memory_utilization": 0.9,
                                    "max_model_len": 2048, "dtype": "auto", "enforce_eager": False,
                                    "enable_prefix_caching": True}
    candidates = list(backend.sample(problem, 12, SamplingParams(seed=4, max_tokens=64)))
    assert [c.index for c in candidates] == list(range(12))
    calls = backend.llm.calls
    # Rounds of at most 5, one request per language, the odd program going to each language in turn.
    assert [[p.n for p in params] for _, params in calls] == [[3, 2], [3, 2], [1, 1]]
    seeds = [p.seed for _, params in calls for p in params]
    assert seeds == [request_seed(4, i) for i in range(6)]
    first = calls[0][1][0]
    assert (first.temperature, first.top_p, first.max_tokens, first.logprobs) == (1.0, 0.95, 64, 0)
    assert not hasattr(first, "top_k") and not hasattr(first, "stop")  # unset: vLLM's own
    # The chat template's prompt as token ids, its one BOS written by the template and not added again.
    prompt = calls[0][0][0]["prompt_token_ids"]
    tokenizer = backend.tokenizer
    assert prompt[0] == tokenizer.bos_token_id and prompt[1] != tokenizer.bos_token_id
    text = tokenizer.decode(prompt)
    assert text.startswith("<s>system\n") and text.endswith("<s>assistant\n") and "Python 3" in text
    assert "C++17" in tokenizer.decode(calls[0][0][1]["prompt_token_ids"])
    # The program is the answer's fenced block; the rest of what vLLM says is kept.
    assert candidates[0].code == f"print({seeds[0]})\n" and candidates[1].code == f"print({seeds[0] + 1})\n"
    assert [c.logprob for c in candidates[:4]] == [-1.0, -2.0, -3.0, -1.0]
    assert candidates[0].metadata == {"model": str(checkpoint), "api": "chat", "seed": seeds[0],
                                      "finish_reason": "length", "choices_in_request": 3, "tokens": 1,
                                      "usage": {"prompt_tokens": len(prompt), "completion_tokens": 6,
                                                "cached_prompt_tokens": 0}}
    assert candidates[5].metadata["usage"]["cached_prompt_tokens"] > 0  # the second round found its prompt


def test_completions_prompt_and_options(fake_vllm, checkpoint, problem):
    backend = VLLMBackend(checkpoint, api="completions", logprobs=False)
    params = SamplingParams(top_k=40, stop=("#",), languages=("cpp",), extra={"min_p": 0.1,
                                                                             "repetition_penalty": 1.1})
    candidates = list(backend.sample(problem, 3, params))
    prompts, sampling = backend.llm.calls[0]
    assert prompts[0].endswith("```cpp\n") and problem.description.strip() in prompts[0]
    assert sampling[0].n == 3 and sampling[0].top_k == 40 and sampling[0].stop == ["#", "```"]
    assert (sampling[0].min_p, sampling[0].repetition_penalty, sampling[0].logprobs) == (0.1, 1.1, None)
    assert [(c.language, c.code) for c in candidates] == [("cpp", f"print({sampling[0].seed + i})\n")
                                                         for i in range(3)]
    assert all(c.logprob is None and c.metadata["api"] == "completions" for c in candidates)
    with pytest.raises(BackendError, match="options.logit_bias: the vllm backend does not take this option"):
        list(backend.sample(problem, 1, SamplingParams(extra={"logit_bias": {}})))


def test_a_tokenizer_without_a_chat_template(fake_vllm, checkpoint, problem, tmp_path):
    import shutil

    bare = tmp_path / "bare"
    shutil.copytree(checkpoint, bare)
    (bare / "chat_template.jinja").unlink(missing_ok=True)
    backend = VLLMBackend(bare)
    if backend.tokenizer.chat_template:  # an older transformers keeps it in tokenizer_config.json
        pytest.skip("this transformers stores the chat template elsewhere")
    assert backend.prompts.api == "completions"  # the completion prompt instead
    assert list(backend.sample(problem, 1))[0].metadata["api"] == "completions"
    with pytest.raises(BackendError, match="no chat template"):
        VLLMBackend(bare, template="### user\n{statement}")


def test_configuration_errors(fake_vllm, checkpoint, tmp_path, monkeypatch):
    with pytest.raises(BackendError, match="not a local checkpoint directory"):
        VLLMBackend(tmp_path)
    with pytest.raises(BackendError, match="batch_size"):
        VLLMBackend(checkpoint, batch_size=0)
    with pytest.raises(BackendError, match=r"unknown field \{title\}"):
        VLLMBackend(checkpoint, template="{title}")
    monkeypatch.setitem(sys.modules, "vllm", None)  # as where it is not installed
    with pytest.raises(BackendError, match=r"pip install '\.\[vllm\]'"):
        VLLMBackend(checkpoint)


def test_split_round():
    assert split_round(5, ("python3", "cpp"), 0) == [("python3", 3), ("cpp", 2)]
    assert split_round(5, ("python3", "cpp"), 1) == [("cpp", 3), ("python3", 2)]
    assert split_round(1, ("python3", "cpp", "java"), 2) == [("java", 1)]
    assert split_round(7, ("cpp",), 3) == [("cpp", 7)]


# ------------------------------------------------------------------------------------------------ on a GPU


def test_a_thousand_programs_from_a_real_engine(tmp_path, problem):
    pytest.importorskip("vllm")
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("vLLM needs a CUDA device")
    # Heads of 64 dimensions: vLLM's attention kernels take no smaller.
    model = write_tiny_llama(tmp_path / "tiny-llama", hidden_size=128, heads=2)
    backend = VLLMBackend(model, gpu_memory_utilization=0.3, max_model_len=4096, enforce_eager=True,
                          batch_size=250)
    try:
        candidates = list(backend.sample(problem, 1000, SamplingParams(max_tokens=48, seed=1)))
    finally:
        backend.close()
    assert [c.index for c in candidates] == list(range(1000))
    assert all(c.metadata["finish_reason"] in ("stop", "length") and c.metadata["tokens"] <= 48
               for c in candidates)
    assert all(isinstance(c.logprob, float) and c.logprob <= 0 for c in candidates)
    assert Counter(c.metadata["seed"] for c in candidates).most_common(1)[0][1] <= 125  # requests of n ≤ 125
    usage = [c.metadata["usage"] for c in candidates]
    assert all(u["prompt_tokens"] > len(problem.description) for u in usage)  # a character-level tokenizer
    if "cached_prompt_tokens" in usage[-1]:  # the last round read its statement from the prefix cache
        assert usage[-1]["cached_prompt_tokens"] > 0
    assert len({c.code for c in candidates}) > 1
