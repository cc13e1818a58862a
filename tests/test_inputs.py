"""Test inputs for clustering: stated bounds read from statements, the examples' structure and relations, and
generated inputs that parse like the examples and keep the statement's bounds on real bundled problems."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from problems import BUNDLED_DIR, load
from solver.pipeline.inputs import (
    StructuredGenerator,
    infer_shape,
    input_section,
    matches,
    name_groups,
    parse_constraints,
    parse_number,
)

PROBLEMS = {p.name: p for p in load(BUNDLED_DIR)}


# ------------------------------------------------------------------------------------------------ constraints


@pytest.mark.parametrize("text, value", [
    ("10^5", 100_000), ("2 ⋅ 10^5", 200_000), ("2·10^5", 200_000), ("−10^9", -10**9), ("-10^{18}", -10**18),
    ("1 000 000", 10**6), ("1,000", 1000), ("1e5", 100_000), ("2^30", 2**30), ("998244353", 998244353),
    ("5 \\cdot 10^4", 50_000), ("n", None), ("10^", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("statement, expected", [
    ("The first line contains n (1 ≤ n ≤ 10^5).", {"n": (1, 100_000)}),
    ("an integer n (1 ≤ n ≤ 2 ⋅ 10^5)", {"n": (1, 200_000)}),
    ("n integers a_1, a_2, …, a_n (−10^9 ≤ a_i ≤ 10^9)", {"a_i": (-10**9, 10**9)}),
    ("one string s (1 ≤ |s| ≤ 100)", {"len:s": (1, 100)}),
    ("$1 \\le n \\le 10^{5}$ and $1 \\leq m \\leq 2 \\cdot 10^5$", {"n": (1, 100_000), "m": (1, 200_000)}),
    ("$-10^9 \\le a_{i} \\le 10^9$", {"a_i": (-10**9, 10**9)}),
    # a chain bounds every name in it; a list shares the bounds; a strict < moves a bound by one
    ("(1 ≤ k ≤ n ≤ 2 ⋅ 10^5, 1 ≤ L ≤ 10^9, 0 ≤ a, b < L)", {"k": (1, 200_000), "n": (1, 200_000), "L": (1, 10**9)}),
    ("(1 ≤ n, q ≤ 2 ⋅ 10^5)", {"n": (1, 200_000), "q": (1, 200_000)}),
    ("(2 ≤ n ≤ 10^4, 1 ≤ m ≤ 10^4)", {"n": (2, 10_000), "m": (1, 10_000)}),
    ("(0 ≤ v_i < 2^30, 1 ≤ c_i ≤ 10^5)", {"v_i": (0, 2**30 - 1), "c_i": (1, 100_000)}),
    ("(-10^9 ≤ l_i < r_i ≤ 10^9)", {"l_i": (-10**9, 10**9 - 1), "r_i": (-10**9 + 1, 10**9)}),
    ("10^5 ≥ n ≥ 1", {"n": (1, 100_000)}),
    ("1 <= n <= 1 000", {"n": (1, 1000)}),
    # one-sided, relational or arithmetic: no numeric bound
    ("(1 ≤ u_i, v_i ≤ n, u_i ≠ v_i)", {}),
    ("(1 ≤ n, m ≤ 300, n ⋅ m ≥ 2)", {"n": (1, 300), "m": (1, 300)}),
    ("where n ≥ 1", {}),
    ("(5 ≤ n ≤ 3)", {}),
])
def test_parse_constraints(statement, expected):
    assert parse_constraints(statement) == expected


def test_name_groups_read_the_input_format():
    statement = ("Legend with one integer x (1 ≤ x ≤ 5).\n\nInput\n\nThe first line contains two integers n and q "
                 "(1 ≤ n, q ≤ 10).\nThe second line contains n integers a_1, a_2, …, a_n.\nEach of the next q lines "
                 "contains two integers l_j and r_j.\nThe last line contains a string s.\n\nOutput\n\nPrint one "
                 "integer y.\n")
    assert input_section(statement).startswith("\n\nThe first line")
    assert "Print" not in input_section(statement)
    assert name_groups(statement) == [(2, ["n", "q"]), (None, ["a_i"]), (2, ["l_i", "r_i"]), (1, ["s"])]


# -------------------------------------------------------------------------------------------------- structure


def test_a_count_and_a_vector():
    shape = infer_shape(["3\n1 2 3\n", "5\n5 4 3 2 1\n"])
    assert shape is not None and not shape.multitest
    assert matches(shape, "2\n7 8\n") and matches(shape, "1\n-4\n")
    assert not matches(shape, "2\n7\n")  # one value short
    assert not matches(shape, "2\n7 8 9\n")
    assert not matches(shape, "2\n7 x\n")  # a word where numbers were
    assert not matches(shape, "2\n7 8\n9\n")  # a line too many


def test_rows_as_many_as_a_count():
    shape = infer_shape(["3 2\n1 2\n3 4\n5 6\n", "2 3\n1 2 3\n4 5 6\n"])
    assert shape is None  # rows of different widths in different examples: no one shape
    shape = infer_shape(["3\n1 2\n3 4\n5 6\n", "2\n7 8\n1 1\n"])
    assert matches(shape, "1\n9 9\n") and matches(shape, "4\n1 1\n2 2\n3 3\n4 4\n")
    assert not matches(shape, "2\n1 1\n")


def test_multitest_blocks():
    shape = infer_shape(["2\n3\n1 2 3\n1\n5\n", "3\n2\n1 1\n2\n2 2\n4\n1 2 3 4\n"])
    assert shape.multitest
    assert matches(shape, "1\n2\n4 5\n") and matches(shape, "2\n1\n7\n3\n1 2 3\n")
    assert not matches(shape, "2\n2\n4 5\n")  # the second block is missing
    assert not matches(shape, "1\n2\n4 5 6\n")


def test_queries_with_variants():
    shape = infer_shape(["5\npush 3\npush 4\npop\npush 1\npop\n", "3\npush 9\npop\npop\n"])
    assert matches(shape, "2\npop\npush 7\n")
    assert not matches(shape, "2\npush\npop\n")  # push needs its value
    assert not matches(shape, "1\npeek 3\n")  # no such query in the examples
    numbered = infer_shape(["7\n1 5\n1 9\n3\n2 1\n3\n1 7\n2 4\n"])  # event types: "1 w", "2 k", "3"
    assert matches(numbered, "3\n3\n1 4\n2 2\n") and not matches(numbered, "2\n3 1\n1\n")


def test_a_tree_whose_smallest_example_has_no_edges():
    shape = infer_shape(["4\n1 2 5\n2 3 1\n2 4 7\n", "1\n"])
    assert shape.lines[1].repeat_of == 0 and shape.lines[1].offset == -1
    assert shape.lines[1].tree == (0, 1)
    assert matches(shape, "2\n1 2 3\n") and not matches(shape, "2\n")
    for text in StructuredGenerator().generate("", ["4\n1 2 5\n2 3 1\n2 4 7\n", "1\n"], 30, random.Random(1)):
        n, *edges = [list(map(int, line.split())) for line in text.splitlines()]
        assert _is_tree(n[0], [(u, v) for u, v, _ in edges])


def test_examples_that_share_no_structure():
    assert infer_shape(["3\n", "x y\n1\n"]) is None
    assert infer_shape(["", "\n"]) is None


def test_relations_the_examples_keep_are_kept():
    examples = ["5 3\nabcde\n", "4 4\nabba\n", "6 1\naaaaaa\n"]  # k ≤ n, a string of length n
    shape = infer_shape(examples)
    k = shape.lines[0].tokens[1]
    assert ("scalar", 0, 0) in k.upper
    assert shape.lines[1].tokens[0].length_of == 0
    made = StructuredGenerator().generate("", examples, 40, random.Random(2))
    assert len(made) == 40
    for text in made:
        (n, k), (s,) = [line.split() for line in text.splitlines()]
        assert 1 <= int(k) <= int(n) and len(s) == int(n)


# ------------------------------------------------------------------------------------------ bundled problems


def _ints(line: str) -> list[int]:
    return [int(t) for t in line.split()]


def _within(values, bound) -> bool:
    return all(bound[0] <= v <= bound[1] for v in values)


def _is_tree(n: int, edges: list[tuple[int, int]]) -> bool:
    parent = list(range(n + 1))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in edges:
        if not (1 <= u <= n and 1 <= v <= n) or find(u) == find(v):
            return False
        parent[find(u)] = find(v)
    return len(edges) == n - 1


def _garden_queries(lines, b):
    n, q = _ints(lines[0])
    assert _within([n, q], b["n"]) and _within([q], b["q"])
    assert len(_ints(lines[1])) == n and _within(_ints(lines[1]), b["a_i"])
    assert len(lines) == 2 + q
    assert all(1 <= l_ <= r <= n for l_, r in map(_ints, lines[2:]))  # 1 ≤ l_j ≤ r_j ≤ n


def _lakeside_photo(lines, b):
    t = _ints(lines[0])[0]
    assert _within([t], b["t"]) and len(lines) == 1 + t
    for line in lines[1:]:
        n, k, big_l, a, c = _ints(line)
        assert 1 <= k <= n <= b["n"][1] and _within([big_l], b["L"]) and 0 <= a < big_l and 0 <= c < big_l


def _festival_grounds(lines, b):
    n = _ints(lines[0])[0]
    edges = [_ints(line) for line in lines[1:]]
    assert _within([n], b["n"]) and _is_tree(n, [(u, v) for u, v, _ in edges])
    assert _within([w for _, _, w in edges], b["w_i"])


def _coldest_stretch(lines, b):
    t, position = _ints(lines[0])[0], 1
    assert _within([t], b["t"])
    for _ in range(t):
        n, q = _ints(lines[position])
        a = _ints(lines[position + 1])
        assert _within([n], b["n"]) and _within([q], b["q"]) and len(a) == n and _within(a, b["a_i"])
        assert all(1 <= l_ <= r <= n for l_, r in map(_ints, lines[position + 2:position + 2 + q]))
        position += 2 + q
    assert position == len(lines)


def _orchard_walk(lines, b):
    n, m = _ints(lines[0])
    assert _within([n], b["n"]) and _within([m], b["m"]) and len(lines) == 1 + n
    assert all(len(row) == m and set(row) <= set(".#") for row in lines[1:])


def _mirror_halls(lines, b):
    n, m = _ints(lines[0])
    assert _within([n], b["n"]) and _within([m], b["m"]) and len(lines) == 1 + n
    assert all(len(row) == m for row in lines[1:])
    counts = Counter("".join(lines[1:]))
    assert counts["S"] == 1 and counts["E"] == 1  # "each appear exactly once"
    assert all(c in ".#SE" or c.islower() for c in counts)


def _exact_fare(lines, b):
    n, s = _ints(lines[0])
    coins = _ints(lines[1])
    assert _within([n], b["n"]) and _within([s], b["S"]) and len(lines) == 2
    assert len(coins) == n and len(set(coins)) == n and _within(coins, b["c_i"])  # "n distinct integers"


def _dish_tower(lines, b):
    q = _ints(lines[0])[0]
    assert _within([q], b["q"]) and len(lines) == 1 + q
    for event in map(_ints, lines[1:]):
        assert event[0] in (1, 2, 3) and len(event) == (1 if event[0] == 3 else 2)
        if event[0] != 3:
            assert _within(event[1:], b["w"] if event[0] == 1 else b["k"])


def _night_shuttle(lines, b):
    n, m, c = _ints(lines[0])
    assert _within([n], b["n"]) and _within([m], b["m"]) and _within([c], b["c"]) and len(lines) == 1 + m
    for s, e, k in map(_ints, lines[1:]):
        assert 1 <= s < e <= n and _within([k], b["k_i"])  # 1 ≤ s_j < e_j ≤ n


def _longest_calm_stretch(lines, b):
    n, s = _ints(lines[0])
    assert _within([n], b["n"]) and _within([s], b["S"])
    assert len(lines) == 2 and len(lines[1]) == n and set(lines[1]) <= set("123456789")


def _fresh_paint(lines, b):
    n = _ints(lines[0])[0]
    assert _within([n], b["n"]) and len(lines) == 1 + n
    for l_, r in map(_ints, lines[1:]):
        assert -10**9 <= l_ < r <= 10**9 and _within([l_], b["l_i"]) and _within([r], b["r_i"])


def _island_bridges(lines, b):
    n, m = _ints(lines[0])
    assert _within([n], b["n"]) and _within([m], b["m"]) and len(lines) == 1 + m
    assert all(1 <= u <= n and 1 <= v <= n and u != v for u, v in map(_ints, lines[1:]))


VALIDATORS = {
    "Garden Queries": _garden_queries,
    "Lakeside Photo": _lakeside_photo,
    "Festival Grounds": _festival_grounds,
    "Coldest Stretch": _coldest_stretch,
    "Orchard Walk": _orchard_walk,
    "Mirror Halls": _mirror_halls,
    "Exact Fare": _exact_fare,
    "Dish Tower": _dish_tower,
    "The Night Shuttle": _night_shuttle,
    "Longest Calm Stretch": _longest_calm_stretch,
    "Fresh Paint": _fresh_paint,
    "Island Bridges": _island_bridges,
}


@pytest.mark.parametrize("name", sorted(VALIDATORS))
def test_generated_inputs_of_bundled_problems_parse_like_the_examples_and_keep_the_bounds(name):
    problem = PROBLEMS[name]
    examples = [test.input for test in problem.public_tests]
    bounds = parse_constraints(problem.description)
    shape = infer_shape(examples)
    assert shape is not None
    made = StructuredGenerator().generate(problem.description, examples, 30, random.Random(0))
    assert len(made) == 30 and len(set(made)) == 30 and not set(made) & set(examples)
    for example in examples:
        VALIDATORS[name](example.strip("\n").split("\n"), bounds)  # the validator itself accepts the examples
    for text in made:
        assert matches(shape, text), text
        VALIDATORS[name](text.strip("\n").split("\n"), bounds)


def test_inputs_are_small_and_some_reach_far_into_the_stated_range():
    problem = PROBLEMS["Garden Queries"]
    made = StructuredGenerator().generate(problem.description, [t.input for t in problem.public_tests], 30,
                                          random.Random(0))
    assert max(len(text) for text in made) < 2000  # cheap to run hundreds of programs on
    values = [v for text in made for v in _ints(text.split("\n")[1])]
    assert max(values) > 10**8  # a_i ≤ 10^9 is used, so overflows can show


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_every_bundled_problem_gets_inputs_that_parse_like_its_examples(name):
    problem = PROBLEMS[name]
    examples = [test.input for test in problem.public_tests]
    shape = infer_shape(examples)
    made = StructuredGenerator().generate(problem.description, examples, 20, random.Random(3))
    assert shape is not None and len(made) == 20
    assert all(matches(shape, text) for text in made)


def test_generation_is_deterministic_for_a_seed():
    problem = PROBLEMS["Coldest Stretch"]
    examples = [test.input for test in problem.public_tests]
    generator = StructuredGenerator()
    first = generator.generate(problem.description, examples, 15, random.Random(11))
    assert first == generator.generate(problem.description, examples, 15, random.Random(11))
    assert first != generator.generate(problem.description, examples, 15, random.Random(12))


def test_nothing_to_generate_from():
    generator = StructuredGenerator()
    assert generator.generate("no examples", [], 5, random.Random(0)) == []
    assert generator.generate("anything", ["1 2\n"], 0, random.Random(0)) == []
