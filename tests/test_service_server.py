"""The HTTP service as it runs: `solver serve` in a subprocess (uvicorn on 127.0.0.1), spoken to over real sockets.

Life cycle with server-sent events, bad requests, auth, the bounded queue, cancelling queued and running jobs, and
a graceful stop (SIGTERM) in the middle of a job that the restarted server then finishes, finished results intact.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.test_service import CANDIDATES, EXAMPLES, PROBLEM, QUICK, STATEMENT, check_result, read_events

ROOT = Path(__file__).resolve().parent.parent
FINAL = {"done", "failed", "cancelled"}
# Each passes the examples, taking a third of a second on each (and no time on generated inputs): a job that
# lasts long enough to interrupt, and no longer.
SLOW = [{"language": "python3", "problem": "slow",
         "code": f"import time\na, b = map(int, input().split())\nif (a, b) in ((1, 2), (30, 4)):\n"
                 f"    time.sleep(0.3)\nprint(a + b + 0 * {i})\n"}
        for i in range(12)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(tmp_path: Path, **environment: str):
    """`python -m solver serve` on a free port; stopped with SIGTERM (graceful) when the block ends."""
    candidates = tmp_path / "candidates.jsonl"
    if not candidates.exists():
        candidates.write_text("".join(json.dumps(row) + "\n" for row in CANDIDATES + SLOW), encoding="utf-8")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOLVER_BACKEND": "replay", "SOLVER_MODEL": str(candidates),
           "SOLVER_DB": str(tmp_path / "jobs.sqlite3"), "SOLVER_SHUTDOWN_GRACE": "0.3", **environment}
    log = open(tmp_path / f"server-{port}.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "solver", "serve", "--port", str(port), "--log-level",
                                "warning"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, (tmp_path / f"server-{port}.log").read_text()
            assert time.monotonic() < deadline, "the server did not become ready"
            time.sleep(0.1)
        process.base = base
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def wait_state(base: str, job_id: str, states: set[str], headers=None, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        job = httpx.get(f"{base}/jobs/{job_id}", headers=headers).json()
        if job["state"] in states:
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.05)


def test_life_cycle_events_and_bad_requests_over_http(tmp_path):
    with server(tmp_path, SOLVER_MAX_STATEMENT_CHARS="1000") as process:
        base = process.base
        answer = httpx.post(base + "/solve", json=PROBLEM)
        assert answer.status_code == 202
        job_id = answer.json()["id"]
        with httpx.stream("GET", f"{base}/jobs/{job_id}/events", timeout=30) as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            events = read_events(stream.iter_lines())
        ids = [int(event["id"]) for event in events]
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        assert [e["data"]["state"] for e in events if e["event"] == "state"] == ["queued", "running", "done"]
        check_result(events[-1]["data"])
        assert httpx.get(f"{base}/jobs/{job_id}").json() == events[-1]["data"]

        bad = [
            (b'{"statement": ', 400, "body"),
            (b'{"statement": "x", "samples": [1]}', 422, "samples"),
            (b'{"statement": "x", "color": "red"}', 422, "color"),
            (json.dumps({"statement": "x" * 1001}).encode(), 413, "statement"),
            (json.dumps({"statement": STATEMENT, "examples": [{"input": 1, "output": 2}]}).encode(), 422,
             "examples[0].input"),
        ]
        for content, status, field in bad:
            answer = httpx.post(base + "/solve", content=content, headers={"content-type": "application/json"})
            assert answer.status_code == status, answer.text
            assert answer.json()["error"]["message"].startswith(f"{field}: ")
        metrics = httpx.get(base + "/metrics").text
        assert 'solver_jobs{state="done"} 1' in metrics and "status=\"5" not in metrics
        assert httpx.get(base + "/docs").status_code == 200


def test_auth_queue_cancel_and_graceful_restart_over_http(tmp_path):
    token = {"Authorization": "Bearer let-me-in"}
    slow = {"name": "slow", "statement": STATEMENT, "examples": EXAMPLES}
    settings = {"SOLVER_TOKEN": "let-me-in", "SOLVER_MAX_QUEUE": "1", "SOLVER_WORKERS": "1"}
    with server(tmp_path, **settings) as process:
        base = process.base
        assert httpx.post(base + "/solve", json=QUICK).status_code == 401
        assert httpx.post(base + "/solve", json=QUICK, headers={"Authorization": "Bearer no"}).status_code == 401
        finished = httpx.post(base + "/solve", params={"wait": 30}, json=QUICK, headers=token).json()
        assert finished["state"] == "done"

        running = httpx.post(base + "/solve", json={**slow, "samples": 12}, headers=token).json()["id"]
        wait_state(base, running, {"running"}, token)
        queued = httpx.post(base + "/solve", json=QUICK, headers=token).json()["id"]
        refused = httpx.post(base + "/solve", json=QUICK, headers=token)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert httpx.delete(f"{base}/jobs/{queued}", headers=token).json()["state"] == "cancelled"
        started = time.monotonic()
        cancelled = httpx.delete(f"{base}/jobs/{running}", headers=token, timeout=30)
        assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
        assert time.monotonic() - started < 3  # runs in flight finish (a third of a second each), no new ones start
        assert cancelled.json()["progress"].get("compiled", 0) < 12

        interrupted = httpx.post(base + "/solve", json={**slow, "samples": 4}, headers=token).json()["id"]
        with httpx.stream("GET", f"{base}/jobs/{interrupted}/events", headers=token, timeout=30) as stream:
            kinds, last_id = [], "0"
            for line in stream.iter_lines():
                if line.startswith("id: "):
                    last_id = line.removeprefix("id: ")
                if line.startswith("event: "):
                    kinds.append(line.removeprefix("event: "))
                    if kinds[-1] == "progress" and len(kinds) == 3:
                        process.send_signal(signal.SIGTERM)
        assert kinds[-1] == "shutdown", kinds  # the stream ends instead of holding the server up
        assert process.wait(timeout=15) in (0, -signal.SIGTERM)
    restarted = time.time()

    with server(tmp_path, **settings) as process:
        base = process.base
        assert httpx.get(f"{base}/jobs/{finished['id']}", headers=token).json() == finished
        assert httpx.get(f"{base}/jobs/{running}", headers=token).json()["state"] == "cancelled"
        # A client resuming the stream with the old server's last id sees the rerun's events through to the end.
        with httpx.stream("GET", f"{base}/jobs/{interrupted}/events", timeout=60,
                          headers={**token, "Last-Event-ID": last_id}) as stream:
            states, kind = [], None
            for line in stream.iter_lines():
                if line.startswith("event: "):
                    kind = line.removeprefix("event: ")
                elif line.startswith("data: ") and kind == "state":
                    states.append(json.loads(line.removeprefix("data: "))["state"])
        assert states[-1] == "done", states
        resumed = wait_state(base, interrupted, FINAL, token)
        assert resumed["state"] == "done" and resumed["progress"]["sampled"] == 4
        assert resumed["started"] > restarted  # put back in the queue at the stop, run again after the start


def test_concurrent_jobs_with_different_options_never_see_each_others(tmp_path):
    """Two jobs at once on one backend instance per worker: each job's options reach the backend with its own
    call, and nothing of one is seen by the other."""
    slow = {"name": "slow", "statement": STATEMENT, "examples": EXAMPLES, "samples": 12, "seed": 5}
    with server(tmp_path, SOLVER_WORKERS="2", SOLVER_ALLOWED_OPTIONS="shuffle") as process:
        base = process.base
        ids = {shuffle: httpx.post(base + "/solve", json={**slow, "options": {"shuffle": shuffle}}).json()["id"]
               for shuffle in (False, True)}
        jobs = {shuffle: wait_state(base, job_id, FINAL, timeout=90) for shuffle, job_id in ids.items()}
        refused = httpx.post(base + "/solve", json={**slow, "options": {"temperature": 0.5}})
        assert refused.status_code == 422 and refused.json()["error"]["message"].startswith("options.temperature: ")
    unshuffled, shuffled = jobs[False], jobs[True]
    assert unshuffled["state"] == shuffled["state"] == "done"
    assert unshuffled["started"] < shuffled["finished"] and shuffled["started"] < unshuffled["finished"]  # at once
    order = list(range(len(SLOW)))
    random.Random(5).shuffle(order)
    for shuffle, job in jobs.items():
        assert job["budget"]["options"] == {"shuffle": shuffle}
        submissions = job["result"]["submissions"]
        assert len(submissions) == 10
        for submission in submissions:
            assert submission["metadata"]["shuffled"] is shuffle
            written = order[submission["candidate"]] if shuffle else submission["candidate"]
            assert submission["code"].endswith(f"print(a + b + 0 * {written})\n")
