"""Typed errors. Each carries where the problem is, so a caller never parses a message."""

from __future__ import annotations


class ContactRulesError(Exception):
    """Base class of every error this library raises on purpose."""


class InvalidRequest(ContactRulesError):
    """A request does not conform to the decision contract.

    ``path`` is the JSON path of the offending field (``contact.at``, ``events[2].type``), so the
    collection system can point at the exact input it must fix. Nothing is guessed: an invalid
    request is never evaluated, so it can never be allowed.
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def to_json(self) -> dict[str, str]:
        return {"type": "invalid_request", "path": self.path, "message": self.message}


class RulesetError(ContactRulesError):
    """A ruleset file cannot be loaded: it does not parse, violates the schema or conflicts.

    Carries the file, the 1-based line (when known), the rule id (when inside a rule) and the
    field path inside the file, so a compliance officer can jump straight to the mistake.
    ``code`` names the kind of problem for tools (``missing-citation``, ``duplicate-id``...;
    ``contactrules lint`` reports it), or is None.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        rule_id: str | None = None,
        field: str | None = None,
        code: str | None = None,
    ) -> None:
        self.message = message
        self.code = code
        self.file = file
        self.line = line
        self.rule_id = rule_id
        self.field = field
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.file or "<ruleset>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.rule_id:
            parts.append(f"rule {self.rule_id}")
        if self.field:
            parts.append(f"field {self.field}")
        return ": ".join(parts) + f": {self.message}"

    def to_json(self) -> dict[str, str | int | None]:
        return {
            "type": "ruleset_error",
            "file": self.file,
            "line": self.line,
            "rule_id": self.rule_id,
            "field": self.field,
            "message": self.message,
        }


class BackendError(ContactRulesError):
    """A decision backend failed to decide: a fault of the engine, never an answer.

    Raised, for example, when the durable backend meets a rule kind it cannot translate, or when
    durable_rules itself fails. ``backend`` names the backend and ``rule_id`` the rule at fault
    when there is one. A caller must treat it like any engine error: the contact is not allowed.
    """

    def __init__(self, message: str, *, backend: str, rule_id: str | None = None) -> None:
        self.message = message
        self.backend = backend
        self.rule_id = rule_id
        where = f"{backend} backend" + (f", rule {rule_id}" if rule_id else "")
        super().__init__(f"{where}: {message}")
