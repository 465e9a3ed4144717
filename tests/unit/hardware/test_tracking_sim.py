"""The tracking simulator: determinism, RSSI by distance, demo controls, GPS, the thread."""

from __future__ import annotations

import math
import threading
from datetime import UTC, datetime

import pytest

from core.care_rules import CareRules, Rule, RuleHit, SubjectKind, TagProfile, profile_for
from core.events import WorkerFailed
from core.geo import demo_transform
from core.location import LocationEngine
from core.site import SiteSpec
from core.tracking import GpsFix, TagRead, TrackerAlarm, TrackingItem
from hardware.tracking.sim import (
    MAX_RANGE_M,
    SENSITIVITY_DBM,
    SimPerson,
    SimTracking,
    SimVehicle,
    synthetic_subjects,
)

DAY = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def _sim(
    site: SiteSpec, seed: int = 5, people: int = 1000, vehicles: int = 200, **kw: object
) -> SimTracking:
    subjects, cars = synthetic_subjects(site, people, vehicles)
    return SimTracking(site, subjects, cars, demo_transform(), seed=seed, start=DAY, **kw)  # type: ignore[arg-type]


def _run(sim: SimTracking, seconds: int, dt: float = 1.0) -> list[TrackingItem]:
    items: list[TrackingItem] = []
    for _ in range(int(seconds / dt)):
        items += sim.step(dt)
    return items


def test_same_seed_same_world(demo_site: SiteSpec) -> None:
    a = _run(_sim(demo_site, seed=11, people=200, vehicles=20), 60)
    b = _run(_sim(demo_site, seed=11, people=200, vehicles=20), 60)
    c = _run(_sim(demo_site, seed=12, people=200, vehicles=20), 60)
    assert a
    assert a == b
    assert a != c


def test_the_demo_population_reads_at_about_500_per_second(demo_site: SiteSpec) -> None:
    sim = _sim(demo_site)
    items = _run(sim, 120)
    reads = [i for i in items if isinstance(i, TagRead)]
    fixes = [i for i in items if isinstance(i, GpsFix)]
    assert 300 <= len(reads) / 120 <= 700
    assert sim.stats.reads == len(reads)
    assert sim.stats.fixes == len(fixes)
    assert len({r.tag for r in reads}) > 800  # nearly everyone is heard somewhere
    assert {f.device for f in fixes} == {v.device for v in sim.vehicles}  # all report in 2 min
    assert [i.at for i in items] == sorted(i.at for i in items)


def test_readers_hear_only_tags_in_range_with_plausible_rssi(demo_site: SiteSpec) -> None:
    sim = _sim(demo_site, people=300, vehicles=0)
    readers = {r.code: r.position for r in demo_site.readers}
    for _ in range(30):
        for item in sim.step(1.0):
            assert isinstance(item, TagRead)
            assert item.rssi is not None
            assert SENSITIVITY_DBM <= item.rssi <= -20.0
            x, y = sim.position_of(item.tag)
            where = readers[item.reader]
            assert math.dist((x, y), (where.x, where.y)) < MAX_RANGE_M
            assert item.alarms == frozenset()
            assert not item.battery_low


def test_demo_controls_raise_the_tracker_flags(demo_site: SiteSpec) -> None:
    sim = _sim(demo_site, people=100, vehicles=0, sos_per_hour=0.0, low_battery_per_hour=0.0,
               tag_removed_per_hour=0.0)  # fmt: skip
    _run(sim, 10)
    heard = sorted({i.tag for i in sim.step(5.0) if isinstance(i, TagRead)})
    sos_tag, removed_tag, battery_tag = heard[:3]
    sim.press_sos(sos_tag)
    sim.remove_tag(removed_tag)
    sim.drain_battery(battery_tag)
    where = sim.position_of(removed_tag)
    flags: dict[str, set[TrackerAlarm]] = {}
    low: set[str] = set()
    for item in _run(sim, 12):
        assert isinstance(item, TagRead)
        flags.setdefault(item.tag, set()).update(item.alarms)
        if item.battery_low:
            low.add(item.tag)
    assert flags[sos_tag] == {TrackerAlarm.SOS}
    assert flags[removed_tag] == {TrackerAlarm.TAG_REMOVED}
    assert low == {battery_tag}
    _run(sim, 3600)
    assert sim.position_of(removed_tag) == where  # a removed tag lies where it fell
    assert (sim.stats.sos, sim.stats.tags_removed, sim.stats.low_batteries) == (1, 1, 1)
    with pytest.raises(KeyError):
        sim.press_sos("NO-SUCH-TAG")


def test_vehicle_fixes_map_back_to_the_true_position(demo_site: SiteSpec) -> None:
    sim = _sim(demo_site, people=0, vehicles=20)
    transform = demo_transform()
    for _ in range(120):
        for fix in sim.step(1.0):
            assert isinstance(fix, GpsFix)
            x, y = transform.to_site(fix.lat, fix.lon)
            # GPS noise (3 m sigma) plus the vehicle's move within the step.
            assert math.dist((x, y), sim.position_of(fix.device)) < 20.0


def test_a_stolen_armed_vehicle_and_an_sos_become_rule_hits(demo_site: SiteSpec) -> None:
    """Simulator → location engine → care rules, as the ingest runs them."""
    transform = demo_transform()
    sim = SimTracking(
        demo_site,
        [SimPerson("E200000001", "Z0101", "elderly")],
        [SimVehicle("13800000001", "C05")],
        transform,
        seed=3,
        start=DAY,
        sos_per_hour=0.0,
        theft_per_hour=0.0,
        moving_vehicle_share=0.0,
    )
    engine = LocationEngine(demo_site.readers, demo_site.zones, transform=transform)
    rules = CareRules(
        [
            profile_for(demo_site, "E200000001", SubjectKind.ELDERLY, "C01"),
            TagProfile("13800000001", SubjectKind.VEHICLE, armed=True),
        ],
        now=DAY,
    )
    hits: list[RuleHit] = []

    def run(seconds: int) -> None:
        for item in _run(sim, seconds):
            if isinstance(item, TagRead):
                events = rules.on_read(item)
                placement = engine.feed(item)
            else:
                events = rules.on_fix(item)
                placement = engine.feed_fix(item)
            if placement is not None:
                events += rules.on_placement(placement)
            events += rules.tick(item.at)
            hits.extend(e for e in events if isinstance(e, RuleHit))

    run(120)
    assert hits == []
    sim.steal("13800000001")
    sim.press_sos("E200000001")
    run(600)
    firsts = {(h.tag, h.rule) for h in hits if h.first}
    assert firsts == {
        ("13800000001", Rule.VEHICLE_MOVED_ARMED),
        ("E200000001", Rule.SOS),
    }
    theft = next(h for h in hits if h.rule is Rule.VEHICLE_MOVED_ARMED)
    assert theft.last_positions  # the incident gets the trail


def test_unknown_home_zone_is_refused(demo_site: SiteSpec) -> None:
    with pytest.raises(ValueError, match="unknown home zone"):
        SimTracking(demo_site, [SimPerson("T", "Z9999", "elderly")], [], demo_transform())


class _Sink:
    def __init__(self) -> None:
        self.events: list[object] = []
        self.got = threading.Event()

    def publish(self, event: object) -> None:
        self.events.append(event)
        self.got.set()


def test_thread_delivers_everything_it_made_even_after_refusals(demo_site: SiteSpec) -> None:
    taken: list[TrackingItem] = []
    refusing = threading.Event()
    refusing.set()
    enough = threading.Event()

    def accept(item: TrackingItem) -> bool:
        if refusing.is_set():
            return False
        taken.append(item)
        if len(taken) > 2000:
            enough.set()
        return True

    sim = _sim(demo_site, people=300, vehicles=20, accept=accept, clock_factor=60.0, tick_s=0.02)
    sim.start()
    try:
        assert sim.alive
        assert sim.name == "sim:tracking"
        while sim.stats.refused < 3 and sim.alive:
            enough.wait(0.01)
        refusing.clear()
        assert enough.wait(10.0)
    finally:
        sim.stop()
        sim.interrupt()
        assert sim.join(5.0)
    stats = sim.stats
    assert stats.dropped == 0
    # Everything made was offered until taken: nothing lost, the rest still waits.
    assert len(taken) + sim.pending == stats.reads + stats.fixes
    assert taken == sorted(taken, key=lambda i: i.at)


def test_thread_reports_a_failing_consumer_and_keeps_running(demo_site: SiteSpec) -> None:
    sink = _Sink()

    def accept(item: TrackingItem) -> bool:
        raise RuntimeError("ingest exploded")

    sim = _sim(demo_site, people=200, vehicles=0, accept=accept, sink=sink, clock_factor=60.0,
               tick_s=0.02)  # fmt: skip
    sim.start()
    try:
        assert sink.got.wait(10.0)
        assert sim.alive
    finally:
        sim.stop()
        assert sim.join(5.0)
    failures = [e for e in sink.events if isinstance(e, WorkerFailed)]
    assert len(failures) == 1  # one notification per outage, not one per tick
    assert failures[0].worker == "sim:tracking"
    assert "ingest exploded" in failures[0].message


def test_start_needs_a_consumer(demo_site: SiteSpec) -> None:
    sim = _sim(demo_site, people=1, vehicles=0)
    with pytest.raises(RuntimeError, match="no accept"):
        sim.start()
    assert sim.join(0.1)


def test_a_night_walk_raises_night_wandering_until_home(demo_site: SiteSpec) -> None:
    night = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai
    transform = demo_transform()
    quiet = {"sos_per_hour": 0.0, "low_battery_per_hour": 0.0, "tag_removed_per_hour": 0.0}
    sim = SimTracking(
        demo_site,
        [SimPerson("E1", "Z0101", "dementia")],
        [],
        transform,
        seed=3,
        start=night,
        night_walks_per_hour=0.0,
        **quiet,  # type: ignore[arg-type]
    )
    engine = LocationEngine(demo_site.readers, demo_site.zones, transform=transform)
    rules = CareRules([profile_for(demo_site, "E1", SubjectKind.DEMENTIA, "C01")], now=night)
    seen: list[tuple[Rule, bool | None]] = []

    def run(seconds: int) -> None:
        for _ in range(seconds // 5):
            for item in sim.step(5.0):
                assert isinstance(item, TagRead)
                events = rules.on_read(item)
                placement = engine.feed(item)
                if placement is not None:
                    events += rules.on_placement(placement)
                seen.extend((e.rule, e.first if isinstance(e, RuleHit) else None) for e in events)
            seen.extend(
                (e.rule, e.first if isinstance(e, RuleHit) else None) for e in rules.tick(sim.now)
            )

    run(600)
    assert seen == []  # asleep at home
    sim.wander("E1")
    run(2 * 3600)
    night_events = [first for rule, first in seen if rule is Rule.NIGHT_WANDERING]
    assert night_events[0] is True
    assert night_events[-1] is None  # back home: the episode ended
    assert night_events.count(True) == 1
