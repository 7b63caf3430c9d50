"""An independent reading of the time, cap and cooldown rules, for the soundness properties.

Computed from each rule's parameters as loaded from its YAML (the validated pydantic model), never
through the rule's compiled check: windows by reading the wall clock in every candidate zone,
caps and cooldowns by counting the request's events one by one. Deliberately simple and slow.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import holidays
import phonenumbers
import zipcodes
from phonenumbers import timezone as phone_timezone

from contactrules import Decision, Engine
from contactrules.kinds import CooldownRule, FrequencyCapRule, RuleBase, TimeWindowRule
from contactrules.models import ContactEvent, Request

# How a request answers each applies_to list; facts a caller may leave unknown match every list.
FACTS = {
    "channels": lambda r: r.contact.channel,
    "collector_roles": lambda r: r.collector.role,
    "debt_purposes": lambda r: r.debt.purpose,
    "debt_types": lambda r: r.debt.type,
    "recipients": lambda r: r.contact.recipient,
    "technologies": lambda r: r.contact.technology,
    "phone_types": lambda r: r.contact.phone_type,
    "email_kinds": lambda r: r.contact.email_kind,
    "places": lambda r: r.contact.place,
    "purposes": lambda r: r.contact.purpose,
    "visibilities": lambda r: r.contact.visibility,
    "estate_representative": lambda r: r.contact.estate_representative,
    "seeks_consent": lambda r: r.contact.seeks_consent,
}
MAY_BE_UNKNOWN = {
    "technologies",
    "phone_types",
    "email_kinds",
    "places",
    "visibilities",
    "estate_representative",
    "seeks_consent",
}


@dataclass(frozen=True)
class Governing:
    """A deny rule version that governs the request and is in force on its local dates."""

    jurisdiction: str
    rule: Any


def governs(rule: RuleBase, request: Request) -> bool:
    return _in_scope(rule.applies_to, request)


def _in_scope(scope: Any, request: Request) -> bool:
    """Every list matches (unknown facts match unless known_only) and, with any_of, at least
    one alternative is in scope as a whole."""
    if scope.any_of is not None and not any(_in_scope(alt, request) for alt in scope.any_of):
        return False
    for name, fact in FACTS.items():
        allowed = getattr(scope, name)
        if allowed is None:
            continue
        value = fact(request)
        unknown = value is None or value == "unknown"
        if unknown and name in MAY_BE_UNKNOWN and name not in scope.known_only:
            continue
        if value not in allowed:
            return False
    return True


def local_times(request: Request, zones: list[zoneinfo.ZoneInfo]) -> list[dt.datetime]:
    return [request.contact.at.astimezone(z) for z in zones]


def in_force(rule: RuleBase, local: list[dt.datetime]) -> bool:
    """In force on the local date of some candidate zone (the stricter reading)."""
    days = [t.date() for t in local]
    first, last = min(days), max(days)
    return rule.effective.from_ <= last and (
        rule.effective.to is None or first <= rule.effective.to
    )


def governing(engine: Engine, request: Request, decision: Decision) -> Iterator[Governing]:
    """Every deny rule version of the decision's jurisdictions in force and governing."""
    local = local_times(request, zones_of(decision))
    for ruleset in engine.rulesets:
        doc = ruleset.document
        if doc.jurisdiction not in decision.jurisdictions:
            continue
        for rule in doc.rules:
            if rule.severity == "deny" and governs(rule, request) and in_force(rule, local):
                yield Governing(doc.jurisdiction, rule)


def zones_of(decision: Decision) -> list[zoneinfo.ZoneInfo]:
    return [zoneinfo.ZoneInfo(z.zone) for z in decision.zones]


def known_zones(request: Request) -> set[str]:
    """Zones the request plainly puts the consumer in, read straight from the reference data: an
    explicit zone, the ZIP code's zone, and the dialed number's area code (calls and texts)."""
    found: set[str] = set()
    for location in request.consumer.locations:
        if location.time_zone:
            found.add(location.time_zone)
            continue
        records = zipcodes.matching(location.postal_code) if location.postal_code else []
        zone = records[0].get("timezone") if records else None
        if zone and zone in zoneinfo.available_timezones():
            found.add(zone)
    contact = request.contact
    if contact.channel in ("call", "sms") and contact.phone:
        number = phonenumbers.parse(contact.phone, None)
        found.update(z for z in phone_timezone.time_zones_for_number(number) if z != "Etc/Unknown")
    return found


# ---------------------------------------------------------------- time windows


@lru_cache(maxsize=256)
def _closed_days(country: str, subdivision: str | None, observed: bool, year: int) -> frozenset:
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=year, observed=observed)
    return frozenset(calendar)


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def inside_window(rule: TimeWindowRule, local: dt.datetime) -> bool:
    """Whether the wall-clock time ``local`` is inside one of the rule's windows that day."""
    holiday = rule.params.closed_on_holidays
    if holiday is not None:
        closed = _closed_days(holiday.country, holiday.subdivision, holiday.observed, local.year)
        if local.date() in closed:
            return False
    minute = local.hour * 60 + local.minute
    day = WEEKDAYS[local.weekday()]
    return any(
        day in window.days and _minutes(window.start) <= minute < _minutes(window.end)
        for window in rule.params.windows
    )


def window_allows(rule: TimeWindowRule, request: Request, zones: list[zoneinfo.ZoneInfo]) -> bool:
    """Inside the windows in every candidate zone, or in the rule's own fixed zone."""
    if rule.params.zone:
        zones = [zoneinfo.ZoneInfo(rule.params.zone)]
    return all(inside_window(rule, t) for t in local_times(request, zones))


# ---------------------------------------------------------------- caps and cooldowns


def known_contacts(request: Request) -> list[ContactEvent]:
    at = request.contact.at
    return [e for e in request.events if isinstance(e, ContactEvent) and e.at <= at]


def _listed(values: list[Any] | None, value: Any, unknown_counts: bool = False) -> bool:
    if values is None:
        return True
    if unknown_counts and value in (None, "unknown"):
        return True
    return value in values


def matches_filter(spec: Any, event: ContactEvent) -> bool:
    """A contact filter: unrecorded technology, place, phone type or consent-seeking flag still
    count; with any_of, one alternative must match too."""
    if spec.any_of is not None and not any(matches_filter(alt, event) for alt in spec.any_of):
        return False
    return (
        _listed(spec.seeks_consent, event.seeks_consent, unknown_counts=True)
        and _listed(spec.channels, event.channel)
        and _listed(spec.directions, event.direction)
        and _listed(spec.outcomes, event.outcome)
        and _listed(spec.recipients, event.recipient)
        and _listed(spec.technologies, event.technology, unknown_counts=True)
        and _listed(spec.places, event.place, unknown_counts=True)
        and _listed(spec.phone_types, event.phone_type, unknown_counts=True)
    )


def _contact_address(request: Request) -> str | None:
    contact = request.contact
    if contact.channel in ("call", "sms"):
        return contact.phone
    if contact.channel == "email" and contact.email:
        return contact.email.lower()
    return None


def same_count(per: str, event: ContactEvent, request: Request) -> bool:
    """Whether a past contact is counted with the proposed one under ``per``."""
    debt_id = request.contact.debt_id
    same_debt = event.debt_id is None or event.debt_id == debt_id
    address = _contact_address(request)
    past = event.phone if event.channel in ("call", "sms") else event.email
    same_address = address is not None and past is not None and past.lower() == address.lower()
    if per == "consumer":
        return True
    if per == "debt":
        return same_debt
    if per == "account":
        account = request.debt.account_id
        return (account is not None and event.account_id == account) or same_debt
    if per == "phone":
        return request.contact.phone is not None and event.phone == request.contact.phone
    if per == "address":
        return same_address
    return same_debt and same_address  # debt_and_address


def consent_windows(
    rule: FrequencyCapRule | CooldownRule, request: Request, zones: list[zoneinfo.ZoneInfo]
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Reg F 1006.14(b)(3)(i) windows: from a consent (for the debt) to the end of its seventh
    local day in the earliest zone, or sooner at a revocation or a later conversation."""
    exemption = rule.params.exempt_after_consent
    if exemption is None:
        return []
    at = request.contact.at
    debt_id = request.contact.debt_id
    known = [e for e in request.events if e.at <= at]
    windows = []
    for consent in known:
        if consent.type != "consent" or consent.kind not in exemption.consent_kinds:
            continue
        if exemption.per_debt and consent.debt_ids is not None and debt_id not in consent.debt_ids:
            continue
        last_day = [
            consent.at.astimezone(z).date() + dt.timedelta(days=exemption.days) for z in zones
        ]
        end = min(
            dt.datetime.combine(day, dt.time(), tzinfo=z).astimezone(dt.UTC)
            for day, z in zip(last_day, zones, strict=True)
        )
        for later in known:
            if later.at >= consent.at and _ends_consent(later, consent, exemption, rule, request):
                end = min(end, later.at)
        windows.append((consent.at, end))
    return windows


def _ends_consent(
    later: Any,
    consent: Any,
    exemption: Any,
    rule: FrequencyCapRule | CooldownRule,
    request: Request,
) -> bool:
    """A revocation of the consent's kind, or a later contact of the kind that ends it."""
    if later.type == "consent_revoked":
        return bool(later.kind in exemption.consent_kinds)
    return (
        isinstance(later, ContactEvent)
        and exemption.ended_by is not None
        and later.at > consent.at
        and matches_filter(exemption.ended_by, later)
        and same_count(rule.params.per, later, request)
    )


def _inside(windows: list[tuple[dt.datetime, dt.datetime]], instant: dt.datetime) -> bool:
    return any(start <= instant < end for start, end in windows)


def cap_allows(
    rule: FrequencyCapRule, request: Request, zones: list[zoneinfo.ZoneInfo]
) -> bool | None:
    """Fewer than ``max`` counted contacts in the period (the ``days`` local days ending on the
    contact's day in every zone, or the ``days`` x 24 hours before it when rolling); or the
    contact falls in a consent window. None (no verdict) where a consent may waive the cap."""
    p = rule.params
    if p.waived_by_consent is not None and any(e.type == "consent" for e in request.events):
        return None
    windows = consent_windows(rule, request, zones)
    at = request.contact.at
    if _inside(windows, at):
        return True
    counted = [
        e
        for e in known_contacts(request)
        if matches_filter(p.counts, e)
        and same_count(p.per, e, request)
        # Contacts inside a consent window are not counted either (Reg F 1006.14(b)(3)(i)).
        and not _inside(windows, e.at)
    ]
    if p.rolling:
        return sum(e.at > at - dt.timedelta(days=p.days) for e in counted) < p.max
    for zone in zones:
        today = at.astimezone(zone).date()
        first = today - dt.timedelta(days=p.days - 1)
        if sum(first <= e.at.astimezone(zone).date() <= today for e in counted) >= p.max:
            return False
    return True


def cooldown_allows(rule: CooldownRule, request: Request, zones: list[zoneinfo.ZoneInfo]) -> bool:
    """No matching contact on any of the ``days`` local days ending with the contact's day, unless
    the contact falls in a consent window."""
    p = rule.params
    if _inside(consent_windows(rule, request, zones), request.contact.at):
        return True
    starters = [
        e
        for e in known_contacts(request)
        if matches_filter(p.after, e) and same_count(p.per, e, request)
    ]
    at = request.contact.at
    for zone in zones:
        today = at.astimezone(zone).date()
        if any((today - e.at.astimezone(zone).date()).days < p.days for e in starters):
            return False
    return True


def allows(rule: Any, request: Request, zones: list[zoneinfo.ZoneInfo]) -> bool | None:
    """The oracle's verdict on one rule, or None for kinds it does not read."""
    if isinstance(rule, TimeWindowRule):
        return window_allows(rule, request, zones)
    if isinstance(rule, FrequencyCapRule):
        return cap_allows(rule, request, zones)
    if isinstance(rule, CooldownRule):
        return cooldown_allows(rule, request, zones)
    return None
