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
a trained test-input model included (AlphaCode trained one). A generator may also make inputs at the stated maximum
bounds, to test speed: `MaximalInputGenerator` adds `maximal(statement, examples, count, rng)` (check with
`isinstance`); `StructuredGenerator` has it. Stated sums over test cases are read by `parse_sums`.
"""

from __future__ import annotations

import random
from typing import Protocol, runtime_checkable

from solver.pipeline.inputs.constraints import input_section, name_groups, parse_constraints, parse_number, parse_sums
from solver.pipeline.inputs.generate import StructuredGenerator
from solver.pipeline.inputs.maximal import LARGE, MAX_CHARS
from solver.pipeline.inputs.shape import Shape, consume, infer_shape, matches


class InputGenerator(Protocol):
    def generate(self, statement: str, examples: list[str], count: int, rng: random.Random) -> list[str]: ...


@runtime_checkable
class MaximalInputGenerator(InputGenerator, Protocol):
    """An input generator that can also make valid inputs at the stated maximum bounds, to test speed."""

    def maximal(self, statement: str, examples: list[str], count: int, rng: random.Random) -> list[str]: ...


__all__ = ["LARGE", "MAX_CHARS", "InputGenerator", "MaximalInputGenerator", "Shape", "StructuredGenerator", "consume",
           "infer_shape", "input_section", "matches", "name_groups", "parse_constraints", "parse_number", "parse_sums"]
