"""The HTTP service in process (TestClient): job life cycle, events, cancel, the bounded queue, bad requests, auth,
restarts, metrics and settings. Candidates come from the replay backend, so no model is needed."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import pytest
from fastapi.exceptions import ResponseValidationError
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from service.app import create_app
from service.events import EventLog
from service.intake import JobSpec
from service.jobs import ActiveJob
from service.schemas import JobOut
from service.settings import Settings, SettingsError
from service.states import JobState
from service.store import JobStore
from solver.backends import BackendError, make_backend
from solver.backends.replay import ReplayBackend

STATEMENT = "Read two integers a and b (1 ≤ a ≤ 1000, 1 ≤ b ≤ 1000) and print their sum."
EXAMPLES = [{"input": "1 2\n", "output": "3\n"}, {"input": "30 4\n", "output": "34\n"}]
SUM = "a, b = map(int, input().split())\nprint(a + b)\n"
# For "sum": two correct programs (one cluster of two), one that fails the examples, one that passes them by table
# lookup and then behaves differently on generated inputs (a cluster of its own). For "quick": one correct program,
# so that nothing runs on generated inputs and a solve takes a fraction of a second.
CANDIDATES = [
    {"language": "python3", "code": SUM, "problem": "sum"},
    {"language": "python3", "code": "print(sum(map(int, input().split())))\n", "problem": "sum"},
    {"language": "python3", "code": "a, b = map(int, input().split())\nprint(a - b)\n", "problem": "sum"},
    {"language": "python3", "code": "print({'1 2': 3, '30 4': 34}.get(input().strip(), 0))\n", "problem": "sum"},
    {"language": "python3", "code": SUM, "problem": "quick"},
]
PROBLEM = {"name": "sum", "statement": STATEMENT, "examples": EXAMPLES, "samples": 10}
QUICK = {**PROBLEM, "name": "quick"}
FINAL = {"done", "failed", "cancelled"}


def write_candidates(path: Path, rows=CANDIDATES) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def candidates(tmp_path) -> Path:
    return write_candidates(tmp_path / "candidates.jsonl")


def settings_for(tmp_path: Path, candidates: Path, **overrides) -> Settings:
    values = dict(backend="replay", model=str(candidates), db=tmp_path / "jobs.sqlite3", workers=1, max_queue=8,
                  shutdown_grace=0.5, wait_max_seconds=30)
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def client(tmp_path, candidates):
    with TestClient(create_app(settings_for(tmp_path, candidates))) as client:
        yield client


def wait_final(client: TestClient, job_id: str, timeout: float = 30.0, headers=None) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/jobs/{job_id}", headers=headers).json()
        if job["state"] in FINAL:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def read_events(lines) -> list[dict]:
    """Server-sent events as dicts {id, event, data} from an iterator of lines."""
    events, current = [], {}
    for line in lines:
        if not line:
            if current:
                events.append(current)
            current = {}
        elif line.startswith(":"):
            continue
        else:
            name, _, value = line.partition(": ")
            current[name] = json.loads(value) if name == "data" else value
    return events


def check_result(job: dict) -> None:
    assert job["state"] == "done", job
    result = job["result"]
    assert job["progress"]["sampled"] == 4 and job["progress"]["passed_examples"] == 3
    assert job["progress"]["generated_inputs"] > 0
    submissions = result["submissions"]
    assert job["progress"]["clusters"] == 2 and submissions[0]["cluster_size"] == 2
    assert {(s["cluster"], s["cluster_size"]) for s in submissions} == {(0, 2), (1, 1)}
    assert result["submissions"][0]["code"] in (CANDIDATES[0]["code"], CANDIDATES[1]["code"])
    assert "a - b" not in "".join(s["code"] for s in result["submissions"])


# ---------------------------------------------------------------------------------------------------- life cycle


def test_solve_life_cycle(client):
    answer = client.post("/solve", json=PROBLEM)
    assert answer.status_code == 202
    accepted = answer.json()
    assert set(accepted) == {"id", "state"} and accepted["state"] in ("queued", "running")
    assert answer.headers["location"] == f"/jobs/{accepted['id']}"
    job = wait_final(client, accepted["id"])
    check_result(job)
    assert job["budget"]["samples"] == 10 and job["problem"] == "sum"
    assert job["created"] <= job["started"] <= job["finished"]


def test_wait_returns_the_finished_job(client):
    answer = client.post("/solve", params={"wait": 30}, json=QUICK)
    assert answer.status_code == 200
    job = answer.json()
    assert job["state"] == "done" and job["problem"] == "quick"
    assert job["result"]["submissions"][0]["code"] == SUM and job["result"]["submissions"][0]["cluster_size"] == 1


def test_codecontests_row_is_judged_on_its_hidden_tests(client):
    row = {"name": "quick", "description": STATEMENT,
           "public_tests": {"input": [e["input"] for e in EXAMPLES], "output": [e["output"] for e in EXAMPLES]},
           "private_tests": {"input": ["5 6\n", "100 200\n"], "output": ["11\n", "300\n"]},
           "generated_tests": {"input": ["7 8\n"], "output": ["15\n"]},
           "time_limit": {"seconds": 2, "nanos": 0}, "memory_limit_bytes": 256 << 20}
    job = client.post("/solve", params={"wait": 30}, json={"problem": row, "samples": 10}).json()
    assert job["state"] == "done" and job["problem"] == "quick"
    assert job["result"]["hidden_verdicts"] == ["ACCEPTED"] and job["result"]["solved"] is True
    wrong = {**row, "private_tests": {"input": ["5 6\n"], "output": ["12\n"]}}
    job = client.post("/solve", params={"wait": 30}, json={"problem": wrong, "samples": 10}).json()
    assert job["result"]["hidden_verdicts"] == ["WRONG_ANSWER"] and job["result"]["solved"] is False


def test_events_arrive_in_order(client):
    job_id = client.post("/solve", json=PROBLEM).json()["id"]
    with client.stream("GET", f"/jobs/{job_id}/events") as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        events = read_events(stream.iter_lines())
    ids = [int(event["id"]) for event in events]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    states = [event["data"]["state"] for event in events if event["event"] == "state"]
    assert states == ["queued", "running", "done"]
    order = ["sampling", "filtering", "clustering", "speed", "selected", "done"]
    stages = [order.index(event["data"]["stage"]) for event in events if event["event"] == "progress"]
    assert stages == sorted(stages) and stages[-1] == order.index("done")
    final = events[-1]["data"]
    check_result(final)
    # After the end, a reader (resuming or not) gets the finished job as the one event.
    with client.stream("GET", f"/jobs/{job_id}/events", headers={"Last-Event-ID": "2"}) as stream:
        again = read_events(stream.iter_lines())
    assert [event["event"] for event in again] == ["state"] and again[0]["data"]["result"] == final["result"]


# -------------------------------------------------------------------------------------------- cancel and queue


class SlowBackend:
    """Replays candidates slowly, each after an open gate: a solve that lasts as long as a test wants it to."""

    name = "slow"

    def __init__(self, candidates: Path, gate: threading.Event, delay: float = 0.02) -> None:
        self.inner = make_backend("replay", str(candidates))
        self.gate, self.delay = gate, delay

    options, defaults = ReplayBackend.options, ReplayBackend.defaults

    def sample(self, problem, count, params=None):
        for index in range(count):
            while not self.gate.is_set():
                time.sleep(0.01)
            time.sleep(self.delay)
            for candidate in self.inner.sample(problem, 1, params):
                yield type(candidate)(index, candidate.language, candidate.code, self.name)

    def close(self) -> None:
        pass


@pytest.fixture
def gate():
    gate = threading.Event()
    yield gate
    gate.set()


@pytest.fixture
def slow_client(tmp_path, candidates, gate):
    settings = settings_for(tmp_path, candidates, max_queue=2, max_samples=100_000)
    app = create_app(settings, backend_factory=lambda: SlowBackend(candidates, gate))
    with TestClient(app) as client:
        yield client


def wait_running(client: TestClient, job_id: str) -> dict:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        job = client.get(f"/jobs/{job_id}").json()
        if job["state"] == "running" and job["progress"].get("sampled", 0) > 0:
            return job
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} never ran: {job}")


def test_cancel_stops_a_running_job_promptly(slow_client, gate):
    gate.set()
    job_id = slow_client.post("/solve", json={**PROBLEM, "samples": 100_000}).json()["id"]
    wait_running(slow_client, job_id)
    started = time.monotonic()
    answer = slow_client.delete(f"/jobs/{job_id}")
    assert answer.status_code == 200 and answer.json()["state"] == "cancelled"
    assert time.monotonic() - started < 3
    job = slow_client.get(f"/jobs/{job_id}").json()
    assert job["state"] == "cancelled" and job["error"] == "cancelled by the client"
    assert slow_client.delete(f"/jobs/{job_id}").status_code == 200  # cancelling twice is harmless


def test_queue_full_answers_429_with_retry_after(slow_client, gate):
    running = slow_client.post("/solve", json=PROBLEM).json()["id"]
    deadline = time.monotonic() + 10
    while slow_client.get(f"/jobs/{running}").json()["state"] != "running" and time.monotonic() < deadline:
        time.sleep(0.02)
    queued = [slow_client.post("/solve", json=PROBLEM) for _ in range(2)]
    assert [answer.status_code for answer in queued] == [202, 202]
    refused = slow_client.post("/solve", json=PROBLEM)
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert "queue is full" in refused.json()["error"]["message"]
    metrics = slow_client.get("/metrics").text
    assert "solver_queue_depth 2" in metrics and 'solver_jobs_rejected_total{reason="queue_full"} 1' in metrics
    # A queued job is cancelled at once, freeing its place; a finished one cannot be cancelled.
    cancelled = slow_client.delete(f"/jobs/{queued[1].json()['id']}")
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert slow_client.post("/solve", json=PROBLEM).status_code == 202
    gate.set()
    finished = wait_final(slow_client, queued[0].json()["id"])
    assert finished["state"] == "done"
    assert slow_client.delete(f"/jobs/{running}").status_code == 409
    assert slow_client.delete("/jobs/0123456789abcdef").status_code == 404


# ------------------------------------------------------------------------------------------------- bad requests


TOO_MANY_EXAMPLES = [{"input": "1 2\n", "output": "3\n"}] * 501
BAD_REQUESTS = [
    # (body, status, the field named in the message)
    ({"statement": 42}, 422, "statement"),
    ({"statement": "x", "samples": "10"}, 422, "samples"),
    ({"statement": "x", "samples": 0}, 422, "samples"),
    ({"statement": "x", "samples": 10**9}, 422, "samples"),
    ({"statement": "x", "seconds": 10**6}, 422, "seconds"),
    ({"statement": "x", "examples": [{"input": "1"}]}, 422, "examples[0].output"),
    ({"statement": "x", "examples": "1 2"}, 422, "examples"),
    ({"statement": "x", "languages": ["rust"]}, 422, "languages[0]"),
    ({"statement": "x", "time_limit": -1}, 422, "time_limit"),
    ({"statement": "x", "solutions": []}, 422, "solutions"),
    ({"statement": "x", "options": {"temperature": 0.5}}, 422, "options.temperature"),
    ({"statement": "x", "options": {"beam": 4}}, 422, "options.beam"),
    ({"statement": "   "}, 422, "statement"),
    ({}, 422, "statement"),
    ([STATEMENT], 422, "body"),
    ({"statement": "x", "problem": {"name": "p", "description": "d"}}, 422, "problem"),
    ({"problem": {"name": "p", "description": "d", "public_tests": {"input": [1], "output": ["2"]}}}, 422,
     "problem.public_tests.input[0]"),
    ({"problem": {"name": "p", "description": "d"}, "examples": []}, 422, "examples"),
    ({"problem": {"name": "\ud800", "description": "d"}}, 422, "problem.name"),
    ({"statement": "x", "z" * 300: 1}, 422, "z" * 100),
    ({"statement": "x" * 50_001}, 413, "statement"),
    ({"statement": "x", "examples": TOO_MANY_EXAMPLES}, 413, "examples"),
    ({"statement": "x", "examples": [{"input": "7" * 1_000_001, "output": ""}]}, 413, "examples[0].input"),
]


@pytest.fixture(scope="module")
def shared_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("service")
    settings = settings_for(folder, write_candidates(folder / "candidates.jsonl"))
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize(("body", "status", "field"), BAD_REQUESTS, ids=[str(i) for i in range(len(BAD_REQUESTS))])
def test_bad_requests_get_a_4xx_naming_the_field(shared_client, body, status, field):
    answer = shared_client.post("/solve", content=json.dumps(body), headers={"content-type": "application/json"})
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["status"] == status
    assert error["message"].startswith(f"{field}: ") or f"; {field}: " in error["message"], error
    assert any(item["field"] == field for item in error["fields"]), error


def test_malformed_bodies_get_a_4xx(tmp_path, candidates):
    settings = settings_for(tmp_path, candidates, max_body_bytes=10_000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        cases = [
            (b'{"statement": "x",', {"content-type": "application/json"}, 400, "malformed JSON"),
            (b"\xff\xfe", {"content-type": "application/json"}, 400, "malformed JSON"),
            (b"statement=x", {"content-type": "application/x-www-form-urlencoded"}, 422, "JSON object"),
            (b"", {"content-type": "application/json"}, 422, "JSON object"),
            (b'{"statement": "' + b"x" * 20_000 + b'"}', {"content-type": "application/json"}, 413, "limit"),
        ]
        for content, headers, status, words in cases:
            answer = client.post("/solve", content=content, headers=headers)
            assert answer.status_code == status, (content[:40], answer.text)
            assert words in answer.json()["error"]["message"]
        chunked = client.post("/solve", content=iter([b'{"statement": "', b"x" * 20_000, b'"}']),
                              headers={"content-type": "application/json"})
        assert chunked.status_code == 413 and "body" in chunked.json()["error"]["message"]
        assert client.get("/jobs/" + "x" * 500).status_code == 404
        refused = client.put("/solve")
        assert refused.status_code == 405 and refused.headers["allow"] == "POST"
        # The header is an event id (an integer, as the schema says), checked before the job is looked up.
        answer = client.get("/jobs/abc/events", headers={"Last-Event-ID": "x"})
        assert answer.status_code == 422 and answer.json()["error"]["fields"][0]["field"] == "last-event-id"
        assert client.post("/solve", params={"wait": "soon"}, json=PROBLEM).status_code == 422


# --------------------------------------------------------------------------------------------------------- auth


def test_bearer_token_is_required_when_set(tmp_path, candidates):
    settings = settings_for(tmp_path, candidates, token="s3cret-token")
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["cgroups"] in ("v2", "v1", "none (rlimits)")
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret-token"},
                        {"Authorization": "Bearer s3cret-token-and-more"}):
            answer = client.post("/solve", json=PROBLEM, headers=headers)
            assert answer.status_code == 401, headers
            assert answer.headers["www-authenticate"] == "Bearer"
            assert "authorization" in answer.json()["error"]["message"]
        assert client.get("/metrics").status_code == 401
        assert client.get("/jobs/abc").status_code == 401
        good = {"Authorization": "Bearer s3cret-token"}
        answer = client.post("/solve", json=QUICK, headers=good)
        assert answer.status_code == 202
        assert wait_final(client, answer.json()["id"], headers=good)["state"] == "done"
        assert client.get("/metrics", headers=good).status_code == 200


# ------------------------------------------------------------------------------------------------ documentation


def test_docs_are_served_from_the_service_itself(tmp_path, candidates):
    """/docs works without internet: the page names no other host, and what it loads comes from here, without
    the token the API needs."""
    settings = settings_for(tmp_path, candidates, token="s3cret-token")
    with TestClient(create_app(settings)) as client:
        page = client.get("/docs")
        assert page.status_code == 200 and "swagger-ui" in page.text
        assert "http://" not in page.text and "https://" not in page.text and "//cdn" not in page.text
        assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert {asset.rsplit(".", 1)[-1] for asset in assets} >= {"js", "css"}
        for asset in assets:
            loaded = client.get(asset)
            assert loaded.status_code == 200 and loaded.content, asset
        assert "/openapi.json" in page.text and client.get("/openapi.json").status_code == 200
        assert client.get("/redoc").status_code == 404  # no second viewer that would need a CDN
        assert client.get("/metrics").status_code == 401  # the API itself still needs the token


# -------------------------------------------------------------------------------------------- answers, states


def test_an_answer_that_does_not_match_its_model_is_an_error(tmp_path, candidates, monkeypatch):
    """Routes return their models and FastAPI validates each answer: a malformed job is a 500, never sent."""
    settings = settings_for(tmp_path, candidates)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        job_id = client.post("/solve", params={"wait": 30}, json=QUICK).json()["id"]
        good = client.get(f"/jobs/{job_id}").json()
        broken = JobOut.model_construct(**{**good, "state": "exploded"})  # skips validation, as a bug would
        monkeypatch.setattr(client.app.state.manager, "job", lambda job_id: broken)
        answer = client.get(f"/jobs/{job_id}")
        assert answer.status_code == 500 and "exploded" not in answer.text
        assert answer.json()["error"]["message"] == "internal error: ResponseValidationError"
    with TestClient(create_app(settings)) as client:
        monkeypatch.setattr(client.app.state.manager, "job", lambda job_id: {**good, "budget": None})
        with pytest.raises(ResponseValidationError):
            client.get(f"/jobs/{job_id}")


def test_every_state_change_is_stored_and_counted_before_it_is_announced(tmp_path, candidates, monkeypatch):
    """The one transition function writes the store, then memory, then the metric, then the event."""
    app = create_app(settings_for(tmp_path, candidates))
    registry = app.state.metrics.registry
    seen = []
    announce = EventLog.state

    def checked(log, state, details=None, last=False):
        manager = app.state.manager
        counted = {
            JobState.QUEUED: registry.get_sample_value("solver_jobs_submitted_total"),
            JobState.RUNNING: registry.get_sample_value("solver_job_queue_seconds_count"),
        }.get(state) or registry.get_sample_value("solver_jobs_finished_total", {"state": state.value})
        seen.append((state.value, manager.store.counts()[state], counted))
        announce(log, state, details, last)

    monkeypatch.setattr(EventLog, "state", checked)
    with TestClient(app) as client:
        done = client.post("/solve", params={"wait": 30}, json=QUICK).json()
        assert done["state"] == "done"
        with pytest.raises(ValueError, match="no move from done to running"):
            app.state.manager._transition(ActiveJob(done["id"], done["created"], JobState.DONE), JobState.RUNNING)
    assert seen == [("queued", 1, 1), ("running", 1, 1), ("done", 1, 1)]


# ----------------------------------------------------------------------------------------------------- restarts


def test_restart_keeps_finished_results_and_resumes_unfinished_jobs(tmp_path, candidates):
    settings = settings_for(tmp_path, candidates)
    with TestClient(create_app(settings)) as client:
        finished = client.post("/solve", params={"wait": 30}, json=QUICK).json()
    assert finished["state"] == "done"
    # Jobs a crashed server left behind: one queued, one running (first time), one running at a second crash.
    store = JobStore(settings.db)
    spec = JobSpec.from_stored(
        {"name": "quick", "description": STATEMENT, "public_tests": {"input": ["1 2\n", "30 4\n"],
                                                                    "output": ["3\n", "34\n"]}},
        {"samples": 10, "seconds": 60.0})
    for job_id, state, attempts in (("queued1", "queued", 0), ("running1", "running", 1), ("running2", "running", 2)):
        store.insert(job_id, spec, time.time())
        for _ in range(attempts):
            store.mark_running(job_id, time.time())
        assert store.get(job_id)["state"] == state
    store.close()
    with TestClient(create_app(settings)) as client:
        assert client.get(f"/jobs/{finished['id']}").json() == finished
        assert wait_final(client, "queued1")["state"] == "done"
        assert wait_final(client, "running1")["state"] == "done"
        crashed = client.get("/jobs/running2").json()
        assert crashed["state"] == "failed" and "interrupted" in crashed["error"]


# ----------------------------------------------------------------------------------------- readiness, metrics


def test_readyz_reports_a_backend_that_cannot_load(tmp_path, candidates):
    def broken():
        raise BackendError("cannot load the native model: no checkpoint at /nowhere")

    with TestClient(create_app(settings_for(tmp_path, candidates), backend_factory=broken)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        deadline = time.monotonic() + 5
        while (ready := client.get("/readyz")).json()["backend"] == "loading" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ready.status_code == 503 and "no checkpoint" in ready.json()["backend"]
        refused = client.post("/solve", json=PROBLEM)
        assert refused.status_code == 503 and "no checkpoint" in refused.json()["error"]["message"]


class CountingSandbox:
    """The sandbox, counting every program it runs: what the solve's own `runs` count must agree with."""

    def __init__(self, sandbox) -> None:
        self.sandbox, self.runs = sandbox, 0
        self._lock = threading.Lock()

    def __getattr__(self, name: str):
        return getattr(self.sandbox, name)

    def _count(self, amount: int) -> None:
        with self._lock:
            self.runs += amount

    def judge_problem(self, *args, **kwargs):
        result = self.sandbox.judge_problem(*args, **kwargs)
        self._count(sum(test.run is not None for test in result.tests))
        return result

    def run_many(self, jobs, limits):
        for key, run in self.sandbox.run_many(jobs, limits):
            self._count(1)
            yield key, run


def metric(text: str, name: str, **labels: str) -> float:
    """One sample's value, read with prometheus_client's own parser."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    raise KeyError(f"{name} {labels}")


def test_metrics_in_prometheus_text_format(tmp_path, candidates):
    from sandbox import Sandbox

    counting = CountingSandbox(Sandbox())
    with TestClient(create_app(settings_for(tmp_path, candidates), sandbox_factory=lambda: counting)) as client:
        quick = client.post("/solve", params={"wait": 30}, json=QUICK).json()
        assert quick["progress"]["runs"] == 2 == counting.runs  # one candidate on two examples
        job = client.post("/solve", params={"wait": 30}, json=PROBLEM).json()
        client.get("/jobs/nothing-here")
        answer = client.get("/metrics")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
    text = answer.text
    # Examples (2 + 2 + 1 + 2: the one that fails stops at its first), then generated and maximal inputs.
    assert job["progress"]["runs"] == counting.runs - 2 > 7 + job["progress"]["generated_inputs"] * 3
    assert metric(text, "solver_sandbox_runs_total") == counting.runs
    assert metric(text, "solver_samples_total") == 1 + 4
    assert metric(text, "solver_sandbox_compiles_total") == 1 + 4
    assert metric(text, "solver_jobs", state="done") == 2 and metric(text, "solver_jobs", state="failed") == 0
    assert metric(text, "solver_jobs_submitted_total") == 2
    assert metric(text, "solver_jobs_finished_total", state="done") == 2
    assert metric(text, "solver_job_run_seconds_count", state="done") == 2
    assert metric(text, "solver_job_queue_seconds_count") == 2
    assert metric(text, "solver_http_requests_total", method="GET", route="/jobs/{job_id}", status="404") == 1
    assert metric(text, "solver_http_request_seconds_count", route="/solve") == 2
    assert metric(text, "solver_queue_depth") == 0 and metric(text, "solver_jobs_running") == 0
    assert metric(text, "solver_workers") == 1 and metric(text, "solver_ready") == 1
    assert not any(family.name.endswith("per_second") for family in text_string_to_metric_families(text))


def test_metrics_of_one_app_are_its_own(tmp_path, candidates):
    """Each application counts in its own registry: a second one in the same process starts from zero."""
    with TestClient(create_app(settings_for(tmp_path / "a", candidates))) as first:
        first.post("/solve", params={"wait": 30}, json=QUICK)
        assert metric(first.get("/metrics").text, "solver_jobs_submitted_total") == 1
    with TestClient(create_app(settings_for(tmp_path / "b", candidates))) as second:
        assert metric(second.get("/metrics").text, "solver_jobs_submitted_total") == 0


# ------------------------------------------------------------------------------------------------------ settings


def test_settings_from_environment():
    settings = Settings.from_environment({
        "SOLVER_BACKEND": "Native", "SOLVER_WORKERS": "3", "SOLVER_MAX_SECONDS": "90", "SOLVER_DB": "/data/j.db",
        "SOLVER_ALLOWED_OPTIONS": "temperature, top_p", "SOLVER_BACKEND_OPTIONS": '{"batch_size": 32}',
        "SOLVER_TOKEN": "t", "SOLVER_MAX_QUEUE": "",
    })
    assert (settings.backend, settings.workers, settings.max_seconds) == ("native", 3, 90.0)
    assert settings.db == Path("/data/j.db") and settings.token == "t" and settings.max_queue == 32
    assert settings.request_options == ("temperature", "top_p")
    assert dict(settings.backend_options) == {"batch_size": 32}
    assert Settings.from_environment({"SOLVER_BACKEND": "openai"}).request_options == ("temperature", "top_p",
                                                                                        "top_k")
    assert Settings.from_environment({"SOLVER_BACKEND": "replay"}).request_options == ()
    assert Settings.from_environment({"SOLVER_BACKEND": "replay",
                                      "SOLVER_ALLOWED_OPTIONS": "shuffle"}).request_options == ("shuffle",)
    assert Settings.from_environment({"SOLVER_ALLOWED_OPTIONS": "none"}).request_options == ()
    for environ, variable in (({"SOLVER_WORKERS": "two"}, "SOLVER_WORKERS"),
                              ({"SOLVER_WORKERS": "0"}, "SOLVER_WORKERS"),
                              ({"SOLVER_BACKEND": "gpt"}, "SOLVER_BACKEND"),
                              ({"SOLVER_BACKEND_OPTIONS": "{"}, "SOLVER_BACKEND_OPTIONS"),
                              ({"SOLVER_ALLOWED_OPTIONS": "beam"}, "SOLVER_ALLOWED_OPTIONS"),
                              ({"SOLVER_DEFAULT_SECONDS": "500"}, "SOLVER_DEFAULT_SECONDS")):
        with pytest.raises(SettingsError, match=variable):
            Settings.from_environment(environ)
