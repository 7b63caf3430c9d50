"""New Jersey: Medical Debt Relief Act waiting rule (approximated as no collection contact)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, request

from contactrules import Engine

JURISDICTION = "US-NJ"

# Tuesday 2026-06-16 in Avenel (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"

EDGES = [
    Edge(
        "us-nj.medical-debt-collection-wait",
        denied=request("NJ", TUE_10, role="first_party", debt_type="medical"),
        allowed=request("NJ", TUE_10, role="first_party", debt_type="credit_card"),
        why="a medical creditor's own collection call vs a card issuer's",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-nj.medical-debt-collection-wait",
        denied=request("NJ", TUE_10, channel="letter", debt_type="medical"),
        allowed=request(
            "NJ", TUE_10, channel="letter", debt_type="medical", purpose="cease_acknowledgement"
        ),
        why="a collector's collection letter on a medical debt vs a letter acknowledging a cease",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
