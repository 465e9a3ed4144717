"""The demo's tracked people and vehicles: movement, reader RSSI by distance, GPS fixes, alarms."""

from __future__ import annotations

import logging
import math
import threading
import time
import zoneinfo
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

import numpy as np

from core.events import WorkerFailed
from core.geo import GeoTransform
from core.ports import EventSink
from core.site import Point, SiteSpec, ZoneSpec
from core.timefmt import utcnow
from core.tracking import GpsFix, TagRead, TrackerAlarm, TrackingAccept, TrackingItem
from core.workers import ThreadedRunner

log = logging.getLogger(__name__)

PERSON_KINDS: Final = ("elderly", "dementia", "disabled", "child")

# Log-distance path loss for a UHF tag (typical published values for an urban courtyard):
# -45 dBm at 1 m, exponent 2.7, 4 dB shadowing; readers hear down to -85 dBm, about 40 m.
RSSI_AT_1M: Final = -45.0
PATH_LOSS_EXPONENT: Final = 2.7
SHADOWING_DB: Final = 4.0
SENSITIVITY_DBM: Final = -85.0
MAX_RANGE_M: Final = 80.0  # beyond any read even with +3 sigma of luck: skip the maths

WALK_MPS: Final[Mapping[str, float]] = {
    "elderly": 0.8,
    "dementia": 0.7,
    "disabled": 0.5,
    "child": 1.2,
}
VEHICLE_MPS: Final = 5.0  # e-bikes and cars in a street of narrow lanes
PLACE_JITTER_M: Final = 20.0
DAY_START_H: Final = 6
NIGHT_START_H: Final = 22
# Children and people with dementia are home earlier (their profiles watch from 21:00/22:00).
EARLY_NIGHT_START_H: Final = 20

# The day's routine: where an outing goes, by the local hour it starts. "own" is the home
# community's gates and day-care centre, "visit" another community's homes; market, park and
# clinic are the zones of those kinds (the nearest few to home).
OUTINGS: Final = ("market", "park", "clinic", "own", "visit")
ROUTINE: Final[tuple[tuple[int, tuple[float, ...]], ...]] = (
    # (from hour, weights in OUTINGS order); clinics open 8:00-17:00, markets busiest mornings
    (6, (0.40, 0.35, 0.00, 0.15, 0.10)),
    (8, (0.35, 0.15, 0.20, 0.15, 0.15)),
    (12, (0.10, 0.20, 0.10, 0.30, 0.30)),
    (14, (0.15, 0.30, 0.20, 0.20, 0.15)),
    (17, (0.25, 0.40, 0.00, 0.15, 0.20)),
)
KIND_BIAS: Final[Mapping[str, tuple[float, ...]]] = {
    "child": (0.5, 2.5, 0.3, 1.0, 1.0),  # play in the park, seldom the clinic
    "disabled": (0.8, 0.8, 1.8, 1.0, 0.7),
}
# Mean stay at a place (exponential), seconds: shopping, a walk or exercise, a consultation.
STAY_S: Final[Mapping[str, float]] = {
    "market": 2400.0,
    "park": 3600.0,
    "clinic": 4500.0,
    "own": 600.0,
    "visit": 600.0,
}
NEAREST_PLACES: Final = 3  # an outing goes to one of the nearest few markets (parks, clinics)


@dataclass(frozen=True, slots=True)
class SimPerson:
    """A tracked person: the tag, the home zone (residential) and the profile kind.

    `gps`: the person wears a GPS tracker (`tag` is its device id) rather than a UHF tag:
    readers do not hear it; it reports GpsFix like a vehicle terminal.
    """

    tag: str
    zone: str
    kind: str  # one of PERSON_KINDS
    gps: bool = False


@dataclass(frozen=True, slots=True)
class SimVehicle:
    """A tracked vehicle: the GPS terminal's device id and its home community."""

    device: str
    community: str


@dataclass(frozen=True, slots=True)
class SimStats:
    """What the simulator produced and how the consumer took it."""

    reads: int = 0
    fixes: int = 0
    sos: int = 0
    low_batteries: int = 0
    tags_removed: int = 0
    thefts: int = 0
    night_walks: int = 0
    refused: int = 0  # items accept() refused (retried on the next tick)
    dropped: int = 0  # items lost because the refused backlog overflowed


class SimTracking(ThreadedRunner):
    """People and vehicles on the site, stepped by `step(dt)` or by its own thread.

    People move between home (their residential zone's reader), markets, parks and clinics
    (the zones of those kinds, the nearest few), their community's gates and day-care centre
    and other communities in the daytime, by a routine that depends on the hour (`ROUTINE`,
    `KIND_BIAS`, `STAY_S`), and stay home at night, except a few with dementia who wander
    (they also keep mostly to their own community by day). Readers hear a tag `read_hz` times a
    second when the log-distance RSSI with shadowing is above the sensitivity. Vehicles are
    mostly parked; some drive; each reports a GpsFix (WGS-84 through `transform`'s inverse)
    every `gps_interval_s` while moving and every `parked_gps_interval_s` when parked.

    Deterministic for a seed and a sequence of `step` durations. Thread: `start()` runs
    `step` every `tick_s` seconds of real time with `clock_factor` sim seconds per real one
    and hands the items to `accept` (on the simulator's thread); items it refuses are
    offered again on the next tick, up to `backlog` of them.
    """

    def __init__(
        self,
        site: SiteSpec,
        people: Sequence[SimPerson],
        vehicles: Sequence[SimVehicle],
        transform: GeoTransform,
        *,
        seed: int = 1,
        start: datetime | None = None,
        read_hz: float = 0.5,
        gps_interval_s: float = 10.0,
        parked_gps_interval_s: float = 60.0,
        moving_vehicle_share: float = 0.15,
        sos_per_hour: float = 2.0,
        low_battery_per_hour: float = 1.0,
        tag_removed_per_hour: float = 0.5,
        theft_per_hour: float = 0.2,
        night_walks_per_hour: float = 0.5,
        places: Mapping[str, Sequence[Point]] | None = None,
        accept: TrackingAccept | None = None,
        sink: EventSink | None = None,
        clock_factor: float = 1.0,
        tick_s: float = 0.2,
        backlog: int = 100_000,
        name: str = "sim:tracking",
    ) -> None:
        super().__init__(name)
        self.site = site
        self.people = tuple(people)
        self.vehicles = tuple(vehicles)
        self.transform = transform
        self.read_hz = read_hz
        self.gps_interval_s = gps_interval_s
        self.parked_gps_interval_s = parked_gps_interval_s
        self.rates = {
            "sos": sos_per_hour,
            "battery": low_battery_per_hour,
            "removed": tag_removed_per_hour,
            "theft": theft_per_hour,
            "night": night_walks_per_hour,
        }
        self.accept = accept
        self.sink = sink
        self.clock_factor = clock_factor
        self.tick_s = tick_s
        self._rng = np.random.default_rng(seed)
        self._tz = zoneinfo.ZoneInfo(site.timezone)
        self.start_at = start if start is not None else utcnow()
        self.t = 0.0  # sim seconds since start_at
        self._stats = SimStats()
        self._lock = threading.Lock()
        self._requests: list[tuple[str, str]] = []
        self._backlog: deque[TrackingItem] = deque()
        self._backlog_max = backlog
        self._build_places(places or {})
        self._build_people()
        self._build_vehicles(moving_vehicle_share)

    # --- setup ----------------------------------------------------------------------------

    def _build_places(self, extra: Mapping[str, Sequence[Point]]) -> None:
        zones = {z.code: z for z in self.site.zones}
        readers_in: dict[str, list[Point]] = {}
        for reader in self.site.readers:
            readers_in.setdefault(reader.zone, []).append(reader.position)

        def spots(zone: ZoneSpec) -> list[Point]:
            # Where readers are, so a person waiting there is heard; else the zone's middle.
            return readers_in.get(zone.code) or [_centroid(zone)]

        self._reader_code = [r.code for r in self.site.readers]
        self._reader_xy = np.array([(r.position.x, r.position.y) for r in self.site.readers])
        self._home: dict[str, list[Point]] = {}
        self._gates: dict[str, list[Point]] = {}
        self._daycare: dict[str, list[Point]] = {}
        self._public: list[Point] = []
        self._places: dict[str, list[Point]] = {k: [] for k in ("market", "park", "clinic")}
        for zone in self.site.zones:
            if zone.kind == "residential":
                self._home.setdefault(zone.community, []).extend(spots(zone))
            elif zone.kind == "gate":
                self._gates.setdefault(zone.community, []).extend(spots(zone))
            elif zone.kind == "safe":
                self._daycare.setdefault(zone.community, []).extend(spots(zone))
            elif zone.kind == "public":
                self._public.extend(spots(zone))
            elif zone.kind in self._places:
                self._places[zone.kind].extend(spots(zone))
        for points in extra.values():
            self._public.extend(points)
        self._zones = zones
        self._all_homes = [p for points in self._home.values() for p in points]
        self._all_daycare = [p for points in self._daycare.values() for p in points]
        self._place_xy = {
            k: np.array([(p.x, p.y) for p in points]).reshape(-1, 2)
            for k, points in self._places.items()
        }
        self._centres = {c.code: c.centre for c in self.site.communities}

    def _build_people(self) -> None:
        n = len(self.people)
        self._home_xy = np.zeros((n, 2))
        self._community: list[str] = []
        for i, person in enumerate(self.people):
            zone = self._zones.get(person.zone)
            if zone is None:
                raise ValueError(f"{person.tag}: unknown home zone {person.zone!r}")
            self._community.append(zone.community)
            home = self._home.get(zone.community) or [_centroid(zone)]
            self._home_xy[i] = self._jitter(home[i % len(home)])
        self._pos = self._home_xy.copy()
        self._target = self._home_xy.copy()
        self._speed = np.array([WALK_MPS.get(p.kind, 0.8) for p in self.people])
        self._early = np.array([p.kind in ("child", "dementia") for p in self.people], dtype=bool)
        self._moving = np.zeros(n, dtype=bool)
        self._away = np.zeros(n, dtype=bool)  # left home (or on the way back)
        self._stay = np.full(n, STAY_S["own"])  # the mean stay where the current outing goes
        # Stagger the first departures over the first two hours.
        self._leave_at = self._rng.uniform(0.0, 7200.0, n)
        self._sos_until = np.full(n, -1.0)
        self._removed_until = np.full(n, -1.0)
        self._dropped = np.zeros(n, dtype=bool)  # the tag lies where it was taken off
        self._battery_low = np.zeros(n, dtype=bool)
        self._index = {p.tag: i for i, p in enumerate(self.people)}
        self._gps_person = np.array([p.gps for p in self.people], dtype=bool).reshape(n)
        # Drawn only when someone wears a tracker: the worlds of tag-only seeds stay as they were.
        self._pnext_fix = (
            self._rng.uniform(0.0, self.gps_interval_s, n)
            if self._gps_person.any()
            else np.zeros(n)
        )

    def _build_vehicles(self, moving_share: float) -> None:
        m = len(self.vehicles)
        self._vpos = np.zeros((m, 2))
        for j, vehicle in enumerate(self.vehicles):
            centre = self._centres.get(vehicle.community)
            if centre is None:
                raise ValueError(f"{vehicle.device}: unknown community {vehicle.community!r}")
            self._vpos[j] = self._jitter(centre, 80.0)
        self._vtarget = self._vpos.copy()
        self._vhome = self._vpos.copy()
        self._vdriver = self._rng.random(m) < moving_share  # these ones drive now and then
        self._vmoving = np.zeros(m, dtype=bool)
        self._vleave_at = self._rng.uniform(0.0, 3600.0, m)
        self._vnext_fix = self._rng.uniform(0.0, self.parked_gps_interval_s, m)
        self._vstolen = np.zeros(m, dtype=bool)
        self._vindex = {v.device: j for j, v in enumerate(self.vehicles)}

    def _jitter(self, point: Point, spread: float = PLACE_JITTER_M) -> tuple[float, float]:
        dx, dy = self._rng.uniform(-spread, spread, 2)
        return point.x + float(dx), point.y + float(dy)

    # --- demo controls (any thread; applied on the next step) -----------------------------

    def press_sos(self, tag: str) -> None:
        """The person wearing `tag` presses the SOS button."""
        self._request("sos", tag)

    def remove_tag(self, tag: str) -> None:
        """The tag is taken off (the strap cut) and left where it is."""
        self._request("removed", tag)

    def drain_battery(self, tag: str) -> None:
        """The tag starts reporting a low battery."""
        self._request("battery", tag)

    def wander(self, tag: str) -> None:
        """The person sets off for a far place at once (a wandering episode)."""
        self._request("wander", tag)

    def steal(self, device: str) -> None:
        """A parked vehicle is driven away."""
        self._request("theft", device)

    def _request(self, what: str, key: str) -> None:
        if key not in self._index and key not in self._vindex:
            raise KeyError(key)
        with self._lock:
            self._requests.append((what, key))

    # --- stepping -------------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        """The simulated time (UTC)."""
        return self.start_at + timedelta(seconds=self.t)

    @property
    def stats(self) -> SimStats:
        """Counters so far."""
        return self._stats

    @property
    def pending(self) -> int:
        """Items made but not yet taken by `accept` (the refused backlog)."""
        return len(self._backlog)

    def position_of(self, key: str) -> tuple[float, float]:
        """The true site position of a person's tag or a vehicle (tests, the demo's truth)."""
        if key in self._index:
            x, y = self._pos[self._index[key]]
        else:
            x, y = self._vpos[self._vindex[key]]
        return float(x), float(y)

    def step(self, dt: float) -> list[TrackingItem]:
        """Advance the simulation `dt` seconds; the reads and fixes of that span, in time order."""
        if dt <= 0:
            return []
        with self._lock:
            requests, self._requests = self._requests, []
        t0 = self.t
        self.t = t1 = t0 + dt
        local_hour = (self.start_at + timedelta(seconds=t1)).astimezone(self._tz).hour
        night = local_hour >= NIGHT_START_H or local_hour < DAY_START_H
        early_night = local_hour >= EARLY_NIGHT_START_H or local_hour < DAY_START_H
        for what, key in requests:
            self._apply(what, key, t1)
        self._random_events(dt, t1, night)
        self._move_people(dt, t1, night, early_night, local_hour)
        self._move_vehicles(dt, t1, night)
        timed: list[tuple[float, TrackingItem]] = []
        self._emit_reads(t0, dt, timed)
        self._emit_fixes(t0, t1, timed)
        self._emit_person_fixes(t0, t1, timed)
        timed.sort(key=lambda pair: pair[0])
        return [item for _, item in timed]

    def _apply(self, what: str, key: str, t: float) -> None:
        stats = self._stats
        if what == "theft":
            j = self._vindex[key]
            self._vstolen[j] = True
            self._vmoving[j] = True
            far = self._rng.uniform((0.0, 0.0), (3000.0, 2000.0))
            self._vtarget[j] = far
            self._stats = _bump(stats, thefts=1)
            return
        i = self._index[key]
        if what == "sos":
            self._sos_until[i] = t + 15.0
            self._stats = _bump(stats, sos=1)
        elif what == "removed":
            self._removed_until[i] = t + 20.0
            self._dropped[i] = True
            self._moving[i] = False
            self._stats = _bump(stats, tags_removed=1)
        elif what == "battery":
            self._battery_low[i] = True
            self._stats = _bump(stats, low_batteries=1)
        elif what == "wander":
            self._send(i, self._far_place(i))
            self._stats = _bump(stats, night_walks=1)

    def _random_events(self, dt: float, t: float, night: bool) -> None:
        rng = self._rng
        n, m = len(self.people), len(self.vehicles)
        for what, rate in self.rates.items():
            if rate <= 0.0 or (what == "night" and not night):
                continue
            for _ in range(int(rng.poisson(rate * dt / 3600.0))):
                if what == "theft":
                    parked = np.flatnonzero(~self._vmoving & ~self._vstolen)
                    if m and parked.size:
                        self._apply("theft", self.vehicles[int(rng.choice(parked))].device, t)
                    continue
                if what == "night":
                    dementia = [i for i, p in enumerate(self.people) if p.kind == "dementia"]
                    if dementia:
                        self._apply("wander", self.people[int(rng.choice(dementia))].tag, t)
                    continue
                if n:
                    self._apply(what, self.people[int(rng.integers(n))].tag, t)

    def _move_people(self, dt: float, t: float, night: bool, early_night: bool, hour: int) -> None:
        if not len(self.people):
            return
        arrived = _advance(self._pos, self._target, self._speed * dt, self._moving)
        for i in np.flatnonzero(arrived):
            self._moving[i] = False
            # At home: a while (long at night); elsewhere: as long as such a place keeps one.
            stay = 3600.0 * (6.0 if night else 1.5) if not self._away[i] else self._stay[i]
            self._leave_at[i] = t + float(self._rng.exponential(stay))
        due = np.flatnonzero(~self._moving & ~self._dropped & (self._leave_at <= t))
        for i in due:
            if self._away[i]:
                self._send(int(i), self._home_xy[i], home=True)
            elif night or (early_night and self._early[i]):
                self._leave_at[i] = t + float(self._rng.uniform(1800.0, 7200.0))
            else:
                self._send(int(i), self._day_place(int(i), hour))

    def _send(
        self, i: int, target: np.ndarray | tuple[float, float], *, home: bool = False
    ) -> None:
        self._target[i] = target
        self._moving[i] = True
        self._away[i] = not home
        self._leave_at[i] = math.inf

    def _day_place(self, i: int, hour: int) -> tuple[float, float]:
        rng = self._rng
        kind = self.people[i].kind
        community = self._community[i]
        own = self._gates.get(community, []) + self._daycare.get(community, [])
        if kind == "dementia" and own and float(rng.random()) < 0.97:
            self._stay[i] = STAY_S["own"]  # mostly within the home community; now and then beyond
            return self._jitter(own[int(rng.integers(len(own)))])
        weights = np.array(_routine_weights(hour, kind))
        for k, outing in enumerate(OUTINGS):
            if outing in self._place_xy and not len(self._place_xy[outing]):
                weights[k] = 0.0  # a site without such places
        if not own:
            weights[OUTINGS.index("own")] = 0.0
        total = float(weights.sum())
        outing = OUTINGS[int(rng.choice(len(OUTINGS), p=weights / total))] if total else "visit"
        self._stay[i] = STAY_S[outing]
        if outing in self._place_xy:
            spots = self._place_xy[outing]
            near = np.argsort(np.hypot(*(spots - self._home_xy[i]).T))[:NEAREST_PLACES]
            x, y = spots[int(near[int(rng.integers(len(near)))])]
            return self._jitter(Point(float(x), float(y)))
        if outing == "own":
            choices = own
        elif self._public and float(rng.random()) < 0.3:
            choices = self._public  # public places the caller named (places=)
        else:
            choices = self._all_homes
        return self._jitter(choices[int(rng.integers(len(choices)))])

    def _far_place(self, i: int) -> tuple[float, float]:
        home = self._home_xy[i]
        spots = self._all_homes + self._all_daycare + self._public
        spots += [p for points in self._places.values() for p in points]
        far = max(spots, key=lambda p: (p.x - home[0]) ** 2 + (p.y - home[1]) ** 2)
        near_far = [p for p in spots if math.dist((p.x, p.y), (far.x, far.y)) < 900.0]
        return self._jitter(near_far[int(self._rng.integers(len(near_far)))])

    def _move_vehicles(self, dt: float, t: float, night: bool) -> None:
        if not len(self.vehicles):
            return
        speed = np.full(len(self.vehicles), VEHICLE_MPS * dt)
        arrived = _advance(self._vpos, self._vtarget, speed, self._vmoving)
        for j in np.flatnonzero(arrived):
            self._vmoving[j] = False
            self._vleave_at[j] = t + float(self._rng.exponential(7200.0))
        if night:
            return
        due = np.flatnonzero(self._vdriver & ~self._vmoving & (self._vleave_at <= t))
        for j in due:
            at_home = float(np.hypot(*(self._vpos[j] - self._vhome[j]))) < 100.0
            if at_home:
                centre = list(self._centres.values())[int(self._rng.integers(len(self._centres)))]
                self._vtarget[j] = self._jitter(centre, 80.0)
            else:
                self._vtarget[j] = self._vhome[j]
            self._vmoving[j] = True

    def _emit_reads(self, t0: float, dt: float, out: list[tuple[float, TrackingItem]]) -> None:
        if not len(self.people) or not len(self._reader_code):
            return
        rng = self._rng
        diff = self._reader_xy[:, None, :] - self._pos[None, :, :]
        dist = np.sqrt((diff * diff).sum(axis=2))
        ri, pi = np.nonzero((dist < MAX_RANGE_M) & ~self._gps_person[None, :])
        if not ri.size:
            return
        d = np.maximum(dist[ri, pi], 1.0)
        rssi = (
            RSSI_AT_1M
            - 10.0 * PATH_LOSS_EXPONENT * np.log10(d)
            + rng.normal(0.0, SHADOWING_DB, d.size)
        )
        counts = rng.poisson(self.read_hz * dt, d.size)
        heard = (rssi >= SENSITIVITY_DBM) & (counts > 0)
        t1 = t0 + dt
        count = 0
        for r, p, level, k in zip(
            ri[heard].tolist(),
            pi[heard].tolist(),
            rssi[heard].tolist(),
            counts[heard].tolist(),
            strict=True,
        ):
            alarms: set[TrackerAlarm] = set()
            if self._sos_until[p] >= t1 - dt:
                alarms.add(TrackerAlarm.SOS)
            if self._removed_until[p] >= t1 - dt:
                alarms.add(TrackerAlarm.TAG_REMOVED)
            low = bool(self._battery_low[p])
            tag = self.people[p].tag
            reader = self._reader_code[r]
            count += k
            for offset in rng.uniform(0.0, dt, k).tolist():
                ts = t0 + offset
                out.append(
                    (
                        ts,
                        TagRead(
                            reader=reader,
                            tag=tag,
                            at=self.start_at + timedelta(seconds=ts),
                            rssi=round(level, 1),
                            alarms=frozenset(alarms),
                            battery_low=low,
                        ),
                    )
                )
        self._stats = _bump(self._stats, reads=count)

    def _emit_fixes(self, t0: float, t1: float, out: list[tuple[float, TrackingItem]]) -> None:
        due = np.flatnonzero(self._vnext_fix <= t1)
        count = 0
        for j in due.tolist():
            ts = max(float(self._vnext_fix[j]), t0)
            moving = bool(self._vmoving[j])
            interval = self.gps_interval_s if moving else self.parked_gps_interval_s
            self._vnext_fix[j] = ts + interval
            x, y = self._vpos[j] + self._rng.normal(0.0, 3.0, 2)
            lat, lon = self.transform.to_latlon(float(x), float(y))
            dx, dy = self._vtarget[j] - self._vpos[j]
            heading = (math.degrees(math.atan2(float(dx), float(dy))) + 360.0) % 360.0
            out.append(
                (
                    ts,
                    GpsFix(
                        device=self.vehicles[j].device,
                        at=self.start_at + timedelta(seconds=ts),
                        lat=lat,
                        lon=lon,
                        speed_kmh=VEHICLE_MPS * 3.6 if moving else 0.0,
                        heading_deg=round(heading, 1) if moving else None,
                        satellites=int(self._rng.integers(6, 13)),
                        hdop=round(float(self._rng.uniform(0.7, 1.8)), 1),
                    ),
                )
            )
            count += 1
        self._stats = _bump(self._stats, fixes=count)

    def _emit_person_fixes(
        self, t0: float, t1: float, out: list[tuple[float, TrackingItem]]
    ) -> None:
        """The GPS trackers people wear: every gps_interval_s walking, parked_… standing."""
        due = np.flatnonzero(self._gps_person & (self._pnext_fix <= t1))
        for i in due.tolist():
            ts = max(float(self._pnext_fix[i]), t0)
            moving = bool(self._moving[i])
            interval = self.gps_interval_s if moving else self.parked_gps_interval_s
            self._pnext_fix[i] = ts + interval
            x, y = self._pos[i] + self._rng.normal(0.0, 3.0, 2)
            lat, lon = self.transform.to_latlon(float(x), float(y))
            dx, dy = self._target[i] - self._pos[i]
            heading = (math.degrees(math.atan2(float(dx), float(dy))) + 360.0) % 360.0
            alarms: set[TrackerAlarm] = set()
            if self._sos_until[i] >= t0:
                alarms.add(TrackerAlarm.SOS)
            if self._removed_until[i] >= t0:
                alarms.add(TrackerAlarm.TAG_REMOVED)
            out.append(
                (
                    ts,
                    GpsFix(
                        device=self.people[i].tag,
                        at=self.start_at + timedelta(seconds=ts),
                        lat=lat,
                        lon=lon,
                        speed_kmh=round(float(self._speed[i]) * 3.6, 1) if moving else 0.0,
                        heading_deg=round(heading, 1) if moving else None,
                        satellites=int(self._rng.integers(5, 12)),
                        hdop=round(float(self._rng.uniform(0.8, 2.5)), 1),
                        alarms=frozenset(alarms),
                        battery_pct=15 if self._battery_low[i] else None,
                    ),
                )
            )
        self._stats = _bump(self._stats, fixes=len(due))

    # --- the thread (core.ports.Stoppable, from ThreadedRunner) ----------------------------
    # Nothing blocks but the wait between ticks, which stop() ends: interrupt() only stops.

    def _before_start(self) -> None:
        """The thread needs `accept` (`start()`)."""
        if self.accept is None:
            raise RuntimeError(f"{self._name}: no accept to deliver to")

    def _run(self) -> None:
        last = time.monotonic()
        failed = False
        while not self._stop.wait(self.tick_s):
            now = time.monotonic()
            # A stalled machine must not make the people teleport: at most a few ticks' worth.
            dt = min(now - last, 5 * self.tick_s) * self.clock_factor
            last = now
            try:
                self._backlog.extend(self.step(dt))
                excess = len(self._backlog) - self._backlog_max
                if excess > 0:
                    # The consumer is stalled: the oldest simulated items are the ones to lose.
                    for _ in range(excess):
                        self._backlog.popleft()
                    self._stats = _bump(self._stats, dropped=excess)
                self._deliver()
                failed = False
            except Exception as exc:
                log.exception("%s: step failed", self._name)
                if not failed and self.sink is not None:
                    self.sink.publish(
                        WorkerFailed(self._name, str(exc) or type(exc).__name__, utcnow(), True)
                    )
                failed = True

    def _deliver(self) -> None:
        accept = self.accept
        assert accept is not None
        backlog = self._backlog
        while backlog:
            if not accept(backlog[0]):
                self._stats = _bump(self._stats, refused=1)
                break
            backlog.popleft()


def _advance(
    pos: np.ndarray, target: np.ndarray, step: np.ndarray, moving: np.ndarray
) -> np.ndarray:
    """Move the moving rows of `pos` toward `target` by `step`; the rows that arrived."""
    delta = target - pos
    dist = np.sqrt((delta * delta).sum(axis=1))
    arrive: np.ndarray = moving & (dist <= step)
    go = moving & ~arrive
    scale = np.where(go, step / np.maximum(dist, 1e-9), 0.0)
    pos += delta * scale[:, None]
    pos[arrive] = target[arrive]
    return arrive


def _routine_weights(hour: int, kind: str) -> tuple[float, ...]:
    """The weights of OUTINGS for an outing that starts at this local hour."""
    weights = ROUTINE[0][1]
    for start, row in ROUTINE:
        if hour >= start:
            weights = row
    bias = KIND_BIAS.get(kind)
    if bias is None:
        return weights
    return tuple(w * b for w, b in zip(weights, bias, strict=True))


def _bump(stats: SimStats, **add: int) -> SimStats:
    values = {name: getattr(stats, name) + add.get(name, 0) for name in SimStats.__slots__}
    return SimStats(**values)


def _centroid(zone: ZoneSpec) -> Point:
    xs = [p.x for p in zone.polygon]
    ys = [p.y for p in zone.polygon]
    return Point(sum(xs) / len(xs), sum(ys) / len(ys))


def synthetic_subjects(
    site: SiteSpec, people: int = 1000, vehicles: int = 200, *, seed: int = 7
) -> tuple[list[SimPerson], list[SimVehicle]]:
    """People and vehicles spread over the communities (tests and benchmarks).

    The console's demo takes its subjects from the tag registry instead, so that the
    simulated tags are the registered ones.
    """
    rng = np.random.default_rng(seed)
    homes = [z for z in site.zones if z.kind == "residential"]
    kinds = rng.choice(PERSON_KINDS, size=people, p=(0.55, 0.15, 0.15, 0.15))
    subjects = [
        SimPerson(f"{0xE2000000 + i:010X}", homes[i % len(homes)].code, str(kinds[i]))
        for i in range(people)
    ]
    cars = [
        SimVehicle(f"1380000{j:04d}", site.communities[j % len(site.communities)].code)
        for j in range(vehicles)
    ]
    return subjects, cars
