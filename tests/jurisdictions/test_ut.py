"""Utah: no state collection conduct law (Title 12 registration repealed 2023)."""

from __future__ import annotations

from _edges import Edge, assert_same_as_federal

from contactrules import Engine

JURISDICTION = "US-UT"

EDGES: list[Edge] = []


def test_decides_as_federal_law_alone(engine: Engine, federal: Engine) -> None:
    """Reviewed as adding nothing: each federal edge is decided as federal law alone decides it."""
    assert_same_as_federal(engine, federal, "UT")


def test_reviewed_with_no_rules_beyond_federal_law(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-UT") and not engine.rules("US-UT")
