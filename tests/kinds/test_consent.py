"""consent_required: a contact needs an unrevoked consent for its number (and debt)."""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Engine
from contactrules.errors import RulesetError
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

TCPA = """
kind: consent_required
applies_to:
  channels: [call, sms]
  technologies: [autodialer, prerecorded, artificial_voice, voicemail_drop]
  phone_types: [wireless, voip]
params:
  consent_kinds: [tcpa_prior_express]
  address: phone
  per_debt: true
"""

PHONE = "+16175550123"


def consent(at: str = "2026-06-01T15:00:00Z", **fields: Any) -> dict[str, Any]:
    return {"type": "consent", "at": at, "kind": "tcpa_prior_express", "phone": PHONE, **fields}


def revoked(at: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": "consent_revoked",
        "at": at,
        "kind": "tcpa_prior_express",
        "phone": PHONE,
        **fields,
    }


def robocall(**overrides: Any) -> dict[str, Any]:
    return make_request(technology="autodialer", **overrides)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return make_engine(TCPA)


def test_autodialed_call_without_consent_is_denied_for_good(engine: Engine) -> None:
    """47 U.S.C. 227(b)(1)(A)(iii): autodialed calls to a wireless number need prior consent."""
    decision = engine.evaluate(robocall())
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at is None


def test_consent_for_the_same_number_allows(engine: Engine) -> None:
    """Consent matched to the dialed number (E.164), with debt_ids null covering every debt."""
    decision = engine.evaluate(robocall(events=[consent()]))
    assert decision.allowed
    assert outcome(decision) == "pass"


def test_consent_recorded_in_another_format_still_matches(engine: Engine) -> None:
    """Numbers are compared in E.164: '+1 (617) 555-0123' is the dialed +16175550123."""
    assert engine.evaluate(robocall(events=[consent(phone="+1 (617) 555-0123")])).allowed


def test_consent_for_another_number_does_not_allow(engine: Engine) -> None:
    """Consent is per number: consent for +16175550199 does not cover +16175550123."""
    decision = engine.evaluate(robocall(events=[consent(phone="+16175550199")]))
    assert violation_ids(decision) == [RULE_ID]


def test_revocation_after_consent_denies(engine: Engine) -> None:
    """47 CFR 64.1200(a)(10): consent revoked by any reasonable means ends at once."""
    events = [consent(), revoked("2026-06-10T15:00:00Z")]
    decision = engine.evaluate(robocall(events=events))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at is None


def test_revocation_at_the_same_instant_as_the_consent_ends_it(engine: Engine) -> None:
    """Records with the same instant cannot be ordered: the revocation wins (the stricter
    reading), and a revocation a minute before the consent does not touch it."""
    same = [consent("2026-06-10T15:00:00Z"), revoked("2026-06-10T15:00:00Z")]
    assert violation_ids(engine.evaluate(robocall(events=same))) == [RULE_ID]
    before = [consent("2026-06-10T15:00:00Z"), revoked("2026-06-10T14:59:00Z")]
    assert engine.evaluate(robocall(events=before)).allowed


def test_revocation_for_another_number_leaves_consent_standing(engine: Engine) -> None:
    """A revocation ends consent only for the number it names."""
    events = [consent(), revoked("2026-06-10T15:00:00Z", phone="+16175550199")]
    assert engine.evaluate(robocall(events=events)).allowed


def test_revocation_of_another_kind_leaves_consent_standing(engine: Engine) -> None:
    """Revoking call_frequency consent does not revoke TCPA prior express consent."""
    events = [consent(), revoked("2026-06-10T15:00:00Z", kind="call_frequency")]
    assert engine.evaluate(robocall(events=events)).allowed


def test_consent_given_again_after_revocation_allows(engine: Engine) -> None:
    """Only a revocation after the consent ends it: a newer consent stands."""
    events = [consent(), revoked("2026-06-05T15:00:00Z"), consent(at="2026-06-10T15:00:00Z")]
    assert engine.evaluate(robocall(events=events)).allowed


def test_revocation_after_the_contact_instant_is_not_yet_known(engine: Engine) -> None:
    """The contract: a revocation dated after contact.at does not affect that contact."""
    events = [consent(), revoked("2026-06-15T14:00:01Z")]
    assert engine.evaluate(robocall(events=events)).allowed


def test_consent_naming_another_debt_denies_per_debt(engine: Engine) -> None:
    """per_debt: consent given for D2 does not cover a call about D1."""
    decision = engine.evaluate(robocall(events=[consent(debt_ids=["D2"])]))
    assert violation_ids(decision) == [RULE_ID]
    assert engine.evaluate(robocall(events=[consent(debt_ids=["D1", "D2"])])).allowed


def test_consent_naming_another_debt_allows_when_not_per_debt() -> None:
    """per_debt: false — consent for a number covers every debt whatever it names."""
    engine = make_engine(TCPA.replace("per_debt: true", "per_debt: false"))
    assert engine.evaluate(robocall(events=[consent(debt_ids=["D2"])])).allowed


def test_manual_call_is_not_governed(engine: Engine) -> None:
    """technologies: a manually dialed call is outside the autodialer rule."""
    decision = engine.evaluate(make_request(technology="manual"))
    assert decision.allowed
    assert outcome(decision) == "not_applicable"


def test_missing_technology_is_governed(engine: Engine) -> None:
    """An unreported technology matches every list: the rule is never skipped for lack of a fact."""
    decision = engine.evaluate(make_request(technology=None))
    assert violation_ids(decision) == [RULE_ID]


def test_landline_is_not_governed_but_unknown_phone_type_is(engine: Engine) -> None:
    """phone_types [wireless, voip]: a landline is outside; 'unknown' matches every list."""
    landline = engine.evaluate(robocall(phone_type="landline"))
    assert landline.allowed
    assert outcome(landline) == "not_applicable"
    unknown = engine.evaluate(robocall(phone_type="unknown"))
    assert violation_ids(unknown) == [RULE_ID]
    assert violation_ids(engine.evaluate(robocall(phone_type=None))) == [RULE_ID]


def test_texts_are_governed_and_emails_are_not(engine: Engine) -> None:
    """channels [call, sms]: texts are calls under the TCPA; an email is outside the rule."""
    assert violation_ids(engine.evaluate(robocall(channel="sms"))) == [RULE_ID]
    email = engine.evaluate(robocall(channel="email", email="pat@example.com"))
    assert email.allowed
    assert outcome(email) == "not_applicable"


def test_email_consent_matches_the_address_case_insensitively() -> None:
    """address: email — consent is matched to the email address, ignoring case."""
    engine = make_engine(
        """
        kind: consent_required
        applies_to: {channels: [email]}
        params: {consent_kinds: [email], address: email}
        """
    )
    given = {
        "type": "consent",
        "at": "2026-06-01T15:00:00Z",
        "kind": "email",
        "email": "Pat@Example.com",
    }
    request = make_request(channel="email", email="pat@example.com", events=[given])
    assert engine.evaluate(request).allowed
    other = make_request(channel="email", email="pat@work.example", events=[given])
    assert violation_ids(engine.evaluate(other)) == [RULE_ID]


# D.C. Code 28-3814(d)(4)(B)(ii): private social-media messages need consent to that method; the
# contract gives no social-media address, so consent is to the medium (address: none).
SOCIAL = """
kind: consent_required
applies_to: {channels: [social_media], seeks_consent: [false]}
params: {consent_kinds: [social_media], address: none}
"""


def social(**overrides: Any) -> dict[str, Any]:
    return make_request(channel="social_media", visibility="private", phone=None, **overrides)


def social_consent(at: str = "2026-06-01T15:00:00Z", **fields: Any) -> dict[str, Any]:
    return {"type": "consent", "at": at, "kind": "social_media", **fields}


def test_medium_consent_without_an_address_allows() -> None:
    """address: none — a consent of the kind, whatever address it names, covers the medium."""
    engine = make_engine(SOCIAL)
    assert violation_ids(engine.evaluate(social())) == [RULE_ID]
    assert engine.evaluate(social(events=[social_consent()])).allowed
    assert engine.evaluate(social(events=[social_consent(email="pat@example.com")])).allowed


def test_medium_consent_is_ended_by_any_later_revocation_of_the_kind() -> None:
    """address: none — a revocation of the kind ends it whatever address the revocation names."""
    engine = make_engine(SOCIAL)
    revocation = {"type": "consent_revoked", "at": "2026-06-10T15:00:00Z", "kind": "social_media"}
    decision = engine.evaluate(social(events=[social_consent(), revocation]))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at is None
    other_kind = {**revocation, "kind": "email", "email": "pat@example.com"}
    assert engine.evaluate(social(events=[social_consent(), other_kind])).allowed


def test_medium_consent_still_honours_per_debt() -> None:
    engine = make_engine(SOCIAL)
    assert violation_ids(engine.evaluate(social(events=[social_consent(debt_ids=["D2"])]))) == [
        RULE_ID
    ]


def test_a_consent_seeking_message_is_outside_a_rule_limited_to_seeks_consent_false() -> None:
    """applies_to.seeks_consent: an unrecorded flag matches (consent needed); true does not."""
    engine = make_engine(SOCIAL)
    assert violation_ids(engine.evaluate(social(seeks_consent=None))) == [RULE_ID]
    assert violation_ids(engine.evaluate(social(seeks_consent=False))) == [RULE_ID]
    seeking = engine.evaluate(social(seeks_consent=True))
    assert seeking.allowed
    assert outcome(seeking) == "not_applicable"


def test_inbound_counts_needs_an_address() -> None:
    with pytest.raises(RulesetError, match="inbound_counts needs an address"):
        make_engine(SOCIAL.replace("address: none}", "address: none, inbound_counts: true}"))


def test_inbound_message_counts_until_a_later_revocation() -> None:
    """inbound_counts: a message the person sent from the address is consent to use it, until
    the person withdraws it (Reg F 1006.6(d)(4)(i)(A), (B))."""
    engine = make_engine(
        """
        kind: consent_required
        applies_to: {channels: [email]}
        params: {consent_kinds: [email], address: email, per_debt: false, inbound_counts: true}
        """
    )
    wrote = {
        "type": "contact",
        "at": "2026-06-01T15:00:00Z",
        "channel": "email",
        "direction": "inbound",
        "outcome": "delivered",
        "email": "pat@work.example",
    }
    request = make_request(channel="email", email="pat@work.example", events=[wrote])
    assert engine.evaluate(request).allowed
    withdrawn = {
        "type": "consent_revoked",
        "at": "2026-06-02T15:00:00Z",
        "kind": "email",
        "email": "pat@work.example",
    }
    request = make_request(channel="email", email="pat@work.example", events=[wrote, withdrawn])
    assert violation_ids(engine.evaluate(request)) == [RULE_ID]


def test_grace_deadline_is_the_earliest_across_candidate_zones() -> None:
    """With a grace period, the business-day deadline is counted in every candidate zone and the
    earliest end is kept (the grace is an allowance; the stricter reading gives the least)."""
    engine = make_engine(
        TCPA.replace("per_debt: true", "per_debt: true\n  revocation_grace_business_days: 1")
    )
    two_zones = [
        {"country": "US", "state": "MA", "postal_code": "02139"},
        {"country": "US", "state": "OR", "postal_code": "97204"},
    ]
    # Revoked Monday 06-15 (both zones): one business day is Tuesday 06-16, ending at Eastern
    # midnight (04:00Z on 06-17), before Pacific midnight (07:00Z).
    events = [consent(), revoked("2026-06-15T18:00:00Z")]
    late_tuesday = make_request(
        technology="autodialer", at="2026-06-17T05:00:00Z", events=events, locations=two_zones
    )
    assert violation_ids(engine.evaluate(late_tuesday)) == [RULE_ID]
    tuesday = make_request(
        technology="autodialer", at="2026-06-17T03:00:00Z", events=events, locations=two_zones
    )
    assert engine.evaluate(tuesday).allowed
