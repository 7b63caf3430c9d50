"""EventBlockRule: a dated event stops contacts until it ends, or for good.

One general kind serves every "this fact forbids contact" rule: a written cease request or refusal
to pay (FDCPA 15 U.S.C. 1692c(c), Reg F 12 CFR 1006.6(c)), a request to stop using a medium or one
address (1006.14(h), 1006.6(e)), attorney representation for the debt (1692c(a)(2), 1006.6(b)(2)),
the bankruptcy automatic stay (11 U.S.C. 362(a)(6)), and state-law variants (oral cease requests).
Which events, which of their fields must hold, whether the event must concern the same debt,
channel or address, and which field ends the block are parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from contactrules.context import Context, Moment, local_midnight
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.matching import covers_debt
from contactrules.models import events as event_models
from contactrules.models.request import Contact
from contactrules.models.vocabulary import Channel, EventType, PhoneType

EVENT_MODELS: dict[str, type[BaseModel]] = {
    "contact": event_models.ContactEvent,
    "cease_request": event_models.CeaseRequest,
    "refusal_to_pay": event_models.RefusalToPay,
    "opt_out": event_models.OptOut,
    "inconvenient_time": event_models.InconvenientTime,
    "inconvenient_place": event_models.InconvenientPlace,
    "no_work_contact": event_models.NoWorkContact,
    "attorney_representation": event_models.AttorneyRepresentation,
    "bankruptcy": event_models.Bankruptcy,
    "deceased": event_models.Deceased,
    "dispute": event_models.Dispute,
    "verification_sent": event_models.VerificationSent,
    "consent": event_models.Consent,
    "consent_revoked": event_models.ConsentRevoked,
}


class PlaceBoundMedia(BaseModel):
    """Media tied to a place (Reg F comment 6(b)(1)(ii)-1: a mailing address, a landline), as
    opposed to media that follow the person (email, a mobile phone). A contact through one of them
    whose place is not given may reach the designated place, so it is treated as reaching it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    channels: list[Channel] = Field(default_factory=list, description="e.g. letter, in_person")
    call_phone_types: list[PhoneType] = Field(
        default_factory=list,
        description="Calls to these phone types (an unknown phone type matches), e.g. landline",
    )

    def compile(self) -> Callable[[Contact], bool]:
        channels = frozenset(self.channels)
        phone_types = frozenset(self.call_phone_types)

        def tied(contact: Contact) -> bool:
            if contact.channel in channels:
                return True
            return (
                contact.channel == "call"
                and bool(phone_types)
                and (contact.phone_type in phone_types or contact.phone_type in (None, "unknown"))
            )

        return tied


class EventBlockParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    events: list[EventType] = Field(min_length=1, description="Event types that block")
    where: dict[str, bool | str] = Field(
        default_factory=dict,
        description="Event fields that must equal these values (written: true)",
    )
    per_debt: bool = Field(False, description="The event must concern the contact's debt")
    same_channel: bool = Field(False, description="The event's channel must be the contact's")
    same_place: bool = Field(False, description="The event's place must be the contact's place")
    place_bound: PlaceBoundMedia | None = Field(
        None,
        description="With same_place: media whose unknown place counts as the event's place",
    )
    same_address: bool = Field(
        False, description="The event's address, when it names one, must be the contact's"
    )
    starts_field: str | None = Field(
        None, description="A date field from whose local start the block runs (bankruptcy 'filed')"
    )
    ends_field: str | None = Field(
        None, description="A date (inclusive) or datetime field that ends the block"
    )
    lasts_days: int | None = Field(
        None,
        ge=1,
        description="The block ends after this many local calendar days following the event's day",
    )
    lifted_by: list[EventType] = Field(
        default_factory=list, description="Later events (same debt when per_debt) that end it"
    )
    one_reply_to_inbound: bool = Field(
        False,
        description=(
            "When the person's latest contact came in through the contact's medium after the "
            "event (from the blocked address or place), one reply through that medium is allowed"
        ),
    )
    message: str = Field("{event} on {date}", description="Uses {event} and {date}")

    @model_validator(mode="after")
    def _fields_exist(self) -> EventBlockParams:
        named = [*self.where, *(f for f in (self.starts_field, self.ends_field) if f)]
        for event_type in self.events:
            fields = EVENT_MODELS[event_type].model_fields
            missing = [name for name in named if name not in fields]
            for flag, name in (
                ("same_channel", "channel"),
                ("same_address", "address"),
                ("same_place", "place"),
            ):
                if getattr(self, flag) and name not in fields:
                    missing.append(name)
            if missing:
                raise ValueError(f"event type {event_type!r} has no field(s) {', '.join(missing)}")
        return self


class EventBlockRule(RuleBase):
    """Denies every governed contact while a matching event is in effect."""

    kind: Literal["event_block"]
    params: EventBlockParams

    def needs_events(self) -> frozenset[str]:
        return frozenset(self.params.events)

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        p = self.params
        where = tuple(p.where.items())
        tied_to_place = p.place_bound.compile() if p.place_bound else (lambda contact: False)

        def matches(event: Any, ctx: Context) -> bool:
            if any(getattr(event, name) != value for name, value in where):
                return False
            contact = ctx.request.contact
            if p.per_debt and not covers_debt(event, contact.debt_id):
                return False
            if p.same_channel and event.channel != contact.channel:
                return False
            # Place-bound rules bind when the collector knows the contact reaches that place, or
            # its medium is tied to a place that is not given (Reg F comment 6(b)(1)(ii)-1:
            # email or a mobile call is not tied to a place; mail and a landline are).
            if (
                p.same_place
                and event.place != contact.place
                and (contact.place is not None or not tied_to_place(contact))
            ):
                return False
            if p.same_address and event.address is not None:
                address = ctx.contact_address()
                if address is None or _normal(event.address) != _normal(address):
                    return False
            return not _lifted(event, ctx, p.lifted_by, p.per_debt)

        def in_effect(event: Any, moment: Moment) -> tuple[bool, dt.datetime | None]:
            """Whether the event blocks at ``moment``, and when it stops blocking (None: never)."""
            if p.starts_field:
                begins: dt.date = getattr(event, p.starts_field)
                if moment.last_day < begins:
                    return False, None
            ends = _as_instant(getattr(event, p.ends_field) if p.ends_field else None, moment)
            if p.lasts_days is not None:
                # Counted from the event's latest local day: the longer, stricter reading.
                first = max(
                    (event.at.astimezone(local.tzinfo).date() for local in moment.local),
                    default=event.at.date(),
                )
                lapse = _as_instant(first + dt.timedelta(days=p.lasts_days), moment)
                ends = lapse if ends is None or lapse is None else min(ends, lapse)
            if ends is None:
                return True, None
            return moment.utc < ends, ends

        memo_key = f"block:{self.id}:{self.effective.from_}"

        def blockers(ctx: Context) -> tuple[Any, ...]:
            """The events that block this contact at some instant; they depend on the request
            alone, so they are found once, not at every instant the search tests."""
            cached = ctx.memo.get(memo_key)
            if isinstance(cached, tuple):
                return cached
            found = tuple(
                event
                for event_type in p.events
                for event in ctx.events(event_type)
                if matches(event, ctx)
                and not (p.one_reply_to_inbound and _answers_inbound(event, ctx, p))
            )
            ctx.memo[memo_key] = found
            return found

        def check(ctx: Context, moment: Moment) -> Failure | None:
            blocking: list[tuple[Any, dt.datetime | None]] = []
            for event in blockers(ctx):
                active, until = in_effect(event, moment)
                if active:
                    blocking.append((event, until))
            if not blocking:
                return None
            first = blocking[0][0]
            message = p.message.format(
                event=first.type.replace("_", " "), date=f"{first.at:%Y-%m-%d}"
            )
            untils = [until for _, until in blocking]
            retry = None if any(u is None for u in untils) else max(u for u in untils if u)
            return Failure(message, retry)

        return check


def _as_instant(end: dt.date | None, moment: Moment) -> dt.datetime | None:
    """An end as an instant: a datetime itself, or a last day (inclusive) at its latest midnight."""
    if end is None or isinstance(end, dt.datetime):
        return end
    day_after = end + dt.timedelta(days=1)
    zones = [local.tzinfo for local in moment.local if local.tzinfo is not None] or [dt.UTC]
    return max(local_midnight(day_after, tz) for tz in zones)


def _answers_inbound(event: Any, ctx: Context, p: EventBlockParams) -> bool:
    """The contact is the single reply the law allows when the person initiates contact through a
    medium (or from a place) they asked the collector not to use: Reg F 1006.14(h)(2)(ii) and
    comment 6(b)(1)-2.ii. The person's latest contact must have come in after the event, through
    the contact's medium, from the blocked address or place, and nothing has been sent since."""
    contacts = ctx.events("contact")
    if not contacts:
        return False
    last = contacts[-1]
    contact = ctx.request.contact
    if last.direction != "inbound" or last.at <= event.at or last.channel != contact.channel:
        return False
    if p.same_place and last.place != event.place:
        return False
    if p.same_address and event.address is not None:
        came_from = last.phone if last.channel in ("call", "sms") else last.email
        return came_from is not None and _normal(came_from) == _normal(event.address)
    return True


def _lifted(event: Any, ctx: Context, lifted_by: Sequence[str], per_debt: bool) -> bool:
    debt = ctx.request.contact.debt_id
    for lift_type in lifted_by:
        for later in ctx.events(lift_type):
            if later.at > event.at and (not per_debt or covers_debt(later, debt)):
                return True
    return False


def _normal(address: str) -> str:
    text = address.strip().lower()
    if text.startswith("+"):
        return "+" + "".join(ch for ch in text if ch.isdigit())
    return text
