"""Edge pairs for per-jurisdiction tests, in the manner of python-holidays' dense test lists.

A jurisdiction's test module lists ``Edge``s: for one rule, a request the rule denies and a
request at its edge that it allows (07:59 vs 08:00, the 2nd vs the 3rd call, Sunday vs Monday).
``check_edge`` asserts both, the expected ``next_allowed_at`` when given, and, for edges marked
``stricter_than_federal``, that federal law alone would have allowed the denied request. A rule
of severity ``warn`` never denies: its edge is marked ``warns``, and then ``denied`` is the request
the rule lists under ``warnings`` and ``allowed`` the one it does not.

``request()`` builds a valid contract request for a state from ``SAMPLES``: a ZIP code in the
state and a valid number with a local area code. Some area codes span two zones (701 in North
Dakota, 605 in South Dakota add Mountain time), which narrows the window: pass ``phone=`` to
pick another.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from contactrules import Decision, Engine
from contactrules.location import zip_info
from contactrules.location import zone as zone_info

SAMPLES: dict[str, tuple[str, str, str]] = {
    "AK": ("99501", "Anchorage", "+19075550142"),
    "AL": ("35004", "Moody", "+12055550142"),
    "AR": ("71601", "Pine Bluff", "+18705550142"),
    "AZ": ("85004", "Phoenix", "+16025550142"),
    "CA": ("94103", "San Francisco", "+14155550142"),
    "CO": ("80202", "Denver", "+13035550142"),
    "CT": ("06001", "Avon", "+18605550142"),
    "DC": ("20001", "Washington", "+12025550142"),
    "DE": ("19701", "Bear", "+13025550142"),
    "FL": ("33101", "Miami", "+13055550142"),
    "GA": ("30002", "Avondale Estates", "+14045550142"),
    "HI": ("96813", "Honolulu", "+18085550142"),
    "IA": ("50001", "Ackworth", "+15155550142"),
    "ID": ("83702", "Boise", "+12085550142"),
    "IL": ("60601", "Chicago", "+13125550142"),
    "IN": ("46204", "Indianapolis", "+13175550142"),
    "KS": ("66101", "Kansas City", "+19135550142"),
    "KY": ("40202", "Louisville", "+15025550142"),
    "LA": ("70001", "Metairie", "+15045550142"),
    "MA": ("02139", "Cambridge", "+16175550142"),
    "MD": ("21201", "Baltimore", "+14105550142"),
    "ME": ("03901", "Berwick", "+12075550142"),
    "MI": ("48226", "Detroit", "+13135550142"),
    "MN": ("55001", "Afton", "+15345550142"),
    "MO": ("63005", "Chesterfield", "+16365550142"),
    "MS": ("38601", "Abbeville", "+16625550142"),
    "MT": ("59001", "Absarokee", "+14065550142"),
    "NC": ("27006", "Advance", "+13365550142"),
    "ND": ("58102", "Fargo", "+17015550142"),
    "NE": ("68102", "Omaha", "+14025550142"),
    "NH": ("03031", "Amherst", "+16035550142"),
    "NJ": ("07001", "Avenel", "+17325550142"),
    "NM": ("87001", "Algodones", "+15055550142"),
    "NV": ("89101", "Las Vegas", "+17025550142"),
    "NY": ("10001", "New York", "+12125550142"),
    "OH": ("43001", "Alexandria", "+12205550142"),
    "OK": ("73002", "Alex", "+14055550142"),
    "OR": ("97204", "Portland", "+15035550142"),
    "PA": ("15001", "Aliquippa", "+17245550142"),
    "PR": ("00901", "San Juan", "+17875550142"),
    "RI": ("02804", "Ashaway", "+14015550142"),
    "SC": ("29001", "Alcolu", "+18035550142"),
    "SD": ("57104", "Sioux Falls", "+16055550142"),
    "TN": ("37203", "Nashville", "+16155550142"),
    "TX": ("75201", "Dallas", "+12145550142"),
    "UT": ("84001", "Altamont", "+14355550142"),
    "VA": ("20105", "Aldie", "+15405550142"),
    "VT": ("05401", "Burlington", "+18025550142"),
    "WA": ("98101", "Seattle", "+12065550142"),
    "WI": ("53001", "Adell", "+19205550142"),
    "WV": ("25301", "Charleston", "+13045550142"),
    "WY": ("82001", "Cheyenne", "+13075550142"),
}


def request(
    state: str,
    at: str,
    *,
    channel: str = "call",
    role: str = "third_party",
    debt_purpose: str = "consumer",
    debt_type: str = "credit_card",
    debt_id: str = "D1",
    phone: str | None = None,
    phone_type: str | None = "wireless",
    technology: str | None = "manual",
    email: str | None = None,
    email_kind: str | None = None,
    place: str | None = None,
    recipient: str = "consumer",
    purpose: str = "collection",
    postal_code: str | None = None,
    city: str | None = None,
    events: Sequence[dict[str, Any]] = (),
    extra_locations: Sequence[dict[str, Any]] = (),
    **contact_fields: Any,
) -> dict[str, Any]:
    """A request for a consumer living in ``state`` (its sample ZIP code unless given)."""
    sample_zip, sample_city, sample_phone = SAMPLES[state]
    contact: dict[str, Any] = {
        "channel": channel,
        "at": at,
        "debt_id": debt_id,
        "recipient": recipient,
        "purpose": purpose,
    }
    if channel in ("call", "sms"):
        contact.update(phone=phone or sample_phone, phone_type=phone_type, technology=technology)
    if channel == "email":
        contact.update(email=email or "pat@example.com", email_kind=email_kind or "personal")
    if place is not None:
        contact["place"] = place
    debt_extra = (
        {"account_id": contact_fields.pop("account_id")} if "account_id" in contact_fields else {}
    )
    contact.update(contact_fields)  # any other contact field: visibility, estate_representative
    location = {
        "country": "US",
        "state": state,
        "postal_code": postal_code or sample_zip,
        "city": city or sample_city,
    }
    return {
        "contact": contact,
        "collector": {"role": role},
        "debt": {"id": debt_id, "purpose": debt_purpose, "type": debt_type, **debt_extra},
        "consumer": {"id": "C1", "locations": [location, *extra_locations]},
        "events": list(events),
    }


def call(
    at: str,
    *,
    outcome: str = "no_answer",
    channel: str = "call",
    direction: str = "outbound",
    debt_id: str = "D1",
    **fields: Any,
) -> dict[str, Any]:
    """A past contact event (a call unless ``channel`` says otherwise)."""
    return {
        "type": "contact",
        "at": at,
        "channel": channel,
        "direction": direction,
        "outcome": outcome,
        "debt_id": debt_id,
        **fields,
    }


def event(event_type: str, at: str, /, **fields: Any) -> dict[str, Any]:
    """Any other dated event: ``event("cease_request", at, written=False)``."""
    return {"type": event_type, "at": at, **fields}


_UNSET: Any = object()


@dataclasses.dataclass(frozen=True)
class Edge:
    """One rule's edge: ``denied`` must violate ``rule``; ``allowed`` must pass it."""

    rule: str
    denied: dict[str, Any]
    allowed: dict[str, Any]
    why: str = ""
    next_allowed_at: Any = _UNSET  # expected for the denied request: an ISO string or None
    stricter_than_federal: bool = False  # federal rules alone would allow the denied request
    allowed_overall: bool = True  # the allowed request is allowed by every rule, not only this one
    warns: bool = False  # a warn rule: ``denied`` warns (and is allowed overall), ``allowed`` not
    name: str = ""  # the test id, e.g. the paragraph tested: "1006.6(b)(1)(i) 07:59 vs 08:00"


def edge_ids(edges: Sequence[Edge]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for edge in edges:
        seen[edge.rule] = seen.get(edge.rule, 0) + 1
        ids.append(edge.name or f"{edge.rule}#{seen[edge.rule]}")
    return ids


def _violated(decision: Decision) -> list[str]:
    return [v.rule_id for v in decision.violations]


def violations(engine: Engine, payload: dict[str, Any]) -> list[str]:
    """The rule ids a request violates."""
    return _violated(engine.evaluate(payload))


def own_rules(engine: Engine, jurisdiction: str) -> list[Any]:
    """The rule models (every version) of one jurisdiction's own ruleset files."""
    return [
        rule
        for loaded in engine.rulesets
        if loaded.document.jurisdiction == jurisdiction
        for rule in loaded.document.rules
    ]


def _warned(decision: Decision) -> list[str]:
    return [w.rule_id for w in decision.warnings]


def check_warning_edge(engine: Engine, edge: Edge) -> None:
    """A warn rule's edge: it warns on one side and not on the other, and denies neither."""
    assert edge.next_allowed_at is _UNSET and not edge.stricter_than_federal, (
        f"{edge.rule}: a warning never denies, so it has no next_allowed_at and is never "
        "stricter than federal law"
    )
    for payload, warns in ((edge.denied, True), (edge.allowed, False)):
        decision = engine.evaluate(payload)
        assert (edge.rule in _warned(decision)) is warns, (edge.why, _warned(decision))
        assert edge.rule not in _violated(decision), (edge.why, _violated(decision))
        if edge.allowed_overall:
            assert decision.allowed, (edge.why, decision.violations)


def check_edge(engine: Engine, federal: Engine, edge: Edge) -> None:
    if edge.warns:
        check_warning_edge(engine, edge)
        return
    denied = engine.evaluate(edge.denied)
    assert edge.rule in _violated(denied), (edge.why, _violated(denied), denied.evaluated)
    if edge.next_allowed_at is not _UNSET:
        assert denied.next_allowed_at == edge.next_allowed_at, edge.why
    allowed = engine.evaluate(edge.allowed)
    outcomes = {entry.rule_id: entry.outcome for entry in allowed.evaluated}
    assert outcomes.get(edge.rule) in ("pass", "not_applicable"), (edge.why, outcomes)
    assert edge.rule not in _violated(allowed)
    if edge.allowed_overall:
        assert allowed.allowed, (edge.why, allowed.violations)
    if edge.stricter_than_federal:
        assert federal.evaluate(edge.denied).allowed, (
            f"{edge.why}: federal law alone also denies this, so it does not show the state "
            "rule is stricter"
        )


def federal_grid(state: str) -> list[dict[str, Any]]:
    """Requests around every federal edge for a consumer in ``state``: hours on a weekday and a
    Sunday, each channel, both collector roles, and the history that triggers caps and blocks."""
    zone = _sample_zone(state)
    histories: list[list[dict[str, Any]]] = [
        [],
        [call(f"2026-06-{day:02d}T12:00:00+00:00") for day in range(9, 16)],
        [call("2026-06-15T15:00:00+00:00", outcome="conversation")],
        [event("cease_request", "2026-06-01T12:00:00+00:00", written=True)],
        [event("cease_request", "2026-06-01T12:00:00+00:00", written=False)],
        [event("attorney_representation", "2026-06-01T12:00:00+00:00", debt_ids=["D1"])],
        [event("no_work_contact", "2026-06-01T12:00:00+00:00", written=False)],
    ]
    out = []
    for day in ("2026-06-16", "2026-06-14"):  # a Tuesday and a Sunday
        for clock in ("07:59", "08:00", "08:01", "12:00", "20:59", "21:00"):
            for channel in ("call", "sms", "email", "letter", "in_person"):
                for role in ("third_party", "first_party"):
                    for events in histories:
                        local = dt.datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=zone)
                        out.append(
                            request(
                                state,
                                local.isoformat(),
                                channel=channel,
                                role=role,
                                place="work"
                                if events and events[0]["type"] == "no_work_contact"
                                else None,
                                events=events,
                            )
                        )
    return out


def assert_same_as_federal(engine: Engine, federal: Engine, state: str) -> None:
    """A jurisdiction reviewed as adding nothing decides every grid request as federal law alone
    does: same outcome, same violated rules. It fails as soon as the state's file gains a rule
    that changes a decision (which then needs its own edges)."""
    for payload in federal_grid(state):
        ours, theirs = engine.evaluate(payload), federal.evaluate(payload)
        assert f"US-{state}" in ours.jurisdictions
        assert (ours.allowed, _violated(ours), ours.next_allowed_at) == (
            theirs.allowed,
            _violated(theirs),
            theirs.next_allowed_at,
        ), payload


def _sample_zone(state: str) -> dt.tzinfo:
    info = zip_info(SAMPLES[state][0])
    assert info is not None and info.zone is not None, state
    return zone_info(info.zone)
