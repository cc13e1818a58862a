"""An OpenAI-compatible completions server (vLLM, SGLang, llama.cpp's server, ...), over plain HTTP.

POST {base_url}/completions with {model, prompt, n, temperature, max_tokens, seed}; each choice's `text` is a
program. Requests run concurrently; 429, 5xx and dropped connections are retried with exponential backoff;
other errors stop the solve with the server's own message.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from problems.model import Problem
from solver.backends.base import PROMPT_TEMPLATE, BackendError, check_languages, completion_code, render_prompt
from solver.pipeline.records import Candidate

RETRIED = {408, 409, 429, 500, 502, 503, 504}


class OpenAIBackend:
    name = "openai"

    def __init__(self, model: str | None = None, *, base_url: str | None = None, api_key: str | None = None,
                 n: int = 8, temperature: float = 0.8, max_tokens: int = 768, concurrency: int = 4,
                 retries: int = 4, backoff: float = 0.5, timeout: float = 120.0,
                 template: str = PROMPT_TEMPLATE) -> None:
        self.base_url = (base_url or os.environ.get("OPENAI_BASE_URL") or "").rstrip("/")
        if not self.base_url:
            raise BackendError("the openai backend needs a server: --base-url http://HOST:PORT/v1 "
                               "(or OPENAI_BASE_URL)")
        if not self.base_url.startswith(("http://", "https://")):
            raise BackendError(f"--base-url must start with http:// or https://, got {self.base_url!r}")
        self.model = model or os.environ.get("OPENAI_MODEL")
        if not self.model:
            raise BackendError("the openai backend needs --model: the name the server knows the model by")
        if n < 1 or concurrency < 1 or retries < 0:
            raise BackendError("openai backend: n and concurrency must be ≥ 1, retries ≥ 0")
        self.api_key = api_key or os.environ.get("OPENAI_API_KEY")
        self.n, self.temperature, self.max_tokens = n, temperature, max_tokens
        self.concurrency, self.retries, self.backoff, self.timeout = concurrency, retries, backoff, timeout
        self.template = template

    def _post(self, body: dict) -> dict:
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        url = self.base_url + "/completions"
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.loads(response.read())
            except urllib.error.HTTPError as error:
                detail = error.read().decode(errors="replace")[:500]
                if error.code not in RETRIED or attempt == self.retries:
                    raise BackendError(f"{url} answered {error.code}: {detail}") from None
                delay = _retry_after(error.headers.get("Retry-After")) or self.backoff * 2 ** attempt
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                if attempt == self.retries:
                    raise BackendError(f"cannot reach {url} after {self.retries + 1} tries: {error}") from None
                delay = self.backoff * 2 ** attempt
            except json.JSONDecodeError:
                raise BackendError(f"{url} did not answer JSON") from None
            time.sleep(min(delay, 30.0))
        raise AssertionError("unreachable")

    def _request(self, prompt: str, n: int, seed: int) -> list[dict]:
        answer = self._post({"model": self.model, "prompt": prompt, "n": n, "temperature": self.temperature,
                             "max_tokens": self.max_tokens, "seed": seed})
        choices = answer.get("choices") if isinstance(answer, dict) else None
        if not isinstance(choices, list) or not all(isinstance(c, dict) and "text" in c for c in choices):
            raise BackendError(f"{self.base_url}/completions: the answer has no choices[].text: {str(answer)[:300]}")
        return choices

    def sample(self, problem: Problem, count: int, *, seed: int = 0,
               languages: Sequence[str] | None = None) -> Iterator[Candidate]:
        chosen = check_languages(languages, ("python3", "cpp"))
        requests = []  # (language, prompt, n, seed) for each request, languages alternating
        left, number = count, 0
        while left > 0:
            language = chosen[number % len(chosen)]
            n = min(self.n, left)
            requests.append((language, render_prompt(self.template, problem.description, language), n,
                             seed * 1_000_003 + number))
            left -= n
            number += 1
        index = 0
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="openai")
        pending: dict[Future, tuple[str, str]] = {}
        queue = iter(requests)
        try:
            while index < count:
                for language, prompt, n, request_seed in queue:
                    pending[pool.submit(self._request, prompt, n, request_seed)] = (language, prompt)
                    if len(pending) >= self.concurrency:
                        break
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    language, prompt = pending.pop(future)
                    for choice in future.result()[: count - index]:  # a server may answer more than n
                        code_language, code = completion_code(prompt, choice["text"], language)
                        yield Candidate(index, code_language, code, self.name, None,
                                        {"model": self.model, "finish_reason": choice.get("finish_reason")})
                        index += 1
        finally:
            # A consumer that stops early (a time budget, a cancel) must not wait for requests still in flight.
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        pass


def _retry_after(value: str | None) -> float:
    """Seconds from a Retry-After header (a number of seconds; an HTTP date or nonsense counts as none)."""
    try:
        return max(0.0, float(value)) if value else 0.0
    except ValueError:
        return 0.0
