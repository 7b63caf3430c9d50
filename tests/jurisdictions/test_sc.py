"""South Carolina: Consumer Protection Code, unconscionable debt collection (S.C. Code 37-5-108)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-SC"

# Tuesday 2026-11-24 in Alcolu (Eastern Standard Time, UTC-5): the rules are encoded from
# the review date 2026-11-22, the earliest date the sources seen support.
TUE_10 = "2026-11-24T10:00:00-05:00"
EMPLOYER_OBJECTS = [event("no_work_contact", "2026-11-23T10:00:00-05:00")]

EDGES = [
    Edge(
        "us-sc.unusual-hours",
        denied=request("SC", "2026-11-24T07:59:00-05:00", role="first_party"),
        allowed=request("SC", "2026-11-24T08:00:00-05:00", role="first_party"),
        why="a creditor's call at 07:59 vs 08:00 (low-confidence reading of 'unusual hours')",
        next_allowed_at="2026-11-24T13:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-sc.unusual-hours",
        denied=request("SC", "2026-11-24T21:00:00-05:00", role="first_party", channel="email"),
        allowed=request("SC", "2026-11-24T20:59:00-05:00", role="first_party", channel="email"),
        why="a creditor's email at 21:00 vs 20:59",
        next_allowed_at="2026-11-25T13:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-sc.workplace-prohibited",
        denied=request("SC", TUE_10, role="first_party", place="work", events=EMPLOYER_OBJECTS),
        allowed=request("SC", TUE_10, role="first_party", place="home", events=EMPLOYER_OBJECTS),
        why="a creditor that knows contact at work is prohibited may still call home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_not_applied_before_the_supported_date(engine: Engine) -> None:
    """No effective date earlier than the review date could be supported from the sources."""
    decision = engine.evaluate(request("SC", "2026-06-16T07:59:00-04:00", role="first_party"))
    assert decision.allowed, decision.violations
