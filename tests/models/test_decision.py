"""The decision serialises to exactly the contract's JSON shape."""

from __future__ import annotations

import json
import pathlib

from contactrules import Decision, Engine

CASE = pathlib.Path(__file__).parents[1] / "cases" / "us-federal" / "020-written-cease.json"
CONTRACT_KEYS = {
    "allowed",
    "as_of",
    "jurisdictions",
    "violations",
    "warnings",
    "next_allowed_at",
    "evaluated",
    "ruleset_digest",
}


def test_decision_has_the_contract_fields(engine: Engine) -> None:
    request = json.loads(CASE.read_text())["request"]
    out = engine.evaluate(request).to_json()
    assert set(out) >= CONTRACT_KEYS
    violation = out["violations"][0]
    assert {"rule_id", "jurisdiction", "citation", "source_url", "message"} <= set(violation)
    assert out["as_of"] == "2026-06-15T14:00:00Z"
    assert out["ruleset_digest"].startswith("sha256:") and len(out["ruleset_digest"]) == 71
    assert {e["outcome"] for e in out["evaluated"]} <= {"pass", "fail", "not_applicable"}


def test_decision_round_trips_through_json(engine: Engine) -> None:
    request = json.loads(CASE.read_text())["request"]
    decision = engine.evaluate(request)
    again = Decision.from_json(json.dumps(decision.to_json()))
    assert again == decision


def test_to_json_is_exactly_the_dataclass_fields(engine: Engine) -> None:
    """to_json is written out for speed; dataclasses.asdict is its reference, field by field
    and in order, for allowed and denied decisions with warnings, failures and zones."""
    import dataclasses

    cases = sorted((pathlib.Path(__file__).parents[1] / "cases").rglob("*.json"))
    seen = 0
    for path in cases:
        case = json.loads(path.read_text())
        if case["expect"].get("error"):
            continue
        decision = engine.evaluate(case["request"])
        out = decision.to_json()
        assert out == dataclasses.asdict(decision), path.name
        assert list(out) == [f.name for f in dataclasses.fields(decision)]
        seen += 1
    assert seen > 20
