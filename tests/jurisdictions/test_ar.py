"""Arkansas: Arkansas Fair Debt Collection Practices Act (Ark. Code 17-24-504), collectors."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-AR"
NOT_STRICTER_BECAUSE = (
    "Ark. Code 17-24-504 binds only debt collectors in the FDCPA's sense and copies 15 U.S.C. "
    "1692c (hours, attorney, employer prohibition, written cease); 17-24-203 has it construed as "
    "the FDCPA is, so its 'after 8:00 a.m.' allows 08:00 as Regulation F does. It adds state "
    "remedies and licensing, not a stricter contact rule."
)

# Tuesday 2026-06-16 in Pine Bluff (Central, UTC-5); area code 870 is Central too.
TUE_10 = "2026-06-16T10:00:00-05:00"

EDGES = [
    Edge(
        "us-ar.time-of-day",
        denied=request("AR", "2026-06-16T07:59:00-05:00", channel="email"),
        allowed=request("AR", "2026-06-16T08:00:00-05:00", channel="email"),
        why="'after 8:00 a.m.' read as federally (Reg F 1006.6(b)(1)(i)): 07:59 out, 08:00 in",
        next_allowed_at="2026-06-16T13:00:00Z",
    ),
    Edge(
        "us-ar.time-of-day",
        denied=request("AR", "2026-06-16T21:00:00-05:00", channel="email"),
        allowed=request("AR", "2026-06-16T20:59:00-05:00", channel="email"),
        why="'before 9:00 p.m.': 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T13:00:00Z",
    ),
    Edge(
        "us-ar.attorney-represented",
        denied=request(
            "AR",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-05:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "AR",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-05:00", debt_ids=["D2"])],
        ),
        why="representation on this debt vs on another one",
        next_allowed_at=None,
    ),
    Edge(
        "us-ar.workplace-employer-prohibits",
        denied=request(
            "AR",
            TUE_10,
            place="work",
            phone_type="landline",
            events=[event("no_work_contact", "2026-06-01T10:00:00-05:00", written=True)],
        ),
        allowed=request(
            "AR",
            TUE_10,
            place="home",
            events=[event("no_work_contact", "2026-06-01T10:00:00-05:00", written=True)],
        ),
        why="no calls at work the employer forbids; calls at home are still allowed",
        next_allowed_at=None,
    ),
    Edge(
        "us-ar.cease-communication",
        denied=request(
            "AR",
            TUE_10,
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-05:00", written=True)],
        ),
        allowed=request(
            "AR",
            TUE_10,
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-05:00", written=False)],
        ),
        why="a written refusal to pay stops communication; an oral one does not",
        next_allowed_at=None,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_creditors_are_not_bound(engine: Engine) -> None:
    """The Arkansas Act excludes a creditor collecting its own debt in its own name."""
    decision = engine.evaluate(request("AR", "2026-06-16T07:59:00-05:00", role="first_party"))
    assert "us-ar.time-of-day" not in [v.rule_id for v in decision.violations]


def test_in_force_from_2009_07_31(engine: Engine) -> None:
    """The 2009 Act took effect on 2009-07-31; the rule is not applied the day before."""

    def violated(at: str) -> list[str]:
        return [v.rule_id for v in engine.evaluate(request("AR", at)).violations]

    assert "us-ar.time-of-day" not in violated("2009-07-30T07:59:00-05:00")
    assert "us-ar.time-of-day" in violated("2009-07-31T07:59:00-05:00")
