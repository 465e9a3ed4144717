"""The location engine: tag reads and GPS fixes to zone placements; read history collapsed."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal

from core.geo import GeoTransform
from core.site import Point, ReaderSpec, ZoneSpec
from core.tracking import GpsFix, TagRead, TrackerAlarm

Source = Literal["rfid", "gps"]

DEFAULT_WINDOW_S: Final = 3.0
# The best zone must be this many times stronger (linear power) than the zone the tag is in
# before it moves there: 2.0 is 3 dB, above the reads' own jitter at a boundary.
DEFAULT_HYSTERESIS: Final = 2.0
DEFAULT_MIN_MOVE_M: Final = 5.0
DEFAULT_GPS_MIN_MOVE_M: Final = 10.0  # consumer GPS wanders by a few metres standing still
# Readers that give no RSSI (plain EM4100 serial) count as a middling read.
DEFAULT_RSSI_DBM: Final = -65.0


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a tag is now; published only when its zone or position changed meaningfully.

    `changed` is True when the zone changed (the first placement of a tag counts), False when
    only the position moved. `readers` are the RFID readers that placed it, strongest first
    (empty for GPS). `zone` is None only for a GPS position outside every zone.
    """

    tag: str
    at: datetime
    zone: str | None
    x: float
    y: float
    source: Source
    readers: tuple[str, ...]
    changed: bool


@dataclass(frozen=True, slots=True)
class CollapsedRead:
    """Reads of one tag by one reader within the collapse window, as one history row.

    `count` is how many raw reads it stands for (the sum of their own counts): nothing read is
    lost from the history counts. `rssi` is the strongest; alarms are the union of all.
    """

    reader: str
    tag: str
    first_at: datetime
    last_at: datetime
    count: int
    rssi: float | None
    antenna: int
    alarms: frozenset[TrackerAlarm]
    battery_low: bool


class ReadCollapser:
    """Collapses repeated reads of a tag by a reader within `window_s` into CollapsedReads.

    A row closes when a read of the same pair comes `window_s` after its first read, or when
    `take(now)` finds it that old; `take(None)` closes every row (shutdown, tests).
    """

    def __init__(self, window_s: float = DEFAULT_WINDOW_S) -> None:
        self.window_s = window_s
        self._open: dict[tuple[str, str], _Row] = {}
        self._closed: list[CollapsedRead] = []

    def add(self, read: TagRead, ts: float) -> None:
        """Take one read whose receive time is `ts` (POSIX seconds of read.at)."""
        key = (read.tag, read.reader)
        row = self._open.get(key)
        if row is not None:
            # Rounded to the microsecond the reads' times have: float seconds since 1970 make
            # a read exactly `window_s` after the first look a hair early (0.8999999 s).
            if round(ts - row.first_ts, 6) < self.window_s:
                row.last_at = read.at
                row.count += read.count
                rssi = read.rssi
                if rssi is not None and (row.rssi is None or rssi > row.rssi):
                    row.rssi = rssi
                if read.alarms:
                    row.alarms = row.alarms | read.alarms
                if read.battery_low:
                    row.battery_low = True
                return
            self._closed.append(row.closed(key))
        self._open[key] = _Row(ts, read)

    def take(self, now_ts: float | None) -> list[CollapsedRead]:
        """The rows closed so far plus those opened `window_s` or more before `now_ts`."""
        if now_ts is None:
            done = list(self._open)
        else:
            limit = now_ts - self.window_s
            done = [key for key, row in self._open.items() if row.first_ts <= limit]
        for key in done:
            self._closed.append(self._open.pop(key).closed(key))
        out, self._closed = self._closed, []
        return out

    @property
    def pending(self) -> int:
        """Rows still open."""
        return len(self._open)


class _Row:
    """An open history row (mutable while reads of its pair keep coming)."""

    __slots__ = (
        "alarms",
        "antenna",
        "battery_low",
        "count",
        "first_at",
        "first_ts",
        "last_at",
        "rssi",
    )

    def __init__(self, ts: float, read: TagRead) -> None:
        self.first_ts = ts
        self.first_at = self.last_at = read.at
        self.count = read.count
        self.rssi = read.rssi
        self.antenna = read.antenna
        self.alarms = read.alarms
        self.battery_low = read.battery_low

    def closed(self, key: tuple[str, str]) -> CollapsedRead:
        return CollapsedRead(
            reader=key[1],
            tag=key[0],
            first_at=self.first_at,
            last_at=self.last_at,
            count=self.count,
            rssi=self.rssi,
            antenna=self.antenna,
            alarms=self.alarms,
            battery_low=self.battery_low,
        )


class _Tag:
    """One tag's recent readers and its last published placement."""

    __slots__ = ("at", "hearing", "x", "y", "zone")

    def __init__(self) -> None:
        # reader code → [last receive ts, smoothed linear power (mW)].
        self.hearing: dict[str, list[float]] = {}
        self.zone: str | None = None
        self.x = math.nan
        self.y = math.nan
        self.at = -math.inf


class _Zone:
    __slots__ = ("area", "code", "max_x", "max_y", "min_x", "min_y", "xs", "ys")

    def __init__(self, spec: ZoneSpec) -> None:
        self.code = spec.code
        self.xs = tuple(p.x for p in spec.polygon)
        self.ys = tuple(p.y for p in spec.polygon)
        self.min_x, self.max_x = min(self.xs), max(self.xs)
        self.min_y, self.max_y = min(self.ys), max(self.ys)
        twice = sum(
            self.xs[i - 1] * self.ys[i] - self.xs[i] * self.ys[i - 1] for i in range(len(self.xs))
        )
        self.area = abs(twice) / 2.0

    def contains(self, x: float, y: float) -> bool:
        if not (self.min_x <= x <= self.max_x and self.min_y <= y <= self.max_y):
            return False
        inside = False
        xs, ys = self.xs, self.ys
        j = len(xs) - 1
        for i in range(len(xs)):
            yi, yj = ys[i], ys[j]
            if (yi > y) != (yj > y) and x < (xs[j] - xs[i]) * (y - yi) / (yj - yi) + xs[i]:
                inside = not inside
            j = i
        return inside


class LocationEngine:
    """Places tags from reads (RSSI-weighted readers within a window) and GPS fixes.

    Not thread-safe: the ingest thread owns it. `feed` and `feed_fix` return a Placement only
    when the tag's zone changed or it moved at least `min_move_m` (GPS: `gps_min_move_m`), so
    the database and the map touch only what moved.

    Placement rule: each reader that heard the tag within `window_s` weighs its smoothed
    linear power (dBm → mW, so one read at -45 dBm outweighs ten at -75); the zone whose
    readers weigh most wins, but a tag leaves its current zone only when the winner weighs
    `hysteresis` times more than the current zone (or the current zone's readers fell
    silent). The position is the power-weighted centroid of the hearing readers.
    """

    def __init__(
        self,
        readers: Sequence[ReaderSpec],
        zones: Sequence[ZoneSpec] = (),
        *,
        transform: GeoTransform | None = None,
        window_s: float = DEFAULT_WINDOW_S,
        hysteresis: float = DEFAULT_HYSTERESIS,
        min_move_m: float = DEFAULT_MIN_MOVE_M,
        gps_min_move_m: float = DEFAULT_GPS_MIN_MOVE_M,
        default_rssi_dbm: float = DEFAULT_RSSI_DBM,
        collapse: bool = True,
    ) -> None:
        self._readers: dict[str, tuple[str, float, float]] = {
            r.code: (r.zone, r.position.x, r.position.y) for r in readers
        }
        # Smallest first: where zones overlap (a gate on a residential block's edge), a
        # position belongs to the most specific one.
        self._zones = sorted((_Zone(z) for z in zones), key=lambda z: z.area)
        self.transform = transform
        self.window_s = window_s
        self.hysteresis = hysteresis
        self._min_move2 = min_move_m * min_move_m
        self._gps_min_move2 = gps_min_move_m * gps_min_move_m
        self._default_power = 10.0 ** (default_rssi_dbm / 10.0)
        self._tags: dict[str, _Tag] = {}
        self.history: ReadCollapser | None = ReadCollapser(window_s) if collapse else None
        self.reads = 0
        self.unknown_reader_reads = 0  # reads from readers the site file does not name
        self.fixes_without_position = 0  # GPS fixes with no fix (or no calibration)
        self.placements = 0

    # --- reads --------------------------------------------------------------------------------

    def feed(self, read: TagRead) -> Placement | None:
        """Take one read; the tag's new placement if it changed, else None."""
        ts = read.at.timestamp()
        self.reads += 1
        if self.history is not None:
            self.history.add(read, ts)
        reader = self._readers.get(read.reader)
        if reader is None:
            self.unknown_reader_reads += 1
            return None
        rssi = read.rssi
        power = self._default_power if rssi is None else 10.0 ** (rssi * 0.1)
        tag = self._tags.get(read.tag)
        if tag is None:
            tag = self._tags[read.tag] = _Tag()
        hearing = tag.hearing
        entry = hearing.get(read.reader)
        window = self.window_s
        if entry is None or ts - entry[0] > window:
            hearing[read.reader] = [ts, power]
        else:
            if ts > entry[0]:
                entry[0] = ts
            # Halfway smoothing: one noisy read cannot flip a boundary on its own.
            entry[1] = (entry[1] + power) * 0.5
        if len(hearing) == 1:
            zone, x, y = reader
        else:
            zone, x, y = self._weigh(tag, hearing, ts - window)
        if zone == tag.zone:
            dx = x - tag.x
            dy = y - tag.y
            if dx * dx + dy * dy < self._min_move2:
                return None
            changed = False
        else:
            changed = True
        tag.zone, tag.x, tag.y, tag.at = zone, x, y, ts
        self.placements += 1
        # Strongest first, ties by code; only for the few reads that place (a few per 1,000).
        names = tuple(sorted(hearing, key=lambda c: (hearing[c][1], c), reverse=True))
        return Placement(read.tag, read.at, zone, x, y, "rfid", names, changed)

    def _weigh(
        self, tag: _Tag, hearing: dict[str, list[float]], cutoff: float
    ) -> tuple[str, float, float]:
        """(zone, x, y) of the readers heard since `cutoff`; older ones are dropped."""
        readers = self._readers
        scores: dict[str, float] = {}
        total = sx = sy = 0.0
        stale: list[str] = []
        for code, (seen, power) in hearing.items():
            if seen < cutoff:
                stale.append(code)
                continue
            zone, rx, ry = readers[code]
            scores[zone] = scores.get(zone, 0.0) + power
            total += power
            sx += power * rx
            sy += power * ry
        for code in stale:
            del hearing[code]
        if len(scores) == 1:
            best = next(iter(scores))
        else:
            best = max(scores, key=scores.__getitem__)
            current = tag.zone
            if current is not None and current != best:
                held = scores.get(current, 0.0)
                if held > 0.0 and scores[best] < held * self.hysteresis:
                    best = current
        return best, sx / total, sy / total

    # --- GPS ----------------------------------------------------------------------------------

    def feed_fix(self, fix: GpsFix, tag: str | None = None) -> Placement | None:
        """Take one GPS fix for `tag` (default: the fix's device id)."""
        if not fix.valid or self.transform is None:
            self.fixes_without_position += 1
            return None
        x, y = self.transform.to_site(fix.lat, fix.lon)
        key = fix.device if tag is None else tag
        state = self._tags.get(key)
        if state is None:
            state = self._tags[key] = _Tag()
        zone = self.zone_at(x, y)
        if zone == state.zone:
            dx = x - state.x
            dy = y - state.y
            if dx * dx + dy * dy < self._gps_min_move2:
                return None
            changed = False
        else:
            changed = True
        state.zone, state.x, state.y, state.at = zone, x, y, fix.at.timestamp()
        self.placements += 1
        return Placement(key, fix.at, zone, x, y, "gps", (), changed)

    def zone_at(self, x: float, y: float) -> str | None:
        """The smallest zone containing the site position, or None."""
        for zone in self._zones:
            if zone.contains(x, y):
                return zone.code
        return None

    # --- state --------------------------------------------------------------------------------

    def seed(self, tag: str, zone: str | None, x: float, y: float, at: datetime) -> None:
        """Start from a known last placement (the latest tag_position rows after a restart)."""
        state = self._tags.get(tag)
        if state is None:
            state = self._tags[tag] = _Tag()
        state.zone, state.x, state.y, state.at = zone, x, y, at.timestamp()

    def placement_of(self, tag: str) -> tuple[str | None, Point] | None:
        """The tag's last published zone and position, or None if never placed."""
        state = self._tags.get(tag)
        if state is None or math.isnan(state.x):
            return None
        return state.zone, Point(state.x, state.y)

    def forget(self, tags: Iterable[str]) -> None:
        """Drop tags' state (a returned tag, a deleted registration)."""
        for tag in tags:
            self._tags.pop(tag, None)

    def take_history(self, now: datetime | None) -> list[CollapsedRead]:
        """History rows closed by `now` (None: all of them); empty if collapsing is off."""
        if self.history is None:
            return []
        return self.history.take(None if now is None else now.timestamp())

    @property
    def tags(self) -> int:
        """How many tags the engine holds state for."""
        return len(self._tags)
