"""Alabama: no debt-collection contact rules beyond federal law (a reviewed fact)."""

from __future__ import annotations

from _edges import Edge, assert_same_as_federal

from contactrules import Engine

JURISDICTION = "US-AL"

NOT_STRICTER_BECAUSE = (
    "Alabama has no debt-collection contact rule beyond federal law (rules: []); "
    "Ala. Code 40-12-80 is only a license tax."
)

EDGES: list[Edge] = []


def test_decides_as_federal_law_alone(engine: Engine, federal: Engine) -> None:
    """Reviewed as adding nothing: each federal edge is decided as federal law alone decides it."""
    assert_same_as_federal(engine, federal, "AL")


def test_reviewed_with_no_rules(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-AL") and not engine.rules("US-AL")
