"""Wyoming: Collection Agency Act (no contact rules found beyond federal law)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids

from contactrules import Engine

JURISDICTION = "US-WY"

EDGES: list[Edge] = []


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_reviewed_with_no_rules_beyond_federal_law(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-WY") and not engine.rules("US-WY")
