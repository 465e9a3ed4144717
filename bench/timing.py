"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    """The median of `repeat` timed calls of `fn`, in ms; one call first, not counted (warm
    caches, the statement cache, the first plan)."""
    fn()
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return 1000 * statistics.median(runs)
