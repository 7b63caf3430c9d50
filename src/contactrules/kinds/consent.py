"""ConsentRequiredRule: a contact that needs the person's consent, until it is revoked.

Serves the TCPA, 47 U.S.C. 227(b)(1)(A)(iii) and 47 CFR 64.1200(a)(1)(iii): a call (texts are calls)
made with an autodialer or an artificial or prerecorded voice to a wireless number needs the called
party's prior express consent. Consent is matched to the dialed number (or email address) and,
when the consent names debts, to the debt. A later revocation of the same kind for the same
address ends it, at once by default, or after a number of business days when a ruleset or the
engine allows the FCC's grace period (64.1200(a)(10)).

With ``address: none`` consent is to a medium rather than to one address, for media the contract
gives no address (D.C. Code 28-3814(d)(4)(B)(ii): private social-media messages need the
consumer's consent to that method); then any later revocation of the kind ends it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from contactrules.context import Context, Moment, local_midnight
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.calendars import us_federal_business_days
from contactrules.kinds.matching import covers_debt
from contactrules.models.vocabulary import ConsentKind


class ConsentParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    consent_kinds: list[ConsentKind] = Field(min_length=1)
    address: Literal["phone", "email", "none"] = Field(
        "phone",
        description=(
            "What consent is matched to: the dialed number, the email address, or (none) only "
            "the consent kind, for a medium without an address in the contract"
        ),
    )
    per_debt: bool = Field(True, description="Consent naming debts covers only those debts")
    inbound_counts: bool = Field(
        False,
        description="A message the person sent from the address counts as consent to use it",
    )
    revocation_grace_business_days: int | Literal["engine"] = Field(
        0,
        description=(
            "Business days a revocation may take to honour: 0 (at once), up to 10, or 'engine' "
            "for the engine's tcpa_revocation_grace_business_days option"
        ),
    )

    @model_validator(mode="after")
    def _inbound_needs_address(self) -> ConsentParams:
        if self.inbound_counts and self.address == "none":
            raise ValueError("inbound_counts needs an address (phone or email) to match")
        return self

    @field_validator("revocation_grace_business_days")
    @classmethod
    def _grace_range(cls, value: int | str) -> int | str:
        if isinstance(value, int) and not 0 <= value <= 10:
            raise ValueError("revocation_grace_business_days must be between 0 and 10")
        return value

    def compile_holds(self, options: CompileOptions) -> ConsentHolds:
        """A test returning None when an unrevoked consent covers the contact, else why not."""
        kinds = frozenset(self.consent_kinds)
        grace = (
            options.tcpa_revocation_grace_business_days
            if self.revocation_grace_business_days == "engine"
            else self.revocation_grace_business_days
        )
        field, per_debt, inbound_counts = self.address, self.per_debt, self.inbound_counts
        label = ", ".join(sorted(kinds))

        def at_address(event: Any, wanted: str | None) -> bool:
            """Whether an event concerns the wanted address (any address when None)."""
            if wanted is None:
                return True
            value = getattr(event, field)
            return isinstance(value, str) and value.lower() == wanted

        def holds(ctx: Context, moment: Moment) -> str | None:
            contact = ctx.request.contact
            wanted: str | None = None
            if field != "none":
                given = contact.phone if field == "phone" else contact.email
                if given is None:
                    return f"no {field} given, so no consent can be matched to it"
                wanted = given.lower()
            revocations = [
                r
                for r in ctx.events("consent_revoked")
                if r.kind in kinds and at_address(r, wanted)
            ]
            if inbound_counts and any(
                e.direction == "inbound"
                and at_address(e, wanted)
                and not any(_revoked(r, e, moment, grace, ctx) for r in revocations)
                for e in ctx.events("contact")
            ):
                return None
            for consent in reversed(ctx.events("consent")):
                if consent.kind not in kinds or not at_address(consent, wanted):
                    continue
                if per_debt and not covers_debt(consent, contact.debt_id):
                    continue
                if not any(_revoked(r, consent, moment, grace, ctx) for r in revocations):
                    return None
            return f"no unrevoked consent ({label}) for {wanted or contact.channel + ' messages'}"

        return holds


ConsentHolds = Callable[[Context, Moment], str | None]


class ConsentRequiredRule(RuleBase):
    """Denies the contact unless an unrevoked consent covers its address (and debt)."""

    kind: Literal["consent_required"]
    params: ConsentParams

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        holds = self.params.compile_holds(options)

        def check(ctx: Context, moment: Moment) -> Failure | None:
            missing = holds(ctx, moment)
            return None if missing is None else Failure(missing, None)

        return check


def _revoked(revocation: Any, consent: Any, moment: Moment, grace_days: int, ctx: Context) -> bool:
    """Whether ``revocation`` (of a consent, or of a message that counted as one) is in effect."""
    if revocation.at < consent.at:
        return False
    if grace_days == 0:
        return True
    # The FCC allows up to N business days to honour a revocation; the caller chose to use them.
    # The deadline is counted in each candidate zone and the earliest is kept: the grace is an
    # allowance, so the stricter reading gives the least of it.
    zones = ctx.zones or (dt.UTC,)
    ends = min(
        local_midnight(
            us_federal_business_days(revocation.at.astimezone(tz).date(), grace_days)
            + dt.timedelta(days=1),
            tz,
        )
        for tz in zones
    )
    return moment.utc >= ends
