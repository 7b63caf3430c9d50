"""Blocks hold: no collection contact is ever allowed through a cease, a stay or an attorney."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from contactrules import Engine
from contactrules.testing import requests

ENGINE = Engine.load()


@given(requests(roles=["third_party"], with_block=True))
def test_cease_bankruptcy_or_attorney_is_never_allowed(request: dict[str, Any]) -> None:
    """FDCPA 1692c(c) and (a)(2), Reg F 1006.6(b)(2) and (c), 11 U.S.C. 362(a)(6): a written
    cease request, an open bankruptcy or attorney representation for the debt stops a debt
    collector's collection contacts of every kind, at every instant."""
    decision = ENGINE.evaluate(request)
    assert not decision.allowed, (request["events"][-1], decision.evaluated)


@given(requests(roles=["first_party"], with_block=True))
def test_an_open_bankruptcy_stops_creditors_too(request: dict[str, Any]) -> None:
    """11 U.S.C. 362(a)(6) binds every entity: an original creditor is stayed as well."""
    if not any(e["type"] == "bankruptcy" for e in request["events"]):
        request["events"].append(
            {
                "type": "bankruptcy",
                "at": request["contact"]["at"],
                "filed": "2019-01-01",
                "closed": None,
            }
        )
    assert not ENGINE.evaluate(request).allowed
