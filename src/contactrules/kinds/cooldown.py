"""CooldownRule: after a matching event, no contact for a number of local calendar days.

Serves Regulation F 12 CFR 1006.14(b)(2)(i)(B): a call within seven days after a telephone
conversation about the debt is presumed harassment; the conversation's day is day 1, so a
conversation on a Monday blocks calls through Sunday and they may resume on the next Monday.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, Moment, local_midnight
from contactrules.kinds.base import Check, Failure, RuleBase
from contactrules.kinds.matching import ContactFilter, Per, counts, same_target


class CooldownParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    after: ContactFilter = Field(description="The past contacts that start a cooldown")
    days: int = Field(
        ge=1, le=366, description="Local calendar days blocked, the event's day is day 1"
    )
    per: Per = "debt"


class CooldownRule(RuleBase):
    """Denies a contact on any of the ``days`` local calendar days starting with the event's day."""

    kind: Literal["cooldown"]
    params: CooldownParams

    def compile(self) -> Check:
        days, per = self.params.days, self.params.per
        tests = self.params.after.compile()

        def check(ctx: Context, moment: Moment) -> Failure | None:
            latest = None
            for event in reversed(ctx.events("contact")):
                if counts(event, tests) and same_target(event, ctx, per):
                    latest = event
                    break
            if latest is None:
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
