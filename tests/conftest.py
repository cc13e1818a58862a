"""Shared fixtures: where the repository and the shared data live, and skips for what a machine lacks."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
CODECONTESTS = SHARED_DATA / "codecontests"


@pytest.fixture
def shared_codecontests() -> Path:
    """The CodeContests files beside the project; tests using it skip when a clone has no ../shared."""
    if not (CODECONTESTS / "train300.jsonl").is_file():
        pytest.skip("../shared/data/codecontests is absent")
    return CODECONTESTS


def python_stdlib_files() -> list[Path]:
    """Python's standard library on this machine (without site-packages): a corpus every machine has."""
    import sysconfig

    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(p for p in root.rglob("*.py") if "site-packages" not in p.parts and "dist-packages" not in p.parts)


@pytest.fixture(scope="session")
def tokenizer(tmp_path_factory):
    """A small SentencePiece tokenizer trained here on part of the standard library (a few seconds)."""
    from solver.model.tokenizer import CodeTokenizer, train_tokenizer

    files = python_stdlib_files()[::40]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    texts.append("Read two integers and print their sum. Statement text with ≤ and unicode ✓.")
    directory = tmp_path_factory.mktemp("tokenizer")
    train_tokenizer(texts, directory, vocab_size=1000, threads=2)
    return CodeTokenizer(directory)


@contextmanager
def sandbox_with_own_cache(prefix: str) -> Iterator:
    """A Sandbox whose cache starts empty (compiles are counted from zero) and is removed after; under /tmp, where
    the jail's user can reach it."""
    from sandbox import Sandbox, SandboxConfig

    cache = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        with Sandbox(SandboxConfig(cache_dir=cache)) as box:
            yield box
    finally:
        shutil.rmtree(cache, ignore_errors=True)
