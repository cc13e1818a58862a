"""A generated curriculum of easy contest problems, deterministic from a seed, with two fixed held-out splits.

Each family (sums, extremes, counting, sorting, parity, divisibility, gcd and lcm, prefix sums, strings, greedy
choices, closed formulas, multi-test variants, ...) knows how to phrase its statement in several ways, plain or as
a story (`story.py`), how to make valid inputs within stated constraints, the answer to any input (a trusted Python
oracle), and reference programs in Python 3 and C++.

Splits: "train" mixes plain and story statements; "heldout" is the plain-statement split the shipped model was
compared on, frozen (its families, phrasings and draws never change); "story" has story statements only, with
names, places, things, openings and wordings that training never shows.

    from problems.curriculum import generate
    for problem in generate("train", 1000, seed=0): ...
    held_out = list(generate("heldout", 50))
    stories = list(generate("story", 100))

The loaders accept the same as a path: `curriculum:train:1000` (seed 0), `curriculum:story:100:7`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from problems.curriculum import story
from problems.curriculum.base import SPLITS, Family, Phrasing, build_problem, format_number
from problems.curriculum.families import FAMILIES, HELDOUT_FAMILIES
from problems.model import Problem

__all__ = ["FAMILIES", "HELDOUT_FAMILIES", "SPLITS", "Family", "Phrasing", "format_number", "generate",
           "parse_spec"]

# The held-out split is fixed for everyone: its own seed, independent of any training seed.
HELDOUT_SEED = 20260101
_SPEC = "curriculum:" + "|".join(SPLITS) + ":COUNT[:SEED]"


def generate(split: str, count: int, seed: int = 0) -> Iterator[Problem]:
    """`count` problems of a split, cycling through the families; problem i depends only on (split, seed, i)."""
    if split not in SPLITS:
        raise ValueError(f"curriculum split must be one of {SPLITS}, got {split!r}")
    if count < 0:
        raise ValueError(f"curriculum count must be ≥ 0, got {count}")
    for index in range(count):
        if split == "heldout":
            rng = random.Random(f"heldout:{HELDOUT_SEED}:{index}")
            yield build_problem(HELDOUT_FAMILIES[index % len(HELDOUT_FAMILIES)], split, index, rng)
        else:
            rng = random.Random(f"{split}:{seed}:{index}")
            yield story.build(FAMILIES[index % len(FAMILIES)], split, index, rng)


def parse_spec(spec: str) -> tuple[str, int, int]:
    """`curriculum:SPLIT:COUNT[:SEED]` → (split, count, seed); raises ValueError with the expected form."""
    parts = spec.split(":")
    if parts[0] != "curriculum" or len(parts) not in (3, 4) or parts[1] not in SPLITS:
        raise ValueError(f"expected {_SPEC}, got {spec!r}")
    try:
        count, seed = int(parts[2]), int(parts[3]) if len(parts) == 4 else 0
    except ValueError:
        raise ValueError(f"expected {_SPEC} with whole numbers, got {spec!r}") from None
    return parts[1], count, seed
