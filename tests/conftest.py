"""Shared fixtures: where the repository and the shared data live, and skips for what a machine lacks."""

from __future__ import annotations

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
