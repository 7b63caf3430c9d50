"""Regulation F's Official Interpretations (12 CFR part 1006, Supplement I) and the TCPA/FCC rules,
worked example by worked example.

Each test is named after the comment it encodes and states the example's facts as a request and
the outcome the commentary gives. The calendars of the CFPB's examples (Wednesday April 1,
Thursday August 13, Tuesday October 6, Monday November 9, Thursday June 4) are those of 2026, so
the examples keep their weekdays. Unless a test says otherwise the consumer lives in Dover,
Delaware (Eastern time) with a Delaware mobile number, and the collector is a third-party debt
collector collecting a consumer credit-card debt.

Text read: 12 CFR part 1006 and Supplement I as published by the CFPB
(https://www.consumerfinance.gov/rules-policy/regulations/1006/), 47 CFR 64.1200, 47 U.S.C. 227,
15 U.S.C. 1692b, 1692c, 1692g and 11 U.S.C. 362.
"""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Decision, Engine

PHONE = "+13025550142"  # a Delaware (302, Eastern) mobile number
OTHER_PHONE = "+13025550199"
DOVER = {"country": "US", "state": "DE", "postal_code": "19901", "city": "Dover"}
PORTLAND = {"country": "US", "state": "OR", "postal_code": "97204", "city": "Portland"}

CALL_FREQUENCY = "us.regf.call-frequency"
AFTER_CONVERSATION = "us.regf.call-after-conversation"
TIME_OF_DAY = "us.regf.time-of-day"
DESIGNATED = "us.regf.consumer-designated-times"
PLACE = "us.regf.inconvenient-place"
OPT_OUT = "us.regf.medium-opt-out"
TCPA_CONSENT = "us.tcpa.wireless-prior-express-consent"
TCPA_RESIDENTIAL = "us.tcpa.residential-prerecorded-limit"


def request(
    at: str,
    *,
    channel: str = "call",
    events: list[dict[str, Any]] | None = None,
    locations: list[dict[str, Any]] | None = None,
    role: str = "third_party",
    debt_id: str = "D1",
    debt_type: str = "credit_card",
    **contact: Any,
) -> dict[str, Any]:
    """A contract request; keyword arguments not named here are ``contact`` fields."""
    fields: dict[str, Any] = {"channel": channel, "at": at, "debt_id": debt_id}
    if channel in ("call", "sms"):
        fields.update(phone=PHONE, phone_type="wireless", technology="manual")
    if channel == "email":
        fields.update(email="pat@example.com", email_kind="personal")
    account = contact.pop("account_id", None)
    fields.update(contact)
    debt: dict[str, Any] = {"id": debt_id, "purpose": "consumer", "type": debt_type}
    if account:
        debt["account_id"] = account
    return {
        "contact": fields,
        "collector": {"role": role},
        "debt": debt,
        "consumer": {"id": "C1", "locations": locations if locations is not None else [DOVER]},
        "events": events or [],
    }


def contact_event(
    at: str,
    *,
    outcome: str = "no_answer",
    channel: str = "call",
    direction: str = "outbound",
    debt_id: str | None = "D1",
    **fields: Any,
) -> dict[str, Any]:
    """A past contact or attempt."""
    event = {"type": "contact", "at": at, "channel": channel, "direction": direction}
    event.update(outcome=outcome, debt_id=debt_id, **fields)
    return event


def event(kind: str, at: str, /, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "at": at, **fields}


def violated(decision: Decision) -> list[str]:
    return [v.rule_id for v in decision.violations]


def denied_by(engine: Engine, payload: dict[str, Any], rule: str) -> Decision:
    decision = engine.evaluate(payload)
    assert rule in violated(decision), (rule, violated(decision), decision.evaluated)
    return decision


def allowed(engine: Engine, payload: dict[str, Any]) -> Decision:
    decision = engine.evaluate(payload)
    assert decision.allowed, [(v.rule_id, v.message) for v in decision.violations]
    return decision


def at_et(day: str, clock: str) -> str:
    """A local time in Delaware on a summer (EDT) day."""
    return f"{day}T{clock}:00-04:00"


# ======================================================================= 1006.6(b)(1)(i): times


def test_comment_6_b_1_i_1_electronic_message_timed_when_sent(engine: Engine) -> None:
    """An email or text occurs when the collector sends it, not when it is read: one sent at
    20:59 local time is convenient even if read after 21:00; one sent at 21:00 is not."""
    allowed(engine, request(at_et("2026-06-16", "20:59"), channel="email"))
    allowed(engine, request(at_et("2026-06-16", "20:59"), channel="sms"))
    denied_by(engine, request(at_et("2026-06-16", "21:00"), channel="email"), TIME_OF_DAY)


def test_comment_6_b_1_i_2_i_eastern_mobile_and_pacific_address(engine: Engine) -> None:
    """Mobile area code in Eastern time, residential address in Pacific time: convenient from
    11:00 a.m. Eastern (8:00 a.m. Pacific) until 9:00 p.m. Eastern (6:00 p.m. Pacific)."""
    west = [PORTLAND]  # Oregon adds no hours of its own
    early = denied_by(engine, request(at_et("2026-06-16", "10:59"), locations=west), TIME_OF_DAY)
    assert early.next_allowed_at == "2026-06-16T15:00:00Z"  # 11:00 EDT
    allowed(engine, request(at_et("2026-06-16", "11:00"), locations=west))
    allowed(engine, request(at_et("2026-06-16", "20:59"), locations=west))
    denied_by(engine, request(at_et("2026-06-16", "21:00"), locations=west), TIME_OF_DAY)


def test_comment_6_b_1_i_2_ii_eastern_mobile_and_mountain_landline(engine: Engine) -> None:
    """Mobile area code in Eastern time and a landline whose area code is in Mountain time:
    convenient from 10:00 a.m. Eastern (8:00 a.m. Mountain) until 9:00 p.m. Eastern. The
    landline's zone is a location the collector's information points to."""
    mountain = [{"country": "US", "time_zone": "America/Denver"}]
    early = denied_by(
        engine, request(at_et("2026-06-16", "09:59"), locations=mountain), TIME_OF_DAY
    )
    assert early.next_allowed_at == "2026-06-16T14:00:00Z"  # 10:00 EDT
    allowed(engine, request(at_et("2026-06-16", "10:00"), locations=mountain))
    allowed(engine, request(at_et("2026-06-16", "20:59"), locations=mountain))
    denied_by(engine, request(at_et("2026-06-16", "21:00"), locations=mountain), TIME_OF_DAY)


# ============================================================= 1006.6(b)(1): designated times

WEEKDAYS_3_TO_5 = event(
    "inconvenient_time",
    "2026-06-01T14:00:00Z",
    days=["mon", "tue", "wed", "thu", "fri"],
    **{"from": "15:00", "to": "17:00"},
)
WEEKENDS = event(
    "inconvenient_time",
    "2026-06-01T14:00:00Z",
    days=["sat", "sun"],
    **{"from": "00:00", "to": "24:00"},
)


def test_comment_6_b_1_1_i_creditor_notes_tuesdays_and_thursdays(engine: Engine) -> None:
    """The creditor's file says the consumer cannot be disturbed on Tuesdays and Thursdays: those
    days are inconvenient (the 'through the end of the calendar year' limit has no field in the
    contract, so the designation lasts until the consumer says otherwise)."""
    notes = event(
        "inconvenient_time",
        "2026-06-01T14:00:00Z",
        days=["tue", "thu"],
        **{"from": "00:00", "to": "24:00"},
    )
    tuesday = denied_by(engine, request(at_et("2026-06-16", "10:00"), events=[notes]), DESIGNATED)
    assert tuesday.next_allowed_at == "2026-06-17T12:00:00Z"  # Wednesday 08:00 EDT
    allowed(engine, request(at_et("2026-06-17", "10:00"), events=[notes]))


def test_comment_6_b_1_1_ii_weekdays_3_to_5_and_weekends(engine: Engine) -> None:
    """'On weekdays, except from 3:00 p.m. to 5:00 p.m.' and 'no' convenient time on weekends."""
    said = [WEEKDAYS_3_TO_5, WEEKENDS]
    allowed(engine, request(at_et("2026-06-17", "14:59"), events=said))
    wednesday = denied_by(engine, request(at_et("2026-06-17", "15:00"), events=said), DESIGNATED)
    assert wednesday.next_allowed_at == "2026-06-17T21:00:00Z"  # 17:00 EDT
    allowed(engine, request(at_et("2026-06-17", "17:00"), events=said))
    saturday = denied_by(engine, request(at_et("2026-06-20", "12:00"), events=said), DESIGNATED)
    assert saturday.next_allowed_at == "2026-06-22T12:00:00Z"  # Monday 08:00 EDT


def test_comment_6_b_1_2_i_one_email_reply_to_an_email_sent_at_a_designated_time(
    engine: Engine,
) -> None:
    """The consumer (weekdays 3-5 p.m. inconvenient) emails at 3:30 p.m. on Wednesday: the
    collector may respond once by email before 5:00 p.m. that day, and once to each further
    email from the consumer; not by another medium, and not twice."""
    said = [WEEKDAYS_3_TO_5, WEEKENDS]
    inbound = contact_event(
        at_et("2026-06-17", "15:30"), channel="email", direction="inbound", outcome="delivered"
    )
    reply = contact_event(at_et("2026-06-17", "15:40"), channel="email", outcome="delivered")
    allowed(engine, request(at_et("2026-06-17", "15:40"), channel="email", events=[*said, inbound]))
    denied_by(engine, request(at_et("2026-06-17", "15:40"), events=[*said, inbound]), DESIGNATED)
    denied_by(
        engine,
        request(at_et("2026-06-17", "15:50"), channel="email", events=[*said, inbound, reply]),
        DESIGNATED,
    )
    again = contact_event(
        at_et("2026-06-17", "15:55"), channel="email", direction="inbound", outcome="delivered"
    )
    allowed(
        engine,
        request(
            at_et("2026-06-17", "16:00"), channel="email", events=[*said, inbound, reply, again]
        ),
    )
    # The designation stands for the next weekday.
    denied_by(
        engine,
        request(at_et("2026-06-18", "15:30"), channel="email", events=[*said, inbound, reply]),
        DESIGNATED,
    )


def test_comment_6_b_1_2_iv_automated_reply_to_friday_evening_email(engine: Engine) -> None:
    """Fridays are inconvenient; the consumer emails at 8:30 p.m. on a Friday: one (automated)
    email reply is allowed, a second message is not."""
    fridays = event(
        "inconvenient_time",
        "2026-06-01T14:00:00Z",
        days=["fri"],
        **{"from": "00:00", "to": "24:00"},
    )
    inbound = contact_event(
        at_et("2026-06-19", "20:30"), channel="email", direction="inbound", outcome="delivered"
    )
    reply = contact_event(at_et("2026-06-19", "20:30"), channel="email", outcome="delivered")
    allowed(
        engine, request(at_et("2026-06-19", "20:30"), channel="email", events=[fridays, inbound])
    )
    denied_by(
        engine,
        request(at_et("2026-06-19", "20:45"), channel="email", events=[fridays, inbound, reply]),
        DESIGNATED,
    )


# ============================================================= 1006.6(b)(1)(ii): places

HOME_INCONVENIENT = event("inconvenient_place", "2026-06-01T14:00:00Z", place="home")


def test_comment_6_b_1_1_iii_home_designated_mail_and_home_landline(engine: Engine) -> None:
    """'Do not contact me at home': mail to the home address and calls to the home landline are
    inconvenient."""
    denied_by(
        engine,
        request(
            at_et("2026-06-16", "10:00"), channel="letter", place="home", events=[HOME_INCONVENIENT]
        ),
        PLACE,
    )
    denied_by(
        engine,
        request(
            at_et("2026-06-16", "10:00"),
            phone_type="landline",
            place="home",
            events=[HOME_INCONVENIENT],
        ),
        PLACE,
    )


def test_comment_6_b_1_ii_1_i_mobile_and_email_are_not_tied_to_a_place(engine: Engine) -> None:
    """Unless the collector knows the consumer is at home, a call to the mobile number or an
    email does not violate 1006.6(b)(1)(ii), even if it is received at home."""
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[HOME_INCONVENIENT]))
    allowed(
        engine, request(at_et("2026-06-16", "10:00"), channel="email", events=[HOME_INCONVENIENT])
    )
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), place="home", events=[HOME_INCONVENIENT]),
        PLACE,
    )


def test_comment_6_b_1_2_ii_one_response_when_the_consumer_calls_from_home(
    engine: Engine,
) -> None:
    """After saying home is inconvenient, the consumer calls from the home landline (here leaving
    a voicemail, so that no conversation starts the 1006.14(b)(2)(i)(B) period): the collector
    may respond once through that medium at that place; afterwards home stays off limits."""
    inbound = contact_event(
        at_et("2026-06-16", "10:00"),
        direction="inbound",
        outcome="voicemail",
        phone=PHONE,
        phone_type="landline",
        place="home",
    )
    response = request(
        at_et("2026-06-16", "10:30"),
        phone_type="landline",
        place="home",
        events=[HOME_INCONVENIENT, inbound],
    )
    allowed(engine, response)
    answered = contact_event(
        at_et("2026-06-16", "10:30"), outcome="no_answer", phone=PHONE, place="home"
    )
    later = request(
        at_et("2026-06-24", "10:30"),
        phone_type="landline",
        place="home",
        events=[HOME_INCONVENIENT, inbound, answered],
    )
    denied_by(engine, later, PLACE)


def test_comment_6_b_3_1_cannot_take_personal_calls_at_work(engine: Engine) -> None:
    """'I cannot take personal calls at work' tells the collector the employer prohibits them."""
    said = [event("no_work_contact", "2026-06-01T14:00:00Z", written=False)]
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), place="work", phone_type="landline", events=said),
        "us.regf.workplace-employer-prohibits",
    )
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=said))


# ============================================================= 1006.6(c): cease communication


def test_comment_6_c_1_1_i_cease_notice_complete_on_receipt(engine: Engine) -> None:
    """Mailed August 3, emailed to by the collector August 4, received August 6: the August 4
    email does not violate 1006.6(c)(1); after receipt the collector must stop."""
    received = event("cease_request", at_et("2026-08-06", "11:00"), written=True)
    allowed(engine, request(at_et("2026-08-04", "10:00"), channel="email", events=[received]))
    denied_by(
        engine,
        request(at_et("2026-08-06", "12:00"), channel="email", events=[received]),
        "us.regf.cease-communication",
    )


def test_comment_6_d_4_ii_d_2_email_opt_out_is_not_a_cease_request(engine: Engine) -> None:
    """Opting out of one email address is not a notice to cease all communication: the address is
    off limits (1006.14(h)(1)), a letter is not."""
    opted = [event("opt_out", "2026-06-10T14:00:00Z", channel="email", address="pat@example.com")]
    denied_by(engine, request(at_et("2026-06-16", "10:00"), channel="email", events=opted), OPT_OUT)
    allowed(engine, request(at_et("2026-06-16", "10:00"), channel="letter", events=opted))


# ============================================================= 1006.6(e), 1006.14(h): media


def test_comment_6_e_1_i_reply_stop_to_stop_texts_to_this_number(engine: Engine) -> None:
    """'Reply STOP to stop texts to this telephone number': texts to that number stop; texts to
    another number of the consumer and calls to the same number do not."""
    stop = [event("opt_out", "2026-06-10T14:00:00Z", channel="sms", address=PHONE)]
    denied_by(engine, request(at_et("2026-06-16", "10:00"), channel="sms", events=stop), OPT_OUT)
    allowed(
        engine, request(at_et("2026-06-16", "10:00"), channel="sms", phone=OTHER_PHONE, events=stop)
    )
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=stop))


def test_comment_14_h_1_2_one_of_two_mobile_numbers(engine: Engine) -> None:
    """A person with two mobile numbers may ask the collector not to use one of them."""
    stop = [event("opt_out", "2026-06-10T14:00:00Z", channel="call", address=PHONE)]
    denied_by(engine, request(at_et("2026-06-16", "10:00"), events=stop), OPT_OUT)
    allowed(engine, request(at_et("2026-06-16", "10:00"), phone=OTHER_PHONE, events=stop))


def test_comment_14_h_1_3_i_stop_calling(engine: Engine) -> None:
    """'Stop calling' bars telephone calls through every number; other media remain open."""
    stop = [event("opt_out", "2026-06-10T14:00:00Z", channel="call")]
    denied_by(
        engine, request(at_et("2026-06-16", "10:00"), phone=OTHER_PHONE, events=stop), OPT_OUT
    )
    allowed(engine, request(at_et("2026-06-16", "10:00"), channel="email", events=stop))


def test_comment_14_h_1_3_ii_address_opt_out_covers_every_debt(engine: Engine) -> None:
    """An opt-out of an email address received while collecting one debt covers that address
    for any debt."""
    stop = [event("opt_out", "2026-06-10T14:00:00Z", channel="email", address="pat@example.com")]
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), channel="email", debt_id="D2", events=stop),
        OPT_OUT,
    )


def test_1006_14_h_2_ii_one_reply_when_the_person_uses_the_opted_out_medium(
    engine: Engine,
) -> None:
    """After opting out of texts the consumer texts the collector: one reply by text is allowed,
    a second is not."""
    stop = event("opt_out", "2026-06-10T14:00:00Z", channel="sms", address=PHONE)
    texted = contact_event(
        at_et("2026-06-16", "09:55"),
        channel="sms",
        direction="inbound",
        outcome="delivered",
        phone=PHONE,
    )
    allowed(engine, request(at_et("2026-06-16", "10:00"), channel="sms", events=[stop, texted]))
    replied = contact_event(
        at_et("2026-06-16", "10:00"), channel="sms", outcome="delivered", phone=PHONE
    )
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:30"), channel="sms", events=[stop, texted, replied]),
        OPT_OUT,
    )


# ============================================================= 1006.14(b): call frequency


def test_comment_14_b_1_ringless_voicemail_is_a_call_a_text_is_not(engine: Engine) -> None:
    """'Placing a telephone call' includes conveying a ringless voicemail, but not a text."""
    six = [contact_event(at_et(f"2026-06-{d}", "10:00")) for d in range(10, 16)]
    ringless = contact_event(
        at_et("2026-06-16", "09:00"), outcome="delivered", technology="voicemail_drop"
    )
    denied_by(
        engine, request(at_et("2026-06-16", "10:00"), events=[*six, ringless]), CALL_FREQUENCY
    )
    text = contact_event(at_et("2026-06-16", "09:00"), channel="sms", outcome="delivered")
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[*six, text]))


def test_comment_14_b_2_i_1_i_seven_calls_from_wednesday_april_1(engine: Engine) -> None:
    """A limited-content message on Wednesday April 1 and six unanswered calls April 2-7: seven
    calls in seven consecutive days is presumed compliant; so is a call on April 8."""
    first = contact_event(at_et("2026-04-01", "10:00"), outcome="voicemail")
    later = [contact_event(at_et(f"2026-04-{d:02d}", "10:00")) for d in range(2, 7)]
    allowed(engine, request(at_et("2026-04-07", "10:00"), events=[first, *later]))
    seventh = contact_event(at_et("2026-04-07", "10:00"))
    allowed(engine, request(at_et("2026-04-08", "10:00"), events=[first, *later, seventh]))


def test_comment_14_b_2_i_1_ii_consumer_initiated_conversation_thursday_august_13(
    engine: Engine,
) -> None:
    """The consumer calls the collector and talks on Thursday August 13: no call before
    Thursday August 20 keeps the presumption of compliance."""
    talk = [
        contact_event(at_et("2026-08-13", "10:00"), direction="inbound", outcome="conversation")
    ]
    denied = denied_by(
        engine, request(at_et("2026-08-19", "20:00"), events=talk), AFTER_CONVERSATION
    )
    assert denied.next_allowed_at == "2026-08-20T12:00:00Z"
    allowed(engine, request(at_et("2026-08-20", "08:00"), events=talk))


def test_comment_14_b_2_i_1_iii_seven_unanswered_calls_to_a_third_party(engine: Engine) -> None:
    """Location calls to a particular third party: the first on Tuesday October 6 and up to six
    more unanswered ones through Monday October 12 are presumed compliant."""
    calls = [
        contact_event(
            at_et(f"2026-10-{d:02d}", "10:00"), recipient="third_party", phone=OTHER_PHONE
        )
        for d in range(6, 12)
    ]
    to_third_party = {"recipient": "third_party", "phone": OTHER_PHONE}
    allowed(engine, request(at_et("2026-10-12", "10:00"), events=calls, **to_third_party))
    seventh = contact_event(
        at_et("2026-10-12", "09:00"), recipient="third_party", phone=OTHER_PHONE
    )
    denied_by(
        engine,
        request(at_et("2026-10-12", "10:00"), events=[*calls, seventh], **to_third_party),
        "us.regf.call-frequency-third-parties",
    )


def test_comment_14_b_2_i_3_i_calls_to_a_number_that_is_not_the_persons(engine: Engine) -> None:
    """Calls to a number the collector learns is someone else's are not calls to the consumer;
    recorded as calls to a third party, they do not count toward the consumer's seven."""
    wrong = [
        contact_event(at_et(d, "10:00"), recipient="third_party", phone=OTHER_PHONE)
        for d in ("2026-06-15", "2026-06-17")
    ]
    five = [contact_event(at_et(f"2026-06-{d}", "11:00")) for d in (12, 13, 14, 16, 17)]
    allowed(engine, request(at_et("2026-06-18", "10:00"), events=[*wrong, *five]))


def test_comment_14_b_2_ii_1_i_eighth_call_from_wednesday_april_1(engine: Engine) -> None:
    """LCM on April 1, two calls on each of April 2, 3 and 6, one on April 7: the eighth call in
    seven days is presumed to violate 1006.14(b)(1)."""
    calls = [contact_event(at_et("2026-04-01", "09:00"), outcome="voicemail")]
    for day in ("02", "03", "06"):
        calls += [contact_event(at_et(f"2026-04-{day}", c)) for c in ("09:00", "15:00")]
    decision = denied_by(
        engine, request(at_et("2026-04-07", "10:00"), events=calls), CALL_FREQUENCY
    )
    assert decision.next_allowed_at == "2026-04-08T12:00:00Z"  # April 1 leaves the period
    allowed(engine, request(at_et("2026-04-07", "10:00"), events=calls[:-1]))


def test_comment_14_b_2_ii_1_ii_conversation_on_friday_august_14(engine: Engine) -> None:
    """Unanswered call Tuesday August 11, conversation Friday August 14: a call before Friday
    August 21 is presumed to violate the rule."""
    calls = [
        contact_event(at_et("2026-08-11", "10:00")),
        contact_event(at_et("2026-08-14", "10:00"), outcome="conversation"),
    ]
    decision = denied_by(
        engine, request(at_et("2026-08-20", "10:00"), events=calls), AFTER_CONVERSATION
    )
    assert decision.next_allowed_at == "2026-08-21T12:00:00Z"
    allowed(engine, request(at_et("2026-08-21", "08:00"), events=calls))


def test_comment_14_b_3_i_3_i_call_back_on_monday(engine: Engine) -> None:
    """Conversation on Friday April 3 in which the consumer says 'call back on Monday': the call
    on Monday April 6 is placed with prior consent and is not presumed to violate the rule."""
    friday = [
        contact_event(at_et("2026-04-03", "10:00"), outcome="conversation"),
        event("consent", at_et("2026-04-03", "10:05"), kind="call_frequency", debt_ids=["D1"]),
    ]
    allowed(engine, request(at_et("2026-04-06", "10:00"), events=friday))
    # Without that consent, Monday is within seven days of the conversation.
    denied_by(engine, request(at_et("2026-04-06", "10:00"), events=friday[:1]), AFTER_CONVERSATION)


def test_comment_14_b_3_i_3_ii_conversation_ends_the_consent(engine: Engine) -> None:
    """Same facts, and on Monday April 6 the collector calls back and talks with the consumer:
    the consent has expired, so a call on Wednesday April 8 counts and is presumed a violation."""
    events = [
        contact_event(at_et("2026-04-03", "10:00"), outcome="conversation"),
        event("consent", at_et("2026-04-03", "10:05"), kind="call_frequency", debt_ids=["D1"]),
        contact_event(at_et("2026-04-06", "10:00"), outcome="conversation"),
    ]
    denied_by(engine, request(at_et("2026-04-08", "10:00"), events=events), AFTER_CONVERSATION)


def test_comment_14_b_3_i_3_iii_email_consent_on_thursday_june_4(engine: Engine) -> None:
    """Three unanswered calls June 1-3; on Thursday June 4 the consumer emails 'You can call me';
    eight unanswered calls June 8-10 do not count. The seven-day period is June 4 (day 1) to
    June 10; calls on or after Thursday June 11 count again."""
    early = [contact_event(at_et(f"2026-06-0{d}", "10:00")) for d in (1, 2, 3)]
    consent = event("consent", at_et("2026-06-04", "16:00"), kind="call_frequency", debt_ids=["D1"])
    excluded = [
        contact_event(at_et(f"2026-06-{d:02d}", clock))
        for d in (8, 9, 10)
        for clock in ("09:00", "12:00", "15:00")
    ][:8]
    # The eighth and ninth calls inside the consent window are excluded.
    allowed(engine, request(at_et("2026-06-10", "18:00"), events=[*early, consent, *excluded]))
    # On June 11 the excluded calls still do not count: the period June 5-11 holds none.
    allowed(engine, request(at_et("2026-06-11", "18:00"), events=[*early, consent, *excluded]))
    # But calls placed on June 11 count, even before 16:00 (seven times 24 hours after consent).
    june_11 = [contact_event(f"2026-06-11T{h:02d}:00:00-04:00") for h in range(8, 15)]
    denied_by(
        engine,
        request(at_et("2026-06-11", "15:30"), events=[*early, consent, *excluded, *june_11]),
        CALL_FREQUENCY,
    )


def test_comment_14_b_3_ii_1_unconnected_calls_do_not_count(engine: Engine) -> None:
    """A busy signal or a not-in-service indication is not a connected call; a call that rings,
    is answered and dropped, or reaches voicemail (even without leaving a message) is."""
    connected = [contact_event(at_et(f"2026-06-{d}", "10:00")) for d in range(10, 15)]
    unconnected = [
        contact_event(at_et("2026-06-15", "10:00"), outcome="busy"),
        contact_event(at_et("2026-06-16", "09:00"), outcome="not_connected"),
    ]
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[*connected, *unconnected]))
    reached = [
        contact_event(at_et("2026-06-15", "10:00"), outcome="voicemail"),
        contact_event(at_et("2026-06-16", "09:00"), outcome="conversation"),
    ]
    denied_by(
        engine, request(at_et("2026-06-16", "10:00"), events=[*connected, *reached]), CALL_FREQUENCY
    )


def test_1006_14_b_3_iii_calls_to_the_consumers_attorney_are_excluded(engine: Engine) -> None:
    """Calls placed to the consumer's attorney do not count toward the consumer's seven."""
    six = [contact_event(at_et(f"2026-06-{d}", "10:00")) for d in range(10, 16)]
    lawyer = contact_event(at_et("2026-06-16", "09:00"), recipient="attorney", phone=OTHER_PHONE)
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[*six, lawyer]))
    consumer = contact_event(at_et("2026-06-16", "09:00"))
    denied_by(
        engine, request(at_et("2026-06-16", "10:00"), events=[*six, consumer]), CALL_FREQUENCY
    )


def test_comment_14_b_4_2_i_21_unanswered_calls_about_three_debts(engine: Engine) -> None:
    """Seven unanswered calls counted toward each of three debts in seven days are presumed
    compliant; an eighth for any one of them is not."""
    calls = [
        contact_event(at_et(f"2026-11-{d:02d}", "10:00"), debt_id=debt)
        for debt in ("MED", "A", "B")
        for d in range(10, 17)
    ]
    allowed(engine, request(at_et("2026-11-16", "12:00"), debt_id="B", events=calls[:-1]))
    denied_by(
        engine, request(at_et("2026-11-16", "12:00"), debt_id="B", events=calls), CALL_FREQUENCY
    )


def test_comment_14_b_4_2_iii_conversation_about_one_debt_only(engine: Engine) -> None:
    """A conversation on Monday November 9 about the medical debt only: the credit-card debt has
    had neither a call nor a conversation."""
    talk = [contact_event(at_et("2026-11-09", "10:00"), outcome="conversation", debt_id="MED")]
    allowed(engine, request(at_et("2026-11-10", "10:00"), debt_id="CC", events=talk))
    denied_by(
        engine,
        request(at_et("2026-11-10", "10:00"), debt_id="MED", events=talk),
        AFTER_CONVERSATION,
    )


def test_comment_14_b_4_2_iv_conversation_about_both_debts(engine: Engine) -> None:
    """A conversation about both debts starts the seven-day period for each (a contact event
    without a debt_id concerns every debt)."""
    talk = [contact_event(at_et("2026-11-09", "10:00"), outcome="conversation", debt_id=None)]
    for debt in ("MED", "CC"):
        denied_by(
            engine,
            request(at_et("2026-11-10", "10:00"), debt_id=debt, events=talk),
            AFTER_CONVERSATION,
        )


def test_comment_14_b_4_2_v_general_conversation_counted_toward_one_debt(engine: Engine) -> None:
    """Two calls for the medical debt and four for the credit card November 9-11; a general
    conversation on November 12 the collector counts toward the medical debt only."""
    calls = [contact_event(at_et("2026-11-09", c), debt_id="MED") for c in ("09:00", "15:00")]
    calls += [
        contact_event(at_et(f"2026-11-{d}", c), debt_id="CC")
        for d in (10, 11)
        for c in ("09:00", "15:00")
    ]
    calls.append(contact_event(at_et("2026-11-12", "10:00"), outcome="conversation", debt_id="MED"))
    allowed(engine, request(at_et("2026-11-13", "10:00"), debt_id="CC", events=calls))
    denied_by(
        engine,
        request(at_et("2026-11-13", "10:00"), debt_id="MED", events=calls),
        AFTER_CONVERSATION,
    )


def test_comment_14_b_4_2_vi_consumer_raises_the_other_debt(engine: Engine) -> None:
    """The collector calls about the medical debt; the consumer instead discusses the credit-card
    debt. The collector has placed a call only about the medical debt, but has had a
    conversation about both (the consumer-initiated discussion is an inbound conversation)."""
    events = [
        contact_event(at_et("2026-11-09", "10:00"), outcome="conversation", debt_id="MED"),
        contact_event(
            at_et("2026-11-09", "10:00"), direction="inbound", outcome="conversation", debt_id="CC"
        ),
    ]
    denied_by(
        engine,
        request(at_et("2026-11-10", "10:00"), debt_id="CC", events=events),
        AFTER_CONVERSATION,
    )
    # Six more calls about the credit-card debt would be the seventh call about it, not the eighth.
    six = [contact_event(at_et(f"2026-11-{d}", "10:00"), debt_id="CC") for d in range(17, 23)]
    allowed(engine, request(at_et("2026-11-23", "10:00"), debt_id="CC", events=[*events, *six]))


def test_comment_14_b_4_2_vii_student_loans_serviced_under_one_account(engine: Engine) -> None:
    """Three student loans serviced under one account number are one debt: seven calls about any
    of them in seven days, and a conversation about one of them, count for all three."""
    loans = {"debt_type": "student_loan", "account_id": "ACCT-1"}
    calls = [
        contact_event(at_et(f"2026-06-{d}", "10:00"), debt_id=f"L{d % 3}", account_id="ACCT-1")
        for d in range(10, 17)
    ]
    denied_by(
        engine,
        request(at_et("2026-06-16", "12:00"), debt_id="L9", events=calls, **loans),
        "us.regf.call-frequency-student-loans",
    )
    talk = [
        contact_event(
            at_et("2026-06-15", "10:00"), outcome="conversation", debt_id="L1", account_id="ACCT-1"
        )
    ]
    denied_by(
        engine,
        request(at_et("2026-06-16", "12:00"), debt_id="L2", events=talk, **loans),
        "us.regf.call-after-conversation-student-loans",
    )


# ============================================================= 1006.22(f): media restrictions


def test_comment_22_f_3_1_work_email_used_or_consented(engine: Engine) -> None:
    """An address the collector knows the employer provides may be used only if the consumer
    used it to write to the collector or consented to its use."""
    work = {"channel": "email", "email": "pat@employer.example", "email_kind": "work"}
    denied_by(engine, request(at_et("2026-06-16", "10:00"), **work), "us.regf.work-email")
    wrote = contact_event(
        "2026-06-10T14:00:00Z",
        channel="email",
        direction="inbound",
        outcome="delivered",
        email="pat@employer.example",
    )
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[wrote], **work))
    agreed = event("consent", "2026-06-10T14:00:00Z", kind="email", email="pat@employer.example")
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[agreed], **work))


def test_comment_22_f_4_1_social_media(engine: Engine) -> None:
    """A message viewable by the public or the person's contacts is prohibited; a private
    message is not."""
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), channel="social_media", visibility="public"),
        "us.regf.public-social-media",
    )
    allowed(
        engine, request(at_et("2026-06-16", "10:00"), channel="social_media", visibility="private")
    )


# ============================================================= 1006.10, 1006.6(a)(4), 1006.38


def test_1006_10_c_second_communication_with_the_same_third_party(engine: Engine) -> None:
    """A third party may be communicated with once for location information; unanswered tries
    are not communications."""
    third = {"recipient": "third_party", "phone": OTHER_PHONE}
    talked = [contact_event("2026-05-10T14:00:00Z", outcome="conversation", **third)]
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), events=talked, **third),
        "us.regf.location-communication-once",
    )
    rang = [contact_event("2026-05-10T14:00:00Z", outcome="no_answer", **third)]
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=rang, **third))


def test_1006_10_b_5_only_the_attorney_once_representation_is_known(engine: Engine) -> None:
    """Once the collector knows the consumer has an attorney for the debt, location
    communications go to that attorney only."""
    lawyer = [event("attorney_representation", "2026-06-01T14:00:00Z", debt_ids=["D1"])]
    third = {"recipient": "third_party", "phone": OTHER_PHONE}
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), events=lawyer, **third),
        "us.regf.location-attorney-known",
    )
    allowed(
        engine,
        request(
            at_et("2026-06-16", "10:00"), recipient="attorney", phone=OTHER_PHONE, events=lawyer
        ),
    )


def test_comment_6_a_4_1_deceased_consumers_personal_representative(engine: Engine) -> None:
    """For a deceased consumer, 'consumer' includes any person authorised to act for the estate;
    anyone else is a third party."""
    died = [event("deceased", "2026-06-01T14:00:00Z")]
    denied_by(
        engine, request(at_et("2026-06-16", "10:00"), events=died), "us.regf.deceased-consumer"
    )
    allowed(engine, request(at_et("2026-06-16", "10:00"), estate_representative=True, events=died))


def test_1006_38_d_2_ii_duplicative_dispute_suspends_collection_again(engine: Engine) -> None:
    """A written dispute stops collection until verification is sent; a later dispute stops it
    again until the collector answers it (verification, or a duplicative-dispute notice, which
    the caller records as verification_sent)."""
    first = event("dispute", "2026-06-02T14:00:00Z", debt_id="D1", written=True)
    verified = event("verification_sent", "2026-06-05T14:00:00Z", debt_id="D1")
    second = event("dispute", "2026-06-08T14:00:00Z", debt_id="D1", written=True)
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[first, verified]))
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), events=[first, verified, second]),
        "us.regf.dispute-suspends-collection",
    )
    answered = event("verification_sent", "2026-06-10T14:00:00Z", debt_id="D1")
    allowed(
        engine, request(at_et("2026-06-16", "10:00"), events=[first, verified, second, answered])
    )


# ============================================================= TCPA and the FCC's rules


def tcpa_consent(at: str = "2026-05-01T14:00:00Z", **fields: Any) -> dict[str, Any]:
    return event("consent", at, kind="tcpa_prior_express", phone=PHONE, **fields)


def test_227_b_1_a_iii_autodialed_text_to_a_mobile_needs_consent(engine: Engine) -> None:
    """A text is a call; autodialed to a wireless number it needs prior express consent, which a
    creditor needs as much as a collector."""
    texting = {"channel": "sms", "technology": "autodialer", "role": "first_party"}
    denied_by(engine, request(at_et("2026-06-16", "10:00"), **texting), TCPA_CONSENT)
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[tcpa_consent()], **texting))


def test_fcc_2022_ringless_voicemail_is_a_call(engine: Engine) -> None:
    """A ringless voicemail to a wireless number is a call with a prerecorded voice and needs
    consent (FCC 22-85)."""
    drop = {"technology": "voicemail_drop", "role": "first_party"}
    denied_by(engine, request(at_et("2026-06-16", "10:00"), **drop), TCPA_CONSENT)
    allowed(engine, request(at_et("2026-06-16", "10:00"), events=[tcpa_consent()], **drop))


def test_barr_v_aapc_no_exemption_for_federal_student_loans(engine: Engine) -> None:
    """The exception for calls to collect debts owed to or guaranteed by the United States was
    severed (Barr v. AAPC, 2020): an autodialed call about a federal student loan needs
    consent."""
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), technology="autodialer", debt_type="student_loan"),
        TCPA_CONSENT,
    )


def test_64_1200_a_10_revocation_by_reasonable_means_from_2025(engine: Engine) -> None:
    """A revocation made by any reasonable means ends consent (honoured at once by default)."""
    revoked = event(
        "consent_revoked", "2026-06-15T14:00:00Z", kind="tcpa_prior_express", phone=PHONE
    )
    denied_by(
        engine,
        request(
            at_et("2026-06-16", "10:00"), technology="autodialer", events=[tcpa_consent(), revoked]
        ),
        TCPA_CONSENT,
    )


def test_64_1200_a_3_iii_three_prerecorded_calls_to_a_residential_line(engine: Engine) -> None:
    """From 2023-07-20 an exempt (non-telemarketing commercial) prerecorded call to a residential
    line is limited to three within any consecutive 30 days."""
    landline = {"technology": "prerecorded", "phone_type": "landline", "role": "first_party"}
    three = [
        contact_event(at_et(f"2026-06-{d:02d}", "10:00"), technology="prerecorded", phone=PHONE)
        for d in (1, 8, 15)
    ]
    denied_by(
        engine, request(at_et("2026-06-20", "10:00"), events=three, **landline), TCPA_RESIDENTIAL
    )
    allowed(engine, request(at_et("2026-06-20", "10:00"), events=three[1:], **landline))
    # Before the limit took effect, a fourth call was exempt.
    old = [
        contact_event(at_et(f"2023-06-{d:02d}", "10:00"), technology="prerecorded", phone=PHONE)
        for d in (1, 8, 15)
    ]
    allowed(engine, request(at_et("2023-06-20", "10:00"), events=old, **landline))


def test_fcc_22_100_consent_lifts_the_residential_limit(engine: Engine) -> None:
    """Callers may exceed the three-call limit with the called party's prior express consent,
    oral or written (FCC 22-100, 88 FR 3668)."""
    landline = {"technology": "prerecorded", "phone_type": "landline", "role": "first_party"}
    three = [
        contact_event(at_et(f"2026-06-{d:02d}", "10:00"), technology="prerecorded", phone=PHONE)
        for d in (1, 8, 15)
    ]
    allowed(
        engine, request(at_et("2026-06-20", "10:00"), events=[tcpa_consent(), *three], **landline)
    )


# ============================================================= 11 U.S.C. 362


def test_362_a_6_stay_binds_creditors_from_the_filing_date(engine: Engine) -> None:
    """The stay arises on filing and binds every entity; it ends when the case is closed."""
    case = event("bankruptcy", "2026-06-03T14:00:00Z", filed="2026-06-01", closed="2026-06-30")
    denied_by(
        engine,
        request(at_et("2026-06-16", "10:00"), role="first_party", events=[case]),
        "us.bankruptcy.automatic-stay",
    )
    allowed(engine, request(at_et("2026-07-01", "10:00"), role="first_party", events=[case]))


# ============================================================= effective dates, who is bound


def _trace(decision: Decision, rule: str) -> tuple[str, str, str]:
    entry = next(e for e in decision.evaluated if e.rule_id == rule)
    return entry.outcome, entry.version, entry.reason


@pytest.mark.parametrize(
    ("at", "version"), [("2019-06-18", "1978-03-20"), ("2026-06-16", "2021-11-30")]
)
def test_trace_names_the_version_in_force(engine: Engine, at: str, version: str) -> None:
    """An audit of a 2019 contact applies the FDCPA as it stood; a 2026 contact Regulation F."""
    decision = engine.evaluate(request(at_et(at, "10:00")))
    assert _trace(decision, TIME_OF_DAY)[:2] == ("pass", version)


def test_no_call_frequency_presumption_before_regulation_f(engine: Engine) -> None:
    """The seven-in-seven presumption came with Regulation F (2021-11-30)."""
    calls = [contact_event(at_et(f"2021-11-{d}", "10:00")) for d in range(20, 27)]
    decision = allowed(engine, request(at_et("2021-11-26", "12:00"), events=calls))
    assert _trace(decision, CALL_FREQUENCY)[0] == "not_applicable"
    recent = [contact_event(at_et(f"2021-11-{d}", "10:00")) for d in range(24, 31)]
    denied_by(engine, request(at_et("2021-11-30", "12:00"), events=recent), CALL_FREQUENCY)


def test_creditors_and_business_debts_are_outside_the_fdcpa(engine: Engine) -> None:
    """Regulation F binds debt collectors collecting consumer debts; the trace says why a rule
    does not apply to an original creditor or a business debt."""
    creditor = engine.evaluate(request(at_et("2026-06-16", "07:00"), role="first_party"))
    assert creditor.allowed
    outcome, _, reason = _trace(creditor, TIME_OF_DAY)
    assert outcome == "not_applicable" and "first_party" in reason
    business = request(at_et("2026-06-16", "07:00"))
    business["debt"]["purpose"] = "business"
    outcome, _, reason = _trace(engine.evaluate(business), TIME_OF_DAY)
    assert outcome == "not_applicable" and "business" in reason
