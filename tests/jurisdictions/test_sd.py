"""South Dakota: no debt-collection contact rules beyond federal law (a reviewed fact)."""

from __future__ import annotations

from _edges import Edge, assert_same_as_federal

from contactrules import Engine

JURISDICTION = "US-SD"

NOT_STRICTER_BECAUSE = (
    "South Dakota has no debt-collection contact rule beyond federal law (rules: [])."
)

EDGES: list[Edge] = []


def test_decides_as_federal_law_alone(engine: Engine, federal: Engine) -> None:
    """Reviewed as adding nothing: each federal edge is decided as federal law alone decides it."""
    assert_same_as_federal(engine, federal, "SD")


def test_reviewed_with_no_rules(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-SD") and not engine.rules("US-SD")
