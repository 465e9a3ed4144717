"""The tracking domain's own rates: location engine and care rules per read, the simulator's pace.

`python -m bench.tracking_engine [--seconds 60]`: the demo site's 1,000 people and 200 vehicles
simulated (read rate raised to give a few hundred thousand reads), then fed in one thread
through the location engine alone, the engine with the care rules, and the baseline: a dict
update per read doing nothing else. Rates are the best of three runs over the same items.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

Row = tuple[str, float, float, str]

START = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai: people are out and about


def _best_rate(run: Callable[[], int], repeats: int = 3) -> float:
    best = 0.0
    for _ in range(repeats):
        t = time.perf_counter()
        n = run()
        best = max(best, n / (time.perf_counter() - t))
    return best


def _items(seconds: int, read_hz: float) -> tuple[list[object], float]:
    from console.paths import demo_site_file
    from core.geo import demo_transform
    from core.site import load_site
    from hardware.tracking.sim import SimTracking, synthetic_subjects

    site = load_site(demo_site_file())
    people, vehicles = synthetic_subjects(site, 1000, 200)
    sim = SimTracking(
        site, people, vehicles, demo_transform(), seed=1, start=START, read_hz=read_hz
    )
    items: list[object] = []
    t = time.perf_counter()
    for _ in range(seconds):
        items += sim.step(1.0)
    pace = seconds / (time.perf_counter() - t)
    return items, pace


def engine_rows(seconds: int = 60) -> list[Row]:
    """Reads/s through the engine (with and without rules) vs a bare dict update per read."""
    from console.paths import demo_site_file
    from core.care_rules import CareRules, SubjectKind, profile_for
    from core.geo import demo_transform
    from core.location import LocationEngine
    from core.site import load_site
    from core.tracking import GpsFix, TagRead
    from hardware.tracking.sim import synthetic_subjects

    site = load_site(demo_site_file())
    transform = demo_transform()
    # Eight times the demo's read rate: as many reads as a busy street, same movement.
    items, _ = _items(seconds, read_hz=4.0)
    reads: Sequence[TagRead] = [i for i in items if isinstance(i, TagRead)]
    _, pace = _items(min(seconds, 120), read_hz=0.5)
    zone_community = {z.code: z.community for z in site.zones}
    people, vehicles = synthetic_subjects(site, 1000, 200)
    profiles = [
        profile_for(site, p.tag, SubjectKind(p.kind), zone_community[p.zone]) for p in people
    ]

    def baseline() -> int:
        latest: dict[str, TagRead] = {}
        for read in reads:
            latest[read.tag] = read
        return len(reads)

    placements = 0
    history_rows = 0

    def engine_only(collapse: bool) -> Callable[[], int]:
        def run() -> int:
            nonlocal placements, history_rows
            engine = LocationEngine(
                site.readers, site.zones, transform=transform, collapse=collapse
            )
            feed = engine.feed
            for read in reads:
                feed(read)
            placements = engine.placements
            history_rows = len(engine.take_history(None))
            return len(reads)

        return run

    def with_rules() -> int:
        engine = LocationEngine(site.readers, site.zones, transform=transform)
        rules = CareRules(profiles, now=START)
        feed, on_read, on_placement = engine.feed, rules.on_read, rules.on_placement
        next_tick = 0.0
        for item in items:
            if isinstance(item, TagRead):
                on_read(item)
                placement = feed(item)
            else:
                assert isinstance(item, GpsFix)
                rules.on_fix(item)
                placement = engine.feed_fix(item)
            if placement is not None:
                on_placement(placement)
            ts = item.at.timestamp()
            if ts >= next_tick:  # the ingest ticks the rules once a second
                rules.tick(item.at)
                next_tick = ts + 1.0
        return len(items)

    base = _best_rate(baseline)
    collapsed = _best_rate(engine_only(True))
    collapsed_rows = history_rows
    plain = _best_rate(engine_only(False))
    ruled = _best_rate(with_rules)
    n = len(reads)
    return [
        (
            "location engine + history collapse (reads/s)",
            collapsed,
            base,
            f"{n:,} simulated reads; budget ≥ 200,000/s: a quarter of the 50,000/s end to end",
        ),
        ("location engine alone (reads/s)", plain, base, "no history collapsing"),
        (
            "engine + care rules (items/s)",
            ruled,
            base,
            f"{len(profiles):,} profiles; on_read, on_placement, a tick per sim second",
        ),
        (
            "placements per 1,000 reads",
            1000.0 * placements / n,
            1000.0,
            "what the DB writes and the map redraws, vs one per read",
        ),
        (
            "history rows per 1,000 reads",
            1000.0 * collapsed_rows / n,
            1000.0,
            "3 s collapse window; counts kept",
        ),
        (
            "simulator pace (sim s per s)",
            pace,
            1.0,
            f"1,000 people, {len(vehicles)} vehicles, demo read rate; baseline real time",
        ),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench.tracking_engine")
    ap.add_argument("--seconds", type=int, default=60, help="simulated seconds of reads")
    args = ap.parse_args()
    print(f"{'measure':<46}{'value':>14}{'baseline':>14}{'ratio':>8}  note")
    for name, value, base, note in engine_rows(args.seconds):
        ratio = value / base if base else float("nan")
        print(f"{name:<46}{value:>14,.1f}{base:>14,.1f}{ratio:>8.3f}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
