"""The jurisdiction registry: ruleset files, their test modules and their edges agree.

Like python-holidays' registry checks: every state or local ruleset has a test module under the
same name, that module's edges cover every rule id in the ruleset, and a jurisdiction whose law is
stricter than federal law shows it with at least one edge.
"""

from __future__ import annotations

import importlib.util
import pathlib
from types import ModuleType

import pytest

from contactrules import Engine

HERE = pathlib.Path(__file__).parent
US_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
]
EXPECTED = {f"US-{code}" for code in [*US_STATES, "DC", "PR"]} | {"US-NY-NYC"}


def module_name(jurisdiction: str) -> str:
    return "test_" + jurisdiction.removeprefix("US-").lower().replace("ny-nyc", "nyc")


def _load(jurisdiction: str) -> ModuleType:
    path = HERE / f"{module_name(jurisdiction)}.py"
    assert path.is_file(), f"{jurisdiction} has a ruleset but no test module {path.name}"
    spec = importlib.util.spec_from_file_location(f"registry_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sub_national(engine: Engine) -> list[str]:
    return [code for code in engine.jurisdictions if code.startswith("US-")]


def test_there_are_state_rulesets(engine: Engine) -> None:
    assert _sub_national(engine)


def test_every_us_jurisdiction_has_a_ruleset(engine: Engine) -> None:
    """50 states, DC, Puerto Rico and NYC: "nothing" must be a reviewed file, not a gap."""
    missing = sorted(EXPECTED - set(engine.jurisdictions))
    assert not missing, f"no ruleset for {missing}"


@pytest.mark.parametrize("jurisdiction", sorted(EXPECTED | {"US"}))
def test_edges_cover_every_rule(jurisdiction: str, engine: Engine) -> None:
    if not engine.has_jurisdiction(jurisdiction):
        pytest.fail(f"no ruleset for {jurisdiction}")
    module = _load(jurisdiction)
    assert jurisdiction == module.JURISDICTION
    rule_ids = {rule.id for rule in engine.rules(jurisdiction) if rule.jurisdiction == jurisdiction}
    tested = {edge.rule for edge in module.EDGES}
    assert rule_ids <= tested, f"rules without an edge pair: {sorted(rule_ids - tested)}"
    assert tested <= rule_ids, f"edges for unknown rules: {sorted(tested - rule_ids)}"
    if rule_ids and not any(edge.stricter_than_federal for edge in module.EDGES):
        assert getattr(module, "NOT_STRICTER_BECAUSE", ""), (
            f"{jurisdiction}: add an edge with stricter_than_federal=True, or say in "
            "NOT_STRICTER_BECAUSE why its law is not stricter than federal law"
        )


@pytest.mark.parametrize("jurisdiction", sorted(EXPECTED))
def test_state_rules_state_their_confidence(jurisdiction: str, engine: Engine) -> None:
    for loaded in engine.rulesets:
        if loaded.document.jurisdiction == jurisdiction:
            for rule in loaded.document.rules:
                assert rule.confidence, f"{loaded.path}: rule {rule.id} has no confidence"
