"""Nevada: NRS 649.366 medical-debt notice period (approximated as no collection contact)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, request

from contactrules import Engine

JURISDICTION = "US-NV"

# Tuesday 2026-06-16 in Las Vegas (Pacific, UTC-7).
TUE_10 = "2026-06-16T10:00:00-07:00"

EDGES = [
    Edge(
        "us-nv.medical-debt-notice-period",
        denied=request("NV", TUE_10, debt_type="medical"),
        allowed=request("NV", TUE_10, debt_type="credit_card"),
        why="a collection agency's call about a medical debt vs about a credit card debt",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-nv.medical-debt-notice-period",
        denied=request("NV", TUE_10, channel="letter", debt_type="medical"),
        allowed=request("NV", TUE_10, channel="letter", debt_type="medical", role="first_party"),
        why="an agency's letter about a medical debt vs the provider's own (outside chapter 649)",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
