"""An OpenAI-compatible server (vLLM, SGLang, llama.cpp's server, `transformers serve`, OpenAI itself), through the
official `openai` client: its retries (408, 409, 429, 5xx and dropped connections, with back-off and the server's
`Retry-After`), its timeouts, and its reading of OPENAI_BASE_URL and OPENAI_API_KEY when no address or key is given.

`api="chat"` sends a system and a user message (`solver.backends.prompts`) to /chat/completions and takes the
program from the answer's fenced code block; `api="completions"` sends a prompt that opens a code fence to
/completions and takes the completion up to the closing fence.

A call's `count` is split into requests of `per_request` choices (`n`), `concurrency` of them in flight, the
requested languages taking turns request by request, each request with its own seed. A server that answers fewer
choices than asked (`transformers serve` answers one, whatever `n`) is asked again for the rest; one that answers
none, `EMPTY_ANSWERS` times in a row, ends the call with a BackendError.

Options of a call: temperature, top_p, max_tokens, seed, stop, languages; `top_k`, not in the OpenAI API, goes in
the request body's extras (`extra_body`), and only when set (vLLM and SGLang read it; OpenAI refuses it); the
extras `frequency_penalty` and `presence_penalty` are sent as such, and `extra_body` (a dict) is merged into the
body, for a server's own options (vLLM's `min_p`, `repetition_penalty`, ...). Unset, temperature is 1.0, top_p
0.95 and max_tokens 1024: many diverse samples rather than one likely one, and room for a whole program.

Each candidate records in its metadata the model, the api, its request's seed, its `finish_reason` ("length":
cut at max_tokens) and its request's `usage` (prompt and completion tokens, for all the request's choices
together: hence `choices_in_request`). An empty or cut answer is still a candidate, whose program may be empty.

The requests run on an event loop of the backend's own (a thread, started on first use), so that a consumer that
stops early cancels the requests in flight: their connections close, and a server such as vLLM stops generating.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from typing import Any

from problems.model import Problem
from solver.backends.base import prepare
from solver.backends.errors import BackendError
from solver.backends.params import SamplingParams
from solver.backends.prompts import PromptBuilder, request_seed
from solver.pipeline.records import Candidate

# Answers with no choices at all, in a row, after which a call gives up rather than ask forever.
EMPTY_ANSWERS = 3
# What a key-less local server is sent when neither the caller nor the client's OPENAI_API_KEY gives a key: the
# client refuses to start without one, and such servers ignore it.
NO_KEY = "EMPTY"


@dataclass(frozen=True)
class _Request:
    number: int  # its place among the call's requests
    language: str
    n: int  # choices asked for
    seed: int


class OpenAIBackend:
    name = "openai"
    options = ("temperature", "top_p", "top_k", "max_tokens", "stop", "frequency_penalty", "presence_penalty",
               "extra_body")
    defaults = SamplingParams(temperature=1.0, top_p=0.95, max_tokens=1024, languages=("python3", "cpp"))

    def __init__(self, model: str | None, *, base_url: str | None = None, api_key: str | None = None,
                 api: str = "chat", per_request: int = 8, concurrency: int = 4, max_retries: int = 4,
                 timeout: float = 600.0, template: str | None = None) -> None:
        """`model`: the name the server knows the model by. `base_url`: e.g. http://127.0.0.1:8000/v1 (None: the
        client's OPENAI_BASE_URL, else api.openai.com). `api_key` None: the client's OPENAI_API_KEY, else none.
        `per_request`: choices asked per request (n); `concurrency`: requests in flight; `max_retries`: the
        client's retries of a request; `timeout`: seconds an answer may take (connecting: 10 s at most);
        `template`: a prompt template's text (see `solver.backends.prompts`)."""
        try:
            import openai
        except ImportError:
            raise BackendError("the openai backend needs the openai client: pip install openai") from None
        if not model:
            raise BackendError("the openai backend needs --model: the name the server knows the model by")
        if per_request < 1 or concurrency < 1 or max_retries < 0 or not timeout > 0:
            raise BackendError("openai backend: per_request and concurrency must be ≥ 1, max_retries ≥ 0 and "
                               f"timeout > 0, got {per_request}, {concurrency}, {max_retries} and {timeout}")
        self.model, self.api = model, api
        self.prompts = PromptBuilder(api, template)
        self.per_request, self.concurrency = per_request, concurrency
        self.max_retries, self.timeout = max_retries, timeout
        self._openai = openai
        # Connecting takes at most 10 s a try, whatever `timeout` allows for the answer: a dead address shows soon.
        settings = {"base_url": base_url, "max_retries": max_retries,
                    "timeout": openai.Timeout(timeout, connect=min(timeout, 10.0))}
        try:
            self.client = openai.AsyncOpenAI(api_key=api_key, **settings)
        except openai.OpenAIError as error:
            if api_key is not None:
                raise BackendError(f"openai backend: {error}") from None
            self.client = openai.AsyncOpenAI(api_key=NO_KEY, **settings)  # no key given, none in OPENAI_API_KEY
        self.base_url = str(self.client.base_url).rstrip("/")
        if not self.base_url.startswith(("http://", "https://")):
            raise BackendError(f"--base-url must start with http:// or https://, got {self.base_url!r}")
        self._loop = _LoopThread()

    def sample(self, problem: Problem, count: int, params: SamplingParams | None = None) -> Iterator[Candidate]:
        params = prepare(self, params)
        if not isinstance(params.extra.get("extra_body") or {}, Mapping):
            raise BackendError(f"options.extra_body: must be an object of fields to add to each request's body, "
                               f"got {params.extra['extra_body']!r}")
        if self.api == "chat":
            prompts = {lang: self.prompts.messages(problem, lang) for lang in params.languages}
        else:
            prompts = {lang: self.prompts.completion(problem, lang) for lang in params.languages}
        pending: dict[Future, _Request] = {}
        index = number = empty = 0
        try:
            while index < count:
                # Ask for what is neither received nor in flight: a short answer's rest is asked again here.
                while len(pending) < self.concurrency and (wanted := count - index - sum(
                        r.n for r in pending.values())) > 0:
                    language = params.languages[number % len(params.languages)]
                    request = _Request(number, language, min(self.per_request, wanted),
                                       request_seed(params.seed, number))
                    pending[self._loop.submit(self._ask(prompts[language], request, params))] = request
                    number += 1
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: pending[f].number):
                    request = pending.pop(future)
                    response = future.result()
                    choices = _choices(response, self.base_url)
                    empty = 0 if choices else empty + 1
                    if empty >= EMPTY_ANSWERS:
                        raise BackendError(f"{self.base_url}: {EMPTY_ANSWERS} answers in a row had no choices; "
                                           f"the server cannot sample from {self.model!r} this way")
                    metadata = {"model": getattr(response, "model", None) or self.model, "api": self.api,
                                "seed": request.seed, "usage": _usage(response),
                                "choices_in_request": len(choices)}
                    prompt = prompts[request.language] if self.api == "completions" else ""
                    for choice in choices[: count - index]:  # a server may answer more than asked
                        if self.api == "chat":
                            text = getattr(getattr(choice, "message", None), "content", None)
                        else:
                            text = getattr(choice, "text", None)
                        code_language, code = self.prompts.code(text, request.language, prompt)
                        yield Candidate(index, code_language, code, self.name, None,
                                        {**metadata, "finish_reason": getattr(choice, "finish_reason", None)})
                        index += 1
        finally:
            # A consumer that stops early (a time budget, a cancel) or an error: the requests still in flight are
            # cancelled, not waited for.
            for future in pending:
                future.cancel()

    async def _ask(self, prompt: str | list[dict[str, str]], request: _Request, params: SamplingParams) -> Any:
        openai = self._openai
        body: dict[str, Any] = {"model": self.model, "n": request.n, "temperature": params.temperature,
                                "top_p": params.top_p, "max_tokens": params.max_tokens, "seed": request.seed}
        stop = list(params.stop)
        if self.api == "completions" and len(stop) < 4:  # OpenAI takes at most 4 stop strings
            stop += [s for s in self.prompts.stop(prompt) if s not in stop]
        if stop:
            body["stop"] = stop
        for name in ("frequency_penalty", "presence_penalty"):
            if params.extra.get(name) is not None:
                body[name] = params.extra[name]
        extra_body = dict(params.extra.get("extra_body") or {})
        if params.top_k:  # 0 is off; OpenAI itself has no top_k and refuses unknown fields
            extra_body["top_k"] = params.top_k
        if extra_body:
            body["extra_body"] = extra_body
        try:
            if self.api == "chat":
                return await self.client.chat.completions.create(messages=prompt, **body)
            return await self.client.completions.create(prompt=prompt, **body)
        except openai.APIStatusError as error:
            raise BackendError(f"{error.request.url} answered {error.status_code}: {_server_message(error)}") \
                from None
        except openai.APITimeoutError:
            raise BackendError(f"{self.base_url}: no answer within {self.timeout:g} s "
                               f"({self.max_retries + 1} tries)") from None
        except openai.APIConnectionError as error:
            cause = error.__cause__ or error
            raise BackendError(f"cannot reach {self.base_url} ({self.max_retries + 1} tries): {cause}") from None
        except openai.OpenAIError as error:
            raise BackendError(f"{self.base_url}: {error}") from None

    def close(self) -> None:
        self._loop.close(self.client.close())


def _choices(response: Any, url: str) -> list:
    choices = getattr(response, "choices", None)
    if not isinstance(choices, list):
        raise BackendError(f"{url}: the answer is not a completion (no choices): {str(response)[:300]}")
    return choices


def _usage(response: Any) -> dict | None:
    usage = getattr(response, "usage", None)
    if usage is None:
        return None
    return {"prompt_tokens": getattr(usage, "prompt_tokens", None),
            "completion_tokens": getattr(usage, "completion_tokens", None)}


def _server_message(error: Any) -> str:
    """The server's own words in an error answer: OpenAI's {"error": {"message"}}, FastAPI's {"detail"}, or the
    body as it came."""
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            inner = inner.get("message") or inner.get("detail") or inner
        body = inner
    return (body if isinstance(body, str) else str(body))[:500] if body else error.message


class _LoopThread:
    """An asyncio event loop on a daemon thread, started on first use and shared by the backend's calls: the
    async client's requests run there, and a request is cancelled by cancelling its future."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def submit(self, coroutine: Coroutine) -> Future:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(target=self._loop.run_forever, name="openai-backend", daemon=True)
                self._thread.start()
            return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def close(self, last: Coroutine) -> None:
        """Run `last` (the client's own closing), then stop the loop; `last` is dropped when the loop never ran
        (nothing was opened)."""
        with self._lock:
            loop, thread, self._loop, self._thread = self._loop, self._thread, None, None
        if loop is None:
            last.close()
            return
        try:
            asyncio.run_coroutine_threadsafe(last, loop).result(timeout=5)
        except Exception:  # closing is best effort: the process may be exiting anyway
            pass
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        loop.close()
