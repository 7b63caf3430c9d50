"""Differential testing: the native engine and the durable_rules engine decide alike.

The durable backend (``contactrules.backends.durable``) decides each rule with durable_rules'
Rete conditions over features it derives apart from the native rule kinds, and computes its own
``retry_at`` instants. On any request both must give the same decision: the same ``allowed``,
the same violated and warned rule ids in the same order, the same trace outcome per rule and
the same ``next_allowed_at``. A difference is a bug in one of the two implementations (as
Cedar checks its engine against an independent model).

Requests are drawn richer than ``contactrules.testing.requests``: every event type, several
locations, dialed numbers from other zones, consents and revocations matched or not to the
contact's address, events after ``contact.at`` (which both must ignore). Skipped, with the
reason shown, when the ``durable`` extra is not installed; CI sets CONTACTRULES_REQUIRE_DURABLE=1
so that there a missing extra fails instead.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from contactrules import Decision, Engine
from contactrules.models.vocabulary import CHANNELS, WEEKDAYS
from contactrules.testing import SAMPLE_PLACES

if os.environ.get("CONTACTRULES_REQUIRE_DURABLE") != "1":
    pytest.importorskip(
        "durable", reason="durable_rules is not installed (pip install 'contactrules[durable]')"
    )

PHONES = tuple(place[2] for place in SAMPLE_PLACES)
EMAILS = ("pat@example.com", "PAT@example.com", "other@example.com")
CLOCK = ("00:00", "06:00", "07:59", "08:00", "09:30", "12:00", "17:00", "21:00", "22:00", "24:00")
CONSENT_KINDS = ("tcpa_prior_express", "call_frequency", "email", "sms", "social_media")
OUTCOMES = (
    "conversation",
    "no_answer",
    "voicemail",
    "busy",
    "not_connected",
    "delivered",
    "failed",
)


def places(engine: Engine) -> list[dict[str, Any]]:
    """A location in each jurisdiction with a ruleset: the sample ZIP codes, every other state
    by its code alone (all the zones it spans), New York City by its borough."""
    found: list[dict[str, Any]] = [
        {"country": "US", "state": state, "postal_code": zip_code}
        for state, zip_code, _ in SAMPLE_PLACES
    ]
    found += [
        {"country": "US", "state": code.removeprefix("US-")}
        for code in engine.jurisdictions
        if code.count("-") == 1 and code != "US-NY-NYC"
    ]
    found.append({"country": "US", "state": "NY", "city": "Brooklyn"})
    found.append({"country": "US", "state": "TX", "time_zone": "America/Chicago"})
    return found


def engines(grace: int) -> tuple[Engine, Engine]:
    return (
        Engine.load(tcpa_revocation_grace_business_days=grace),
        Engine.load(tcpa_revocation_grace_business_days=grace, backend="durable"),
    )


ENGINES = {0: engines(0), 10: engines(10)}
PLACES = places(ENGINES[0][0])
# Synthetic rules using every parameter of every kind, which the bundled rulesets do not.
EVERY_PARAMETER = pathlib.Path(__file__).parent.parent / "backends" / "every_parameter.yaml"
SYNTHETIC = {
    grace: (
        Engine.from_paths(EVERY_PARAMETER, tcpa_revocation_grace_business_days=grace),
        Engine.from_paths(
            EVERY_PARAMETER, tcpa_revocation_grace_business_days=grace, backend="durable"
        ),
    )
    for grace in (0, 5)
}


def outline(decision: Decision) -> dict[str, Any]:
    """What must be equal: the decision without messages (each engine words its own)."""
    return {
        "allowed": decision.allowed,
        "violations": [v.rule_id for v in decision.violations],
        "warnings": [w.rule_id for w in decision.warnings],
        "next_allowed_at": decision.next_allowed_at,
        "trace": [(entry.rule_id, entry.outcome) for entry in decision.evaluated],
    }


# ---------------------------------------------------------------------------------- requests
def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def dated(draw: st.DrawFn, at: dt.datetime) -> str:
    """An instant mostly in the days before ``at``, sometimes long before, sometimes after."""
    back = draw(
        st.one_of(
            st.integers(0, 10 * 1440),
            st.integers(0, 400 * 1440),
            st.integers(-3 * 1440, -1),
        )
    )
    return (at - dt.timedelta(minutes=back)).isoformat()


@st.composite
def burst(draw: st.DrawFn, at: dt.datetime, phone: str) -> list[dict[str, Any]]:
    """Up to ten contacts of one kind (channel, direction, debt, number) within a few days
    before ``at``: the histories that fill caps and start cooldowns."""
    days = draw(st.sampled_from([1, 3, 7, 8, 31]))
    kind = {
        "type": "contact",
        "channel": draw(st.sampled_from(["call"] * 3 + ["sms", "email", "letter", "in_person"])),
        "direction": draw(st.sampled_from(["outbound"] * 3 + ["inbound"])),
        "debt_id": draw(st.sampled_from(["D1", "D1", "D2", None])),
        "phone": draw(st.sampled_from([phone, phone, PHONES[0]])),
        "email": draw(st.sampled_from(EMAILS)),
        "recipient": draw(st.sampled_from(["consumer"] * 3 + ["third_party"])),
        "place": draw(maybe(st.sampled_from(["home", "work"]))),
        "account_id": draw(maybe(st.just("A1"))),
        "technology": draw(maybe(st.sampled_from(["manual", "prerecorded"]))),
    }
    outcome = draw(st.sampled_from(OUTCOMES))
    size = draw(st.integers(0, 10))
    return [
        {
            **kind,
            "at": (at - dt.timedelta(minutes=draw(st.integers(0, days * 1440)))).isoformat(),
            "outcome": draw(st.sampled_from([outcome] * 3 + ["conversation"])),
        }
        for _ in range(size)
    ]


def debt_ids() -> st.SearchStrategy[list[str] | None]:
    return maybe(st.sampled_from([["D1"], ["D2"], ["D1", "D2"]]))


def event(at: dt.datetime, phone: str) -> st.SearchStrategy[dict[str, Any]]:
    when = dated(at)
    phones = maybe(st.sampled_from([phone, *PHONES]))
    emails = maybe(st.sampled_from(EMAILS))
    day = st.dates(at.date() - dt.timedelta(days=400), at.date() + dt.timedelta(days=30))
    return st.one_of(
        st.fixed_dictionaries(
            {
                "type": st.just("contact"),
                "at": when,
                "channel": st.sampled_from(CHANNELS),
                "direction": st.sampled_from(["outbound", "inbound"]),
                "outcome": st.sampled_from(OUTCOMES),
                "debt_id": maybe(st.sampled_from(["D1", "D2"])),
                "phone": phones,
                "email": emails,
                "technology": maybe(st.sampled_from(["manual", "autodialer", "prerecorded"])),
                "recipient": st.sampled_from(["consumer", "third_party", "attorney"]),
                "phone_type": maybe(st.sampled_from(["wireless", "landline", "unknown"])),
                "place": maybe(st.sampled_from(["home", "work", "other"])),
                "account_id": maybe(st.just("A1")),
                "seeks_consent": maybe(st.booleans()),
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.sampled_from(["cease_request", "refusal_to_pay"]),
                "at": when,
                "written": st.booleans(),
                "debt_ids": debt_ids(),
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("opt_out"),
                "at": when,
                "channel": st.sampled_from(CHANNELS),
                "address": maybe(st.sampled_from([phone, PHONES[0], *EMAILS])),
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("inconvenient_time"),
                "at": when,
                "days": st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True),
                "from": st.sampled_from(CLOCK[:-1]),
                "to": st.sampled_from(CLOCK[1:]),
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("inconvenient_place"),
                "at": when,
                "place": st.sampled_from(["home", "work", "other"]),
            }
        ),
        st.fixed_dictionaries(
            {"type": st.just("no_work_contact"), "at": when, "written": maybe(st.booleans())}
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("attorney_representation"),
                "at": when,
                "debt_ids": debt_ids(),
                "ended_at": maybe(dated(at + dt.timedelta(days=5))),
            }
        ),
        st.fixed_dictionaries(
            {"type": st.just("bankruptcy"), "at": when, "filed": day, "closed": maybe(day)}
        ),
        st.fixed_dictionaries({"type": st.just("deceased"), "at": when}),
        st.fixed_dictionaries(
            {
                "type": st.just("dispute"),
                "at": when,
                "debt_id": maybe(st.sampled_from(["D1", "D2"])),
                "written": st.booleans(),
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("verification_sent"),
                "at": when,
                "debt_id": maybe(st.sampled_from(["D1", "D2"])),
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("consent"),
                "at": when,
                "kind": st.sampled_from(CONSENT_KINDS),
                "phone": phones,
                "email": emails,
                "debt_ids": debt_ids(),
            }
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("consent_revoked"),
                "at": when,
                "kind": st.sampled_from(CONSENT_KINDS),
                "phone": phones,
                "email": emails,
            }
        ),
    )


@st.composite
def moments(draw: st.DrawFn) -> str:
    """An instant with an offset, mostly under current law (``instants()`` leans to its start,
    2020, before Regulation F), at any minute of the year."""
    year = draw(st.sampled_from([2026, 2025, 2024, 2022, 2027, 2020]))
    utc = dt.datetime(year, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
        days=draw(st.integers(0, 364)), minutes=draw(st.integers(0, 1439))
    )
    offset = dt.timezone(dt.timedelta(hours=draw(st.sampled_from([0, -4, -5, -7, -10, 1]))))
    return utc.astimezone(offset).isoformat()


@st.composite
def differential_requests(draw: st.DrawFn) -> dict[str, Any]:
    """A valid request exercising every event type and contact fact the rulesets test."""
    at_text = draw(moments())
    at = dt.datetime.fromisoformat(at_text)
    channel = draw(st.sampled_from(["call", "call", *CHANNELS]))
    phone = draw(st.sampled_from(PHONES))
    contact: dict[str, Any] = {
        "channel": channel,
        "at": at_text,
        "debt_id": "D1",
        # Weighted towards what most rules govern: a collector collecting from the consumer.
        "recipient": draw(st.sampled_from(["consumer"] * 4 + ["third_party", "attorney"])),
        "purpose": draw(
            st.sampled_from(["collection"] * 4 + ["cease_acknowledgement", "remedy_notice"])
        ),
        "place": draw(maybe(st.sampled_from(["home", "work", "other"]))),
        "estate_representative": draw(maybe(st.booleans())),
        "seeks_consent": draw(maybe(st.booleans())),
    }
    if channel in ("call", "sms"):
        contact["phone"] = phone
        contact["phone_type"] = draw(st.sampled_from(["wireless", "landline", "voip", "unknown"]))
        contact["technology"] = draw(
            st.sampled_from([None, "manual", "manual", "autodialer", "prerecorded"])
        )
    if channel == "email":
        contact["email"] = draw(maybe(st.sampled_from(EMAILS)))
        contact["email_kind"] = draw(st.sampled_from(["personal", "work", "unknown"]))
    if channel == "social_media":
        contact["visibility"] = draw(maybe(st.sampled_from(["private", "public"])))
    return {
        "contact": contact,
        "collector": {"role": draw(st.sampled_from(["third_party"] * 3 + ["first_party"]))},
        "debt": {
            "id": "D1",
            "purpose": draw(st.sampled_from(["consumer"] * 4 + ["business"])),
            "type": draw(st.sampled_from(["credit_card", "medical", "student_loan", "other"])),
            "account_id": draw(maybe(st.just("A1"))),
        },
        "consumer": {
            "id": "C1",
            "locations": draw(
                st.lists(st.sampled_from(PLACES), min_size=1, max_size=2, unique_by=str)
            ),
        },
        "events": draw(st.lists(event(at, phone), max_size=6))
        + draw(burst(at, phone))
        + draw(burst(at, phone)),
    }


# ---------------------------------------------------------------------------------- tests
@given(differential_requests(), st.sampled_from(sorted(ENGINES)))
def test_native_and_durable_engines_decide_alike(request: dict[str, Any], grace: int) -> None:
    """The durable_rules engine, an independent implementation of every rule kind, reaches the
    native engine's decision on the bundled rulesets: a disagreement is a bug in one of them."""
    native, durable = ENGINES[grace]
    assert outline(durable.evaluate(request)) == outline(native.evaluate(request))


# Found by this test: the durable backend's time-window retry was each zone's next opening,
# not the zones' common one, so its search ran out of steps where the native search did not.
@example(
    request={
        "contact": {
            "channel": "call",
            "at": "2025-02-26T00:00:00+00:00",
            "debt_id": "D1",
            "phone": "+16175550142",
            "phone_type": "wireless",
        },
        "collector": {"role": "third_party"},
        "debt": {"id": "D1", "purpose": "consumer", "type": "credit_card"},
        "consumer": {
            "id": "C1",
            "locations": [
                {"country": "US", "state": "MA", "postal_code": "02139"},
                {"country": "US", "state": "TX", "time_zone": "America/Chicago"},
            ],
        },
        "events": [],
    },
    grace=0,
)
@given(differential_requests(), st.sampled_from(sorted(SYNTHETIC)))
def test_engines_agree_on_every_kind_parameter(request: dict[str, Any], grace: int) -> None:
    """The same on synthetic rules that use every parameter of every rule kind (holiday
    closures, fixed zones, rolling periods, blocks that lapse or start late, replies, consent
    windows, waivers, grace periods, counts per phone, address or account)."""
    native, durable = SYNTHETIC[grace]
    assert outline(durable.evaluate(request)) == outline(native.evaluate(request))
