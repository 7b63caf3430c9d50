"""Engine behaviour across rules: versions in force, who is bound, fail-closed, threads, batches."""

from __future__ import annotations

import copy
import json
import pathlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from contactrules import Engine, InvalidRequest
from contactrules.ruleset import bundled_root, load_text

CASES = pathlib.Path(__file__).parent / "cases" / "us-federal"


def _case(name: str) -> dict[str, Any]:
    request: dict[str, Any] = json.loads((CASES / name).read_text())["request"]
    return copy.deepcopy(request)


def _trace(decision: Any, rule_id: str) -> Any:
    return next(entry for entry in decision.evaluated if entry.rule_id == rule_id)


def test_contact_before_regulation_f_uses_the_fdcpa_version(engine: Engine) -> None:
    """FDCPA 1692c(a)(1) as it stood in 2019: the time rule cites the statute alone."""
    request = _case("001-call-before-8am.json")
    request["contact"]["at"] = "2019-06-17T07:59:00-04:00"
    decision = engine.evaluate(request)
    assert not decision.allowed
    assert decision.violations[0].citation == "15 U.S.C. 1692c(a)(1)"
    assert _trace(decision, "us.regf.time-of-day").version == "1978-03-20"


def test_seven_in_seven_did_not_exist_before_regulation_f(engine: Engine) -> None:
    """12 CFR 1006.14(b)(2) took effect on 2021-11-30: an eighth call in 2019 is not presumed."""
    request = _case("010-eighth-call-in-seven-days.json")
    shift = "2019-06-"
    request["contact"]["at"] = request["contact"]["at"].replace("2026-06-", shift)
    for event in request["events"]:
        event["at"] = event["at"].replace("2026-06-", shift)
    decision = engine.evaluate(request)
    assert decision.allowed, decision.violations
    entry = _trace(decision, "us.regf.call-frequency")
    assert entry.outcome == "not_applicable"
    assert "not in force" in entry.reason


def test_eighth_call_on_the_day_regulation_f_took_effect(engine: Engine) -> None:
    """1006.14(b)(2)(i)(A) applies to a call placed on 2021-11-30, not to one on 2021-11-29."""
    request = _case("010-eighth-call-in-seven-days.json")
    events = request["events"]

    def week_ending(day: int) -> list[dict[str, Any]]:
        return [
            {**event, "at": f"2021-11-{day - 6 + i:02d}T10:00:00-05:00"}
            for i, event in enumerate(events)
        ]

    request["events"] = week_ending(29)
    request["contact"]["at"] = "2021-11-29T12:00:00-05:00"
    assert engine.evaluate(request).allowed
    request["events"] = week_ending(30)
    request["contact"]["at"] = "2021-11-30T12:00:00-05:00"
    decision = engine.evaluate(request)
    assert [v.rule_id for v in decision.violations] == ["us.regf.call-frequency"]


def test_first_party_creditor_is_not_bound_by_regulation_f(engine: Engine) -> None:
    """The FDCPA binds debt collectors (1692a(6)); a creditor's 07:59 call is not denied by it."""
    request = _case("001-call-before-8am.json")
    request["collector"]["role"] = "first_party"
    decision = engine.evaluate(request)
    assert decision.allowed
    entry = _trace(decision, "us.regf.time-of-day")
    assert entry.outcome == "not_applicable"
    assert "first_party" in entry.reason


def test_business_debt_is_outside_the_fdcpa(engine: Engine) -> None:
    request = _case("020-written-cease.json")
    request["debt"]["purpose"] = "business"
    assert engine.evaluate(request).allowed


def test_tcpa_binds_first_party_creditors(engine: Engine) -> None:
    request = _case("030-autodialed-call-to-mobile-without-consent.json")
    request["collector"]["role"] = "first_party"
    decision = engine.evaluate(request)
    assert [v.rule_id for v in decision.violations] == ["us.tcpa.wireless-prior-express-consent"]


def test_every_violation_is_listed_not_just_the_first(engine: Engine) -> None:
    request = _case("030-autodialed-call-to-mobile-without-consent.json")
    request["contact"]["at"] = "2026-06-15T07:00:00-04:00"
    request["events"] = [
        {"type": "cease_request", "at": "2026-06-01T10:00:00Z", "written": True, "debt_ids": None}
    ]
    ids = {v.rule_id for v in engine.evaluate(request).violations}
    assert ids == {
        "us.regf.time-of-day",
        "us.regf.cease-communication",
        "us.tcpa.wireless-prior-express-consent",
    }


def test_allowed_contact_is_next_allowed_at_its_own_instant(engine: Engine) -> None:
    decision = engine.evaluate(_case("002-call-mid-morning.json"))
    assert decision.allowed and decision.next_allowed_at == decision.as_of


def test_consumer_abroad_without_a_ruleset_fails_closed(engine: Engine) -> None:
    request = _case("002-call-mid-morning.json")
    request["consumer"]["locations"] = [{"country": "FR", "time_zone": "Europe/Paris"}]
    request["contact"]["phone"] = "+33612345678"
    decision = engine.evaluate(request)
    assert not decision.allowed
    assert decision.violations[0].rule_id == "contactrules.engine.no-ruleset"
    assert decision.next_allowed_at is None


def test_state_without_a_ruleset_is_a_warning_naming_it(engine: Engine) -> None:
    """With federal law loaded and no Delaware file, the Delaware consumer's state is named."""
    federal_only = Engine.from_paths(bundled_root() / "us" / "federal")
    decision = federal_only.evaluate(_case("002-call-mid-morning.json"))
    assert any("US-DE" in w.message for w in decision.warnings)
    assert not any(
        "US-DE" in w.message for w in engine.evaluate(_case("002-call-mid-morning.json")).warnings
    )


def test_trace_names_the_zones_and_why(engine: Engine) -> None:
    decision = engine.evaluate(_case("026-address-east-phone-west.json"))
    zones = {(z.zone, z.source.split(" ")[0]) for z in decision.zones}
    assert ("America/New_York", "consumer.locations[0].postal_code") in zones
    assert ("America/Los_Angeles", "contact.phone") in zones


def test_same_instant_with_another_offset_gives_the_same_decision(engine: Engine) -> None:
    request = _case("001-call-before-8am.json")
    utc = copy.deepcopy(request)
    utc["contact"]["at"] = "2026-06-15T11:59:00Z"
    assert engine.evaluate(request) == engine.evaluate(utc)


def test_evaluate_many_returns_errors_in_place(engine: Engine) -> None:
    bad = _case("041-naive-time-rejected.json")
    out = engine.evaluate_many(
        [_case("002-call-mid-morning.json"), bad, json.dumps(_case("001-call-before-8am.json"))]
    )
    assert out[0].allowed is True  # type: ignore[union-attr]
    assert isinstance(out[1], InvalidRequest) and out[1].path == "contact.at"
    assert out[2].allowed is False  # type: ignore[union-attr]


def test_engine_is_safe_to_share_across_threads(engine: Engine) -> None:
    requests = [
        json.loads(p.read_text())["request"]
        for p in sorted(CASES.glob("*.json"))
        if "error" not in json.loads(p.read_text())["expect"]
    ] * 8
    expected = [engine.evaluate(r) for r in requests]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(engine.evaluate, requests))
    assert got == expected


def test_warn_severity_never_denies(tmp_path: pathlib.Path) -> None:
    text = """\
jurisdiction: US
title: Acme warnings
level: federal
layer: policy
reviewed: 2026-11-01
sources: [{title: Acme manual, url: "https://example.org/acme"}]
rules:
  - id: acme.prefer-afternoons
    title: Prefer afternoon calls
    kind: time_window
    severity: warn
    citation: {ref: "Acme manual 2.1", url: "https://example.org/acme#2.1"}
    effective: {from: 2020-01-01}
    params: {windows: [{start: "12:00", end: "21:00"}]}
"""
    overlay = load_text(text, "acme.yaml")
    engine = Engine([*Engine.load().rulesets, overlay])
    decision = engine.evaluate(_case("002-call-mid-morning.json"))
    assert decision.allowed
    assert [w.rule_id for w in decision.warnings if w.layer == "policy"] == [
        "acme.prefer-afternoons"
    ]


def test_a_rule_version_ending_caps_the_wait(tmp_path: pathlib.Path) -> None:
    """A block that ends with its rule's effective.to lifts on the next local day."""
    text = """\
jurisdiction: US
title: Temporary moratorium
level: federal
reviewed: 2026-11-01
sources: [{title: Emergency order, url: "https://example.org/order"}]
rules:
  - id: test.moratorium
    title: No collection during the moratorium
    kind: event_block
    citation: {ref: "Order 1", url: "https://example.org/order#1"}
    effective: {from: 2026-06-01, to: 2026-06-20}
    params: {events: [deceased]}
"""
    engine = Engine([load_text(text, "m.yaml")])
    request = _case("002-call-mid-morning.json")
    request["events"] = [{"type": "deceased", "at": "2026-06-02T10:00:00Z"}]
    decision = engine.evaluate(request)
    assert not decision.allowed
    assert decision.next_allowed_at == "2026-06-21T04:00:00Z"
