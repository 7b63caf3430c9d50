"""Oregon: Unlawful Debt Collection Practices Act, ORS 646.639(2)(g) (workplace)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, request

from contactrules import Engine

JURISDICTION = "US-OR"

# Tuesday 2026-06-16 in Portland (Pacific, UTC-7).
TUE_10 = "2026-06-16T10:00:00-07:00"

EDGES = [
    Edge(
        "us-or.workplace-without-permission",
        denied=request("OR", TUE_10, role="first_party", place="work"),
        allowed=request("OR", TUE_10, role="first_party", place="home"),
        why="an original creditor may not call the debtor at work without permission; "
        "at home it may",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-or.workplace-without-permission",
        denied=request("OR", TUE_10, channel="letter", place="work"),
        allowed=request("OR", TUE_10, channel="letter", place="home"),
        why="a collector's letter to the workplace (its no-home-address exception is not "
        "modelled) vs a letter home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-or.workplace-without-permission",
        denied=request("OR", TUE_10, channel="in_person", place="work"),
        allowed=request("OR", TUE_10, channel="in_person", place="other"),
        why="a visit at work vs elsewhere",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_unknown_place_is_not_taken_as_work(engine: Engine) -> None:
    """The ban binds contacts known to be at work (known_only: places), like the federal rule."""
    decision = engine.evaluate(request("OR", TUE_10, role="first_party"))
    outcomes = {entry.rule_id: entry.outcome for entry in decision.evaluated}
    assert outcomes["us-or.workplace-without-permission"] == "not_applicable"
    assert decision.allowed, decision.violations


def test_business_debts_are_not_covered(engine: Engine) -> None:
    """ORS 646.639 covers debts from consumer transactions only."""
    decision = engine.evaluate(
        request("OR", TUE_10, role="first_party", place="work", debt_purpose="business")
    )
    assert decision.allowed, decision.violations
