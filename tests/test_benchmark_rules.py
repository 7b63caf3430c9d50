"""The benchmark's comparison rules load, and the hand-written floor decides as contactrules does.

``benchmarks/peers.py`` encodes ``benchmarks/rulesets/compare`` by hand for the peer engines
(features plus ifs, a JDM table, rule-engine expressions). ``benchmarks/compare.py`` refuses to
print numbers when any engine disagrees; this test keeps the floor from drifting in between, on a
seeded workload plus requests built to trip the rules the workload rarely trips.
"""

from __future__ import annotations

import copy
import datetime as dt
import pathlib
import sys
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from contactrules import Engine, parse_request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "benchmarks"))

import peers
import workload


@pytest.fixture(scope="module")
def compare_engine() -> Engine:
    return Engine.from_paths(peers.COMPARE_RULESETS)


def test_comparison_rules_load_cited_as_the_only_law(compare_engine: Engine) -> None:
    rules = compare_engine.rules()
    assert {rule.id for rule in rules} == peers.RULE_IDS
    assert {rule.layer for rule in rules} == {"law"}
    assert all(rule.citation and rule.source_url.startswith("https://") for rule in rules)


def test_every_rule_has_a_row_in_the_decision_table() -> None:
    assert {rule_id for rule_id, _ in peers.TABLE_ROWS} == peers.RULE_IDS | {peers.LOCATION_UNKNOWN}


def _at(request: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(request["contact"]["at"])


def _iso(instant: dt.datetime) -> str:
    return instant.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _calls(request: dict[str, Any], days_ago: range) -> dict[str, Any]:
    """One outbound call about the debt on each of these days before the contact, an hour
    earlier in the day: the edges of the seven-day caps (the 7th call on day 7, or on day 8)."""
    busy = copy.deepcopy(request)
    busy["collector"]["role"] = "third_party"
    at, debt = _at(busy), busy["contact"]["debt_id"]
    busy["events"] = [
        {
            "type": "contact",
            "at": _iso(at - dt.timedelta(days=days, hours=1)),
            "channel": "call",
            "direction": "outbound",
            "outcome": "no_answer",
            "debt_id": debt,
        }
        for days in days_ago
    ]
    return busy


def _sms_opted_out(request: dict[str, Any]) -> dict[str, Any]:
    """A text to a number the consumer opted out of texts at."""
    texted = copy.deepcopy(request)
    texted["collector"]["role"] = "third_party"
    contact = texted["contact"]
    contact.update(channel="sms", technology="manual", email=None, email_kind=None)
    contact["phone"] = contact["phone"] or "+16175550142"
    contact["phone_type"] = contact["phone_type"] or "wireless"
    texted["events"].append(
        {
            "type": "opt_out",
            "at": _iso(_at(texted) - dt.timedelta(days=2)),
            "channel": "sms",
            "address": contact["phone"],
        }
    )
    return texted


def _at_local(request: dict[str, Any], minute: int) -> dict[str, Any]:
    """The contact moved to a local wall-clock minute of the consumer's home zone."""
    moved = copy.deepcopy(request)
    zone = ZoneInfo(workload.PLACE_BY_STATE[moved["consumer"]["locations"][0]["state"]].zone)
    day = _at(moved).astimezone(zone).date()
    local = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=zone)
    moved["contact"]["at"] = _iso(local)
    moved["events"] = [e for e in moved["events"] if _at({"contact": e}) < local]
    return moved


def _autodialed_unknown_phone(request: dict[str, Any]) -> dict[str, Any]:
    """An autodialed call to a number of unknown type, without any consent on record."""
    dialed = copy.deepcopy(request)
    contact = dialed["contact"]
    contact.update(channel="call", technology="autodialer", phone_type="unknown")
    contact.update(email=None, email_kind=None)
    contact["phone"] = contact["phone"] or "+16175550142"
    dialed["events"] = [e for e in dialed["events"] if e["type"] != "consent"]
    return dialed


def _bankrupt(request: dict[str, Any], closed_days_ago: int) -> dict[str, Any]:
    """A bankruptcy filed a month ago and closed some local days ago (0: today)."""
    filed = copy.deepcopy(request)
    day = _at(filed).date()
    filed["events"].append(
        {
            "type": "bankruptcy",
            "at": _iso(_at(filed) - dt.timedelta(days=30)),
            "filed": (day - dt.timedelta(days=30)).isoformat(),
            "closed": (day - dt.timedelta(days=closed_days_ago)).isoformat(),
        }
    )
    return filed


def _edges(requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Requests at the edges of each rule, built from workload requests."""
    out = [_calls(r, range(7)) for r in requests] + [_calls(r, range(1, 8)) for r in requests]
    out += [_sms_opted_out(r) for r in requests]
    out += [_at_local(r, m) for r in requests for m in (7 * 60 + 59, 8 * 60, 20 * 60 + 59, 21 * 60)]
    out += [_autodialed_unknown_phone(r) for r in requests]
    out += [_bankrupt(r, days) for r in requests for days in (-1, 0, 1, 2)]
    return out


def _outcome(engine: Engine, request: dict[str, Any]) -> tuple[bool, frozenset[str]]:
    decision = engine.evaluate(parse_request(request))
    return decision.allowed, frozenset(v.rule_id for v in decision.violations)


def test_floor_decides_as_contactrules(compare_engine: Engine) -> None:
    requests = workload.generate(300, 20, seed=7)
    requests += _edges(requests[:20])
    floor = peers.Floor()
    violated: set[str] = set()
    disagreements = []
    for index, request in enumerate(requests):
        expected = _outcome(compare_engine, request)
        got = floor(parse_request(request))
        if (not got, got) != expected:
            disagreements.append((index, expected, got))
        violated |= expected[1]
    assert disagreements == []
    # Every rule denied something, so the agreement covers each rule's failing side too.
    assert violated == peers.RULE_IDS
