"""The generated curriculum: deterministic, the held-out splits really held out (and the plain one frozen), story
statements written as contests write them, multi-test variants that keep their stated sums, and references that
are right."""

from __future__ import annotations

import functools
import hashlib
import random
import re

import pytest

from problems import Checker, CheckerKind, ProblemFormatError, load
from problems.curriculum import FAMILIES, HELDOUT_FAMILIES, generate, parse_spec
from problems.curriculum.base import NAMES, PLACES, THINGS, format_number
from problems.curriculum.multitest import FIRST_LINES, HEADERS, OUTPUTS, SUMS, cpp_loop, multitest, python_loop
from problems.curriculum.story import NOTATIONS, PLAIN, POOLS, Notation, formula, number, render
from sandbox import Limits, Program, Sandbox, Verdict
from solver.pipeline.inputs.constraints import parse_constraints, parse_sums

CATEGORIES = {"sum", "max", "count", "sort", "parity", "divisible", "gcd", "lcm", "prefix", "reverse", "palindrome",
              "frequent", "simulation", "pair", "even", "multiples", "coins", "squares", "ceiling", "midnight",
              "largest", "average", "minimum", "index", "abc", "square", "multitest"}
# sha256 over the names, statements and tests of curriculum:heldout:50, recorded before story statements existed:
# the split the shipped model was compared on must never change.
HELDOUT_50_SHA256 = "57709dc59426f884172f70001779e6bbb699eb2237ea5b0d1b4eb4dd3b3fef17"
BY_NAME = {family.name: family for family in FAMILIES}
MULTITESTS = [family for family in FAMILIES if family.multitest is not None]
STORY_WORDS = ("names", "places", "things", "towns")
DETAILS = {"name": "Ann", "things": "items", "place": "hall", "town": "Town"}


@functools.cache
def _generated(split: str, count: int, seed: int = 0) -> tuple:
    return tuple(generate(split, count, seed))


def _family(problem):
    return BY_NAME[problem.name.split("-", 1)[1]]


def _statement(problem) -> str:
    return problem.description[: problem.description.index("\nExample")]


def _literal_parts(template: str, shortest: int = 20) -> list[str]:
    """The fixed text of a template: what lies between its {placeholders} and ⟦formulas⟧."""
    parts = (part.strip(" .,;:") for part in re.split(r"\{[^}]*\}|⟦[^⟧]*⟧", template))
    return [part for part in parts if len(part) >= shortest]


def _stated(value: int, description: str) -> bool:
    return any(number(value, notation) in description for notation in (PLAIN, Notation("tex", tex=True)))


# ------------------------------------------------------------------------------------------------- families


def test_many_families_covering_the_basics():
    names = " ".join(f.name for f in FAMILIES)
    assert len(FAMILIES) - len(HELDOUT_FAMILIES) - len(MULTITESTS) >= 15
    assert len(MULTITESTS) >= 10
    assert all(category in names for category in CATEGORIES), CATEGORIES - set(re.split(r"[- ]", names))
    assert len({f.name for f in FAMILIES}) == len(FAMILIES)
    assert [f.name for f in FAMILIES[: len(HELDOUT_FAMILIES)]] == [f.name for f in HELDOUT_FAMILIES]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_family_shape(family):
    assert len(family.phrasings["train"]) >= 2 and family.python and family.cpp
    assert len(family.stories["train"]) >= 2 and len(family.stories["story"]) >= 1
    assert family.limits["train"].keys() == family.limits["story"].keys()
    assert family.explain is not None
    story_legends = {p.legend for p in family.stories["story"]}
    assert story_legends.isdisjoint({p.legend for p in family.stories["train"] + family.phrasings["train"]})


@pytest.mark.parametrize("family", HELDOUT_FAMILIES, ids=lambda f: f.name)
def test_heldout_family_shape(family):
    assert len(family.phrasings["train"]) >= 3 and len(family.phrasings["heldout"]) >= 1
    assert family.limits["train"] != family.limits["heldout"]
    held_out_text = {p.legend for p in family.phrasings["heldout"]}
    assert held_out_text.isdisjoint({p.legend for p in family.phrasings["train"]})


# ------------------------------------------------------------------------------------------------- splits


def test_generation_is_deterministic():
    for split in ("train", "story"):
        first = list(generate(split, 80, seed=3))
        assert first == list(generate(split, 80, seed=3))
        assert [p.description for p in first] != [p.description for p in generate(split, 80, seed=4)]
    assert list(generate("heldout", 10)) == list(generate("heldout", 10, seed=99))  # one fixed held-out split


def test_heldout_split_is_frozen():
    digest = hashlib.sha256()
    for problem in load("curriculum:heldout:50"):
        digest.update(problem.name.encode() + b"\0" + problem.description.encode() + b"\0")
        for test in problem.public_tests + problem.private_tests:
            digest.update(test.input.encode() + b"\0" + test.output.encode() + b"\0")
    assert digest.hexdigest() == HELDOUT_50_SHA256


def test_held_out_split_is_unseen_in_training():
    train = list(generate("train", 600))
    heldout = list(generate("heldout", 60))
    train_text = "\n".join(p.description for p in train)
    for pool in (NAMES, THINGS, PLACES):
        for word in pool["heldout"]:
            assert not re.search(rf"\b{re.escape(word)}\b", train_text), word
    for family in HELDOUT_FAMILIES:
        for phrasing in family.phrasings["heldout"]:
            opening = phrasing.legend.split("{")[0][:40]
            if len(opening) > 15:
                assert opening not in train_text
    assert {p.name for p in train}.isdisjoint({p.name for p in heldout})


def test_story_split_is_unseen_in_training():
    train_text = "\n".join(p.description for p in generate("train", 3 * len(FAMILIES)))
    story_text = "\n".join(p.description for p in generate("story", 3 * len(FAMILIES)))
    heldout_words = {word for pool in (NAMES, THINGS, PLACES) for word in pool["heldout"]}

    def used(pools, text: str) -> set[str]:
        return {word for kind in STORY_WORDS for word in getattr(pools, kind)
                if re.search(rf"\b{re.escape(word)}\b", text)}

    train_words = {word for kind in STORY_WORDS for word in getattr(POOLS["train"], kind)}
    story_words = {word for kind in STORY_WORDS for word in getattr(POOLS["story"], kind)}
    assert train_words.isdisjoint(story_words | heldout_words)
    assert used(POOLS["story"], story_text) and used(POOLS["train"], train_text)
    # Set intersection over the generated statements: no detail the story split uses ever appears in training.
    assert not used(POOLS["train"], story_text) & used(POOLS["story"], story_text)
    assert not used(POOLS["story"], train_text) and not used(POOLS["train"], story_text)
    assert not {word for word in heldout_words if re.search(rf"\b{re.escape(word)}\b", train_text)}
    # Story templates and wordings: openings, family legends, notes, multi-test headers and sums.
    story_templates = (POOLS["story"].openings + POOLS["story"].notes + POOLS["story"].multitest_notes
                       + HEADERS["story"] + SUMS["story"] + OUTPUTS["story"] + (FIRST_LINES["story"],)
                       + tuple(p.legend for family in FAMILIES for p in family.stories["story"]))
    train_templates = (POOLS["train"].openings + POOLS["train"].notes + POOLS["train"].multitest_notes
                       + HEADERS["train"] + SUMS["train"])
    for template in story_templates:
        for part in _literal_parts(template):
            assert part not in train_text, part
    for template in train_templates:
        for part in _literal_parts(template):
            assert part not in story_text, part


def test_problems_are_complete():
    for family, problem in zip(HELDOUT_FAMILIES, generate("heldout", len(HELDOUT_FAMILIES)), strict=True):
        assert len(problem.public_tests) == 2 and len(problem.private_tests) >= 8
        assert "\nExamples\n" in problem.description and "\nNote\n" not in problem.description
        for value in family.limits["heldout"].values():  # every constraint is stated
            assert format_number(value) in problem.description
        assert problem.cf_rating and problem.cf_tags and problem.time_limit == 2.0
    for family, problem in zip(FAMILIES, generate("story", len(FAMILIES)), strict=True):
        assert len(problem.public_tests) == 2 and len(problem.private_tests) >= 8
        assert problem.cf_rating == family.rating and problem.cf_tags == family.tags


def test_loader_spec():
    assert [p.name for p in load("curriculum:heldout:3")] == [p.name for p in generate("heldout", 3)]
    assert [p.name for p in load("curriculum:story:3:2")] == [p.name for p in generate("story", 3, seed=2)]
    assert parse_spec("curriculum:train:10:5") == ("train", 10, 5)
    assert parse_spec("curriculum:story:10") == ("story", 10, 0)
    with pytest.raises(ProblemFormatError, match="expected curriculum:train|heldout|story"):
        list(load("curriculum:test:10"))


# ------------------------------------------------------------------------------------------------- statements


def test_format_number():
    assert [format_number(v) for v in (1000, 10**5, 2 * 10**5, 123456, 10**18, -10**9)] == [
        "1000", "10^5", "2 ⋅ 10^5", "123456", "10^18", "-10^9"]


def test_formulas_in_each_notation():
    limits = {"N": 2 * 10**5, "A": 10**18}
    by_name = {notation.name: notation for notation in NOTATIONS}
    rng = random.Random(0)
    assert formula("1 ≤ n ≤ N", limits, by_name["plain"], rng) == "1 ≤ n ≤ 2 ⋅ 10^5"
    assert formula("1 ≤ n ≤ N", limits, by_name["tex"], rng) == r"$1 \le n \le 2 \cdot 10^5$"
    assert formula("-A ≤ a_i ≤ A", limits, by_name["codeforces-tex"], rng) == r"$$$-10^{18} \le a_i \le 10^{18}$$$"
    assert formula("a_1, …, a_n", limits, by_name["bare-tex"], rng) == r"a_1, \ldots, a_n"
    assert formula("0 ≤ h < 24", limits, by_name["words"], rng) == "0 ≤ h < 24"  # only L ≤ x ≤ H is worded
    worded = {formula("1 ≤ n ≤ N", limits, by_name["words"], random.Random(seed)) for seed in range(30)}
    assert worded == {"n does not exceed 2 ⋅ 10^5", "n is at most 2 ⋅ 10^5", "n is between 1 and 2 ⋅ 10^5"}
    absolute = {formula("-A ≤ a_i ≤ A", limits, by_name["words"], random.Random(seed)) for seed in range(30)}
    assert absolute == {"the absolute value of a_i does not exceed 10^18", "|a_i| does not exceed 10^18"}
    assert formula("1 ≤ a, b ≤ N", limits, by_name["words"], random.Random(1)).startswith("a and b ")
    text = render("{name} has ⟦1 ≤ n ≤ N⟧ items, at most {N}.", {"name": "Ann"}, limits, by_name["tex"], rng)
    assert text == r"Ann has $1 \le n \le 2 \cdot 10^5$ items, at most $2 \cdot 10^5$."


def test_story_statements_are_written_as_contests_write_them():
    problems = list(generate("story", 3 * len(FAMILIES)))
    for problem in problems:
        statement, description = _statement(problem), problem.description
        legend, rest = statement.split("\n\nInput\n\n", 1)
        assert "\n\nOutput\n\n" in rest and len(legend.split("\n\n")) >= 2  # an opening, then the family's story
        assert "⟦" not in description and not re.search(r"\{[a-z]+\}", statement)
        assert "\nNote\n\n" in description, problem.name
        family = _family(problem)
        for value in family.limits["story"].values():
            assert _stated(value, statement), (problem.name, value)
    text = "\n".join(_statement(p) for p in problems)
    assert "1 ≤ n ≤ 2 ⋅ 10^5" in text and r"$1 \le n \le 2 \cdot 10^5$" in text
    assert re.search(r"\$\$\$1 \\le [a-z_]+ \\le", text) and re.search(r"\(1 \\le a_i \\le 10\^9\)", text)
    assert re.search(r"\b(?:does not exceed|is at most|are at most|is between) ", text)
    assert "It is guaranteed" in text and "the number of test cases" in text
    notes = "\n".join(p.description.split("\nNote\n\n")[1] for p in problems)
    assert "first example" in notes and "first test case of the first example" in notes


def test_training_mixes_plain_and_story_statements():
    problems = list(generate("train", 2 * len(FAMILIES)))
    told = [p for p in problems if "\nNote\n" in p.description]
    assert 0.3 < len(told) / len(problems) < 0.7
    plain = {p.legend.split("{")[0] for family in FAMILIES for p in family.phrasings["train"]}
    assert any(_statement(p).startswith(tuple(x for x in plain if len(x) > 20)) for p in problems)


@pytest.mark.parametrize("notation", [n for n in NOTATIONS if not n.words], ids=lambda n: n.name)
def test_the_input_generator_reads_story_constraints(notation):
    """`parse_constraints` finds every L ≤ x ≤ H a story input section states, in plain symbols and in TeX."""
    missed = _constraint_misses(notation)
    assert not missed, missed[:5]


@pytest.mark.xfail(reason="parse_constraints reads comparison chains only, not bounds in words (reported)",
                   strict=False)
def test_the_input_generator_reads_bounds_in_words():
    words = next(n for n in NOTATIONS if n.words)
    assert not _constraint_misses(words)


_CHAIN = re.compile(r"⟦(-?[\w^]+) (≤|<) ([^≤<⟧]+?) (≤|<) (-?[\w^]+)⟧")


def _bound(token: str, limits: dict[str, int]) -> int | None:
    """A bound of a template formula: a limit by its key ("N", "-A") or a number ("24", "10^9")."""
    sign, token = (-1 if token.startswith("-") else 1), token.lstrip("-")
    base, _, power = token.partition("^")
    if token in limits:
        return sign * limits[token]
    return sign * int(base) ** int(power or 1) if base.isdigit() and (power or "0").isdigit() else None


def _constraint_misses(notation: Notation) -> list[tuple[str, str, tuple[int, int], object]]:
    missed = []
    for family in FAMILIES:
        for split in ("train", "story"):
            limits = family.limits[split]
            for phrasing in family.stories[split]:
                found = parse_constraints(render(phrasing.input, DETAILS, limits, notation, random.Random(0)))
                for chain in _CHAIN.finditer(phrasing.input):
                    low, high = _bound(chain.group(1), limits), _bound(chain.group(5), limits)
                    if low is None or high is None:
                        continue  # bounded by another variable (a_i ≤ n)
                    low, high = low + (chain.group(2) == "<"), high - (chain.group(4) == "<")
                    for name in chain.group(3).split(","):
                        name = name.strip()
                        key = "len:" + name.strip("|") if name.startswith("|") else name
                        if found.get(key) != (low, high):
                            missed.append((family.name, key, (low, high), found.get(key)))
    return missed


# ------------------------------------------------------------------------------------------------- multi-test


def test_multitest_wrapper_builds_loops():
    assert python_loop("import math\n\nn = int(input())\nprint(math.isqrt(n))\n") == (
        "import math\n\n\ndef solve():\n    n = int(input())\n    print(math.isqrt(n))\n\n\n"
        "t = int(input())\nfor _ in range(t):\n    solve()\n")
    assert python_loop("import sys\n\nprint(sys.stdin.read())\n") is None
    code = cpp_loop("#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
                    "    cout << n << endl;\n    return 0;\n}\n")
    assert "void solve() {\n    int n;\n    cin >> n;\n    cout << n << '\\n';\n}\n" in code
    assert code.endswith("    int t;\n    cin >> t;\n    while (t--) solve();\n    return 0;\n}\n")
    with pytest.raises(ValueError, match="limits"):
        multitest(FAMILIES[0], lines=2, size=len, limits={"train": {"T": 10}})


@pytest.mark.parametrize("family", MULTITESTS, ids=lambda f: f.name)
def test_multitest_variants_state_and_respect_their_sums(family):
    shape = family.multitest
    problems = [p for split in ("train", "story") for p in _generated(split, 6 * len(FAMILIES), 1)
                if p.name.split("-", 1)[1] == family.name]
    assert len(problems) == 12
    for problem in problems:
        split = problem.name.split("/")[1]
        limits, statement = family.limits[split], _statement(problem)
        assert "test case" in statement and _stated(limits["T"], statement)
        if shape.size is not None:
            assert "over all test cases" in statement.lower() and _stated(limits["S"], statement)
        for test in problem.public_tests + problem.private_tests:
            cases = shape.cases(test.input)
            assert 1 <= len(cases) <= limits["T"]
            assert len(test.input.splitlines()) == 1 + len(cases) * shape.lines
            assert test.output == "".join(shape.base.solve(case) for case in cases)
            if shape.size is not None:
                sizes = [shape.size(case) for case in cases]
                assert max(sizes) <= limits[shape.per_case] and sum(sizes) <= limits["S"]


@pytest.mark.parametrize("group", ["train", pytest.param("story", marks=pytest.mark.xfail(
    reason="parse_sums misses 'the sum of n is guaranteed to be at most S' (reported)", strict=False))])
def test_the_input_generator_reads_sum_constraints(group):
    missed = []
    for family in MULTITESTS:
        if family.multitest.size is None:
            continue
        limits = family.limits["story" if group == "story" else "train"]
        phrasings = family.stories[group] + (family.phrasings["train"] if group == "train" else ())
        key = "len:s" if family.multitest.per_case == "L" else "n"
        for phrasing in phrasings:
            for notation in NOTATIONS[:3]:
                text = render(phrasing.input, DETAILS, limits, notation, random.Random(0))
                if parse_sums(text).get(key) != limits["S"]:
                    missed.append((family.name, notation.name, text[-120:]))
    assert not missed, missed[:3]


# ------------------------------------------------------------------------------------------------- references


def test_every_reference_matches_the_oracle_in_every_split():
    """Each family's references, judged in the sandbox with the exact rule, on a problem of each split."""
    problems = (list(generate("train", len(FAMILIES))) + list(generate("story", len(FAMILIES), seed=5))
                + list(generate("heldout", len(HELDOUT_FAMILIES))))
    jobs = []
    for problem in problems:
        tests = list(problem.public_tests) + list(problem.private_tests)
        for solution in problem.solutions:
            jobs.append((problem.name, solution, tests))
    with Sandbox() as sandbox:
        def work(job):
            name, solution, tests = job
            result = sandbox.judge(sandbox.program(solution), tests, Limits(time=2.0), Checker(CheckerKind.EXACT))
            return name, solution.language.name, result.verdict
        results = [value for _, value in sandbox.map_unordered(work, jobs)]
    failures = [r for r in results if r[2] is not Verdict.ACCEPTED]
    assert not failures, failures[:5]
    assert len(results) == len(jobs) and len(jobs) >= 2 * len(problems)


def test_programs_use_the_jail(tmp_path):
    """References run as Programs of the sandbox's languages (a guard against a family with an odd language)."""
    with Sandbox() as sandbox:
        languages = {sandbox.program(s).language for p in generate("train", len(FAMILIES)) for s in p.solutions}
    assert languages == {"python3", "cpp"}
    assert Program("python3", "print(1)").language == "python3"
