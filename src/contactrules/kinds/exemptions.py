"""Consent windows: the exemption a frequency cap or a cooldown may carry.

Serves Regulation F 12 CFR 1006.14(b)(3)(i): telephone calls placed with the person's prior
consent, given directly to the collector, within seven consecutive days of receiving it (the date
of receipt is day 1) do not count toward either call frequency of 1006.14(b)(2)(i), the seven calls
in seven days or the seven days after a conversation (comment 14(b)(3)(i)-3). The consent covers
calls placed after it is received, about the debt it concerns, and expires earlier when the person
revokes it or, per comment 14(b)(3)(i)-2, when the collector next has a telephone conversation
with the person about that debt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, local_midnight
from contactrules.kinds.matching import ContactFilter, Per, covers_debt, same_target
from contactrules.models.vocabulary import ConsentKind

Windows = tuple[tuple[dt.datetime, dt.datetime], ...]


class ConsentExemption(BaseModel):
    """Contacts within ``days`` after a consent of these kinds neither count nor are capped."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    consent_kinds: list[ConsentKind] = Field(min_length=1)
    days: int = Field(
        ge=1,
        le=366,
        description="Local calendar days the consent lasts; the day it is received is day 1",
    )
    per_debt: bool = Field(True, description="A consent naming debts covers only those debts")
    ended_by: ContactFilter | None = Field(
        None,
        description=(
            "A later past contact of this kind, in the same count (debt), ends the consent "
            "(Reg F: a telephone conversation about the debt)"
        ),
    )

    def compile(self, per: Per, memo_key: str) -> Callable[[Context], Windows]:
        """The consent windows ``[received, expires)`` that cover the contact's debt."""
        kinds = frozenset(self.consent_kinds)
        span = dt.timedelta(days=self.days)
        ends_early = self.ended_by.compile() if self.ended_by is not None else None
        per_debt = self.per_debt

        def expiry(consent_at: dt.datetime, ctx: Context) -> dt.datetime:
            # Counted in every candidate zone's calendar; the earliest end is the stricter one.
            zones = ctx.zones or (dt.UTC,)
            end = min(local_midnight(consent_at.astimezone(tz).date() + span, tz) for tz in zones)
            for revocation in ctx.events("consent_revoked"):
                if revocation.kind in kinds and revocation.at >= consent_at:
                    end = min(end, revocation.at)
            if ends_early is not None:
                for later in ctx.contacts_since(consent_at):
                    if later.at > consent_at and ends_early(later) and same_target(later, ctx, per):
                        return min(end, later.at)
            return end

        def windows(ctx: Context) -> Windows:
            cached = ctx.memo.get(memo_key)
            if isinstance(cached, tuple):
                return cached
            debt = ctx.request.contact.debt_id
            found = tuple(
                (consent.at, expiry(consent.at, ctx))
                for consent in ctx.events("consent")
                if consent.kind in kinds and (not per_debt or covers_debt(consent, debt))
            )
            ctx.memo[memo_key] = found
            return found

        return windows


def within(windows: Windows, instant: dt.datetime) -> bool:
    """Whether ``instant`` falls inside one of the consent windows."""
    return any(start <= instant < end for start, end in windows)
