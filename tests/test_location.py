"""Candidate zones and jurisdictions of a request (contactrules.location.resolve)."""

from __future__ import annotations

import importlib.util
import json
import pathlib
from typing import Any

import pytest

from contactrules import InvalidRequest
from contactrules.location import Whereabouts, resolve
from contactrules.models import parse_request
from helpers import make_request

ROOT = pathlib.Path(__file__).resolve().parents[1]


def where(phone: str | None = None, channel: str = "email", **location: Any) -> Whereabouts:
    loc = {"country": "US", **location}
    request = make_request(channel=channel, phone=phone, email="pat@example.com", locations=[loc])
    return resolve(parse_request(request))


def test_explicit_time_zone_wins_over_postal_code() -> None:
    """A location's time_zone is used as given, even when its ZIP code says otherwise."""
    found = where(time_zone="America/Chicago", state="MA", postal_code="02139")
    assert found.zone_names == ("America/Chicago",)


@pytest.mark.parametrize(
    ("postal_code", "state", "zone"),
    [
        ("85001", "AZ", "America/Phoenix"),
        ("96813", "HI", "Pacific/Honolulu"),
        ("00901", "PR", "America/Puerto_Rico"),
        ("99501", "AK", "America/Anchorage"),
    ],
)
def test_postal_code_gives_its_own_zone(postal_code: str, state: str, zone: str) -> None:
    """Reg F 1006.6(b)(1)(i): local time at the consumer's location, from its ZIP code."""
    assert where(postal_code=postal_code).zone_names == (zone,)
    assert where(postal_code=postal_code, state=state).zone_names == (zone,)


def test_postal_code_contradicting_the_state_adds_the_state_zones() -> None:
    """A Phoenix ZIP with state CA: both zones, never fewer (the stricter reading)."""
    found = where(postal_code="85001", state="CA")
    assert found.zone_names == ("America/Phoenix", "America/Los_Angeles")


def test_state_only_gives_every_zone_of_the_state() -> None:
    """Florida spans Eastern and Central time: both are candidates."""
    assert set(where(state="FL").zone_names) == {"America/New_York", "America/Chicago"}


def test_dialed_area_code_is_added_for_calls_and_texts() -> None:
    """Comment 6(b)(1)(i)-2: an address in one zone and an area code in another are both checked."""
    for channel in ("call", "sms"):
        found = where(phone="+14155550142", channel=channel, state="MA", postal_code="02139")
        assert found.zone_names == ("America/New_York", "America/Los_Angeles")


def test_toll_free_number_adds_no_zone() -> None:
    """A toll-free number is not geographic: the locations decide (Fla. Stat. 559.72(17) says as
    much), instead of every zone of the numbering plan from Guam to Newfoundland."""
    found = where(phone="+18772345678", channel="call", state="MA", postal_code="02139")
    assert found.zone_names == ("America/New_York",)
    assert where(phone="+16175550142", channel="call", postal_code="02139").zone_names == (
        "America/New_York",
    )


def test_toll_free_number_without_a_location_fails_closed() -> None:
    request = make_request(channel="call", phone="+18772345678", locations=[])
    assert resolve(parse_request(request)).missing


def test_dialed_area_code_is_not_added_for_email() -> None:
    """An email is not received at the phone's area code: contact.phone is ignored for email."""
    found = where(phone="+14155550142", channel="email", state="MA", postal_code="02139")
    assert found.zone_names == ("America/New_York",)


def test_puerto_rico_number_keeps_puerto_rico_law_beside_an_address_elsewhere() -> None:
    """Like its zone, Puerto Rico stays a candidate jurisdiction for a consumer dialed on a
    Puerto Rico number, even when an address in another state is known."""
    found = where(phone="+17875550142", channel="call", state="NY", postal_code="10001")
    assert {"US-NY", "US-PR"} <= set(found.jurisdictions)
    assert "America/Puerto_Rico" in found.zone_names
    emailed = where(phone="+17875550142", channel="email", state="NY", postal_code="10001")
    assert "US-PR" not in emailed.jurisdictions


def test_brooklyn_zip_is_in_new_york_city() -> None:
    """ZIP 11201 (Kings County) adds US-NY-NYC, for New York City's own rules."""
    found = where(postal_code="11201")
    assert found.jurisdictions == ("US", "US-NY", "US-NY-NYC")


def test_buffalo_zip_is_not_in_new_york_city() -> None:
    """ZIP 14201 (Erie County) is New York State but not the city."""
    found = where(postal_code="14201")
    assert found.jurisdictions == ("US", "US-NY")


def test_unknown_state_code_is_an_invalid_request_naming_the_field() -> None:
    """Nothing is guessed: an unknown state is rejected with its JSON path."""
    request = make_request(locations=[{"country": "US", "state": "XX"}])
    with pytest.raises(InvalidRequest) as raised:
        parse_request(request)
    assert raised.value.path == "consumer.locations[0].state"
    assert "XX" in raised.value.message


def test_no_location_and_no_phone_leaves_the_time_unknown() -> None:
    """No location and no dialed number: ``missing`` says why, and no zone is guessed."""
    request = make_request(channel="email", email="pat@example.com", phone=None, locations=[])
    found = resolve(parse_request(request))
    assert found.zone_names == ()
    assert found.missing is not None
    assert "cannot be determined" in found.missing


def test_no_location_but_a_dialed_number_uses_its_area_code() -> None:
    """A call with no known address is timed at the number's area code."""
    request = make_request(phone="+16025550142", locations=[])
    found = resolve(parse_request(request))
    assert found.zone_names == ("America/Phoenix",)
    assert found.missing is None


def test_state_zone_table_matches_its_generator() -> None:
    """us_state_zones.json is derived data: it must equal scripts/generate_state_zones.py output."""
    script = ROOT / "scripts" / "generate_state_zones.py"
    spec = importlib.util.spec_from_file_location("generate_state_zones", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((ROOT / "src/contactrules/data/us_state_zones.json").read_text())
    assert shipped == module.state_zones()


def test_a_canadian_number_keeps_canadian_law_a_candidate_beside_a_us_address() -> None:
    """The person dialed on an Ontario number may be in Canada: its law is a candidate, and with
    no ruleset for it the contact fails closed rather than being judged by US law alone."""
    found = where(phone="+15195550100", channel="call", state="NY", postal_code="10001")
    assert "CA" in found.jurisdictions and "US-NY" in found.jurisdictions
    assert "America/Toronto" in found.zone_names


def test_a_state_number_adds_no_state_law_beside_an_address() -> None:
    """State law follows where the consumer lives; a Boston area code does not put a New York
    consumer under Massachusetts law (its zone is still a candidate)."""
    found = where(phone="+16175550142", channel="call", state="NY", postal_code="14201")
    assert found.jurisdictions == ("US", "US-NY")
