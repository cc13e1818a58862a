"""Each backend's contract: `sample(problem, count, seed=, languages=)` yields up to `count` Candidates, indexed from
0, in the allowed languages, and a backend that cannot work says why with a BackendError.

The openai backend talks to a real HTTP server started here on 127.0.0.1 that speaks the completions protocol;
hf and native load tiny checkpoints made here; nothing is downloaded.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from problems import BUNDLED_DIR, Language, Problem, Solution, load
from solver.backends import BackendError, make_backend
from solver.backends.base import PROMPT_TEMPLATE, completion_code, extract_code, render_prompt
from solver.backends.openai import OpenAIBackend
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
    orders = {seed: [c.code for c in backend.sample(problem, 100, seed=seed)] for seed in range(6)}
    assert orders[3] == [c.code for c in backend.sample(problem, 100, seed=3)]  # a seed is one order
    assert len({tuple(order) for order in orders.values()}) > 1
    unshuffled = [c.code for c in ReplayBackend(shuffle=False).sample(problem, 100)]
    assert unshuffled == [s.code for s in problem.solutions + problem.incorrect_solutions]
    two = list(backend.sample(problem, 2, seed=3))
    assert [c.index for c in two] == [0, 1] and [c.code for c in two] == orders[3][:2]


def test_replay_language_filter(problem):
    only_cpp = list(ReplayBackend().sample(problem, 100, languages=["cpp"]))
    assert only_cpp and {c.language for c in only_cpp} == {"cpp"}
    assert [c.index for c in only_cpp] == list(range(len(only_cpp)))
    assert list(ReplayBackend().sample(problem, 100, languages=["java"])) == []
    with pytest.raises(BackendError, match="languages"):
        list(ReplayBackend().sample(problem, 1, languages=["rust"]))


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
    assert candidates[0].metadata == {"problem": problem.name, "temperature": 0.5}
    assert candidates[2].metadata == {"correct": True}
    assert [c.code for c in ReplayBackend(path).sample(problem, 10, languages=["cpp"])] == ["int main(){}\n"]


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


def test_prompt_template_rendering():
    prompt = render_prompt(PROMPT_TEMPLATE, "Add two numbers.", "cpp")
    assert "Add two numbers." in prompt and "C++17" in prompt and prompt.endswith("```cpp\n")
    fields = render_prompt("{language}|{language_name}|{fence}|{statement}", "S", "python3")
    assert fields == "python3|Python 3|python|S"
    assert render_prompt("Braces {{}} stay: {statement}", "S", "java") == "Braces {} stay: S"
    with pytest.raises(BackendError, match="unknown field 'title'"):
        render_prompt("{title}", "S", "cpp")
    with pytest.raises(BackendError, match="literal brace"):
        render_prompt("int main() { {statement}", "S", "cpp")


def test_completion_code_cuts_at_the_closing_fence():
    prompt = render_prompt(PROMPT_TEMPLATE, "S", "python3")
    assert completion_code(prompt, "print(1)\n```\nThat was the program.", "python3") == ("python3", "print(1)\n")
    assert completion_code(prompt, "print(2)\n", "python3") == ("python3", "print(2)\n")  # no closing fence
    # A prompt that opens no fence: the first fenced block of the completion, its language from the fence.
    assert completion_code("Solve it.\n", "Sure:\n```cpp\nint main(){}\n```\nDone", "python3") == \
        ("cpp", "int main(){}\n")
    assert completion_code("Solve it.", "x = 1\n", "python3") == ("python3", "x = 1\n")
    assert extract_code("```py\nprint(3)\n```", "cpp") == ("python3", "print(3)\n")


# ----------------------------------------------------------------------------------------------------- openai


class CompletionServer:
    """A small OpenAI-compatible server: POST /v1/completions answers `n` choices, after any scripted failures."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.failures: list[tuple[int, dict, str]] = []  # (status, headers, body) answered first, in order
        self.delay = 0.0
        self.raw: bytes | None = None  # answer these bytes (status 200) instead of JSON
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    server.requests.append(body)
                    server.headers.append(dict(self.headers))
                    number = len(server.requests) - 1
                    failure = server.failures.pop(0) if server.failures else None
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                try:
                    time.sleep(server.delay)
                    if self.path != "/v1/completions":
                        failure = (404, {}, '{"error": "not found"}')
                    if failure is not None:
                        status, headers, text = failure
                        self.send_response(status)
                        for name, value in headers.items():
                            self.send_header(name, value)
                        data = text.encode()
                    else:
                        self.send_response(200)
                        choices = [{"text": f"print({number}, {i})\n```\nexplanation", "index": i,
                                    "finish_reason": "stop"} for i in range(body["n"])]
                        data = server.raw if server.raw is not None else json.dumps({"choices": choices}).encode()
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                finally:
                    with server.lock:
                        server.in_flight -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(monkeypatch):
    for name in ("OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    running = CompletionServer()
    yield running
    running.close()


def test_openai_splits_count_into_requests_of_n(server, problem):
    backend = make_backend("openai", "tiny-coder", base_url=server.url, n=4, concurrency=1, api_key="secret",
                           temperature=0.3)
    candidates = list(backend.sample(problem, 10, seed=7, languages=["python3", "cpp"]))
    check_contract(candidates, 10, ("python3", "cpp"), "openai")
    assert [r["n"] for r in server.requests] == [4, 4, 2]
    assert all(r["model"] == "tiny-coder" and r["temperature"] == 0.3 for r in server.requests)
    assert len({r["seed"] for r in server.requests}) == 3
    assert [r["prompt"][-10:].split("```")[-1] for r in server.requests] == ["python\n", "cpp\n", "python\n"]
    assert all(problem.description in r["prompt"] for r in server.requests)
    assert all(h["Authorization"] == "Bearer secret" for h in server.headers)
    # Each choice's text up to the closing fence is the program; languages follow the requests.
    assert [(c.language, c.code) for c in candidates[:5]] == [
        ("python3", "print(0, 0)\n"), ("python3", "print(0, 1)\n"), ("python3", "print(0, 2)\n"),
        ("python3", "print(0, 3)\n"), ("cpp", "print(1, 0)\n")]
    assert candidates[0].metadata == {"model": "tiny-coder", "finish_reason": "stop"}


def test_openai_requests_run_concurrently(server, problem):
    server.delay = 0.3
    backend = OpenAIBackend("m", base_url=server.url, n=1, concurrency=3)
    started = time.monotonic()
    candidates = list(backend.sample(problem, 6))
    took = time.monotonic() - started
    check_contract(candidates, 6, ("python3", "cpp"), "openai")
    assert server.most_in_flight == 3
    assert took < 6 * 0.3 * 0.75  # two waves of three, not six requests one after another


def test_openai_retries_with_backoff_then_succeeds(server, problem):
    server.failures = [(429, {}, '{"error": "slow down"}'), (503, {}, "overloaded"),
                       (503, {"Retry-After": "0.3"}, "overloaded")]
    backend = OpenAIBackend("m", base_url=server.url, n=2, retries=3, backoff=0.05)
    started = time.monotonic()
    candidates = list(backend.sample(problem, 2))
    took = time.monotonic() - started
    assert len(candidates) == 2 and len(server.requests) == 4
    assert took >= 0.05 + 0.1 + 0.3  # 0.05 and 0.1 of backoff, then the server's own Retry-After


def test_openai_gives_up_after_the_retries(server, problem):
    server.failures = [(503, {}, "still overloaded")] * 3
    backend = OpenAIBackend("m", base_url=server.url, retries=2, backoff=0.01)
    with pytest.raises(BackendError, match="answered 503: still overloaded"):
        list(backend.sample(problem, 1))
    assert len(server.requests) == 3


def test_openai_a_bad_request_is_a_clear_error_at_once(server, problem):
    server.failures = [(400, {}, '{"error": {"message": "model m does not exist"}}')]
    backend = OpenAIBackend("m", base_url=server.url, retries=3, backoff=0.01)
    with pytest.raises(BackendError, match=r"/v1/completions answered 400: .*model m does not exist"):
        list(backend.sample(problem, 3))
    assert len(server.requests) == 1  # a client error is not retried


def test_openai_answers_that_are_not_completions(server, problem):
    server.raw = b"<html>hello</html>"
    with pytest.raises(BackendError, match="did not answer JSON"):
        list(OpenAIBackend("m", base_url=server.url).sample(problem, 1))
    server.raw = b'{"data": []}'
    with pytest.raises(BackendError, match=r"no choices\[\]\.text"):
        list(OpenAIBackend("m", base_url=server.url).sample(problem, 1))


def test_openai_unreachable_server(problem, monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    backend = OpenAIBackend("m", base_url=f"http://127.0.0.1:{port}/v1", retries=1, backoff=0.01)
    with pytest.raises(BackendError, match="cannot reach .* after 2 tries"):
        list(backend.sample(problem, 1))


def test_openai_configuration_errors(monkeypatch):
    for name in ("OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(BackendError, match="needs a server"):
        OpenAIBackend("m")
    with pytest.raises(BackendError, match="must start with http"):
        OpenAIBackend("m", base_url="127.0.0.1:8000/v1")
    with pytest.raises(BackendError, match="needs --model"):
        OpenAIBackend(None, base_url="http://127.0.0.1:1/v1")
    with pytest.raises(BackendError, match="n and concurrency"):
        OpenAIBackend("m", base_url="http://127.0.0.1:1/v1", n=0)


def test_openai_consumer_stopping_early_does_not_wait_for_requests_in_flight(server, problem):
    server.delay = 0.1
    backend = OpenAIBackend("m", base_url=server.url, n=1, concurrency=2)
    stream = backend.sample(problem, 50)
    next(stream)
    server.delay = 1.5
    started = time.monotonic()
    stream.close()
    assert time.monotonic() - started < 0.5


# --------------------------------------------------------------------------------------------- hf and native


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
    backend = make_backend("hf", str(hf_checkpoints[kind]), max_new_tokens=4, batch_size=2)
    candidates = list(backend.sample(problem, 3, seed=1, languages=["python3", "cpp"]))
    check_contract(candidates, 3, ("python3", "cpp"), "hf")
    assert [c.language for c in candidates] == ["python3", "python3", "cpp"]  # one language per batch, in turn
    assert candidates[0].metadata == {"model": str(hf_checkpoints[kind])}
    again = list(backend.sample(problem, 3, seed=1, languages=["python3", "cpp"]))
    assert [c.code for c in again] == [c.code for c in candidates]  # a seed is one set of samples
    assert list(backend.sample(problem, 0)) == []


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
    backend = make_backend("native", str(native_checkpoint), batch_size=4, max_new_tokens=8, header_variants=2)
    candidates = list(backend.sample(problem, 6, seed=2, languages=["python3", "cpp"]))
    check_contract(candidates, 6, ("python3", "cpp"), "native")
    assert all(isinstance(c.logprob, float) for c in candidates)
    only_java = list(backend.sample(problem, 2, seed=2, languages=["java"]))
    check_contract(only_java, 2, ("java",), "native")


def test_native_backend_errors(native_checkpoint, tmp_path, problem):
    with pytest.raises(BackendError, match="cannot load the native model"):
        make_backend("native", str(tmp_path))
    with pytest.raises(BackendError, match="temperature"):
        list(make_backend("native", str(native_checkpoint), temperature=0).sample(problem, 1))


def test_a_problem_without_solutions_replays_nothing():
    bare = Problem("Bare", "Print 1.", solutions=(Solution(Language.UNKNOWN, "?"),))
    assert list(ReplayBackend().sample(bare, 5)) == []
