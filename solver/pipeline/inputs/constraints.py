"""What the statement says about the input: stated bounds ("1 ≤ k ≤ n ≤ 2 ⋅ 10^5", "|s| ≤ 100"), bounds on sums
over all test cases ("the sum of n over all test cases does not exceed 2 ⋅ 10^5") and which token each name belongs
to ("two integers n and q")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LATEX = (
    (r"\\(?:left|right)(?![A-Za-z])", ""),
    (r"\\(?:le|leq|leqslant)(?![A-Za-z])", "≤"),
    (r"\\(?:ge|geq|geqslant)(?![A-Za-z])", "≥"),
    (r"\\lt(?![A-Za-z])", "<"),
    (r"\\gt(?![A-Za-z])", ">"),
    (r"\\(?:ne|neq)(?![A-Za-z])", "≠"),
    (r"\\(?:cdot|times)(?![A-Za-z])", "⋅"),
    (r"\\(?:ldots|dots|cdots)(?![A-Za-z])", "…"),
    (r"\\(?:lvert|rvert|vert|mid)(?![A-Za-z])", "|"),
    (r"\\sum(?![A-Za-z])", "∑"),
    (r"\\(?:limits|nolimits|displaystyle)(?![A-Za-z])", ""),
    (r"\\[,;:! ]|~|\$", " "),
)


def _clean(text: str) -> str:
    """Statement text with LaTeX spelled as plain symbols: $1 \\le n \\le 10^{5}$ → 1 ≤ n ≤ 10^{5}."""
    for pattern, replacement in _LATEX:
        text = re.sub(pattern, replacement, text)
    return text.replace("⩽", "≤").replace("⩾", "≥").replace("<=", "≤").replace(">=", "≥")


_POWER = r"(?:\s*[⋅·*×x]\s*10\s*\^\s*\{?\s*\d+\s*\}?|\s*\^\s*\{?\s*\d+\s*\}?|[eE]\d+)"
_NUMBER = rf"(?:\d{{1,3}}(?:[ ,]\d{{3}})+(?!\d)|\d+(?:\.\d+)?){_POWER}?"
_NAME = r"\|[^|\n]{1,20}\||[A-Za-z][A-Za-z0-9]*(?:_(?:\{[^}\s]{1,12}\}|[A-Za-z0-9]+))?"
_PIECE = re.compile(
    rf"(?P<number>{_NUMBER})|(?P<op>[≤≥<>])|(?P<sep>,|\band\b|\bor\b)|(?P<name>{_NAME})|(?P<minus>[-−–])"
    r"|(?P<arith>[+*/⋅·×^]|\bmod\b)|(?P<space>\s+)|(?P<other>.)",
    re.S,
)


def parse_number(text: str) -> int | None:
    """'10^5' → 100000, '2 ⋅ 10^5' → 200000, '−10^9' → -1000000000, '1 000' → 1000, '1e5' → 100000."""
    text = _clean(text).replace("−", "-").replace("–", "-").replace("{", "").replace("}", "")
    text = re.sub(r"[\s,]", "", text)
    negative = text.startswith("-")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[⋅·*×x]10\^(\d+)|\^(\d+)|[eE](\d+))?", text.lstrip("-"))
    if not match:
        return None
    base, times_power, power, exponent = match.groups()
    number: float | int = int(base) if base.isdigit() else float(base)
    if times_power is not None or exponent is not None:
        number = number * 10 ** int(times_power or exponent)
    elif power is not None:
        number = number ** int(power)
    value = int(number)
    return -value if negative else value


def _variable(name: str) -> str:
    """A name as bounds and tokens share it: a_1, a_{i}, a_j → a_i; |s| → len:s."""
    name = name.strip().strip("$").replace(" ", "")
    if name.startswith("|") and name.endswith("|"):
        return "len:" + name.strip("|")
    return re.sub(r"_\{?[A-Za-z0-9]+\}?$", "_i", name)


@dataclass
class _Term:
    kind: str  # number, names or expression
    value: int | None = None
    names: list[str] = field(default_factory=list)


def _chains(text: str) -> list[tuple[list[_Term], list[str]]]:
    """Comparison chains ("1 ≤ k ≤ n ≤ 2 ⋅ 10^5", "0 ≤ a, b < L") as terms and the operators between them."""
    found: list[tuple[list[_Term], list[str]]] = []
    terms: list[_Term] = []
    ops: list[str] = []
    # start: no term yet; term: a term just ended; op: a comparison just read; list: a comma after names ("a, b");
    # arith: an arithmetic operator after a term ("n ⋅ m", "n - 1"), which makes the term an expression.
    state = "start"
    negative = False  # a minus sign before a number

    def close() -> None:
        nonlocal terms, ops
        if len(ops) > len(terms) - 1:
            ops = ops[: len(terms) - 1]
        if ops:
            if len(terms[-1].names) > 1:  # "≤ n, u_i ≠ v_i": the list after the last bound is the next phrase
                terms[-1].names = terms[-1].names[:1]
            found.append((terms, ops))
        terms, ops = [], []

    for match in _PIECE.finditer(_clean(text)):
        kind, piece = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind == "number" or kind == "name":
            term = (_Term("number", parse_number(piece)) if kind == "number"
                    else _Term("names", names=[_variable(piece)]))
            if kind == "number" and negative and term.value is not None:
                term.value = -term.value
            negative = False
            if state == "arith":
                terms[-1] = _Term("expression")
                state = "term"
            elif state == "list" and kind == "name":
                terms[-1].names.append(term.names[0])
                state = "term"
            elif state in ("op", "start"):
                terms.append(term)
                state = "term"
            else:
                close()
                terms.append(term)
                state = "term"
            if term.kind == "number" and term.value is None:
                terms[-1] = _Term("expression")
        elif kind == "op":
            if state in ("term", "list"):
                ops.append(piece)
                state = "op"
            else:
                close()
                state = "start"
        elif kind == "sep":
            if state == "term" and terms[-1].kind == "names":
                state = "list"
            else:
                close()
                state = "start"
        elif kind == "minus":
            if state in ("op", "start"):
                negative = True
            elif state == "term":
                state = "arith"
            else:
                close()
                state = "start"
        elif kind == "arith" and state == "term":
            state = "arith"
        else:
            close()
            state = "start"
            negative = False
    close()
    return found


def _ascending(terms: list[_Term], ops: list[str]) -> tuple[list[_Term], list[str]] | None:
    if all(op in "≤<" for op in ops):
        return terms, ops
    if all(op in "≥>" for op in ops):
        flipped = {"≥": "≤", ">": "<"}
        return terms[::-1], [flipped[op] for op in reversed(ops)]
    return None


def parse_constraints(statement: str) -> dict[str, tuple[int, int]]:
    """Stated bounds by variable: {'n': (1, 100000), 'a_i': (-10**9, 10**9), 'len:s': (1, 100)}.

    Bounds reach through a chain ("1 ≤ k ≤ n ≤ 2 ⋅ 10^5" bounds k and n alike); a strict "<" next to a number
    moves the bound by one. A variable bounded on one side only ("0 ≤ a < L") is left out.
    """
    bounds: dict[str, tuple[int, int]] = {}
    for terms, ops in _chains(statement):
        ordered = _ascending(terms, ops)
        if ordered is None:
            continue
        terms, ops = ordered
        for position, term in enumerate(terms):
            if term.kind != "names":
                continue
            low = high = None
            for left in range(position - 1, -1, -1):
                if terms[left].kind == "number":
                    low = terms[left].value + ("<" in ops[left:position])
                    break
            for right in range(position + 1, len(terms)):
                if terms[right].kind == "number":
                    high = terms[right].value - ("<" in ops[position:right])
                    break
            if low is None or high is None or low > high:
                continue
            for name in term.names:
                if re.fullmatch(r"(len:)?[A-Za-z][A-Za-z0-9_]*", name):
                    bounds.setdefault(name, (low, high))
    return bounds


_SUM_NAME = r"[A-Za-z](?![A-Za-z0-9])(?:_(?:\{[^}\s]{1,12}\}|[A-Za-z0-9]+))?"  # one letter: never a story word
_SUMMED = (
    # what is summed: string lengths ("the total length of all strings", "|s|"), or names ("n", "n ⋅ m", "n + m",
    # "n and the sum of m": two sums)
    r"(?P<lengths>(?:the\s+)?(?:total\s+)?(?:lengths?|number\s+of\s+(?:characters|letters))\s+(?:of|in)\s+"
    rf"(?:(?:all|the|given|every|each)\s+)*(?:strings?|words?|lines?|names?)(?:\s+(?P<string>{_SUM_NAME}))?)"
    rf"|\|\s*(?P<absolute>{_SUM_NAME})\s*\|"
    rf"|(?P<names>{_SUM_NAME}(?:\s*(?:[⋅·*×+]|\band\b)\s*(?:(?:the\s+)?sums?\s+of\s+)?{_SUM_NAME})*)"
)
_AT_MOST = (
    r"(?P<strict><|(?:is|are)\s+(?:strictly\s+)?(?:less|smaller|fewer)\s+than(?!\s+or))"
    r"|≤|(?:(?:does|do|will|shall|would|can|may)\s*(?:not|n['’]t)|cannot|won['’]t|(?:is|are)\s+guaranteed\s+not\s+to)"
    r"\s+exceed|not\s+exceeding|(?:is|are)\s+(?:at\s+most|(?:not|no)\s+(?:greater|more|larger|bigger)\s+than"
    r"|less\s+than\s+or\s+equal\s+to|bounded\s+by)"
)
_SUM = re.compile(
    r"(?:\b(?:sums?|total)(?:\s+of)?\s+(?:(?:the|all|every|values?|of)\s+)*|[∑Σ]\s*(?:[_^]\s*(?:\{[^}]*\}|\w)\s*)*)"
    rf"(?:{_SUMMED})"
    r"(?:\s*,?\s+(?:over|in|for|across|among|through)(?:\s+[\w-]+){1,4}?)?"  # "over all test cases"
    rf"\s*,?\s*(?:{_AT_MOST})\s*(?P<limit>{_NUMBER})",
    re.I,
)


def parse_sums(statement: str) -> dict[str, int]:
    """Stated bounds on sums over all test cases (or over one input's values), by what is summed.

    "The sum of n over all test cases does not exceed 2 ⋅ 10^5" → {'n': 200000}; "∑ n_i ≤ 10^5" → {'n_i': 100000};
    "the total length of all strings does not exceed 10^6" → {'len:*': 1000000} ("len:s" when the strings are
    named); "the sum of n ⋅ m" → {'n*m': ...}; "the sum of n + m" → {'n+m': ...}; "the sum of n and the sum of m
    do not exceed S" → {'n': S, 'm': S}. A strict "less than" moves the bound by one.
    """
    sums: dict[str, int] = {}
    for match in _SUM.finditer(_clean(statement)):
        limit = parse_number(match.group("limit"))
        if limit is None:
            continue
        limit -= match.group("strict") is not None
        if match.group("lengths"):
            keys = ["len:" + (_variable(match.group("string")) if match.group("string") else "*")]
        elif match.group("absolute"):
            keys = [_variable("|" + match.group("absolute") + "|")]
        else:
            keys = []
            for part in re.split(r"\s*\band\s+(?:the\s+)?sums?\s+of\s+", match.group("names"), flags=re.I):
                names = [_variable(name) for name in re.findall(_SUM_NAME, part)]
                keys.append(("*" if re.search(r"[⋅·*×]", part) else "+").join(names))
        for key in keys:
            sums[key] = min(limit, sums.get(key, limit))
    return sums


def input_section(statement: str) -> str:
    """The statement's "Input" section (up to "Output"), or the whole statement when it has no such heading."""
    heading = r"^[ \t]*#*[ \t]*{}(?:[ \t]+(?:format|specification|data))?[ \t]*:?[ \t]*$"
    start = re.search(heading.format("Input"), statement, re.M | re.I)
    if start is None:
        return statement
    rest = statement[start.end():]
    end = re.search(heading.format("Output"), rest, re.M | re.I)
    return rest[: end.start()] if end else rest


_COUNT_WORDS = {"an": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}
_ONE_NAME = r"(?<![A-Za-z0-9_])[A-Za-z](?![A-Za-z])(?:_(?:\{[^}\s]{1,12}\}|[A-Za-z0-9]+))?"
_GROUP = re.compile(
    rf"\b(?P<count>(?i:{'|'.join(_COUNT_WORDS)})|\d+|[A-Za-z](?![A-Za-z]))\s+"
    r"(?i:(?:space-separated|separated|pairwise|distinct|positive|non-negative|nonnegative|real|whole|single)\s+)*"
    r"(?i:integers?|numbers?|values?|strings?|words?)\s+"
    rf"(?P<names>{_ONE_NAME}(?:\s*(?:,|\band\b)?\s*(?:{_ONE_NAME}|…|\.\.\.))*)"
)


def name_groups(statement: str) -> list[tuple[int | None, list[str]]]:
    """What the input format names, in order: "two integers n and q" → (2, ['n', 'q']); "n integers a_1, a_2,
    …, a_n" → (None, ['a_i']), a line of any length."""
    groups = []
    for match in _GROUP.finditer(_clean(input_section(statement))):
        count = match.group("count")
        names = re.findall(_ONE_NAME, match.group("names"))
        vector = not (count.lower() in _COUNT_WORDS or count.isdigit()) or "…" in match.group("names") \
            or "..." in match.group("names")
        if vector:
            groups.append((None, [_variable(names[0])]))
        else:
            groups.append((_COUNT_WORDS.get(count.lower()) or int(count), [_variable(name) for name in names]))
    return groups
