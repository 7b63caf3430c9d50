"""prior_contact_required: a contact waits for an earlier contact of a given kind."""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Engine
from contactrules.errors import RulesetError
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

# D.C. Code 28-3814(d)(4)(B)(i): no electronic message before the written notice was mailed.
NOTICE_FIRST = """
kind: prior_contact_required
applies_to: {channels: [sms, email, social_media]}
params:
  prior: {channels: [letter], directions: [outbound], outcomes: [delivered]}
  per: account
  message: No written notice was mailed before this electronic message.
"""

EMAIL = "pat@example.com"


def letter(at: str = "2026-06-01T15:00:00Z", **fields: Any) -> dict[str, Any]:
    return {
        "type": "contact",
        "at": at,
        "channel": "letter",
        "direction": "outbound",
        "outcome": "delivered",
        "debt_id": "D1",
        **fields,
    }


def email(**overrides: Any) -> dict[str, Any]:
    return make_request(channel="email", email=EMAIL, email_kind="personal", **overrides)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return make_engine(NOTICE_FIRST)


def test_no_prior_letter_denies_and_waiting_cannot_help(engine: Engine) -> None:
    decision = engine.evaluate(email())
    assert violation_ids(decision) == [RULE_ID]
    assert decision.violations[0].message == (
        "No written notice was mailed before this electronic message."
    )
    assert decision.next_allowed_at is None


def test_a_mailed_letter_about_the_debt_allows(engine: Engine) -> None:
    decision = engine.evaluate(email(events=[letter()]))
    assert decision.allowed
    assert outcome(decision) == "pass"


def test_a_letter_at_the_same_instant_counts_one_later_does_not(engine: Engine) -> None:
    """Only events known at contact.at count; the contact is at 2026-06-15T14:00:00Z."""
    assert engine.evaluate(email(events=[letter("2026-06-15T14:00:00Z")])).allowed
    later = engine.evaluate(email(events=[letter("2026-06-15T14:00:01Z")]))
    assert violation_ids(later) == [RULE_ID]


def test_the_letter_must_match_the_filter(engine: Engine) -> None:
    """An inbound letter, a failed letter or an email does not satisfy a mailed-letter filter."""
    for event in (
        letter(direction="inbound"),
        letter(outcome="failed"),
        letter(channel="email", email=EMAIL),
    ):
        assert violation_ids(engine.evaluate(email(events=[event]))) == [RULE_ID], event


def test_per_account_a_letter_about_another_debt_does_not_count(engine: Engine) -> None:
    decision = engine.evaluate(email(events=[letter(debt_id="D2")]))
    assert violation_ids(decision) == [RULE_ID]


def test_per_account_a_letter_on_the_same_account_counts() -> None:
    """Debts serviced under one account share its letter (account_id on debt and event)."""
    engine = make_engine(NOTICE_FIRST)
    debt = {"id": "D1", "purpose": "consumer", "type": "credit_card", "account_id": "A7"}
    decision = engine.evaluate(email(debt=debt, events=[letter(debt_id="D2", account_id="A7")]))
    assert decision.allowed


def test_a_letter_without_a_debt_covers_every_debt(engine: Engine) -> None:
    assert engine.evaluate(email(events=[letter(debt_id=None)])).allowed


def test_contacts_outside_applies_to_are_not_governed(engine: Engine) -> None:
    decision = engine.evaluate(make_request(channel="call"))
    assert decision.allowed
    assert outcome(decision) == "not_applicable"


def test_the_filter_is_validated_when_loaded() -> None:
    with pytest.raises(RulesetError, match="prior"):
        make_engine(
            """
            kind: prior_contact_required
            params:
              prior: {channels: [fax]}
            """
        )
