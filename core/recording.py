"""Recordings as plain data: segments, gaps, holds, recorder health, and the retention rule."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

# Public-security video in China must be kept at least 30 days.
DEFAULT_KEEP_DAYS = 30
DEFAULT_SEGMENT_SECONDS = 60.0
# Below this much free space the oldest unheld segments go first, whatever their age.
DEFAULT_MIN_FREE_BYTES = 2 * 1024**3
# A recorder whose heartbeat is older than this is taken for gone (the console starts one).
HEARTBEAT_SECONDS = 2.0
STALE_AFTER_SECONDS = 10.0


class GapCause(enum.StrEnum):
    """Why a camera's recording has a hole."""

    CAMERA_OFFLINE = "camera_offline"  # the stream could not be opened or stopped delivering
    DISK_FULL = "disk_full"  # the recording volume had no space left
    RECORDER_DOWN = "recorder_down"  # no recorder ran (found at the next start)
    ERROR = "error"  # anything else; the detail says what


class SegmentState(enum.StrEnum):
    """A segment file's life: written, closed with its hash, or found damaged."""

    WRITING = "writing"
    COMPLETE = "complete"
    DAMAGED = "damaged"  # recovered after a crash with what could be read of it
    MISSING = "missing"  # the index row outlived its file


@dataclass(frozen=True, slots=True)
class Segment:
    """One recorded file of one camera: [start, end) in UTC, path relative to the root."""

    id: int
    camera: str
    start: datetime
    end: datetime
    path: str
    bytes: int
    sha256: str
    state: SegmentState = SegmentState.COMPLETE
    codec: str = ""

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    def covers(self, t: datetime) -> bool:
        return self.start <= t < self.end


@dataclass(frozen=True, slots=True)
class Gap:
    """A stretch of time a camera was not recorded, and why; `end` is None while it lasts."""

    id: int
    camera: str
    start: datetime
    end: datetime | None
    cause: GapCause
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Hold:
    """An evidence hold: these cameras' segments overlapping [start, end) outlive retention."""

    id: int
    incident_id: int | None
    cameras: tuple[str, ...]
    start: datetime
    end: datetime
    reason: str = ""

    def holds(self, seg: Segment) -> bool:
        return seg.camera in self.cameras and seg.start < self.end and seg.end > self.start


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A moment of a camera's recording marked with a note."""

    id: int
    camera: str
    at: datetime
    note: str
    author: str = ""
    incident_id: int | None = None


@dataclass(frozen=True, slots=True)
class RecorderHealth:
    """What a running recorder reports about itself every HEARTBEAT_SECONDS."""

    recorder: str  # "host:pid"
    started: datetime
    heartbeat: datetime
    cameras_total: int
    cameras_recording: int
    bitrate_bps: float
    disk_free_bytes: int
    disk_total_bytes: int
    days_fit: float | None  # how many days of recording the volume holds at this bitrate
    root: str = ""
    detail: str = ""  # e.g. "disk full since 10:42" or the last error
    failing: tuple[str, ...] = field(default=())  # cameras not recording now
    # What the recorder knows of each camera's link: (code, reachable, detail). Only cameras
    # it is connected to or has failed to reach; a full disk says nothing about a camera.
    links: tuple[tuple[str, bool, str], ...] = field(default=())

    def stale(self, now: datetime) -> bool:
        return (now - self.heartbeat).total_seconds() > STALE_AFTER_SECONDS


class RecordingSink(Protocol):
    """Where a recorder writes its index (the database in the product, a list in unit tests).

    Called from the recorder's threads; implementations are thread-safe.
    """

    def segment_opened(self, camera: str, start: datetime, path: str, codec: str) -> int: ...

    def segment_closed(
        self, seg_id: int, end: datetime, size: int, sha256: str, state: SegmentState
    ) -> None: ...

    def gap_opened(self, camera: str, start: datetime, cause: GapCause, detail: str) -> int: ...

    def gap_closed(self, gap_id: int, end: datetime) -> None: ...

    def unfinished(self) -> list[Segment]:
        """Segments still marked WRITING (a recorder died while writing them)."""
        ...

    def open_gaps(self) -> list[Gap]: ...

    def last_recorded(self) -> dict[str, datetime]:
        """Each camera's latest segment end (to record a RECORDER_DOWN gap at start)."""
        ...

    def segments_before(self, before: datetime, limit: int) -> list[Segment]:
        """The oldest complete or damaged segments that started before `before`."""
        ...

    def oldest_segments(self, limit: int) -> list[Segment]: ...

    def holds(self) -> list[Hold]:
        """The holds in force (not released)."""
        ...

    def segment_deleted(self, seg_id: int) -> None: ...

    def heartbeat(self, health: RecorderHealth) -> None: ...

    def raise_alarm(self, camera: str | None, text: str) -> None:
        """Tell the operators (an incident or device alarm), e.g. the disk is full."""
        ...


def expired(
    segments: Iterable[Segment], holds: Sequence[Hold], now: datetime, keep_days: float
) -> list[Segment]:
    """Segments past retention and under no hold, oldest first."""
    cutoff = now - timedelta(days=keep_days)
    out = [s for s in segments if s.end <= cutoff and not any(h.holds(s) for h in holds)]
    return sorted(out, key=lambda s: (s.start, s.id))


def to_free(segments: Iterable[Segment], holds: Sequence[Hold], need_bytes: int) -> list[Segment]:
    """The oldest unheld segments whose deletion frees at least `need_bytes` (fewer if none)."""
    out: list[Segment] = []
    freed = 0
    for s in sorted(segments, key=lambda s: (s.start, s.id)):
        if freed >= need_bytes:
            break
        if any(h.holds(s) for h in holds):
            continue
        out.append(s)
        freed += s.bytes
    return out


def days_fit(free_bytes: int, used_bytes: int, bitrate_bps: float) -> float | None:
    """Days of recording the volume holds at this total bitrate (recorded and free space)."""
    if bitrate_bps <= 0:
        return None
    return (free_bytes + used_bytes) * 8 / bitrate_bps / 86_400


def segment_path(camera: str, start: datetime) -> str:
    """Where a segment lives under the recording root: camera/day/camera_time.mp4 (UTC)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in camera) or "camera"
    return f"{safe}/{start:%Y-%m-%d}/{safe}_{start:%Y%m%dT%H%M%S}_{start:%f}Z.mp4"


def covering(segments: Sequence[Segment], t: datetime) -> Segment | None:
    """The segment recorded at `t`, or None in a gap (segments sorted by start)."""
    for s in segments:
        if s.covers(t):
            return s
    return None


def next_after(segments: Sequence[Segment], t: datetime) -> Segment | None:
    """The first segment starting at or after `t` (segments sorted by start)."""
    for s in segments:
        if s.start >= t:
            return s
    return None
