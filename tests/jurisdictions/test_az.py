"""Arizona: collection agency rules, Ariz. Admin. Code R20-4-1513 (cessation of communication)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-AZ"

# Tuesday 2026-06-16 in Phoenix (MST all year, UTC-7).
TUE_10 = "2026-06-16T10:00:00-07:00"
represented_on_d2 = [event("attorney_representation", "2026-06-01T10:00:00-07:00", debt_ids=["D2"])]

EDGES = [
    Edge(
        "us-az.attorney-represented",
        denied=request("AZ", TUE_10, events=represented_on_d2),
        allowed=request(
            "AZ",
            TUE_10,
            events=[
                event(
                    "attorney_representation",
                    "2026-06-01T10:00:00-07:00",
                    debt_ids=["D2"],
                    ended_at="2026-06-15T10:00:00-07:00",
                )
            ],
        ),
        why="a lawyer for any debt stops contact about every debt, until the lawyer denies acting",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-az.attorney-represented",
        denied=request(
            "AZ",
            TUE_10,
            debt_purpose="business",
            events=[event("attorney_representation", "2026-06-01T10:00:00-07:00", debt_ids=None)],
        ),
        allowed=request("AZ", TUE_10, debt_purpose="business"),
        why="Article 15 covers business debts, which the FDCPA does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-az.cease-communication",
        denied=request(
            "AZ",
            TUE_10,
            events=[
                event("cease_request", "2026-06-01T10:00:00-07:00", written=True, debt_ids=["D2"])
            ],
        ),
        allowed=request(
            "AZ",
            TUE_10,
            events=[
                event("cease_request", "2026-06-01T10:00:00-07:00", written=False, debt_ids=["D2"])
            ],
        ),
        why="a written stop request about another debt stops all contact; an oral one does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-az.cease-communication",
        denied=request(
            "AZ",
            TUE_10,
            channel="letter",
            debt_purpose="business",
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-07:00", written=True)],
        ),
        allowed=request(
            "AZ",
            TUE_10,
            channel="letter",
            debt_purpose="business",
            purpose="remedy_notice",
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-07:00", written=True)],
        ),
        why="after a written refusal to pay a business debt, only a remedy notice may be sent",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_creditors_are_not_bound(engine: Engine) -> None:
    """Article 15 binds collection agencies, not a creditor collecting in its own name."""
    decision = engine.evaluate(request("AZ", TUE_10, role="first_party", events=represented_on_d2))
    assert "us-az.attorney-represented" not in [v.rule_id for v in decision.violations]
