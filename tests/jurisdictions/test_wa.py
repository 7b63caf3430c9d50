"""Washington: RCW 19.16.250 (licensed agencies and debt buyers; consumer and commercial claims)."""

from __future__ import annotations

import pytest
from _edges import SAMPLES, Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-WA"

# Tuesday 2026-06-16 in Seattle (Pacific, UTC-7).
TUE_10 = "2026-06-16T10:00:00-07:00"
PHONE = SAMPLES["WA"][2]
three_this_week = [
    call("2026-06-10T10:00:00-07:00"),
    call("2026-06-12T10:00:00-07:00"),
    call("2026-06-15T10:00:00-07:00"),
]
three_first_one_last_week = [
    call("2026-06-09T10:00:00-07:00"),
    call("2026-06-12T10:00:00-07:00"),
    call("2026-06-15T10:00:00-07:00"),
]


def cell_call(at: str, **fields: object) -> dict[str, object]:
    return call(at, phone=PHONE, phone_type="wireless", **fields)


EDGES = [
    Edge(
        "us-wa.three-per-week",
        denied=request("WA", TUE_10, place="home", events=three_this_week),
        allowed=request("WA", TUE_10, place="home", events=three_first_one_last_week),
        why="a fourth call in the seven days 06-10..06-16 vs the 06-09 call having left them; "
        "the period clears at midnight and the federal 08:00 start then governs",
        next_allowed_at="2026-06-17T15:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.three-per-week",
        denied=request(
            "WA",
            TUE_10,
            channel="email",
            place="home",
            events=[
                call("2026-06-11T10:00:00-07:00", channel="sms", outcome="delivered", place="home"),
                call(
                    "2026-06-12T10:00:00-07:00", channel="email", outcome="delivered", place="home"
                ),
                call(
                    "2026-06-15T10:00:00-07:00", channel="letter", outcome="delivered", place="home"
                ),
            ],
        ),
        allowed=request(
            "WA",
            TUE_10,
            channel="email",
            place="home",
            events=[
                call("2026-06-09T10:00:00-07:00", channel="sms", outcome="delivered", place="home"),
                call(
                    "2026-06-12T10:00:00-07:00", channel="email", outcome="delivered", place="home"
                ),
                call(
                    "2026-06-15T10:00:00-07:00", channel="letter", outcome="delivered", place="home"
                ),
            ],
        ),
        why="'in any form': a text, an email and a letter this week bar a fourth communication",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.three-per-week",
        denied=request("WA", TUE_10, place="home", debt_id="D2", events=three_this_week),
        allowed=request("WA", TUE_10, place="home", debt_id="D2", events=three_first_one_last_week),
        why="the cap is per debtor: three calls about D1 also bar a call about D2",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.workplace-once-per-week",
        denied=request(
            "WA",
            TUE_10,
            place="work",
            phone_type="landline",
            events=[call("2026-06-10T12:00:00-07:00", place="work")],
        ),
        allowed=request(
            "WA",
            TUE_10,
            place="work",
            phone_type="landline",
            events=[call("2026-06-09T12:00:00-07:00", place="work")],
        ),
        why="a work call on 06-10 is inside the seven days ending 06-16; one on 06-09 is not",
        next_allowed_at="2026-06-17T15:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.residence-hours",
        denied=request("WA", "2026-06-16T21:00:00-07:00", place="home", debt_purpose="business"),
        allowed=request("WA", "2026-06-16T20:59:00-07:00", place="home", debt_purpose="business"),
        why="a commercial claim (outside federal law): 21:00 is barred, 20:59 is not",
        next_allowed_at="2026-06-17T14:31:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.residence-hours",
        denied=request("WA", "2026-06-16T07:30:00-07:00", place="home", debt_purpose="business"),
        allowed=request("WA", "2026-06-16T07:31:00-07:00", place="home", debt_purpose="business"),
        why="'between 9:00 p.m. and 7:30 a.m.' read inclusively: 07:30 barred, 07:31 allowed",
        next_allowed_at="2026-06-16T14:31:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.cell-twice-per-day",
        denied=request(
            "WA",
            TUE_10,
            place="home",
            events=[cell_call("2026-06-16T08:30:00-07:00"), cell_call("2026-06-16T09:00:00-07:00")],
        ),
        allowed=request(
            "WA",
            TUE_10,
            place="home",
            events=[cell_call("2026-06-15T20:00:00-07:00"), cell_call("2026-06-16T09:00:00-07:00")],
        ),
        why="a third call to the cell number on 06-16 vs the first of two having been on 06-15",
        next_allowed_at="2026-06-17T15:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.cell-twice-per-day",
        denied=request(
            "WA",
            TUE_10,
            channel="sms",
            place="home",
            events=[
                cell_call("2026-06-16T08:30:00-07:00", outcome="not_connected"),
                cell_call(
                    "2026-06-16T09:00:00-07:00", channel="sms", outcome="delivered", place="home"
                ),
            ],
        ),
        allowed=request(
            "WA",
            TUE_10,
            channel="sms",
            place="home",
            events=[cell_call("2026-06-16T09:00:00-07:00", channel="sms", outcome="delivered")],
        ),
        why="texts and unconnected attempts count toward the two a day",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.cell-charges-three-per-week",
        denied=request(
            "WA",
            TUE_10,
            recipient="third_party",
            events=[
                cell_call("2026-06-10T10:00:00-07:00", recipient="third_party"),
                cell_call("2026-06-12T10:00:00-07:00", recipient="third_party"),
                cell_call("2026-06-15T10:00:00-07:00", recipient="third_party"),
            ],
        ),
        allowed=request(
            "WA",
            TUE_10,
            recipient="third_party",
            events=[
                cell_call("2026-06-09T10:00:00-07:00", recipient="third_party"),
                cell_call("2026-06-12T10:00:00-07:00", recipient="third_party"),
                cell_call("2026-06-15T10:00:00-07:00", recipient="third_party"),
            ],
        ),
        why="a fourth chargeable call in seven days to the same cell number, even to a third "
        "party, vs the first having left the period",
        next_allowed_at="2026-06-17T07:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-wa.attorney-written-notice",
        denied=request(
            "WA",
            TUE_10,
            place="home",
            debt_purpose="business",
            events=[event("attorney_representation", "2026-06-01T10:00:00-07:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "WA",
            TUE_10,
            place="home",
            debt_purpose="business",
            events=[event("attorney_representation", "2026-06-01T10:00:00-07:00", debt_ids=["D2"])],
        ),
        why="a commercial claim: representation on this claim vs on another one",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_a_creditor_collecting_in_its_own_name_is_not_a_licensee(engine: Engine) -> None:
    """RCW 19.16.250 binds licensees only: a first-party creditor's fourth call is not capped."""
    decision = engine.evaluate(
        request("WA", TUE_10, role="first_party", place="home", events=three_this_week)
    )
    assert "us-wa.three-per-week" not in [v.rule_id for v in decision.violations]
