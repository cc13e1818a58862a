"""The openai backend and `solver solve --backend openai` against real server software: `transformers serve` on
127.0.0.1, serving a tiny randomly initialised Llama written here (no download), with a chat template.

The server answers one choice whatever `n` asks, so these tests also show the backend asking again for the rest.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from problems import BUNDLED_DIR, Problem, load
from solver.backends.errors import BackendError
from solver.backends.openai import OpenAIBackend
from solver.backends.params import SamplingParams
from tests.tiny_models import write_tiny_llama

PROBLEM = "Podium Order"
def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, model: Path, log: Path) -> None:
        self.model, self.log, self.port = model, log, _free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        command = [str(Path(sys.executable).parent / "transformers"), "serve", str(model), "--host", "127.0.0.1",
                   "--port", str(self.port), "--device", "cpu"]
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
        with open(log, "wb") as out:  # the child keeps its own handle
            # A session of its own: the server's worker processes end with it (see `stop`).
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env,
                                            start_new_session=True)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def wait_ready(self, seconds: float = 120.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"transformers serve exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        pytest.fail(f"transformers serve did not answer /health within {seconds:g} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not (Path(sys.executable).parent / "transformers").exists():
        pytest.skip("the transformers command line is not installed beside this Python")
    pytest.importorskip("fastapi")
    pytest.importorskip("openai")
    directory = tmp_path_factory.mktemp("serve")
    model = write_tiny_llama(directory / "tiny-llama")
    running = Server(model, directory / "serve.log")
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def problem() -> Problem:
    return next(p for p in load(BUNDLED_DIR) if p.name == PROBLEM)


@pytest.mark.parametrize("api", ["chat", "completions"])
def test_the_backend_asks_again_until_the_count_is_reached(server, problem, api):
    backend = OpenAIBackend(str(server.model), base_url=server.url, api=api, per_request=3, concurrency=2,
                            max_retries=0, timeout=60)
    try:
        candidates = list(backend.sample(problem, 5, SamplingParams(max_tokens=12, seed=3)))
    finally:
        backend.close()
    assert [c.index for c in candidates] == [0, 1, 2, 3, 4]
    assert {c.language for c in candidates} == {"python3", "cpp"}
    for candidate in candidates:
        meta = candidate.metadata
        assert meta["choices_in_request"] == 1  # the server ignores n
        assert meta["api"] == api and meta["finish_reason"] in ("stop", "length")
        assert meta["usage"]["prompt_tokens"] > len(problem.description)  # a character-level tokenizer
        assert 1 <= meta["usage"]["completion_tokens"] <= 12
    assert len({c.metadata["seed"] for c in candidates}) == 5  # five requests, each with its own seed


def test_a_request_the_server_refuses_ends_the_call_with_its_reason(server, problem):
    wrong_name = OpenAIBackend("another-model", base_url=server.url, max_retries=0, timeout=60)
    right_name = OpenAIBackend(str(server.model), base_url=server.url, max_retries=0, timeout=60)
    try:
        with pytest.raises(BackendError, match="answered 400: .*another-model"):
            list(wrong_name.sample(problem, 2, SamplingParams(max_tokens=4)))
        # top_k travels in the body's extras, which this server does not take: its own words say so.
        with pytest.raises(BackendError, match="answered 422: .*top_k"):
            list(right_name.sample(problem, 1, SamplingParams(max_tokens=4, top_k=5)))
    finally:
        wrong_name.close()
        right_name.close()


@pytest.mark.parametrize("api", ["chat", "completions"])
def test_solve_command_against_the_server(server, api, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "solver", "solve", str(BUNDLED_DIR), "--name", PROBLEM, "--backend", "openai",
         "--api", api, "--base-url", server.url, "--model", str(server.model), "--api-key", "unused",
         "--per-request", "2", "--concurrency", "2", "--max-tokens", "16", "--samples", "6", "--json"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["stats"]["sampled"] == 6


def test_solve_command_with_a_template_file(server, tmp_path):
    template = tmp_path / "prompt.txt"
    template.write_text("### system\nBe brief.\n### user\n{statement}\n\n{examples}Answer in {language_name}.\n")
    done = subprocess.run(
        [sys.executable, "-m", "solver", "solve", str(BUNDLED_DIR), "--name", PROBLEM, "--backend", "openai",
         "--base-url", server.url, "--model", str(server.model), "--template", str(template), "--max-tokens", "8",
         "--samples", "2", "--json"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout)["stats"]["sampled"] == 2
    template.write_text("{statement} {title}")
    done = subprocess.run(
        [sys.executable, "-m", "solver", "solve", str(BUNDLED_DIR), "--name", PROBLEM, "--backend", "openai",
         "--base-url", server.url, "--model", str(server.model), "--template", str(template), "--samples", "2"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode != 0 and "unknown field {title}" in done.stderr and "Traceback" not in done.stderr

