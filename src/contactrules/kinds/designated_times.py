"""DesignatedTimesRule: times the consumer said are inconvenient.

Regulation F 12 CFR 1006.6(b)(1)(i) and FDCPA 15 U.S.C. 1692c(a)(1) forbid communicating at a time
the collector knows or should know is inconvenient; once the consumer names such times (in any
words, Official Interpretation 6(b)(1)-1) they stay inconvenient until the consumer says otherwise.
Each ``inconvenient_time`` event names weekdays and a local range ``[from, to)``; a range whose
``to`` is not after ``from`` runs past midnight into the next day.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, Moment, wall_clock
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.matching import fmt_local
from contactrules.models.events import InconvenientTime
from contactrules.models.fields import clock_minutes
from contactrules.models.vocabulary import WEEKDAYS

# A consumer may declare every hour inconvenient; past this many days waiting cannot help.
SEARCH_DAYS = 8


class DesignatedTimesParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    one_reply_to_inbound: bool = Field(
        False,
        description=(
            "When the consumer reaches out during a designated time, one reply through the same "
            "medium during that same stretch of time is allowed"
        ),
    )


class DesignatedTimesRule(RuleBase):
    """Contacts are denied inside any range the consumer designated, in every candidate zone."""

    kind: Literal["consumer_designated_times"]
    params: DesignatedTimesParams = DesignatedTimesParams()

    def needs_events(self) -> frozenset[str]:
        return frozenset({"inconvenient_time"})

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        reply_allowed = self.params.one_reply_to_inbound

        def check(ctx: Context, moment: Moment) -> Failure | None:
            ranges = _designations(ctx)
            if not ranges:
                return None
            blocked = _blocked_until(moment.utc, ctx, ranges)
            if blocked is None:
                return None
            if reply_allowed and _is_single_reply(moment.utc, ctx, ranges):
                return None
            local, said = blocked
            return Failure(
                f"{fmt_local(local)} is inside a time the consumer said on {said:%Y-%m-%d} "
                "is inconvenient",
                _first_free(moment.utc, ctx, ranges),
            )

        return check


class Designation(NamedTuple):
    """An ``inconvenient_time`` event read once: weekday numbers, its local range in minutes,
    and the day the consumer said it."""

    days: frozenset[int]
    start: int
    end: int
    said: dt.date


_MEMO_KEY = "designated_times:ranges"


def _designations(ctx: Context) -> tuple[Designation, ...]:
    """The request's designations, parsed once per request rather than at every instant."""
    cached = ctx.memo.get(_MEMO_KEY)
    if isinstance(cached, tuple):
        return cached
    found = tuple(_designation(event) for event in ctx.events("inconvenient_time"))
    ctx.memo[_MEMO_KEY] = found
    return found


def _designation(event: InconvenientTime) -> Designation:
    days = frozenset(WEEKDAYS.index(day) for day in event.days)
    return Designation(days, clock_minutes(event.from_), clock_minutes(event.to), event.at.date())


def _range_end(local: dt.datetime, event: Designation) -> dt.datetime | None:
    """If ``local`` falls in the designated range, the UTC instant the range ends; else None."""
    start, end, days = event.start, event.end, event.days
    minute = local.hour * 60 + local.minute
    day = local.weekday()
    tz = local.tzinfo
    assert isinstance(tz, dt.tzinfo)
    if start < end:
        if day in days and start <= minute < end:
            return wall_clock(local.date(), end, tz)
        return None
    if day in days and minute >= start:
        return wall_clock(local.date() + dt.timedelta(days=1), end, tz)
    if (day - 1) % 7 in days and minute < end:
        return wall_clock(local.date(), end, tz)
    return None


def _blocked_until(
    instant: dt.datetime, ctx: Context, ranges: tuple[Designation, ...]
) -> tuple[dt.datetime, dt.date] | None:
    for tz in ctx.zones:
        local = instant.astimezone(tz)
        for event in ranges:
            if _range_end(local, event) is not None:
                return local, event.said
    return None


def _stretch_ends(
    instant: dt.datetime, ctx: Context, ranges: tuple[Designation, ...]
) -> list[dt.datetime | None]:
    """For each zone, when the designated stretch containing ``instant`` ends (None: not in one)."""
    ends: list[dt.datetime | None] = []
    for tz in ctx.zones:
        local = instant.astimezone(tz)
        found = [end for e in ranges if (end := _range_end(local, e)) is not None]
        ends.append(max(found) if found else None)
    return ends


def _is_single_reply(instant: dt.datetime, ctx: Context, ranges: tuple[Designation, ...]) -> bool:
    """The consumer's last contact was inbound on this medium in the same designated stretch,
    and nothing has been sent since: one reply is allowed (Official Interpretation 6(b)(1)-2)."""
    contacts = ctx.events("contact")
    if not contacts:
        return False
    last = contacts[-1]
    if last.direction != "inbound" or last.channel != ctx.request.contact.channel:
        return False
    return _stretch_ends(last.at, ctx, ranges) == _stretch_ends(instant, ctx, ranges)


def _first_free(
    instant: dt.datetime, ctx: Context, ranges: tuple[Designation, ...]
) -> dt.datetime | None:
    candidate = instant
    limit = instant + dt.timedelta(days=SEARCH_DAYS)
    while candidate <= limit:
        ends = [
            end
            for tz in ctx.zones
            for event in ranges
            if (end := _range_end(candidate.astimezone(tz), event)) is not None
        ]
        if not ends:
            return candidate
        candidate = max(ends)
    return None
