"""The CPU budget: which tiles decode keyframes only, with hysteresis, from injected samples."""

from __future__ import annotations

import pytest

from video.budget import BudgetConfig, CpuBudget, CpuSampler, default_budget_cores

TILES = ["max", "t1", "t2", "t3", "t4"]  # most important first


def run(budget: CpuBudget[str], start: float, seconds: int, cores: float) -> frozenset[str]:
    """One sample a second for `seconds` seconds at a steady CPU use."""
    out = budget.degraded
    for i in range(seconds):
        out = budget.update(start + i, cores, TILES)
    return out


def test_sampler_reports_cores_used_between_samples() -> None:
    clock, cpu = [100.0], [5.0]
    sampler = CpuSampler(cpu_time=lambda: cpu[0], clock=lambda: clock[0])
    assert sampler.sample() is None  # nothing to compare with yet
    clock[0], cpu[0] = 102.0, 8.0  # 3 s of CPU in 2 s: one and a half cores
    assert sampler.sample() == pytest.approx(1.5)
    assert sampler.sample() is None  # no time passed
    clock[0] = 103.0
    assert sampler.sample() == 0.0


def test_sampler_measures_this_process() -> None:
    sampler = CpuSampler()
    sampler.sample()
    sum(i * i for i in range(200_000))  # some CPU
    used = sampler.sample()
    assert used is not None
    assert used >= 0.0


def test_default_budget_is_a_fraction_of_the_cores() -> None:
    assert default_budget_cores(0.9, cpu_count=2) == pytest.approx(1.8)
    assert default_budget_cores() > 0


def test_over_budget_degrades_least_important_one_at_a_time() -> None:
    budget: CpuBudget[str] = CpuBudget(BudgetConfig(budget_cores=1.8, over_hold_s=3))
    # A short burst over the budget changes nothing.
    assert run(budget, 0, 3, 2.0) == frozenset()
    assert run(budget, 3, 1, 1.5) == frozenset()
    # Held over the budget: the last tile first, then the one before it after another hold.
    assert run(budget, 10, 4, 2.0) == {"t4"}
    assert run(budget, 14, 3, 2.0) == {"t3", "t4"}
    assert budget.degraded_count == 2


def test_the_most_important_tile_is_never_degraded() -> None:
    budget: CpuBudget[str] = CpuBudget(BudgetConfig(budget_cores=1.0, over_hold_s=1))
    assert run(budget, 0, 60, 5.0) == {"t1", "t2", "t3", "t4"}


def test_inside_the_band_nothing_changes_and_well_under_restores_one_at_a_time() -> None:
    cfg = BudgetConfig(budget_cores=2.0, over_hold_s=1, under_fraction=0.7, under_hold_s=5)
    budget: CpuBudget[str] = CpuBudget(cfg)
    assert run(budget, 0, 3, 3.0) == {"t3", "t4"}
    # Between 70 % and 100 % of the budget: held for as long as it stays there.
    assert run(budget, 100, 60, 1.6) == {"t3", "t4"}
    # Well under: the more important of the two comes back first, a hold later the other.
    assert run(budget, 200, 6, 0.5) == {"t4"}
    assert run(budget, 206, 5, 0.5) == frozenset()


def test_degraded_tiles_follow_importance_when_the_order_changes() -> None:
    budget: CpuBudget[str] = CpuBudget(BudgetConfig(budget_cores=1.0, over_hold_s=1))
    assert run(budget, 0, 3, 2.0) == {"t3", "t4"}
    # t4 is selected and moves first: it decodes every frame again, t2 takes its place.
    assert budget.update(10, 1.0, ["t4", "max", "t1", "t2", "t3"]) == {"t2", "t3"}
    # Fewer tiles: never more degraded than there are beyond the protected one.
    assert budget.update(11, 1.0, ["t4", "max"]) == {"max"}
    assert budget.update(12, 1.0, []) == frozenset()
    budget.reset()
    assert budget.update(13, 1.0, TILES) == frozenset()


def test_no_measurement_changes_nothing() -> None:
    budget: CpuBudget[str] = CpuBudget(BudgetConfig(budget_cores=1.0, over_hold_s=0))
    assert budget.update(0, None, TILES) == frozenset()
    assert budget.update(1, 5.0, TILES) == frozenset()  # the hold starts here
    assert budget.update(2, 5.0, TILES) == {"t4"}


@pytest.mark.parametrize(
    "kw",
    [
        {"budget_cores": 0},
        {"budget_cores": 1, "under_fraction": 1.0},
        {"budget_cores": 1, "keep_full": -1},
    ],
)
def test_bad_configs_are_refused(kw: dict[str, float]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - one type, several messages
        BudgetConfig(**kw)  # type: ignore[arg-type]
