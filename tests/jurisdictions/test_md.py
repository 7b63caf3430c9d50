"""Maryland: Consumer Debt Collection Act (Com. Law 14-202), binding creditors too."""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-MD"

# Tuesday 2026-06-16 in Baltimore (Eastern, UTC-4). Creditors (first_party) show where Maryland
# is stricter than federal law, which binds only third-party collectors.
TUE_10 = "2026-06-16T10:00:00-04:00"
MAY = "2026-05-01T10:00:00-04:00"
CREDITOR = "first_party"


def calls(*days: str) -> list[dict]:
    return [call(f"2026-06-{day}T09:00:00-04:00") for day in days]


EDGES = [
    Edge(
        "us-md.employer-contact-before-judgment",
        denied=request("MD", TUE_10, role=CREDITOR, recipient="third_party", place="work"),
        allowed=request("MD", TUE_10, role=CREDITOR, recipient="third_party", place="home"),
        why="a creditor contacting the employer vs a third party at home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.fdcpa-time-of-day",
        denied=request("MD", "2026-06-16T07:59:00-04:00", role=CREDITOR),
        allowed=request("MD", "2026-06-16T08:00:00-04:00", role=CREDITOR),
        why="a creditor's call at 07:59 vs 08:00",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.fdcpa-time-of-day",
        denied=request("MD", "2026-06-16T21:00:00-04:00", role=CREDITOR, channel="sms"),
        allowed=request("MD", "2026-06-16T20:59:00-04:00", role=CREDITOR, channel="sms"),
        why="a creditor's text at 21:00 vs 20:59",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.fdcpa-time-of-day",
        denied=request("MD", "2018-10-02T07:59:00-04:00", role=CREDITOR),
        allowed=request("MD", "2018-09-28T07:59:00-04:00", role=CREDITOR),
        why="the imported window binds creditors from 2018-10-01 (date unconfirmed), not before",
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.fdcpa-designated-times",
        denied=request(
            "MD",
            TUE_10,
            role=CREDITOR,
            events=[
                event("inconvenient_time", MAY, days=["tue"], **{"from": "09:00", "to": "12:00"})
            ],
        ),
        allowed=request(
            "MD",
            "2026-06-16T12:00:00-04:00",
            role=CREDITOR,
            events=[
                event("inconvenient_time", MAY, days=["tue"], **{"from": "09:00", "to": "12:00"})
            ],
        ),
        why="Tuesdays 09:00-12:00 are inconvenient: 10:00 denied, 12:00 allowed",
        next_allowed_at="2026-06-16T16:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.fdcpa-workplace",
        denied=request(
            "MD", TUE_10, role=CREDITOR, place="work", events=[event("no_work_contact", MAY)]
        ),
        allowed=request(
            "MD", TUE_10, role=CREDITOR, place="home", events=[event("no_work_contact", MAY)]
        ),
        why="employer prohibits contact at work: work denied, home allowed",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.fdcpa-attorney-represented",
        denied=request(
            "MD",
            TUE_10,
            role=CREDITOR,
            events=[event("attorney_representation", MAY, debt_ids=["D1"])],
        ),
        allowed=request(
            "MD",
            TUE_10,
            role=CREDITOR,
            events=[
                event(
                    "attorney_representation",
                    MAY,
                    debt_ids=["D1"],
                    ended_at="2026-06-16T09:59:00-04:00",
                )
            ],
        ),
        why="represented on this debt vs the representation having ended a minute earlier",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.fdcpa-cease-communication",
        denied=request(
            "MD", TUE_10, role=CREDITOR, events=[event("cease_request", MAY, written=True)]
        ),
        allowed=request(
            "MD", TUE_10, role=CREDITOR, events=[event("cease_request", MAY, written=False)]
        ),
        why="a written cease request binds the creditor too; an oral one does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-md.regf-call-frequency",
        denied=request(
            "MD", TUE_10, role=CREDITOR, events=calls("10", "11", "12", "13", "14", "15", "16")
        ),
        allowed=request(
            "MD", TUE_10, role=CREDITOR, events=calls("09", "11", "12", "13", "14", "15", "16")
        ),
        why="an eighth call in 06-10..06-16 warns, with the 06-09 call having left the period it "
        "does not; neither is denied (14-202 gives no number)",
        warns=True,
    ),
    Edge(
        "us-md.regf-call-after-conversation",
        denied=request(
            "MD",
            TUE_10,
            role=CREDITOR,
            events=[call("2026-06-10T15:00:00-04:00", outcome="conversation")],
        ),
        allowed=request(
            "MD",
            TUE_10,
            role=CREDITOR,
            events=[call("2026-06-09T15:00:00-04:00", outcome="conversation")],
        ),
        why="06-16 is day 7 after a 06-10 conversation (warns), day 8 after a 06-09 one (does "
        "not); neither is denied",
        warns=True,
    ),
    Edge(
        "us-md.regf-medium-opt-out",
        denied=request(
            "MD",
            TUE_10,
            role=CREDITOR,
            channel="sms",
            events=[event("opt_out", MAY, channel="sms")],
        ),
        allowed=request(
            "MD",
            TUE_10,
            role=CREDITOR,
            channel="call",
            events=[event("opt_out", MAY, channel="sms")],
        ),
        why="opting out of texts bars texts, not calls",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)
