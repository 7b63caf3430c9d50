"""FrequencyCapRule: at most ``max`` counted contacts in ``days`` consecutive local calendar days.

Serves Regulation F 12 CFR 1006.14(b)(2)(i)(A) (more than seven calls within seven consecutive days
about a particular debt is presumed harassment) and state caps such as Massachusetts' two
communications per seven days. What counts is configurable: channels, directions, outcomes,
technologies, recipients; and per what: a debt, the consumer, a phone number or an address.

The period ends on the local calendar day of the proposed contact, which is day ``days`` of it
(or, with ``rolling``, it is the ``days`` x 24 hours before the contact); the proposed contact
would be number ``count + 1``, so it is denied once ``count >= max``. Contacts inside a consent
window (``exempt_after_consent``, Reg F 1006.14(b)(3)(i)) neither count nor are capped; a cap with
``waived_by_consent`` (the FCC's consent to exceed the TCPA residential limit) does not bind
while such a consent stands.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, Moment, local_midnight
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.consent import ConsentParams
from contactrules.kinds.exemptions import ConsentExemption, Windows, within
from contactrules.kinds.matching import CONTACTS, ContactFilter, Per, same_target
from contactrules.models.events import ContactEvent


class FrequencyCapParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max: int = Field(ge=1, description="Counted contacts allowed in the period; one more violates")
    days: int = Field(ge=1, le=36500, description="Consecutive local calendar days, today included")
    per: Per = "debt"
    counts: ContactFilter = Field(default_factory=ContactFilter)
    exempt_after_consent: ConsentExemption | None = None
    rolling: bool = Field(
        False,
        description=(
            "Count the last days x 24 hours before the contact instead of local calendar days "
            "(for a period the law does not tie to dates, the stricter reading)"
        ),
    )
    waived_by_consent: ConsentParams | None = Field(
        None, description="The cap does not bind while such an unrevoked consent covers the contact"
    )


class FrequencyCapRule(RuleBase):
    """Denies a contact that would exceed the cap in any candidate zone's calendar."""

    kind: Literal["frequency_cap"]
    params: FrequencyCapParams

    def needs_events(self) -> frozenset[str]:
        return CONTACTS

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        cap, days, per = self.params.max, self.params.days, self.params.per
        tests = self.params.counts.compile()
        memo_key = f"cap:{self.id}:{self.effective.from_}"
        # Only contacts inside the period can count, at ``contact.at`` or at any later instant
        # the next_allowed_at search tests; a day's slack covers the zones' calendars.
        lookback = dt.timedelta(days=days + 1)
        exemption = self.params.exempt_after_consent
        consent_windows = (
            exemption.compile(per, memo_key + ":consent") if exemption is not None else None
        )
        waiver = self.params.waived_by_consent
        waived = waiver.compile_holds(options) if waiver is not None else None
        in_period = _rolling(cap, days) if self.params.rolling else _calendar(cap, days)
        period = (
            f"the {days} x 24 hours before the contact"
            if self.params.rolling
            else f"the {days} consecutive days ending on the contact's day"
        )

        def excluded(ctx: Context) -> Windows:
            return consent_windows(ctx) if consent_windows is not None else ()

        def counted(ctx: Context) -> tuple[ContactEvent, ...]:
            cached = ctx.memo.get(memo_key)
            if isinstance(cached, tuple):
                return cached
            recent = ctx.contacts_since(ctx.request.contact.at - lookback)
            windows = excluded(ctx)
            found = tuple(
                e
                for e in recent
                if tests(e) and same_target(e, ctx, per) and not within(windows, e.at)
            )
            ctx.memo[memo_key] = found
            return found

        def check(ctx: Context, moment: Moment) -> Failure | None:
            events = counted(ctx)
            if len(events) < cap or within(excluded(ctx), moment.utc):
                return None
            if waived is not None and waived(ctx, moment) is None:
                return None
            over = in_period(ctx, moment, events, memo_key)
            if over is None:
                return None
            worst, retry = over
            message = f"{worst} counted contacts already in {period}; the limit is {cap}"
            return Failure(message, retry)

        return check


Overage = tuple[int, dt.datetime] | None
PeriodTest = Callable[[Context, Moment, tuple[ContactEvent, ...], str], Overage]


def _calendar(cap: int, days: int) -> PeriodTest:
    """Counted contacts on the ``days`` local calendar days ending on the moment's day, in every
    candidate zone: the most found, and when enough of them leave the period in every zone."""

    def over(
        ctx: Context, moment: Moment, events: tuple[ContactEvent, ...], memo_key: str
    ) -> Overage:
        retry: dt.datetime | None = None
        worst = 0
        for local in moment.local:
            tz = local.tzinfo
            assert tz is not None
            key = (memo_key, tz)
            days_seen = ctx.memo.get(key)
            if not isinstance(days_seen, list):
                # The counted events' local dates in this zone, sorted; once per request.
                days_seen = sorted(e.at.astimezone(tz).date() for e in events)
                ctx.memo[key] = days_seen
            # Every counted event is at or before the contact, so none is after this day.
            first = bisect.bisect_left(days_seen, local.date() - dt.timedelta(days=days - 1))
            found = len(days_seen) - first
            if found < cap:
                continue
            worst = max(worst, found)
            # The period must move past the (n - max + 1) earliest counted days.
            leaving = days_seen[len(days_seen) - cap]
            zone_retry = local_midnight(leaving + dt.timedelta(days=days), tz)
            retry = zone_retry if retry is None else max(retry, zone_retry)
        return None if retry is None else (worst, retry)

    return over


def _rolling(cap: int, days: int) -> PeriodTest:
    """Counted contacts in the ``days`` x 24 hours before the moment, ``(moment - span, moment]``:
    two contacts exactly one span apart are not in one period, so a contact leaves the period
    exactly one span after it was made."""
    span = dt.timedelta(days=days)

    def over(
        ctx: Context, moment: Moment, events: tuple[ContactEvent, ...], memo_key: str
    ) -> Overage:
        instants = [e.at for e in events]  # oldest first, none after the contact
        found = len(instants) - bisect.bisect_right(instants, moment.utc - span)
        if found < cap:
            return None
        leaving = instants[len(instants) - cap]
        return found, leaving + span

    return over
