"""``next_allowed_at`` is exact: allowed at that instant, denied at every earlier minute after
``contact.at``; when null, waiting (we sample 60 days) never allows the contact."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from contactrules import Engine
from contactrules.testing import requests

MINUTE = dt.timedelta(minutes=1)


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _at(request: dict[str, Any], instant: dt.datetime) -> dict[str, Any]:
    """The same contact at ``instant``, with the events known at the original ``contact.at``
    (the contract: the same contact, with the same events)."""
    original = _instant(request["contact"]["at"])
    known = [e for e in request["events"] if _instant(e["at"]) <= original]
    contact = {**request["contact"], "at": instant.isoformat()}
    return {**request, "contact": contact, "events": known}


@given(requests(events_after=True), st.lists(st.floats(0, 1), max_size=8))
def test_next_allowed_at_is_the_first_allowed_minute(
    engine: Engine, request: dict[str, Any], fractions: list[float]
) -> None:
    """The contract: next_allowed_at is the earliest instant at or after contact.at at which
    the same contact would be allowed, exact to the minute. Re-evaluated there it is allowed; at
    the minute before it, and at sampled minutes between, it is denied."""
    decision = engine.evaluate(request)
    if decision.next_allowed_at is None:
        return
    start = _instant(request["contact"]["at"])
    first = _instant(decision.next_allowed_at)
    assert first >= start
    assert engine.evaluate(_at(request, first)).allowed, "not allowed at next_allowed_at"
    if first == start:
        assert decision.allowed
        return
    assert not decision.allowed
    span = first - start
    earlier = {first - MINUTE, *(start + span * f for f in fractions)}
    for instant in sorted(earlier):
        if start <= instant < first:
            assert not engine.evaluate(_at(request, instant)).allowed, instant


@given(requests(), st.lists(st.integers(1, 60 * 24 * 60), min_size=1, max_size=12))
def test_null_next_allowed_at_means_waiting_never_helps(
    engine: Engine, request: dict[str, Any], minutes: list[int]
) -> None:
    """The contract: null when no passage of time alone can allow the contact (a cease request,
    an opt-out, an open stay). No sampled instant in the next 60 days is allowed."""
    decision = engine.evaluate(request)
    if decision.next_allowed_at is not None:
        return
    start = _instant(request["contact"]["at"])
    for later in sorted(set(minutes)):
        instant = start + dt.timedelta(minutes=later)
        assert not engine.evaluate(_at(request, instant)).allowed, instant
