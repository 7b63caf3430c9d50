"""Puerto Rico: Ley 179-1996 / Ley 143-1968 Art. 17(14) (no collection at the workplace)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, request

from contactrules import Engine

JURISDICTION = "US-PR"

# Tuesday 2026-06-16 in San Juan (Atlantic Standard Time, UTC-4, no daylight saving).
TUE_10 = "2026-06-16T10:00:00-04:00"

EDGES = [
    Edge(
        "us-pr.no-collection-at-workplace",
        denied=request("PR", TUE_10, role="first_party", place="work"),
        allowed=request("PR", TUE_10, role="first_party", place="home"),
        why="a call to the debtor at work (creditors included: 'cobrador' not confirmed narrower) "
        "vs at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-pr.no-collection-at-workplace",
        denied=request("PR", TUE_10, channel="in_person", place="work"),
        allowed=request("PR", TUE_10, channel="in_person", place="home"),
        why="a collector's visit at work without express consent vs a visit home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-pr.no-collection-at-workplace",
        denied=request("PR", TUE_10, debt_purpose="business", place="work"),
        allowed=request("PR", TUE_10, debt_purpose="business", place="home"),
        why="the Collection Agencies Act is not limited to consumer debts",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_puerto_rico_has_no_daylight_saving(engine: Engine) -> None:
    """07:59 AST in June is 11:59Z (federal window): the next opening is 12:00Z."""
    decision = engine.evaluate(request("PR", "2026-06-16T07:59:00-04:00", place="home"))
    assert not decision.allowed
    assert decision.next_allowed_at == "2026-06-16T12:00:00Z"
    assert "US-PR" in decision.jurisdictions
