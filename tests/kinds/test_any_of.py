"""``any_of``: an either/or in ``applies_to`` (Applicability) and in contact filters.

Both read a list of alternatives, each a whole filter: the parent's own lists must match *and* at
least one alternative must. Unknown facts match inside alternatives as they do anywhere else, so
an unknown value never lets a contact escape a rule or a past contact escape a count. The example
is Massachusetts' grouping of numbers by kind (940 CMR 7.04(1)(f)): the debtor's residence or
cellular telephone, whatever place it is recorded at.
"""

from __future__ import annotations

from typing import Any

import pytest

from contactrules import Engine, RulesetError
from helpers import RULE_ID, make_engine, make_request, outcome, violation_ids

# Monday 2026-06-15, 10:00 EDT (the helpers' default contact instant).
MONDAY_10 = "2026-06-15T10:00:00-04:00"

HOME_OR_CELL_ONLY = """
kind: prohibition
applies_to:
  channels: [call]
  any_of:
    - {phone_types: [wireless]}
    - {places: [home]}
params:
  message: No calls to a residence or a cell phone.
"""

HOME_OR_CELL_KNOWN_ONLY = """
kind: prohibition
applies_to:
  any_of:
    - {phone_types: [wireless], known_only: [phone_types]}
    - {places: [home], known_only: [places]}
params:
  message: No calls known to go to a residence or a cell phone.
"""

TWO_TO_HOME_OR_CELL = """
kind: frequency_cap
params:
  max: 2
  days: 7
  rolling: true
  per: debt
  counts:
    channels: [call]
    directions: [outbound]
    any_of:
      - {phone_types: [wireless]}
      - {places: [home]}
"""


def past_call(day: int, **fields: Any) -> dict[str, Any]:
    """An outbound call on 2026-06-<day> at 10:00 EDT, inside the week before MONDAY_10."""
    return {
        "type": "contact",
        "at": f"2026-06-{day:02d}T10:00:00-04:00",
        "channel": "call",
        "direction": "outbound",
        "outcome": "no_answer",
        "debt_id": "D1",
        **fields,
    }


@pytest.fixture(scope="module")
def home_or_cell() -> Engine:
    return make_engine(HOME_OR_CELL_ONLY)


@pytest.mark.parametrize(
    ("phone_type", "place"),
    [
        ("wireless", "work"),  # a cell phone is in the group wherever it is recorded
        ("wireless", None),
        ("landline", "home"),  # a residence number is in the group whatever its kind
        ("voip", "home"),
    ],
)
def test_applies_when_one_alternative_matches(
    home_or_cell: Engine, phone_type: str, place: str | None
) -> None:
    decision = home_or_cell.evaluate(make_request(phone_type=phone_type, place=place))
    assert violation_ids(decision) == [RULE_ID]


@pytest.mark.parametrize("phone_type", ["landline", "voip"])
def test_does_not_apply_when_no_alternative_matches(home_or_cell: Engine, phone_type: str) -> None:
    decision = home_or_cell.evaluate(make_request(phone_type=phone_type, place="work"))
    assert decision.allowed
    assert outcome(decision) == "not_applicable"
    reason = next(e.reason for e in decision.evaluated if e.rule_id == RULE_ID)
    assert "none of its alternatives applies" in reason


@pytest.mark.parametrize(
    ("phone_type", "place"),
    [("unknown", "work"), (None, "work"), ("landline", None), ("unknown", None)],
)
def test_an_unknown_fact_matches_its_alternative(
    home_or_cell: Engine, phone_type: str | None, place: str | None
) -> None:
    """A work number of unknown kind may be a cell phone; a landline at no recorded place may be
    the residence: a missing fact never takes a contact out of a rule."""
    decision = home_or_cell.evaluate(make_request(phone_type=phone_type, place=place))
    assert violation_ids(decision) == [RULE_ID]


def test_the_parents_own_lists_must_match_too(home_or_cell: Engine) -> None:
    """any_of narrows the parent: a text to a cell phone is outside ``channels: [call]``."""
    decision = home_or_cell.evaluate(make_request(channel="sms", phone_type="wireless"))
    assert outcome(decision) == "not_applicable"


def test_known_only_inside_an_alternative() -> None:
    engine = make_engine(HOME_OR_CELL_KNOWN_ONLY)
    unknown = engine.evaluate(make_request(phone_type="unknown", place="work"))
    assert outcome(unknown) == "not_applicable"
    known = engine.evaluate(make_request(phone_type="wireless", place="work"))
    assert violation_ids(known) == [RULE_ID]


@pytest.fixture(scope="module")
def two_to_home_or_cell() -> Engine:
    return make_engine(TWO_TO_HOME_OR_CELL)


@pytest.mark.parametrize(
    "fields",
    [
        {"phone_type": "wireless", "place": "work"},
        {"phone_type": "landline", "place": "home"},
        {"phone_type": "unknown", "place": "work"},
        {},  # neither phone type nor place recorded
    ],
    ids=["cell-at-work", "home-landline", "unknown-kind-at-work", "nothing-recorded"],
)
def test_counts_a_past_call_matching_an_alternative(
    two_to_home_or_cell: Engine, fields: dict[str, Any]
) -> None:
    """Two such calls in the week: the third is denied, and may go when the first is 7 x 24
    hours old (06-17 10:00 EDT)."""
    events = [past_call(10, **fields), past_call(12, **fields)]
    decision = two_to_home_or_cell.evaluate(make_request(at=MONDAY_10, events=events))
    assert violation_ids(decision) == [RULE_ID]
    assert decision.next_allowed_at == "2026-06-17T14:00:00Z"


def test_does_not_count_a_past_call_matching_no_alternative(two_to_home_or_cell: Engine) -> None:
    """Work landline calls are outside the group: with two of them and one cell call in the
    week, only one call counts."""
    events = [
        past_call(10, phone_type="landline", place="work"),
        past_call(11, phone_type="voip", place="work"),
        past_call(12, phone_type="wireless"),
    ]
    decision = two_to_home_or_cell.evaluate(make_request(at=MONDAY_10, events=events))
    assert decision.allowed
    assert outcome(decision) == "pass"


def test_the_filters_own_lists_must_match_too(two_to_home_or_cell: Engine) -> None:
    """``directions: [outbound]`` still applies to a call that matches an alternative."""
    events = [past_call(10, phone_type="wireless"), past_call(12, direction="inbound")]
    assert two_to_home_or_cell.evaluate(make_request(at=MONDAY_10, events=events)).allowed


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        (
            HOME_OR_CELL_ONLY.replace(
                "  any_of:\n    - {phone_types: [wireless]}\n    - {places: [home]}\n",
                "  any_of: []\n",
            ),
            "applies_to.any_of",
        ),
        (
            TWO_TO_HOME_OR_CELL.replace(
                "    any_of:\n      - {phone_types: [wireless]}\n      - {places: [home]}\n",
                "    any_of: []\n",
            ),
            "params.counts.any_of",
        ),
    ],
)
def test_an_empty_any_of_does_not_load(rule: str, field: str) -> None:
    """An empty list of alternatives would match nothing: it is an error, not a silent no-op."""
    with pytest.raises(RulesetError) as info:
        make_engine(rule)
    assert info.value.field is not None and info.value.field.endswith(field)
