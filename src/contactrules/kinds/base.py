"""What every rule kind shares: citation, effective dates, applicability, and the compiled form.

A rule kind is a pydantic model (its YAML schema) with a ``compile()`` that does all the work it can
once and returns a ``Check``: a plain function of the request's ``Context`` and a ``Moment`` that
returns None when the rule is satisfied, or a ``Failure`` saying why and when waiting could cure it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from contactrules.context import Context, Moment
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

KnowableFact = Literal[
    "technologies",
    "phone_types",
    "email_kinds",
    "places",
    "visibilities",
    "estate_representative",
    "seeks_consent",
]
Topic = Literal[
    "hours",
    "frequency",
    "workplace",
    "holidays",
    "cease",
    "channels",
    "consent",
    "attorney",
    "bankruptcy",
    "other",
]

_SPEC = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass(frozen=True, slots=True)
class Failure:
    """A violated rule: the message for the decision, and the earliest instant it could pass.

    ``retry_at`` is None when no passage of time alone cures the violation (a cease request).
    It must never be later than the first instant at which the rule would pass.
    """

    message: str
    retry_at: dt.datetime | None


Check = Callable[[Context, Moment], Failure | None]


@dataclass(frozen=True, slots=True)
class CompileOptions:
    """Choices a caller makes when building an engine; part of the ruleset digest.

    ``tcpa_revocation_grace_business_days``: the FCC lets a caller take up to ten business days
    to honour a revocation of consent (47 CFR 64.1200(a)(10), from 2025-04-11). The default, 0,
    honours it at once; rules opt in to the caller's choice with ``revocation_grace: engine``.
    """

    tcpa_revocation_grace_business_days: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.tcpa_revocation_grace_business_days <= 10:
            raise ValueError("tcpa_revocation_grace_business_days must be between 0 and 10")


DEFAULT_OPTIONS = CompileOptions()


class Citation(BaseModel):
    """The law a rule encodes: a pinpoint reference and the URL of its text. Both required."""

    model_config = _SPEC

    ref: str = Field(
        min_length=3, description="Section and paragraph, e.g. '12 CFR 1006.6(b)(1)(i)'"
    )
    url: HttpUrl = Field(description="Where the text of the law can be read")


class Effective(BaseModel):
    """The dates a rule is in force, both inclusive; ``to`` is null while it is current law."""

    model_config = _SPEC

    from_: dt.date = Field(alias="from")
    to: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Effective:
        if self.to is not None and self.to < self.from_:
            raise ValueError(f"effective.to {self.to} is before effective.from {self.from_}")
        return self


class Applicability(BaseModel):
    """Which contacts a rule governs. A list restricts; an omitted (null) list means all.

    Unknown values in a request (``phone_type: unknown``, a missing ``technology``) match every
    list: a rule is never skipped because a caller did not know a fact.

    ``any_of`` adds an either/or: the rule applies when every list given here matches *and* at
    least one of the alternatives (each a whole ``applies_to``) does. It serves laws whose scope
    is a union of facts, such as 940 CMR 7.04(1)(f)'s calls "to the debtor's residence, cellular
    telephone" or personal number: a wireless number at any place, or any number at home.
    """

    model_config = _SPEC

    channels: list[Channel] | None = None
    collector_roles: list[CollectorRole] | None = None
    debt_purposes: list[DebtPurpose] | None = None
    debt_types: list[DebtType] | None = None
    recipients: list[Recipient] | None = None
    technologies: list[Technology] | None = None
    phone_types: list[PhoneType] | None = None
    email_kinds: list[EmailKind] | None = None
    places: list[Place] | None = None
    purposes: list[Purpose] | None = None
    visibilities: list[Visibility] | None = None
    estate_representative: list[bool] | None = None
    seeks_consent: list[bool] | None = None
    known_only: list[KnowableFact] = Field(
        default_factory=list,
        description=(
            "Facts for which an unknown value does NOT match, where the law applies only when "
            "the collector knows the fact (e.g. places: a place-bound rule and an email sent "
            "without knowing where the consumer is)"
        ),
    )
    any_of: list[Applicability] | None = Field(
        default=None,
        min_length=1,
        description=(
            "Alternatives: the rule applies only when at least one of these also applies (each "
            "read as a whole applies_to, unknown facts matching as usual)"
        ),
    )

    def compile(self) -> Callable[[Context], str | None]:
        """A predicate returning None when the rule applies, else the reason it does not."""
        applies = self._compile_lists()
        if self.any_of is None:
            return applies
        alternatives = tuple(alternative.compile() for alternative in self.any_of)

        def applies_with_one_alternative(ctx: Context) -> str | None:
            reason = applies(ctx)
            if reason is not None:
                return reason
            reasons = []
            for alternative in alternatives:
                why_not = alternative(ctx)
                if why_not is None:
                    return None
                reasons.append(why_not)
            return "none of its alternatives applies: " + "; ".join(reasons)

        return applies_with_one_alternative

    def _compile_lists(self) -> Callable[[Context], str | None]:
        tests: list[tuple[int, str, frozenset[str], bool]] = []
        strict = set(self.known_only)
        for index, name in enumerate(FACT_NAMES):
            allowed = getattr(self, name)
            if allowed is not None:
                unknown_matches = name in UNKNOWN_MATCHES and name not in strict
                tests.append((index, name, frozenset(allowed), unknown_matches))
        frozen = tuple(tests)

        def applies(ctx: Context) -> str | None:
            facts = ctx.facts
            for index, name, allowed, unknown_matches in frozen:
                value = facts[index]
                if value in allowed or (unknown_matches and (value is None or value == "unknown")):
                    continue
                return (
                    f"{name.rstrip('s').replace('_', ' ')} {value!r} is not governed by this rule"
                )
            return None

        return applies


# The order of Context.facts; facts a caller may not know match every list when unknown.
FACT_NAMES = (
    "channels",
    "collector_roles",
    "debt_purposes",
    "debt_types",
    "recipients",
    "technologies",
    "phone_types",
    "email_kinds",
    "places",
    "purposes",
    "visibilities",
    "estate_representative",
    "seeks_consent",
)
UNKNOWN_MATCHES: frozenset[str] = frozenset(get_args(KnowableFact))


class RuleBase(BaseModel):
    """Fields every rule has, whatever its kind."""

    model_config = _SPEC

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9._-]*$", description="Stable id, e.g. us.regf.time-of-day"
    )
    title: str = Field(min_length=3)
    kind: str
    citation: Citation
    effective: Effective
    severity: Literal["deny", "warn"] = "deny"
    applies_to: Applicability = Field(default_factory=Applicability)
    confidence: Literal["high", "medium", "low"] | None = Field(
        default=None,
        description="How sure the reviewer is that the text read supports the rule as encoded",
    )
    topics: list[Topic] | None = Field(
        default=None, description="Coverage topics; derived from the kind when omitted"
    )
    notes: str = ""

    def compile(self, options: CompileOptions = DEFAULT_OPTIONS) -> Check:  # pragma: no cover
        raise TypeError(f"rule kind {self.kind!r} has no compile step")

    def needs_events(self) -> frozenset[str] | None:
        """Event types without any of which this rule always passes, or None if it can fail on
        a request with no events at all. The engine skips the check when none is present, so
        a kind must only name types whose absence really guarantees a pass."""
        return None
