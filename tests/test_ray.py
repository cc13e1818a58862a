"""`solver batch --ray`: the same lines as a local run, problem by problem, whether Ray runs in this process or on a
cluster of two nodes one of which is killed mid-problem; and Ray stays unimported without the flag.

The cluster is real: a head and a worker node started with `ray start` on this machine, each in a session of its
own and with a temporary directory of its own, torn down by killing those sessions' processes (and the worker
processes their raylets started, which Ray puts in sessions of their own), so that no other Ray on the machine is
touched. `ray stop` would stop every Ray on the machine.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from solver.evaluation.batch import RESULTS, read_results, record
from tests.conftest import ROOT

HAVE_RAY = importlib.util.find_spec("ray") is not None
needs_ray = pytest.mark.skipif(not HAVE_RAY, reason="ray is not installed (pip install -e '.[ray]')")

BATCH = ["problems/bundled", "--backend", "replay"]
LIMIT = 6  # the two runs compared side by side
KILLED_LIMIT = 4  # the cluster run, compared with the first problems of the same local run
RAY_BIN = shutil.which("ray", path=str(Path(sys.executable).parent)) or shutil.which("ray") or "ray"
# No token to find or write in ~/.ray, no usage report, and a small object store for a machine of two cores.
RAY_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0",
           "RAY_DEFAULT_OBJECT_STORE_MEMORY_PROPORTION": "0.05"}
OBJECT_STORE = "--object-store-memory=100000000"


def _submissions(directory: Path) -> dict[str, list]:
    """Each problem's submissions (the programs, in order), keyed by problem: what must not depend on Ray."""
    rows = read_results(directory)
    names = [row["problem"] for row in rows]
    assert len(names) == len(set(names)), f"a problem written twice: {names}"
    assert all("error" not in row for row in rows), [row.get("error") for row in rows]
    return {row["problem"]: [submission["code"] for submission in row["submissions"]] for row in rows}


def _solver(args: list[str], env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "solver", "batch", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **RAY_ENV, **(env or {})}, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def local_run(tmp_path_factory) -> tuple[dict[str, list], list[str], list[str]]:
    """The batch without Ray: each problem's submissions, the problems in the dataset's order, and the Ray modules
    the run imported (none, it must be)."""
    out = tmp_path_factory.mktemp("local") / "run"
    probe = ("import sys; from solver.cli import main; code = main(sys.argv[1:]); "
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'ray'))); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", "import json; " + probe, "batch", *BATCH, "--out", str(out),
                           "--limit", str(LIMIT)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    order = [row["problem"] for row in read_results(out)]
    return _submissions(out), order, json.loads(done.stdout.strip().splitlines()[-1])


@needs_ray
def test_without_ray_flag_nothing_imports_ray(local_run):
    _, _, imported = local_run
    assert imported == []


def test_ray_flag_without_ray_installed_is_one_line_and_exit_2(tmp_path):
    out = tmp_path / "run"
    # None in sys.modules makes `import ray` fail as it does where Ray is not installed.
    code = ("import sys; sys.modules['ray'] = None; from solver.cli import main; "
            f"sys.exit(main(['batch', 'problems/bundled', '--out', {str(out)!r}, '--backend', 'replay', "
            "'--ray', 'local']))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--ray needs Ray" in lines[0] and "pip install" in lines[0], done.stderr
    assert not out.exists()  # refused before anything was started


def test_a_second_completion_of_a_problem_is_not_written(tmp_path):
    path = tmp_path / RESULTS
    done: set[str] = set()
    row = {"problem": "A", "solved": True, "stats": {"passed_examples": 3}}
    assert record(path, row, done) == {"problem": "A", "solved": True, "passed_examples": 3, "error": None}
    assert record(path, {**row, "solved": False}, done) is None
    assert [row["problem"] for row in read_results(tmp_path)] == ["A"]
    assert read_results(tmp_path)[0]["solved"] is True


@needs_ray
def test_bad_ray_address_is_refused(tmp_path):
    done = subprocess.run([sys.executable, "-m", "solver", "batch", *BATCH, "--out", str(tmp_path / "run"),
                           "--ray", "not an address"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--ray: expected auto, local" in done.stderr
    assert not (tmp_path / "run").exists()


@needs_ray
def test_gpu_requests_follow_the_backend():
    from solver.backends import BackendSpec
    from solver.evaluation.distributed import gpus_for, on_node

    assert gpus_for(BackendSpec("replay"), cluster_gpus=8) == 0
    assert gpus_for(BackendSpec("openai", "m", {"base_url": "http://x"}), cluster_gpus=8) == 0
    assert gpus_for(BackendSpec("native", None, {"device": "cpu"}), cluster_gpus=8) == 0
    assert gpus_for(BackendSpec("native", None, {"device": "auto"}), cluster_gpus=0) == 0
    assert gpus_for(BackendSpec("native", None, {"device": "auto"}), cluster_gpus=1) == 1
    assert gpus_for(BackendSpec("hf", "m", {"device": "cuda:3"}), cluster_gpus=8) == 1
    assert gpus_for(BackendSpec("vllm", "m", {"tensor_parallel_size": 2}), cluster_gpus=8) == 2
    assert on_node(BackendSpec("hf", "m", {"device": "cuda:3"}), 1).settings["device"] == "cuda"
    assert on_node(BackendSpec("native", None, {"device": "cpu"}), 0).settings["device"] == "cpu"


@needs_ray
def test_ray_local_gives_the_same_submissions(local_run, tmp_path):
    expected, _, _ = local_run
    out = tmp_path / "run"
    ray_tmp = tempfile.mkdtemp(prefix="ray-", dir="/tmp")  # short: Ray's socket paths must fit in 107 bytes
    try:
        done = _solver([*BATCH, "--out", str(out), "--limit", str(LIMIT), "--ray", "local"],
                       env={"RAY_TMPDIR": ray_tmp})
    finally:
        shutil.rmtree(ray_tmp, ignore_errors=True)
    assert _submissions(out) == expected
    assert "nodes=1" in done.stderr and "rate=" in done.stderr
    assert "ray" not in json.loads((out / "run.json").read_text())  # a run may resume anywhere


# ------------------------------------------------------------------------------------ a cluster of two nodes


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(parent: int) -> list[int]:
    """The processes whose parent is `parent` (from /proc: no psutil needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def _title(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class Node:
    """One `ray start --block` in a session of its own: the node lives as long as that session's processes and
    the workers its raylet started. `own_cache`: a sandbox cache of its own, removed with the node."""

    def __init__(self, name: str, args: list[str], own_cache: bool = False) -> None:
        self.temp = Path(tempfile.mkdtemp(prefix=f"ray-{name}-", dir="/tmp"))  # short, for Ray's socket paths
        self.cache = Path(tempfile.mkdtemp(prefix="test-ray-sandbox-")) if own_cache else None
        self.log = self.temp / "start.log"
        env = {**os.environ, **RAY_ENV, **({"SANDBOX_CACHE": str(self.cache)} if self.cache else {})}
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [RAY_BIN, "start", *args, f"--temp-dir={self.temp}", "--disable-usage-stats", OBJECT_STORE,
                 "--block"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env, cwd=ROOT)

    def wait_started(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while "Ray runtime started" not in self.log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ray start did not start: {self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)

    def raylet(self) -> int | None:
        for pid in _children(self.process.pid):
            if "raylet/raylet" in _title(pid):
                return pid
        return None

    def workers(self) -> list[int]:
        raylet = self.raylet()
        return [] if raylet is None else _children(raylet)

    def kill(self) -> None:
        """SIGKILL to the node's session and to its workers: the node dies as a machine that loses power."""
        workers = self.workers()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for pid in workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(timeout=30)

    def remove(self) -> None:
        if self.process.poll() is None:
            self.kill()
        shutil.rmtree(self.temp, ignore_errors=True)
        if self.cache:
            shutil.rmtree(self.cache, ignore_errors=True)


@pytest.fixture
def cluster() -> Iterator[tuple[str, Node]]:
    """A head node and a worker node, one CPU each and a resource of their own; the address to join them at."""
    port = _free_port()
    head = Node("head", ["--head", f"--port={port}", "--num-cpus=1", '--resources={"head": 1}',
                         "--include-dashboard=false", f"--ray-client-server-port={_free_port()}",
                         f"--dashboard-port={_free_port()}",
                         f"--dashboard-agent-listen-port={_free_port()}"])
    nodes = [head]
    try:
        head.wait_started()
        # The worker is killed mid-run: its sandbox's scratch files must meet no other test.
        worker = Node("worker", [f"--address=127.0.0.1:{port}", "--num-cpus=1", '--resources={"worker": 1}',
                                 f"--dashboard-agent-listen-port={_free_port()}"], own_cache=True)
        nodes.append(worker)
        worker.wait_started()
        yield f"127.0.0.1:{port}", worker
    finally:
        for node in reversed(nodes):
            node.remove()


@needs_ray
def test_a_node_killed_mid_problem_loses_nothing_and_writes_nothing_twice(local_run, cluster, tmp_path):
    address, worker = cluster
    expected, order, _ = local_run
    out = tmp_path / "run"
    log = tmp_path / "stderr.txt"  # a file, not a pipe: nobody reads a pipe while the run is watched
    with open(log, "w") as stderr_file:
        batch = subprocess.Popen([sys.executable, "-m", "solver", "batch", *BATCH, "--out", str(out),
                                  "--limit", str(KILLED_LIMIT), "--ray", address],
                                 cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr_file, start_new_session=True,
                                 env={**os.environ, **RAY_ENV})
    try:
        # Kill the worker node the moment one of its processes is solving a problem.
        deadline = time.monotonic() + 120
        while not any(_title(pid).startswith("ray::NodeSolver.solve") for pid in worker.workers()):
            if batch.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the worker node never solved a problem: {log.read_text()[-3000:]}")
            time.sleep(0.02)
        worker.kill()
        written_before = len(read_results(out))
        batch.wait(timeout=300)
    finally:
        if batch.poll() is None:
            os.killpg(batch.pid, signal.SIGKILL)
            batch.wait()
    stderr = log.read_text()
    assert batch.returncode == 0, stderr[-3000:]
    assert written_before < KILLED_LIMIT
    assert "its node was lost; solving it again on another" in stderr, stderr[-3000:]  # it held a problem
    assert _submissions(out) == {name: expected[name] for name in order[:KILLED_LIMIT]}
