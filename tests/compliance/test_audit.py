"""``contactrules audit``: both log formats, each contact as of its own instant with only what
was known then, bad lines reported by number while the rest is audited, streaming, and the
terminal, JSON and HTML reports (issue 5)."""

from __future__ import annotations

import io
import json
import pathlib
from collections.abc import Iterator
from typing import Any

import pytest

from contactrules import Engine
from contactrules.cli import main
from contactrules.commands.audit import Progress
from contactrules.compliance.audit import (
    AuditedContact,
    AuditSummary,
    LineError,
    LogAuditor,
    months_between,
    svg_chart,
)

CASES = pathlib.Path(__file__).parents[1] / "cases" / "us-federal"
MA_CAP = "us-ma.940cmr.personal-number-two-per-week"


def _case(name: str) -> dict[str, Any]:
    request: dict[str, Any] = json.loads((CASES / name).read_text())["request"]
    return request


def _consumer(cid: str = "C1", role: str = "first_party") -> dict[str, Any]:
    return {
        "record": "consumer",
        "consumer": {
            "id": cid,
            "locations": [{"country": "US", "state": "MA", "postal_code": "02139"}],
        },
        "collector": {"role": role},
        "debts": [{"id": "D1", "purpose": "consumer", "type": "credit_card"}],
    }


def _call(at: str, cid: str = "C1", **extra: Any) -> dict[str, Any]:
    event = {
        "type": "contact", "at": at, "channel": "call", "direction": "outbound",
        "outcome": "no_answer", "debt_id": "D1", "phone": "+16175550142",
        "phone_type": "landline", "technology": "manual", "place": "home",
    }  # fmt: skip
    return {"record": "event", "consumer_id": cid, "event": event | extra}


def _event(event: dict[str, Any], cid: str = "C1") -> dict[str, Any]:
    return {"record": "event", "consumer_id": cid, "event": event}


def _write(tmp_path: pathlib.Path, lines: list[Any], name: str = "log.jsonl") -> pathlib.Path:
    path = tmp_path / name
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    )
    return path


def _audit(engine: Engine, lines: list[Any]) -> list[AuditedContact | LineError]:
    raw = [(line if isinstance(line, str) else json.dumps(line)) for line in lines]
    return list(LogAuditor(engine).audit(raw))


def _rules(item: AuditedContact | LineError) -> set[str]:
    assert isinstance(item, AuditedContact), item
    return {v.rule_id for v in item.decision.violations}


# Mondays to Wednesdays in June 2026, mid-day in Massachusetts (EDT).
MON, TUE, WED = (
    "2026-06-15T10:00:00-04:00",
    "2026-06-16T10:00:00-04:00",
    "2026-06-17T10:00:00-04:00",
)


def test_event_stream_audits_each_contact_with_only_earlier_events(engine: Engine) -> None:
    items = _audit(engine, [_consumer(), _call(MON), _call(TUE), _call(WED)])
    assert [i.line for i in items] == [2, 3, 4]
    # Massachusetts allows two calls per debt in seven days: only the third is a violation.
    assert [MA_CAP in _rules(i) for i in items] == [False, False, True]
    third = items[2]
    assert isinstance(third, AuditedContact)
    assert len(third.request.events) == 2  # the contact itself is not part of its own history
    finding = next(v for v in third.decision.violations if v.rule_id == MA_CAP)
    assert finding.citation == "940 CMR 7.04(1)(f)"


def test_event_stream_order_in_file_does_not_leak_the_future(engine: Engine) -> None:
    cease = {"type": "cease_request", "at": "2026-06-16T12:00:00-04:00", "written": True}
    # The cease request is written first in the log, but it happened between the two calls.
    items = _audit(engine, [_consumer(role="third_party"), _event(cease), _call(TUE), _call(WED)])
    assert [i.line for i in items] == [3, 4]
    assert not any("cease" in rule for rule in _rules(items[0]))
    assert "us.regf.cease-communication" in _rules(items[1])


def test_inbound_contacts_and_other_events_are_history_not_audited(engine: Engine) -> None:
    inbound = _call(MON)["event"] | {"direction": "inbound", "at": "2026-06-15T03:00:00-04:00"}
    items = _audit(engine, [_consumer(), _event(inbound), _call(TUE)])
    assert [i.line for i in items] == [3]  # a 3 a.m. inbound call is the consumer's, not audited


def test_request_lines_are_audited_as_they_are(engine: Engine) -> None:
    items = _audit(engine, [_case("002-call-mid-morning.json"), _case("001-call-before-8am.json")])
    assert [bool(_rules(i)) for i in items] == [False, True]
    assert any("1006.6(b)(1)" in v.citation for v in items[1].decision.violations)  # type: ignore[union-attr]


def test_bad_lines_are_reported_by_number_and_the_rest_is_audited(engine: Engine) -> None:
    orphan = _call(TUE, cid="C9")
    unknown_debt = _call(WED)
    unknown_debt["event"]["debt_id"] = "D7"
    naive = _call("2026-06-16T10:00:00")
    items = _audit(
        engine,
        [
            _consumer(),  # 1
            "{not json",  # 2
            "",  # 3
            _call(MON),  # 4
            orphan,  # 5
            unknown_debt,  # 6
            naive,  # 7
            {"record": "event", "consumer_id": "C1", "event": {"type": "lunch", "at": MON}},  # 8
            {"record": "visit"},  # 9
            _consumer() | {"extra": 1},  # 10
            _call(TUE),  # 11: its consumer record was invalid
            [1, 2],  # 12
            _case("041-naive-time-rejected.json"),  # 13
        ],
    )
    errors = {i.line: i for i in items if isinstance(i, LineError)}
    assert sorted(errors) == [2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    assert "malformed JSON" in errors[2].message
    assert errors[3].message == "blank line"
    assert "no consumer record for 'C9'" in errors[5].message
    assert "D7" in errors[6].message and errors[6].path == "event.debt_id"
    assert errors[7].path == "event.at" and "offset" in errors[7].message
    assert errors[8].path == "event.type"
    assert errors[9].path == "record"
    assert errors[10].path == "extra"
    assert "line 10 was invalid" in errors[11].message
    assert errors[13].path == "contact.at"
    audited = [i for i in items if isinstance(i, AuditedContact)]
    assert [i.line for i in audited] == [4]  # the good contact was still audited


def test_streams_one_consumer_at_a_time(engine: Engine) -> None:
    read: list[int] = []

    def lines() -> Iterator[str]:
        for number, line in enumerate(
            [_consumer("A"), _call(MON, "A"), _consumer("B"), _call(MON, "B"), _call(TUE, "B")],
            start=1,
        ):
            read.append(number)
            yield json.dumps(line)

    auditor = LogAuditor(engine)
    stream = auditor.audit(lines())
    first = next(stream)
    # Consumer A is decided as soon as B's record arrives, before any of B's events are read.
    assert isinstance(first, AuditedContact) and first.consumer_id == "A"
    assert read == [1, 2, 3]
    assert [i.consumer_id for i in stream if isinstance(i, AuditedContact)] == ["B", "B"]


def test_summary_counts_by_rule_jurisdiction_channel_and_month(engine: Engine) -> None:
    summary = AuditSummary()
    july = "2026-07-06T10:00:00-04:00"
    for item in _audit(engine, [_consumer(), _call(MON), _call(TUE), _call(WED), _call(july), "x"]):
        summary.add(item)
    data = summary.to_json()
    assert (data["contacts"], data["contacts_with_violations"], data["errors"]) == (4, 1, 1)
    assert data["by_rule"][0]["rule_id"] == MA_CAP
    assert data["by_jurisdiction"] == {"US-MA": 1}
    assert data["by_channel"] == {"call": 1}
    assert data["by_month"] == {"2026-06": 1}


def test_cli_exit_codes_and_terminal_output(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = _write(tmp_path, [_consumer(), _call(MON), _call(TUE)], "clean.jsonl")
    assert main(["audit", str(clean)]) == 0
    dirty = _write(tmp_path, [_consumer(), _call(MON), _call(TUE), _call(WED)], "dirty.jsonl")
    capsys.readouterr()
    assert main(["audit", str(dirty)]) == 1
    out = capsys.readouterr()
    assert f"line 4: 2026-06-17T14:00:00Z call consumer C1 debt D1: {MA_CAP}" in out.out
    assert "[940 CMR 7.04(1)(f)]" in out.out and "By month (UTC):" in out.out
    assert out.err == ""  # stderr is not a terminal here: no progress display
    broken = _write(tmp_path, [_consumer(), _call(MON), "oops", _call(TUE), _call(WED)])
    assert main(["audit", str(broken)]) == 2
    captured = capsys.readouterr()
    assert "line 3: error:" in captured.err and MA_CAP in captured.out
    assert main(["audit", str(tmp_path / "missing.jsonl")]) == 2


def test_cli_json_is_json_lines_ending_in_a_summary(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _write(tmp_path, [_consumer(), _call(MON), "{", _call(TUE), _call(WED)])
    assert main(["audit", "--json", str(log)]) == 2
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["type"] for r in records] == ["error", "violation", "summary"]
    assert records[0]["line"] == 3
    violation = records[1]
    assert (violation["line"], violation["rule_id"], violation["jurisdiction"]) == (
        5,
        MA_CAP,
        "US-MA",
    )
    assert violation["source_url"].startswith("https://")
    assert records[2]["violations"] == 1 and records[2]["lines"] == 5


def test_cli_html_report_is_self_contained(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _write(tmp_path, [_consumer(), _call(MON), _call(TUE), _call(WED), "<script>"])
    report = tmp_path / "report.html"
    assert main(["audit", str(log), "--html", str(report)]) == 2
    capsys.readouterr()
    page = report.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert MA_CAP in page and "940 CMR 7.04(1)(f)" in page and "line 5" in page


def test_cli_audit_rejects_a_broken_overlay(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = tmp_path / "policy.yaml"
    overlay.write_text("jurisdiction: US\ntitle: broken\nlevel: federal\nrules: 3\n")
    log = _write(tmp_path, [_consumer(), _call(MON)])
    assert main(["--rules", str(overlay), "audit", str(log)]) == 2
    assert "policy.yaml" in capsys.readouterr().err


def test_chart_has_one_bar_per_month_including_empty_ones() -> None:
    assert months_between(["2025-11", "2026-02"]) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    svg = svg_chart({"2025-11": 3, "2026-02": 1})
    assert svg.count('class="bar"') == 4 and "<title>2025-12: 0</title>" in svg
    assert "nothing to chart" in svg_chart({})


def test_progress_bar_draws_on_the_given_stream() -> None:
    stream = io.StringIO()
    progress = Progress(stream, total_bytes=200)
    progress.update(100, 10, 3)
    progress.update(200, 20, 4, final=True)
    text = stream.getvalue()
    assert "50%" in text and "100%" in text and "20 lines, 4 violations" in text
    assert text.endswith("\n")
