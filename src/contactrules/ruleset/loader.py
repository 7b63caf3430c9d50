"""Find, parse and validate ruleset files; every failure is a ``RulesetError`` with file and line.

YAML is parsed with PyYAML's safe loader only. The node tree is kept beside the data so that a
schema error deep inside a rule can be reported at its line.

Case files (``NAME.cases.yaml`` beside ``NAME.yaml``, run by ``contactrules test``) live in the
same tree and are never loaded as rulesets; every other ``*.yaml`` file is a ruleset, so a file
that is neither fails loudly instead of being skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from contactrules.errors import RulesetError
from contactrules.kinds import KINDS, Effective, Rule, RuleBase
from contactrules.models.parse import json_path
from contactrules.ruleset.schema import RulesetFile

CASE_SUFFIXES = (".cases.yaml", ".cases.yml")
POLICY = "policy"


# libyaml's parser when PyYAML was built with it (the wheels are): ten times faster.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RULE: TypeAdapter[Any] = TypeAdapter(Rule)


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
        return tuple(node_line(node, ["rules", i]) or 0 for i in range(len(self.document.rules)))

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        """The 1-based line of a field (``["layer"]``, ``["rules", 3, "params"]``)."""
        return node_line(yaml.compose(self.text, Loader=_SAFE_LOADER), loc)

    def canonical(self) -> str:
        return json.dumps(self.document.model_dump(mode="json", by_alias=True), sort_keys=True)


def bundled_root() -> pathlib.Path:
    """The rulesets shipped in the wheel, or the source checkout's ``rulesets/`` in development."""
    packaged = pathlib.Path(str(resources.files("contactrules"))) / "rulesets"
    if packaged.is_dir():
        return packaged
    return pathlib.Path(__file__).resolve().parents[3] / "rulesets"


def is_case_file(path: pathlib.Path) -> bool:
    return path.name.endswith(CASE_SUFFIXES)


def discover(root: pathlib.Path) -> list[pathlib.Path]:
    """Every ruleset file under ``root``: ``*.yaml`` and ``*.yml`` but case files, sorted."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise RulesetError("no such file or directory", file=str(root), code="unreadable")
    return sorted(p for p in root.rglob("*.y*ml") if not is_case_file(p))


def ruleset_files(root: pathlib.Path) -> list[tuple[pathlib.Path, str]]:
    """``discover(root)`` with the name each file is shown by: relative to the root's parent."""
    return [
        (path, str(path.relative_to(root.parent)) if root.is_dir() else str(path))
        for path in discover(root)
    ]


def load_paths(
    paths: Iterable[pathlib.Path | str], overlays: Iterable[pathlib.Path | str] = ()
) -> list[LoadedRuleset]:
    """Load every ruleset file under the given files or directories, and check them together.

    ``overlays`` are an organisation's policy: each of their files must declare
    ``layer: policy``, and none of their rules may reuse a law rule's id (``check_conflicts``),
    so an overlay can add restrictions but never replace, remove or loosen a rule of law.
    """
    loaded = [
        load_file(path, shown)
        for given in paths
        for path, shown in ruleset_files(pathlib.Path(given))
    ]
    for given in overlays:
        for path, shown in ruleset_files(pathlib.Path(given)):
            ruleset = load_file(path, shown)
            problem = overlay_error(ruleset.path, ruleset.document.layer, ruleset.line_of)
            if problem is not None:
                raise problem
            loaded.append(ruleset)
    check_conflicts(loaded)
    return loaded


def overlay_error(
    shown: str, layer: str, line_of: Callable[[Sequence[int | str]], int | None]
) -> RulesetError | None:
    """Why a file given as an overlay cannot be one (it does not declare the policy layer)."""
    if layer == POLICY:
        return None
    return RulesetError(
        "an overlay must declare 'layer: policy': overlays add an organisation's own "
        "restrictions and may not declare, extend or change a jurisdiction's law layer",
        file=shown,
        line=line_of(["layer"]) or 1,
        field="layer",
        code="overlay-layer",
    )


def load_file(path: pathlib.Path, shown: str | None = None) -> LoadedRuleset:
    shown = shown or str(path)
    return load_text(read_text(path, shown), shown)


def read_text(path: pathlib.Path, shown: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesetError(f"cannot read: {exc}", file=shown, code="unreadable") from None


def load_text(text: str, shown: str) -> LoadedRuleset:
    """Parse and validate one ruleset's YAML text; ``shown`` names it in errors."""
    data = parse_yaml(text, shown)
    try:
        document = RulesetFile.model_validate(data)
    except ValidationError as exc:
        node = yaml.compose(text, Loader=_SAFE_LOADER)
        raise schema_errors(exc, data, node, shown)[0] from None
    except RecursionError:
        raise RulesetError("ruleset nests too deeply", file=shown, code="schema") from None
    return LoadedRuleset(shown, document, text)


def parse_yaml(text: str, shown: str) -> dict[str, Any]:
    """The YAML mapping of a ruleset file, or a ``RulesetError`` at the line it breaks."""
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise RulesetError(
            f"YAML does not parse: {exc}", file=shown, line=line, code="yaml"
        ) from None
    except RecursionError:
        raise RulesetError("YAML nests too deeply", file=shown, code="yaml") from None
    if not isinstance(data, dict):
        raise RulesetError("a ruleset must be a YAML mapping", file=shown, line=1, code="schema")
    if "cases" in data and "jurisdiction" not in data:
        raise RulesetError(
            "this looks like a case file: name it after its ruleset, NAME.cases.yaml, so that it "
            "is run by 'contactrules test' and not loaded as a ruleset",
            file=shown,
            line=1,
            code="schema",
        )
    return data


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A ruleset file validated part by part, for ``contactrules lint``: the header and each
    rule on its own, so that one broken rule hides neither the others nor their problems."""

    path: str
    text: str
    node: Any  # the YAML node tree, for lines; None when the file does not parse
    header: RulesetFile | None  # the file without its rules, when that part is valid
    rules: tuple[tuple[int, RuleBase], ...]  # (index in the file, rule) of the valid rules
    errors: tuple[RulesetError, ...]
    # (index, id, effective or None) of every rule written with an id, valid or not
    written: tuple[tuple[int, str, Effective | None], ...] = ()

    def line(self, loc: Sequence[int | str]) -> int | None:
        return node_line(self.node, loc) if self.node is not None else None

    @property
    def loaded(self) -> LoadedRuleset | None:
        """The file as the engine loads it, when every part of it is valid."""
        if self.errors or self.header is None:
            return None
        rules = [rule for _, rule in self.rules]
        return LoadedRuleset(self.path, self.header.model_copy(update={"rules": rules}), self.text)


def check_text(text: str, shown: str) -> CheckedFile:
    """Every schema error of one ruleset file, and its valid parts."""
    try:
        data = parse_yaml(text, shown)
    except RulesetError as exc:
        return CheckedFile(shown, text, None, None, (), (exc,))
    node = yaml.compose(text, Loader=_SAFE_LOADER)
    errors: list[RulesetError] = []
    raw_rules = data.get("rules", [])
    header = _validated(
        RulesetFile.model_validate, {**data, "rules": []}, (), data, node, shown, errors
    )
    rules: list[tuple[int, RuleBase]] = []
    if not isinstance(raw_rules, list):
        errors.append(
            RulesetError(
                "rules must be a list",
                file=shown,
                line=node_line(node, ["rules"]),
                field="rules",
                code="schema",
            )
        )
        raw_rules = []
    written: list[tuple[int, str, Effective | None]] = []
    for index, raw in enumerate(raw_rules):
        rule = _validated(_RULE.validate_python, raw, ("rules", index), data, node, shown, errors)
        if rule is not None:
            rules.append((index, rule))
            written.append((index, rule.id, rule.effective))
        elif isinstance(raw, dict) and isinstance(raw.get("id"), str):
            written.append((index, raw["id"], _effective(raw.get("effective"))))
    return CheckedFile(shown, text, node, header, tuple(rules), tuple(errors), tuple(written))


def _effective(raw: Any) -> Effective | None:
    try:
        return Effective.model_validate(raw)
    except ValidationError:
        return None


def _validated(
    validate: Callable[[Any], Any],
    value: Any,
    prefix: tuple[int | str, ...],
    data: dict[str, Any],
    node: Any,
    shown: str,
    errors: list[RulesetError],
) -> Any:
    try:
        return validate(value)
    except ValidationError as exc:
        errors.extend(schema_errors(exc, data, node, shown, prefix))
    except RecursionError:
        errors.append(RulesetError("ruleset nests too deeply", file=shown, code="schema"))
    return None


def schema_errors(
    exc: ValidationError,
    data: dict[str, Any],
    node: Any,
    shown: str,
    prefix: tuple[int | str, ...] = (),
) -> list[RulesetError]:
    """One ``RulesetError`` per pydantic error, each at its line, rule id and field."""
    return [_schema_error(dict(error), data, node, shown, prefix) for error in exc.errors()]


def _schema_error(
    error: dict[str, Any],
    data: dict[str, Any],
    node: Any,
    shown: str,
    prefix: tuple[int | str, ...],
) -> RulesetError:
    loc = [*prefix, *error["loc"]]
    rule_id = None
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules")
        rule = rules[loc[1]] if isinstance(rules, list) and loc[1] < len(rules) else None
        if isinstance(rule, dict):
            rule_id = str(rule.get("id")) if rule.get("id") is not None else None
        if len(loc) >= 3 and loc[2] in KINDS:
            del loc[2]  # pydantic's union tag, not a level of the YAML
    message, code = _explain(error, loc)
    if error["type"] == "union_tag_invalid" or error["type"] == "union_tag_not_found":
        loc.append("kind")
    return RulesetError(
        message,
        file=shown,
        line=node_line(node, loc),
        rule_id=rule_id,
        field=json_path(loc) or None,
        code=code,
    )


def _explain(error: dict[str, Any], loc: list[int | str]) -> tuple[str, str]:
    """A compliance officer's message for a pydantic error, and its problem code."""
    kind = error["type"]
    message = str(error["msg"]).removeprefix("Value error, ")
    last = loc[-1] if loc else None
    if kind == "union_tag_invalid":
        return f"unknown rule kind; expected one of {', '.join(sorted(KINDS))}", "schema"
    if kind == "union_tag_not_found":
        return "rule kind missing", "schema"
    if kind == "extra_forbidden":
        return "unknown field", "unknown-field"
    if kind == "missing" and last == "citation":
        return "field required: a rule without a citation (ref and url) does not load", (
            "missing-citation"
        )
    if kind == "missing" and last == "url" and "citation" in loc:
        return "field required: the citation's source URL", "missing-url"
    if kind == "missing" and last == "url":
        return "field required: the source's URL", "missing-url"
    if kind == "missing" and last == "ref":
        return "field required: the citation's section and paragraph", "missing-citation"
    if kind == "missing":
        return "field required", "schema"
    if kind.startswith("url_"):
        return message, "invalid-url"
    if "windows" in loc and kind == "too_short":
        return "no windows: the rule would never allow a contact", "empty-window"
    if "windows" in loc and kind == "value_error":
        return message, "inverted-window"
    if last == "effective" and kind == "value_error":
        return message, "inverted-effective"
    if "closed_on_holidays" in loc and kind == "value_error":
        return message, "unknown-calendar"
    return message, "schema"


def node_line(node: Any, loc: Sequence[int | str]) -> int | None:
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


@dataclass(frozen=True, slots=True)
class RuleSite:
    """One rule version where it is written: the ``file``'th file checked, its path and layer,
    the rule's index in that file, its id, and its effective dates (None when they are invalid:
    a rule whose other fields are broken still takes part in duplicate-id checks)."""

    file: int
    path: str
    layer: str
    index: int
    rule_id: str
    effective: Effective | None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two rule versions that cannot both load; reported at ``site``."""

    site: RuleSite
    other: RuleSite
    code: str
    message: str

    @property
    def field(self) -> str:
        """The field at fault: the dates of overlapping versions, else the id."""
        return "effective" if self.code == "overlapping-versions" else "id"


def find_conflicts(sites: Iterable[RuleSite]) -> Iterator[Conflict]:
    """The same rule id may recur only in one file, as versions with disjoint effective dates;
    a policy rule may never reuse a law rule's id. Each conflict is reported once, at the later
    site (at the policy one when a policy rule meets a law rule)."""
    seen: dict[str, list[RuleSite]] = {}
    for site in sites:
        for other in seen.get(site.rule_id, []):
            conflict = _conflict(site, other)
            if conflict is not None:
                yield conflict
                break
        seen.setdefault(site.rule_id, []).append(site)


def _conflict(site: RuleSite, other: RuleSite) -> Conflict | None:
    rule_id = site.rule_id
    if site.layer != other.layer:
        policy, law = (site, other) if site.layer == POLICY else (other, site)
        return Conflict(
            policy,
            law,
            "overlay-redefines-law",
            f"a policy overlay may not reuse the id of law rule {rule_id} (defined in "
            f"{law.path}): an overlay can add restrictions, never replace or loosen the law's",
        )
    if site.file != other.file:
        return Conflict(
            site, other, "duplicate-id", f"duplicate rule id, also defined in {other.path}"
        )
    if site.effective and other.effective and _overlap(site.effective, other.effective):
        return Conflict(
            site,
            other,
            "overlapping-versions",
            "duplicate rule id with overlapping effective dates: the version from "
            f"{other.effective.from_} is also in force (versions of a rule must not overlap)",
        )
    return None


def check_conflicts(loaded: Sequence[LoadedRuleset]) -> None:
    """Raise the first conflict among the rules of ``loaded`` (see ``find_conflicts``)."""
    sites = (
        RuleSite(number, ruleset.path, ruleset.document.layer, index, rule.id, rule.effective)
        for number, ruleset in enumerate(loaded)
        for index, rule in enumerate(ruleset.document.rules)
    )
    for conflict in find_conflicts(sites):
        site = conflict.site
        ruleset = loaded[site.file]
        raise RulesetError(
            conflict.message,
            file=site.path,
            line=ruleset.rule_lines[site.index],
            rule_id=site.rule_id,
            field=f"rules[{site.index}].{conflict.field}",
            code=conflict.code,
        )


def _overlap(a: Effective, b: Effective) -> bool:
    a_end = a.to or _FAR
    b_end = b.to or _FAR
    return bool(a.from_ <= b_end and b.from_ <= a_end)


_FAR = dt.date.max
