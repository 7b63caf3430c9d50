"""Regenerate ``src/contactrules/data/us_state_zones.json`` from the ``zipcodes`` package.

The table says which IANA zones each US state or territory spans, so that a location known only by
its state is checked in every zone of that state (the most restrictive reading). It is derived,
not hand-written; ``tests/test_location.py`` fails when it no longer matches the installed data.

    python scripts/generate_state_zones.py
"""

from __future__ import annotations

import json
import pathlib
import zoneinfo
from collections import defaultdict

import zipcodes

TARGET = pathlib.Path(__file__).resolve().parents[1] / "src/contactrules/data/us_state_zones.json"


def state_zones() -> dict[str, list[str]]:
    known = zoneinfo.available_timezones()
    table: dict[str, set[str]] = defaultdict(set)
    for entry in zipcodes.list_all():
        if entry["timezone"] in known:
            table[entry["state"]].add(entry["timezone"])
    return {state: sorted(zones) for state, zones in sorted(table.items())}


if __name__ == "__main__":
    TARGET.write_text(json.dumps(state_zones(), indent=1, sort_keys=True) + "\n")
    print(f"wrote {TARGET}")
