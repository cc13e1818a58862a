"""AlphaCode's metadata header (section 4.3): what the encoder reads before the statement, and how it is drawn.

During training the header describes the real solution: the problem's rating and tags, the solution's language,
and whether it is CORRECT or INCORRECT. When sampling, AlphaCode randomised it per sample (a language split
between Python and C++, random tags, a rating drawn uniformly) to make the samples more diverse, and always asked
for CORRECT solutions. `HeaderPolicy` does that (`draw_for(seed, index)`: one sample's own header), or fixes the
header when asked.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sandbox.languages import LANGUAGES
from solver.model.tokenizer import CodeTokenizer

# Codeforces' problem tags, the vocabulary AlphaCode drew random tags from.
CODEFORCES_TAGS = (
    "implementation", "math", "greedy", "dp", "data structures", "brute force", "constructive algorithms",
    "graphs", "sortings", "binary search", "dfs and similar", "trees", "strings", "number theory",
    "combinatorics", "two pointers", "bitmasks", "geometry", "dsu", "shortest paths", "probabilities",
    "divide and conquer", "hashing", "games", "interactive", "flows", "matrices", "string suffix structures",
    "graph matchings", "ternary search", "expression parsing", "meet-in-the-middle", "fft", "2-sat",
    "chinese remainder theorem", "schedules",
)


@dataclass(frozen=True)
class Header:
    """One metadata header. `rating` None and empty `tags` leave those fields out."""

    language: str
    rating: int | None = None
    tags: tuple[str, ...] = ()
    correct: bool = True

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"Header.language: must be one of {LANGUAGES}, got {self.language!r}")
        if self.rating is not None and not 0 < self.rating < 10000:
            raise ValueError(f"Header.rating: must be a Codeforces rating, got {self.rating!r}")
        object.__setattr__(self, "tags", tuple(self.tags))

    def describe(self) -> str:
        parts = [self.language, "CORRECT" if self.correct else "INCORRECT"]
        if self.rating:
            parts.append(f"rating {self.rating}")
        if self.tags:
            parts.append("tags " + ", ".join(self.tags))
        return "; ".join(parts)


def header_ids(tokenizer: CodeTokenizer, header: Header) -> list[int]:
    """The header's part of the encoder input: each field after its control token, up to the statement's token."""
    ids: list[int] = []
    if header.rating is not None:
        ids += [tokenizer.control["<rating>"], *tokenizer.encode(str(header.rating))]
    if header.tags:
        ids += [tokenizer.control["<tags>"], *tokenizer.encode(", ".join(header.tags))]
    ids += [tokenizer.control["<language>"], *tokenizer.encode(header.language)]
    return ids + [tokenizer.control["<correct>" if header.correct else "<incorrect>"], tokenizer.control["<statement>"]]


def join_encoder_ids(header: list[int], statement: list[int], max_length: int) -> list[int]:
    """A header's ids then a statement's, the statement cut to fit (a sampler that encodes one statement under many
    headers tokenizes it once)."""
    room = max_length - len(header)
    if room <= 0:
        raise ValueError(f"the metadata header alone needs {len(header)} tokens; max_length is {max_length}")
    return header + statement[:room]


def encoder_ids(tokenizer: CodeTokenizer, header: Header, statement: str, max_length: int) -> list[int]:
    """The encoder input: header fields, each after its control token, then the statement (cut to fit)."""
    return join_encoder_ids(header_ids(tokenizer, header), tokenizer.encode(statement), max_length)


@dataclass(frozen=True)
class HeaderPolicy:
    """How sampling headers are chosen: fixed, or drawn at random as AlphaCode did."""

    languages: dict[str, float] = field(default_factory=lambda: {"python3": 0.5, "cpp": 0.5})
    rating_range: tuple[int, int] | None = (800, 3500)
    tags: tuple[str, ...] = CODEFORCES_TAGS
    max_tags: int = 3
    fixed: Header | None = None

    def __post_init__(self) -> None:
        if not self.languages or any(lang not in LANGUAGES or w < 0 for lang, w in self.languages.items()):
            raise ValueError(f"HeaderPolicy.languages: weights for {LANGUAGES}, got {self.languages!r}")
        if sum(self.languages.values()) <= 0:
            raise ValueError("HeaderPolicy.languages: at least one weight must be positive")
        if self.rating_range is not None and not 0 < self.rating_range[0] <= self.rating_range[1]:
            raise ValueError(f"HeaderPolicy.rating_range: must be (low, high), got {self.rating_range!r}")

    def draw(self, rng: random.Random) -> Header:
        if self.fixed is not None:
            return self.fixed
        languages = list(self.languages)
        language = rng.choices(languages, weights=[self.languages[lang] for lang in languages])[0]
        rating = None
        if self.rating_range is not None:
            low, high = self.rating_range
            rating = rng.randrange(low // 100, high // 100 + 1) * 100  # Codeforces ratings are multiples of 100
        tags = tuple(rng.sample(self.tags, rng.randint(0, min(self.max_tags, len(self.tags))))) if self.tags else ()
        return Header(language, rating, tags, True)

    def draw_for(self, seed: int, index: int) -> Header:
        """Sample `index`'s own header in a run seeded `seed`, as AlphaCode drew one per sample: from (seed, index)
        alone, so it depends neither on the batch size nor on the other samples."""
        return self.draw(random.Random(f"header:{seed}:{index}"))  # a str seed is hashed (SHA-512), not salted
