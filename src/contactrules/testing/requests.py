"""Whole requests: a proposed contact, the collector, the debt, the consumer and a dated history."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import strategies as st

from contactrules.data import us_state_zones
from contactrules.models.vocabulary import CHANNELS, EVENT_TYPES, EventType
from contactrules.testing.history import (
    PHONE_TYPES,
    PLACES,
    TECHNOLOGIES,
    Subject,
    block_events,
    histories,
)
from contactrules.testing.moments import DEFAULT_END, DEFAULT_START, local_instants, offsets, render
from contactrules.testing.places import (
    consumers,
    phone_numbers,
    place_at,
    states_of,
)

COLLECTOR_ROLES = ("third_party", "first_party")
DEBT_TYPES = (
    "credit_card",
    "medical",
    "student_loan",
    "mortgage",
    "auto",
    "utility",
    "telecom",
    "other",
)
EMAIL_KINDS = ("personal", "work", "unknown")


def _zone_of(location: dict[str, Any]) -> str:
    """A zone the engine will consider for this location (its wall clock is drawn there)."""
    if "time_zone" in location:
        return str(location["time_zone"])
    place = place_at(location.get("postal_code", ""))
    if place is not None:
        return place.zone
    return us_state_zones()[location["state"]][0]


def _area_codes(consumer: dict[str, Any]) -> list[str]:
    """The area codes serving the consumer's ZIP codes."""
    codes: list[str] = []
    for location in consumer["locations"]:
        place = place_at(location.get("postal_code", ""))
        if place is not None:
            codes.extend(place.area_codes)
    return codes


@st.composite
def _written(draw: st.DrawFn, instant: dt.datetime, zone: str) -> str:
    """``instant`` in the offset of ``zone`` at that instant, as a local system would write it,
    or in any other offset."""
    own = instant.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset()
    assert own is not None
    return render(instant, draw(st.one_of(st.just(own.total_seconds() / 3600), offsets())))


def _optional(values: Sequence[str]) -> st.SearchStrategy[str | None]:
    """A value of the vocabulary, or none given (the engine must read that restrictively)."""
    return st.one_of(st.none(), st.sampled_from(list(values)))


@st.composite
def requests(
    draw: st.DrawFn,
    *,
    jurisdictions: Sequence[str] | None = None,
    channels: Sequence[str] = CHANNELS,
    roles: Sequence[str] = COLLECTOR_ROLES,
    debt_purposes: Sequence[str] = ("consumer",),
    debt_types: Sequence[str] = DEBT_TYPES,
    recipients: Sequence[str] = ("consumer",),
    purposes: Sequence[str] = ("collection",),
    event_types: Sequence[EventType] = EVENT_TYPES,
    max_events: int = 12,
    events_after: bool = False,
    min_locations: int = 1,
    max_locations: int = 2,
    start: dt.datetime = DEFAULT_START,
    end: dt.datetime = DEFAULT_END,
    with_block: bool = False,
    states: Sequence[str] | None = None,
) -> dict[str, Any]:
    """A request valid under the decision contract, as a JSON-ready dict.

    ``jurisdictions`` (``US``, ``US-MA``, ``US-NY-NYC``; every state, DC and PR by default)
    places the consumer's locations at real ZIP codes; the dialed number has an area code of one
    of them, or now and then of anywhere (a consumer whose phone is from elsewhere). The contact's
    local time is drawn in the zone of the first location, half the time next to a legal edge.
    ``channels``, ``roles``, ``debt_purposes``, ``debt_types``, ``recipients`` and ``purposes``
    restrict the static facts; ``event_types`` the history (past contacts, requests, consents...),
    ``events_after`` adds events after ``contact.at`` (which the engine must ignore);
    ``with_block`` adds one event that stops a debt collector's collection contact (see
    ``block_events``). ``states`` is the older spelling of ``jurisdictions`` (``["MA"]``).
    """
    if states is not None and jurisdictions is None:
        jurisdictions = [f"US-{s}" for s in states]
    states_of(jurisdictions)  # rejects non-US jurisdictions before drawing
    consumer = draw(
        consumers(jurisdictions, min_locations=min_locations, max_locations=max_locations)
    )
    channel = draw(st.sampled_from(list(channels)))
    local_codes = _area_codes(consumer)
    # Mostly a local number; now and then one from anywhere (a consumer who moved).
    local = bool(local_codes) and draw(st.integers(0, 4)) > 0
    phone = draw(
        phone_numbers(local_codes)
        if local
        else phone_numbers(jurisdictions=jurisdictions if consumer["locations"] else None)
    )
    zone = _zone_of(consumer["locations"][0]) if consumer["locations"] else "America/New_York"
    at_instant = draw(local_instants(zone, start, end))
    at = draw(_written(at_instant, zone))
    debt_id = draw(st.sampled_from(["D1", "acct-7/2", "débito 9"]))
    subject = Subject(
        debt_id=debt_id,
        other_debt_ids=("D2",),
        phones=(phone, draw(phone_numbers())),
        emails=("pat@example.com", "Pat.Lee@Employer.example"),
    )
    contact = _contact(draw, channel, at, subject, recipients, purposes)
    debt: dict[str, Any] = {
        "id": debt_id,
        "purpose": draw(st.sampled_from(list(debt_purposes))),
        "type": draw(st.sampled_from(list(debt_types))),
    }
    if draw(st.integers(0, 3)) == 0:
        debt["account_id"] = "A1"
    events = draw(
        histories(
            at_instant,
            subject,
            types=event_types,
            max_events=max_events,
            after=events_after,
            channel=channel,
        )
    )
    if with_block:
        events.append(draw(block_events(at_instant, subject, channel=channel)))
        events = draw(st.permutations(events))
    return {
        "contact": contact,
        "collector": {"role": draw(st.sampled_from(list(roles)))},
        "debt": debt,
        "consumer": consumer,
        "events": events,
    }


def _contact(
    draw: st.DrawFn,
    channel: str,
    at: str,
    subject: Subject,
    recipients: Sequence[str],
    purposes: Sequence[str],
) -> dict[str, Any]:
    contact: dict[str, Any] = {
        "channel": channel,
        "at": at,
        "debt_id": subject.debt_id,
        "recipient": draw(st.sampled_from(list(recipients))),
        "purpose": draw(st.sampled_from(list(purposes))),
    }
    if channel in ("call", "sms"):
        contact["phone"] = subject.phones[0]
        contact["phone_type"] = draw(_optional(PHONE_TYPES))
        contact["technology"] = draw(_optional(TECHNOLOGIES))
    elif channel == "email":
        contact["email"] = draw(st.sampled_from(subject.emails[:1] * 3 + subject.emails[1:]))
        contact["email_kind"] = draw(_optional(EMAIL_KINDS))
    elif channel == "social_media":
        contact["visibility"] = draw(_optional(["private", "public"]))
    contact["place"] = draw(_optional(PLACES))
    if draw(st.integers(0, 5)) == 0:
        contact["estate_representative"] = draw(st.booleans())
    return contact


def subject_of(request: Mapping[str, Any]) -> Subject:
    """The ``Subject`` of a request: its debt, and the contact's phone and email first, followed
    by the other addresses its events use. Draw extra events for a request with it:
    ``events(request["contact"]["at"], subject_of(request))``."""
    contact = request["contact"]
    debt_id = str(contact["debt_id"])
    history = request.get("events") or []
    phones = [contact.get("phone") or _FALLBACK.phones[0]]
    emails = [contact.get("email") or _FALLBACK.emails[0]]
    debts: list[str] = []
    for event in history:
        if event.get("phone"):
            phones.append(event["phone"])
        if event.get("email"):
            emails.append(event["email"])
        debts.extend(event.get("debt_ids") or [])
        if event.get("debt_id"):
            debts.append(event["debt_id"])
    others = tuple(dict.fromkeys(d for d in [*debts, "D2"] if d != debt_id))
    return Subject(
        debt_id=debt_id,
        other_debt_ids=others,
        phones=tuple(dict.fromkeys([*phones, *_FALLBACK.phones])),
        emails=tuple(dict.fromkeys([*emails, *_FALLBACK.emails])),
    )


_FALLBACK = Subject()
