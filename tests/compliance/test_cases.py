"""``contactrules test``: the compliance officers' case files beside the rulesets, run through the
same command an officer runs, with rule coverage (issue 5). The format is in docs/rulesets.md."""

from __future__ import annotations

import json
import pathlib
import shutil
import textwrap
from typing import Any

import pytest

from contactrules import Engine
from contactrules.cli import main
from contactrules.compliance.cases import load_case_text, run_case
from contactrules.ruleset.loader import bundled_root

DEFAULTS = """\
defaults:
  request:
    contact: {channel: call, debt_id: D1, phone: "+13025550142", technology: manual}
    collector: {role: third_party}
    debt: {id: D1, purpose: consumer, type: credit_card}
    consumer: {id: C1, locations: [{country: US, state: DE, postal_code: "19701"}]}
cases:
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["test", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def _versions(report: dict[str, Any], kind: str, jurisdiction: str) -> list[str]:
    return [
        f"{v['rule_id']}@{v['version']}"
        for v in report["coverage"][kind]
        if v["jurisdiction"] == jurisdiction
    ]


def test_the_bundled_cases_pass_and_deny_every_federal_and_massachusetts_rule(
    capsys: pytest.CaptureFixture[str], engine: Engine
) -> None:
    code, report = _run(capsys)
    assert code == 0, [r for r in report["results"] if r["status"] != "pass"]
    summary = report["summary"]
    assert summary["failed"] == summary["errors"] == 0 and summary["cases"] >= 140
    assert summary["passed"] == summary["cases"]
    for jurisdiction in ("US", "US-MA"):
        assert _versions(report, "never_denied", jurisdiction) == []
        assert _versions(report, "never_passed", jurisdiction) == []
        assert _versions(report, "never_exercised", jurisdiction) == []
    # Coverage is over every version of every loaded rule, old versions of federal law included.
    federal = {f"{r.id}@{r.version}" for r in engine.rules("US") if r.jurisdiction == "US"}
    assert "us.regf.time-of-day@1978-03-20" in federal
    assert report["coverage"]["rule_versions"] == len(engine.rules())


def test_human_output_reports_coverage_and_a_summary(
    capsys: pytest.CaptureFixture[str], engine: Engine
) -> None:
    assert main(["test"]) == 0
    out = capsys.readouterr().out
    assert "Rule coverage (every version):" in out
    federal = sum(1 for rule in engine.rules("US") if rule.jurisdiction == "US")
    assert f"  US: {federal} rule versions, {federal} denied by some case" in out
    assert "failed, 0 errors" in out and "FAIL" not in out


def test_as_of_limits_coverage_to_the_rules_then_in_force(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report = _run(capsys, "--as-of", "2019-06-01")
    assert code == 0
    assert report["coverage"]["as_of"] == "2019-06-01"
    covered = {(v["rule_id"], v["version"]) for v in report["coverage"]["never_exercised"]}
    assert ("us.regf.time-of-day", "2021-11-30") not in covered
    in_force = {
        f"{v['rule_id']}@{v['version']}"
        for kind in ("never_denied", "never_passed", "never_exercised")
        for v in report["coverage"][kind]
    }
    assert not any(version.endswith("@2021-11-30") for version in in_force)
    assert report["summary"]["cases"] >= 140  # every case still runs


def test_a_failing_case_prints_expected_against_actual(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "mine.cases.yaml"
    cases.write_text(
        DEFAULTS
        + textwrap.dedent(
            """\
            - name: a call at 07:59 written as allowed by mistake
              request: {contact: {at: "2026-06-16T07:59:00-04:00"}}
              expect:
                allowed: true
                violates: [us.regf.call-frequency]
                next_allowed_at: "2026-06-16T08:30:00-04:00"
            """
        )
    )
    assert main(["test", str(cases)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL  {cases}:8: a call at 07:59 written as allowed by mistake" in out
    assert "      allowed\n          expected: true\n          actual:   false" in out
    assert "expected: us.regf.call-frequency\n          actual:   us.regf.time-of-day" in out
    assert "expected: 2026-06-16T12:30:00Z\n          actual:   2026-06-16T12:00:00Z" in out
    assert "us.regf.time-of-day [12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)] (law)" in out
    assert "1 cases: 0 passed, 1 failed, 0 errors" in out


def test_bad_input_stops_nothing_else(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken ruleset, a broken case file and a bad case are reported with file and line;
    every other case still runs, and the exit code says errors occurred."""
    root = tmp_path / "rulesets"
    shutil.copytree(bundled_root(), root)
    ma = root / "us/states/ma.yaml"
    ma.write_text(
        ma.read_text().replace('start: "08:01", end: "21:00"', 'start: "21:00", end: "08:01"', 1)
    )
    tcpa_cases = root / "us/federal/tcpa.cases.yaml"
    tcpa_cases.write_text(
        tcpa_cases.read_text() + "- name: typo\n  request: {}\n  expect: {alowed: true}\n"
    )
    (root / "us/federal/bankruptcy.cases.yaml").write_text("cases: [unclosed\n")
    code, report = _run(capsys, str(root))
    assert code == 2
    problems = {(p["code"], pathlib.PurePath(p["file"]).name) for p in report["problems"]}
    assert problems >= {
        ("inverted-window", "ma.yaml"),
        ("case-file", "tcpa.cases.yaml"),
        ("yaml", "bankruptcy.cases.yaml"),
    }
    for problem in report["problems"]:
        assert problem["line"] is not None, problem
    by_file: dict[str, set[str]] = {}
    for result in report["results"]:
        by_file.setdefault(pathlib.PurePath(result["file"]).name, set()).add(result["status"])
    # Federal law loaded: its cases all pass; Massachusetts did not: its cases fail, visibly.
    assert by_file["regulation-f.cases.yaml"] == {"pass"}
    assert by_file["tcpa.cases.yaml"] == {"pass"}
    assert "fail" in by_file["ma.cases.yaml"]


def test_no_case_files_is_an_error(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(bundled_root() / "us/federal/bankruptcy.yaml", tmp_path / "bankruptcy.yaml")
    code, report = _run(capsys, str(tmp_path))
    assert code == 2
    assert [p["code"] for p in report["problems"]] == ["no-cases"]


def test_select_cases_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _run(capsys, "-k", "07:59 vs 08:00")
    assert code == 0
    names = [r["name"] for r in report["results"]]
    assert names and all("07:59 vs 08:00" in name for name in names)


# ---------------------------------------------------------------------- the case format
def _case(body: str, engine: Engine) -> tuple[str, list[Any], list[str]]:
    loaded = load_case_text(DEFAULTS + textwrap.dedent(body), "t.cases.yaml")
    results = [run_case(engine, case) for case in loaded.cases]
    problems = [p.message for p in loaded.problems]
    statuses = ",".join(r.status for r in results)
    return statuses, [d for r in results for d in r.differences], problems


def test_instants_dates_and_clock_times_stay_text() -> None:
    loaded = load_case_text(
        DEFAULTS + "- name: raw\n  request: {contact: {at: 2026-06-16T10:00:00-04:00}, events: "
        "[{type: inconvenient_time, at: 2026-06-01T10:00:00Z, days: [tue], from: 12:00, "
        "to: 14:00}, {type: bankruptcy, at: 2026-06-01T10:00:00Z, filed: 2026-06-01}]}\n"
        "  expect: {allowed: true}\n",
        "t.cases.yaml",
    )
    (case,) = loaded.cases
    assert case.request["contact"]["at"] == "2026-06-16T10:00:00-04:00"
    assert case.request["events"][0]["from"] == "12:00"
    assert case.request["events"][1]["filed"] == "2026-06-01"
    # Merged over the defaults: the contact keeps its defaults and gains the instant.
    assert case.request["contact"]["phone"] == "+13025550142"


def test_null_removes_a_default(engine: Engine) -> None:
    statuses, differences, _ = _case(
        """\
        - name: an email carries no phone
          request:
            contact: {channel: email, at: "2026-06-16T10:00:00-04:00", email: pat@example.com,
                      phone: null, phone_type: null}
          expect: {allowed: true}
        """,
        engine,
    )
    assert statuses == "pass", differences


def test_next_allowed_at_exact_in_any_offset_range_or_null(engine: Engine) -> None:
    statuses, differences, _ = _case(
        """\
        - name: exact, written in local time
          request: {contact: {at: "2026-06-16T07:59:00-04:00"}}
          expect: {next_allowed_at: "2026-06-16T08:00:00-04:00"}
        - name: within a range
          request: {contact: {at: "2026-06-16T07:59:00-04:00"}}
          expect: {next_allowed_at: {from: "2026-06-16T11:59:00Z", to: "2026-06-16T12:00:00Z"}}
        - name: outside a range
          request: {contact: {at: "2026-06-16T07:59:00-04:00"}}
          expect: {next_allowed_at: {from: "2026-06-16T12:01:00Z", to: "2026-06-16T13:00:00Z"}}
        - name: never, after a written cease request
          request:
            contact: {at: "2026-06-16T10:00:00-04:00"}
            events: [{type: cease_request, at: "2026-06-01T10:00:00Z", written: true}]
          expect: {allowed: false, next_allowed_at: null}
        """,
        engine,
    )
    assert statuses == "pass,pass,fail,pass"
    (difference,) = differences
    assert difference.what == "next_allowed_at"
    assert difference.expected == {"from": "2026-06-16T12:01:00Z", "to": "2026-06-16T13:00:00Z"}


def test_citations_any_of_and_invalid_requests_on_purpose(engine: Engine) -> None:
    statuses, differences, _ = _case(
        """\
        - name: either citation of the hours rule
          request: {contact: {at: "2026-06-16T07:59:00-04:00"}}
          expect:
            citations: [[1692c(a)(1), 1006.6(b)(1)]]
            does_not_violate: [us.regf.call-frequency]
        - name: a citation the decision does not have
          request: {contact: {at: "2026-06-16T07:59:00-04:00"}}
          expect: {citations: ["1006.14(b)"]}
        - name: a naive instant is rejected, naming the field
          request: {contact: {at: "2026-06-16T07:59:00"}}
          expect: {error: contact.at}
        - name: an invalid request where a decision was expected
          request: {contact: {at: "2026-06-16T07:59:00"}}
          expect: {allowed: false}
        """,
        engine,
    )
    assert statuses == "pass,fail,pass,error"
    assert [d.what for d in differences] == ["citations"]


def test_malformed_cases_are_problems_with_lines() -> None:
    loaded = load_case_text(
        DEFAULTS
        + textwrap.dedent(
            """\
            - name: says nothing
              request: {}
              expect: {}
            - name: twice
              expect: {allowed: true}
            - name: twice
              expect: {allowed: false}
            - name: error and more
              expect: {error: true, allowed: false}
            - name: fine
              expect: {allowed: true}
            """
        ),
        "t.cases.yaml",
    )
    assert [c.name for c in loaded.cases] == ["twice", "fine"]
    assert [(p.line, p.message.split(":")[0]) for p in loaded.problems] == [
        (10, "expect nothing"),
        (13, "case name 'twice' is also used at line 11; names must be unique in a file"),
        (16, "a case that expects an invalid request expects nothing else"),
    ]


def test_unknown_rule_ids_are_reported(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "typo.cases.yaml"
    cases.write_text(
        DEFAULTS
        + "- name: a typo that would pass unnoticed\n"
        + '  request: {contact: {at: "2026-06-16T10:00:00-04:00"}}\n'
        + "  expect: {allowed: true, does_not_violate: [us.regf.time-of-dya]}\n"
    )
    code, report = _run(capsys, str(cases))
    assert code == 2
    (problem,) = report["problems"]
    assert "unknown rule id 'us.regf.time-of-dya'" in problem["message"] and problem["line"] == 8


def test_an_engine_failure_is_an_error_of_that_case_only() -> None:
    class Broken:
        def evaluate(self, request: object) -> None:
            raise RuntimeError("boom")

    loaded = load_case_text(
        DEFAULTS + '- name: any\n  request: {contact: {at: "2026-06-16T10:00:00Z"}}\n'
        "  expect: {allowed: true}\n",
        "t.cases.yaml",
    )
    result = run_case(Broken(), loaded.cases[0])  # type: ignore[arg-type]
    assert result.status == "error" and result.error == "the engine failed: RuntimeError: boom"
