"""The tokenizer gives every source file back exactly: indentation, blank lines, tabs, trailing spaces, unicode."""

from __future__ import annotations

from pathlib import Path

import pytest

from problems import BUNDLED_DIR
from tests.conftest import python_stdlib_files


def cpp_corpus() -> list[Path]:
    headers = sorted(p for p in Path("/usr/include/c++").rglob("*") if p.is_file())
    return headers + sorted(BUNDLED_DIR.rglob("*.cpp"))


def test_round_trips_every_file_of_the_corpus(tokenizer):
    files = python_stdlib_files() + cpp_corpus()
    assert len(files) > 500
    checked, failures = 0, []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # not text: a few test fixtures in the standard library are deliberately mis-encoded
        checked += 1
        if tokenizer.decode(tokenizer.encode(text)) != text:
            failures.append(str(path))
    print(f"round-tripped {checked} files exactly")
    assert not failures, failures[:5]


@pytest.mark.parametrize("text", [
    "def f(x):\n\tif x:   \n\n\n        return x  \n",
    "  leading and trailing  \r\n\r\n",
    "ünïcödé, 中文, emoji 🙂, and the metaspace ▁ itself, and \ue07e the escape",
    "",
    "\n\n\n",
    "#include <bits/stdc++.h>\nint main(){std::cout<<\"\\t\";}\n",
])
def test_round_trip_edge_cases(tokenizer, text):
    assert tokenizer.decode(tokenizer.encode(text)) == text


def test_special_tokens(tokenizer):
    assert (tokenizer.pad_id, tokenizer.unk_id, tokenizer.bos_id, tokenizer.eos_id) == (0, 1, 2, 3)
    assert len(set(tokenizer.control.values())) == len(tokenizer.control)
    assert tokenizer.decode([tokenizer.control["<rating>"], *tokenizer.encode("x"), tokenizer.eos_id]) == "x"
    assert tokenizer.control["<rating>"] not in tokenizer.encode("<rating>")  # text never produces control tokens


def test_code_compresses(tokenizer):
    text = "".join(p.read_text(encoding="utf-8") for p in python_stdlib_files()[1:40:3])
    assert len(tokenizer.encode(text)) < len(text) / 2
