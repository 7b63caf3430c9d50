"""Instant invariance and as-of: a decision depends on instants, not on how they are written,
and only on what was known at ``contact.at``."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from contactrules import Decision, Engine
from contactrules.testing import events, requests, subject_of
from contactrules.testing.moments import OFFSETS_HOURS, render


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _rewritten(request: dict[str, Any], offsets: list[float]) -> dict[str, Any]:
    """The same request with every instant written at another UTC offset."""
    pick = itertools.cycle(offsets)

    def again(text: str) -> str:
        return render(_instant(text), next(pick))

    rewritten_events = []
    for event in request["events"]:
        event = {**event, "at": again(event["at"])}
        if event.get("ended_at"):
            event["ended_at"] = again(event["ended_at"])
        rewritten_events.append(event)
    contact = {**request["contact"], "at": again(request["contact"]["at"])}
    return {**request, "contact": contact, "events": rewritten_events}


@given(requests(), st.lists(st.sampled_from(OFFSETS_HOURS), min_size=1, max_size=5))
def test_the_same_instant_at_any_offset_gives_the_same_decision(
    engine: Engine, request: dict[str, Any], offsets: list[float]
) -> None:
    """The contract: ``at`` is an instant (ISO 8601 with an offset). 08:00 in Boston is 13:00Z
    and 05:00-08:00; each spelling must give the same decision, down to the trace."""
    assert engine.evaluate(_rewritten(request, offsets)) == engine.evaluate(request)


def _without_later(request: dict[str, Any]) -> dict[str, Any]:
    at = _instant(request["contact"]["at"])
    known = [e for e in request["events"] if _instant(e["at"]) <= at]
    return {**request, "events": known}


@given(data=st.data())
def test_events_after_the_contact_never_change_the_decision(
    engine: Engine, data: st.DataObject
) -> None:
    """The contract's as-of rule: the engine decides with the facts known at ``contact.at``.
    A cease request, a bankruptcy or a consent recorded a minute later changes nothing."""
    request = data.draw(requests(events_after=True), label="request")
    at = _instant(request["contact"]["at"])
    later = data.draw(
        st.lists(events(at, subject_of(request), after=True), max_size=6).map(
            lambda drawn: [e for e in drawn if _instant(e["at"]) > at]
        ),
        label="later events",
    )
    with_later = {**request, "events": [*request["events"], *later]}
    decision: Decision = engine.evaluate(with_later)
    assert decision == engine.evaluate(_without_later(with_later))
