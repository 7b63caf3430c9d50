"""Business days on the 5 U.S.C. 6103 calendar (holidays package), used by TCPA deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from contactrules import RulesetError
from contactrules.kinds.calendars import check_calendar, holiday_dates, us_federal_business_days
from contactrules.ruleset.loader import load_text


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


def test_a_rule_naming_an_unknown_calendar_does_not_load() -> None:
    """A typo in a calendar is a RulesetError at its line when the file loads, not a crash when
    the rule compiles."""
    text = """\
jurisdiction: US-ZZ
title: Test state
level: state
reviewed: 2026-11-01
sources: [{title: Test statute, url: "https://example.org/statute"}]
rules:
  - id: zz.hours
    title: Hours
    kind: time_window
    citation: {ref: "Test 1", url: "https://example.org/statute#1"}
    effective: {from: 2020-01-01}
    params:
      windows: [{start: "08:00", end: "20:00"}]
      closed_on_holidays: {country: US, subdivision: XX}
"""
    with pytest.raises(RulesetError) as info:
        load_text(text, "zz.yaml")
    error = info.value
    assert (error.line, error.rule_id, error.code) == (14, "zz.hours", "unknown-calendar")
    assert error.field == "rules[0].params.closed_on_holidays"
    assert "'US-XX'" in error.message
    assert load_text(text.replace("XX", "MA"), "zz.yaml").document.rules[0].id == "zz.hours"
