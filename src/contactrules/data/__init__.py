"""Reference data shipped with the package (derived tables; see scripts/)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def us_state_zones() -> dict[str, tuple[str, ...]]:
    """IANA zones each US state and territory spans, from scripts/generate_state_zones.py."""
    text = resources.files(__name__).joinpath("us_state_zones.json").read_text()
    raw: dict[str, list[str]] = json.loads(text)
    return {state: tuple(zones) for state, zones in raw.items()}
