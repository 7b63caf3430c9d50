"""Colorado: Colorado Fair Debt Collection Practices Act (C.R.S. 5-16-105), collectors only."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-CO"
NOT_STRICTER_BECAUSE = (
    "C.R.S. 5-16-105 binds third-party collectors as the FDCPA does and copies 15 U.S.C. 1692c "
    "(hours read as Regulation F reads them, attorney, employer prohibition, written cease); it "
    "adds licensing and state remedies, not a stricter contact rule the engine can test."
)

# Tuesday 2026-06-16 in Denver (Mountain, UTC-6); area code 303 is Mountain too.
TUE_10 = "2026-06-16T10:00:00-06:00"

EDGES = [
    Edge(
        "us-co.time-of-day",
        denied=request("CO", "2026-06-16T07:59:00-06:00", channel="email"),
        allowed=request("CO", "2026-06-16T08:00:00-06:00", channel="email"),
        why="'after 8 a.m.' read as federally (Reg F 1006.6(b)(1)(i)): 07:59 out, 08:00 in",
        next_allowed_at="2026-06-16T14:00:00Z",
    ),
    Edge(
        "us-co.time-of-day",
        denied=request("CO", "2026-06-16T21:00:00-06:00", channel="sms"),
        allowed=request("CO", "2026-06-16T20:59:00-06:00", channel="sms"),
        why="'before 9 p.m.': 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T14:00:00Z",
    ),
    Edge(
        "us-co.attorney-represented",
        denied=request(
            "CO",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-06:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "CO",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-06:00", debt_ids=["D2"])],
        ),
        why="representation on this debt vs on another one",
        next_allowed_at=None,
    ),
    Edge(
        "us-co.workplace-employer-prohibits",
        denied=request(
            "CO",
            TUE_10,
            place="work",
            phone_type="landline",
            events=[event("no_work_contact", "2026-06-01T10:00:00-06:00", written=False)],
        ),
        allowed=request(
            "CO",
            TUE_10,
            place="home",
            events=[event("no_work_contact", "2026-06-01T10:00:00-06:00", written=False)],
        ),
        why="the employer prohibits calls at work; calls at home are still allowed",
        next_allowed_at=None,
    ),
    Edge(
        "us-co.cease-communication",
        denied=request(
            "CO", TUE_10, events=[event("cease_request", "2026-06-01T10:00:00-06:00", written=True)]
        ),
        allowed=request(
            "CO",
            TUE_10,
            events=[event("cease_request", "2026-06-01T10:00:00-06:00", written=False)],
        ),
        why="a written cease request stops communication; an oral one does not",
        next_allowed_at=None,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_creditors_are_not_bound(engine: Engine) -> None:
    """The CFDCPA does not reach a creditor collecting its own debt in its own name."""
    decision = engine.evaluate(request("CO", "2026-06-16T07:59:00-06:00", role="first_party"))
    assert "us-co.time-of-day" not in [v.rule_id for v in decision.violations]


def test_in_force_from_the_relocation_to_title_5(engine: Engine) -> None:
    """Article 16 took effect on 2017-08-09 (HB 17-1238); the rule is not applied the day before."""

    def violated(at: str) -> list[str]:
        return [v.rule_id for v in engine.evaluate(request("CO", at)).violations]

    assert "us-co.time-of-day" not in violated("2017-08-08T07:59:00-06:00")
    assert "us-co.time-of-day" in violated("2017-08-09T07:59:00-06:00")
