"""Where consumers live: real ZIP codes, valid phone numbers by area code, locations, consumers.

ZIP codes come from the ``zipcodes`` package (the USPS data the engine itself uses), restricted to
active codes with a known IANA zone; area codes come from the same records, and every number is
checked with ``phonenumbers``. Numbers use the exchange 555 and lines 0100-0199, which the North
American Numbering Plan keeps for fiction: a generated number never reaches a real person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import phonenumbers
import zipcodes
from hypothesis import strategies as st

from contactrules.data import us_state_zones
from contactrules.location import NYC_COUNTIES
from contactrules.models.fields import is_known_zone

# (state, ZIP code, a valid number with a local area code): real places across every US zone.
SAMPLE_PLACES: tuple[tuple[str, str, str], ...] = (
    ("MA", "02139", "+16175550142"),
    ("NY", "10001", "+12125550142"),
    ("DE", "19901", "+13025550142"),
    ("FL", "33101", "+13055550142"),
    ("IL", "60601", "+13125550142"),
    ("TX", "75201", "+12145550142"),
    ("CO", "80202", "+13035550142"),
    ("AZ", "85004", "+16025550142"),
    ("CA", "94103", "+14155550142"),
    ("WA", "98101", "+12065550142"),
    ("AK", "99501", "+19075550142"),
    ("HI", "96813", "+18085550142"),
    ("PR", "00901", "+17875550142"),
)

# The fifty states, the District of Columbia and Puerto Rico: where "US" draws its consumers.
US_STATES: tuple[str, ...] = tuple(
    sorted(s for s in us_state_zones() if s not in {"AS", "FM", "GU", "MH", "MP", "PW", "VI"})
)
NYC = "US-NY-NYC"

LocationForm = Literal["postal", "postal_only", "state", "time_zone", "city"]
LOCATION_FORMS: tuple[LocationForm, ...] = ("postal", "postal_only", "state", "time_zone", "city")


@dataclass(frozen=True, slots=True)
class Place:
    """One real ZIP code: its state, city, county, IANA zone and the area codes that serve it."""

    state: str
    postal_code: str
    city: str
    county: str
    zone: str
    area_codes: tuple[str, ...]


@lru_cache(maxsize=1)
def _all_places() -> tuple[Place, ...]:
    found = []
    for record in zipcodes.list_all():  # type: ignore[no-untyped-call]
        zone = record.get("timezone")
        codes = tuple(a for a in record.get("area_codes") or () if _valid_area_code(a))
        if not (record.get("active") and isinstance(zone, str) and is_known_zone(zone) and codes):
            continue
        found.append(
            Place(
                state=record["state"],
                postal_code=record["zip_code"],
                city=record["city"],
                county=record["county"],
                zone=zone,
                area_codes=codes,
            )
        )
    return tuple(found)


@lru_cache(maxsize=1024)
def _valid_area_code(code: str) -> bool:
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(f"+1{code}5550142", None)))


@lru_cache(maxsize=1)
def _by_postal_code() -> dict[str, Place]:
    return {p.postal_code: p for p in _all_places()}


def place_at(postal_code: str) -> Place | None:
    """The usable place of a ZIP code, or None when it is unknown or has no zone or area code."""
    return _by_postal_code().get(postal_code)


def states_of(jurisdictions: Sequence[str] | None) -> tuple[str, ...]:
    """The USPS state codes a list of jurisdiction codes covers (``US`` means every state)."""
    if jurisdictions is None:
        return US_STATES
    states: list[str] = []
    for code in jurisdictions:
        parts = code.split("-")
        if parts[0] != "US":
            raise ValueError(f"only US jurisdictions have generated places, not {code!r}")
        states.extend(US_STATES if len(parts) == 1 else [parts[1]])
    return tuple(dict.fromkeys(states))


@lru_cache(maxsize=256)
def places_in(jurisdiction: str) -> tuple[Place, ...]:
    """Every usable real ZIP code of a jurisdiction: ``US``, ``US-MA`` or ``US-NY-NYC``."""
    if jurisdiction == NYC:
        found = tuple(p for p in _all_places() if p.state == "NY" and p.county in NYC_COUNTIES)
    else:
        states = set(states_of([jurisdiction]))
        found = tuple(p for p in _all_places() if p.state in states)
    if not found:
        raise ValueError(f"no ZIP code with a known zone and area code in {jurisdiction!r}")
    return found


@lru_cache(maxsize=256)
def area_codes_of(jurisdiction: str) -> tuple[str, ...]:
    """The area codes serving a jurisdiction's ZIP codes, as the USPS data lists them."""
    return tuple(sorted({code for p in places_in(jurisdiction) for code in p.area_codes}))


def places(jurisdictions: Sequence[str] | None = None) -> st.SearchStrategy[Place]:
    """Real ZIP codes in the jurisdictions (every US state, DC and PR by default), each
    jurisdiction equally likely whatever its number of ZIP codes."""
    return _places(tuple(jurisdictions or ["US"]))


@lru_cache(maxsize=256)
def _places(jurisdictions: tuple[str, ...]) -> st.SearchStrategy[Place]:
    # Indexes, not sampled_from over the records: hypothesis hashes a sampled collection to label
    # the strategy, which costs milliseconds for thousands of ZIP codes.
    pools = [places_in(code) for code in jurisdictions]
    return st.one_of([st.integers(0, len(pool) - 1).map(pool.__getitem__) for pool in pools])


def phone_numbers(
    area_codes: Sequence[str] | None = None, jurisdictions: Sequence[str] | None = None
) -> st.SearchStrategy[str]:
    """Valid E.164 numbers (``+1NPA5550100`` to ``...0199``) with one of ``area_codes``, or
    with an area code serving one of ``jurisdictions`` (every US area code by default)."""
    if area_codes is None:
        codes = sorted({c for j in jurisdictions or ["US"] for c in area_codes_of(j)})
    else:
        codes = [c for c in area_codes if _valid_area_code(c)]
    if not codes:
        raise ValueError("no valid area code to draw phone numbers from")
    return st.builds(
        lambda code, line: f"+1{code}5550{line:03d}", st.sampled_from(codes), st.integers(100, 199)
    )


def location_of(place: Place, form: LocationForm) -> dict[str, Any]:
    """A contract location for ``place`` written in one of the forms a caller may use.

    ``postal``: state and ZIP; ``postal_only``: the ZIP alone; ``state``: the state alone (every
    zone it spans is a candidate); ``time_zone``: state and an explicit IANA zone; ``city``:
    state, ZIP and city name.
    """
    if form == "postal_only":
        return {"country": "US", "postal_code": place.postal_code}
    location: dict[str, Any] = {"country": "US", "state": place.state}
    if form == "state":
        return location
    if form == "time_zone":
        location["time_zone"] = place.zone
        return location
    location["postal_code"] = place.postal_code
    if form == "city":
        location["city"] = place.city
    return location


def locations(
    jurisdictions: Sequence[str] | None = None,
    forms: Sequence[LocationForm] = LOCATION_FORMS,
) -> st.SearchStrategy[dict[str, Any]]:
    """Contract locations (JSON-ready dicts) at real ZIP codes of the jurisdictions.

    Forms that lose the city (``state``, ``time_zone``) cannot place a consumer in New York City,
    so for ``US-NY-NYC`` only the ZIP-bearing forms are drawn.
    """
    if jurisdictions is not None and NYC in jurisdictions:
        forms = [f for f in forms if f in ("postal", "postal_only", "city")] or ["postal"]
    pairs = st.tuples(places(jurisdictions), st.sampled_from(list(forms)))
    return pairs.map(lambda pair: location_of(*pair))


@st.composite
def consumers(
    draw: st.DrawFn,
    jurisdictions: Sequence[str] | None = None,
    *,
    min_locations: int = 1,
    max_locations: int = 3,
    forms: Sequence[LocationForm] = LOCATION_FORMS,
) -> dict[str, Any]:
    """A consumer with ``min_locations`` to ``max_locations`` locations, each in one of the
    jurisdictions (so several locations may put the consumer in several zones and states).
    With ``min_locations=0`` the consumer may have no location at all (the engine then places
    them by the dialed number, or fails closed)."""
    where = draw(
        st.lists(locations(jurisdictions, forms), min_size=min_locations, max_size=max_locations)
    )
    return {"id": draw(st.sampled_from(["C1", "C-42", "consumer 7"])), "locations": where}
