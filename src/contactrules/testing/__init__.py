"""Hypothesis strategies for contactrules requests, for this project's property tests and yours.

    from hypothesis import given
    from contactrules.testing import requests

    @given(requests(channels=["call"], roles=["third_party"]))
    def test_my_dialer_never_calls_when_denied(request): ...

Every generated request is valid under the decision contract. Requires the ``hypothesis``
package (the ``test`` extra).
"""

from contactrules.testing.strategies import (
    SAMPLE_PLACES,
    block_events,
    contact_events,
    instants,
    locations,
    requests,
)

__all__ = ["SAMPLE_PLACES", "block_events", "contact_events", "instants", "locations", "requests"]
