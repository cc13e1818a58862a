"""New inputs made fresh within the inferred shape, the stated bounds and the relations the examples keep: small
ones to tell programs apart (`generate`), and a few at the maximum bounds to tell fast ones from slow ones
(`maximal`)."""

from __future__ import annotations

import dataclasses
import math
import random
from dataclasses import dataclass

from solver.pipeline.inputs.constraints import input_section, name_groups, parse_constraints, parse_sums
from solver.pipeline.inputs.maximal import LARGE, MAX_CHARS, alphabet_of, maximal_inputs
from solver.pipeline.inputs.shape import (
    CHARACTER_KINDS,
    NAN,
    Line,
    Shape,
    Token,
    classify,
    infer_shape,
    scalar_value,
)

SMALL = 12  # counts and lengths of generated inputs stay around this size: cheap to run, enough to tell apart


class _Unfit(Exception):
    """The values drawn so far leave no valid way to finish this input: draw another."""


@dataclass
class StructuredGenerator:
    """Inputs from the inferred shape, made fresh within the stated bounds and the examples' relations."""

    small: int = SMALL
    max_chars: int = MAX_CHARS  # the most characters one maximal input may have
    large: int = LARGE  # a maximal input's counts and lengths where the statement states no upper bound

    def __post_init__(self) -> None:
        for name in ("small", "max_chars", "large"):
            if getattr(self, name) < 1:
                raise ValueError(f"StructuredGenerator.{name} must be positive, got {getattr(self, name)!r}")

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

    def maximal(self, statement: str, examples: list[str], count: int, rng: random.Random) -> list[str]:
        """Up to `count` distinct valid inputs at the stated maximum bounds, to test speed ([] without a shape).

        Every count and length is at its stated upper bound (`large` where none is stated), values spread over
        their stated range in a few styles (random, at the ends, all equal, ascending; trees random, a path, a
        star), with the relations the examples keep. A multi-test input fills the stated sums ("the sum of n over
        all test cases does not exceed 2 ⋅ 10^5"), alternately with as few test cases as can be that large and
        with the most test cases allowed sharing the sums. No input exceeds `max_chars` characters: where the
        bounds we read would (a misread bound, many test cases and no stated sum), counts and lengths are scaled
        down until the input fits, so a maximal input is then not at its bounds. Each input takes well under a
        second for counts of 2 ⋅ 10^5.
        """
        shape = infer_shape(examples)
        if shape is None or count <= 0:
            return []
        self._attach_bounds(shape, statement)
        sums = parse_sums(input_section(statement)) or parse_sums(statement)
        return maximal_inputs(shape, sums, count, rng, self.max_chars, self.large)

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
        lengths = [(n, b) for n, b in bounds.items() if n.startswith("len:")]
        # A token bounded in reading order takes the bound's name too, for the stated sums to find it.
        for line in shape.lines:
            vector = not line.fixed
            for token in line.tokens:
                if token.bound is not None or token.name or token.kind == "digits":
                    continue
                if token.kind == "word":
                    if lengths and _fits_bound(token, lengths[0][1]):
                        token.name, token.bound = lengths[0][0].removeprefix("len:"), lengths[0][1]
                    continue
                pool = indexed if vector and indexed else plain
                while pool:
                    name, bound = pool.pop(0)
                    if _fits_bound(token, bound):
                        token.name, token.bound = name, bound
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
                    scalars.append(scalar_value(token, text))
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
        alphabet = alphabet_of(token)
        # Characters as often as in the examples (a grid mostly free, a few walls), each seen or not at least a
        # little; the wide inputs draw them evenly.
        weights = None if mode == "wide" else [token.weights.get(c, 0) + 1 for c in alphabet]
        for _ in range(8):
            word = "".join(rng.choices(alphabet, weights, k=length))
            for kind in token.needs:
                test = CHARACTER_KINDS[kind]
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
