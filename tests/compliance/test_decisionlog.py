"""The decision log: reproducible ids, canonical request hashes, one record per decision, and
``--log`` on ``contactrules check`` (issue 5, Reg F 12 CFR 1006.100 record keeping)."""

from __future__ import annotations

import copy
import hashlib
import json
import pathlib
import threading
import uuid
from typing import Any

import pytest

from contactrules import Decision, Engine, parse_request
from contactrules.cli import main
from contactrules.compliance.decisionlog import (
    DECISION_NAMESPACE,
    DecisionLog,
    canonical_request,
    decision_id,
    request_sha256,
)

CASES = pathlib.Path(__file__).parents[1] / "cases" / "us-federal"


def _case(name: str) -> dict[str, Any]:
    request: dict[str, Any] = json.loads((CASES / name).read_text())["request"]
    return request


DENIED = _case("001-call-before-8am.json")
ALLOWED = _case("002-call-mid-morning.json")


def _records(path: pathlib.Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_record_holds_id_hash_digest_and_decision(engine: Engine, tmp_path: pathlib.Path) -> None:
    request = parse_request(DENIED)
    decision = engine.evaluate(request)
    with DecisionLog(tmp_path / "log.jsonl") as log:
        returned = log.record(request, decision)
    (record,) = _records(tmp_path / "log.jsonl")
    expected_hash = hashlib.sha256(canonical_request(request).encode()).hexdigest()
    assert record["request_sha256"] == expected_hash
    assert record["ruleset_digest"] == engine.digest
    assert record["decision_id"] == returned
    assert record["decision_id"] == str(
        uuid.uuid5(DECISION_NAMESPACE, f"{expected_hash} {engine.digest}")
    )
    assert record["logged_at"].endswith("Z")
    assert "request" not in record
    # The logged decision is the decision, and reads back as one.
    assert Decision.from_json(json.dumps(record["decision"])) == decision


def test_ids_are_reproducible_and_distinguish_requests_and_rules(engine: Engine) -> None:
    same = parse_request(copy.deepcopy(DENIED))
    assert request_sha256(parse_request(DENIED)) == request_sha256(same)
    assert request_sha256(parse_request(DENIED)) != request_sha256(parse_request(ALLOWED))
    digest = request_sha256(same)
    assert decision_id(digest, engine.digest) == decision_id(digest, engine.digest)
    assert decision_id(digest, engine.digest) != decision_id(digest, "sha256:other")


def test_canonical_form_ignores_key_order_and_offset_notation() -> None:
    reordered = {key: DENIED[key] for key in reversed(list(DENIED))}
    utc = copy.deepcopy(DENIED)
    utc["contact"]["at"] = "2026-06-15T11:59:00Z"  # the same instant as 07:59-04:00
    hashes = {request_sha256(parse_request(r)) for r in (DENIED, reordered, utc)}
    assert len(hashes) == 1


def test_include_request_stores_the_canonical_request(
    engine: Engine, tmp_path: pathlib.Path
) -> None:
    request = parse_request(ALLOWED)
    with DecisionLog(tmp_path / "log.jsonl", include_request=True) as log:
        log.record(request, engine.evaluate(request))
    (record,) = _records(tmp_path / "log.jsonl")
    assert record["request"] == json.loads(canonical_request(request))
    assert parse_request(record["request"]) == request


def test_appends_across_opens_and_threads(engine: Engine, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "log.jsonl"
    request = parse_request(ALLOWED)
    decision = engine.evaluate(request)
    with DecisionLog(path) as log:
        log.record(request, decision)
    with DecisionLog(path) as log:
        threads = [
            threading.Thread(target=lambda: [log.record(request, decision) for _ in range(50)])
            for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    records = _records(path)  # every line parses: no interleaved writes
    assert len(records) == 201
    assert len({r["decision_id"] for r in records}) == 1


def test_check_log_option_appends_one_record_per_decision(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps(DENIED))
    log = tmp_path / "decisions.jsonl"
    assert main(["check", str(single), "--log", str(log)]) == 1
    lines = tmp_path / "many.jsonl"
    lines.write_text(f"{json.dumps(ALLOWED)}\nnot json\n{json.dumps(DENIED)}\n")
    assert main(["check", "--jsonl", str(lines), "--log", str(log)]) == 2
    capsys.readouterr()
    records = _records(log)
    # The invalid line is decided by nobody, so it is not logged; the others are, in order.
    assert [r["decision"]["allowed"] for r in records] == [False, True, False]
    assert records[0]["decision_id"] == records[2]["decision_id"]
    assert records[0]["request_sha256"] == request_sha256(parse_request(DENIED))


def test_audit_log_option_records_each_audited_contact(
    engine: Engine, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_in = tmp_path / "contacts.jsonl"
    log_in.write_text(f"{json.dumps(ALLOWED)}\n{{oops\n{json.dumps(DENIED)}\n")
    decisions = tmp_path / "decisions.jsonl"
    assert main(["audit", str(log_in), "--log", str(decisions)]) == 2
    capsys.readouterr()
    records = _records(decisions)
    assert [r["request_sha256"] for r in records] == [
        request_sha256(parse_request(ALLOWED)),
        request_sha256(parse_request(DENIED)),
    ]
    # Replaying a logged decision: the same request under the same rules gives the same record.
    replayed = engine.evaluate(parse_request(DENIED))
    assert records[1]["decision"] == replayed.to_json()
    assert records[1]["decision_id"] == decision_id(records[1]["request_sha256"], engine.digest)
