"""Florida: Consumer Collection Practices Act, Fla. Stat. 559.72 (binds creditors too)."""

from __future__ import annotations

from typing import Any

import pytest
from _edges import Edge, check_edge, edge_ids, event, own_rules, request, violations

from contactrules import Engine

JURISDICTION = "US-FL"

# Tuesday 2026-06-16 in Miami (EDT, UTC-4); SAMPLES["FL"] is 33101 with a 305 number.
TUE_10 = "2026-06-16T10:00:00-04:00"
PENSACOLA_PHONE = "+18504330142"  # a Pensacola exchange of area code 850: Central time


def creditor(at: str = TUE_10, **fields: Any) -> dict[str, Any]:
    """A request from an original creditor collecting its own debt (outside federal law)."""
    return request("FL", at, role="first_party", **fields)


def represented(debt_id: str) -> dict[str, Any]:
    return event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=[debt_id])


EDGES = [
    Edge(
        "us-fl.night-communication",
        denied=creditor("2026-06-16T08:00:00-04:00"),
        allowed=creditor("2026-06-16T08:01:00-04:00"),
        why="a creditor's call at 08:00 vs 08:01: 'between 9 p.m. and 8 a.m.' includes 8:00",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
        name="(17) 08:00 vs 08:01",
    ),
    Edge(
        "us-fl.night-communication",
        denied=request("FL", "2026-06-16T08:00:00-04:00"),
        allowed=request("FL", "2026-06-16T08:01:00-04:00"),
        why="a collector's call at 08:00, which Regulation F allows, vs 08:01",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
        name="(17) collector at 08:00",
    ),
    Edge(
        "us-fl.night-communication",
        denied=creditor("2026-06-16T21:00:00-04:00", channel="sms"),
        allowed=creditor("2026-06-16T20:59:00-04:00", channel="sms"),
        why="a creditor's text at 21:00 vs 20:59; texts stay covered after SB 232",
        next_allowed_at="2026-06-17T12:01:00Z",
        stricter_than_federal=True,
        name="(17) text 21:00 vs 20:59",
    ),
    Edge(
        "us-fl.night-communication",
        denied=creditor("2025-05-15T22:00:00-04:00", channel="email"),
        allowed=creditor("2025-05-16T22:00:00-04:00", channel="email"),
        why="a creditor's e-mail at 22:00 on 2025-05-15 (before SB 232) vs on 2025-05-16 (after); "
        "the rule's earlier version ends at midnight",
        next_allowed_at="2025-05-16T04:00:00Z",
        stricter_than_federal=True,
        name="(17) e-mail 22:00 on 2025-05-15 vs 2025-05-16",
    ),
    Edge(
        "us-fl.night-communication",
        denied=creditor("2026-06-16T09:00:00-04:00", phone=PENSACOLA_PHONE),
        allowed=creditor("2026-06-16T09:01:00-04:00", phone=PENSACOLA_PHONE),
        why="a Miami debtor with a Pensacola (Central) number: 09:00 Eastern is 08:00 in the "
        "presumed zone of the area code; 09:01 Eastern is 08:01 Central",
        next_allowed_at="2026-06-16T13:01:00Z",
        stricter_than_federal=True,
        name="(17) area-code zone 08:00 vs 08:01 Central",
    ),
    Edge(
        "us-fl.employer-before-judgment",
        denied=creditor(recipient="third_party", place="work", phone_type="landline"),
        allowed=creditor(recipient="consumer", place="work", phone_type="landline"),
        why="a creditor's call to the debtor's employer vs to the debtor at work",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-fl.attorney-represented",
        denied=creditor(events=[represented("D1")]),
        allowed=creditor(events=[represented("D2")]),
        why="a creditor's call to a debtor represented for this debt vs for another debt",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_no_florida_rule_is_limited_by_collector_role(engine: Engine) -> None:
    """559.72 binds any 'person': original creditors as well as agencies and debt buyers."""
    rules = own_rules(engine, JURISDICTION)
    assert rules
    assert all(rule.applies_to.collector_roles is None for rule in rules)


def test_business_debts_are_outside(engine: Engine) -> None:
    payload = creditor("2026-06-16T08:00:00-04:00", debt_purpose="business")
    assert engine.evaluate(payload).allowed


def test_email_before_the_amendment_counts_in_every_zone(engine: Engine) -> None:
    """Before SB 232 an e-mail at 07:30 Eastern to a debtor who also lives in Pensacola (Central)
    is checked in both zones."""
    pensacola = {"country": "US", "state": "FL", "postal_code": "32501"}
    payload = creditor("2025-03-04T08:30:00-05:00", channel="email", extra_locations=[pensacola])
    decision = engine.evaluate(payload)
    assert violations(engine, payload) == ["us-fl.night-communication"]
    assert decision.next_allowed_at == "2025-03-04T14:01:00Z"


def test_a_represented_debtors_attorney_may_be_called(engine: Engine) -> None:
    """The bar is on communicating with the debtor; the attorney may be contacted."""
    payload = creditor(recipient="attorney", events=[represented("D1")])
    assert "us-fl.attorney-represented" not in violations(engine, payload)


def test_representation_that_ended_no_longer_blocks(engine: Engine) -> None:
    """The 30-day silence or the attorney's consent is recorded by ending the representation."""
    ended = event(
        "attorney_representation",
        "2026-05-01T10:00:00-04:00",
        debt_ids=["D1"],
        ended_at="2026-06-05T10:00:00-04:00",
    )
    assert engine.evaluate(creditor(events=[ended])).allowed


def test_a_third_party_contact_at_an_unknown_place_is_treated_as_the_employer(
    engine: Engine,
) -> None:
    payload = creditor(recipient="third_party", phone_type="landline")
    assert "us-fl.employer-before-judgment" in violations(engine, payload)
