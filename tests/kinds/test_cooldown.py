"""cooldown: after a matching event, no contact for ``days`` local days (its day is day 1)."""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Engine
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

AFTER_CONVERSATION = """
kind: cooldown
applies_to: {channels: [call]}
params:
  days: 7
  per: debt
  after: {channels: [call], outcomes: [conversation]}
"""


def conversation(at: str, **fields: Any) -> dict[str, Any]:
    event = {
        "type": "contact",
        "at": at,
        "channel": "call",
        "direction": "outbound",
        "outcome": "conversation",
        "debt_id": "D1",
        "phone": "+16175550123",
    }
    event.update(fields)
    return event


# Monday 2026-06-08, 15:00 EDT.
MONDAY_TALK = [conversation("2026-06-08T15:00:00-04:00")]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return make_engine(AFTER_CONVERSATION)


def test_conversation_monday_blocks_through_sunday(engine: Engine) -> None:
    """Reg F 1006.14(b)(2)(i)(B): the conversation's day is day 1; Sunday is day 7."""
    sunday = engine.evaluate(make_request(at="2026-06-14T20:59:00-04:00", events=MONDAY_TALK))
    assert violation_ids(sunday) == [RULE_ID]
    assert sunday.next_allowed_at == "2026-06-15T04:00:00Z"


def test_next_monday_midnight_is_allowed(engine: Engine) -> None:
    """Reg F 1006.14(b)(2)(i)(B): day 8 (the next Monday) is outside the period."""
    decision = engine.evaluate(make_request(at="2026-06-15T00:00:00-04:00", events=MONDAY_TALK))
    assert decision.allowed
    assert outcome(decision) == "pass"


def test_same_day_after_the_conversation_is_blocked(engine: Engine) -> None:
    """A second call later on the conversation's own day is within the period."""
    decision = engine.evaluate(make_request(at="2026-06-08T18:00:00-04:00", events=MONDAY_TALK))
    assert decision.next_allowed_at == "2026-06-15T04:00:00Z"


def test_conversation_day_is_the_local_day_not_the_utc_day(engine: Engine) -> None:
    """03:30Z on Tuesday 06-09 is 23:30 EDT Monday 06-08: day 1 is Monday, 06-15 is free."""
    late_monday = [conversation("2026-06-09T03:30:00Z")]
    assert engine.evaluate(make_request(at="2026-06-15T10:00:00-04:00", events=late_monday)).allowed
    sunday = engine.evaluate(make_request(at="2026-06-14T10:00:00-04:00", events=late_monday))
    assert sunday.next_allowed_at == "2026-06-15T04:00:00Z"


def test_conversation_about_another_debt_does_not_block(engine: Engine) -> None:
    """per: debt — a conversation about D2 does not start a period for D1."""
    other = [conversation("2026-06-08T15:00:00-04:00", debt_id="D2")]
    assert engine.evaluate(make_request(at="2026-06-10T10:00:00-04:00", events=other)).allowed


def test_unanswered_call_does_not_start_a_cooldown(engine: Engine) -> None:
    """Only a conversation starts the period; a no_answer call does not."""
    missed = [conversation("2026-06-08T15:00:00-04:00", outcome="no_answer")]
    assert engine.evaluate(make_request(at="2026-06-10T10:00:00-04:00", events=missed)).allowed


def test_latest_conversation_decides_the_end(engine: Engine) -> None:
    """Two conversations: the period runs from the later one (Wednesday 06-10, through 06-16)."""
    talks = [*MONDAY_TALK, conversation("2026-06-10T11:00:00-04:00")]
    decision = engine.evaluate(make_request(at="2026-06-15T10:00:00-04:00", events=talks))
    assert decision.next_allowed_at == "2026-06-17T04:00:00Z"


def test_cooldown_end_is_still_subject_to_the_time_window() -> None:
    """At 00:00 on day 8 the cooldown ends, but the call waits for 08:00 (1006.6(b)(1)(i))."""
    engine = make_engine(
        AFTER_CONVERSATION,
        """
        kind: time_window
        params:
          windows: [{start: "08:00", end: "21:00"}]
        """,
    )
    decision = engine.evaluate(make_request(at="2026-06-12T10:00:00-04:00", events=MONDAY_TALK))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-15T12:00:00Z"


def test_letter_is_not_governed_by_a_call_cooldown(engine: Engine) -> None:
    """applies_to.channels: [call] — a letter the day after a conversation is not restricted."""
    letter = make_request(at="2026-06-09T10:00:00-04:00", channel="letter", events=MONDAY_TALK)
    decision = engine.evaluate(letter)
    assert decision.allowed
    assert outcome(decision) == "not_applicable"


def test_consent_window_lifts_the_cooldown() -> None:
    """Reg F 1006.14(b)(3)(i), comment 14(b)(3)(i)-3.i: 'call back on Monday' after a Friday
    conversation; the window ends at the next conversation (14(b)(3)(i)-3.ii)."""
    engine = make_engine(
        AFTER_CONVERSATION
        + """
  exempt_after_consent:
    consent_kinds: [call_frequency]
    days: 7
    ended_by: {channels: [call], outcomes: [conversation]}
"""
    )
    friday = conversation("2026-06-12T10:00:00-04:00")
    consent = {"type": "consent", "at": "2026-06-12T10:05:00-04:00", "kind": "call_frequency"}
    monday = "2026-06-15T10:00:00-04:00"
    assert engine.evaluate(make_request(at=monday, events=[friday, consent])).allowed
    assert violation_ids(engine.evaluate(make_request(at=monday, events=[friday]))) == [RULE_ID]
    talked = conversation("2026-06-15T10:00:00-04:00")
    wednesday = make_request(at="2026-06-17T10:00:00-04:00", events=[friday, consent, talked])
    decision = engine.evaluate(wednesday)
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-22T04:00:00Z"
    # The window (06-12 .. 06-18) would still cover Thursday were it not for the conversation.
    assert outcome(decision) == "fail"
