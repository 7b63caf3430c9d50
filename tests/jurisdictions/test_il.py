"""Illinois: Collection Agency Act s. 9.2 (agencies) and Consumer Fraud Act s. 2I (anyone)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-IL"

# Tuesday 2026-06-16 in Chicago (Central, UTC-5).
TUE_10 = "2026-06-16T10:00:00-05:00"
MAY = "2026-05-01T10:00:00-05:00"

EDGES = [
    Edge(
        "us-il.convenient-time",
        denied=request("IL", "2026-06-16T07:59:00-05:00"),
        allowed=request("IL", "2026-06-16T08:00:00-05:00"),
        why="an agency's call at 07:59 vs 08:00 Central",
        next_allowed_at="2026-06-16T13:00:00Z",
    ),
    Edge(
        "us-il.convenient-time",
        denied=request("IL", "2026-06-16T21:00:00-05:00", channel="email"),
        allowed=request("IL", "2026-06-16T20:59:00-05:00", channel="email"),
        why="an email sent at 21:00 is outside, 20:59 inside; next window 08:00 on 06-17",
        next_allowed_at="2026-06-17T13:00:00Z",
    ),
    Edge(
        "us-il.attorney-represented",
        denied=request(
            "IL", TUE_10, events=[event("attorney_representation", MAY, debt_ids=["D1"])]
        ),
        allowed=request(
            "IL", TUE_10, events=[event("attorney_representation", MAY, debt_ids=["D2"])]
        ),
        why="representation on this debt vs on another debt",
        next_allowed_at=None,
    ),
    Edge(
        "us-il.workplace-employer-prohibits",
        denied=request("IL", TUE_10, place="work", events=[event("no_work_contact", MAY)]),
        allowed=request("IL", TUE_10, place="home", events=[event("no_work_contact", MAY)]),
        why="known employer prohibition bars contact at work, not at home",
        next_allowed_at=None,
    ),
    Edge(
        "us-il.cease-communication",
        denied=request("IL", TUE_10, events=[event("cease_request", MAY, written=True)]),
        allowed=request("IL", TUE_10, events=[event("cease_request", MAY, written=False)]),
        why="a written cease request stops the agency; an oral one does not",
        next_allowed_at=None,
    ),
    Edge(
        "us-il.cease-communication",
        denied=request("IL", TUE_10, events=[event("refusal_to_pay", MAY, written=True)]),
        allowed=request(
            "IL",
            TUE_10,
            channel="letter",
            purpose="cease_acknowledgement",
            events=[event("refusal_to_pay", MAY, written=True)],
        ),
        why="after a written refusal only a letter saying collection stops is allowed",
        next_allowed_at=None,
    ),
    Edge(
        "us-il.employer-contact",
        denied=request("IL", TUE_10, role="first_party", recipient="third_party", place="work"),
        allowed=request("IL", TUE_10, role="first_party", recipient="third_party", place="home"),
        why="a creditor's collection call to the debtor's employer vs to a third party at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-il.employer-contact",
        denied=request(
            "IL", TUE_10, recipient="third_party", place="work", debt_purpose="business"
        ),
        allowed=request("IL", TUE_10, recipient="consumer", place="work", debt_purpose="business"),
        why="s. 2I covers any obligation: the employer, not the debtor's own work line",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
