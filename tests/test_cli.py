"""The command line: exit codes, JSON Lines, rule listing, schema, and the installed entry point."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from contactrules.cli import main

CASES = pathlib.Path(__file__).parent / "cases" / "us-federal"
ALLOWED = CASES / "002-call-mid-morning.json"
DENIED = CASES / "001-call-before-8am.json"
NAIVE = CASES / "041-naive-time-rejected.json"


def _request(case: pathlib.Path) -> str:
    return json.dumps(json.loads(case.read_text())["request"])


def _write(tmp_path: pathlib.Path, name: str, text: str) -> pathlib.Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_check_exit_codes(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_write(tmp_path, "a.json", _request(ALLOWED)))]) == 0
    assert main(["check", str(_write(tmp_path, "d.json", _request(DENIED)))]) == 1
    capsys.readouterr()
    assert main(["check", str(_write(tmp_path, "n.json", _request(NAIVE)))]) == 2
    err = capsys.readouterr().err
    assert "contact.at" in err


def test_check_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(_request(DENIED)))
    assert main(["check", "-"]) == 1
    assert json.loads(capsys.readouterr().out)["next_allowed_at"] == "2026-06-15T12:00:00Z"


def test_check_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/request.json"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_malformed_json_exits_2(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(_write(tmp_path, "bad.json", "{"))]) == 2
    assert "malformed JSON" in capsys.readouterr().err


def test_jsonl_one_output_line_per_input_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [_request(ALLOWED), _request(DENIED), "{oops", _request(NAIVE)]
    path = _write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    assert main(["check", "--jsonl", str(path)]) == 2
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 4
    assert out[0]["allowed"] is True and out[1]["allowed"] is False
    assert out[2]["line"] == 3 and out[2]["error"]["type"] == "invalid_request"
    assert out[3]["error"]["path"] == "contact.at"


def test_jsonl_exit_1_when_only_denials(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "batch.jsonl", _request(ALLOWED) + "\n" + _request(DENIED) + "\n")
    assert main(["check", "--jsonl", str(path)]) == 1


def test_rules_lists_citations_and_urls(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--jurisdiction", "US", "--json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert rules and all(
        r["citation"] and r["source_url"].startswith(("https://", "http://")) for r in rules
    )
    assert main(["rules", "--jurisdiction", "US"]) == 0
    assert "1006.6(b)(1)(i)" in capsys.readouterr().out


def test_rules_unknown_jurisdiction_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--jurisdiction", "XX-YY"]) == 2


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "contactrules ruleset"
    assert "rules" in schema["properties"]


def test_invalid_overlay_exits_2(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "broken.yaml", "jurisdiction: US\ntitle: broken\nrules: [{id: x}]\n")
    assert main(["--rules", str(tmp_path), "check", str(ALLOWED)]) == 2
    assert "broken.yaml" in capsys.readouterr().err


def test_policy_overlay_adds_a_restriction(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        tmp_path,
        "no-mondays.yaml",
        """\
jurisdiction: US
title: Acme collections policy
level: federal
layer: policy
reviewed: 2026-11-01
sources: [{title: Acme compliance manual, url: "https://example.org/acme-policy"}]
rules:
  - id: acme.no-mondays
    title: No calls on Mondays
    kind: time_window
    citation: {ref: "Acme policy 4.2", url: "https://example.org/acme-policy#4.2"}
    effective: {from: 2020-01-01}
    applies_to: {channels: [call]}
    params:
      windows: [{days: [tue, wed, thu, fri, sat, sun], start: "00:00", end: "24:00"}]
""",
    )
    request = _write(tmp_path.parent, "monday.json", _request(ALLOWED))
    assert main(["--rules", str(tmp_path), "check", str(request)]) == 1
    decision = json.loads(capsys.readouterr().out)
    assert decision["violations"][0]["rule_id"] == "acme.no-mondays"
    assert decision["violations"][0]["layer"] == "policy"
    assert decision["next_allowed_at"] == "2026-06-16T12:00:00Z"


def _console_script() -> str:
    beside_python = pathlib.Path(sys.executable).parent / "contactrules"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("contactrules")
    assert found, "the contactrules console script is not installed"
    return found


def test_installed_entry_point_runs_from_any_directory(tmp_path: pathlib.Path) -> None:
    """The bundled rulesets load from the installed package, not from the source checkout."""
    request = _write(tmp_path, "request.json", _request(DENIED))
    run = subprocess.run(
        [_console_script(), "check", str(request)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ},
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)["violations"][0]["rule_id"] == "us.regf.time-of-day"


def test_module_entry_point(tmp_path: pathlib.Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "contactrules", "rules", "--jurisdiction", "US"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "us.tcpa.wireless-prior-express-consent" in run.stdout


@pytest.mark.parametrize(
    ("as_of", "in_force", "not_in_force"),
    [("2021-11-29", "1978-03-20", "2021-11-30"), ("2021-11-30", "2021-11-30", "1978-03-20")],
)
def test_rules_as_of_lists_only_the_versions_in_force(
    as_of: str, in_force: str, not_in_force: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "--jurisdiction", "US", "--json", "--as-of", as_of]) == 0
    rules = json.loads(capsys.readouterr().out)
    versions = {(r["id"], r["version"]) for r in rules}
    assert ("us.regf.time-of-day", in_force) in versions
    assert ("us.regf.time-of-day", not_in_force) not in versions
    for rule in rules:
        assert rule["effective_from"] <= as_of
        assert rule["effective_to"] is None or as_of <= rule["effective_to"]
    assert main(["rules", "--jurisdiction", "US", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) > len(rules)


def test_as_of_must_be_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["rules", "--as-of", "last tuesday"])
    assert info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_every_command_is_in_the_readme_and_the_officers_guide() -> None:
    from contactrules.cli import _parser

    root = pathlib.Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    guide = (root / "docs" / "for-compliance-officers.md").read_text()
    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"| `contactrules {name}" in readme, name
    for name in ("rules", "lint", "test", "diff", "audit"):
        assert f"| `contactrules {name}" in guide, name
