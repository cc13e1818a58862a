"""Each backend's contract: `sample(problem, count, params)` yields up to `count` Candidates, indexed from 0, in
the languages of the params, and a backend that cannot work says why with a BackendError.

hf and native load tiny checkpoints made here; nothing is downloaded. The openai and vllm backends have their own
test files.
"""

from __future__ import annotations

import json

import pytest

from problems import BUNDLED_DIR, Language, Problem, Solution, load
from solver.backends import BackendError, SamplingParams, make_backend
from solver.backends.prompts import PromptBuilder, completion_code, extract_code
from solver.backends.replay import ReplayBackend


@pytest.fixture(scope="module")
def problem() -> Problem:
    return next(p for p in load(BUNDLED_DIR) if p.name == "Tallest Candles")


def check_contract(candidates, count, allowed, backend_name):
    assert len(candidates) == count
    assert sorted(c.index for c in candidates) == list(range(count))
    assert {c.language for c in candidates} <= set(allowed)
    assert all(isinstance(c.code, str) and c.backend == backend_name for c in candidates)


# ----------------------------------------------------------------------------------------------------- replay


def test_replay_from_the_problems_own_solutions(problem):
    candidates = list(ReplayBackend().sample(problem, 100))
    human = problem.solutions + problem.incorrect_solutions
    check_contract(candidates, len(human), ("python3", "cpp"), "replay")
    assert sorted(c.code for c in candidates) == sorted(s.code for s in human)
    correct = {s.code for s in problem.solutions}
    assert all(c.metadata["correct"] == (c.code in correct) for c in candidates)
    names = {Language.PYTHON3: "python3", Language.CPP: "cpp"}
    assert {(c.language, c.code) for c in candidates} == {(names[s.language], s.code) for s in human}


def test_replay_seed_shuffles_and_count_cuts(problem):
    backend = ReplayBackend()
    orders = {seed: [c.code for c in backend.sample(problem, 100, SamplingParams(seed=seed))] for seed in range(6)}
    assert orders[3] == [c.code for c in backend.sample(problem, 100, SamplingParams(seed=3))]  # a seed is one order
    assert len({tuple(order) for order in orders.values()}) > 1
    unshuffled = [c.code for c in ReplayBackend(shuffle=False).sample(problem, 100)]
    per_call = backend.sample(problem, 100, SamplingParams(seed=3, extra={"shuffle": False}))
    assert [c.code for c in per_call] == unshuffled  # the call's option wins over the backend's default
    assert unshuffled == [s.code for s in problem.solutions + problem.incorrect_solutions]
    two = list(backend.sample(problem, 2, SamplingParams(seed=3)))
    assert [c.index for c in two] == [0, 1] and [c.code for c in two] == orders[3][:2]


def test_replay_language_filter(problem):
    only_cpp = list(ReplayBackend().sample(problem, 100, SamplingParams(languages=["cpp"])))
    assert only_cpp and {c.language for c in only_cpp} == {"cpp"}
    assert [c.index for c in only_cpp] == list(range(len(only_cpp)))
    assert list(ReplayBackend().sample(problem, 100, SamplingParams(languages=["java"]))) == []
    with pytest.raises(BackendError, match="languages"):
        list(ReplayBackend().sample(problem, 1, SamplingParams(languages=["rust"])))


def test_replay_from_a_json_lines_file(problem, tmp_path):
    rows = [
        {"code": "print(1)\n", "language": "python3", "problem": problem.name, "temperature": 0.5},
        {"code": "int main(){}\n", "language": "c++"},
        {"code": "print(2)\n", "problem": "Another Problem"},
        {"code": "class Main {}\n", "language": "java", "correct": True},
    ]
    path = tmp_path / "candidates.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    candidates = list(make_backend("replay", str(path), shuffle=False).sample(problem, 10))
    check_contract(candidates, 3, ("python3", "cpp", "java"), "replay")
    assert [(c.language, c.code) for c in candidates] == [("python3", "print(1)\n"), ("cpp", "int main(){}\n"),
                                                         ("java", "class Main {}\n")]
    assert candidates[0].metadata == {"problem": problem.name, "temperature": 0.5, "shuffled": False}
    assert candidates[2].metadata == {"correct": True, "shuffled": False}
    only_cpp = ReplayBackend(path).sample(problem, 10, SamplingParams(languages=["cpp"]))
    assert [c.code for c in only_cpp] == ["int main(){}\n"]


@pytest.mark.parametrize("text, message", [
    ('{"code": "print(1)"}\nnot json\n', r":2: not JSON"),
    ('{"language": "python3"}\n', r":1: a row must be an object with a string \"code\""),
    ('["print(1)"]\n', r":1: a row must be an object"),
    ('{"code": 5}\n', r":1: a row must be an object"),
    ('{"code": "x", "language": "rust"}\n', r":1: unknown language 'rust'"),
])
def test_replay_bad_files(problem, tmp_path, text, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BackendError, match=message):
        list(ReplayBackend(path).sample(problem, 5))


def test_replay_missing_or_unreadable_file(problem, tmp_path):
    with pytest.raises(BackendError, match="no such file"):
        ReplayBackend(tmp_path / "missing.jsonl")
    with pytest.raises(BackendError, match="no such file"):
        ReplayBackend(tmp_path)  # a directory
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(BackendError, match="cannot read"):
        list(ReplayBackend(binary).sample(problem, 1))


def test_make_backend_names():
    with pytest.raises(BackendError, match="unknown backend 'nope'"):
        make_backend("nope")
    with pytest.raises(BackendError, match="needs --model"):
        make_backend("hf")


# ---------------------------------------------------------------------------------------------- prompts


def test_completion_code_cuts_at_the_closing_fence():
    prompt = PromptBuilder("completions").completion(Problem("p", "S"), "python3")
    assert completion_code(prompt, "print(1)\n```\nThat was the program.", "python3") == ("python3", "print(1)\n")
    assert completion_code(prompt, "print(2)\n", "python3") == ("python3", "print(2)\n")  # no closing fence
    # A prompt that opens no fence: the first fenced block of the completion, its language from the fence.
    assert completion_code("Solve it.\n", "Sure:\n```cpp\nint main(){}\n```\nDone", "python3") == \
        ("cpp", "int main(){}\n")
    assert completion_code("Solve it.", "x = 1\n", "python3") == ("python3", "x = 1\n")
    assert extract_code("```py\nprint(3)\n```", "cpp") == ("python3", "print(3)\n")
    # An answer that quotes an example in an untagged block first: the tagged block is the program.
    assert extract_code("Input:\n```\n1 2\n```\nCode:\n```cpp\nint main(){}\n```", "python3") == \
        ("cpp", "int main(){}\n")


# ----------------------------------------------------------------------------------------------------- openai


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    """Tiny models gain nothing from threads, and on a busy machine torch's spinning threads cost seconds."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    """A tiny SentencePiece tokenizer trained here on a few bundled statements and programs (a fraction of a
    second, where the shared fixture's standard-library corpus takes several)."""
    from solver.model.tokenizer import CodeTokenizer, train_tokenizer

    problems = list(load(BUNDLED_DIR))[:10]
    texts = [p.description for p in problems] + [s.code for p in problems for s in p.solutions]
    directory = tmp_path_factory.mktemp("tokenizer")
    train_tokenizer(texts, directory, vocab_size=400, threads=2)
    return CodeTokenizer(directory)


@pytest.fixture(scope="module")
def hf_checkpoints(tokenizer, tmp_path_factory):
    """A decoder-only (GPT-2 shaped) and an encoder-decoder (ours) checkpoint, tiny, with our tokenizer."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    from solver.model import AlphaCodeForConditionalGeneration, AlphaCodeTokenizer, preset

    wrapped = AlphaCodeTokenizer(str(tokenizer.model_file))
    torch.manual_seed(0)
    decoder_only = tmp_path_factory.mktemp("gpt2")
    GPT2LMHeadModel(GPT2Config(vocab_size=tokenizer.vocab_size, n_positions=64, n_embd=32, n_layer=1, n_head=2,
                               bos_token_id=wrapped.bos_token_id, eos_token_id=wrapped.eos_token_id,
                               pad_token_id=wrapped.pad_token_id)).save_pretrained(decoder_only)
    wrapped.save_pretrained(decoder_only)
    encoder_decoder = tmp_path_factory.mktemp("alphacode")
    AlphaCodeForConditionalGeneration(preset("tiny", vocab_size=tokenizer.vocab_size)).save_pretrained(encoder_decoder)
    wrapped.save_pretrained(encoder_decoder)
    return {"decoder-only": decoder_only, "encoder-decoder": encoder_decoder}


@pytest.mark.parametrize("kind", ["decoder-only", "encoder-decoder"])
def test_hf_backend_samples_from_a_local_checkpoint(hf_checkpoints, problem, kind):
    # The statement is far longer than either model reads (64 positions): the prompt is cut to fit.
    backend = make_backend("hf", str(hf_checkpoints[kind]), batch_size=2, device="cpu")
    params = SamplingParams(seed=1, languages=["python3", "cpp"], max_tokens=4)
    candidates = list(backend.sample(problem, 3, params))
    check_contract(candidates, 3, ("python3", "cpp"), "hf")
    assert [c.language for c in candidates] == ["python3", "python3", "cpp"]  # one language per batch, in turn
    assert candidates[0].metadata["model"] == str(hf_checkpoints[kind])
    assert candidates[0].metadata["api"] == "completions"  # no chat template
    again = list(backend.sample(problem, 3, params))
    assert [c.code for c in again] == [c.code for c in candidates]  # a seed is one set of samples
    assert list(backend.sample(problem, 0)) == []


def test_hf_backend_prompts_an_instruct_checkpoint_through_its_chat_template(problem, tmp_path):
    from tests.tiny_models import write_tiny_llama

    directory = write_tiny_llama(tmp_path / "instruct")
    backend = make_backend("hf", str(directory), batch_size=3, device="auto")
    assert backend.prompts.api == "chat" and backend.device.type in ("cpu", "cuda")
    prompt = backend._prompt(problem, "cpp")
    assert prompt.startswith("<s>system\n") and "<s>user\n" in prompt and prompt.endswith("<s>assistant\n")
    assert problem.description.strip()[:200] in prompt and "C++17" in prompt
    candidates = list(backend.sample(problem, 4, SamplingParams(seed=3, max_tokens=6, languages=["cpp"])))
    check_contract(candidates, 4, ("cpp",), "hf")
    assert {c.metadata["api"] for c in candidates} == {"chat"}
    assert {c.metadata["finish_reason"] for c in candidates} <= {"stop", "length"}
    completions = make_backend("hf", str(directory), api="completions")
    assert completions._prompt(problem, "cpp").endswith("```cpp\n")
    with pytest.raises(BackendError, match="top_p: must be in"):
        list(backend.sample(problem, 1, SamplingParams.build({"top_p": 2.0})))


def test_hf_backend_refuses_what_is_not_a_checkpoint(tmp_path):
    with pytest.raises(BackendError, match="not a local transformers checkpoint"):
        make_backend("hf", str(tmp_path))
    (tmp_path / "config.json").write_text('{"model_type": "no-such-architecture"}')
    with pytest.raises(BackendError, match="cannot load"):
        make_backend("hf", str(tmp_path))


@pytest.fixture(scope="module")
def native_checkpoint(tokenizer, tmp_path_factory):
    import torch

    from solver.model import AlphaCodeForConditionalGeneration, preset
    from solver.model.checkpoint import save_checkpoint

    torch.manual_seed(0)
    model = AlphaCodeForConditionalGeneration(preset("tiny", vocab_size=tokenizer.vocab_size, max_encoder_length=512,
                                                     max_decoder_length=16))
    return save_checkpoint(model, tokenizer, tmp_path_factory.mktemp("native"))


def test_native_backend_samples_the_requested_count(native_checkpoint, problem):
    backend = make_backend("native", str(native_checkpoint), batch_size=4, header_variants=2, device="cpu")
    candidates = list(backend.sample(problem, 6, SamplingParams(seed=2, languages=["python3", "cpp"], max_tokens=8)))
    check_contract(candidates, 6, ("python3", "cpp"), "native")
    assert all(isinstance(c.logprob, float) and c.metadata["tokens"] <= 8 for c in candidates)
    only_java = list(backend.sample(problem, 2, SamplingParams(seed=2, languages=["java"], max_tokens=8)))
    check_contract(only_java, 2, ("java",), "native")
    # The backend's own extras, per call: one header variant instead of the backend's two.
    one = list(backend.sample(problem, 4, SamplingParams(max_tokens=4, extra={"header_variants": 1})))
    assert len({(c.metadata["rating"], tuple(c.metadata["tags"])) for c in one}) == 1


def test_native_backend_draws_a_header_per_sample(native_checkpoint, problem):
    backend = make_backend("native", str(native_checkpoint), batch_size=4, header_variants="per-sample", device="cpu")
    per_sample = list(backend.sample(problem, 8, SamplingParams(seed=2, max_tokens=4)))
    check_contract(per_sample, 8, ("python3", "cpp"), "native")
    assert len({(c.language, tuple(c.metadata["tags"])) for c in per_sample}) > 4  # not 8 samples on a few headers
    # The option per call, against a backend built for variants: the same samples, whatever the batch size.
    other = make_backend("native", str(native_checkpoint), batch_size=3, device="cpu")
    again = other.sample(problem, 8, SamplingParams(seed=2, max_tokens=4, extra={"header_variants": "per-sample"}))
    key = lambda c: c.index  # noqa: E731
    assert [(c.language, c.code, c.metadata) for c in sorted(again, key=key)] == \
        [(c.language, c.code, c.metadata) for c in sorted(per_sample, key=key)]


def test_native_backend_errors(native_checkpoint, tmp_path, problem):
    with pytest.raises(BackendError, match="cannot load the native model"):
        make_backend("native", str(tmp_path))
    with pytest.raises(BackendError, match="options.header_variants"):
        list(make_backend("native", str(native_checkpoint)).sample(problem, 1, SamplingParams(
            extra={"header_variants": 0})))
    with pytest.raises(BackendError, match="options.header_variants: must be a whole number ≥ 1 or 'per-sample'"):
        list(make_backend("native", str(native_checkpoint)).sample(problem, 1, SamplingParams(
            extra={"header_variants": "each"})))
    with pytest.raises(BackendError, match="^header_variants: must be a whole number"):
        make_backend("native", str(native_checkpoint), header_variants="each")
    with pytest.raises(BackendError, match="options.shuffle: the native backend does not take"):
        list(make_backend("native", str(native_checkpoint)).sample(problem, 1, SamplingParams(
            extra={"shuffle": False})))
    with pytest.raises(BackendError, match="--device"):
        make_backend("native", str(native_checkpoint), device="tpu")


def test_a_problem_without_solutions_replays_nothing():
    bare = Problem("Bare", "Print 1.", solutions=(Solution(Language.UNKNOWN, "?"),))
    assert list(ReplayBackend().sample(bare, 5)) == []
