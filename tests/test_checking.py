"""Output comparison rules: golden cases for exact, tokens and tolerances, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from problems import Checker, CheckerKind
from sandbox.checking import compare, compare_exact, compare_tokens, first_difference, numbers_close


@pytest.mark.parametrize(("output", "answer", "equal"), [
    (b"1 2\n", b"1 2\n", True),
    (b"1 2", b"1 2\n", True),
    (b"1 2\r\n", b"1 2\n", True),
    (b"1 2\n\n", b"1 2\n", True),
    (b"1  2\n", b"1 2\n", False),
    (b"YES\n", b"yes\n", False),
])
def test_exact(output, answer, equal):
    assert compare_exact(output, answer) is equal


@pytest.mark.parametrize(("output", "answer", "equal"), [
    (b"YES", b"yes", True),                       # case ignored by default
    (b"  3\n\n4  5 ", b"3 4\n5\n", True),          # whitespace ignored
    (b"0.3333339", b"0.333333", True),             # within 1e-5 absolute
    (b"0.33335", b"0.333333", False),
    (b"1000000.000001", b"1000000", True),         # relative tolerance
    (b"1000001", b"1000000", False),               # integers compare exactly
    (b"1.0", b"1", True),
    (b"1e3", b"1000.000001", True),
    (b"nan", b"nan", True),                        # equal as text
    (b"inf", b"1e308", False),
    (b"3", b"3 4", False),
    (b"", b"", True),
    (b"007", b"7", True),
    (b"-0", b"0", True),
    (b"0x10", b"16", False),
])
def test_tokens_default_rule(output, answer, equal):
    assert compare_tokens(output, answer) is equal


def test_tokens_options():
    assert not compare_tokens(b"YES", b"yes", case_sensitive=True)
    assert not compare_tokens(b"0.5000001", b"0.5", abs_tol=None, rel_tol=None)
    assert compare_tokens(b"0.5001", b"0.5", abs_tol=1e-3, rel_tol=None)
    assert not compare_tokens(b"100.5", b"100", abs_tol=1e-3, rel_tol=None)
    assert compare_tokens(b"100.05", b"100", abs_tol=None, rel_tol=1e-3)


def test_numbers_close_edges():
    assert numbers_close(1.0, 1.0, None, None)
    assert not numbers_close(float("nan"), float("nan"), 1, 1)
    assert numbers_close(1e-9, 0.0, 1e-6, None)
    assert not numbers_close(1e-9, 0.0, None, 1e-6)  # relative to zero is zero


def test_compare_follows_the_checker():
    assert compare(Checker(CheckerKind.EXACT), b"a\n", b"a")
    assert not compare(Checker(CheckerKind.EXACT), b"A", b"a")
    assert compare(Checker(), b"A", b"a")
    assert not compare(Checker(case_sensitive=True), b"A", b"a")
    with pytest.raises(ValueError):
        from problems import Language, Solution
        compare(Checker(CheckerKind.CUSTOM, program=Solution(Language.PYTHON3, "")), b"", b"")


def test_first_difference_explains():
    assert first_difference(b"1 2 3", b"1 5 3") == "token 2: expected '5', got '2'"
    assert first_difference(b"1 2", b"1 2 3") == "expected 3 tokens, got 2"


tokens = st.lists(st.text(alphabet="abcXYZ019.-", min_size=1, max_size=6), max_size=8)


@given(tokens, st.sampled_from([" ", "\n", "\t", "  \n"]))
def test_tokens_ignore_whitespace_layout(words, separator):
    answer = " ".join(words).encode()
    output = separator.join(words).encode() + b"\n"
    assert compare_tokens(output, answer)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_a_float_printed_to_nine_places_is_accepted(value):
    expected = repr(value) if "." in repr(value) else f"{value:.1f}"
    assert compare_tokens(f"{value:.9f}".encode(), expected.encode())
