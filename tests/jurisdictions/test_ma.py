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


def cell_call(at: str, **fields: Any) -> dict[str, Any]:
    """A past call to the debtor's cell phone, its place not recorded."""
    return call(at, phone_type="wireless", **fields)


def work_landline_call(at: str) -> dict[str, Any]:
    return call(at, phone_type="landline", place="work")


def creditor(**fields: Any) -> dict[str, Any]:
    """A creditor's own call (or ``channel``) to the debtor on Tuesday 06-16 at 10:00."""
    return request("MA", TUE_10, role="first_party", **fields)


# Two cell calls, both inside the seven days of 24 hours before TUE_10 (the first leaves the
# period at 10:01 on 06-16), and two more than seven but fewer than 30 days back.
two_cell_calls_this_week = [
    cell_call("2026-06-09T10:01:00-04:00"),
    cell_call("2026-06-12T10:00:00-04:00"),
]
two_cell_calls_last_week = [
    cell_call("2026-06-08T10:00:00-04:00"),
    cell_call("2026-06-09T10:00:00-04:00"),
]
two_work_landline_calls = [
    work_landline_call("2026-05-18T10:00:00-04:00"),
    work_landline_call("2026-06-01T10:00:00-04:00"),
]
# The first lies exactly 30 days before TUE_10: outside the 30 days of 24 hours.
two_work_landline_calls_at_the_edge = [
    work_landline_call("2026-05-17T10:00:00-04:00"),
    work_landline_call("2026-06-01T10:00:00-04:00"),
]

EDGES = [
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=creditor(place="home", events=two_calls_this_week),
        allowed=creditor(place="home", events=two_calls_last_week),
        why="third call in the seven days of 24 hours before 06-16 10:00 vs the 06-09 10:00 call "
        "lying exactly seven days back (outside); the next call may go when the 06-10 call leaves "
        "the period, at 10:00 on 06-17",
        next_allowed_at="2026-06-17T14:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=creditor(events=two_cell_calls_this_week),
        allowed=creditor(events=two_cell_calls_last_week),
        why="a cell phone with no recorded place is in the seven-day group only: a third call in "
        "the week is denied until the 06-09 10:01 call leaves it (10:01 on 06-16); with the two "
        "calls eight and seven days back the call is allowed, though both lie within 30 days",
        next_allowed_at="2026-06-16T14:01:00Z",
        stricter_than_federal=True,
        name="7.04(1)(f) cell phone, no place: 3rd call in the week vs 2 in the 30 days",
    ),
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=creditor(
            place="work",
            events=[cell_call(c["at"], place="work") for c in two_cell_calls_this_week],
        ),
        allowed=creditor(
            place="work",
            events=[cell_call(c["at"], place="work") for c in two_cell_calls_last_week],
        ),
        why="a cell phone recorded at work is still the debtor's cellular telephone: capped at two "
        "in seven days (and counted there), not at two in 30",
        next_allowed_at="2026-06-16T14:01:00Z",
        stricter_than_federal=True,
        name="7.04(1)(f) cell phone at work: seven-day group, not 30-day",
    ),
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=creditor(
            events=[
                call("2026-06-10T10:00:00-04:00", phone_type="landline", place="home"),
                cell_call("2026-06-12T10:00:00-04:00"),
            ],
        ),
        allowed=creditor(
            events=[
                work_landline_call("2026-06-10T10:00:00-04:00"),
                cell_call("2026-06-12T10:00:00-04:00"),
            ],
        ),
        why="one limit for the group per debt, not per number: a home landline call and a cell "
        "call add up; a work landline call is in the other group and does not count here",
        next_allowed_at="2026-06-17T14:00:00Z",
        stricter_than_federal=True,
        name="7.04(1)(f) home and cell add up; a work landline does not",
    ),
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=creditor(events=two_cell_calls_this_week),
        allowed=creditor(
            events=[
                *two_cell_calls_this_week[:1],
                cell_call("2026-06-12T10:00:00-04:00", debt_id="D2"),
            ],
        ),
        why="for each debt: a call about another debt does not count",
        next_allowed_at="2026-06-16T14:01:00Z",
        stricter_than_federal=True,
        name="7.04(1)(f) per debt",
    ),
    Edge(
        "us-ma.940cmr.personal-number-two-per-week",
        denied=creditor(
            phone_type="unknown",
            place="work",
            events=[call("2026-06-10T10:00:00-04:00"), call("2026-06-12T10:00:00-04:00")],
        ),
        allowed=creditor(
            phone_type="unknown",
            place="work",
            events=[call("2026-06-12T10:00:00-04:00")],
        ),
        why="a work number of unknown kind may be a cell phone: capped at two in seven days too "
        "(calls whose kind and place were not recorded count); it may also be a work landline, so "
        "the next call waits for the 06-10 call to leave the 30 days as well (10:00 on 07-10)",
        next_allowed_at="2026-07-10T14:00:00Z",
        stricter_than_federal=True,
        name="7.04(1)(f) unknown phone type at work: seven-day group too",
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
        why="texts and unanswered calls count (Armata v. Target); calls the debtor made do not; "
        "the text may go when the 06-15 text leaves the period, at 10:00 on 06-22",
        next_allowed_at="2026-06-22T14:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.other-number-two-per-month",
        denied=creditor(
            place="work",
            phone_type="landline",
            events=two_work_landline_calls,
        ),
        allowed=creditor(
            place="work",
            phone_type="landline",
            events=two_work_landline_calls_at_the_edge,
        ),
        why="the 30 days of 24 hours before 06-16 10:00 hold two work calls; a call at 05-17 "
        "10:00, exactly 30 days back, is outside; the next call may go at 10:00 on 06-17",
        next_allowed_at="2026-06-17T14:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.940cmr.other-number-two-per-month",
        denied=creditor(
            place="work",
            phone_type="unknown",
            events=[call("2026-05-18T10:00:00-04:00"), call("2026-06-01T10:00:00-04:00")],
        ),
        allowed=creditor(
            place="work",
            phone_type="unknown",
            events=[call("2026-05-17T10:00:00-04:00"), call("2026-06-01T10:00:00-04:00")],
        ),
        why="a work number of unknown kind may be a work landline: capped at two in 30 days as "
        "well (05-18 inside, 05-17 10:00 exactly 30 days back outside)",
        next_allowed_at="2026-06-17T14:00:00Z",
        stricter_than_federal=True,
        name="7.04(1)(f) unknown phone type at work: 30-day group too",
    ),
    Edge(
        "us-ma.209cmr.home-or-cell-two-per-week",
        denied=request("MA", TUE_10, place="home", events=two_calls_this_week),
        allowed=request("MA", TUE_10, place="home", events=two_calls_last_week),
        why="licensed collector: third call in seven days vs the 06-09 call lying exactly seven "
        "days back",
        next_allowed_at="2026-06-17T14:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.209cmr.home-or-cell-two-per-week",
        denied=request(
            "MA",
            TUE_10,
            place="work",
            events=[cell_call(c["at"], place="work") for c in two_cell_calls_this_week],
        ),
        allowed=request(
            "MA",
            TUE_10,
            place="work",
            events=[cell_call(c["at"], place="work") for c in two_cell_calls_last_week],
        ),
        why="licensed collector: a cell phone at work is in the residence-or-cell group",
        next_allowed_at="2026-06-16T14:01:00Z",
        stricter_than_federal=True,
        name="18.16(1)(d) cell phone at work: seven-day group, not 30-day",
    ),
    Edge(
        "us-ma.209cmr.elsewhere-two-per-month",
        denied=request(
            "MA", TUE_10, place="work", phone_type="landline", events=two_work_landline_calls
        ),
        allowed=request(
            "MA",
            TUE_10,
            place="work",
            phone_type="landline",
            events=two_work_landline_calls_at_the_edge,
        ),
        why="licensed collector: two work landline calls in the 30 days vs one at exactly 30 "
        "days back",
        next_allowed_at="2026-06-17T14:00:00Z",
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
        why="21:00 is outside, 20:59 inside; the next text may go at 08:01 on 06-17",
        next_allowed_at="2026-06-17T12:01:00Z",
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
        denied=creditor(
            place="work",
            events=[event("no_work_contact", "2026-01-05T10:00:00-05:00", written=True)],
        ),
        allowed=creditor(
            place="home",
            events=[event("no_work_contact", "2026-01-05T10:00:00-05:00", written=True)],
        ),
        why="a written request bars calls at work for good, not calls at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ma.workplace-request-oral",
        denied=creditor(
            place="work",
            events=[event("no_work_contact", "2026-06-06T15:00:00-04:00", written=False)],
        ),
        allowed=creditor(
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
        "10:00, exactly 30 days back, is not; the next visit may be at 10:01 on 06-16",
        next_allowed_at="2026-06-16T14:01:00Z",
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


def rule_outcomes(engine: Engine, payload: dict[str, Any]) -> dict[str, str]:
    return {entry.rule_id: entry.outcome for entry in engine.evaluate(payload).evaluated}


SEVEN_DAY = ("us-ma.940cmr.personal-number-two-per-week", "us-ma.209cmr.home-or-cell-two-per-week")
THIRTY_DAY = ("us-ma.940cmr.other-number-two-per-month", "us-ma.209cmr.elsewhere-two-per-month")


@pytest.mark.parametrize(
    ("phone_type", "place", "seven_day", "thirty_day"),
    [
        ("wireless", None, True, False),  # a cell phone, wherever it is: 7-day group only
        ("wireless", "work", True, False),
        ("landline", "home", True, False),  # the residence: 7-day group only
        ("landline", "work", False, True),  # a work landline: 30-day group only
        ("voip", "work", False, True),
        ("unknown", None, True, True),  # nothing known: both, the conservative reading
        ("unknown", "work", True, True),  # may be a cell phone or a work landline
        ("landline", None, True, True),  # may be the residence or a work line
    ],
)
def test_numbers_are_sorted_by_kind_unknowns_into_both_groups(
    engine: Engine, phone_type: str, place: str | None, seven_day: bool, thirty_day: bool
) -> None:
    """940 CMR 7.04(1)(f) and 209 CMR 18.16(1)(d) group numbers by kind (residence, cellular
    telephone, other); an unknown kind or place is governed by every group it may belong to."""
    for role in ("first_party", "third_party"):
        outcomes = rule_outcomes(
            engine, request("MA", TUE_10, role=role, phone_type=phone_type, place=place)
        )
        for rules, governed in ((SEVEN_DAY, seven_day), (THIRTY_DAY, thirty_day)):
            for rule in rules:
                if role == "first_party" and rule.startswith("us-ma.209cmr"):
                    continue  # the Division of Banks binds licensed collectors only
                assert (outcomes[rule] != "not_applicable") is governed, (role, rule, outcomes)


def test_a_personal_number_at_place_other_differs_between_the_regulations(engine: Engine) -> None:
    """940 CMR counts a number the debtor gave as personal with the residence and cell phone;
    209 CMR has no such clause. A landline at place other may be that number: both of 940's
    groups govern it, only 209's 30-day group does."""
    outcomes = rule_outcomes(engine, request("MA", TUE_10, phone_type="landline", place="other"))
    assert outcomes["us-ma.940cmr.personal-number-two-per-week"] == "pass"
    assert outcomes["us-ma.940cmr.other-number-two-per-month"] == "pass"
    assert outcomes["us-ma.209cmr.home-or-cell-two-per-week"] == "not_applicable"
    assert outcomes["us-ma.209cmr.elsewhere-two-per-month"] == "pass"


def test_unknown_kind_and_place_is_capped_by_both_groups(engine: Engine) -> None:
    """Nothing known about the number: two calls in the 30 days deny it (940 CMR 7.04(1)(f))."""
    decision = engine.evaluate(creditor(phone_type="unknown", events=two_calls_last_week))
    assert [v.rule_id for v in decision.violations] == ["us-ma.940cmr.other-number-two-per-month"]


def test_a_consumer_with_homes_in_two_states_gets_both(engine: Engine) -> None:
    """Every state among the consumer's locations applies (the most restrictive reading)."""
    ny_home = {"country": "US", "state": "NY", "postal_code": "10001"}
    decision = engine.evaluate(creditor(events=two_calls_this_week, extra_locations=[ny_home]))
    assert {"US-MA", "US-NY"} <= set(decision.jurisdictions)
    assert "us-ma.940cmr.personal-number-two-per-week" in [v.rule_id for v in decision.violations]
