"""What the tracking ingest knows of the site (readers, zones, cameras); its pluggable pipeline."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from core.site import SiteSpec
from core.tracking import TagRead, TrackingItem

NEAREST_CAMERAS = 3
MOVED_M = 1.0  # a placement this close to the last one is not a move (GPS jitter)


@dataclass(frozen=True, slots=True)
class ReaderPlace:
    """A fixed reader: where reads it makes place a tag."""

    code: str
    zone: str
    community: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class CameraPlace:
    """A camera on the site map (for "the cameras nearest to the last position")."""

    code: str
    name: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class ZonePlace:
    """A zone's polygon on the site map."""

    code: str
    name: str
    polygon: tuple[tuple[float, float], ...]

    def contains(self, x: float, y: float) -> bool:
        """Ray casting; a point on an edge may fall either way (zones overlap at gates)."""
        inside = False
        pts = self.polygon
        j = len(pts) - 1
        for i in range(len(pts)):
            xi, yi = pts[i]
            xj, yj = pts[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside


@dataclass(frozen=True)
class TrackingPlan:
    """The site's readers, zones and cameras as the ingest and the rules use them."""

    readers: dict[str, ReaderPlace] = field(default_factory=dict)
    zones: tuple[ZonePlace, ...] = ()
    cameras: tuple[CameraPlace, ...] = ()
    timezone: str = "Asia/Shanghai"

    @classmethod
    def of(cls, site: SiteSpec) -> TrackingPlan:
        """The plan of a validated site file."""
        return cls(
            readers={
                r.code: ReaderPlace(r.code, r.zone, r.community, r.position.x, r.position.y)
                for r in site.readers
            },
            zones=tuple(
                ZonePlace(z.code, z.name, tuple((p.x, p.y) for p in z.polygon)) for z in site.zones
            ),
            cameras=tuple(
                CameraPlace(c.code, c.name, c.position.x, c.position.y) for c in site.cameras
            ),
            timezone=site.timezone,
        )

    def zone_name(self, code: str | None) -> str:
        """A zone's name for texts; its code when the site has no such zone."""
        if code is None:
            return ""
        return next((z.name for z in self.zones if z.code == code), code)

    def zone_at(self, x: float, y: float) -> str | None:
        """The smallest zone containing the point: with overlapping zones the gate, not the
        residential area around it."""
        found = [z for z in self.zones if z.contains(x, y)]
        if not found:
            return None
        return min(found, key=lambda z: _area(z.polygon)).code

    def nearest_cameras(
        self, x: float, y: float, n: int = NEAREST_CAMERAS
    ) -> list[tuple[CameraPlace, float]]:
        """The n cameras nearest to a point, with their distance in metres, nearest first."""
        ranked = sorted(((c, math.hypot(c.x - x, c.y - y)) for c in self.cameras), key=_second)
        return ranked[:n]


def _second(pair: tuple[CameraPlace, float]) -> float:
    return pair[1]


def _area(polygon: Sequence[tuple[float, float]]) -> float:
    s = 0.0
    for i in range(len(polygon)):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % len(polygon)]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


class PlacementLike(Protocol):
    """A tag placed somewhere (core.location.Placement fits this)."""

    @property
    def tag(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def zone(self) -> str | None: ...
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def source(self) -> str: ...


class HitLike(Protocol):
    """A care rule that fired for a tag (core.care_rules.RuleHit fits this).

    `last_positions`: the tag's last positions, newest last; each has at, x, y and zone
    (attributes or a tuple in that order).
    """

    @property
    def tag(self) -> str: ...
    @property
    def rule(self) -> Any: ...
    @property
    def at(self) -> datetime: ...
    @property
    def detail(self) -> str: ...
    @property
    def last_positions(self) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class Placed:
    """The fallback pipeline's placement: the reader's zone and position, or a GPS fix."""

    tag: str
    at: datetime
    zone: str | None
    x: float
    y: float
    source: str


@dataclass(frozen=True, slots=True)
class Hit:
    """The fallback pipeline's rule hit: an alarm the tag or terminal sent itself."""

    tag: str
    rule: str
    at: datetime
    detail: str
    last_positions: tuple[tuple[datetime, float, float, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class PipelineOutput:
    """What one batch did to positions and rules: only tags that moved are placed."""

    placements: Sequence[PlacementLike] = ()
    hits: Sequence[HitLike] = ()
    # Episodes whose condition ended (core.care_rules.RuleCleared: tag, rule, at, detail):
    # a note on the open incident; the incident itself stays for the operator to close.
    cleared: Sequence[Any] = ()


class Pipeline(Protocol):
    """Locate and judge a batch of reads and fixes (runs on the ingest thread, pure).

    `tick(now)` runs time-based rules (no read for N hours) between batches.
    """

    def __call__(self, items: Sequence[TrackingItem]) -> PipelineOutput: ...

    def tick(self, now: datetime) -> PipelineOutput: ...


GpsToSite = Callable[[float, float], tuple[float, float]]


class ReaderPipeline:
    """The simplest pipeline: a read places its tag at the reader; a fix through `to_site`.

    Tracker alarms (SOS, tag removed, low battery, …) become hits named after the alarm.
    It stands in until the location engine and the care rules (core.location,
    core.care_rules) are wired: those place by RSSI-weighted readers and judge zones, dwell
    and schedules.
    """

    def __init__(self, plan: TrackingPlan, to_site: GpsToSite | None = None):
        self.plan = plan
        self.to_site = to_site
        self._last: dict[str, tuple[float, float, str | None]] = {}

    def __call__(self, items: Sequence[TrackingItem]) -> PipelineOutput:
        placements: list[PlacementLike] = []
        hits: list[HitLike] = []
        for item in items:
            if isinstance(item, TagRead):
                tag = item.tag
                reader = self.plan.readers.get(item.reader)
                placed = (
                    None
                    if reader is None
                    else Placed(tag, item.at, reader.zone, reader.x, reader.y, item.reader)
                )
                alarms: Iterable[Any] = item.alarms
            else:
                tag = item.device
                placed = None
                if item.valid and self.to_site is not None:
                    x, y = self.to_site(item.lat, item.lon)
                    placed = Placed(tag, item.at, self.plan.zone_at(x, y), x, y, "gps")
                alarms = item.alarms
            if placed is not None and self._moved(placed):
                placements.append(placed)
            for alarm in sorted(str(a) for a in alarms):
                last = self._last.get(tag)
                where = () if last is None else ((item.at, last[0], last[1], last[2]),)
                # The rule's title heads the incident already ("一键求助：由终端 … 报告").
                hits.append(Hit(tag, alarm, item.at, f"由{_origin(item)} 报告", where))
        return PipelineOutput(placements, hits)

    def tick(self, now: datetime) -> PipelineOutput:
        return PipelineOutput()

    def _moved(self, p: Placed) -> bool:
        last = self._last.get(p.tag)
        if (
            last is not None
            and last[2] == p.zone
            and math.hypot(last[0] - p.x, last[1] - p.y) < MOVED_M
        ):
            return False
        self._last[p.tag] = (p.x, p.y, p.zone)
        return True


def _origin(item: TrackingItem) -> str:
    """Who reported an alarm, in the site's language as the incident it opens."""
    return f"读卡器 {item.reader}" if isinstance(item, TagRead) else f"终端 {item.device}"
