"""Timing helpers shared by the benchmarks: one pinned CPU, repeated passes, median per call."""

from __future__ import annotations

import gc
import os
import pathlib
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

# Enough work per timed repeat that timer resolution and loop overhead do not matter.
MIN_SECONDS = 1.0


def pin_one_cpu() -> str:
    """Run this process (and the processes it starts) on one CPU, where the OS allows it."""
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[0]})
        return f"pinned to CPU {cpus[0]}"
    return "not pinned"


def cpu_name() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _timed_pass(fn: Callable[[Any], object], items: Sequence[Any]) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def throughput(
    fn: Callable[[Any], object],
    items: Sequence[Any],
    repeats: int = 3,
    warmup: int = 1000,
    min_seconds: float = MIN_SECONDS,
) -> dict[str, float]:
    """Best-of-``repeats`` and median per-call time of ``fn`` over ``items``.

    Each repeat runs whole passes over ``items`` until ``min_seconds`` have passed, so short
    batches (long histories, few requests) are still measured over a meaningful interval.
    """
    for item in items[:warmup]:
        fn(item)
    per_call: list[float] = []
    for _ in range(repeats):
        gc.collect()
        elapsed, calls = 0.0, 0
        while elapsed < min_seconds or calls == 0:
            elapsed += _timed_pass(fn, items)
            calls += len(items)
        per_call.append(elapsed / calls)
    best = min(per_call)
    median = statistics.median(per_call)
    return {
        "us_per_call": median * 1e6,
        "us_per_call_best": best * 1e6,
        "per_second": 1.0 / median,
        "calls": len(items),
    }


def traced(work: Callable[[], T]) -> tuple[T, int, int]:
    """``work()``'s result, with the ``tracemalloc`` peak and retained bytes of the Python
    allocations it made (the result counts as retained). Native allocations are not seen."""
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    result = work()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak - base, current - base
