"""Each rule kind as durable_rules patterns over features, with its own failure and retry.

A ``Translation`` of one rule version has

* ``patterns``: durable_rules rules (conditions written with ``durable.lang``'s ``m``), each a
  *primary* condition that describes a failing feature, and ``unless`` conditions whose facts,
  when present, cancel it (a ``none`` join: a consent window, a waiving consent);
* ``facts(ctx, moment)``: the features of the request at the instant, as JSON facts: supporting
  facts (for ``unless``) first, then primary facts;
* ``failure(ctx, moment, fired)``: the ``Failure`` (message and ``retry_at``) from the primary
  facts the Rete matched, computed here, apart from the native kinds.

The comparisons that decide (``minute < start``, ``count >= max``, ``now < ends``, no valid
consent...) are Rete conditions; the Python side only measures (local minutes, counts, instants).
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from durable.lang import m

from contactrules.backends import semantics as sem
from contactrules.context import Context, Moment
from contactrules.kinds import (
    ConsentRequiredRule,
    CooldownRule,
    DesignatedTimesRule,
    EventBlockRule,
    FrequencyCapRule,
    PriorContactRequiredRule,
    ProhibitionRule,
    TimeWindowRule,
)
from contactrules.kinds.base import CompileOptions, Failure, RuleBase
from contactrules.kinds.consent import ConsentParams
from contactrules.models.events import ContactEvent, InconvenientTime
from contactrules.models.fields import clock_minutes
from contactrules.models.vocabulary import WEEKDAYS

Fact = dict[str, Any]
Condition = Any  # a durable.lang expression (untyped library)
# When waiting alone cannot cure a time-of-day failure within this many days, it says "never".
WINDOW_SEARCH_DAYS = 15
DESIGNATED_SEARCH_DAYS = 8


@dataclass(frozen=True, slots=True)
class Pattern:
    """One durable rule: fires on a fact matching ``primary`` while no fact matches ``unless``."""

    primary: Condition
    unless: tuple[Condition, ...] = ()

    def clauses(self) -> list[dict[str, Any]]:
        """The rule's ``all`` clauses in durable_rules' JSON form."""
        clauses: list[dict[str, Any]] = [{"m": self.primary.define()}]
        clauses += [{f"m_{i}$not": c.define()} for i, c in enumerate(self.unless, start=1)]
        return clauses


class Translation(Protocol):
    @property
    def patterns(self) -> tuple[Pattern, ...]: ...

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        """Supporting facts (asserted first), then primary facts."""
        ...

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure: ...


def translate(spec: RuleBase, options: CompileOptions) -> Translation:
    """The translation of a validated rule; a kind without one cannot run on this backend."""
    for kind, build in _TRANSLATORS:
        if isinstance(spec, kind):
            return build(spec, options)
    raise TypeError(f"the durable backend has no translation for rule kind {spec.kind!r}")


# ---------------------------------------------------------------------------------- conditions
def any_of(conditions: Sequence[Condition]) -> Condition:
    return functools.reduce(operator.or_, conditions)


def all_of(first: Condition, *rest: Condition) -> Condition:
    return functools.reduce(operator.and_, rest, first)


def one_of(field: str, values: Sequence[Any]) -> Condition:
    return any_of([getattr(m, field) == value for value in values])


WINDOW_HOLDS = (m.f == "window") & (m.start <= m.now) & (m.now < m.end)


def consent_holds(params: ConsentParams) -> Condition:
    """A consent fact (``semantics.consent_candidates``) that covers the contact."""
    kind = one_of("kind", sorted(params.consent_kinds))
    if params.inbound_counts:
        kind = kind | (m.source == "inbound")
    condition = (m.f == "consent") & kind & (m.revoked == 0)
    if params.address != "none":
        condition = condition & (m.wanted != "") & (m.address == m.wanted)
    if params.per_debt:
        condition = condition & (m.debt == 1)
    return condition


def _grace(params: ConsentParams, options: CompileOptions) -> int:
    grace = params.revocation_grace_business_days
    return options.tcpa_revocation_grace_business_days if grace == "engine" else grace


def _window_facts(windows: list[tuple[dt.datetime, dt.datetime]], now: dt.datetime) -> list[Fact]:
    return [
        {"f": "window", "start": sem.micros(a), "end": sem.micros(b), "now": sem.micros(now)}
        for a, b in windows
    ]


def _zones(ctx: Context) -> tuple[zoneinfo.ZoneInfo, ...]:
    return tuple(ctx.zones)


def _local_text(instant: dt.datetime, tz: dt.tzinfo) -> str:
    local = instant.astimezone(tz)
    return f"{local:%a %Y-%m-%d %H:%M} {local.tzname()}"


def _instant(micros: int) -> dt.datetime:
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=micros)


# ---------------------------------------------------------------------------------- time window
class TimeWindowTranslation:
    """Closed when the local day is a holiday of the calendar, or the local minute is outside
    every window of the local weekday; in any zone (or the rule's fixed zone)."""

    def __init__(self, spec: TimeWindowRule, options: CompileOptions) -> None:
        p = spec.params
        self.hours: list[list[tuple[int, int]]] = [[] for _ in WEEKDAYS]
        for window in p.windows:
            for day in window.days:
                self.hours[WEEKDAYS.index(day)].append(
                    (clock_minutes(window.start), clock_minutes(window.end))
                )
        for day_hours in self.hours:
            day_hours.sort()
        self.holidays = p.closed_on_holidays.dates() if p.closed_on_holidays else frozenset()
        self.fixed = (zoneinfo.ZoneInfo(p.zone),) if p.zone else None
        self.label = "; ".join(
            f"{w.start}-{w.end} {'/'.join(w.days) if len(w.days) < 7 else 'every day'}"
            for w in p.windows
        )
        # One pattern per way to be closed: durable_rules caps a condition at 32 expressions,
        # so a disjunction over the week is written as several rules.
        closed = [m.holiday == 1] if self.holidays else []
        for weekday, day_hours in enumerate(self.hours):
            outside = [(m.minute < start) | (m.minute >= end) for start, end in day_hours]
            closed.append(all_of(m.weekday == weekday, *outside))
        self.patterns = tuple(Pattern((m.f == "clock") & condition) for condition in closed)

    def zones(self, ctx: Context) -> tuple[zoneinfo.ZoneInfo, ...]:
        return self.fixed or _zones(ctx)

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        clocks = []
        for index, tz in enumerate(self.zones(ctx)):
            day, weekday, minute = sem.reading(moment.utc, tz)
            clocks.append(
                {
                    "f": "clock",
                    "zone": index,
                    "weekday": weekday,
                    "minute": minute,
                    "holiday": int(day in self.holidays),
                }
            )
        return [], clocks

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        zones = self.zones(ctx)
        where = ", ".join(_local_text(moment.utc, zones[fact["zone"]]) for fact in fired)
        retry = self._common_opening(moment.utc, zones)
        return Failure(f"{where} is outside the allowed hours ({self.label})", retry)

    def _common_opening(self, after: dt.datetime, zones: Sequence[dt.tzinfo]) -> dt.datetime | None:
        """The first instant open in every zone: each zone's next opening from the latest one
        found, until they coincide; None if there is none within the search days."""
        candidate = after
        while candidate <= after + dt.timedelta(days=WINDOW_SEARCH_DAYS):
            openings = [self._opening(candidate, tz) for tz in zones]
            if None in openings:
                return None
            latest = max(o for o in openings if o is not None)
            if latest == candidate:
                return candidate
            candidate = latest
        return None

    def _opening(self, after: dt.datetime, tz: dt.tzinfo) -> dt.datetime | None:
        """The first instant at or after ``after`` inside a window in ``tz``."""
        today, _, minute = sem.reading(after, tz)
        for offset in range(WINDOW_SEARCH_DAYS):
            day = today + dt.timedelta(days=offset)
            if day in self.holidays:
                continue
            for start, end in self.hours[day.weekday()]:
                if offset == 0 and minute >= end:
                    continue
                if offset == 0 and minute >= start:
                    return after
                return sem.first_instant_at(day, start, tz)
        return None


# ---------------------------------------------------------------------------------- designated
def _inside_ranges() -> list[Condition]:
    """A local time inside a designated range, one pattern per way of being inside: on a listed
    weekday between ``start`` and ``end``; after ``start`` of a listed weekday in a range that
    runs past midnight; or before its ``end`` on the day after a listed weekday."""
    inside = []
    for d in range(7):
        listed = getattr(m, f"d{d}") == 1
        today, tomorrow = m.weekday == d, m.weekday == (d + 1) % 7
        inside += [
            all_of(today, listed, m.start < m.end, m.minute >= m.start, m.minute < m.end),
            all_of(today, listed, m.start >= m.end, m.minute >= m.start),
            all_of(tomorrow, listed, m.start >= m.end, m.minute < m.end),
        ]
    return inside


class DesignatedTimesTranslation:
    """Inside a range the consumer designated, in any zone, unless the contact is the one reply
    to the person's inbound contact made within the same stretch."""

    def __init__(self, spec: DesignatedTimesRule, options: CompileOptions) -> None:
        self.reply = spec.params.one_reply_to_inbound
        not_the_reply = (
            (m.last_direction != "inbound")
            | (m.last_channel != m.channel)
            | (m.stretch_mismatch > 0)
        )
        self.patterns = tuple(
            Pattern(
                all_of(m.f == "range", inside, not_the_reply)
                if self.reply
                else all_of(m.f == "range", inside)
            )
            for inside in _inside_ranges()
        )

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        ranges: tuple[InconvenientTime, ...] = ctx.events("inconvenient_time")
        reply = self._reply_features(ctx, moment) if self.reply else {}
        facts = []
        for zone, tz in enumerate(_zones(ctx)):
            _, weekday, minute = sem.reading(moment.utc, tz)
            for index, event in enumerate(ranges):
                days = {WEEKDAYS.index(d) for d in event.days}
                fact: Fact = {
                    "f": "range",
                    "zone": zone,
                    "event": index,
                    "weekday": weekday,
                    "minute": minute,
                    "start": clock_minutes(event.from_),
                    "end": clock_minutes(event.to),
                    **{f"d{d}": int(d in days) for d in range(7)},
                    **reply,
                }
                facts.append(fact)
        return [], facts

    def _reply_features(self, ctx: Context, moment: Moment) -> Fact:
        last = sem.latest_contact(ctx)
        if last is None:
            return {
                "last_direction": "none",
                "last_channel": "",
                "channel": "",
                "stretch_mismatch": 0,
            }
        ranges = ctx.events("inconvenient_time")
        mismatch = sum(
            1
            for tz in _zones(ctx)
            if _stretch_end(last.at, tz, ranges) != _stretch_end(moment.utc, tz, ranges)
        )
        return {
            "last_direction": last.direction,
            "last_channel": last.channel,
            "channel": ctx.request.contact.channel,
            "stretch_mismatch": mismatch,
        }

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        ranges: tuple[InconvenientTime, ...] = ctx.events("inconvenient_time")
        first = fired[0]
        said = ranges[first["event"]].at
        local = _local_text(moment.utc, _zones(ctx)[first["zone"]])
        return Failure(
            f"{local} is inside a time the consumer said on {said:%Y-%m-%d} is inconvenient",
            self._free(moment.utc, ctx, ranges),
        )

    @staticmethod
    def _free(
        after: dt.datetime, ctx: Context, ranges: Sequence[InconvenientTime]
    ) -> dt.datetime | None:
        candidate = after
        limit = after + dt.timedelta(days=DESIGNATED_SEARCH_DAYS)
        while candidate <= limit:
            ends = [
                end
                for tz in _zones(ctx)
                for event in ranges
                if (end := _range_end(candidate, tz, event)) is not None
            ]
            if not ends:
                return candidate
            candidate = max(ends)
        return None


def _range_end(instant: dt.datetime, tz: dt.tzinfo, event: InconvenientTime) -> dt.datetime | None:
    """When the designated range containing ``instant`` in ``tz`` ends, or None if outside."""
    day, weekday, minute = sem.reading(instant, tz)
    start, end = clock_minutes(event.from_), clock_minutes(event.to)
    days = {WEEKDAYS.index(d) for d in event.days}
    if start < end:
        inside = weekday in days and start <= minute < end
        return sem.first_instant_at(day, end, tz) if inside else None
    if weekday in days and minute >= start:
        return sem.first_instant_at(day + dt.timedelta(days=1), end, tz)
    if (weekday - 1) % 7 in days and minute < end:
        return sem.first_instant_at(day, end, tz)
    return None


def _stretch_end(
    instant: dt.datetime, tz: dt.tzinfo, ranges: Sequence[InconvenientTime]
) -> dt.datetime | None:
    ends = [end for event in ranges if (end := _range_end(instant, tz, event)) is not None]
    return max(ends) if ends else None


# ---------------------------------------------------------------------------------- caps
class FrequencyCapTranslation:
    """``count >= max`` counted contacts in the period (per zone's calendar, or rolling), unless
    the contact falls in a consent window or a waiving consent holds."""

    def __init__(self, spec: FrequencyCapRule, options: CompileOptions) -> None:
        self.p = p = spec.params
        self.span = dt.timedelta(days=p.days)
        self.waiver_grace = _grace(p.waived_by_consent, options) if p.waived_by_consent else 0
        unless = []
        if p.exempt_after_consent is not None:
            unless.append(WINDOW_HOLDS)
        if p.waived_by_consent is not None:
            unless.append(consent_holds(p.waived_by_consent))
        self.patterns = (Pattern((m.f == "period") & (m.count >= p.max), tuple(unless)),)

    def windows(self, ctx: Context) -> list[tuple[dt.datetime, dt.datetime]]:
        exemption = self.p.exempt_after_consent
        return sem.consent_windows(exemption, self.p.per, ctx) if exemption else []

    def counted(
        self, ctx: Context, windows: list[tuple[dt.datetime, dt.datetime]]
    ) -> list[ContactEvent]:
        p = self.p
        return [
            e
            for e in ctx.events("contact")
            if sem.counts(p.counts, e)
            and sem.same_count(p.per, e, ctx.request)
            and not any(a <= e.at < b for a, b in windows)
        ]

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        p = self.p
        windows = self.windows(ctx)
        support = _window_facts(windows, moment.utc)
        if p.waived_by_consent is not None:
            support += sem.consent_candidates(
                p.waived_by_consent, self.waiver_grace, ctx, moment.utc
            )
        counted = self.counted(ctx, windows)
        if p.rolling:
            since = moment.utc - self.span
            return support, [{"f": "period", "count": sum(since < e.at for e in counted)}]
        periods = []
        for zone, tz in enumerate(_zones(ctx)):
            today = sem.reading(moment.utc, tz)[0]
            first = today - dt.timedelta(days=p.days - 1)
            n = sum(first <= e.at.astimezone(tz).date() <= today for e in counted)
            periods.append({"f": "period", "zone": zone, "count": n})
        return support, periods

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        p = self.p
        counted = self.counted(ctx, self.windows(ctx))
        worst = max(fact["count"] for fact in fired)
        if p.rolling:
            instants = sorted(e.at for e in counted)
            retry = instants[len(instants) - p.max] + self.span
            period = f"the {p.days} x 24 hours before the contact"
        else:
            zones = _zones(ctx)
            ends = []
            for fact in fired:
                tz = zones[fact["zone"]]
                days = sorted(e.at.astimezone(tz).date() for e in counted)
                leaving = days[len(days) - p.max]
                ends.append(sem.day_start(leaving + self.span, tz))
            retry = max(ends)
            period = f"the {p.days} consecutive days ending on the contact's day"
        message = f"{worst} counted contacts already in {period}; the limit is {p.max}"
        return Failure(message, retry)


# ---------------------------------------------------------------------------------- cooldown
class CooldownTranslation:
    """A matching past contact whose local day is fewer than ``days`` days before the local day
    of the instant, in any zone, unless the contact falls in a consent window."""

    def __init__(self, spec: CooldownRule, options: CompileOptions) -> None:
        self.p = p = spec.params
        # Older contacts cannot block in any zone; this bounds the facts, not the answer.
        self.lookback = dt.timedelta(days=p.days + 2)
        unless = (WINDOW_HOLDS,) if p.exempt_after_consent is not None else ()
        self.patterns = (Pattern((m.f == "since") & (m.elapsed < p.days), unless),)

    def starters(self, ctx: Context) -> list[ContactEvent]:
        since = ctx.request.contact.at - self.lookback
        return [
            e
            for e in ctx.events("contact")
            if e.at >= since
            and sem.counts(self.p.after, e)
            and sem.same_count(self.p.per, e, ctx.request)
        ]

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        p = self.p
        support: list[Fact] = []
        if p.exempt_after_consent is not None:
            windows = sem.consent_windows(p.exempt_after_consent, p.per, ctx)
            support = _window_facts(windows, moment.utc)
        starters = self.starters(ctx)
        facts = []
        for zone, tz in enumerate(_zones(ctx)):
            today = sem.reading(moment.utc, tz)[0]
            for index, event in enumerate(starters):
                elapsed = (today - event.at.astimezone(tz).date()).days
                facts.append({"f": "since", "zone": zone, "event": index, "elapsed": elapsed})
        return support, facts

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        starters = self.starters(ctx)
        zones = _zones(ctx)
        ends = []
        for fact in fired:
            tz = zones[fact["zone"]]
            began = starters[fact["event"]].at.astimezone(tz).date()
            ends.append(sem.day_start(began + dt.timedelta(days=self.p.days), tz))
        last = max((starters[fact["event"]] for fact in fired), key=lambda e: e.at)
        return Failure(
            f"a {last.channel} {last.outcome} on {last.at:%Y-%m-%d} started a "
            f"{self.p.days}-day period (that day is day 1)",
            max(ends),
        )


# ---------------------------------------------------------------------------------- blocks
class EventBlockTranslation:
    """A blocking event that matches the contact (its fields, debt, channel, place, address),
    is not lifted or answered, has begun and has not ended."""

    def __init__(self, spec: EventBlockRule, options: CompileOptions) -> None:
        self.p = p = spec.params
        condition = m.f == "event"
        for name, value in p.where.items():
            condition = condition & (getattr(m, f"w_{name}") == value)
        if p.per_debt:
            condition = condition & (m.debt == 1)
        if p.same_channel:
            condition = condition & (m.channel == m.contact_channel)
        if p.same_place:
            condition = condition & (
                (m.place == m.contact_place) | ((m.contact_place == "") & (m.tied == 1))
            )
        if p.same_address:
            condition = condition & (
                (m.address == "") | ((m.contact_address != "") & (m.address == m.contact_address))
            )
        if p.lifted_by:
            condition = condition & (m.lifts == 0)
        if p.one_reply_to_inbound:
            condition = condition & (m.reply == 0)
        if p.starts_field:
            condition = condition & (m.last_day >= m.begins)
        condition = condition & ((m.bounded == 0) | (m.now < m.ends))
        self.patterns = (Pattern(condition),)

    def events(self, ctx: Context) -> list[Any]:
        return [event for kind in self.p.events for event in ctx.events(kind)]

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        p = self.p
        contact = ctx.request.contact
        address = sem.contact_address(ctx.request)
        zones = sem.zones_or_utc(ctx)
        last_day = max(sem.reading(moment.utc, tz)[0] for tz in zones)
        facts = []
        for index, event in enumerate(self.events(ctx)):
            fact: Fact = {"f": "event", "n": index, "now": sem.micros(moment.utc)}
            fact.update({f"w_{name}": getattr(event, name) for name in p.where})
            fact["debt"] = int(sem.covers(event, contact.debt_id))
            if p.same_channel:
                fact.update(channel=event.channel, contact_channel=contact.channel)
            if p.same_place:
                fact.update(
                    place=event.place or "",
                    contact_place=contact.place or "",
                    tied=int(self._place_bound(ctx)),
                )
            if p.same_address:
                fact.update(
                    address=sem.normal_address(event.address) if event.address else "",
                    contact_address=sem.normal_address(address) if address else "",
                )
            if p.lifted_by:
                fact["lifts"] = self._lifts(event, ctx)
            if p.one_reply_to_inbound:
                fact["reply"] = int(self._answers_inbound(event, ctx))
            if p.starts_field:
                fact.update(
                    begins=getattr(event, p.starts_field).toordinal(),
                    last_day=last_day.toordinal(),
                )
            ends = self._ends(event, zones)
            fact.update(bounded=int(ends is not None), ends=sem.micros(ends) if ends else 0)
            facts.append(fact)
        return [], facts

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        events = self.events(ctx)
        first = events[min(fact["n"] for fact in fired)]
        message = self.p.message.format(
            event=first.type.replace("_", " "), date=f"{first.at:%Y-%m-%d}"
        )
        if any(fact["bounded"] == 0 for fact in fired):
            return Failure(message, None)
        return Failure(message, _instant(max(fact["ends"] for fact in fired)))

    def _place_bound(self, ctx: Context) -> bool:
        media = self.p.place_bound
        contact = ctx.request.contact
        if media is None:
            return False
        if contact.channel in media.channels:
            return True
        return (
            contact.channel == "call"
            and bool(media.call_phone_types)
            and sem.listed(media.call_phone_types, contact.phone_type, None, "unknown")
        )

    def _lifts(self, event: Any, ctx: Context) -> int:
        debt = ctx.request.contact.debt_id
        return sum(
            1
            for kind in self.p.lifted_by
            for later in ctx.events(kind)
            if later.at > event.at and (not self.p.per_debt or sem.covers(later, debt))
        )

    def _answers_inbound(self, event: Any, ctx: Context) -> bool:
        last = sem.latest_contact(ctx)
        contact = ctx.request.contact
        if last is None or last.direction != "inbound" or last.at <= event.at:
            return False
        if last.channel != contact.channel:
            return False
        if self.p.same_place and last.place != event.place:
            return False
        if self.p.same_address and event.address is not None:
            came_from = last.phone if last.channel in ("call", "sms") else last.email
            return came_from is not None and sem.normal_address(came_from) == sem.normal_address(
                event.address
            )
        return True

    def _ends(self, event: Any, zones: tuple[dt.tzinfo, ...]) -> dt.datetime | None:
        def after_day(day: dt.date) -> dt.datetime:
            return max(sem.day_start(day + dt.timedelta(days=1), tz) for tz in zones)

        p = self.p
        ends: dt.datetime | None = None
        value = getattr(event, p.ends_field) if p.ends_field else None
        if isinstance(value, dt.datetime):
            ends = value
        elif isinstance(value, dt.date):
            ends = after_day(value)
        if p.lasts_days is not None:
            began = max(event.at.astimezone(tz).date() for tz in zones)
            lapse = after_day(began + dt.timedelta(days=p.lasts_days))
            ends = lapse if ends is None else min(ends, lapse)
        return ends


# ---------------------------------------------------------------------------------- consent
class ConsentRequiredTranslation:
    """A need for consent that no valid consent fact meets (a ``none`` join)."""

    def __init__(self, spec: ConsentRequiredRule, options: CompileOptions) -> None:
        self.p = spec.params
        self.grace = _grace(self.p, options)
        self.label = ", ".join(sorted(self.p.consent_kinds))
        self.patterns = (Pattern(m.f == "need", (consent_holds(self.p),)),)

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        return sem.consent_candidates(self.p, self.grace, ctx, moment.utc), [{"f": "need"}]

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        contact = ctx.request.contact
        field = self.p.address
        if field == "none":
            return Failure(
                f"no unrevoked consent ({self.label}) for {contact.channel} messages", None
            )
        given = contact.phone if field == "phone" else contact.email
        if given is None:
            return Failure(f"no {field} given, so no consent can be matched to it", None)
        return Failure(f"no unrevoked consent ({self.label}) for {given.lower()}", None)


class PriorContactTranslation:
    """A need for an earlier contact that no matching past contact meets (a ``none`` join)."""

    def __init__(self, spec: PriorContactRequiredRule, options: CompileOptions) -> None:
        self.p = spec.params
        # Fact fields must not be named like durable.lang's own methods (matches, define...).
        self.patterns = (Pattern(m.f == "need", ((m.f == "prior") & (m.qualifies == 1),)),)

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        priors = [
            {
                "f": "prior",
                "qualifies": int(
                    sem.counts(self.p.prior, e) and sem.same_count(self.p.per, e, ctx.request)
                ),
            }
            for e in ctx.events("contact")
        ]
        return priors, [{"f": "need"}]

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        return Failure(self.p.message, None)


class ProhibitionTranslation:
    """Every contact the rule applies to fails."""

    def __init__(self, spec: ProhibitionRule, options: CompileOptions) -> None:
        self.message = spec.params.message
        self.patterns = (Pattern(m.f == "need"),)

    def facts(self, ctx: Context, moment: Moment) -> tuple[list[Fact], list[Fact]]:
        return [], [{"f": "need"}]

    def failure(self, ctx: Context, moment: Moment, fired: list[Fact]) -> Failure:
        return Failure(self.message, None)


_TRANSLATORS: tuple[tuple[type[Any], Callable[[Any, CompileOptions], Translation]], ...] = (
    (TimeWindowRule, TimeWindowTranslation),
    (DesignatedTimesRule, DesignatedTimesTranslation),
    (FrequencyCapRule, FrequencyCapTranslation),
    (CooldownRule, CooldownTranslation),
    (EventBlockRule, EventBlockTranslation),
    (ConsentRequiredRule, ConsentRequiredTranslation),
    (PriorContactRequiredRule, PriorContactTranslation),
    (ProhibitionRule, ProhibitionTranslation),
)
