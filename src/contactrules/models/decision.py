"""The decision: allowed or not, every deciding rule with its citation, and the full trace."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

RuleOutcome = Literal["pass", "fail", "not_applicable"]


class Finding(BaseModel):
    """One violated rule (in ``violations`` when its severity is deny, else in ``warnings``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: str
    jurisdiction: str
    citation: str
    source_url: str
    message: str
    layer: str = "law"


class TraceEntry(BaseModel):
    """One rule the engine considered, with its outcome and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: str
    outcome: RuleOutcome
    jurisdiction: str = ""
    version: str = ""
    reason: str = ""


class ZoneTrace(BaseModel):
    """A candidate time zone of the consumer and the data it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zone: str
    source: str


class Decision(BaseModel):
    """The contract's decision object; ``to_json()`` gives exactly its JSON."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    allowed: bool
    as_of: str
    jurisdictions: list[str]
    violations: list[Finding]
    warnings: list[Finding]
    next_allowed_at: str | None
    evaluated: list[TraceEntry]
    ruleset_digest: str
    zones: list[ZoneTrace] = []

    def to_json(self) -> dict[str, object]:
        return self.model_dump(mode="json")
