"""event_block: a dated event stops contacts until it ends, or for good."""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Engine
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

CEASE = """
kind: event_block
applies_to: {purposes: [collection]}
params:
  events: [cease_request, refusal_to_pay]
  where: {written: true}
  per_debt: true
"""

OPT_OUT = """
kind: event_block
params:
  events: [opt_out]
  same_channel: true
  same_address: true
"""

ATTORNEY = """
kind: event_block
params:
  events: [attorney_representation]
  per_debt: true
  ends_field: ended_at
"""

BANKRUPTCY = """
kind: event_block
params:
  events: [bankruptcy]
  starts_field: filed
  ends_field: closed
"""

DISPUTE = """
kind: event_block
params:
  events: [dispute]
  where: {written: true}
  per_debt: true
  lifted_by: [verification_sent]
"""

AT = "2026-06-15T10:00:00-04:00"
KNOWN = "2026-06-10T15:00:00Z"


def ev(kind: str, at: str = KNOWN, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "at": at, **fields}


@pytest.fixture(scope="module")
def cease() -> Engine:
    return make_engine(CEASE)


@pytest.fixture(scope="module")
def opt_out() -> Engine:
    return make_engine(OPT_OUT)


def test_written_cease_blocks_for_good(cease: Engine) -> None:
    """FDCPA 1692c(c): after a written cease request, no further communication; no end date."""
    decision = cease.evaluate(make_request(events=[ev("cease_request", written=True)]))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at is None


def test_oral_cease_does_not_block_where_written_is_required(cease: Engine) -> None:
    """1692c(c) needs written notice: where: {written: true} lets an oral request through."""
    decision = cease.evaluate(make_request(events=[ev("cease_request", written=False)]))
    assert decision.allowed
    assert outcome(decision) == "pass"


def test_written_refusal_to_pay_blocks_like_a_cease(cease: Engine) -> None:
    """1692c(c): a written refusal to pay has a cease request's effect."""
    decision = cease.evaluate(make_request(events=[ev("refusal_to_pay", written=True)]))
    assert violation_ids(decision) == [RULE_ID]


def test_cease_naming_another_debt_does_not_block_per_debt(cease: Engine) -> None:
    """per_debt: a cease limited to D2 does not stop communication about D1."""
    events = [ev("cease_request", written=True, debt_ids=["D2"])]
    assert cease.evaluate(make_request(events=events)).allowed


def test_cease_with_null_debt_ids_blocks_every_debt(cease: Engine) -> None:
    """debt_ids null means every debt of the consumer."""
    events = [ev("cease_request", written=True, debt_ids=None)]
    decision = cease.evaluate(make_request(debt_id="D9", events=events))
    assert violation_ids(decision) == [RULE_ID]


def test_cease_known_only_after_the_contact_is_ignored(cease: Engine) -> None:
    """The contract: a cease request received after contact.at did not bind that contact."""
    events = [ev("cease_request", at="2026-06-15T14:00:01Z", written=True)]
    assert cease.evaluate(make_request(events=events)).allowed


def test_cease_acknowledgement_letter_is_not_blocked(cease: Engine) -> None:
    """1692c(c)(1): a collector may write to say collection stops (purposes: [collection])."""
    letter = make_request(
        channel="letter",
        purpose="cease_acknowledgement",
        events=[ev("cease_request", written=True)],
    )
    decision = cease.evaluate(letter)
    assert decision.allowed
    assert outcome(decision) == "not_applicable"


def test_sms_opt_out_without_address_blocks_every_number_but_not_calls(opt_out: Engine) -> None:
    """Reg F 1006.14(h): an opt-out of a medium covers all its addresses, and only that medium."""
    events = [ev("opt_out", channel="sms", address=None)]
    sms = opt_out.evaluate(make_request(channel="sms", phone="+16175550199", events=events))
    assert violation_ids(sms) == [RULE_ID]
    assert sms.next_allowed_at is None
    assert opt_out.evaluate(make_request(channel="call", events=events)).allowed


def test_opt_out_with_an_address_blocks_only_that_address(opt_out: Engine) -> None:
    """Reg F 1006.14(h): an opt-out naming one number leaves the consumer's other numbers open."""
    events = [ev("opt_out", channel="sms", address="+1 (617) 555-0123")]
    same = opt_out.evaluate(make_request(channel="sms", phone="+16175550123", events=events))
    assert violation_ids(same) == [RULE_ID]
    other = opt_out.evaluate(make_request(channel="sms", phone="+16175550199", events=events))
    assert other.allowed


def test_email_opt_out_matches_the_address_case_insensitively(opt_out: Engine) -> None:
    """Reg F 1006.6(e): an email opt-out for one address; the domain's case does not matter."""
    events = [ev("opt_out", channel="email", address="Pat@Example.COM")]
    same = make_request(channel="email", email="pat@example.com", events=events)
    assert violation_ids(opt_out.evaluate(same)) == [RULE_ID]
    other = make_request(channel="email", email="pat@work.example", events=events)
    assert opt_out.evaluate(other).allowed


def test_attorney_representation_ends_at_ended_at() -> None:
    """1692c(a)(2): blocked while represented; next_allowed_at is the ended_at instant."""
    engine = make_engine(ATTORNEY)
    events = [ev("attorney_representation", ended_at="2026-06-20T15:30:00Z")]
    decision = engine.evaluate(make_request(events=events))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-20T15:30:00Z"
    assert engine.evaluate(make_request(at="2026-06-20T15:30:00Z", events=events)).allowed


def test_attorney_without_end_blocks_for_good_but_only_its_debts() -> None:
    """1692c(a)(2) per debt: representation for D1 with no end never lapses; D2 is free."""
    engine = make_engine(ATTORNEY)
    events = [ev("attorney_representation", debt_ids=["D1"])]
    decision = engine.evaluate(make_request(events=events))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at is None
    assert engine.evaluate(make_request(debt_id="D2", events=events)).allowed


def test_bankruptcy_stay_blocks_through_the_closed_date() -> None:
    """11 U.S.C. 362: the stay lasts through the day the case closes; next is local midnight."""
    engine = make_engine(BANKRUPTCY)
    events = [ev("bankruptcy", filed="2026-06-05", closed="2026-06-20")]
    last_day = engine.evaluate(make_request(at="2026-06-20T23:59:00-04:00", events=events))
    assert violation_ids(last_day) == [RULE_ID]
    assert last_day.next_allowed_at == "2026-06-21T04:00:00Z"
    early = engine.evaluate(make_request(events=events))
    assert early.next_allowed_at == "2026-06-21T04:00:00Z"
    assert engine.evaluate(make_request(at="2026-06-21T00:00:00-04:00", events=events)).allowed


def test_open_bankruptcy_blocks_for_good() -> None:
    """11 U.S.C. 362(a)(6): with no closed date the stay has no end that time alone brings."""
    engine = make_engine(BANKRUPTCY)
    decision = engine.evaluate(make_request(events=[ev("bankruptcy", filed="2026-06-05")]))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at is None


def test_bankruptcy_block_starts_on_the_filed_date() -> None:
    """starts_field: a case whose filed date is after the contact's day does not block yet."""
    engine = make_engine(BANKRUPTCY)
    events = [ev("bankruptcy", filed="2026-06-16")]
    assert engine.evaluate(make_request(at="2026-06-15T23:59:00-04:00", events=events)).allowed
    on_filing = engine.evaluate(make_request(at="2026-06-16T00:00:00-04:00", events=events))
    assert violation_ids(on_filing) == [RULE_ID]


def test_written_dispute_lifted_by_later_verification_of_the_same_debt() -> None:
    """lifted_by: verification_sent after the dispute ends the block (1692g(b)); per debt."""
    engine = make_engine(DISPUTE)
    dispute = ev("dispute", at="2026-06-01T15:00:00Z", debt_id="D1", written=True)
    blocked = engine.evaluate(make_request(events=[dispute]))
    assert violation_ids(blocked) == [RULE_ID]
    assert blocked.next_allowed_at is None
    verified = ev("verification_sent", at="2026-06-10T15:00:00Z", debt_id="D1")
    assert engine.evaluate(make_request(events=[dispute, verified])).allowed
    other_debt = ev("verification_sent", at="2026-06-10T15:00:00Z", debt_id="D2")
    assert not engine.evaluate(make_request(events=[dispute, other_debt])).allowed
    earlier = ev("verification_sent", at="2026-05-20T15:00:00Z", debt_id="D1")
    assert not engine.evaluate(make_request(events=[dispute, earlier])).allowed


# ---------------------------------------------------------------- place_bound, one_reply_to_inbound

PLACE = """
kind: event_block
params:
  events: [inconvenient_place]
  same_place: true
  place_bound: {channels: [letter, in_person], call_phone_types: [landline]}
  one_reply_to_inbound: true
"""

HOME = ev("inconvenient_place", place="home")


def inbound(at: str, channel: str = "call", **fields: Any) -> dict[str, Any]:
    return {
        "type": "contact",
        "at": at,
        "channel": channel,
        "direction": "inbound",
        "outcome": "voicemail" if channel == "call" else "delivered",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "blocked"),
    [
        ({"channel": "letter"}, True),  # mail goes to an address: tied to a place
        ({"channel": "in_person"}, True),
        ({"phone_type": "landline"}, True),
        ({"phone_type": None}, True),  # an unknown phone type may be the home landline
        ({"phone_type": "wireless"}, False),  # a mobile follows the person
        ({"channel": "email", "email": "pat@example.com"}, False),
        ({"channel": "letter", "place": "work"}, False),
        ({"phone_type": "wireless", "place": "home"}, True),  # known to be at home
    ],
)
def test_unknown_place_counts_only_for_place_bound_media(
    fields: dict[str, Any], blocked: bool
) -> None:
    """Reg F comment 6(b)(1)(ii)-1: mail and landlines are tied to a place, email and mobiles
    are not; a place-bound contact without a place may reach the designated one."""
    decision = make_engine(PLACE).evaluate(make_request(events=[HOME], **fields))
    assert violation_ids(decision) == ([RULE_ID] if blocked else [])


def test_one_reply_when_the_person_reaches_out_from_the_blocked_place() -> None:
    """Comment 6(b)(1)-2.ii: the consumer calls from home; one response through that medium."""
    engine = make_engine(PLACE)
    home_call = inbound("2026-06-15T13:30:00Z", place="home")
    landline = {"phone_type": "landline", "place": "home"}
    assert engine.evaluate(make_request(events=[HOME, home_call], **landline)).allowed
    replied = {
        "type": "contact",
        "at": "2026-06-15T13:45:00Z",
        "channel": "call",
        "direction": "outbound",
        "outcome": "no_answer",
    }
    twice = engine.evaluate(make_request(events=[HOME, home_call, replied], **landline))
    assert violation_ids(twice) == [RULE_ID]
    # From another place, or before the designation, it earns no reply.
    work_call = inbound("2026-06-15T13:30:00Z", place="work")
    assert violation_ids(engine.evaluate(make_request(events=[HOME, work_call], **landline)))
    early = inbound("2026-06-01T13:30:00Z", place="home")
    assert violation_ids(engine.evaluate(make_request(events=[early, HOME], **landline)))
    # The reply goes through the medium the person used.
    letter = engine.evaluate(make_request(channel="letter", events=[HOME, home_call]))
    assert violation_ids(letter) == [RULE_ID]


def test_one_reply_through_an_opted_out_address_only_to_that_address() -> None:
    """Reg F 1006.14(h)(2)(ii): after opting out of texts to a number, the person texts from it:
    one text reply to that number is allowed."""
    engine = make_engine(
        OPT_OUT.replace("same_address: true", "same_address: true\n  one_reply_to_inbound: true")
    )
    number = "+16175550123"
    stop = ev("opt_out", channel="sms", address=number)
    texted = inbound("2026-06-15T13:30:00Z", channel="sms", phone=number)
    assert engine.evaluate(make_request(channel="sms", events=[stop, texted])).allowed
    elsewhere = inbound("2026-06-15T13:30:00Z", channel="sms", phone="+16175550999")
    assert violation_ids(engine.evaluate(make_request(channel="sms", events=[stop, elsewhere])))
    unknown = inbound("2026-06-15T13:30:00Z", channel="sms")
    assert violation_ids(engine.evaluate(make_request(channel="sms", events=[stop, unknown])))
    # Without the parameter the opt-out holds.
    plain = make_engine(OPT_OUT)
    assert violation_ids(plain.evaluate(make_request(channel="sms", events=[stop, texted])))
