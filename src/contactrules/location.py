"""Where is the consumer? Candidate time zones and jurisdictions of a request.

A contact is convenient only if it is convenient in every zone where the consumer may be (Reg F
Official Interpretation 6(b)(1)(i)-2), so this module errs towards more zones, never fewer:

* each location's explicit ``time_zone``; else the zone of its postal code; else every zone its
  state spans (a postal code that contradicts the state adds the state's zones too);
* for calls and texts, the zone(s) of the dialed number's area code.

Postal data comes from the ``zipcodes`` package (USPS ZIP codes with their IANA zone, bundled
offline); area codes from ``phonenumbers``' geocoding data.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
import zipcodes
from phonenumbers import timezone as phone_timezone

from contactrules.data import us_state_zones
from contactrules.models.decision import ZoneTrace
from contactrules.models.fields import is_known_zone
from contactrules.models.request import Location, Request

NYC_COUNTIES = frozenset(
    {"New York County", "Kings County", "Queens County", "Bronx County", "Richmond County"}
)
NYC_CITY_NAMES = frozenset(
    {
        "NEW YORK",
        "NEW YORK CITY",
        "NYC",
        "MANHATTAN",
        "BROOKLYN",
        "BRONX",
        "THE BRONX",
        "QUEENS",
        "STATEN ISLAND",
    }
)
_PHONE_CHANNELS = frozenset({"call", "sms"})


@dataclass(frozen=True, slots=True)
class ZipInfo:
    zone: str | None
    state: str
    county: str
    city: str


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """The resolved candidate zones (with why) and the jurisdictions whose law applies."""

    zone_names: tuple[str, ...]
    zones: tuple[zoneinfo.ZoneInfo, ...]
    sources: tuple[tuple[str, str], ...]
    jurisdictions: tuple[str, ...]
    missing: str | None
    zone_traces: tuple[ZoneTrace, ...] = ()


@lru_cache(maxsize=1)
def _zip_index() -> dict[str, dict[str, object]]:
    """Every USPS record by its five-digit code, built once: ``zipcodes.matching`` scans the
    whole list (about a millisecond a lookup), which an audit of many ZIP codes cannot afford."""
    records = zipcodes.list_all()  # type: ignore[no-untyped-call]
    return {str(record["zip_code"]): record for record in records}


@lru_cache(maxsize=65536)
def zip_info(postal_code: str) -> ZipInfo | None:
    """The USPS record of a five-digit ZIP code (``ZIP+4`` is accepted), or None if unknown."""
    code = postal_code.strip()[:5]
    if len(code) != 5 or not code.isdigit():
        return None
    record = _zip_index().get(code)
    if record is None:
        return None
    zone = record.get("timezone")
    return ZipInfo(
        zone=zone if isinstance(zone, str) and is_known_zone(zone) else None,
        state=str(record.get("state", "")),
        county=str(record.get("county", "")),
        city=str(record.get("city", "")),
    )


@lru_cache(maxsize=65536)
def phone_zones(e164: str) -> tuple[str, ...]:
    """IANA zones of a number's area code; empty for numbers with no geographic zone.

    Toll-free and other non-geographic numbers say nothing about where the person is (the
    metadata lists every zone of the numbering plan for them), so they add no zone and the
    consumer's locations decide, as Florida's 559.72(17) prescribes for such numbers.
    """
    number = phonenumbers.parse(e164, None)
    if not phonenumbers.is_number_geographical(number):
        return ()
    names = phone_timezone.time_zones_for_number(number)
    return tuple(sorted(name for name in names if is_known_zone(name)))


@lru_cache(maxsize=1024)
def zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _location_zones(location: Location, index: int) -> list[tuple[str, str]]:
    where = f"consumer.locations[{index}]"
    if location.time_zone:
        return [(location.time_zone, f"{where}.time_zone")]
    found: list[tuple[str, str]] = []
    state = location.state
    if location.postal_code and location.country == "US":
        info = zip_info(location.postal_code)
        if info and info.zone:
            found.append((info.zone, f"{where}.postal_code {location.postal_code}"))
            if state is None or info.state == state:
                return found
    if state and location.country == "US":
        for name in us_state_zones().get(state, ()):
            found.append((name, f"{where}.state {state} (every zone it spans)"))
    elif location.country == "US" and not found:
        for zones in us_state_zones().values():
            found.extend((name, f"{where}.country US (no state or postal code)") for name in zones)
    return found


def _location_jurisdictions(location: Location) -> list[str]:
    codes = [location.country]
    states = {location.state} if location.state else set()
    info = (
        zip_info(location.postal_code)
        if location.postal_code and location.country == "US"
        else None
    )
    if info and info.state:
        states.add(info.state)
    codes.extend(f"{location.country}-{state}" for state in sorted(states))
    in_nyc = (info is not None and info.state == "NY" and info.county in NYC_COUNTIES) or (
        location.state == "NY" and (location.city or "").strip().upper() in NYC_CITY_NAMES
    )
    if in_nyc:
        codes.append("US-NY-NYC")
    return codes


def resolve(request: Request) -> Whereabouts:
    """Candidate zones, with the data each came from, and the jurisdictions whose law applies."""
    contact = request.contact
    phone = contact.phone if contact.channel in _PHONE_CHANNELS else None
    return _resolve(tuple(request.consumer.locations), phone)


def _phone_jurisdictions(phone: str, located: bool) -> list[str]:
    """The law a dialed number makes a candidate. Like its zone, a number outside the fifty
    states (Puerto Rico, Canada...) keeps its region's law a candidate beside addresses
    elsewhere: the person may be there, and a region with no ruleset then fails closed. A
    number of a state only stands for federal law, and only when no address is known: state
    law follows where the consumer lives, which an area code does not show."""
    number = phonenumbers.parse(phone, None)
    if not phonenumbers.is_number_geographical(number):
        return []
    region = phonenumbers.region_code_for_number(number)
    if region == "PR":
        return ["US", "US-PR"]
    if region and region != "US":
        return [region]
    return [] if located or not region else [region]


@lru_cache(maxsize=65536)
def _resolve(locations: tuple[Location, ...], phone: str | None) -> Whereabouts:
    sources: list[tuple[str, str]] = []
    jurisdictions: list[str] = []
    for index, location in enumerate(locations):
        sources.extend(_location_zones(location, index))
        jurisdictions.extend(_location_jurisdictions(location))
    if phone:
        for name in phone_zones(phone):
            sources.append((name, f"contact.phone area code ({phone[:5]})"))
        jurisdictions.extend(_phone_jurisdictions(phone, bool(locations)))
    names = tuple(dict.fromkeys(name for name, _ in sources))
    missing = None
    if not names:
        missing = (
            "the consumer's local time cannot be determined: no location with a time zone, "
            "postal code or state, and no dialed number with a geographic area code"
        )
    return Whereabouts(
        zone_names=names,
        zones=tuple(zone(name) for name in names),
        sources=tuple(sources),
        jurisdictions=tuple(dict.fromkeys(jurisdictions)),
        missing=missing,
        zone_traces=tuple(ZoneTrace(zone=name, source=source) for name, source in sources),
    )
