"""The openai backend against a small OpenAI-compatible server on 127.0.0.1 (/v1/completions and
/v1/chat/completions), and the prompts it sends (`solver.backends.prompts`)."""

from __future__ import annotations

import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from problems import BUNDLED_DIR, Problem, Test, load
from solver.backends import make_backend
from solver.backends.errors import BackendError
from solver.backends.openai import EMPTY_ANSWERS, OpenAIBackend
from solver.backends.params import SamplingParams
from solver.backends.prompts import PromptBuilder, examples_text, request_seed

FAST = {"max_retries": 0, "timeout": 10.0}


@pytest.fixture(scope="module")
def problem() -> Problem:
    return next(p for p in load(BUNDLED_DIR) if p.name == "Podium Order")


@pytest.fixture(autouse=True)
def no_openai_environment(monkeypatch):
    """The client reads these; a developer's own must not reach the test server."""
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"):
        monkeypatch.delenv(name, raising=False)


class Server:
    """An OpenAI-compatible server: answers `n` choices (at most `most_choices`), after any scripted failures.

    A completion's text is `print(R, I)` then a closing fence and some prose (R: the request's number, I: the
    choice's); a chat answer puts the same program in a ```python block between two lines of prose.
    """

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.paths: list[str] = []
        self.failures: list[tuple[int, dict, str]] = []  # (status, headers, body) answered first, in order
        self.answers: list[dict | None] = []  # scripted 200 answers, in order (None: the usual one)
        self.most_choices: int | None = None
        self.delay = 0.0
        self.slow_from: int | None = None  # requests from this number on take `delay`, the earlier none
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    number = len(server.requests)
                    server.requests.append(body)
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                    server.paths.append(self.path)
                    failure = server.failures.pop(0) if server.failures else None
                    scripted = server.answers.pop(0) if server.answers else None
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                try:
                    time.sleep(server.delay if server.slow_from is None or number >= server.slow_from else 0)
                    if self.path not in ("/v1/completions", "/v1/chat/completions"):
                        failure = (404, {}, '{"error": {"message": "no such route"}}')
                    if failure is not None:
                        status, headers, text = failure
                    else:
                        status, headers = 200, {}
                        text = json.dumps(scripted if scripted is not None else server.answer(self.path, body, number))
                    data = text.encode()
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client left: a cancelled request
                    pass
                finally:
                    with server.lock:
                        server.in_flight -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False  # requests a test left sleeping are not waited for
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def answer(self, path: str, body: dict, number: int) -> dict:
        n = body.get("n", 1) if self.most_choices is None else min(body.get("n", 1), self.most_choices)
        if path == "/v1/completions":
            choices = [{"index": i, "text": f"print({number}, {i})\n```\nexplanation", "finish_reason": "stop",
                        "logprobs": None} for i in range(n)]
            kind = "text_completion"
        else:
            choices = [{"index": i, "finish_reason": "stop",
                        "message": {"role": "assistant",
                                    "content": f"Here:\n```python\nprint({number}, {i})\n```\nDone."}}
                       for i in range(n)]
            kind = "chat.completion"
        return {"id": f"r{number}", "object": kind, "created": 0, "model": body["model"], "choices": choices,
                "usage": {"prompt_tokens": 100 + number, "completion_tokens": 7 * n, "total_tokens": 100 + 7 * n}}

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = Server()
    yield running
    running.close()


@pytest.fixture
def backends():
    """Backends made here, closed at the end."""
    made: list[OpenAIBackend] = []

    def make(*args, **kwargs) -> OpenAIBackend:
        made.append(OpenAIBackend(*args, **{**FAST, **kwargs}))
        return made[-1]

    yield make
    for backend in made:
        backend.close()


def _contract(candidates, count, languages):
    assert [c.index for c in candidates] == list(range(count))
    assert all(c.backend == "openai" and c.language in languages and isinstance(c.code, str) for c in candidates)


# ------------------------------------------------------------------------------------------------------ chat


def test_chat_splits_the_count_into_requests_of_n(server, problem, backends):
    backend = backends("tiny-coder", base_url=server.url, api_key="secret", per_request=4, concurrency=1)
    params = SamplingParams(temperature=0.3, top_p=0.9, max_tokens=50, seed=7, languages=("python3", "cpp"),
                            stop=("\n\n\n",))
    candidates = list(backend.sample(problem, 10, params))
    _contract(candidates, 10, ("python3", "cpp"))
    assert server.paths == ["/v1/chat/completions"] * 3
    assert [r["n"] for r in server.requests] == [4, 4, 2]
    for body in server.requests:
        assert body["model"] == "tiny-coder" and body["temperature"] == 0.3 and body["top_p"] == 0.9
        assert body["max_tokens"] == 50 and body["stop"] == ["\n\n\n"]
        assert "top_k" not in body and "frequency_penalty" not in body  # unset: not sent
    assert [r["seed"] for r in server.requests] == [request_seed(7, i) for i in range(3)]
    assert len({r["seed"] for r in server.requests}) == 3
    assert all(h["authorization"] == "Bearer secret" for h in server.headers)
    # A system and a user message; the user message names the language asked, which alternates by request.
    roles = [[m["role"] for m in r["messages"]] for r in server.requests]
    assert roles == [["system", "user"]] * 3
    users = [r["messages"][1]["content"] for r in server.requests]
    assert [("Python 3" in u, "C++17" in u) for u in users] == [(True, False), (False, True), (True, False)]
    assert all(problem.description.strip() in u and "```" in u for u in users)
    # The program is the answer's fenced block; its language the fence's tag.
    assert [(c.language, c.code) for c in candidates[:5]] == [("python3", f"print({r}, {i})\n") for r, i in
                                                             [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0)]]
    assert candidates[4].metadata == {"model": "tiny-coder", "api": "chat", "seed": request_seed(7, 1),
                                      "usage": {"prompt_tokens": 101, "completion_tokens": 28},
                                      "choices_in_request": 4, "finish_reason": "stop"}


def test_options_beyond_the_openai_api(server, problem, backends):
    backend = backends("m", base_url=server.url, per_request=2)
    params = SamplingParams(top_k=20, max_tokens=8, extra={"frequency_penalty": 0.5, "presence_penalty": -0.5,
                                                           "extra_body": {"min_p": 0.05}})
    list(backend.sample(problem, 2, params))
    body = server.requests[0]
    assert body["top_k"] == 20 and body["min_p"] == 0.05  # in the body's extras: vLLM and SGLang read them
    assert body["frequency_penalty"] == 0.5 and body["presence_penalty"] == -0.5
    # Defaults fill what a call leaves unset.
    assert (body["temperature"], body["top_p"]) == (1.0, 0.95)
    with pytest.raises(BackendError, match="options.logit_bias: the openai backend does not take this option"):
        list(backend.sample(problem, 1, SamplingParams(extra={"logit_bias": {}})))
    with pytest.raises(BackendError, match="options.extra_body: must be an object"):
        list(backend.sample(problem, 1, SamplingParams(extra={"extra_body": "min_p=0.1"})))


def test_requests_run_concurrently(server, problem, backends):
    server.delay = 0.3
    backend = backends("m", base_url=server.url, per_request=1, concurrency=3)
    started = time.monotonic()
    candidates = list(backend.sample(problem, 6))
    took = time.monotonic() - started
    _contract(candidates, 6, ("python3", "cpp"))
    assert server.most_in_flight == 3
    assert took < 6 * 0.3 * 0.75  # two waves of three, not six requests one after another


def test_concurrent_calls_share_one_backend_with_their_own_params(server, problem, backends):
    backend = backends("m", base_url=server.url, per_request=1, concurrency=2)
    server.delay = 0.05

    def call(temperature: float) -> list:
        return list(backend.sample(problem, 4, SamplingParams(temperature=temperature, languages=("java",))))

    with ThreadPoolExecutor(2) as pool:
        cold, hot = pool.map(call, [0.1, 1.5])
    assert len(cold) == len(hot) == 4
    assert sorted(r["temperature"] for r in server.requests) == [0.1] * 4 + [1.5] * 4
    assert all("Java 17" in r["messages"][1]["content"] for r in server.requests)


# ----------------------------------------------------------------------------------------------- completions


def test_completions_prompt_opens_a_fence_and_the_program_ends_at_the_closing_one(server, problem, backends):
    backend = backends("m", base_url=server.url, api="completions", per_request=2, concurrency=1)
    candidates = list(backend.sample(problem, 4, SamplingParams(seed=1, stop=("#end",))))
    _contract(candidates, 4, ("python3", "cpp"))
    assert server.paths == ["/v1/completions"] * 2
    prompts = [r["prompt"] for r in server.requests]
    assert [p.endswith("```python\n") for p in prompts] == [True, False]
    assert prompts[1].endswith("```cpp\n") and all(problem.description.strip() in p for p in prompts)
    # The closing fence is a stop string too: what follows it is not paid for.
    assert all(r["stop"] == ["#end", "```"] for r in server.requests)
    assert sorted(c.code for c in candidates) == ["print(0, 0)\n", "print(0, 1)\n", "print(1, 0)\n", "print(1, 1)\n"]
    assert {c.metadata["api"] for c in candidates} == {"completions"}


# ------------------------------------------------------------------------------------------ asking again


def test_a_server_that_answers_fewer_choices_is_asked_again(server, problem, backends):
    server.most_choices = 1  # as `transformers serve` does, whatever n
    backend = backends("m", base_url=server.url, per_request=3, concurrency=1)
    candidates = list(backend.sample(problem, 5))
    _contract(candidates, 5, ("python3", "cpp"))
    assert [r["n"] for r in server.requests] == [3, 3, 3, 2, 1]  # always what is left, up to per_request
    assert all(c.metadata["choices_in_request"] == 1 for c in candidates)
    assert len({r["seed"] for r in server.requests}) == 5


def test_a_server_that_answers_more_choices_gives_no_more_than_the_count(server, problem, backends):
    backend = backends("m", base_url=server.url, per_request=2)
    server.answers = [server.answer("/v1/chat/completions", {"model": "m", "n": 5}, 0)]
    assert len(list(backend.sample(problem, 3))) == 3


def test_a_server_that_answers_no_choices_ends_the_call(server, problem, backends):
    backend = backends("m", base_url=server.url, per_request=2, concurrency=1)
    empty = {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": []}
    server.answers = [empty] * 100
    with pytest.raises(BackendError, match=f"{EMPTY_ANSWERS} answers in a row had no choices"):
        list(backend.sample(problem, 10))
    assert len(server.requests) == EMPTY_ANSWERS
    # Now and then an empty answer is survived: the count is asked again.
    server.answers = [empty, None, empty, None]
    assert len(list(backend.sample(problem, 4))) == 4


def test_empty_and_cut_answers_are_candidates(server, problem, backends):
    def chat(content, finish_reason):
        return {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                "choices": [{"index": 0, "finish_reason": finish_reason,
                             "message": {"role": "assistant", "content": content}}]}

    server.answers = [chat(None, "stop"), chat("", "stop"), chat("Sure.\n```cpp\nint main() {\n  for (;;", "length"),
                      chat("print(42)", "stop")]
    backend = backends("m", base_url=server.url, per_request=1, concurrency=1)
    candidates = list(backend.sample(problem, 4, SamplingParams(languages=("python3",))))
    assert [(c.language, c.code, c.metadata["finish_reason"]) for c in candidates] == [
        ("python3", "", "stop"), ("python3", "", "stop"), ("cpp", "int main() {\n  for (;;", "length"),
        ("python3", "print(42)", "stop")]
    assert all(c.metadata["usage"] is None for c in candidates)  # this server sent none


# ---------------------------------------------------------------------------------------------------- errors


def test_429_with_retry_after_is_retried(server, problem, backends):
    server.failures = [(429, {"Retry-After": "0.4"}, '{"error": {"message": "slow down"}}')]
    backend = backends("m", base_url=server.url, max_retries=2)
    started = time.monotonic()
    assert len(list(backend.sample(problem, 2))) == 2
    assert time.monotonic() - started >= 0.4  # the server's own wait
    assert len(server.requests) == 2


def test_gives_up_after_the_retries(server, problem, backends):
    server.failures = [(503, {"Retry-After": "0.01"}, '{"error": {"message": "still overloaded"}}')] * 3
    backend = backends("m", base_url=server.url, max_retries=2)
    with pytest.raises(BackendError, match="answered 503: still overloaded"):
        list(backend.sample(problem, 1))
    assert len(server.requests) == 3


@pytest.mark.parametrize("status, body, said", [
    (400, '{"error": {"message": "model m does not exist"}}', "model m does not exist"),
    (401, '{"error": {"message": "bad key"}}', "bad key"),
    (404, '{"error": "not found"}', "not found"),
    (422, '{"detail": "Unexpected fields in the request: {\'top_k\'}"}', "Unexpected fields"),
])
def test_a_client_error_ends_the_call_at_once_with_the_servers_words(server, problem, backends, status, body, said):
    server.failures = [(status, {}, body)]
    backend = backends("m", base_url=server.url, max_retries=3, concurrency=1, per_request=1)
    with pytest.raises(BackendError, match=f"/v1/chat/completions answered {status}: .*{said}"):
        list(backend.sample(problem, 3))
    assert len(server.requests) == 1  # not retried, and no further request


def test_an_answer_that_is_not_a_completion(server, problem, backends):
    server.answers = [{"data": []}]
    with pytest.raises(BackendError, match="not a completion"):
        list(backends("m", base_url=server.url).sample(problem, 1))


def test_an_unreachable_server_is_named(problem, backends):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    backend = backends("m", base_url=f"http://127.0.0.1:{port}/v1", max_retries=1)
    with pytest.raises(BackendError, match=f"cannot reach http://127.0.0.1:{port}/v1 \\(2 tries\\)"):
        list(backend.sample(problem, 1))


def test_a_slow_server_times_out(server, problem, backends):
    server.delay = 2.0
    with pytest.raises(BackendError, match="no answer within 0.2 s"):
        list(backends("m", base_url=server.url, timeout=0.2).sample(problem, 1))


def test_a_consumer_that_stops_early_does_not_wait_for_requests_in_flight(server, problem, backends):
    server.delay, server.slow_from = 3.0, 2  # requests 0 and 1 are quick, every later one slow
    backend = backends("m", base_url=server.url, per_request=1, concurrency=3)
    stream = backend.sample(problem, 50)
    assert [next(stream).index for _ in range(2)] == [0, 1]
    time.sleep(0.1)  # request 2 and perhaps more are in flight
    asked = len(server.requests)
    assert 3 <= asked <= 5
    started = time.monotonic()
    stream.close()
    assert time.monotonic() - started < 0.5
    time.sleep(0.2)
    assert len(server.requests) == asked  # and nothing more is asked


# ------------------------------------------------------------------------------------------- configuration


def test_address_and_key_from_the_clients_environment(server, problem, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    backend = OpenAIBackend("m", **FAST)  # the client reads its own variables; the backend reads none
    assert len(list(backend.sample(problem, 1))) == 1
    assert server.headers[-1]["authorization"] == "Bearer EMPTY"  # no key anywhere: a key-less server is fine
    backend.close()
    monkeypatch.setenv("OPENAI_API_KEY", "from-the-environment")
    backend = OpenAIBackend("m", **FAST)
    list(backend.sample(problem, 1))
    assert server.headers[-1]["authorization"] == "Bearer from-the-environment"
    backend.close()


def test_configuration_errors(server):
    with pytest.raises(BackendError, match="needs --model"):
        OpenAIBackend(None, base_url=server.url)
    with pytest.raises(BackendError, match="must start with http"):
        OpenAIBackend("m", base_url="127.0.0.1:8000/v1")
    with pytest.raises(BackendError, match="per_request and concurrency must be ≥ 1"):
        OpenAIBackend("m", base_url=server.url, per_request=0)
    with pytest.raises(BackendError, match="api: must be one of chat, completions"):
        OpenAIBackend("m", base_url=server.url, api="responses")
    with pytest.raises(BackendError, match=r"unknown field \{title\}"):
        OpenAIBackend("m", base_url=server.url, template="{title}")
    backend = make_backend("openai", "m", base_url=server.url)  # by name, as the command line makes it
    assert isinstance(backend, OpenAIBackend) and backend.api == "chat"
    backend.close()


# --------------------------------------------------------------------------------------------------- prompts


def test_the_default_chat_prompt(problem):
    system, user = PromptBuilder("chat").messages(problem, "cpp")
    assert system["role"] == "system" and "competitive programmer" in system["content"]
    assert user["role"] == "user"
    assert "in C++17" in user["content"] and "```cpp" in user["content"]
    assert problem.description.strip() in user["content"] and "standard input" in user["content"]
    # The statement shows its examples already: they are not repeated.
    assert examples_text(problem) == "" and "Example 1" not in user["content"]
    bare = replace(problem, description="Print the sum of two numbers.")
    _, user = PromptBuilder("chat").messages(bare, "python3")
    assert "Examples:\n\nExample 1\nInput:\n```\n" in user["content"]
    assert all(t.input.strip() in user["content"] and t.output.strip() in user["content"]
               for t in problem.public_tests)


def test_chat_template_format():
    problem = Problem(name="Sum", description="Add a and b.", public_tests=(Test("1 2\n", "3\n"),))
    builder = PromptBuilder("chat", "### system\nYou write {language_name}.\n### user\n"
                                    "{statement}\n\n{examples}### Output\nA ```{fence} block ({language}), {{braces}}.")
    assert builder.messages(problem, "java") == [
        {"role": "system", "content": "You write Java 17."},
        {"role": "user", "content": "Add a and b.\n\nExamples:\n\nExample 1\nInput:\n```\n1 2\n```\nOutput:\n"
                                    "```\n3\n```\n\n### Output\nA ```java block (java), {braces}."}]
    # No markers: the whole text is the user message, with no system message.
    assert PromptBuilder("chat", "Solve: {statement}").messages(problem, "cpp") == [
        {"role": "user", "content": "Solve: Add a and b."}]
    for template, error in [("{statement} {title}", r"unknown field \{title\}"),
                            ("{0}", r"unknown field \{0\}"),
                            ("int main() { {statement}", "literal brace"),
                            ("hello\n### user\n{statement}", "text before the first"),
                            ("### user\nA\n### user\nB", "appears twice"),
                            ("### system\nOnly a system message.", "user` message is missing")]:
        with pytest.raises(BackendError, match=error):
            PromptBuilder("chat", template)
    with pytest.raises(BackendError, match="sections are for the chat api"):
        PromptBuilder("completions", "### user\n{statement}")


def test_request_seeds_are_distinct_and_small():
    seeds = {request_seed(seed, number) for seed in range(20) for number in range(500)}
    assert len(seeds) == 20 * 500 and max(seeds) < 2**31
