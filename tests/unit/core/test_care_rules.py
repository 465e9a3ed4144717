"""Care rules: dwell, schedule, read gaps, tracker flags, night wandering, armed vehicles."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.care_rules import (
    CareRules,
    IncidentAdvice,
    OpenEpisode,
    Rule,
    RuleCleared,
    RuleEvent,
    RuleHit,
    SubjectKind,
    TagProfile,
    TimeWindow,
    incident_for,
    nearest_cameras,
    profile_for,
)
from core.location import Placement
from core.site import SiteSpec
from core.tracking import GpsFix, TagRead, TrackerAlarm

# 02:00 UTC is 10:00 in Shanghai (daytime); 15:00 UTC is 23:00 there (night).
DAY = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
NIGHT = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
HOME = frozenset({"Z1", "Z1G"})
DEMENTIA = TagProfile(
    "T1",
    SubjectKind.DEMENTIA,
    safe_zones=HOME,
    no_read_hours=4.0,
    night=TimeWindow(time(22), time(5)),
    night_zones=frozenset({"Z1"}),
)


def _at(t0: datetime, s: float) -> datetime:
    return t0 + timedelta(seconds=s)


def _place(
    t0: datetime, s: float, zone: str | None, tag: str = "T1", x: float = 0.0, y: float = 0.0
) -> Placement:
    return Placement(tag, _at(t0, s), zone, x, y, "rfid", ("R",), True)


def _read(t0: datetime, s: float, tag: str = "T1", **kw: object) -> TagRead:
    return TagRead("R", tag, _at(t0, s), **kw)  # type: ignore[arg-type]


def _hits(events: list[RuleEvent]) -> list[tuple[Rule, bool]]:
    return [(e.rule, e.first) for e in events if isinstance(e, RuleHit)]


def _cleared(events: list[RuleEvent]) -> list[Rule]:
    return [e.rule for e in events if isinstance(e, RuleCleared)]


def test_a_short_blip_out_of_the_safe_zone_is_not_an_alarm() -> None:
    rules = CareRules([DEMENTIA], now=DAY)
    assert rules.on_placement(_place(DAY, 0, "Z1")) == []
    assert rules.on_placement(_place(DAY, 10, "Z9")) == []
    assert rules.tick(_at(DAY, 13)) == []
    assert rules.on_placement(_place(DAY, 13, "Z1")) == []
    assert rules.tick(_at(DAY, 200)) == []
    assert rules.open_episodes() == []


def test_leaving_for_the_dwell_time_opens_one_episode_then_appends_then_clears() -> None:
    rules = CareRules([DEMENTIA], now=DAY)
    rules.on_placement(_place(DAY, 0, "Z1"))
    rules.on_placement(_place(DAY, 10, "Z9", x=5.0))
    assert rules.tick(_at(DAY, 69)) == []
    events = rules.tick(_at(DAY, 70))
    assert _hits(events) == [(Rule.LEFT_SAFE_ZONE, True)]
    hit = events[0]
    assert isinstance(hit, RuleHit)
    assert hit.tag == "T1"
    assert hit.at == _at(DAY, 70)
    assert [p.zone for p in hit.last_positions] == ["Z1", "Z9"]
    assert hit.detail == "离开安全区域 60 秒，现在位于 Z9"
    assert rules.tick(_at(DAY, 500)) == []  # no flood while nothing changes
    # Moving on to another zone appends to the open episode.
    assert _hits(rules.on_placement(_place(DAY, 600, "Z8"))) == [(Rule.LEFT_SAFE_ZONE, False)]
    assert _cleared(rules.on_placement(_place(DAY, 700, "Z1G"))) == [Rule.LEFT_SAFE_ZONE]
    # A new departure is a new episode.
    rules.on_placement(_place(DAY, 800, "Z7"))
    assert _hits(rules.on_placement(_place(DAY, 900, "Z7"))) == [(Rule.LEFT_SAFE_ZONE, True)]


def test_the_dwell_is_also_checked_on_the_next_placement() -> None:
    rules = CareRules([DEMENTIA], now=DAY)
    rules.on_placement(_place(DAY, 0, "Z9"))
    assert _hits(rules.on_placement(_place(DAY, 61, "Z8"))) == [(Rule.LEFT_SAFE_ZONE, True)]


def test_outside_the_watch_hours_leaving_is_fine_until_they_start() -> None:
    profile = TagProfile(
        "T1",
        SubjectKind.CHILD,
        safe_zones=HOME,
        watch_hours=(TimeWindow(time(11), time(17)),),  # local time
    )
    rules = CareRules([profile], now=DAY)
    rules.on_placement(_place(DAY, 0, "Z9"))
    assert rules.tick(_at(DAY, 3000)) == []  # 10:50 local: not watched
    events = rules.tick(_at(DAY, 3600))  # 11:00: still out
    assert _hits(events) == [(Rule.LEFT_SAFE_ZONE, True)]


def test_no_read_for_hours_raises_once_and_a_read_clears_it() -> None:
    rules = CareRules([DEMENTIA], now=DAY)
    rules.on_read(_read(DAY, 0))
    assert rules.tick(_at(DAY, 4 * 3600 - 1)) == []
    assert _hits(rules.tick(_at(DAY, 4 * 3600))) == [(Rule.NO_READ, True)]
    assert rules.tick(_at(DAY, 9 * 3600)) == []
    assert _cleared(rules.on_read(_read(DAY, 9 * 3600 + 5))) == [Rule.NO_READ]


def test_a_tag_never_read_counts_from_the_engine_start() -> None:
    profile = TagProfile("T5", SubjectKind.ELDERLY, no_read_hours=1.0)
    rules = CareRules([profile], now=DAY)
    assert rules.tick(_at(DAY, 1800)) == []
    assert _hits(rules.tick(_at(DAY, 3600))) == [(Rule.NO_READ, True)]


def test_sos_is_one_episode_while_the_flag_repeats_and_clears_after_quiet_reads() -> None:
    rules = CareRules([DEMENTIA], now=DAY, flag_clear_s=120.0, repeat_s=300.0)
    sos = frozenset({TrackerAlarm.SOS})
    events: list[RuleEvent] = []
    for s in range(0, 30):  # the tag sends the flag with every read for half a minute
        events += rules.on_read(_read(DAY, s, alarms=sos))
    assert _hits(events) == [(Rule.SOS, True)]
    # Silence clears nothing: the person may be lying out of range.
    assert rules.tick(_at(DAY, 1000)) == []
    # A flag that flickers (reads without it for less than the clear time) stays one episode.
    rules.on_read(_read(DAY, 1001, alarms=sos))
    rules.on_read(_read(DAY, 1060))
    assert rules.tick(_at(DAY, 1100)) == []
    assert rules.on_read(_read(DAY, 1101, alarms=sos)) == []
    # Reads without the flag for the clear time end it.
    rules.on_read(_read(DAY, 1180))
    assert rules.tick(_at(DAY, 1200)) == []
    rules.on_read(_read(DAY, 1221))
    assert _cleared(rules.tick(_at(DAY, 1221))) == [Rule.SOS]
    # A new press is a new incident.
    assert _hits(rules.on_read(_read(DAY, 1300, alarms=sos))) == [(Rule.SOS, True)]


def test_a_repeating_flag_appends_at_most_every_repeat_interval() -> None:
    rules = CareRules(now=DAY, repeat_s=300.0)
    removed = frozenset({TrackerAlarm.TAG_REMOVED})
    events: list[RuleEvent] = []
    for s in range(0, 900, 10):
        events += rules.on_read(_read(DAY, s, tag="UNREGISTERED", alarms=removed))
    assert _hits(events) == [
        (Rule.TAG_REMOVED, True),
        (Rule.TAG_REMOVED, False),
        (Rule.TAG_REMOVED, False),
    ]


def test_a_battery_that_stays_low_is_reported_once() -> None:
    rules = CareRules(now=DAY, repeat_s=300.0)
    events: list[RuleEvent] = []
    for s in range(0, 3600, 10):
        events += rules.on_read(_read(DAY, s, battery_low=True))
    assert _hits(events) == [(Rule.LOW_BATTERY, True)]


def test_gps_battery_and_tamper() -> None:
    rules = CareRules(now=DAY)
    assert rules.on_fix(GpsFix("CAR", DAY, 39.1, 117.1, battery_pct=50)) == []
    events = rules.on_fix(
        GpsFix(
            "CAR",
            _at(DAY, 1),
            39.1,
            117.1,
            battery_pct=15,
            alarms=frozenset({TrackerAlarm.POWER_CUT}),
        )
    )
    assert sorted(_hits(events)) == [(Rule.LOW_BATTERY, True), (Rule.TAG_REMOVED, True)]
    # 25 %: still low (no flapping around the threshold); the tamper flag has gone quiet.
    rules.on_fix(GpsFix("CAR", _at(DAY, 200), 39.1, 117.1, battery_pct=25))
    assert _cleared(rules.tick(_at(DAY, 200))) == [Rule.TAG_REMOVED]
    rules.on_fix(GpsFix("CAR", _at(DAY, 300), 39.1, 117.1, battery_pct=80))
    assert rules.tick(_at(DAY, 300)) == []
    rules.on_fix(GpsFix("CAR", _at(DAY, 500), 39.1, 117.1, battery_pct=80))
    assert _cleared(rules.tick(_at(DAY, 500))) == [Rule.LOW_BATTERY]


def test_night_wandering_for_dementia_at_the_gate() -> None:
    rules = CareRules([DEMENTIA], now=NIGHT)
    rules.on_placement(_place(NIGHT, 0, "Z1"))
    # The gate is in the day's safe zones but not the night's.
    assert rules.on_placement(_place(NIGHT, 10, "Z1G")) == []
    events = rules.tick(_at(NIGHT, 40))
    assert _hits(events) == [(Rule.NIGHT_WANDERING, True)]
    assert _cleared(rules.on_placement(_place(NIGHT, 100, "Z1"))) == [Rule.NIGHT_WANDERING]


def test_the_gate_in_the_daytime_is_not_night_wandering() -> None:
    rules = CareRules([DEMENTIA], now=DAY)
    rules.on_placement(_place(DAY, 0, "Z1G"))
    assert rules.tick(_at(DAY, 3600)) == []


def test_armed_vehicle_moving_beyond_the_threshold() -> None:
    car = TagProfile("CAR", SubjectKind.VEHICLE, armed=True, move_threshold_m=50.0)
    rules = CareRules([car], now=DAY)
    assert rules.on_placement(_place(DAY, 0, None, tag="CAR", x=100.0, y=100.0)) == []
    assert rules.on_placement(_place(DAY, 60, None, tag="CAR", x=130.0, y=120.0)) == []
    events = rules.on_placement(_place(DAY, 120, None, tag="CAR", x=160.0, y=100.0))
    assert _hits(events) == [(Rule.VEHICLE_MOVED_ARMED, True)]
    assert isinstance(events[0], RuleHit)
    assert events[0].detail == "移动了 60 米"
    events = rules.set_profile(TagProfile("CAR", SubjectKind.VEHICLE, armed=False), _at(DAY, 200))
    assert _cleared(events) == [Rule.VEHICLE_MOVED_ARMED]
    assert rules.on_placement(_place(DAY, 300, None, tag="CAR", x=900.0, y=100.0)) == []
    # Armed again where it stands now: the anchor is the new place.
    rules.set_profile(car)
    assert rules.on_placement(_place(DAY, 400, None, tag="CAR", x=930.0, y=100.0)) == []


def test_terminal_reported_move_while_armed() -> None:
    rules = CareRules(now=DAY)
    flag = frozenset({TrackerAlarm.MOVED_WHILE_ARMED})
    events = rules.on_fix(GpsFix("CAR", DAY, 39.1, 117.1, alarms=flag))
    assert _hits(events) == [(Rule.VEHICLE_MOVED_ARMED, True)]


def test_restored_episodes_are_not_raised_again() -> None:
    rules = CareRules([DEMENTIA], now=DAY)
    rules.restore(
        [OpenEpisode("T1", Rule.LEFT_SAFE_ZONE, _at(DAY, -600)), OpenEpisode("T1", Rule.SOS, DAY)],
        last_seen={"T1": DAY},
    )
    assert _hits(rules.on_placement(_place(DAY, 10, "Z9"))) == [(Rule.LEFT_SAFE_ZONE, False)]
    assert rules.on_read(_read(DAY, 20, alarms=frozenset({TrackerAlarm.SOS}))) == []
    assert {(e.tag, e.rule) for e in rules.open_episodes()} == {
        ("T1", Rule.LEFT_SAFE_ZONE),
        ("T1", Rule.SOS),
    }
    assert _cleared(rules.on_placement(_place(DAY, 30, "Z1"))) == [Rule.LEFT_SAFE_ZONE]


def test_removing_a_profile_stops_the_rules() -> None:
    rules = CareRules([DEMENTIA], now=DAY)
    rules.on_placement(_place(DAY, 0, "Z9"))
    rules.remove_profile("T1")
    assert rules.profile("T1") is None
    assert rules.tick(_at(DAY, 5 * 3600)) == []


@pytest.mark.parametrize(
    ("rule", "kind", "advice"),
    [
        (Rule.SOS, SubjectKind.ELDERLY, IncidentAdvice("ELDERLY", 1)),
        (Rule.SOS, SubjectKind.CHILD, IncidentAdvice("MISSING", 1)),
        (Rule.LEFT_SAFE_ZONE, SubjectKind.DEMENTIA, IncidentAdvice("MISSING", 1)),
        (Rule.LOW_BATTERY, SubjectKind.DISABLED, IncidentAdvice("DEVICE", 3)),
        (Rule.VEHICLE_MOVED_ARMED, SubjectKind.VEHICLE, IncidentAdvice("THEFT", 2)),
        (Rule.TAG_REMOVED, None, IncidentAdvice("DEVICE", 3)),
    ],
)
def test_incident_advice(rule: Rule, kind: SubjectKind | None, advice: IncidentAdvice) -> None:
    assert incident_for(rule, kind) == advice


def test_every_rule_suggests_a_demo_incident_type(demo_site: SiteSpec) -> None:
    types = {t.code for t in demo_site.incident_types}
    for rule in Rule:
        for kind in [None, *SubjectKind]:
            assert incident_for(rule, kind).incident_type in types


def test_nearest_cameras_on_the_demo_site(demo_site: SiteSpec) -> None:
    near = nearest_cameras(demo_site.cameras, 1200.0, 1000.0)
    assert len(near) == 3
    assert near[0].code == "CAM02"  # at the crossing itself
    d = [(c.position.x - 1200.0) ** 2 + (c.position.y - 1000.0) ** 2 for c in near]
    assert d == sorted(d)
    assert all(
        (c.position.x - 1200.0) ** 2 + (c.position.y - 1000.0) ** 2 >= d[-1]
        for c in demo_site.cameras
        if c not in near
    )
    assert len(nearest_cameras(demo_site.cameras, 0.0, 0.0, n=20)) == len(demo_site.cameras)


def test_default_profiles_from_the_demo_site(demo_site: SiteSpec) -> None:
    dementia = profile_for(demo_site, "T1", SubjectKind.DEMENTIA, "C01")
    # The home community's zones, its market (Z0104) among them.
    assert dementia.safe_zones == frozenset({"Z0101", "Z0102", "Z0103", "Z0104"})
    assert dementia.night_zones == frozenset({"Z0101", "Z0103"})  # the gate is out at night
    assert dementia.night is not None
    assert dementia.no_read_hours == 4.0
    elderly = profile_for(demo_site, "T2", SubjectKind.ELDERLY, "C01")
    assert elderly.safe_zones == frozenset()
    assert elderly.no_read_hours == 12.0
    assert profile_for(demo_site, "CAR", SubjectKind.VEHICLE, "C01").armed is False
    child = profile_for(demo_site, "T3", SubjectKind.CHILD, "C02")
    assert child.safe_zones == frozenset({"Z0201", "Z0202", "Z0203"})
    assert [(w.start.hour, w.end.hour) for w in child.watch_hours] == [(21, 6)]


# --- property: never two openings of one episode ---------------------------------------------

actions = st.lists(
    st.one_of(
        st.tuples(st.just("place"), st.sampled_from(["Z1", "Z1G", "Z9", None]), st.floats(0, 600)),
        st.tuples(st.just("tick"), st.none(), st.floats(0, 7200)),
        st.tuples(
            st.just("read"),
            st.sampled_from(
                [None, TrackerAlarm.SOS, TrackerAlarm.TAG_REMOVED, TrackerAlarm.LOW_BATTERY]
            ),
            st.floats(0, 300),
        ),
    ),
    max_size=60,
)


@settings(max_examples=150)
@given(actions, st.sampled_from([DAY, NIGHT]))
def test_an_episode_is_opened_once_until_it_clears(
    steps: list[tuple[str, object, float]], t0: datetime
) -> None:
    car = TagProfile("T2", SubjectKind.VEHICLE, armed=True, move_threshold_m=20.0)
    rules = CareRules([DEMENTIA, car], now=t0, flag_clear_s=60.0)
    open_now: set[tuple[str, Rule]] = set()
    opened: Counter[tuple[str, Rule]] = Counter()
    s = 0.0
    for i, (kind, arg, gap) in enumerate(steps):
        s += gap
        tag = "T1" if i % 3 else "T2"
        if kind == "place":
            events = rules.on_placement(_place(t0, s, arg, tag=tag, x=i * 7.0))  # type: ignore[arg-type]
        elif kind == "tick":
            events = rules.tick(_at(t0, s))
        else:
            alarms = frozenset() if arg is None else frozenset({arg})
            events = rules.on_read(_read(t0, s, tag=tag, alarms=alarms))
        for event in events:
            key = (event.tag, event.rule)
            if isinstance(event, RuleHit):
                if event.first:
                    assert key not in open_now, f"{key} opened twice"
                    open_now.add(key)
                    opened[key] += 1
                else:
                    assert key in open_now, f"{key} appended without being open"
            else:
                assert key in open_now, f"{key} cleared without being open"
                open_now.discard(key)
    assert {(e.tag, e.rule) for e in rules.open_episodes()} == open_now
