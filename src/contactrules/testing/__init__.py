"""Hypothesis strategies for contactrules requests and rulesets, for our property tests and yours.

    from hypothesis import given
    from contactrules import Engine
    from contactrules.testing import requests

    ENGINE = Engine.load(["my-policy/"])

    @given(requests(jurisdictions=["US-MA"], channels=["call"], roles=["third_party"]))
    def test_my_dialer_never_calls_when_denied(request): ...

Every generated request is a JSON-ready dict that is valid under the decision contract
(``contactrules.models.parse_request`` accepts it). The strategies are parameterised by
jurisdiction (``US``, ``US-MA``, ``US-NY-NYC``), channel and collector role, and draw the rest
across the contract's whole vocabulary: real ZIP codes of the jurisdictions, valid phone numbers
by area code, histories with every event type, local times next to legal edges. Ruleset
strategies draw valid ruleset documents of every rule kind, and invalid ones with the field the
loader must name. See docs/testing.md. Requires the ``hypothesis`` package (the ``test`` extra).
"""

from contactrules.testing.history import (
    BLOCK_TYPES,
    Subject,
    block_events,
    call_bursts,
    contact_events,
    event_times,
    events,
    events_of_type,
    histories,
)
from contactrules.testing.moments import instants, local_instants, local_minutes
from contactrules.testing.places import (
    SAMPLE_PLACES,
    US_STATES,
    Place,
    area_codes_of,
    consumers,
    location_of,
    locations,
    phone_numbers,
    place_at,
    places,
    places_in,
)
from contactrules.testing.requests import requests, subject_of
from contactrules.testing.rulesets import RULE_KINDS, broken_rulesets, rules, rulesets

__all__ = [
    "BLOCK_TYPES",
    "RULE_KINDS",
    "SAMPLE_PLACES",
    "US_STATES",
    "Place",
    "Subject",
    "area_codes_of",
    "block_events",
    "broken_rulesets",
    "call_bursts",
    "consumers",
    "contact_events",
    "event_times",
    "events",
    "events_of_type",
    "histories",
    "instants",
    "local_instants",
    "local_minutes",
    "location_of",
    "locations",
    "phone_numbers",
    "place_at",
    "places",
    "places_in",
    "requests",
    "rules",
    "rulesets",
    "subject_of",
]
