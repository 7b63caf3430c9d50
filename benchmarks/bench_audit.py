"""Benchmark ``contactrules audit`` on a generated 100,000-contact event-stream log.

Issue 5's bar: the audit of a 100,000-contact log finishes on one core in under a minute with
flat memory. This is a benchmark, not a timed test: it prints what it measured.

    .venv/bin/python benchmarks/bench_audit.py                   # 100,000 contacts, seed 0
    .venv/bin/python benchmarks/bench_audit.py --contacts 20000 --keep log.jsonl

The log (format: docs/for-compliance-officers.md, "Auditing a contact log") is drawn with
``random.Random(seed)``: consumers in every US zone with one or two debts, about 25 outbound
contacts each over a few months plus inbound contacts and, now and then, an opt-out, a cease
request or an inconvenient-time request; local times mostly by day, some at night, so there
are violations to report. Memory is sampled (peak RSS) after each quarter of the log: flat
memory means the later quarters do not raise it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import random
import resource
import sys
import tempfile
import time
import zoneinfo
from collections.abc import Iterator
from typing import Any

from contactrules import Engine
from contactrules.compliance.audit import AuditSummary, LogAuditor

# (state, ZIP code, zone, a number with a local area code), as contactrules.testing's places.
PLACES = (
    ("MA", "02139", "America/New_York", "+16175550142"),
    ("NY", "10001", "America/New_York", "+12125550142"),
    ("FL", "33101", "America/New_York", "+13055550142"),
    ("IL", "60601", "America/Chicago", "+13125550142"),
    ("TX", "75201", "America/Chicago", "+12145550142"),
    ("CO", "80202", "America/Denver", "+13035550142"),
    ("AZ", "85004", "America/Phoenix", "+16025550142"),
    ("CA", "94103", "America/Los_Angeles", "+14155550142"),
    ("WA", "98101", "America/Los_Angeles", "+12065550142"),
    ("HI", "96813", "Pacific/Honolulu", "+18085550142"),
)
CONTACTS_PER_CONSUMER = 25


def consumer_lines(rng: random.Random, index: int) -> Iterator[dict[str, Any]]:
    """One consumer's record and events, in time order."""
    state, postal, zone_name, phone = rng.choice(PLACES)
    tz = zoneinfo.ZoneInfo(zone_name)
    cid = f"C{index}"
    debts = [f"{cid}-D{n}" for n in range(rng.choice((1, 1, 2)))]
    yield {
        "record": "consumer",
        "consumer": {
            "id": cid,
            "locations": [{"country": "US", "state": state, "postal_code": postal}],
        },
        "collector": {"role": rng.choice(["third_party", "third_party", "first_party"])},
        "debts": [{"id": d, "purpose": "consumer", "type": "credit_card"} for d in debts],
    }
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))
    for _ in range(CONTACTS_PER_CONSUMER):
        day += dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 4)))
        minute = rng.randrange(8 * 60, 21 * 60) if rng.random() < 0.93 else rng.randrange(1440)
        at = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tz)
        channel = rng.choices(["call", "sms", "email", "letter"], (55, 20, 20, 5))[0]
        event: dict[str, Any] = {
            "type": "contact", "at": at.isoformat(), "channel": channel, "direction": "outbound",
            "outcome": rng.choice(["no_answer", "voicemail", "conversation", "delivered"]),
            "debt_id": rng.choice(debts),
        }  # fmt: skip
        if channel in ("call", "sms"):
            event |= {"phone": phone, "technology": "manual", "phone_type": "landline"}
        elif channel == "email":
            event["email"] = f"{cid.lower()}@example.com"
        yield {"record": "event", "consumer_id": cid, "event": event}
        if rng.random() < 0.1:
            later = (at + dt.timedelta(hours=rng.randrange(1, 48))).isoformat()
            inbound = {"type": "contact", "at": later, "channel": "call", "direction": "inbound",
                       "outcome": "conversation", "debt_id": rng.choice(debts)}  # fmt: skip
            yield {"record": "event", "consumer_id": cid, "event": inbound}
        if rng.random() < 0.01:
            later = (at + dt.timedelta(hours=2)).isoformat()
            block = rng.choice(
                [
                    {"type": "opt_out", "at": later, "channel": "sms"},
                    {"type": "cease_request", "at": later, "written": True},
                    {"type": "inconvenient_time", "at": later, "days": ["mon", "tue", "wed"],
                     "from": "17:00", "to": "21:00"},
                ]
            )  # fmt: skip
            yield {"record": "event", "consumer_id": cid, "event": block}


def write_log(path: pathlib.Path, contacts: int, seed: int) -> int:
    """Write a log of ``contacts`` outbound contacts; returns the number of lines."""
    rng = random.Random(seed)
    lines = 0
    with path.open("w", encoding="utf-8") as out:
        for index in range((contacts + CONTACTS_PER_CONSUMER - 1) // CONTACTS_PER_CONSUMER):
            for record in consumer_lines(rng, index):
                out.write(json.dumps(record, separators=(",", ":")) + "\n")
                lines += 1
    return lines


def _peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux (bytes on macOS; this benchmark reports Linux figures).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(path: pathlib.Path, total_lines: int) -> dict[str, Any]:
    engine = Engine.load()
    summary = AuditSummary()
    checkpoints = {total_lines * q // 4 for q in (1, 2, 3, 4)}
    memory: list[float] = []
    start = time.perf_counter()
    with path.open("rb") as stream:

        def lines() -> Iterator[bytes]:
            for number, line in enumerate(stream, start=1):
                if number in checkpoints:
                    memory.append(round(_peak_rss_mib(), 1))
                yield line

        for item in LogAuditor(engine).audit(lines()):
            summary.add(item)
    elapsed = time.perf_counter() - start
    return {
        "lines": total_lines,
        "contacts": summary.contacts,
        "violations": summary.violations,
        "errors": summary.errors,
        "seconds": round(elapsed, 2),
        "contacts_per_second": round(summary.contacts / elapsed),
        "peak_rss_mib_at_quarters": memory,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", help="write the log here and keep it")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    args = parser.parse_args()
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(args.keep) if args.keep else pathlib.Path(tmp) / "log.jsonl"
        print(f"writing {args.contacts} contacts to {path} ...", file=sys.stderr)
        total = write_log(path, args.contacts, args.seed)
        result = run(path, total)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
