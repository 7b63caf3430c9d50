"""Benchmark of contactrules: ruleset loading, decisions per second, next_allowed_at, memory.

    python benchmarks/bench_evaluate.py [--n 20000] [--events 20] [--overlay DIR] [--json]

Single thread (pinned to one CPU where the OS allows), ``time.perf_counter``, seeded workloads from
``benchmarks/workload.py``. Request models are built with ``contactrules.parse_request`` before
any timed loop, except where JSON text is the thing measured. By default the benchmark-only
overlay ``benchmarks/rulesets/state-overlay`` is loaded on top of the bundled rulesets ("federal
plus one state file"); ``--overlay none`` measures the bundled rulesets alone.
"""

from __future__ import annotations

import argparse
import gc
import json
import pathlib
import platform
import statistics
import sys
import time
import tracemalloc
from typing import Any

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import workload  # noqa: E402
from contactrules import Engine, parse_request  # noqa: E402
from contactrules.models.request import Request  # noqa: E402
from timing import cpu_name, pin_one_cpu, throughput  # noqa: E402

DEFAULT_OVERLAY = HERE / "rulesets" / "state-overlay"
HISTORY_LENGTHS = (10, 100, 1000)


# ---------------------------------------------------------------------------------------- parts
def bench_load(extra: list[pathlib.Path]) -> dict[str, Any]:
    """(a) Engine.load(): the first one (cold caches) and the median of five fresh loads."""
    start = time.perf_counter()
    engine = Engine.load(extra=extra)
    first = time.perf_counter() - start
    times = []
    for _ in range(5):
        start = time.perf_counter()
        Engine.load(extra=extra)
        times.append(time.perf_counter() - start)
    return {
        "first_ms": first * 1e3,
        "median_ms": statistics.median(times) * 1e3,
        "min_ms": min(times) * 1e3,
        "rulesets": len(engine.rulesets),
        "rule_versions": len(engine.rules()),
        "jurisdictions": list(engine.jurisdictions),
        "digest": engine.digest,
    }


def _models(requests: list[dict[str, Any]]) -> list[Request]:
    return [parse_request(r) for r in requests]


def bench_prebuilt(engine: Engine, models: list[Request]) -> dict[str, Any]:
    """(b) engine.evaluate(Request) on prebuilt models."""
    result = throughput(engine.evaluate, models)
    decisions = [engine.evaluate(m) for m in models]
    result["allowed_share"] = sum(d.allowed for d in decisions) / len(decisions)
    result["rules_evaluated_mean"] = statistics.fmean(len(d.evaluated) for d in decisions)
    return result


def bench_json(engine: Engine, requests: list[dict[str, Any]]) -> dict[str, Any]:
    """(c) engine.evaluate(str): JSON decoding and pydantic validation included."""
    texts = [json.dumps(r) for r in requests]
    result = throughput(engine.evaluate, texts)
    parse = throughput(parse_request, requests, repeats=1, warmup=200)
    result["parse_dict_us"] = parse["us_per_call"]
    result["mean_bytes"] = statistics.fmean(len(t) for t in texts)
    return result


def bench_next_allowed(engine: Engine, n: int, events: int, seed: int) -> dict[str, Any]:
    """(d) Allowed contacts vs contacts denied by time of day (next_allowed_at searched)."""
    clean = [
        m
        for m in _models(workload.generate(n, events, seed + 10, "clean"))
        if engine.evaluate(m).allowed
    ]
    night: list[Request] = []
    for model in _models(workload.generate(n, events, seed + 10, "night")):
        decision = engine.evaluate(model)
        if (
            not decision.allowed
            and decision.next_allowed_at is not None
            and any(v.rule_id == "us.regf.time-of-day" for v in decision.violations)
        ):
            night.append(model)
    allowed = throughput(engine.evaluate, clean)
    denied = throughput(engine.evaluate, night)
    return {
        "allowed": allowed,
        "denied_time_of_day": denied,
        "ratio": denied["us_per_call"] / allowed["us_per_call"],
        "next_allowed_cost_us": denied["us_per_call"] - allowed["us_per_call"],
    }


def bench_history(engine: Engine, n: int, seed: int) -> list[dict[str, Any]]:
    """(e) Cost against history length; fewer requests for long histories (same total events)."""
    rows = []
    for events in HISTORY_LENGTHS:
        count = min(n, max(200, 400_000 // events))
        requests = workload.generate(count, events, seed + events, "mixed")
        start = time.perf_counter()
        models = _models(requests)
        parse_us = (time.perf_counter() - start) / count * 1e6
        timing = throughput(engine.evaluate, models, warmup=min(200, count))
        rows.append(
            {
                "events": events,
                "requests": count,
                "us_per_call": timing["us_per_call"],
                "per_second": timing["per_second"],
                "parse_us": parse_us,
            }
        )
    return rows


def bench_memory(engine: Engine, models: list[Request], batch: int) -> dict[str, Any]:
    """(f) tracemalloc peak while deciding a batch (decisions kept), beyond the prebuilt models."""
    subset = models[:batch]
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    decisions = [engine.evaluate(m) for m in subset]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del decisions
    one_start = _single_peak(engine, subset[0])
    return {
        "batch": len(subset),
        "peak_kib": (peak - base) / 1024,
        "retained_kib": (current - base) / 1024,
        "retained_bytes_per_decision": (current - base) / len(subset),
        "single_decision_peak_kib": one_start / 1024,
    }


def _single_peak(engine: Engine, model: Request) -> int:
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    engine.evaluate(model)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak - base


# ---------------------------------------------------------------------------------------- output
def markdown(result: dict[str, Any]) -> str:
    env, load = result["environment"], result["load"]
    pre, js, nxt = result["prebuilt"], result["json"], result["next_allowed"]
    lines = [
        f"contactrules benchmark: {env['python']} on {env['machine']} ({env['cpu']}), "
        f"{env['affinity']}; n={env['n']}, events={env['events']}, seed={env['seed']}",
        f"rulesets: {load['rulesets']} files, {load['rule_versions']} rule versions, "
        f"{', '.join(load['jurisdictions'])}; overlay: {env['overlay']}",
        "",
        "| measure | value | notes |",
        "| --- | ---: | --- |",
        f"| (a) Engine.load(), median of 5 fresh loads | {load['median_ms']:.1f} ms | "
        f"first load in this process {load['first_ms']:.1f} ms |",
        f"| (b) evaluate(Request), prebuilt, {env['events']} events | "
        f"{pre['per_second']:,.0f} /s | {pre['us_per_call']:.1f} µs/decision (best "
        f"{pre['us_per_call_best']:.1f}); {pre['allowed_share']:.0%} allowed, "
        f"{pre['rules_evaluated_mean']:.1f} rules traced |",
    ]
    if "prebuilt_ma" in result:
        ma = result["prebuilt_ma"]
        lines.append(
            f"| (b') same, Massachusetts consumers only | {ma['per_second']:,.0f} /s | "
            f"{ma['us_per_call']:.1f} µs/decision; {ma['calls']} requests, "
            f"{ma['rules_evaluated_mean']:.1f} rules traced |"
        )
    lines += [
        f"| (c) evaluate(str), JSON text | {js['per_second']:,.0f} /s | "
        f"{js['us_per_call']:.1f} µs/decision; parse_request(dict) alone "
        f"{js['parse_dict_us']:.1f} µs; {js['mean_bytes']:,.0f} bytes/request |",
        f"| (d) allowed contacts (clean workload) | {nxt['allowed']['per_second']:,.0f} /s | "
        f"{nxt['allowed']['us_per_call']:.1f} µs/decision, {nxt['allowed']['calls']} requests |",
        f"| (d) denied by time of day, next_allowed_at searched | "
        f"{nxt['denied_time_of_day']['per_second']:,.0f} /s | "
        f"{nxt['denied_time_of_day']['us_per_call']:.1f} µs/decision: "
        f"{nxt['ratio']:.2f}x, +{nxt['next_allowed_cost_us']:.1f} µs |",
    ]
    for row in result["history"]:
        lines.append(
            f"| (e) history of {row['events']} events | {row['per_second']:,.0f} /s | "
            f"{row['us_per_call']:.1f} µs/decision; parse_request {row['parse_us']:.0f} µs; "
            f"{row['requests']} requests |"
        )
    mem = result["memory"]
    lines.append(
        f"| (f) tracemalloc peak, batch of {mem['batch']} decisions kept | "
        f"{mem['peak_kib']:,.0f} KiB | {mem['retained_bytes_per_decision']:,.0f} B retained per "
        f"decision; one decision peaks at {mem['single_decision_peak_kib']:.1f} KiB |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="contactrules evaluation benchmark")
    parser.add_argument("--n", type=int, default=20000, help="requests per workload")
    parser.add_argument("--events", type=int, default=20, help="past events per request")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--overlay",
        default=str(DEFAULT_OVERLAY),
        help="extra ruleset directory or file ('none' for the bundled rulesets only)",
    )
    parser.add_argument("--memory-batch", type=int, default=1000)
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    parser.add_argument("--skip-history", action="store_true", help="skip (e), the slowest part")
    parser.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    args = parser.parse_args(argv)

    affinity = "not pinned" if args.no_pin else pin_one_cpu()
    extra = [] if args.overlay.lower() == "none" else [pathlib.Path(args.overlay)]

    def log(message: str) -> None:
        if not args.json:
            print(message, file=sys.stderr)

    log("(a) loading rulesets")
    load = bench_load(extra)
    engine = Engine.load(extra=extra)

    log(f"building {args.n} requests with {args.events} events")
    requests = workload.generate(args.n, args.events, args.seed, "mixed")
    models = _models(requests)
    log("(b) evaluate(Request)")
    prebuilt = bench_prebuilt(engine, models)
    ma_models = [m for m in models if m.consumer.locations[0].state == "MA"]
    log("(c) evaluate(str)")
    from_json = bench_json(engine, requests[: max(1000, args.n // 4)])
    log("(d) next_allowed_at")
    next_allowed = bench_next_allowed(engine, max(1000, args.n // 4), args.events, args.seed)
    history: list[dict[str, Any]] = []
    if not args.skip_history:
        log("(e) history lengths")
        history = bench_history(engine, args.n, args.seed)
    log("(f) memory")
    memory = bench_memory(engine, models, args.memory_batch)

    result: dict[str, Any] = {
        "environment": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpu": cpu_name(),
            "affinity": affinity,
            "n": args.n,
            "events": args.events,
            "seed": args.seed,
            "overlay": str(extra[0]) if extra else "none",
        },
        "load": load,
        "prebuilt": prebuilt,
        "json": from_json,
        "next_allowed": next_allowed,
        "history": history,
        "memory": memory,
    }
    if ma_models:
        log("(b') Massachusetts only")
        result["prebuilt_ma"] = bench_prebuilt(engine, ma_models)
    print(json.dumps(result, indent=2) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
