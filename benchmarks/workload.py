"""Seeded generator of realistic contactrules requests, as plain dicts valid under the contract.

Every request is a JSON-ready ``dict`` shaped as ``shared/spec/contract.md`` describes: a proposed
call, text or email at some instant, the collector, the debt, a US consumer with one or two
locations (real ZIP codes across all US zones), and a history of past events dated before the
proposed contact. The same ``seed`` always yields the same requests.

Profiles:

* ``mixed``: what a collection system sends all day. Local times from early morning to late
  evening, busy and quiet histories, area codes that sometimes disagree with the address,
  occasional consents, opt-outs, inconvenient times, and rarely a cease request, attorney
  representation or bankruptcy. A good share is denied.
* ``clean``: contacts that should pass: weekday mid-day in one zone, manual dialling, no contact in
  the last nine days, no blocking event. The benchmark still checks each one with the engine.
* ``night``: the ``clean`` requests moved to 21:00-07:59 local time, so that time-of-day rules
  (and only they) deny them and the engine must search for ``next_allowed_at``.

Run ``python benchmarks/workload.py --n 3 --events 5`` to print a few requests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import phonenumbers

UTC = dt.UTC


@dataclass(frozen=True)
class Place:
    state: str
    postal_code: str
    city: str
    zone: str
    area_codes: tuple[str, ...]


# Real ZIP codes spread over every US zone, with area codes of the same place.
PLACES: tuple[Place, ...] = (
    Place("MA", "02139", "Cambridge", "America/New_York", ("617", "857")),
    Place("NY", "10001", "New York", "America/New_York", ("212", "646")),
    Place("FL", "33101", "Miami", "America/New_York", ("305", "786")),
    Place("DE", "19901", "Dover", "America/New_York", ("302",)),
    Place("IL", "60601", "Chicago", "America/Chicago", ("312", "872")),
    Place("CO", "80202", "Denver", "America/Denver", ("303", "720")),
    Place("AZ", "85001", "Phoenix", "America/Phoenix", ("602", "480")),
    Place("CA", "94103", "San Francisco", "America/Los_Angeles", ("415", "628")),
    Place("HI", "96813", "Honolulu", "Pacific/Honolulu", ("808",)),
    Place("AK", "99501", "Anchorage", "America/Anchorage", ("907",)),
)
# Rough weights: populous states more often; one in ten consumers in Massachusetts.
PLACE_WEIGHTS = (10, 14, 12, 3, 11, 6, 6, 16, 2, 2)
PLACE_BY_STATE = {place.state: place for place in PLACES}

DEBT_TYPES = ("credit_card", "medical", "student_loan", "auto", "utility", "telecom", "other")
DEBT_TYPE_WEIGHTS = (35, 25, 8, 10, 8, 8, 6)
CALL_OUTCOMES = ("no_answer", "voicemail", "conversation", "busy", "not_connected")
CALL_OUTCOME_WEIGHTS = (45, 25, 15, 8, 7)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The proposed contacts fall in 2026, well after Regulation F took effect.
YEAR_START = dt.date(2026, 1, 5)
YEAR_DAYS = 350

Request = dict[str, Any]


@cache
def _valid(e164: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(e164, None))


def phone_number(rng: random.Random, area_code: str) -> str:
    """A valid E.164 number of ``area_code`` in the fictional 555-01xx range (or near it)."""
    while True:
        number = f"+1{area_code}555{rng.randrange(10000):04d}"
        if _valid(number):
            return number


def _iso(instant: dt.datetime, rng: random.Random, zone: zoneinfo.ZoneInfo) -> str:
    """An instant as ISO 8601: mostly ``Z``, sometimes with the local offset (both are valid)."""
    if rng.random() < 0.3:
        return instant.astimezone(zone).isoformat(timespec="seconds")
    return instant.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _local_instant(day: dt.date, minute: int, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
    return naive.replace(tzinfo=zone).astimezone(UTC)


@dataclass
class Consumer:
    """A consumer with stable facts, reused by several requests of a workload."""

    id: str
    home: Place
    other: Place | None  # a second address (moved, or a second home)
    phone: str
    phone_type: str
    work_phone: str
    email: str
    debts: tuple[tuple[str, str], ...]  # (id, type)
    role: str  # collector role of the account holder
    aligned: bool  # the phone's area code is the home's


def make_consumer(rng: random.Random, index: int, profile: str) -> Consumer:
    home = rng.choices(PLACES, PLACE_WEIGHTS)[0]
    clean = profile != "mixed"
    other = None if clean or rng.random() > 0.08 else rng.choice(PLACES)
    # People keep their mobile number when they move: 15% dial an area code of another place.
    aligned = clean or rng.random() > 0.15
    phone_place = home if aligned else rng.choice(PLACES)
    debts = tuple(
        (f"D{index}-{k}", rng.choices(DEBT_TYPES, DEBT_TYPE_WEIGHTS)[0])
        for k in range(1, 1 + rng.choice((1, 1, 1, 2, 3)))
    )
    return Consumer(
        id=f"C{index}",
        home=home,
        other=other,
        phone=phone_number(rng, rng.choice(phone_place.area_codes)),
        phone_type=rng.choices(("wireless", "landline", "voip", "unknown"), (70, 20, 5, 5))[0],
        work_phone=phone_number(rng, rng.choice(home.area_codes)),
        email=f"consumer{index}@example.com",
        debts=debts,
        role=rng.choices(("third_party", "first_party"), (85, 15))[0],
        aligned=aligned,
    )


def _location(place: Place, rng: random.Random, detail: bool) -> dict[str, Any]:
    location: dict[str, Any] = {"country": "US", "state": place.state}
    if detail or rng.random() < 0.9:
        location["postal_code"] = place.postal_code
        location["city"] = place.city
    location["time_zone"] = None
    return location


def _contact_event(
    rng: random.Random, consumer: Consumer, at: dt.datetime, zone: zoneinfo.ZoneInfo
) -> dict[str, Any]:
    channel = rng.choices(("call", "sms", "email"), (70, 18, 12))[0]
    inbound = rng.random() < 0.08
    event: dict[str, Any] = {
        "type": "contact",
        "at": _iso(at, rng, zone),
        "channel": channel,
        "direction": "inbound" if inbound else "outbound",
        "debt_id": rng.choice(consumer.debts)[0],
    }
    if channel == "call":
        event["outcome"] = (
            "conversation" if inbound else rng.choices(CALL_OUTCOMES, CALL_OUTCOME_WEIGHTS)[0]
        )
        at_work = rng.random() < 0.1
        event["phone"] = consumer.work_phone if at_work else consumer.phone
        event["technology"] = rng.choices(("manual", "autodialer", "prerecorded"), (70, 25, 5))[0]
        event["place"] = "work" if at_work else rng.choice(("home", "other", None))
        event["phone_type"] = "landline" if at_work else consumer.phone_type
    elif channel == "sms":
        event["outcome"] = rng.choices(("delivered", "failed"), (95, 5))[0]
        event["phone"] = consumer.phone
        event["phone_type"] = consumer.phone_type
        event["technology"] = "manual"
    else:
        event["outcome"] = rng.choices(("delivered", "failed"), (93, 7))[0]
        event["email"] = consumer.email
    return event


def _other_event(
    rng: random.Random, consumer: Consumer, at: dt.datetime, zone: zoneinfo.ZoneInfo
) -> dict[str, Any]:
    """A non-contact event that does not block by itself (a consent, a narrow opt-out...)."""
    kind = rng.choices(
        ("consent", "opt_out", "inconvenient_time", "dispute", "verification_sent"),
        (40, 15, 30, 10, 5),
    )[0]
    when = _iso(at, rng, zone)
    if kind == "consent":
        sms = rng.random() < 0.3
        return {
            "type": "consent",
            "at": when,
            "kind": "sms" if sms else "tcpa_prior_express",
            "phone": consumer.phone,
            "debt_ids": None if rng.random() < 0.7 else [consumer.debts[0][0]],
        }
    if kind == "opt_out":
        # Mostly an old or work number, so the medium itself stays open.
        channel = rng.choice(("call", "sms", "email"))
        address = consumer.email if channel == "email" else consumer.work_phone
        if channel == "email":
            address = f"old.{consumer.email}"
        return {"type": "opt_out", "at": when, "channel": channel, "address": address}
    if kind == "inconvenient_time":
        start = rng.choice((6 * 60, 12 * 60, 17 * 60 + 30, 19 * 60))
        length = rng.choice((60, 90, 120))
        return {
            "type": "inconvenient_time",
            "at": when,
            "days": sorted(rng.sample(WEEKDAYS[:5], rng.randint(1, 5)), key=WEEKDAYS.index),
            "from": f"{start // 60:02d}:{start % 60:02d}",
            "to": f"{(start + length) // 60:02d}:{(start + length) % 60:02d}",
        }
    if kind == "dispute":
        return {
            "type": "dispute",
            "at": when,
            "debt_id": rng.choice(consumer.debts)[0],
            "written": False,
        }
    return {"type": "verification_sent", "at": when, "debt_id": rng.choice(consumer.debts)[0]}


def _rare_event(
    rng: random.Random, consumer: Consumer, at: dt.datetime, zone: zoneinfo.ZoneInfo
) -> dict[str, Any]:
    """An event that may stop contact for good: cease, attorney, bankruptcy."""
    kind = rng.choices(("cease_request", "attorney_representation", "bankruptcy"), (5, 3, 2))[0]
    when = _iso(at, rng, zone)
    if kind == "cease_request":
        return {
            "type": "cease_request",
            "at": when,
            "written": rng.random() < 0.6,
            "debt_ids": None if rng.random() < 0.5 else [consumer.debts[0][0]],
        }
    if kind == "attorney_representation":
        return {
            "type": "attorney_representation",
            "at": when,
            "debt_ids": [rng.choice(consumer.debts)[0]],
            "ended_at": None,
        }
    filed = at.astimezone(zone).date()
    closed = filed + dt.timedelta(days=rng.choice((30, 90, 400)))
    return {
        "type": "bankruptcy",
        "at": when,
        "filed": filed.isoformat(),
        "closed": closed.isoformat(),
    }


def make_request(
    rng: random.Random, consumer: Consumer, events: int = 20, profile: str = "mixed"
) -> Request:
    """One request for ``consumer`` with ``events`` past events, all before ``contact.at``."""
    zone = zoneinfo.ZoneInfo(consumer.home.zone)
    day = YEAR_START + dt.timedelta(days=rng.randrange(YEAR_DAYS))
    if profile == "mixed":
        minute = rng.randrange(7 * 60, 22 * 60)  # 07:00 to 21:59 local, busiest mid-day
        minute = (minute + rng.randrange(9 * 60, 19 * 60)) // 2
        channel = rng.choices(("call", "sms", "email"), (60, 25, 15))[0]
    else:
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        if profile == "clean":
            minute = rng.randrange(10 * 60, 16 * 60)
        else:  # night: 21:00-23:59 or 00:00-07:59
            minute = rng.choice((rng.randrange(21 * 60, 24 * 60), rng.randrange(0, 8 * 60)))
        channel = rng.choices(("call", "sms", "email"), (60, 25, 15))[0]
    at = _local_instant(day, minute, zone)
    debt_id, debt_type = rng.choice(consumer.debts)

    contact: dict[str, Any] = {
        "channel": channel,
        "at": _iso(at, rng, zone),
        "debt_id": debt_id,
        "recipient": "consumer",
        "phone": None,
        "phone_type": None,
        "technology": None,
        "email": None,
        "email_kind": None,
        "place": None,
        "purpose": "collection",
    }
    if channel in ("call", "sms"):
        at_work = profile == "mixed" and channel == "call" and rng.random() < 0.07
        contact["phone"] = consumer.work_phone if at_work else consumer.phone
        contact["phone_type"] = "landline" if at_work else consumer.phone_type
        if profile == "mixed" and channel == "call":
            contact["technology"] = rng.choices(("manual", "autodialer"), (75, 25))[0]
        else:
            contact["technology"] = "manual"
        contact["place"] = "work" if at_work else rng.choice(("home", "other", None))
    else:
        contact["email"] = consumer.email
        contact["email_kind"] = rng.choices(("personal", "work", "unknown"), (80, 10, 10))[0]

    history = _history(rng, consumer, at, zone, events, profile, contact)
    locations = [_location(consumer.home, rng, detail=profile != "mixed")]
    if consumer.other is not None:
        locations.append(_location(consumer.other, rng, detail=True))
    return {
        "contact": contact,
        "collector": {"role": consumer.role if profile == "mixed" else "third_party"},
        "debt": {"id": debt_id, "purpose": "consumer", "type": debt_type},
        "consumer": {"id": consumer.id, "locations": locations},
        "events": history,
    }


def _history(
    rng: random.Random,
    consumer: Consumer,
    at: dt.datetime,
    zone: zoneinfo.ZoneInfo,
    count: int,
    profile: str,
    contact: dict[str, Any],
) -> list[dict[str, Any]]:
    """``count`` events over about three days each, oldest first, all before ``at``."""
    span = dt.timedelta(days=3 * count + 30)
    # A clean history stops nine days before the contact: no cap or cooldown can still bite.
    quiet = dt.timedelta(days=9) if profile != "mixed" else dt.timedelta(minutes=30)
    rare = profile == "mixed" and rng.random() < 0.06
    instants = sorted(
        at - quiet - dt.timedelta(seconds=rng.randrange(int(span.total_seconds())))
        for _ in range(count)
    )
    out: list[dict[str, Any]] = []
    for index, when in enumerate(instants):
        if rare and index == count // 2:
            out.append(_rare_event(rng, consumer, when, zone))
        elif rng.random() < 0.85:
            out.append(_contact_event(rng, consumer, when, zone))
        else:
            event = _other_event(rng, consumer, when, zone)
            if profile != "mixed" and event["type"] == "inconvenient_time":
                event["from"], event["to"] = "06:00", "07:00"  # outside the clean contacts
            out.append(event)
    if profile != "mixed" and contact["channel"] in ("call", "sms") and out:
        # Autodialled history is fine; the proposed contact is manual. Consent keeps TCPA quiet.
        out[0] = {
            "type": "consent",
            "at": out[0]["at"],
            "kind": "tcpa_prior_express",
            "phone": consumer.phone,
            "debt_ids": None,
        }
    return out


def generate(
    n: int,
    events: int = 20,
    seed: int = 1,
    profile: str = "mixed",
    consumers: int | None = None,
) -> list[Request]:
    """``n`` requests drawn from a pool of ``consumers`` consumers (default ``n // 4``)."""
    return list(iter_requests(n, events, seed, profile, consumers))


def iter_requests(
    n: int,
    events: int = 20,
    seed: int = 1,
    profile: str = "mixed",
    consumers: int | None = None,
) -> Iterator[Request]:
    if profile not in ("mixed", "clean", "night"):
        raise ValueError(f"unknown profile {profile!r}")
    rng = random.Random(seed)
    pool_size = max(1, consumers if consumers is not None else n // 4)
    pool: list[Consumer] = []
    for _ in range(n):
        index = rng.randrange(pool_size)
        while len(pool) <= index:
            pool.append(make_consumer(rng, len(pool), profile))
        yield make_request(rng, pool[index], events, profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", choices=("mixed", "clean", "night"), default="mixed")
    args = parser.parse_args()
    for request in generate(args.n, args.events, args.seed, args.profile):
        print(json.dumps(request))


if __name__ == "__main__":
    main()
