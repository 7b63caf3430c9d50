"""contactrules side by side with peer engines on the same work, then at full size and at scale.

    python benchmarks/compare.py [--n 20000] [--events 20] [--seed 1] [--json]

1. Comparison (issue 7, item 1). A seeded workload (``workload.py``, profile ``mixed``) is decided
   under the benchmark rules of ``benchmarks/rulesets/compare`` (ten rules, federal plus a
   Massachusetts cap and a California Sunday ban) by: (a) contactrules from prebuilt ``Request``
   objects; (b) contactrules from JSON text; (c) contactrules' durable-rules backend, when this
   contactrules has one; (d) zen-engine with the rules as a JDM decision table; (e) hand-written
   Python; (f) the rule-engine package. Every engine's decision (allowed, and the set of violated
   rule ids) must equal (a)'s on every request, or the run stops before printing any number.
2. Full rulesets: the bundled federal and state rulesets, (a), (b), ``contactrules check --jsonl``
   end to end as a subprocess (its output checked against (a)), and ``next_allowed_at``.
3. Scaling (item 3): contactrules (a) against history length and the number of loaded
   jurisdictions.

Single thread pinned to one CPU (the ``check`` subprocess inherits it), ``time.perf_counter``,
median of ``--repeats`` repeats of at least one second each. Progress goes to stderr; the tables
(or ``--json``) to stdout. ``--profile EVENTS`` instead prints a pyinstrument profile of (a) under
the full rulesets with histories of that length.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402
import workload  # noqa: E402
from bench_evaluate import bench_next_allowed  # noqa: E402
from contactrules import Decision, Engine, parse_request  # noqa: E402
from contactrules.models.request import Request  # noqa: E402
from contactrules.ruleset.loader import bundled_root  # noqa: E402
from timing import cpu_name, pin_one_cpu, throughput, traced  # noqa: E402

Outcome = tuple[bool, frozenset[str]]  # allowed, violated rule ids
Decide = Callable[[Any], Any]

HISTORY_LENGTHS = (10, 100, 1_000, 10_000)
# Past events generated per history row at most: long histories get fewer requests.
HISTORY_EVENT_BUDGET = 200_000
MIN_HISTORY_REQUESTS = 20
# The workload's states, most frequent first (workload.PLACE_WEIGHTS), and nine it never uses.
WORKLOAD_STATES = ("ca", "ny", "fl", "il", "ma", "co", "az", "de", "hi")
OTHER_STATES = ("tx", "wa", "or", "pa", "oh", "ga", "nc", "va", "mi")
MEMORY_BATCH = 1_000


class Unavailable(Exception):
    """An engine that cannot be built here (an optional package or backend is missing)."""


@dataclass
class Candidate:
    key: str
    label: str
    encodes: str
    build: Callable[[], Decide]
    read: Callable[[Any], Outcome]
    items: Sequence[Any]


def _from_decision(decision: Decision) -> Outcome:
    return decision.allowed, frozenset(v.rule_id for v in decision.violations)


def _from_ids(ids: frozenset[str]) -> Outcome:
    return not ids, ids


# ------------------------------------------------------------------------------------ candidates
def _contactrules(backend: str = "native") -> Decide:
    try:
        engine = Engine.from_paths(peers.COMPARE_RULESETS, backend=backend)  # type: ignore[arg-type]
    except (ValueError, ImportError) as exc:
        raise Unavailable(f"{type(exc).__name__}: {exc}") from None
    return engine.evaluate


def _optional(factory: Callable[[], Decide], package: str) -> Callable[[], Decide]:
    def build() -> Decide:
        try:
            return factory()
        except ImportError:
            raise Unavailable(f"{package} is not installed (pip install -e '.[bench]')") from None

    return build


def candidates(models: list[Request], texts: list[str]) -> list[Candidate]:
    return [
        Candidate(
            "a",
            "contactrules, prebuilt Request",
            "the YAML rules, compiled",
            _contactrules,
            _from_decision,
            models,
        ),
        Candidate(
            "b",
            "contactrules, JSON text",
            "same, plus JSON decoding and validation",
            _contactrules,
            _from_decision,
            texts,
        ),
        Candidate(
            "c",
            "contactrules, durable-rules backend",
            "the YAML rules, on durable_rules",
            lambda: _contactrules("durable"),
            _from_decision,
            models,
        ),
        Candidate(
            "d",
            "zen-engine (JDM decision table)",
            "features in Python + 12-row table",
            _optional(peers.ZenDecider, "zen-engine"),
            _from_ids,
            models,
        ),
        Candidate(
            "e",
            "hand-written Python (floor)",
            "features in Python + ifs",
            peers.Floor,
            _from_ids,
            models,
        ),
        Candidate(
            "f",
            "rule-engine package",
            "features in Python + 12 expressions",
            _optional(peers.RuleEngineDecider, "rule-engine"),
            _from_ids,
            models,
        ),
    ]


# ---------------------------------------------------------------------------------- comparison
def check_same(name: str, got: list[Outcome], expected: list[Outcome], what: list[str]) -> None:
    """Stop the run, loudly, when an engine decides any request differently from (a)."""
    wrong = [i for i, (g, e) in enumerate(zip(got, expected, strict=True)) if g != e]
    if not wrong:
        return
    lines = [f"{name} disagrees with contactrules (a) on {len(wrong)} of {len(got)} requests:"]
    for i in wrong[:5]:
        lines.append(f"  #{i} {what[i]}: expected {_show(expected[i])}, got {_show(got[i])}")
    raise SystemExit("\n".join(lines))


def _show(outcome: Outcome) -> str:
    allowed, ids = outcome
    return f"allowed={allowed} violations={sorted(ids)}"


def _describe(model: Request) -> str:
    contact = model.contact
    states = ",".join(loc.state or "?" for loc in model.consumer.locations)
    return (
        f"{contact.channel} at {contact.at:%Y-%m-%d %H:%M}Z, {states}, {len(model.events)} events"
    )


def run_comparison(
    models: list[Request], texts: list[str], repeats: int, log: Callable[[str], None]
) -> dict[str, Any]:
    """Build every candidate, check its decisions against (a), then time it."""
    what = [_describe(m) for m in models]
    built: list[tuple[Candidate, Decide, dict[str, Any]]] = []
    rows: list[dict[str, Any]] = []
    expected: list[Outcome] = []
    for candidate in candidates(models, texts):
        row: dict[str, Any] = {"key": candidate.key, "label": candidate.label}
        row["encodes"] = candidate.encodes
        rows.append(row)
        try:
            start = time.perf_counter()
            decide, _, retained = traced(candidate.build)
            row["build_ms"] = (time.perf_counter() - start) * 1e3
            row["build_kib"] = retained / 1024
        except Unavailable as exc:
            row["status"] = f"not available: {exc}"
            log(f"({candidate.key}) {row['status']}")
            continue
        log(f"({candidate.key}) deciding {len(candidate.items)} requests, checking decisions")
        outcomes = [candidate.read(decide(item)) for item in candidate.items]
        if candidate.key == "a":
            expected = outcomes
        check_same(f"({candidate.key}) {candidate.label}", outcomes, expected, what)
        row["status"] = "identical decisions"
        built.append((candidate, decide, row))
    facts = [peers.features(m) for m in models]
    for candidate, decide, row in built:
        log(f"({candidate.key}) timing")
        row.update(throughput(decide, candidate.items, repeats, warmup=0))
        over_features = getattr(decide, "decide", None)
        if over_features is not None:
            row["engine_only"] = throughput(over_features, facts, repeats, warmup=0)
        batch = candidate.items[:MEMORY_BATCH]
        _, peak, _ = traced(lambda d=decide, b=batch: [d(item) for item in b])  # type: ignore[misc]
        row["peak_kib"] = peak / 1024
        row["memory_batch"] = len(batch)
    reference = next(row for row in rows if row["key"] == "a")
    for row in rows:
        if "per_second" in row:
            row["vs_a"] = row["per_second"] / reference["per_second"]
    violated = collections.Counter(rule for _, ids in expected for rule in ids)
    return {
        "rows": rows,
        "requests": len(models),
        "allowed_share": sum(allowed for allowed, _ in expected) / len(expected),
        "violations_per_rule": dict(sorted(violated.items())),
    }


# -------------------------------------------------------------------------------- full rulesets
def _cli() -> list[str]:
    script = pathlib.Path(sys.executable).parent / "contactrules"
    return [str(script)] if script.exists() else [sys.executable, "-m", "contactrules"]


def _run_check(path: pathlib.Path, out: pathlib.Path) -> float:
    with out.open("w") as sink:
        start = time.perf_counter()
        proc = subprocess.run(
            [*_cli(), "check", "--jsonl", str(path)], stdout=sink, stderr=subprocess.PIPE
        )
        elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some contact denied; 2: an invalid line
        raise SystemExit(f"contactrules check --jsonl failed ({proc.returncode}): {proc.stderr!r}")
    return elapsed


def bench_check_jsonl(texts: list[str], expected: list[Outcome], repeats: int) -> dict[str, Any]:
    """``contactrules check --jsonl`` over a JSONL file, as a subprocess, its output checked."""
    with tempfile.TemporaryDirectory() as tmp:
        requests, empty, out = (pathlib.Path(tmp) / name for name in ("in", "empty", "out"))
        requests.write_text("".join(text + "\n" for text in texts))
        empty.write_text("")
        startup = statistics.median(_run_check(empty, out) for _ in range(repeats))
        times = [_run_check(requests, out) for _ in range(repeats)]
        got = [_from_decision_json(json.loads(line)) for line in out.read_text().splitlines()]
    check_same(
        "contactrules check --jsonl", got, expected, [f"line {i + 1}" for i in range(len(got))]
    )
    total = statistics.median(times)
    return {
        "lines": len(texts),
        "seconds": total,
        "lines_per_second": len(texts) / total,
        "startup_seconds": startup,
        "steady_lines_per_second": len(texts) / max(total - startup, 1e-9),
    }


def _from_decision_json(obj: dict[str, Any]) -> Outcome:
    return bool(obj["allowed"]), frozenset(v["rule_id"] for v in obj["violations"])


def run_full(
    models: list[Request],
    texts: list[str],
    args: argparse.Namespace,
    log: Callable[[str], None],
) -> dict[str, Any]:
    engine = Engine.load()
    log("full rulesets: checking check --jsonl against evaluate(Request)")
    expected = [_from_decision(engine.evaluate(m)) for m in models]
    cli = bench_check_jsonl(texts, expected, args.repeats)
    log("full rulesets: (a) and (b)")
    prebuilt = throughput(engine.evaluate, models, args.repeats, warmup=0)
    from_json = throughput(engine.evaluate, texts, args.repeats, warmup=0)
    log("full rulesets: next_allowed_at")
    next_allowed = bench_next_allowed(engine, max(1000, len(models) // 4), args.events, args.seed)
    return {
        "rulesets": len(engine.rulesets),
        "rule_versions": len(engine.rules()),
        "jurisdictions": len(engine.jurisdictions),
        "prebuilt": prebuilt,
        "json": from_json,
        "check_jsonl": cli,
        "next_allowed": {
            "allowed_us": next_allowed["allowed"]["us_per_call"],
            "denied_us": next_allowed["denied_time_of_day"]["us_per_call"],
            "ratio": next_allowed["ratio"],
        },
        "allowed_share": sum(allowed for allowed, _ in expected) / len(expected),
    }


# -------------------------------------------------------------------------------------- scaling
def history_rows(
    engine: Engine, n: int, seed: int, lengths: Sequence[int], repeats: int
) -> list[dict[str, Any]]:
    """Cost against history length; where pyinstrument is installed, also the share of it spent
    indexing the events (``Context.build``) and counting windows (caps and cooldowns)."""
    rows = []
    for events in lengths:
        count = max(MIN_HISTORY_REQUESTS, min(n, HISTORY_EVENT_BUDGET // events))
        models = [parse_request(r) for r in workload.generate(count, events, seed + events)]
        timing = throughput(engine.evaluate, models, repeats, warmup=min(200, count))
        row: dict[str, Any] = {"events": events, "requests": count, **timing}
        shares = profiled_shares(engine, models)
        if shares is not None:
            row.update({f"{part}_us": share * row["us_per_call"] for part, share in shares.items()})
        rows.append(row)
    base = rows[0]
    for row in rows:
        row["vs_first"] = row["us_per_call"] / base["us_per_call"]
    return rows


# Where a decision's time goes, by (file, function) of the frames that own it. Each part is
# summed on its own (a part may lie inside another: consent windows are built by caps).
PARTS: dict[str, tuple[tuple[str, str], ...]] = {
    "indexing": (("context.py", "build"),),
    "window_counts": (("frequency_cap.py", "check"), ("cooldown.py", "check")),
    "consent_windows": (("exemptions.py", "windows"),),
}


def profiled_shares(
    engine: Engine, models: list[Request], seconds: float = 2.0
) -> dict[str, float] | None:
    """The share of ``engine.evaluate``'s time spent in each of PARTS, sampled by pyinstrument."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    profiler = Profiler(interval=0.0002)
    profiler.start()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for model in models:
            engine.evaluate(model)
    profiler.stop()
    root = profiler.last_session.root_frame() if profiler.last_session else None
    if root is None or not root.time:
        return None
    return {part: _owned(root, owners) / root.time for part, owners in PARTS.items()}


def _owned(frame: Any, owners: tuple[tuple[str, str], ...]) -> float:
    """The time of the outermost frames under ``frame`` that belong to one of ``owners``."""
    path = frame.file_path or ""
    if any(path.endswith(name) and frame.function == function for name, function in owners):
        return float(frame.time)
    return sum(_owned(child, owners) for child in frame.children)


def _state_files(codes: Sequence[str]) -> list[pathlib.Path]:
    return [bundled_root() / "us" / "states" / f"{code}.yaml" for code in codes]


def jurisdiction_rows(models: list[Request], repeats: int) -> list[dict[str, Any]]:
    federal = bundled_root() / "us" / "federal"
    setups: list[tuple[str, Callable[[], Engine]]] = [
        ("US only", lambda: Engine.from_paths(federal)),
        (
            "US + 9 states of the workload",
            lambda: Engine.from_paths(federal, *_state_files(WORKLOAD_STATES)),
        ),
        (
            "US + 9 states not in the workload",
            lambda: Engine.from_paths(federal, *_state_files(OTHER_STATES)),
        ),
        ("all bundled", Engine.load),
    ]
    rows = []
    for label, build in setups:
        engine = build()
        timing = throughput(engine.evaluate, models, repeats, warmup=min(1000, len(models)))
        traced_rules = statistics.fmean(len(engine.evaluate(m).evaluated) for m in models[:1000])
        rows.append(
            {
                "loaded": label,
                "jurisdictions": len(engine.jurisdictions),
                "rule_versions": len(engine.rules()),
                "rules_traced": traced_rules,
                **timing,
            }
        )
    return rows


def profile(events: int, n: int, seed: int) -> str:
    """A pyinstrument profile of (a), full rulesets, histories of ``events`` events."""
    from pyinstrument import Profiler  # optional: the "bench" extra

    engine = Engine.load()
    count = max(MIN_HISTORY_REQUESTS, min(n, HISTORY_EVENT_BUDGET // events))
    models = [parse_request(r) for r in workload.generate(count, events, seed + events)]
    for model in models[:50]:
        engine.evaluate(model)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        for model in models:
            engine.evaluate(model)
    profiler.stop()
    text: str = profiler.output_text(unicode=True, color=False, show_all=False)
    return text


# --------------------------------------------------------------------------------------- output
def _rate(row: dict[str, Any]) -> str:
    return f"{row['per_second']:,.0f}"


def markdown(result: dict[str, Any]) -> str:
    env = result["environment"]
    out = [
        f"contactrules compare: Python {env['python']} on {env['machine']} ({env['cpu']}), "
        f"{env['affinity']}; n={env['n']}, events={env['events']}, seed={env['seed']}, "
        f"repeats={env['repeats']}",
        "",
    ]
    if "comparison" in result:
        out += _comparison_table(result["comparison"])
    if "full" in result:
        out += _full_table(result["full"])
    if "history" in result:
        out += _history_table(result["history"])
    if "jurisdictions" in result:
        out += _jurisdiction_table(result["jurisdictions"])
    return "\n".join(out)


def _comparison_table(comparison: dict[str, Any]) -> list[str]:
    out = [
        f"### Same work, same decisions ({comparison['requests']:,} requests, benchmark rules)",
        "",
        "| engine | encodes | decisions/s | µs/decision | × (a) | engine alone, over features "
        f"| build | peak, {MEMORY_BATCH:,} decisions | status |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in comparison["rows"]:
        if "per_second" not in row:
            out.append(
                f"| ({row['key']}) {row['label']} | {row['encodes']} | – | – | – | – | – | – | "
                f"{row['status']} |"
            )
            continue
        out.append(
            f"| ({row['key']}) {row['label']} | {row['encodes']} | {_rate(row)} | "
            f"{row['us_per_call']:.1f} | {row['vs_a']:.2f} | {_engine_only(row)} | "
            f"{row['build_ms']:.0f} ms | "
            f"{row['peak_kib']:,.0f} KiB | {row['status']} |"
        )
    by_key = {row["key"]: row for row in comparison["rows"] if "per_second" in row}
    out.append("")
    if "d" in by_key:
        ratio = by_key["a"]["per_second"] / by_key["d"]["per_second"]
        out.append(f"contactrules (a) ÷ zen-engine (d): {ratio:.2f}x (issue 7 target: >= 2.5x).")
    violations = ", ".join(f"{k} {v:,}" for k, v in comparison["violations_per_rule"].items())
    out += [
        f"Allowed: {comparison['allowed_share']:.1%}. Violations per rule: {violations}.",
        "Engine alone: the peer deciding over features derived beforehand (not counted), as "
        "issue 7's reference figures were measured; the decisions/s column counts deriving them.",
        "Peak memory is tracemalloc's (Python allocations only: zen-engine's Rust heap is not "
        "seen).",
        "",
    ]
    return out


def _engine_only(row: dict[str, Any]) -> str:
    alone = row.get("engine_only")
    if alone is None:
        return "–"
    return f"{alone['per_second']:,.0f} /s ({alone['us_per_call']:.1f} µs)"


def _full_table(full: dict[str, Any]) -> list[str]:
    pre, js, cli, nxt = full["prebuilt"], full["json"], full["check_jsonl"], full["next_allowed"]
    return [
        f"### Full bundled rulesets ({full['rulesets']} files, {full['rule_versions']} rule "
        f"versions, {full['jurisdictions']} jurisdictions)",
        "",
        "| measure | rate | µs | target | notes |",
        "| --- | ---: | ---: | --- | --- |",
        f"| (a) evaluate(Request), prebuilt | {_rate(pre)} /s | {pre['us_per_call']:.1f} | "
        f">= 50,000 /s | {full['allowed_share']:.0%} allowed |",
        f"| (b) evaluate(str), JSON text | {_rate(js)} /s | {js['us_per_call']:.1f} | | |",
        f"| contactrules check --jsonl, end to end | {cli['lines_per_second']:,.0f} lines/s | "
        f"{cli['seconds'] / cli['lines'] * 1e6:.1f} | >= 20,000 lines/s | "
        f"{cli['lines']:,} lines in {cli['seconds']:.2f} s, of which "
        f"{cli['startup_seconds']:.2f} s start-up; "
        f"{cli['steady_lines_per_second']:,.0f} lines/s after it; output checked against (a) |",
        f"| next_allowed_at searched vs an allowed decision | {nxt['ratio']:.2f}x | "
        f"{nxt['denied_us']:.1f} vs {nxt['allowed_us']:.1f} | <= 3x | night vs clean workload |",
        "",
    ]


def _history_table(rows: list[dict[str, Any]]) -> list[str]:
    first = rows[0]["events"]
    out = [
        "### Scaling with history length (contactrules (a), full rulesets)",
        "",
        "| past events | requests | decisions/s | µs/decision | × first row | if logarithmic | "
        "if linear | indexing events, µs | caps and cooldowns, µs | of which consent windows, "
        "µs |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        log_bound = math.log(row["events"]) / math.log(first)
        parts = " | ".join(
            f"{row[key]:,.1f}" if key in row else "–"
            for key in ("indexing_us", "window_counts_us", "consent_windows_us")
        )
        out.append(
            f"| {row['events']:,} | {row['requests']:,} | {_rate(row)} | "
            f"{row['us_per_call']:,.1f} | {row['vs_first']:.2f} | {log_bound:.2f} | "
            f"{row['events'] / first:,.0f} | {parts} |"
        )
    out += [
        "",
        "Indexing (Context.build: sort and group every event), caps and cooldowns (the "
        "frequency_cap and cooldown checks) and the consent windows they build (Reg F "
        "1006.14(b)(3) exemptions, kinds/exemptions.py) are pyinstrument's share of the time, "
        "applied to the µs/decision; – without pyinstrument.",
        "",
    ]
    return out


def _jurisdiction_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "### Scaling with loaded jurisdictions (contactrules (a), same workload)",
        "",
        "| loaded | jurisdictions | rule versions | rules traced/decision | decisions/s | "
        "µs/decision |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        out.append(
            f"| {row['loaded']} | {row['jurisdictions']} | {row['rule_versions']} | "
            f"{row['rules_traced']:.1f} | {_rate(row)} | {row['us_per_call']:.1f} |"
        )
    return [*out, ""]


# ----------------------------------------------------------------------------------------- main
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="contactrules against peer engines")
    parser.add_argument("--n", type=int, default=20_000, help="requests in the workload")
    parser.add_argument("--events", type=int, default=20, help="past events per request")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats per measure")
    parser.add_argument(
        "--history",
        type=int,
        nargs="+",
        default=list(HISTORY_LENGTHS),
        metavar="EVENTS",
        help="history lengths for the scaling table",
    )
    parser.add_argument("--skip-full", action="store_true", help="skip the full-ruleset section")
    parser.add_argument("--skip-scaling", action="store_true", help="skip the scaling tables")
    parser.add_argument("--only-scaling", action="store_true", help="only the scaling tables")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    parser.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    parser.add_argument(
        "--profile", type=int, metavar="EVENTS", help="print a pyinstrument profile and stop"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    affinity = "not pinned" if args.no_pin else pin_one_cpu()
    if args.profile:
        print(profile(args.profile, args.n, args.seed))
        return 0

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    log(f"workload: {args.n} requests with {args.events} past events (seed {args.seed})")
    requests = workload.generate(args.n, args.events, args.seed, "mixed")
    models = [parse_request(r) for r in requests]
    texts = [json.dumps(r) for r in requests]
    result: dict[str, Any] = {
        "environment": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpu": cpu_name(),
            "affinity": affinity,
            "n": args.n,
            "events": args.events,
            "seed": args.seed,
            "repeats": args.repeats,
            "date": time.strftime("%Y-%m-%d"),
        }
    }
    if not args.only_scaling:
        result["comparison"] = run_comparison(models, texts, args.repeats, log)
        if not args.skip_full:
            result["full"] = run_full(models, texts, args, log)
    if not args.skip_scaling:
        log("scaling: history length")
        result["history"] = history_rows(
            Engine.load(), args.n, args.seed, args.history, args.repeats
        )
        log("scaling: loaded jurisdictions")
        result["jurisdictions"] = jurisdiction_rows(models, args.repeats)
    print(json.dumps(result, indent=2) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
