"""Instants as the contract writes them: ISO 8601 with an explicit offset, biased to rule edges."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import strategies as st

DEFAULT_START = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
DEFAULT_END = dt.datetime(2027, 12, 31, tzinfo=dt.UTC)
# Offsets a caller may write an instant in: US zones, UTC, and a few far away ones.
OFFSETS_HOURS: tuple[float, ...] = (-10, -9, -8, -7, -6, -5, -4, 0, 1, 5.5, 9, 14)
# Local clock minutes where laws draw lines: 8 a.m., 9 p.m., and other hours states use; a minute
# either side of each is drawn as often as the minute itself.
EDGE_MINUTES: tuple[int, ...] = tuple(
    minute + delta
    for hour in (0, 7, 8, 9, 12, 17, 18, 19, 20, 21, 22)
    for minute in (hour * 60,)
    for delta in (-1, 0, 1)
    if 0 <= minute + delta < 24 * 60
)


def render(instant: dt.datetime, offset_hours: float) -> str:
    """``instant`` written with a fixed UTC offset (``Z`` for zero, as callers often do)."""
    offset = dt.timezone(dt.timedelta(hours=offset_hours))
    text = instant.astimezone(offset).isoformat()
    return text.replace("+00:00", "Z") if offset_hours == 0 else text


def offsets() -> st.SearchStrategy[float]:
    return st.sampled_from(OFFSETS_HOURS)


def instants(
    start: dt.datetime = DEFAULT_START, end: dt.datetime = DEFAULT_END
) -> st.SearchStrategy[str]:
    """ISO 8601 instants with an explicit offset, at minute resolution, in ``[start, end]``."""
    minutes = st.integers(0, int((end - start).total_seconds() // 60))
    return st.builds(render, minutes.map(lambda m: start + dt.timedelta(minutes=m)), offsets())


def local_minutes() -> st.SearchStrategy[int]:
    """A minute of the local day: half the time next to a legal edge (07:59, 08:00, 21:00...)."""
    return st.one_of(st.sampled_from(EDGE_MINUTES), st.integers(0, 24 * 60 - 1))


def dates(first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    """Dates spread evenly over the years between ``first`` and ``last`` (hypothesis' integers
    lean towards small offsets, which would crowd every draw into the first year)."""
    span = (last - first).days
    years = list(range(0, span + 1, 365))
    return st.builds(
        lambda year, day: first + dt.timedelta(days=min(year + day, span)),
        st.sampled_from(years),
        st.integers(0, 364),
    )


@st.composite
def local_instants(
    draw: st.DrawFn,
    zone: str,
    start: dt.datetime = DEFAULT_START,
    end: dt.datetime = DEFAULT_END,
) -> dt.datetime:
    """An aware UTC instant whose wall clock in ``zone`` is drawn by ``local_minutes``, now and
    then with seconds (the engine must not round 07:59:59 up to 08:00)."""
    tz = zoneinfo.ZoneInfo(zone)
    day = draw(dates(start.date(), end.date()))
    minute = draw(local_minutes())
    second = draw(st.sampled_from([0, 0, 0, 0, 0, 0, 0, 0, 30, 59]))
    wall = dt.datetime.combine(day, dt.time(minute // 60, minute % 60, second))
    return wall.replace(tzinfo=tz).astimezone(dt.UTC)
