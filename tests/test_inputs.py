"""Test inputs for clustering: stated bounds read from statements, the examples' structure and relations, and
generated inputs that parse like the examples and keep the statement's bounds on real bundled problems; inputs at
the maximum bounds (for speed) that keep them too, reach them, fill the stated sums and stay within a size cap."""

from __future__ import annotations

import functools
import random
from collections import Counter

import pytest

from problems import BUNDLED_DIR, load
from solver.pipeline.inputs import (
    LARGE,
    MAX_CHARS,
    InputGenerator,
    MaximalInputGenerator,
    StructuredGenerator,
    infer_shape,
    input_section,
    matches,
    name_groups,
    parse_constraints,
    parse_number,
    parse_sums,
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


# ------------------------------------------------------------------------------------------------ maximal inputs


@pytest.mark.parametrize("statement, expected", [
    ("The sum of n over all test cases does not exceed 2 ⋅ 10^5.", {"n": 200_000}),
    ("It is guaranteed that the sum of n over all test cases does not exceed 10^5", {"n": 100_000}),
    ("It is guaranteed that the sum of $n$ over all test cases does not exceed $2 \\cdot 10^5$.", {"n": 200_000}),
    ("The sum of $n$ over all test cases doesn’t exceed $10^5$", {"n": 100_000}),
    ("∑ n ≤ 2·10^5", {"n": 200_000}),
    ("Σ n ≤ 10^6", {"n": 10**6}),
    ("$\\sum n \\le 2 \\cdot 10^5$", {"n": 200_000}),
    ("It is guaranteed that $\\sum\\limits_{i=1}^{t} n_i \\le 2 \\cdot 10^5$.", {"n_i": 200_000}),
    ("the sum of n over all test cases is at most 3 ⋅ 10^5", {"n": 300_000}),
    ("the sum of n over all test cases is less than 10^5", {"n": 99_999}),
    ("It is guaranteed that the sum of n over all logs does not exceed 5000, and the sum of q over all logs does "
     "not exceed 5000.", {"n": 5000, "q": 5000}),
    ("The sum of n and the sum of m over all test cases do not exceed 2 ⋅ 10^5.", {"n": 200_000, "m": 200_000}),
    ("the sum of n·m over all test cases does not exceed 10^6", {"n*m": 10**6}),
    ("the sum of n + m over all test cases is at most 4 ⋅ 10^5", {"n+m": 400_000}),
    ("It is guaranteed that the sum of a_i does not exceed 10^6.", {"a_i": 10**6}),
    ("The total length of all strings does not exceed 10^5.", {"len:*": 100_000}),
    ("The total length of all words over all shelves does not exceed 5 ⋅ 10^4.", {"len:*": 50_000}),
    ("the sum of the lengths of the strings s over all test cases does not exceed 3 ⋅ 10^5", {"len:s": 300_000}),
    ("the sum of |s| over all test cases doesn't exceed 10^6", {"len:s": 10**6}),
    # story text and outputs are no sums
    ("the total intensity, that is, the sum of its digits, is at most S", {}),
    ("Print the sum of a_i modulo 10^9 + 7.", {}),
    ("the sum of n over all test cases is large", {}),
])
def test_parse_sums(statement, expected):
    assert parse_sums(statement) == expected


def test_the_bundled_statements_sums():
    sums = {name: parse_sums(problem.description) for name, problem in PROBLEMS.items()}
    assert sums["Lakeside Photo"] == {"n": 200_000}
    assert sums["Coldest Stretch"] == {"n": 5000, "q": 5000}
    assert sums["Shrinking Counter"] == {"n": 10**7}
    assert sums["Bracket Repair"] == {"len:*": 10**5}
    assert sums["Garden Queries"] == sums["Festival Grounds"] == sums["Longest Calm Stretch"] == {}


@functools.cache
def _maximal(name: str) -> tuple[str, ...]:
    problem = PROBLEMS[name]
    examples = [test.input for test in problem.public_tests]
    return tuple(StructuredGenerator().maximal(problem.description, examples, 4, random.Random(5)))


def _coldest_sums(lines: list[str]) -> tuple[int, int]:
    total_n = total_q = 0
    position = 1
    for _ in range(_ints(lines[0])[0]):
        n, q = _ints(lines[position])
        total_n, total_q, position = total_n + n, total_q + q, position + 2 + q
    return total_n, total_q


# What a maximal input of each problem has at its stated upper bound: a count, or a stated sum filled up.
AT_MAXIMUM = {
    "Garden Queries": lambda lines, b, s: _ints(lines[0]) == [b["n"][1], b["q"][1]],
    "Lakeside Photo": lambda lines, b, s: sum(_ints(line)[0] for line in lines[1:]) == s["n"],
    "Festival Grounds": lambda lines, b, s: _ints(lines[0]) == [b["n"][1]],
    "Coldest Stretch": lambda lines, b, s: _coldest_sums(lines) == (s["n"], s["q"]),
    "Orchard Walk": lambda lines, b, s: _ints(lines[0]) == [b["n"][1], b["m"][1]],
    "Mirror Halls": lambda lines, b, s: _ints(lines[0]) == [b["n"][1], b["m"][1]],
    "Exact Fare": lambda lines, b, s: _ints(lines[0]) == [b["n"][1], b["S"][1]],
    "Dish Tower": lambda lines, b, s: _ints(lines[0]) == [b["q"][1]],
    "The Night Shuttle": lambda lines, b, s: _ints(lines[0])[:2] == [b["n"][1], b["m"][1]],
    "Longest Calm Stretch": lambda lines, b, s: _ints(lines[0])[0] == b["n"][1] == len(lines[1]),
    "Fresh Paint": lambda lines, b, s: _ints(lines[0]) == [b["n"][1]],
    "Island Bridges": lambda lines, b, s: _ints(lines[0]) == [b["n"][1], b["m"][1]],
}


@pytest.mark.parametrize("name", sorted(VALIDATORS))
def test_maximal_inputs_of_bundled_problems_keep_and_reach_the_stated_bounds(name):
    problem = PROBLEMS[name]
    bounds, sums = parse_constraints(problem.description), parse_sums(problem.description)
    shape = infer_shape([test.input for test in problem.public_tests])
    made = _maximal(name)
    assert len(made) == 4 and len(set(made)) == 4
    for text in made:
        lines = text.strip("\n").split("\n")
        assert matches(shape, text)
        VALIDATORS[name](lines, bounds)
        assert AT_MAXIMUM[name](lines, bounds, sums), lines[0]
    if sums:  # one test case as large as the sums allow, and the most test cases allowed sharing them
        assert {int(text.split("\n")[0]) for text in made} == {1, bounds["t"][1]}


def test_maximal_trees_include_a_path_and_a_star():
    degrees = []
    for text in _maximal("Festival Grounds"):
        edges = [_ints(line)[:2] for line in text.strip().split("\n")[1:]]
        degrees.append(max(Counter(v for edge in edges for v in edge).values()))
    assert 2 in degrees and 4999 in degrees  # a path, deep enough to break a recursive search; a star


def test_maximal_inputs_fill_a_stated_sum_of_values():
    statement = ("The first line contains one integer t (1 ≤ t ≤ 10^4). Each test case: the first line contains an "
                 "integer n (1 ≤ n ≤ 2 ⋅ 10^5), the second line contains n integers a_1, a_2, …, a_n "
                 "(1 ≤ a_i ≤ 10^9). It is guaranteed that the sum of a_i over all test cases does not exceed 10^6.")
    made = StructuredGenerator().maximal(statement, ["2\n3\n1 2 3\n2\n4 5\n", "1\n1\n7\n"], 4, random.Random(0))
    totals = [sum(v for line in text.split("\n")[2::2] for v in _ints(line)) for text in made]
    assert len(made) == 4 and max(totals) == 10**6 and all(total <= 10**6 for total in totals)
    assert any(text.startswith("1\n200000\n") for text in made)  # one test case with n at its bound


def test_maximal_inputs_keep_a_stated_sum_of_products():
    statement = ("The first line contains two integers n and m (1 ≤ n, m ≤ 1000). Each of the next n lines contains "
                 "a string of m characters. The sum of n ⋅ m does not exceed 10^5.")
    for text in StructuredGenerator().maximal(statement, ["2 3\nabc\ndef\n", "3 2\nab\ncd\nef\n"], 3,
                                              random.Random(0)):
        n, m = _ints(text.split("\n")[0])
        assert n * m == 10**5 and n == 1000


def test_maximal_inputs_stay_within_the_size_cap():
    problem = PROBLEMS["Garden Queries"]
    examples = [test.input for test in problem.public_tests]
    shape, bounds = infer_shape(examples), parse_constraints(problem.description)
    made = StructuredGenerator(max_chars=50_000).maximal(problem.description, examples, 4, random.Random(0))
    assert len(made) == 4
    for text in made:  # scaled down to fit, as close to the cap as the factor allows, and still valid
        assert 25_000 < len(text) <= 50_000 and matches(shape, text)
        VALIDATORS["Garden Queries"](text.strip("\n").split("\n"), bounds)
    # A bound misread or absurd (10^18 as a length) cannot make a giant file.
    statement = ("The first line contains an integer n (1 ≤ n ≤ 10^18). The second line contains a string s of length "
                 "n.")
    made = StructuredGenerator().maximal(statement, ["3\nabc\n", "5\nhello\n"], 2, random.Random(0))
    assert len(made) == 2
    for text in made:
        n, s = text.split()
        assert MAX_CHARS // 2 < len(text) <= MAX_CHARS and len(s) == int(n)
    # Many test cases and no stated sum: fewer big ones, or all of them smaller.
    statement = ("The first line contains one integer t (1 ≤ t ≤ 10^4). The first line of each test case contains one "
                 "integer n (1 ≤ n ≤ 2 ⋅ 10^5), the second line n integers a_1, a_2, …, a_n (1 ≤ a_i ≤ 10^9).")
    examples = ["2\n3\n1 2 3\n2\n4 5\n", "1\n1\n7\n"]
    made = StructuredGenerator(max_chars=300_000).maximal(statement, examples, 2, random.Random(0))
    assert len(made) == 2 and all(len(text) <= 300_000 and matches(infer_shape(examples), text) for text in made)
    (big, big_n), (many, many_n) = sorted((_ints(text.split("\n")[0])[0], _ints(text.split("\n")[1])[0])
                                          for text in made)
    assert big < 10 and big_n > 20_000 and many == 10_000 and many_n < 10


def test_maximal_counts_without_a_stated_bound_are_large():
    made = StructuredGenerator().maximal("", ["3\n1 2 3\n", "2\n5 6\n"], 4, random.Random(0))
    assert len(made) == 4 and all(_ints(text.split("\n")[0]) == [LARGE] for text in made)
    made = StructuredGenerator(large=1000).maximal("", ["3\n1 2 3\n", "2\n5 6\n"], 1, random.Random(0))
    assert _ints(made[0].split("\n")[0]) == [1000] and len(_ints(made[0].split("\n")[1])) == 1000


def test_maximal_inputs_are_deterministic_for_a_seed():
    problem = PROBLEMS["Coldest Stretch"]
    examples = [test.input for test in problem.public_tests]
    generator = StructuredGenerator()
    first = generator.maximal(problem.description, examples, 4, random.Random(11))
    assert first == generator.maximal(problem.description, examples, 4, random.Random(11))
    assert first != generator.maximal(problem.description, examples, 4, random.Random(12))


def test_nothing_maximal_to_generate_from():
    generator = StructuredGenerator()
    assert isinstance(generator, MaximalInputGenerator)
    assert generator.maximal("no examples", [], 5, random.Random(0)) == []
    assert generator.maximal("anything", ["1 2\n"], 0, random.Random(0)) == []
    assert generator.maximal("no shared shape", ["3\n", "x y\n1\n"], 3, random.Random(0)) == []


def test_a_generator_without_maximal_inputs_is_still_an_input_generator():
    class Examples:
        def generate(self, statement, examples, count, rng):
            return examples[:count]

    def supply(generator: InputGenerator) -> bool:
        return isinstance(generator, MaximalInputGenerator)

    assert not supply(Examples())


def test_generator_settings_are_checked():
    with pytest.raises(ValueError, match="max_chars"):
        StructuredGenerator(max_chars=0)
