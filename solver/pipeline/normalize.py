"""Program normalisation for duplicate removal: comments and whitespace do not make a program different."""

from __future__ import annotations

import io
import re
import tokenize

_SPACE = re.compile(r"\s+")
# C++ and Java, piece by piece: comments, string and character literals (kept whole), runs of whitespace, and
# any other single character.
_C_PIECES = re.compile(r'//[^\n]*|/\*.*?(?:\*/|\Z)|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|\s+|.', re.S)
# Two characters that a space keeps apart and that would read as one operator without it ("a - -b", "a < <b").
_WOULD_MERGE = {"++", "--", "<<", ">>", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=",
                "|=", "^=", "->", "::", "//", "/*", "*/", ".."}


def normalize_python(code: str) -> str:
    """Python without comments and with runs of whitespace as one space (strings left alone)."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(code).readline)
                  if t.type not in (tokenize.COMMENT, tokenize.NL)]
        parts = []
        for token in tokens:
            if token.type == tokenize.NEWLINE:
                parts.append("\n")
            elif token.type == tokenize.INDENT:
                parts.append("\t")  # indentation is meaning in Python: keep its structure, not its width
            elif token.type == tokenize.DEDENT:
                parts.append("\b")
            elif token.type != tokenize.ENDMARKER:
                parts.append(token.string)
        return " ".join(parts)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return _SPACE.sub(" ", re.sub(r"#[^\n]*", "", code)).strip()


def normalize_c_like(code: str) -> str:
    """C++ or Java without // and /* */ comments (string literals kept), whitespace dropped where it separates
    nothing ("a + b" and "a+b" are one program) and one space where it does ("int x", "a - -b")."""
    out: list[str] = []
    gap = False
    for match in _C_PIECES.finditer(code):
        piece = match.group()
        if piece.isspace() or piece.startswith(("//", "/*")):
            gap = True
            continue
        if gap and out:
            before, after = out[-1][-1], piece[0]
            if (_word(before) and _word(after)) or before + after in _WOULD_MERGE:
                out.append(" ")
        gap = False
        out.append(piece)
    return "".join(out)


def _word(character: str) -> bool:
    return character.isalnum() or character == "_"


def normalized(language: str, code: str) -> str:
    return normalize_python(code) if language.startswith("python") else normalize_c_like(code)


_OPENING = {")": "(", "]": "[", "}": "{"}


def delimiters_balance(code: str) -> bool:
    """Whether a C++ or Java program's (), [] and {} pair up outside comments and literals.

    A program whose brackets do not pair up can never compile: the pipeline rejects it here, in microseconds,
    instead of spending half a second of the compiler on it (a small model writes many such programs).
    """
    stack: list[str] = []
    for match in _C_PIECES.finditer(code):
        piece = match.group()
        if piece in "([{":
            stack.append(piece)
        elif piece in _OPENING:
            if not stack or stack.pop() != _OPENING[piece]:
                return False
    return not stack
