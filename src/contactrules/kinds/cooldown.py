"""CooldownRule: after a matching event, no contact for a number of local calendar days.

Serves Regulation F 12 CFR 1006.14(b)(2)(i)(B): a call within seven days after a telephone
conversation about the debt is presumed harassment; the conversation's day is day 1, so a
conversation on a Monday blocks calls through Sunday and they may resume on the next Monday.
A call placed with the person's prior consent, inside its window, is not blocked (1006.14(b)(3)(i),
comment 14(b)(3)(i)-3.i: "call back on Monday" after a Friday conversation).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, Moment, local_midnight
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.exemptions import ConsentExemption, within
from contactrules.kinds.matching import CONTACTS, ContactFilter, Per, same_target
from contactrules.models.events import ContactEvent


class CooldownParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    after: ContactFilter = Field(description="The past contacts that start a cooldown")
    days: int = Field(
        ge=1, le=366, description="Local calendar days blocked, the event's day is day 1"
    )
    per: Per = "debt"
    exempt_after_consent: ConsentExemption | None = Field(
        None,
        description="Contacts inside a consent window are not blocked (Reg F 1006.14(b)(3)(i))",
    )


class CooldownRule(RuleBase):
    """Denies a contact on any of the ``days`` local calendar days starting with the event's day."""

    kind: Literal["cooldown"]
    params: CooldownParams

    def needs_events(self) -> frozenset[str]:
        return CONTACTS

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        days, per = self.params.days, self.params.per
        tests = self.params.after.compile()

        memo_key = f"cooldown:{self.id}:{self.effective.from_}"
        # Older events cannot block; two days' slack covers the gap between zones' calendars.
        lookback = dt.timedelta(days=days + 2)
        exemption = self.params.exempt_after_consent
        consent_windows = (
            exemption.compile(per, memo_key + ":consent") if exemption is not None else None
        )

        def latest_event(ctx: Context) -> ContactEvent | None:
            if memo_key in ctx.memo:
                cached = ctx.memo[memo_key]
                return cached if isinstance(cached, ContactEvent) else None
            found = next(
                (
                    e
                    for e in reversed(ctx.contacts_since(ctx.request.contact.at - lookback))
                    if tests(e) and same_target(e, ctx, per)
                ),
                None,
            )
            ctx.memo[memo_key] = found
            return found

        def check(ctx: Context, moment: Moment) -> Failure | None:
            latest = latest_event(ctx)
            if latest is None:
                return None
            if consent_windows is not None and within(consent_windows(ctx), moment.utc):
                return None
            retry: dt.datetime | None = None
            for local in moment.local:
                tz = local.tzinfo
                assert tz is not None
                started = latest.at.astimezone(tz).date()
                if (local.date() - started).days < days:
                    ends = local_midnight(started + dt.timedelta(days=days), tz)
                    retry = ends if retry is None else max(retry, ends)
            if retry is None:
                return None
            return Failure(
                f"a {latest.channel} {latest.outcome} on {latest.at:%Y-%m-%d} started a "
                f"{days}-day period (that day is day 1)",
                retry,
            )

        return check
