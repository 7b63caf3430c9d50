"""Georgia: Installment Loan Act collection hours (O.C.G.A. 7-3-33, formerly 7-3-25)."""

from __future__ import annotations

import pytest
from _edges import Edge, check_edge, edge_ids, request

from contactrules import Engine

JURISDICTION = "US-GA"

# Tuesday 2026-06-16 in Avondale Estates (Eastern, UTC-4); a creditor, which federal law does not
# bind, shows the Georgia window.
CREDITOR = "first_party"

EDGES = [
    Edge(
        "us-ga.unreasonable-hour",
        denied=request("GA", "2026-06-16T22:00:00-04:00", role=CREDITOR),
        allowed=request("GA", "2026-06-16T21:59:00-04:00", role=CREDITOR),
        why="a lender's call at 22:00 vs 21:59 ('between 10 p.m. and 5 a.m.' bars both ends); "
        "next allowed at 05:01",
        next_allowed_at="2026-06-17T09:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ga.unreasonable-hour",
        denied=request("GA", "2026-06-16T05:00:00-04:00", role=CREDITOR, channel="in_person"),
        allowed=request("GA", "2026-06-16T05:01:00-04:00", role=CREDITOR, channel="in_person"),
        why="a collection visit at 05:00 (named end of the barred span) vs 05:01",
        next_allowed_at="2026-06-16T09:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ga.unreasonable-hour",
        denied=request("GA", "2019-06-18T22:00:00-04:00", role=CREDITOR),
        allowed=request("GA", "2019-06-18T21:59:00-04:00", role=CREDITOR),
        why="the former 7-3-25 version governs a 2019 call",
        next_allowed_at="2019-06-19T09:01:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ga.unreasonable-hour",
        denied=request("GA", "2019-06-18T05:00:00-04:00", role=CREDITOR),
        allowed=request("GA", "2019-06-18T05:01:00-04:00", role=CREDITOR),
        why="the former version names the same barred span: 05:00 out, 05:01 in",
        next_allowed_at="2019-06-18T09:01:00Z",
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_the_2019_call_applies_the_former_version(engine: Engine) -> None:
    decision = engine.evaluate(request("GA", "2019-06-18T22:00:00-04:00", role=CREDITOR))
    versions = [entry for entry in decision.evaluated if entry.rule_id == "us-ga.unreasonable-hour"]
    assert [(v.outcome, v.version) for v in versions] == [("fail", "1982-11-01")]
