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
