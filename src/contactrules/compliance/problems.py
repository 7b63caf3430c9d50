"""A problem found in a ruleset or case file, as ``lint`` and ``test`` report it.

Every problem names its file and, when known, its line, rule id and field, so a compliance
officer can go straight to it; ``code`` names the kind of problem for tools and CI filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from contactrules.errors import RulesetError

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    severity: Severity
    code: str
    message: str
    file: str | None = None
    line: int | None = None
    rule_id: str | None = None
    field: str | None = None

    @classmethod
    def from_error(cls, error: RulesetError, severity: Severity = "error") -> Problem:
        return cls(
            severity,
            error.code or "schema",
            error.message,
            error.file,
            error.line,
            error.rule_id,
            error.field,
        )

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.file or "", self.line or 0, self.code)

    def render(self) -> str:
        """``file:line: error: rule ID: field F: message [code]``, one line."""
        where = self.file or "<rulesets>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where, f" {self.severity}"]
        if self.rule_id:
            parts.append(f" rule {self.rule_id}")
        if self.field:
            parts.append(f" field {self.field}")
        return ":".join(parts) + f": {self.message} [{self.code}]"

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "rule_id": self.rule_id,
            "field": self.field,
            "message": self.message,
        }
