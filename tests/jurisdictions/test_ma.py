"""Massachusetts: 940 CMR 7.00 (creditors and collectors), 209 CMR 18.00 (licensed collectors)."""

from __future__ import annotations

from typing import Any

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-MA"

# Tuesday 2026-06-16 in Cambridge (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"
two_calls_this_week = [call("2026-06-10T10:00:00-04:00"), call("2026-06-12T10:00:00-04:00")]
two_calls_last_week = [call("2026-06-09T10:00:00-04:00"), call("2026-06-12T10:00:00-04:00")]


def home_visit(clock: str, role: str = "third_party") -> dict[str, Any]:
    """A visit to the household on Tuesday 2026-06-16 at ``clock`` Eastern."""
    return request(
        "MA", f"2026-06-16T{clock}:00-04:00", role=role, channel="in_person", place="home"
    )


EDGES = [
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=request("MA", TUE_10, role="first_party", place="home", events=two_calls_this_week),
        allowed=request("MA", TUE_10, role="first_party", place="home", events=two_calls_last_week),
        why="third call in the seven days of 24 hours before 06-16 10:00 vs the 06-09 10:00 call "
        "lying exactly seven days back (outside); the next call may go when the 06-10 call leaves "
        "the period, at 10:00 on 06-17",
        next_allowed_at="2026-06-17T14:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=request(
            "MA",
            TUE_10,
            channel="sms",
            role="first_party",
            place="home",
            events=[
                call("2026-06-15T10:00:00-04:00", channel="sms", outcome="delivered"),
                call("2026-06-16T09:00:00-04:00", outcome="no_answer", place="home"),
            ],
        ),
        allowed=request(
            "MA",
            TUE_10,
            channel="sms",
            role="first_party",
            place="home",
            events=[
                call("2026-06-15T10:00:00-04:00", channel="sms", outcome="delivered"),
                call("2026-06-16T09:00:00-04:00", direction="inbound", outcome="conversation"),
            ],
        ),
        why="texts and unanswered calls count (Armata v. Target); calls the debtor made do not",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.other-number-two-per-month",
        denied=request(
            "MA",
            TUE_10,
            role="first_party",
            place="work",
            phone_type="landline",
            events=[
                call("2026-05-18T10:00:00-04:00", place="work"),
                call("2026-06-01T10:00:00-04:00", place="work"),
            ],
        ),
        allowed=request(
            "MA",
            TUE_10,
            role="first_party",
            place="work",
            phone_type="landline",
            events=[
                call("2026-05-17T10:00:00-04:00", place="work"),
                call("2026-06-01T10:00:00-04:00", place="work"),
            ],
        ),
        why="the 30 days of 24 hours before 06-16 10:00 hold two work calls; a call at 05-17 "
        "10:00, exactly 30 days back, is outside; the next call may go at 10:00 on 06-17",
        next_allowed_at="2026-06-17T14:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.home-or-cell-two-per-week",
        denied=request("MA", TUE_10, place="home", events=two_calls_this_week),
        allowed=request("MA", TUE_10, place="home", events=two_calls_last_week),
        why="licensed collector: third call in seven days vs the first one leaving the period",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.elsewhere-two-per-month",
        denied=request(
            "MA",
            TUE_10,
            place="work",
            phone_type="landline",
            events=[
                call("2026-05-18T10:00:00-04:00", place="work"),
                call("2026-06-01T10:00:00-04:00", place="work"),
            ],
        ),
        allowed=request(
            "MA",
            TUE_10,
            place="work",
            phone_type="landline",
            events=[call("2026-06-01T10:00:00-04:00", place="work")],
        ),
        why="two work calls in 30 days already vs one",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.waking-hours",
        denied=request("MA", "2026-06-16T08:00:00-04:00", role="first_party"),
        allowed=request("MA", "2026-06-16T08:01:00-04:00", role="first_party"),
        why="a creditor's own call at 08:00 vs 08:01: 'between 8:00 A.M. and 9:00 P.M.' read "
        "strictly (federal law does not bind creditors)",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.waking-hours",
        denied=request("MA", "2026-06-16T21:00:00-04:00", role="first_party", channel="sms"),
        allowed=request("MA", "2026-06-16T20:59:00-04:00", role="first_party", channel="sms"),
        why="21:00 is outside, 20:59 inside",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.convenient-time",
        denied=request("MA", "2026-06-16T07:59:00-04:00", channel="email"),
        allowed=request("MA", "2026-06-16T08:00:00-04:00", channel="email"),
        why="licensed collector's email at 07:59 vs 08:00: 'after 8:00 A.M.' read as in Reg F",
        next_allowed_at="2026-06-16T12:00:00Z",
    ),
    Edge(
        "us-ma.209cmr.visit-hours",
        denied=home_visit("08:00"),
        allowed=home_visit("08:01"),
        why="a licensed collector's household visit at 08:00 vs 08:01: 'other than between 8:00 "
        "A.M. and 9:00 P.M.' excludes both ends (the general 18.16(1)(a) hours allow 08:00)",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.visit-hours",
        denied=home_visit("21:00"),
        allowed=home_visit("20:59"),
        why="a household visit at 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T12:01:00Z",
    ),
    Edge(
        "us-ma.940cmr.visit-hours",
        denied=home_visit("08:00", role="first_party"),
        allowed=home_visit("08:01", role="first_party"),
        why="a creditor's own household visit at 08:00 vs 08:01 (no federal rule binds it)",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.visit-hours",
        denied=home_visit("21:00", role="first_party"),
        allowed=home_visit("20:59", role="first_party"),
        why="a creditor's household visit at 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.workplace-request-written",
        denied=request(
            "MA",
            TUE_10,
            role="first_party",
            place="work",
            events=[event("no_work_contact", "2026-01-05T10:00:00-05:00", written=True)],
        ),
        allowed=request(
            "MA",
            TUE_10,
            role="first_party",
            place="home",
            events=[event("no_work_contact", "2026-01-05T10:00:00-05:00", written=True)],
        ),
        why="a written request bars calls at work for good, not calls at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.workplace-request-oral",
        denied=request(
            "MA",
            TUE_10,
            role="first_party",
            place="work",
            events=[event("no_work_contact", "2026-06-06T15:00:00-04:00", written=False)],
        ),
        allowed=request(
            "MA",
            TUE_10,
            role="first_party",
            place="work",
            events=[event("no_work_contact", "2026-06-05T15:00:00-04:00", written=False)],
        ),
        why="an oral request on 06-06 covers 06-07..06-16; one on 06-05 lapsed at the end of 06-15",
        next_allowed_at="2026-06-17T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.employer-prohibits",
        denied=request(
            "MA",
            TUE_10,
            place="work",
            events=[event("no_work_contact", "2026-06-05T15:00:00-04:00", written=False)],
        ),
        allowed=request(
            "MA",
            TUE_10,
            place="home",
            events=[event("no_work_contact", "2026-06-05T15:00:00-04:00", written=False)],
        ),
        why="a licensed collector told not to contact at work may still call home",
        next_allowed_at=None,
    ),
    Edge(
        "us-ma.209cmr.one-visit-per-month",
        denied=request(
            "MA",
            TUE_10,
            channel="in_person",
            place="home",
            events=[call("2026-05-17T10:01:00-04:00", channel="in_person", outcome="conversation")],
        ),
        allowed=request(
            "MA",
            TUE_10,
            channel="in_person",
            place="home",
            events=[call("2026-05-17T10:00:00-04:00", channel="in_person", outcome="conversation")],
        ),
        why="a visit at 05-17 10:01 is inside the 30 days of 24 hours before 06-16 10:00; one at "
        "10:00, exactly 30 days back, is not",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.no-workplace-visits",
        denied=request("MA", TUE_10, channel="in_person", place="work"),
        allowed=request("MA", TUE_10, channel="in_person", place="home"),
        why="visits at work are banned, visits at home are not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.attorney-represented",
        denied=request(
            "MA",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "MA",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D2"])],
        ),
        why="representation on this debt vs on another one",
        next_allowed_at=None,
    ),
    Edge(
        "us-ma.209cmr.cease-communication",
        denied=request(
            "MA", TUE_10, events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=True)]
        ),
        allowed=request(
            "MA",
            TUE_10,
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="a written cease request stops collection; an oral one does not",
        next_allowed_at=None,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_unknown_place_is_capped_as_home_and_as_work(engine: Engine) -> None:
    """An unknown place may be work: the 30-day cap applies too (940 CMR 7.04(1)(f))."""
    decision = engine.evaluate(
        request("MA", TUE_10, role="first_party", events=two_calls_last_week)
    )
    assert "us-ma.940cmr.other-number-two-per-month" in [v.rule_id for v in decision.violations]


def test_a_consumer_with_homes_in_two_states_gets_both(engine: Engine) -> None:
    """Every state among the consumer's locations applies (the most restrictive reading)."""
    ny_home = {"country": "US", "state": "NY", "postal_code": "10001"}
    decision = engine.evaluate(
        request(
            "MA", TUE_10, role="first_party", events=two_calls_this_week, extra_locations=[ny_home]
        )
    )
    assert {"US-MA", "US-NY"} <= set(decision.jurisdictions)
    assert "us-ma.940cmr.personal-number-two-per-week" in [v.rule_id for v in decision.violations]
