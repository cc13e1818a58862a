"""The web page without a browser: the page and every file it loads come from the service itself, `GET /jobs`
lists recent jobs newest first, and with a token the page and its files stay public while the API needs it."""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from fastapi.testclient import TestClient

from problems.model import Problem, Test
from service.app import create_app
from service.intake import JobSpec
from service.states import JobState
from service.store import JobStore
from service.web import STATIC
from tests.test_service import PROBLEM, QUICK, settings_for, wait_final, write_candidates

# What makes a browser fetch something: attributes in HTML, imports in modules, url() and @import in CSS.
REFERENCES = {
    "html": re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']"""),
    "js": re.compile(r"""(?:\bimport\s*(?:[\w*{}\s,]+\s*from\s*)?|\bimport\s*\(\s*)["']([^"']+)["']"""),
    "css": re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)["']"""),
}
ANY_URL = re.compile(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", re.IGNORECASE)


def kind_of(path: str) -> str:
    return "html" if path == "/" or path.endswith(".html") else path.rsplit(".", 1)[-1]


def crawl(client: TestClient, headers=None) -> dict[str, str]:
    """Every same-origin file the page loads, from `/` on: {path: text}. Fails on a reference to anywhere else."""
    seen: dict[str, str] = {}
    pending = ["/"]
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        answer = client.get(path, headers=headers)
        assert answer.status_code == 200, (path, answer.status_code, answer.text[:200])
        kind = kind_of(path)
        expected = {"html": "text/html", "js": "javascript", "css": "text/css"}[kind]
        assert expected in answer.headers["content-type"], (path, answer.headers["content-type"])
        seen[path] = answer.text
        assert not ANY_URL.search(answer.text), (path, ANY_URL.search(answer.text))
        for match in REFERENCES[kind].finditer(answer.text):
            reference = next(group for group in match.groups() if group)
            if reference.startswith("data:"):
                continue
            url = urlsplit(urljoin(f"http://testserver{path}", reference))
            assert url.netloc == "testserver", (path, reference)
            pending.append(url.path)
    return seen


def test_the_page_and_everything_it_loads_come_from_the_service(tmp_path):
    settings = settings_for(tmp_path, write_candidates(tmp_path / "candidates.jsonl"))
    with TestClient(create_app(settings)) as client:
        files = crawl(client)
        index = client.get("/")
        assert "default-src 'self'" in index.headers["content-security-policy"]
        assert client.get("/static/app.js").headers["cache-control"] == "no-cache"
        missing = client.get("/static/nothing.js")
        assert missing.status_code == 404 and "error" in missing.json()
    # Every file of the folder is reached from the page (none is dead), and the modules import one another.
    assert set(files) == {"/"} | {f"/static/{path.name}" for path in STATIC.iterdir() if path.name != "index.html"}
    assert {"/static/app.js", "/static/sse.js", "/static/highlight.js", "/static/chart.js",
            "/static/style.css"} <= set(files)


def test_recent_jobs_are_listed_newest_first(tmp_path):
    settings = settings_for(tmp_path, write_candidates(tmp_path / "candidates.jsonl"))
    with TestClient(create_app(settings)) as client:
        assert client.get("/jobs").json() == {"jobs": []}
        submitted = []
        for name in ("quick", "sum", "quick"):
            submitted.append(client.post("/solve", json={**QUICK, "name": name}).json()["id"])
            time.sleep(0.01)
        for job_id in submitted:
            wait_final(client, job_id)
        listed = client.get("/jobs").json()["jobs"]
        assert [job["id"] for job in listed] == submitted[::-1]
        assert [job["problem"] for job in listed] == ["quick", "sum", "quick"]
        assert all(set(job) == {"id", "state", "problem", "created", "finished"} for job in listed)
        assert all(job["state"] == "done" and job["finished"] >= job["created"] for job in listed)
        assert [job["id"] for job in client.get("/jobs", params={"limit": 2}).json()["jobs"]] == submitted[:0:-1]
        for bad in (0, 201, "many"):
            answer = client.get("/jobs", params={"limit": bad})
            assert answer.status_code == 422 and answer.json()["error"]["fields"][0]["field"] == "limit"
        assert client.get(f"/jobs/{submitted[0]}").json()["state"] == "done"  # the job route is untouched


def test_the_store_lists_by_creation_time_through_its_index(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    spec = JobSpec(Problem(name="p", description="d", public_tests=(Test("1\n", "1\n"),)), samples=1, seconds=1.0)
    for job_id, created in (("b", 20.0), ("a", 10.0), ("c", 30.0)):
        store.insert(job_id, spec, created)
    store.finish("a", JobState.DONE, 40.0, "done", {}, None, None)
    assert [job["id"] for job in store.recent(10)] == ["c", "b", "a"]
    assert store.recent(1) == [{"id": "c", "state": "queued", "name": "p", "created": 30.0, "finished": None}]
    assert store.recent(10)[2] == {"id": "a", "state": "done", "name": "p", "created": 10.0, "finished": 40.0}
    plan = store._execute("EXPLAIN QUERY PLAN SELECT id FROM jobs ORDER BY created DESC LIMIT 5").fetchall()
    assert any("jobs_by_created" in str(row) for row in plan), plan  # never a scan past problems and results
    store.close()


def test_with_a_token_the_page_is_public_and_the_api_is_not(tmp_path):
    settings = settings_for(tmp_path, write_candidates(tmp_path / "candidates.jsonl"), token="let-me-in")
    token = {"Authorization": "Bearer let-me-in"}
    with TestClient(create_app(settings)) as client:
        files = crawl(client)  # no token: the page and all its files
        assert client.get("/readyz").status_code == 200  # what the page asks first, for the options
        for method, path in (("GET", "/jobs"), ("POST", "/solve"), ("GET", "/jobs/x"), ("GET", "/jobs/x/events")):
            answer = client.request(method, path, json=PROBLEM if method == "POST" else None)
            assert answer.status_code == 401, (method, path)
        assert client.get("/jobs", headers={"Authorization": "Bearer wrong"}).status_code == 401
        job_id = client.post("/solve", json=QUICK, headers=token).json()["id"]
        assert [job["id"] for job in client.get("/jobs", headers=token).json()["jobs"]] == [job_id]
        wait_final(client, job_id, headers=token)
    # The page sends the token on every call, the event stream's included (fetch, since EventSource cannot).
    script = files["/static/app.js"] + files["/static/sse.js"]
    assert "Authorization: `Bearer ${token}`" in script and "Last-Event-ID" in script
    assert "EventSource(" not in script


def test_the_page_names_every_control(tmp_path):
    """Every input, textarea and select of the page has a label (its `for`, or a label around it)."""
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    for tag in re.finditer(r"<(input|textarea|select)\b([^>]*)>", html):
        attributes = tag.group(2)
        ident = re.search(r'\bid="([^"]+)"', attributes)
        wrapped = html.rfind("<label", 0, tag.start()) > html.rfind("</label>", 0, tag.start())
        assert wrapped or (ident and ident.group(1) in labelled), tag.group(0)
    assert Path(STATIC / "index.html").stat().st_size < 20_000
