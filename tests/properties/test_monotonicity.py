"""Monotonicity: more facts against a contact never turn a denial into an allowance.

Adding a past contact, a request (cease, opt-out, designation, representation, bankruptcy...), a
location or a ruleset can only add violations and push ``next_allowed_at`` later. A few facts do
allow what was denied, by design of the law; each is listed in ``CURES`` with the rules it may
cure, and tested on its own: a fact may only cure a rule that gives it that meaning.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from contactrules import Decision, Engine
from contactrules.kinds import (
    ConsentRequiredRule,
    DesignatedTimesRule,
    EventBlockRule,
)
from contactrules.models.vocabulary import EventType
from contactrules.ruleset.loader import load_text
from contactrules.testing import (
    block_events,
    contact_events,
    events_of_type,
    locations,
    requests,
    rulesets,
    subject_of,
)

# Events that only ever restrict: a request, a designation, a representation, a stay...
RESTRICTING: tuple[EventType, ...] = (
    "cease_request",
    "refusal_to_pay",
    "opt_out",
    "inconvenient_place",
    "no_work_contact",
    "attorney_representation",
    "bankruptcy",
    "deceased",
    "dispute",
    "consent_revoked",
)
# Facts that may allow what was denied, and why (each has its own property below):
#   consent            TCPA prior express consent, email consent, and the call-frequency consent
#                      window of Reg F 1006.14(b)(3)(i);
#   verification_sent  ends a written dispute's suspension (1692g(b), 1006.38(d)(2));
#   inbound contact    the consumer's use of a work email address (1006.22(f)(3)) and the one
#                      reply to a consumer who reached out at a designated time (comment
#                      6(b)(1)-2);
#   inconvenient_time  a designation can make the consumer's own call and the reply fall in one
#                      designated stretch (the same comment);
#   representation end attorney representation that ended lifts 1692c(a)(2).
LOCATION_UNKNOWN = "contactrules.engine.location-unknown"
CURES = ("consent", "verification_sent", "inbound contact", "inconvenient_time", "ended_at")


def _violated(decision: Decision) -> set[str]:
    return {v.rule_id for v in decision.violations}


def _instant(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _assert_no_more_allowed(before: Decision, after: Decision) -> None:
    """Every violation stays, and the contact is allowed no earlier than before."""
    assert _violated(before) <= _violated(after), _violated(before) - _violated(after)
    assert before.allowed or not after.allowed
    if before.next_allowed_at is None:
        assert after.next_allowed_at is None
    elif after.next_allowed_at is not None:
        assert _instant(after.next_allowed_at) >= _instant(before.next_allowed_at)  # type: ignore[operator]


def _rules_by_id(engine: Engine) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for ruleset in engine.rulesets:
        for rule in ruleset.document.rules:
            found.setdefault(rule.id, []).append(rule)
    return found


def _assert_cures_only(engine: Engine, before: Decision, after: Decision, may_cure: Any) -> None:
    """Only rules for which ``may_cure(rule)`` holds may stop being violated (the fact may well
    add violations: an inbound conversation starts a cool-down)."""
    rules = _rules_by_id(engine)
    for rule_id in _violated(before) - _violated(after):
        assert any(may_cure(rule) for rule in rules.get(rule_id, [])), rule_id


def _added(request: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    return {**request, "events": [*request["events"], event]}


@given(data=st.data())
def test_adding_a_past_outbound_contact_never_allows(engine: Engine, data: st.DataObject) -> None:
    """Reg F 1006.14(b)(2) and the state caps: one more past contact only adds to the counts and
    cool-downs; it never cures a violation or brings the next allowed instant forward."""
    request = data.draw(requests(), label="request")
    contact = data.draw(
        contact_events(request["contact"]["at"], subject_of(request)), label="contact"
    )
    extra = {**contact, "direction": "outbound"}
    _assert_no_more_allowed(engine.evaluate(request), engine.evaluate(_added(request, extra)))


@given(data=st.data())
def test_adding_a_request_or_a_restriction_never_allows(
    engine: Engine, data: st.DataObject
) -> None:
    """A cease request, refusal to pay, opt-out, inconvenient place, workplace prohibition,
    attorney representation, bankruptcy, death, dispute or consent revocation only ever stops
    contacts (1692c, 1006.6, 1006.14(h), 11 U.S.C. 362, 1692g(b), 47 CFR 64.1200(a)(10))."""
    request = data.draw(requests(), label="request")
    event_type = data.draw(st.sampled_from(RESTRICTING), label="type")
    event = data.draw(
        events_of_type(event_type, request["contact"]["at"], subject_of(request)), label="event"
    )
    _assert_no_more_allowed(engine.evaluate(request), engine.evaluate(_added(request, event)))


# Found by this property: a consumer reached on a Puerto Rico number with no address was under
# Puerto Rico's law; adding an address in New York dropped it while keeping Puerto Rico's zone
# (fixed in location.py: a Puerto Rico number keeps Puerto Rico's law a candidate).
PUERTO_RICO_NUMBER_NO_ADDRESS = {
    "contact": {
        "channel": "call",
        "at": "2026-06-15T14:00:00Z",
        "debt_id": "D1",
        "phone": "+17875550142",
    },
    "collector": {"role": "third_party"},
    "debt": {"id": "D1", "purpose": "consumer"},
    "consumer": {"id": "C1", "locations": []},
    "events": [],
}


@given(requests(min_locations=0, max_locations=2), locations())
@example(PUERTO_RICO_NUMBER_NO_ADDRESS, {"country": "US", "state": "NY", "postal_code": "10001"})
def test_adding_a_location_never_allows(
    engine: Engine, request: dict[str, Any], location: dict[str, Any]
) -> None:
    """Comment 6(b)(1)(i)-2 and the fail-closed design: another place the consumer may be adds
    its zones and its state's law; it never removes a zone, a jurisdiction or a violation (the
    one fact it cures is the engine's own "location unknown")."""
    consumer = request["consumer"]
    wider = {**request, "consumer": {**consumer, "locations": [*consumer["locations"], location]}}
    before, after = engine.evaluate(request), engine.evaluate(wider)
    assert {z.zone for z in before.zones} <= {z.zone for z in after.zones}
    if LOCATION_UNKNOWN in _violated(before):
        # Where nothing placed the consumer the engine failed closed and checked no law; the
        # first known place is what cures that, and the law is then checked for the first time.
        return
    assert set(before.jurisdictions) <= set(after.jurisdictions)
    _assert_no_more_allowed(before, after)


@given(requests(), rulesets())
def test_adding_a_ruleset_never_allows(
    engine: Engine, request: dict[str, Any], overlay: dict[str, Any]
) -> None:
    """Design rule (docs/design.md): every rule kind only restricts, so an overlay (an
    organisation's policy, or a new law) can never loosen what the loaded law denies."""
    loaded = load_text(yaml.safe_dump(overlay, sort_keys=False), "overlay.yaml")
    wider = Engine([*engine.rulesets, loaded], engine.options)
    _assert_no_more_allowed(engine.evaluate(request), wider.evaluate(request))


# ---------------------------------------------------------------- facts that may allow


@given(data=st.data())
def test_consent_cures_only_rules_that_ask_for_consent(engine: Engine, data: st.DataObject) -> None:
    """A consent can only satisfy a rule that requires consent of its kind (TCPA 227(b)(1)(A)
    (iii), Reg F 1006.22(f)(3), state email and text consent) or open a call-frequency consent
    window (1006.14(b)(3)(i)); it never lifts a block, a window or another cap."""
    request = data.draw(requests(), label="request")
    consent = data.draw(
        events_of_type("consent", request["contact"]["at"], subject_of(request)), label="consent"
    )

    def may_cure(rule: Any) -> bool:
        if isinstance(rule, ConsentRequiredRule):
            return consent["kind"] in rule.params.consent_kinds
        params = getattr(rule, "params", None)
        # Caps and cool-downs a consent exempts a call from (Reg F 1006.14(b)(3)(i)) or waives
        # (the TCPA residential limit, FCC 22-100).
        for option in ("exempt_after_consent", "waived_by_consent"):
            given = getattr(params, option, None)
            if given is not None and consent["kind"] in given.consent_kinds:
                return True
        return False

    before, after = engine.evaluate(request), engine.evaluate(_added(request, consent))
    _assert_cures_only(engine, before, after, may_cure)


@given(data=st.data())
def test_verification_cures_only_the_dispute_suspension(
    engine: Engine, data: st.DataObject
) -> None:
    """Sending verification ends only a written dispute's suspension of collection (1692g(b),
    1006.38(d)(2)); it lifts no other block."""
    request = data.draw(requests(), label="request")
    sent = data.draw(
        events_of_type("verification_sent", request["contact"]["at"], subject_of(request)),
        label="verification",
    )

    def may_cure(rule: Any) -> bool:
        return isinstance(rule, EventBlockRule) and "verification_sent" in rule.params.lifted_by

    before, after = engine.evaluate(request), engine.evaluate(_added(request, sent))
    _assert_cures_only(engine, before, after, may_cure)


@given(data=st.data())
def test_an_inbound_contact_cures_only_reply_and_use_rules(
    engine: Engine, data: st.DataObject
) -> None:
    """The consumer reaching out can only allow using the address they wrote from (1006.22
    (f)(3)), one reply at a designated time or from a designated place (comment 6(b)(1)-2), or
    one reply through a medium they opted out of (1006.14(h)(2)(ii))."""
    request = data.draw(requests(), label="request")
    contact = data.draw(
        contact_events(request["contact"]["at"], subject_of(request)), label="contact"
    )
    inbound = {**contact, "direction": "inbound"}

    def may_cure(rule: Any) -> bool:
        if isinstance(rule, ConsentRequiredRule):
            return rule.params.inbound_counts
        replies = (DesignatedTimesRule, EventBlockRule)
        return isinstance(rule, replies) and rule.params.one_reply_to_inbound

    before, after = engine.evaluate(request), engine.evaluate(_added(request, inbound))
    _assert_cures_only(engine, before, after, may_cure)


@given(data=st.data())
def test_a_designation_cures_only_the_reply_to_the_consumer(
    engine: Engine, data: st.DataObject
) -> None:
    """Designating inconvenient times only restricts, except that it may join the consumer's own
    call and the reply in one designated stretch (comment 6(b)(1)-2); nothing else is cured."""
    request = data.draw(requests(), label="request")
    designation = data.draw(
        events_of_type("inconvenient_time", request["contact"]["at"], subject_of(request)),
        label="designation",
    )

    def may_cure(rule: Any) -> bool:
        return isinstance(rule, DesignatedTimesRule) and rule.params.one_reply_to_inbound

    before, after = engine.evaluate(request), engine.evaluate(_added(request, designation))
    _assert_cures_only(engine, before, after, may_cure)


@given(data=st.data())
def test_the_end_of_representation_cures_only_attorney_rules(
    engine: Engine, data: st.DataObject
) -> None:
    """Once attorney representation for the debt has ended (ended_at), 1692c(a)(2) and the
    state rules built on it no longer stop contacts; nothing else changes."""
    request = data.draw(requests(roles=["third_party"]), label="request")
    at = request["contact"]["at"]
    represented = data.draw(
        block_events(at, subject_of(request), types=["attorney_representation"]),
        label="representation",
    )
    ended_before = data.draw(st.integers(0, 30 * 24 * 60), label="minutes ended before")
    end = dt.datetime.fromisoformat(at) - dt.timedelta(minutes=ended_before)
    ongoing = {**represented, "ended_at": None}
    ended = {**represented, "ended_at": end.isoformat()}

    def may_cure(rule: Any) -> bool:
        return isinstance(rule, EventBlockRule) and "attorney_representation" in rule.params.events

    before = engine.evaluate(_added(request, ongoing))
    after = engine.evaluate(_added(request, ended))
    assert _violated(after) <= _violated(before)
    _assert_cures_only(engine, before, after, may_cure)
