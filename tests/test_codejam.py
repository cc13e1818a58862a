"""Google's Code Jam archive: HTML statements as text, samples beside the statement or in it, scored subtasks."""

from __future__ import annotations

import pytest

from problems import Checker, CheckerKind, Source, load
from problems.codejam import html_to_text
from problems.statement import latex_math_to_text
from tests.package_builders import CODEJAM_PY, CODEJAM_SAMPLE_INPUT, CODEJAM_SAMPLE_OUTPUT, codejam_package


def test_codejam_package_loads_as_a_scored_problem(tmp_path):
    (problem,) = list(load(codejam_package(tmp_path / "reversort", submissions={"accepted": {"a.py": CODEJAM_PY}})))
    assert problem.name == "Reversort" and problem.source is Source.CODEJAM
    assert [(t.input, t.output, t.group) for t in problem.public_tests] == [
        (CODEJAM_SAMPLE_INPUT, CODEJAM_SAMPLE_OUTPUT, "sample")]
    assert [t.group for t in problem.private_tests] == ["secret/subtask1", "secret/subtask2"]
    assert problem.scoring
    assert [(g.name, g.score, g.checker) for g in problem.groups] == [
        ("secret/subtask1", 7.0, None), ("secret/subtask2", 11.0, None)]
    # output_validator_flags at the top of problem.yaml are the problem's flags
    assert problem.checker == Checker(CheckerKind.TOKENS, float_abs_tol=1e-6, float_rel_tol=1e-6)
    # the archive's problem.yaml states no limits: the page does
    assert problem.time_limit == 10.0 and problem.memory_limit_bytes == 1024 << 20
    assert [s.name for s in problem.solutions] == ["submissions/accepted/a.py"]


def test_statement_text_is_readable(tmp_path):
    (problem,) = list(load(codejam_package(tmp_path / "reversort")))
    text = problem.description
    assert text.startswith("Problem\n\nReversort is an algorithm to sort a list of distinct integers in increasing "
                           'order & it is based on the "Reverse" operation.\n\n')
    # <pre> verbatim, indentation and all
    assert "\n\nReversort(L):\n  for i := 1 to length(L) - 1\n    j := position with the minimum value" in text
    assert "the positions 1, 2, …, i-1 of the list" in text
    assert "  1. i = 1, j = 3 → L = [1, 2, 4, 3]\n  2. i = 2, j = 2 → L = [1, 2, 4, 3]\n" in text
    assert "\n\nInput\n\nThe first line of the input gives the number of test cases, T. T test cases follow." in text
    assert "N distinct integers L_1, L_2, ..., L_N." in text
    assert "output one line containing Case #x: y, where x is" in text
    assert "Time limit: 10 seconds.\nMemory limit: 1 GB.\n1 ≤ T ≤ 100.\nL_i ≠ L_j, for all i ≠ j." in text
    assert "\n\nTest Set 2 (Hidden Verdict)\n\n2 ≤ N ≤ 100.\n" in text
    # the sample box becomes the description's own example block, and what follows it the note
    assert f"\nExample\n\nInput\n\n{CODEJAM_SAMPLE_INPUT}\n\nOutput\n\n{CODEJAM_SAMPLE_OUTPUT}" in text
    assert text.endswith("\nNote\n\nSample Case #1 is described in the statement above.\n\n"
                         "In Sample Case #2, there is a single iteration, of cost 1.\n")
    leftovers = ("$$$", "MathJax", "Copied!", "save_alt", "Sample Input", "\\mathbf", "Code Jam 2021", "<", "&amp;")
    for leftover in leftovers:
        assert leftover not in text


def test_samples_come_from_the_files_beside_the_statement_first(tmp_path):
    root = codejam_package(tmp_path / "reversort")
    (root / "problem_statement" / "reversort_sample_ts1_output.txt").write_text("Case #1: 6\n")
    (problem,) = list(load(root))
    assert [t.output for t in problem.public_tests] == ["Case #1: 6\n"]


def test_samples_come_from_the_page_without_the_files(tmp_path):
    (problem,) = list(load(codejam_package(tmp_path / "reversort", sample_files=False)))
    assert [(t.input, t.output) for t in problem.public_tests] == [(CODEJAM_SAMPLE_INPUT, CODEJAM_SAMPLE_OUTPUT)]


def test_html_to_text_blocks_lists_entities_and_scripts():
    title, text = html_to_text(
        "<html><head><title>tab</title><style>p { color: red }</style></head><body>"
        "<h3>Contest</h3><h1>Title</h1><h2>Story</h2><p>a &lt; b &amp;&nbsp;c<br>next</p>"
        "<ul><li>one<ul><li>inner</li></ul></li><li>two $$$x_{i} \\geq 2^{k+1}$$$</li></ul>after"
        "<pre>  keep   $$$this$$$\n</pre><p>x<sup>2</sup>, H<sub>2</sub>O and <code>Case #$$$x$$$</code></p>"
        "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<script>alert(1)</script></body></html>")
    assert title == "Title"
    assert text == ("Story\n\na < b & c\nnext\n\n  * one\n    * inner\n  * two x_i ≥ 2^(k+1)\n\nafter\n\n"
                    "  keep   $$$this$$$\n\nx^2, H_2O and Case #x\n\na | b\n1 | 2\n")


@pytest.mark.parametrize(("tex", "text"), [
    (r"1 \le \mathbf{T} \le 100", "1 ≤ T ≤ 100"),
    (r"\mathbf{X_{i,1}}, \mathbf{X_{i,2}}, \dots, \mathbf{X_{i,W}}", "X_(i,1), X_(i,2), …, X_(i,W)"),
    (r"10^{18}", "10^18"),
    (r"2^{k+1}", "2^(k+1)"),
    (r"\frac{a+1}{2}", "(a+1)/2"),
    (r"\lfloor \frac{n}{2} \rfloor", "⌊ n/2 ⌋"),
    (r"x \in \{0, 1\}", "x ∈ {0, 1}"),
    (r"\sqrt{N} \cdot \log n", "√N ⋅ log n"),
    (r"\binom{n}{k} \bmod 10^9+7", "C(n, k) mod 10^9+7"),
    (r"i = 1,~ j = 3 \longrightarrow L", "i = 1, j = 3 → L"),
    (r"\text{if } x \ne y", "if x ≠ y"),
])
def test_latex_math_to_text(tex, text):
    assert latex_math_to_text(tex) == text
