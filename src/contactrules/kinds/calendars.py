"""Public-holiday and business-day calendars built on the ``holidays`` package."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from pydantic import BaseModel, ConfigDict, Field, model_validator

# Years precomputed when a rule names a calendar: the FDCPA's first year to well past any audit.
FIRST_YEAR = 1978
LAST_YEAR = 2075


class HolidayCalendar(BaseModel):
    """A public-holiday calendar: country and optional subdivision, as ``holidays`` names them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 code, e.g. US")
    subdivision: str | None = Field(default=None, description="e.g. MA, or ON for a province")
    observed: bool = Field(
        default=True,
        description="Also close on the weekday a weekend holiday is observed (stricter)",
    )

    @model_validator(mode="after")
    def _known(self) -> HolidayCalendar:
        # Checked when the ruleset loads, so that a typo is a RulesetError at its line and not a
        # crash when the rule compiles.
        problem = check_calendar(self.country, self.subdivision)
        if problem is not None:
            raise ValueError(f"unknown holiday calendar: {problem}")
        return self

    def dates(self) -> frozenset[dt.date]:
        return holiday_dates(self.country, self.subdivision, self.observed)


@lru_cache(maxsize=256)
def check_calendar(country: str, subdivision: str | None) -> str | None:
    """None if ``holidays`` knows the calendar, else a message saying what it does not know."""
    try:
        holidays.country_holidays(country, subdiv=subdivision, years=2020)
    except Exception:  # the package raises several exception types for codes it lacks
        name = f"{country}-{subdivision}" if subdivision else country
        return f"the holidays package has no calendar {name!r}"
    return None


@lru_cache(maxsize=128)
def holiday_dates(country: str, subdivision: str | None, observed: bool) -> frozenset[dt.date]:
    """Every holiday date of a calendar from FIRST_YEAR to LAST_YEAR, computed once per process."""
    calendar = holidays.country_holidays(
        country, subdiv=subdivision, years=range(FIRST_YEAR, LAST_YEAR + 1), observed=observed
    )
    return frozenset(calendar.keys())


def us_federal_business_days(start: dt.date, count: int) -> dt.date:
    """The date ``count`` business days after ``start``: weekdays not 5 U.S.C. 6103 holidays.

    Weekend holidays are moved to their observed Friday or Monday (the stricter reading for a
    deadline measured in business days: fewer business days, a later date).
    """
    closed = holiday_dates("US", None, True)
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            remaining -= 1
    return day
