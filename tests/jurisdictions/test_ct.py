"""Connecticut: creditors (C.G.S. 36a-646, Regs. 36a-647) and consumer collection agencies
(Regs. 36a-809), each bound by its own rules."""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-CT"

# Tuesday 2026-06-16 in Avon (Eastern, UTC-4); area code 860 is Eastern too.
TUE_10 = "2026-06-16T10:00:00-04:00"
seven_calls = [call(f"2026-06-{day}T10:00:00-04:00") for day in range(10, 17)]
seven_calls_from_09 = [call("2026-06-09T10:00:00-04:00"), *seven_calls[1:]]
represented_on_d1 = [event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D1"])]
employer_objects = [event("no_work_contact", "2026-06-01T10:00:00-04:00", written=False)]
written_cease = [event("cease_request", "2026-06-01T10:00:00-04:00", written=True)]
oral_cease = [event("cease_request", "2026-06-01T10:00:00-04:00", written=False)]

EDGES = [
    Edge(
        "us-ct.creditor-time-of-day",
        denied=request("CT", "2026-06-16T07:59:00-04:00", role="first_party"),
        allowed=request("CT", "2026-06-16T08:00:00-04:00", role="first_party"),
        why="a creditor's own call at 07:59 vs 08:00 (federal law does not bind creditors)",
        next_allowed_at="2026-06-16T12:00:00Z",
        stricter_than_federal=True,
        name="creditor 07:59 vs 08:00",
    ),
    Edge(
        "us-ct.creditor-time-of-day",
        denied=request("CT", "2026-06-16T21:00:00-04:00", role="first_party", channel="sms"),
        allowed=request("CT", "2026-06-16T20:59:00-04:00", role="first_party", channel="sms"),
        why="a creditor's text at 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T12:00:00Z",
        stricter_than_federal=True,
        name="creditor 21:00 vs 20:59",
    ),
    Edge(
        "us-ct.creditor-attorney-represented",
        denied=request("CT", TUE_10, role="first_party", events=represented_on_d1),
        allowed=request(
            "CT",
            TUE_10,
            role="first_party",
            events=[
                event(
                    "attorney_representation",
                    "2026-06-01T10:00:00-04:00",
                    debt_ids=["D1"],
                    ended_at="2026-06-15T10:00:00-04:00",
                )
            ],
        ),
        why="a creditor may not call a represented debtor; after the attorney's silence "
        "(recorded as ended_at) it may",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ct.creditor-workplace-employer-prohibits",
        denied=request(
            "CT",
            TUE_10,
            role="first_party",
            place="work",
            phone_type="landline",
            events=employer_objects,
        ),
        allowed=request("CT", TUE_10, role="first_party", place="home", events=employer_objects),
        why="a creditor told the employer disapproves may not call at work; it may call home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ct.creditor-cease-communication",
        denied=request("CT", TUE_10, role="first_party", events=written_cease),
        allowed=request("CT", TUE_10, role="first_party", events=oral_cease),
        why="a written request to stop binds the creditor; an oral one does not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ct.creditor-cease-communication",
        denied=request("CT", TUE_10, role="first_party", channel="letter", events=written_cease),
        allowed=request(
            "CT",
            TUE_10,
            role="first_party",
            channel="letter",
            purpose="cease_acknowledgement",
            events=written_cease,
        ),
        why="after a written stop request a collection letter is barred, a notice of no "
        "further contact is not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ct.creditor-call-frequency",
        denied=request("CT", TUE_10, role="first_party", events=seven_calls),
        allowed=request("CT", TUE_10, role="first_party", events=seven_calls_from_09),
        why="a creditor's eighth call in seven days (06-10..06-16) warns; with one call having "
        "left the period it does not; neither is denied (the regulation gives no number)",
        warns=True,
    ),
    Edge(
        "us-ct.agency-time-of-day",
        denied=request("CT", "2026-06-16T07:59:00-04:00", channel="email"),
        allowed=request("CT", "2026-06-16T08:00:00-04:00", channel="email"),
        why="an agency's email at 07:59 vs 08:00: the same window as Regulation F",
        next_allowed_at="2026-06-16T12:00:00Z",
        name="agency 07:59 vs 08:00",
    ),
    Edge(
        "us-ct.agency-time-of-day",
        denied=request("CT", "2026-06-16T21:00:00-04:00"),
        allowed=request("CT", "2026-06-16T20:59:00-04:00"),
        why="an agency's call at 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T12:00:00Z",
        name="agency 21:00 vs 20:59",
    ),
    Edge(
        "us-ct.agency-attorney-represented",
        denied=request("CT", TUE_10, events=represented_on_d1),
        allowed=request(
            "CT",
            TUE_10,
            events=[event("attorney_representation", "2026-06-01T10:00:00-04:00", debt_ids=["D2"])],
        ),
        why="representation on this debt vs on another one",
        next_allowed_at=None,
    ),
    Edge(
        "us-ct.agency-workplace-employer-prohibits",
        denied=request("CT", TUE_10, place="work", phone_type="landline", events=employer_objects),
        allowed=request("CT", TUE_10, place="home", events=employer_objects),
        why="the employer disapproves: no calls at work, calls at home allowed",
        next_allowed_at=None,
    ),
    Edge(
        "us-ct.agency-cease-communication",
        denied=request("CT", TUE_10, events=written_cease),
        allowed=request("CT", TUE_10, events=oral_cease),
        why="a written stop request binds the agency; an oral one does not",
        next_allowed_at=None,
    ),
    Edge(
        "us-ct.agency-dispute-suspends-collection",
        denied=request(
            "CT",
            TUE_10,
            events=[event("dispute", "2026-06-01T10:00:00-04:00", debt_id="D1", written=True)],
        ),
        allowed=request(
            "CT",
            TUE_10,
            events=[
                event("dispute", "2026-06-01T10:00:00-04:00", debt_id="D1", written=True),
                event("verification_sent", "2026-06-10T10:00:00-04:00", debt_id="D1"),
            ],
        ),
        why="a written dispute stops collection until verification is mailed",
        next_allowed_at=None,
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def _ct_violations(payload: dict[str, object], engine: Engine) -> list[str]:
    return [
        v.rule_id for v in engine.evaluate(payload).violations if v.rule_id.startswith("us-ct.")
    ]


@pytest.mark.parametrize("role", ["first_party", "third_party"])
def test_each_role_is_bound_by_its_own_regime(role: str, engine: Engine) -> None:
    """Creditors answer to Regs. 36a-647, agencies (debt buyers included) to Regs. 36a-809."""
    own, other = ("creditor", "agency") if role == "first_party" else ("agency", "creditor")
    violated = _ct_violations(request("CT", "2026-06-16T07:59:00-04:00", role=role), engine)
    assert f"us-ct.{own}-time-of-day" in violated
    assert f"us-ct.{other}-time-of-day" not in violated


def test_business_debts_are_not_covered(engine: Engine) -> None:
    """Both regimes reach consumer debts only (36a-645(3); 36a-800 consumer debtor)."""
    payload = request(
        "CT", "2026-06-16T07:59:00-04:00", role="first_party", debt_purpose="business"
    )
    assert not _ct_violations(payload, engine)
