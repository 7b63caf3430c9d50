"""Ruleset files: schema, discovery and loading."""

from contactrules.ruleset.loader import LoadedRuleset, bundled_root, load_paths, load_text
from contactrules.ruleset.schema import RulesetFile, Source, ruleset_json_schema

__all__ = [
    "LoadedRuleset",
    "RulesetFile",
    "Source",
    "bundled_root",
    "load_paths",
    "load_text",
    "ruleset_json_schema",
]
