"""How a statement, its examples and its note become one CodeContests-style description, and how the TeX math of a
statement becomes plain text.

CodeContests descriptions carry the examples inline ("Examples", then "Input" / "Output" blocks, then "Note").
Our own format and Kattis packages keep them apart, so both render through `render_description` and the model
always sees the same layout, whatever the source. Kattis' LaTeX and Code Jam's MathJax both write formulas in TeX;
`latex_math_to_text` turns them into what CodeContests statements show (`1 ≤ T ≤ 100`, `a_i ⋅ 2`, `10^5`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from problems.model import Test


def render_description(statement: str, examples: Sequence[Test], note: str = "") -> str:
    """Join a statement, its examples and an optional note the way CodeContests descriptions read."""
    text = statement.strip() + "\n"
    if examples:
        heading = "Examples" if len(examples) > 1 else "Example"
        blocks = [f"Input\n\n{t.input.rstrip()}\n\n\nOutput\n\n{t.output.rstrip()}\n" for t in examples]
        text += f"\n{heading}\n\n" + "\n\n".join(blocks)
    if note.strip():
        text += "\nNote\n\n" + note.strip() + "\n"
    return text


def split_description(description: str, examples: Sequence[Test]) -> tuple[str, str] | None:
    """Undo `render_description`: (statement, note), or None when the description was not rendered that way."""
    for heading in ("\nExamples\n\n", "\nExample\n\n"):
        cut = description.rfind(heading)
        if cut < 0:
            continue
        statement = description[:cut]
        rest = description[cut:]
        marker = rest.find("\nNote\n\n")
        note = rest[marker + len("\nNote\n\n"):] if marker >= 0 else ""
        if render_description(statement, examples, note) == description:
            return statement.strip() + "\n", note.strip() + "\n" if note.strip() else ""
    return None


# ------------------------------------------------------------------------------------------------------- TeX math

# TeX commands without arguments and the character a reader expects for each.
LATEX_SYMBOLS = {
    r"\leq": "≤", r"\le": "≤", r"\geq": "≥", r"\ge": "≥", r"\neq": "≠", r"\ne": "≠", r"\cdot": "⋅",
    r"\times": "×", r"\ldots": "…", r"\dots": "…", r"\cdots": "…", r"\infty": "∞", r"\pm": "±",
    r"\to": "→", r"\rightarrow": "→", r"\longrightarrow": "→", r"\leftarrow": "←", r"\Rightarrow": "⇒",
    r"\lfloor": "⌊", r"\rfloor": "⌋", r"\lceil": "⌈", r"\rceil": "⌉", r"\approx": "≈", r"\equiv": "≡",
    r"\in": "∈", r"\notin": "∉", r"\subseteq": "⊆", r"\subset": "⊂", r"\cup": "∪", r"\cap": "∩",
    r"\oplus": "⊕", r"\wedge": "∧", r"\vee": "∨", r"\neg": "¬", r"\lnot": "¬", r"\sum": "Σ", r"\prod": "∏",
    r"\lt": "<", r"\gt": ">", r"\mid": "|", r"\vert": "|", r"\lvert": "|", r"\rvert": "|", r"\lbrace": "{",
    r"\rbrace": "}", r"\|": "‖", r"\langle": "⟨", r"\rangle": "⟩", r"\alpha": "α", r"\beta": "β", r"\gamma": "γ",
    r"\delta": "δ", r"\Delta": "Δ", r"\epsilon": "ε", r"\varepsilon": "ε", r"\lambda": "λ", r"\mu": "μ",
    r"\pi": "π", r"\sigma": "σ", r"\phi": "φ", r"\theta": "θ", r"\omega": "ω", r"\bmod": "mod",
    r"\%": "%", r"\&": "&", r"\_": "_", r"\$": "$", r"\#": "#", "~": " ",
    r"\,": " ", r"\;": " ", r"\:": " ", r"\!": "", r"\ ": " ", r"\quad": " ", r"\qquad": " ",
}
# Named functions read as their names: `\log n` → `log n`.
_FUNCTIONS = {"log", "ln", "lg", "exp", "min", "max", "gcd", "lcm", "sin", "cos", "tan", "mod", "det", "lim", "sup",
              "inf", "arg", "deg", "dim"}
# Commands whose argument is simply its text (fonts, boxes).
_TEXT_COMMANDS = {"mathbf", "mathrm", "mathit", "mathtt", "mathsf", "mathcal", "mathbb", "boldsymbol", "bm", "text",
                  "textbf", "textit", "texttt", "textrm", "textsf", "textsc", "emph", "underline", "sout",
                  "operatorname", "mbox", "hbox", "t", "url", "bf", "it"}


def _plain(text: str) -> str:
    """An operand as written after `/` or `^`: bare when one token, parenthesised otherwise."""
    return text if re.fullmatch(r"[\w.]+|.", text) else f"({text})"


# Commands with arguments: how many, and how their (already converted) arguments read.
_WITH_ARGUMENTS: dict[str, tuple[int, Callable[..., str]]] = {
    **{name: (1, lambda a: a) for name in _TEXT_COMMANDS},
    "frac": (2, lambda a, b: f"{_plain(a)}/{_plain(b)}"),
    "dfrac": (2, lambda a, b: f"{_plain(a)}/{_plain(b)}"),
    "tfrac": (2, lambda a, b: f"{_plain(a)}/{_plain(b)}"),
    "binom": (2, lambda a, b: f"C({a}, {b})"),
    "sqrt": (1, lambda a: f"√{_plain(a)}"),
    "pmod": (1, lambda a: f"(mod {a})"),
    "href": (2, lambda _url, text: text),
}


def _group(tex: str, start: int) -> tuple[str | None, int]:
    """The argument at `start`: a balanced `{...}` group's content, or one character; (None, start) at the end."""
    while start < len(tex) and tex[start] == " ":
        start += 1
    if start >= len(tex):
        return None, start
    if tex[start] != "{":
        if tex[start] == "\\":
            command = re.match(r"\\(?:[A-Za-z]+|.)", tex[start:])
            return command.group(0), start + len(command.group(0))
        return tex[start], start + 1
    depth, i = 0, start
    while i < len(tex):
        if tex[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(tex[i], 0)
        if depth == 0:
            return tex[start + 1:i], i + 1
        i += 1
    return tex[start + 1:], len(tex)  # unbalanced: take the rest rather than fail on a typo


def _expand(tex: str) -> str:
    """Commands with arguments replaced by their reading, and `^{...}` / `_{...}` by `^x` or `^(...)`."""
    out = []
    i = 0
    while i < len(tex):
        char = tex[i]
        if char == "\\":
            command = re.match(r"\\([A-Za-z]+)", tex[i:])
            if command and command.group(1) in _WITH_ARGUMENTS:
                arity, render = _WITH_ARGUMENTS[command.group(1)]
                args, j = [], i + len(command.group(0))
                for _ in range(arity):
                    arg, j = _group(tex, j)
                    if arg is None:
                        break
                    args.append(_expand(arg))
                if len(args) == arity:
                    out.append(render(*args))
                    i = j
                    continue
            out.append(tex[i:i + 2])  # an escape or another command: kept for the symbol pass
            i += 2
        elif char in "^_" and i + 1 < len(tex) and tex[i + 1] == "{":
            arg, i = _group(tex, i + 1)
            out.append(char + _plain(_expand(arg).strip()))
        else:
            out.append(char)
            i += 1
    return "".join(out)


def latex_math_to_text(tex: str) -> str:
    """TeX math (or LaTeX text) as plain text: symbols as characters, fonts dropped, fractions and scripts inline."""
    tex = _expand(tex)
    tex = re.sub(r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])\s*(\\[{}|]|[()\[\]|.])?",
                 lambda m: "" if m.group(1) in (None, ".") else m.group(1), tex)
    tex = tex.replace(r"\{", "\x00").replace(r"\}", "\x01")  # literal braces survive the removal of groups below
    for command, symbol in sorted(LATEX_SYMBOLS.items(), key=lambda item: -len(item[0])):
        if command.startswith("\\") and command[1:].isalpha():
            tex = re.sub(re.escape(command) + r"(?![A-Za-z])", lambda _m, s=symbol: s, tex)
        else:
            tex = tex.replace(command, symbol)
    tex = re.sub(r"\\([A-Za-z]+)\*?", lambda m: m.group(1) if m.group(1) in _FUNCTIONS else "", tex)
    tex = tex.replace("{", "").replace("}", "").replace("\x00", "{").replace("\x01", "}")
    return re.sub(r"[ \t]{2,}", " ", tex)
