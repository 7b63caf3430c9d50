"""Example cases written by compliance officers, and what running them shows (issue 5,
``contactrules test``; the format is in docs/rulesets.md, "Case files").

A case file sits beside its ruleset, ``NAME.cases.yaml`` next to ``NAME.yaml``. Each case is a
request (the contract's JSON written as YAML, merged over the file's ``defaults.request``) and
what its decision must be: allowed or denied, the rules it violates or passes, citations, and
``next_allowed_at`` (an instant, null, or an inclusive range). Running the cases also measures
coverage: which rule versions some case makes fail, sees pass, or never reaches at all.

A malformed case file, case or request is a ``Problem`` with its file and line; the other cases
still run.
"""

from __future__ import annotations

import datetime as dt
import pathlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator

from contactrules.compliance.problems import Problem
from contactrules.engine import CompiledRule, Engine
from contactrules.errors import InvalidRequest
from contactrules.models.decision import Decision
from contactrules.models.parse import json_path, parse_request
from contactrules.ruleset.loader import CASE_SUFFIXES, is_case_file, node_line

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _CaseLoader(_BASE_LOADER):  # type: ignore[misc]
    """The safe loader, but instants, dates and clock times stay text, as the contract wants
    them: a YAML timestamp would lose the UTC offset the officer wrote, and YAML 1.1 reads an
    unquoted ``12:00`` as the base-60 number 720."""

    def construct_int_or_clock(self, node: yaml.ScalarNode) -> int | str:
        if ":" in str(node.value):
            return str(self.construct_scalar(node))
        return int(self.construct_yaml_int(node))


_CaseLoader.add_constructor("tag:yaml.org,2002:timestamp", _CaseLoader.construct_yaml_str)
_CaseLoader.add_constructor("tag:yaml.org,2002:int", _CaseLoader.construct_int_or_clock)

_STRICT = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class InstantRange(BaseModel):
    """``next_allowed_at`` anywhere from ``from`` to ``to``, both inclusive."""

    model_config = _STRICT

    from_: AwareDatetime = Field(alias="from")
    to: AwareDatetime

    @model_validator(mode="after")
    def _ordered(self) -> InstantRange:
        if self.to < self.from_:
            raise ValueError(f"next_allowed_at range ends ({self.to}) before it starts")
        return self


class Expect(BaseModel):
    """What the decision must be. Only what is written is checked."""

    model_config = _STRICT

    allowed: bool | None = None
    violates: list[str] = Field(default_factory=list, description="rule ids that must be violated")
    does_not_violate: list[str] = Field(
        default_factory=list, description="rule ids that must not be violated"
    )
    passes: list[str] = Field(default_factory=list, description="rule ids that must apply and pass")
    warns: list[str] = Field(default_factory=list, description="rule ids that must warn")
    citations: list[str | list[str]] = Field(
        default_factory=list,
        description="each must be part of some violation's citation (a list: any one of them)",
    )
    next_allowed_at: AwareDatetime | InstantRange | None = None
    error: bool | str = Field(
        False, description="the request is invalid on purpose; a string must be in the error"
    )

    @model_validator(mode="after")
    def _says_something(self) -> Expect:
        given = self.model_fields_set
        if not given:
            raise ValueError("expect nothing: say at least allowed, violates or error")
        if self.error and given - {"error"}:
            raise ValueError("a case that expects an invalid request expects nothing else")
        return self

    @property
    def rule_ids(self) -> list[str]:
        return [*self.violates, *self.does_not_violate, *self.passes, *self.warns]


class Case(BaseModel):
    model_config = _STRICT

    name: str = Field(min_length=3)
    request: dict[str, Any] = Field(default_factory=dict)
    expect: Expect
    notes: str = ""


class _Defaults(BaseModel):
    model_config = _STRICT

    request: dict[str, Any] = Field(default_factory=dict)


class _Header(BaseModel):
    model_config = _STRICT

    defaults: _Defaults = Field(default_factory=_Defaults)
    cases: list[Any] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class LoadedCase:
    """One case, its request merged over the file's defaults, and where it is written."""

    file: str
    line: int | None
    name: str
    request: dict[str, Any]
    expect: Expect

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class CaseFile:
    path: str
    cases: tuple[LoadedCase, ...]
    problems: tuple[Problem, ...]


def cases_beside(ruleset: pathlib.Path) -> list[pathlib.Path]:
    """The case file of a ruleset file (``ma.yaml`` -> ``ma.cases.yaml``), if there is one."""
    stem = ruleset.name.rsplit(".", 1)[0]
    return [p for s in CASE_SUFFIXES if (p := ruleset.with_name(stem + s)).is_file()]


def discover_cases(root: pathlib.Path) -> list[pathlib.Path]:
    """Every case file under a directory, or beside a ruleset file, or the case file itself."""
    if root.is_dir():
        return sorted(p for p in root.rglob("*.y*ml") if is_case_file(p))
    if is_case_file(root):
        return [root]
    return cases_beside(root)


def load_case_file(path: pathlib.Path, shown: str | None = None) -> CaseFile:
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return CaseFile(shown, (), (_problem(shown, None, f"cannot read: {exc}", "unreadable"),))
    return load_case_text(text, shown)


def load_case_text(text: str, shown: str) -> CaseFile:
    """Every valid case of a case file, and a problem for each thing wrong with it."""
    try:
        data = yaml.load(text, Loader=_CaseLoader)
        node = yaml.compose(text, Loader=_BASE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        return CaseFile(shown, (), (_problem(shown, line, f"YAML does not parse: {exc}", "yaml"),))
    if not isinstance(data, dict):
        return CaseFile(shown, (), (_problem(shown, 1, "a case file must be a YAML mapping"),))
    problems: list[Problem] = []
    try:
        header = _Header.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_problems(exc, (), node, shown))
        return CaseFile(shown, (), tuple(problems))
    cases: list[LoadedCase] = []
    names: dict[str, int | None] = {}
    for index, raw in enumerate(header.cases):
        line = node_line(node, ["cases", index])
        try:
            case = Case.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_validation_problems(exc, ("cases", index), node, shown))
            continue
        if case.name in names:
            problems.append(
                _problem(
                    shown,
                    line,
                    f"case name {case.name!r} is also used at line "
                    f"{names[case.name]}; names must be unique in a file",
                )
            )
            continue
        names[case.name] = line
        request = merge(header.defaults.request, case.request)
        cases.append(LoadedCase(shown, line, case.name, request, case.expect))
    return CaseFile(shown, tuple(cases), tuple(problems))


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` over ``base``: mappings merge key by key, anything else replaces, and a
    null removes the default (``phone: null`` for an email contact)."""
    out = dict(base)
    for key, value in override.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _validation_problems(
    exc: ValidationError, prefix: tuple[int | str, ...], node: Any, shown: str
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = [*prefix, *error["loc"]]
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        elif error["type"] == "missing":
            message = "field required"
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
        problems.append(
            Problem(
                "error",
                "case-file",
                message,
                shown,
                node_line(node, loc),
                field=json_path(loc) or None,
            )
        )
    return problems


def _problem(shown: str, line: int | None, message: str, code: str = "case-file") -> Problem:
    return Problem("error", code, message, shown, line)


def unknown_rule_problems(case: LoadedCase, known: set[str]) -> list[Problem]:
    """A case that names a rule id no loaded ruleset has: a typo would pass unnoticed."""
    return [
        _problem(case.file, case.line, f"case {case.name!r} names unknown rule id {rule_id!r}")
        for rule_id in dict.fromkeys(case.expect.rule_ids)
        if rule_id not in known
    ]


# ---------------------------------------------------------------------- running a case
@dataclass(frozen=True, slots=True)
class Difference:
    """One expectation that did not hold."""

    what: str
    expected: Any
    actual: Any


Status = Literal["pass", "fail", "error"]


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: LoadedCase
    status: Status
    differences: tuple[Difference, ...] = ()
    decision: Decision | None = None
    error: str | None = None  # why the request is invalid, when it is

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.case.file,
            "line": self.case.line,
            "name": self.case.name,
            "status": self.status,
            "differences": [
                {"what": d.what, "expected": d.expected, "actual": d.actual}
                for d in self.differences
            ],
            "error": self.error,
            "decision": _brief(self.decision) if self.decision is not None else None,
        }


def _brief(decision: Decision) -> dict[str, Any]:
    return {
        "allowed": decision.allowed,
        "violations": [
            {"rule_id": v.rule_id, "citation": v.citation, "layer": v.layer, "message": v.message}
            for v in decision.violations
        ],
        "warnings": [w.rule_id for w in decision.warnings],
        "next_allowed_at": decision.next_allowed_at,
    }


def run_case(engine: Engine, case: LoadedCase) -> CaseResult:
    expect = case.expect
    try:
        decision = engine.evaluate(parse_request(case.request))
    except InvalidRequest as exc:
        if expect.error is False:
            return CaseResult(case, "error", error=f"invalid request: {exc}")
        wanted = expect.error
        if isinstance(wanted, str) and wanted not in str(exc):
            diff = Difference("error", wanted, str(exc))
            return CaseResult(case, "fail", (diff,), error=str(exc))
        return CaseResult(case, "pass", error=str(exc))
    except Exception as exc:  # an engine defect in one case must not hide the other cases
        return CaseResult(case, "error", error=f"the engine failed: {type(exc).__name__}: {exc}")
    if expect.error is not False:
        diff = Difference("error", expect.error, "the request is valid and was decided")
        return CaseResult(case, "fail", (diff,), decision)
    differences = tuple(compare(expect, decision))
    return CaseResult(case, "fail" if differences else "pass", differences, decision)


def compare(expect: Expect, decision: Decision) -> Iterable[Difference]:
    """Every expectation the decision does not meet."""
    violated = [v.rule_id for v in decision.violations]
    warned = [w.rule_id for w in decision.warnings]
    outcomes = {entry.rule_id: entry.outcome for entry in decision.evaluated}
    if expect.allowed is not None and decision.allowed != expect.allowed:
        yield Difference("allowed", expect.allowed, decision.allowed)
    if missing := [r for r in expect.violates if r not in violated]:
        yield Difference("violates", missing, violated)
    if present := [r for r in expect.does_not_violate if r in violated]:
        yield Difference("does_not_violate", present, violated)
    if not_passed := [r for r in expect.passes if outcomes.get(r) != "pass"]:
        yield Difference(
            "passes", not_passed, {r: outcomes.get(r, "not evaluated") for r in not_passed}
        )
    if missing := [r for r in expect.warns if r not in warned]:
        yield Difference("warns", missing, warned)
    citations = [v.citation for v in decision.violations]
    for wanted in expect.citations:
        options = [wanted] if isinstance(wanted, str) else wanted
        if not any(option in cited for option in options for cited in citations):
            yield Difference("citations", wanted, citations)
    if "next_allowed_at" in expect.model_fields_set:
        wanted_at = expect.next_allowed_at
        actual = decision.next_allowed_at
        if not _instant_matches(wanted_at, actual):
            yield Difference("next_allowed_at", _show_instant(wanted_at), actual)


def _instant_matches(wanted: dt.datetime | InstantRange | None, actual: str | None) -> bool:
    if wanted is None or actual is None:
        return wanted is None and actual is None
    at = dt.datetime.fromisoformat(actual)
    if isinstance(wanted, InstantRange):
        return wanted.from_ <= at <= wanted.to
    return at == wanted


def _show_instant(value: dt.datetime | InstantRange | None) -> Any:
    if isinstance(value, InstantRange):
        return {"from": _utc(value.from_), "to": _utc(value.to)}
    return _utc(value) if value is not None else None


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


# ---------------------------------------------------------------------- coverage
VersionKey = tuple[str, str]  # (rule id, version: its effective.from)


@dataclass(frozen=True, slots=True)
class RuleVersion:
    rule_id: str
    version: str
    jurisdiction: str
    layer: str
    file: str
    kind: str = ""

    @property
    def key(self) -> VersionKey:
        return (self.rule_id, self.version)

    def to_json(self) -> dict[str, str]:
        return {
            "rule_id": self.rule_id,
            "version": self.version,
            "jurisdiction": self.jurisdiction,
            "layer": self.layer,
            "file": self.file,
        }


def in_force_on(rule: CompiledRule, day: dt.date) -> bool:
    return rule.effective_from <= day and (rule.effective_to is None or day <= rule.effective_to)


@dataclass(slots=True)
class Coverage:
    """Which rule versions the cases make fail, see pass, or never evaluate."""

    versions: list[RuleVersion]
    as_of: dt.date | None = None
    failed: Counter[VersionKey] = field(default_factory=Counter)
    passed: Counter[VersionKey] = field(default_factory=Counter)

    @classmethod
    def of(cls, engine: Engine, as_of: dt.date | None = None) -> Coverage:
        """Every rule version of the engine (only those in force on ``as_of``, when given)."""
        versions = [
            RuleVersion(r.id, r.version, r.jurisdiction, r.layer, r.source_file, r.kind)
            for r in engine.rules()
            if as_of is None or in_force_on(r, as_of)
        ]
        return cls(versions, as_of)

    def add(self, decision: Decision) -> None:
        for entry in decision.evaluated:
            if entry.version is None:
                continue
            if entry.outcome == "fail":
                self.failed[(entry.rule_id, entry.version)] += 1
            elif entry.outcome == "pass":
                self.passed[(entry.rule_id, entry.version)] += 1

    def never_denied(self) -> list[RuleVersion]:
        """Versions no case makes fail (deny, or warn for a warning rule)."""
        return [v for v in self.versions if not self.failed[v.key]]

    def never_passed(self) -> list[RuleVersion]:
        """Versions some case evaluates, but none sees pass: no case on the allowed side. A
        prohibition never passes where it applies (its edge is its scope), so it is not listed."""
        return [
            v
            for v in self.versions
            if self.failed[v.key] and not self.passed[v.key] and v.kind != "prohibition"
        ]

    def never_exercised(self) -> list[RuleVersion]:
        """Versions no case evaluates at all (not applicable or not in force in every case)."""
        return [v for v in self.versions if not self.failed[v.key] and not self.passed[v.key]]

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "rule_versions": len(self.versions),
            "never_denied": [v.to_json() for v in self.never_denied()],
            "never_passed": [v.to_json() for v in self.never_passed()],
            "never_exercised": [v.to_json() for v in self.never_exercised()],
        }


@dataclass(slots=True)
class CaseRun:
    """Everything ``contactrules test`` reports."""

    results: list[CaseResult]
    problems: list[Problem]
    coverage: Coverage

    @property
    def failed(self) -> list[CaseResult]:
        return [r for r in self.results if r.status == "fail"]

    @property
    def errors(self) -> int:
        return sum(r.status == "error" for r in self.results) + sum(
            p.severity == "error" for p in self.problems
        )

    def to_json(self) -> dict[str, Any]:
        counts = Counter(r.status for r in self.results)
        return {
            "summary": {
                "cases": len(self.results),
                "passed": counts["pass"],
                "failed": counts["fail"],
                "errors": self.errors,
            },
            "results": [r.to_json() for r in self.results],
            "problems": [p.to_json() for p in self.problems],
            "coverage": self.coverage.to_json(),
        }


def run_cases(
    engine: Engine,
    case_files: Sequence[CaseFile],
    *,
    as_of: dt.date | None = None,
    extra_problems: Sequence[Problem] = (),
    known_ids: Iterable[str] = (),
) -> CaseRun:
    """Run every case of every file; coverage counts the rule versions in force on ``as_of``
    (every version when None). Every case runs whatever ``as_of`` says: a case decides its own
    instant, and a failure is a failure. A case naming a rule id that is neither loaded nor in
    ``known_ids`` (rules written in files that failed to load) is a problem: a typo in
    ``does_not_violate`` would otherwise pass unnoticed."""
    known = {rule.id for rule in engine.rules()} | set(known_ids)
    problems = list(extra_problems)
    coverage = Coverage.of(engine, as_of)
    results = []
    for case_file in case_files:
        problems.extend(case_file.problems)
        for case in case_file.cases:
            problems.extend(unknown_rule_problems(case, known))
            result = run_case(engine, case)
            if result.decision is not None:
                coverage.add(result.decision)
            results.append(result)
    return CaseRun(results, problems, coverage)
