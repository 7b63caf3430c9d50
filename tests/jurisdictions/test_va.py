"""Virginia: no state fair debt collection act."""

from __future__ import annotations

from _edges import Edge, assert_same_as_federal

from contactrules import Engine

JURISDICTION = "US-VA"

EDGES: list[Edge] = []


def test_decides_as_federal_law_alone(engine: Engine, federal: Engine) -> None:
    """Reviewed as adding nothing: each federal edge is decided as federal law alone decides it."""
    assert_same_as_federal(engine, federal, "VA")


def test_reviewed_with_no_rules_beyond_federal_law(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-VA") and not engine.rules("US-VA")
