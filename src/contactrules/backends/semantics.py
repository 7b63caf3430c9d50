"""The rule kinds' inputs, derived a second time: plain scans written apart from ``kinds/``.

The durable backend (``backends.durable``) decides with durable_rules' Rete conditions over
*features* of a request at an instant. This module computes those features and the instants at
which waiting could cure a failure, from the request's models and the ``Context`` alone. It
deliberately shares no helper with the native rule kinds (``kinds/matching.py``,
``kinds/exemptions.py``, ``context.wall_clock``...): each question is answered again by the most
direct scan of the events, so that when the two engines agree, two implementations agree.

Shared on purpose, as vocabulary rather than logic: the validated rule models (their params),
the request and event models, the ``Context`` (events known at ``contact.at``, grouped by type,
and the candidate zones) and the public-holiday data of the ``holidays`` package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from contactrules.context import Context
from contactrules.kinds.calendars import holiday_dates
from contactrules.kinds.consent import ConsentParams
from contactrules.kinds.exemptions import ConsentExemption
from contactrules.kinds.matching import ContactFilter, Per
from contactrules.models.events import ContactEvent
from contactrules.models.request import Request

UTC = dt.UTC
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = dt.timedelta(microseconds=1)
_PHONE_CHANNELS = ("call", "sms")


# ---------------------------------------------------------------------------------- local time
def micros(instant: dt.datetime) -> int:
    """An instant as whole microseconds since 1970: exact, and a number the Rete can compare."""
    return (instant - _EPOCH) // _MICROSECOND


def reading(instant: dt.datetime, tz: dt.tzinfo) -> tuple[dt.date, int, int]:
    """The local date, weekday (Monday 0) and minute of the day of ``instant`` in ``tz``."""
    local = instant.astimezone(tz)
    return local.date(), local.weekday(), local.hour * 60 + local.minute


def first_instant_at(day: dt.date, minute: int, tz: dt.tzinfo) -> dt.datetime:
    """The earliest instant whose wall clock in ``tz`` reads ``day`` + ``minute`` or later.

    A wall time that occurs twice (autumn) gives its first occurrence; one skipped by a
    spring-forward jump gives the instant of the jump, found by bisection between the two
    offsets' readings.
    """
    wall = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
    readings = [wall.replace(tzinfo=tz, fold=fold).astimezone(UTC) for fold in (0, 1)]
    exact = [t for t in readings if t.astimezone(tz).replace(tzinfo=None) == wall]
    if exact:
        return min(exact)
    before, after = min(readings), max(readings)
    while after - before > _MICROSECOND:
        middle = before + (after - before) // 2
        if middle.astimezone(tz).replace(tzinfo=None) >= wall:
            after = middle
        else:
            before = middle
    return after


def day_start(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return first_instant_at(day, 0, tz)


def zones_or_utc(ctx: Context) -> tuple[dt.tzinfo, ...]:
    return tuple(ctx.zones) or (UTC,)


def business_days_after(start: dt.date, count: int) -> dt.date:
    """The ``count``-th weekday after ``start`` that is not a U.S. federal holiday (weekend
    holidays on their observed day)."""
    closed = holiday_dates("US", None, True)
    day, left = start, count
    while left:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            left -= 1
    return day


# ---------------------------------------------------------------------------------- matching
def listed(allowed: Sequence[Any] | None, value: Any, *wildcards: Any) -> bool:
    """Whether ``value`` passes an optional list; ``wildcards`` (unknown values) always pass."""
    return allowed is None or value in wildcards or value in allowed


def counts(flt: ContactFilter, event: ContactEvent) -> bool:
    """Whether a past contact passes a filter; an unrecorded fact never lets one escape. With
    ``any_of`` it must also pass one of the alternative filters."""
    if flt.any_of is not None and not any(counts(alt, event) for alt in flt.any_of):
        return False
    return (
        listed(flt.channels, event.channel)
        and listed(flt.directions, event.direction)
        and listed(flt.outcomes, event.outcome)
        and listed(flt.technologies, event.technology, None)
        and listed(flt.recipients, event.recipient)
        and listed(flt.places, event.place, None)
        and listed(flt.phone_types, event.phone_type, None, "unknown")
        and listed(flt.seeks_consent, event.seeks_consent, None)
    )


def contact_address(request: Request) -> str | None:
    """The phone number or (lower-cased) email address the proposed contact uses."""
    contact = request.contact
    if contact.channel in _PHONE_CHANNELS:
        return contact.phone
    if contact.channel == "email" and contact.email:
        return contact.email.lower()
    return None


def same_count(per: Per, event: ContactEvent, request: Request) -> bool:
    """Whether a past contact is counted together with the proposed one."""
    contact = request.contact
    if per == "consumer":
        return True
    if per == "debt":
        return event.debt_id is None or event.debt_id == contact.debt_id
    if per == "account":
        account = request.debt.account_id
        same_account = account is not None and event.account_id == account
        return same_account or same_count("debt", event, request)
    if per == "debt_and_address":
        return same_count("debt", event, request) and same_count("address", event, request)
    mine = contact_address(request)
    if mine is None:
        return False
    if per == "phone":
        return event.phone == contact.phone
    theirs = event.phone if event.channel in _PHONE_CHANNELS else event.email
    return theirs is not None and theirs.lower() == mine.lower()


def covers(event: Any, debt_id: str) -> bool:
    """Whether an event concerns the debt: events naming no debt concern every debt."""
    fields = type(event).model_fields
    if "debt_ids" in fields:
        return event.debt_ids is None or debt_id in event.debt_ids
    if "debt_id" in fields:
        return event.debt_id is None or bool(event.debt_id == debt_id)
    return True


def normal_address(address: str) -> str:
    """Addresses compared loosely: case and spacing ignored, phone numbers by their digits."""
    text = address.strip().lower()
    return "+" + "".join(c for c in text if c.isdigit()) if text.startswith("+") else text


def latest_contact(ctx: Context) -> ContactEvent | None:
    """The last known contact event (the later one in the request's order on a tie)."""
    latest: ContactEvent | None = None
    for event in ctx.events("contact"):
        if latest is None or event.at >= latest.at:
            latest = event
    return latest


# ---------------------------------------------------------------------------------- consent
def consent_windows(
    exemption: ConsentExemption, per: Per, ctx: Context
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The windows ``[received, expires)`` of consents that exempt contacts from a cap or a
    cooldown: ``days`` local days from the day of receipt (the earliest end across the zones),
    cut short by a revocation of the kind or by a later contact of the ``ended_by`` kind."""
    request = ctx.request
    kinds = set(exemption.consent_kinds)
    windows = []
    for consent in ctx.events("consent"):
        if consent.kind not in kinds:
            continue
        if exemption.per_debt and not covers(consent, request.contact.debt_id):
            continue
        ends = [
            day_start(consent.at.astimezone(tz).date() + dt.timedelta(days=exemption.days), tz)
            for tz in zones_or_utc(ctx)
        ]
        ends += [
            revocation.at
            for revocation in ctx.events("consent_revoked")
            if revocation.kind in kinds and revocation.at >= consent.at
        ]
        if exemption.ended_by is not None:
            ends += [
                later.at
                for later in ctx.events("contact")
                if later.at > consent.at
                and counts(exemption.ended_by, later)
                and same_count(per, later, request)
            ]
        windows.append((consent.at, min(ends)))
    return windows


def consent_candidates(
    params: ConsentParams, grace_days: int, ctx: Context, instant: dt.datetime
) -> list[dict[str, Any]]:
    """Every consent (and, with ``inbound_counts``, every message the person sent) that might
    cover the contact, as a fact: its kind, address, whether it covers the debt and how many
    revocations of it are in effect at ``instant``. Which of them counts is the Rete's to say."""
    contact = ctx.request.contact
    field = params.address
    kinds = set(params.consent_kinds)
    wanted = ""
    if field != "none":
        given = contact.phone if field == "phone" else contact.email
        wanted = given.lower() if given else ""

    def address_of(event: Any) -> str:
        value = getattr(event, field, None) if field != "none" else None
        return value.lower() if isinstance(value, str) else ""

    revocations = [
        r
        for r in ctx.events("consent_revoked")
        if r.kind in kinds and (field == "none" or address_of(r) == wanted)
    ]

    def revoked(since: dt.datetime) -> int:
        return sum(
            1
            for r in revocations
            if r.at >= since and (grace_days == 0 or instant >= _grace_end(r.at, grace_days, ctx))
        )

    facts = [
        {
            "f": "consent",
            "source": "consent",
            "kind": consent.kind,
            "address": address_of(consent),
            "wanted": wanted,
            "debt": int(covers(consent, contact.debt_id)),
            "revoked": revoked(consent.at),
        }
        for consent in ctx.events("consent")
    ]
    if params.inbound_counts:
        facts += [
            {
                "f": "consent",
                "source": "inbound",
                "kind": "",
                "address": address_of(message),
                "wanted": wanted,
                "debt": 1,
                "revoked": revoked(message.at),
            }
            for message in ctx.events("contact")
            if message.direction == "inbound"
        ]
    return facts


def _grace_end(revoked_at: dt.datetime, grace_days: int, ctx: Context) -> dt.datetime:
    """When a revocation honoured within ``grace_days`` business days takes effect: the end of
    the last allowed business day, the earliest across the zones (the grace is an allowance)."""
    return min(
        day_start(
            business_days_after(revoked_at.astimezone(tz).date(), grace_days)
            + dt.timedelta(days=1),
            tz,
        )
        for tz in zones_or_utc(ctx)
    )
