"""The engine: compile rulesets once, then decide requests with plain function calls.

``Engine.load()`` reads the bundled rulesets (plus any overlays), validates them with pydantic and
compiles each rule into a ``CompiledRule`` holding two closures: ``applies`` (static facts of the
request) and ``check`` (the request's events at one instant). Evaluation touches no YAML, no
pydantic validation of rules and no I/O, and reads no clock: the decision is a function of the
request and the ruleset digest. An ``Engine`` is immutable and safe to share across threads.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import json
import pathlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Literal, NamedTuple, Protocol

from contactrules.context import UTC, Context, Moment, local_midnight
from contactrules.errors import InvalidRequest
from contactrules.kinds.base import DEFAULT_OPTIONS, Check, CompileOptions, Failure, RuleBase
from contactrules.location import Whereabouts, resolve
from contactrules.models.decision import Decision, Finding, TraceEntry
from contactrules.models.parse import parse_request, parse_request_json
from contactrules.models.request import Request
from contactrules.ruleset.loader import LoadedRuleset, bundled_root, check_conflicts, load_paths

ENGINE_ID = "contactrules.engine"
# Waiting longer than this is not "waiting": the contact is reported as not allowed by time alone.
HORIZON = dt.timedelta(days=400)
MAX_STEPS = 500


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """One version of a rule, ready to evaluate."""

    id: str
    version: str
    title: str
    kind: str
    jurisdiction: str
    layer: str
    citation: str
    source_url: str
    severity: str
    effective_from: dt.date
    effective_to: dt.date | None
    notes: str
    source_file: str
    applies: Callable[[Context], str | None]
    check: Check
    # Event types without which the rule always passes (None: it may fail on any request).
    needs: frozenset[str] | None = None
    # The validated rule as written, for backends and tools that compile it their own way.
    spec: RuleBase | None = None

    def skippable(self, present: frozenset[str]) -> bool:
        """Whether the request's event types show, without running it, that the rule passes."""
        return self.needs is not None and self.needs.isdisjoint(present)

    def in_force(self, moment: Moment) -> bool:
        """In force if it is on the local date of any candidate zone (the stricter reading)."""
        return self.effective_from <= moment.last_day and (
            self.effective_to is None or moment.first_day <= self.effective_to
        )

    def ends_at(self, moment: Moment) -> dt.datetime | None:
        """The instant this version stops being in force, if it has an end date."""
        if self.effective_to is None:
            return None
        day_after = self.effective_to + dt.timedelta(days=1)
        zones = [local.tzinfo for local in moment.local if local.tzinfo is not None] or [UTC]
        return max(local_midnight(day_after, tz) for tz in zones)

    def finding(self, failure: Failure) -> Finding:
        return Finding(
            rule_id=self.id,
            jurisdiction=self.jurisdiction,
            citation=self.citation,
            source_url=self.source_url,
            message=failure.message,
            layer=self.layer,
        )


RuleFamily = tuple[CompiledRule, ...]  # the versions of one rule id, oldest first


@dataclass(frozen=True, slots=True)
class PlannedFamily:
    """A rule family as it applies to one combination of static request facts: for each
    version, why it does not apply (None when it does) and its prebuilt not-applicable trace."""

    code: str
    versions: RuleFamily
    reasons: tuple[str | None, ...]
    skipped: tuple[TraceEntry | None, ...]


@dataclass(frozen=True, slots=True)
class Schedule:
    """What deciding means for one combination of static facts and one span of local dates.

    ``trace`` is the whole trace as it reads when every checked rule passes; ``checks`` are the
    rules to run, each with its line in the trace, which a failure replaces. A decision copies the
    trace and runs only the checks whose events are present.
    """

    trace: tuple[TraceEntry, ...]
    checks: tuple[tuple[int, CompiledRule], ...]
    # The checks (and the deny rules among them) worth running for a set of event types present;
    # a memo of pure results, like the engine's plans.
    _runnable: dict[frozenset[str], Runnable] = field(default_factory=dict, compare=False)

    def runnable(self, present: frozenset[str]) -> Runnable:
        found = self._runnable.get(present)
        if found is None:
            checks = tuple(check for check in self.checks if not check[1].skippable(present))
            deny = tuple(check for check in checks if check[1].severity == "deny")
            found = Runnable(checks, deny)
            if len(self._runnable) >= RUNNABLE_MEMO_SIZE:
                self._runnable.clear()
            self._runnable[present] = found
        return found


Checks = tuple[tuple[int, CompiledRule], ...]  # rules to check, each with its line in the trace
Failed = list[tuple[int, CompiledRule, Failure]]


class Runnable(NamedTuple):
    checks: Checks
    deny_checks: Checks


class Backend(Protocol):
    """How the rules a schedule selects are checked at one instant.

    The native backend calls each compiled check; another (``contactrules.backends``) may
    evaluate the same rules differently, and must then fail the same rules. A backend sees the
    schedule, so it may check every rule rather than only those ``runnable`` selects.
    """

    name: str

    def failures(self, schedule: Schedule, ctx: Context, moment: Moment, deny_only: bool) -> Failed:
        """The rules that fail at ``moment``, in schedule order, with why."""
        ...


class NativeBackend:
    """Calls each rule's compiled check, skipping rules whose events are absent."""

    name = "native"

    def failures(self, schedule: Schedule, ctx: Context, moment: Moment, deny_only: bool) -> Failed:
        runnable = schedule.runnable(ctx.present)
        failed: Failed = []
        for index, rule in runnable.deny_checks if deny_only else runnable.checks:
            failure = rule.check(ctx, moment)
            if failure is not None:
                failed.append((index, rule, failure))
        return failed


NATIVE = NativeBackend()
# Another backend is added here, imported lazily when its dependency is optional.
BackendName = Literal["native", "durable"]
BACKENDS: tuple[BackendName, ...] = ("native", "durable")


def _backend(
    name: BackendName,
    families: Mapping[str, tuple[RuleFamily, ...]],
    options: CompileOptions = DEFAULT_OPTIONS,
) -> Backend:
    if name == "native":
        return NATIVE
    if name == "durable":
        try:
            from contactrules.backends.durable import DurableBackend
        except ModuleNotFoundError as exc:
            if exc.name not in ("durable", "durable_rules_engine"):
                raise
            raise ImportError(
                "the durable backend needs durable_rules: pip install 'contactrules[durable]'"
            ) from exc
        return DurableBackend(families, options)
    raise ValueError(f"unknown backend {name!r}")


# Distinct (jurisdictions, static facts) combinations remembered per engine; past this the memo
# starts over. It only caches pure results, so an engine stays observably immutable.
PLAN_MEMO_SIZE = 4096
# Schedules add the span of effective-date intervals the contact's local dates fall in.
SCHEDULE_MEMO_SIZE = 4 * PLAN_MEMO_SIZE
# Distinct sets of event types per schedule; requests carry a handful of types, so few occur.
RUNNABLE_MEMO_SIZE = 256


def compile_rulesets(
    rulesets: Sequence[LoadedRuleset], options: CompileOptions = DEFAULT_OPTIONS
) -> dict[str, tuple[RuleFamily, ...]]:
    """Compile every rule and group the versions of each id, per jurisdiction."""
    families: dict[str, dict[str, list[CompiledRule]]] = {}
    for ruleset in rulesets:
        doc = ruleset.document
        for rule in doc.rules:
            compiled = CompiledRule(
                id=rule.id,
                version=rule.effective.from_.isoformat(),
                title=rule.title,
                kind=rule.kind,
                jurisdiction=doc.jurisdiction,
                layer=doc.layer,
                citation=rule.citation.ref,
                source_url=str(rule.citation.url),
                severity=rule.severity,
                effective_from=rule.effective.from_,
                effective_to=rule.effective.to,
                notes=rule.notes,
                source_file=ruleset.path,
                applies=rule.applies_to.compile(),
                check=rule.compile(options),
                needs=rule.needs_events(),
                spec=rule,
            )
            families.setdefault(doc.jurisdiction, {}).setdefault(rule.id, []).append(compiled)
    return {
        jurisdiction: tuple(
            tuple(sorted(versions, key=lambda r: r.effective_from)) for versions in by_id.values()
        )
        for jurisdiction, by_id in families.items()
    }


def _digest(rulesets: Sequence[LoadedRuleset], options: CompileOptions) -> str:
    h = hashlib.sha256()
    # Options change decisions, so they are part of what a digest identifies.
    h.update(json.dumps(dataclasses.asdict(options), sort_keys=True).encode())
    for ruleset in sorted(rulesets, key=lambda r: (r.document.jurisdiction, r.path)):
        h.update(ruleset.canonical().encode())
        h.update(b"\0")
    return "sha256:" + h.hexdigest()


def _iso(instant: dt.datetime) -> str:
    utc = instant.astimezone(UTC)
    text = utc.isoformat(timespec="microseconds" if utc.microsecond else "seconds")
    return text.replace("+00:00", "Z")


class Engine:
    """Decides contacts under a fixed set of compiled rulesets."""

    __slots__ = (
        "_breaks",
        "_families",
        "_loaded",
        "_plans",
        "_rulesets",
        "_schedules",
        "backend",
        "digest",
        "options",
    )

    def __init__(
        self,
        rulesets: Sequence[LoadedRuleset],
        options: CompileOptions = DEFAULT_OPTIONS,
        backend: BackendName = "native",
    ) -> None:
        self._rulesets = tuple(rulesets)
        # load_paths checks this too; a caller assembling rulesets by hand must not be able to
        # let a policy version of a law rule's id replace the law's version.
        check_conflicts(self._rulesets)
        self.options = options
        self._families = MappingProxyType(compile_rulesets(self._rulesets, options))
        self.backend = _backend(backend, self._families, options)
        self.digest = _digest(self._rulesets, options)
        self._plans: dict[tuple[object, ...], tuple[PlannedFamily, ...]] = {}
        self._schedules: dict[tuple[object, ...], Schedule] = {}
        self._breaks = _effective_breaks(self._families.values())
        # Only law counts as "a ruleset for" a jurisdiction: a policy overlay for a country must
        # not lift the fail-closed denial for a country whose law is not loaded.
        self._loaded = frozenset(
            r.document.jurisdiction for r in self._rulesets if r.document.layer == "law"
        )

    # ------------------------------------------------------------------ construction
    @classmethod
    def load(
        cls,
        extra: Iterable[pathlib.Path | str] = (),
        *,
        tcpa_revocation_grace_business_days: int = 0,
        backend: BackendName = "native",
    ) -> Engine:
        """The bundled rulesets, plus overlay directories or files in ``extra``.

        ``tcpa_revocation_grace_business_days`` (0 to 10) uses the FCC's allowance to honour a
        revocation of TCPA consent within that many business days; 0, the default, honours it
        at once. ``backend`` chooses how rules are checked: ``native`` (compiled Python, the
        default) or ``durable`` (durable_rules' Rete engine, the ``durable`` extra: a slower,
        independent second implementation for verification; see ``contactrules.backends``).
        """
        options = CompileOptions(tcpa_revocation_grace_business_days)
        return cls(load_paths([bundled_root()], overlays=extra), options, backend)

    @classmethod
    def from_paths(
        cls,
        *paths: pathlib.Path | str,
        extra: Iterable[pathlib.Path | str] = (),
        tcpa_revocation_grace_business_days: int = 0,
        backend: BackendName = "native",
    ) -> Engine:
        """Only the rulesets found under ``paths`` (files or directories), plus overlays."""
        options = CompileOptions(tcpa_revocation_grace_business_days)
        return cls(load_paths(paths, overlays=extra), options, backend)

    # ------------------------------------------------------------------ introspection
    @property
    def rulesets(self) -> tuple[LoadedRuleset, ...]:
        return self._rulesets

    @property
    def jurisdictions(self) -> tuple[str, ...]:
        return tuple(sorted({r.document.jurisdiction for r in self._rulesets}))

    def rules(self, jurisdiction: str | None = None) -> list[CompiledRule]:
        """Every compiled rule version, optionally of one jurisdiction (and its sub-levels)."""
        out: list[CompiledRule] = []
        for code, families in sorted(self._families.items()):
            if jurisdiction is None or code == jurisdiction or code.startswith(jurisdiction + "-"):
                out.extend(rule for family in families for rule in family)
        return out

    # ------------------------------------------------------------------ evaluation
    def evaluate(self, request: Request | Mapping[str, object] | str | bytes) -> Decision:
        """Decide one request. Raises ``InvalidRequest`` for input that breaks the contract."""
        if isinstance(request, (str, bytes)):
            request = parse_request_json(request)
        elif not isinstance(request, Request):
            request = parse_request(request)
        return _Evaluation(self, request).decide()

    def evaluate_many(
        self, requests: Iterable[Request | Mapping[str, object] | str | bytes]
    ) -> list[Decision | InvalidRequest]:
        """Decide a batch; an invalid request yields its ``InvalidRequest`` in its place."""
        out: list[Decision | InvalidRequest] = []
        for request in requests:
            try:
                out.append(self.evaluate(request))
            except InvalidRequest as exc:
                out.append(exc)
        return out

    def families_for(self, jurisdictions: Sequence[str]) -> list[tuple[str, RuleFamily]]:
        return [(code, fam) for code in jurisdictions for fam in self._families.get(code, ())]

    def plan(self, jurisdictions: tuple[str, ...], ctx: Context) -> tuple[PlannedFamily, ...]:
        """The rule families of these jurisdictions with their applicability to ``ctx``.

        Applicability reads only the request's static facts (channel, role, debt...), so the
        result is remembered per combination: most requests repeat a few hundred of them.
        """
        key = (jurisdictions, ctx.facts)
        plan = self._plans.get(key)
        if plan is None:
            plan = tuple(
                _planned(code, family, ctx) for code, family in self.families_for(jurisdictions)
            )
            if len(self._plans) >= PLAN_MEMO_SIZE:
                self._plans.clear()
            self._plans[key] = plan
        return plan

    def covers(self, jurisdictions: Iterable[str]) -> bool:
        """Whether a ruleset is loaded for every one of ``jurisdictions``."""
        return self._loaded.issuperset(jurisdictions)

    def has_jurisdiction(self, code: str) -> bool:
        """Whether a ruleset for ``code`` is loaded (an empty "nothing beyond federal" one too)."""
        return code in self._loaded

    def schedule(self, jurisdictions: tuple[str, ...], ctx: Context, moment: Moment) -> Schedule:
        """The plan with each family's version in force on ``moment``'s local dates resolved.

        Which version is in force depends only on where those dates fall among the rulesets'
        effective dates, so the schedule is remembered per interval, not per day.
        """
        key = (
            jurisdictions,
            ctx.facts,
            bisect.bisect_right(self._breaks, moment.first_day),
            bisect.bisect_right(self._breaks, moment.last_day),
        )
        schedule = self._schedules.get(key)
        if schedule is None:
            schedule = _scheduled(self.plan(jurisdictions, ctx), moment)
            if len(self._schedules) >= SCHEDULE_MEMO_SIZE:
                self._schedules.clear()
            self._schedules[key] = schedule
        return schedule


class _Evaluation:
    """One request's evaluation: prepared once, then tested at one or more instants."""

    def __init__(self, engine: Engine, request: Request) -> None:
        self.engine = engine
        self.request = request
        self.where: Whereabouts = resolve(request)
        self.ctx = Context.build(request, self.where)
        self.jurisdictions = _ordered(self.where.jurisdictions)

    def decide(self) -> Decision:
        at = self.request.contact.at
        ctx = self.ctx
        moment = Moment.at(at, self.where.zones)
        violations, warnings = self._failsafe()
        schedule = self.engine.schedule(self.jurisdictions, ctx, moment)
        trace = list(schedule.trace)
        # When each deny failure could first pass: the search for next_allowed_at starts there.
        retries: list[dt.datetime | None] = []
        for index, rule, failure in self.engine.backend.failures(schedule, ctx, moment, False):
            trace[index] = TraceEntry(
                rule.id, "fail", rule.jurisdiction, rule.version, failure.message
            )
            if rule.severity == "deny":
                violations.append(rule.finding(failure))
                retries.append(_earliest(failure.retry_at, rule.ends_at(moment)))
            else:
                warnings.append(rule.finding(failure))
        allowed = not violations
        blocked_for_good = any(v.rule_id.startswith(ENGINE_ID) for v in violations)
        next_allowed: dt.datetime | None
        if allowed:
            next_allowed = at
        elif blocked_for_good or any(retry is None for retry in retries):
            next_allowed = None
        else:
            next_allowed = self._next_allowed(at, max(r for r in retries if r is not None))
        return Decision(
            allowed=allowed,
            as_of=_iso(at),
            jurisdictions=list(self.jurisdictions),
            violations=violations,
            warnings=warnings,
            next_allowed_at=_iso(next_allowed) if next_allowed else None,
            evaluated=trace,
            ruleset_digest=self.engine.digest,
            zones=list(self.where.zone_traces),
        )

    def _failsafe(self) -> tuple[list[Finding], list[Finding]]:
        """Fail closed where the rules cannot be applied at all: unknown place, missing law."""
        violations: list[Finding] = []
        warnings: list[Finding] = []
        if not self.where.missing and self.engine.covers(self.jurisdictions):
            return violations, warnings
        if self.where.missing:
            violations.append(_engine_finding("location-unknown", self.where.missing))
        for code in self.jurisdictions:
            if self.engine.has_jurisdiction(code):
                continue
            message = f"no ruleset is loaded for {code}"
            if "-" in code:
                warnings.append(
                    _engine_finding("no-ruleset", message + "; its own law was not checked")
                )
            else:
                violations.append(_engine_finding("no-ruleset", message + "; failing closed"))
        return violations, warnings

    def _next_allowed(self, at: dt.datetime, start: dt.datetime) -> dt.datetime | None:
        """The earliest instant at or after ``start`` (no earlier instant after ``at`` can be
        allowed) at which every deny rule passes, or None."""
        candidate = start.astimezone(UTC)
        limit = at.astimezone(UTC) + HORIZON
        if candidate > limit:
            return None
        ctx = self.ctx
        for _ in range(MAX_STEPS):
            moment = Moment.at(candidate, self.where.zones)
            retries: list[dt.datetime] = []
            schedule = self.engine.schedule(self.jurisdictions, ctx, moment)
            for _, rule, failure in self.engine.backend.failures(schedule, ctx, moment, True):
                retry = _earliest(failure.retry_at, rule.ends_at(moment))
                if retry is None:
                    return None
                retries.append(retry)
            if not retries:
                return candidate
            following = max(retries)
            # A check must promise a later instant; never loop on the same one.
            candidate = following if following > candidate else candidate + dt.timedelta(minutes=1)
            if candidate > limit:
                return None
        return None


def _earliest(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def _version(family: RuleFamily, moment: Moment) -> int | None:
    """The index of the version in force at ``moment`` (the latest if several), or None."""
    first, last = moment.first_day, moment.last_day
    for index in range(len(family) - 1, -1, -1):
        rule = family[index]  # CompiledRule.in_force, inlined: this runs for every rule
        if rule.effective_from <= last and (
            rule.effective_to is None or first <= rule.effective_to
        ):
            return index
    return None


def _planned(code: str, family: RuleFamily, ctx: Context) -> PlannedFamily:
    reasons = tuple(rule.applies(ctx) for rule in family)
    skipped = tuple(
        None
        if reason is None
        else TraceEntry(
            rule_id=rule.id,
            outcome="not_applicable",
            jurisdiction=code,
            version=rule.version,
            reason=reason,
        )
        for rule, reason in zip(family, reasons, strict=True)
    )
    return PlannedFamily(code, family, reasons, skipped)


def _scheduled(plan: tuple[PlannedFamily, ...], moment: Moment) -> Schedule:
    trace: list[TraceEntry] = []
    checks: list[tuple[int, CompiledRule]] = []
    for planned in plan:
        index = _version(planned.versions, moment)
        if index is None:
            trace.append(_not_in_force(planned))
            continue
        skipped = planned.skipped[index]
        if skipped is not None:
            trace.append(skipped)
            continue
        rule = planned.versions[index]
        checks.append((len(trace), rule))
        trace.append(TraceEntry(rule.id, "pass", planned.code, rule.version))
    return Schedule(tuple(trace), tuple(checks))


def _effective_breaks(families: Iterable[tuple[RuleFamily, ...]]) -> tuple[dt.date, ...]:
    """Every date on which some rule version starts or stops being in force."""
    dates: set[dt.date] = set()
    for rule in (rule for by_id in families for family in by_id for rule in family):
        dates.add(rule.effective_from)
        if rule.effective_to is not None:
            dates.add(rule.effective_to + dt.timedelta(days=1))
    return tuple(sorted(dates))


def _not_in_force(planned: PlannedFamily) -> TraceEntry:
    spans = ", ".join(f"{r.effective_from}..{r.effective_to or ''}" for r in planned.versions)
    return TraceEntry(
        rule_id=planned.versions[0].id,
        outcome="not_applicable",
        jurisdiction=planned.code,
        reason=f"not in force on the contact's local date (in force {spans})",
    )


def _engine_finding(name: str, message: str) -> Finding:
    return Finding(
        rule_id=f"{ENGINE_ID}.{name}",
        jurisdiction="",
        citation="contactrules fail-closed policy (docs/design.md)",
        source_url="https://github.com/contactrules/contactrules/blob/main/docs/design.md",
        message=message,
        layer="engine",
    )


@lru_cache(maxsize=4096)
def _ordered(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(codes), key=lambda c: (c.count("-"), c)))


def decision_json(decision: Decision) -> str:
    return json.dumps(decision.to_json(), separators=(",", ":"))
