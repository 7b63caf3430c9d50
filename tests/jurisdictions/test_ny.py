"""New York State: 23 NYCRR 1.6 (email consent for collectors and debt buyers)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-NY"

# A consumer in Buffalo (outside New York City), Eastern time, UTC-4 on Tuesday 2026-06-16.
BUFFALO = {"postal_code": "14201", "city": "Buffalo", "phone": "+17165550142"}
TUE_10 = "2026-06-16T10:00:00-04:00"
EMAIL = "pat@example.com"


def consent(debt_id: str) -> dict:
    return event(
        "consent", "2026-06-01T10:00:00-04:00", kind="email", email=EMAIL, debt_ids=[debt_id]
    )


EDGES = [
    Edge(
        "us-ny.email-consent",
        denied=request("NY", TUE_10, channel="email", **BUFFALO),
        allowed=request("NY", TUE_10, channel="email", events=[consent("D1")], **BUFFALO),
        why="a collector's email to a personal address without written consent vs with it",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny.email-consent",
        denied=request("NY", TUE_10, channel="email", events=[consent("D2")], **BUFFALO),
        allowed=request("NY", TUE_10, channel="email", events=[consent("D1")], **BUFFALO),
        why="consent is for a specific debt: consent about another debt does not cover this one",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_creditors_are_outside_part_1(engine: Engine) -> None:
    """23 NYCRR Part 1 binds third-party collectors and debt buyers only."""
    decision = engine.evaluate(
        request("NY", TUE_10, role="first_party", channel="email", **BUFFALO)
    )
    assert decision.allowed, decision.violations


def test_buffalo_consumer_gets_state_rules_only(engine: Engine) -> None:
    decision = engine.evaluate(request("NY", TUE_10, channel="email", **BUFFALO))
    assert "US-NY" in decision.jurisdictions and "US-NY-NYC" not in decision.jurisdictions
