"""Montana: reviewed, no contact rules beyond federal law (rules: [])."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids

from contactrules import Engine

JURISDICTION = "US-MT"

EDGES: list[Edge] = []


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_loaded_without_rules(engine: Engine) -> None:
    assert engine.has_jurisdiction("US-MT") and not engine.rules("US-MT")
