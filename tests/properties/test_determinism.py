"""Determinism and round trips: a decision is a function of the request and the ruleset digest,
and requests and decisions survive JSON unchanged."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given

from contactrules import Decision, Engine
from contactrules.engine import decision_json
from contactrules.models import Request, parse_request, parse_request_json
from contactrules.testing import requests


@given(requests(events_after=True, max_locations=3))
def test_the_same_request_gives_the_same_decision_and_digest(
    engine: Engine, request: dict[str, Any]
) -> None:
    """Design rule (docs/design.md): nothing reads the wall clock or hidden state; the same
    request to the same rules, again or on a fresh engine, gives the same decision."""
    first = engine.evaluate(request)
    assert engine.evaluate(request) == first
    fresh = Engine(engine.rulesets, engine.options)
    assert fresh.evaluate(request) == first
    assert first.ruleset_digest == engine.digest == fresh.digest


@given(requests(events_after=True))
def test_every_form_of_a_request_gives_the_same_decision(
    engine: Engine, request: dict[str, Any]
) -> None:
    """The API takes a dict, JSON text (str or bytes) or a Request: all are the same request."""
    text = json.dumps(request)
    decision = engine.evaluate(request)
    assert engine.evaluate(text) == decision
    assert engine.evaluate(text.encode()) == decision
    assert engine.evaluate(parse_request(request)) == decision


@given(requests(events_after=True))
def test_requests_survive_a_json_round_trip(request: dict[str, Any]) -> None:
    """A validated request written back to JSON parses to the same request (audit logs replay)."""
    parsed = parse_request(request)
    again = parse_request_json(parsed.model_dump_json(by_alias=True))
    assert again == parsed
    assert Request.model_validate_json(parsed.model_dump_json(by_alias=True)) == parsed


@given(requests(events_after=True))
def test_decisions_survive_a_json_round_trip(engine: Engine, request: dict[str, Any]) -> None:
    """A logged decision read back is the decision (OPA-style decision logs, contactrules audit)."""
    decision = engine.evaluate(request)
    text = decision_json(decision)
    assert Decision.from_json(text) == decision
    assert json.loads(text) == decision.to_json()
