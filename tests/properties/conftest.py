"""The property suite's engine: the bundled law, plus the overlays named in
CONTACTRULES_OVERLAYS (paths separated by the OS path separator), so that an organisation can run
this regression suite against its own policy rulesets (docs/testing.md)."""

from __future__ import annotations

import os

import pytest

from contactrules import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    overlays = [p for p in os.environ.get("CONTACTRULES_OVERLAYS", "").split(os.pathsep) if p]
    return Engine.load(overlays)
