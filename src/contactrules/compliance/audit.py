"""Audit a historical contact log: every past outbound contact decided as of its own instant.

Serves issue 5 (``contactrules audit``) and the contract's premise that a decision depends only
on the request and the events known at ``contact.at``. Two JSON Lines formats, told apart line
by line (docs/for-compliance-officers.md, "Auditing a contact log"):

* **request lines**: a whole contract request per line (``{"contact": ..., "events": [...]}``);
  the contact is audited against the events in it that are not later than it.
* **event stream**: a ``{"record": "consumer", ...}`` line with a consumer's static facts, then
  that consumer's ``{"record": "event", ...}`` lines. Each outbound ``contact`` event is audited
  with only the consumer's events before it (earlier instants, or the same instant earlier in
  the log). A consumer's lines must be contiguous, so memory is bounded by one consumer's events.

Bad input stops nothing: each malformed line becomes a ``LineError`` with its number and reason,
and the rest of the log is still audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import IO, Any

from pydantic import TypeAdapter, ValidationError

from contactrules.engine import Engine
from contactrules.errors import InvalidRequest
from contactrules.models.decision import Decision, Finding
from contactrules.models.events import ContactEvent, Event
from contactrules.models.parse import json_path, parse_request
from contactrules.models.request import Collector, Consumer, Contact, Debt, Request

_EVENT: TypeAdapter[Event] = TypeAdapter(Event)
_CONSUMER_KEYS = frozenset({"record", "consumer", "collector", "debts"})
_EVENT_KEYS = frozenset({"record", "consumer_id", "event", "contact"})
# Contact fields an outbound contact event carries itself; the rest may come from "contact".
_FROM_EVENT = (
    "channel", "at", "debt_id", "recipient", "phone", "phone_type", "technology", "email", "place",
    "seeks_consent",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LineError:
    """A log line that could not be audited, with its 1-based number and the reason."""

    line: int
    message: str
    path: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"type": "error", "line": self.line, "path": self.path, "message": self.message}


@dataclass(frozen=True, slots=True)
class AuditedContact:
    """One past contact, the request rebuilt for it and the decision as of its instant."""

    line: int
    consumer_id: str
    request: Request
    decision: Decision

    @property
    def month(self) -> str:
        """The contact's month in UTC (``YYYY-MM``): one calendar for the whole report."""
        return self.request.contact.at.astimezone(dt.UTC).strftime("%Y-%m")

    def violation_records(self) -> list[dict[str, Any]]:
        """One JSON-ready record per violated deny rule, with its citation."""
        contact = self.request.contact
        base = {
            "type": "violation",
            "line": self.line,
            "consumer_id": self.consumer_id,
            "at": self.decision.as_of,
            "channel": contact.channel,
            "debt_id": contact.debt_id,
        }
        return [{**base, **_finding_json(v)} for v in self.decision.violations]


def _finding_json(finding: Finding) -> dict[str, Any]:
    return dataclasses.asdict(finding)


AuditItem = AuditedContact | LineError


@dataclass(slots=True)
class AuditSummary:
    """Counts for the report. A contact that breaks two rules counts as two violations."""

    lines: int = 0
    contacts: int = 0
    contacts_with_violations: int = 0
    violations: int = 0
    errors: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    citations: dict[str, str] = field(default_factory=dict)
    by_jurisdiction: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)

    def add(self, item: AuditItem) -> None:
        if isinstance(item, LineError):
            self.errors += 1
            return
        self.contacts += 1
        found = item.decision.violations
        if not found:
            return
        self.contacts_with_violations += 1
        self.violations += len(found)
        for finding in found:
            self.by_rule[finding.rule_id] += 1
            self.citations[finding.rule_id] = finding.citation
            # Engine findings (fail-closed policy) have no jurisdiction of their own.
            self.by_jurisdiction[finding.jurisdiction or "(engine)"] += 1
            self.by_channel[item.request.contact.channel] += 1
            self.by_month[item.month] += 1

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "summary",
            "lines": self.lines,
            "contacts": self.contacts,
            "contacts_with_violations": self.contacts_with_violations,
            "violations": self.violations,
            "errors": self.errors,
            "by_rule": [
                {"rule_id": rule, "citation": self.citations[rule], "violations": count}
                for rule, count in self.by_rule.most_common()
            ],
            "by_jurisdiction": dict(self.by_jurisdiction.most_common()),
            "by_channel": dict(self.by_channel.most_common()),
            "by_month": dict(sorted(self.by_month.items())),
        }


@dataclass(slots=True)
class _Entry:
    """One event of the current consumer, validated when read."""

    line: int
    event: Event
    contact: Contact | None  # set for outbound contacts: the contact to audit


@dataclass(slots=True)
class _Consumer:
    """The consumer whose lines are being read: static facts and events so far."""

    line: int
    id: str
    consumer: Consumer
    collector: Collector
    debts: dict[str, Debt]
    entries: list[_Entry] = field(default_factory=list)


def _error(line: int, exc: ValidationError, prefix: str = "") -> LineError:
    first = exc.errors()[0]
    loc = list(first.get("loc", ()))
    kind = first.get("type", "")
    message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "missing":
        message = "field required"
    elif kind == "timezone_aware":
        message = "datetime must carry a UTC offset or 'Z' (a bare local time is never guessed)"
    if prefix == "event" and len(loc) > 1 and isinstance(loc[0], str):
        loc = loc[1:]  # pydantic's union tag (the event type), not a level of the JSON
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        loc, message = ["type"], f"unknown or missing event type: {message}"
    path = json_path([prefix, *loc] if prefix else loc)
    return LineError(line, message, path)


class LogAuditor:
    """Reads a log line by line and yields each audited contact or line error, in order of
    evaluation; holds at most one consumer's events (the event stream's current consumer)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._current: _Consumer | None = None
        # Set when a consumer record was invalid: its events are reported, never audited blind.
        self._broken: tuple[str, int] | None = None

    def audit(self, lines: Iterable[bytes | str]) -> Iterator[AuditItem]:
        """Audit every line; a final flush audits the last consumer of an event stream."""
        for number, raw in enumerate(lines, start=1):
            yield from self.feed(number, raw)
        yield from self.flush()

    def feed(self, number: int, raw: bytes | str) -> Iterator[AuditItem]:
        """Read one line (``number`` is 1-based) and yield what it completes."""
        try:
            data = json.loads(raw)
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError both
            text = raw.strip() if isinstance(raw, str) else raw.strip().decode("utf-8", "replace")
            reason = "blank line" if not text else f"malformed JSON: {exc}"
            yield LineError(number, reason)
            return
        if not isinstance(data, dict):
            yield LineError(number, "a log line must be a JSON object")
        elif "record" in data:
            yield from self._record(number, data)
        else:
            yield from self._request_line(number, data)

    def flush(self) -> Iterator[AuditItem]:
        """Audit the current consumer's outbound contacts and forget its events."""
        current, self._current = self._current, None
        if current is None:
            return
        entries = sorted(current.entries, key=lambda e: (e.event.at, e.line))
        known: list[Event] = []
        for entry in entries:
            if entry.contact is not None:
                yield self._decide(entry.line, current, entry.contact, known)
            known.append(entry.event)

    # ------------------------------------------------------------------ request lines
    def _request_line(self, number: int, data: dict[str, Any]) -> Iterator[AuditItem]:
        try:
            request = parse_request(data)
            decision = self.engine.evaluate(request)
        except InvalidRequest as exc:
            yield LineError(number, exc.message, exc.path)
            return
        yield AuditedContact(number, request.consumer.id, request, decision)

    # ------------------------------------------------------------------ event stream
    def _record(self, number: int, data: dict[str, Any]) -> Iterator[AuditItem]:
        kind = data["record"]
        if kind == "consumer":
            yield from self.flush()
            yield from self._consumer(number, data)
        elif kind == "event":
            yield from self._event(number, data)
        else:
            reason = f"unknown record {kind!r}; expected consumer or event"
            yield LineError(number, reason, "record")

    def _consumer(self, number: int, data: dict[str, Any]) -> Iterator[AuditItem]:
        unknown = sorted(set(data) - _CONSUMER_KEYS)
        if unknown:
            self._broken = (str(_consumer_id(data)), number)
            yield LineError(number, "unknown field", unknown[0])
            return
        try:
            consumer = Consumer.model_validate(data.get("consumer"))
            collector = Collector.model_validate(data.get("collector"))
            debts = _debts(data.get("debts"))
        except ValidationError as exc:
            self._broken = (str(_consumer_id(data)), number)
            yield _error(number, exc, _which(exc))
            return
        except ValueError as exc:
            self._broken = (str(_consumer_id(data)), number)
            yield LineError(number, str(exc), "debts")
            return
        self._broken = None
        by_id = {debt.id: debt for debt in debts}
        self._current = _Consumer(number, consumer.id, consumer, collector, by_id)

    def _event(self, number: int, data: dict[str, Any]) -> Iterator[AuditItem]:
        unknown = sorted(set(data) - _EVENT_KEYS)
        if unknown:
            yield LineError(number, "unknown field", unknown[0])
            return
        consumer_id = data.get("consumer_id")
        current = self._current
        if current is None or consumer_id != current.id:
            yield LineError(number, self._orphan_reason(consumer_id), "consumer_id")
            return
        try:
            event = _EVENT.validate_python(data.get("event"))
        except ValidationError as exc:
            yield _error(number, exc, "event")
            return
        contact: Contact | None = None
        if isinstance(event, ContactEvent) and event.direction == "outbound":
            try:
                contact = _contact(event, data.get("contact"), current)
            except ValidationError as exc:
                yield _error(number, exc, "contact")
                return
            except _Unauditable as exc:
                yield LineError(number, str(exc), exc.path)
                return
        current.entries.append(_Entry(number, event, contact))

    def _orphan_reason(self, consumer_id: object) -> str:
        if self._broken is not None and self._broken[0] == str(consumer_id):
            return f"the consumer record on line {self._broken[1]} was invalid"
        return (
            f"no consumer record for {consumer_id!r} precedes this event "
            "(a consumer's lines must be contiguous and start with its consumer record)"
        )

    def _decide(
        self, line: int, current: _Consumer, contact: Contact, known: Sequence[Event]
    ) -> AuditItem:
        try:
            request = Request(
                contact=contact,
                collector=current.collector,
                debt=current.debts[contact.debt_id],
                consumer=current.consumer,
                events=list(known),
            )
            decision = self.engine.evaluate(request)
        except ValidationError as exc:
            return _error(line, exc)
        except InvalidRequest as exc:
            return LineError(line, exc.message, exc.path)
        return AuditedContact(line, current.id, request, decision)


class _Unauditable(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


def _contact(event: ContactEvent, extra: object, current: _Consumer) -> Contact:
    """The proposed contact an outbound contact event was, for auditing it."""
    if event.debt_id is None:
        raise _Unauditable("event.debt_id", "an outbound contact needs a debt_id to be audited")
    if event.debt_id not in current.debts:
        raise _Unauditable(
            "event.debt_id",
            f"debt {event.debt_id!r} is not among consumer {current.id!r}'s debts "
            f"(line {current.line})",
        )
    if extra is not None and not isinstance(extra, Mapping):
        raise _Unauditable("contact", "contact must be a JSON object")
    fields: dict[str, Any] = {name: getattr(event, name) for name in _FROM_EVENT}
    fields.update(extra or {})
    return Contact.model_validate(fields)


def _consumer_id(data: Mapping[str, Any]) -> object:
    consumer = data.get("consumer")
    return consumer.get("id") if isinstance(consumer, Mapping) else None


def _debts(value: object) -> list[Debt]:
    if not isinstance(value, list) or not value:
        raise ValueError("debts must be a non-empty list of the consumer's debts")
    return [Debt.model_validate(debt) for debt in value]


def _which(exc: ValidationError) -> str:
    """Which part of a consumer record failed, from the model that raised."""
    names = {"Consumer": "consumer", "Collector": "collector", "Debt": "debts[]"}
    return names.get(exc.title, "")


# ---------------------------------------------------------------------- reports
def months_between(months: Iterable[str]) -> list[str]:
    """Every month from the first to the last given (``YYYY-MM``), gaps included, so the chart's
    time axis is linear: a month without violations shows as an empty bar, not a missing one."""
    present = sorted(months)
    if not present:
        return []
    year, month = map(int, present[0].split("-"))
    out: list[str] = []
    while (label := f"{year:04d}-{month:02d}") <= present[-1]:
        out.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def svg_chart(by_month: Mapping[str, int], *, width: int = 720, height: int = 220) -> str:
    """An inline SVG bar chart of violations per month (no script, no external asset)."""
    months = months_between(by_month)
    if not months:
        return '<p class="empty">No violations: nothing to chart.</p>'
    top = max(by_month.values())
    left, bottom, pad = 48, 36, 8
    plot_w, plot_h = width - left - pad, height - bottom - pad
    bar_w = plot_w / len(months)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Violations per month">',
        f'<line x1="{left}" y1="{pad + plot_h}" x2="{width - pad}" y2="{pad + plot_h}" '
        'stroke="#555"/>',
        f'<text x="{left - 6}" y="{pad + 10}" text-anchor="end" font-size="11">{top}</text>',
        f'<text x="{left - 6}" y="{pad + plot_h}" text-anchor="end" font-size="11">0</text>',
    ]
    label_every = max(1, len(months) // 12)  # at most about twelve labels fit under the axis
    for i, month in enumerate(months):
        count = by_month.get(month, 0)
        bar_h = plot_h * count / top
        x = left + i * bar_w
        parts.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{pad + plot_h - bar_h:.1f}" '
            f'width="{max(bar_w - 2, 1):.1f}" height="{bar_h:.1f}" fill="#b3261e">'
            f"<title>{month}: {count}</title></rect>"
        )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle" font-size="10">{month}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
    "th{background:#f3f3f3}.num{text-align:right}.empty{color:#666}"
)


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>'
            if isinstance(cell, int)
            else f"<td>{escape(str(cell))}</td>"
            for cell in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def write_html(
    out: IO[str],
    summary: AuditSummary,
    violations: Iterable[Mapping[str, Any]],
    errors: Iterable[Mapping[str, Any]],
    title: str,
) -> None:
    """A self-contained HTML report: summary tables, an SVG chart, every violation and error.

    ``violations`` and ``errors`` are records in log order; they are streamed into the file, so
    the report can be larger than memory.
    """
    s = summary
    out.write(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f"<p>{s.lines} lines, {s.contacts} contacts audited, {s.contacts_with_violations} with "
        f"violations ({s.violations} violations), {s.errors} lines in error.</p>"
        f"<h2>Violations per month (UTC)</h2>{svg_chart(s.by_month)}"
    )
    out.write("<h2>By rule</h2>")
    out.write(_table(["rule", "citation", "violations"], _rule_rows(s)))
    for heading, counter in (
        ("By jurisdiction", s.by_jurisdiction),
        ("By channel", s.by_channel),
        ("By month", Counter(dict(sorted(s.by_month.items())))),
    ):
        out.write(f"<h2>{heading}</h2>")
        rows = counter.items() if heading == "By month" else counter.most_common()
        out.write(_table([heading.removeprefix("By "), "violations"], rows))
    out.write("<h2>Violations</h2>")
    headers = ["line", "consumer", "at", "channel", "debt", "rule", "citation", "message", "source"]
    out.write(f"<table><thead><tr>{''.join(f'<th>{h}</th>' for h in headers)}</tr></thead><tbody>")
    for record in violations:
        cells = [
            str(record["line"]), record["consumer_id"], record["at"], record["channel"],
            record["debt_id"], record["rule_id"], record["citation"], record["message"],
        ]  # fmt: skip
        url = escape(record["source_url"], quote=True)
        out.write(
            "<tr>"
            + "".join(f"<td>{escape(str(cell))}</td>" for cell in cells)
            + f'<td><a href="{url}">source</a></td></tr>'
        )
    out.write("</tbody></table>")
    out.write(f"<h2>Lines in error ({s.errors})</h2><ul>")
    for record in errors:
        where = f" ({record['path']})" if record["path"] else ""
        out.write(f"<li>line {record['line']}{escape(where)}: {escape(record['message'])}</li>")
    out.write("</ul>")
    out.write("</body></html>\n")


def _rule_rows(summary: AuditSummary) -> list[tuple[str, str, int]]:
    return [(rule, summary.citations[rule], n) for rule, n in summary.by_rule.most_common()]
