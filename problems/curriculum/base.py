"""The pieces of a curriculum family and how one generated problem is assembled from them."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from problems.model import Checker, Language, Problem, Solution, Test
from problems.statement import render_description

SPLITS = ("train", "heldout")

# Story details. The held-out split draws from pools the training split never uses.
NAMES = {
    "train": ("Alice", "Bob", "Carol", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kofi",
              "Lena", "Marco", "Nadia", "Oleg", "Priya", "Quentin", "Rosa", "Sami", "Tanya"),
    "heldout": ("Umar", "Vera", "Wendell", "Ximena", "Yusuf", "Zoe", "Anouk", "Bartek"),
}
THINGS = {
    "train": ("apples", "coins", "books", "stones", "cards", "marbles", "boxes", "candles", "shells", "tickets"),
    "heldout": ("lanterns", "pebbles", "feathers", "buttons"),
}
PLACES = {
    "train": ("market", "library", "harbour", "garden", "school", "workshop", "station", "village"),
    "heldout": ("observatory", "lighthouse", "greenhouse"),
}


@dataclass(frozen=True)
class Phrasing:
    """One way to state a family's task. Templates use {name}, {things}, {place} and the family's limits."""

    legend: str
    input: str
    output: str


@dataclass(frozen=True)
class Family:
    """A family of problems: the same task, many statements and inputs.

    `make_input(rng, limits)` returns one test input within `limits`; `solve(input)` returns its answer (our
    trusted oracle); `python` and `cpp` are reference programs that must print exactly what `solve` returns.
    """

    name: str
    rating: int
    tags: tuple[str, ...]
    phrasings: dict[str, tuple[Phrasing, ...]]  # by split
    limits: dict[str, dict[str, int]]  # by split: the bounds the statement states and the inputs respect
    make_input: Callable[[random.Random, dict[str, int]], str]
    solve: Callable[[str], str]
    python: tuple[str, ...]
    cpp: tuple[str, ...]
    examples: int = 2
    hidden: int = 8
    # Bounds for the examples, which should be small as in real statements (default: every limit capped at 10).
    example_limits: dict[str, int] | None = None
    checker: Checker = field(default_factory=Checker)  # how outputs are judged (default: CodeContests' tokens)

    def __post_init__(self) -> None:
        for split in SPLITS:
            if not self.phrasings.get(split):
                raise ValueError(f"Family {self.name}: no phrasings for the {split} split")
            if split not in self.limits:
                raise ValueError(f"Family {self.name}: no limits for the {split} split")
        if not self.python or not self.cpp:
            raise ValueError(f"Family {self.name}: needs Python 3 and C++ reference programs")


def format_number(value: int) -> str:
    """Constraints the way Codeforces writes them: 100000 → 10^5, 200000 → 2 ⋅ 10^5, 1000 → 1000."""
    if value >= 10_000:
        for power in range(18, 3, -1):
            unit = 10**power
            if value % unit == 0 and value // unit < 10:
                head = value // unit
                return f"10^{power}" if head == 1 else f"{head} ⋅ 10^{power}"
    return str(value)


def build_problem(family: Family, split: str, index: int, rng: random.Random) -> Problem:
    limits = family.limits[split]
    phrasing = rng.choice(family.phrasings[split])
    details = {
        "name": rng.choice(NAMES[split]),
        "things": rng.choice(THINGS[split]),
        "place": rng.choice(PLACES[split]),
        **{key: format_number(value) for key, value in limits.items()},
    }
    statement = "\n\n".join((
        phrasing.legend.format(**details),
        "Input",
        phrasing.input.format(**details),
        "Output",
        phrasing.output.format(**details),
    ))
    small = family.example_limits or {key: min(value, 10) for key, value in limits.items()}
    inputs: list[str] = []
    attempts = 0
    while len(inputs) < family.examples + family.hidden and attempts < 200:
        attempts += 1
        text = family.make_input(rng, small if len(inputs) < family.examples else limits)
        if text not in inputs:
            inputs.append(text)
    tests = [Test(text, family.solve(text)) for text in inputs]
    public, hidden = tests[: family.examples], tests[family.examples:]
    solutions = tuple(Solution(Language.PYTHON3, code) for code in family.python) + tuple(
        Solution(Language.CPP, code) for code in family.cpp
    )
    return Problem(
        name=f"curriculum/{split}/{index:05d}-{family.name}",
        description=render_description(statement, public),
        public_tests=tuple(public),
        private_tests=tuple(hidden),
        solutions=solutions,
        cf_rating=family.rating,
        cf_tags=family.tags,
        time_limit=2.0,
        memory_limit_bytes=256 << 20,
        checker=family.checker,
    )
