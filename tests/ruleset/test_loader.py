"""Ruleset loading: a broken file is a RulesetError naming its file, line, rule and field."""

from __future__ import annotations

import pathlib
import textwrap

import pytest

from contactrules import Engine, RulesetError
from contactrules.ruleset import bundled_root, load_paths, load_text, ruleset_json_schema

HEADER = """\
jurisdiction: US-ZZ
title: Test ruleset
level: state
reviewed: 2026-11-01
sources: [{title: Test statute, url: "https://example.org/statute"}]
rules:
"""

RULE = """\
  - id: zz.hours
    title: Hours
    kind: time_window
    citation: {ref: "Test Code 1(a)", url: "https://example.org/statute#1a"}
    effective: {from: 2020-01-01}
    params:
      windows: [{start: "08:00", end: "20:00"}]
"""


def _load(body: str) -> None:
    load_text(HEADER + textwrap.dedent(body), "zz.yaml")


def test_a_valid_rule_loads() -> None:
    loaded = load_text(HEADER + RULE, "zz.yaml")
    assert loaded.document.rules[0].id == "zz.hours"
    assert loaded.rule_lines == (7,)


@pytest.mark.parametrize(
    ("broken", "field", "words"),
    [
        (
            RULE.replace(
                '    citation: {ref: "Test Code 1(a)", url: "https://example.org/statute#1a"}\n', ""
            ),
            "rules[0].citation",
            "required",
        ),
        (
            RULE.replace(', url: "https://example.org/statute#1a"', ""),
            "rules[0].citation.url",
            "required",
        ),
        (
            RULE.replace("https://example.org/statute#1a", "not a url"),
            "rules[0].citation.url",
            "url",
        ),
        (
            RULE.replace("kind: time_window", "kind: telepathy"),
            "rules[0].kind",
            "unknown rule kind",
        ),
        (RULE.replace('end: "20:00"', 'end: "07:00"'), "rules[0].params.windows[0]", "not after"),
        (RULE.replace('end: "20:00"', 'end: "8pm"'), "rules[0].params.windows[0].end", "HH:MM"),
        (
            RULE.replace("{from: 2020-01-01}", "{from: 2020-01-01, to: 2019-01-01}"),
            "rules[0].effective",
            "before",
        ),
        (RULE.replace("    effective: {from: 2020-01-01}\n", ""), "rules[0].effective", "required"),
        (RULE + "    colour: red\n", "rules[0].colour", "unknown field"),
        (RULE.replace("id: zz.hours", "id: ZZ Hours!"), "rules[0].id", "pattern"),
    ],
)
def test_schema_errors_name_file_rule_field_and_line(broken: str, field: str, words: str) -> None:
    with pytest.raises(RulesetError) as info:
        _load(broken)
    error = info.value
    assert error.file == "zz.yaml"
    assert error.field == field
    assert words.lower() in error.message.lower()
    assert error.line is not None and error.line >= 7
    if "id: zz.hours" in broken:
        assert error.rule_id == "zz.hours"


def test_missing_header_field_is_reported() -> None:
    with pytest.raises(RulesetError) as info:
        load_text(HEADER.replace("reviewed: 2026-11-01\n", "") + RULE, "zz.yaml")
    assert info.value.field == "reviewed"


def test_yaml_syntax_error_has_a_line() -> None:
    with pytest.raises(RulesetError) as info:
        load_text(HEADER + RULE + "  - [unclosed\n", "zz.yaml")
    assert info.value.line is not None
    assert "does not parse" in info.value.message


@pytest.mark.parametrize(
    "text", ["", "- just\n- a list\n", "42", "null", "!!python/object:os.system {}"]
)
def test_non_mapping_yaml_is_a_ruleset_error(text: str) -> None:
    with pytest.raises(RulesetError):
        load_text(text, "odd.yaml")


def test_duplicate_ids_in_one_file_need_disjoint_dates(tmp_path: pathlib.Path) -> None:
    (tmp_path / "zz.yaml").write_text(HEADER + RULE + RULE)
    with pytest.raises(RulesetError) as info:
        load_paths([tmp_path])
    assert info.value.rule_id == "zz.hours"
    assert "overlapping" in info.value.message
    assert info.value.line == 14


def test_versions_with_disjoint_dates_load(tmp_path: pathlib.Path) -> None:
    old = RULE.replace("{from: 2020-01-01}", "{from: 2010-01-01, to: 2019-12-31}")
    (tmp_path / "zz.yaml").write_text(HEADER + old + RULE)
    engine = Engine.from_paths(tmp_path)
    assert [r.version for r in engine.rules("US-ZZ")] == ["2010-01-01", "2020-01-01"]


def test_duplicate_ids_across_files_are_errors(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.yaml").write_text(HEADER + RULE)
    (tmp_path / "b.yaml").write_text(HEADER + RULE)
    with pytest.raises(RulesetError, match="also defined in"):
        load_paths([tmp_path])


def test_case_files_beside_a_ruleset_are_not_rulesets(tmp_path: pathlib.Path) -> None:
    (tmp_path / "zz.yaml").write_text(HEADER + RULE)
    (tmp_path / "zz.cases.yaml").write_text("cases: []\n")
    assert len(load_paths([tmp_path])) == 1


def test_any_other_yaml_file_is_loaded_as_a_ruleset_never_skipped(tmp_path: pathlib.Path) -> None:
    """Case files have one place (NAME.cases.yaml); a case file anywhere else fails loudly."""
    (tmp_path / "zz.yaml").write_text(HEADER + RULE)
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "zz.yaml").write_text("cases: []\n")
    with pytest.raises(RulesetError, match=r"NAME\.cases\.yaml") as info:
        load_paths([tmp_path])
    assert info.value.file == str(pathlib.Path(tmp_path.name) / "cases" / "zz.yaml")


def test_event_block_fields_are_checked_against_the_event_type() -> None:
    rule = RULE.replace("kind: time_window", "kind: event_block").replace(
        '      windows: [{start: "08:00", end: "20:00"}]\n',
        "      events: [cease_request]\n      ends_field: closed\n",
    )
    with pytest.raises(RulesetError, match="no field"):
        _load(rule)


def test_bundled_rulesets_load_and_all_cite_a_source() -> None:
    engine = Engine.load()
    assert bundled_root().is_dir()
    rules = engine.rules()
    assert {
        "us.regf.time-of-day",
        "us.tcpa.wireless-prior-express-consent",
        "us.bankruptcy.automatic-stay",
    } <= {r.id for r in rules}
    for rule in rules:
        assert rule.citation and rule.source_url.startswith(("https://", "http://"))


def test_digest_changes_when_a_rule_changes(tmp_path: pathlib.Path) -> None:
    (tmp_path / "zz.yaml").write_text(HEADER + RULE)
    first = Engine.from_paths(tmp_path).digest
    (tmp_path / "zz.yaml").write_text(HEADER + RULE.replace("20:00", "19:00"))
    assert Engine.from_paths(tmp_path).digest != first
    (tmp_path / "zz.yaml").write_text(HEADER + RULE.replace("20:00", "19:00"))
    assert Engine.from_paths(tmp_path).digest == Engine.from_paths(tmp_path).digest


def test_json_schema_describes_every_kind() -> None:
    schema = ruleset_json_schema()
    text = str(schema)
    for kind in (
        "time_window",
        "frequency_cap",
        "cooldown",
        "event_block",
        "consent_required",
        "consumer_designated_times",
    ):
        assert kind in text
    assert "citation" in text
