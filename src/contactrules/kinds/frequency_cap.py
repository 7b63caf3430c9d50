"""FrequencyCapRule: at most ``max`` counted contacts in ``days`` consecutive local calendar days.

Serves Regulation F 12 CFR 1006.14(b)(2)(i)(A) (more than seven calls within seven consecutive days
about a particular debt is presumed harassment) and state caps such as Massachusetts' two
communications per seven days. What counts is configurable: channels, directions, outcomes,
technologies, recipients; and per what: a debt, the consumer, a phone number or an address.

The period ends on the local calendar day of the proposed contact, which is day ``days`` of it;
the proposed contact would be number ``count + 1``, so it is denied once ``count >= max``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, Moment, local_midnight
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.matching import ContactFilter, Per, covers_debt, same_target
from contactrules.models.events import ContactEvent
from contactrules.models.vocabulary import ConsentKind


class ConsentExemption(BaseModel):
    """Contacts within ``days`` after a consent of these kinds neither count nor are capped; a
    consent naming debts covers only those debts (Reg F 1006.14(b)(3)(i): consent is given for
    a particular debt)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    consent_kinds: list[ConsentKind] = Field(min_length=1)
    days: int = Field(ge=1, le=366)


class FrequencyCapParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max: int = Field(ge=1, description="Counted contacts allowed in the period; one more violates")
    days: int = Field(ge=1, le=36500, description="Consecutive local calendar days, today included")
    per: Per = "debt"
    counts: ContactFilter = Field(default_factory=ContactFilter)
    exempt_after_consent: ConsentExemption | None = None


class FrequencyCapRule(RuleBase):
    """Denies a contact that would exceed the cap in any candidate zone's calendar."""

    kind: Literal["frequency_cap"]
    params: FrequencyCapParams

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        cap, days, per = self.params.max, self.params.days, self.params.per
        tests = self.params.counts.compile()
        memo_key = f"cap:{self.id}:{self.effective.from_}"
        # Only contacts inside the period can count, at ``contact.at`` or at any later instant
        # the next_allowed_at search tests; a day's slack covers the zones' calendars.
        lookback = dt.timedelta(days=days + 1)

        exemption = self.params.exempt_after_consent

        def consent_windows(ctx: Context) -> list[tuple[dt.datetime, dt.datetime]]:
            if exemption is None:
                return []
            kinds = exemption.consent_kinds
            span = dt.timedelta(days=exemption.days)
            debt_id = ctx.request.contact.debt_id
            # Consent is given for a particular debt; one naming no debt covers every debt.
            return [
                (c.at, c.at + span)
                for c in ctx.events("consent")
                if c.kind in kinds and covers_debt(c, debt_id)
            ]

        def exempt(at: dt.datetime, windows: list[tuple[dt.datetime, dt.datetime]]) -> bool:
            return any(start <= at < end for start, end in windows)

        def counted(ctx: Context) -> tuple[ContactEvent, ...]:
            cached = ctx.memo.get(memo_key)
            if isinstance(cached, tuple):
                return cached
            recent = ctx.contacts_since(ctx.request.contact.at - lookback)
            # Contacts placed inside a consent window are not counted either.
            windows = consent_windows(ctx)
            found = tuple(
                e
                for e in recent
                if tests(e) and same_target(e, ctx, per) and not exempt(e.at, windows)
            )
            ctx.memo[memo_key] = found
            return found

        def local_days(ctx: Context, tz: dt.tzinfo) -> list[dt.date]:
            """The counted events' local dates in ``tz``, sorted; computed once per request."""
            key = (memo_key, tz)
            cached = ctx.memo.get(key)
            if isinstance(cached, list):
                return cached
            found = sorted(e.at.astimezone(tz).date() for e in counted(ctx))
            ctx.memo[key] = found
            return found

        def check(ctx: Context, moment: Moment) -> Failure | None:
            if len(counted(ctx)) < cap:
                return None
            if exemption is not None and exempt(moment.utc, consent_windows(ctx)):
                return None
            retry: dt.datetime | None = None
            worst = 0
            for local in moment.local:
                tz = local.tzinfo
                assert tz is not None
                days_seen = local_days(ctx, tz)
                # Every counted event is at or before the contact, so none is after this day.
                first = bisect.bisect_left(days_seen, local.date() - dt.timedelta(days=days - 1))
                in_period = len(days_seen) - first
                if in_period < cap:
                    continue
                worst = max(worst, in_period)
                # The period must move past the (n - max + 1) earliest counted days.
                leaving = days_seen[len(days_seen) - cap]
                zone_retry = local_midnight(leaving + dt.timedelta(days=days), tz)
                retry = zone_retry if retry is None else max(retry, zone_retry)
            if retry is None:
                return None
            return Failure(
                f"{worst} counted contacts already in the {days} consecutive days ending on the "
                f"contact's day; the limit is {cap}",
                retry,
            )

        return check
