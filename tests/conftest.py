"""Shared fixtures and the hypothesis profiles (select with CONTACTRULES_HYPOTHESIS_PROFILE)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

from contactrules import Engine
from helpers import suite_backend

settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "nightly", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=25, deadline=None)
# For mutmut, which runs the selected tests once per mutant: few examples, and no shrinking
# (a mutant only needs to be caught, not explained).
settings.register_profile(
    "mutation",
    max_examples=20,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("CONTACTRULES_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The bundled rulesets, loaded once for the whole session (an Engine is immutable)."""
    return Engine.load(backend=suite_backend())
