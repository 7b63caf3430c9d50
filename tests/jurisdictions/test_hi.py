"""Hawaii: installment lenders' collection contacts (HRS 480J-10); otherwise federal law."""

from __future__ import annotations

from typing import Any

import pytest
from _edges import Edge, check_edge, edge_ids, request

from contactrules import Engine

JURISDICTION = "US-HI"

# Tuesday 2026-06-16 in Honolulu (Hawaii-Aleutian Standard Time, UTC-10, no daylight time).
TUE_10 = "2026-06-16T10:00:00-10:00"
NIGHT_RULE = "us-hi.installment-lender-night-at-residence"
VISIT_RULE = "us-hi.installment-lender-no-visits"


def loan(at: str, **fields: Any) -> dict[str, Any]:
    """A contact about a consumer debt of type other (what an installment loan is recorded as)."""
    fields.setdefault("debt_type", "other")
    return request("HI", at, **fields)


EDGES = [
    Edge(
        NIGHT_RULE,
        denied=loan("2026-06-16T21:00:00-10:00", role="first_party", place="home"),
        allowed=loan("2026-06-16T20:59:00-10:00", role="first_party", place="home"),
        why="a lender's call home at 21:00 is inside 'between 9:00 p.m. and 8:00 a.m.', 20:59 is "
        "not; the next call may go at 08:01 on 06-17",
        next_allowed_at="2026-06-17T18:01:00Z",
        stricter_than_federal=True,
        name="480J-10(c)(3) 21:00 vs 20:59",
    ),
    Edge(
        NIGHT_RULE,
        denied=loan("2026-06-16T08:00:00-10:00", place="home"),
        allowed=loan("2026-06-16T08:01:00-10:00", place="home"),
        why="both named ends are barred: 08:00 is inside the span (Regulation F allows it), 08:01 "
        "is the first allowed minute",
        next_allowed_at="2026-06-16T18:01:00Z",
        stricter_than_federal=True,
        name="480J-10(c)(3) 08:00 vs 08:01",
    ),
    Edge(
        NIGHT_RULE,
        denied=loan("2026-06-16T22:00:00-10:00", role="first_party", channel="sms"),
        allowed=loan("2026-06-16T22:00:00-10:00", role="first_party", channel="sms", place="work"),
        why="a text with no recorded place may reach the consumer at home; one known to reach "
        "the consumer at work is not at the residence",
        next_allowed_at="2026-06-17T18:01:00Z",
        stricter_than_federal=True,
        name="480J-10(c)(3) unknown place vs work",
    ),
    Edge(
        NIGHT_RULE,
        denied=loan("2026-06-16T21:00:00-10:00", role="first_party", place="home"),
        allowed=loan(
            "2026-06-16T21:00:00-10:00", role="first_party", place="home", debt_type="credit_card"
        ),
        why="an installment loan can only be a debt of type other; a credit-card debt is not one",
        next_allowed_at="2026-06-17T18:01:00Z",
        stricter_than_federal=True,
        name="480J-10(c)(3) type other vs credit card",
    ),
    Edge(
        VISIT_RULE,
        denied=loan(TUE_10, role="first_party", channel="in_person", place="home"),
        allowed=loan(TUE_10, role="first_party", channel="in_person", place="other"),
        why="a lender may not visit the residence to collect; a meeting elsewhere is not barred",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="480J-10(b) residence vs elsewhere",
    ),
    Edge(
        VISIT_RULE,
        denied=loan(TUE_10, channel="in_person", place="work"),
        allowed=loan(TUE_10, channel="in_person", place="work", debt_type="credit_card"),
        why="no workplace visit about a loan of type other; federal law does not bar visits at "
        "work as such",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="480J-10(b) workplace, type other vs credit card",
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_hours_are_hawaii_aleutian_standard_time(engine: Engine) -> None:
    """The span is fixed to Hawaii time: 20:59 HST is 06:59 UTC the next day and allowed."""
    decision = engine.evaluate(loan("2026-06-17T06:59:00Z", role="first_party", place="home"))
    assert decision.allowed
    late = engine.evaluate(loan("2026-06-17T07:00:00Z", role="first_party", place="home"))
    assert NIGHT_RULE in [v.rule_id for v in late.violations]


def test_other_debts_decide_as_federal_law(engine: Engine, federal: Engine) -> None:
    """Outside installment loans (a credit-card debt) nothing is added to federal law."""
    for clock in ("07:59", "08:00", "20:59", "21:00"):
        for channel in ("call", "in_person"):
            payload = request("HI", f"2026-06-16T{clock}:00-10:00", channel=channel, place="home")
            ours, theirs = engine.evaluate(payload), federal.evaluate(payload)
            assert (ours.allowed, ours.next_allowed_at) == (theirs.allowed, theirs.next_allowed_at)
