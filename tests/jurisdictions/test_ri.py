"""Rhode Island: Rhode Island Fair Debt Collection Practices Act, R.I. Gen. Laws 19-14.9."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-RI"

NOT_STRICTER_BECAUSE = (
    "R.I. Gen. Laws 19-14.9-5 restates 15 U.S.C. 1692c(a) and (c) word for word for the same "
    "third-party debt collectors and consumer debts; original creditors are excluded as under "
    "the FDCPA, so federal law already denies every request these rules deny."
)

# Tuesday 2026-06-16 in Ashaway (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"
REPRESENTED = "2026-06-01T10:00:00-04:00"

EDGES = [
    Edge(
        "us-ri.time-of-day",
        denied=request("RI", "2026-06-16T07:59:00-04:00"),
        allowed=request("RI", "2026-06-16T08:00:00-04:00"),
        why="a collector's call at 07:59 vs 08:00",
        next_allowed_at="2026-06-16T12:00:00Z",
    ),
    Edge(
        "us-ri.time-of-day",
        denied=request("RI", "2026-06-16T21:00:00-04:00", channel="sms"),
        allowed=request("RI", "2026-06-16T20:59:00-04:00", channel="sms"),
        why="a text at 21:00 vs 20:59",
        next_allowed_at="2026-06-17T12:00:00Z",
    ),
    Edge(
        "us-ri.attorney-represented",
        denied=request(
            "RI", TUE_10, events=[event("attorney_representation", REPRESENTED, debt_ids=["D1"])]
        ),
        allowed=request(
            "RI", TUE_10, events=[event("attorney_representation", REPRESENTED, debt_ids=["D2"])]
        ),
        why="representation on this debt vs on another one",
        next_allowed_at=None,
    ),
    Edge(
        "us-ri.employer-prohibits",
        denied=request(
            "RI",
            TUE_10,
            place="work",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        allowed=request(
            "RI",
            TUE_10,
            place="home",
            events=[event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="the employer prohibits contact at work: a call at work vs at home",
        next_allowed_at=None,
    ),
    Edge(
        "us-ri.cease-communication",
        denied=request(
            "RI", TUE_10, events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=True)]
        ),
        allowed=request(
            "RI",
            TUE_10,
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="a written cease request stops collection; an oral one does not",
        next_allowed_at=None,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_original_creditors_are_not_bound(engine: Engine) -> None:
    """19-14.9-3(5) excludes a creditor's officers and employees collecting in its name."""
    decision = engine.evaluate(request("RI", "2026-06-16T07:59:00-04:00", role="first_party"))
    assert decision.allowed, decision.violations
