"""Loader robustness: generated valid rulesets load and decide; invalid ones raise RulesetError
naming the broken field; any YAML text raises nothing but RulesetError."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from contactrules import Engine
from contactrules.errors import RulesetError
from contactrules.ruleset.loader import load_text
from contactrules.testing import broken_rulesets, requests, rulesets

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates().map(str),
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def _load_or_refuse(text: str, name: str) -> None:
    """Load ``text``; any failure must be a RulesetError that names the file (any other
    exception propagates and fails the test)."""
    try:
        loaded = load_text(text, name)
    except RulesetError as error:
        assert error.file == name and error.message
        return
    assert loaded.path == name


def _dump(document: Any) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


@given(rulesets(), requests())
def test_generated_valid_rulesets_load_and_decide(
    document: dict[str, Any], request: dict[str, Any]
) -> None:
    """Every rule kind with any valid parameters loads, compiles and decides without error: a
    compliance officer's valid YAML never breaks the engine."""
    loaded = load_text(_dump(document), "generated.yaml")
    assert [r.id for r in loaded.document.rules] == [r["id"] for r in document["rules"]]
    decision = Engine([loaded]).evaluate(request)
    assert decision.ruleset_digest.startswith("sha256:")


@given(broken_rulesets())
def test_broken_rulesets_raise_an_error_naming_the_field(pair: tuple[dict[str, Any], str]) -> None:
    """Principle: errors carry file, line and field. A rule with one broken field (a missing
    citation, an inverted window, a cap of zero...) is refused with that field's path."""
    document, field = pair
    try:
        load_text(_dump(document), "broken.yaml")
    except RulesetError as error:
        assert error.field == field, error
        assert error.file == "broken.yaml"
        assert error.line is not None and error.line >= 1
    else:
        raise AssertionError(f"loaded despite a broken {field}")


@given(st.text(max_size=400))
def test_any_text_raises_only_ruleset_error(text: str) -> None:
    """Whatever a file holds, loading it fails (if it fails) with a RulesetError, never a crash."""
    _load_or_refuse(text, "any.yaml")


@given(YAML_VALUES)
def test_any_yaml_document_raises_only_ruleset_error(value: Any) -> None:
    """Any well-formed YAML value (mappings, lists, scalars, nested) is a ruleset or a
    RulesetError."""
    _load_or_refuse(_dump(value), "any.yaml")


@given(rulesets(), st.data())
def test_valid_rulesets_with_one_value_replaced_raise_only_ruleset_error(
    document: dict[str, Any], data: st.DataObject
) -> None:
    """A valid ruleset with any one value replaced by any YAML value loads or is refused with a
    RulesetError naming a field: the loader never crashes on a near-miss edit."""
    node: Any = document
    path: list[Any] = []
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    if not path:
        return
    parent: Any = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = data.draw(YAML_VALUES)
    _load_or_refuse(_dump(document), "edited.yaml")
