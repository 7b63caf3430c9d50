"""Iowa: Debt Collection Practices Act (Iowa Code 537.7103), binding creditors too."""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-IA"

# Tuesday 2026-06-16 in Ackworth (Central, UTC-5).
TUE_10 = "2026-06-16T10:00:00-05:00"
MAY = "2026-05-01T10:00:00-05:00"
CREDITOR = "first_party"
MORNINGS = event("inconvenient_time", MAY, days=["tue"], **{"from": "09:00", "to": "12:00"})


def employer_call(at: str) -> dict:
    return call(at, recipient="third_party", place="work", outcome="conversation")


EDGES = [
    Edge(
        "us-ia.known-inconvenient-times",
        denied=request("IA", TUE_10, role=CREDITOR, events=[MORNINGS]),
        allowed=request("IA", "2026-06-16T12:00:00-05:00", role=CREDITOR, events=[MORNINGS]),
        why="a creditor's call inside the debtor's inconvenient 09:00-12:00 vs at 12:00",
        next_allowed_at="2026-06-16T17:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ia.employer-contacts",
        denied=request(
            "IA",
            TUE_10,
            role=CREDITOR,
            recipient="third_party",
            place="work",
            events=[employer_call("2026-03-17T10:00:00-05:00")],
        ),
        allowed=request(
            "IA",
            TUE_10,
            role=CREDITOR,
            recipient="third_party",
            place="work",
            events=[employer_call("2026-03-16T10:00:00-05:00")],
        ),
        why="92 days ending 06-16 start on 03-17: an employer contact that day counts, 03-16 not",
        next_allowed_at="2026-06-17T05:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ia.attorney-represented",
        denied=request(
            "IA",
            TUE_10,
            role=CREDITOR,
            events=[event("attorney_representation", MAY, debt_ids=["D1"])],
        ),
        allowed=request(
            "IA",
            TUE_10,
            role=CREDITOR,
            events=[event("attorney_representation", MAY, debt_ids=["D2"])],
        ),
        why="representation on this debt vs another debt",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
