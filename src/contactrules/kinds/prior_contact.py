"""PriorContactRequiredRule: a contact is allowed only after an earlier contact of a given kind.

Serves laws that make one communication the precondition of another, such as D.C. Code
28-3814(d)(4)(B)(i): no text message, email or private social-media message to a consumer before
the collector has mailed the written notice of subsection (m)(2)(A) (encoded as a prior outbound
letter about the debt). Which past contacts satisfy the precondition is a contact filter; whether
they must concern the same debt, account or address is ``per``. Waiting never satisfies it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contactrules.context import Context, Moment
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.kinds.matching import ContactFilter, Per, same_target


class PriorContactParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    prior: ContactFilter = Field(description="The past contacts that satisfy the precondition")
    per: Per = "debt"
    message: str = Field("no earlier contact satisfies this rule's precondition", min_length=3)


class PriorContactRequiredRule(RuleBase):
    """Denies the contact until a matching contact precedes it (at or before ``contact.at``)."""

    kind: Literal["prior_contact_required"]
    params: PriorContactParams

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:
        p = self.params
        tests = p.prior.compile()
        memo_key = f"prior:{self.id}:{self.effective.from_}"

        def satisfied(ctx: Context) -> bool:
            cached = ctx.memo.get(memo_key)
            if isinstance(cached, bool):
                return cached
            found = any(tests(e) and same_target(e, ctx, p.per) for e in ctx.events("contact"))
            ctx.memo[memo_key] = found
            return found

        def check(ctx: Context, moment: Moment) -> Failure | None:
            # The events are those known at contact.at, the same at every instant tested, so
            # time alone never supplies the missing contact.
            return None if satisfied(ctx) else Failure(p.message, None)

        return check
