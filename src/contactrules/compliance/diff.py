"""What an amendment changes: rules added, removed and changed, and which decisions flip.

Serves issue 5 (``contactrules diff``): a compliance officer reviews an amendment by its effect on
decisions, not only by its text. Both ruleset versions decide the same corpus — the acceptance
cases (``tests/cases/**/*.json``) and a seeded generated corpus (``generated_requests``) — and
every decision that flips allow->deny or deny->allow is counted by the rule and jurisdiction that
caused it, with a minimal example of each kind of flip (its history shrunk while it still
flips the same way for the same rules).

Attribution: an allow->deny flip is caused by the rules the new version violates; a deny->allow
flip by the rules the old version violated. A decision denied by both versions for different
rules is counted as ``deny_reasons_changed``, not as a flip.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
import random
import subprocess
import tarfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from contactrules.compliance.cases import discover_cases, load_case_file
from contactrules.compliance.decisionlog import canonical_request
from contactrules.engine import Engine
from contactrules.errors import InvalidRequest, RulesetError
from contactrules.location import zip_info, zone
from contactrules.models.decision import Decision
from contactrules.models.parse import parse_request
from contactrules.models.vocabulary import CHANNELS, EVENT_TYPES
from contactrules.ruleset.loader import LoadedRuleset

Direction = Literal["allow_to_deny", "deny_to_allow"]
DIRECTIONS: tuple[Direction, ...] = ("allow_to_deny", "deny_to_allow")
DEFAULT_SAMPLES = 10_000
# Ruleset metadata compared besides the rules (a changed review date is worth seeing).
_META = ("title", "level", "layer", "reviewed", "summary", "sources")


# ---------------------------------------------------------------------- loading a version
def load_version(
    spec: str, workdir: pathlib.Path, *, repo: pathlib.Path, subdir: str, overlays: Sequence[str]
) -> Engine:
    """A ruleset version (see ``version_root``) with ``overlays`` (policy layers) on top."""
    return Engine.from_paths(version_root(spec, workdir, repo=repo, subdir=subdir), extra=overlays)


def version_root(
    spec: str, workdir: pathlib.Path, *, repo: pathlib.Path, subdir: str
) -> pathlib.Path:
    """Where a ruleset version is: ``spec`` itself when it is a directory or file, or else the
    ``subdir`` of git revision ``spec`` of ``repo``, extracted (``git archive``) under
    ``workdir``."""
    path = pathlib.Path(spec)
    if path.is_dir() or path.is_file():
        return path
    target = workdir / _safe_name(spec)
    target.mkdir(parents=True)
    _git_extract(repo, spec, subdir, target)
    return target / subdir


def _safe_name(spec: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in spec) or "rev"


def _git_extract(repo: pathlib.Path, revision: str, subdir: str, target: pathlib.Path) -> None:
    archive = target / "rulesets.tar"
    command = ["git", "-C", str(repo), "archive", "--format=tar", f"--output={archive}"]
    try:
        subprocess.run(
            [*command, revision, "--", subdir], check=True, capture_output=True, text=True
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        raise RulesetError(
            f"neither a ruleset directory nor a git revision with {subdir}/ in {repo}: "
            f"{detail.strip()}",
            file=revision,
        ) from None
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")  # "data" refuses absolute paths and links out


# ---------------------------------------------------------------------- rule changes
@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field of a rule version (``path`` like ``[2021-11-30].params.max``)."""

    path: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class RuleChange:
    """A rule id added, removed, or changed (in any version)."""

    status: Literal["added", "removed", "changed"]
    rule_id: str
    jurisdiction: str
    file: str
    title: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class _RuleVersions:
    jurisdiction: str
    file: str
    title: str
    versions: dict[str, dict[str, Any]]  # effective.from -> flattened rule


def _rules_by_id(rulesets: Iterable[LoadedRuleset]) -> dict[str, _RuleVersions]:
    out: dict[str, _RuleVersions] = {}
    for ruleset in rulesets:
        doc = ruleset.document
        for rule in doc.rules:
            flat = _flatten(rule.model_dump(mode="json", by_alias=True))
            entry = out.setdefault(
                rule.id, _RuleVersions(doc.jurisdiction, _relative(ruleset.path), rule.title, {})
            )
            entry.versions[rule.effective.from_.isoformat()] = flat
    return out


def _relative(shown: str) -> str:
    """A ruleset's path without its top directory, so the two versions' paths compare equal."""
    parts = pathlib.PurePath(shown).parts
    return str(pathlib.PurePath(*parts[1:])) if len(parts) > 1 else shown


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested mappings become dotted paths; lists stay whole values (they read best whole)."""
    if not isinstance(value, Mapping):
        return {prefix: value}
    out: dict[str, Any] = {}
    for key, item in value.items():
        out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    return out


def rule_changes(old: Sequence[LoadedRuleset], new: Sequence[LoadedRuleset]) -> list[RuleChange]:
    """Rules added, removed and changed between two versions, sorted by jurisdiction and id."""
    before, after = _rules_by_id(old), _rules_by_id(new)
    changes: list[RuleChange] = []
    for rule_id in sorted(before.keys() | after.keys()):
        a, b = before.get(rule_id), after.get(rule_id)
        if a is None and b is not None:
            changes.append(RuleChange("added", rule_id, b.jurisdiction, b.file, b.title))
        elif b is None and a is not None:
            changes.append(RuleChange("removed", rule_id, a.jurisdiction, a.file, a.title))
        elif a is not None and b is not None:
            fields = _version_changes(a.versions, b.versions)
            if a.file != b.file:
                fields.insert(0, FieldChange("file", a.file, b.file))
            if fields:
                changes.append(
                    RuleChange("changed", rule_id, b.jurisdiction, b.file, b.title, tuple(fields))
                )
    return sorted(changes, key=lambda c: (c.jurisdiction, c.rule_id))


def _version_changes(
    old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]]
) -> list[FieldChange]:
    out: list[FieldChange] = []
    for version in sorted(old.keys() | new.keys()):
        a, b = old.get(version), new.get(version)
        if a is None or b is None:
            out.append(
                FieldChange(f"[{version}]", "present" if a else None, "present" if b else None)
            )
            continue
        for key in sorted(a.keys() | b.keys()):
            if a.get(key) != b.get(key):
                out.append(FieldChange(f"[{version}].{key}", a.get(key), b.get(key)))
    return out


def ruleset_changes(
    old: Sequence[LoadedRuleset], new: Sequence[LoadedRuleset]
) -> list[dict[str, Any]]:
    """Files added or removed, and metadata (review date, sources...) changed, by file."""

    def by_file(rulesets: Sequence[LoadedRuleset]) -> dict[str, dict[str, Any]]:
        return {
            _relative(r.path): r.document.model_dump(mode="json", by_alias=True, include=set(_META))
            | {"jurisdiction": r.document.jurisdiction}
            for r in rulesets
        }

    before, after = by_file(old), by_file(new)
    out: list[dict[str, Any]] = []
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name), after.get(name)
        if a is None or b is None:
            status = "added" if a is None else "removed"
            jurisdiction = (a or b or {}).get("jurisdiction")
            out.append({"file": name, "status": status, "jurisdiction": jurisdiction})
            continue
        fields = [
            {"field": key, "old": a.get(key), "new": b.get(key)}
            for key in (*_META, "jurisdiction")
            if a.get(key) != b.get(key)
        ]
        if fields:
            entry = {"file": name, "status": "changed", "jurisdiction": b["jurisdiction"]}
            out.append(entry | {"changes": fields})
    return out


# ---------------------------------------------------------------------- the corpus
def case_requests(roots: Iterable[pathlib.Path]) -> Iterator[tuple[str, object]]:
    """``(label, request)`` for every case under ``roots``: each ``*.json`` (an acceptance
    case's ``request``, see tests/cases/README.md, or a bare request) and each case of the case
    files (``*.cases.yaml``, see docs/rulesets.md). A request met again (the shared acceptance
    cases are kept as JSON and as a case file) is decided once, under its first label.
    Unreadable files and broken cases are yielded with their reason in place of a request, so
    that the caller reports them as not decided, never skips them."""
    seen: set[str] = set()
    for label, request in _all_case_requests(roots):
        key = _identity(request)
        if key not in seen:
            seen.add(key)
            yield label, request


def _identity(request: object) -> str:
    """The same for two writings of one request (key order, defaults, offsets)."""
    try:
        return canonical_request(parse_request(request))
    except InvalidRequest:
        written = {"events": [], **request} if isinstance(request, dict) else request
        return json.dumps(written, sort_keys=True, default=str)


def _all_case_requests(roots: Iterable[pathlib.Path]) -> Iterator[tuple[str, object]]:
    for root in roots:
        if root.suffix == ".json":
            files = [root]
        else:
            files = sorted(root.rglob("*.json")) if root.is_dir() else []
        for path in files:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                yield str(path), f"unreadable: {exc}"
                continue
            yield str(path), data.get("request", data) if isinstance(data, dict) else data
        for case_path in discover_cases(root) if root.exists() else ():
            case_file = load_case_file(case_path)
            for problem in case_file.problems:
                yield f"{problem.file}:{problem.line or ''}", f"invalid case: {problem.message}"
            for case in case_file.cases:
                yield f"{case.where} {case.name}", case.request


def _sample_places() -> tuple[tuple[str, str, str], ...]:
    try:
        from contactrules.testing.strategies import SAMPLE_PLACES
    except ImportError as exc:  # hypothesis is the ``test`` extra, not a runtime dependency
        raise RulesetError(
            "the generated corpus needs the 'hypothesis' package (pip install "
            f"'contactrules[test]'), or pass --samples 0: {exc}"
        ) from None
    return SAMPLE_PLACES


def generated_requests(count: int, seed: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """``count`` contract-valid requests drawn with ``random.Random(seed)`` (not hypothesis, for
    speed): every US zone (``SAMPLE_PLACES``), every channel, both collector roles, 2019-2027 so
    rule versions' effective dates are crossed, local times biased to the day, histories dense
    in the last two weeks (caps, cooldowns), and now and then a blocking or consent event."""
    rng = random.Random(seed)
    places = _sample_places()
    for index in range(count):
        yield f"generated #{index} (seed {seed})", _request(rng, places)


def _request(rng: random.Random, places: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    state, postal, phone = rng.choice(places)
    info = zip_info(postal)
    tz = zone(info.zone if info and info.zone else "America/New_York")
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(9 * 365))
    minute = rng.randrange(7 * 60, 22 * 60) if rng.random() < 0.75 else rng.randrange(24 * 60)
    at = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tz)
    channel = rng.choices(CHANNELS, weights=(40, 20, 15, 10, 8, 7))[0]
    debt_id = "D1"
    contact: dict[str, Any] = {
        "channel": channel,
        "at": at.isoformat(),
        "debt_id": debt_id,
        "recipient": rng.choices(["consumer", "third_party", "attorney"], (90, 5, 5))[0],
        "purpose": rng.choices(
            ["collection", "cease_acknowledgement", "remedy_notice"], (94, 3, 3)
        )[0],
        "place": rng.choice([None, None, "home", "work", "other"]),
    }
    if channel in ("call", "sms"):
        contact["phone"] = phone if rng.random() < 0.85 else rng.choice(places)[2]
        contact["phone_type"] = rng.choice(["wireless", "landline", "voip", "unknown"])
        contact["technology"] = rng.choice(["manual", "manual", "autodialer", "prerecorded"])
    elif channel == "email":
        contact["email"] = "pat@example.com"
        contact["email_kind"] = rng.choice(["personal", "work", "unknown"])
    events = [_past_contact(rng, at, contact) for _ in range(rng.choice((0, 1, 2, 3, 4, 6, 9)))]
    if rng.random() < 0.15:
        events.append(_special_event(rng, at, contact))
    rng.shuffle(events)
    return {
        "contact": contact,
        "collector": {"role": rng.choices(["third_party", "first_party"], (75, 25))[0]},
        "debt": {
            "id": debt_id,
            "purpose": rng.choices(["consumer", "business"], (92, 8))[0],
            "type": rng.choice(
                ["credit_card", "medical", "student_loan", "mortgage", "auto", "utility", "other"]
            ),
        },
        "consumer": {
            "id": "C1",
            "locations": [{"country": "US", "state": state, "postal_code": postal}],
        },
        "events": events,
    }


def _before(rng: random.Random, at: dt.datetime, max_days: int) -> str:
    return (at - dt.timedelta(minutes=rng.randrange(1, max_days * 24 * 60))).isoformat()


def _past_contact(
    rng: random.Random, at: dt.datetime, contact: Mapping[str, Any]
) -> dict[str, Any]:
    channel = rng.choices(["call", "sms", "email", "in_person"], (60, 20, 15, 5))[0]
    event: dict[str, Any] = {
        "type": "contact",
        "at": _before(rng, at, 14 if rng.random() < 0.8 else 40),
        "channel": channel,
        "direction": rng.choices(["outbound", "inbound"], (85, 15))[0],
        "outcome": rng.choice(["conversation", "no_answer", "voicemail", "busy", "delivered"]),
        "debt_id": rng.choices(["D1", "D2"], (80, 20))[0],
        "place": rng.choice([None, "home", "work", "other"]),
    }
    if channel in ("call", "sms") and contact.get("phone"):
        event["phone"] = contact["phone"]
    return event


def _special_event(
    rng: random.Random, at: dt.datetime, contact: Mapping[str, Any]
) -> dict[str, Any]:
    kind = rng.choice([t for t in EVENT_TYPES if t != "contact"])
    when = _before(rng, at, 60)
    base: dict[str, Any] = {"type": kind, "at": when}
    written = rng.random() < 0.7
    extras: dict[str, dict[str, Any]] = {
        "cease_request": {"written": written, "debt_ids": rng.choice([None, ["D1"], ["D2"]])},
        "refusal_to_pay": {"written": written, "debt_ids": None},
        "opt_out": {"channel": contact["channel"]},
        "inconvenient_time": {
            "days": ["mon", "tue", "wed", "thu", "fri"],
            "from": "12:00",
            "to": "14:00",
        },
        "inconvenient_place": {"place": "work"},
        "no_work_contact": {"written": written},
        "attorney_representation": {"debt_ids": rng.choice([None, ["D1"]])},
        "bankruptcy": {"filed": when[:10], "closed": None},
        "deceased": {},
        "dispute": {"debt_id": "D1", "written": written},
        "verification_sent": {"debt_id": "D1"},
        "consent": {"kind": "tcpa_prior_express", "phone": contact.get("phone")},
        "consent_revoked": {"kind": "tcpa_prior_express", "phone": contact.get("phone")},
    }
    return base | extras[kind]


# ---------------------------------------------------------------------- behavioural impact
@dataclass(frozen=True, slots=True)
class Example:
    """A request whose decision flips, with both decisions' violated rules."""

    direction: Direction
    rules: tuple[tuple[str, str], ...]  # (rule id, jurisdiction) that caused the flip
    source: str
    request: dict[str, Any]
    old: Decision
    new: Decision

    @property
    def size(self) -> tuple[int, int]:
        return (len(self.request.get("events", ())), len(json.dumps(self.request)))

    def to_json(self) -> dict[str, Any]:
        return {
            "direction": self.direction,
            "rules": [{"rule_id": r, "jurisdiction": j} for r, j in self.rules],
            "source": self.source,
            "request": self.request,
            "old": _brief(self.old),
            "new": _brief(self.new),
        }


def _brief(decision: Decision) -> dict[str, Any]:
    return {
        "allowed": decision.allowed,
        "violations": [
            {"rule_id": v.rule_id, "citation": v.citation, "message": v.message}
            for v in decision.violations
        ],
        "next_allowed_at": decision.next_allowed_at,
    }


@dataclass(slots=True)
class Impact:
    """Decisions of both versions over one corpus, and what flipped."""

    cases: int = 0
    generated: int = 0
    seed: int = 0
    decided: int = 0
    invalid: list[tuple[str, str]] = field(default_factory=list)
    flips: Counter[tuple[Direction, str, str]] = field(default_factory=Counter)
    totals: Counter[Direction] = field(default_factory=Counter)
    by_jurisdiction: Counter[tuple[Direction, str]] = field(default_factory=Counter)
    deny_reasons_changed: int = 0
    # For decisions denied by both versions: rules that newly deny ("added") or no longer do.
    reasons: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    examples: dict[Direction, Example] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "corpus": {"cases": self.cases, "generated": self.generated, "seed": self.seed},
            "decided": self.decided,
            "invalid": [{"source": s, "reason": r} for s, r in self.invalid],
            "allow_to_deny": self.totals["allow_to_deny"],
            "deny_to_allow": self.totals["deny_to_allow"],
            "deny_reasons_changed": self.deny_reasons_changed,
            "deny_reasons": [
                {"change": c, "rule_id": r, "jurisdiction": j, "count": n}
                for (c, r, j), n in sorted(self.reasons.items())
            ],
            "flips": [
                {"direction": d, "rule_id": r, "jurisdiction": j, "count": n}
                for (d, r, j), n in sorted(self.flips.items())
            ],
            "by_jurisdiction": [
                {"direction": d, "jurisdiction": j, "count": n}
                for (d, j), n in sorted(self.by_jurisdiction.items())
            ],
            "examples": [self.examples[d].to_json() for d in DIRECTIONS if d in self.examples],
        }


def _flip(old: Decision, new: Decision) -> tuple[Direction, tuple[tuple[str, str], ...]] | None:
    if old.allowed == new.allowed:
        return None
    direction: Direction = "allow_to_deny" if old.allowed else "deny_to_allow"
    deciding = new if old.allowed else old
    rules = tuple(sorted({(v.rule_id, v.jurisdiction) for v in deciding.violations}))
    return direction, rules


def measure_impact(
    old: Engine,
    new: Engine,
    cases: Iterable[tuple[str, object]],
    generated: Iterable[tuple[str, object]],
    *,
    seed: int = 0,
) -> Impact:
    """Decide every request of the corpus under both versions and count the flips."""
    impact = Impact(seed=seed)
    candidates: dict[Direction, tuple[str, dict[str, Any]]] = {}
    best: dict[Direction, tuple[int, int]] = {}
    for corpus, items in (("cases", cases), ("generated", generated)):
        for source, data in items:
            setattr(impact, corpus, getattr(impact, corpus) + 1)
            try:
                request = parse_request(data)
            except InvalidRequest as exc:
                impact.invalid.append((source, str(exc)))
                continue
            a, b = old.evaluate(request), new.evaluate(request)
            impact.decided += 1
            _count(impact, a, b)
            flip = _flip(a, b)
            if flip is not None and isinstance(data, dict):
                size = (len(data.get("events", ())), len(json.dumps(data)))
                if flip[0] not in best or size < best[flip[0]]:
                    best[flip[0]] = size
                    candidates[flip[0]] = (source, data)
    for direction, (source, data) in candidates.items():
        impact.examples[direction] = shrink(old, new, source, data)
    return impact


def _count(impact: Impact, a: Decision, b: Decision) -> None:
    flip = _flip(a, b)
    if flip is None:
        if not a.allowed:
            _count_reasons(impact, a, b)
        return
    direction, rules = flip
    impact.totals[direction] += 1
    for rule_id, jurisdiction in rules:
        impact.flips[(direction, rule_id, jurisdiction)] += 1
    for jurisdiction in sorted({j for _, j in rules}):
        impact.by_jurisdiction[(direction, jurisdiction or "(engine)")] += 1


def _count_reasons(impact: Impact, a: Decision, b: Decision) -> None:
    before = {(v.rule_id, v.jurisdiction) for v in a.violations}
    after = {(v.rule_id, v.jurisdiction) for v in b.violations}
    if before == after:
        return
    impact.deny_reasons_changed += 1
    for change, rules in (("added", after - before), ("dropped", before - after)):
        for rule_id, jurisdiction in rules:
            impact.reasons[(change, rule_id, jurisdiction)] += 1


def shrink(old: Engine, new: Engine, source: str, data: dict[str, Any]) -> Example:
    """The flipping request with every event removed that is not needed for it to flip the same
    way for the same rules (one greedy pass per event: a local minimum, found in linear time)."""
    a, b = old.evaluate(data), new.evaluate(data)
    flip = _flip(a, b)
    assert flip is not None, "shrink() needs a request whose decision flips"
    current = data
    index = 0
    while index < len(current.get("events", [])):
        events = list(current["events"])
        del events[index]
        trial = current | {"events": events}
        ta, tb = old.evaluate(trial), new.evaluate(trial)
        if _flip(ta, tb) == flip:
            current, a, b = trial, ta, tb
        else:
            index += 1
    return Example(flip[0], flip[1], source, current, a, b)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``contactrules diff`` reports."""

    old_label: str
    new_label: str
    old_digest: str
    new_digest: str
    rules: list[RuleChange]
    rulesets: list[dict[str, Any]]
    impact: Impact

    @property
    def differs(self) -> bool:
        return bool(
            self.rules or self.rulesets or self.impact.totals or self.impact.deny_reasons_changed
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "old": {"source": self.old_label, "ruleset_digest": self.old_digest},
            "new": {"source": self.new_label, "ruleset_digest": self.new_digest},
            "rules": [dataclasses.asdict(change) for change in self.rules],
            "rulesets": self.rulesets,
            "impact": self.impact.to_json(),
        }


def compare(
    old: Engine,
    new: Engine,
    *,
    labels: tuple[str, str] = ("old", "new"),
    case_roots: Sequence[pathlib.Path] = (),
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
) -> Report:
    """The full comparison of two ruleset versions over the case and generated corpora."""
    impact = measure_impact(
        old,
        new,
        case_requests(case_roots),
        generated_requests(samples, seed) if samples else (),
        seed=seed,
    )
    return Report(
        labels[0],
        labels[1],
        old.digest,
        new.digest,
        rule_changes(old.rulesets, new.rulesets),
        ruleset_changes(old.rulesets, new.rulesets),
        impact,
    )
