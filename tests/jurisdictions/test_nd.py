"""North Dakota: no debt-collection contact rules beyond federal law (a reviewed fact)."""

from __future__ import annotations

from _edges import Edge, assert_same_as_federal

from contactrules import Engine

JURISDICTION = "US-ND"

NOT_STRICTER_BECAUSE = (
    "North Dakota has no debt-collection contact rule beyond federal law (rules: [])."
)

EDGES: list[Edge] = []


def test_decides_as_federal_law_alone(engine: Engine, federal: Engine) -> None:
    """Reviewed as adding nothing: each federal edge is decided as federal law alone decides it."""
    assert_same_as_federal(engine, federal, "ND")


def test_reviewed_with_no_rules(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-ND") and not engine.rules("US-ND")
