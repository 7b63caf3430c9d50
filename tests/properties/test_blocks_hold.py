"""Blocks hold: no collection contact is ever allowed through a cease, a stay, an attorney or an
opt-out, for whoever the law binds; and waiting never lifts a block before it ends.

Who is bound, as the bundled rulesets encode the law:

* the FDCPA and Regulation F (cease, attorney, medium opt-out) bind debt collectors
  (``collector.role: third_party``) collecting consumer debts, not a creditor collecting its own
  debt (15 U.S.C. 1692a(6));
* the bankruptcy automatic stay (11 U.S.C. 362(a)(6)) binds every entity, creditors included, for
  every kind of debt;
* some states bind creditors too: ``CREDITOR_BOUND`` lists them with the blocks they encode.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from contactrules import Decision, Engine
from contactrules.models.vocabulary import EventType
from contactrules.testing import BLOCK_TYPES, block_events, requests, subject_of

REG_F = dt.datetime(2021, 12, 1, tzinfo=dt.UTC)
BEFORE_REG_F = dt.datetime(2021, 11, 28, tzinfo=dt.UTC)
# The federal rule each blocking event must trigger for a debt collector.
FEDERAL_RULE: dict[str, str] = {
    "cease_request": "us.regf.cease-communication",
    "refusal_to_pay": "us.regf.cease-communication",
    "bankruptcy": "us.bankruptcy.automatic-stay",
    "attorney_representation": "us.regf.attorney-represented",
    "opt_out": "us.regf.medium-opt-out",
}
DEBT_COLLECTION: dict[str, Any] = {
    "roles": ["third_party"],
    "debt_purposes": ["consumer"],
    "recipients": ["consumer"],
    "purposes": ["collection"],
}
CEASE_AND_ATTORNEY: tuple[EventType, ...] = (
    "cease_request",
    "refusal_to_pay",
    "attorney_representation",
)
# States whose own law, as their rulesets encode it (see each rule's citation and notes), stops a
# creditor collecting its own consumer debt (role first_party) with these blocks.
CREDITOR_BOUND: dict[str, tuple[EventType, ...]] = {
    # Cal. Civ. Code 1788.17 imports 1692c(a)(2) and (c) for creditors.
    "US-CA": CEASE_AND_ATTORNEY,
    # 73 P.S. 2270.4(b): the creditor's own conduct, mirroring the FDCPA and Reg F.
    "US-PA": (*CEASE_AND_ATTORNEY, "opt_out"),
    # Md. Code, Com. Law 14-202(11): any collector violating the FDCPA.
    "US-MD": (*CEASE_AND_ATTORNEY, "opt_out"),
    # 6 RCNY 5-77(b): creditors' staff too (the opt-out rule starts 2026-09-01, not drawn here).
    "US-NY-NYC": ("cease_request", "attorney_representation"),
    # N.C. Gen. Stat. 75-50 et seq. (the conservative reading the ruleset records).
    "US-NC": ("cease_request", "refusal_to_pay"),
}


def _with_block(data: st.DataObject, request: dict[str, Any], types: tuple[EventType, ...]) -> Any:
    contact = request["contact"]
    block = data.draw(
        block_events(contact["at"], subject_of(request), channel=contact["channel"], types=types),
        label="block",
    )
    request["events"].append(block)
    return block


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _assert_waiting_does_not_lift(block: dict[str, Any], decision: Decision) -> None:
    """With no end, waiting never allows; with one, nothing is allowed before it."""
    if decision.next_allowed_at is None:
        return
    allowed_at = _instant(decision.next_allowed_at)
    if block["type"] == "bankruptcy" and block["closed"] is not None:
        assert allowed_at.date() > dt.date.fromisoformat(block["closed"])
    elif block["type"] == "attorney_representation" and block["ended_at"] is not None:
        assert allowed_at >= _instant(block["ended_at"])
    else:
        pytest.fail(f"{block['type']} with no end, yet next_allowed_at {allowed_at}")


@given(data=st.data())
def test_debt_collector_is_stopped_by_every_block(engine: Engine, data: st.DataObject) -> None:
    """FDCPA 1692c(c) and (a)(2), Reg F 1006.6(c)(1), 1006.6(b)(2), 1006.14(h)(1) and 11 U.S.C.
    362(a)(6): a written cease request or refusal to pay, attorney representation for the debt,
    an opt-out from the medium or an open bankruptcy stops a debt collector's collection contact
    by every channel, at every instant; the rule that encodes it is among the violations."""
    request = data.draw(requests(**DEBT_COLLECTION, start=REG_F), label="request")
    block = _with_block(data, request, BLOCK_TYPES)
    # 1006.14(h)(2)(ii): the person writing in through the medium they opted out of may get one
    # reply through it; that exception has its own edge tests (tests/federal).
    assume(not (block["type"] == "opt_out" and _replies_to_the_person(request, block)))
    decision = engine.evaluate(request)
    assert not decision.allowed
    assert FEDERAL_RULE[block["type"]] in {v.rule_id for v in decision.violations}
    _assert_waiting_does_not_lift(block, decision)


def _replies_to_the_person(request: dict[str, Any], block: dict[str, Any]) -> bool:
    """The latest known contact came in through the contact's medium after the block."""
    at = _instant(request["contact"]["at"])
    known = [e for e in request["events"] if e["type"] == "contact" and _instant(e["at"]) <= at]
    if not known:
        return False
    last = max(enumerate(known), key=lambda pair: (_instant(pair[1]["at"]), pair[0]))[1]
    return (
        last["direction"] == "inbound"
        and last["channel"] == request["contact"]["channel"]
        and _instant(last["at"]) > _instant(block["at"])
    )


@given(data=st.data())
def test_fdcpa_blocks_held_before_regulation_f(engine: Engine, data: st.DataObject) -> None:
    """15 U.S.C. 1692c(c) and (a)(2) bound debt collectors before Regulation F took effect on
    2021-11-30: a contact audited as of 2020-2021 is stopped by a cease request or an attorney
    (the statute had no medium opt-out; that is Reg F 1006.14(h))."""
    request = data.draw(
        requests(**DEBT_COLLECTION, end=BEFORE_REG_F, jurisdictions=["US-TX", "US-OH"]),
        label="request",
    )
    block = _with_block(data, request, CEASE_AND_ATTORNEY)
    decision = engine.evaluate(request)
    assert not decision.allowed
    assert FEDERAL_RULE[block["type"]] in {v.rule_id for v in decision.violations}
    assert {e.version for e in decision.evaluated if e.rule_id == FEDERAL_RULE[block["type"]]} == {
        "1978-03-20"
    }


@given(data=st.data())
def test_an_open_bankruptcy_stops_creditors_too(engine: Engine, data: st.DataObject) -> None:
    """11 U.S.C. 362(a)(6) stays "any act to collect" by every entity: an original creditor is
    stayed as well, for consumer and business debts, reaching the debtor or a third party."""
    request = data.draw(
        requests(
            roles=["first_party", "third_party"],
            debt_purposes=["consumer", "business"],
            recipients=["consumer", "third_party"],
        ),
        label="request",
    )
    _with_block(data, request, ("bankruptcy",))
    decision = engine.evaluate(request)
    assert not decision.allowed
    assert "us.bankruptcy.automatic-stay" in {v.rule_id for v in decision.violations}


@given(requests(roles=["first_party"], start=REG_F))
def test_fdcpa_blocks_do_not_bind_a_creditor(engine: Engine, request: dict[str, Any]) -> None:
    """15 U.S.C. 1692a(6): a creditor collecting its own debt is not a "debt collector", so the
    FDCPA's cease, attorney and opt-out rules never apply to it (state law may still bind it)."""
    decision = engine.evaluate(request)
    federal = {FEDERAL_RULE[t] for t in ("cease_request", "attorney_representation", "opt_out")}
    outcomes = {e.outcome for e in decision.evaluated if e.rule_id in federal}
    assert outcomes == {"not_applicable"}


@pytest.mark.parametrize("jurisdiction", sorted(CREDITOR_BOUND))
@given(data=st.data())
def test_state_law_stops_creditors(engine: Engine, jurisdiction: str, data: st.DataObject) -> None:
    """Where state law makes a creditor collecting its own consumer debt answer for the same
    conduct (CREDITOR_BOUND), its blocks stop a first-party collection contact too."""
    request = data.draw(
        requests(
            **{**DEBT_COLLECTION, "roles": ["first_party"]},
            jurisdictions=[jurisdiction],
            start=REG_F,
            end=dt.datetime(2026, 8, 31, tzinfo=dt.UTC),
        ),
        label="request",
    )
    _with_block(data, request, CREDITOR_BOUND[jurisdiction])
    decision = engine.evaluate(request)
    assert not decision.allowed
    assert jurisdiction in {v.jurisdiction for v in decision.violations}
