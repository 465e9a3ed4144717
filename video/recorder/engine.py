"""The recorder: a recording thread per camera, crash recovery at start, retention and heartbeat."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import socket
import threading
import time
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from core.recording import (
    DEFAULT_KEEP_DAYS,
    DEFAULT_MIN_FREE_BYTES,
    DEFAULT_SEGMENT_SECONDS,
    HEARTBEAT_SECONDS,
    GapCause,
    RecorderHealth,
    RecordingSink,
    Segment,
    SegmentState,
    days_fit,
    expired,
    to_free,
)
from core.timefmt import utcnow
from core.workers import ThreadedRunner
from video.recorder.camera import CameraCounters, CameraRecorder, Clock, RecState
from video.recorder.segment import recover

log = logging.getLogger(__name__)

HOUSEKEEPING_THREAD = "recorder:housekeeping"
# A restart quicker than this is not worth a RECORDER_DOWN gap (the next keyframe is that far).
DOWN_AFTER_S = 5.0
RETENTION_BATCH = 500  # segments looked at per housekeeping round and rule
RETENTION_S = 30.0  # retention runs this often (the heartbeat every HEARTBEAT_SECONDS)

# Camera states that say something about the camera's link (core.recording.RecorderHealth.links).
_LINK_STATES = frozenset({RecState.RECORDING, RecState.OFFLINE, RecState.WRONG_CREDENTIALS})


def _link_detail(c: CameraCounters) -> str:
    # The device pane's detail column, beside the panels' and readers' (site language).
    if c.state is RecState.RECORDING:
        return "录像中"
    if c.state is RecState.WRONG_CREDENTIALS:
        return "用户名或密码错误"
    return f"无法连接：{c.last_error}" if c.last_error else "无法连接"


def default_name() -> str:
    """`host:pid`, how a recorder names itself in its heartbeat."""
    return f"{socket.gethostname()}:{os.getpid()}"


class _Housekeeper(ThreadedRunner):
    """The recorder's housekeeping thread: heartbeat and retention every `interval` seconds."""

    def __init__(self, recorder: Recorder, interval: float) -> None:
        super().__init__(HOUSEKEEPING_THREAD)
        self._recorder = recorder
        self._interval = interval

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._recorder.housekeep()
            except Exception:
                # The index (a database) may be away for a while: try again next round.
                log.exception("%s: housekeeping failed", self.name)
            self._stop.wait(self._interval)


class Recorder:
    """Records every camera into `root` and keeps the index in `sink`.

    `start()` settles what a previous recorder left (segments still WRITING, open gaps, the
    time no recorder ran), then starts a `record:<camera>` thread per camera and the
    `recorder:housekeeping` thread (heartbeat, retention by age and by free space, never a
    held segment). `stop(timeout)` ends every segment (closed COMPLETE with its hash) and
    joins every thread within the deadline.
    """

    def __init__(
        self,
        sink: RecordingSink,
        cameras: Mapping[str, str],
        root: Path,
        *,
        segment_seconds: float = DEFAULT_SEGMENT_SECONDS,
        keep_days: float = DEFAULT_KEEP_DAYS,
        min_free_bytes: int = DEFAULT_MIN_FREE_BYTES,
        name: str | None = None,
        clock: Clock = utcnow,
        housekeeping_s: float = HEARTBEAT_SECONDS,
        retention_s: float = RETENTION_S,
        down_after_s: float = DOWN_AFTER_S,
        camera_options: Mapping[str, Any] | None = None,
        started_by_console: bool = False,
    ) -> None:
        """Prepare the recorder (nothing runs before `start()`).

        Args:
            sink: The index (thread-safe; the database in the product).
            cameras: Camera code -> stream URL (rtsp:// with percent-encoded credentials).
            root: The recording root (created if missing).
            keep_days: Segments older than this go (unless held).
            min_free_bytes: Below this much free space the oldest unheld segments go first.
            name: How the heartbeat names this recorder (default `host:pid`).
            clock: UTC now (tests pass a fake one).
            housekeeping_s: Heartbeat interval; retention runs every `retention_s`.
            down_after_s: Downtime shorter than this gets no RECORDER_DOWN gap.
            camera_options: Keyword arguments for every CameraRecorder (timeouts, backoff).
            started_by_console: A console started this process (said in the log only).
        """
        self._sink = sink
        self._cameras = dict(cameras)
        self._root = Path(root)
        self._segment_seconds = segment_seconds
        self._keep_days = keep_days
        self._min_free = min_free_bytes
        self._name = name or default_name()
        self._clock = clock
        self._housekeeping_s = housekeeping_s
        self._retention_s = retention_s
        self._retention_due = 0.0  # time.monotonic() of the next retention round
        self._down_after = down_after_s
        self._camera_options = dict(camera_options or {})
        self._lock = threading.Lock()  # guards _recorders and _health
        self._recorders: dict[str, CameraRecorder] = {}
        self._housekeeper: _Housekeeper | None = None
        self._health: RecorderHealth | None = None
        self._started: datetime | None = None
        self.started_by_console = started_by_console

    @property
    def root(self) -> Path:
        return self._root

    @property
    def name(self) -> str:
        return self._name

    def start(self) -> None:
        """Recover, then start the camera threads and the housekeeping thread."""
        if self._started is not None:
            raise RuntimeError("recorder already started")
        self._root.mkdir(parents=True, exist_ok=True)
        self._started = self._clock()
        self.recover()
        with self._lock:
            for camera, url in self._cameras.items():
                self._start_camera(camera, url)
        self._housekeeper = _Housekeeper(self, self._housekeeping_s)
        self._housekeeper.start()
        log.info("recorder %s: %d cameras into %s", self._name, len(self._cameras), self._root)

    @property
    def alive(self) -> bool:
        """True while any of its threads runs (`core.ports.Stoppable`)."""
        return any(r.alive for r in self._runners())

    def stop(self, timeout: float | None = None) -> None:
        """Ask every thread to stop (does not block); with `timeout`, also join within it.

        Each camera thread ends its segment (closed COMPLETE with its hash) on the way out.
        """
        for runner in self._runners():
            runner.stop()
        if timeout is not None:
            self.join(timeout)

    def interrupt(self) -> None:
        """Nothing to wake: reads return within the read timeout (`core.ports.Stoppable`)."""

    def join(self, timeout: float = 5.0) -> bool:
        """Wait for every thread within `timeout` seconds; False if one still runs."""
        deadline = time.monotonic() + timeout
        left = [r.name for r in self._runners() if not r.join(deadline - time.monotonic())]
        if left:
            log.error("recorder %s: still running after %.1f s: %s", self._name, timeout, left)
        return not left

    def _runners(self) -> list[ThreadedRunner]:
        with self._lock:
            runners: list[ThreadedRunner] = list(self._recorders.values())
        if self._housekeeper is not None:
            runners.append(self._housekeeper)
        return runners

    def set_cameras(self, cameras: Mapping[str, str], timeout: float = 5.0) -> None:
        """Record exactly these cameras from now on (added, removed, URL changed)."""
        with self._lock:
            old = self._recorders
            going = [
                rec
                for cam, rec in old.items()
                if cam not in cameras or cameras[cam] != self._cameras.get(cam)
            ]
            self._cameras = dict(cameras)
        deadline = time.monotonic() + timeout
        for rec in going:
            rec.stop()
        for rec in going:
            if not rec.join(deadline - time.monotonic()):
                log.error("recorder %s: %s did not stop", self._name, rec.name)
        with self._lock:
            for rec in going:
                self._recorders.pop(rec.camera, None)
            if self._started is not None:
                for camera, url in self._cameras.items():
                    if camera not in self._recorders:
                        self._start_camera(camera, url)

    def health(self) -> RecorderHealth | None:
        """The latest heartbeat sent (None before the first)."""
        with self._lock:
            return self._health

    def counters(self) -> dict[str, CameraCounters]:
        """Each camera's counters now."""
        with self._lock:
            recorders = list(self._recorders.values())
        return {r.camera: r.counters for r in recorders}

    # -- start-up -------------------------------------------------------------------------------

    def recover(self) -> None:
        """Settle what a previous recorder left: WRITING segments, open gaps, its downtime."""
        now = self._clock()
        for seg in self._sink.unfinished():
            self._recover_segment(seg)
        # Only this recorder's cameras: another computer's recorder may have gaps open now.
        stale = [g for g in self._sink.open_gaps() if g.camera in self._cameras]
        for gap in stale:
            # A dead recorder's gap: its cause held as far as anyone knows, until now.
            self._sink.gap_closed(gap.id, max(now, gap.start))
        explained = {gap.camera for gap in stale}
        last = self._sink.last_recorded()
        for camera in self._cameras:
            since = last.get(camera)
            if camera in explained or since is None:
                continue
            if (now - since).total_seconds() > self._down_after:
                gap_id = self._sink.gap_opened(
                    camera, since, GapCause.RECORDER_DOWN, "no recorder was running"
                )
                self._sink.gap_closed(gap_id, now)

    def _recover_segment(self, seg: Segment) -> None:
        path = self._root / seg.path
        try:
            end_s, size, digest, ok = recover(path)
        except FileNotFoundError:
            log.warning("recorder: segment %d (%s) is missing", seg.id, seg.path)
            self._sink.segment_closed(seg.id, seg.start, 0, "", SegmentState.MISSING)
            return
        except OSError as exc:
            log.error("recorder: segment %d (%s) unreadable: %s", seg.id, seg.path, exc)
            self._sink.segment_closed(seg.id, seg.start, 0, "", SegmentState.DAMAGED)
            return
        state = SegmentState.COMPLETE if ok else SegmentState.DAMAGED
        end = seg.start + timedelta(seconds=end_s)
        log.info("recorder: segment %s recovered %s, %.1f s", seg.path, state.value, end_s)
        self._sink.segment_closed(seg.id, end, size, digest, state)

    def _start_camera(self, camera: str, url: str) -> None:
        rec = CameraRecorder(
            camera,
            url,
            self._root,
            self._sink,
            segment_seconds=self._segment_seconds,
            clock=self._clock,
            **self._camera_options,
        )
        rec.start()
        self._recorders[camera] = rec

    # -- housekeeping ---------------------------------------------------------------------------

    def housekeep(self) -> RecorderHealth:
        """One round: retention when due, then a heartbeat (the housekeeping thread calls it)."""
        try:
            if time.monotonic() >= self._retention_due:
                self._retention_due = time.monotonic() + self._retention_s
                self.apply_retention()
        finally:
            health = self._heartbeat()
        return health

    def apply_retention(self) -> list[Segment]:
        """Delete segments past `keep_days`, then the oldest while free space is short."""
        now = self._clock()
        holds = self._sink.holds()
        cutoff = now - timedelta(days=self._keep_days)
        old = self._sink.segments_before(cutoff, RETENTION_BATCH)
        deleted = [s for s in expired(old, holds, now, self._keep_days) if self._delete(s)]
        try:
            free = shutil.disk_usage(self._root).free
        except OSError as exc:
            log.error("recorder: cannot read the free space of %s: %s", self._root, exc)
            return deleted
        if free < self._min_free:
            gone = {s.id for s in deleted}
            candidates = [
                s for s in self._sink.oldest_segments(RETENTION_BATCH) if s.id not in gone
            ]
            victims = to_free(candidates, holds, self._min_free - free)
            deleted += [s for s in victims if self._delete(s)]
            if not victims:
                log.warning("recorder: %d bytes free and nothing left to delete", free)
        return deleted

    def _delete(self, seg: Segment) -> bool:
        path = (self._root / seg.path).resolve()
        root = self._root.resolve()
        if not path.is_relative_to(root):
            log.error("recorder: segment %d path %r is outside the root", seg.id, seg.path)
            return False
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.error("recorder: cannot delete %s: %s", seg.path, exc)
            return False
        day = path.parent
        if day != root:
            with contextlib.suppress(OSError):
                day.rmdir()  # only when empty: the day's last segment went
        self._sink.segment_deleted(seg.id)
        log.info("recorder: deleted %s (%s)", seg.path, seg.start.isoformat())
        return True

    def _heartbeat(self) -> RecorderHealth:
        now = self._clock()
        counters = self.counters()
        recording = [c for c in counters.values() if c.state is RecState.RECORDING]
        failing = tuple(
            sorted(c.camera for c in counters.values() if c.state is not RecState.RECORDING)
        )
        bitrate = sum(c.bitrate_bps for c in counters.values())
        try:
            usage = shutil.disk_usage(self._root)
            free, total, used = usage.free, usage.total, usage.used
        except OSError:
            free = total = used = 0
        details = [f"{c.camera}: {c.last_error}" for c in counters.values() if c.last_error]
        links = tuple(
            (c.camera, c.state is RecState.RECORDING, _link_detail(c))
            for c in sorted(counters.values(), key=lambda c: c.camera)
            if c.state in _LINK_STATES
        )
        if any(c.state is RecState.DISK_FULL for c in counters.values()):
            details.insert(0, "disk full")
        health = RecorderHealth(
            recorder=self._name,
            started=self._started or now,
            heartbeat=now,
            cameras_total=len(counters),
            cameras_recording=len(recording),
            bitrate_bps=bitrate,
            disk_free_bytes=free,
            disk_total_bytes=total,
            days_fit=days_fit(free, used, bitrate),
            root=str(self._root),
            detail="; ".join(details)[:500],
            failing=failing,
            links=links,
        )
        with self._lock:
            self._health = health
        self._sink.heartbeat(health)
        return health


__all__ = ["HOUSEKEEPING_THREAD", "Recorder", "default_name"]
