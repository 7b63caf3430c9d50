"""The public strategies of ``contactrules.testing`` generate what they promise."""

from __future__ import annotations

import datetime as dt
from typing import Any

import phonenumbers
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from contactrules import Engine
from contactrules.location import zip_info
from contactrules.models import parse_request
from contactrules.models.vocabulary import CHANNELS, EVENT_TYPES, EventType
from contactrules.testing import (
    consumers,
    event_times,
    events,
    events_of_type,
    histories,
    phone_numbers,
    places_in,
    requests,
    subject_of,
)

AT = "2026-06-15T14:00:00Z"


@given(requests(events_after=True, min_locations=0, max_locations=3))
def test_every_generated_request_is_valid_under_the_contract(request: dict[str, Any]) -> None:
    """The promise users build on: parse_request accepts every request the strategy draws."""
    parsed = parse_request(request)
    assert parsed.contact.debt_id == parsed.debt.id


@pytest.mark.parametrize("jurisdiction", ["US-MA", "US-TX", "US-PR", "US-NY-NYC"])
@given(data=st.data())
@settings(max_examples=20)
def test_requests_place_the_consumer_in_the_chosen_jurisdiction(
    engine: Engine, jurisdiction: str, data: st.DataObject
) -> None:
    """A request drawn for a jurisdiction is decided under that jurisdiction's law."""
    request = data.draw(requests(jurisdictions=[jurisdiction], max_events=0))
    assert jurisdiction in engine.evaluate(request).jurisdictions


@given(consumers(["US-MA", "US-AZ"], min_locations=2, max_locations=4))
def test_consumer_locations_are_real_zip_codes_of_the_chosen_states(
    consumer: dict[str, Any],
) -> None:
    """Every location with a ZIP code names a real one, in the location's state when both given."""
    assert 2 <= len(consumer["locations"]) <= 4
    for location in consumer["locations"]:
        if "postal_code" in location:
            info = zip_info(location["postal_code"])
            assert info is not None and info.state in ("MA", "AZ")
            assert location.get("state", info.state) == info.state
        else:
            assert location["state"] in ("MA", "AZ")


@given(phone_numbers(["617", "907"]))
def test_phone_numbers_are_valid_and_have_the_area_code(number: str) -> None:
    """Numbers are valid per phonenumbers, in E.164, with a requested area code."""
    parsed = phonenumbers.parse(number, None)
    assert phonenumbers.is_valid_number(parsed)
    assert number[2:5] in ("617", "907")


@given(phone_numbers(jurisdictions=["US-HI"]))
@settings(max_examples=10)
def test_phone_numbers_by_jurisdiction_use_its_area_codes(number: str) -> None:
    """Area codes of a jurisdiction come from the USPS records of its ZIP codes."""
    assert {c for place in places_in("US-HI") for c in place.area_codes} == {"808"}
    assert number.startswith("+1808555")


def test_nyc_places_are_in_the_five_boroughs() -> None:
    assert {p.county for p in places_in("US-NY-NYC")} <= {
        "New York County",
        "Kings County",
        "Queens County",
        "Bronx County",
        "Richmond County",
    }


@given(st.lists(events(AT, after=True), min_size=1, max_size=40))
@settings(max_examples=30)
def test_events_cover_every_type_of_the_contract_before_and_after(
    drawn: list[dict[str, Any]],
) -> None:
    """Events are valid (inside a request) and dated on both sides of the contact when asked."""
    request = {**_BASE, "events": drawn}
    parse_request(request)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
@given(data=st.data())
@settings(max_examples=10)
def test_each_event_type_is_drawn_valid(event_type: EventType, data: st.DataObject) -> None:
    """Every event type of the contract has its strategy, and its events are valid."""
    event = data.draw(events_of_type(event_type, AT, after=True))
    assert event["type"] == event_type
    parse_request({**_BASE, "events": [event]})


@pytest.mark.parametrize("later", [False, True], ids=["before", "after"])
def test_event_times_fall_on_both_sides_of_the_contact(later: bool) -> None:
    at = dt.datetime.fromisoformat(AT.replace("Z", "+00:00"))
    found = find(
        event_times(AT, after=True),
        lambda text: (dt.datetime.fromisoformat(text) > at) == later,
        settings=settings(database=None),
    )
    assert found


@given(histories(AT, max_events=20))
def test_histories_without_after_never_pass_the_contact(history: list[dict[str, Any]]) -> None:
    at = dt.datetime.fromisoformat(AT.replace("Z", "+00:00"))
    assert all(dt.datetime.fromisoformat(e["at"]) <= at for e in history)


@given(requests(channels=["email", "call"]))
def test_subject_of_puts_the_contacts_own_address_first(request: dict[str, Any]) -> None:
    subject = subject_of(request)
    contact = request["contact"]
    assert subject.debt_id == contact["debt_id"]
    assert contact.get("phone", subject.phones[0]) == subject.phones[0]
    assert contact.get("email", subject.emails[0]) == subject.emails[0]


@pytest.mark.parametrize("channel", CHANNELS)
@given(data=st.data())
@settings(max_examples=10)
def test_channels_restrict_the_contact(channel: str, data: st.DataObject) -> None:
    request = data.draw(requests(channels=[channel], roles=["first_party"], max_events=0))
    assert request["contact"]["channel"] == channel
    assert request["collector"]["role"] == "first_party"


_BASE: dict[str, Any] = {
    "contact": {"channel": "call", "at": AT, "debt_id": "D1", "phone": "+16175550142"},
    "collector": {"role": "third_party"},
    "debt": {"id": "D1", "purpose": "consumer"},
    "consumer": {"id": "C1", "locations": [{"country": "US", "state": "MA"}]},
}
