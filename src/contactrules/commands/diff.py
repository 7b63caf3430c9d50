"""``contactrules diff OLD NEW``: review an amendment by what it changes (issue 5; see
docs/for-compliance-officers.md, "Reviewing an amendment: diff").

OLD and NEW are ruleset directories or git revisions of the repository's ``rulesets/``.
Exit codes: 0 the versions decide the corpus identically and no rule changed, 1 something
differs, 2 a version could not be loaded.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
from typing import Any

from contactrules.commands import overlays
from contactrules.compliance.diff import DEFAULT_SAMPLES, DIRECTIONS, Report, compare, version_root
from contactrules.engine import Engine
from contactrules.ruleset.loader import bundled_root

NAME = "diff"
HELP = "rules added/removed/changed between two ruleset versions, and the decisions that flip"
EXIT_SAME, EXIT_DIFFERENT = 0, 1
_ARROWS = {"allow_to_deny": "allow -> deny", "deny_to_allow": "deny -> allow"}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="a ruleset directory, or a git revision")
    parser.add_argument("new", metavar="NEW", help="a ruleset directory, or a git revision")
    parser.add_argument(
        "--samples",
        type=int,
        default=DEFAULT_SAMPLES,
        help=f"generated requests (default {DEFAULT_SAMPLES}; 0 for the cases alone)",
    )
    parser.add_argument("--seed", type=int, default=0, help="the generated corpus' seed")
    parser.add_argument(
        "--cases",
        action="append",
        metavar="DIR",
        help="case directories or files (JSON requests, acceptance cases, *.cases.yaml); "
        "default: tests/cases and the new version's case files",
    )
    parser.add_argument("--repo", help="the git repository for revisions (default: this one)")
    parser.add_argument(
        "--git-path", default="rulesets", help="the rulesets' path inside the repository"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    repo = pathlib.Path(args.repo) if args.repo else _repository()
    cases = [pathlib.Path(c) for c in args.cases] if args.cases else _default_cases(repo)
    if args.samples < 0:
        print("contactrules: --samples must be 0 or more", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="contactrules-diff-") as work:
        roots = [
            version_root(spec, pathlib.Path(work), repo=repo, subdir=args.git_path)
            for spec in (args.old, args.new)
        ]
        versions = [Engine.from_paths(root, extra=overlays(args)) for root in roots]
        # The officers' case files of the new version join the corpus: an amendment's new
        # cases are how it is meant to be reviewed.
        report = compare(
            versions[0],
            versions[1],
            labels=(args.old, args.new),
            case_roots=cases if args.cases else [*cases, roots[1]],
            samples=args.samples,
            seed=args.seed,
        )
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        _print(report)
    return EXIT_DIFFERENT if report.differs else EXIT_SAME


def _repository() -> pathlib.Path:
    """The git work tree around the current directory, else around the bundled rulesets."""
    for start in (pathlib.Path.cwd(), bundled_root()):
        found = subprocess.run(
            ["git", "-C", str(start), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0:
            return pathlib.Path(found.stdout.strip())
    return pathlib.Path.cwd()


def _default_cases(repo: pathlib.Path) -> list[pathlib.Path]:
    cases = repo / "tests" / "cases"
    return [cases] if cases.is_dir() else []


def _value(value: Any) -> str:
    return json.dumps(value) if not isinstance(value, str) else value


def _print(report: Report) -> None:
    print(f"Comparing {report.old_label} ({report.old_digest[:19]}...)")
    print(f"     with {report.new_label} ({report.new_digest[:19]}...)\n")
    if not report.rules and not report.rulesets:
        print("No rule changed.")
    for change in report.rulesets:
        print(f"ruleset {change['status']}: {change['file']} ({change['jurisdiction']})")
        for item in change.get("changes", []):
            print(f"    {item['field']}: {_value(item['old'])} -> {_value(item['new'])}")
    for rule in report.rules:
        print(f"rule {rule.status}: {rule.rule_id} ({rule.jurisdiction}, {rule.file})")
        for field in rule.changes:
            print(f"    {field.path}: {_value(field.old)} -> {_value(field.new)}")
    impact = report.impact
    print(
        f"\nBehaviour over {impact.decided} requests ({impact.cases} cases, {impact.generated} "
        f"generated with seed {impact.seed}):"
    )
    for direction in DIRECTIONS:
        print(f"  {_ARROWS[direction]}: {impact.totals[direction]}")
    for (direction, rule_id, jurisdiction), count in sorted(impact.flips.items()):
        print(f"    {_ARROWS[direction]}  {count:6d}  {rule_id} ({jurisdiction or 'engine'})")
    if impact.by_jurisdiction:
        print("  by jurisdiction:")
    for (direction, jurisdiction), count in sorted(impact.by_jurisdiction.items()):
        print(f"    {_ARROWS[direction]}  {count:6d}  {jurisdiction}")
    print(f"  denied by both, for different rules: {impact.deny_reasons_changed}")
    for (status, rule_id, jurisdiction), count in sorted(impact.reasons.items()):
        print(f"    {status:>7} {count:6d}  {rule_id} ({jurisdiction or 'engine'})")
    for source, reason in impact.invalid:
        print(f"  not decided (invalid request): {source}: {reason}")
    for direction in DIRECTIONS:
        example = impact.examples.get(direction)
        if example is None:
            continue
        print(f"\nMinimal {_ARROWS[direction]} example ({example.source}):")
        print("  " + json.dumps(example.request))
        for label, decision in (("old", example.old), ("new", example.new)):
            verdict = "allowed" if decision.allowed else "denied"
            cited = "; ".join(f"{v.rule_id} [{v.citation}]" for v in decision.violations)
            print(f"  {label}: {verdict}" + (f" by {cited}" if cited else ""))
