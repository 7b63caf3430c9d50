"""The ``contactrules`` command: check requests, list rules, print the ruleset JSON Schema.

Exit codes: 0 allowed, 1 denied, 2 invalid input or invalid rulesets (the error goes to stderr).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import pathlib
import sys
from collections.abc import Sequence
from typing import IO

from contactrules import docsgen
from contactrules.commands import as_of_date, command_modules
from contactrules.compliance.cases import in_force_on
from contactrules.compliance.decisionlog import DecisionLog
from contactrules.engine import BACKENDS, CompiledRule, Engine
from contactrules.errors import InvalidRequest, RulesetError
from contactrules.models.parse import parse_request_json
from contactrules.ruleset.schema import ruleset_json_schema

EXIT_ALLOWED, EXIT_DENIED, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contactrules",
        description="Decide whether a debt collector may contact a consumer now, with citations.",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="an extra ruleset directory or file (a stricter policy overlay); repeatable",
    )
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default="native",
        help="how rules are checked: native (default) or durable (durable_rules' Rete engine, "
        "the durable extra: slower, an independent second implementation for verification)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="decide one request (JSON) or many (--jsonl)")
    check.add_argument("file", help="request file, or - for standard input")
    check.add_argument("--jsonl", action="store_true", help="one request per line in and out")
    check.add_argument("--pretty", action="store_true", help="indent the decision JSON")
    check.add_argument(
        "--log", metavar="FILE", help="append one decision record per decision (Reg F 1006.100)"
    )

    rules = sub.add_parser("rules", help="list the loaded rules with their citations")
    rules.add_argument("--jurisdiction", help="e.g. US, US-MA (includes its sub-levels)")
    rules.add_argument("--json", action="store_true", help="machine-readable output")
    rules.add_argument(
        "--as-of",
        type=as_of_date,
        metavar="DATE",
        help="only the rule versions in force on DATE (default: every version)",
    )

    sub.add_parser("schema", help="print the JSON Schema of ruleset files")

    docs = sub.add_parser("docs", help="generate docs/jurisdictions/*.md and docs/coverage.md")
    docs.add_argument("--out", default="docs", help="the docs directory (default: docs)")
    docs.add_argument(
        "--check", action="store_true", help="exit 1 if the pages differ from the rulesets"
    )
    for module in command_modules():
        module.register(sub.add_parser(module.NAME, help=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    plugged = {module.NAME: module for module in command_modules()}
    if args.command in plugged:
        try:
            return int(plugged[args.command].run(args))
        except RulesetError as exc:
            print(f"contactrules: invalid ruleset: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.command == "schema":
        print(json.dumps(ruleset_json_schema(), indent=2))
        return EXIT_ALLOWED
    try:
        engine = Engine.load(extra=args.rules, backend=args.backend)
    except RulesetError as exc:
        print(f"contactrules: invalid ruleset: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ImportError as exc:  # the durable backend without its extra installed
        print(f"contactrules: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.command == "rules":
        return _rules(engine, args.jurisdiction, args.json, args.as_of)
    if args.command == "docs":
        return _docs(engine, pathlib.Path(args.out), check=args.check)
    with contextlib.ExitStack() as stack:
        log = stack.enter_context(DecisionLog(args.log)) if args.log else None
        return _check(engine, args.file, jsonl=args.jsonl, pretty=args.pretty, log=log)


def _open(name: str) -> IO[str]:
    return sys.stdin if name == "-" else open(name, encoding="utf-8")


def _check(
    engine: Engine, name: str, *, jsonl: bool, pretty: bool, log: DecisionLog | None = None
) -> int:
    try:
        stream = _open(name)
    except OSError as exc:
        print(f"contactrules: cannot read {name}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    with stream:
        if jsonl:
            return _check_lines(engine, stream, log)
        text = stream.read()
    try:
        request = parse_request_json(text)
        decision = engine.evaluate(request)
    except InvalidRequest as exc:
        print(f"contactrules: invalid request: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if log is not None:
        log.record(request, decision)
    print(json.dumps(decision.to_json(), indent=2 if pretty else None))
    return EXIT_ALLOWED if decision.allowed else EXIT_DENIED


def _check_lines(engine: Engine, stream: IO[str], log: DecisionLog | None = None) -> int:
    """One decision or error object per input line; exit 2 if any line was invalid, else 1 if
    any contact was denied, else 0. Blank lines are echoed as errors, never skipped silently."""
    worst = EXIT_ALLOWED
    out = sys.stdout
    for number, line in enumerate(stream, start=1):
        try:
            request = parse_request_json(line)
            decision = engine.evaluate(request)
        except InvalidRequest as exc:
            out.write(json.dumps({"line": number, "error": exc.to_json()}) + "\n")
            worst = EXIT_ERROR
            continue
        if log is not None:
            log.record(request, decision)
        out.write(json.dumps(decision.to_json(), separators=(",", ":")) + "\n")
        if not decision.allowed and worst == EXIT_ALLOWED:
            worst = EXIT_DENIED
    return worst


def _rules(
    engine: Engine, jurisdiction: str | None, as_json: bool, as_of: dt.date | None = None
) -> int:
    rules = engine.rules(jurisdiction)
    if as_of is not None:
        rules = [rule for rule in rules if in_force_on(rule, as_of)]
    if (
        jurisdiction
        and not rules
        and not any(r.document.jurisdiction == jurisdiction for r in engine.rulesets)
    ):
        print(f"contactrules: no ruleset for jurisdiction {jurisdiction}", file=sys.stderr)
        return EXIT_ERROR
    if as_json:
        print(json.dumps([_rule_json(rule) for rule in rules], indent=2))
        return EXIT_ALLOWED
    for rule in rules:
        until = rule.effective_to.isoformat() if rule.effective_to else "in force"
        layer = "" if rule.layer == "law" else f", {rule.layer} layer"
        print(f"{rule.id}  [{rule.jurisdiction}, {rule.kind}, {rule.severity}{layer}]")
        print(f"    {rule.title}")
        print(f"    {rule.citation}  <{rule.source_url}>")
        print(f"    effective {rule.effective_from} .. {until}   ({rule.source_file})")
    return EXIT_ALLOWED


def _docs(engine: Engine, out: pathlib.Path, *, check: bool) -> int:
    if check:
        stale = docsgen.stale_pages(engine.rulesets, out)
        for page in stale:
            print(f"stale: {out / page}", file=sys.stderr)
        if stale:
            print("contactrules: run `contactrules docs` to regenerate", file=sys.stderr)
        return EXIT_DENIED if stale else EXIT_ALLOWED
    for page in docsgen.write(engine.rulesets, out):
        print(out / page)
    return EXIT_ALLOWED


def _rule_json(rule: CompiledRule) -> dict[str, object]:
    return {
        "id": rule.id,
        "version": rule.version,
        "title": rule.title,
        "kind": rule.kind,
        "jurisdiction": rule.jurisdiction,
        "layer": rule.layer,
        "severity": rule.severity,
        "citation": rule.citation,
        "source_url": rule.source_url,
        "effective_from": rule.effective_from.isoformat(),
        "effective_to": rule.effective_to.isoformat() if rule.effective_to else None,
        "file": rule.source_file,
    }


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
