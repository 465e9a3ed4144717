"""The wall's CPU budget: over it, the least important tiles fall back to keyframes only."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

BUDGET_FRACTION = 0.9  # of the machine's cores: leave some for the GUI thread and the rest


def default_budget_cores(fraction: float = BUDGET_FRACTION, cpu_count: int | None = None) -> float:
    """`fraction` of this machine's cores (os.cpu_count(); 1 if unknown)."""
    cores = cpu_count if cpu_count is not None else (os.cpu_count() or 1)
    return fraction * cores


class CpuSampler:
    """The process's CPU use, in cores, over the time since the previous sample.

    Counts every thread of the process (decoders, GUI, everything): the budget is about the
    machine staying responsive, not about decoding alone. Clock and CPU time are injectable.
    """

    def __init__(
        self,
        cpu_time: Callable[[], float] = time.process_time,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._cpu_time = cpu_time
        self._clock = clock
        self._last: tuple[float, float] | None = None

    def sample(self) -> float | None:
        """Cores used since the previous call (1.0 = one core busy); None on the first call."""
        now, cpu = self._clock(), self._cpu_time()
        last, self._last = self._last, (now, cpu)
        if last is None or now <= last[0]:
            return None
        return max(0.0, (cpu - last[1]) / (now - last[0]))


@dataclass(frozen=True, slots=True)
class BudgetConfig:
    """The budget and its hysteresis."""

    budget_cores: float  # e.g. default_budget_cores(): 0.9 x the machine's cores
    over_hold_s: float = 3.0  # over the budget this long: degrade one more tile
    under_fraction: float = 0.7  # "well under" is below this fraction of the budget
    under_hold_s: float = 5.0  # well under this long: restore one tile
    keep_full: int = 1  # the most important tiles (the maximised or selected one) never degrade

    def __post_init__(self) -> None:
        if self.budget_cores <= 0:
            raise ValueError(f"budget_cores must be positive, not {self.budget_cores}")
        if not 0 < self.under_fraction < 1:
            raise ValueError(f"under_fraction must be between 0 and 1, not {self.under_fraction}")
        if self.over_hold_s < 0 or self.under_hold_s < 0 or self.keep_full < 0:
            raise ValueError("hold times and keep_full must not be negative")


class CpuBudget(Generic[K]):
    """Decides which tiles decode keyframes only, from the CPU use measured over time.

    The state is one number, how many tiles are degraded; they are always the least important
    ones of the order given to :meth:`update` (most important first: the maximised or selected
    tile, then layout order), so a tile that becomes important gets full decoding back at once
    and another takes its place. Over the budget for `over_hold_s`, one more tile degrades; well
    under it (below `under_fraction`) for `under_hold_s`, one is restored. Each step restarts
    the hold, so the measurement after a change shows its effect before the next step; between
    the two thresholds nothing changes. Pure logic: the caller supplies time and measurements.
    """

    def __init__(self, config: BudgetConfig) -> None:
        self.config = config
        self._degraded_count = 0
        self._over_since: float | None = None
        self._under_since: float | None = None
        self._degraded: frozenset[K] = frozenset()

    @property
    def degraded(self) -> frozenset[K]:
        """The tiles that decode keyframes only, as of the latest update."""
        return self._degraded

    @property
    def degraded_count(self) -> int:
        return self._degraded_count

    def update(self, now: float, cores_used: float | None, tiles: Sequence[K]) -> frozenset[K]:
        """Take one measurement (None: no measurement yet) and return the degraded tiles.

        Args:
            now: A monotonic time in seconds.
            cores_used: The process's CPU use since the previous update, in cores.
            tiles: The visible tiles, most important first.
        """
        cfg = self.config
        eligible = max(0, len(tiles) - cfg.keep_full)
        self._degraded_count = min(self._degraded_count, eligible)
        if cores_used is None:
            pass
        elif cores_used > cfg.budget_cores:
            self._under_since = None
            if self._over_since is None:
                self._over_since = now
            elif now - self._over_since >= cfg.over_hold_s and self._degraded_count < eligible:
                self._degraded_count += 1
                self._over_since = now
        elif cores_used < cfg.under_fraction * cfg.budget_cores:
            self._over_since = None
            if self._under_since is None:
                self._under_since = now
            elif now - self._under_since >= cfg.under_hold_s and self._degraded_count > 0:
                self._degraded_count -= 1
                self._under_since = now
        else:
            # Inside the band: hold what we have.
            self._over_since = self._under_since = None
        count = self._degraded_count
        self._degraded = frozenset(tiles[len(tiles) - count :]) if count else frozenset()
        return self._degraded

    def reset(self) -> None:
        """Every tile at full decoding again (a new layout, a new view)."""
        self._degraded_count = 0
        self._over_since = self._under_since = None
        self._degraded = frozenset()
