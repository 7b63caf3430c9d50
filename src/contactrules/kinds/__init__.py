"""Rule kinds, one module each. ``Rule`` is the tagged union a ruleset's ``rules`` list holds.

Adding a kind: write its module (params model, rule model with ``kind: Literal[...]`` and a
``compile()``), add it to ``Rule`` below, and give it unit tests at its edges.
"""

from typing import Annotated

from pydantic import Field

from contactrules.kinds.base import Applicability, Check, Citation, Effective, Failure, RuleBase
from contactrules.kinds.consent import ConsentRequiredRule
from contactrules.kinds.cooldown import CooldownRule
from contactrules.kinds.designated_times import DesignatedTimesRule
from contactrules.kinds.event_block import EventBlockRule
from contactrules.kinds.frequency_cap import FrequencyCapRule
from contactrules.kinds.prior_contact import PriorContactRequiredRule
from contactrules.kinds.prohibition import ProhibitionRule
from contactrules.kinds.time_window import TimeWindowRule

Rule = Annotated[
    TimeWindowRule
    | DesignatedTimesRule
    | FrequencyCapRule
    | CooldownRule
    | EventBlockRule
    | ConsentRequiredRule
    | PriorContactRequiredRule
    | ProhibitionRule,
    Field(discriminator="kind"),
]

KINDS: dict[str, type[RuleBase]] = {
    "time_window": TimeWindowRule,
    "consumer_designated_times": DesignatedTimesRule,
    "frequency_cap": FrequencyCapRule,
    "cooldown": CooldownRule,
    "event_block": EventBlockRule,
    "consent_required": ConsentRequiredRule,
    "prior_contact_required": PriorContactRequiredRule,
    "prohibition": ProhibitionRule,
}

__all__ = [
    "KINDS",
    "Applicability",
    "Check",
    "Citation",
    "ConsentRequiredRule",
    "CooldownRule",
    "DesignatedTimesRule",
    "Effective",
    "EventBlockRule",
    "Failure",
    "FrequencyCapRule",
    "PriorContactRequiredRule",
    "ProhibitionRule",
    "Rule",
    "RuleBase",
    "TimeWindowRule",
]
