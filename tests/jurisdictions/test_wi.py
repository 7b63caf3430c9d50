"""Wisconsin: Wis. Admin. Code DFI-Bkg 74.16 (licensed collection agencies, any kind of debt)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-WI"

# Tuesday 2026-06-16 in Adell (Central, UTC-5).
TUE_10 = "2026-06-16T10:00:00-05:00"
oral_stop = [event("cease_request", "2026-06-01T10:00:00-05:00", written=False)]

EDGES = [
    Edge(
        "us-wi.no-calls-after-stop-request",
        denied=request("WI", TUE_10, events=oral_stop),
        allowed=request("WI", TUE_10, channel="letter", events=oral_stop),
        why="an oral stop request bars an agency's calls (not federally) but not its letters",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-wi.no-calls-after-stop-request",
        denied=request(
            "WI",
            TUE_10,
            debt_id="D2",
            events=[
                event("cease_request", "2026-06-01T10:00:00-05:00", written=False, debt_ids=["D1"])
            ],
        ),
        allowed=request("WI", TUE_10, debt_id="D2"),
        why="a request naming D1 also stops calls about D2 (conservative reading)",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-wi.no-calls-after-stop-request",
        denied=request("WI", TUE_10, debt_purpose="business", events=oral_stop),
        allowed=request(
            "WI", TUE_10, debt_purpose="business", role="first_party", events=oral_stop
        ),
        why="a business debt is covered for a licensed agency; a creditor is not a licensee",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
