"""time_window: allowed local hours per weekday, in every candidate zone, closed on holidays."""

from __future__ import annotations

import pytest

from contactrules import Engine
from helpers import RULE_ID, make_engine, make_request, violation_ids

EIGHT_TO_NINE = """
kind: time_window
params:
  windows: [{start: "08:00", end: "21:00"}]
"""

CALIFORNIA = [{"country": "US", "state": "CA", "postal_code": "94103"}]
SF_PHONE = "+14155550142"


@pytest.fixture(scope="module")
def eight_to_nine() -> Engine:
    return make_engine(EIGHT_TO_NINE)


def holiday_engine(calendar: str) -> Engine:
    return make_engine(
        f"""
        kind: time_window
        params:
          windows: [{{start: "08:00", end: "21:00"}}]
          closed_on_holidays: {calendar}
        """
    )


def test_0759_denied_0800_allowed(eight_to_nine: Engine) -> None:
    """Reg F 1006.6(b)(1)(i): before 8 a.m. local time is inconvenient; 08:00 itself is not."""
    denied = eight_to_nine.evaluate(make_request(at="2026-06-15T07:59:00-04:00"))
    assert not denied.allowed
    assert violation_ids(denied) == [RULE_ID]
    assert denied.next_allowed_at == "2026-06-15T12:00:00Z"
    allowed = eight_to_nine.evaluate(make_request(at="2026-06-15T08:00:00-04:00"))
    assert allowed.allowed
    assert allowed.next_allowed_at == "2026-06-15T12:00:00Z"


def test_2059_allowed_2100_denied_until_next_morning(eight_to_nine: Engine) -> None:
    """Reg F 1006.6(b)(1)(i): 9 p.m. local time is already inconvenient; 20:59 is not."""
    assert eight_to_nine.evaluate(make_request(at="2026-06-15T20:59:00-04:00")).allowed
    denied = eight_to_nine.evaluate(make_request(at="2026-06-15T21:00:00-04:00"))
    assert violation_ids(denied) == [RULE_ID]
    assert denied.next_allowed_at == "2026-06-16T12:00:00Z"


def test_seconds_before_0800_wait_until_0800_exactly(eight_to_nine: Engine) -> None:
    """next_allowed_at is exact: 07:59:59 waits for 08:00:00, not a minute later."""
    decision = eight_to_nine.evaluate(make_request(at="2026-06-15T07:59:59-04:00"))
    assert decision.next_allowed_at == "2026-06-15T12:00:00Z"


def test_split_window_gap_waits_for_the_afternoon_window() -> None:
    """Two windows on one day: a contact in the gap may go when the second window opens."""
    engine = make_engine(
        """
        kind: time_window
        params:
          windows:
            - {start: "08:00", end: "12:00"}
            - {start: "13:00", end: "21:00"}
        """
    )
    assert engine.evaluate(make_request(at="2026-06-15T11:59:00-04:00")).allowed
    gap = engine.evaluate(make_request(at="2026-06-15T12:30:00-04:00"))
    assert gap.next_allowed_at == "2026-06-15T17:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-15T13:00:00-04:00")).allowed


def test_no_window_on_sunday_denies_sunday_until_monday_0800() -> None:
    """A state-style Sunday ban: no window on sun, so Sunday noon waits for Monday 08:00."""
    engine = make_engine(
        """
        kind: time_window
        params:
          windows: [{days: [mon, tue, wed, thu, fri, sat], start: "08:00", end: "21:00"}]
        """
    )
    sunday = engine.evaluate(make_request(at="2026-06-14T12:00:00-04:00"))
    assert violation_ids(sunday) == [RULE_ID]
    assert sunday.next_allowed_at == "2026-06-15T12:00:00Z"
    saturday_night = engine.evaluate(make_request(at="2026-06-13T21:00:00-04:00"))
    assert saturday_night.next_allowed_at == "2026-06-15T12:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-13T20:59:00-04:00")).allowed


def test_per_weekday_hours_saturday_shorter_than_weekdays() -> None:
    """Different hours per weekday: Saturday 09:00-17:00 while weekdays run 08:00-21:00."""
    engine = make_engine(
        """
        kind: time_window
        params:
          windows:
            - {days: [mon, tue, wed, thu, fri], start: "08:00", end: "21:00"}
            - {days: [sat], start: "09:00", end: "17:00"}
        """
    )
    assert engine.evaluate(make_request(at="2026-06-12T08:00:00-04:00")).allowed  # Friday
    saturday = engine.evaluate(make_request(at="2026-06-13T08:00:00-04:00"))
    assert saturday.next_allowed_at == "2026-06-13T13:00:00Z"
    late = engine.evaluate(make_request(at="2026-06-13T17:00:00-04:00"))
    assert late.next_allowed_at == "2026-06-15T12:00:00Z"


def test_july_4_closed_july_3_and_5_open() -> None:
    """A holiday ban with the US-MA calendar: Independence Day (a Friday in 2025) is closed."""
    engine = holiday_engine("{country: US, subdivision: MA}")
    july_4 = engine.evaluate(make_request(at="2025-07-04T10:00:00-04:00"))
    assert violation_ids(july_4) == [RULE_ID]
    assert july_4.next_allowed_at == "2025-07-05T12:00:00Z"
    assert engine.evaluate(make_request(at="2025-07-03T20:59:00-04:00")).allowed
    assert engine.evaluate(make_request(at="2025-07-05T08:00:00-04:00")).allowed


def test_state_holiday_patriots_day_closed_only_with_the_ma_calendar() -> None:
    """Patriots' Day (third Monday of April) is a Massachusetts holiday, not a federal one."""
    at = "2026-04-20T10:00:00-04:00"
    ma = holiday_engine("{country: US, subdivision: MA}").evaluate(make_request(at=at))
    assert ma.next_allowed_at == "2026-04-21T12:00:00Z"
    assert holiday_engine("{country: US}").evaluate(make_request(at=at)).allowed


def test_sunday_holiday_also_closes_its_observed_monday() -> None:
    """July 4 2027 is a Sunday: with observed: true Monday July 5 is closed too."""
    observed = holiday_engine("{country: US, subdivision: MA, observed: true}")
    monday = observed.evaluate(make_request(at="2027-07-05T10:00:00-04:00"))
    assert violation_ids(monday) == [RULE_ID]
    assert monday.next_allowed_at == "2027-07-06T12:00:00Z"
    sunday = observed.evaluate(make_request(at="2027-07-04T10:00:00-04:00"))
    assert sunday.next_allowed_at == "2027-07-06T12:00:00Z"
    actual_day_only = holiday_engine("{country: US, subdivision: MA, observed: false}")
    assert actual_day_only.evaluate(make_request(at="2027-07-05T10:00:00-04:00")).allowed


def test_saturday_federal_holiday_closes_the_friday_before() -> None:
    """Federal calendar (5 U.S.C. 6103): July 4 2026 is a Saturday, observed Friday July 3."""
    engine = holiday_engine("{country: US}")
    friday = engine.evaluate(make_request(at="2026-07-03T10:00:00-04:00"))
    assert friday.next_allowed_at == "2026-07-05T12:00:00Z"
    assert engine.evaluate(make_request(at="2026-07-02T20:59:00-04:00")).allowed


def test_fixed_zone_measures_eastern_time_for_a_california_consumer() -> None:
    """zone: America/New_York applies Eastern hours wherever the consumer is."""
    engine = make_engine(
        """
        kind: time_window
        params:
          windows: [{start: "08:00", end: "21:00"}]
          zone: America/New_York
        """
    )
    # 07:30 in San Francisco is 10:30 in New York: fine under an Eastern-time rule.
    morning = make_request(at="2026-06-15T07:30:00-07:00", locations=CALIFORNIA, phone=SF_PHONE)
    assert engine.evaluate(morning).allowed
    # 18:30 in San Francisco is 21:30 in New York: closed until 08:00 Eastern (05:00 Pacific).
    evening = make_request(at="2026-06-15T18:30:00-07:00", locations=CALIFORNIA, phone=SF_PHONE)
    decision = engine.evaluate(evening)
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-16T12:00:00Z"


def test_spring_forward_day_0800_is_one_hour_earlier_in_utc(eight_to_nine: Engine) -> None:
    """DST start 2026-03-08: 08:00 EDT is 12:00Z, while on 03-07 08:00 EST was 13:00Z."""
    saturday = eight_to_nine.evaluate(make_request(at="2026-03-07T12:59:00Z"))
    assert saturday.next_allowed_at == "2026-03-07T13:00:00Z"
    assert eight_to_nine.evaluate(make_request(at="2026-03-07T13:00:00Z")).allowed
    sunday = eight_to_nine.evaluate(make_request(at="2026-03-08T11:59:00Z"))
    assert sunday.next_allowed_at == "2026-03-08T12:00:00Z"
    assert eight_to_nine.evaluate(make_request(at="2026-03-08T12:00:00Z")).allowed
    # From Saturday 21:30 EST the next opening is Sunday 08:00 EDT, across the clock change.
    night = eight_to_nine.evaluate(make_request(at="2026-03-08T02:30:00Z"))
    assert night.next_allowed_at == "2026-03-08T12:00:00Z"


def test_fall_back_day_0800_is_one_hour_later_in_utc(eight_to_nine: Engine) -> None:
    """DST end 2026-11-01: 08:00 EST is 13:00Z, while on 10-31 08:00 EDT was 12:00Z."""
    assert eight_to_nine.evaluate(make_request(at="2026-10-31T12:00:00Z")).allowed
    sunday = eight_to_nine.evaluate(make_request(at="2026-11-01T12:00:00Z"))
    assert violation_ids(sunday) == [RULE_ID]
    assert sunday.next_allowed_at == "2026-11-01T13:00:00Z"
    assert eight_to_nine.evaluate(make_request(at="2026-11-01T13:00:00Z")).allowed
    # 21:00 EST on 11-01 is 02:00Z on 11-02; 20:59 EST still allowed.
    assert eight_to_nine.evaluate(make_request(at="2026-11-02T01:59:00Z")).allowed
    late = eight_to_nine.evaluate(make_request(at="2026-11-02T02:00:00Z"))
    assert late.next_allowed_at == "2026-11-02T13:00:00Z"


def test_arizona_has_no_dst_so_0800_is_1500z_in_winter_and_summer(eight_to_nine: Engine) -> None:
    """America/Phoenix stays at UTC-7 all year: 08:00 is 15:00Z in January and in July."""
    phoenix = [{"country": "US", "state": "AZ", "postal_code": "85001"}]
    phone = "+16025550142"
    for day in ("2026-01-15", "2026-07-15"):
        early = eight_to_nine.evaluate(
            make_request(at=f"{day}T14:59:00Z", locations=phoenix, phone=phone)
        )
        assert early.next_allowed_at == f"{day}T15:00:00Z"
        on_time = make_request(at=f"{day}T15:00:00Z", locations=phoenix, phone=phone)
        assert eight_to_nine.evaluate(on_time).allowed


def test_hawaii_2059_allowed_2100_denied(eight_to_nine: Engine) -> None:
    """Pacific/Honolulu (UTC-10, no DST): 21:00 HST is 07:00Z the next UTC day."""
    honolulu = [{"country": "US", "state": "HI", "postal_code": "96813"}]
    phone = "+18085550142"
    ok = make_request(at="2026-06-16T06:59:00Z", locations=honolulu, phone=phone)
    assert eight_to_nine.evaluate(ok).allowed
    late = make_request(at="2026-06-16T07:00:00Z", locations=honolulu, phone=phone)
    decision = eight_to_nine.evaluate(late)
    assert decision.next_allowed_at == "2026-06-16T18:00:00Z"


def test_eastern_address_and_pacific_area_code_window_is_11_to_21_eastern(
    eight_to_nine: Engine,
) -> None:
    """Reg F comment 6(b)(1)(i)-2: convenient in every candidate zone, so 11:00-21:00 Eastern."""
    at_1059 = eight_to_nine.evaluate(make_request(at="2026-06-15T10:59:00-04:00", phone=SF_PHONE))
    assert violation_ids(at_1059) == [RULE_ID]
    assert "PDT" in at_1059.violations[0].message
    assert at_1059.next_allowed_at == "2026-06-15T15:00:00Z"
    assert [z.zone for z in at_1059.zones] == ["America/New_York", "America/Los_Angeles"]
    at_1100 = make_request(at="2026-06-15T11:00:00-04:00", phone=SF_PHONE)
    assert eight_to_nine.evaluate(at_1100).allowed
    assert eight_to_nine.evaluate(
        make_request(at="2026-06-15T20:59:00-04:00", phone=SF_PHONE)
    ).allowed
    at_2100 = eight_to_nine.evaluate(make_request(at="2026-06-15T21:00:00-04:00", phone=SF_PHONE))
    assert at_2100.next_allowed_at == "2026-06-16T15:00:00Z"


def test_email_is_not_timed_by_the_area_code_of_contact_phone(eight_to_nine: Engine) -> None:
    """Only calls and texts add the dialed number's zone: an email at 10:59 Eastern is fine."""
    email = make_request(
        at="2026-06-15T10:59:00-04:00", channel="email", email="a@example.com", phone=SF_PHONE
    )
    assert eight_to_nine.evaluate(email).allowed


def _guam_and_pago_pago(at: str) -> dict[str, object]:
    return make_request(
        at=at,
        channel="email",
        email="a@example.com",
        phone=None,
        locations=[
            {"country": "US", "time_zone": "Pacific/Guam"},
            {"country": "US", "time_zone": "Pacific/Pago_Pago"},
        ],
    )


def test_guam_and_pago_pago_share_only_22z_to_08z(eight_to_nine: Engine) -> None:
    """Guam (UTC+10) and Pago Pago (UTC-11) overlap when Guam is 08:00-18:00 (Pago 11:00-21:00)."""
    before = eight_to_nine.evaluate(_guam_and_pago_pago("2026-06-15T21:59:00Z"))
    assert violation_ids(before) == [RULE_ID]
    assert before.next_allowed_at == "2026-06-15T22:00:00Z"
    assert eight_to_nine.evaluate(_guam_and_pago_pago("2026-06-15T22:00:00Z")).allowed
    assert eight_to_nine.evaluate(_guam_and_pago_pago("2026-06-16T07:59:00Z")).allowed
    after = eight_to_nine.evaluate(_guam_and_pago_pago("2026-06-16T08:00:00Z"))
    assert after.next_allowed_at == "2026-06-16T22:00:00Z"


def test_zones_with_no_common_window_are_denied_with_no_next_time() -> None:
    """A 08:00-10:00 window: Guam and Pago Pago (3 h apart on the clock) never share an hour."""
    engine = make_engine(
        """
        kind: time_window
        params:
          windows: [{start: "08:00", end: "10:00"}]
        """
    )
    for at in ("2026-06-15T22:30:00Z", "2026-06-15T19:30:00Z", "2026-06-16T03:00:00Z"):
        decision = engine.evaluate(_guam_and_pago_pago(at))
        assert violation_ids(decision) == [RULE_ID]
        assert decision.next_allowed_at is None


def test_window_end_2400_allows_2359() -> None:
    """An end of 24:00 means through the last minute of the day."""
    engine = make_engine(
        """
        kind: time_window
        params:
          windows: [{start: "08:00", end: "24:00"}]
        """
    )
    assert engine.evaluate(make_request(at="2026-06-15T23:59:00-04:00")).allowed
    early = engine.evaluate(make_request(at="2026-06-16T00:00:00-04:00"))
    assert early.next_allowed_at == "2026-06-16T12:00:00Z"
