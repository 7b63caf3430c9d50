"""District of Columbia: D.C. Code 28-3814 as amended by D.C. Law 24-154 (from 2023-01-01)."""

from __future__ import annotations

from typing import Any

import pytest
from _edges import (
    SAMPLES,
    Edge,
    call,
    check_edge,
    edge_ids,
    event,
    own_rules,
    request,
    violations,
)

from contactrules import Engine

JURISDICTION = "US-DC"

# Tuesday 2026-06-16 in Washington (EDT, UTC-4); SAMPLES["DC"] is 20001 with a 202 number.
TUE_10 = "2026-06-16T10:00:00-04:00"
PHONE = SAMPLES["DC"][2]
PACIFIC_PHONE = "+14155550142"  # a San Francisco number: Pacific time
EMAIL = "pat@example.com"

# The written notice of 28-3814(m)(2)(A), mailed before any electronic message.
NOTICE = call("2026-06-01T10:00:00-04:00", channel="letter", outcome="delivered")


def consent(kind: str, debt_id: str = "D1", **address: Any) -> dict[str, Any]:
    return event("consent", "2026-06-02T10:00:00-04:00", kind=kind, debt_ids=[debt_id], **address)


EMAIL_OK = [NOTICE, consent("email", email=EMAIL)]
TEXT_OK = [NOTICE, consent("sms", phone=PHONE)]
SOCIAL_OK = [NOTICE, consent("social_media")]


def creditor(at: str = TUE_10, **fields: Any) -> dict[str, Any]:
    """A request from an original creditor collecting its own debt (outside federal law)."""
    return request("DC", at, role="first_party", **fields)


def message(
    at: str, channel: str = "email", outcome: str = "delivered", **fields: Any
) -> dict[str, Any]:
    """A past outbound electronic message."""
    address = {"email": EMAIL} if channel == "email" else {}
    return call(at, channel=channel, outcome=outcome, **address, **fields)


def calls_on(*days: int, **fields: Any) -> list[dict[str, Any]]:
    return [call(f"2026-06-{day:02d}T10:00:00-04:00", **fields) for day in days]


EDGES = [
    Edge(
        "us-dc.telephone-hours",
        denied=creditor("2026-06-16T07:59:00-04:00", phone=PACIFIC_PHONE),
        allowed=creditor("2026-06-16T08:00:00-04:00", phone=PACIFIC_PHONE),
        why="a creditor's call at 07:59 vs 08:00 Eastern to a D.C. consumer whose number is "
        "Pacific: (k) is measured in Eastern time only (08:00 Eastern is 05:00 Pacific)",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
        name="(k) 07:59 vs 08:00 Eastern, Pacific number",
    ),
    Edge(
        "us-dc.telephone-hours",
        denied=creditor("2026-06-16T21:00:00-04:00", channel="sms", events=TEXT_OK),
        allowed=creditor("2026-06-16T20:59:00-04:00", channel="sms", events=TEXT_OK),
        why="a creditor's text at 21:00 vs 20:59 Eastern",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
        name="(k) text 21:00 vs 20:59",
    ),
    Edge(
        "us-dc.telephone-hours",
        denied=creditor("2022-06-14T07:59:00-04:00"),
        allowed=creditor("2022-06-14T08:00:00-04:00"),
        why="the D.C. Law 19-59 version in force in 2022 bound creditors' telephone calls too",
        next_allowed_at="2022-06-14T12:00:00Z",
        stricter_than_federal=True,
        name="(k) 2011 version, 2022 call 07:59 vs 08:00",
    ),
    Edge(
        "us-dc.calls-per-account",
        denied=request("DC", TUE_10, events=calls_on(10, 11, 12, 15)),
        allowed=request("DC", TUE_10, events=calls_on(9, 11, 12, 15)),
        why="a collector's 5th call in the seven days 06-10..06-16 (Regulation F allows 7) vs the "
        "06-09 call having left the period; the period clears at midnight, calls resume at 08:00",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
        name="(d)(4)(A)(i) 5th call vs 4th",
    ),
    Edge(
        "us-dc.calls-per-account",
        denied=creditor(
            events=[
                *calls_on(10, 11, 12),
                call("2026-06-15T10:00:00-04:00", outcome="voicemail", phone=PACIFIC_PHONE),
            ]
        ),
        allowed=creditor(
            events=[
                *calls_on(10, 11, 12),
                call("2026-06-13T10:00:00-04:00", outcome="busy"),
                call("2026-06-14T10:00:00-04:00", outcome="not_connected"),
                call("2026-06-15T10:00:00-04:00", direction="inbound", outcome="voicemail"),
            ]
        ),
        why="a call to the consumer's other number that reached voicemail counts ('inclusive of "
        "all phone numbers'); busy and unconnected calls and the consumer's own call do not",
        stricter_than_federal=True,
        name="(d)(4)(A)(i) exclusions",
    ),
    Edge(
        "us-dc.calls-per-account",
        denied=creditor(
            events=[
                *calls_on(10, 11, 12),
                call("2026-06-15T10:00:00-04:00", recipient="third_party"),
            ]
        ),
        allowed=creditor(
            events=[*calls_on(10, 11, 12), call("2026-06-15T10:00:00-04:00", debt_id="D2")]
        ),
        why="per account: a call about another account does not count; a call to a third party "
        "(possibly family or household) does, the conservative reading",
        stricter_than_federal=True,
        name="(d)(4)(A)(i) per account; third-party calls counted",
    ),
    Edge(
        "us-dc.call-after-conversation",
        denied=request(
            "DC",
            "2026-06-15T10:00:00-04:00",
            events=[call("2026-06-08T10:00:00-04:00", outcome="conversation")],
        ),
        allowed=request(
            "DC", TUE_10, events=[call("2026-06-08T10:00:00-04:00", outcome="conversation")]
        ),
        why="a conversation on Monday 06-08: a collector's call on day 7 after it (06-15, which "
        "Regulation F allows) vs day 8 (06-16)",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
        name="(d)(4)(A)(ii) day 7 vs day 8 after a conversation",
    ),
    Edge(
        "us-dc.call-after-conversation",
        denied=creditor(
            events=[
                call(
                    "2026-06-12T15:00:00-04:00",
                    direction="inbound",
                    outcome="conversation",
                    debt_id="D2",
                )
            ]
        ),
        allowed=creditor(
            events=[
                call(
                    "2026-06-12T15:00:00-04:00",
                    outcome="conversation",
                    debt_id="D2",
                    recipient="third_party",
                )
            ]
        ),
        why="a conversation the consumer started about another debt still bars calls for a week "
        "(per consumer); a conversation with a third party does not",
        next_allowed_at="2026-06-20T12:00:00Z",
        stricter_than_federal=True,
        name="(d)(4)(A)(ii) per consumer, inbound conversations count",
    ),
    Edge(
        "us-dc.call-opt-out",
        denied=creditor(
            events=[
                event("opt_out", "2026-06-05T10:00:00-04:00", channel="call", address=PACIFIC_PHONE)
            ]
        ),
        allowed=creditor(
            events=[event("opt_out", "2026-06-05T10:00:00-04:00", channel="sms", address=PHONE)]
        ),
        why="a creditor calling after the consumer opted out of calls (even naming another number) "
        "vs after an opt-out of texts only",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.electronic-after-mailed-notice",
        denied=creditor(channel="email", events=[consent("email", email=EMAIL)]),
        allowed=creditor(channel="email", events=EMAIL_OK),
        why="a creditor's email with consent but before any letter was mailed vs after",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="(d)(4)(B)(i) no letter vs mailed letter",
    ),
    Edge(
        "us-dc.electronic-after-mailed-notice",
        denied=creditor(
            channel="sms",
            events=[
                call("2026-06-01T10:00:00-04:00", channel="letter", outcome="failed"),
                call(
                    "2026-06-01T11:00:00-04:00", channel="letter", outcome="delivered", debt_id="D2"
                ),
                consent("sms", phone=PHONE),
            ],
        ),
        allowed=creditor(channel="sms", events=TEXT_OK),
        why="a failed letter, or a letter about another account, is not the mailed notice",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="(d)(4)(B)(i) failed letter or other account",
    ),
    Edge(
        "us-dc.text-consent",
        denied=creditor(channel="sms", events=[NOTICE, consent("sms", phone=PACIFIC_PHONE)]),
        allowed=creditor(channel="sms", events=TEXT_OK),
        why="a text with consent only for another number vs with consent for the texted number",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.email-consent",
        denied=request("DC", TUE_10, channel="email", events=[NOTICE]),
        allowed=request("DC", TUE_10, channel="email", events=EMAIL_OK),
        why="a collector's email without the consumer's consent to email (no federal rule) vs "
        "with it",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.email-consent",
        denied=creditor(channel="email", events=[NOTICE, consent("email", "D2", email=EMAIL)]),
        allowed=creditor(channel="email", events=EMAIL_OK),
        why="consent to email about another debt does not cover this one",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.social-media-consent",
        denied=creditor(channel="social_media", visibility="private", events=[NOTICE]),
        allowed=creditor(channel="social_media", visibility="private", events=SOCIAL_OK),
        why="a private social-media message without consent to that medium vs with it",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.consent-seeking-message",
        denied=creditor(
            channel="sms",
            seeks_consent=True,
            events=[NOTICE, message("2026-06-12T10:00:00-04:00", seeks_consent=True)],
        ),
        allowed=creditor(
            channel="sms",
            seeks_consent=True,
            events=[NOTICE, message("2026-06-09T10:00:00-04:00", seeks_consent=True)],
        ),
        why="without consent, a second consent-seeking message (a text after an email on 06-12) in "
        "seven days vs the first having been sent on 06-09; it may go at 08:00 on 06-19",
        next_allowed_at="2026-06-19T12:00:00Z",
        stricter_than_federal=True,
        name="(d)(4)(B)(ii) second consent-seeking message in 7 days",
    ),
    Edge(
        "us-dc.electronic-messages-per-account",
        denied=creditor(
            channel="email",
            events=[
                *EMAIL_OK,
                message("2026-06-10T10:00:00-04:00"),
                message("2026-06-11T10:00:00-04:00", channel="sms"),
                message("2026-06-12T10:00:00-04:00"),
                message("2026-06-13T10:00:00-04:00", channel="social_media"),
                message("2026-06-15T10:00:00-04:00", outcome="failed"),
            ],
        ),
        allowed=creditor(
            channel="email",
            events=[
                *EMAIL_OK,
                message("2026-06-09T10:00:00-04:00"),
                message("2026-06-11T10:00:00-04:00", channel="sms"),
                message("2026-06-12T10:00:00-04:00"),
                message("2026-06-13T10:00:00-04:00", channel="social_media"),
                message("2026-06-15T10:00:00-04:00", direction="inbound"),
            ],
        ),
        why="a 6th email, text or private message on the account in 06-10..06-16 (a failed send "
        "counts) vs the first having left the period and the consumer's own message not counting",
        next_allowed_at="2026-06-17T04:00:00Z",
        stricter_than_federal=True,
        name="(d)(4)(B)(iii) 6th electronic message vs 5th",
    ),
    Edge(
        "us-dc.electronic-opt-out",
        denied=creditor(
            channel="email",
            events=[
                *EMAIL_OK,
                event(
                    "opt_out",
                    "2026-06-05T10:00:00-04:00",
                    channel="email",
                    address="pat@work.example",
                ),
            ],
        ),
        allowed=creditor(
            channel="email",
            events=[*EMAIL_OK, event("opt_out", "2026-06-05T10:00:00-04:00", channel="call")],
        ),
        why="a creditor's email after an email opt-out (any address: the opt-out is of the "
        "medium) vs after a phone opt-out",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.no-household-visits",
        denied=request("DC", TUE_10, channel="in_person", place="home"),
        allowed=request("DC", TUE_10, channel="in_person", place="other"),
        why="a visit to the consumer's household vs a meeting elsewhere",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.no-workplace-visits",
        denied=creditor(channel="in_person", place="work"),
        allowed=creditor(channel="in_person", place="other"),
        why="a creditor's visit to the consumer's workplace vs a meeting elsewhere",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.attorney-represented",
        denied=request(
            "DC",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D2"])],
        ),
        allowed=request(
            "DC",
            TUE_10,
            events=[
                event(
                    "attorney_representation",
                    "2026-06-01T10:00:00-04:00",
                    debt_ids=["D2"],
                    ended_at="2026-06-10T10:00:00-04:00",
                )
            ],
        ),
        why="representation on another debt bars a collector's call about this one (the FDCPA's "
        "bar is per debt) until the representation ends",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-dc.attorney-represented",
        denied=creditor(
            "2019-06-11T10:00:00-04:00",
            events=[event("attorney_representation", "2019-06-01T10:00:00-04:00", debt_ids=["D1"])],
        ),
        allowed=creditor(
            "2011-06-14T10:00:00-04:00",
            events=[event("attorney_representation", "2011-06-01T10:00:00-04:00", debt_ids=["D1"])],
        ),
        why="creditors are bound since D.C. Law 19-59 (2011-12-02); not before",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="(g)(5) creditors bound from 2011-12-02",
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_no_dc_rule_is_limited_by_collector_role(engine: Engine) -> None:
    """(b)(5): a debt collector includes an original creditor and a debt buyer."""
    rules = own_rules(engine, JURISDICTION)
    assert rules
    assert all(rule.applies_to.collector_roles is None for rule in rules)


def test_mortgage_and_business_debts_are_outside(engine: Engine) -> None:
    """(a), (b)(2): mortgage-secured credit and non-consumer debts are not covered."""
    for debt in ({"debt_type": "mortgage"}, {"debt_purpose": "business"}):
        payload = creditor("2026-06-16T07:59:00-04:00", **debt)
        assert not [v for v in violations(engine, payload) if v.startswith("us-dc.")], debt


def test_auto_debts_are_covered(engine: Engine) -> None:
    """An auto debt may not be a direct motor vehicle installment loan: covered (conservative)."""
    payload = creditor("2026-06-16T07:59:00-04:00", debt_type="auto")
    assert "us-dc.telephone-hours" in violations(engine, payload)


def test_federal_hours_still_bind_a_collector_calling_a_pacific_number(engine: Engine) -> None:
    """(k) allows 08:00 Eastern; Regulation F still needs 08:00 in the Pacific zone too."""
    decision = engine.evaluate(request("DC", "2026-06-16T08:00:00-04:00", phone=PACIFIC_PHONE))
    assert [v.rule_id for v in decision.violations] == ["us.regf.time-of-day"]
    assert decision.next_allowed_at == "2026-06-16T15:00:00Z"


def test_calls_on_one_account_count_across_its_debts(engine: Engine) -> None:
    """Per account: calls about D2 count for D1 when both are serviced under account A1."""
    calls = calls_on(10, 11, 12, 15, debt_id="D2", account_id="A1")
    payload = creditor(account_id="A1", events=calls)
    assert "us-dc.calls-per-account" in violations(engine, payload)


def test_a_consent_seeking_message_needs_no_consent_but_the_notice(engine: Engine) -> None:
    """(d)(4)(B)(ii): one consent-seeking message a week goes without consent, not before the
    mailed notice; an unflagged message needs consent."""
    seeking = creditor(channel="email", seeks_consent=True, events=[NOTICE])
    assert engine.evaluate(seeking).allowed
    unflagged = creditor(channel="email", events=[NOTICE])
    assert violations(engine, unflagged) == ["us-dc.email-consent"]
    no_notice = creditor(channel="email", seeks_consent=True)
    assert violations(engine, no_notice) == ["us-dc.electronic-after-mailed-notice"]


def test_public_social_media_posts_are_outside_the_private_message_rules(engine: Engine) -> None:
    payload = creditor(channel="social_media", visibility="public")
    assert not [v for v in violations(engine, payload) if v.startswith("us-dc.")]


def test_emails_are_not_timed_by_k(engine: Engine) -> None:
    """(k) covers telephone and text only: a creditor's consented email at 22:00 is allowed."""
    assert engine.evaluate(
        creditor("2026-06-16T22:00:00-04:00", channel="email", events=EMAIL_OK)
    ).allowed


def test_the_2023_rules_do_not_reach_back(engine: Engine) -> None:
    """A fifth call in 2022 is not capped by D.C. (the interim 2021-2022 acts are not encoded)."""
    calls = [call(f"2022-06-{day:02d}T10:00:00-04:00") for day in (8, 9, 10, 13)]
    payload = creditor("2022-06-14T10:00:00-04:00", events=calls)
    assert engine.evaluate(payload).allowed
