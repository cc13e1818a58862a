"""Time limits derived from a package's accepted submissions, as problemtools derives them; measured once per package.

A problem that states no time limit but carries a `TimeLimitRule` gets one from its jury: every accepted
submission (`problem.solutions` filed as accepted, or unfiled) is judged on all the problem's tests, public and
hidden, one submission at a time so that their timings do not compete for the CPU, under MEASURE_TIME_LIMIT.
`slowest` is the most CPU time any of them needs on any test, and (`TimeLimitRule.limits`)

    legacy:   time limit = max(1, round(slowest × multiplier)) s
              high limit = max(time limit + 1, round(slowest × multiplier × margin)) s
    2023-07:  time limit = slowest × multiplier, rounded up to a multiple of resolution (at least one resolution)
              high limit = time limit × margin

The high limit is the one submissions filed as too slow must still fail at. A submission that fails a test (or
does not compile) is left out of the timing and listed in the report; if none is left, the package is broken
(ProblemError). A problem that states its limit keeps it, with high limit = limit × margin (2 without a rule);
one with no accepted submission to time gets the default limit.

The measurement is cached in <sandbox cache>/time-limits.json, keyed by a hash of everything it depends on: the
tests, the accepted submissions, the checking rules, the memory limit, the rule and MEASURE_TIME_LIMIT.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from problems import Problem, Solution
from sandbox.errors import ProblemError
from sandbox.judge import Sandbox
from sandbox.limits import Limits, limits_for_problem

# CPU seconds an accepted submission may take on one test while it is timed. problemtools runs them under 300 s
# (its "unknown" limit); a submission needing a minute on one test would give a limit no contest sets, so a minute
# is plenty, and it bounds what a submission filed as accepted but hanging costs us.
MEASURE_TIME_LIMIT = 60.0
# The high limit of a problem that states its time limit and has no rule: problemtools' legacy safety margin.
DEFAULT_MARGIN = 2.0
CACHE_FILE = "time-limits.json"
# Part of every cache key: bump it when the measurement changes, and old entries are ignored.
CACHE_VERSION = "1"


@dataclass(frozen=True)
class TimingReport:
    """How a problem's time limits were found: the limits, the slowest accepted submission and its time (both
    empty when the problem states its limit), and the submissions left out, as (name, verdict)."""

    time_limit: float
    high_limit: float
    slowest: float = 0.0
    slowest_solution: str = ""
    ignored: tuple[tuple[str, str], ...] = ()
    measured: bool = False  # False when stated by the problem or read from the cache


def derived_limits(sandbox: Sandbox, problem: Problem) -> tuple[float, float]:
    """(time limit, high limit) in seconds for the problem, measured from its accepted submissions when it states
    none and has a rule (see the module doc)."""
    report = time_limits(sandbox, problem)
    return report.time_limit, report.high_limit


def problem_limits(sandbox: Sandbox, problem: Problem) -> Limits:
    """The limits a program is judged with on this problem: its stated time limit, else one derived from its
    accepted submissions (see the module doc), else the default; its memory limit, else the default."""
    time_limit, _ = derived_limits(sandbox, problem)
    return limits_for_problem(time_limit, problem.memory_limit_bytes)


def time_limits(sandbox: Sandbox, problem: Problem) -> TimingReport:
    """The problem's time limits with how they were found (see the module doc); cached per package content."""
    rule = problem.time_rule
    if problem.time_limit is not None or rule is None or not accepted_solutions(problem):
        limit = problem.time_limit or limits_for_problem(None, 0).time
        return TimingReport(limit, limit * (rule.margin if rule else DEFAULT_MARGIN))
    cache = Path(sandbox.cache_dir) / CACHE_FILE
    key = cache_key(problem)
    cached = _read_cache(cache).get(key)
    if cached is not None:
        return TimingReport(cached["time_limit"], cached["high_limit"], cached["slowest"],
                            cached["slowest_solution"], tuple(tuple(pair) for pair in cached["ignored"]))
    report = _measure(sandbox, problem)
    entry = dataclasses.asdict(report)
    del entry["measured"]
    _write_cache(cache, key, entry)
    return report


def accepted_solutions(problem: Problem) -> list[Solution]:
    """The jury's submissions that must pass: those filed as accepted, and those filed nowhere."""
    return [s for s in problem.solutions if s.verdict in ("", "accepted")]


def cache_key(problem: Problem) -> str:
    """A hash of everything the measurement depends on."""
    parts = {
        "version": CACHE_VERSION,
        "measure_limit": MEASURE_TIME_LIMIT,
        "rule": dataclasses.asdict(problem.time_rule) if problem.time_rule else None,
        "memory": problem.memory_limit_bytes,
        "interactive": problem.interactive,
        "checker": repr(problem.checker),
        "groups": [repr(group) for group in problem.groups],
        "tests": [[t.input, t.output, t.group] for t in problem.public_tests + problem.hidden_tests],
        "solutions": [[int(s.language), s.code, [list(f) for f in s.files], s.name]
                      for s in accepted_solutions(problem)],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _measure(sandbox: Sandbox, problem: Problem) -> TimingReport:
    assert problem.time_rule is not None
    tests = list(problem.public_tests + problem.hidden_tests)
    limits = Limits(time=MEASURE_TIME_LIMIT, memory=problem.memory_limit_bytes or Limits.memory)
    slowest, slowest_name, ignored = -1.0, "", []
    for number, solution in enumerate(accepted_solutions(problem), 1):
        name = solution.name or f"accepted solution {number}"
        result = sandbox.judge_problem(sandbox.program(solution), problem, tests, limits, stop_on_failure=True)
        if not result.accepted:
            ignored.append((name, result.verdict.value))
        elif result.max_time > slowest:
            slowest, slowest_name = result.max_time, name
    if slowest < 0:
        left_out = ", ".join(f"{name} ({verdict})" for name, verdict in ignored) or "there are none"
        raise ProblemError(f"{problem.name}: no accepted submission passes the tests to derive a time limit from "
                           f"({left_out})")
    time_limit, high_limit = problem.time_rule.limits(slowest)
    return TimingReport(time_limit, high_limit, slowest, slowest_name, tuple(ignored), measured=True)


def _read_cache(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _write_cache(path: Path, key: str, entry: dict) -> None:
    """Add one entry; several processes may share the cache, so under a lock, replaced whole."""
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        entries = _read_cache(path)
        entries[key] = entry
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(entries, indent=1, sort_keys=True))
        partial.replace(path)
