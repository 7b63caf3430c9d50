"""Delaware: reviewed, no contact rules beyond federal law (rules: [])."""

from __future__ import annotations

from _edges import Edge, assert_same_as_federal

from contactrules import Engine

JURISDICTION = "US-DE"

NOT_STRICTER_BECAUSE = (
    "Delaware has no debt-collection contact statute or regulation beyond federal law "
    "(rules: []); the 'Delaware FDCPA' of some web summaries cites no Delaware Code section."
)

EDGES: list[Edge] = []


def test_decides_as_federal_law_alone(engine: Engine, federal: Engine) -> None:
    """Reviewed as adding nothing: each federal edge is decided as federal law alone decides it."""
    assert_same_as_federal(engine, federal, "DE")


def test_reviewed_with_no_rules(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-DE") and not engine.rules("US-DE")
