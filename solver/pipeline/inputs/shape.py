"""The structure the example inputs share (lines, token types, counts, multitest blocks) and the relations they
keep (k ≤ n, l ≤ r, distinct values, tree edges, a character that appears once)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

NAN = float("nan")  # the value of a word token among a block's scalars

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


CHARACTER_KINDS = {"letter": str.isalpha, "digit": str.isdigit, "upper": str.isupper, "lower": str.islower}


def _token(text: str) -> Token:
    kind = classify(text)
    if kind == "word":
        return Token("word", alphabet="".join(sorted(set(text))), min_length=len(text), max_length=len(text),
                     weights=dict(Counter(text)),
                     needs=tuple(kind for kind, test in CHARACTER_KINDS.items() if any(map(test, text))))
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


def scalar_value(token: Token, text: str) -> float:
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
            scalars += [scalar_value(token, t) for token, t in zip(line.tokens, row)]
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
