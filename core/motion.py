"""Motion detection as plain data: masks, regions, sensitivity, and the weekly arming schedule.

The detector itself (numpy) lives in video/motion.py; widgets draw masks and regions from here.

Schedule text, in the site's time zone (case and spaces do not matter)::

    mon-sun 22:00-06:00; sat,sun 00:00-24:00

Entries are separated by ";". Each is days then one or more time ranges. Days: mon tue wed thu
fri sat sun, ranges of them ("mon-fri", "fri-mon" wraps), lists ("sat,sun"), or "daily". A range
whose end is before its start runs past midnight into the next day: "mon 22:00-06:00" is armed
from Monday 22:00 to Tuesday 06:00. "24:00" is allowed as an end. An empty text is never armed.
Times are wall-clock times: on a daylight-saving change the armed hours follow the clock.
"""

from __future__ import annotations

import json
import math
import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_INDEX = {name: i for i, name in enumerate(DAY_NAMES)}
_FULL_DAY_INDEX = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
MINUTES_PER_DAY = 24 * 60

# --- masks, regions and sensitivity -------------------------------------------------------------

Point = tuple[float, float]
Polygon = tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class MotionRegion:
    """A moving area as a rectangle in normalised frame coordinates (0..1, origin top left)."""

    x: float
    y: float
    w: float
    h: float
    area: float  # changed pixels in the region as a fraction of the whole frame


@dataclass(frozen=True, slots=True)
class MotionMask:
    """Where a camera looks for motion, as polygons in normalised coordinates (0..1).

    The watched area is the union of `watch` polygons (the whole frame when there are none)
    minus the union of `ignore` polygons. The usual case is an `ignore` list only: draw over a
    tree, a flag, a busy road or a burnt-in clock. `watch` serves "only this gate".
    """

    ignore: tuple[Polygon, ...] = ()
    watch: tuple[Polygon, ...] = ()

    def __post_init__(self) -> None:
        for kind, polygons in (("ignore", self.ignore), ("watch", self.watch)):
            for polygon in polygons:
                if len(polygon) < 3:
                    raise ValueError(f"a {kind} polygon needs at least 3 points")
                for x, y in polygon:
                    if not (math.isfinite(x) and math.isfinite(y)):
                        raise ValueError(f"a {kind} polygon has a point that is not a number")
                    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
                        raise ValueError(f"a {kind} polygon point ({x}, {y}) is outside 0..1")

    @property
    def empty(self) -> bool:
        return not self.ignore and not self.watch

    def to_json(self) -> str:
        """Compact JSON for storage: {"ignore": [[[x, y], ...], ...], "watch": [...]}."""
        return json.dumps(
            {
                "ignore": [[list(p) for p in poly] for poly in self.ignore],
                "watch": [[list(p) for p in poly] for poly in self.watch],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> MotionMask:
        """The mask stored by to_json (ValueError on anything else)."""
        try:
            data = json.loads(text) if text.strip() else {}
        except json.JSONDecodeError as exc:
            raise ValueError(f"motion mask is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError("motion mask must be a JSON object")

        def polygons(key: str) -> tuple[Polygon, ...]:
            raw: Any = data.get(key, [])
            try:
                return tuple(tuple((float(x), float(y)) for x, y in poly) for poly in raw)
            except (TypeError, ValueError):
                raise ValueError(f"motion mask {key!r} must be a list of [x, y] lists") from None

        return cls(ignore=polygons("ignore"), watch=polygons("watch"))


@dataclass(frozen=True, slots=True)
class MotionThresholds:
    """What a sensitivity means for the detector."""

    pixel_delta: int  # grey-level change (0..255) a pixel needs to count as changed
    min_area: float  # smallest region worth reporting, as a fraction of the frame


def thresholds_for(sensitivity: int) -> MotionThresholds:
    """Sensitivity 0..100 (100 most sensitive) as a pixel threshold and a minimum region size.

    Linear in the grey-level threshold (40 down to 8) and geometric in the area (2 % of the
    frame down to 0.05 %: at 320x180 a 29 px square down to a 5 px one), so each step of the
    slider changes about as much as the last.
    """
    if not 0 <= sensitivity <= 100:
        raise ValueError(f"sensitivity {sensitivity} is not in 0..100")
    s = sensitivity / 100.0
    return MotionThresholds(
        pixel_delta=round(40 - 32 * s),
        min_area=0.02 * (0.0005 / 0.02) ** s,
    )


@dataclass(frozen=True, slots=True)
class MotionSettings:
    """A camera's motion settings (stored per camera; tunable while watching)."""

    sensitivity: int = 50
    persist_frames: int = 3  # motion on this many analysed frames in a row before an event
    cooldown_s: float = 30.0  # at most one event per camera per cooldown
    rate_hz: float = 4.0  # frames analysed per second (the sub stream runs at 25)
    mask: MotionMask = field(default_factory=MotionMask)

    def __post_init__(self) -> None:
        thresholds_for(self.sensitivity)  # validates the range
        if self.persist_frames < 1:
            raise ValueError("persist_frames must be at least 1")
        if not (self.cooldown_s >= 0 and math.isfinite(self.cooldown_s)):
            raise ValueError("cooldown_s must be a non-negative number")
        if not (0 < self.rate_hz <= 25):
            raise ValueError("rate_hz must be in (0, 25]")


# --- the arming schedule ------------------------------------------------------------------------


class ScheduleError(ValueError):
    """A schedule text that cannot be parsed; the message says which entry and why."""


@dataclass(frozen=True, slots=True)
class ArmedRange:
    """Armed on `day` (0 = Monday) from `start` to `end`, minutes after midnight.

    end <= start means the range runs past midnight into the next day.
    """

    day: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Entry:
    days: tuple[int, ...]
    times: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ArmingSchedule:
    """When a camera's motion raises events: weekly wall-clock ranges in a time zone."""

    entries: tuple[_Entry, ...]
    timezone: str

    @property
    def ranges(self) -> tuple[ArmedRange, ...]:
        return tuple(
            ArmedRange(d, s, e) for en in self.entries for d in en.days for s, e in en.times
        )

    @property
    def tz(self) -> tzinfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @classmethod
    def parse(cls, text: str, timezone: str) -> ArmingSchedule:
        """Parse `text` (see the module docstring); ScheduleError says what is wrong."""
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ScheduleError(f"unknown time zone {timezone!r}") from None
        entries = []
        parts = [p.strip() for p in text.split(";")]
        for n, part in enumerate(parts, start=1):
            if not part:
                if len(parts) > 1 and n < len(parts):
                    raise ScheduleError(f"entry {n} is empty")
                continue
            try:
                entries.append(_parse_entry(part))
            except ScheduleError as exc:
                raise ScheduleError(f"entry {n} {part!r}: {exc}") from None
        return cls(tuple(entries), timezone)

    def format(self) -> str:
        """The canonical text of this schedule (parse(format()) gives an equal schedule)."""
        return "; ".join(
            f"{_format_days(e.days)} " + " ".join(f"{_hhmm(s)}-{_hhmm(t)}" for s, t in e.times)
            for e in self.entries
        )

    def is_armed(self, at: datetime) -> bool:
        """Whether the schedule is armed at the aware instant `at`."""
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError("is_armed needs an aware datetime")
        local = at.astimezone(self.tz)
        day = local.weekday()
        minute = local.hour * 60 + local.minute
        for r in self.ranges:
            if r.start < r.end:
                if r.day == day and r.start <= minute < r.end:
                    return True
            elif (r.day == day and minute >= r.start) or (
                (r.day + 1) % 7 == day and minute < r.end
            ):
                return True
        return False


def _parse_entry(part: str) -> _Entry:
    tokens = part.lower().replace(" ,", ",").replace(", ", ",").split()
    if len(tokens) < 2:
        raise ScheduleError('expected days and a time range, e.g. "mon-fri 22:00-06:00"')
    days = _parse_days(tokens[0])
    times = tuple(_parse_range(t) for t in tokens[1:])
    return _Entry(days, times)


def _parse_days(text: str) -> tuple[int, ...]:
    if text in ("daily", "everyday"):
        return tuple(range(7))
    out: list[int] = []
    for item in text.split(","):
        first, sep, last = item.partition("-")
        a = _day(first)
        if sep:
            b = _day(last)
            span = (b - a) % 7
            out.extend((a + i) % 7 for i in range(span + 1))
        else:
            out.append(a)
    return tuple(sorted(set(out)))


def _day(text: str) -> int:
    for table in (_DAY_INDEX, _FULL_DAY_INDEX):
        if text in table:
            return table[text]
    raise ScheduleError(f"unknown day {text!r} (use mon tue wed thu fri sat sun)")


def _parse_range(text: str) -> tuple[int, int]:
    first, sep, last = text.partition("-")
    if not sep:
        raise ScheduleError(f"{text!r} is not a time range like 22:00-06:00")
    start = _minutes(first, allow_24=False)
    end = _minutes(last, allow_24=True)
    if start == end % MINUTES_PER_DAY and end != MINUTES_PER_DAY:
        raise ScheduleError(f"{text!r} is empty (for a whole day write 00:00-24:00)")
    if end == MINUTES_PER_DAY and start == 0:
        return (0, MINUTES_PER_DAY)
    return (start, end)


def _minutes(text: str, *, allow_24: bool) -> int:
    m = _TIME.match(text)
    if m is None:
        raise ScheduleError(f"{text!r} is not a time like 06:00")
    hour, minute = int(m.group(1)), int(m.group(2))
    if allow_24 and hour == 24 and minute == 0:
        return MINUTES_PER_DAY
    if hour > 23:
        raise ScheduleError(f"hour {hour} in {text!r} is out of range (00-23, or 24:00 as an end)")
    if minute > 59:
        raise ScheduleError(f"minute {minute} in {text!r} is out of range (00-59)")
    return hour * 60 + minute


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _format_days(days: tuple[int, ...]) -> str:
    if days == tuple(range(7)):
        return "mon-sun"
    # Runs of consecutive days (no wrap-around, so the text reads Monday-first).
    runs: list[tuple[int, int]] = []
    for d in days:
        if runs and runs[-1][1] == d - 1:
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    items = []
    for a, b in runs:
        if a == b:
            items.append(DAY_NAMES[a])
        elif b == a + 1:
            items.append(f"{DAY_NAMES[a]},{DAY_NAMES[b]}")
        else:
            items.append(f"{DAY_NAMES[a]}-{DAY_NAMES[b]}")
    return ",".join(items)
