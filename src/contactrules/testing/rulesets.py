"""Ruleset documents: valid ones of every rule kind, and invalid ones with a known broken field.

Documents are plain dicts shaped like the YAML a compliance officer writes; ``yaml.safe_dump``
them and load them with ``contactrules.ruleset.load_text``. Broken documents come with the field
path that the resulting ``RulesetError`` must name (``rules[0].params.max``), so a test can check
that the loader points the officer at the right line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from contactrules.kinds import KINDS
from contactrules.kinds.event_block import EVENT_MODELS
from contactrules.models.vocabulary import CHANNELS, EVENT_TYPES, WEEKDAYS
from contactrules.testing.history import (
    CONSENT_KINDS,
    OUTCOMES,
    PHONE_TYPES,
    PLACES,
    RECIPIENTS,
    TECHNOLOGIES,
)
from contactrules.testing.requests import COLLECTOR_ROLES, DEBT_TYPES, EMAIL_KINDS

RULE_KINDS: tuple[str, ...] = tuple(KINDS)
PERS = ("debt", "account", "consumer", "phone", "address", "debt_and_address")
# applies_to lists and the values each may hold.
APPLICABILITY: dict[str, tuple[object, ...]] = {
    "channels": CHANNELS,
    "collector_roles": COLLECTOR_ROLES,
    "debt_purposes": ("consumer", "business"),
    "debt_types": DEBT_TYPES,
    "recipients": RECIPIENTS,
    "technologies": TECHNOLOGIES,
    "phone_types": PHONE_TYPES,
    "email_kinds": EMAIL_KINDS,
    "places": PLACES,
    "purposes": ("collection", "cease_acknowledgement", "remedy_notice"),
    "visibilities": ("private", "public"),
    "estate_representative": (True, False),
}
KNOWABLE = ("technologies", "phone_types", "email_kinds", "places", "visibilities")
ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "UTC")


def _subset(values: Sequence[object], min_size: int = 1) -> st.SearchStrategy[list[Any]]:
    return st.lists(
        st.sampled_from(list(values)), min_size=min_size, max_size=len(values), unique=True
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def applicability(draw: st.DrawFn) -> dict[str, Any]:
    """An ``applies_to`` block: a few facts restricted to non-empty lists of their values."""
    names = draw(_subset(list(APPLICABILITY), min_size=0).map(lambda n: n[:3]))
    block: dict[str, Any] = {name: draw(_subset(APPLICABILITY[name])) for name in names}
    known = [n for n in names if n in KNOWABLE]
    strict = draw(st.booleans())
    if known and strict:
        block["known_only"] = known[:1]
    return block


@st.composite
def _window(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.integers(0, 23 * 60 + 59))
    end = draw(st.integers(start + 1, 24 * 60))
    window: dict[str, Any] = {"start": _clock(start), "end": _clock(end)}
    if draw(st.booleans()):
        window["days"] = draw(_subset(WEEKDAYS))
    return window


@st.composite
def _time_window(draw: st.DrawFn) -> dict[str, Any]:
    params: dict[str, Any] = {"windows": draw(st.lists(_window(), min_size=1, max_size=3))}
    if draw(st.integers(0, 3)) == 0:
        params["zone"] = draw(st.sampled_from(ZONES))
    if draw(st.integers(0, 3)) == 0:
        params["closed_on_holidays"] = {
            "country": "US",
            "subdivision": draw(st.sampled_from([None, "MA", "NY", "TX"])),
            "observed": draw(st.booleans()),
        }
    return params


@st.composite
def contact_filters(draw: st.DrawFn) -> dict[str, Any]:
    """Which past contacts a cap or cooldown counts (an omitted list matches every value)."""
    lists = {
        "channels": CHANNELS,
        "directions": ("outbound", "inbound"),
        "outcomes": OUTCOMES,
        "technologies": TECHNOLOGIES,
        "recipients": RECIPIENTS,
        "places": PLACES,
        "phone_types": PHONE_TYPES,
    }
    names = draw(_subset(list(lists), min_size=0).map(lambda n: n[:3]))
    return {name: draw(_subset(lists[name])) for name in names}


@st.composite
def _frequency_cap(draw: st.DrawFn) -> dict[str, Any]:
    params: dict[str, Any] = {
        "max": draw(st.integers(1, 8)),
        "days": draw(st.sampled_from([1, 2, 7, 7, 30, 36500])),
        "per": draw(st.sampled_from(PERS)),
        "counts": draw(contact_filters()),
        "rolling": draw(st.booleans()),
    }
    if draw(st.integers(0, 3)) == 0:
        params["exempt_after_consent"] = {
            "consent_kinds": draw(_subset(CONSENT_KINDS)),
            "days": draw(st.integers(1, 14)),
        }
    return params


@st.composite
def _cooldown(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "after": draw(contact_filters()),
        "days": draw(st.integers(1, 14)),
        "per": draw(st.sampled_from(PERS)),
    }


@st.composite
def _event_block(draw: st.DrawFn) -> dict[str, Any]:
    first = draw(st.sampled_from(EVENT_TYPES))
    kinds = ["cease_request", "refusal_to_pay"] if first == "cease_request" else [first]
    fields = set(EVENT_MODELS[first].model_fields)
    for other in kinds[1:]:
        fields &= set(EVENT_MODELS[other].model_fields)
    params: dict[str, Any] = {"events": kinds}
    if "written" in fields and draw(st.booleans()):
        params["where"] = {"written": draw(st.booleans())}
    if {"debt_id", "debt_ids"} & fields:
        params["per_debt"] = draw(st.booleans())
    for flag, name in (("same_channel", "channel"), ("same_address", "address")):
        if name in fields:
            params[flag] = draw(st.booleans())
    if "place" in fields and first != "contact":
        params["same_place"] = draw(st.booleans())
    if first == "bankruptcy":
        params["starts_field"] = "filed"
        params["ends_field"] = "closed"
    elif first == "attorney_representation":
        params["ends_field"] = "ended_at"
    if draw(st.integers(0, 3)) == 0:
        params["lasts_days"] = draw(st.integers(1, 30))
    if draw(st.integers(0, 3)) == 0:
        params["lifted_by"] = draw(_subset(EVENT_TYPES).map(lambda t: t[:2]))
    return params


@st.composite
def _consent_required(draw: st.DrawFn) -> dict[str, Any]:
    address = draw(st.sampled_from(["phone", "email", "none"]))
    return {
        "consent_kinds": draw(_subset(CONSENT_KINDS)),
        "address": address,
        "per_debt": draw(st.booleans()),
        # A message the person sent counts as consent only from an address it can match.
        "inbound_counts": address != "none" and draw(st.booleans()),
        "revocation_grace_business_days": draw(st.one_of(st.integers(0, 10), st.just("engine"))),
    }


@st.composite
def _prior_contact_required(draw: st.DrawFn) -> dict[str, Any]:
    return {"prior": draw(contact_filters()), "per": draw(st.sampled_from(PERS))}


PARAMS: dict[str, Callable[[], st.SearchStrategy[dict[str, Any]]]] = {
    "time_window": _time_window,
    "consumer_designated_times": lambda: st.fixed_dictionaries(
        {}, optional={"one_reply_to_inbound": st.booleans()}
    ),
    "frequency_cap": _frequency_cap,
    "cooldown": _cooldown,
    "event_block": _event_block,
    "consent_required": _consent_required,
    "prior_contact_required": _prior_contact_required,
    "prohibition": lambda: st.fixed_dictionaries({}, optional={"message": st.just("Not here.")}),
}


@st.composite
def rules(
    draw: st.DrawFn, kinds: Sequence[str] = RULE_KINDS, rule_id: str = "policy.rule"
) -> dict[str, Any]:
    """A valid rule of one of ``kinds`` (every kind by default), cited, with effective dates,
    an ``applies_to`` scope and parameters drawn across the kind's whole schema."""
    kind = draw(st.sampled_from(list(kinds)))
    start = dt.date(2019, 1, 1) + dt.timedelta(days=draw(st.integers(0, 3000)))
    effective: dict[str, Any] = {"from": start.isoformat()}
    if draw(st.booleans()):
        effective["to"] = (start + dt.timedelta(days=draw(st.integers(0, 2000)))).isoformat()
    rule: dict[str, Any] = {
        "id": rule_id,
        "title": f"Generated {kind.replace('_', ' ')} rule",
        "kind": kind,
        "citation": {"ref": "Policy 1(a)", "url": "https://example.com/policy#1a"},
        "effective": effective,
        "severity": draw(st.sampled_from(["deny", "deny", "warn"])),
        "applies_to": draw(applicability()),
        "params": draw(PARAMS[kind]()),
    }
    if draw(st.booleans()):
        rule["confidence"] = draw(st.sampled_from(["high", "medium", "low"]))
    return rule


@st.composite
def rulesets(
    draw: st.DrawFn,
    jurisdiction: str = "US",
    *,
    kinds: Sequence[str] = RULE_KINDS,
    layer: str = "policy",
    min_rules: int = 1,
    max_rules: int = 4,
) -> dict[str, Any]:
    """A valid ruleset document (an overlay for ``jurisdiction``, layer ``policy`` by default)
    holding ``min_rules`` to ``max_rules`` rules of ``kinds`` with distinct ids."""
    count = draw(st.integers(min_rules, max_rules))
    drawn = [
        draw(rules(kinds, rule_id=f"{jurisdiction.lower()}.generated.rule-{i}"))
        for i in range(count)
    ]
    return {
        "jurisdiction": jurisdiction,
        "title": "Generated overlay",
        "level": "federal" if "-" not in jurisdiction else "state",
        "layer": layer,
        "reviewed": "2026-01-01",
        "sources": [{"title": "Generated policy", "url": "https://example.com/policy"}],
        "rules": drawn,
    }


# Each breaks one field of a valid document and returns the field path the error must name.
Breaker = Callable[[dict[str, Any], int], str]


def _without(key: str) -> Breaker:
    def breaker(doc: dict[str, Any], i: int) -> str:
        del doc["rules"][i][key]
        return f"rules[{i}].{key}"

    return breaker


def _set_rule(path: Sequence[str | int], value: object, suffix: str = "") -> Breaker:
    """Set a field of the rule; the error names its path (plus ``suffix``: ``[0]`` when the
    first item of a list is the bad one)."""

    def breaker(doc: dict[str, Any], i: int) -> str:
        node: Any = doc["rules"][i]
        for part in path[:-1]:
            node = node.setdefault(part, {}) if isinstance(part, str) else node[part]
        node[path[-1]] = value
        rendered = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
        return f"rules[{i}]{rendered}{suffix}"

    return breaker


def _set_top(key: str, value: object) -> Breaker:
    def breaker(doc: dict[str, Any], i: int) -> str:
        doc[key] = value
        return key

    return breaker


def _inverted_dates(doc: dict[str, Any], i: int) -> str:
    doc["rules"][i]["effective"] = {"from": "2024-05-02", "to": "2024-05-01"}
    return f"rules[{i}].effective"


def _kind_specific(doc: dict[str, Any], i: int) -> str:
    """Break a parameter of the rule's own kind."""
    rule = doc["rules"][i]
    kind = rule["kind"]
    params = rule["params"]
    if kind == "time_window":
        params["windows"][0] = {"start": "21:00", "end": "08:00"}
        return f"rules[{i}].params.windows[0]"
    if kind == "frequency_cap":
        params["max"] = 0
        return f"rules[{i}].params.max"
    if kind == "cooldown":
        params["days"] = 0
        return f"rules[{i}].params.days"
    if kind == "event_block":
        params["events"] = ["cease_request", "wedding"]
        return f"rules[{i}].params.events[1]"
    if kind == "consent_required":
        params["consent_kinds"] = []
        return f"rules[{i}].params.consent_kinds"
    params["unexpected"] = 1
    return f"rules[{i}].params.unexpected"


BREAKERS: tuple[Breaker, ...] = (
    _without("citation"),
    _without("effective"),
    _without("title"),
    _set_rule(["citation", "url"], "not a url"),
    _set_rule(["citation", "ref"], ""),
    _set_rule(["id"], "Has Spaces"),
    _set_rule(["kind"], "curfew"),
    _set_rule(["severity"], "maybe"),
    _set_rule(["effective", "from"], "someday"),
    _set_rule(["applies_to", "channels"], ["carrier_pigeon"], "[0]"),
    _set_rule(["applies_to", "reach"], ["everyone"]),
    _set_rule(["confidence"], "certain"),
    _inverted_dates,
    _kind_specific,
    _set_top("jurisdiction", "Massachusetts"),
    _set_top("level", "galactic"),
    _set_top("sources", []),
    _set_top("reviewed", "last spring"),
)


@st.composite
def broken_rulesets(
    draw: st.DrawFn, jurisdiction: str = "US", kinds: Sequence[str] = RULE_KINDS
) -> tuple[dict[str, Any], str]:
    """A ruleset document with exactly one broken field, and that field's path as the loader's
    ``RulesetError.field`` must name it (``rules[1].citation``, ``jurisdiction``)."""
    doc = draw(rulesets(jurisdiction, kinds=kinds))
    index = draw(st.integers(0, len(doc["rules"]) - 1))
    breaker = draw(st.sampled_from(BREAKERS))
    return doc, breaker(doc, index)
