"""Clustering by behaviour and choosing the submissions (AlphaCode section 4.6)."""

from __future__ import annotations

import hashlib
import math
import statistics
from collections.abc import Sequence


def behaviour_signature(outcomes: Sequence[str]) -> str:
    """A digest of what a program did on each generated input ("OK:<output tokens>" or the way it failed)."""
    digest = hashlib.sha1()
    for outcome in outcomes:
        digest.update(outcome.encode("utf-8", errors="replace"))
        digest.update(b"\0")
    return digest.hexdigest()


def clusters(signatures: Sequence[str | None]) -> list[list[int]]:
    """Positions grouped by identical signature; the largest group first, ties to the group seen first.

    A None signature (behaviour unknown) is a group of its own.
    """
    groups: dict[object, list[int]] = {}
    for position, signature in enumerate(signatures):
        groups.setdefault(signature if signature is not None else ("alone", position), []).append(position)
    ordered = list(groups.values())
    ordered.sort(key=lambda members: (-len(members), members[0]))
    return ordered


def ordered_clusters(signatures: Sequence[str | None], demoted: Sequence[bool] | None = None,
                     times: Sequence[float | None] | None = None) -> list[list[int]]:
    """Clusters (positions), best first. Without speed figures, AlphaCode's order: largest first (`clusters`).

    With them (`demoted`: failed a maximal input most survivors pass; `times`: CPU time on the maximal inputs),
    members are ordered healthy first, then fastest; clusters by their healthy members (a cluster of programs
    that are all too slow comes after every cluster with one that is not), then by size, then by the median
    speed of their healthy members (ties go to the faster), then by the first position. Speed is compared by
    `speed_class`, so that timing noise does not reorder programs of the same speed.
    """
    groups = clusters(signatures)
    if demoted is None and times is None:
        return groups
    demoted = demoted or [False] * len(signatures)
    times = times or [None] * len(signatures)

    def slowness(position: int) -> float:
        return speed_class(times[position])

    for group in groups:
        group.sort(key=lambda p: (demoted[p], slowness(p), p))

    def rank(group: list[int]) -> tuple:
        healthy = [p for p in group if not demoted[p]]
        return (-len(healthy), -len(group), statistics.median(slowness(p) for p in healthy) if healthy else math.inf,
                min(group))

    groups.sort(key=rank)
    return groups


# Programs under this many CPU seconds are all as fast as each other; above it, speeds are told apart by doubling.
FAST_ENOUGH = 0.1


def speed_class(seconds: float | None) -> float:
    """A coarse speed: 0 under FAST_ENOUGH, then one class per doubling (infinite when unknown). Measured times
    vary from run to run; classes make a selection by speed repeatable except near a class boundary."""
    if seconds is None:
        return math.inf
    return 0.0 if seconds < FAST_ENOUGH else 1.0 + math.floor(math.log2(seconds / FAST_ENOUGH))


def round_robin(groups: Sequence[Sequence[int]], n: int) -> list[int]:
    """One member from each group in order, up to n; with fewer than n groups, wrap around to each group's next
    member in the same order (the second of the first group, the second of the next, ...)."""
    if n < 0:
        raise ValueError(f"round_robin: n must be ≥ 0, got {n}")
    chosen: list[int] = []
    depth = 0
    while len(chosen) < n and any(depth < len(group) for group in groups):
        for group in groups:
            if depth < len(group) and len(chosen) < n:
                chosen.append(group[depth])
        depth += 1
    return chosen


def select_submissions(signatures: Sequence[str | None], n: int = 10, demoted: Sequence[bool] | None = None,
                       times: Sequence[float | None] | None = None) -> list[int]:
    """One program from each cluster, best first (see `ordered_clusters`), up to n; with fewer than n clusters,
    wrap around to the next member of each cluster in the same order."""
    if n < 0:
        raise ValueError(f"select_submissions: n must be ≥ 0, got {n}")
    return round_robin(ordered_clusters(signatures, demoted, times), n)
