"""California: Rosenthal Act; Civ. Code 1788.17 extends FDCPA contact rules to creditors."""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US-CA"

# Tuesday 2026-06-16 in San Francisco (Pacific, UTC-7); area code 415 is Pacific too.
TUE_10 = "2026-06-16T10:00:00-07:00"
seven_calls = [call(f"2026-06-{day}T10:00:00-07:00") for day in range(10, 17)]
seven_calls_from_09 = [call("2026-06-09T10:00:00-07:00"), *seven_calls[1:]]

EDGES = [
    Edge(
        "us-ca.time-of-day",
        denied=request("CA", "2026-06-16T07:59:00-07:00", role="first_party"),
        allowed=request("CA", "2026-06-16T08:00:00-07:00", role="first_party"),
        why="a creditor's own call at 07:59 vs 08:00: 1692c(a)(1) via 1788.17, read as federally",
        next_allowed_at="2026-06-16T15:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ca.time-of-day",
        denied=request("CA", "2026-06-16T21:00:00-07:00", role="first_party", channel="sms"),
        allowed=request("CA", "2026-06-16T20:59:00-07:00", role="first_party", channel="sms"),
        why="a creditor's text at 21:00 is outside, 20:59 inside",
        next_allowed_at="2026-06-17T15:00:00Z",
        stricter_than_federal=True,
    ),
    Edge(
        "us-ca.time-of-day",
        denied=request("CA", "2026-06-16T07:59:00-07:00", channel="email"),
        allowed=request("CA", "2026-06-16T08:00:00-07:00", channel="email"),
        why="a third party's email at 07:59 vs 08:00: the same window as Regulation F",
        next_allowed_at="2026-06-16T15:00:00Z",
    ),
    Edge(
        "us-ca.cease-communication",
        denied=request(
            "CA",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-07:00", written=True)],
        ),
        allowed=request(
            "CA",
            TUE_10,
            role="first_party",
            events=[event("cease_request", "2026-06-01T10:00:00-07:00", written=False)],
        ),
        why="a creditor must honour a written cease request; an oral one does not trigger 1692c(c)",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ca.cease-communication",
        denied=request(
            "CA",
            TUE_10,
            role="first_party",
            channel="letter",
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-07:00", written=True)],
        ),
        allowed=request(
            "CA",
            TUE_10,
            role="first_party",
            channel="letter",
            purpose="cease_acknowledgement",
            events=[event("refusal_to_pay", "2026-06-01T10:00:00-07:00", written=True)],
        ),
        why="after a written refusal to pay, a collection letter is barred; a stop notice is not",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ca.attorney-represented",
        denied=request(
            "CA",
            TUE_10,
            role="first_party",
            events=[event("attorney_representation", "2026-06-01T10:00:00-07:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "CA",
            TUE_10,
            role="first_party",
            events=[
                event(
                    "attorney_representation",
                    "2026-06-01T10:00:00-07:00",
                    debt_ids=["D1"],
                    ended_at="2026-06-15T10:00:00-07:00",
                )
            ],
        ),
        why="a creditor may not call a represented consumer; after the representation ended it may",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ca.workplace-employer-prohibits",
        denied=request(
            "CA",
            TUE_10,
            role="first_party",
            place="work",
            phone_type="landline",
            events=[event("no_work_contact", "2026-06-01T10:00:00-07:00", written=False)],
        ),
        allowed=request(
            "CA",
            TUE_10,
            role="first_party",
            place="home",
            events=[event("no_work_contact", "2026-06-01T10:00:00-07:00", written=False)],
        ),
        why="a creditor told the employer forbids calls may not call at work, may call home",
        next_allowed_at=None,
        stricter_than_federal=True,
    ),
    Edge(
        "us-ca.call-frequency",
        denied=request("CA", TUE_10, role="first_party", events=seven_calls),
        allowed=request("CA", TUE_10, role="first_party", events=seven_calls_from_09),
        why="the eighth call in seven days (06-10..06-16) warns, with one call having left the "
        "period it does not; neither is denied (1788.11 gives no number)",
        warns=True,
    ),
    Edge(
        "us-ca.call-frequency",
        denied=request(
            "CA", TUE_10, role="first_party", debt_purpose="business", events=seven_calls
        ),
        allowed=request(
            "CA", TUE_10, role="first_party", debt_purpose="business", events=seven_calls[1:]
        ),
        why="from 2025-07-01 1788.11 reaches covered commercial debt: 8th call vs 7th",
        warns=True,
    ),
    Edge(
        "us-ca.time-of-day",
        denied=request(
            "CA", "2026-06-16T07:59:00-07:00", role="first_party", debt_purpose="business"
        ),
        allowed=request(
            "CA", "2026-06-16T08:00:00-07:00", role="first_party", debt_purpose="business"
        ),
        why="from 2025-07-01 a lender's call about a (covered) commercial debt at 07:59 vs 08:00",
        next_allowed_at="2026-06-16T15:00:00Z",
        stricter_than_federal=True,
        name="SB 1286 business debt 07:59 vs 08:00",
    ),
    Edge(
        "us-ca.cease-communication",
        denied=request(
            "CA",
            TUE_10,
            role="first_party",
            debt_purpose="business",
            events=[event("cease_request", "2026-06-01T10:00:00-07:00", written=True)],
        ),
        allowed=request(
            "CA",
            TUE_10,
            role="first_party",
            debt_purpose="business",
            purpose="remedy_notice",
            channel="letter",
            events=[event("cease_request", "2026-06-01T10:00:00-07:00", written=True)],
        ),
        why="from 2025-07-01 a written cease request about a business debt binds the lender; a "
        "notice of a remedy is still allowed",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="SB 1286 business debt cease",
    ),
    Edge(
        "us-ca.attorney-represented",
        denied=request(
            "CA",
            TUE_10,
            role="first_party",
            debt_purpose="business",
            events=[event("attorney_representation", "2026-06-01T10:00:00-07:00", debt_ids=["D1"])],
        ),
        allowed=request(
            "CA",
            TUE_10,
            role="first_party",
            debt_purpose="business",
            events=[event("attorney_representation", "2026-06-01T10:00:00-07:00", debt_ids=["D2"])],
        ),
        why="1788.14(c) reaches covered debt: representation on this business debt vs another",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="SB 1286 business debt attorney",
    ),
    Edge(
        "us-ca.workplace-employer-prohibits",
        denied=request(
            "CA",
            TUE_10,
            role="first_party",
            debt_purpose="business",
            place="work",
            phone_type="landline",
            events=[event("no_work_contact", "2026-06-01T10:00:00-07:00", written=False)],
        ),
        allowed=request(
            "CA",
            TUE_10,
            role="first_party",
            debt_purpose="business",
            place="work",
            phone_type="landline",
        ),
        why="from 2025-07-01, a business debt: the employer's objection is known vs not known",
        next_allowed_at=None,
        stricter_than_federal=True,
        name="SB 1286 business debt workplace",
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_business_debt_before_sb_1286_is_not_covered(engine: Engine) -> None:
    """Before 2025-07-01 the Rosenthal Act covered consumer debt only."""
    early = [call(f"2025-06-{day}T08:30:00-07:00") for day in range(11, 18)]
    decision = engine.evaluate(
        request(
            "CA",
            "2025-06-17T10:00:00-07:00",
            role="first_party",
            debt_purpose="business",
            events=early,
        )
    )
    assert "us-ca.call-frequency" not in [w.rule_id for w in decision.warnings]
    consumer = engine.evaluate(
        request("CA", "2025-06-17T10:00:00-07:00", role="first_party", events=early)
    )
    assert "us-ca.call-frequency" in [w.rule_id for w in consumer.warnings]


def test_business_debt_hours_start_on_2025_07_01(engine: Engine) -> None:
    """SB 1286's covered commercial debt: a lender's 07:59 call is not tested on 2025-06-30."""

    def violated(day: str) -> list[str]:
        payload = request(
            "CA", f"{day}T07:59:00-07:00", role="first_party", debt_purpose="business"
        )
        return [v.rule_id for v in engine.evaluate(payload).violations]

    assert "us-ca.time-of-day" not in violated("2025-06-30")
    assert "us-ca.time-of-day" in violated("2025-07-01")


@pytest.mark.parametrize("clock", ["07:59", "08:00", "08:01", "20:59", "21:00"])
@pytest.mark.parametrize("role", ["third_party", "first_party"])
def test_hours_are_the_federal_reading(
    engine: Engine, federal: Engine, clock: str, role: str
) -> None:
    """1788.17 imports 1692c(a)(1), so the California window is the federal one at both edges,
    for creditors too: Regulation F comment 6(b)(1)(i)-2's consumer in Pacific time may be
    called at 8:00 a.m. Pacific, and California must not deny it."""
    at = f"2026-06-16T{clock}:00-07:00"
    ours = [v.rule_id for v in engine.evaluate(request("CA", at, role=role)).violations]
    theirs = [v.rule_id for v in federal.evaluate(request("CA", at)).violations]
    assert ("us-ca.time-of-day" in ours) == ("us.regf.time-of-day" in theirs), (clock, role)


def test_regulation_f_comment_6b1i_2_example_is_not_denied(engine: Engine, federal: Engine) -> None:
    """Comment 6(b)(1)(i)-2: an Eastern mobile area code and a Pacific address allow 11:00 a.m.
    Eastern (8:00 a.m. Pacific). California, which imports 1692c(a)(1), must allow it too, for a
    collector and for a creditor; a minute earlier both deny."""
    eastern_mobile = "+12125550142"
    for role in ("third_party", "first_party"):
        at_eight = request("CA", "2026-06-16T08:00:00-07:00", role=role, phone=eastern_mobile)
        assert engine.evaluate(at_eight).allowed, role
        before = request("CA", "2026-06-16T07:59:00-07:00", role=role, phone=eastern_mobile)
        assert "us-ca.time-of-day" in [v.rule_id for v in engine.evaluate(before).violations]
    assert federal.evaluate(
        request("CA", "2026-06-16T08:00:00-07:00", phone=eastern_mobile)
    ).allowed
