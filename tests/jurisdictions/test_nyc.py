"""New York City: 6 RCNY 5-77 as in force until 2026-08-31 and as amended from 2026-09-01."""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-NY-NYC"

# SAMPLES["NY"] is 10001 (Manhattan), phone +12125550142; Eastern time, UTC-4 in June and September.
TUE_10 = "2026-06-16T10:00:00-04:00"  # the rules in force until 2026-08-31
SEP_TUE_10 = "2026-09-15T10:00:00-04:00"  # the amended rules, in force from 2026-09-01
EMAIL = "pat@example.com"
PHONE = "+12125550142"


def email_event(at: str, debt_id: str = "D1") -> dict:
    return call(at, channel="email", outcome="delivered", email=EMAIL, debt_id=debt_id)


def email_consent(debt_id: str = "D1", at: str = "2026-09-01T10:00:00-04:00") -> dict:
    return event("consent", at, kind="email", email=EMAIL, debt_ids=[debt_id])


# New York State's 23 NYCRR 1.6 already needs consent for a collector's email (us-ny.email-consent).
JUNE_CONSENT = [email_consent(at="2026-06-01T10:00:00-04:00")]


EDGES = [
    Edge(
        "us-ny-nyc.time-of-day",
        denied=request("NY", "2026-06-16T07:59:00-04:00", role="first_party"),
        allowed=request("NY", "2026-06-16T08:00:00-04:00", role="first_party"),
        why="a creditor's own call at 07:59 vs 08:00: 'after 8 o'clock' read as in Regulation F",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.time-of-day",
        denied=request("NY", "2026-06-16T07:59:00-04:00", channel="email", events=JUNE_CONSENT),
        allowed=request("NY", "2026-06-16T08:00:00-04:00", channel="email", events=JUNE_CONSENT),
        why="a collector's email at 07:59 vs 08:00: the same window as Regulation F",
        next_allowed_at="2026-06-16T12:00:00Z",
    ),
    Edge(
        "us-ny-nyc.time-of-day",
        denied=request("NY", "2026-06-16T21:00:00-04:00", role="first_party", channel="sms"),
        allowed=request("NY", "2026-06-16T20:59:00-04:00", role="first_party", channel="sms"),
        why="a creditor's text at 21:00 vs 20:59",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.communication-frequency",
        denied=request(
            "NY",
            TUE_10,
            events=[
                call("2026-06-10T10:00:00-04:00", outcome="voicemail"),
                email_event("2026-06-12T10:00:00-04:00"),
            ],
        ),
        allowed=request(
            "NY",
            TUE_10,
            events=[
                call("2026-06-09T10:00:00-04:00", outcome="voicemail"),
                email_event("2026-06-12T10:00:00-04:00"),
            ],
        ),
        why="in force until 2026-08-31: a third communication in the seven days 06-10..06-16 vs "
        "the first one falling out of the period",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
        name="5-77(b)(1)(iv) third communication in seven days vs second",
    ),
    Edge(
        "us-ny-nyc.communication-frequency",
        denied=request(
            "NY",
            TUE_10,
            events=[
                email_event("2026-06-11T10:00:00-04:00", debt_id="D2"),
                email_event("2026-06-12T10:00:00-04:00", debt_id="D2"),
            ],
        ),
        allowed=request(
            "NY",
            TUE_10,
            events=[
                call("2026-06-11T10:00:00-04:00", debt_id="D2"),
                call("2026-06-12T10:00:00-04:00", debt_id="D2"),
            ],
        ),
        why="until 2026-08-31 the cap is per consumer (two emails about another debt count), and "
        "unanswered calls convey nothing, so they are not communications",
        next_allowed_at="2026-06-18T12:00:00Z",
        stricter_than_federal=True,
        name="5-77(b)(1)(iv) per consumer; unanswered calls not counted",
    ),
    Edge(
        "us-ny-nyc.communication-frequency",
        denied=request(
            "NY",
            SEP_TUE_10,
            events=[
                call("2026-09-09T10:00:00-04:00"),
                call("2026-09-11T10:00:00-04:00"),
                call("2026-09-13T10:00:00-04:00"),
            ],
        ),
        allowed=request(
            "NY",
            SEP_TUE_10,
            events=[
                call("2026-09-08T10:00:00-04:00"),
                call("2026-09-11T10:00:00-04:00"),
                call("2026-09-13T10:00:00-04:00"),
            ],
        ),
        why="from 2026-09-01: a fourth attempt in the seven days of 24 hours before 09-15 10:00 vs "
        "the first attempt lying exactly seven days back; unanswered attempts count; the next may "
        "go at 10:00 on 09-16, when the 09-09 attempt leaves the period",
        next_allowed_at="2026-09-16T14:00:00Z",
        stricter_than_federal=True,
        name="amended: fourth attempt in seven days vs third",
    ),
    Edge(
        "us-ny-nyc.communication-frequency",
        denied=request(
            "NY",
            "2026-09-01T10:00:00-04:00",
            events=[
                call("2026-08-27T10:00:00-04:00"),
                call("2026-08-28T10:00:00-04:00"),
                call("2026-08-29T10:00:00-04:00"),
            ],
        ),
        allowed=request(
            "NY",
            "2026-08-31T10:00:00-04:00",
            events=[
                call("2026-08-27T10:00:00-04:00"),
                call("2026-08-28T10:00:00-04:00"),
                call("2026-08-29T10:00:00-04:00"),
            ],
        ),
        why="the same three unanswered attempts: not communications under the rule in force on "
        "08-31, counted attempts under the amended rule on 09-01",
        next_allowed_at="2026-09-03T14:00:00Z",
        stricter_than_federal=True,
        name="version switch 2026-08-31 vs 2026-09-01",
    ),
    Edge(
        "us-ny-nyc.workplace-prohibited",
        denied=request(
            "NY",
            TUE_10,
            role="first_party",
            place="work",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        allowed=request(
            "NY",
            TUE_10,
            role="first_party",
            place="home",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="a creditor's collector calling at work after learning the employer forbids it "
        "vs at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.attorney-represented",
        denied=request(
            "NY",
            TUE_10,
            role="first_party",
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "NY",
            TUE_10,
            role="first_party",
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D2"])],
        ),
        why="a creditor's collector: representation on this debt vs on another one",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.cease-communication",
        denied=request(
            "NY",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=True)],
        ),
        allowed=request(
            "NY",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="until 2026-08-31: a written cease request binds a creditor's collector; an oral "
        "one does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.cease-communication",
        denied=request(
            "NY",
            SEP_TUE_10,
            events=[event("cease_request", "2026-09-02T10:00:00-04:00", written=False)],
        ),
        allowed=request(
            "NY",
            SEP_TUE_10,
            events=[
                event("cease_request", "2026-09-02T10:00:00-04:00", written=False, debt_ids=["D2"])
            ],
        ),
        why="from 2026-09-01 an oral cease request stops contact (federal law needs writing); one "
        "about another debt does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.electronic-opt-out",
        denied=request(
            "NY",
            SEP_TUE_10,
            role="first_party",
            channel="email",
            events=[
                email_consent(),
                event("opt_out", "2026-09-10T10:00:00-04:00", channel="email", address=EMAIL),
            ],
        ),
        allowed=request(
            "NY",
            SEP_TUE_10,
            role="first_party",
            channel="email",
            events=[
                email_consent(),
                event("opt_out", "2026-09-10T10:00:00-04:00", channel="sms", address=PHONE),
            ],
        ),
        why="a creditor's email after an email opt-out vs after an opt-out of texts only",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.email-consent",
        denied=request("NY", SEP_TUE_10, role="first_party", channel="email"),
        allowed=request(
            "NY", SEP_TUE_10, role="first_party", channel="email", events=[email_consent()]
        ),
        why="from 2026-09-01 even a creditor's email needs consent vs with consent for the debt",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.email-consent",
        denied=request("NY", SEP_TUE_10, channel="email", events=[email_consent("D2")]),
        allowed=request("NY", SEP_TUE_10, channel="email", events=[email_consent("D1")]),
        why="consent to email about another debt does not cover this one",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ny-nyc.sms-consent",
        denied=request("NY", SEP_TUE_10, channel="sms"),
        allowed=request(
            "NY",
            SEP_TUE_10,
            channel="sms",
            events=[
                event(
                    "consent", "2026-09-01T10:00:00-04:00", kind="sms", phone=PHONE, debt_ids=["D1"]
                )
            ],
        ),
        why="from 2026-09-01 a text needs consent to texts about the debt",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_email_needs_no_city_consent_before_the_amendment(engine: Engine) -> None:
    """The city rules in force until 2026-08-31 say nothing about email consent (a creditor is
    outside the state rule too)."""
    decision = engine.evaluate(request("NY", TUE_10, role="first_party", channel="email"))
    assert decision.allowed, decision.violations


def test_manhattan_gets_state_and_city_rules(engine: Engine) -> None:
    decision = engine.evaluate(request("NY", TUE_10))
    assert {"US", "US-NY", "US-NY-NYC"} <= set(decision.jurisdictions)


def test_buffalo_is_not_in_the_city(engine: Engine) -> None:
    decision = engine.evaluate(
        request("NY", TUE_10, postal_code="14201", city="Buffalo", phone="+17165550142")
    )
    assert "US-NY" in decision.jurisdictions
    assert "US-NY-NYC" not in decision.jurisdictions
