"""Check ruleset and case files before they ship (issue 5, ``contactrules lint``).

Schema errors (what the engine refuses to load: missing citations and source URLs, inverted
windows and effective ranges, unknown holiday calendars, unknown fields...) and semantic checks
the schema cannot express, each a ``Problem`` with its file, line and rule id:

* conflicts across files: duplicate ids, overlapping versions of one rule, a policy overlay that
  reuses a law rule's id, an overlay that does not declare ``layer: policy`` (errors);
* rules that can never apply or never deny as written: an empty ``applies_to`` list, a fact that
  only describes channels the rule does not govern, a consent matched to a phone number on
  channels that have none, a cap counted per phone number on such channels, a window with no days,
  an empty filter of counted contacts (errors); windows open around the clock (warning);
* gaps between the versions of one rule, ``known_only`` naming a fact with no list (warnings);
* a ``reviewed`` date more than twelve months before the as-of date (warning);
* case files: format, requests that break the contract, unknown rule ids (errors), and a case
  file with no ruleset beside it (warning).

Nothing stops at the first problem: a file that does not parse is one error and every other file
is still checked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import pathlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from contactrules.compliance.cases import LoadedCase, load_case_file, unknown_rule_problems
from contactrules.compliance.collection import Collection, collect
from contactrules.compliance.problems import Problem, Severity
from contactrules.errors import InvalidRequest
from contactrules.kinds.base import FACT_NAMES, Effective, RuleBase
from contactrules.models.fields import clock_minutes
from contactrules.models.parse import json_path, parse_request
from contactrules.models.vocabulary import CHANNELS, WEEKDAYS
from contactrules.ruleset.loader import CASE_SUFFIXES, CheckedFile, RuleSite

STALE_AFTER_MONTHS = 12
# Facts of a contact that only exist on some channels.
CHANNEL_FACTS: dict[str, frozenset[str]] = {
    "technologies": frozenset({"call", "sms"}),
    "phone_types": frozenset({"call", "sms"}),
    "email_kinds": frozenset({"email"}),
    "visibilities": frozenset({"social_media"}),
}
# Channels whose contacts carry the address a kind matches or counts by.
ADDRESS_CHANNELS: dict[str, frozenset[str]] = {
    "phone": frozenset({"call", "sms"}),
    "email": frozenset({"email"}),
    "address": frozenset({"call", "sms", "email"}),
    "debt_and_address": frozenset({"call", "sms", "email"}),
}
_DAY = 24 * 60

ProblemAt = Callable[[Severity, str, str, Sequence[int | str]], Problem]


@dataclass(frozen=True, slots=True)
class LintReport:
    as_of: dt.date
    files: int
    case_files: int
    rule_versions: int
    in_force: int
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    def failed(self, *, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "files": self.files,
            "case_files": self.case_files,
            "rule_versions": self.rule_versions,
            "in_force": self.in_force,
            "errors": self.errors,
            "warnings": self.warnings,
            "problems": [p.to_json() for p in self.problems],
        }


def lint(
    paths: Sequence[str | pathlib.Path],
    overlays: Sequence[str | pathlib.Path] = (),
    *,
    as_of: dt.date,
) -> LintReport:
    """Every problem of every ruleset and case file (see the module docstring for PATHs)."""
    collection = collect(paths, overlays)
    problems = list(collection.problems)
    for gathered in collection.files:
        problems.extend(file_problems(gathered.checked, as_of))
    problems.extend(version_gaps(collection))
    problems.extend(_case_problems(collection))
    sites = list(collection.sites())
    in_force = sum(_in_force(site.effective, as_of) for site in sites if site.effective)
    return LintReport(
        as_of,
        len(collection.files),
        len(collection.case_files),
        len(sites),
        in_force,
        sorted(problems, key=lambda p: p.sort_key),
    )


def _in_force(effective: Effective, day: dt.date) -> bool:
    return effective.from_ <= day and (effective.to is None or day <= effective.to)


def file_problems(checked: CheckedFile, as_of: dt.date) -> Iterator[Problem]:
    header = checked.header
    if header is not None and header.reviewed < months_before(as_of, STALE_AFTER_MONTHS):
        yield Problem(
            "warning",
            "stale-review",
            f"reviewed {header.reviewed}, more than {STALE_AFTER_MONTHS} months before "
            f"{as_of}: check these rules against the law again, then update 'reviewed'",
            checked.path,
            checked.line(["reviewed"]),
            field="reviewed",
        )
    for index, rule in checked.rules:
        yield from rule_problems(rule, _locator(checked, index, rule))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` months earlier (its last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _locator(checked: CheckedFile, index: int, rule: RuleBase) -> ProblemAt:
    def at(severity: Severity, code: str, message: str, loc: Sequence[int | str]) -> Problem:
        full = ["rules", index, *loc]
        return Problem(
            severity, code, message, checked.path, checked.line(full), rule.id, json_path(full)
        )

    return at


def rule_problems(rule: RuleBase, at: ProblemAt) -> Iterator[Problem]:
    """The semantic problems of one valid rule."""
    yield from _applicability(rule, at)
    yield from _kind_and_channels(rule, at)
    yield from _windows(rule, at)
    yield from _filters(rule, at)


def _applicability(rule: RuleBase, at: ProblemAt) -> Iterator[Problem]:
    applies = rule.applies_to
    for name in FACT_NAMES:
        if getattr(applies, name) == []:
            yield at(
                "error",
                "never-applies",
                f"applies_to.{name} is empty: no contact matches it, so the rule never applies",
                ["applies_to", name],
            )
    channels = set(applies.channels or ())
    for fact, fact_channels in CHANNEL_FACTS.items():
        if channels and getattr(applies, fact) and not channels & fact_channels:
            yield at(
                "error",
                "contradiction",
                f"applies_to.{fact} describes only {_names(fact_channels)} contacts, but the "
                f"rule governs only {_names(channels)}: the two contradict",
                ["applies_to", fact],
            )
    for fact in applies.known_only:
        if getattr(applies, fact) is None:
            yield at(
                "warning",
                "no-effect",
                f"known_only names {fact}, but applies_to.{fact} is not given: it has no effect",
                ["applies_to", "known_only"],
            )


def _kind_and_channels(rule: RuleBase, at: ProblemAt) -> Iterator[Problem]:
    params = getattr(rule, "params", None)
    channels = rule.applies_to.channels
    governed = set(channels) if channels is not None else set(CHANNELS)
    if not governed:
        return
    # ``address: none`` matches consent to a medium, which every channel can carry.
    if rule.kind == "consent_required" and params.address != "none":  # type: ignore[union-attr]
        address = params.address  # type: ignore[union-attr]
        without = governed - ADDRESS_CHANNELS[address]
        if without:
            # None of the governed channels carry the address: nothing the rule governs can pass.
            severity: Severity = "error" if without == governed else "warning"
            yield at(
                severity,
                "contradiction",
                f"consent is matched to the contact's {address}, but the rule governs "
                f"{_names(without)}, which carry none: it denies every such contact",
                ["applies_to", "channels"] if channels is not None else ["params", "address"],
            )
    per = getattr(params, "per", None)
    if per in ADDRESS_CHANNELS and channels is not None and not governed & ADDRESS_CHANNELS[per]:
        yield at(
            "error",
            "contradiction",
            f"counted per {per.replace('_', ' ')}, but the rule governs only {_names(governed)}, "
            "which have no phone number or email address to count by",
            ["params", "per"],
        )


def _windows(rule: RuleBase, at: ProblemAt) -> Iterator[Problem]:
    if rule.kind != "time_window":
        return
    params: Any = getattr(rule, "params")  # noqa: B009  # the kind guarantees it
    by_day: dict[str, list[tuple[int, int]]] = {day: [] for day in WEEKDAYS}
    for index, window in enumerate(params.windows):
        if not window.days:
            yield at(
                "error",
                "empty-window",
                "the window lists no days: it never opens",
                ["params", "windows", index, "days"],
            )
        for day in window.days:
            by_day[day].append((clock_minutes(window.start), clock_minutes(window.end)))
    if params.closed_on_holidays is None and all(_whole_day(spans) for spans in by_day.values()):
        yield at(
            "warning",
            "never-denies",
            "the windows are open around the clock every day and no holidays are closed: the "
            "rule can never deny",
            ["params", "windows"],
        )


def _whole_day(spans: list[tuple[int, int]]) -> bool:
    reached = 0
    for start, end in sorted(spans):
        if start > reached:
            return False
        reached = max(reached, end)
    return reached >= _DAY


def _filters(rule: RuleBase, at: ProblemAt) -> Iterator[Problem]:
    params = getattr(rule, "params", None)
    for name in ("counts", "after"):
        contact_filter = getattr(params, name, None)
        if contact_filter is None:
            continue
        for field_name, values in contact_filter:
            if values == []:
                yield at(
                    "error",
                    "never-denies",
                    f"params.{name}.{field_name} is empty: no past contact matches, so the rule "
                    "never denies",
                    ["params", name, field_name],
                )


def _names(channels: Iterable[str]) -> str:
    return "[" + ", ".join(sorted(channels)) + "]"


def version_gaps(collection: Collection) -> Iterator[Problem]:
    """Days on which no version of a versioned rule is in force, between two of its versions."""
    by_rule: dict[tuple[int, str], list[tuple[Effective, RuleSite]]] = {}
    for site in collection.sites():
        if site.effective is not None:
            by_rule.setdefault((site.file, site.rule_id), []).append((site.effective, site))
    for sites in by_rule.values():
        ordered = sorted(sites, key=lambda pair: pair[0].from_)
        for (earlier, _), (effective, later) in itertools.pairwise(ordered):
            end, start = earlier.to, effective.from_
            if end is None or end + dt.timedelta(days=1) >= start:
                continue  # overlapping versions are errors of their own
            checked = collection.files[later.file].checked
            yield Problem(
                "warning",
                "version-gap",
                f"no version of this rule is in force from {end + dt.timedelta(days=1)} to "
                f"{start - dt.timedelta(days=1)}: contacts then are not checked against it",
                later.path,
                checked.line(["rules", later.index, "effective"]),
                later.rule_id,
                f"rules[{later.index}].effective",
            )


def _case_problems(collection: Collection) -> Iterator[Problem]:
    known = {site.rule_id for site in collection.sites()}
    for path, shown in collection.case_files:
        if not _ruleset_beside(path):
            yield Problem(
                "warning",
                "orphan-case-file",
                "no ruleset beside this case file: name it after its ruleset (ma.cases.yaml "
                "or ma.LABEL.cases.yaml beside ma.yaml)",
                shown,
                1,
            )
        case_file = load_case_file(path, shown)
        yield from case_file.problems
        for case in case_file.cases:
            yield from unknown_rule_problems(case, known)
            yield from _request_problems(case)


def _ruleset_beside(path: pathlib.Path) -> bool:
    """Whether ``NAME.cases.yaml`` or ``NAME.LABEL.cases.yaml`` has ``NAME.yaml`` beside it."""
    stem = next(path.name[: -len(s)] for s in CASE_SUFFIXES if path.name.endswith(s))
    names = [stem, stem.split(".", 1)[0]]
    return any(
        path.with_name(name + suffix).is_file() for name in names for suffix in (".yaml", ".yml")
    )


def _request_problems(case: LoadedCase) -> Iterator[Problem]:
    if case.expect.error is not False:
        return
    try:
        parse_request(case.request)
    except InvalidRequest as exc:
        yield Problem(
            "error",
            "case-request",
            f"case {case.name!r}: the request breaks the contract: {exc}",
            case.file,
            case.line,
            field=exc.path or None,
        )
