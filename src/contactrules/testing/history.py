"""Dated events of every type of the contract, before (and, on request, after) ``contact.at``.

Each strategy takes the contact's instant and a ``Subject``: the debt and the addresses the
proposed contact uses, and others that it does not, so that a history mixes events that concern
the contact (the same debt, the dialed number) with events that do not.

Internally events are drawn as templates whose instants are relative to ``contact.at`` and whose
debts and addresses are references into the subject; the templates' strategies are built once
and filled in per request, which keeps generation fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from hypothesis import strategies as st

from contactrules.models.vocabulary import (
    CHANNELS,
    EVENT_TYPES,
    WEEKDAYS,
    ConsentKind,
    EventType,
)
from contactrules.testing.moments import offsets, render

OUTCOMES = (
    "conversation",
    "no_answer",
    "voicemail",
    "busy",
    "not_connected",
    "delivered",
    "failed",
)
TECHNOLOGIES = ("manual", "autodialer", "prerecorded", "artificial_voice", "voicemail_drop")
RECIPIENTS = ("consumer", "third_party", "attorney")
PHONE_TYPES = ("wireless", "landline", "voip", "unknown")
PLACES = ("home", "work", "other")
CONSENT_KINDS: tuple[ConsentKind, ...] = ("tcpa_prior_express", "call_frequency", "email", "sms")
MINUTES_PER_DAY = 24 * 60
# Events that stop a debt collector's collection contact: what ``block_events`` draws.
BLOCK_TYPES: tuple[EventType, ...] = (
    "cease_request",
    "refusal_to_pay",
    "bankruptcy",
    "attorney_representation",
    "opt_out",
)


@dataclass(frozen=True, slots=True)
class Subject:
    """What a history's events may concern. The first phone and email are the contact's own."""

    debt_id: str = "D1"
    other_debt_ids: tuple[str, ...] = ("D2",)
    phones: tuple[str, ...] = ("+16175550142", "+12125550199")
    emails: tuple[str, ...] = ("pat@example.com", "pat.lee@employer.example")

    @property
    def debts(self) -> tuple[str, ...]:
        return (self.debt_id, *self.other_debt_ids)


# ---------------------------------------------------------------- templates


@dataclass(frozen=True, slots=True)
class _Rel:
    """An instant ``minutes`` after the contact (negative: before), written at ``offset``."""

    minutes: int
    offset: float


@dataclass(frozen=True, slots=True)
class _Day:
    """A date ``days`` after the contact's UTC date."""

    days: int


@dataclass(frozen=True, slots=True)
class _Ref:
    """The ``index``-th debt, phone or email of the subject (0: the contact's own)."""

    what: str
    index: int


def _fill(value: Any, at: dt.datetime, subject: Subject) -> Any:
    if isinstance(value, _Rel):
        return render(at + dt.timedelta(minutes=value.minutes), value.offset)
    if isinstance(value, _Day):
        return (at.astimezone(dt.UTC).date() + dt.timedelta(days=value.days)).isoformat()
    if isinstance(value, _Ref):
        pool = {"debt": subject.debts, "phone": subject.phones, "email": subject.emails}
        items = pool[value.what]
        return items[value.index % len(items)]
    if isinstance(value, dict):
        return {k: _fill(v, at, subject) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, at, subject) for v in value]
    return value


def _materialise(template: Any, at: str | dt.datetime, subject: Subject) -> Any:
    return _fill(template, _instant(at), subject)


def _instant(at: str | dt.datetime) -> dt.datetime:
    return dt.datetime.fromisoformat(at) if isinstance(at, str) else at


def _rel_times(after: bool, max_days: int = 60) -> st.SearchStrategy[_Rel]:
    back = st.one_of(
        st.integers(0, 8 * MINUTES_PER_DAY),
        st.integers(0, max_days * MINUTES_PER_DAY),
        st.just(0),
    ).map(lambda m: -m)
    deltas = st.one_of(back, st.integers(1, 30 * MINUTES_PER_DAY)) if after else back
    return st.builds(_Rel, deltas, offsets())


def _refs(what: str, count: int = 2) -> st.SearchStrategy[_Ref]:
    return st.integers(0, count - 1).map(partial(_Ref, what))


def _debt_ids() -> st.SearchStrategy[list[_Ref] | None]:
    return st.one_of(st.none(), st.lists(_refs("debt"), min_size=1, max_size=2, unique=True))


def _one_debt() -> st.SearchStrategy[_Ref | None]:
    return st.one_of(st.none(), _refs("debt"))


def _clock() -> st.SearchStrategy[str]:
    minutes = st.one_of(
        st.sampled_from([0, 8 * 60, 9 * 60, 12 * 60, 17 * 60, 21 * 60, 22 * 60]),
        st.integers(0, 24 * 60 - 1).map(lambda m: m - m % 15),
    )
    return minutes.map(lambda m: f"{m // 60:02d}:{m % 60:02d}")


def _optional(values: Sequence[str]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(list(values)))


def _contact_fields(channel: str) -> dict[str, st.SearchStrategy[Any]]:
    if channel in ("call", "sms"):
        return {
            "phone": _refs("phone"),
            "technology": _optional(TECHNOLOGIES),
            "phone_type": _optional(PHONE_TYPES),
        }
    if channel == "email":
        return {"email": _refs("email")}
    return {}


@lru_cache(maxsize=64)
def _contact_template(after: bool, channels: tuple[str, ...]) -> st.SearchStrategy[Any]:
    def for_channel(channel: str) -> st.SearchStrategy[Any]:
        return st.fixed_dictionaries(
            {
                "type": st.just("contact"),
                "at": _rel_times(after),
                "channel": st.just(channel),
                "direction": st.sampled_from(["outbound", "outbound", "inbound"]),
                "outcome": st.sampled_from(OUTCOMES),
                "debt_id": st.one_of(st.just(_Ref("debt", 0)), _one_debt()),
                "recipient": st.sampled_from(["consumer", "consumer", *RECIPIENTS]),
                "place": _optional(PLACES),
                **_contact_fields(channel),
            }
        )

    return st.one_of([for_channel(c) for c in channels])


@st.composite
def _burst_template(draw: st.DrawFn, channel: str) -> list[dict[str, Any]]:
    # Weighted to the edges of the caps in force: two or three (states), seven or eight (Reg F).
    count = draw(st.sampled_from([1, 2, 2, 3, 3, 4, 5, 6, 7, 7, 7, 8, 8, 9]))
    spacing = draw(st.sampled_from([MINUTES_PER_DAY, MINUTES_PER_DAY, 180, 17]))
    first_gap = draw(st.one_of(st.integers(1, 600), st.integers(1, 3 * MINUTES_PER_DAY)))
    outcome = draw(st.sampled_from(["no_answer", "voicemail", "conversation", "delivered", "busy"]))
    address = {"call": "phone", "sms": "phone", "email": "email"}.get(channel)
    burst = []
    for index in range(count):
        event: dict[str, Any] = {
            "type": "contact",
            "at": _Rel(-(first_gap + index * spacing), draw(offsets())),
            "channel": channel,
            "direction": "outbound",
            "outcome": outcome,
            "debt_id": _Ref("debt", 0),
        }
        if address:
            event[address] = _Ref(address, 0)
        burst.append(event)
    return burst


def _simple(
    event_type: str, after: bool, **fields: st.SearchStrategy[Any]
) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({"type": st.just(event_type), "at": _rel_times(after), **fields})


def _opt_out_template(after: bool) -> st.SearchStrategy[Any]:
    def for_channel(channel: str) -> st.SearchStrategy[Any]:
        what = {"call": "phone", "sms": "phone", "email": "email"}.get(channel)
        address = st.one_of(st.none(), _refs(what)) if what else st.none()
        return _simple("opt_out", after, channel=st.just(channel), address=address)

    return st.one_of([for_channel(c) for c in CHANNELS])


def _consent_template(after: bool, revoked: bool) -> st.SearchStrategy[Any]:
    def for_kind(kind: str) -> st.SearchStrategy[Any]:
        phone = st.fixed_dictionaries({"phone": _refs("phone")})
        email = st.fixed_dictionaries({"email": _refs("email")})
        address = (
            st.one_of(email, st.just({}))
            if kind == "email"
            else st.one_of(phone, email, st.just({}))
        )
        fields: dict[str, st.SearchStrategy[Any]] = {"kind": st.just(kind)}
        if not revoked:
            fields["debt_ids"] = _debt_ids()
        base = _simple("consent_revoked" if revoked else "consent", after, **fields)
        return st.builds(lambda b, a: {**b, **a}, base, address)

    return st.one_of([for_kind(k) for k in CONSENT_KINDS])


def _bankruptcy_template(after: bool) -> st.SearchStrategy[Any]:
    @st.composite
    def draw_one(draw: st.DrawFn) -> dict[str, Any]:
        filed = draw(st.integers(-800, 10))
        closed = draw(st.one_of(st.none(), st.integers(0, 900)))
        return {
            "type": "bankruptcy",
            "at": draw(_rel_times(after)),
            "filed": _Day(filed),
            "closed": None if closed is None else _Day(filed + closed),
        }

    return draw_one()


@lru_cache(maxsize=256)
def _template(event_type: EventType, after: bool) -> st.SearchStrategy[Any]:
    written = st.booleans()
    if event_type == "contact":
        return _contact_template(after, CHANNELS)
    if event_type in ("cease_request", "refusal_to_pay"):
        return _simple(event_type, after, written=written, debt_ids=_debt_ids())
    if event_type == "opt_out":
        return _opt_out_template(after)
    if event_type == "inconvenient_time":
        days = st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True)
        return _simple(event_type, after, days=days, **{"from": _clock(), "to": _clock()})
    if event_type == "inconvenient_place":
        return _simple(event_type, after, place=st.sampled_from(PLACES))
    if event_type == "no_work_contact":
        return _simple(event_type, after, written=st.one_of(st.none(), written))
    if event_type == "attorney_representation":
        return _simple(
            event_type,
            after,
            debt_ids=_debt_ids(),
            ended_at=st.one_of(st.none(), _rel_times(after=True)),
        )
    if event_type == "bankruptcy":
        return _bankruptcy_template(after)
    if event_type == "deceased":
        return _simple(event_type, after)
    if event_type == "dispute":
        return _simple(event_type, after, debt_id=_one_debt(), written=written)
    if event_type == "verification_sent":
        return _simple(event_type, after, debt_id=_one_debt())
    if event_type in ("consent", "consent_revoked"):
        return _consent_template(after, revoked=event_type == "consent_revoked")
    raise ValueError(f"unknown event type {event_type!r}")


@lru_cache(maxsize=64)
def _any_template(types: tuple[EventType, ...], after: bool) -> st.SearchStrategy[Any]:
    return st.one_of([_template(t, after) for t in types])


@lru_cache(maxsize=64)
def _history_template(
    types: tuple[EventType, ...], max_events: int, after: bool, channel: str
) -> st.SearchStrategy[list[Any]]:
    parts: list[st.SearchStrategy[list[Any]]] = []
    if "contact" in types:
        parts.append(st.one_of(st.just([]), _burst_template(channel)))
        parts.append(st.lists(_template("contact", after), max_size=max_events // 2))
    others = tuple(t for t in types if t != "contact")
    if others:
        parts.append(st.lists(_any_template(others, after), max_size=max_events // 2))
    joined = st.tuples(*parts).map(lambda lists: [e for part in lists for e in part])
    return joined.flatmap(st.permutations)


@lru_cache(maxsize=64)
def _block_template(channel: str, types: tuple[EventType, ...]) -> st.SearchStrategy[Any]:
    debt_ids = st.sampled_from([None, [_Ref("debt", 0)], [_Ref("debt", 0), "D9"]])
    what = {"call": "phone", "sms": "phone", "email": "email"}.get(channel)
    address = st.sampled_from([None, _Ref(what, 0)]) if what else st.none()
    written = st.just(True)
    builders: dict[str, st.SearchStrategy[Any]] = {
        "cease_request": _simple("cease_request", False, written=written, debt_ids=debt_ids),
        "refusal_to_pay": _simple("refusal_to_pay", False, written=written, debt_ids=debt_ids),
        "bankruptcy": _simple(
            "bankruptcy",
            False,
            filed=st.integers(-800, -1).map(_Day),
            closed=st.one_of(st.none(), st.integers(2, 900).map(_Day)),
        ),
        "attorney_representation": _simple(
            "attorney_representation",
            False,
            debt_ids=debt_ids,
            ended_at=st.one_of(
                st.none(), st.integers(1, 30 * MINUTES_PER_DAY).map(lambda m: _Rel(m, 0))
            ),
        ),
        "opt_out": _simple("opt_out", False, channel=st.just(channel), address=address),
    }
    unknown = set(types) - set(builders)
    if unknown:
        raise ValueError(f"not a blocking event type: {sorted(unknown)}")
    return st.one_of([builders[t] for t in types])


# ---------------------------------------------------------------- public strategies


def event_times(
    at: str | dt.datetime, *, after: bool = False, max_days: int = 60
) -> st.SearchStrategy[str]:
    """Instants up to ``max_days`` before ``at`` (most in its last eight days, some exactly at
    it) and, when ``after``, some later than it, each written with its own UTC offset."""
    return _rel_times(after, max_days).map(partial(_materialise, at=at, subject=Subject()))


def contact_events(
    at: str | dt.datetime,
    subject: Subject = Subject(),
    *,
    after: bool = False,
    channels: Sequence[str] = CHANNELS,
) -> st.SearchStrategy[dict[str, Any]]:
    """A past contact or attempt: any channel, direction, outcome, recipient and technology,
    about the subject's debt, another debt or none recorded, through its addresses or others."""
    return _contact_template(after, tuple(channels)).map(
        partial(_materialise, at=at, subject=subject)
    )


def call_bursts(
    at: str | dt.datetime, subject: Subject = Subject(), channel: str = "call"
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """One to nine outbound contacts through the subject's first address about its debt, on
    consecutive days or hours before ``at``: histories that reach caps and cooldowns exactly."""
    return _burst_template(channel).map(partial(_materialise, at=at, subject=subject))


def events_of_type(
    event_type: EventType,
    at: str | dt.datetime,
    subject: Subject = Subject(),
    *,
    after: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """One event of ``event_type`` (any type of the contract) dated around ``at``."""
    return _template(event_type, after).map(partial(_materialise, at=at, subject=subject))


def events(
    at: str | dt.datetime,
    subject: Subject = Subject(),
    *,
    types: Sequence[EventType] = EVENT_TYPES,
    after: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """One event of any of ``types`` (every event type of the contract by default)."""
    return _any_template(tuple(types), after).map(partial(_materialise, at=at, subject=subject))


def histories(
    at: str | dt.datetime,
    subject: Subject = Subject(),
    *,
    types: Sequence[EventType] = EVENT_TYPES,
    max_events: int = 12,
    after: bool = False,
    channel: str = "call",
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """A shuffled history: now and then a burst of contacts through ``channel`` (to reach caps),
    past contacts, and events of the other ``types``; with ``after``, some dated after ``at``."""
    template = _history_template(tuple(types), max_events, after, channel)
    return template.map(partial(_materialise, at=at, subject=subject))


def block_events(
    at: str | dt.datetime,
    subject: Subject = Subject(),
    *,
    channel: str = "call",
    types: Sequence[EventType] = BLOCK_TYPES,
) -> st.SearchStrategy[dict[str, Any]]:
    """One event, known at ``at``, that stops a debt collector's collection contact about the
    subject's debt through ``channel``: a written cease request or refusal to pay naming it (or
    every debt), an open bankruptcy filed by then, attorney representation for it that has not
    ended, or an opt-out from the medium (the whole medium or the contact's own address); only
    ``types`` of these (``BLOCK_TYPES``) are drawn. A bankruptcy may have closed dates and
    representation an end: both are after ``at``."""
    return _block_template(channel, tuple(types)).map(partial(_materialise, at=at, subject=subject))
