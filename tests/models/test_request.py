"""Strict request validation: every bad input is an InvalidRequest naming its JSON path."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from contactrules import InvalidRequest, parse_request, parse_request_json

BASE: dict[str, Any] = {
    "contact": {
        "channel": "call",
        "at": "2026-06-15T10:00:00-04:00",
        "debt_id": "D1",
        "recipient": "consumer",
        "purpose": "collection",
        "phone": "+13025550142",
        "phone_type": "wireless",
        "technology": "manual",
    },
    "collector": {"role": "third_party"},
    "debt": {"id": "D1", "purpose": "consumer", "type": "credit_card"},
    "consumer": {
        "id": "C1",
        "locations": [{"country": "US", "state": "DE", "postal_code": "19901"}],
    },
    "events": [
        {
            "type": "contact",
            "at": "2026-06-14T10:00:00-04:00",
            "channel": "call",
            "direction": "outbound",
            "outcome": "no_answer",
            "debt_id": "D1",
        },
    ],
}


def _with(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is _DELETE:
        del node[int(last) if last.isdigit() else last]
    elif last.isdigit():
        node[int(last)] = value
    else:
        node[last] = value
    return data


_DELETE = object()


def test_base_request_is_valid() -> None:
    request = parse_request(BASE)
    assert request.contact.channel == "call"
    assert request.events[0].type == "contact"


@pytest.mark.parametrize(
    ("path", "value", "expected_path", "words"),
    [
        ("contact.at", "2026-06-15T10:00:00", "contact.at", "offset"),
        ("contact.channel", "carrier_pigeon", "contact.channel", "call"),
        ("contact.phone_type", "satellite", "contact.phone_type", "wireless"),
        ("contact.phone", "+1555", "contact.phone", "phone number"),
        ("contact.phone", "3025550142", "contact.phone", "E.164"),
        ("contact.surprise", 1, "contact.surprise", "unknown field"),
        ("collector.role", "bank", "collector.role", "third_party"),
        (
            "consumer.locations.0.time_zone",
            "Mars/Olympus",
            "consumer.locations[0].time_zone",
            "IANA",
        ),
        ("consumer.locations.0.country", "usa", "consumer.locations[0].country", "pattern"),
        ("events.0.at", _DELETE, "events[0].at", "required"),
        ("events.0.outcome", "maybe", "events[0].outcome", "conversation"),
        ("events.0.type", "telepathy", "events[0].type", "unknown event type"),
        ("events.0.type", _DELETE, "events[0].type", "event type missing"),
        ("events.0.extra", True, "events[0].extra", "unknown field"),
        ("contact.debt_id", "D2", "contact.debt_id", "differs"),
    ],
)
def test_invalid_input_names_the_field(
    path: str, value: Any, expected_path: str, words: str
) -> None:
    with pytest.raises(InvalidRequest) as info:
        parse_request(_with(path, value))
    assert info.value.path == expected_path
    assert words.lower() in str(info.value).lower()


def test_event_datetime_without_offset_is_rejected() -> None:
    with pytest.raises(InvalidRequest) as info:
        parse_request(_with("events.0.at", "2026-06-14T10:00:00"))
    assert info.value.path == "events[0].at"


def test_malformed_json_is_invalid_request() -> None:
    with pytest.raises(InvalidRequest, match="malformed JSON"):
        parse_request_json("{not json")


def test_non_object_is_invalid_request() -> None:
    with pytest.raises(InvalidRequest, match="JSON object"):
        parse_request([1, 2])


def test_phone_numbers_are_normalised_to_e164() -> None:
    request = parse_request(_with("contact.phone", "+1 (302) 555-0142"))
    assert request.contact.phone == "+13025550142"


def test_request_survives_a_json_round_trip() -> None:
    request = parse_request(BASE)
    again = parse_request_json(request.model_dump_json(by_alias=True))
    assert again == request


def test_inconvenient_time_accepts_from_alias_and_checks_clock() -> None:
    event = {
        "type": "inconvenient_time",
        "at": "2026-06-01T10:00:00Z",
        "days": ["mon"],
        "from": "08:00",
        "to": "12:00",
    }
    parse_request(_with("events.0", event))
    with pytest.raises(InvalidRequest) as info:
        parse_request(_with("events.0", {**event, "to": "25:00"}))
    assert info.value.path == "events[0].to"


def test_unknown_state_is_rejected(engine: Any) -> None:
    with pytest.raises(InvalidRequest) as info:
        engine.evaluate(_with("consumer.locations.0.state", "XX"))
    assert info.value.path == "consumer.locations[0].state"


def test_invalid_request_serialises_with_path() -> None:
    with pytest.raises(InvalidRequest) as info:
        parse_request_json(json.dumps(_with("contact.at", "yesterday")))
    assert info.value.to_json()["path"] == "contact.at"
