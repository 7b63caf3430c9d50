"""Alaska: 3 AAC 02 creditor collection practices (attorney notice, workplace), creditors only."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-AK"

# Tuesday 2026-06-16 in Anchorage (Alaska daylight time, UTC-8); area code 907 is Alaska too.
TUE_10 = "2026-06-16T10:00:00-08:00"
represented_on_d1 = [event("attorney_representation", "2026-06-01T10:00:00-08:00", debt_ids=["D1"])]

EDGES = [
    Edge(
        "us-ak.creditor-attorney-notice",
        denied=request("AK", TUE_10, role="first_party", events=represented_on_d1),
        allowed=request(
            "AK",
            TUE_10,
            role="first_party",
            events=[
                event(
                    "attorney_representation",
                    "2026-06-01T10:00:00-08:00",
                    debt_ids=["D1"],
                    ended_at="2026-06-15T10:00:00-08:00",
                )
            ],
        ),
        why="a creditor told by the debtor's attorney to write to the attorney may not call the "
        "debtor; once the attorney fails to respond (ended_at) it may",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ak.creditor-attorney-notice",
        denied=request(
            "AK", TUE_10, role="first_party", debt_purpose="business", events=represented_on_d1
        ),
        allowed=request(
            "AK",
            TUE_10,
            role="first_party",
            debt_purpose="business",
            events=[event("attorney_representation", "2026-06-01T10:00:00-08:00", debt_ids=["D2"])],
        ),
        why="the regulation speaks of 'a debt' and 'the loan', business loans included; "
        "representation on another debt does not block",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ak.creditor-workplace",
        denied=request("AK", TUE_10, role="first_party", place="work", phone_type="landline"),
        allowed=request("AK", TUE_10, role="first_party", place="home", phone_type="landline"),
        why="a creditor may not call the debtor at work unless the employer permits it, even "
        "with no sign the employer objects; at home it may",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ak.creditor-workplace",
        denied=request("AK", TUE_10, role="first_party", channel="in_person", place="work"),
        allowed=request("AK", TUE_10, role="first_party", channel="in_person", place="other"),
        why="a visit at the workplace vs elsewhere",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def _violated(payload: dict[str, object], engine: Engine) -> list[str]:
    return [v.rule_id for v in engine.evaluate(payload).violations]


def test_collection_agencies_are_held_to_federal_law_only(engine: Engine, federal: Engine) -> None:
    """3 AAC 02 binds creditors; an agency calling at work with no objection known is allowed."""
    at_work = request("AK", TUE_10, place="work", phone_type="landline")
    assert engine.evaluate(at_work).allowed and federal.evaluate(at_work).allowed
    represented = request("AK", TUE_10, events=represented_on_d1)
    assert not [r for r in _violated(represented, engine) if r.startswith("us-ak.")]


def test_unknown_place_is_not_taken_as_work(engine: Engine) -> None:
    """The workplace bar binds contacts known to be at work (known_only: places)."""
    decision = engine.evaluate(request("AK", TUE_10, role="first_party"))
    outcomes = {entry.rule_id: entry.outcome for entry in decision.evaluated}
    assert outcomes["us-ak.creditor-workplace"] == "not_applicable"
    assert decision.allowed, decision.violations


def test_no_alaska_hours(engine: Engine) -> None:
    """Alaska sets no calling hours of its own: a creditor's 07:30 call is not denied."""
    decision = engine.evaluate(request("AK", "2026-06-16T07:30:00-08:00", role="first_party"))
    assert decision.allowed, decision.violations
