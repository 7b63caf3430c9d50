"""The request: a proposed contact, static facts, and dated events (``shared/spec/contract.md``)."""

from __future__ import annotations

from typing import Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from contactrules.data import us_state_zones
from contactrules.models.events import Event
from contactrules.models.fields import PhoneNumber, TimeZoneName, UtcDatetime
from contactrules.models.vocabulary import (
    Channel,
    CollectorRole,
    DebtPurpose,
    DebtType,
    EmailKind,
    PhoneType,
    Place,
    Purpose,
    Recipient,
    Technology,
    Visibility,
)

_STRICT = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Contact(BaseModel):
    """The proposed contact. ``at`` must carry an offset: a bare local time is never guessed."""

    model_config = _STRICT

    channel: Channel
    at: UtcDatetime
    debt_id: str = Field(min_length=1)
    # The most restrictive reading when a caller leaves these out: a consumer, for collection.
    recipient: Recipient = "consumer"
    purpose: Purpose = "collection"
    phone: PhoneNumber | None = None
    phone_type: PhoneType | None = None
    technology: Technology | None = None
    email: str | None = None
    email_kind: EmailKind | None = None
    place: Place | None = None
    # Extensions: who sees a social-media message, and whether the person reached is the
    # deceased consumer's personal representative (executor, administrator).
    visibility: Visibility | None = None
    estate_representative: bool | None = None
    # Extension: the message asks the person to consent to receiving messages through this
    # medium (D.C. Code 28-3814(d)(4)(B)(ii) allows one such message a week without consent).
    seeks_consent: bool | None = None


class Collector(BaseModel):
    model_config = _STRICT

    role: CollectorRole


class Debt(BaseModel):
    model_config = _STRICT

    id: str = Field(min_length=1)
    purpose: DebtPurpose
    type: DebtType = "other"
    # Loans serviced under one account (student loans) count as one debt for Reg F's caps.
    account_id: str | None = None


class Location(BaseModel):
    """A place the consumer may be. Zones come from ``time_zone``, else postal code, else state."""

    model_config = _STRICT

    country: str = Field(pattern=r"^[A-Z]{2}$")
    state: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    postal_code: str | None = None
    city: str | None = None
    time_zone: TimeZoneName | None = None

    @field_validator("state")
    @classmethod
    def _known_state(cls, state: str | None, info: ValidationInfo) -> str | None:
        if state is not None and info.data.get("country") == "US" and state not in us_state_zones():
            raise ValueError(f"unknown US state code {state!r}")
        return state


class Consumer(BaseModel):
    model_config = _STRICT

    id: str = Field(min_length=1)
    locations: list[Location] = Field(default_factory=list)


class Request(BaseModel):
    """Everything one decision depends on; the decision is a pure function of it and the rules."""

    model_config = _STRICT

    contact: Contact
    collector: Collector
    debt: Debt
    consumer: Consumer
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _debt_ids_agree(self) -> Self:
        if self.contact.debt_id != self.debt.id:
            raise ValueError(
                f"contact.debt_id {self.contact.debt_id!r} differs from debt.id {self.debt.id!r}"
            )
        return self
