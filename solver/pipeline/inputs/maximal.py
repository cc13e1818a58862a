"""Inputs at the stated maximum bounds, to tell fast programs from slow ones (issue 15).

Every count and length sits at its upper bound (n = 2 ⋅ 10^5 where the statement says 1 ≤ n ≤ 2 ⋅ 10^5, `LARGE`
where it states none), values spread over their whole range in one of a few `STYLES`, and multi-test inputs are
filled up to the stated sums ("the sum of n over all test cases does not exceed 2 ⋅ 10^5"): either as few test cases
as can be made as large as allowed ("big"), or the stated number of test cases sharing the sums equally ("many").
The shape's relations still hold (a count gives a later line's length, l ≤ r ≤ n, tree edges, a permutation,
distinct values), except that a relation seen in the examples gives way to a stated bound it contradicts (the
examples of a problem may all have m = n while the statement bounds m well below n).

No input is longer than a cap on its characters: when the bounds we read would exceed it (a bound misread, 10^18
taken for a length; no sum stated over many test cases), every count and length of a test case is scaled down by
one common factor until the test case fits, and a "big" input holds only as many test cases as fit.

A stated sum is kept only when its names match tokens of the shape (the input format's names, or the stated bounds'
in reading order); one that matches nothing is ignored, and the inputs may then exceed it.
"""

from __future__ import annotations

import itertools
import math
import random
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from solver.pipeline.inputs.shape import CHARACTER_KINDS, Line, Shape, Token, classify

# One maximal input never exceeds this many characters, so that a misread bound cannot make a giant file. The
# largest inputs stated bounds call for are well under it: 2 ⋅ 10^5 ten-digit values and 2 ⋅ 10^5 pairs of indices
# are about 5 MB.
MAX_CHARS = 8_000_000
# The upper end of a count, a length or a number of test cases that the statement does not bound: large enough to
# show a quadratic program, small enough that a few such counts together stay within MAX_CHARS after scaling.
LARGE = 100_000
# How values spread within their ranges: uniform; at one end or the other (and trees as deep as possible); all at
# the top (and trees as flat as possible); ascending.
STYLES = ("random", "extreme", "equal", "sorted")
_EXACT = 2**53  # int(random() * span) is uniform over range(span) for spans up to this


class _Infeasible(Exception):
    """The bounds and relations leave no maximal input of this shape."""


@dataclass(frozen=True)
class _Sum:
    """A stated sum resolved to what it adds up in a test case."""

    key: str
    limit: int
    kind: str  # scalars (n; n*m; n+m), values (the elements of a vector or a column: a_i) or lengths (of strings)
    product: bool = False
    indices: tuple[int, ...] = ()  # for scalars: the block scalars added or multiplied
    tokens: frozenset[int] = frozenset()  # for values and lengths: id() of the tokens whose values or lengths count


@dataclass
class _Layout:
    """One test case planned before its values are drawn: what fixes its size and what it uses of each sum."""

    scalars: list[int | float | None]  # the fixed lines' values, None for a word
    units: list[int]  # per line: 1 for a fixed line, a vector's length, the rows of a run
    lengths: dict[int, int]  # id(word token) → the length of its words (when no scalar gives it)
    spans: dict[int, tuple[int | float, int | float]]  # id(token) → its values' range, for vectors and rows
    chars: int  # an upper bound on the characters of the test case
    usage: dict[str, int]  # an upper bound on what it adds to each stated sum
    least: dict[str, int]  # a lower bound on the same (summed values may be drawn low)


def maximal_inputs(shape: Shape, sums: dict[str, int], count: int, rng: random.Random,
                   max_chars: int = MAX_CHARS, large: int = LARGE) -> list[str]:
    """Up to `count` distinct inputs of `shape` (with stated bounds attached) at the maximum bounds.

    `sums` are the stated bounds on sums (`parse_sums`). Styles take turns; for a multi-test shape "big" and "many"
    inputs alternate, so any two inputs include both, unless the most test cases allowed fit at their largest.
    """
    if count <= 0:
        return []
    lines = shape.lines[1:] if shape.multitest else shape.lines
    resolved = _resolve(lines, sums)
    fills = [False, True] if shape.multitest else [False]  # "big", "many"
    if shape.multitest and not resolved:
        most = (shape.lines[0].tokens[0].bound or (1, large))[1]
        budget = (max_chars - len(str(most)) - 1) // most
        if _Block(lines, resolved, STYLES[0], rng, large).plan(1.0, {}, budget) is not None:
            fills = [True]  # the most test cases allowed, each as large as allowed, fit: "big" would be the same
    made: list[str] = []
    for attempt in range(3 * count):
        if len(made) == count:
            break
        style = STYLES[attempt // len(fills) % len(STYLES)]
        block = _Block(lines, resolved, style, rng, large)
        try:
            if shape.multitest:
                text = _tests(shape.lines[0].tokens[0], block, resolved, fills[attempt % len(fills)], max_chars, large)
            else:
                layout, _ = block.fit(1.0, {s.key: s.limit for s in resolved}, max_chars - 1)
                text = "\n".join(block.render(layout)) + "\n"
        except _Infeasible:
            continue
        if len(text) <= max_chars and text not in made:
            made.append(text)
    return made


def _tests(counter: Token, block: _Block, sums: list[_Sum], many: bool, max_chars: int, large: int) -> str:
    """A multi-test input: the test count, then its test cases."""
    first, most = counter.bound or (1, large)
    first = max(first, 1)
    limits = {s.key: s.limit for s in sums}
    out: list[str] = []
    if many:
        smallest = block.plan(0.0, limits, max_chars)
        if smallest is None:
            raise _Infeasible("not even the smallest test case fits")
        tests = min(most, (max_chars - len(str(most)) - 1) // smallest.chars)
        for key, used in smallest.least.items():
            if used > 0:
                tests = min(tests, limits[key] // used)
        if tests < first:
            raise _Infeasible(f"{first} test cases do not fit the sums and the size cap")
        budget, f = (max_chars - len(str(tests)) - 1) // tests, 1.0
        for number in range(tests):  # the sums shared equally, the remainders to the first test cases
            shares = {key: limit // tests + (number < limit % tests) for key, limit in limits.items()}
            layout, f = block.fit(f, shares, budget)
            out += block.render(layout)
    else:
        remaining, left, f = dict(limits), max_chars - len(str(most)) - 1, 1.0
        tests = 0
        while tests < most:
            if tests == 0:
                layout, f = block.fit(f, remaining, left)
            else:
                layout = block.plan(f, remaining, left)
                if layout is None:  # a sum or the size cap is used up
                    break
            rendered = block.render(layout)
            out += rendered
            tests += 1
            left -= sum(len(line) + 1 for line in rendered)
            for key, used in layout.usage.items():
                remaining[key] -= used
        if tests < first:
            raise _Infeasible(f"{first} test cases do not fit the sums and the size cap")
    return "\n".join([str(tests)] + out) + "\n"


def _line_tokens(line: Line) -> list[Token]:
    if line.variants:
        return [token for tokens in line.variants.values() for token in tokens[1:]]
    return line.tokens


def _words(token: Token) -> bool:
    return token.kind in ("word", "digits")


def _resolve(lines: list[Line], sums: dict[str, int]) -> list[_Sum]:
    """Stated sums matched to the scalars, values or strings of a test case they add up; others are dropped.

    A name matches the token the input format gives it, or without its index ("∑ n_i" is the sum of n); a total
    length of strings counts the strings of that name, else every string.
    """
    scalar_at: dict[str, int] = {}
    others: dict[str, list[Token]] = {}
    position = 0
    for line in lines:
        for token in _line_tokens(line):
            if line.fixed:
                if token.kind in ("int", "float"):
                    scalar_at.setdefault(token.name, position)
                position += 1
            elif token.kind in ("int", "float"):
                others.setdefault(token.name, []).append(token)
    scalar_at.pop("", None)
    others.pop("", None)
    words = [token for line in lines for token in _line_tokens(line) if _words(token)]
    resolved = []
    for key, limit in sums.items():
        if key.startswith("len:"):
            name = key[4:]
            named = [t for t in words if t.name and t.name in (name, name.removesuffix("_i"))]
            chosen = named or words
            if chosen:
                resolved.append(_Sum(key, limit, "lengths", tokens=frozenset(map(id, chosen))))
            continue
        product = "*" in key
        names = key.split("*" if product else "+")
        if len(names) == 1 and names[0] in others and names[0] not in scalar_at:
            resolved.append(_Sum(key, limit, "values", tokens=frozenset(map(id, others[names[0]]))))
            continue
        indices = [scalar_at.get(name, scalar_at.get(name.removesuffix("_i"))) for name in names]
        if all(index is not None for index in indices):
            resolved.append(_Sum(key, limit, "scalars", product, indices=tuple(indices)))
    return resolved


class _Block:
    """Test cases of one shape at their maximum sizes, scaled by a factor f in [0, 1] (1: every count and length
    at its upper bound, 0: at its lower bound), with values in one style."""

    def __init__(self, lines: list[Line], sums: list[_Sum], style: str, rng: random.Random, large: int):
        self.lines, self.sums, self.style, self.rng, self.large = lines, sums, style, rng, large
        tokens = [token for line in lines for token in _line_tokens(line)]
        referenced = {ref for token in tokens for scope, ref, _ in token.upper if scope == "scalar"}
        summed = {index for s in sums for index in s.indices}
        fixed = [token for line in lines if line.fixed for token in line.tokens]
        # Sizes: counts, what other values are bounded by (n in 1 ≤ u ≤ n), what a stated sum adds up.
        self.sizes = {index for index, token in enumerate(fixed)
                      if token.count or index in referenced or index in summed}
        self.floors = [token.bound[0] if token.bound else token.low for token in fixed]
        self.charsets: dict[tuple[int, str], _Charset] = {}

    # ------------------------------------------------------------------------------------------------- plan

    def fit(self, f: float, shares: dict[str, int], budget: int) -> tuple[_Layout, float]:
        """The plan at factor f, or at the largest smaller factor that fits the shares and the budget."""
        layout = self.plan(f, shares, budget)
        if layout is not None:
            return layout, f
        best, found = self.plan(0.0, shares, budget), 0.0
        if best is None:
            raise _Infeasible("a test case does not fit even at its smallest")
        # Halved on a log scale: a bound misread as 10^18 needs a factor near 10^-12.
        low, high = -80.0, math.log2(f) if f > 0 else -80.0
        for _ in range(30):
            middle = (low + high) / 2
            layout = self.plan(2**middle, shares, budget)
            if layout is None:
                high = middle
            else:
                best, found, low = layout, 2**middle, middle
        return best, found

    def plan(self, f: float, shares: dict[str, int], budget: int) -> _Layout | None:
        """Sizes at factor f and the test case's values that fix them; None when it breaks a share or the budget."""
        scalars: list[int | float | None] = []
        for line in self.lines:
            for token in line.tokens if line.fixed else ():
                index = len(scalars)
                if _words(token):
                    scalars.append(None)
                    continue
                low, high = self._span(token, scalars, index in self.sizes)
                if index in self.sizes:
                    high = min(high, self._allowance(index, scalars, shares))
                    if high < low:
                        return None
                    scalars.append(_scaled(low, high, f))
                else:
                    scalars.append(self._one(low, high, token.kind))
        units = self._units(scalars, f)
        if units is None:
            return None
        usage = {s.key: math.prod(scalars[i] for i in s.indices) if s.product else sum(scalars[i] for i in s.indices)
                 for s in self.sums if s.kind == "scalars"}
        lengths = self._lengths(scalars, units, f, shares, usage)
        least: dict[str, int] = {}
        spans = self._spans(scalars, units, shares, usage, least)
        if lengths is None or spans is None:
            return None
        chars = self._chars(scalars, units, lengths, spans)
        if chars > budget:
            return None
        return _Layout(scalars, units, lengths, spans, chars, usage, {**usage, **least})

    def _span(self, token: Token, scalars: list, size: bool) -> tuple[int | float, int | float]:
        """Where a value may lie: its stated bound (a size without one: up to LARGE), or else the examples' range
        widened, then narrowed by the relations to earlier values that leave it some room."""
        spread = max(1, token.high - token.low)
        widened = token.low - (spread if token.low < 0 else 0), token.high + spread
        if token.bound is not None:
            low, high = token.bound
        elif size and token.kind == "int" and token.low >= 0:
            low, high = token.low, max(token.high, self.large)
        else:  # "0 ≤ a < L", "l ≤ r ≤ n": the relations are the bounds
            low, high = -math.inf if token.lower else widened[0], math.inf if token.upper else widened[1]
        for scope, ref, offset in token.upper:
            other = scalars[ref] if scope == "scalar" and ref < len(scalars) else None
            if other is not None and other + offset >= low:
                high = min(high, other + offset)
        for scope, ref, offset in token.lower:
            other = scalars[ref] if scope == "scalar" and ref < len(scalars) else None
            if other is not None and other + offset <= high:
                low = max(low, other + offset)
        low = widened[0] if low == -math.inf else low
        high = max(widened[1], low) if high == math.inf else high
        if token.kind == "int":
            return math.ceil(low), max(math.ceil(low), math.floor(high))
        return low, high

    def _allowance(self, index: int, scalars: list, shares: dict[str, int]) -> float:
        """The most a size may be for the stated sums it is part of to keep their share of this test case."""
        most: float = math.inf
        for s in self.sums:
            if s.kind != "scalars" or index not in s.indices or s.key not in shares:
                continue
            others = [scalars[i] if i < len(scalars) else self.floors[i] for i in s.indices if i != index]
            if s.product:
                most = min(most, shares[s.key] // max(1, math.prod(max(1, v) for v in others)))
            else:
                most = min(most, shares[s.key] - sum(others))
        return most

    def _units(self, scalars: list, f: float) -> list[int] | None:
        def count(index: int, offset: int) -> int:
            value = scalars[index] if index < len(scalars) else None
            return 1 if value is None else max(0, int(value) + offset)

        units = []
        for line in self.lines:
            if line.fixed:
                units.append(1)
            elif line.repeat_of is not None:
                units.append(count(line.repeat_of, line.offset))
            elif line.count_of is not None:
                units.append(count(line.count_of, line.offset))
                if units[-1] == 0 and line.min_width > 0:
                    return None  # an empty line where the examples never have one
            else:
                units.append(_scaled(line.min_width, max(line.min_width, self.large), f))
        return units

    def _lengths(self, scalars: list, units: list[int], f: float, shares: dict[str, int],
                 usage: dict[str, int]) -> dict[int, int] | None:
        """Lengths of the strings no scalar gives the length of: at their upper bound, then cut to the stated
        total length's share."""
        lengths: dict[int, int] = {}
        floors: dict[int, int] = {}
        given: Counter[str] = Counter()  # characters of strings whose length a scalar gives, by sum
        free: Counter[str] = Counter()  # strings of free length, by sum
        for line, units_ in zip(self.lines, units):
            for token in _line_tokens(line):
                if not _words(token):
                    continue
                length = _given_length(token, scalars)
                if length is None:
                    floors[id(token)], most = token.bound or (token.min_length, max(token.max_length, self.large))
                    floors[id(token)] = max(1, floors[id(token)])
                    length = lengths[id(token)] = _scaled(floors[id(token)], max(floors[id(token)], most), f)
                for s in self.sums:
                    if s.kind == "lengths" and id(token) in s.tokens:
                        if id(token) in lengths:
                            free[s.key] += units_
                        else:
                            given[s.key] += units_ * length
        for s in self.sums:
            if s.kind != "lengths" or s.key not in shares:
                continue
            room = shares[s.key] - given[s.key]
            if room < 0:
                return None
            for key in s.tokens:
                if key in lengths and free[s.key]:
                    lengths[key] = min(lengths[key], room // free[s.key])
                    if lengths[key] < floors[key]:
                        return None
            usage[s.key] = given[s.key]
        for line, units_ in zip(self.lines, units):
            for token in _line_tokens(line):
                for s in self.sums:
                    if s.kind == "lengths" and s.key in usage and id(token) in s.tokens and id(token) in lengths:
                        usage[s.key] += units_ * lengths[id(token)]
        return lengths

    def _spans(self, scalars: list, units: list[int], shares: dict[str, int], usage: dict[str, int],
               least: dict[str, int]) -> dict[int, tuple] | None:
        """Ranges of the values of vectors and rows, cut so that summed values keep their share."""
        spans: dict[int, tuple] = {}
        occurrences: Counter[int] = Counter()
        for line, units_ in zip(self.lines, units):
            if line.fixed:
                continue
            for token in _line_tokens(line):
                if token.kind in ("int", "float"):
                    spans[id(token)] = self._span(token, scalars, False)
                    occurrences[id(token)] += units_
        for s in self.sums:
            if s.kind != "values" or s.key not in shares:
                continue
            values = sum(occurrences[key] for key in s.tokens)
            if values:
                each = shares[s.key] // values
                least[s.key] = 0
                for key in s.tokens:
                    low, high = spans[key]
                    if each < low:
                        return None
                    spans[key] = low, min(high, each)
                    least[s.key] += occurrences[key] * max(0, low)
                usage[s.key] = each * values
        return spans

    def _chars(self, scalars: list, units: list[int], lengths: dict[int, int], spans: dict[int, tuple]) -> int:
        """At least as many characters as the test case will have, newlines included."""
        def width(token: Token) -> int:
            if _words(token):
                given = _given_length(token, scalars)
                return given if given is not None else lengths[id(token)]
            if token.kind == "float":
                return 13
            low, high = spans[id(token)]
            return max(len(str(low)), len(str(high)))

        chars = 0
        values = iter(scalars)
        for line, units_ in zip(self.lines, units):
            if line.fixed:
                for token in line.tokens:
                    value = next(values)
                    chars += (width(token) if _words(token) else len(_text(value))) + 1
            elif line.variants:
                chars += units_ * max(len(key) + 1 + sum(width(t) + 1 for t in tokens[1:])
                                      for key, tokens in line.variants.items())
            elif line.repeat_of is not None:  # a tree's ends go up to its rows + 1, whatever their range
                chars += units_ * sum((len(str(units_ + 1)) if line.tree and column in line.tree else width(token)) + 1
                                      for column, token in enumerate(line.tokens))
            else:
                chars += units_ * (width(line.tokens[0]) + 1) + 1
        return chars

    # ----------------------------------------------------------------------------------------------- render

    def render(self, layout: _Layout) -> list[str]:
        out: list[str] = []
        values = iter(layout.scalars)
        for line, units in zip(self.lines, layout.units):
            if line.fixed:
                texts = []
                for token in line.tokens:
                    value = next(values)
                    texts.append(self._word(token, self._length(token, layout)) if _words(token) else _text(value))
                out.append(" ".join(texts))
            elif line.repeat_of is not None:
                out += self._rows(line, units, layout)
            else:
                out.append(" ".join(self._vector(line, units, layout)))
        return out

    def _length(self, token: Token, layout: _Layout) -> int:
        given = _given_length(token, layout.scalars)
        return given if given is not None else layout.lengths[id(token)]

    def _vector(self, line: Line, length: int, layout: _Layout) -> list[str]:
        token = line.tokens[0]
        if _words(token):
            return [self._word(token, self._length(token, layout)) for _ in range(length)]
        if line.permutation:
            values = list(range(1, length + 1))
            if self.style == "random":
                self.rng.shuffle(values)
            elif self.style == "extreme":  # 1, n, 2, n - 1, …
                values = [values[i // 2] if i % 2 == 0 else values[-1 - i // 2] for i in range(length)]
            elif self.style == "equal":
                values.reverse()
            return list(map(str, values))
        low, high = layout.spans[id(token)]
        if line.distinct and token.kind == "int" and high - low + 1 >= length:
            return list(map(str, self._distinct(low, high, length)))
        return _texts(self._many(low, high, length, token.kind))

    def _rows(self, line: Line, rows: int, layout: _Layout) -> list[str]:
        rng = self.rng
        if line.variants:
            keys = sorted(line.variants)
            made = []
            for _ in range(rows):
                key = rng.choice(keys)
                made.append(" ".join([key] + [self._word(t, self._length(t, layout)) if _words(t)
                                              else _text(self._one(*layout.spans[id(t)], t.kind))
                                              for t in line.variants[key][1:]]))
            return made
        edges = self._tree(rows) if line.tree else []
        columns: list[list] = []
        for column, token in enumerate(line.tokens):
            if edges and column in line.tree:
                columns.append([edge[line.tree.index(column)] for edge in edges])
            elif _words(token):
                columns.append([self._word(token, self._length(token, layout), line.once) for _ in range(rows)])
            else:
                columns.append(self._column(token, rows, layout.spans[id(token)], columns))
        if line.once:  # the rows of a grid are equally long
            grid = columns[0]
            width = len(grid[0]) if grid else 0
            if rows * width < len(line.once):
                raise _Infeasible(f"a grid of {rows * width} cells cannot hold {line.once!r} once each")
            for cell, character in zip(rng.sample(range(rows * width), len(line.once)), line.once):
                r, c = divmod(cell, width)
                grid[r] = grid[r][:c] + character + grid[r][c + 1:]
        texts = [values if values and isinstance(values[0], str) else _texts(values) for values in columns]
        return [" ".join(row) for row in zip(*texts)]

    def _column(self, token: Token, rows: int, span: tuple, columns: list[list]) -> list:
        """One column of a run of rows, keeping its relations to the row's earlier columns (l ≤ r, u ≠ v)."""
        low, high = span
        lows: list | None = None
        highs: list | None = None
        numeric = [bool(values) and not isinstance(values[0], str) for values in columns]
        for scope, ref, offset in token.lower:
            if scope == "column" and ref < len(columns) and numeric[ref]:
                lows = [a if a >= b + offset else b + offset for a, b in zip(lows or [low] * rows, columns[ref])]
        for scope, ref, offset in token.upper:
            if scope == "column" and ref < len(columns) and numeric[ref]:
                highs = [a if a <= b + offset else b + offset for a, b in zip(highs or [high] * rows, columns[ref])]
        if lows is not None or highs is not None:
            lows, highs = lows or [low] * rows, highs or [high] * rows
            for i in [i for i, (a, b) in enumerate(zip(lows, highs)) if a > b]:
                lows[i], highs[i] = low, high  # a row whose relations leave no value gives them up for its range
        values = self._many(low, high, rows, token.kind, lows, highs)
        for ref in token.differs:
            if ref < len(columns) and numeric[ref]:
                other = columns[ref]
                for i in range(rows):
                    if values[i] == other[i]:
                        a, b = (lows[i] if lows else low), (highs[i] if highs else high)
                        if values[i] - 1 >= a:
                            values[i] -= 1
                        elif values[i] + 1 <= b:
                            values[i] += 1
                        else:
                            raise _Infeasible("no value differs from the row's other one")
        return values

    # ----------------------------------------------------------------------------------------------- values

    def _one(self, low: int | float, high: int | float, kind: str) -> int | float:
        return self._many(low, high, 1, kind)[0]

    def _many(self, low: int | float, high: int | float, count: int, kind: str,
              lows: list | None = None, highs: list | None = None) -> list:
        """`count` values in the block's style, within [low, high] or, where given, each row's own range."""
        rng = self.rng
        if self.style == "equal":
            return list(highs) if highs is not None else [high] * count
        if self.style == "extreme":
            if lows is None:
                return [(low, high)[rng.getrandbits(1)] for _ in range(count)]
            return [(a, b)[rng.getrandbits(1)] for a, b in zip(lows, highs)]
        if lows is None and kind == "int":
            values = _uniform(rng, low, high, count)
        elif lows is None:
            values = [rng.uniform(low, high) for _ in range(count)]
        elif kind != "int":
            values = [rng.uniform(a, b) for a, b in zip(lows, highs)]
        elif high - low < _EXACT:  # every row's range lies within [low, high]
            random_ = rng.random
            values = [a + int(random_() * (b - a + 1)) for a, b in zip(lows, highs)]
        else:
            values = [rng.randint(a, b) for a, b in zip(lows, highs)]
        if self.style == "sorted" and lows is None:
            values.sort()
        return values

    def _distinct(self, low: int, high: int, count: int) -> list[int]:
        rng = self.rng
        if self.style == "equal":  # as equal as distinct values can be: the top ones, descending
            return list(range(high, high - count, -1))
        if self.style == "extreme":  # both ends of the range
            values = list(range(low, low + count // 2)) + list(range(high - (count - count // 2) + 1, high + 1))
            rng.shuffle(values)
            return values
        if high - low < 2**62:
            values = rng.sample(range(low, high + 1), count)
        else:
            chosen: set[int] = set()
            while len(chosen) < count:
                chosen.add(rng.randint(low, high))
            values = list(chosen)
            rng.shuffle(values)
        return sorted(values) if self.style == "sorted" else values

    def _tree(self, edges: int) -> list[tuple[int, int]]:
        """The edges of a tree on 1..edges + 1: random; a path (extreme, as deep as can be); a star (equal);
        a path through shuffled labels (sorted)."""
        rng = self.rng
        labels = list(range(1, edges + 2))
        if self.style == "extreme":
            return [(v, v + 1) for v in range(1, edges + 1)]
        rng.shuffle(labels)
        if self.style == "equal":
            made = [(labels[0], v) for v in labels[1:]]
        elif self.style == "sorted":
            made = list(zip(labels, labels[1:]))
        else:
            made = [(labels[rng.randrange(child)], labels[child]) for child in range(1, edges + 1)]
        made = [pair if rng.getrandbits(1) else pair[::-1] for pair in made]
        rng.shuffle(made)
        return made

    def _word(self, token: Token, length: int, exclude: str = "") -> str:
        rng = self.rng
        if _symbol(token):
            return rng.choice(token.alphabet)
        key = (id(token), exclude)
        if key not in self.charsets:
            self.charsets[key] = _Charset.of(token, exclude)
        chars = self.charsets[key]
        if self.style == "equal":  # the most common character throughout: a free grid, "aaaa…"
            word = chars.common * length
        elif self.style == "extreme":  # a short pattern repeated: periodic strings trouble string algorithms
            pattern = "".join(rng.choices(chars.alphabet, k=rng.randint(1, 3)))
            word = (pattern * (length // len(pattern) + 1))[:length]
        elif chars.table is None:
            word = "".join(rng.choices(chars.alphabet, cum_weights=chars.cumulative, k=length))
            if self.style == "sorted":
                word = "".join(sorted(word))
        else:  # random bytes through a table: millions of characters in milliseconds
            drawn = rng.randbytes(length).translate(chars.table)
            if self.style == "sorted":
                drawn = b"".join(bytes([c]) * drawn.count(c) for c in sorted(set(chars.table)))
            word = drawn.decode("latin-1")
        for test, choices in chars.needs:
            if not any(map(test, word)):
                at = rng.randrange(length)
                word = word[:at] + rng.choice(choices) + word[at + 1:]
        if token.kind == "word" and chars.digits and classify(word) != "word":  # "12" reads as a number
            word = rng.choice(chars.letters) + word[1:]
        return word


@dataclass(frozen=True)
class _Charset:
    """What drawing one string token's characters needs, worked out once per token rather than per string."""

    alphabet: str
    cumulative: tuple[int, ...]  # the examples' frequencies (each character at least a little), summed
    common: str  # the most frequent character in the examples
    needs: tuple[tuple, ...]  # (test, characters that pass it) for each kind of character every example has
    digits: bool  # whether a string could read as a number
    letters: str  # characters that keep a string from reading as a number
    table: bytes | None  # 256 characters in proportion to the weights, each at least once (single-byte alphabets)

    @staticmethod
    def of(token: Token, exclude: str) -> _Charset:
        alphabet = "".join(c for c in alphabet_of(token) if c not in exclude) or "a"
        weights = [token.weights.get(c, 0) + 1 for c in alphabet]
        needs = tuple((test, choices) for kind in token.needs
                      for test in (CHARACTER_KINDS[kind],) if (choices := "".join(filter(test, alphabet))))
        table = None
        if len(alphabet) <= 256 and max(map(ord, alphabet)) < 256:
            slots = [1 + (256 - len(alphabet)) * w // sum(weights) for w in weights]
            for i in sorted(range(len(alphabet)), key=lambda i: -weights[i])[: 256 - sum(slots)]:
                slots[i] += 1
            table = "".join(c * n for c, n in zip(alphabet, slots)).encode("latin-1")
        return _Charset(alphabet, tuple(itertools.accumulate(weights)),
                        max(alphabet, key=lambda c: token.weights.get(c, 0)), needs,
                        any(c.isdigit() for c in alphabet), "".join(c for c in alphabet if not c.isdigit()) or "a",
                        table)


def alphabet_of(token: Token) -> str:
    """The characters a string token is drawn from: those seen, lowercase letters up to the last one seen."""
    alphabet = token.alphabet or string.ascii_lowercase
    if alphabet.isalpha() and alphabet.islower() and len(alphabet) > 2:
        alphabet = string.ascii_lowercase[: max(3, ord(max(alphabet)) - ord("a") + 1)]
    return alphabet


def _symbol(token: Token) -> bool:
    """A one-character symbol from a small set: '+', '-', '#'."""
    return token.kind == "word" and token.min_length == token.max_length == 1 and len(token.alphabet) <= 3


def _given_length(token: Token, scalars: Sequence) -> int | None:
    """The length of a string when it is fixed: a symbol's, or one a scalar of the test case gives."""
    if _symbol(token):
        return 1
    if token.length_of is not None and token.length_of < len(scalars):
        value = scalars[token.length_of]
        if value is not None and value >= 1:
            return int(value)
    return None


def _scaled(low: int, high: int, f: float) -> int:
    """low + (high - low) ⋅ f, exact at f = 1 however large the numbers."""
    if f >= 1:
        return high
    if isinstance(low, float) or isinstance(high, float):
        return low + (high - low) * f
    return min(high, low + int((high - low) * f))


def _uniform(rng: random.Random, low: int, high: int, count: int) -> list[int]:
    span = high - low + 1
    if span <= _EXACT:
        random_ = rng.random
        return [low + int(random_() * span) for _ in range(count)]
    return [rng.randint(low, high) for _ in range(count)]


def _texts(values: list) -> list[str]:
    return [f"{v:.6g}" for v in values] if values and isinstance(values[0], float) else list(map(str, values))


def _text(value: int | float | None) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)
