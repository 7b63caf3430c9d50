"""Event matching shared by the rule kinds: which past contacts count, and for which debt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context
from contactrules.models.events import ContactEvent
from contactrules.models.vocabulary import (
    Channel,
    Direction,
    Outcome,
    PhoneType,
    Place,
    Recipient,
    Technology,
)

# Rules that count or wait on past contacts need at least one to fail.
CONTACTS = frozenset({"contact"})

Per = Literal["debt", "account", "consumer", "phone", "address", "debt_and_address"]


class ContactFilter(BaseModel):
    """Which past contacts a cap or cooldown counts. An omitted (null) list matches every value.

    ``any_of`` adds an either/or: a contact must match every list given here *and* at least one
    of the sub-filters (each read as a whole filter). It serves laws that sort contacts by more
    than one fact at once, such as 940 CMR 7.04(1)(f)'s "residence, cellular telephone or other
    personal number" group: a wireless number at any place, or any number at home.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    channels: list[Channel] | None = None
    directions: list[Direction] | None = None
    outcomes: list[Outcome] | None = None
    technologies: list[Technology] | None = None
    recipients: list[Recipient] | None = None
    places: list[Place] | None = None
    phone_types: list[PhoneType] | None = None
    seeks_consent: list[bool] | None = None
    any_of: list[ContactFilter] | None = Field(
        default=None,
        min_length=1,
        description="Alternatives: a contact must also match at least one of these filters",
    )

    def compile(self) -> Callable[[ContactEvent], bool]:
        """A predicate over past contact events.

        An unrecorded technology, place, phone type or consent-seeking flag still counts, in
        ``any_of``'s sub-filters too: a missing fact never lets a past contact escape a cap.
        """
        matches = self._compile_lists()
        if self.any_of is None:
            return matches
        alternatives = tuple(sub.compile() for sub in self.any_of)

        def matches_one_alternative(e: ContactEvent) -> bool:
            return matches(e) and any(alternative(e) for alternative in alternatives)

        return matches_one_alternative

    def _compile_lists(self) -> Callable[[ContactEvent], bool]:
        channels, directions, outcomes, technologies, recipients, places, phone_types = (
            frozenset(values) if values is not None else None
            for values in (
                self.channels,
                self.directions,
                self.outcomes,
                self.technologies,
                self.recipients,
                self.places,
                self.phone_types,
            )
        )
        seeking = frozenset(self.seeks_consent) if self.seeks_consent is not None else None

        def matches(e: ContactEvent) -> bool:
            return (
                (channels is None or e.channel in channels)
                and (directions is None or e.direction in directions)
                and (outcomes is None or e.outcome in outcomes)
                and (technologies is None or e.technology is None or e.technology in technologies)
                and (recipients is None or e.recipient in recipients)
                and (places is None or e.place is None or e.place in places)
                and (
                    phone_types is None
                    or e.phone_type in (None, "unknown")
                    or e.phone_type in phone_types
                )
                and (seeking is None or e.seeks_consent is None or e.seeks_consent in seeking)
            )

        return matches


def covers_debt(event: Any, debt_id: str) -> bool:
    """Whether an event concerns ``debt_id``; a null ``debt_ids`` or ``debt_id`` means all debts."""
    if hasattr(event, "debt_ids"):
        ids = event.debt_ids
        return ids is None or debt_id in ids
    single = getattr(event, "debt_id", None)
    return single is None or single == debt_id


def same_target(event: ContactEvent, ctx: Context, per: Per) -> bool:
    """Whether a past contact falls in the same count as the proposed one."""
    if per == "consumer":
        return True
    if per == "debt":
        return event.debt_id is None or event.debt_id == ctx.request.contact.debt_id
    if per == "account":
        # Debts serviced under one account are one debt; without account ids, fall back to debts.
        account = ctx.request.debt.account_id
        if account is not None and event.account_id == account:
            return True
        return event.debt_id is None or event.debt_id == ctx.request.contact.debt_id
    if per == "debt_and_address":
        return same_target(event, ctx, "debt") and same_target(event, ctx, "address")
    address = ctx.contact_address()
    if per == "phone":
        return address is not None and event.phone == ctx.request.contact.phone
    past = event.phone if event.channel in ("call", "sms") else event.email
    return address is not None and past is not None and past.lower() == address.lower()


def fmt_local(moment: dt.datetime) -> str:
    return f"{moment:%a %Y-%m-%d %H:%M} {moment.tzname()}"
