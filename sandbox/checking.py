"""Output checking as pure functions: exact, tokens (the CodeContests/AlphaCode rule), numbers with tolerances.

`compare(checker, output, answer)` applies a problem's rule; custom checker programs are run by the Sandbox,
which calls back into nothing here but `Checker`'s settings.
"""

from __future__ import annotations

import math
import re

from problems import Checker, CheckerKind

_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_INTEGER = re.compile(rb"[+-]?\d+")


def compare_exact(output: bytes, answer: bytes) -> bool:
    """Identical text, except that CRLF counts as LF and one missing or extra final newline is forgiven."""
    output = output.replace(b"\r\n", b"\n")
    answer = answer.replace(b"\r\n", b"\n")
    return output == answer or output + b"\n" == answer or output == answer + b"\n"


def numbers_close(got: float, expected: float, abs_tol: float | None, rel_tol: float | None) -> bool:
    """Equal within the absolute or the relative tolerance (relative to the expected value); None turns one off."""
    if math.isnan(got) or math.isnan(expected):
        return False
    if got == expected:
        return True
    difference = abs(got - expected)
    if abs_tol is not None and difference <= abs_tol * (1 + 1e-12):
        return True
    return rel_tol is not None and difference <= rel_tol * abs(expected) * (1 + 1e-12)


def tokens_equal(
    got: bytes,
    expected: bytes,
    case_sensitive: bool = False,
    abs_tol: float | None = 1e-5,
    rel_tol: float | None = 1e-5,
) -> bool:
    """Two tokens are equal as text (ignoring case unless asked), or as numbers within the tolerances.

    Integers are compared as text even when tolerances are set: a tolerance meant for 0.333333 must not accept
    1000001 for 1000000. A number compares with a tolerance when either side is written with a point or an
    exponent.
    """
    if got == expected or (not case_sensitive and got.lower() == expected.lower()):
        return True
    if abs_tol is None and rel_tol is None:
        return False
    if not (_NUMBER.fullmatch(got) and _NUMBER.fullmatch(expected)):
        return False
    if _INTEGER.fullmatch(got) and _INTEGER.fullmatch(expected):
        return int(got) == int(expected)
    return numbers_close(float(got), float(expected), abs_tol, rel_tol)


def compare_tokens(
    output: bytes,
    answer: bytes,
    case_sensitive: bool = False,
    abs_tol: float | None = 1e-5,
    rel_tol: float | None = 1e-5,
) -> bool:
    """Whitespace-separated tokens, pairwise equal under `tokens_equal`, and as many of them."""
    got, expected = output.split(), answer.split()
    if len(got) != len(expected):
        return False
    return all(tokens_equal(g, e, case_sensitive, abs_tol, rel_tol) for g, e in zip(got, expected))


def compare(checker: Checker, output: bytes, answer: bytes) -> bool:
    """A problem's own rule for EXACT and TOKENS checkers (custom checkers are programs: see Sandbox.check)."""
    if checker.kind is CheckerKind.EXACT:
        return compare_exact(output, answer)
    if checker.kind is CheckerKind.TOKENS:
        return compare_tokens(output, answer, checker.case_sensitive, checker.float_abs_tol, checker.float_rel_tol)
    raise ValueError("a custom checker is a program; run it with Sandbox.check")


def first_difference(output: bytes, answer: bytes, limit: int = 80) -> str:
    """A short human description of where two outputs first differ, for verdict messages."""
    got, expected = output.split(), answer.split()
    for index, (g, e) in enumerate(zip(got, expected)):
        if g != e:
            expected_text, got_text = e[:limit].decode(errors="replace"), g[:limit].decode(errors="replace")
            return f"token {index + 1}: expected {expected_text!r}, got {got_text!r}"
    if len(got) != len(expected):
        return f"expected {len(expected)} tokens, got {len(got)}"
    return "outputs differ in whitespace"
