"""Statements as contests write them, for the train and story splits: a character and a setting, formal Input and
Output sections, constraints in the notations real statements use, and a note after the examples.

A story statement is an opening paragraph (who and where, from a pool), the family's story paragraph, then Input
and Output. Formulas in templates are marked ⟦1 ≤ n ≤ N⟧ and written in one notation per problem: plain symbols
(1 ≤ n ≤ 2 ⋅ 10^5), TeX between dollars as in Codeforces' raw statements ($1 \\le n \\le 2 \\cdot 10^5$, or $$$…$$$),
bare TeX ((1 \\le a_i \\le 10^9)), or words for simple bounds (n does not exceed 100, |a_i| does not exceed 10^9).

The pools come in two groups: "train" (story problems mixed into the training split) and "story" (the held-out
story split). They share no name, place, thing, town, opening or note wording, so the story split measures
statements whose details the model never read.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from problems.curriculum.base import NAMES, PLACES, THINGS, Family, assemble, example_limits, format_number, make_tests
from problems.model import Problem

# Of the training problems, this share is told as stories; the rest keep the plain phrasings (training mixes both).
STORY_SHARE = 0.5
# Hidden inputs of the train and story splits draw a family's sizes (n, |s|, t) at most this large, and the last
# hidden input at most LARGE_SIZE_CAP: 3,000 problems generate in seconds and judge quickly, while the statements
# state the bounds real contests state.
SIZE_CAP = 300
LARGE_SIZE_CAP = 3000


@dataclass(frozen=True)
class Pools:
    """Story details of one group: characters, settings, and the wordings around the family's own text."""

    names: tuple[str, ...]
    places: tuple[str, ...]
    things: tuple[str, ...]
    towns: tuple[str, ...]
    openings: tuple[str, ...]  # the first paragraph of a legend: who and where
    notes: tuple[str, ...]  # "{clause}": a family's explanation of the first example
    multitest_notes: tuple[str, ...]  # the same for the first test case of a multi-test example
    answer_notes: tuple[str, ...]  # "{answer}": when the family has no explanation


PLAIN_POOLS = Pools(NAMES["train"], PLACES["train"], THINGS["train"], ("Berland",), ("",), (), (), ())

POOLS = {
    "train": Pools(
        names=NAMES["train"] + ("Monocarp", "Polycarp", "Vasya", "Petya", "Masha", "Timur", "Luba", "Anya", "Vlad",
                                "Kirill", "Dasha", "Nikita"),
        places=PLACES["train"] + ("bakery", "museum", "park", "stadium", "castle", "factory", "cinema", "post office"),
        things=THINGS["train"] + ("cookies", "pencils", "stamps", "bottles", "flowers", "chocolates", "toy cars"),
        towns=("Berland", "Bertown", "Byteland", "Flatland", "Codeville", "Treeland"),
        openings=(
            "{name} has just started a summer job at the {place} in {town}.",
            "Every morning {name} walks to the {place}, where the day never goes quite as planned.",
            "The {place} of {town} is famous for its {things}, and this week {name} is in charge of them.",
            "{name} loves puzzles. Last weekend, while visiting the {place}, {name} came up with a new one.",
            "It is a busy day in {town}: the annual fair has come to the {place}, and {name} is helping the "
            "organisers.",
            "{name} lives in {town} and spends every free minute at the {place}.",
            "Recently {name} became the manager of the {place} in {town}, and the first day brought a problem.",
            "{name} and friends decided to spend the holidays in {town}. On the second day they went to the {place}.",
            "In {town} everybody knows {name}, the most careful worker of the {place}.",
            "Today is a special day for {name}: the {place} in {town} opens its doors after a long renovation.",
        ),
        notes=("In the first example, {clause}.", "In the first sample, {clause}.",
               "Consider the first example: {clause}."),
        multitest_notes=("In the first test case of the first example, {clause}.",
                         "Consider the first test case of the first example: {clause}."),
        answer_notes=("In the first example, the answer is {answer}.",),
    ),
    "story": Pools(
        names=("Timofey", "Aigerim", "Bogdana", "Chiara", "Desmond", "Esther", "Florin", "Gulnara", "Hamid",
               "Ilse", "Jiro", "Katarzyna", "Leopold", "Mirela", "Nnamdi", "Oksana"),
        places=("monastery", "shipyard", "vineyard", "bazaar", "orchard", "archive", "tea house", "ferry terminal"),
        things=("acorns", "kites", "scrolls", "crystals", "mittens", "teacups", "figurines", "walnuts"),
        towns=("Vesteria", "Lindenvale", "Port Salinas", "Qarakol", "Eldham", "Mirrowick"),
        openings=(
            "Far in the north lies {town}, a quiet settlement whose {place} has not changed for centuries. Its "
            "keeper, {name}, likes it that way.",
            "When the rains end in {town}, {name} reopens the old {place} and takes stock of everything in it.",
            "Nobody in {town} remembers who built the {place}, but everyone knows that {name} runs it now.",
            "Rumour has it that the {place} of {town} hides a treasure. {name} does not believe in treasures, "
            "only in careful bookkeeping.",
            "The caravan reached {town} at dawn, and by noon {name} was already busy at the {place}.",
            "Since childhood {name} has collected {things}, and the {place} of {town} is where the collection "
            "finally found a home.",
            "Each spring the guild of {town} sends an apprentice to the {place}; this year the choice fell on "
            "{name}.",
            "Snow had covered {town} for a week, so {name} had plenty of time to sort things out at the {place}.",
        ),
        notes=("Explanation for the first example: {clause}.", "Look at the first example. There, {clause}."),
        multitest_notes=("Explanation for the first test case of the first example: {clause}.",
                         "Look at the first test case of the first example. There, {clause}."),
        answer_notes=("The answer to the first example is {answer}.",),
    ),
}


@dataclass(frozen=True)
class Notation:
    """How formulas are written: plain symbols, TeX (between `delimiter`, or bare), or simple bounds in words."""

    name: str
    tex: bool = False
    delimiter: str = ""
    words: bool = False


PLAIN = Notation("plain")
NOTATIONS = (PLAIN, Notation("tex", True, "$"), Notation("codeforces-tex", True, "$$$"), Notation("bare-tex", True),
             Notation("words", words=True))
NOTATION_WEIGHTS = (5, 2, 1, 1, 2)

_FORMULA = re.compile(r"⟦(.+?)⟧")
_KEY = re.compile(r"(?<![\w|^])-?[A-Z](?![\w])")
_TEX = {"≤": r"\le", "≥": r"\ge", "≠": r"\ne", "⋅": r"\cdot", "…": r"\ldots", "×": r"\times", "∑": r"\sum",
        "⌈": r"\lceil", "⌉": r"\rceil", "⌊": r"\lfloor", "⌋": r"\rfloor"}
_BOUND = re.compile(r"(-?[\w^]+) ≤ ([^≤<>≥]+?) ≤ (-?[\w^]+)")


def number(value: int, notation: Notation) -> str:
    """A bound as the notation writes it: 2 ⋅ 10^5, or 2 \\cdot 10^5 and 10^{18} in TeX."""
    text = format_number(value)
    return _tex(text) if notation.tex else text


def _tex(text: str) -> str:
    text = re.sub(r"\^(-\d+|\d{2,})", r"^{\1}", text)
    for symbol, command in _TEX.items():
        text = text.replace(symbol, f" {command} ")
    text = re.sub(r"(\\[a-z]+) +(?=[,.;:)\]}]|$)", r"\1", text)  # no space before punctuation
    text = re.sub(r"(?<=[(\[]) +(?=\\)", "", text)
    return re.sub(r" {2,}", " ", text).strip()


def _value(token: str, limits: dict[str, int]) -> int | None:
    sign = -1 if token.startswith("-") else 1
    token = token.lstrip("-")
    if token in limits:
        return sign * limits[token]
    base, _, power = token.partition("^")
    if base.isdigit() and (not power or power.isdigit()):
        return sign * int(base) ** int(power or 1)
    return None


def _in_words(formula: str, limits: dict[str, int], rng: random.Random) -> str | None:
    """`L ≤ x ≤ H` as words ("x does not exceed H"); None for anything else, which keeps its symbols."""
    match = _BOUND.fullmatch(formula.strip())
    if not match:
        return None
    low, high = _value(match.group(1), limits), _value(match.group(3), limits)
    if low is None or high is None:
        return None
    names = [name.strip() for name in match.group(2).split(",")]
    subject = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    many = len(names) > 1
    is_, does = ("are", "do") if many else ("is", "does")
    top, bottom = format_number(high), format_number(low)
    if low == -high and not many:
        forms = [f"the absolute value of {subject} does not exceed {top}", f"|{subject}| does not exceed {top}"]
    elif low == 1:
        forms = [f"{subject} {does} not exceed {top}", f"{subject} {is_} at most {top}",
                 f"{subject} {is_} between 1 and {top}"]
    else:
        forms = [f"{subject} {is_} between {bottom} and {top}", f"{subject} {is_} at least {bottom} and at most {top}"]
    return rng.choice(forms)


def formula(text: str, limits: dict[str, int], notation: Notation, rng: random.Random) -> str:
    """One ⟦…⟧ formula in the notation, limits written as numbers."""
    if notation.words:
        worded = _in_words(text, limits, rng)
        if worded is not None:
            return worded

    def bound(match: re.Match[str]) -> str:
        value = _value(match.group(), limits)
        return match.group() if value is None else format_number(value)

    text = _KEY.sub(bound, text)
    return f"{notation.delimiter}{_tex(text)}{notation.delimiter}" if notation.tex else text


def render(template: str, details: dict[str, str], limits: dict[str, int], notation: Notation,
           rng: random.Random) -> str:
    """A template with its details and limits filled in ({N} in prose, ⟦…⟧ formulas) in the notation."""
    numbers = {key: number(value, notation) for key, value in limits.items()}
    if notation.delimiter:
        numbers = {key: f"{notation.delimiter}{value}{notation.delimiter}" for key, value in numbers.items()}
    text = template.format(**details, **numbers)
    return _FORMULA.sub(lambda m: formula(m.group(1), limits, notation, rng), text)


def _capped(limits: dict[str, int], sizes: tuple[str, ...], cap: int) -> dict[str, int]:
    return {key: min(value, cap) if key in sizes else value for key, value in limits.items()}


def build(family: Family, split: str, index: int, rng: random.Random) -> Problem:
    """A problem of the train split (plain or story) or of the story split (story only)."""
    group = "story" if split == "story" else "train"
    told = split == "story" or rng.random() < STORY_SHARE
    if told and not family.stories.get(group):
        raise ValueError(f"Family {family.name}: no story phrasings for the {group} group")
    phrasing = rng.choice(family.stories[group] if told else family.phrasings["train"])
    notation = rng.choices(NOTATIONS, NOTATION_WEIGHTS)[0] if told else PLAIN
    pools = POOLS[group] if told else PLAIN_POOLS
    details = {"name": rng.choice(pools.names), "things": rng.choice(pools.things),
               "place": rng.choice(pools.places), "town": rng.choice(pools.towns)}
    limits = family.limits[split]

    def text(template: str) -> str:
        return render(template, details, limits, notation, rng)

    legend = text(phrasing.legend)
    if told:
        legend = text(rng.choice(pools.openings)) + "\n\n" + legend
    statement = "\n\n".join((legend, "Input", text(phrasing.input), "Output", text(phrasing.output)))
    small = example_limits(family, limits)
    last = family.examples + family.hidden - 1
    tests = make_tests(family, rng, lambda i: small if i < family.examples else _capped(
        limits, family.sizes, LARGE_SIZE_CAP if i == last else SIZE_CAP))
    note = _note(family, tests[0].input, tests[0].output, pools, details, limits, notation, rng) if told else ""
    return assemble(family, split, index, statement, tests, note)


def _note(family: Family, example: str, answer: str, pools: Pools, details: dict[str, str],
          limits: dict[str, int], notation: Notation, rng: random.Random) -> str:
    """A note on the first example: the family's explanation, else its answer when it is short."""
    clause = family.explain(example) if family.explain else None
    if clause is not None:
        templates = pools.multitest_notes if family.multitest else pools.notes
        return render(rng.choice(templates), {**details, "clause": clause}, limits, notation, rng)
    answer = answer.strip()
    if "\n" in answer or len(answer) > 40:
        return ""
    return render(rng.choice(pools.answer_notes), {**details, "answer": answer}, limits, notation, rng)
