"""Validated scalar types shared by the request models: phone numbers, zones, local clock times."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from functools import lru_cache
from typing import Annotated

import phonenumbers
from pydantic import AfterValidator, AwareDatetime

_CLOCK = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")


@lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_known_zone(name: str) -> bool:
    return name in _known_zones()


def _check_zone(value: str) -> str:
    if not is_known_zone(value):
        raise ValueError(f"unknown IANA time zone {value!r}")
    return value


@lru_cache(maxsize=65536)
def _check_phone(value: str) -> str:
    # Only E.164 is accepted: a number without its country code would force us to guess the region.
    if not value.startswith("+"):
        raise ValueError(f"phone number {value!r} must be in E.164 form, starting with '+'")
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"phone number {value!r} does not parse: {exc}") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"phone number {value!r} is not a valid number")
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def _check_clock(value: str) -> str:
    if not _CLOCK.match(value):
        raise ValueError(f"local time {value!r} must be HH:MM between 00:00 and 24:00")
    return value


def clock_minutes(value: str) -> int:
    """Minutes after local midnight of an ``HH:MM`` clock value (``24:00`` is 1440)."""
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


TimeZoneName = Annotated[str, AfterValidator(_check_zone)]
PhoneNumber = Annotated[str, AfterValidator(_check_phone)]
ClockTime = Annotated[str, AfterValidator(_check_clock)]


def _to_utc(value: dt.datetime) -> dt.datetime:
    # One shared tzinfo makes every later comparison a plain one; the instant is unchanged.
    return value.astimezone(dt.UTC)


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]
"""An instant that must carry an offset in the input; held in UTC once validated."""
