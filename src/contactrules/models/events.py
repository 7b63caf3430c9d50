"""Dated events: everything the engine knows about the past, each with its own instant ``at``.

The engine evaluates a contact as of ``contact.at``; an event whose ``at`` is later is ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.models.fields import ClockTime, PhoneNumber, UtcDatetime
from contactrules.models.vocabulary import (
    Channel,
    ConsentKind,
    Direction,
    Outcome,
    PhoneType,
    Place,
    Recipient,
    Technology,
    Weekday,
)


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    at: UtcDatetime


class ContactEvent(_Event):
    """A past contact or attempt, outbound or inbound: history for frequency and cooldown rules."""

    type: Literal["contact"] = "contact"
    channel: Channel
    direction: Direction
    outcome: Outcome
    debt_id: str | None = None
    phone: PhoneNumber | None = None
    email: str | None = None
    technology: Technology | None = None
    recipient: Recipient = "consumer"
    phone_type: PhoneType | None = None
    place: Place | None = None
    account_id: str | None = None
    seeks_consent: bool | None = None


class CeaseRequest(_Event):
    """The consumer asked that communication stop (FDCPA 1692c(c) when written)."""

    type: Literal["cease_request"] = "cease_request"
    written: bool
    debt_ids: list[str] | None = None


class RefusalToPay(_Event):
    """The consumer refused to pay; in writing it has a cease request's effect (1692c(c))."""

    type: Literal["refusal_to_pay"] = "refusal_to_pay"
    written: bool
    debt_ids: list[str] | None = None


class OptOut(_Event):
    """Stop using a medium, or one address of it (Reg F 1006.14(h), 1006.6(e))."""

    type: Literal["opt_out"] = "opt_out"
    channel: Channel
    address: str | None = None


class InconvenientTime(_Event):
    """The consumer said these local times are inconvenient (Reg F 1006.6(b)(1)(i))."""

    type: Literal["inconvenient_time"] = "inconvenient_time"
    days: list[Weekday] = Field(min_length=1)
    from_: ClockTime = Field(alias="from")
    to: ClockTime


class InconvenientPlace(_Event):
    """The consumer said this place is inconvenient (Reg F 1006.6(b)(1)(ii))."""

    type: Literal["inconvenient_place"] = "inconvenient_place"
    place: Place


class NoWorkContact(_Event):
    """The consumer said the employer prohibits contact at work (1692c(a)(3))."""

    type: Literal["no_work_contact"] = "no_work_contact"
    written: bool | None = None


class AttorneyRepresentation(_Event):
    """The consumer is represented by an attorney for these debts (1692c(a)(2))."""

    type: Literal["attorney_representation"] = "attorney_representation"
    debt_ids: list[str] | None = None
    ended_at: UtcDatetime | None = None


class Bankruptcy(_Event):
    """A bankruptcy case: the automatic stay runs from ``filed`` to ``closed`` (11 U.S.C. 362)."""

    type: Literal["bankruptcy"] = "bankruptcy"
    filed: dt.date
    closed: dt.date | None = None


class Deceased(_Event):
    """The consumer died; only the estate's representative may be reached."""

    type: Literal["deceased"] = "deceased"


class Dispute(_Event):
    """A dispute of a debt; written disputes in the validation period suspend collection."""

    type: Literal["dispute"] = "dispute"
    debt_id: str | None = None
    written: bool


class VerificationSent(_Event):
    """Verification of a disputed debt was sent; it ends the dispute's suspension."""

    type: Literal["verification_sent"] = "verification_sent"
    debt_id: str | None = None


class Consent(_Event):
    """Consent given, for a number or an email address, optionally limited to some debts."""

    type: Literal["consent"] = "consent"
    kind: ConsentKind
    phone: PhoneNumber | None = None
    email: str | None = None
    debt_ids: list[str] | None = None


class ConsentRevoked(_Event):
    """Consent withdrawn by any reasonable means (47 CFR 64.1200(a)(10))."""

    type: Literal["consent_revoked"] = "consent_revoked"
    kind: ConsentKind
    phone: PhoneNumber | None = None
    email: str | None = None


Event = Annotated[
    ContactEvent
    | CeaseRequest
    | RefusalToPay
    | OptOut
    | InconvenientTime
    | InconvenientPlace
    | NoWorkContact
    | AttorneyRepresentation
    | Bankruptcy
    | Deceased
    | Dispute
    | VerificationSent
    | Consent
    | ConsentRevoked,
    Field(discriminator="type"),
]
