"""Minnesota: reviewed, no contact rules beyond federal law (rules: [])."""

from __future__ import annotations

from _edges import Edge, assert_same_as_federal

from contactrules import Engine

JURISDICTION = "US-MN"

EDGES: list[Edge] = []


def test_decides_as_federal_law_alone(engine: Engine, federal: Engine) -> None:
    """Reviewed as adding nothing: each federal edge is decided as federal law alone decides it."""
    assert_same_as_federal(engine, federal, "MN")


def test_loaded_without_rules(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-MN") and not engine.rules("US-MN")
