"""The strategies behind ``contactrules.testing``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from contactrules.models.vocabulary import CHANNELS

# (state, ZIP code, a valid number with a local area code): real places across every US zone.
SAMPLE_PLACES: tuple[tuple[str, str, str], ...] = (
    ("MA", "02139", "+16175550142"),
    ("NY", "10001", "+12125550142"),
    ("DE", "19901", "+13025550142"),
    ("FL", "33101", "+13055550142"),
    ("IL", "60601", "+13125550142"),
    ("TX", "75201", "+12145550142"),
    ("CO", "80202", "+13035550142"),
    ("AZ", "85004", "+16025550142"),
    ("CA", "94103", "+14155550142"),
    ("WA", "98101", "+12065550142"),
    ("AK", "99501", "+19075550142"),
    ("HI", "96813", "+18085550142"),
    ("PR", "00901", "+17875550142"),
)
_OFFSETS = (-10, -8, -7, -6, -5, -4, 0, 1, 5.5)


def instants(
    start: dt.datetime = dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    end: dt.datetime = dt.datetime(2027, 12, 31, tzinfo=dt.UTC),
) -> st.SearchStrategy[str]:
    """ISO 8601 instants with an explicit offset, at minute resolution."""

    def render(moment: dt.datetime, hours: float) -> str:
        offset = dt.timezone(dt.timedelta(hours=hours))
        return moment.astimezone(offset).isoformat()

    minutes = st.integers(0, int((end - start).total_seconds() // 60))
    return st.builds(
        render,
        minutes.map(lambda m: start + dt.timedelta(minutes=m)),
        st.sampled_from(_OFFSETS),
    )


def locations(states: Sequence[str] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    places = [p for p in SAMPLE_PLACES if states is None or p[0] in states]
    return st.sampled_from(places).map(
        lambda p: {"country": "US", "state": p[0], "postal_code": p[1]}
    )


def contact_events(
    before: str, debt_ids: Sequence[str] = ("D1", "D2")
) -> st.SearchStrategy[dict[str, Any]]:
    """Past contact events up to 30 days before the instant ``before``."""
    at = dt.datetime.fromisoformat(before)
    return st.builds(
        lambda back, channel, direction, outcome, debt: {
            "type": "contact",
            "at": (at - dt.timedelta(minutes=back)).isoformat(),
            "channel": channel,
            "direction": direction,
            "outcome": outcome,
            "debt_id": debt,
        },
        st.integers(1, 30 * 24 * 60),
        st.sampled_from(["call", "sms", "email"]),
        st.sampled_from(["outbound", "inbound"]),
        st.sampled_from(["conversation", "no_answer", "voicemail", "busy", "delivered"]),
        st.sampled_from(debt_ids),
    )


def block_events(before: str, debt_id: str = "D1") -> st.SearchStrategy[dict[str, Any]]:
    """One event that must stop collection of ``debt_id``: a written cease request or refusal to
    pay, an open bankruptcy, or attorney representation for the debt."""
    at = dt.datetime.fromisoformat(before)

    def dated(back: int) -> str:
        return (at - dt.timedelta(minutes=back)).isoformat()

    back = st.integers(1, 365 * 24 * 60)
    return st.one_of(
        st.builds(
            lambda b, kind, ids: {"type": kind, "at": dated(b), "written": True, "debt_ids": ids},
            back,
            st.sampled_from(["cease_request", "refusal_to_pay"]),
            st.sampled_from([None, [debt_id], [debt_id, "D9"]]),
        ),
        st.builds(
            lambda b: {
                "type": "bankruptcy",
                "at": dated(b),
                "filed": (at - dt.timedelta(days=1 + b // 1440)).date().isoformat(),
                "closed": None,
            },
            back,
        ),
        st.builds(
            lambda b, ids: {"type": "attorney_representation", "at": dated(b), "debt_ids": ids},
            back,
            st.sampled_from([None, [debt_id]]),
        ),
    )


@st.composite
def requests(
    draw: st.DrawFn,
    *,
    channels: Sequence[str] = CHANNELS,
    roles: Sequence[str] = ("third_party", "first_party"),
    states: Sequence[str] | None = None,
    max_events: int = 12,
    with_block: bool = False,
) -> dict[str, Any]:
    """A valid request as a JSON-ready dict; ``with_block`` adds one collection-stopping event."""
    at = draw(instants())
    channel = draw(st.sampled_from(list(channels)))
    home = draw(locations(states))
    phone = next(p[2] for p in SAMPLE_PLACES if p[1] == home["postal_code"])
    contact: dict[str, Any] = {
        "channel": channel,
        "at": at,
        "debt_id": "D1",
        "recipient": "consumer",
        "purpose": "collection",
    }
    if channel in ("call", "sms"):
        contact["phone"] = phone
        contact["phone_type"] = draw(st.sampled_from(["wireless", "landline", "unknown"]))
        contact["technology"] = draw(st.sampled_from(["manual", "autodialer", "prerecorded"]))
    if channel == "email":
        contact["email"] = "pat@example.com"
        contact["email_kind"] = "personal"
    events = draw(st.lists(contact_events(at), max_size=max_events))
    if with_block:
        events.append(draw(block_events(at)))
    events = draw(st.permutations(events))
    return {
        "contact": contact,
        "collector": {"role": draw(st.sampled_from(list(roles)))},
        "debt": {"id": "D1", "purpose": "consumer", "type": "credit_card"},
        "consumer": {"id": "C1", "locations": [home]},
        "events": events,
    }
