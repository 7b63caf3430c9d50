"""Write a jurisdiction test module's edge pairs as officers' YAML cases.

    python scripts/edges_to_cases.py tests/jurisdictions/test_us.py \\
        rulesets/us/federal/regulation-f.cases.yaml --rule us.regf.deceased-consumer

Each ``Edge`` becomes two cases (the request it denies and the one it allows at the edge), with
the request written as the difference from the case file's ``defaults.request`` (a null removes
a default), and appended to the case file. Without ``--rule`` every edge is written.
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import sys
from typing import Any

import yaml

from contactrules import Engine

HERE = pathlib.Path(__file__).resolve().parent


def difference(base: Any, wanted: Any) -> Any:
    """What to merge over ``base`` (the case loader's merge) to get ``wanted``."""
    if not (isinstance(base, dict) and isinstance(wanted, dict)):
        return wanted
    out: dict[str, Any] = {key: None for key in base if key not in wanted}
    for key, value in wanted.items():
        if key not in base:
            out[key] = value
        elif base[key] != value:
            out[key] = difference(base[key], value)
    return out


def load_edges(module_path: pathlib.Path) -> list[Any]:
    sys.path.insert(0, str(module_path.parent))
    spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.EDGES)


def cases_for(edge: Any, defaults: dict[str, Any], engine: Engine) -> list[dict[str, Any]]:
    name = edge.name or f"{edge.rule}: {edge.why}"
    denied: dict[str, Any] = {"allowed": False, "violates": [edge.rule]}
    if edge.warns:  # a warn rule never denies: its first side warns instead
        denied = {"allowed": True, "warns": [edge.rule]}
        if not edge.allowed_overall:
            del denied["allowed"]
    elif edge.next_allowed_at is not None and isinstance(edge.next_allowed_at, str):
        denied["next_allowed_at"] = edge.next_allowed_at
    elif edge.next_allowed_at is None:
        denied["next_allowed_at"] = None
    # The allowed side of an edge either passes the rule or is outside its scope.
    outcomes = {entry.rule_id: entry.outcome for entry in engine.evaluate(edge.allowed).evaluated}
    key = "passes" if outcomes.get(edge.rule) == "pass" else "does_not_violate"
    allowed: dict[str, Any] = {key: [edge.rule]}
    if edge.allowed_overall:
        allowed = {"allowed": True, **allowed}
    first = "warns" if edge.warns else "denied"
    return [
        {
            "name": f"{name} — {first}",
            "request": difference(defaults, edge.denied),
            "expect": denied,
        },
        {
            "name": f"{name} — allowed",
            "request": difference(defaults, edge.allowed),
            "expect": allowed,
        },
    ]


class _WithoutAliases(yaml.SafeDumper):
    """Writes a request shared by two edges out in full: officers read no YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", type=pathlib.Path, help="tests/jurisdictions/test_XX.py")
    parser.add_argument("cases", type=pathlib.Path, help="the case file to append to")
    parser.add_argument("--rule", action="append", default=[], help="only edges of this rule id")
    args = parser.parse_args()
    document = yaml.safe_load(args.cases.read_text()) if args.cases.exists() else {}
    defaults = (document or {}).get("defaults", {}).get("request", {})
    engine = Engine.load()
    edges = [e for e in load_edges(args.module) if not args.rule or e.rule in args.rule]
    existing = {case["name"] for case in (document or {}).get("cases") or []}
    new = [
        case
        for edge in edges
        for case in cases_for(edge, defaults, engine)
        if case["name"] not in existing
    ]
    text = yaml.dump(new, Dumper=_WithoutAliases, sort_keys=False, allow_unicode=True, width=100)
    with args.cases.open("a", encoding="utf-8") as out:
        if not args.cases.exists() or "cases:" not in args.cases.read_text():
            out.write("cases:\n")
        out.write(text)
    print(f"{len(new)} cases appended to {args.cases}")


if __name__ == "__main__":
    main()
