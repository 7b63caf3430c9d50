"""Policy overlays (issue 5): an organisation's rules add restrictions on top of the law and can
never remove, replace or loosen a law's rule; each violation says which layer it came from."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

from contactrules import Decision, Engine, RulesetError
from contactrules.cli import main
from contactrules.ruleset.loader import load_text

HEADER = """\
jurisdiction: US
title: Acme Collections contact policy
level: federal
layer: policy
reviewed: 2026-11-01
sources: [{title: Acme compliance manual, url: "https://example.org/acme/manual"}]
rules:
"""
NO_SUNDAY_CALLS = """\
  - id: acme.no-sunday-calls
    title: No calls on Sundays
    kind: time_window
    citation: {ref: "Acme manual 4.2", url: "https://example.org/acme/manual#4.2"}
    effective: {from: 2024-01-01}
    applies_to: {channels: [call]}
    params:
      windows: [{days: [mon, tue, wed, thu, fri, sat], start: "00:00", end: "24:00"}]
"""
THREE_TEXTS_A_WEEK = """\
  - id: acme.three-texts-a-week
    title: At most three texts to a consumer in seven days
    kind: frequency_cap
    citation: {ref: "Acme manual 4.3", url: "https://example.org/acme/manual#4.3"}
    effective: {from: 2024-01-01}
    applies_to: {channels: [sms]}
    params:
      max: 3
      days: 7
      per: consumer
      counts: {channels: [sms], directions: [outbound]}
"""
# An attempt to loosen Regulation F's hours: the law's id, a wider window.
LOOSER_HOURS = """\
  - id: us.regf.time-of-day
    title: Calls from 6 a.m.
    kind: time_window
    citation: {ref: "Acme manual 9.9", url: "https://example.org/acme/manual#9.9"}
    effective: {from: 2024-01-01}
    params:
      windows: [{start: "06:00", end: "23:00"}]
"""

SUNDAY = "2026-06-14"
MONDAY = "2026-06-15"


def _request(
    at: str | None, channel: str = "call", events: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    contact: dict[str, Any] = {"channel": channel, "at": at, "debt_id": "D1"}
    if at is None:
        del contact["at"]
    if channel in ("call", "sms"):
        contact |= {"phone": "+13025550142", "phone_type": "wireless", "technology": "manual"}
    return {
        "contact": contact,
        "collector": {"role": "third_party"},
        "debt": {"id": "D1", "purpose": "consumer", "type": "credit_card"},
        "consumer": {
            "id": "C1",
            "locations": [{"country": "US", "state": "DE", "postal_code": "19701"}],
        },
        "events": events or [],
    }


def _text(at: str) -> dict[str, object]:
    return {
        "type": "contact",
        "at": at,
        "channel": "sms",
        "direction": "outbound",
        "outcome": "delivered",
        "debt_id": "D1",
        "phone": "+13025550142",
    }


@pytest.fixture(scope="module")
def policy_dir(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    root = tmp_path_factory.mktemp("policy")
    (root / "acme.yaml").write_text(HEADER + NO_SUNDAY_CALLS + THREE_TEXTS_A_WEEK)
    return root


@pytest.fixture(scope="module")
def with_policy(policy_dir: pathlib.Path) -> Engine:
    return Engine.load(extra=[policy_dir])


def _layers(decision: Decision) -> dict[str, str]:
    return {v.rule_id: v.layer for v in decision.violations}


def test_no_calls_on_sundays_denies_what_the_law_allows(
    with_policy: Engine, engine: Engine
) -> None:
    sunday_call = _request(f"{SUNDAY}T10:00:00-04:00")
    assert engine.evaluate(sunday_call).allowed
    decision = with_policy.evaluate(sunday_call)
    assert not decision.allowed
    assert _layers(decision) == {"acme.no-sunday-calls": "policy"}
    assert decision.violations[0].citation == "Acme manual 4.2"
    # Monday 00:00 opens the policy's window; the law's 8 a.m. then decides.
    assert decision.next_allowed_at == f"{MONDAY}T12:00:00Z"
    assert with_policy.evaluate(_request(f"{MONDAY}T10:00:00-04:00")).allowed


def test_a_violation_of_law_and_policy_names_each_layer(with_policy: Engine) -> None:
    decision = with_policy.evaluate(_request(f"{SUNDAY}T07:30:00-04:00"))
    assert _layers(decision) == {"us.regf.time-of-day": "law", "acme.no-sunday-calls": "policy"}


def test_at_most_three_texts_a_week(with_policy: Engine, engine: Engine) -> None:
    three = [_text(f"2026-06-{day}T10:00:00-04:00") for day in ("09", "11", "15")]
    fourth = _request(f"{MONDAY}T15:00:00-04:00", channel="sms", events=three)
    assert engine.evaluate(fourth).allowed
    denied = with_policy.evaluate(fourth)
    assert _layers(denied) == {"acme.three-texts-a-week": "policy"}
    # The 06-09 text leaves the seven days ending 06-16; that day, the law's 8 a.m. decides.
    assert denied.next_allowed_at == "2026-06-16T12:00:00Z"
    third = _request(f"{MONDAY}T15:00:00-04:00", channel="sms", events=three[1:])
    assert with_policy.evaluate(third).allowed


def test_an_overlay_may_not_reuse_a_law_rules_id(tmp_path: pathlib.Path) -> None:
    (tmp_path / "looser.yaml").write_text(HEADER + LOOSER_HOURS)
    with pytest.raises(RulesetError) as info:
        Engine.load(extra=[tmp_path])
    error = info.value
    assert error.rule_id == "us.regf.time-of-day"
    assert error.file is not None and error.file.endswith("looser.yaml")
    assert error.line == 8 and error.code == "overlay-redefines-law"
    assert "may not reuse the id of law rule" in error.message


def test_an_overlay_must_declare_the_policy_layer(tmp_path: pathlib.Path) -> None:
    """An overlay that declares (or defaults to) the law layer would pass its rules off as law."""
    for text in (
        HEADER.replace("layer: policy", "layer: law"),
        HEADER.replace("layer: policy\n", ""),
    ):
        (tmp_path / "acme.yaml").write_text(text + NO_SUNDAY_CALLS)
        with pytest.raises(RulesetError) as info:
            Engine.load(extra=[tmp_path])
        assert info.value.file is not None and info.value.file.endswith("acme.yaml")
        assert info.value.field == "layer" and info.value.code == "overlay-layer"


def test_an_engine_assembled_by_hand_refuses_a_policy_version_of_a_law_rule() -> None:
    looser = load_text(HEADER + LOOSER_HOURS, "looser.yaml")
    with pytest.raises(RulesetError, match="may not reuse"):
        Engine([*Engine.load().rulesets, looser])


def test_a_policy_for_a_country_without_law_does_not_lift_the_fail_closed_denial(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "gb.yaml").write_text(
        HEADER.replace("jurisdiction: US", "jurisdiction: GB").replace("federal", "national")
        + NO_SUNDAY_CALLS
    )
    engine = Engine.load(extra=[tmp_path])
    letter = _request(f"{MONDAY}T10:00:00+01:00", channel="letter")
    letter["consumer"]["locations"] = [{"country": "GB", "time_zone": "Europe/London"}]
    decision = engine.evaluate(letter)
    assert not decision.allowed
    assert "contactrules.engine.no-ruleset" in {v.rule_id for v in decision.violations}
    assert not engine.has_jurisdiction("GB")


def test_a_warning_rule_in_an_overlay_never_changes_allowed(tmp_path: pathlib.Path) -> None:
    warn = NO_SUNDAY_CALLS.replace(
        "    kind: time_window\n", "    kind: time_window\n    severity: warn\n"
    )
    (tmp_path / "acme.yaml").write_text(HEADER + warn)
    decision = Engine.load(extra=[tmp_path]).evaluate(_request(f"{SUNDAY}T10:00:00-04:00"))
    assert decision.allowed
    policy = [(w.rule_id, w.layer) for w in decision.warnings if w.layer != "engine"]
    assert policy == [("acme.no-sunday-calls", "policy")]


def test_cli_rejects_a_loosening_overlay_naming_file_and_rule(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "looser.yaml").write_text(HEADER + LOOSER_HOURS)
    request = tmp_path.parent / f"{tmp_path.name}-request.json"
    request.write_text(json.dumps(_request(f"{MONDAY}T07:00:00-04:00")))
    assert main(["--rules", str(tmp_path), "check", str(request)]) == 2
    err = capsys.readouterr().err
    assert "looser.yaml:8" in err and "rule us.regf.time-of-day" in err


def test_an_overlays_own_cases_run_with_it(
    policy_dir: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`contactrules --rules DIR test` runs the overlay's case file beside its ruleset."""
    overlay = tmp_path / "acme"
    overlay.mkdir()
    (overlay / "acme.yaml").write_text((policy_dir / "acme.yaml").read_text())
    (overlay / "acme.cases.yaml").write_text(
        f"""\
defaults:
  request: {json.dumps({k: v for k, v in _request(None).items() if k != "events"})}
cases:
  - name: no calls on Sunday
    request: {{contact: {{at: "{SUNDAY}T10:00:00-04:00"}}}}
    expect: {{allowed: false, violates: [acme.no-sunday-calls]}}
  - name: Monday is fine
    request: {{contact: {{at: "{MONDAY}T10:00:00-04:00"}}}}
    expect: {{allowed: true, passes: [acme.no-sunday-calls]}}
"""
    )
    cases = overlay / "acme.cases.yaml"
    assert main(["--rules", str(overlay), "test", str(cases), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"] == {"cases": 2, "passed": 2, "failed": 0, "errors": 0}
