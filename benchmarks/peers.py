"""The comparison rules (``benchmarks/rulesets/compare``) encoded for the peer engines.

A team using a decision-table engine derives flat facts from the request in its own code and keeps
the thresholds and scopes in the table. ``features()`` is that code: from a prebuilt contactrules
``Request`` it derives, in plain Python, one flat dict per request (counts of calls in the last
seven local days in every candidate zone, days since the last conversation, whether a cease,
attorney, opt-out, bankruptcy or consent applies...). Every peer pays for it inside its timing.
Over those features the same ten rules are then decided by:

* ``decide_floor``: hand-written ``if`` statements, the floor of what Python can do;
* ``ZenDecider``: a JDM decision table (hit policy ``collect``) in a prebuilt ``zen.ZenEngine``
  with a static loader (zen-engine, GoRules' Rust core);
* ``RuleEngineDecider``: one ``rule_engine.Rule`` expression per rule (the rule-engine package).

Each returns the set of violated rule ids. The encodings must decide exactly what
``Engine.from_paths(COMPARE_RULESETS)`` decides on the workload; ``compare.py`` checks that on
every request before printing a number, and ``tests/test_benchmark_rules.py`` keeps the floor
honest. The candidate zones and jurisdictions come from ``contactrules.location.resolve`` (the
same geodata for every engine, memoised); effective dates are not modelled (every rule is in force
on the workload's 2026 dates), nor ``next_allowed_at``, the trace or citations, which only
contactrules produces.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Iterable
from typing import Any

from contactrules.location import resolve
from contactrules.models.request import Request

COMPARE_RULESETS = pathlib.Path(__file__).resolve().parent / "rulesets" / "compare"

TIME_OF_DAY = "bench.cmp.time-of-day"
SEVEN_CALLS = "bench.cmp.seven-calls-in-seven-days"
AFTER_CONVERSATION = "bench.cmp.call-after-conversation"
WRITTEN_CEASE = "bench.cmp.written-cease"
ATTORNEY = "bench.cmp.attorney-represented"
SMS_OPT_OUT = "bench.cmp.sms-opt-out"
BANKRUPTCY = "bench.cmp.bankruptcy-stay"
TCPA_CONSENT = "bench.cmp.tcpa-wireless-consent"
MA_TWO_PER_WEEK = "bench.cmp.us-ma.two-per-seven-days"
CA_NO_SUNDAY = "bench.cmp.us-ca.no-sunday-contact"
LOCATION_UNKNOWN = "contactrules.engine.location-unknown"  # contactrules' fail-closed finding

RULE_IDS = frozenset(
    {
        TIME_OF_DAY,
        SEVEN_CALLS,
        AFTER_CONVERSATION,
        WRITTEN_CEASE,
        ATTORNEY,
        SMS_OPT_OUT,
        BANKRUPTCY,
        TCPA_CONSENT,
        MA_TWO_PER_WEEK,
        CA_NO_SUNDAY,
    }
)

OPENS, CLOSES = 8 * 60, 21 * 60  # local minutes of the federal window
# The engine's reading of unknown facts: an unknown technology or phone type is covered.
TCPA_TECHNOLOGIES = frozenset({"autodialer", "prerecorded", "artificial_voice", "none"})
TCPA_PHONE_TYPES = frozenset({"wireless", "unknown", "none"})
NO_CONVERSATION = 99_999  # "days since the last conversation" when there was none
SUNDAY = 6
UTC = dt.UTC

Features = dict[str, Any]


# ------------------------------------------------------------------------------------- features
def features(request: Request) -> Features:
    """The flat facts the comparison rules need, derived from one request."""
    where = resolve(request)
    contact = request.contact
    at = contact.at
    zones = where.zones
    local = [at.astimezone(zone) for zone in zones]
    minutes = [t.hour * 60 + t.minute for t in local]
    days = [t.date() for t in local]
    by_type = _known_events(request)
    contacts = by_type.get("contact", [])
    debt = contact.debt_id
    same_debt = [e for e in contacts if e.debt_id is None or e.debt_id == debt]
    outbound = [e for e in same_debt if e.direction == "outbound"]
    calls = [e for e in outbound if e.channel == "call"]
    calls_and_texts = [e for e in outbound if e.channel in ("call", "sms")]
    conversations = [e for e in same_debt if e.channel == "call" and e.outcome == "conversation"]
    return {
        "channel": contact.channel,
        "role": request.collector.role,
        "purpose": contact.purpose,
        "technology": contact.technology or "none",
        "phone_type": contact.phone_type or "none",
        "in_ma": "US-MA" in where.jurisdictions,
        "in_ca": "US-CA" in where.jurisdictions,
        "location_unknown": where.missing is not None,
        "min_minute": min(minutes, default=12 * 60),
        "max_minute": max(minutes, default=12 * 60),
        "sunday": any(day.weekday() == SUNDAY for day in days),
        "calls_7d": _most_in_days(calls, at, zones, days, 7),
        "ma_contacts_7d": _most_in_days(calls_and_texts, at, zones, days, 7),
        "conversation_days": _days_since_latest(conversations, zones, days),
        "written_cease": any(
            e.written and _covers(e.debt_ids, debt)
            for kind in ("cease_request", "refusal_to_pay")
            for e in by_type.get(kind, ())
        ),
        "attorney": any(
            _covers(e.debt_ids, debt) and (e.ended_at is None or at < e.ended_at)
            for e in by_type.get("attorney_representation", ())
        ),
        "sms_opt_out": any(
            e.channel == "sms" and _same_address(e.address, contact.phone)
            for e in by_type.get("opt_out", ())
        ),
        "bankruptcy_stay": any(
            _stays(e.filed, e.closed, at, zones, days) for e in by_type.get("bankruptcy", ())
        ),
        "tcpa_consent": _has_consent(by_type, contact.phone, debt),
    }


def _known_events(request: Request) -> dict[str, list[Any]]:
    """Events known at ``contact.at`` (later ones are ignored, as the contract says), by type."""
    cutoff = request.contact.at
    by_type: dict[str, list[Any]] = {}
    for event in request.events:
        if event.at <= cutoff:
            by_type.setdefault(event.type, []).append(event)
    return by_type


def _most_in_days(
    events: list[Any], at: dt.datetime, zones: Iterable[dt.tzinfo], days: list[dt.date], span: int
) -> int:
    """The most events on the ``span`` local days ending on the contact's day, over the zones."""
    recent = [e.at for e in events if at - e.at <= dt.timedelta(days=span + 1)]
    most = 0
    for zone, day in zip(zones, days, strict=True):
        first = day - dt.timedelta(days=span - 1)
        most = max(most, sum(1 for instant in recent if instant.astimezone(zone).date() >= first))
    return most


def _days_since_latest(events: list[Any], zones: Iterable[dt.tzinfo], days: list[dt.date]) -> int:
    """Local days from the latest event to the contact's day, the fewest over the zones."""
    if not events:
        return NO_CONVERSATION
    latest = max(e.at for e in events)
    return min(
        (
            (day - latest.astimezone(zone).date()).days
            for zone, day in zip(zones, days, strict=True)
        ),
        default=NO_CONVERSATION,
    )


def _covers(debt_ids: list[str] | None, debt: str) -> bool:
    return debt_ids is None or debt in debt_ids


def _normal(address: str) -> str:
    text = address.strip().lower()
    return "+" + "".join(ch for ch in text if ch.isdigit()) if text.startswith("+") else text


def _same_address(opted_out: str | None, phone: str | None) -> bool:
    """An opt-out naming no address covers every number; one naming a number covers it."""
    if opted_out is None:
        return True
    return phone is not None and _normal(opted_out) == _normal(phone)


def _stays(
    filed: dt.date,
    closed: dt.date | None,
    at: dt.datetime,
    zones: Iterable[dt.tzinfo],
    days: list[dt.date],
) -> bool:
    """The stay runs from the filing date (any zone's) through the closing date (every zone's)."""
    if max(days, default=at.date()) < filed:
        return False
    if closed is None:
        return True
    midnight = dt.datetime.combine(closed + dt.timedelta(days=1), dt.time())
    ends = max(
        (midnight.replace(tzinfo=zone).astimezone(UTC) for zone in zones),
        default=midnight.replace(tzinfo=UTC),
    )
    return at < ends


def _has_consent(by_type: dict[str, list[Any]], phone: str | None, debt: str) -> bool:
    """An unrevoked TCPA consent for the dialed number covering the debt."""
    if phone is None:
        return False
    wanted = phone.lower()
    revoked_at = [
        r.at
        for r in by_type.get("consent_revoked", ())
        if r.kind == "tcpa_prior_express" and r.phone is not None and r.phone.lower() == wanted
    ]
    return any(
        c.kind == "tcpa_prior_express"
        and c.phone is not None
        and c.phone.lower() == wanted
        and _covers(c.debt_ids, debt)
        and not any(when >= c.at for when in revoked_at)
        for c in by_type.get("consent", ())
    )


# ---------------------------------------------------------------------------------------- floor
def decide_floor(f: Features) -> frozenset[str]:
    """The ten rules as hand-written ifs over the features: the violated rule ids."""
    failed: list[str] = []
    channel = f["channel"]
    third_party = f["role"] == "third_party"
    if f["min_minute"] < OPENS or f["max_minute"] >= CLOSES:
        failed.append(TIME_OF_DAY)
    if third_party and channel == "call":
        if f["calls_7d"] >= 7:
            failed.append(SEVEN_CALLS)
        if f["conversation_days"] < 7:
            failed.append(AFTER_CONVERSATION)
    if third_party and f["purpose"] == "collection" and f["written_cease"]:
        failed.append(WRITTEN_CEASE)
    if third_party and f["attorney"]:
        failed.append(ATTORNEY)
    if third_party and channel == "sms" and f["sms_opt_out"]:
        failed.append(SMS_OPT_OUT)
    if f["bankruptcy_stay"]:
        failed.append(BANKRUPTCY)
    if (
        channel in ("call", "sms")
        and f["technology"] in TCPA_TECHNOLOGIES
        and f["phone_type"] in TCPA_PHONE_TYPES
        and not f["tcpa_consent"]
    ):
        failed.append(TCPA_CONSENT)
    if f["in_ma"] and channel in ("call", "sms") and f["ma_contacts_7d"] >= 2:
        failed.append(MA_TWO_PER_WEEK)
    if f["in_ca"] and f["sunday"]:
        failed.append(CA_NO_SUNDAY)
    if f["location_unknown"]:
        failed.append(LOCATION_UNKNOWN)
    return frozenset(failed)


class Floor:
    """(e) The hand-written floor: features and ifs."""

    def decide(self, facts: Features) -> frozenset[str]:
        return decide_floor(facts)

    def __call__(self, request: Request) -> frozenset[str]:
        return decide_floor(features(request))


# ---------------------------------------------------------------------------------- zen-engine
def _quoted(*values: str) -> str:
    return ", ".join(json.dumps(value) for value in values)


# (rule id, {input column: unary test}); an absent column matches anything.
TABLE_ROWS: tuple[tuple[str, dict[str, str]], ...] = (
    (TIME_OF_DAY, {"min_minute": f"< {OPENS}"}),
    (TIME_OF_DAY, {"max_minute": f">= {CLOSES}"}),
    (SEVEN_CALLS, {"role": _quoted("third_party"), "channel": _quoted("call"), "calls_7d": ">= 7"}),
    (
        AFTER_CONVERSATION,
        {"role": _quoted("third_party"), "channel": _quoted("call"), "conversation_days": "< 7"},
    ),
    (
        WRITTEN_CEASE,
        {"role": _quoted("third_party"), "purpose": _quoted("collection"), "written_cease": "true"},
    ),
    (ATTORNEY, {"role": _quoted("third_party"), "attorney": "true"}),
    (
        SMS_OPT_OUT,
        {"role": _quoted("third_party"), "channel": _quoted("sms"), "sms_opt_out": "true"},
    ),
    (BANKRUPTCY, {"bankruptcy_stay": "true"}),
    (
        TCPA_CONSENT,
        {
            "channel": _quoted("call", "sms"),
            "technology": _quoted(*sorted(TCPA_TECHNOLOGIES)),
            "phone_type": _quoted(*sorted(TCPA_PHONE_TYPES)),
            "tcpa_consent": "false",
        },
    ),
    (
        MA_TWO_PER_WEEK,
        {"in_ma": "true", "channel": _quoted("call", "sms"), "ma_contacts_7d": ">= 2"},
    ),
    (CA_NO_SUNDAY, {"in_ca": "true", "sunday": "true"}),
    (LOCATION_UNKNOWN, {"location_unknown": "true"}),
)
TABLE_COLUMNS = tuple(dict.fromkeys(column for _, row in TABLE_ROWS for column in row))


def jdm_decision() -> dict[str, Any]:
    """The rules as a JSON Decision Model: input -> one decision table (collect) -> output."""
    inputs = [
        {"id": f"in-{name}", "name": name, "type": "expression", "field": name}
        for name in TABLE_COLUMNS
    ]
    rows = []
    for index, (rule_id, tests) in enumerate(TABLE_ROWS):
        row = {"_id": f"row-{index}", "out-rule": json.dumps(rule_id)}
        row.update({f"in-{name}": tests.get(name, "") for name in TABLE_COLUMNS})
        rows.append(row)
    table = {
        "hitPolicy": "collect",
        "inputs": inputs,
        "outputs": [{"id": "out-rule", "name": "rule", "type": "expression", "field": "rule"}],
        "rules": rows,
    }
    at = {"x": 0, "y": 0}
    return {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [
            {"id": "request", "type": "inputNode", "name": "Request", "position": at},
            {
                "id": "rules",
                "type": "decisionTableNode",
                "name": "Contact rules",
                "position": at,
                "content": table,
            },
            {"id": "response", "type": "outputNode", "name": "Response", "position": at},
        ],
        "edges": [
            {"id": "e1", "sourceId": "request", "targetId": "rules", "type": "edge"},
            {"id": "e2", "sourceId": "rules", "targetId": "response", "type": "edge"},
        ],
    }


class ZenDecider:
    """(d) zen-engine: a prebuilt ``ZenEngine`` with a static loader holding the JDM table."""

    KEY = "contact-rules"

    def __init__(self) -> None:
        import zen  # optional: the "bench" extra

        self.engine = zen.ZenEngine(
            {"loader": {"type": "static", "content": {self.KEY: jdm_decision()}}}
        )

    def decide(self, facts: Features) -> frozenset[str]:
        response = self.engine.evaluate(self.KEY, facts)
        return frozenset(hit["rule"] for hit in response["result"])

    def __call__(self, request: Request) -> frozenset[str]:
        return self.decide(features(request))


# --------------------------------------------------------------------------------- rule-engine
def _rule_expressions() -> tuple[tuple[str, str], ...]:
    """Each table row as a rule-engine expression (same tests, its own syntax)."""
    out: list[tuple[str, str]] = []
    for rule_id, tests in TABLE_ROWS:
        terms = []
        for column, test in tests.items():
            if test in ("true", "false"):
                terms.append(f"{column} == {test}")
            elif test[0] in "<>":
                terms.append(f"{column} {test}")
            elif "," in test:
                terms.append(f"{column} in [{test}]")
            else:
                terms.append(f"{column} == {test}")
        out.append((rule_id, " and ".join(terms)))
    return tuple(out)


class RuleEngineDecider:
    """(f) The rule-engine package: one compiled ``rule_engine.Rule`` per table row."""

    def __init__(self) -> None:
        import rule_engine  # type: ignore[import-untyped]  # optional: the "bench" extra

        self.rules = tuple(
            (rule_id, rule_engine.Rule(text)) for rule_id, text in _rule_expressions()
        )

    def decide(self, facts: Features) -> frozenset[str]:
        return frozenset(rule_id for rule_id, rule in self.rules if rule.matches(facts))

    def __call__(self, request: Request) -> frozenset[str]:
        return self.decide(features(request))
