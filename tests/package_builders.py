"""Small problem packages written into a directory, for tests: Kattis / ICPC (legacy and 2023-07) and Code Jam.

Every builder writes under `root` (created when missing) and returns it, so that a test reads
`load(kattis_package(tmp_path / "sum"))`. The problems are tiny and their programs fast, so the same packages
serve loader tests (no programs run) and sandbox tests (verification, interaction, batch runs):

- "sum" (`kattis_package`, `scoring_package`): the input is a count n and n integers, the answer their sum.
  `SUM_SUBMISSIONS` holds a Python and a C++ program for every verdict folder of `SUBMISSION_VERDICTS`.
- "double" (`interactive_package`): the interactor sends the number of the test's input and accepts the double
  of it back; submissions that answer right, answer wrong, and never answer (idle, not busy).
- "reversort" (`codejam_package`): laid out as Google's Code Jam archive lays out its problems.

`kattis_package` takes its parts as plain text and dicts, so a test writes exactly the YAML it means (an empty
`validator_flags:` included) and any further file with `files`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

# ----------------------------------------------------------------------------------------------------- the "sum"

SUM_STATEMENT_TEX = r"""\problemname{Sum}
Print the sum of $n$ integers, where $1 \le n \leq 10^{5}$ and $|a_i| \le 10^{9}$.
\section*{Input}
The first line holds \texttt{n}, the second line the $n$ integers $a_1, \ldots, a_n$.
\section*{Output}
One integer: $a_1 + \cdots + a_n$.
"""

# {group path under data/: [(input, answer), ...]}: two samples, and two secret groups.
SUM_TESTS: dict[str, list[tuple[str, str]]] = {
    "sample": [("2\n1 2\n", "3\n"), ("1\n5\n", "5\n")],
    "secret/group1": [("1\n7\n", "7\n"), ("2\n-4 4\n", "0\n")],
    "secret/group2": [("3\n1000000000 1000000000 1000000000\n", "3000000000\n"), ("4\n1 2 3 4\n", "10\n")],
}

SUM_PY = "n, *numbers = map(int, open(0).read().split())\nprint(sum(numbers[:n]))\n"
SUM_CPP = """#include <iostream>
int main() {
    long long n, x, total = 0;
    std::cin >> n;
    for (long long i = 0; i < n; ++i) {
        std::cin >> x;
        total += x;
    }
    std::cout << total << "\\n";
}
"""
SUM_JAVA = """import java.util.Scanner;

public class Sum {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        long n = in.nextLong(), total = 0;
        for (long i = 0; i < n; ++i) total += in.nextLong();
        System.out.println(total);
    }
}
"""

# A Python and a C++ program for every verdict folder, each earning its folder's verdict on SUM_TESTS (the
# memory hog under any limit up to a few GiB, the output flood under any output limit). `partially_accepted`
# sums only the first two numbers: right on every test with n ≤ 2 (all of group1, see `scoring_package`).
SUM_SUBMISSIONS: dict[str, dict[str, str]] = {
    "accepted": {"sum.py": SUM_PY, "sum.cpp": SUM_CPP},
    "wrong_answer": {
        "off_by_one.py": SUM_PY.replace("sum(numbers[:n])", "sum(numbers[:n]) + 1"),
        "off_by_one.cpp": SUM_CPP.replace("total << ", "total + 1 << "),
    },
    "time_limit_exceeded": {
        "spin.py": "while True:\n    pass\n",
        "spin.cpp": "int main() {\n    volatile unsigned long long i = 0;\n    for (;;) ++i;\n}\n",
    },
    "run_time_error": {
        "crash.py": "raise SystemExit(3)\n",
        "crash.cpp": "#include <cstdlib>\nint main() {\n    std::abort();\n}\n",
    },
    "memory_limit_exceeded": {
        "hog.py": "chunks = []\nwhile True:\n    chunks.append(bytearray(64 << 20))\n",
        "hog.cpp": "#include <cstdlib>\n#include <cstring>\nint main() {\n    for (;;) {\n"
                   "        char *p = static_cast<char *>(std::malloc(64 << 20));\n        if (!p) return 1;\n"
                   "        std::memset(p, 1, 64 << 20);\n    }\n}\n",
    },
    "output_limit_exceeded": {
        "flood.py": "import sys\nline = '1' * 4095 + '\\n'\nwhile True:\n    sys.stdout.write(line)\n",
        "flood.cpp": "#include <cstdio>\n#include <string>\nint main() {\n    std::string line(4095, '1');\n"
                     "    line += '\\n';\n    for (;;) std::fputs(line.c_str(), stdout);\n}\n",
    },
    "rejected": {"silent.py": "", "silent.cpp": "int main() {}\n"},
    "partially_accepted": {
        "first_two.py": "n, *numbers = map(int, open(0).read().split())\nprint(sum(numbers[:2]))\n",
        "first_two.cpp": SUM_CPP.replace("i < n;", "i < n && i < 2;"),
    },
}


def write(path: Path, text: str | bytes) -> Path:
    """Write one file, creating its folders; bytes are written as they are, text as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def kattis_package(
    root: Path,
    problem_yaml: str = "name: Sum\n",
    *,
    statement: str = SUM_STATEMENT_TEX,
    statement_path: str = "problem_statement/problem.en.tex",
    tests: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    submissions: Mapping[str, Mapping[str, str]] | None = None,
    files: Mapping[str, str | bytes] | None = None,
) -> Path:
    """A Kattis package at `root`.

    problem_yaml: the text of problem.yaml, written as it is (empty keys and all).
    statement, statement_path: the statement and where it goes (`statement/problem.en.md` for 2023-07, say).
    tests: {group path under data/ (`sample`, `secret`, `secret/subtask1`): [(input, answer), ...]}, written as
        1.in / 1.ans, 2.in / 2.ans, ... in each group's folder; SUM_TESTS when None.
    submissions: {verdict folder: {file name: source}}, under submissions/; a name with a `/` makes a submission
        of several files (`{"multi/main.py": ..., "multi/util.py": ...}`); only SUM_PY as accepted when None.
    files: further files, {path in the package: text}: testdata.yaml, validators, `.timelimit`, ...
    """
    root = Path(root)
    write(root / "problem.yaml", problem_yaml)
    write(root / statement_path, statement)
    for group, pairs in (SUM_TESTS if tests is None else tests).items():
        for number, (test_input, answer) in enumerate(pairs, 1):
            write(root / "data" / group / f"{number}.in", test_input)
            write(root / "data" / group / f"{number}.ans", answer)
    for verdict, programs in ({"accepted": {"sum.py": SUM_PY}} if submissions is None else submissions).items():
        for name, source in programs.items():
            write(root / "submissions" / verdict / name, source)
    for name, text in (files or {}).items():
        write(root / name, text)
    return root


def scoring_package(root: Path, submissions: Mapping[str, Mapping[str, str]] | None = None) -> Path:
    """The sum as a scoring problem: data/secret/group1 (n ≤ 2) worth 30 points, group2 worth 70, each stated by
    the group's testdata.yaml as `accept_score` per test (so 15 and 35); every verdict folder's submissions."""
    return kattis_package(
        root,
        "name: Sum\ntype: scoring\n",
        submissions=SUM_SUBMISSIONS if submissions is None else submissions,
        files={
            "data/testdata.yaml": "grader_flags: ignore_sample\n",
            "data/secret/group1/testdata.yaml": "accept_score: 15\nrange: 0 30\n",
            "data/secret/group2/testdata.yaml": "accept_score: 35\nrange: 0 70\n",
        },
    )


# ----------------------------------------------------------------------------------------------- custom validator

# A Kattis output validator: `validate input answer feedback_dir < output`; accepts (42) an output whose
# whitespace-separated tokens are the answer's, rejects (43) any other, writing why to judgemessage.txt.
VALIDATOR_PY = """import sys


def main():
    answer = open(sys.argv[2]).read().split()
    output = sys.stdin.read().split()
    if output == answer:
        sys.exit(42)
    with open(sys.argv[3].rstrip("/") + "/judgemessage.txt", "w") as feedback:
        feedback.write(f"expected {answer[:5]}, got {output[:5]}\\n")
    sys.exit(43)


main()
"""
VALIDATOR_H = """#pragma once
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

inline std::vector<std::string> tokens(std::istream &in) {
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}
"""
VALIDATOR_CPP = """#include "validate.h"

int main(int argc, char **argv) {
    if (argc < 4) return 1;
    std::ifstream answer_file(argv[2]);
    return tokens(answer_file) == tokens(std::cin) ? 42 : 43;
}
"""


def validator_files(layout: str = "directory") -> dict[str, str]:
    """The files of a custom output validator (see VALIDATOR_PY), for `kattis_package(files=...)`.

    layout: "single" — output_validators/validate.py, one file straight in the folder; "directory" —
    output_validators/tokens/{validate.cpp, validate.h}, C++ with its header beside it; "2023-07" —
    output_validator/validate.py, the 2023-07 format's single validator folder.
    """
    if layout == "single":
        return {"output_validators/validate.py": VALIDATOR_PY}
    if layout == "directory":
        return {"output_validators/tokens/validate.cpp": VALIDATOR_CPP,
                "output_validators/tokens/validate.h": VALIDATOR_H}
    if layout == "2023-07":
        return {"output_validator/validate.py": VALIDATOR_PY}
    raise ValueError(f"layout: must be single, directory or 2023-07, got {layout!r}")


# ---------------------------------------------------------------------------------------------------- interactive

# The interactor: `interactor input answer feedback_dir`, its stdout the submission's stdin and its stdin the
# submission's stdout. It sends the number in the input and accepts (42) its double back, else rejects (43).
INTERACTOR_PY = """import sys


def main():
    number = int(open(sys.argv[1]).read().split()[0])
    print(number, flush=True)
    reply = sys.stdin.readline().split()
    sys.exit(42 if reply == [str(2 * number)] else 43)


main()
"""
INTERACTIVE_SUBMISSIONS: dict[str, dict[str, str]] = {
    "accepted": {
        "double.py": "print(2 * int(input()), flush=True)\n",
        "double.cpp": "#include <iostream>\nint main() {\n    long long n;\n    std::cin >> n;\n"
                      "    std::cout << 2 * n << std::endl;\n}\n",
    },
    "wrong_answer": {
        "plus_one.py": "print(2 * int(input()) + 1, flush=True)\n",
        "plus_one.cpp": "#include <iostream>\nint main() {\n    long long n;\n    std::cin >> n;\n"
                        "    std::cout << 2 * n + 1 << std::endl;\n}\n",
    },
    "time_limit_exceeded": {  # idle: reads the number and never answers, asleep rather than busy
        "idle.py": "import time\ninput()\nwhile True:\n    time.sleep(60)\n",
        "idle.cpp": "#include <iostream>\n#include <unistd.h>\nint main() {\n    long long n;\n    std::cin >> n;\n"
                    "    for (;;) sleep(60);\n}\n",
    },
}


def interactive_package(root: Path, layout: str = "single", format_version: str = "legacy") -> Path:
    """The "double" interactive problem, with INTERACTIVE_SUBMISSIONS.

    format_version: "legacy" says `validation: custom interactive` and puts the interactor in output_validators/,
    one file straight in it (layout "single") or in output_validators/interactor/ (layout "directory");
    "2023-07" says `type: interactive` and puts it in output_validator/ (the layout does not matter).
    """
    if format_version == "legacy":
        problem_yaml = "name: Double\nvalidation: custom interactive\n"
        folder = "output_validators/" if layout == "single" else "output_validators/interactor/"
    elif format_version == "2023-07":
        problem_yaml = "problem_format_version: 2023-07\nname: Double\ntype: interactive\n"
        folder = "output_validator/"
    else:
        raise ValueError(f"format_version: must be legacy or 2023-07, got {format_version!r}")
    return kattis_package(
        root,
        problem_yaml,
        statement="\\problemname{Double}\nRead a number and print its double.\n",
        tests={"sample": [("3\n", "6\n")], "secret": [("21\n", "42\n"), ("-5\n", "-10\n")]},
        submissions=INTERACTIVE_SUBMISSIONS,
        files={folder + "interactor.py": INTERACTOR_PY},
    )


# ------------------------------------------------------------------------------------------------------- Code Jam

CODEJAM_SAMPLE_INPUT = "3\n4\n4 2 1 3\n2\n1 2\n7\n7 6 5 4 3 2 1\n"
CODEJAM_SAMPLE_OUTPUT = "Case #1: 6\nCase #2: 1\nCase #3: 12\n"

# A page as the archive's problem.html pages are made: MathJax configured for $$$...$$$, the contest's name and
# the problem's as headings, the sample in a box with download links and copy buttons, the explanation after it.
CODEJAM_HTML = """
<html>
  <head>
    <link href="https://fonts.googleapis.com/icon?family=Material+Icons" rel="stylesheet">
    <script src="https://www.gstatic.com/external_hosted/mathjax/latest/MathJax.js?config=TeX-AMS-MML_HTMLorMML">
    </script>
    <script>
      MathJax.Hub.Config({tex2jax: {inlineMath: [ ['$$$','$$$'] ], displayMath: [ ['$$$$','$$$$'] ]}});
    </script>
    <style>
.problem-io-wrapper-new .sampleio-wrapper { display: flex; }
    </style>
  </head>
  <body>
    <div>
<h3>Code Jam 2021 - Qualification Round</h3><h1>Reversort</h1><h3>Problem</h3>
<p>
Reversort is an algorithm to sort a list of distinct integers in increasing order &amp; it is
based on the &quot;Reverse&quot; operation.
</p><p>
The pseudocode of the algorithm is the following:
</p><pre>
Reversort(L):
  for i := 1 to length(L) - 1
    j := position with the minimum value in L between i and length(L), inclusive
    Reverse(L[i..j])
</pre><p>
After $$$i-1$$$ iterations, the positions $$$1,\\;2,\\;\\dots,\\;i-1$$$ of the list
contain the $$$i-1$$$ smallest elements of L, in increasing order.
Here is how it would process $$$L = [4, 2, 1, 3]$$$: <ol>
<li>$$$i = 1,~ j = 3 \\longrightarrow L = [1, 2, 4, 3]$$$</li>
<li>$$$i = 2,~ j = 2 \\longrightarrow L = [1, 2, 4, 3]$$$</li>
<li>$$$i = 3,~ j = 4 \\longrightarrow L = [1, 2, 3, 4]$$$</li>
</ol><p>
The cost of each iteration is the length of the sublist passed to Reverse, that is, $$$j - i + 1$$$.
</p>

<h3>Input</h3>
<p>
The first line of the input gives the number of test cases, $$$\\mathbf{T}$$$. $$$\\mathbf{T}$$$ test cases follow.
Each test case consists of 2 lines: a single integer $$$\\mathbf{N}$$$, then $$$\\mathbf{N}$$$ distinct integers
$$$\\mathbf{L_1}$$$, $$$\\mathbf{L_2}$$$, ..., $$$\\mathbf{L_N}$$$.
</p>

<h3>Output</h3>
<p>
For each test case, output one line containing <code>Case #$$$x$$$: $$$y$$$</code>, where $$$x$$$
is the test case number (starting from 1) and $$$y$$$ is the total cost.
</p>

<h3>Limits</h3>
<p>
Time limit: 10 seconds.<br/>
Memory limit: 1 GB.<br/>
$$$1 \\le \\mathbf{T} \\le 100$$$.<br/>
$$$\\mathbf{L_i} \\ne \\mathbf{L_j}$$$, for all $$$i \\ne j$$$.<br/>
</p>

<h4>Test Set 1 (Visible Verdict)</h4>
<p>
$$$2 \\le \\mathbf{N} \\le 10$$$.
</p>

<h4>Test Set 2 (Hidden Verdict)</h4>
<p>
$$$2 \\le \\mathbf{N} \\le 100$$$.
</p>

  <h3>Sample</h3>
  <div class="problem-io-wrapper-new">
    <div class="sampleio-wrapper">
      <div class="sample-input">
        <div class="sample-header">
          <div class="sample-header-text">Sample Input</div>
          <div class="sample-header-download-button">
            <a href="reversort_sample_ts1_input.txt" target="_blank" aria-label="Download">
              <i class="material-icons grey">save_alt</i>
            </a>
          </div>
          <div class="sample-header-copy-button" onclick="copy('sample_input_0')" aria-label="Copy to clipboard">
            <i class="material-icons grey">content_copy</i>
            <span class="sample-header-copy-popup" id="sample_input_copy_popup_0">Copied!</span>
          </div>
        </div>
        <div class="sample-content">
          <pre class="sample-content-text" id="sample_input_0">SAMPLE_INPUT</pre>
        </div>
      </div>
      <div class="sample-output">
        <div class="sample-header">
          <div class="sample-header-text">Sample Output</div>
          <div class="sample-header-download-button">
            <a href="reversort_sample_ts1_output.txt" target="_blank" aria-label="Download">
              <i class="material-icons grey">save_alt</i>
            </a>
          </div>
        </div>
        <div class="sample-content">
          <pre class="sample-content-text" id="sample_output_0">SAMPLE_OUTPUT</pre>
        </div>
      </div>
    </div>
  </div>

<p>
  Sample Case #1 is described in the statement above.
</p>
<p>
  In Sample Case #2, there is a single iteration, of cost 1.
</p>

    </div>
  </body>
</html>
""".replace("SAMPLE_INPUT", CODEJAM_SAMPLE_INPUT).replace("SAMPLE_OUTPUT", CODEJAM_SAMPLE_OUTPUT)

CODEJAM_PY = """for case in range(1, int(input()) + 1):
    input()
    values = list(map(int, input().split()))
    cost = 0
    for i in range(len(values) - 1):
        j = values.index(min(values[i:]), i)
        values[i:j + 1] = reversed(values[i:j + 1])
        cost += j - i + 1
    print(f"Case #{case}: {cost}")
"""


def codejam_package(
    root: Path,
    *,
    sample_files: bool = True,
    submissions: Mapping[str, Mapping[str, str]] | None = None,
) -> Path:
    """"Reversort" as Google's Code Jam archive lays a problem out.

    problem.yaml says `type: scoring` and, at its top level, `output_validator_flags: float_tolerance 1e-6`;
    problem_statement/problem.html is CODEJAM_HTML, with the sample files it links beside it when `sample_files`
    (reversort_sample_ts1_input.txt / _output.txt); there is no data/sample. data/testdata.yaml sets the root's
    grading; data/secret/subtask1 and subtask2 hold one test each, worth 7 and 11 points (`accept_score`).
    The archive has no submissions; `submissions` adds some ({verdict folder: {file name: source}}).
    """
    files: dict[str, str] = {
        "problem_statement/analysis.html": "<html><body><p>How to solve it.</p></body></html>\n",
        "data/testdata.yaml": "on_reject: continue\ngrader_flags: ignore_sample\n",
        "data/secret/subtask1/testdata.yaml": "accept_score: 7\nrange: 0 7\n",
        "data/secret/subtask2/testdata.yaml": "accept_score: 11\nrange: 0 11\n",
    }
    if sample_files:
        files["problem_statement/reversort_sample_ts1_input.txt"] = CODEJAM_SAMPLE_INPUT
        files["problem_statement/reversort_sample_ts1_output.txt"] = CODEJAM_SAMPLE_OUTPUT
    return kattis_package(
        root,
        "# This is a best-effort conversion to problemtools format.\nauthor: Google\n"
        "source: Code Jam 2021 - Qualification Round\ntype: scoring\nname: Reversort\n\n"
        "output_validator_flags: float_tolerance 1e-6\ngrading:\n    show_test_data_groups: true\n",
        statement=CODEJAM_HTML,
        statement_path="problem_statement/problem.html",
        tests={
            "secret/subtask1": [("2\n2\n2 1\n3\n1 2 3\n", "Case #1: 2\nCase #2: 2\n")],
            "secret/subtask2": [("1\n4\n4 3 2 1\n", "Case #1: 6\n")],
        },
        submissions=submissions or {},
        files=files,
    )
