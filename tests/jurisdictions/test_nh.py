"""New Hampshire: RSA 358-C (low confidence; binds creditors as well as collectors)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-NH"

# Tuesday 2026-06-16 in Amherst (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"

EDGES = [
    Edge(
        "us-nh.calling-hours",
        denied=request("NH", "2026-06-16T07:59:00-04:00", role="first_party"),
        allowed=request("NH", "2026-06-16T08:00:00-04:00", role="first_party"),
        why="a creditor's own call at 07:59 vs 08:00 (federal law does not bind creditors)",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-nh.calling-hours",
        denied=request("NH", "2026-06-16T21:00:00-04:00", role="first_party"),
        allowed=request("NH", "2026-06-16T20:59:00-04:00", role="first_party"),
        why="a creditor's own call at 21:00 vs 20:59",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-nh.workplace-employer-prohibits",
        denied=request(
            "NH",
            TUE_10,
            role="first_party",
            place="work",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        allowed=request(
            "NH",
            TUE_10,
            role="first_party",
            place="home",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="a creditor calling at work the employer forbids vs at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
