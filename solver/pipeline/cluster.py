"""Clustering by behaviour and choosing the submissions (AlphaCode section 4.6)."""

from __future__ import annotations

import hashlib
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


def select_submissions(signatures: Sequence[str | None], n: int = 10) -> list[int]:
    """One program from each cluster, largest first, up to n; with fewer than n clusters, wrap around to the
    next member of each cluster in the same order (the second of the largest, the second of the next, ...)."""
    if n < 0:
        raise ValueError(f"select_submissions: n must be ≥ 0, got {n}")
    groups = clusters(signatures)
    chosen: list[int] = []
    depth = 0
    while len(chosen) < n and any(depth < len(group) for group in groups):
        for group in groups:
            if depth < len(group) and len(chosen) < n:
                chosen.append(group[depth])
        depth += 1
    return chosen
