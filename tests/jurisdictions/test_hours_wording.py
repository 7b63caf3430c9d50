"""One reading per wording of a law's hours (docs/rulesets.md, "The boundary minute").

The same words must give the same boundary minute in every ruleset: a state that copies or
incorporates the FDCPA's "after 8 ... and before 9" has exactly the federal window (the CFPB's
reading in 12 CFR 1006.6(b)(1)(i)), and a law that bars "between 9 p.m. and 8 a.m." bars both ends.
Each jurisdiction's own edges test its minutes; this module keeps the families in step.
"""

from __future__ import annotations

import pytest

from contactrules import Engine

# Rules whose law copies or incorporates 15 U.S.C. 1692c(a)(1)'s presumption, or bars the span by
# exclusion ("before 8 a.m. or after 9 p.m."): both are read as the federal window.
FEDERAL_READING = [
    "us-ar.time-of-day",
    "us-ca.time-of-day",
    "us-co.time-of-day",
    "us-ct.creditor-time-of-day",
    "us-ct.agency-time-of-day",
    "us-dc.telephone-hours",
    "us-il.convenient-time",
    "us-ma.209cmr.convenient-time",
    "us-md.fdcpa-time-of-day",
    "us-me.convenient-time",
    "us-nh.calling-hours",
    "us-pa.creditor-time-of-day",
    "us-ri.time-of-day",
    "us-wv.convenient-hours",
    "us-ny-nyc.time-of-day",
]

# Rules whose law names the barred span by both its ends: (rule, first allowed, first barred).
BOTH_ENDS_BARRED = [
    ("us-fl.night-communication", "08:01", "21:00"),
    ("us-vt.contact-hours", "08:01", "21:00"),
    ("us-wa.residence-hours", "07:31", "21:00"),
    ("us-ga.unreasonable-hour", "05:01", "22:00"),
]


def _windows(engine: Engine, rule_id: str) -> list[list[tuple[str, str]]]:
    """The windows of every version of a rule, as (start, end) pairs."""
    versions = [
        rule
        for loaded in engine.rulesets
        for rule in loaded.document.rules
        if rule.id == rule_id and rule.kind == "time_window"
    ]
    assert versions, f"no time_window rule {rule_id}"
    return [[(w.start, w.end) for w in rule.params.windows] for rule in versions]


def test_the_federal_fdcpa_reading_is_eight_to_nine(engine: Engine) -> None:
    assert set(map(tuple, _windows(engine, "us.regf.time-of-day"))) == {(("08:00", "21:00"),)}


@pytest.mark.parametrize("rule_id", FEDERAL_READING)
def test_fdcpa_wording_gives_the_federal_window(engine: Engine, rule_id: str) -> None:
    federal = _windows(engine, "us.regf.time-of-day")[-1]
    for version in _windows(engine, rule_id):
        assert version == federal, (rule_id, version)


@pytest.mark.parametrize(("rule_id", "first_allowed", "first_barred"), BOTH_ENDS_BARRED)
def test_a_span_named_by_both_ends_bars_both(
    engine: Engine, rule_id: str, first_allowed: str, first_barred: str
) -> None:
    for version in _windows(engine, rule_id):
        assert version == [(first_allowed, first_barred)], (rule_id, version)
