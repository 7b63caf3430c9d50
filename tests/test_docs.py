"""The generated jurisdiction pages and coverage matrix match the rulesets they come from."""

from __future__ import annotations

import pathlib

from contactrules import Engine
from contactrules.cli import main
from contactrules.docsgen import render, rule_topics, stale_pages

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"


def test_generated_docs_are_current(engine: Engine) -> None:
    """Fails when a ruleset changed without `contactrules docs` being run."""
    assert stale_pages(engine.rulesets, DOCS) == []


def test_every_jurisdiction_has_a_page_and_a_matrix_row(engine: Engine) -> None:
    pages = render(engine.rulesets)
    for code in engine.jurisdictions:
        assert f"jurisdictions/{code.lower()}.md" in pages
        assert f"[{code}](jurisdictions/{code.lower()}.md)" in pages["coverage.md"]


def test_every_rule_is_on_its_page_with_citation_and_url(engine: Engine) -> None:
    pages = render(engine.rulesets)
    for rule in engine.rules():
        page = pages[f"jurisdictions/{rule.jurisdiction.lower()}.md"]
        assert f"`{rule.id}`" in page
        assert rule.source_url in page


def test_docs_check_reports_stale_pages(tmp_path: pathlib.Path) -> None:
    assert main(["docs", "--out", str(tmp_path), "--check"]) == 1
    assert main(["docs", "--out", str(tmp_path)]) == 0
    assert main(["docs", "--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "jurisdictions" / "us-zz.md").write_text("left over\n")
    assert main(["docs", "--out", str(tmp_path), "--check"]) == 1


def test_topics_are_derived_from_kinds(engine: Engine) -> None:
    by_id = {}
    for loaded in engine.rulesets:
        for rule in loaded.document.rules:
            by_id[rule.id] = rule
    assert rule_topics(by_id["us.regf.time-of-day"]) == {"hours"}
    assert rule_topics(by_id["us.regf.cease-communication"]) == {"cease"}
    assert rule_topics(by_id["us.regf.call-frequency"]) == {"frequency"}
    assert "workplace" in rule_topics(by_id["us-ma.workplace-request-oral"])
