"""The generated curriculum: deterministic, the held-out split really held out, and references that are right."""

from __future__ import annotations

import re

import pytest

from problems import Checker, CheckerKind, ProblemFormatError, load
from problems.curriculum import FAMILIES, generate, parse_spec
from problems.curriculum.base import NAMES, PLACES, THINGS, format_number
from sandbox import Limits, Program, Sandbox, Verdict

CATEGORIES = {"sum", "max", "count", "sort", "parity", "divisible", "gcd", "lcm", "prefix", "reverse", "palindrome",
              "frequent", "simulation", "pair"}


def test_many_families_covering_the_basics():
    names = " ".join(f.name for f in FAMILIES)
    assert len(FAMILIES) >= 20
    assert all(category in names for category in CATEGORIES)
    assert len({f.name for f in FAMILIES}) == len(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_family_shape(family):
    assert len(family.phrasings["train"]) >= 3 and len(family.phrasings["heldout"]) >= 1
    assert family.limits["train"] != family.limits["heldout"]
    assert family.python and family.cpp
    held_out_text = {p.legend for p in family.phrasings["heldout"]}
    assert held_out_text.isdisjoint({p.legend for p in family.phrasings["train"]})


def test_generation_is_deterministic():
    first = list(generate("train", 40, seed=3))
    assert first == list(generate("train", 40, seed=3))
    assert [p.description for p in first] != [p.description for p in generate("train", 40, seed=4)]
    assert list(generate("heldout", 10)) == list(generate("heldout", 10, seed=99))  # one fixed held-out split


def test_held_out_split_is_unseen_in_training():
    train = list(generate("train", 600))
    heldout = list(generate("heldout", 60))
    train_text = "\n".join(p.description for p in train)
    for pool in (NAMES, THINGS, PLACES):
        for word in pool["heldout"]:
            assert not re.search(rf"\b{re.escape(word)}\b", train_text), word
    for family in FAMILIES:
        for phrasing in family.phrasings["heldout"]:
            opening = phrasing.legend.split("{")[0][:40]
            if len(opening) > 15:
                assert opening not in train_text
    assert {p.name for p in train}.isdisjoint({p.name for p in heldout})


def test_problems_are_complete():
    for family, problem in zip(FAMILIES, generate("heldout", len(FAMILIES))):
        assert len(problem.public_tests) == 2 and len(problem.private_tests) >= 8
        assert "\nExamples\n" in problem.description
        for value in family.limits["heldout"].values():  # every constraint is stated
            assert format_number(value) in problem.description
        assert problem.cf_rating and problem.cf_tags and problem.time_limit == 2.0


def test_loader_spec():
    assert [p.name for p in load("curriculum:heldout:3")] == [p.name for p in generate("heldout", 3)]
    assert parse_spec("curriculum:train:10:5") == ("train", 10, 5)
    with pytest.raises(ProblemFormatError, match="expected curriculum"):
        list(load("curriculum:test:10"))


def test_format_number():
    assert [format_number(v) for v in (1000, 10**5, 2 * 10**5, 123456, 10**18)] == [
        "1000", "10^5", "2 ⋅ 10^5", "123456", "10^18"]


def test_every_reference_matches_the_oracle_in_both_splits():
    """Each family's references, judged in the sandbox with the exact rule, on a problem of each split."""
    jobs = []
    for split in ("train", "heldout"):
        for problem in generate(split, len(FAMILIES)):
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
    assert len(results) == len(jobs) and len(jobs) >= 2 * len(FAMILIES) * 3


def test_programs_use_the_jail(tmp_path):
    """References run as Programs of the sandbox's languages (a guard against a family with an odd language)."""
    with Sandbox() as sandbox:
        languages = {sandbox.program(s).language for p in generate("train", len(FAMILIES)) for s in p.solutions}
    assert languages == {"python3", "cpp"}
    assert Program("python3", "print(1)").language == "python3"
