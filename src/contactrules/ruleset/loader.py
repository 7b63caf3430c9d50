"""Find, parse and validate ruleset files; every failure is a ``RulesetError`` with file and line.

YAML is parsed with PyYAML's safe loader only. The node tree is kept beside the data so that a
schema error deep inside a rule can be reported at its line.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from pydantic import ValidationError

from contactrules.errors import RulesetError
from contactrules.kinds import KINDS
from contactrules.models.parse import json_path
from contactrules.ruleset.schema import RulesetFile

CASES_DIR = "cases"


# libyaml's parser when PyYAML was built with it (the wheels are): ten times faster.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class LoadedRuleset:
    """A validated ruleset file; its text is kept to find rule lines for error reports."""

    path: str
    document: RulesetFile
    text: str

    @property
    def rule_lines(self) -> tuple[int, ...]:
        """The 1-based line of each rule. Parsed on demand: only error reports need it."""
        node = yaml.compose(self.text, Loader=_SAFE_LOADER)
        return tuple(_line(node, ["rules", i]) or 0 for i in range(len(self.document.rules)))

    def canonical(self) -> str:
        return json.dumps(self.document.model_dump(mode="json", by_alias=True), sort_keys=True)


def bundled_root() -> pathlib.Path:
    """The rulesets shipped in the wheel, or the source checkout's ``rulesets/`` in development."""
    packaged = pathlib.Path(str(resources.files("contactrules"))) / "rulesets"
    if packaged.is_dir():
        return packaged
    return pathlib.Path(__file__).resolve().parents[3] / "rulesets"


def discover(root: pathlib.Path) -> list[pathlib.Path]:
    """Every ruleset file under ``root``: ``*.yaml`` outside ``cases`` directories, sorted."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise RulesetError("no such file or directory", file=str(root))
    found = [
        p
        for p in root.rglob("*.y*ml")
        if CASES_DIR not in p.relative_to(root).parts[:-1] and not p.name.endswith(".cases.yaml")
    ]
    return sorted(found)


def load_paths(paths: Iterable[pathlib.Path | str]) -> list[LoadedRuleset]:
    """Load every ruleset file under the given files or directories, and check them together."""
    loaded: list[LoadedRuleset] = []
    for given in paths:
        root = pathlib.Path(given)
        for path in discover(root):
            shown = str(path.relative_to(root.parent)) if root.is_dir() else str(path)
            loaded.append(load_file(path, shown))
    check_conflicts(loaded)
    return loaded


def load_file(path: pathlib.Path, shown: str | None = None) -> LoadedRuleset:
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesetError(f"cannot read: {exc}", file=shown) from None
    return load_text(text, shown)


def load_text(text: str, shown: str) -> LoadedRuleset:
    """Parse and validate one ruleset's YAML text; ``shown`` names it in errors."""
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise RulesetError(f"YAML does not parse: {exc}", file=shown, line=line) from None
    except RecursionError:
        raise RulesetError("YAML nests too deeply", file=shown) from None
    if not isinstance(data, dict):
        raise RulesetError("a ruleset must be a YAML mapping", file=shown, line=1)
    try:
        document = RulesetFile.model_validate(data)
    except ValidationError as exc:
        node = yaml.compose(text, Loader=_SAFE_LOADER)
        raise _schema_error(exc, data, node, shown) from None
    except RecursionError:
        raise RulesetError("ruleset nests too deeply", file=shown) from None
    return LoadedRuleset(shown, document, text)


def _schema_error(
    exc: ValidationError, data: dict[str, Any], node: Any, shown: str
) -> RulesetError:
    error = exc.errors()[0]
    loc = list(error["loc"])
    rule_id = None
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules")
        rule = rules[loc[1]] if isinstance(rules, list) and loc[1] < len(rules) else None
        if isinstance(rule, dict):
            rule_id = str(rule.get("id")) if rule.get("id") is not None else None
        if len(loc) >= 3 and loc[2] in KINDS:
            del loc[2]  # pydantic's union tag, not a level of the YAML
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "union_tag_invalid":
        loc.append("kind")
        message = f"unknown rule kind; expected one of {', '.join(sorted(KINDS))}"
    elif error["type"] == "union_tag_not_found":
        loc.append("kind")
        message = "rule kind missing"
    elif error["type"] == "extra_forbidden":
        message = "unknown field"
    elif error["type"] == "missing":
        message = "field required"
    return RulesetError(
        message, file=shown, line=_line(node, loc), rule_id=rule_id, field=json_path(loc) or None
    )


def _line(node: Any, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the deepest YAML node found along ``loc``."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if getattr(k, "value", None) == str(part)), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            found = node.value[part]
        else:
            found = None
        if found is None:
            break
        node = found
        line = node.start_mark.line + 1
    return line


def check_conflicts(loaded: Sequence[LoadedRuleset]) -> None:
    """The same rule id may recur only in one file, as versions with disjoint effective dates."""
    seen: dict[str, list[tuple[LoadedRuleset, int]]] = {}
    for ruleset in loaded:
        for index, rule in enumerate(ruleset.document.rules):
            for other, other_index in seen.get(rule.id, []):
                other_rule = other.document.rules[other_index]
                if other.path != ruleset.path:
                    raise RulesetError(
                        f"duplicate rule id, also defined in {other.path}",
                        file=ruleset.path,
                        line=ruleset.rule_lines[index],
                        rule_id=rule.id,
                        field="id",
                    )
                if _overlap(rule.effective, other_rule.effective):
                    raise RulesetError(
                        "duplicate rule id with overlapping effective dates (versions of a rule "
                        "must not overlap)",
                        file=ruleset.path,
                        line=ruleset.rule_lines[index],
                        rule_id=rule.id,
                        field="effective",
                    )
            seen.setdefault(rule.id, []).append((ruleset, index))


def _overlap(a: Any, b: Any) -> bool:
    a_end = a.to or _FAR
    b_end = b.to or _FAR
    return bool(a.from_ <= b_end and b.from_ <= a_end)


_FAR = dt.date.max
