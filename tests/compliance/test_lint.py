"""``contactrules lint``: every problem of every ruleset and case file, each with its file, line
and rule id, on the bundled rulesets and on a copy with planted errors (issue 5)."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
import shutil
import textwrap

import pytest

from contactrules.cli import main
from contactrules.compliance.lint import LintReport, lint, months_before
from contactrules.compliance.problems import Problem
from contactrules.ruleset.loader import bundled_root

AS_OF = dt.date(2026, 12, 1)
MA_CAP = "us-ma.940cmr.personal-number-two-per-week"
MA_HOURS = "us-ma.940cmr.waking-hours"
MA_VISITS = "us-ma.209cmr.one-visit-per-month"

RULE_FILE = """\
jurisdiction: US-ZZ
title: Test state
level: state
reviewed: 2026-11-01
sources: [{title: Test statute, url: "https://example.org/statute"}]
rules:
  - id: zz.rule
    title: Rule under test
    citation: {ref: "Test 1", url: "https://example.org/statute#1"}
    effective: {from: 2020-01-01}
"""

HOLIDAY_RULE = """\
  - id: us-ny.test.closed-on-holidays
    title: Closed on a calendar that does not exist
    kind: time_window
    citation: {ref: "Test 1", url: "https://example.org/test"}
    effective: {from: 2020-01-01}
    params:
      windows: [{start: "08:00", end: "21:00"}]
      closed_on_holidays: {country: US, subdivision: ZZ}
"""
DUPLICATE_RULE = f"""\
  - id: {MA_VISITS}
    title: Massachusetts' visit rule, copied into another state's file by mistake
    kind: prohibition
    citation: {{ref: "Test 2", url: "https://example.org/test"}}
    effective: {{from: 2020-01-01}}
"""
NEVER_APPLIES_RULE = """\
  - id: us-ny.test.never
    title: Applies to no channel at all
    kind: prohibition
    citation: {ref: "Test 3", url: "https://example.org/test"}
    effective: {from: 2020-01-01}
    applies_to: {channels: []}
  - id: us-ny.test.contradiction
    title: Emails to wireless phones
    kind: prohibition
    citation: {ref: "Test 4", url: "https://example.org/test"}
    effective: {from: 2020-01-01}
    applies_to: {channels: [email], phone_types: [wireless]}
"""
BAD_CASE = """\
- name: a case with a typo
  request: {contact: {at: "2026-06-16T10:00:00-04:00"}}
  expect: {allowed: false, violatez: [us-ma.940cmr.waking-hours]}
"""


def _edit(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def _line(path: pathlib.Path, needle: str, after: str = "") -> int:
    """The 1-based line of ``needle``, searching from ``after``."""
    text = path.read_text()
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


def _rule_lines(path: pathlib.Path, rule_id: str, occurrence: int = 1) -> range:
    """The lines of one rule entry (its ``occurrence``'th entry with this id)."""
    lines = path.read_text().splitlines()
    starts = [i + 1 for i, line in enumerate(lines) if line.strip() == f"- id: {rule_id}"]
    start = starts[occurrence - 1]
    following = [i + 1 for i, line in enumerate(lines) if line.startswith("  - id:")]
    end = min([n for n in following if n > start] + [len(lines) + 1])
    return range(start, end)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A copy of the bundled rulesets with one planted error of each kind."""
    root = tmp_path_factory.mktemp("broken") / "rulesets"
    shutil.copytree(bundled_root(), root)
    ma, ny = root / "us/states/ma.yaml", root / "us/states/ny.yaml"
    regf = root / "us/federal/regulation-f.yaml"
    # 1. a citation without its source URL
    _edit(
        ma,
        "      ref: 940 CMR 7.04(1)(f)\n      url: https://regulations.justia.com/states/"
        "massachusetts/940-cmr/title-940-cmr-7-00/section-7-04\n",
        "      ref: 940 CMR 7.04(1)(f)\n",
    )
    # 2. an inverted window
    _edit(
        ma, 'windows: [{start: "08:01", end: "21:00"}]', 'windows: [{start: "21:00", end: "08:01"}]'
    )
    # 3. a stale review date
    ma.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2025-11-30", ma.read_text(), count=1))
    # 4. overlapping versions of one rule
    _edit(
        regf,
        "effective: {from: 1978-03-20, to: 2021-11-29}",
        "effective: {from: 1978-03-20, to: 2022-01-01}",
    )
    # 5. an unknown holiday calendar, 6. a duplicate id across two files, 7. rules never applying
    ny.write_text(ny.read_text() + HOLIDAY_RULE + DUPLICATE_RULE + NEVER_APPLIES_RULE)
    # 8. a ruleset file that does not parse
    _edit(root / "us/states/az.yaml", "rules:", "rules: [unclosed")
    # 9. bad case files: an unknown field in one, YAML that does not parse in another
    (root / "us/states/ma.cases.yaml").write_text(
        (root / "us/states/ma.cases.yaml").read_text() + BAD_CASE
    )
    _edit(root / "us/federal/tcpa.cases.yaml", "cases:\n", "cases:\n  - name: [unclosed\n")
    return root


@pytest.fixture(scope="module")
def report(broken: pathlib.Path) -> LintReport:
    return lint([broken], as_of=AS_OF)


def _find(report: LintReport, code: str, file_end: str) -> list[Problem]:
    found = [p for p in report.problems if p.code == code and (p.file or "").endswith(file_end)]
    assert found, f"no {code} in {file_end}: {[p.render() for p in report.problems]}"
    return found


def test_the_bundled_rulesets_and_cases_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    clean = lint([], as_of=AS_OF)
    assert clean.problems == [], [p.render() for p in clean.problems]
    assert clean.files >= 50 and clean.case_files >= 5
    assert main(["lint", "--as-of", AS_OF.isoformat(), "--strict"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_missing_source_url(report: LintReport, broken: pathlib.Path) -> None:
    (problem,) = _find(report, "missing-url", "us/states/ma.yaml")
    assert problem.rule_id == MA_CAP and problem.field == "rules[0].citation.url"
    assert problem.line in _rule_lines(broken / "us/states/ma.yaml", MA_CAP)


def test_inverted_window(report: LintReport, broken: pathlib.Path) -> None:
    (problem,) = _find(report, "inverted-window", "us/states/ma.yaml")
    assert problem.rule_id == MA_HOURS
    ma = broken / "us/states/ma.yaml"
    assert problem.line == _line(ma, '{start: "21:00", end: "08:01"}', after=f"id: {MA_HOURS}")


def test_overlapping_versions(report: LintReport, broken: pathlib.Path) -> None:
    (problem,) = _find(report, "overlapping-versions", "us/federal/regulation-f.yaml")
    assert problem.rule_id == "us.regf.time-of-day"
    assert (
        problem.line == _rule_lines(broken / "us/federal/regulation-f.yaml", problem.rule_id, 2)[0]
    )
    assert "1978-03-20" in problem.message


def test_unknown_holiday_calendar(report: LintReport, broken: pathlib.Path) -> None:
    (problem,) = _find(report, "unknown-calendar", "us/states/ny.yaml")
    assert problem.rule_id == "us-ny.test.closed-on-holidays"
    assert problem.line == _line(broken / "us/states/ny.yaml", "{country: US, subdivision: ZZ}")
    assert "US-ZZ" in problem.message


def test_duplicate_id_across_files(report: LintReport, broken: pathlib.Path) -> None:
    (problem,) = _find(report, "duplicate-id", "us/states/ny.yaml")
    assert problem.rule_id == MA_VISITS
    assert problem.line == _line(broken / "us/states/ny.yaml", f"- id: {MA_VISITS}")
    assert "us/states/ma.yaml" in problem.message


def test_stale_review_is_a_warning(report: LintReport, broken: pathlib.Path) -> None:
    (problem,) = _find(report, "stale-review", "us/states/ma.yaml")
    assert problem.severity == "warning"
    assert problem.line == _line(broken / "us/states/ma.yaml", "reviewed: 2025-11-30")


def test_rules_that_can_never_apply(report: LintReport, broken: pathlib.Path) -> None:
    ny = broken / "us/states/ny.yaml"
    (never,) = _find(report, "never-applies", "us/states/ny.yaml")
    assert never.rule_id == "us-ny.test.never" and never.field == "rules[3].applies_to.channels"
    assert never.line == _line(ny, "applies_to: {channels: []}")
    (contradiction,) = _find(report, "contradiction", "us/states/ny.yaml")
    assert contradiction.rule_id == "us-ny.test.contradiction"
    assert "phone_types" in contradiction.message and contradiction.line in _rule_lines(
        ny, "us-ny.test.contradiction"
    )


def test_a_file_that_does_not_parse_is_one_error(report: LintReport, broken: pathlib.Path) -> None:
    (problem,) = [p for p in report.problems if (p.file or "").endswith("us/states/az.yaml")]
    assert problem.code == "yaml" and problem.line is not None


def test_bad_case_files(report: LintReport, broken: pathlib.Path) -> None:
    (typo,) = _find(report, "case-file", "us/states/ma.cases.yaml")
    assert typo.field is not None and typo.field.endswith("expect.violatez")
    assert typo.line == _line(broken / "us/states/ma.cases.yaml", "violatez")
    (syntax,) = _find(report, "yaml", "us/federal/tcpa.cases.yaml")
    assert syntax.line is not None


def test_nothing_stops_at_the_first_problem(report: LintReport) -> None:
    """Every planted problem is reported, and nothing else: the rest of the tree is clean."""
    codes = sorted(p.code for p in report.problems)
    assert codes == sorted(
        [
            "missing-url",
            "inverted-window",
            "stale-review",
            "overlapping-versions",
            "unknown-calendar",
            "duplicate-id",
            "never-applies",
            "contradiction",
            "yaml",
            "case-file",
            "yaml",
        ]
    )
    assert report.errors == 10 and report.warnings == 1 and report.failed()


def test_cli_exit_codes_and_json(broken: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(broken), "--as-of", AS_OF.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "rulesets/us/states/ma.yaml:" in out and "[missing-url]" in out
    assert main(["lint", str(broken), "--as-of", AS_OF.isoformat(), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == 10 and data["as_of"] == "2026-12-01"
    assert {"file", "line", "rule_id", "field", "code", "severity", "message"} <= set(
        data["problems"][0]
    )


def test_warnings_fail_only_with_strict(tmp_path: pathlib.Path) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(bundled_root() / "us" / "federal", root)
    # One file reviewed on a known date: twelve months and a day later it is stale.
    path = root / "bankruptcy.yaml"
    text = path.read_text()
    path.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2026-11-22", text))
    for other in root.glob("*.yaml"):
        if other != path and not other.name.endswith(".cases.yaml"):
            other.write_text(
                re.sub(r"(?m)^reviewed: .*$", "reviewed: 2027-06-01", other.read_text())
            )
    as_of = "2027-11-23"
    assert main(["lint", str(root), "--as-of", as_of]) == 0
    assert main(["lint", str(root), "--as-of", as_of, "--strict"]) == 1
    assert main(["lint", str(root), "--as-of", "2027-11-22", "--strict"]) == 0


def test_twelve_months_before() -> None:
    assert months_before(dt.date(2026, 12, 1), 12) == dt.date(2025, 12, 1)
    assert months_before(dt.date(2028, 2, 29), 12) == dt.date(2027, 2, 28)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)


def test_version_gaps_are_warnings(tmp_path: pathlib.Path) -> None:
    old = RULE_FILE.replace("{from: 2020-01-01}", "{from: 2010-01-01, to: 2019-12-30}")
    new = RULE_FILE.split("rules:\n")[1]
    (tmp_path / "zz.yaml").write_text(
        old + "    kind: prohibition\n" + new + "    kind: prohibition\n"
    )
    found = lint([tmp_path], as_of=AS_OF)
    (gap,) = found.problems
    assert (gap.code, gap.severity, gap.rule_id, gap.line) == (
        "version-gap",
        "warning",
        "zz.rule",
        15,
    )
    assert "2019-12-31" in gap.message and found.in_force == 1 and found.rule_versions == 2


def test_overlays_are_checked_as_overlays(tmp_path: pathlib.Path) -> None:
    policy = tmp_path / "policy"
    policy.mkdir()
    (policy / "acme.yaml").write_text(
        textwrap.dedent(
            """\
            jurisdiction: US
            title: Acme policy
            level: federal
            layer: law
            reviewed: 2026-11-01
            sources: [{title: Acme manual, url: "https://example.org/acme"}]
            rules:
              - id: us.regf.time-of-day
                title: Wider hours
                kind: time_window
                citation: {ref: "Acme 1", url: "https://example.org/acme#1"}
                effective: {from: 2024-01-01}
                params: {windows: [{start: "06:00", end: "23:00"}]}
            """
        )
    )
    found = lint([], [policy], as_of=AS_OF)
    codes = {(p.code, p.line) for p in found.problems}
    # Declared as law, it is refused as an overlay; its rule is then a duplicate of the law's.
    assert ("overlay-layer", 4) in codes
    assert ("duplicate-id", 8) in codes
    (policy / "acme.yaml").write_text(
        (policy / "acme.yaml").read_text().replace("layer: law", "layer: policy")
    )
    (problem,) = lint([], [policy], as_of=AS_OF).problems
    assert (problem.code, problem.rule_id, problem.line) == (
        "overlay-redefines-law",
        "us.regf.time-of-day",
        8,
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "kind: consent_required\napplies_to: {channels: [email]}\n"
            "params: {consent_kinds: [tcpa_prior_express], address: phone}",
            ("error", "contradiction", "rules[0].applies_to.channels"),
        ),
        (
            "kind: consent_required\nparams: {consent_kinds: [tcpa_prior_express], address: phone}",
            ("warning", "contradiction", "rules[0].params.address"),
        ),
        (
            "kind: frequency_cap\napplies_to: {channels: [letter]}\nparams: {max: 2, days: 7, "
            "per: phone}",
            ("error", "contradiction", "rules[0].params.per"),
        ),
        (
            "kind: frequency_cap\nparams: {max: 2, days: 7, counts: {channels: []}}",
            ("error", "never-denies", "rules[0].params.counts.channels"),
        ),
        (
            "kind: time_window\nparams: {windows: [{days: [], start: '08:00', end: '20:00'}]}",
            ("error", "empty-window", "rules[0].params.windows[0].days"),
        ),
        (
            "kind: time_window\nparams: {windows: [{start: '00:00', end: '12:00'}, "
            "{start: '11:00', end: '24:00'}]}",
            ("warning", "never-denies", "rules[0].params.windows"),
        ),
        (
            "kind: prohibition\napplies_to: {known_only: [places]}",
            ("warning", "no-effect", "rules[0].applies_to.known_only"),
        ),
    ],
)
def test_semantic_checks_of_one_rule(
    body: str, expected: tuple[str, str, str], tmp_path: pathlib.Path
) -> None:
    (tmp_path / "zz.yaml").write_text(RULE_FILE + textwrap.indent(body, "    ") + "\n")
    (problem,) = lint([tmp_path], as_of=AS_OF).problems
    assert (problem.severity, problem.code, problem.field) == expected
    assert problem.rule_id == "zz.rule" and problem.line is not None and problem.line >= 7


def test_sound_rules_raise_nothing(tmp_path: pathlib.Path) -> None:
    body = (
        "kind: consent_required\napplies_to: {channels: [call, sms]}\n"
        "params: {consent_kinds: [tcpa_prior_express], address: phone}"
    )
    (tmp_path / "zz.yaml").write_text(RULE_FILE + textwrap.indent(body, "    ") + "\n")
    assert lint([tmp_path], as_of=AS_OF).problems == []


def test_case_requests_and_orphans(tmp_path: pathlib.Path) -> None:
    (tmp_path / "zz.yaml").write_text(
        RULE_FILE + "    kind: prohibition\n    applies_to: {channels: [in_person]}\n"
    )
    cases = "cases:\n  - name: no instant\n    request: {contact: {channel: call}}\n" + (
        "    expect: {allowed: true}\n"
    )
    (tmp_path / "zz.cases.yaml").write_text(cases)
    (tmp_path / "elsewhere.cases.yaml").write_text(cases)
    found = {
        (p.code, pathlib.PurePath(p.file or "").name)
        for p in lint([tmp_path], as_of=AS_OF).problems
    }
    assert found == {
        ("case-request", "zz.cases.yaml"),
        ("case-request", "elsewhere.cases.yaml"),
        ("orphan-case-file", "elsewhere.cases.yaml"),
    }


def test_an_effective_range_that_ends_before_it_starts(tmp_path: pathlib.Path) -> None:
    text = RULE_FILE.replace("{from: 2020-01-01}", "{from: 2020-01-01, to: 2019-12-31}")
    (tmp_path / "zz.yaml").write_text(text + "    kind: prohibition\n")
    (problem,) = lint([tmp_path], as_of=AS_OF).problems
    assert (problem.code, problem.rule_id, problem.field, problem.line) == (
        "inverted-effective",
        "zz.rule",
        "rules[0].effective",
        10,
    )
