"""Vermont: Rule CP 104 (creditors and collectors, consumer debts); 2009 S.B. 26 (card holders)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-VT"

# Tuesday 2026-06-16 in Burlington (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"
told_not_at_work = [event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)]
represented_d1 = [event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D1"])]

EDGES = [
    Edge(
        "us-vt.contact-hours",
        denied=request("VT", "2026-06-16T08:00:00-04:00", role="first_party"),
        allowed=request("VT", "2026-06-16T08:01:00-04:00", role="first_party"),
        why="a creditor's own call at 08:00 is 'between 9 p.m. and 8 a.m.' read inclusively",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-vt.contact-hours",
        denied=request("VT", "2026-06-16T21:00:00-04:00", role="first_party", channel="email"),
        allowed=request("VT", "2026-06-16T20:59:00-04:00", role="first_party", channel="email"),
        why="21:00 is barred, 20:59 is not",
        next_allowed_at="2026-06-17T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-vt.workplace-after-request",
        denied=request("VT", TUE_10, role="first_party", place="work", events=told_not_at_work),
        allowed=request("VT", TUE_10, role="first_party", place="home", events=told_not_at_work),
        why="an oral request bars calls at work for good, not calls at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-vt.workplace-after-request",
        denied=request("VT", TUE_10, place="work", events=told_not_at_work),
        allowed=request("VT", TUE_10, place="work"),
        why="a collector's call at work after being told orally vs without such a request",
        next_allowed_at=None,
    ),
    Edge(
        "us-vt.represented-card-holder",
        denied=request("VT", TUE_10, role="first_party", events=represented_d1),
        allowed=request("VT", TUE_10, role="first_party", debt_type="other", events=represented_d1),
        why="a card issuer contacting its represented card holder vs a non-card creditor",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_rule_104_is_not_applied_before_its_earliest_supported_date(engine: Engine) -> None:
    """The hours rule starts on 2024-08-01 in this file (adoption date not found)."""
    decision = engine.evaluate(request("VT", "2024-06-18T08:00:00-04:00", role="first_party"))
    outcomes = {entry.rule_id: entry.outcome for entry in decision.evaluated}
    assert outcomes.get("us-vt.contact-hours") in (None, "not_applicable")
