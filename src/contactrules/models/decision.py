"""The decision: allowed or not, every deciding rule with its citation, and the full trace.

These are frozen standard-library dataclasses rather than pydantic models because one is built
for every rule of every decision on the hot path; pydantic still validates and serialises them
through ``DECISION_ADAPTER`` (a ``TypeAdapter``), which also gives their JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import TypeAdapter

RuleOutcome = Literal["pass", "fail", "not_applicable"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One violated rule (in ``violations`` when its severity is deny, else in ``warnings``)."""

    rule_id: str
    jurisdiction: str
    citation: str
    source_url: str
    message: str
    layer: str = "law"

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "jurisdiction": self.jurisdiction,
            "citation": self.citation,
            "source_url": self.source_url,
            "message": self.message,
            "layer": self.layer,
        }


@dataclass(frozen=True, slots=True)
class TraceEntry:
    """One rule the engine considered, with its outcome and why."""

    rule_id: str
    outcome: RuleOutcome
    jurisdiction: str = ""
    version: str = ""
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "outcome": self.outcome,
            "jurisdiction": self.jurisdiction,
            "version": self.version,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class ZoneTrace:
    """A candidate time zone of the consumer and the data it came from."""

    zone: str
    source: str


@dataclass(frozen=True, slots=True)
class Decision:
    """The contract's decision object; ``to_json()`` gives exactly its JSON."""

    allowed: bool
    as_of: str
    jurisdictions: list[str]
    violations: list[Finding]
    warnings: list[Finding]
    next_allowed_at: str | None
    evaluated: list[TraceEntry]
    ruleset_digest: str
    zones: list[ZoneTrace] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        # Written out rather than dataclasses.asdict, which deep-copies every trace line and
        # cost more than deciding (asdict is the reference in tests/models/test_decision.py).
        return {
            "allowed": self.allowed,
            "as_of": self.as_of,
            "jurisdictions": list(self.jurisdictions),
            "violations": [finding.to_json() for finding in self.violations],
            "warnings": [finding.to_json() for finding in self.warnings],
            "next_allowed_at": self.next_allowed_at,
            "evaluated": [entry.to_json() for entry in self.evaluated],
            "ruleset_digest": self.ruleset_digest,
            "zones": [{"zone": z.zone, "source": z.source} for z in self.zones],
        }

    @classmethod
    def from_json(cls, data: str | bytes) -> Decision:
        """Validate decision JSON (for instance a logged decision) back into a ``Decision``."""
        return DECISION_ADAPTER.validate_json(data)


DECISION_ADAPTER: TypeAdapter[Decision] = TypeAdapter(Decision)
