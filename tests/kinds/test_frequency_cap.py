"""frequency_cap: at most ``max`` counted contacts in ``days`` consecutive local calendar days."""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Engine
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

SEVEN_IN_SEVEN = """
kind: frequency_cap
applies_to: {channels: [call]}
params:
  max: 7
  days: 7
  per: debt
  counts:
    channels: [call]
    directions: [outbound]
    outcomes: [conversation, no_answer, voicemail]
"""

EIGHT_TO_NINE = """
kind: time_window
params:
  windows: [{start: "08:00", end: "21:00"}]
"""

# Monday 2026-06-15, 10:00 EDT: the seven-day period is Tuesday 06-09 .. Monday 06-15.
MONDAY_10 = "2026-06-15T10:00:00-04:00"


def call(at: str, **fields: Any) -> dict[str, Any]:
    event = {
        "type": "contact",
        "at": at,
        "channel": "call",
        "direction": "outbound",
        "outcome": "no_answer",
        "debt_id": "D1",
        "phone": "+16175550123",
    }
    event.update(fields)
    return event


def week_of_calls(n: int, first_day: int = 9, **fields: Any) -> list[dict[str, Any]]:
    """``n`` calls at 10:00 EDT, one a day from 2026-06-<first_day> (the last may be on 06-15)."""
    return [call(f"2026-06-{first_day + i:02d}T10:00:00-04:00", **fields) for i in range(n)]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return make_engine(SEVEN_IN_SEVEN)


def test_seventh_call_allowed_eighth_denied(engine: Engine) -> None:
    """Reg F 1006.14(b)(2)(i)(A): more than seven calls in seven days; the 8th is denied."""
    six = engine.evaluate(make_request(at=MONDAY_10, events=week_of_calls(6)))
    assert six.allowed
    assert outcome(six) == "pass"
    seven = engine.evaluate(make_request(at=MONDAY_10, events=week_of_calls(7)))
    assert violation_ids(seven) == [RULE_ID]
    # The 06-09 call leaves the period at local midnight starting 06-16.
    assert seven.next_allowed_at == "2026-06-16T04:00:00Z"


def test_call_eight_local_days_back_is_outside_the_period(engine: Engine) -> None:
    """Seven consecutive days end on the contact's day: a call on 06-08 is not counted on 06-15."""
    calls = week_of_calls(7, first_day=8)  # 06-08 .. 06-14
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed


def test_days_are_local_calendar_days_not_utc_days(engine: Engine) -> None:
    """A call at 2026-06-09T03:30Z is 23:30 EDT on 06-08: outside the 06-09..06-15 period."""
    calls = [call("2026-06-09T03:30:00Z"), *week_of_calls(6, first_day=10)]
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed
    # One hour later in UTC terms it is 00:30 EDT on 06-09, inside the period.
    calls[0] = call("2026-06-09T04:30:00Z")
    denied = engine.evaluate(make_request(at=MONDAY_10, events=calls))
    assert violation_ids(denied) == [RULE_ID]
    assert denied.next_allowed_at == "2026-06-16T04:00:00Z"


def test_next_allowed_at_midnight_is_still_subject_to_the_time_window() -> None:
    """The cap lifts at local midnight, but 08:00 (1006.6(b)(1)(i)) is when the call may go."""
    engine = make_engine(SEVEN_IN_SEVEN, EIGHT_TO_NINE)
    decision = engine.evaluate(make_request(at=MONDAY_10, events=week_of_calls(7)))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-16T12:00:00Z"


def test_calls_about_another_debt_do_not_count_per_debt(engine: Engine) -> None:
    """The presumption is per particular debt: calls about D2 do not count for D1."""
    calls = [*week_of_calls(6), call("2026-06-15T09:00:00-04:00", debt_id="D2")]
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed


def test_per_consumer_counts_every_debt() -> None:
    """per: consumer counts calls about any debt of the consumer."""
    engine = make_engine(SEVEN_IN_SEVEN.replace("per: debt", "per: consumer"))
    calls = [*week_of_calls(6), call("2026-06-15T09:00:00-04:00", debt_id="D2")]
    decision = engine.evaluate(make_request(at=MONDAY_10, events=calls))
    assert violation_ids(decision) == [RULE_ID]


def test_per_phone_counts_only_calls_to_the_dialed_number() -> None:
    """per: phone counts only past calls to the same number."""
    engine = make_engine(SEVEN_IN_SEVEN.replace("per: debt", "per: phone"))
    calls = [*week_of_calls(6), call("2026-06-15T09:00:00-04:00", phone="+16175550199")]
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed
    calls[-1] = call("2026-06-15T09:00:00-04:00")
    assert violation_ids(engine.evaluate(make_request(at=MONDAY_10, events=calls))) == [RULE_ID]


def test_text_messages_are_not_counted_as_calls(engine: Engine) -> None:
    """Only channels: [call] count; a text is not a telephone call for the presumption."""
    calls = [*week_of_calls(6), call("2026-06-15T09:00:00-04:00", channel="sms")]
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed


@pytest.mark.parametrize("not_counted", ["busy", "not_connected"])
def test_calls_that_did_not_connect_are_not_counted(engine: Engine, not_counted: str) -> None:
    """Reg F 1006.14(b)(3): unconnected calls (busy, not_connected) are excluded by the filter."""
    calls = [*week_of_calls(6), call("2026-06-15T09:00:00-04:00", outcome=not_counted)]
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed


def test_voicemail_left_is_counted(engine: Engine) -> None:
    """A call reaching voicemail connected to the number and counts."""
    calls = [*week_of_calls(6), call("2026-06-15T09:00:00-04:00", outcome="voicemail")]
    assert violation_ids(engine.evaluate(make_request(at=MONDAY_10, events=calls))) == [RULE_ID]


def test_inbound_calls_are_not_counted_with_directions_outbound(engine: Engine) -> None:
    """directions: [outbound]: the consumer's own calls do not count towards the cap."""
    calls = [*week_of_calls(6), call("2026-06-15T09:00:00-04:00", direction="inbound")]
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed


def test_calls_after_the_contact_instant_are_not_counted(engine: Engine) -> None:
    """Events after contact.at are unknown at that instant (the contract)."""
    calls = [*week_of_calls(6), call("2026-06-15T10:00:01-04:00")]
    assert engine.evaluate(make_request(at=MONDAY_10, events=calls)).allowed


def test_two_in_seven_days_waits_for_the_earlier_day_to_leave() -> None:
    """A Massachusetts-style cap of 2 per 7 days: the 3rd waits until the 1st call's day leaves."""
    engine = make_engine(SEVEN_IN_SEVEN.replace("max: 7", "max: 2"))
    calls = [call("2026-06-10T10:00:00-04:00"), call("2026-06-12T10:00:00-04:00")]
    decision = engine.evaluate(make_request(at="2026-06-16T10:00:00-04:00", events=calls))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-17T04:00:00Z"
    later = make_request(at="2026-06-17T00:00:00-04:00", events=calls)
    assert engine.evaluate(later).allowed


def test_two_counted_calls_on_the_same_first_day_leave_together() -> None:
    """With max 2 and calls 06-10, 06-10, 06-12, the period must pass 06-10 (both its calls)."""
    engine = make_engine(SEVEN_IN_SEVEN.replace("max: 7", "max: 2"))
    calls = [
        call("2026-06-10T09:00:00-04:00"),
        call("2026-06-10T15:00:00-04:00"),
        call("2026-06-12T10:00:00-04:00"),
    ]
    decision = engine.evaluate(make_request(at="2026-06-16T10:00:00-04:00", events=calls))
    assert decision.next_allowed_at == "2026-06-17T04:00:00Z"


def test_cap_is_checked_in_every_candidate_zone() -> None:
    """With an Eastern address and a Pacific number, a call at 23:30 PDT on 06-08 is 06-09 EDT."""
    engine = make_engine(SEVEN_IN_SEVEN)
    sf = "+14155550142"
    calls = [call("2026-06-09T06:30:00Z", phone=sf), *week_of_calls(6, first_day=10, phone=sf)]
    decision = engine.evaluate(make_request(at="2026-06-15T13:00:00-04:00", phone=sf, events=calls))
    # Eastern calendar: the 06-09 02:30 EDT call is inside; the period moves at 00:00 EDT 06-16.
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-16T04:00:00Z"


# D.C. Code 28-3814(d)(4)(B)(ii): one consent-seeking electronic message a week without consent.
CONSENT_SEEKING = """
kind: frequency_cap
applies_to:
  channels: [sms, email, social_media]
  seeks_consent: [true]
  known_only: [seeks_consent]
params:
  max: 1
  days: 7
  per: consumer
  counts: {channels: [sms, email, social_media], directions: [outbound], seeks_consent: [true]}
"""


def text(at: str, **fields: Any) -> dict[str, Any]:
    return call(at, channel="sms", outcome="delivered", **fields)


def test_counts_seeks_consent_counts_flagged_and_unrecorded_messages_only() -> None:
    """counts.seeks_consent [true]: a message flagged false is not counted; one whose flag was
    not recorded still counts (a missing fact never lets a past contact escape a cap)."""
    engine = make_engine(CONSENT_SEEKING)
    ask = make_request(channel="sms", at=MONDAY_10, seeks_consent=True)
    not_seeking = engine.evaluate(
        {**ask, "events": [text("2026-06-12T10:00:00-04:00", seeks_consent=False)]}
    )
    assert not_seeking.allowed
    for flag in (True, None):
        events = [text("2026-06-12T10:00:00-04:00", seeks_consent=flag)]
        decision = engine.evaluate({**ask, "events": events})
        assert violation_ids(decision) == [RULE_ID], flag
        # The 06-12 message leaves the seven days 06-12..06-18 at 00:00 EDT on 06-19.
        assert decision.next_allowed_at == "2026-06-19T04:00:00Z"


def test_known_only_seeks_consent_leaves_unflagged_messages_ungoverned() -> None:
    """known_only: [seeks_consent] — a message not known to seek consent is outside the rule."""
    engine = make_engine(CONSENT_SEEKING)
    events = [text("2026-06-12T10:00:00-04:00", seeks_consent=True)]
    for flag in (None, False):
        request = make_request(channel="sms", at=MONDAY_10, seeks_consent=flag, events=events)
        decision = engine.evaluate(request)
        assert decision.allowed
        assert outcome(decision) == "not_applicable"


# ---------------------------------------------------------------- exempt_after_consent

WITH_CONSENT = (
    SEVEN_IN_SEVEN
    + """
  exempt_after_consent:
    consent_kinds: [call_frequency]
    days: 7
    per_debt: true
    ended_by: {channels: [call], outcomes: [conversation]}
"""
)


def frequency_consent(at: str, **fields: Any) -> dict[str, Any]:
    return {"type": "consent", "at": at, "kind": "call_frequency", **fields}


@pytest.fixture(scope="module")
def consenting() -> Engine:
    return make_engine(WITH_CONSENT)


def test_consent_window_is_seven_local_days_with_the_day_of_receipt_as_day_1(
    consenting: Engine,
) -> None:
    """Reg F 1006.14(b)(3)(i): consent received Tuesday 06-09 at 16:00 covers calls through
    Monday 06-15, the whole day, and not Tuesday 06-16 even before 16:00."""
    consent = frequency_consent("2026-06-09T16:00:00-04:00")
    day_7 = [call(f"2026-06-15T{h:02d}:00:00-04:00") for h in range(8, 15)]
    inside = make_request(at="2026-06-15T20:00:00-04:00", events=[consent, *day_7])
    assert consenting.evaluate(inside).allowed
    day_8 = [call(f"2026-06-16T{h:02d}:00:00-04:00") for h in range(8, 15)]
    outside = make_request(at="2026-06-16T15:00:00-04:00", events=[consent, *day_8])
    assert violation_ids(consenting.evaluate(outside)) == [RULE_ID]


def test_calls_inside_the_window_never_count(consenting: Engine) -> None:
    """Calls placed under the consent stay excluded after the window ends (comment
    14(b)(3)(i)-3.iii): eight calls on days 5-7 do not count on day 8."""
    consent = frequency_consent("2026-06-09T16:00:00-04:00")
    placed = [call(f"2026-06-{d}T{h:02d}:00:00-04:00") for d in (13, 14, 15) for h in (9, 12, 15)]
    later = make_request(at="2026-06-16T10:00:00-04:00", events=[consent, *placed])
    assert consenting.evaluate(later).allowed
    without = make_request(at="2026-06-16T10:00:00-04:00", events=placed)
    assert violation_ids(consenting.evaluate(without)) == [RULE_ID]


def test_calls_before_the_consent_still_count(consenting: Engine) -> None:
    """Only calls placed after the consent is received are placed 'with' it."""
    placed = [call(f"2026-06-15T{h:02d}:00:00-04:00") for h in range(8, 15)]
    consent = frequency_consent("2026-06-15T15:00:00-04:00")
    decision = consenting.evaluate(
        make_request(at="2026-06-16T10:00:00-04:00", events=[*placed, consent])
    )
    # The proposed call is inside the window, so it is not capped; the seven still count later.
    assert decision.allowed
    after = consenting.evaluate(
        make_request(
            at="2026-06-16T10:00:00-04:00",
            events=[
                *placed,
                consent,
                {"type": "consent_revoked", "at": "2026-06-15T20:00:00Z", "kind": "call_frequency"},
            ],
        )
    )
    assert violation_ids(after) == [RULE_ID]


def test_consent_for_another_debt_does_not_exempt(consenting: Engine) -> None:
    consent = frequency_consent("2026-06-09T16:00:00-04:00", debt_ids=["D2"])
    day_7 = [call(f"2026-06-15T{h:02d}:00:00-04:00") for h in range(8, 15)]
    decision = consenting.evaluate(
        make_request(at="2026-06-15T20:00:00-04:00", events=[consent, *day_7])
    )
    assert violation_ids(decision) == [RULE_ID]


def test_a_later_conversation_ends_the_consent(consenting: Engine) -> None:
    """Comment 14(b)(3)(i)-2: the consent expires at the next conversation about the debt; calls
    after it count, the conversation's own call too."""
    consent = frequency_consent("2026-06-12T09:00:00-04:00")
    talk = call("2026-06-12T10:00:00-04:00", outcome="conversation")
    later = [call(f"2026-06-13T{h:02d}:00:00-04:00") for h in range(8, 14)]
    decision = consenting.evaluate(
        make_request(at="2026-06-13T20:00:00-04:00", events=[consent, talk, *later])
    )
    assert violation_ids(decision) == [RULE_ID]
    no_talk = [consent, call("2026-06-12T10:00:00-04:00"), *later]
    assert consenting.evaluate(make_request(at="2026-06-13T20:00:00-04:00", events=no_talk)).allowed


def test_consent_window_ends_at_the_earliest_zone_midnight(consenting: Engine) -> None:
    """With candidate zones Eastern and Pacific, day 7 ends at Eastern midnight: the stricter
    reading of when the window closes."""
    placed = [call(f"2026-06-09T{h:02d}:00:00-04:00") for h in range(8, 15)]
    consent = frequency_consent("2026-06-09T16:00:00-04:00")
    two_zones = [
        {"country": "US", "state": "MA", "postal_code": "02139"},
        {"country": "US", "state": "OR", "postal_code": "97204"},
    ]
    # 00:30 EDT on 06-16 is 21:30 PDT on 06-15: the seven calls of 06-09 are still in Oregon's
    # period, and the consent window, closed at Eastern midnight, no longer covers the call.
    late = make_request(at="2026-06-16T04:30:00Z", events=[*placed, consent], locations=two_zones)
    assert violation_ids(consenting.evaluate(late)) == [RULE_ID]
    earlier = make_request(
        at="2026-06-16T03:30:00Z", events=[*placed, consent], locations=two_zones
    )
    assert consenting.evaluate(earlier).allowed


# ---------------------------------------------------------------- rolling and waived_by_consent

ROLLING = """
kind: frequency_cap
applies_to: {channels: [call]}
params:
  max: 3
  days: 30
  rolling: true
  per: phone
  counts: {channels: [call], directions: [outbound], technologies: [prerecorded]}
  waived_by_consent: {consent_kinds: [tcpa_prior_express], address: phone}
"""


def prerecorded(at: str) -> dict[str, Any]:
    return call(at, technology="prerecorded")


def test_rolling_period_is_days_times_24_hours() -> None:
    """A call leaves a rolling 30-day period exactly 30 x 24 hours after it was made."""
    engine = make_engine(ROLLING)
    calls = [prerecorded(f"2026-{md}T10:00:00-04:00") for md in ("05-16", "06-01", "06-10")]
    before = engine.evaluate(make_request(at="2026-06-15T09:59:00-04:00", events=calls))
    assert violation_ids(before) == [RULE_ID]
    assert before.next_allowed_at == "2026-06-15T14:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-15T10:00:00-04:00", events=calls)).allowed


def test_rolling_period_is_stricter_than_calendar_days_late_in_the_day() -> None:
    """A call at 23:00 on day 1 still counts at 01:00 on day 31 (29 days 2 hours later)."""
    engine = make_engine(ROLLING)
    calls = [
        prerecorded("2026-05-17T23:00:00-04:00"),
        *map(prerecorded, ("2026-06-01T10:00:00-04:00", "2026-06-10T10:00:00-04:00")),
    ]
    decision = engine.evaluate(make_request(at="2026-06-16T01:00:00-04:00", events=calls))
    assert violation_ids(decision) == [RULE_ID]


def test_waived_by_an_unrevoked_consent_for_the_number() -> None:
    """FCC 22-100: consent lifts the residential limit; consent for another number, or one
    revoked, does not."""
    engine = make_engine(ROLLING)
    calls = [prerecorded(f"2026-06-{d:02d}T10:00:00-04:00") for d in (1, 8, 12)]
    given = {"type": "consent", "at": "2026-05-01T10:00:00Z", "kind": "tcpa_prior_express"}
    mine = {**given, "phone": "+16175550123"}
    other = {**given, "phone": "+16175550999"}
    at = "2026-06-15T10:00:00-04:00"
    assert engine.evaluate(make_request(at=at, events=[mine, *calls])).allowed
    assert violation_ids(engine.evaluate(make_request(at=at, events=[other, *calls]))) == [RULE_ID]
    revoked = {**mine, "type": "consent_revoked", "at": "2026-06-02T10:00:00Z"}
    denied = engine.evaluate(make_request(at=at, events=[mine, revoked, *calls]))
    assert violation_ids(denied) == [RULE_ID]


CONSENT_EXEMPT = """
kind: frequency_cap
applies_to: {channels: [call]}
params:
  max: 7
  days: 7
  per: debt
  counts: {channels: [call], directions: [outbound]}
  exempt_after_consent: {consent_kinds: [call_frequency], days: 7}
"""


def _consent(at: str, **fields: Any) -> dict[str, Any]:
    return {"type": "consent", "at": at, "kind": "call_frequency", **fields}


def test_calls_inside_a_consent_window_are_not_counted_after_it_ends() -> None:
    """1006.14(b)(3)(i): calls placed within seven days after direct prior consent do not count,
    even once the window has closed; the first call after it is not the eighth."""
    engine = make_engine(CONSENT_EXEMPT)
    # Consent Mon 06-08 09:00 EDT: its window ends Mon 06-15 09:00, before the 10:00 call, and
    # holds six of the seven calls (06-09 .. 06-14).
    covered = [_consent("2026-06-08T09:00:00-04:00"), *week_of_calls(7)]
    assert engine.evaluate(make_request(at=MONDAY_10, events=covered)).allowed
    # Consent a week earlier: its window closed before the calls, so all seven count.
    earlier = [_consent("2026-06-01T09:00:00-04:00"), *week_of_calls(7)]
    decision = engine.evaluate(make_request(at=MONDAY_10, events=earlier))
    assert violation_ids(decision) == [RULE_ID]


def test_consent_for_another_debt_neither_exempts_nor_uncounts() -> None:
    """Direct prior consent is given for a particular debt: consent naming only another debt
    neither exempts the call nor removes calls about this debt from the count."""
    engine = make_engine(CONSENT_EXEMPT)
    calls = week_of_calls(7)
    other = [_consent("2026-06-12T09:00:00-04:00", debt_ids=["D2"]), *calls]
    mine = [_consent("2026-06-12T09:00:00-04:00", debt_ids=["D1"]), *calls]
    assert violation_ids(engine.evaluate(make_request(at=MONDAY_10, events=other))) == [RULE_ID]
    assert engine.evaluate(make_request(at=MONDAY_10, events=mine)).allowed
