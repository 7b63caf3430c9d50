"""Ruleset and case files gathered for ``lint`` and ``test``, tolerant of broken ones.

The engine refuses to load a tree with one broken file (``RulesetError``); an officer's tools must
instead report every problem of every file and carry on. Each file is checked on its own
(``check_text``: every schema error, and the valid parts), conflicts are found across the valid
rules of all files, and ``loadable()`` is what remains: the files with no error, which the engine
can load together.

PATH arguments (``contactrules lint|test [PATH...]``): a ruleset directory or file, or a case file.
The rulesets are those under the ruleset paths named (the bundled rulesets when none is named) and
under ``--rules`` overlays; the case files are those named, those under the directories named and
beside the ruleset files named, and the overlays' own.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from contactrules.compliance.cases import discover_cases
from contactrules.compliance.problems import Problem
from contactrules.errors import RulesetError
from contactrules.ruleset.loader import (
    CheckedFile,
    Conflict,
    LoadedRuleset,
    RuleSite,
    bundled_root,
    check_text,
    find_conflicts,
    is_case_file,
    overlay_error,
    read_text,
    ruleset_files,
)


@dataclass(frozen=True, slots=True)
class Gathered:
    checked: CheckedFile
    overlay: bool


@dataclass(slots=True)
class Collection:
    files: list[Gathered] = field(default_factory=list)
    case_files: list[tuple[pathlib.Path, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    _refused: set[int] = field(default_factory=set)  # files that must not load (by index)

    def sites(self) -> Iterator[RuleSite]:
        for number, gathered in enumerate(self.files):
            checked = gathered.checked
            layer = checked.header.layer if checked.header is not None else "law"
            for index, rule_id, effective in checked.written:
                yield RuleSite(number, checked.path, layer, index, rule_id, effective)

    def loadable(self) -> list[LoadedRuleset]:
        """The files that load on their own and conflict with none of the others."""
        out = []
        for number, gathered in enumerate(self.files):
            loaded = gathered.checked.loaded
            if loaded is not None and number not in self._refused:
                out.append(loaded)
        return out


def collect(
    paths: Sequence[str | pathlib.Path], overlays: Sequence[str | pathlib.Path]
) -> Collection:
    roots = [pathlib.Path(p) for p in paths]
    ruleset_roots = [r for r in roots if not is_case_file(r)]
    case_roots = list(roots) or [bundled_root()]
    collection = Collection()
    for root in ruleset_roots or [bundled_root()]:
        _gather(collection, root, overlay=False)
    for root in map(pathlib.Path, overlays):
        _gather(collection, root, overlay=True)
        case_roots.append(root)
    seen: set[pathlib.Path] = set()
    for root in case_roots:
        for path in discover_cases(root) if root.exists() else []:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                collection.case_files.append((path, _shown(path, root)))
    _find_conflicts(collection)
    return collection


def _shown(path: pathlib.Path, root: pathlib.Path) -> str:
    return str(path.relative_to(root.parent)) if root.is_dir() else str(path)


def _gather(collection: Collection, root: pathlib.Path, *, overlay: bool) -> None:
    try:
        found = ruleset_files(root)
    except RulesetError as exc:
        collection.problems.append(Problem.from_error(exc))
        return
    for path, shown in found:
        try:
            checked = check_text(read_text(path, shown), shown)
        except RulesetError as exc:
            collection.problems.append(Problem.from_error(exc))
            continue
        collection.problems.extend(Problem.from_error(e) for e in checked.errors)
        number = len(collection.files)
        collection.files.append(Gathered(checked, overlay))
        header = checked.header
        if overlay and header is not None:
            error = overlay_error(shown, header.layer, checked.line)
            if error is not None:
                collection.problems.append(Problem.from_error(error))
                collection._refused.add(number)


def _find_conflicts(collection: Collection) -> None:
    for conflict in find_conflicts(collection.sites()):
        site = conflict.site
        checked = collection.files[site.file].checked
        collection.conflicts.append(conflict)
        collection._refused.add(site.file)
        collection.problems.append(
            Problem(
                "error",
                conflict.code,
                conflict.message,
                site.path,
                checked.line(["rules", site.index]),
                site.rule_id,
                f"rules[{site.index}].{conflict.field}",
            )
        )
