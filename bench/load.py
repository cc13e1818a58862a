"""Load on the HTTP service: N concurrent solve requests, some of them malformed, against the real server.

Starts `solver serve` in a subprocess on 127.0.0.1 (a free port, a fresh database), then for each N sends N
requests at once: most are small solves (`wait` holds each open until its job ends), one in five is a bad request
(malformed JSON, a wrong type, an unknown field, an oversize statement). Accepted jobs that outlive the wait are
followed with GET until they end. Per round it prints the answers by status, throughput, p50 and p99 latency, the
429s, and the server's peak memory (VmHWM of its process); the last line is one JSON object with every figure.

The replay backend (a small file of programs written here) needs no model; `--backend native` uses the shipped
checkpoint (or `--model DIR`). Bounded: N requests per round, `--round-seconds` per round.

    python bench/load.py [--requests 50 200] [--backend replay|native] [--workers 2] [--max-queue 64]

Exit status 1 when a 5xx was answered or an accepted job did not reach a final state in time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
FINAL = {"done", "failed", "cancelled"}
STATEMENT = "Read two integers a and b (1 ≤ a ≤ 1000, 1 ≤ b ≤ 1000) and print their sum."
EXAMPLES = [{"input": "1 2\n", "output": "3\n"}, {"input": "30 4\n", "output": "34\n"}]
# A correct program, one that fails the examples, one that passes them by table lookup: two clusters to form.
CANDIDATES = [
    "a, b = map(int, input().split())\nprint(a + b)\n",
    "a, b = map(int, input().split())\nprint(a - b)\n",
    "print({'1 2': 3, '30 4': 34}.get(input().strip(), 0))\n",
]


def bad_requests(max_statement: int) -> list[tuple[bytes, str]]:
    return [
        (b'{"statement": "sum", "examples": [', "malformed JSON"),
        (json.dumps({"statement": STATEMENT, "samples": "four"}).encode(), "wrong type"),
        (json.dumps({"statement": STATEMENT, "budget": 4}).encode(), "unknown field"),
        (json.dumps({"statement": "x" * (max_statement + 1)}).encode(), "oversize statement"),
    ]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def peak_memory(pid: int) -> dict[str, int]:
    """VmHWM (the peak resident set) and VmRSS of a process, in KiB."""
    figures = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmHWM", "VmRSS"):
                figures[name] = int(value.split()[0])
    return figures


def start_server(args: argparse.Namespace, folder: Path) -> tuple[subprocess.Popen, str, Path]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOLVER_BACKEND": args.backend,
           "SOLVER_DB": str(folder / "jobs.sqlite3"), "SOLVER_WORKERS": str(args.workers),
           "SOLVER_MAX_QUEUE": str(args.max_queue), "SOLVER_MAX_STATEMENT_CHARS": str(args.max_statement),
           "SOLVER_WAIT_MAX_SECONDS": str(args.wait)}
    if args.backend == "replay":
        candidates = folder / "candidates.jsonl"
        candidates.write_text("".join(json.dumps({"language": "python3", "code": code}) + "\n"
                                      for code in CANDIDATES))
        env["SOLVER_MODEL"] = str(candidates)
    elif args.model:
        env["SOLVER_MODEL"] = args.model
    log = folder / "server.log"
    process = subprocess.Popen([sys.executable, "-m", "solver", "serve", "--port", str(port), "--log-level",
                                "warning"], cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + args.start_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited at start (code {process.returncode}); see {log}")
        try:
            ready = httpx.get(base + "/readyz", timeout=2)
            if ready.status_code == 200:
                return process, base, log
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server was not ready within {args.start_seconds} s; see {log}")


async def one_request(client: httpx.AsyncClient, number: int, args: argparse.Namespace, deadline: float,
                      bad: list[tuple[bytes, str]]) -> dict:
    """One request; a solve that is accepted is followed to its final state. Returns what happened."""
    started = time.monotonic()
    if number % 5 == 4:
        content, kind = bad[(number // 5) % len(bad)]
        body = {"kind": kind}
    else:
        payload = {"name": f"sum-{number}", "statement": STATEMENT, "examples": EXAMPLES, "samples": args.samples,
                   "seed": number}
        content, body = json.dumps(payload).encode(), {"kind": "solve"}
    try:
        answer = await client.post("/solve", content=content, params={"wait": args.wait},
                                   headers={"content-type": "application/json"})
    except httpx.HTTPError as error:
        return {**body, "status": None, "error": f"{type(error).__name__}: {error}", "answered": None}
    body.update(status=answer.status_code, answered=time.monotonic() - started)
    if answer.status_code == 200:
        body.update(state=answer.json()["state"], finished=body["answered"])
    elif answer.status_code == 202:
        job_id = answer.json()["id"]
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            try:
                job = (await client.get(f"/jobs/{job_id}")).json()
            except httpx.HTTPError:
                continue
            if job["state"] in FINAL:
                body.update(state=job["state"], finished=time.monotonic() - started)
                break
        else:
            body.update(state="unfinished")
    return body


async def run_round(base: str, count: int, args: argparse.Namespace, process: subprocess.Popen) -> dict:
    limits = httpx.Limits(max_connections=count + 8, max_keepalive_connections=count + 8)
    timeout = httpx.Timeout(args.wait + 30, connect=30)
    bad = bad_requests(args.max_statement)
    started = time.monotonic()
    deadline = started + args.round_seconds
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        results = await asyncio.gather(*(one_request(client, n, args, deadline, bad) for n in range(count)))
    elapsed = time.monotonic() - started
    statuses: dict[str, int] = {}
    for result in results:
        key = str(result["status"]) if result["status"] is not None else "transport error"
        statuses[key] = statuses.get(key, 0) + 1
    accepted = [r for r in results if r["status"] in (200, 202)]
    final = [r for r in accepted if r.get("state") in FINAL]
    states: dict[str, int] = {}
    for result in accepted:
        states[result.get("state", "?")] = states.get(result.get("state", "?"), 0) + 1
    bad_sent = [r for r in results if r["kind"] != "solve"]
    job_latency = [r["finished"] for r in final]
    answer_latency = [r["answered"] for r in results if r["answered"] is not None]
    return {
        "requests": count,
        "solves": count - len(bad_sent),
        "bad": len(bad_sent),
        "bad_answered_4xx": sum(1 for r in bad_sent if r["status"] and 400 <= r["status"] < 500),
        "seconds": round(elapsed, 2),
        "statuses": dict(sorted(statuses.items())),
        "status_5xx": sum(n for s, n in statuses.items() if s.startswith("5")),
        "status_429": statuses.get("429", 0),
        "transport_errors": statuses.get("transport error", 0),
        "accepted": len(accepted),
        "final": len(final),
        "states": states,
        "jobs_per_second": round(len(final) / elapsed, 3),
        "requests_per_second": round(count / elapsed, 2),
        "job_latency_p50": round(percentile(job_latency, 0.5), 3),
        "job_latency_p99": round(percentile(job_latency, 0.99), 3),
        "answer_latency_p50": round(percentile(answer_latency, 0.5), 3),
        "answer_latency_p99": round(percentile(answer_latency, 0.99), 3),
        "server_memory_kib": peak_memory(process.pid),
    }


def print_round(figures: dict) -> None:
    memory = figures["server_memory_kib"]
    print(f"\nN = {figures['requests']}: {figures['solves']} solves and {figures['bad']} bad requests in "
          f"{figures['seconds']} s ({figures['requests_per_second']} requests/s)")
    print(f"  answers by status: {figures['statuses']}   5xx: {figures['status_5xx']}   429: "
          f"{figures['status_429']}   bad requests answered 4xx: {figures['bad_answered_4xx']}/{figures['bad']}")
    print(f"  jobs: {figures['accepted']} accepted, {figures['final']} reached a final state {figures['states']}; "
          f"throughput {figures['jobs_per_second']} jobs/s")
    print(f"  latency, accepted job submit -> final: p50 {figures['job_latency_p50']} s, p99 "
          f"{figures['job_latency_p99']} s; any answer: p50 {figures['answer_latency_p50']} s, p99 "
          f"{figures['answer_latency_p99']} s")
    print(f"  server memory: peak (VmHWM) {memory.get('VmHWM', 0) / 1024:.1f} MiB, now (VmRSS) "
          f"{memory.get('VmRSS', 0) / 1024:.1f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, nargs="+", default=[50, 200], metavar="N",
                        help="concurrent requests per round (default 50 200)")
    parser.add_argument("--backend", choices=("replay", "native"), default="replay")
    parser.add_argument("--model", help="native: a checkpoint directory (default: the shipped one)")
    parser.add_argument("--workers", type=int, default=2, help="SOLVER_WORKERS (default 2)")
    parser.add_argument("--max-queue", type=int, default=64, help="SOLVER_MAX_QUEUE (default 64)")
    parser.add_argument("--samples", type=int, default=4, help="samples per solve (default 4)")
    parser.add_argument("--wait", type=float, default=60.0, help="seconds each solve request waits for its job")
    parser.add_argument("--max-statement", type=int, default=20_000, help="SOLVER_MAX_STATEMENT_CHARS")
    parser.add_argument("--round-seconds", type=float, default=600.0, help="a round's time limit (default 600)")
    parser.add_argument("--start-seconds", type=float, default=120.0, help="time for the server to be ready")
    args = parser.parse_args(argv)
    if min(args.requests) < 1 or max(args.requests) > 2000:
        parser.error("--requests: between 1 and 2000 per round")

    folder = Path(tempfile.mkdtemp(prefix="solver-load-"))
    process, base, log = start_server(args, folder)
    print(f"server pid {process.pid} at {base}, backend {args.backend}, {args.workers} workers, queue bound "
          f"{args.max_queue}; log {log}")
    rounds = []
    try:
        for count in args.requests:
            figures = asyncio.run(run_round(base, count, args, process))
            print_round(figures)
            rounds.append(figures)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    failed = any(r["status_5xx"] or r["transport_errors"] or r["final"] < r["accepted"] for r in rounds)
    print(json.dumps({"backend": args.backend, "workers": args.workers, "max_queue": args.max_queue,
                      "rounds": rounds, "ok": not failed}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
