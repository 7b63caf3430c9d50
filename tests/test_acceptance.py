"""The shared acceptance cases (tests/cases/, copied from shared/cases/), run through the CLI.

Each case is a request and what its decision must be; the format is in tests/cases/README.md.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

from contactrules.cli import main

CASES = sorted((pathlib.Path(__file__).parent / "cases").rglob("*.json"))


def _run(path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_case(
    case_path: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = json.loads(case_path.read_text())
    expect: dict[str, Any] = case["expect"]
    request_file = tmp_path / "request.json"
    request_file.write_text(json.dumps(case["request"]))
    code, out, err = _run(request_file, capsys)

    if expect.get("error"):
        assert code == 2, case["description"]
        assert out == ""
        assert "invalid request" in err
        return

    decision = json.loads(out)
    assert decision["allowed"] is expect["allowed"], (case["description"], decision["violations"])
    assert code == (0 if expect["allowed"] else 1)
    citations = [v["citation"] for v in decision["violations"]]
    for alternatives in expect.get("citations", []):
        assert any(alt in c for alt in alternatives for c in citations), (alternatives, citations)
    if "next_allowed_between" in expect:
        low, high = expect["next_allowed_between"]
        assert decision["next_allowed_at"] is not None
        assert low <= decision["next_allowed_at"] <= high
    if "next_allowed_at" in expect:
        assert decision["next_allowed_at"] == expect["next_allowed_at"]


def test_every_shared_case_is_copied() -> None:
    """The project keeps a copy of every shared acceptance case (when shared/ is beside it)."""
    shared = pathlib.Path(__file__).resolve().parents[2] / "shared" / "cases"
    if not shared.is_dir():
        pytest.skip(reason="shared/ is not beside this checkout; nothing to compare")
    ours = {p.relative_to(pathlib.Path(__file__).parent / "cases") for p in CASES}
    theirs = {p.relative_to(shared) for p in shared.rglob("*.json")}
    assert theirs <= ours, f"copy these from shared/cases: {sorted(map(str, theirs - ours))}"
