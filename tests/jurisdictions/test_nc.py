"""North Carolina: G.S. 75-50 et seq. (creditors and collectors) and G.S. 58-70 (agencies)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-NC"

# Tuesday 2026-06-16 in Advance (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"
ORAL_STOP = [event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)]
ASLEEP = [
    event(
        "inconvenient_time",
        "2026-06-01T10:00:00-04:00",
        days=["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        **{"from": "21:30", "to": "07:00"},
    )
]

EDGES = [
    Edge(
        "us-nc.workplace-instruction",
        denied=request("NC", TUE_10, role="first_party", place="work", events=ORAL_STOP),
        allowed=request("NC", TUE_10, role="first_party", place="home", events=ORAL_STOP),
        why="a creditor told orally not to call at work may not; a call home is fine",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-nc.agency-workplace-instruction",
        denied=request("NC", TUE_10, debt_purpose="business", place="work", events=ORAL_STOP),
        allowed=request("NC", TUE_10, debt_purpose="business", place="home", events=ORAL_STOP),
        why="a collection agency on a business debt: work vs home after an oral instruction",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-nc.waking-hours",
        denied=request("NC", "2026-06-16T21:30:00-04:00", role="first_party", events=ASLEEP),
        allowed=request("NC", "2026-06-16T21:29:00-04:00", role="first_party", events=ASLEEP),
        why="the person said they sleep 21:30-07:00: a creditor's call at 21:30 vs 21:29; next "
        "07:00 on 06-17",
        next_allowed_at="2026-06-17T11:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-nc.agency-waking-hours",
        denied=request("NC", "2026-06-16T06:59:00-04:00", debt_purpose="business", events=ASLEEP),
        allowed=request("NC", "2026-06-16T07:00:00-04:00", debt_purpose="business", events=ASLEEP),
        why="an agency's call on a business debt at 06:59 vs 07:00, the stated end of sleep",
        next_allowed_at="2026-06-16T11:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-nc.cease-written",
        denied=request(
            "NC",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=True)],
        ),
        allowed=request(
            "NC",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-04:00", written=False)],
        ),
        why="a written stop request (low-confidence reading) vs an oral one",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_no_default_clock_window_for_creditors(engine: Engine) -> None:
    """North Carolina sets no clock: a creditor's 07:30 call with no stated hours is allowed."""
    decision = engine.evaluate(request("NC", "2026-06-16T07:30:00-04:00", role="first_party"))
    assert decision.allowed, decision.violations
