"""ProhibitionRule: a kind of contact that is never allowed where the rule applies.

Serves rules whose whole content is their scope: a state's ban on visiting the consumer's
workplace, on postcards, or on public social-media messages (Reg F 12 CFR 1006.22(f)(4)).
The scope is the rule's ``applies_to``; there are no parameters beyond the message.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, Moment
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase


class ProhibitionParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    message: str = Field("this kind of contact is prohibited", min_length=3)


class ProhibitionRule(RuleBase):
    """Denies every contact within its ``applies_to``; waiting never helps."""

    kind: Literal["prohibition"]
    params: ProhibitionParams = ProhibitionParams()

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        message = self.params.message

        def check(ctx: Context, moment: Moment) -> Failure | None:
            return Failure(message, None)

        return check
