"""Shared helpers for rule-kind unit tests: a request builder and a one-rule engine from YAML."""

from __future__ import annotations

import copy
import os
import textwrap
from typing import Any

from contactrules import Decision, Engine
from contactrules.engine import BACKENDS, BackendName
from contactrules.ruleset.loader import load_text

RULE_ID = "test.rule"

# Monday 2026-06-15, 10:00 in Cambridge MA (EDT, UTC-4).
BASE_REQUEST: dict[str, Any] = {
    "contact": {
        "channel": "call",
        "at": "2026-06-15T14:00:00Z",
        "debt_id": "D1",
        "recipient": "consumer",
        "phone": "+16175550123",
        "phone_type": "wireless",
        "technology": "manual",
        "purpose": "collection",
    },
    "collector": {"role": "third_party"},
    "debt": {"id": "D1", "purpose": "consumer", "type": "credit_card"},
    "consumer": {
        "id": "C1",
        "locations": [{"country": "US", "state": "MA", "postal_code": "02139"}],
    },
    "events": [],
}

_TOP_LEVEL = {"collector", "debt", "consumer", "events"}


def make_request(**overrides: Any) -> dict[str, Any]:
    """A valid request dict; ``events``/``locations``/``collector``/``debt`` replace those parts,
    any other keyword replaces a ``contact`` field (``debt_id`` also sets ``debt.id``)."""
    request = copy.deepcopy(BASE_REQUEST)
    for key, value in overrides.items():
        if key == "locations":
            request["consumer"]["locations"] = value
        elif key in _TOP_LEVEL:
            request[key] = value
        else:
            request["contact"][key] = value
            if key == "debt_id":
                request["debt"]["id"] = value
    return request


def suite_backend() -> BackendName:
    """The backend the suite's engines use: ``CONTACTRULES_TEST_BACKEND`` (native by default),
    so that ``CONTACTRULES_TEST_BACKEND=durable pytest tests/kinds`` runs the kinds' edge cases
    through the durable_rules engine."""
    name = os.environ.get("CONTACTRULES_TEST_BACKEND", "native")
    for backend in BACKENDS:
        if backend == name:
            return backend
    raise ValueError(f"CONTACTRULES_TEST_BACKEND={name!r} is not one of {BACKENDS}")


def make_engine(*rules: str, rule_id: str = RULE_ID, backend: BackendName | None = None) -> Engine:
    """An engine with US rules; each is its YAML from ``kind:`` on (params, applies_to).

    The first rule gets ``rule_id``; later ones ``rule_id`` suffixed ``-2``, ``-3``...
    ``backend`` defaults to ``suite_backend()``.
    """
    parts = []
    for index, rule in enumerate(rules, start=1):
        body = textwrap.indent(textwrap.dedent(rule).strip(), "    ")
        parts.append(
            f"  - id: {rule_id if index == 1 else f'{rule_id}-{index}'}\n"
            "    title: Rule under test\n"
            "    citation: {ref: Test 1(a), url: 'https://example.com/law'}\n"
            "    effective: {from: 2000-01-01}\n"
            f"{body}\n"
        )
    text = (
        "jurisdiction: US\n"
        "title: Inline test ruleset\n"
        "level: federal\n"
        "reviewed: 2026-01-01\n"
        "sources: [{title: Test law, url: 'https://example.com/law'}]\n"
        "rules:\n" + "".join(parts)
    )
    return Engine([load_text(text, "inline.yaml")], backend=backend or suite_backend())


def violation_ids(decision: Decision) -> list[str]:
    return [v.rule_id for v in decision.violations]


def outcome(decision: Decision, rule_id: str = RULE_ID) -> str:
    """The trace outcome (pass, fail, not_applicable) of one rule."""
    return next(e.outcome for e in decision.evaluated if e.rule_id == rule_id)
