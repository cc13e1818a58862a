"""Multi-test variants of single-test families, as the easiest Codeforces problems are usually set: the input
starts with t, t cases follow, and the statement bounds the sum of the case sizes over all test cases.

`multitest(base, ...)` derives everything from the base family: statements (a header before the base's input
section, "of each test case" in its line references, the sum constraint after it, "For each test case, ..." before
its output section), inputs (t cases whose sizes respect the stated sum), the oracle (the base oracle per case) and
references (the base's programs turned into a `solve()` called t times).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from problems.curriculum.base import Family, MultiTest, Phrasing

# Wordings by group: "train" (training statements, plain and story) and "story" (the held-out story split).
HEADERS = {
    "train": (
        "The first line contains a single integer t (⟦1 ≤ t ≤ T⟧) — the number of test cases. The description of "
        "the test cases follows.",
        "Each test contains multiple test cases. The first line contains the number of test cases t "
        "(⟦1 ≤ t ≤ T⟧). The description of the test cases follows.",
        "The first line of the input contains an integer t (⟦1 ≤ t ≤ T⟧) — the number of test cases. Then t test "
        "cases follow.",
    ),
    "story": (
        "The input holds several independent test cases. Their number t (⟦1 ≤ t ≤ T⟧) is given on the first line, "
        "and the test cases come after it.",
        "You are given t (⟦1 ≤ t ≤ T⟧), the number of test cases, on the first line; the test cases are listed "
        "next.",
    ),
}
SUMS = {
    "train": (
        "It is guaranteed that the sum of ⟦{size}⟧ over all test cases does not exceed {S}.",
        "The sum of ⟦{size}⟧ over all test cases does not exceed {S}.",
        "It is guaranteed that the sum of ⟦{size}⟧ over all test cases is at most {S}.",
    ),
    "story": (
        "It is guaranteed that the total of ⟦{size}⟧ over all test cases is not greater than {S}.",
        "Over all test cases, the sum of ⟦{size}⟧ is guaranteed to be at most {S}.",
    ),
}
OUTPUTS = {"train": ("For each test case, ", "For each test case, "),
           "story": ("For every test case, ", "Answer the test cases in the order given; for each of them, ")}
ASIDES = {"train": ("You have to answer t independent test cases.", ""),
          "story": ("{name} has t such questions, and each must be answered separately.", "")}
FIRST_LINES = {"train": "Each test case is given as follows. ", "story": "Every test case has this form. "}
# A per-case cap for the examples, which show a few short cases as real statements do.
EXAMPLE_CASES = 4


def _lower_first(text: str) -> str:
    """'Print YES …' → 'print YES …'; a leading 'YES' or 'I' stays."""
    head = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if len(head) > 1 and head[1:].islower() else text


def _per_case(text: str, group: str) -> str:
    """The base's input section, its line references made per test case."""
    text, count = re.subn(r"\b(first|second|third|only|next) line(?: of the input)?\b", r"\1 line of each test case",
                          text)
    return text if count else FIRST_LINES[group] + text


def _phrasing(base: Phrasing, group: str, variant: int, size_name: str | None) -> Phrasing:
    def pick(pool: dict[str, tuple[str, ...]]) -> str:
        return pool[group][variant % len(pool[group])]

    aside = pick(ASIDES)
    sums = " " + pick(SUMS).replace("{size}", size_name) if size_name else ""
    return Phrasing(
        legend=base.legend + (" " + aside if aside else ""),
        input=pick(HEADERS) + "\n\n" + _per_case(base.input, group) + sums,
        output=pick(OUTPUTS) + _lower_first(base.output),
    )


def python_loop(code: str) -> str | None:
    """A single-case Python program as `solve()` called t times; None for one that reads all input at once."""
    if "sys.stdin.read(" in code or "open(0" in code:
        return None
    lines = code.rstrip("\n").split("\n")
    imports = [line for line in lines if line.startswith(("import ", "from "))]
    body = [line for line in lines if not line.startswith(("import ", "from "))]
    while body and not body[0].strip():
        body.pop(0)
    head = "\n".join(imports) + "\n\n\n" if imports else ""
    indented = "\n".join("    " + line if line.strip() else "" for line in body)
    return f"{head}def solve():\n{indented}\n\n\nt = int(input())\nfor _ in range(t):\n    solve()\n"


def cpp_loop(code: str) -> str:
    """A single-case C++ program as `solve()` called t times."""
    if "int main() {\n" not in code:
        raise ValueError("expected a C++ reference with `int main() {` on its own line")
    code = code.replace("int main() {\n", "void solve() {\n", 1).replace("return 0;", "return;")
    code = re.sub(r"\n    return;\n}\n*$", "\n}\n", code).replace("<< endl", "<< '\\n'")
    fast = "" if "printf" in code or "scanf" in code else "    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n"
    return code + f"\nint main() {{\n{fast}    int t;\n    cin >> t;\n    while (t--) solve();\n    return 0;\n}}\n"


def multitest(base: Family, *, lines: int, limits: dict[str, dict[str, int]], size: Callable[[str], int] | None = None,
              per_case: str = "N", size_name: str = "n", min_size: int = 1, rating: int | None = None) -> Family:
    """The multi-test variant of `base`: `lines` lines per case; `size` measures a case against the sum limit "S"
    (with `per_case` the base limit on one case and `size_name` how statements name it), None for fixed-size
    cases. `limits` by split hold the base's limits and "T" (and "S")."""
    for split, bounds in limits.items():
        if "T" not in bounds or (size is not None and ("S" not in bounds or per_case not in bounds)):
            raise ValueError(f"multitest({base.name}): limits[{split!r}] need T{', S and ' + per_case if size else ''}")
    shape = MultiTest(base, lines, size, per_case)
    named = size_name if size is not None else None

    def make_input(rng: random.Random, bounds: dict[str, int]) -> str:
        high = rng.choice((min(bounds["T"], 5), min(bounds["T"], 50), bounds["T"]))
        t = rng.randint(min(2, high), high)
        if size is None:
            return f"{t}\n" + "".join(base.make_input(rng, bounds) for _ in range(t))
        budget = bounds["S"]
        t = max(1, min(t, budget // min_size))
        cases: list[str] = []
        used = 0
        for i in range(t):
            left = t - i
            room = budget - used - (left - 1) * min_size  # every later case still gets its smallest size
            cap = max(min_size, min(bounds[per_case], room, 2 * (budget - used) // left))
            case = base.make_input(rng, {**bounds, per_case: cap})
            used += size(case)
            cases.append(case)
        return f"{t}\n" + "".join(cases)

    def solve(text: str) -> str:
        return "".join(base.solve(case) for case in shape.cases(text))

    def explain(text: str) -> str | None:
        return base.explain(shape.cases(text)[0]) if base.explain else None

    def variants(phrasings: tuple[Phrasing, ...], group: str) -> tuple[Phrasing, ...]:
        return tuple(_phrasing(p, group, i, named) for i, p in enumerate(phrasings))

    python = tuple(code for code in map(python_loop, base.python) if code is not None)
    examples = {"T": EXAMPLE_CASES} | ({"S": 3 * EXAMPLE_CASES} if size is not None else {})
    return Family(
        name=f"{base.name}-multitest",
        rating=rating or base.rating,
        tags=base.tags,
        phrasings={"train": variants(base.phrasings["train"], "train")},
        limits=limits,
        make_input=make_input,
        solve=solve,
        python=python,
        cpp=tuple(cpp_loop(code) for code in base.cpp),
        example_limits=(base.example_limits or {}) | examples,
        checker=base.checker,
        stories={group: variants(base.stories[group], group) for group in ("train", "story")},
        explain=explain,
        sizes=("T", "S", per_case) if size is not None else ("T",),
        multitest=shape,
    )
