"""Kattis / ICPC problem packages: nested test groups, submissions, validator flags, custom and interactive."""

from __future__ import annotations

from pathlib import Path

import pytest

from problems import CheckerKind, CheckerProtocol, Language, ProblemFormatError, load, scan
from problems.kattis import latex_to_text


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
    write(root / "submissions" / "accepted" / "multi" / "a.py", "ignored, a multi-file submission\n")
    return root


def test_package_with_nested_groups_and_submissions(tmp_path):
    (problem,) = list(load(make_package(tmp_path / "hello")))
    assert problem.name == "Hello Kattis"
    assert [t.input for t in problem.public_tests] == ["2\n1 2\n", "1\n5\n"]
    # secret tests: nested groups in natural order (2 before 10), loose files in their place by name
    assert [t.output for t in problem.private_tests] == ["2\n", "10\n", "1\n", "7\n"]
    assert [s.language for s in problem.solutions] == [Language.JAVA, Language.CPP, Language.PYTHON3]
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
    assert "int helper()" in problem.checker.program.code and "#include" not in problem.checker.program.code
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
