"""Michigan: MCL 339.915 (licensed agencies) and MCL 445.252 (creditors, regulated persons)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-MI"

# Tuesday 2026-06-16 in Detroit (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"
MAY = "2026-05-01T10:00:00-04:00"
CREDITOR = "first_party"
MORNINGS = event("inconvenient_time", MAY, days=["tue"], **{"from": "09:00", "to": "12:00"})

EDGES = [
    Edge(
        "us-mi.communication-hours",
        denied=request("MI", "2026-06-16T08:00:00-04:00", role=CREDITOR),
        allowed=request("MI", "2026-06-16T08:01:00-04:00", role=CREDITOR),
        why="a creditor's call at 08:00 vs 08:01: 'between 8 a.m. and 9 p.m.' (or a barred span "
        "'between 9 p.m. and 8 a.m.') leaves 08:00 outside",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-mi.communication-hours",
        denied=request("MI", "2026-06-16T08:00:00-04:00"),
        allowed=request("MI", "2026-06-16T08:01:00-04:00"),
        why="a licensed agency's call at 08:00, which Regulation F allows, vs 08:01",
        next_allowed_at="2026-06-16T12:01:00Z",
        stricter_than_federal=True,
        name="agency 08:00 vs 08:01",
    ),
    Edge(
        "us-mi.communication-hours",
        denied=request("MI", "2026-06-16T21:00:00-04:00", role=CREDITOR, channel="email"),
        allowed=request("MI", "2026-06-16T20:59:00-04:00", role=CREDITOR, channel="email"),
        why="a creditor's email at 21:00 vs 20:59; the next may go at 08:01 on 06-17",
        next_allowed_at="2026-06-17T12:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-mi.known-inconvenient-times",
        denied=request("MI", TUE_10, role=CREDITOR, events=[MORNINGS]),
        allowed=request("MI", "2026-06-16T12:00:00-04:00", role=CREDITOR, events=[MORNINGS]),
        why="inside the debtor's inconvenient 09:00-12:00 vs at 12:00",
        next_allowed_at="2026-06-16T16:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-mi.inconvenient-place-work",
        denied=request(
            "MI", TUE_10, role=CREDITOR, place="work", events=[event("no_work_contact", MAY)]
        ),
        allowed=request(
            "MI", TUE_10, role=CREDITOR, place="home", events=[event("no_work_contact", MAY)]
        ),
        why="work said to be inconvenient: work denied, home allowed",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-mi.attorney-represented",
        denied=request(
            "MI",
            TUE_10,
            role=CREDITOR,
            channel="letter",
            events=[event("attorney_representation", MAY, debt_ids=["D1"])],
        ),
        allowed=request(
            "MI",
            TUE_10,
            role=CREDITOR,
            channel="letter",
            events=[
                event(
                    "attorney_representation",
                    MAY,
                    debt_ids=["D1"],
                    ended_at="2026-06-01T10:00:00-04:00",
                )
            ],
        ),
        why="represented now vs the attorney's 30 days having lapsed unanswered (ended_at)",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
