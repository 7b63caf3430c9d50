"""Louisiana: R.S. 9:3562 (creditors too): third-party contacts and written cease instructions."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-LA"

# Tuesday 2026-06-16 in Metairie (Central, UTC-5).
TUE_10 = "2026-06-16T10:00:00-05:00"
MAY = "2026-05-01T10:00:00-05:00"
CREDITOR = "first_party"
written_cease = [event("cease_request", MAY, written=True)]
oral_cease = [event("cease_request", MAY, written=False)]

EDGES = [
    Edge(
        "us-la.third-party-contacts",
        denied=request("LA", TUE_10, role=CREDITOR, recipient="third_party"),
        allowed=request("LA", TUE_10, role=CREDITOR, recipient="consumer"),
        why="a creditor calling a neighbour about the debt vs calling the debtor",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-la.cease-personal-contacts",
        denied=request("LA", TUE_10, role=CREDITOR, events=written_cease),
        allowed=request("LA", TUE_10, role=CREDITOR, events=oral_cease),
        why="a written cease instruction stops a creditor's calls; an oral one does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-la.cease-personal-contacts",
        denied=request("LA", TUE_10, role=CREDITOR, channel="in_person", events=written_cease),
        allowed=request(
            "LA",
            TUE_10,
            role=CREDITOR,
            channel="in_person",
            events=[event("cease_request", MAY, written=True, debt_ids=["D2"])],
        ),
        why="the instruction covers the debt it names",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-la.cease-mail-contacts",
        denied=request("LA", TUE_10, role=CREDITOR, channel="letter", events=written_cease),
        allowed=request(
            "LA",
            TUE_10,
            role=CREDITOR,
            channel="letter",
            purpose="remedy_notice",
            events=written_cease,
        ),
        why="a collection letter after a written cease vs the monthly notice of a remedy",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
