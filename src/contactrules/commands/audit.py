"""``contactrules audit LOG``: audit a historical contact log (issue 5, docs/for-compliance-
officers.md "Auditing a contact log").

Exit codes: 0 no violation, 1 violations found, 2 some lines were in error (reported with their
number and reason; the rest of the log was audited) or the log or rulesets could not be read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from typing import IO, Any

from contactrules.commands import engine_from_args
from contactrules.compliance.audit import (
    AuditedContact,
    AuditItem,
    AuditSummary,
    LineError,
    LogAuditor,
    write_html,
)
from contactrules.compliance.decisionlog import DecisionLog

NAME = "audit"
HELP = "audit a historical contact log (JSON Lines); exit 1 on violations, 2 on bad lines"
EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "log_path", metavar="LOG", help="the JSON Lines log, or - for standard input"
    )
    parser.add_argument(
        "--json", action="store_true", help="JSON Lines out: violations, errors, then a summary"
    )
    parser.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report")
    parser.add_argument(
        "--log",
        dest="log_file",
        metavar="FILE",
        help="append one decision record per audited contact (see docs: Reg F 1006.100)",
    )


class Progress:
    """A one-line progress indication on a terminal's stderr, redrawn at most five times a
    second so it costs nothing measurable; silent when stderr is not a terminal."""

    def __init__(self, stream: IO[str], total_bytes: int | None) -> None:
        self.stream = stream
        self.total = total_bytes
        self._next = 0.0

    def update(self, done_bytes: int, lines: int, violations: int, *, final: bool = False) -> None:
        now = time.monotonic()
        if now < self._next and not final:
            return
        self._next = now + 0.2
        text = f"{lines} lines, {violations} violations"
        if self.total:
            share = min(done_bytes / self.total, 1.0)
            filled = int(share * 30)
            text = f"[{'#' * filled}{'.' * (30 - filled)}] {share:4.0%}  " + text
        self.stream.write("\r" + text + ("\n" if final else ""))
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    engine = engine_from_args(args)
    try:
        stream = sys.stdin.buffer if args.log_path == "-" else open(args.log_path, "rb")  # noqa: SIM115
    except OSError as exc:
        print(f"contactrules: cannot read {args.log_path}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    total = _size(stream)
    progress = Progress(sys.stderr, total) if sys.stderr.isatty() else None
    summary = AuditSummary()
    with contextlib.ExitStack() as stack:
        if stream is not sys.stdin.buffer:
            stack.enter_context(stream)
        decisions = stack.enter_context(DecisionLog(args.log_file)) if args.log_file else None
        # Violations and errors are spooled to disk for the HTML report, so memory stays flat.
        spools = (_spool(stack), _spool(stack)) if args.html else None
        counted = _Counted(stream)
        for item in LogAuditor(engine).audit(counted):
            summary.add(item)
            if decisions is not None and isinstance(item, AuditedContact):
                decisions.record(item.request, item.decision)
            for record in _records(item):
                _emit(record, as_json=args.json)
                if spools is not None:
                    spools[record["type"] == "error"].write(json.dumps(record) + "\n")
            if progress is not None:
                progress.update(counted.bytes, counted.lines, summary.violations)
        summary.lines = counted.lines
        if progress is not None:
            progress.update(counted.bytes, counted.lines, summary.violations, final=True)
        _print_summary(summary, as_json=args.json)
        if spools is not None:
            _write_report(args.html, summary, spools, title=f"Contact log audit: {args.log_path}")
    if summary.errors:
        return EXIT_ERROR
    return EXIT_VIOLATIONS if summary.violations else EXIT_CLEAN


def _size(stream: IO[bytes]) -> int | None:
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError):
        return None
    return size or None


class _Counted:
    """Iterates a binary stream's lines, counting lines and bytes for progress and summary."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.lines = 0
        self.bytes = 0

    def __iter__(self) -> Iterator[bytes]:
        for line in self.stream:
            self.lines += 1
            self.bytes += len(line)
            yield line


def _spool(stack: contextlib.ExitStack) -> IO[str]:
    return stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))


def _records(item: AuditItem) -> list[dict[str, Any]]:
    if isinstance(item, LineError):
        return [item.to_json()]
    return item.violation_records()


def _emit(record: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(record, separators=(",", ":")) + "\n")
    elif record["type"] == "error":
        where = f" {record['path']}:" if record["path"] else ""
        print(f"line {record['line']}: error:{where} {record['message']}", file=sys.stderr)
    else:
        print(
            f"line {record['line']}: {record['at']} {record['channel']} consumer "
            f"{record['consumer_id']} debt {record['debt_id']}: {record['rule_id']} "
            f"[{record['citation']}]\n    {record['message']}"
        )


def _print_summary(summary: AuditSummary, *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(summary.to_json(), separators=(",", ":")) + "\n")
        return
    s = summary
    print(
        f"\n{s.lines} lines, {s.contacts} contacts audited, {s.contacts_with_violations} with "
        f"violations ({s.violations} violations), {s.errors} lines in error"
    )
    if s.by_rule:
        print("\nBy rule:")
        for rule, count in s.by_rule.most_common():
            print(f"  {count:8d}  {rule}  [{s.citations[rule]}]")
    for title, counter in (("jurisdiction", s.by_jurisdiction), ("channel", s.by_channel)):
        if counter:
            print(f"\nBy {title}:")
            for key, count in counter.most_common():
                print(f"  {count:8d}  {key}")
    if s.by_month:
        print("\nBy month (UTC):")
        for month, count in sorted(s.by_month.items()):
            print(f"  {count:8d}  {month}")


def _write_report(
    path: str, summary: AuditSummary, spools: tuple[IO[str], IO[str]], *, title: str
) -> None:
    for spool in spools:
        spool.seek(0)
    violations, errors = ((json.loads(line) for line in spool) for spool in spools)
    with open(path, "w", encoding="utf-8") as out:
        write_html(out, summary, violations, errors, title)
