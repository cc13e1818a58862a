"""Kattis / ICPC problem packages: nested test groups, submissions, validator flags, custom and interactive."""

from __future__ import annotations

from pathlib import Path

import pytest

from problems import (
    SUBMISSION_VERDICTS,
    Checker,
    CheckerKind,
    CheckerProtocol,
    Language,
    ProblemFormatError,
    Test,
    TestGroup,
    TimeLimitRule,
    load,
    scan,
)
from problems.kattis import DEFAULTS, latex_to_text
from tests.package_builders import (
    INTERACTOR_PY,
    SUM_SUBMISSIONS,
    VALIDATOR_CPP,
    VALIDATOR_H,
    VALIDATOR_PY,
    interactive_package,
    kattis_package,
    scoring_package,
    validator_files,
)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def make_package(root: Path, yaml_text: str = "name: Hello Kattis\n") -> Path:
    write(root / "problem.yaml", yaml_text)
    write(root / "problem_statement" / "problem.en.tex", r"""
\problemname{Hello Kattis}
Print the sum of $n$ numbers, where $1 \le n \leq 10^{5}$ and $a_i \cdot 2 \ne 0$. % a comment
\section*{Input}
The first line holds \texttt{n}.
\section*{Output}
One integer.
""")
    write(root / "data" / "sample" / "1.in", "2\n1 2\n")
    write(root / "data" / "sample" / "1.ans", "3\n")
    write(root / "data" / "sample" / "2.in", "1\n5\n")
    write(root / "data" / "sample" / "2.ans", "5\n")
    for group, name in (("group1", "10"), ("group1", "2"), ("group2/deep", "1")):
        write(root / "data" / "secret" / group / f"{name}.in", f"1\n{name}\n")
        write(root / "data" / "secret" / group / f"{name}.ans", f"{name}\n")
    write(root / "data" / "secret" / "top.in", "1\n7\n")
    write(root / "data" / "secret" / "top.ans", "7\n")
    write(root / "submissions" / "accepted" / "sum.py", "print(1)\n")
    write(root / "submissions" / "accepted" / "sum.cpp", "int main(){}\n")
    write(root / "submissions" / "accepted" / "Sum.java", "class Main{}\n")
    write(root / "submissions" / "wrong_answer" / "off.py", "print(0)\n")
    write(root / "submissions" / "time_limit_exceeded" / "slow.cc", "int main(){for(;;);}\n")
    write(root / "submissions" / "run_time_error" / "crash.py", "1/0\n")
    write(root / "submissions" / "accepted" / "multi" / "a.py", "print(1)\n")
    return root


def test_package_with_nested_groups_and_submissions(tmp_path):
    (problem,) = list(load(make_package(tmp_path / "hello")))
    assert problem.name == "Hello Kattis"
    assert [t.input for t in problem.public_tests] == ["2\n1 2\n", "1\n5\n"]
    # secret tests: nested groups in natural order (2 before 10), loose files in their place by name
    assert [t.output for t in problem.private_tests] == ["2\n", "10\n", "1\n", "7\n"]
    # accepted/multi/ is one submission of several files: its only source is its main one
    assert [s.language for s in problem.solutions] == [Language.JAVA, Language.PYTHON3, Language.CPP, Language.PYTHON3]
    assert problem.solutions[1].name == "submissions/accepted/multi" and problem.solutions[1].verdict == "accepted"
    assert sorted(s.language for s in problem.incorrect_solutions) == [Language.CPP, Language.PYTHON3, Language.PYTHON3]
    assert problem.checker.kind is CheckerKind.TOKENS
    assert problem.checker.float_abs_tol is None and not problem.checker.case_sensitive
    assert "Input\n\nThe first line holds n." in problem.description
    assert "1 ≤ n ≤ 10^5" in problem.description and "a_i ⋅ 2 ≠ 0" in problem.description
    assert "comment" not in problem.description
    assert "Examples\n\nInput\n\n2\n1 2\n\n\nOutput\n\n3\n" in problem.description


def test_limits_and_validator_flags(tmp_path):
    root = make_package(tmp_path / "p", "name: P\nlimits:\n  memory: 512\n  time_limit: 1.5\n"
                        "validator_flags: float_tolerance 1e-6 case_sensitive\nkeywords: geometry easy\n")
    (problem,) = list(load(root))
    assert problem.time_limit == 1.5 and problem.memory_limit_bytes == 512 << 20
    assert problem.checker.float_abs_tol == 1e-6 and problem.checker.float_rel_tol == 1e-6
    assert problem.checker.case_sensitive
    assert problem.cf_tags == ("geometry", "easy")


def test_legacy_timelimit_file_and_relative_tolerance(tmp_path):
    root = make_package(tmp_path / "p", "name: P\nvalidator_flags: float_relative_tolerance 1e-4\n")
    write(root / ".timelimit", "3\n")
    (problem,) = list(load(root))
    assert problem.time_limit == 3.0
    assert problem.checker.float_rel_tol == 1e-4 and problem.checker.float_abs_tol is None


def test_custom_validator_is_kept_with_its_headers(tmp_path):
    root = make_package(tmp_path / "p", "name: P\nvalidation: custom\n")
    write(root / "output_validators" / "checker" / "validate.h", "int helper() { return 42; }\n")
    main_source = '#include "validate.h"\nint main(){return helper();}\n'
    write(root / "output_validators" / "checker" / "checker.cpp", main_source)
    (problem,) = list(load(root))
    assert problem.checker.kind is CheckerKind.CUSTOM
    assert problem.checker.protocol is CheckerProtocol.KATTIS
    assert problem.checker.program.language is Language.CPP
    # the header travels beside the main source (the sandbox writes both and compiles once), no longer inlined
    assert problem.checker.program.code == main_source
    assert problem.checker.program.files == (("validate.h", "int helper() { return 42; }\n"),)
    assert not problem.interactive


def test_interactive_is_recognised(tmp_path):
    root = make_package(tmp_path / "p", "name: P\nvalidation: custom interactive\n")
    write(root / "output_validators" / "interactor" / "interactor.py", "import sys\n")
    (problem,) = list(load(root))
    assert problem.interactive and problem.checker.program.language is Language.PYTHON3


def test_markdown_statement_and_name_map(tmp_path):
    root = tmp_path / "md"
    make_package(root, "name:\n  en: English Name\n  sv: Svenskt namn\n")
    (root / "problem_statement" / "problem.en.tex").unlink()
    write(root / "problem_statement" / "problem.en.md", "# Title\n\nStory.\n\n## Input\n\nA line.\n")
    (problem,) = list(load(root))
    assert problem.name == "English Name"
    assert problem.description.startswith("Story.\n\nInput\n\nA line.\n")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda r: write(r / "problem.yaml", "name: [unclosed\n"), "problem.yaml: file: invalid YAML"),
        (lambda r: write(r / "problem.yaml", "- a list\n"), "problem.yaml must be a mapping"),
        (lambda r: (r / "data" / "sample" / "1.ans").unlink(), "1.in has no 1.ans"),
        (lambda r: write(r / "data" / "secret" / "orphan.ans", "1\n"), "orphan.ans has no matching .in file"),
        (lambda r: (r / "problem_statement" / "problem.en.tex").unlink(), "no problem statement"),
        (lambda r: write(r / "problem.yaml", "name: P\nvalidation: custom\n"), "needs a program in output_validators"),
        (lambda r: write(r / "problem.yaml", "name: P\nvalidator_flags: float_tolerance\n"),
         "float_tolerance needs a number"),
        (lambda r: write(r / "problem.yaml", "name: P\nvalidator_flags: fuzzy\n"), "unknown flag 'fuzzy'"),
        (lambda r: write(r / "problem.yaml", "name: P\nlimits:\n  time_limit: -2\n"), "time_limit: must be positive"),
        (lambda r: write(r / "problem.yaml", "name: P\nlimits:\n  memory: lots\n"), "limits.memory"),
        (lambda r: write(r / "data" / "secret" / "bad.in", b"\xff\xfe".decode("latin-1")), None),
    ],
)
def test_bad_packages_name_the_file_and_fault(tmp_path, damage, message):
    root = make_package(tmp_path / "p")
    damage(root)
    if message is None:  # latin-1 text re-encoded as UTF-8 is still valid UTF-8: .in without .ans is the fault
        message = "bad.in has no bad.ans"
    (error,) = list(scan(root))
    assert isinstance(error, ProblemFormatError)
    assert message in str(error)
    assert str(root) in str(error)


def test_latex_conversion():
    title, text = latex_to_text(r"\problemname{T}\begin{itemize}\item one\item two $x_{i} \geq 2^{k}$\end{itemize}")
    assert title == "T"
    assert "* one" in text and "x_i ≥ 2^k" in text


# ------------------------------------------------------------------ problem.yaml: defaults, versions, limits

MIB = 1 << 20


@pytest.mark.parametrize("yaml_text", [
    "",  # an empty problem.yaml
    "name: Sum\nvalidator_flags:\n",
    "name: Sum\nlimits:\n",
    "name: Sum\nvalidation:\n",
    "name: Sum\nkeywords:\n",
    "name:\ntype:\nlimits:\n  memory:\n  time_multiplier:\n  time_safety_margin:\ngrading:\nuuid:\n",
])
def test_empty_keys_take_problemtools_defaults(tmp_path, yaml_text):
    (problem,) = list(load(kattis_package(tmp_path / "p", yaml_text)))
    assert problem.name == "Sum"  # from \problemname when problem.yaml names none
    assert problem.memory_limit_bytes == 1024 * MIB  # problemtools/config/problem.yaml
    assert problem.time_limit is None and problem.time_rule == TimeLimitRule("legacy", 5.0, 2.0)
    assert problem.checker == Checker(CheckerKind.TOKENS, float_abs_tol=None, float_rel_tol=None)
    assert not problem.interactive and not problem.scoring and problem.cf_tags == ()


def test_defaults_table_names_problemtools_values():
    legacy, modern, testdata = DEFAULTS["legacy"], DEFAULTS["2023-07"], DEFAULTS["testdata"]
    assert legacy["limits"] == {"time_multiplier": 5.0, "time_safety_margin": 2.0, "memory": 1024}
    assert legacy["validation"] == "default" and legacy["validator_flags"] == ""
    assert modern["limits"]["time_multipliers"] == {"ac_to_time_limit": 2.0, "time_limit_to_tle": 1.5}
    assert modern["limits"]["time_resolution"] == 1.0 and modern["limits"]["memory"] == 1024
    assert testdata["accept_score"] == 1.0 and testdata["output_validator_flags"] == ""


def test_legacy_time_multipliers_make_the_time_rule(tmp_path):
    root = kattis_package(tmp_path / "p", "name: P\nlimits:\n  time_multiplier: 3\n  time_safety_margin: 1.5\n")
    (problem,) = list(load(root))
    assert problem.time_limit is None and problem.time_rule == TimeLimitRule("legacy", 3.0, 1.5)
    assert problem.time_rule.limits(0.4) == (1.0, 2.0)


def test_2023_07_package_with_its_time_limit(tmp_path):
    root = kattis_package(
        tmp_path / "p",
        "problem_format_version: 2023-07\nname:\n  en: Sum\n  sv: Summa\nuuid: 1\ntype: [pass-fail]\n"
        "keywords: [easy, math]\nlimits:\n  time_limit: 1.5\n  memory: 512\n",
        statement="# Sum\n\nAdd them up.\n",
        statement_path="statement/problem.en.md",
    )
    (problem,) = list(load(root))
    assert problem.name == "Sum" and problem.description.startswith("Add them up.\n")
    assert problem.time_limit == 1.5 and problem.memory_limit_bytes == 512 * MIB
    # the rule stays: verification still needs its high limit (1.5 × time_limit_to_tle)
    assert problem.time_rule == TimeLimitRule("2023-07", 2.0, 1.5, 1.0)
    assert problem.cf_tags == ("easy", "math") and not problem.scoring


def test_2023_07_package_without_a_time_limit(tmp_path):
    root = kattis_package(
        tmp_path / "p",
        "problem_format_version: 2023-07-draft\nname: Sum\ntype: scoring\nlimits:\n  time_multipliers:\n"
        "    ac_to_time_limit: 3\n  time_resolution: 0.5\n  time_limit: 0\n",
    )
    (problem,) = list(load(root))
    assert problem.time_limit is None and problem.memory_limit_bytes == 1024 * MIB
    assert problem.time_rule == TimeLimitRule("2023-07", 3.0, 1.5, 0.5)
    assert problem.time_rule.limits(0.6) == (2.0, 3.0)
    assert problem.scoring


def test_2023_07_type_list_with_interactive(tmp_path):
    root = kattis_package(
        tmp_path / "p", "problem_format_version: 2023-07\nname: P\ntype:\n  - scoring\n  - interactive\n",
        files={"output_validator/interactor.py": INTERACTOR_PY},
    )
    (problem,) = list(load(root))
    assert problem.interactive and problem.scoring
    assert problem.checker.kind is CheckerKind.CUSTOM and problem.checker.program.code == INTERACTOR_PY


# ----------------------------------------------------------------------------------------- output validators


def test_single_file_validator_gets_the_flags(tmp_path):
    root = kattis_package(tmp_path / "p", "name: P\nvalidation: custom\nvalidator_flags: tolerant 3\n",
                          files=validator_files("single"))
    (problem,) = list(load(root))
    checker = problem.checker
    assert checker.kind is CheckerKind.CUSTOM and checker.protocol is CheckerProtocol.KATTIS
    assert checker.program.language is Language.PYTHON3 and checker.program.code == VALIDATOR_PY
    assert checker.program.files == () and checker.program.name == "output_validators/validate.py"
    assert checker.flags == ("tolerant", "3")


def test_validator_directory_keeps_its_header_beside_the_main_source(tmp_path):
    root = kattis_package(tmp_path / "p", "name: P\nvalidation: custom\n", files={
        **validator_files("directory"),
        "output_validators/tokens/util.cpp": "int unused() { return 0; }\n",  # a second source, not the main one
        "output_validators/tokens/notes.bin": b"\xff\xfe\x00",  # a binary: nothing to build with
    })
    (problem,) = list(load(root))
    program = problem.checker.program
    assert program.language is Language.CPP and program.code == VALIDATOR_CPP
    assert program.files == (("util.cpp", "int unused() { return 0; }\n"), ("validate.h", VALIDATOR_H))
    assert program.name == "output_validators/tokens"


def test_2023_07_output_validator_folder_means_custom_validation(tmp_path):
    root = kattis_package(tmp_path / "p", "problem_format_version: 2023-07\nname: P\n",
                          files=validator_files("2023-07"))
    (problem,) = list(load(root))
    assert problem.checker.kind is CheckerKind.CUSTOM and problem.checker.program.code == VALIDATOR_PY


def test_legacy_default_validation_ignores_a_validator_program(tmp_path):
    # problemtools: validation defaults to `default`, and programs in output_validators/ are then not used
    (problem,) = list(load(kattis_package(tmp_path / "p", files=validator_files("single"))))
    assert problem.checker.kind is CheckerKind.TOKENS


# -------------------------------------------------------------------------------------------------- interactive


@pytest.mark.parametrize(("layout", "format_version"), [("single", "legacy"), ("directory", "legacy"),
                                                        ("single", "2023-07")])
def test_interactive_package_with_its_submissions(tmp_path, layout, format_version):
    (problem,) = list(load(interactive_package(tmp_path / "double", layout, format_version)))
    assert problem.interactive and problem.name == "Double"
    assert problem.checker.kind is CheckerKind.CUSTOM and problem.checker.protocol is CheckerProtocol.KATTIS
    assert problem.checker.program.code == INTERACTOR_PY and problem.checker.program.language is Language.PYTHON3
    assert [(s.name, s.verdict) for s in problem.solutions] == [
        ("submissions/accepted/double.cpp", "accepted"), ("submissions/accepted/double.py", "accepted")]
    assert [(s.name, s.verdict) for s in problem.incorrect_solutions] == [
        ("submissions/wrong_answer/plus_one.cpp", "wrong_answer"),
        ("submissions/wrong_answer/plus_one.py", "wrong_answer"),
        ("submissions/time_limit_exceeded/idle.cpp", "time_limit_exceeded"),
        ("submissions/time_limit_exceeded/idle.py", "time_limit_exceeded"),
    ]


# ------------------------------------------------------------------------------------------------- submissions


def test_every_verdict_folder_is_kept_with_names_and_languages(tmp_path):
    submissions = {verdict: dict(programs) for verdict, programs in SUM_SUBMISSIONS.items()}
    submissions["accepted"].update({
        "Sum.java": "class Sum {}\n",
        "old.py": "#!/usr/bin/env python2\nprint sum(map(int, raw_input().split()))\n",
        "older.py2": "print 1\n",
        "c_solution.c": "int main() { return 0; }\n",  # C: no Language for it, left out
        "notes.txt": "not a program\n",
        "multi/main.py": "import util\n",
        "multi/util.py": "X = 1\n",
    })
    (problem,) = list(load(kattis_package(tmp_path / "p", submissions=submissions)))
    accepted = {s.name: s for s in problem.solutions}
    assert set(accepted) == {f"submissions/accepted/{name}" for name in
                             ("Sum.java", "multi", "old.py", "older.py2", "sum.cpp", "sum.py")}
    assert accepted["submissions/accepted/old.py"].language is Language.PYTHON
    assert accepted["submissions/accepted/older.py2"].language is Language.PYTHON
    assert accepted["submissions/accepted/sum.py"].language is Language.PYTHON3
    assert accepted["submissions/accepted/Sum.java"].language is Language.JAVA
    multi = accepted["submissions/accepted/multi"]
    assert multi.code == "import util\n" and multi.files == (("util.py", "X = 1\n"),)
    assert {s.verdict for s in problem.solutions} == {"accepted"}
    rejected = [(s.verdict, s.name.rsplit("/", 1)[1], s.language) for s in problem.incorrect_solutions]
    expected = [(verdict, name, Language.CPP if name.endswith(".cpp") else Language.PYTHON3)
                for verdict in SUBMISSION_VERDICTS[1:] for name in sorted(SUM_SUBMISSIONS[verdict])]
    assert rejected == expected
    assert problem.incorrect_solutions[0].code == SUM_SUBMISSIONS["wrong_answer"]["off_by_one.cpp"]


# ------------------------------------------------------------------------------------------- test data groups


def test_groups_with_their_flags_inherited_and_overridden(tmp_path):
    root = kattis_package(tmp_path / "p", "name: P\nvalidator_flags: case_sensitive\n", tests={
        "sample": [("1\n1\n", "1\n")],
        "secret": [("1\n2\n", "2\n")],
        "secret/exact": [("1\n3\n", "3\n")],
        "secret/loose/deep": [("1\n4\n", "4\n")],
        "secret/plain": [("1\n5\n", "5\n")],
    }, files={
        "data/secret/exact/testdata.yaml": "output_validator_flags: space_change_sensitive\n",
        "data/secret/loose/testdata.yaml": "output_validator_flags: float_tolerance 0.5\n",
        "data/secret/plain/testdata.yaml": "output_validator_flags:\n",  # empty: inherited, here the default ''
    })
    (problem,) = list(load(root))
    assert [t.group for t in problem.public_tests] == ["sample"]
    assert [t.group for t in problem.private_tests] == ["secret", "secret/exact", "secret/loose/deep", "secret/plain"]
    names = [g.name for g in problem.groups]
    assert names == ["sample", "secret", "secret/exact", "secret/loose", "secret/loose/deep", "secret/plain"]
    by_name = {g.name: g for g in problem.groups}
    assert by_name["sample"].checker is None and by_name["secret/plain"].checker is None
    assert by_name["secret/exact"].checker.kind is CheckerKind.EXACT
    loose = Checker(CheckerKind.TOKENS, case_sensitive=True, float_abs_tol=0.5, float_rel_tol=0.5)
    assert by_name["secret/loose"].checker == loose and by_name["secret/loose/deep"].checker == loose
    deep = problem.private_tests[2]
    assert problem.checker_for(deep) == loose and problem.checker_for(problem.private_tests[0]) == problem.checker
    assert all(g.score is None for g in problem.groups)  # a pass-fail problem has no scores


def test_group_flags_of_a_custom_validator_are_its_arguments(tmp_path):
    root = kattis_package(tmp_path / "p", "name: P\nvalidation: custom\nvalidator_flags: a\n",
                          files={**validator_files("single"),
                                 "data/secret/testdata.yaml": "output_validator_flags: b\n"})
    (problem,) = list(load(root))
    assert problem.checker.flags == ("a",)
    (secret,) = [g for g in problem.groups if g.name == "secret"]
    assert secret.checker.flags == ("a", "b") and secret.checker.program == problem.checker.program


def test_scoring_groups_earn_their_accept_scores(tmp_path):
    (problem,) = list(load(scoring_package(tmp_path / "p")))
    assert problem.scoring
    assert [(g.name, g.score) for g in problem.groups] == [
        ("sample", None), ("secret/group1", 30.0), ("secret/group2", 70.0)]
    assert {s.verdict for s in problem.incorrect_solutions} == set(SUBMISSION_VERDICTS[1:])


def test_scoring_aggregation_follows_grader_flags(tmp_path):
    root = kattis_package(tmp_path / "p", "name: P\ntype: scoring\n", files={
        "data/secret/testdata.yaml": "grader_flags: min\naccept_score: 4\n",
        "data/secret/group2/testdata.yaml": "accept_score: 2\ngrader_flags: sum\n",
    })
    (problem,) = list(load(root))
    scores = {g.name: g.score for g in problem.groups}
    # group1 inherits min and 4 (min of 4, 4); group2 sums 2 + 2; secret is the min of its groups
    assert scores == {"sample": 2.0, "secret": 4.0, "secret/group1": 4.0, "secret/group2": 4.0}


def test_test_group_yaml_arguments_of_2023_07(tmp_path):
    root = kattis_package(tmp_path / "p", "problem_format_version: 2023-07\nname: P\n",
                          files={"data/secret/group2/test_group.yaml":
                                 "output_validator_args: [float_tolerance, '1e-3']\n"})
    (problem,) = list(load(root))
    (group2,) = [g for g in problem.groups if g.name == "secret/group2"]
    assert group2.checker.float_abs_tol == 1e-3 and group2.checker.float_rel_tol == 1e-3
    assert problem.checker_for(Test("", "", "secret/group2")) == group2.checker
    assert TestGroup("secret/group1") in problem.groups


@pytest.mark.parametrize(("yaml_text", "files", "message"), [
    ("name: P\ntype: golf\n", {}, "type: unknown type 'golf'"),
    ("name: P\ntype: multi-pass\n", {}, "type: multi-pass problems cannot be judged here"),
    ("name: P\nvalidation: strict\n", {}, "validation: must begin with default or custom"),
    ("problem_format_version: 1999\nname: P\n", {}, "problem_format_version: unknown version"),
    ("name: P\nvalidator_flags: [a]\n", {}, "validator_flags: must be a string"),
    ("name: P\nlimits: 5\n", {}, "limits: must be a mapping"),
    ("name: P\nlimits:\n  memory: 0\n", {}, "limits.memory: must be a whole number of MiB"),
    ("name: P\nlimits:\n  time_multiplier: fast\n", {}, "limits.time_multiplier: must be a number"),
    ("name: P\nlimits:\n  time_safety_margin: 0\n", {}, "limits.time_safety_margin: must be positive"),
    ("problem_format_version: 2023-07\nname: P\ntype: interactive\n", {}, "type: custom validation needs a program"),
    ("name: P\n", {"data/secret/group1/testdata.yaml": "accept_score: lots\n"},
     "group1/testdata.yaml: accept_score: must be a number"),
    ("name: P\n", {"data/secret/testdata.yaml": "output_validator_flags: fuzzy\n"},
     "secret/testdata.yaml: validator_flags: unknown flag 'fuzzy'"),
    ("name: P\n", {"data/testdata.yaml": "[1, 2]\n"}, "data/testdata.yaml: file: testdata.yaml must be a mapping"),
])
def test_bad_settings_name_the_file_and_field(tmp_path, yaml_text, files, message):
    root = kattis_package(tmp_path / "p", yaml_text, files=files)
    (error,) = list(scan(root))
    assert isinstance(error, ProblemFormatError)
    assert message in str(error)
