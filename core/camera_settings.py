"""A camera's stored motion settings and detected regions as plain data, with their checks.

The mask and the schedule are core.motion's (MotionMask, ArmingSchedule); this module adds what
the database keeps: limits that keep one row small, the stored forms, and one error type.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from core.motion import ArmingSchedule, MotionMask, MotionSettings, ScheduleError

SENSITIVITY_MIN: Final = 0
SENSITIVITY_MAX: Final = 100
DEFAULT_SENSITIVITY: Final = 50
SCHEDULE_MAX: Final = 200  # characters: the column's size
# A mask is drawn by hand on a tile: a few polygons of a few dozen corners. The limits keep one
# settings row small and the detector's per-frame mask rebuild cheap.
MASK_POLYGONS_MAX: Final = 16
POLYGON_POINTS_MIN: Final = 3
POLYGON_POINTS_MAX: Final = 64
REGIONS_MAX: Final = 64  # detected boxes stored with one motion event

Point = tuple[float, float]
Polygon = tuple[Point, ...]
Box = tuple[float, float, float, float]  # x, y, width, height: normalised


class VideoInvalid(ValueError):
    """A setting, view or event the video side refuses; `field` names what is wrong."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


class MotionOutcome(enum.StrEnum):
    """What became of a motion event (camera_event.outcome)."""

    INCIDENT = "incident"  # it opened an incident
    APPENDED = "appended"  # the camera's open incident of the rule got another entry
    LOGGED = "logged"  # stored only: motion detection is off for the camera, or not armed
    SNAPSHOT = "snapshot"  # an operator's snapshot attached to an incident (not motion)


@dataclass(frozen=True, slots=True)
class CameraSettings:
    """Motion detection of one camera: on or off, how sensitive, where to look, when armed.

    `mask`: core.motion's polygons (normalised, 0 … 1, origin top left) to ignore or to watch.
    `schedule`: when detected motion raises incidents, core.motion's text, e.g.
    "mon-sun 22:00-06:00"; an empty schedule is never armed.
    """

    camera: str
    motion_enabled: bool = False
    sensitivity: int = DEFAULT_SENSITIVITY
    mask: MotionMask = field(default_factory=MotionMask)
    schedule: str = ""
    updated_by: str = ""  # empty for a camera nobody has set up (the defaults)

    def motion(self) -> MotionSettings:
        """The detector's settings for this camera (its other knobs at their defaults)."""
        return MotionSettings(sensitivity=self.sensitivity, mask=self.mask)

    def armed(self, at: datetime, timezone: str) -> bool:
        """Whether motion at `at` raises an incident: detection on and the schedule armed."""
        if not self.motion_enabled or not self.schedule:
            return False
        try:
            return ArmingSchedule.parse(self.schedule, timezone).is_armed(at)
        except ScheduleError:
            return False  # stored by an older build that did not check: never armed


@dataclass(frozen=True, slots=True)
class MotionResult:
    """What one motion event did."""

    event_id: int
    outcome: MotionOutcome
    incident_id: int | None
    attachment_id: int | None


def _number(value: Any, what: str, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise VideoInvalid(f"{what} must be a number, not {value!r}", field)
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise VideoInvalid(f"{what} must lie between 0 and 1 (normalised), not {value!r}", field)
    return number


def check_sensitivity(value: Any) -> int:
    """The sensitivity as an int in 0 … 100; VideoInvalid otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise VideoInvalid(f"sensitivity must be a whole number, not {value!r}", "sensitivity")
    if not SENSITIVITY_MIN <= value <= SENSITIVITY_MAX:
        raise VideoInvalid(
            f"sensitivity must be {SENSITIVITY_MIN} … {SENSITIVITY_MAX}, not {value}",
            "sensitivity",
        )
    return value


def _polygons(polygons: Any, what: str) -> tuple[Polygon, ...]:
    if isinstance(polygons, str | bytes) or not isinstance(polygons, Sequence):
        raise VideoInvalid(f"{what} is a list of polygons", "mask")
    out: list[Polygon] = []
    for i, polygon in enumerate(polygons, 1):
        if isinstance(polygon, str | bytes) or not isinstance(polygon, Sequence):
            raise VideoInvalid(f"{what} polygon {i} is not a list of points", "mask")
        if not POLYGON_POINTS_MIN <= len(polygon) <= POLYGON_POINTS_MAX:
            raise VideoInvalid(
                f"{what} polygon {i} has {len(polygon)} points; "
                f"{POLYGON_POINTS_MIN} … {POLYGON_POINTS_MAX} are allowed",
                "mask",
            )
        points: list[Point] = []
        for point in polygon:
            if isinstance(point, str | bytes) or not isinstance(point, Sequence) or len(point) != 2:
                raise VideoInvalid(f"{what} polygon {i}: a point is an (x, y) pair", "mask")
            x = _number(point[0], f"{what} polygon {i}: x", "mask")
            y = _number(point[1], f"{what} polygon {i}: y", "mask")
            points.append((x, y))
        if len(set(points)) < POLYGON_POINTS_MIN:
            raise VideoInvalid(f"{what} polygon {i} has fewer than 3 distinct points", "mask")
        out.append(tuple(points))
    return tuple(out)


def check_mask(mask: Any) -> MotionMask:
    """A mask within the limits; a bare list of polygons is taken as areas to ignore."""
    if isinstance(mask, MotionMask):
        ignore, watch = mask.ignore, mask.watch
    else:
        ignore, watch = mask, ()
    checked = MotionMask(ignore=_polygons(ignore, "ignore"), watch=_polygons(watch, "watch"))
    if len(checked.ignore) + len(checked.watch) > MASK_POLYGONS_MAX:
        raise VideoInvalid(f"a mask has at most {MASK_POLYGONS_MAX} polygons", "mask")
    return checked


def check_regions(regions: Any) -> tuple[Box, ...]:
    """Detected boxes (x, y, width, height), normalised; VideoInvalid otherwise."""
    if isinstance(regions, str | bytes) or not isinstance(regions, Sequence):
        raise VideoInvalid("regions are a list of (x, y, w, h) boxes", "regions")
    if len(regions) > REGIONS_MAX:
        raise VideoInvalid(f"at most {REGIONS_MAX} regions are stored with an event", "regions")
    out: list[Box] = []
    for i, region in enumerate(regions, 1):
        # core.motion.MotionRegion, or a bare (x, y, w, h)
        box = _box(region)
        if isinstance(box, str | bytes) or not isinstance(box, Sequence) or len(box) != 4:
            raise VideoInvalid(f"region {i} is not an (x, y, w, h) box", "regions")
        x, y, w, h = (_number(v, f"region {i}", "regions") for v in box)
        if x + w > 1.0 + 1e-9 or y + h > 1.0 + 1e-9:
            raise VideoInvalid(f"region {i} reaches outside the image", "regions")
        out.append((x, y, w, h))
    return tuple(out)


def _box(region: Any) -> Any:
    if all(hasattr(region, k) for k in ("x", "y", "w", "h")):
        return (region.x, region.y, region.w, region.h)
    return region


def check_score(score: Any) -> float:
    """A motion score: a finite number, 0 or more."""
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise VideoInvalid(f"a motion score is a number, not {score!r}", "score")
    value = float(score)
    if not math.isfinite(value) or value < 0:
        raise VideoInvalid(f"a motion score is finite and not negative, not {score!r}", "score")
    return value


def check_schedule(text: Any, timezone: str) -> str:
    """The schedule in core.motion's canonical form ("" stays ""); VideoInvalid says what is
    wrong with it."""
    if not isinstance(text, str):
        raise VideoInvalid("an arming schedule is text", "schedule")
    if len(text) > SCHEDULE_MAX * 4:
        raise VideoInvalid(f"an arming schedule is at most {SCHEDULE_MAX} characters", "schedule")
    try:
        canonical = ArmingSchedule.parse(text, timezone).format()
    except ScheduleError as exc:
        raise VideoInvalid(f"arming schedule: {exc}", "schedule") from None
    if len(canonical) > SCHEDULE_MAX:
        raise VideoInvalid(f"an arming schedule is at most {SCHEDULE_MAX} characters", "schedule")
    return canonical


def mask_json(mask: MotionMask) -> str:
    """The mask as stored (core.motion's JSON)."""
    return mask.to_json()


def mask_from_json(text: str) -> MotionMask:
    """The stored mask; an unreadable one reads as no mask (the row is the owner's to fix)."""
    try:
        return check_mask(MotionMask.from_json(text))
    except ValueError:
        return MotionMask()


def regions_json(regions: Sequence[Box]) -> str:
    """Detected boxes as stored: [[x, y, w, h], …]."""
    return json.dumps([list(b) for b in regions], separators=(",", ":"))
