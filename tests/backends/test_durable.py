"""The durable backend: each rule kind decided through durable_rules, and its plumbing.

Edge cases per kind run on a one-rule engine with ``backend="durable"``; every kind's own edge
tests (tests/kinds) also run through this backend (``test_every_kind_edge_case_holds``). The
plumbing tests check what durable_rules makes hard: sessions left empty, failures that stop the
backend rather than let it decide over stale facts, threads, and a missing extra.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import subprocess
import sys
import threading
from typing import Any

import pytest

if os.environ.get("CONTACTRULES_REQUIRE_DURABLE") != "1":
    pytest.importorskip(
        "durable", reason="durable_rules is not installed (pip install 'contactrules[durable]')"
    )

from contactrules import Decision, Engine
from contactrules.backends import durable as durable_backend
from contactrules.errors import BackendError
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

TESTS = pathlib.Path(__file__).parent.parent
MONDAY_10_EDT = "2026-06-15T14:00:00Z"


def durable(*rules: str) -> Engine:
    return make_engine(*rules, backend="durable")


def contact(at: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": "contact",
        "at": at,
        "channel": "call",
        "direction": "outbound",
        "outcome": "no_answer",
        "debt_id": "D1",
        "phone": "+16175550123",
        **fields,
    }


def outline(decision: Decision) -> tuple[Any, ...]:
    return (
        decision.allowed,
        [v.rule_id for v in decision.violations],
        [w.rule_id for w in decision.warnings],
        decision.next_allowed_at,
        [(e.rule_id, e.outcome) for e in decision.evaluated],
    )


# ---------------------------------------------------------------------------------- time windows
WINDOW = """
kind: time_window
params:
  windows: [{days: [mon, tue, wed, thu, fri], start: '08:00', end: '21:00'}]
  closed_on_holidays: {country: US}
"""


def test_window_edges_and_next_opening() -> None:
    """08:00 is inside, 07:59 and 21:00 outside; a Friday 21:00 waits for Monday 08:00, and
    Monday 2026-09-07 (Labor Day) is closed, so the next opening is Tuesday."""
    engine = durable(WINDOW)
    assert engine.evaluate(make_request(at="2026-06-15T08:00:00-04:00")).allowed
    early = engine.evaluate(make_request(at="2026-06-15T07:59:00-04:00"))
    assert violation_ids(early) == [RULE_ID]
    assert early.next_allowed_at == "2026-06-15T12:00:00Z"
    friday = engine.evaluate(make_request(at="2026-06-19T21:00:00-04:00"))
    assert friday.next_allowed_at == "2026-06-22T12:00:00Z"
    labor_day = engine.evaluate(make_request(at="2026-09-07T10:00:00-04:00"))
    assert labor_day.next_allowed_at == "2026-09-08T12:00:00Z"


def test_window_in_every_zone_and_fixed_zone() -> None:
    """A consumer in Boston dialed on a Los Angeles number must be inside the hours in both
    zones; a fixed zone ignores the consumer's zones."""
    engine = durable(WINDOW)
    both = make_request(at="2026-06-15T09:00:00-04:00", phone="+14155550142")
    assert engine.evaluate(both).next_allowed_at == "2026-06-15T15:00:00Z"
    fixed = durable(
        "kind: time_window\nparams: {windows: [{start: '09:00', end: '20:00'}], "
        "zone: America/Chicago}"
    )
    assert not fixed.evaluate(make_request(at="2026-06-15T09:30:00-04:00")).allowed
    assert fixed.evaluate(make_request(at="2026-06-15T10:00:00-04:00")).allowed


def test_window_opening_inside_a_dst_gap() -> None:
    """A window opening at 02:30 on the spring-forward day opens at the jump, 03:00 EDT."""
    engine = durable("kind: time_window\nparams: {windows: [{start: '02:30', end: '05:00'}]}")
    decision = engine.evaluate(make_request(at="2026-03-08T01:00:00-05:00"))
    assert decision.next_allowed_at == "2026-03-08T07:00:00Z"


# ---------------------------------------------------------------------------------- designated
def test_designated_times_overnight_and_reply() -> None:
    """A range 21:00-09:00 on Mondays covers Monday night and Tuesday before 09:00; an inbound
    call during it allows one reply in the same stretch."""
    engine = durable("kind: consumer_designated_times\nparams: {one_reply_to_inbound: true}")
    said = {
        "type": "inconvenient_time",
        "at": "2026-06-01T12:00:00Z",
        "days": ["mon"],
        "from": "21:00",
        "to": "09:00",
    }
    tuesday = make_request(at="2026-06-16T08:59:00-04:00", events=[said])
    assert engine.evaluate(tuesday).next_allowed_at == "2026-06-16T13:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-16T09:00:00-04:00", events=[said])).allowed
    inbound = contact("2026-06-16T05:00:00-04:00", direction="inbound", outcome="conversation")
    reply = make_request(at="2026-06-16T06:00:00-04:00", events=[said, inbound])
    assert engine.evaluate(reply).allowed


# ---------------------------------------------------------------------------------- caps
CAP = """
kind: frequency_cap
params:
  max: 7
  days: 7
  counts: {channels: [call], directions: [outbound]}
  exempt_after_consent: {consent_kinds: [call_frequency], days: 7}
"""


def test_cap_seventh_and_eighth_call() -> None:
    """Seven calls in seven days allow none more until the first leaves the period (day 1 is
    the day of the first call); six allow the seventh."""
    engine = durable(CAP)
    calls = [contact(f"2026-06-{day:02d}T14:00:00Z") for day in range(9, 16)]
    decision = engine.evaluate(make_request(at="2026-06-15T16:00:00Z", events=calls))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-16T04:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-15T16:00:00Z", events=calls[1:])).allowed


def test_cap_consent_window_exempts() -> None:
    """Reg F 1006.14(b)(3)(i): a call within seven days of the person's consent is not capped."""
    engine = durable(CAP)
    calls = [contact(f"2026-06-{day:02d}T14:00:00Z") for day in range(9, 16)]
    consent = {"type": "consent", "at": "2026-06-15T15:00:00Z", "kind": "call_frequency"}
    decision = engine.evaluate(make_request(at="2026-06-15T16:00:00Z", events=[*calls, consent]))
    assert decision.allowed


def test_rolling_cap_retry_is_one_span_after() -> None:
    engine = durable("kind: frequency_cap\nparams: {max: 2, days: 1, rolling: true}")
    calls = [contact("2026-06-15T01:00:00Z"), contact("2026-06-15T09:30:00Z")]
    decision = engine.evaluate(make_request(at=MONDAY_10_EDT, events=calls))
    assert decision.next_allowed_at == "2026-06-16T01:00:00Z"


# ---------------------------------------------------------------------------------- cooldown
def test_cooldown_day_seven_and_eight() -> None:
    """Reg F 1006.14(b)(2)(i)(B): a conversation on Monday blocks calls through Sunday."""
    engine = durable(
        "kind: cooldown\nparams: {after: {channels: [call], outcomes: [conversation]}, days: 7}"
    )
    talk = [contact("2026-06-08T14:00:00Z", outcome="conversation")]
    sunday = engine.evaluate(make_request(at="2026-06-14T23:59:00-04:00", events=talk))
    assert sunday.next_allowed_at == "2026-06-15T04:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-15T00:00:00-04:00", events=talk)).allowed


# ---------------------------------------------------------------------------------- blocks
def test_event_block_where_debt_and_lapse() -> None:
    """An oral cease request for this debt blocks for ten local days after its day; a written
    one or another debt's does not match."""
    engine = durable(
        "kind: event_block\nparams: {events: [cease_request], where: {written: false}, "
        "per_debt: true, lasts_days: 10}"
    )
    oral = {"type": "cease_request", "at": "2026-06-10T15:00:00Z", "written": False}
    decision = engine.evaluate(make_request(events=[oral]))
    assert decision.next_allowed_at == "2026-06-21T04:00:00Z"
    written = {**oral, "written": True}
    other = {**oral, "debt_ids": ["D2"]}
    assert engine.evaluate(make_request(events=[written])).allowed
    assert engine.evaluate(make_request(events=[other])).allowed


def test_event_block_starts_ends_and_lifts() -> None:
    stay = durable(
        "kind: event_block\nparams: {events: [bankruptcy], starts_field: filed, ends_field: closed}"
    )
    case = {"type": "bankruptcy", "at": "2026-06-01T12:00:00Z", "filed": "2026-06-16"}
    assert stay.evaluate(make_request(events=[case])).allowed
    closed = {**case, "filed": "2026-06-01", "closed": "2026-06-15"}
    assert stay.evaluate(make_request(events=[closed])).next_allowed_at == "2026-06-16T04:00:00Z"
    dispute = durable(
        "kind: event_block\nparams: {events: [dispute], per_debt: true, "
        "lifted_by: [verification_sent]}"
    )
    disputed = {"type": "dispute", "at": "2026-06-01T12:00:00Z", "written": True}
    verified = {"type": "verification_sent", "at": "2026-06-02T12:00:00Z", "debt_id": "D1"}
    assert outcome(dispute.evaluate(make_request(events=[disputed]))) == "fail"
    assert dispute.evaluate(make_request(events=[disputed, verified])).allowed


def test_event_block_address_channel_and_reply() -> None:
    """Reg F 1006.14(h): an opt-out of one number blocks that number, not another; after the
    person calls in from it, one reply is allowed."""
    engine = durable(
        "kind: event_block\nparams: {events: [opt_out], same_channel: true, same_address: true,"
        " one_reply_to_inbound: true}"
    )
    opt_out = {
        "type": "opt_out",
        "at": "2026-06-01T12:00:00Z",
        "channel": "call",
        "address": "+1 617 555 0123",
    }
    assert not engine.evaluate(make_request(events=[opt_out])).allowed
    assert engine.evaluate(make_request(events=[opt_out], phone="+16175550142")).allowed
    assert engine.evaluate(make_request(events=[opt_out], channel="sms")).allowed
    inbound = contact("2026-06-15T13:00:00Z", direction="inbound", outcome="conversation")
    assert engine.evaluate(make_request(events=[opt_out, inbound])).allowed


# ---------------------------------------------------------------------------------- consent
TCPA = """
kind: consent_required
params: {consent_kinds: [tcpa_prior_express], address: phone, revocation_grace_business_days: 2}
"""


def test_consent_matched_revoked_and_grace() -> None:
    """47 CFR 64.1200(a)(10): consent for the number allows; a revocation ends it after the
    allowed business days (Friday's revocation, 2 business days: through Tuesday)."""
    engine = durable(TCPA)
    given = {
        "type": "consent",
        "at": "2026-06-01T12:00:00Z",
        "kind": "tcpa_prior_express",
        "phone": "+16175550123",
    }
    assert outcome(engine.evaluate(make_request())) == "fail"
    assert engine.evaluate(make_request(events=[given])).allowed
    other = {**given, "phone": "+16175550142"}
    assert not engine.evaluate(make_request(events=[other])).allowed
    revoked = {**given, "type": "consent_revoked", "at": "2026-06-12T12:00:00Z"}  # a Friday
    tuesday = make_request(at="2026-06-16T23:00:00-04:00", events=[given, revoked])
    wednesday = make_request(at="2026-06-17T00:00:00-04:00", events=[given, revoked])
    assert engine.evaluate(tuesday).allowed
    denied = engine.evaluate(wednesday)
    assert violation_ids(denied) == [RULE_ID] and denied.next_allowed_at is None


def test_prior_contact_and_prohibition() -> None:
    prior = durable(
        "kind: prior_contact_required\nparams: {prior: {channels: [letter], "
        "directions: [outbound]}}"
    )
    letter = contact("2026-06-01T12:00:00Z", channel="letter", outcome="delivered", phone=None)
    assert not prior.evaluate(make_request()).allowed
    assert prior.evaluate(make_request(events=[letter])).allowed
    banned = durable("kind: prohibition\napplies_to: {channels: [in_person]}")
    visit = banned.evaluate(make_request(channel="in_person", phone=None))
    assert violation_ids(visit) == [RULE_ID] and visit.next_allowed_at is None
    assert banned.evaluate(make_request()).allowed


# ---------------------------------------------------------------------------------- suites
def test_every_kind_edge_case_holds() -> None:
    """Every edge test of every rule kind (tests/kinds) passes with the durable backend."""
    env = {**os.environ, "CONTACTRULES_TEST_BACKEND": "durable"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(TESTS / "kinds")],
        capture_output=True,
        text=True,
        env=env,
        cwd=TESTS.parent,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:]


@pytest.mark.parametrize(
    "case", sorted((TESTS / "cases").rglob("*.json")), ids=lambda p: pathlib.Path(p).stem
)
def test_acceptance_cases_agree(case: pathlib.Path, both: dict[str, Engine]) -> None:
    """The shared acceptance cases get the same decision from both backends."""
    request = json.loads(case.read_text())["request"]
    try:
        native = both["native"].evaluate(request)
    except Exception as exc:  # an invalid request is rejected before any backend runs
        with pytest.raises(type(exc)):
            both["durable"].evaluate(request)
        return
    assert outline(both["durable"].evaluate(request)) == outline(native)


@pytest.fixture(scope="module")
def both() -> dict[str, Engine]:
    return {"native": Engine.load(), "durable": Engine.load(backend="durable")}


# ---------------------------------------------------------------------------------- plumbing
def session_facts(engine: Engine) -> list[Any]:
    """Every fact left in the backend's session, across its rulesets."""
    backend = engine.backend
    assert isinstance(backend, durable_backend.DurableBackend)
    left = []
    for ruleset in backend._host._ruleset_list:
        try:
            left += backend._host.get_facts(ruleset._name, durable_backend.SESSION)
        except Exception:  # a ruleset never given a fact has no session at all
            continue
    return left


def test_every_fact_is_retracted(both: dict[str, Engine]) -> None:
    engine = both["durable"]
    calls = [contact(f"2026-06-{day:02d}T14:00:00Z") for day in range(9, 16)]
    engine.evaluate(make_request(at="2026-06-15T07:00:00-04:00", events=calls))
    assert session_facts(engine) == []


def test_an_interrupted_session_is_cleaned(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception halfway through asserting still retracts what was stored."""
    engine = Engine.load(backend="durable")
    host = engine.backend._host  # type: ignore[attr-defined]
    real = host.assert_fact
    calls = {"n": 0}

    def flaky(ruleset: str, fact: dict[str, Any]) -> Any:
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("planted failure")
        return real(ruleset, fact)

    monkeypatch.setattr(host, "assert_fact", flaky)
    with pytest.raises(RuntimeError, match="planted"):
        engine.evaluate(make_request(at="2026-06-15T07:00:00-04:00"))
    monkeypatch.setattr(host, "assert_fact", real)
    assert session_facts(engine) == []
    assert not engine.evaluate(make_request(at="2026-06-15T07:00:00-04:00")).allowed


def test_a_failed_retraction_stops_the_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail closed: facts that cannot be retracted would corrupt later decisions, so every
    later decision raises instead."""
    engine = Engine.load(backend="durable")
    host = engine.backend._host  # type: ignore[attr-defined]

    def broken(ruleset: str, fact: dict[str, Any]) -> Any:
        raise RuntimeError("cannot retract")

    monkeypatch.setattr(host, "retract_fact", broken)
    with pytest.raises(BackendError, match="retract"):
        engine.evaluate(make_request(at="2026-06-15T07:00:00-04:00"))
    monkeypatch.undo()
    with pytest.raises(BackendError, match="unusable"):
        engine.evaluate(make_request())


def test_an_unreadable_firing_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """durable_rules swallows exceptions raised in actions; one that cannot note its fact must
    not let the failing rule pass."""
    engine = Engine.load(backend="durable")

    def unreadable(value: object) -> int:
        raise ValueError("planted: the fact id cannot be read")

    # The action converts the fact id with the module's ``int``; make that raise.
    monkeypatch.setattr(durable_backend, "int", unreadable, raising=False)
    with pytest.raises(BackendError, match="could not be read"):
        engine.evaluate(make_request(at="2026-06-15T07:00:00-04:00"))


def test_rules_the_native_engine_skips_are_still_checked(
    both: dict[str, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cap needs past contacts to fail, so the native engine does not run it on a request
    without any; the durable backend checks it all the same, which tests that gating."""
    engine = both["durable"]
    host = engine.backend._host  # type: ignore[attr-defined]
    seen: list[str] = []
    real = host.assert_fact

    def spy(ruleset: str, fact: dict[str, Any]) -> Any:
        seen.append(fact["f"])
        return real(ruleset, fact)

    monkeypatch.setattr(host, "assert_fact", spy)
    engine.evaluate(make_request())
    assert "period" in seen  # a frequency cap's count, 0 here, went to the Rete


def test_threads_get_the_same_decisions(both: dict[str, Engine]) -> None:
    requests = [
        make_request(at=f"2026-06-15T{hour:02d}:30:00-04:00", events=[contact(MONDAY_10_EDT)])
        for hour in range(6, 23)
    ]
    expected = [outline(both["native"].evaluate(r)) for r in requests]
    results: dict[int, list[Any]] = {}

    def work(n: int) -> None:
        results[n] = [outline(both["durable"].evaluate(r)) for r in requests * 3]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found == expected * 3 for found in results.values())
    assert session_facts(both["durable"]) == []


def test_a_rule_without_spec_is_refused_at_load() -> None:
    engine = Engine.load()
    families = {
        code: tuple(tuple(dataclasses.replace(rule, spec=None) for rule in f) for f in fams)
        for code, fams in engine._families.items()
    }
    with pytest.raises(BackendError, match="spec"):
        durable_backend.DurableBackend(families)


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "durable", None)
    monkeypatch.delitem(sys.modules, "contactrules.backends.durable")
    with pytest.raises(ImportError, match=r"contactrules\[durable\]"):
        Engine.load(backend="durable")


def test_cli_backend_option(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    from contactrules.cli import main

    path = tmp_path / "r.json"
    path.write_text(json.dumps(make_request(at="2026-06-15T07:59:00-04:00")))
    assert main(["--backend", "durable", "check", str(path)]) == 1
    # Massachusetts' rules (bundled) open at 08:01.
    assert json.loads(capsys.readouterr().out)["next_allowed_at"] == "2026-06-15T12:01:00Z"
