"""Test inputs for clustering, made with no correct solution at hand (AlphaCode section 4.6).

From the example inputs we infer their structure: lines of tokens with their types, counts that announce the
length of a later line or the number of later lines, and a leading test count that splits the rest into blocks of
one shape. The examples also show relations a valid input keeps: a value never above an earlier one (k ≤ n, an
index ≤ n, l ≤ r), a string as long as a stated count, distinct values, the n - 1 edges of a tree, a character
that appears exactly once in a grid. From the statement we read stated bounds ("1 ≤ k ≤ n ≤ 2 ⋅ 10^5",
"−10^9 ≤ a_i ≤ 10^9", "1 ≤ |s| ≤ 100") and, from the input format's own words ("two integers n and q"), which
token each name belongs to. New inputs are then made fresh within the bounds and relations, kept small so that
hundreds of programs can run on them quickly. Inputs on which most candidates crash are dropped later, by the
pipeline, as probably invalid.

`InputGenerator` is the interface: anything with `generate(statement, examples, count, rng)` can supply inputs,
a trained test-input model included (AlphaCode trained one).
"""

from __future__ import annotations

import dataclasses
import math
import random
import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

SMALL = 12  # counts and lengths of generated inputs stay around this size: cheap to run, enough to tell apart
NAN = float("nan")


class InputGenerator(Protocol):
    def generate(self, statement: str, examples: list[str], count: int, rng: random.Random) -> list[str]: ...


# ------------------------------------------------------------------------------------------------ constraints

_LATEX = (
    (r"\\(?:left|right)(?![A-Za-z])", ""),
    (r"\\(?:le|leq|leqslant)(?![A-Za-z])", "≤"),
    (r"\\(?:ge|geq|geqslant)(?![A-Za-z])", "≥"),
    (r"\\lt(?![A-Za-z])", "<"),
    (r"\\gt(?![A-Za-z])", ">"),
    (r"\\(?:ne|neq)(?![A-Za-z])", "≠"),
    (r"\\(?:cdot|times)(?![A-Za-z])", "⋅"),
    (r"\\(?:ldots|dots|cdots)(?![A-Za-z])", "…"),
    (r"\\(?:lvert|rvert|vert|mid)(?![A-Za-z])", "|"),
    (r"\\[,;:! ]|~|\$", " "),
)


def _clean(text: str) -> str:
    """Statement text with LaTeX spelled as plain symbols: $1 \\le n \\le 10^{5}$ → 1 ≤ n ≤ 10^{5}."""
    for pattern, replacement in _LATEX:
        text = re.sub(pattern, replacement, text)
    return text.replace("⩽", "≤").replace("⩾", "≥").replace("<=", "≤").replace(">=", "≥")


_POWER = r"(?:\s*[⋅·*×x]\s*10\s*\^\s*\{?\s*\d+\s*\}?|\s*\^\s*\{?\s*\d+\s*\}?|[eE]\d+)"
_NUMBER = rf"(?:\d{{1,3}}(?:[ ,]\d{{3}})+(?!\d)|\d+(?:\.\d+)?){_POWER}?"
_NAME = r"\|[^|\n]{1,20}\||[A-Za-z][A-Za-z0-9]*(?:_(?:\{[^}\s]{1,12}\}|[A-Za-z0-9]+))?"
_PIECE = re.compile(
    rf"(?P<number>{_NUMBER})|(?P<op>[≤≥<>])|(?P<sep>,|\band\b|\bor\b)|(?P<name>{_NAME})|(?P<minus>[-−–])"
    r"|(?P<arith>[+*/⋅·×^]|\bmod\b)|(?P<space>\s+)|(?P<other>.)",
    re.S,
)


def parse_number(text: str) -> int | None:
    """'10^5' → 100000, '2 ⋅ 10^5' → 200000, '−10^9' → -1000000000, '1 000' → 1000, '1e5' → 100000."""
    text = _clean(text).replace("−", "-").replace("–", "-").replace("{", "").replace("}", "")
    text = re.sub(r"[\s,]", "", text)
    negative = text.startswith("-")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[⋅·*×x]10\^(\d+)|\^(\d+)|[eE](\d+))?", text.lstrip("-"))
    if not match:
        return None
    base, times_power, power, exponent = match.groups()
    number: float | int = int(base) if base.isdigit() else float(base)
    if times_power is not None or exponent is not None:
        number = number * 10 ** int(times_power or exponent)
    elif power is not None:
        number = number ** int(power)
    value = int(number)
    return -value if negative else value


def _variable(name: str) -> str:
    """A name as bounds and tokens share it: a_1, a_{i}, a_j → a_i; |s| → len:s."""
    name = name.strip().strip("$").replace(" ", "")
    if name.startswith("|") and name.endswith("|"):
        return "len:" + name.strip("|")
    return re.sub(r"_\{?[A-Za-z0-9]+\}?$", "_i", name)


@dataclass
class _Term:
    kind: str  # number, names or expression
    value: int | None = None
    names: list[str] = field(default_factory=list)


def _chains(text: str) -> list[tuple[list[_Term], list[str]]]:
    """Comparison chains ("1 ≤ k ≤ n ≤ 2 ⋅ 10^5", "0 ≤ a, b < L") as terms and the operators between them."""
    found: list[tuple[list[_Term], list[str]]] = []
    terms: list[_Term] = []
    ops: list[str] = []
    # start: no term yet; term: a term just ended; op: a comparison just read; list: a comma after names ("a, b");
    # arith: an arithmetic operator after a term ("n ⋅ m", "n - 1"), which makes the term an expression.
    state = "start"
    negative = False  # a minus sign before a number

    def close() -> None:
        nonlocal terms, ops
        if len(ops) > len(terms) - 1:
            ops = ops[: len(terms) - 1]
        if ops:
            if len(terms[-1].names) > 1:  # "≤ n, u_i ≠ v_i": the list after the last bound is the next phrase
                terms[-1].names = terms[-1].names[:1]
            found.append((terms, ops))
        terms, ops = [], []

    for match in _PIECE.finditer(_clean(text)):
        kind, piece = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind == "number" or kind == "name":
            term = (_Term("number", parse_number(piece)) if kind == "number"
                    else _Term("names", names=[_variable(piece)]))
            if kind == "number" and negative and term.value is not None:
                term.value = -term.value
            negative = False
            if state == "arith":
                terms[-1] = _Term("expression")
                state = "term"
            elif state == "list" and kind == "name":
                terms[-1].names.append(term.names[0])
                state = "term"
            elif state in ("op", "start"):
                terms.append(term)
                state = "term"
            else:
                close()
                terms.append(term)
                state = "term"
            if term.kind == "number" and term.value is None:
                terms[-1] = _Term("expression")
        elif kind == "op":
            if state in ("term", "list"):
                ops.append(piece)
                state = "op"
            else:
                close()
                state = "start"
        elif kind == "sep":
            if state == "term" and terms[-1].kind == "names":
                state = "list"
            else:
                close()
                state = "start"
        elif kind == "minus":
            if state in ("op", "start"):
                negative = True
            elif state == "term":
                state = "arith"
            else:
                close()
                state = "start"
        elif kind == "arith" and state == "term":
            state = "arith"
        else:
            close()
            state = "start"
            negative = False
    close()
    return found


def _ascending(terms: list[_Term], ops: list[str]) -> tuple[list[_Term], list[str]] | None:
    if all(op in "≤<" for op in ops):
        return terms, ops
    if all(op in "≥>" for op in ops):
        flipped = {"≥": "≤", ">": "<"}
        return terms[::-1], [flipped[op] for op in reversed(ops)]
    return None


def parse_constraints(statement: str) -> dict[str, tuple[int, int]]:
    """Stated bounds by variable: {'n': (1, 100000), 'a_i': (-10**9, 10**9), 'len:s': (1, 100)}.

    Bounds reach through a chain ("1 ≤ k ≤ n ≤ 2 ⋅ 10^5" bounds k and n alike); a strict "<" next to a number
    moves the bound by one. A variable bounded on one side only ("0 ≤ a < L") is left out.
    """
    bounds: dict[str, tuple[int, int]] = {}
    for terms, ops in _chains(statement):
        ordered = _ascending(terms, ops)
        if ordered is None:
            continue
        terms, ops = ordered
        for position, term in enumerate(terms):
            if term.kind != "names":
                continue
            low = high = None
            for left in range(position - 1, -1, -1):
                if terms[left].kind == "number":
                    low = terms[left].value + ("<" in ops[left:position])
                    break
            for right in range(position + 1, len(terms)):
                if terms[right].kind == "number":
                    high = terms[right].value - ("<" in ops[position:right])
                    break
            if low is None or high is None or low > high:
                continue
            for name in term.names:
                if re.fullmatch(r"(len:)?[A-Za-z][A-Za-z0-9_]*", name):
                    bounds.setdefault(name, (low, high))
    return bounds


def input_section(statement: str) -> str:
    """The statement's "Input" section (up to "Output"), or the whole statement when it has no such heading."""
    heading = r"^[ \t]*#*[ \t]*{}(?:[ \t]+(?:format|specification|data))?[ \t]*:?[ \t]*$"
    start = re.search(heading.format("Input"), statement, re.M | re.I)
    if start is None:
        return statement
    rest = statement[start.end():]
    end = re.search(heading.format("Output"), rest, re.M | re.I)
    return rest[: end.start()] if end else rest


_COUNT_WORDS = {"an": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}
_ONE_NAME = r"(?<![A-Za-z0-9_])[A-Za-z](?![A-Za-z])(?:_(?:\{[^}\s]{1,12}\}|[A-Za-z0-9]+))?"
_GROUP = re.compile(
    rf"\b(?P<count>(?i:{'|'.join(_COUNT_WORDS)})|\d+|[A-Za-z](?![A-Za-z]))\s+"
    r"(?i:(?:space-separated|separated|pairwise|distinct|positive|non-negative|nonnegative|real|whole|single)\s+)*"
    r"(?i:integers?|numbers?|values?|strings?|words?)\s+"
    rf"(?P<names>{_ONE_NAME}(?:\s*(?:,|\band\b)?\s*(?:{_ONE_NAME}|…|\.\.\.))*)"
)


def name_groups(statement: str) -> list[tuple[int | None, list[str]]]:
    """What the input format names, in order: "two integers n and q" → (2, ['n', 'q']); "n integers a_1, a_2,
    …, a_n" → (None, ['a_i']), a line of any length."""
    groups = []
    for match in _GROUP.finditer(_clean(input_section(statement))):
        count = match.group("count")
        names = re.findall(_ONE_NAME, match.group("names"))
        vector = not (count.lower() in _COUNT_WORDS or count.isdigit()) or "…" in match.group("names") \
            or "..." in match.group("names")
        if vector:
            groups.append((None, [_variable(names[0])]))
        else:
            groups.append((_COUNT_WORDS.get(count.lower()) or int(count), [_variable(name) for name in names]))
    return groups


# -------------------------------------------------------------------------------------------------- structure

Ref = tuple[str, int, int]  # ("scalar", index in the block's scalars, offset) or ("column", column in the row, offset)


@dataclass
class Token:
    kind: str  # int, float, word, or digits (a string of digits whose length is a count)
    low: float = 0
    high: float = 0
    alphabet: str = ""  # for words: the characters seen
    min_length: int = 1
    max_length: int = 1
    bound: tuple[int, int] | None = None  # a stated bound, when one could be matched
    name: str = ""  # the statement's name for it, when the input format names it
    upper: list[Ref] = field(default_factory=list)  # value ≤ the referenced value + offset, in every example
    lower: list[Ref] = field(default_factory=list)  # value ≥ the referenced value + offset
    differs: list[int] = field(default_factory=list)  # columns of the same row it never equals
    length_of: int | None = None  # a word as long as this block scalar
    weights: dict[str, int] = field(default_factory=dict)  # for words: how often each character was seen
    count: bool = False  # a scalar that counts lines, a vector's length or a word's: kept small
    needs: tuple[str, ...] = ()  # for words: kinds of character every example has ("contains at least one letter")


@dataclass
class Line:
    """One line of an input shape.

    Fixed: `tokens` in order. Vector: `count_of` names the block scalar whose value (plus `offset`) is the number
    of tokens, all of `tokens[0]`'s type; with `count_of` None and `free` set, the length just varies. Repeated:
    the line repeats `repeat_of`'s value (plus `offset`) times; its rows may come in `variants` keyed by their
    first token ("push 3" / "pop", "1 w" / "3").
    """

    tokens: list[Token]
    count_of: int | None = None
    repeat_of: int | None = None
    offset: int = 0
    free: bool = False
    variants: dict[str, list[Token]] | None = None
    min_width: int = 1  # the fewest tokens the examples show on a vector or free line
    max_width: int = 1
    distinct: bool = False  # a vector's values never repeat
    permutation: bool = False  # a vector is a permutation of 1..length
    tree: tuple[int, int] | None = None  # n - 1 rows whose two columns are the edges of a tree on 1..n
    once: str = ""  # characters that appear exactly once in a repeated block of strings (a grid's S and E)

    @property
    def fixed(self) -> bool:
        return self.repeat_of is None and self.count_of is None and not self.free


@dataclass
class Shape:
    lines: list[Line] = field(default_factory=list)
    multitest: bool = False  # the first line holds the number of blocks that follow
    max_tests: int = 1


def classify(text: str) -> str:
    if re.fullmatch(r"[-+]?\d+", text):
        return "int"
    if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", text):
        return "float"
    return "word"


_CHARACTER_KINDS = {"letter": str.isalpha, "digit": str.isdigit, "upper": str.isupper, "lower": str.islower}


def _token(text: str) -> Token:
    kind = classify(text)
    if kind == "word":
        return Token("word", alphabet="".join(sorted(set(text))), min_length=len(text), max_length=len(text),
                     weights=dict(Counter(text)),
                     needs=tuple(kind for kind, test in _CHARACTER_KINDS.items() if any(map(test, text))))
    value = int(text) if kind == "int" else float(text)
    return Token(kind, low=value, high=value)


def _merge(a: Token, b: Token) -> Token | None:
    kinds = {a.kind, b.kind}
    if len(kinds) > 1 and kinds != {"int", "float"}:
        return None
    return Token("float" if "float" in kinds else a.kind, min(a.low, b.low), max(a.high, b.high),
                 "".join(sorted(set(a.alphabet) | set(b.alphabet))), min(a.min_length, b.min_length),
                 max(a.max_length, b.max_length), weights=dict(Counter(a.weights) + Counter(b.weights)),
                 needs=tuple(kind for kind in a.needs if kind in b.needs))


def _merge_all(texts: list[str]) -> Token | None:
    merged: Token | None = None
    for text in texts:
        merged = _token(text) if merged is None else _merge(merged, _token(text))
        if merged is None:
            return None
    return merged


def _columns(rows: list[list[str]]) -> list[Token] | None:
    tokens = []
    for column in zip(*rows):
        merged = _merge_all(list(column))
        if merged is None:
            return None
        tokens.append(merged)
    return tokens


def _count_candidates(scalars: list[list[float]]) -> list[tuple[int, int]]:
    """(scalar index, offset) pairs that could be counts, latest scalar first."""
    if not scalars or not scalars[0]:
        return []
    width = min(len(values) for values in scalars)
    found = []
    for index in range(width - 1, -1, -1):
        values = [values[index] for values in scalars]
        if all(v == v and v >= 0 and v == int(v) for v in values):
            found += [(index, 0), (index, -1)]
    return found


INFERENCE_STEPS = 4000  # a bound on the search for a shape (each step tries one reading of one line)


def _infer_block(blocks: list[list[list[str]]]) -> list[Line] | None:
    """The line shapes every block (a list of token lists) follows, or None.

    Each line is read in the first way that lets the rest of the blocks be read too: a run of rows as many as an
    earlier count, a vector as long as one, a fixed line of scalars, a line whose length varies.
    """
    budget = [INFERENCE_STEPS]
    return _infer_rest(blocks, [0] * len(blocks), [[] for _ in blocks], budget)


def _infer_rest(blocks: list[list[list[str]]], cursors: list[int], scalars: list[list[float]],
                budget: list[int]) -> list[Line] | None:
    remaining = [len(block) - cursor for cursor, block in zip(cursors, blocks)]
    if all(r == 0 for r in remaining):
        return []
    for line, used, after in _readings(blocks, cursors, scalars, remaining):
        budget[0] -= 1
        if budget[0] < 0:
            return None
        rest = _infer_rest(blocks, [cursor + u for cursor, u in zip(cursors, used)], after, budget)
        if rest is not None:
            return [line] + rest
    return None


def _readings(blocks: list[list[list[str]]], cursors: list[int], scalars: list[list[float]],
              remaining: list[int]) -> Iterator[tuple[Line, list[int], list[list[float]]]]:
    """The ways to read the next line of every block, most specific first: (line, lines used, scalars after)."""
    candidates = _count_candidates(scalars)
    # 1. A run of rows as many as an earlier count (edges, queries, grid rows), when more than one row; an
    # example may have none (a tree of one vertex has no edges).
    for index, offset in candidates:
        counts = [int(values[index]) + offset for values in scalars]
        if any(c < 0 or c > r for c, r in zip(counts, remaining)) or max(counts) < 2:
            continue
        rows = [row for cursor, block, c in zip(cursors, blocks, counts) for row in block[cursor:cursor + c]]
        line = _row_shape(rows)
        if line is not None:
            line.repeat_of, line.offset = index, offset
            yield line, counts, scalars
    if any(r == 0 for r in remaining):
        return
    lines = [block[cursor] for cursor, block in zip(cursors, blocks)]
    lengths = [len(line) for line in lines]
    ones = [1] * len(blocks)
    # 2. A vector whose length is an earlier count.
    if len(set(lengths)) > 1 or lengths[0] > 1:
        vector = _merge_all([t for line in lines for t in line])
        if vector is not None:
            for index, offset in candidates:
                if all(int(values[index]) + offset == n for values, n in zip(scalars, lengths)):
                    yield Line([dataclasses.replace(vector)], count_of=index, offset=offset), ones, scalars
    # 3. A fixed line of scalars.
    if len(set(lengths)) == 1:
        tokens = _columns(lines)
        if tokens is not None:
            after = [values + [float(t) if classify(t) != "word" else NAN for t in line]
                     for values, line in zip(scalars, lines)]
            yield Line(tokens), ones, after
    # 4. A line whose length just varies (words of a sentence, a list read to the end of the line).
    vector = _merge_all([t for line in lines for t in line])
    if vector is not None:
        yield Line([vector], free=True, min_width=min(lengths), max_width=max(lengths)), ones, scalars


def _row_shape(rows: list[list[str]]) -> Line | None:
    """Rows of a repeated segment: one width, or variants told apart by their first token (a word, or one of a
    few small integers such as event types)."""
    widths = {len(row) for row in rows}
    if len(widths) == 1:
        tokens = _columns(rows)
        return Line(tokens) if tokens is not None else None
    if any(not row for row in rows):
        return None
    groups: dict[str, list[list[str]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row)
    # Numeric keys must each be seen twice: otherwise a vector row would pass for a variant of a run of pairs.
    if not all(classify(key) == "word" for key in groups) and not (
            len(groups) <= 6 and all(re.fullmatch(r"\d", key) and len(m) >= 2 for key, m in groups.items())):
        return None
    variants = {}
    for key, members in groups.items():
        if len({len(m) for m in members}) != 1:
            return None
        tokens = _columns(members)
        if tokens is None:
            return None
        variants[key] = tokens
    return Line(next(iter(variants.values())), variants=variants)


def _split(text: str) -> list[list[str]]:
    return [line.split() for line in text.strip("\n").split("\n")]


def infer_shape(examples: list[str]) -> Shape | None:
    """The structure shared by all example inputs, with the relations they keep, or None when they share no
    structure we can describe."""
    parsed = [_split(text) for text in examples if text.strip()]
    if not parsed:
        return None
    shape = None
    if all(len(p[0]) == 1 and classify(p[0][0]) == "int" and int(p[0][0]) >= 1 for p in parsed):
        shape = _infer_multitest(parsed)
    if shape is None:
        lines = _infer_block(parsed)
        if lines is None:
            return None
        shape = Shape(lines)
    _infer_relations(shape, parsed)
    return shape


def _infer_multitest(parsed: list[list[list[str]]]) -> Shape | None:
    """A first line t and then t blocks of one shape: guess the first block's extent, check the rest parses."""
    counts = [int(p[0][0]) for p in parsed]
    if max(counts) < 2:
        return None
    rests = [p[1:] for p in parsed]
    first = rests[counts.index(max(counts))]
    for extent in range(1, min(len(first), 12) + 1):
        guess = _infer_block([first[:extent]])
        if guess is None:
            continue
        blocks = []
        for rest, count in zip(rests, counts):
            split = _split_blocks(guess, rest, count)
            if split is None:
                break
            blocks += split
        else:
            lines = _infer_block(blocks)  # the same shape again, with value ranges from every block
            if lines is not None:
                return Shape([Line([Token("int", 1, max(counts))])] + lines, multitest=True, max_tests=max(counts))
    return None


def _split_blocks(shape: list[Line], lines: list[list[str]], count: int) -> list[list[list[str]]] | None:
    blocks, position = [], 0
    for _ in range(count):
        end = consume(shape, lines, position)
        if end is None:
            return None
        blocks.append(lines[position:end])
        position = end
    return blocks if position == len(lines) else None


def _fits(token: Token, text: str) -> bool:
    if token.kind == "digits":
        return text.isascii() and text.isdigit()
    kind = classify(text)
    return kind == token.kind or (token.kind == "float" and kind == "int")


def _scalar(token: Token, text: str) -> float:
    return float(text) if token.kind in ("int", "float") else NAN


# A block as read: the rows each shape line covered (one row for a fixed line or a vector), and its scalars.
Block = tuple[list[list[list[str]]], list[float]]


def _read_block(shape: list[Line], lines: list[list[str]], position: int) -> tuple[int, Block] | None:
    """Parse one block of `shape` from `lines` at `position`: the position after it and what it covered."""
    scalars: list[float] = []
    taken: list[list[list[str]]] = []

    def count(index: int, offset: int) -> int | None:
        if index >= len(scalars) or scalars[index] != scalars[index]:
            return None
        return int(scalars[index]) + offset

    for line in shape:
        if line.repeat_of is not None:
            rows = count(line.repeat_of, line.offset)
            if rows is None or rows < 0 or position + rows > len(lines):
                return None
            for row in lines[position:position + rows]:
                template = line.variants.get(row[0]) if line.variants and row else line.tokens
                if template is None or len(row) != len(template) or not all(map(_fits, template, row)):
                    return None
            taken.append(lines[position:position + rows])
            position += rows
            continue
        if position >= len(lines):
            return None
        row = lines[position]
        if line.count_of is not None:
            length = count(line.count_of, line.offset)
            if length != len(row) or not all(_fits(line.tokens[0], t) for t in row):
                return None
        elif line.free:
            if not all(_fits(line.tokens[0], t) for t in row):
                return None
        else:
            if len(row) != len(line.tokens) or not all(map(_fits, line.tokens, row)):
                return None
            scalars += [_scalar(token, t) for token, t in zip(line.tokens, row)]
        taken.append([row])
        position += 1
    return position, (taken, scalars)


def consume(shape: list[Line], lines: list[list[str]], position: int) -> int | None:
    """Parse one block of `shape` from `lines` at `position`; the position after it, or None if it does not fit."""
    read = _read_block(shape, lines, position)
    return None if read is None else read[0]


def _read(shape: Shape, lines: list[list[str]]) -> list[Block] | None:
    """Every block of an input, or None when it does not parse the way the examples do."""
    if not shape.multitest:
        read = _read_block(shape.lines, lines, 0)
        return [read[1]] if read is not None and read[0] == len(lines) else None
    if not lines or len(lines[0]) != 1 or classify(lines[0][0]) != "int":
        return None
    blocks, position = [], 1
    for _ in range(int(lines[0][0])):
        read = _read_block(shape.lines[1:], lines, position)
        if read is None:
            return None
        position, block = read
        blocks.append(block)
    return blocks if position == len(lines) else None


def matches(shape: Shape, text: str) -> bool:
    """Whether an input parses the way the examples the shape came from do."""
    return _read(shape, _split(text)) is not None


# -------------------------------------------------------------------------------------------------- relations


def _infer_relations(shape: Shape, parsed: list[list[list[str]]]) -> None:
    """Record on the shape what holds in every example: see the module's docstring."""
    lines = shape.lines[1:] if shape.multitest else shape.lines

    def observe() -> list[Block]:
        blocks: list[Block] = []
        for example in parsed:
            read = _read(shape, example)
            blocks += read or []
        return blocks

    before, seen = [], 0  # how many block scalars precede each line
    for line in lines:
        before.append(seen)
        seen += len(line.tokens) if line.fixed else 0
    # Strings of digits as long as a count come first: they are not numbers, and later relations must not use them.
    blocks = observe()
    for number, line in enumerate(lines):
        if line.fixed or (line.repeat_of is not None and not line.variants):
            for column, token in enumerate(line.tokens):
                texts = [(row[column], scalars) for taken, scalars in blocks for row in taken[number]]
                if token.kind == "int" and texts and all(t.isdigit() for t, _ in texts) \
                        and max(len(t) for t, _ in texts) >= 3:
                    refs = range(before[number] + (column if line.fixed else 0))
                    length_of = _length_of(texts, refs)
                    if length_of is not None:
                        digits = "".join(sorted({c for t, _ in texts for c in t}))
                        line.tokens[column] = Token("digits", alphabet=digits, length_of=length_of,
                                                    min_length=min(len(t) for t, _ in texts),
                                                    max_length=max(len(t) for t, _ in texts),
                                                    weights=dict(Counter("".join(t for t, _ in texts))))
    blocks = observe()
    for number, line in enumerate(lines):
        if line.variants:
            continue
        if line.fixed or line.repeat_of is not None:
            for column, token in enumerate(line.tokens):
                observations = [(row[column], scalars, row) for taken, scalars in blocks for row in taken[number]]
                scalar_refs = range(before[number] + (column if line.fixed else 0))
                column_refs = range(column) if line.repeat_of is not None else range(0)
                _relate(token, line.tokens, observations, scalar_refs, column_refs)
        else:
            token = line.tokens[0]
            occurrences = [row for taken, scalars in blocks for row in taken[number]]
            observations = [(text, scalars, None) for taken, scalars in blocks for row in taken[number]
                            for text in row]
            _relate(token, [], observations, range(before[number]), range(0))
            if occurrences:
                line.min_width = min(len(row) for row in occurrences)
            if token.kind == "int" and occurrences and max(len(row) for row in occurrences) >= 3:
                values = [[int(t) for t in row] for row in occurrences]
                line.distinct = all(len(set(row)) == len(row) for row in values)
                line.permutation = all(sorted(row) == list(range(1, len(row) + 1)) for row in values)
        if line.repeat_of is not None:
            _tree(line)
            if len(line.tokens) == 1 and line.tokens[0].kind == "word":
                _once(line, [taken[number] for taken, _ in blocks if taken[number]])
    scalar_tokens = [token for line in lines if line.fixed for token in line.tokens]
    for line in lines:
        structural = [line.repeat_of, line.count_of] + [token.length_of for token in line.tokens]
        for index in structural:
            if index is not None and index < len(scalar_tokens):
                scalar_tokens[index].count = True


def _length_of(texts: list[tuple[str, list[float]]], refs: range) -> int | None:
    """The latest block scalar every text is as long as (a grid row is m long, not n), or None."""
    for ref in reversed(refs):
        if all(ref < len(scalars) and len(text) == scalars[ref] for text, scalars in texts):
            return ref
    return None


def _relate(token: Token, row: list[Token], observations: list[tuple[str, list[float], list[str] | None]],
            scalar_refs: range, column_refs: range) -> None:
    """Bounds by earlier values (block scalars, earlier columns of the same row) that hold in every example;
    strict when the examples never show equality."""
    if not observations:
        return
    if token.kind == "word":
        token.length_of = _length_of([(text, scalars) for text, scalars, _ in observations], scalar_refs)
        return
    if token.kind != "int":
        return
    for scope, refs in (("scalar", scalar_refs), ("column", column_refs)):
        for ref in refs:
            if scope == "column" and row[ref].kind != "int":
                continue
            differences = []
            for text, scalars, cells in observations:
                other = scalars[ref] if scope == "scalar" else float(cells[ref])
                if other != other:
                    break
                differences.append(int(text) - other)
            else:
                if all(d <= 0 for d in differences):
                    token.upper.append((scope, ref, 0 if 0 in differences else -1))
                if all(d >= 0 for d in differences):
                    token.lower.append((scope, ref, 0 if 0 in differences else 1))
                if scope == "column" and len(differences) >= 2 and 0 not in differences:
                    token.differs.append(ref)


def _tree(line: Line) -> None:
    """n - 1 rows with two columns within 1..n: the edges of a tree (a statement's "it is a tree")."""
    if line.offset != -1 or line.variants:
        return
    ends = [column for column, token in enumerate(line.tokens)
            if token.kind == "int" and token.low >= 1
            and any(ref[:2] == ("scalar", line.repeat_of) for ref in token.upper)]
    if len(ends) >= 2:
        line.tree = (ends[0], ends[1])


def _once(line: Line, occurrences: list[list[list[str]]]) -> None:
    """Characters that appear exactly once in every block of strings (a grid's start and exit)."""
    once: set[str] | None = None
    for rows in occurrences:
        counts = Counter(c for row in rows for c in row[0])
        single = {c for c, n in counts.items() if n == 1}
        once = single if once is None else once & single
    if once and len(once) <= 3 and set(line.tokens[0].alphabet) - once:
        line.once = "".join(sorted(once))


# ------------------------------------------------------------------------------------------------- generation


class _Unfit(Exception):
    """The values drawn so far leave no valid way to finish this input: draw another."""


@dataclass
class StructuredGenerator:
    """Inputs from the inferred shape, made fresh within the stated bounds and the examples' relations."""

    small: int = SMALL

    def generate(self, statement: str, examples: list[str], count: int, rng: random.Random) -> list[str]:
        shape = infer_shape(examples)
        if shape is None or count <= 0:
            return []
        self._attach_bounds(shape, statement)
        made: list[str] = []
        attempts = 0
        while len(made) < count and attempts < count * 20:
            attempts += 1
            mode = ("small", "edge", "wide")[attempts % 3]
            try:
                text = self._render(shape, rng, mode)
            except _Unfit:
                continue
            if text not in made and text not in examples:
                made.append(text)
        return made

    # ------------------------------------------------------------------------------------------- bounds

    def _attach_bounds(self, shape: Shape, statement: str) -> None:
        """Stated bounds onto tokens: by name where the input format names them, else in reading order (plain
        names to scalars, subscripted ones to vectors and rows), skipping bounds the examples do not fit."""
        bounds = parse_constraints(input_section(statement)) or parse_constraints(statement)
        used = _name_tokens(shape, statement)
        for line in shape.lines:
            for token in line.tokens:
                if token.name and token.kind != "digits":
                    key = "len:" + token.name if token.kind == "word" else token.name
                    if key in bounds and _fits_bound(token, bounds[key]):
                        token.bound = bounds[key]
        plain = [(n, b) for n, b in bounds.items() if n not in used and not n.endswith("_i")
                 and not n.startswith("len:")]
        indexed = [(n, b) for n, b in bounds.items() if n not in used and n.endswith("_i")]
        lengths = [b for n, b in bounds.items() if n.startswith("len:")]
        for line in shape.lines:
            vector = not line.fixed
            for token in line.tokens:
                if token.bound is not None or token.name or token.kind == "digits":
                    continue
                if token.kind == "word":
                    if lengths and _fits_bound(token, lengths[0]):
                        token.bound = lengths[0]
                    continue
                pool = indexed if vector and indexed else plain
                while pool:
                    _, bound = pool.pop(0)
                    if _fits_bound(token, bound):
                        token.bound = bound
                        break

    # -------------------------------------------------------------------------------------------- render

    def _render(self, shape: Shape, rng: random.Random, mode: str) -> str:
        out: list[str] = []
        if shape.multitest:
            tests = rng.randint(1, min(4, shape.max_tests))
            out.append(str(tests))
            for _ in range(tests):
                self._render_block(shape.lines[1:], rng, mode, out)
        else:
            self._render_block(shape.lines, rng, mode, out)
        return "\n".join(out) + "\n"

    def _render_block(self, lines: list[Line], rng: random.Random, mode: str, out: list[str]) -> None:
        scalars: list[float] = []

        def count(index: int, offset: int) -> int:
            value = scalars[index] if index < len(scalars) else 1
            return max(0, int(value) + offset) if value == value else 1

        for line in lines:
            if line.repeat_of is not None:
                out.extend(self._rows(line, count(line.repeat_of, line.offset), scalars, rng, mode))
            elif line.count_of is not None:
                length = count(line.count_of, line.offset)
                if length == 0 and line.min_width > 0:
                    raise _Unfit("an empty line where the examples never have one")
                out.append(" ".join(self._vector(line, length, scalars, rng, mode)))
            elif line.free:
                length = rng.randint(line.min_width, max(line.min_width, min(line.max_width, self.small)))
                out.append(" ".join(self._vector(line, length, scalars, rng, mode)))
            else:
                values: list[str] = []
                for token in line.tokens:
                    # Counts stay small; other scalars too, but for the wide inputs (where overflows show).
                    small = token.kind == "int" and token.low >= 0 and (token.count or mode != "wide")
                    text = self._value(token, rng, mode, scalars, values, count_like=small)
                    values.append(text)
                    scalars.append(_scalar(token, text))
                out.append(" ".join(values))

    def _rows(self, line: Line, rows: int, scalars: list[float], rng: random.Random, mode: str) -> list[str]:
        if line.variants:
            made = []
            for _ in range(rows):
                key = rng.choice(sorted(line.variants))
                made.append(" ".join([key] + [self._value(t, rng, mode, scalars, [])
                                              for t in line.variants[key][1:]]))
            return made
        tokens = line.tokens
        if line.once:
            tokens = [dataclasses.replace(tokens[0], alphabet="".join(c for c in tokens[0].alphabet
                                                                    if c not in line.once))]
        edges = self._tree_edges(rows, rng) if line.tree else []
        table: list[list[str]] = []
        for number in range(rows):
            values: list[str] = []
            for column, token in enumerate(tokens):
                if edges and column in line.tree:
                    values.append(str(edges[number][line.tree.index(column)]))
                else:
                    values.append(self._value(token, rng, mode, scalars, values))
            table.append(values)
        if line.once:
            cells = [(r, c) for r, values in enumerate(table) for c in range(len(values[0]))]
            if len(cells) < len(line.once):
                raise _Unfit(f"a grid of {len(cells)} cells cannot hold {line.once!r} once each")
            for (r, c), character in zip(rng.sample(cells, len(line.once)), line.once):
                table[r][0] = table[r][0][:c] + character + table[r][0][c + 1:]
        return [" ".join(values) for values in table]

    @staticmethod
    def _tree_edges(edges: int, rng: random.Random) -> list[tuple[int, int]]:
        labels = list(range(1, edges + 2))
        rng.shuffle(labels)
        made = []
        for child in range(1, edges + 1):
            pair = (labels[rng.randrange(child)], labels[child])
            made.append(pair if rng.random() < 0.5 else pair[::-1])
        rng.shuffle(made)
        return made

    def _vector(self, line: Line, length: int, scalars: list[float], rng: random.Random, mode: str) -> list[str]:
        token = line.tokens[0]
        if line.permutation:
            values = list(range(1, length + 1))
            rng.shuffle(values)
            return [str(v) for v in values]
        if line.distinct and token.kind == "int":
            low, high = self._range(token, mode, scalars, [], count_like=False)
            low, high = math.ceil(low), math.floor(high)
            if high - low + 1 >= length:
                if mode == "small":
                    high = min(high, low + max(10, length, int((high - low) ** 0.25)))
                return [str(v) for v in rng.sample(range(low, high + 1), length)]
        return [self._value(token, rng, mode, scalars, []) for _ in range(length)]

    # -------------------------------------------------------------------------------------------- values

    def _range(self, token: Token, mode: str, scalars: list[float], row: list[str],
               count_like: bool) -> tuple[float, float]:
        """Where a number may lie: its stated bound (or the examples' range, widened), counts kept small, then
        narrowed by the relations the examples keep."""
        if token.bound is not None:
            low, high = token.bound
            if count_like:
                high = min(high, max(self.small, low))
        elif count_like:
            low, high = token.low, max(self.small, token.low)
        else:
            span = max(1.0, token.high - token.low)
            low, high = token.low - (span if token.low < 0 else 0), token.high + span
        widened = low, high
        if token.bound is None:  # "0 ≤ a < L", "l ≤ r ≤ n": the relations are the bounds
            low = -math.inf if token.lower else low
            high = math.inf if token.upper else high
        for relations, narrow in ((token.upper, min), (token.lower, max)):
            for scope, ref, offset in relations:
                if scope == "scalar":
                    other = scalars[ref] if ref < len(scalars) else NAN
                else:
                    other = float(row[ref]) if ref < len(row) and classify(row[ref]) != "word" else NAN
                if other == other:
                    if narrow is min:
                        high = min(high, other + offset)
                    else:
                        low = max(low, other + offset)
        low = widened[0] if low == -math.inf else low
        high = widened[1] if high == math.inf else high
        if count_like and token.count:  # a count stays small even when a relation ties it to a value that is not
            high = min(high, max(self.small, token.bound[0] if token.bound else token.low))
        if low > high:
            raise _Unfit(f"no value keeps every relation: {low} > {high}")
        return low, high

    def _value(self, token: Token, rng: random.Random, mode: str, scalars: list[float], row: list[str],
               count_like: bool = False) -> str:
        if token.kind in ("word", "digits"):
            return self._word(token, rng, mode, scalars)
        low, high = self._range(token, mode, scalars, row, count_like)
        forbidden = {row[ref] for ref in token.differs if ref < len(row)}  # a vertex never joined to itself
        if forbidden and token.kind == "int" and high - low <= 64:
            allowed = [str(v) for v in range(math.ceil(low), math.floor(high) + 1) if str(v) not in forbidden]
            if allowed:
                return rng.choice(allowed)
        for _ in range(8):
            text = self._number(token, low, high, rng, mode)
            if text not in forbidden:
                break
        return text

    @staticmethod
    def _number(token: Token, low: float, high: float, rng: random.Random, mode: str) -> str:
        if token.kind == "int":
            low, high = math.ceil(low), max(math.ceil(low), math.floor(high))
            if mode == "edge" and rng.random() < 0.5:
                return str(rng.choice((low, high)))
            if mode == "small":
                high = min(high, low + max(10, int((high - low) ** 0.25)))
            return str(rng.randint(low, high))
        if mode == "edge" and rng.random() < 0.5:
            value = rng.choice((low, high))
        elif mode == "small":
            value = rng.uniform(low, min(high, low + max(10, (high - low) ** 0.25)))
        else:
            value = rng.uniform(low, high)
        return f"{value:.6g}"

    def _word(self, token: Token, rng: random.Random, mode: str, scalars: list[float]) -> str:
        if token.kind == "word" and token.min_length == token.max_length == 1 and len(token.alphabet) <= 3:
            return rng.choice(token.alphabet)  # a one-character symbol from a small set: '+', '-', '#'
        if token.length_of is not None and token.length_of < len(scalars) and scalars[token.length_of] >= 1:
            length = int(scalars[token.length_of])
        else:
            low, high = token.bound or (token.min_length, token.max_length)
            length = rng.randint(max(1, low), max(1, min(high, max(token.max_length, self.small))))
        alphabet = token.alphabet or string.ascii_lowercase
        if alphabet.isalpha() and alphabet.islower() and len(alphabet) > 2:
            alphabet = string.ascii_lowercase[: max(3, ord(max(alphabet)) - ord("a") + 1)]
        # Characters as often as in the examples (a grid mostly free, a few walls), each seen or not at least a
        # little; the wide inputs draw them evenly.
        weights = None if mode == "wide" else [token.weights.get(c, 0) + 1 for c in alphabet]
        for _ in range(8):
            word = "".join(rng.choices(alphabet, weights, k=length))
            for kind in token.needs:
                test = _CHARACTER_KINDS[kind]
                choices = [c for c in alphabet if test(c)]
                if choices and not any(map(test, word)):
                    at = rng.randrange(length)
                    word = word[:at] + rng.choice(choices) + word[at + 1:]
            if token.kind == "digits" or classify(word) == "word":  # "12" would read as a number, not a word
                return word
        letters = [c for c in alphabet if not c.isdigit()] or ["a"]
        return rng.choice(letters) + word[1:]


def _fits_bound(token: Token, bound: tuple[int, int]) -> bool:
    low, high = bound
    if token.kind == "word":
        return low <= token.min_length and token.max_length <= high
    return low <= token.low and token.high <= high


def _name_tokens(shape: Shape, statement: str) -> set[str]:
    """Give tokens the names the input format uses for them, aligning its phrases with the shape's lines in
    order (a phrase that matches no line is skipped). Returns the names given."""
    groups = name_groups(statement)
    used: set[str] = set()
    position = 0
    for line in shape.lines:
        if line.variants:
            continue
        for look in range(position, min(position + 3, len(groups))):
            count, names = groups[look]
            if line.fixed or line.repeat_of is not None:
                if count != len(line.tokens) or len(names) != len(line.tokens) or len(set(names)) != len(names):
                    continue
            elif count is not None:
                continue
            for token, name in zip(line.tokens, names):
                token.name = name
                used.add("len:" + name if token.kind == "word" else name)
            position = look + 1
            break
    return used
