"""TimeWindowRule: contacts only inside local-time windows, per weekday, closed on holidays.

Serves rules such as Regulation F 12 CFR 1006.6(b)(1)(i) / FDCPA 15 U.S.C. 1692c(a)(1) (8 a.m. to
9 p.m. at the consumer's location) and state laws with other hours, Sunday or holiday bans, or a
fixed zone ("Eastern time regardless of where the consumer is").
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from contactrules.context import Context, Moment, wall_clock
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.calendars import HolidayCalendar
from contactrules.kinds.matching import fmt_local
from contactrules.location import zone as zone_info
from contactrules.models.fields import ClockTime, TimeZoneName, clock_minutes
from contactrules.models.vocabulary import WEEKDAYS, Weekday

Interval = tuple[int, int]
DayIntervals = Callable[[dt.date], tuple[Interval, ...]]
# Far enough to cross any run of closed days (a holiday weekend), near enough to stop fast when
# the candidate zones have no common window at all.
SEARCH_DAYS = 15


class Window(BaseModel):
    """Allowed local hours ``[start, end)`` on the listed weekdays (every day when omitted)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    days: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS))
    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def _not_inverted(self) -> Window:
        if clock_minutes(self.end) <= clock_minutes(self.start):
            raise ValueError(f"window end {self.end} is not after its start {self.start}")
        return self


class TimeWindowParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    windows: list[Window] = Field(min_length=1)
    zone: TimeZoneName | None = Field(
        default=None,
        description="Measure in this fixed zone instead of every zone the consumer may be in",
    )
    closed_on_holidays: HolidayCalendar | None = None


class TimeWindowRule(RuleBase):
    """Contacts are allowed only inside the windows, in every candidate zone of the consumer."""

    kind: Literal["time_window"]
    params: TimeWindowParams

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        by_day = _intervals_by_weekday(self.params.windows)
        closed = (
            self.params.closed_on_holidays.dates()
            if self.params.closed_on_holidays
            else frozenset()
        )
        fixed = (zone_info(self.params.zone),) if self.params.zone else None
        label = _describe(self.params.windows)

        def intervals(day: dt.date) -> tuple[Interval, ...]:
            return () if day in closed else by_day[day.weekday()]

        def open_at(day: dt.date, minute: int) -> bool:
            return any(a <= minute < b for a, b in intervals(day))

        def check(ctx: Context, moment: Moment) -> Failure | None:
            if fixed is None:
                if all(open_at(day, minute) for day, minute in moment.clock):
                    return None
                zones, locals_ = ctx.zones, moment.local
            else:
                zones = fixed
                locals_ = tuple(moment.utc.astimezone(z) for z in zones)
                if all(open_at(t.date(), t.hour * 60 + t.minute) for t in locals_):
                    return None
            outside = [t for t in locals_ if not open_at(t.date(), t.hour * 60 + t.minute)]
            where = ", ".join(fmt_local(local) for local in outside)
            return Failure(
                f"{where} is outside the allowed hours ({label})",
                _next_common_opening(moment.utc, zones, intervals),
            )

        return check


def _intervals_by_weekday(windows: list[Window]) -> tuple[tuple[Interval, ...], ...]:
    table: list[list[Interval]] = [[] for _ in WEEKDAYS]
    for window in windows:
        for day in window.days:
            table[WEEKDAYS.index(day)].append(
                (clock_minutes(window.start), clock_minutes(window.end))
            )
    return tuple(tuple(sorted(day)) for day in table)


def _describe(windows: list[Window]) -> str:
    parts = []
    for window in windows:
        days = "every day" if len(window.days) == len(WEEKDAYS) else "/".join(window.days)
        parts.append(f"{window.start}-{window.end} {days}")
    return "; ".join(parts)


def _next_opening(
    after: dt.datetime, tz: zoneinfo.ZoneInfo, intervals: DayIntervals
) -> dt.datetime | None:
    """The first instant at or after ``after`` inside a window in ``tz``."""
    local = after.astimezone(tz)
    minute = local.hour * 60 + local.minute
    for offset in range(SEARCH_DAYS):
        day = local.date() + dt.timedelta(days=offset)
        for start, end in intervals(day):
            if offset == 0 and minute >= end:
                continue
            if offset == 0 and minute >= start:
                return after
            return wall_clock(day, start, tz)
    return None


def _next_common_opening(
    after: dt.datetime, zones: tuple[zoneinfo.ZoneInfo, ...], intervals: DayIntervals
) -> dt.datetime | None:
    """The first instant at or after ``after`` that is inside a window in every zone, if any."""
    candidate = after
    limit = after + dt.timedelta(days=SEARCH_DAYS)
    while candidate <= limit:
        openings = [_next_opening(candidate, tz, intervals) for tz in zones]
        if any(opening is None for opening in openings):
            return None
        latest = max(o for o in openings if o is not None)
        if latest == candidate:
            return candidate
        candidate = latest
    return None
