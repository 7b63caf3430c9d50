"""Business days on the 5 U.S.C. 6103 calendar (holidays package), used by TCPA deadlines."""

from __future__ import annotations

import datetime as dt

from contactrules.kinds.calendars import check_calendar, holiday_dates, us_federal_business_days


def test_juneteenth_is_not_a_business_day() -> None:
    # Thursday 2026-06-18 + 1 business day skips Friday 06-19 and the weekend.
    assert us_federal_business_days(dt.date(2026, 6, 18), 1) == dt.date(2026, 6, 22)


def test_juneteenth_before_2021_was_a_business_day() -> None:
    # Juneteenth became a legal public holiday in 2021; Friday 2020-06-19 was a business day.
    assert us_federal_business_days(dt.date(2020, 6, 18), 1) == dt.date(2020, 6, 19)


def test_a_saturday_holiday_closes_its_observed_friday() -> None:
    # Independence Day 2026 is a Saturday, observed Friday 07-03.
    assert us_federal_business_days(dt.date(2026, 7, 2), 1) == dt.date(2026, 7, 6)


def test_a_sunday_holiday_closes_its_observed_monday() -> None:
    # Christmas 2022 was a Sunday, observed Monday 12-26.
    assert us_federal_business_days(dt.date(2022, 12, 23), 1) == dt.date(2022, 12, 27)


def test_ten_business_days_across_a_holiday() -> None:
    assert us_federal_business_days(dt.date(2026, 6, 12), 10) == dt.date(2026, 6, 29)


def test_state_calendars_come_from_the_holidays_package() -> None:
    assert dt.date(2026, 4, 20) in holiday_dates("US", "MA", True)  # Patriots' Day
    assert dt.date(2026, 4, 20) not in holiday_dates("US", None, True)


def test_unknown_calendars_are_reported() -> None:
    assert check_calendar("US", None) is None
    assert "no calendar" in (check_calendar("US", "XX") or "")
    assert "no calendar" in (check_calendar("ZZ", None) or "")
