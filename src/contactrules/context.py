"""Per-request facts prepared once, and the instant being tested.

``Context`` is built once per request: the candidate zones, and the events known at ``contact.at``
sorted and grouped by type. Rule checks read it and never change it. ``Moment`` is one instant at
which the rules are tested: ``contact.at`` itself, or a later instant while searching for
``next_allowed_at`` (with the same events, as the contract requires).
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from contactrules.location import Whereabouts
from contactrules.models.events import ContactEvent
from contactrules.models.request import Request

UTC = dt.UTC


@dataclass(frozen=True, slots=True)
class Moment:
    """An instant in UTC and its wall-clock reading in each candidate zone."""

    utc: dt.datetime
    local: tuple[dt.datetime, ...]
    first_day: dt.date  # the earliest and latest local dates among the zones
    last_day: dt.date
    # Per zone, in the order of ``local``: the local date and the minute of that day.
    clock: tuple[tuple[dt.date, int], ...]

    @classmethod
    def at(cls, instant: dt.datetime, zones: tuple[zoneinfo.ZoneInfo, ...]) -> Moment:
        utc = instant if instant.tzinfo is UTC else instant.astimezone(UTC)
        local = tuple([utc.astimezone(z) for z in zones])
        clock = tuple([(t.date(), t.hour * 60 + t.minute) for t in local])
        if not clock:
            day = utc.date()
            return cls(utc, local, day, day, clock)
        days = [day for day, _ in clock]
        return cls(utc, local, min(days), max(days), clock)


@dataclass(frozen=True, slots=True)
class Context:
    """A request made ready for evaluation; shared read-only by every rule check."""

    request: Request
    where: Whereabouts
    events_by_type: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    # The request's static facts in the order of kinds.base.FACT_NAMES, for applicability.
    facts: tuple[str | bool | None, ...] = ()
    # Per-request scratch space for rule checks (filtered events); dies with the request.
    memo: dict[object, object] = field(default_factory=dict)
    # The event types known at contact.at: rules needing none of them are not run.
    present: frozenset[str] = frozenset()

    @classmethod
    def build(cls, request: Request, where: Whereabouts) -> Context:
        cutoff = request.contact.at
        grouped: dict[str, list[Any]] = {}
        for event in sorted(request.events, key=_BY_AT):
            # Events after the contact's own instant were not known then: the decision ignores
            # them (and, sorted, every event after this one is later still).
            if event.at > cutoff:
                break
            same_type = grouped.get(event.type)
            if same_type is None:
                grouped[event.type] = [event]
            else:
                same_type.append(event)
        contact = request.contact
        facts = (
            contact.channel,
            request.collector.role,
            request.debt.purpose,
            request.debt.type,
            contact.recipient,
            contact.technology,
            contact.phone_type,
            contact.email_kind,
            contact.place,
            contact.purpose,
            contact.visibility,
            contact.estate_representative,
            contact.seeks_consent,
        )
        return cls(
            request,
            where,
            {k: tuple(v) for k, v in grouped.items()},
            facts,
            present=frozenset(grouped),
        )

    def events(self, event_type: str) -> tuple[Any, ...]:
        return self.events_by_type.get(event_type, ())

    def contacts_since(self, instant: dt.datetime) -> tuple[ContactEvent, ...]:
        """Past contact events at or after ``instant``, oldest first, found by bisection.

        Caps and cooldowns look back a bounded number of days, so their cost depends on the
        contacts inside that period, not on the length of the whole history.
        """
        contacts: tuple[ContactEvent, ...] = self.events_by_type.get("contact", ())
        if not contacts or contacts[0].at >= instant:
            return contacts
        start = bisect.bisect_left(contacts, instant, key=_event_at)
        return contacts[start:]

    @property
    def zones(self) -> tuple[zoneinfo.ZoneInfo, ...]:
        return self.where.zones

    def contact_address(self) -> str | None:
        """The address the proposed contact uses: a phone number or an email address."""
        contact = self.request.contact
        if contact.channel in ("call", "sms"):
            return contact.phone
        if contact.channel == "email":
            return contact.email.lower() if contact.email else None
        return None


_BY_AT = operator.attrgetter("at")


def _event_at(event: Any) -> dt.datetime:
    at: dt.datetime = event.at
    return at


def local_midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """The UTC instant at which ``day`` begins in ``tz`` (first valid wall time on DST days)."""
    return wall_clock(day, 0, tz)


def wall_clock(day: dt.date, minutes: int, tz: dt.tzinfo) -> dt.datetime:
    """The UTC instant of a local wall-clock time.

    On a spring-forward day a wall time inside the gap does not exist; the first instant at or
    after it is returned (02:30 becomes 03:00), so a window never opens early. An ambiguous
    fall-back time resolves to its first occurrence (``fold=0``).
    """
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    utc = naive.replace(tzinfo=tz).astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) == naive:
        return utc
    # Inside a DST gap: walk back to the instant the clock jumped past the wall time.
    step = dt.timedelta(minutes=1)
    while (utc - step).astimezone(tz).replace(tzinfo=None) >= naive:
        utc -= step
    return utc
