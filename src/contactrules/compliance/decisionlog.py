"""An append-only decision log: one JSON record per decision, so any decision can be replayed.

Serves issue 5 (decision logs) and the record-keeping duty of Regulation F, 12 CFR 1006.100:
a debt collector must keep evidence of compliance from the date it begins collection activity on
a debt until three years after its last collection activity on that debt. The log never holds
more than the caller asks for: by default the request's SHA-256 stands in for the request itself
(the collection system already keeps the request; the hash proves which one was decided).

Each record is one line of JSON::

    {"decision_id": "...", "request_sha256": "...", "ruleset_digest": "sha256:...",
     "logged_at": "...Z", "decision": {... the contract's decision ...}}

``decision_id`` is ``uuid5(DECISION_NAMESPACE, request_sha256 + " " + ruleset_digest)``: the same
request decided by the same rules always gets the same id, in any process, on any machine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
import threading
import uuid
from types import TracebackType
from typing import IO, Any

from contactrules.models.decision import Decision
from contactrules.models.request import Request

# A fixed namespace so ids are reproducible; generated once as uuid5(NAMESPACE_URL, <project>).
DECISION_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/contactrules/contactrules")


def canonical_request(request: Request) -> str:
    """The request as canonical JSON: validated and normalised (defaults filled in, instants in
    UTC), keys sorted, no insignificant whitespace, so equal requests hash equally."""
    data = request.model_dump(mode="json", by_alias=True)
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def request_sha256(request: Request) -> str:
    """Hex SHA-256 of ``canonical_request(request)``."""
    return hashlib.sha256(canonical_request(request).encode("utf-8")).hexdigest()


def decision_id(request_hash: str, ruleset_digest: str) -> str:
    """The reproducible id of deciding this request under these rules (a UUID version 5)."""
    return str(uuid.uuid5(DECISION_NAMESPACE, f"{request_hash} {ruleset_digest}"))


def decision_record(
    request: Request, decision: Decision, *, include_request: bool = False
) -> dict[str, Any]:
    """The log record of one decision (without ``logged_at``, which only the log adds)."""
    digest = request_sha256(request)
    record: dict[str, Any] = {
        "decision_id": decision_id(digest, decision.ruleset_digest),
        "request_sha256": digest,
        "ruleset_digest": decision.ruleset_digest,
        "decision": decision.to_json(),
    }
    if include_request:
        record["request"] = json.loads(canonical_request(request))
    return record


class DecisionLog:
    """Appends decision records to a JSON Lines file; safe to share between threads.

    >>> with DecisionLog("decisions.jsonl") as log:         # doctest: +SKIP
    ...     log.record(request, engine.evaluate(request))

    The file is opened in append mode on first use and each record is flushed as it is written,
    so a crash loses at most the record being written. ``include_request`` stores the canonical
    request too, for systems that keep no other copy (mind the personal data it holds).
    """

    def __init__(self, path: str | pathlib.Path, *, include_request: bool = False) -> None:
        self.path = pathlib.Path(path)
        self.include_request = include_request
        self._lock = threading.Lock()
        self._stream: IO[str] | None = None

    def record(self, request: Request, decision: Decision) -> str:
        """Append one record and return its decision id."""
        record = decision_record(request, decision, include_request=self.include_request)
        # Wall-clock time is metadata for retention (1006.100), never part of the decision or id.
        record["logged_at"] = (
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        )
        line = json.dumps(record, separators=(",", ":"), ensure_ascii=False) + "\n"
        with self._lock:
            if self._stream is None:
                self._stream = self.path.open("a", encoding="utf-8")
            self._stream.write(line)
            self._stream.flush()
        return str(record["decision_id"])

    def close(self) -> None:
        with self._lock:
            if self._stream is not None:
                self._stream.close()
                self._stream = None

    def __enter__(self) -> DecisionLog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
