"""``contactrules diff``: rule changes between two ruleset versions, and the decisions that flip
over the case corpus and a seeded generated corpus of 10,000 requests (issue 5)."""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

import pytest

from contactrules import Engine, parse_request
from contactrules.cli import main
from contactrules.compliance.diff import (
    DEFAULT_SAMPLES,
    Report,
    compare,
    generated_requests,
    rule_changes,
)
from contactrules.ruleset.loader import bundled_root

TESTS = pathlib.Path(__file__).parents[1]
CASES = TESTS / "cases"
MA_CAP = "us-ma.940cmr.personal-number-two-per-week"


def _copy_rulesets(target: pathlib.Path) -> pathlib.Path:
    shutil.copytree(bundled_root(), target)
    return target


def _set_ma_cap(root: pathlib.Path, new_max: int) -> None:
    """Edit the Massachusetts personal-number cap in a copy, as an officer would in YAML."""
    path = root / "us" / "states" / "ma.yaml"
    text = path.read_text()
    start = text.index(f"id: {MA_CAP}")
    at = text.index("max: 2", start)
    assert at < text.index("- id:", start), "the cap must belong to this rule"
    path.write_text(text[:at] + f"max: {new_max}" + text[at + len("max: 2") :])


@pytest.fixture(scope="module")
def stricter(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, Report]:
    """The bundled rulesets against a copy where Massachusetts allows one call a week, not two."""
    root = _copy_rulesets(tmp_path_factory.mktemp("stricter") / "rulesets")
    _set_ma_cap(root, 1)
    old, new = Engine.from_paths(bundled_root()), Engine.from_paths(root)
    return root, compare(old, new, case_roots=[CASES], samples=DEFAULT_SAMPLES, seed=0)


def test_changing_one_cap_reports_that_rule_change_only(
    stricter: tuple[pathlib.Path, Report],
) -> None:
    _, report = stricter
    (change,) = report.rules
    assert (change.status, change.rule_id, change.jurisdiction) == ("changed", MA_CAP, "US-MA")
    (field,) = change.changes
    assert (field.path, field.old, field.new) == ("[2012-03-02].params.max", 2, 1)
    assert report.rulesets == []


def test_changing_one_cap_flips_decisions_of_exactly_that_rule(
    stricter: tuple[pathlib.Path, Report],
) -> None:
    _, report = stricter
    impact = report.impact
    assert impact.generated == DEFAULT_SAMPLES >= 10_000
    # One request written twice is decided once: 033 is 002's request, its instant written
    # with an offset instead of Z.
    assert impact.cases == len(list(CASES.rglob("*.json"))) - 1
    assert impact.decided + len(impact.invalid) == impact.cases + impact.generated
    assert impact.totals["allow_to_deny"] > 10  # a stricter cap only ever denies more
    assert impact.totals["deny_to_allow"] == 0
    assert set(impact.flips) == {("allow_to_deny", MA_CAP, "US-MA")}
    assert impact.flips[("allow_to_deny", MA_CAP, "US-MA")] == impact.totals["allow_to_deny"]
    assert {j for _, j in impact.by_jurisdiction} == {"US-MA"}
    # Contacts denied either way now also cite the stricter cap, and only it.
    assert set(impact.reasons) == {("added", MA_CAP, "US-MA")}
    assert impact.reasons[("added", MA_CAP, "US-MA")] == impact.deny_reasons_changed > 0


def test_the_example_is_minimal_and_flips_for_that_rule(
    stricter: tuple[pathlib.Path, Report],
) -> None:
    root, report = stricter
    example = report.impact.examples["allow_to_deny"]
    assert set(report.impact.examples) == {"allow_to_deny"}
    assert example.old.allowed and not example.new.allowed
    assert [v.rule_id for v in example.new.violations] == [MA_CAP]
    # One past call is what a one-a-week cap denies; every other event was shrunk away.
    old, new = Engine.from_paths(bundled_root()), Engine.from_paths(root)
    events = example.request["events"]
    assert len(events) == 1
    without = example.request | {"events": []}
    assert new.evaluate(without).allowed == old.evaluate(without).allowed


def test_same_rules_report_no_change_and_no_flip(engine: Engine) -> None:
    report = compare(engine, engine, case_roots=[CASES], samples=300, seed=3)
    assert not report.differs and report.rules == [] and report.impact.decided > 300


def test_added_and_removed_rules_are_listed(tmp_path: pathlib.Path) -> None:
    root = _copy_rulesets(tmp_path / "rulesets")
    path = root / "us" / "states" / "ma.yaml"
    path.write_text(path.read_text().replace(f"id: {MA_CAP}", "id: us-ma.renamed-cap"))
    old, new = Engine.from_paths(bundled_root()), Engine.from_paths(root)
    changes = {(c.status, c.rule_id) for c in rule_changes(old.rulesets, new.rulesets)}
    assert changes == {("removed", MA_CAP), ("added", "us-ma.renamed-cap")}


def test_generated_corpus_is_seeded_and_valid() -> None:
    first = list(generated_requests(400, seed=7))
    assert first == list(generated_requests(400, seed=7))
    assert first != list(generated_requests(400, seed=8))
    for _, request in first:
        parse_request(request)  # raises InvalidRequest if the generator breaks the contract
    channels = {r["contact"]["channel"] for _, r in first}
    states = {r["consumer"]["locations"][0]["state"] for _, r in first}
    assert len(channels) == 6 and len(states) >= 10


def test_cli_json_and_exit_codes(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy_rulesets(tmp_path / "rulesets")
    _set_ma_cap(root, 1)
    bundled = str(bundled_root())
    assert main(["diff", bundled, str(root), "--samples", "2000", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["rules"][0]["rule_id"] == MA_CAP
    assert {f["rule_id"] for f in data["impact"]["flips"]} == {MA_CAP}
    assert data["impact"]["corpus"]["generated"] == 2000
    assert main(["diff", bundled, bundled, "--samples", "200"]) == 0
    assert "No rule changed." in capsys.readouterr().out


def test_cli_reports_a_broken_version_with_file_and_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy_rulesets(tmp_path / "rulesets")
    path = root / "us" / "states" / "ma.yaml"
    path.write_text(path.read_text().replace("max: 2", "max: -2", 1))
    assert main(["diff", str(bundled_root()), str(root), "--samples", "0"]) == 2
    err = capsys.readouterr().err
    assert "ma.yaml:" in err and MA_CAP in err and "params.max" in err


def test_cli_compares_git_revisions(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    _copy_rulesets(repo / "rulesets")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "rulesets")
    git("commit", "-q", "-m", "law as enacted")
    _set_ma_cap(repo / "rulesets", 3)
    git("commit", "-q", "-am", "amendment")
    code = main(
        ["diff", "HEAD~1", "HEAD", "--repo", str(repo), "--samples", "0", "--cases", str(CASES)]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert f"rule changed: {MA_CAP}" in out and "params.max: 2 -> 3" in out
    assert main(["diff", "no-such-rev", "HEAD", "--repo", str(repo), "--samples", "0"]) == 2
    assert "no-such-rev" in capsys.readouterr().err


def test_the_new_versions_case_files_join_the_corpus(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An amendment is reviewed over the officers' own cases too: with a one-a-week cap, the
    Massachusetts case allowed at the old cap's edge now flips, and only for that rule."""
    root = _copy_rulesets(tmp_path / "rulesets")
    _set_ma_cap(root, 1)
    assert main(["diff", str(bundled_root()), str(root), "--samples", "0"]) == 1
    out = capsys.readouterr().out
    assert "by jurisdiction:\n    allow -> deny" in out and "US-MA" in out
    flips = [line for line in out.splitlines() if line.startswith("    allow -> deny")]
    assert flips and all(MA_CAP in line or line.endswith("US-MA") for line in flips)
    assert "Minimal allow -> deny example (" in out and "ma.cases.yaml:" in out
