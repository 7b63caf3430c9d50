"""South Dakota: no debt-collection contact rules beyond federal law (a reviewed fact)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids

from contactrules import Engine

JURISDICTION = "US-SD"

NOT_STRICTER_BECAUSE = (
    "South Dakota has no debt-collection contact rule beyond federal law (rules: [])."
)

EDGES: list[Edge] = []


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_reviewed_with_no_rules(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-SD") and not engine.rules("US-SD")
