"""``contactrules lint [PATH...]``: check ruleset and case files before they ship (issue 5; see
docs/for-compliance-officers.md, "Checking an edit: lint").

PATHs are ruleset directories or files, or case files; the bundled rulesets when none is named.
``--rules`` overlays are checked too, as overlays. ``--as-of`` (default: today's date, the only
place the toolkit reads the clock, and only to judge how old a review is) is the date a
``reviewed`` date is measured against.

Exit codes: 0 no error (warnings allowed), 1 errors (or warnings with ``--strict``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from contactrules.commands import add_paths_and_as_of, overlays
from contactrules.compliance.lint import STALE_AFTER_MONTHS, LintReport, lint

NAME = "lint"
HELP = (
    "check ruleset and case files (schema, citations, windows, versions, reviews); exit 1 on errors"
)
EXIT_CLEAN, EXIT_ERRORS = 0, 1


def register(parser: argparse.ArgumentParser) -> None:
    add_paths_and_as_of(
        parser,
        f"warn of reviews more than {STALE_AFTER_MONTHS} months before DATE "
        "(default: today); also counts the rules in force then",
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")


def run(args: argparse.Namespace) -> int:
    as_of = args.as_of or dt.date.today()
    report = lint(args.paths, overlays(args), as_of=as_of)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        _print(report)
    return EXIT_ERRORS if report.failed(strict=args.strict) else EXIT_CLEAN


def _print(report: LintReport) -> None:
    for problem in report.problems:
        print(problem.render())
    if report.problems:
        print()
    print(
        f"{report.files} ruleset files, {report.case_files} case files, {report.rule_versions} "
        f"rule versions ({report.in_force} in force on {report.as_of}): "
        f"{_count(report.errors, 'error')}, {_count(report.warnings, 'warning')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
