"""The pieces of a curriculum family and how one generated problem is assembled from them."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from problems.model import Checker, Language, Problem, Solution, Test
from problems.statement import render_description

# "heldout" is the fixed plain-statement split the shipped model was compared on; "story" is the held-out split of
# story-style statements (see `story.py`).
SPLITS = ("train", "heldout", "story")

# Story details of plain statements. The held-out split draws from pools the training split never uses.
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
    """One way to state a family's task. Templates use {name}, {things}, {place} and the family's limits; story
    phrasings also use {town} and mark formulas as ⟦1 ≤ n ≤ N⟧ (a limit by its bare key), which `story.render`
    writes in the problem's notation."""

    legend: str
    input: str
    output: str


@dataclass(frozen=True)
class MultiTest:
    """What a multi-test variant wraps: t cases of `base` (at most limit "T"), each `lines` lines long. `size`
    measures one case's share of the stated sum over all test cases (limit "S"; one case is at most limit
    `per_case`); None when every case has a fixed size."""

    base: Family
    lines: int
    size: Callable[[str], int] | None = None
    per_case: str = "N"

    def cases(self, text: str) -> list[str]:
        rows = text.splitlines()
        return ["\n".join(rows[1 + i * self.lines: 1 + (i + 1) * self.lines]) + "\n" for i in range(int(rows[0]))]


@dataclass(frozen=True)
class Family:
    """A family of problems: the same task, many statements and inputs.

    `make_input(rng, limits)` returns one test input within `limits`; `solve(input)` returns its answer (our
    trusted oracle); `python` and `cpp` are reference programs that must print exactly what `solve` returns.
    `phrasings` are plain statements ("train", and "heldout" for the families of the fixed held-out split);
    `stories` are story-style ones ("train", and "story" for the held-out story split). `explain(input)` is one
    clause about an example's answer, for the note after the examples (None: a generic note).
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
    stories: dict[str, tuple[Phrasing, ...]] = field(default_factory=dict)  # by split: "train" and "story"
    explain: Callable[[str], str | None] | None = None
    # Limits that count elements (n, |s|, t): the builder of the train and story splits draws hidden inputs far
    # below them, so that statements can state real bounds (2 ⋅ 10^5) while generation stays fast.
    sizes: tuple[str, ...] = ()
    multitest: MultiTest | None = None

    def __post_init__(self) -> None:
        if not self.phrasings.get("train"):
            raise ValueError(f"Family {self.name}: no plain phrasings for the train split")
        for kind, by_split in (("phrasings", self.phrasings), ("stories", self.stories)):
            for split, phrasings in by_split.items():
                if split not in SPLITS or not phrasings:
                    raise ValueError(f"Family {self.name}: {kind}[{split!r}] must be a non-empty split of {SPLITS}")
                if split not in self.limits:
                    raise ValueError(f"Family {self.name}: no limits for the {split} split")
        for key in self.sizes:
            if any(key not in limits for limits in self.limits.values()):
                raise ValueError(f"Family {self.name}: size {key!r} is not a limit of every split")
        if not self.python or not self.cpp:
            raise ValueError(f"Family {self.name}: needs Python 3 and C++ reference programs")


def tell(family: Family, *, train: tuple[Phrasing, ...], story: tuple[Phrasing, ...], limits: dict[str, int],
         explain: Callable[[str], str | None], sizes: tuple[str, ...] = ()) -> Family:
    """`family` with story phrasings for the train and story splits, the story split's limits, an explanation of
    its examples and its size limits; its plain phrasings, limits and references stay as they are."""
    return replace(family, stories={"train": train, "story": story}, limits={**family.limits, "story": limits},
                   explain=explain, sizes=sizes)


def integers(text: str) -> list[int]:
    """Every whitespace-separated integer of an input."""
    return list(map(int, text.split()))


def array_of(text: str) -> list[int]:
    """The array of an input that starts with its length n: the n integers after it (whatever follows them)."""
    tokens = text.split()
    return list(map(int, tokens[1:1 + int(tokens[0])]))


def listed(values) -> str:
    """Values as a sentence lists them: "3", "3 and 5", "3, 4 and 5"."""
    values = [str(value) for value in values]
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + f" and {values[-1]}"


def format_number(value: int) -> str:
    """Constraints the way Codeforces writes them: 100000 → 10^5, 200000 → 2 ⋅ 10^5, 1000 → 1000."""
    if value < 0:
        return "-" + format_number(-value)
    if value >= 10_000:
        for power in range(18, 3, -1):
            unit = 10**power
            if value % unit == 0 and value // unit < 10:
                head = value // unit
                return f"10^{power}" if head == 1 else f"{head} ⋅ 10^{power}"
    return str(value)


def example_limits(family: Family, limits: dict[str, int]) -> dict[str, int]:
    """Bounds for the examples: every limit capped at 10, unless the family says otherwise."""
    return {key: min(value, 10) for key, value in limits.items()} | (family.example_limits or {})


def make_tests(family: Family, rng: random.Random, limits_at: Callable[[int], dict[str, int]]) -> list[Test]:
    """The examples, then the hidden tests, all with distinct inputs; `limits_at(i)` bounds the i-th input."""
    inputs: list[str] = []
    attempts = 0
    while len(inputs) < family.examples + family.hidden and attempts < 200:
        attempts += 1
        text = family.make_input(rng, limits_at(len(inputs)))
        if text not in inputs:
            inputs.append(text)
    return [Test(text, family.solve(text)) for text in inputs]


def assemble(family: Family, split: str, index: int, statement: str, tests: list[Test], note: str = "") -> Problem:
    public, hidden = tests[: family.examples], tests[family.examples:]
    solutions = tuple(Solution(Language.PYTHON3, code) for code in family.python) + tuple(
        Solution(Language.CPP, code) for code in family.cpp
    )
    return Problem(
        name=f"curriculum/{split}/{index:05d}-{family.name}",
        description=render_description(statement, public, note),
        public_tests=tuple(public),
        private_tests=tuple(hidden),
        solutions=solutions,
        cf_rating=family.rating,
        cf_tags=family.tags,
        time_limit=2.0,
        memory_limit_bytes=256 << 20,
        checker=family.checker,
    )


def build_problem(family: Family, split: str, index: int, rng: random.Random) -> Problem:
    """A plain-statement problem, as the fixed held-out split has always been built (its draws must not change)."""
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
    small = example_limits(family, limits)
    tests = make_tests(family, rng, lambda i: small if i < family.examples else limits)
    return assemble(family, split, index, statement, tests)
