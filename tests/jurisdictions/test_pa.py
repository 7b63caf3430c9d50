"""Pennsylvania: Fair Credit Extension Uniformity Act, 73 P.S. 2270.4(b) (creditors)."""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-PA"

# Tuesday 2026-06-16 in Aliquippa (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"
REPRESENTED = "2026-06-01T10:00:00-04:00"

EDGES = [
    Edge(
        "us-pa.creditor-time-of-day",
        denied=request("PA", "2026-06-16T07:59:00-04:00", role="first_party"),
        allowed=request("PA", "2026-06-16T08:00:00-04:00", role="first_party"),
        why="a creditor's own call at 07:59 vs 08:00 (federal law does not bind creditors)",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-pa.creditor-time-of-day",
        denied=request("PA", "2026-06-16T21:00:00-04:00", role="first_party", channel="sms"),
        allowed=request("PA", "2026-06-16T20:59:00-04:00", role="first_party", channel="sms"),
        why="a creditor's text at 21:00 is outside, at 20:59 inside; next opening 08:00 on 06-17",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-pa.creditor-attorney-represented",
        denied=request(
            "PA",
            TUE_10,
            role="first_party",
            events=[event("attorney_representation", REPRESENTED, debt_ids=["D1"])],
        ),
        allowed=request(
            "PA",
            TUE_10,
            role="first_party",
            events=[event("attorney_representation", REPRESENTED, debt_ids=["D2"])],
        ),
        why="a creditor may not call about a debt the consumer's attorney handles; "
        "another debt is fine",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-pa.creditor-employer-prohibits",
        denied=request(
            "PA",
            TUE_10,
            role="first_party",
            place="work",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        allowed=request(
            "PA",
            TUE_10,
            role="first_party",
            place="home",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="once the creditor knows the employer objects, no calls at work; "
        "calls at home are fine",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-pa.creditor-cease-communication",
        denied=request(
            "PA",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=True)],
        ),
        allowed=request(
            "PA",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="a written cease request binds the creditor; an oral one does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-pa.creditor-cease-communication",
        denied=request(
            "PA",
            TUE_10,
            role="first_party",
            channel="email",
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-04:00", written=True)],
        ),
        allowed=request(
            "PA",
            TUE_10,
            role="first_party",
            channel="email",
            purpose="cease_acknowledgement",
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-04:00", written=True)],
        ),
        why="after a written refusal to pay the creditor may only write to say it stops",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-pa.creditor-conversation-once-a-week",
        denied=request(
            "PA",
            TUE_10,
            role="first_party",
            events=[call("2026-06-10T10:00:00-04:00", outcome="conversation")],
        ),
        allowed=request(
            "PA",
            TUE_10,
            role="first_party",
            events=[call("2026-06-09T10:00:00-04:00", outcome="conversation")],
        ),
        why="a conversation on 06-10 (day 1) makes calls through 06-16 (day 7) warn; one on "
        "06-09 did so through 06-15; neither is denied (the statute gives no number)",
        warns=True,
    ),
    Edge(
        "us-pa.creditor-medium-opt-out",
        denied=request(
            "PA",
            TUE_10,
            role="first_party",
            channel="sms",
            events=[event("opt_out", "2026-06-01T10:00:00-04:00", channel="sms")],
        ),
        allowed=request(
            "PA",
            TUE_10,
            role="first_party",
            channel="call",
            events=[event("opt_out", "2026-06-01T10:00:00-04:00", channel="sms")],
        ),
        why="a creditor told to stop texting may not text, but may still call",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_third_party_collectors_are_left_to_federal_rules(engine: Engine) -> None:
    """2270.4(b) binds creditors; debt collectors answer through 2270.4(a), i.e. the FDCPA."""
    decision = engine.evaluate(request("PA", "2026-06-16T07:59:00-04:00"))
    violated = [v.rule_id for v in decision.violations]
    assert "us.regf.time-of-day" in violated
    assert not [rule for rule in violated if rule.startswith("us-pa.")]
