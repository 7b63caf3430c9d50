"""Fixtures for per-jurisdiction tests."""

from __future__ import annotations

import pytest

from contactrules import Engine
from contactrules.ruleset import bundled_root
from helpers import suite_backend


@pytest.fixture(scope="session")
def federal() -> Engine:
    """Federal law alone, to show where a state's rules are stricter."""
    return Engine.from_paths(bundled_root() / "us" / "federal", backend=suite_backend())
