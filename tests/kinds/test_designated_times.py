"""consumer_designated_times: local ranges the consumer said are inconvenient."""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Engine
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

SAID_AT = "2026-06-01T15:00:00Z"


def inconvenient(days: list[str], start: str, end: str, at: str = SAID_AT) -> dict[str, Any]:
    return {"type": "inconvenient_time", "at": at, "days": days, "from": start, "to": end}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return make_engine("kind: consumer_designated_times")


def test_lunch_hour_blocked_from_1200_until_1300(engine: Engine) -> None:
    """Reg F 1006.6(b)(1)(i): a time the consumer named is inconvenient, [from, to)."""
    lunch = [inconvenient(["mon"], "12:00", "13:00")]
    assert engine.evaluate(make_request(at="2026-06-15T11:59:00-04:00", events=lunch)).allowed
    at_noon = engine.evaluate(make_request(at="2026-06-15T12:00:00-04:00", events=lunch))
    assert violation_ids(at_noon) == [RULE_ID]
    assert at_noon.next_allowed_at == "2026-06-15T17:00:00Z"
    at_1259 = engine.evaluate(make_request(at="2026-06-15T12:59:00-04:00", events=lunch))
    assert at_1259.next_allowed_at == "2026-06-15T17:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-15T13:00:00-04:00", events=lunch)).allowed


def test_range_applies_only_on_its_weekdays(engine: Engine) -> None:
    """A Monday designation does not make Tuesday's lunch hour inconvenient."""
    lunch = [inconvenient(["mon"], "12:00", "13:00")]
    assert engine.evaluate(make_request(at="2026-06-16T12:30:00-04:00", events=lunch)).allowed


def test_range_past_midnight_friday_2200_to_saturday_0900(engine: Engine) -> None:
    """A range whose to <= from wraps: Friday 22:00 blocks until Saturday 09:00."""
    nights = [inconvenient(["fri"], "22:00", "09:00")]
    assert engine.evaluate(make_request(at="2026-06-12T21:59:00-04:00", events=nights)).allowed
    friday = engine.evaluate(make_request(at="2026-06-12T22:00:00-04:00", events=nights))
    assert violation_ids(friday) == [RULE_ID]
    assert friday.next_allowed_at == "2026-06-13T13:00:00Z"
    saturday = engine.evaluate(make_request(at="2026-06-13T08:59:00-04:00", events=nights))
    assert saturday.next_allowed_at == "2026-06-13T13:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-13T09:00:00-04:00", events=nights)).allowed


def test_wrapping_range_does_not_spill_from_an_undesignated_day(engine: Engine) -> None:
    """Only Friday night is designated: Friday 08:00 (Thursday night's tail) stays allowed."""
    nights = [inconvenient(["fri"], "22:00", "09:00")]
    assert engine.evaluate(make_request(at="2026-06-12T08:00:00-04:00", events=nights)).allowed
    assert engine.evaluate(make_request(at="2026-06-11T23:00:00-04:00", events=nights)).allowed


def test_from_equal_to_blocks_the_whole_day_until_midnight(engine: Engine) -> None:
    """00:00 to 00:00 on Sunday: the whole Sunday is inconvenient, Monday 00:00 is free."""
    sundays = [inconvenient(["sun"], "00:00", "00:00")]
    decision = engine.evaluate(make_request(at="2026-06-14T10:00:00-04:00", events=sundays))
    assert decision.next_allowed_at == "2026-06-15T04:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-15T00:00:00-04:00", events=sundays)).allowed


def test_adjacent_ranges_wait_for_the_end_of_the_last(engine: Engine) -> None:
    """Two back-to-back ranges: next_allowed_at is the end of the second, not the first."""
    ranges = [inconvenient(["mon"], "12:00", "13:00"), inconvenient(["mon"], "13:00", "14:00")]
    decision = engine.evaluate(make_request(at="2026-06-15T12:30:00-04:00", events=ranges))
    assert decision.next_allowed_at == "2026-06-15T18:00:00Z"


def test_designation_dated_after_the_contact_is_ignored(engine: Engine) -> None:
    """The contract: events after contact.at were not known then and do not count."""
    later = [inconvenient(["mon"], "12:00", "13:00", at="2026-06-15T16:30:01Z")]
    decision = engine.evaluate(make_request(at="2026-06-15T12:30:00-04:00", events=later))
    assert decision.allowed
    assert outcome(decision) == "pass"
    same_instant = [inconvenient(["mon"], "12:00", "13:00", at="2026-06-15T16:30:00Z")]
    denied = engine.evaluate(make_request(at="2026-06-15T12:30:00-04:00", events=same_instant))
    assert violation_ids(denied) == [RULE_ID]


# Monday 2026-06-15 in Cambridge MA (EDT): the consumer designated 18:00-22:00 inconvenient.
EVENINGS = [inconvenient(["mon"], "18:00", "22:00")]


def _inbound(at: str, channel: str = "call") -> dict[str, Any]:
    return {
        "type": "contact",
        "at": at,
        "channel": channel,
        "direction": "inbound",
        "outcome": "conversation",
        "debt_id": "D1",
        "phone": "+16175550123",
    }


@pytest.fixture(scope="module")
def replying() -> Engine:
    return make_engine("kind: consumer_designated_times\nparams: {one_reply_to_inbound: true}")


def test_one_reply_to_a_consumer_who_called_in_the_designated_stretch(replying: Engine) -> None:
    """Comment 6(b)(1)-2: a consumer who reaches out at a designated time may get one reply,
    through the same medium, during that same stretch; without the parameter, none."""
    history = [*EVENINGS, _inbound("2026-06-15T19:00:00-04:00")]
    reply = make_request(at="2026-06-15T19:30:00-04:00", events=history)
    assert replying.evaluate(reply).allowed
    plain = make_engine("kind: consumer_designated_times")
    assert violation_ids(plain.evaluate(reply)) == [RULE_ID]


def test_no_reply_through_another_medium_or_after_a_reply(replying: Engine) -> None:
    """The one reply must use the consumer's medium, and only the first one is allowed."""
    called = [*EVENINGS, _inbound("2026-06-15T19:00:00-04:00")]
    by_text = make_request(at="2026-06-15T19:30:00-04:00", channel="sms", events=called)
    assert violation_ids(replying.evaluate(by_text)) == [RULE_ID]
    replied = {**_inbound("2026-06-15T19:10:00-04:00"), "direction": "outbound"}
    second = make_request(at="2026-06-15T19:30:00-04:00", events=[*called, replied])
    assert violation_ids(replying.evaluate(second)) == [RULE_ID]


def test_no_reply_in_a_later_stretch_or_to_a_call_outside_one(replying: Engine) -> None:
    """The reply belongs to the stretch the consumer called in: not next Monday's, and a call
    the consumer made outside any designated time allows nothing inside one."""
    last_week = [*EVENINGS, _inbound("2026-06-08T19:00:00-04:00")]
    later = make_request(at="2026-06-15T19:30:00-04:00", events=last_week)
    assert violation_ids(replying.evaluate(later)) == [RULE_ID]
    afternoon = [*EVENINGS, _inbound("2026-06-15T17:00:00-04:00")]
    evening = make_request(at="2026-06-15T19:30:00-04:00", events=afternoon)
    assert violation_ids(replying.evaluate(evening)) == [RULE_ID]
