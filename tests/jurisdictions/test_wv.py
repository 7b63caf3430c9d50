"""West Virginia: W. Va. Code 46A-2-125, 46A-2-128 (creditors and collectors, consumer claims)."""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-WV"

# Tuesday 2026-06-16 in Charleston (Eastern, UTC-4).
TUE_10 = "2026-06-16T10:00:00-04:00"


def calls(days: list[int], per_day: int, **fields: object) -> list[dict[str, object]]:
    """``per_day`` outbound calls on each listed June 2026 day, from 09:00 local."""
    return [
        call(f"2026-06-{day:02d}T{9 + n:02d}:00:00-04:00", **fields)
        for day in days
        for n in range(per_day)
    ]


thirty_this_week = calls([10, 11, 12, 13, 14, 15], 5)
thirty_first_last_week = calls([9], 1) + calls([10], 4) + calls([11, 12, 13, 14, 15], 5)
ten_talks_this_week = calls([10, 11, 12, 13, 14], 2, outcome="conversation")
ten_talks_first_last_week = (
    calls([9], 1, outcome="conversation")
    + calls([10], 1, outcome="conversation")
    + calls([11, 12, 13, 14], 2, outcome="conversation")
)

EDGES = [
    Edge(
        "us-wv.convenient-hours",
        denied=request("WV", "2026-06-16T07:59:00-04:00", role="first_party"),
        allowed=request("WV", "2026-06-16T08:00:00-04:00", role="first_party"),
        why="a creditor's own call at 07:59 vs 08:00: 'after eight o'clock' read as in Reg F",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wv.convenient-hours",
        denied=request("WV", "2026-06-16T21:00:00-04:00", role="first_party", channel="sms"),
        allowed=request("WV", "2026-06-16T20:59:00-04:00", role="first_party", channel="sms"),
        why="'before nine o'clock': 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wv.convenient-hours",
        denied=request("WV", "2026-06-16T07:59:00-04:00", channel="email"),
        allowed=request("WV", "2026-06-16T08:00:00-04:00", channel="email"),
        why="a collector's email at 07:59 vs 08:00: the same window as Regulation F",
        next_allowed_at="2026-06-16T12:00:00Z",
    ),
    Edge(
        "us-wv.thirty-calls-per-week",
        denied=request("WV", TUE_10, role="first_party", events=thirty_this_week),
        allowed=request("WV", TUE_10, role="first_party", events=thirty_first_last_week),
        why="a 31st call in the seven days 06-10..06-16 vs one of the thirty having been on 06-09",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wv.thirty-calls-per-week",
        denied=request("WV", TUE_10, role="first_party", debt_id="D2", events=thirty_this_week),
        allowed=request(
            "WV", TUE_10, role="first_party", debt_id="D2", events=thirty_first_last_week
        ),
        why="the limit is per person called: thirty calls about D1 also bar a call about D2",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wv.ten-conversations-per-week",
        denied=request("WV", TUE_10, role="first_party", events=ten_talks_this_week),
        allowed=request("WV", TUE_10, role="first_party", events=ten_talks_first_last_week),
        why="ten conversations already in 06-10..06-16 vs the first having been on 06-09",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wv.attorney-represented",
        denied=request(
            "WV",
            TUE_10,
            role="first_party",
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "WV",
            TUE_10,
            role="first_party",
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D2"])],
        ),
        why="a creditor told of representation on this debt vs on another one",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_business_debts_are_outside_the_act(engine: Engine) -> None:
    """Only consumer claims are covered: a creditor's 07:59 call about a business debt passes,
    the same call about a consumer debt does not."""
    business = request(
        "WV", "2026-06-16T07:59:00-04:00", role="first_party", debt_purpose="business"
    )
    consumer = request("WV", "2026-06-16T07:59:00-04:00", role="first_party")
    assert engine.evaluate(business).allowed
    assert "us-wv.convenient-hours" in [v.rule_id for v in engine.evaluate(consumer).violations]
