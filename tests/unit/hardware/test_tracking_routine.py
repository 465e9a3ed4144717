"""The simulator's day: out to markets, parks and clinics by day, home at night, a few wanderers."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from core.geo import demo_transform
from core.site import SiteSpec, ZoneSpec
from hardware.tracking.sim import SimTracking, synthetic_subjects

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIVE_AM = datetime(2026, 11, 30, 5, 0, tzinfo=SHANGHAI).astimezone(UTC)
PLACES = ("market", "park", "clinic")


def _inside(zone: ZoneSpec, x: float, y: float) -> bool:
    """Ray casting: is the point inside the zone's polygon?"""
    inside = False
    pts = zone.polygon
    for a, b in zip(pts, pts[-1:] + pts[:-1], strict=True):
        if (a.y > y) != (b.y > y) and x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x:
            inside = not inside
    return inside


def _census(site: SiteSpec, sim: SimTracking) -> Counter[str]:
    """How many people stand in a zone of each kind ("street": none) now."""
    found: Counter[str] = Counter()
    for person in sim.people:
        x, y = sim.position_of(person.tag)
        kind = next((z.kind for z in site.zones if _inside(z, x, y)), "street")
        found[kind] += 1
    return found


def _until(sim: SimTracking, local: datetime, dt: float = 60.0) -> None:
    while sim.now < local:
        sim.step(dt)


def test_the_demo_site_has_markets_parks_and_clinics_with_readers(demo_site: SiteSpec) -> None:
    zones = {z.code: z for z in demo_site.zones}
    for kind in PLACES:
        places = [z for z in demo_site.zones if z.kind == kind]
        assert len(places) >= 2, kind
        for zone in places:
            readers = [r for r in demo_site.readers if r.zone == zone.code]
            assert 1 <= len(readers) <= 2, zone.name
            assert all(_inside(zones[r.zone], r.position.x, r.position.y) for r in readers)


def test_people_go_out_by_day_and_are_home_at_night(demo_site: SiteSpec) -> None:
    people, _ = synthetic_subjects(demo_site, 500, 0)
    # No reads: the routine is what is tested, and millions of TagReads would only cost time.
    sim = SimTracking(demo_site, people, [], demo_transform(), seed=3, start=FIVE_AM, read_hz=0.0)
    n = len(people)

    _until(sim, FIVE_AM + timedelta(hours=5))  # 10:00
    day = _census(demo_site, sim)
    out_at_places = sum(day[k] for k in PLACES)
    assert all(day[k] > 0 for k in PLACES), day
    assert out_at_places >= 0.1 * n, day  # a tenth or more at the market, the park, the clinic
    assert day["residential"] <= 0.85 * n, day
    assert day["residential"] >= 0.5 * n, day  # most of the street is still at home

    _until(sim, FIVE_AM + timedelta(hours=17))  # 22:00, the night begins
    walks_before = sim.stats.night_walks
    away_at_night = 0
    for hour in range(18, 22):  # 23:00 to 03:00
        _until(sim, FIVE_AM + timedelta(hours=hour))
        night = _census(demo_site, sim)
        away_at_night = max(away_at_night, n - night["residential"])
    night = _census(demo_site, sim)
    assert night["residential"] >= 0.97 * n, night  # 03:00: nearly everyone home
    assert night["clinic"] == 0, night
    wanderers = sim.stats.night_walks - walks_before
    assert 1 <= wanderers <= 10, "a few wander at night, not many"
    assert away_at_night >= 1
