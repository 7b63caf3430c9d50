"""``contactrules test [PATH...]``: run the compliance officers' example cases and report rule
coverage (issue 5; see docs/for-compliance-officers.md, "Proving an edit: test", and the case
format in docs/rulesets.md).

PATHs are ruleset directories or files, or case files (see ``contactrules.compliance.collection``);
the bundled rulesets and their cases when none is named. ``--as-of DATE`` limits the coverage
report to the rule versions in force on that date; every case still runs.

Exit codes: 0 every case passed, 1 some case failed, 2 some case, case file or ruleset could not
be used (each is reported with its file, line and reason; everything else still ran).
"""

from __future__ import annotations

import argparse
import json
import pathlib
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from contactrules.commands import add_paths_and_as_of, overlays
from contactrules.compliance.cases import (
    CaseFile,
    CaseResult,
    CaseRun,
    Coverage,
    RuleVersion,
    load_case_file,
    run_cases,
)
from contactrules.compliance.collection import collect
from contactrules.compliance.problems import Problem
from contactrules.engine import Engine
from contactrules.errors import RulesetError
from contactrules.ruleset.loader import bundled_root, is_case_file

NAME = "test"
HELP = "run the example cases beside the rulesets and report rule coverage; exit 1 on failures"
EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def register(parser: argparse.ArgumentParser) -> None:
    add_paths_and_as_of(
        parser,
        "report coverage of the rule versions in force on DATE only (default: every version)",
    )
    parser.add_argument(
        "-k", dest="match", metavar="TEXT", help="run only the cases whose name contains TEXT"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list passing cases too")


def run(args: argparse.Namespace) -> int:
    collection = collect(args.paths, overlays(args))
    problems = list(collection.problems)
    try:
        engine = Engine(collection.loadable())
    except RulesetError as exc:  # the files loaded one by one; this is a safety net
        problems.append(Problem.from_error(exc))
        engine = Engine([])
    case_files = [load_case_file(path, shown) for path, shown in collection.case_files]
    if not case_files:
        named = ", ".join(map(str, args.paths)) or "the bundled rulesets"
        problems.append(Problem("error", "no-cases", f"no case files (*.cases.yaml) in {named}"))
    if args.match:
        case_files = [_only(case_file, args.match) for case_file in case_files]
    written = {site.rule_id for site in collection.sites()}
    result = run_cases(
        engine, case_files, as_of=args.as_of, extra_problems=problems, known_ids=written
    )
    if args.json:
        print(json.dumps(result.to_json(), indent=2))
    else:
        print(f"Rules: {_describe_rules(args.paths, overlays(args))}; {len(case_files)} case files")
        _print(result, verbose=args.verbose, selected=args.match)
    if result.errors:
        return EXIT_ERROR
    return EXIT_FAILED if result.failed else EXIT_PASSED


def _describe_rules(paths: Sequence[str], extra: Sequence[str]) -> str:
    """Which rules decide the cases: when only case files are named, the bundled rulesets."""
    named = [p for p in paths if not is_case_file(pathlib.Path(p))]
    text = ", ".join(named) if named else f"the bundled rulesets ({bundled_root()})"
    return text + (f" with overlays {', '.join(extra)}" if extra else "")


def _only(case_file: CaseFile, text: str) -> CaseFile:
    chosen = tuple(case for case in case_file.cases if text in case.name)
    return CaseFile(case_file.path, chosen, case_file.problems)


# ---------------------------------------------------------------------- human output
def _print(result: CaseRun, *, verbose: bool, selected: str | None) -> None:
    # Problems first: a ruleset that did not load explains the failures that follow.
    if result.problems:
        print()
    for problem in result.problems:
        print(problem.render())
    for case_result in result.results:
        if case_result.status != "pass" or verbose:
            print()
            _print_result(case_result)
    _print_coverage(result.coverage, selected=selected)
    summary = result.to_json()["summary"]
    print(
        f"\n{summary['cases']} cases: {summary['passed']} passed, {summary['failed']} failed, "
        f"{summary['errors']} errors"
    )


def _print_result(result: CaseResult) -> None:
    case = result.case
    print(f"{result.status.upper():5} {case.where}: {case.name}")
    if result.status == "error":
        print(f"      {result.error}")
        return
    for difference in result.differences:
        print(f"      {difference.what}")
        print(f"          expected: {_show(difference.expected)}")
        print(f"          actual:   {_show(difference.actual)}")
    decision = result.decision
    if decision is not None and result.status == "fail":
        verdict = "allowed" if decision.allowed else "denied"
        print(f"      decision: {verdict}, next_allowed_at {_show(decision.next_allowed_at)}")
        for v in decision.violations:
            print(f"          {v.rule_id} [{v.citation}] ({v.layer}): {v.message}")


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and not value:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(_show(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key} {_show(item)}" for key, item in value.items())
    return str(value)


def _print_coverage(coverage: Coverage, *, selected: str | None) -> None:
    scope = f"in force on {coverage.as_of}" if coverage.as_of else "every version"
    if selected:
        scope += f"; only the cases whose name contains {selected!r}"
    print(f"\nRule coverage ({scope}):")
    denied = {v.key for v in coverage.never_denied()}
    passed = {v.key for v in coverage.never_passed()}
    unexercised = {v.key for v in coverage.never_exercised()}
    by_jurisdiction: dict[str, list[RuleVersion]] = defaultdict(list)
    for version in coverage.versions:
        by_jurisdiction[version.jurisdiction].append(version)
    unreached = []
    for jurisdiction, versions in sorted(by_jurisdiction.items()):
        if all(v.key in unexercised for v in versions):
            unreached.append(jurisdiction)
            continue
        lacking = sum(v.key in denied for v in versions)
        print(
            f"  {jurisdiction}: {len(versions)} rule versions, {len(versions) - lacking} denied "
            f"by some case"
        )
        _list("never denied by a case", [v for v in versions if v.key in denied - unexercised])
        _list("never seen passing", [v for v in versions if v.key in passed])
        _list("never exercised at all", [v for v in versions if v.key in unexercised])
    if unreached:
        print(f"  no case reaches any rule of: {', '.join(unreached)}")


def _list(title: str, versions: Sequence[RuleVersion]) -> None:
    if versions:
        print(f"    {title}:")
        for v in versions:
            print(f"      {v.rule_id} (version {v.version}, {v.file})")
