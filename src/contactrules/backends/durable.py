"""The durable backend: the same rulesets decided through durable_rules' Rete engine.

``Engine.load(backend="durable")`` checks rules here instead of calling the native closures. It
exists to be a second, independent implementation of the rule kinds, against which the native
engine is tested (``tests/properties/test_differential.py``), the way Cedar checks its engine
against a separate model. It is much slower than the native backend; use it to verify, not to
serve traffic.

How a rule is decided
    When the engine is built, each compiled rule version becomes one durable_rules ruleset
    (``backends.translate``): patterns over *features* of a request at an instant, such as a
    zone's local weekday and minute, the count of counted contacts in a zone's period, a block's
    end instant, the consents that might cover the contact. To check a schedule at an instant,
    the backend derives those features in plain Python (``backends.semantics``, written apart
    from ``kinds/``), asserts them as facts under a session id of their own, collects the facts
    on which a failing pattern fired, then retracts every fact and deletes the session. The
    comparisons that decide (``minute < start``, ``count >= max``, ``now < ends``, "no valid
    consent") are the Rete's; supporting facts that cancel a failure (a consent window, a
    waiving consent, a qualifying earlier contact) are ``none`` joins, asserted first so that
    the Rete sees them before the facts they cancel.

What is shared with the native backend
    Everything before and after the rules: request validation, location resolution (zones and
    jurisdictions), the ``Context`` of events known at ``contact.at``, applicability
    (``applies_to``), the version in force, the trace, and the search for ``next_allowed_at``,
    which calls the backend at each candidate instant. Rule models, event models and holiday
    calendars are shared as vocabulary and data.

What is independent
    Each kind's logic: which events count or block, periods, consent windows and consent
    validity, local-time conversions, the decision itself (in the Rete), and each failure's
    ``retry_at`` and message, computed here from the facts that fired. Because ``retry_at`` is
    computed independently, equal ``next_allowed_at`` values are evidence, not an echo.
    Every rule of the schedule is checked, including those the native engine skips because the
    request has none of the event types they need, so that gating is verified too.

Thread safety and durable_rules' state
    durable_rules keeps state in its C engine and its host is not thread-safe, so every
    decision runs under one process-wide lock. Each decision asserts its facts, with ids never
    used before, into one reused session (``SESSION``: durable_rules 2.0.28 cannot delete a
    session without corrupting memory, and never-deleted sessions fill its fixed table), then
    retracts every fact it stored, last first so that no ``none`` join fires while facts are
    withdrawn, even when an exception interrupts it. If a retraction fails, the backend refuses
    every later decision (``BackendError``) rather than decide over stale facts. The host never
    starts durable_rules' polling threads: actions run synchronously inside ``assert_fact``.
    Rulesets get names unique to the backend instance and are deleted from the C engine when
    the backend is garbage-collected.

``assert_fact`` raises ``MessageNotHandledException`` for a fact that no pattern matches: here
that simply means the feature fails nothing, and the fact was not stored.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import durable_rules_engine
from durable import engine as durable_engine

from contactrules.backends.translate import Fact, Translation, translate
from contactrules.context import Context, Moment
from contactrules.errors import BackendError
from contactrules.kinds.base import DEFAULT_OPTIONS, CompileOptions

if TYPE_CHECKING:
    from contactrules.engine import CompiledRule, Failed, RuleFamily, Schedule

NAME = "durable"
# The one durable_rules session every decision uses, in turn, under the lock. Deleting a
# session crashes durable_rules 2.0.28 (``deleteStateNode`` frees pointers that
# ``createStateNode`` never initialised), and sessions that are never deleted fill its fixed
# table, so the session is reused and left empty: every fact is retracted after each decision.
SESSION = "decision"
UNREADABLE = -1  # the fact id noted when an action cannot read the fact it fired on
# durable_rules' engine is process-wide state; one lock serialises every use of it.
_LOCK = threading.RLock()
_INSTANCES = itertools.count()


class _SynchronousHost(durable_engine.Host):  # type: ignore[misc]  # untyped library
    """A durable_rules host without its two polling threads.

    ``Host()`` starts timers that dispatch pending actions every 0.2 s, forever and outside our
    lock; they could steal an action from the session that queued it. Every action here runs
    synchronously inside ``assert_fact``, so nothing needs polling.
    """

    def _run(self) -> None:
        return None


@dataclass(frozen=True, slots=True)
class _RuleNet:
    """One compiled rule version and the durable_rules ruleset that decides it."""

    rule: CompiledRule
    ruleset: str
    translation: Translation


class DurableBackend:
    """Checks each rule of a schedule through its durable_rules ruleset."""

    name = NAME

    def __init__(
        self,
        families: Mapping[str, tuple[RuleFamily, ...]],
        options: CompileOptions = DEFAULT_OPTIONS,
    ) -> None:
        rules = [rule for by_id in families.values() for family in by_id for rule in family]
        # (ruleset, fact id) of each fact a failing pattern fired on, in the running session.
        self._fired: list[tuple[str, int]] = []
        self._nets: dict[int, _RuleNet] = {}
        definitions: dict[str, dict[str, Any]] = {}
        with _LOCK:
            instance = next(_INSTANCES)
            for slot, rule in enumerate(rules):
                net = _RuleNet(rule, f"contactrules-{instance}-{slot}", _translated(rule, options))
                definitions[net.ruleset] = {
                    f"r_{index}": {"all": pattern.clauses(), "run": _recorder(self._fired, net)}
                    for index, pattern in enumerate(net.translation.patterns)
                }
                self._nets[id(rule)] = net
            self._host = _SynchronousHost()
            self._host.register_rulesets(definitions)
            weakref.finalize(self, _delete_rulesets, list(self._host._ruleset_list))
        self._fact_ids = itertools.count(1)  # never reused over the backend's life
        self._broken: str | None = None

    def failures(self, schedule: Schedule, ctx: Context, moment: Moment, deny_only: bool) -> Failed:
        """Every rule of the schedule (not only those whose events are present) that fails."""
        work = [
            (index, net, net.translation.facts(ctx, moment))
            for index, rule in schedule.checks
            if not deny_only or rule.severity == "deny"
            for net in (self._net(rule),)
        ]
        with _LOCK:
            fired = self._session([(net, support + primary) for _, net, (support, primary) in work])
        failed: Failed = []
        for index, net, _ in work:
            facts = fired.get(net.ruleset)
            if facts:
                failed.append((index, net.rule, net.translation.failure(ctx, moment, facts)))
        return failed

    def _net(self, rule: CompiledRule) -> _RuleNet:
        net = self._nets.get(id(rule))
        if net is None or net.rule is not rule:
            raise BackendError(
                "the rule was not compiled by this backend", backend=NAME, rule_id=rule.id
            )
        return net

    def _session(self, work: list[tuple[_RuleNet, list[Fact]]]) -> dict[str, list[Fact]]:
        """Assert the facts, collect those a failing pattern fired on, and always retract."""
        if self._broken is not None:
            raise BackendError(f"unusable after an earlier failure: {self._broken}", backend=NAME)
        sent: dict[tuple[str, int], Fact] = {}
        stored: list[tuple[str, Fact]] = []
        self._fired.clear()
        try:
            for net, facts in work:
                for feature in facts:
                    fact = {**feature, "sid": SESSION, "id": next(self._fact_ids)}
                    sent[(net.ruleset, fact["id"])] = fact
                    try:
                        self._host.assert_fact(net.ruleset, fact)
                    except durable_engine.MessageNotHandledException:
                        continue  # no failing pattern wants it; it was not stored
                    stored.append((net.ruleset, fact))
            fired: dict[str, list[Fact]] = {}
            for key in dict.fromkeys(self._fired):
                if key[1] == UNREADABLE or key not in sent:
                    raise BackendError("a durable_rules action could not be read", backend=NAME)
                fired.setdefault(key[0], []).append(sent[key])
            return fired
        finally:
            self._fired.clear()
            self._retract(stored)

    def _retract(self, stored: list[tuple[str, Fact]]) -> None:
        """Retract the stored facts, last first; if one cannot be, the session is not clean and
        the backend refuses every later decision rather than decide on stale facts."""
        errors: list[Exception] = []
        for ruleset, fact in reversed(stored):
            try:
                self._host.retract_fact(ruleset, {"sid": SESSION, "id": fact["id"]})
            except Exception as exc:  # keep cleaning, then report the first
                errors.append(exc)
        if errors:
            self._broken = f"durable_rules could not retract a fact: {errors[0]}"
            raise BackendError(self._broken, backend=NAME) from errors[0]


def _translated(rule: CompiledRule, options: CompileOptions) -> Translation:
    if rule.spec is None:
        raise BackendError("the rule carries no validated spec", backend=NAME, rule_id=rule.id)
    try:
        return translate(rule.spec, options)
    except TypeError as exc:
        raise BackendError(str(exc), backend=NAME, rule_id=rule.id) from exc


def _recorder(fired: list[tuple[str, int]], net: _RuleNet) -> Any:
    """The action of a failing pattern: note which fact it fired on."""
    ruleset = net.ruleset

    def record(c: Any) -> None:
        # durable_rules swallows an action's exception; a missed firing would pass a failing
        # rule, so any surprise is noted as an unreadable firing that fails the decision.
        try:
            fired.append((ruleset, int(c.m.id)))
        except Exception:
            fired.append((ruleset, UNREADABLE))

    return record


def _delete_rulesets(rulesets: list[Any]) -> None:
    with _LOCK:
        for ruleset in rulesets:
            durable_rules_engine.delete_ruleset(ruleset._handle)
