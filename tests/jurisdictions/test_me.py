"""Maine: Maine Fair Debt Collection Practices Act (32 M.R.S. 11012), debt collectors only."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-ME"
NOT_STRICTER_BECAUSE = (
    "32 M.R.S. 11012 binds only debt collectors, as the FDCPA does, and copies 15 U.S.C. 1692c "
    "(hours, inconvenient times, attorney, employer prohibition, written cease); it adds a "
    "licensing remedy, not a stricter contact rule."
)

# Tuesday 2026-06-16 in Berwick (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"
MAY = "2026-05-01T10:00:00-04:00"
MORNINGS = event("inconvenient_time", MAY, days=["tue"], **{"from": "09:00", "to": "12:00"})

EDGES = [
    Edge(
        "us-me.convenient-time",
        denied=request("ME", "2026-06-16T07:59:00-04:00"),
        allowed=request("ME", "2026-06-16T08:00:00-04:00"),
        why="07:59 vs 08:00",
        next_allowed_at="2026-06-16T12:00:00Z",
    ),
    Edge(
        "us-me.convenient-time",
        denied=request("ME", "2026-06-16T21:00:00-04:00", channel="sms"),
        allowed=request("ME", "2026-06-16T20:59:00-04:00", channel="sms"),
        why="21:00 vs 20:59",
        next_allowed_at="2026-06-17T12:00:00Z",
    ),
    Edge(
        "us-me.known-inconvenient-times",
        denied=request("ME", TUE_10, events=[MORNINGS]),
        allowed=request("ME", "2026-06-16T12:00:00-04:00", events=[MORNINGS]),
        why="inside the consumer's inconvenient 09:00-12:00 vs at 12:00",
        next_allowed_at="2026-06-16T16:00:00Z",
    ),
    Edge(
        "us-me.attorney-represented",
        denied=request(
            "ME", TUE_10, events=[event("attorney_representation", MAY, debt_ids=["D1"])]
        ),
        allowed=request(
            "ME", TUE_10, events=[event("attorney_representation", MAY, debt_ids=["D2"])]
        ),
        why="representation on this debt vs another debt",
        next_allowed_at=None,
    ),
    Edge(
        "us-me.workplace-employer-prohibits",
        denied=request("ME", TUE_10, place="work", events=[event("no_work_contact", MAY)]),
        allowed=request("ME", TUE_10, place="home", events=[event("no_work_contact", MAY)]),
        why="employer prohibition: work denied, home allowed",
        next_allowed_at=None,
    ),
    Edge(
        "us-me.cease-communication",
        denied=request("ME", TUE_10, events=[event("cease_request", MAY, written=True)]),
        allowed=request("ME", TUE_10, events=[event("cease_request", MAY, written=False)]),
        why="written vs oral cease request",
        next_allowed_at=None,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_creditors_are_not_bound(engine: Engine) -> None:
    decision = engine.evaluate(request("ME", "2026-06-16T07:59:00-04:00", role="first_party"))
    assert decision.allowed
