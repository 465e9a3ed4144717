"""Motion detection at run time: this workstation's cameras' sub streams, detectors and events.

Qt-free: `console serve` runs it as it is, the GUI polls `regions()` and `status()` from a
timer. Three kinds of threads, each named and stopped by `stop()`:

- one `decode:<camera>` worker per camera with motion detection on, decoding the sub stream
  at a small size into one latest-value mailbox (frames are dropped, never queued);
- `motion`: every 1/rate_hz seconds takes the newest frame of each camera, runs that camera's
  MotionDetector and keeps its regions for the wall; an event goes into a small bounded queue;
- `motion-io`: everything that may block (the database, resolving a stream URL, which is a
  network call for an ONVIF camera): reloads the settings, starts and stops the decode
  workers, encodes snapshots and stores the events (VideoService.raise_motion_event).

What happens to an event when the database cannot be reached: it waits in the queue (at most
`queue_max` of them; the newest are dropped and counted beyond that) and is written with its
original time once the database answers again, the oldest first, so the motion that began an
intrusion still opens the incident. Detection goes on meanwhile. Events still waiting at
`stop()` are written within `flush_s` if the database answers, else logged as lost.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

import numpy as np

from console.video_sources import ResolvedStream, VideoSourceError, VideoSourceNotReady
from core.camera_settings import CameraSettings
from core.events import WorkerFailed
from core.mailbox import LatestMailbox
from core.motion import MotionRegion, MotionSettings
from core.ports import Clock, EventSink
from core.site import SiteSpec
from core.timefmt import utcnow
from core.video import StreamKind, StreamStatus, VideoFrame
from core.workers import ThreadedRunner
from data.audit_journal import is_outage
from video.decode import DecodeWorker
from video.motion import MotionDetector, MotionResult
from video.png import encode_png

log = logging.getLogger(__name__)

NAME = "motion"
IO_NAME = "motion-io"
DEFAULT_SIZE = (320, 180)  # the detector works at 320 px wide: decoding more buys nothing
RELOAD_EVERY_S = 60.0  # settings are re-read this often even without a change notice
RELOAD_RETRY_S = 5.0  # after a failed read of the settings
RESOLVE_RETRY_S = 2.0  # a demo camera whose clips are still being made
RESOLVE_FAILED_S = 60.0  # a camera whose URL cannot be built: asked again this much later
QUEUE_MAX = 32  # events waiting for the database (a few MB of snapshots at most)
WRITE_BACKOFF_S = 1.0
WRITE_BACKOFF_CAP_S = 30.0
FLUSH_S = 1.0  # at stop(), time left to write the events still waiting
IDLE_TICK_S = 0.5  # the motion thread's pace with no camera to watch
ERROR_LOG_EVERY_S = 60.0  # a camera whose frames keep failing is logged this often

Resolve = Callable[[str, StreamKind], ResolvedStream]
"""VideoSources.resolve: a camera's stream to open (VideoSourceNotReady: ask again later)."""


class MotionStore(Protocol):
    """What the runtime needs of data.services.video.VideoService."""

    def all_camera_settings(
        self, cameras: Collection[str] | None = None
    ) -> dict[str, CameraSettings]: ...

    def raise_motion_event(
        self,
        camera: str,
        at: datetime,
        score: float,
        regions: Sequence[Any],
        snapshot_png: bytes | None,
    ) -> Any: ...


class HasVideo(Protocol):
    """data.services.Services, as far as motion goes."""

    @property
    def video(self) -> MotionStore: ...


class MotionState(enum.StrEnum):
    """How the runtime is doing, for a status line."""

    STARTING = "starting"  # the settings have not been read yet
    RUNNING = "running"
    DEGRADED = "degraded"  # detecting, but the database does not answer: events wait
    FAILED = "failed"  # a thread died: detail says why
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class CameraMotion:
    """The newest analysed frame of one camera, for the wall to draw."""

    camera: str
    regions: tuple[MotionRegion, ...]  # normalised rectangles, largest first
    score: float
    active: bool
    at: float  # time.monotonic() of the frame


@dataclass(frozen=True, slots=True)
class MotionCounters:
    """What the runtime did so far (diagnostics, logs)."""

    frames: int = 0  # frames analysed
    errors: int = 0  # frames the detector failed on
    events: int = 0  # events detected (queued or dropped)
    stored: int = 0  # events the database took
    incidents: int = 0  # of them: opened an incident
    appended: int = 0  # of them: appended to the camera's open incident
    logged: int = 0  # of them: only logged (not armed)
    dropped: int = 0  # lost: the queue was full, or still waiting at the end of stop()
    refused: int = 0  # the database refused the event (unknown camera, bad data): not retried
    failures: int = 0  # write attempts that failed because the database did not answer
    pending: int = 0  # waiting for the database now


@dataclass(frozen=True, slots=True)
class MotionStatus:
    """A consistent snapshot for the GUI's status line."""

    state: MotionState
    detail: str
    cameras: tuple[str, ...]  # cameras being watched now
    counters: MotionCounters


@dataclass
class _Pending:
    camera: str
    at: datetime
    score: float
    regions: tuple[MotionRegion, ...]
    image: np.ndarray | None  # BGRA; encoded to PNG on the io thread, then dropped
    png: bytes | None = None


@dataclass
class _Override:
    settings: MotionSettings
    stored: CameraSettings | None  # the stored settings it was made against


@dataclass
class _Counts:
    frames: int = 0
    errors: int = 0
    events: int = 0
    stored: int = 0
    incidents: int = 0
    appended: int = 0
    logged: int = 0
    dropped: int = 0
    refused: int = 0
    failures: int = 0
    last_error_log: dict[str, float] = field(default_factory=dict)


class MotionRuntime(ThreadedRunner):
    """Motion detection for the cameras the site file puts on this workstation.

    Follows `core.ports.Stoppable` (`console.threads.ThreadOwner.add_worker` owns it): `start()`,
    `stop()`, `interrupt()`, `join(timeout)`, `alive`, `name`. Every other method may be
    called from any thread and returns at once.
    """

    def __init__(
        self,
        site: SiteSpec,
        workstation: str,
        services: HasVideo,
        resolve: Resolve,
        *,
        all_cameras: bool = False,
        size: tuple[int, int] = DEFAULT_SIZE,
        base: MotionSettings | None = None,
        reload_every_s: float = RELOAD_EVERY_S,
        queue_max: int = QUEUE_MAX,
        flush_s: float = FLUSH_S,
        sink: EventSink | None = None,
        clock: Clock = utcnow,
        hwaccel: str | None = None,
    ) -> None:
        """Prepare (nothing runs before `start()`).

        Args:
            site: The site file: its cameras whose `workstation` is this one are watched
                (every camera with `all_cameras`), when their stored settings turn motion on.
            services: data.services.Services (its `video`).
            resolve: VideoSources.resolve.
            size: The size the sub stream is decoded to (and the snapshot's size).
            base: Persistence, cooldown and rate of every detector; sensitivity and mask come
                from each camera's stored settings.
            sink: Where WorkerFailed goes (the console's notification area); None: log only.
            clock: Wall time of the events.
        """
        super().__init__(NAME)  # the motion thread; the io thread is started beside it
        self.site = site
        self.workstation = workstation
        self._store = services.video
        self._resolve = resolve
        self._mine = tuple(
            c.code for c in site.cameras if all_cameras or c.workstation == workstation
        )
        self._size = size
        self._base = base or MotionSettings()
        self._reload_every = reload_every_s
        self._queue_max = max(1, queue_max)
        self._flush_s = flush_s
        self._sink = sink
        self._clock = clock
        self._hwaccel = hwaccel
        self._mailbox: LatestMailbox[str, VideoFrame] = LatestMailbox(
            max_keys=max(1, len(self._mine)), name="motion"
        )

        self._lock = threading.Lock()  # guards the fields below marked (locked)
        self._stored: dict[str, CameraSettings] = {}  # (locked) by camera, as last read
        self._overrides: dict[str, _Override] = {}  # (locked) tune()'s settings
        self._detectors: dict[str, MotionDetector] = {}  # (locked)
        self._workers: dict[str, DecodeWorker] = {}  # (locked)
        self._retiring: list[DecodeWorker] = []  # (locked) stopped, not yet joined
        self._latest: dict[str, CameraMotion] = {}  # (locked)
        self._streams: dict[str, StreamStatus] = {}  # (locked)
        self._queue: deque[_Pending] = deque()  # (locked)
        self._counts = _Counts()  # (locked)
        self._state = MotionState.STARTING  # (locked)
        self._detail = ""  # (locked)
        self._reload_asked = True  # (locked)

        self._io_wake = threading.Event()
        self._io_thread: threading.Thread | None = None
        self._retry_resolve: dict[str, float] = {}  # io thread: camera -> monotonic time

    # --- Stoppable ------------------------------------------------------------------------
    @property
    def alive(self) -> bool:
        """True while either thread or a decode worker runs."""
        threads = (self._thread, self._io_thread)
        if any(t is not None and t.is_alive() for t in threads):
            return True
        with self._lock:
            workers = [*self._workers.values(), *self._retiring]
        return any(w.alive for w in workers)

    def _before_start(self) -> None:
        """`start()` starts the io thread first: it reads the settings and starts decoding."""
        # A daemon like the motion thread: one stuck in a database call after the owner's
        # deadline must not keep the process alive.
        self._io_thread = threading.Thread(target=self._io_run, name=IO_NAME, daemon=True)
        self._io_thread.start()

    def stop(self) -> None:
        """Ask every thread to stop (does not block)."""
        with self._lock:
            super().stop()
            workers = [*self._workers.values(), *self._retiring]
        for worker in workers:
            worker.stop()
        self._io_wake.set()

    def _interrupt(self) -> None:
        """Wake the decode workers (their reads end within their read timeout anyway)."""
        with self._lock:
            workers = [*self._workers.values(), *self._retiring]
        for worker in workers:
            worker.interrupt()

    def join(self, timeout: float = 5.0) -> bool:
        """Wait for every thread up to `timeout` seconds in all; False if one still runs."""
        deadline = time.monotonic() + max(timeout, 0.0)
        ok = True
        for thread in (self._thread, self._io_thread):
            if thread is not None:
                thread.join(max(0.0, deadline - time.monotonic()))
                ok = ok and not thread.is_alive()
        with self._lock:
            workers = [*self._workers.values(), *self._retiring]
        for worker in workers:
            ok = worker.join(max(0.0, deadline - time.monotonic())) and ok
        if ok:
            with self._lock:
                self._retiring.clear()
                if self._state is not MotionState.FAILED:
                    self._state = MotionState.STOPPED
        return ok

    # --- the owner's side (any thread) ------------------------------------------------------
    @property
    def station_cameras(self) -> tuple[str, ...]:
        """The site's cameras this runtime may watch (motion on or not)."""
        return self._mine

    def cameras(self) -> tuple[str, ...]:
        """The cameras being watched now, in site order."""
        with self._lock:
            return tuple(c for c in self._mine if c in self._detectors)

    def regions(self, camera: str) -> list[MotionRegion]:
        """The moving areas of the camera's newest analysed frame (normalised rectangles,
        largest first); empty when the camera is not watched."""
        with self._lock:
            latest = self._latest.get(camera)
        return list(latest.regions) if latest is not None else []

    def latest(self, camera: str) -> CameraMotion | None:
        """The camera's newest analysed frame's result, if any."""
        with self._lock:
            return self._latest.get(camera)

    def stream_status(self, camera: str) -> StreamStatus | None:
        """The state of the camera's sub stream as its decode worker last said."""
        with self._lock:
            return self._streams.get(camera)

    def settings(self, camera: str) -> MotionSettings | None:
        """The settings the camera's detector runs with now (None: not watched)."""
        with self._lock:
            detector = self._detectors.get(camera)
        return detector.settings if detector is not None else None

    def status(self) -> MotionStatus:
        with self._lock:
            c = self._counts
            counters = MotionCounters(
                frames=c.frames,
                errors=c.errors,
                events=c.events,
                stored=c.stored,
                incidents=c.incidents,
                appended=c.appended,
                logged=c.logged,
                dropped=c.dropped,
                refused=c.refused,
                failures=c.failures,
                pending=len(self._queue),
            )
            cameras = tuple(cam for cam in self._mine if cam in self._detectors)
            return MotionStatus(self._state, self._detail, cameras, counters)

    def reload_settings(self) -> None:
        """Read the cameras' settings again soon (the camera_setting table changed)."""
        with self._lock:
            self._reload_asked = True
        self._io_wake.set()

    def tune(self, camera: str, settings: CameraSettings | MotionSettings | None) -> bool:
        """Apply settings to the camera's detector now, before they are stored.

        The operator moving the sensitivity slider or drawing the mask sees the regions change
        at once. A camera whose stored settings have motion off is watched for the preview
        (its motion raises no events). The tuned settings hold until `tune(camera, None)` or
        until the camera's stored settings change (the operator saved them). False for a
        camera this runtime does not watch (another workstation's).
        """
        if camera not in self._mine:
            return False
        with self._lock:
            if settings is None:
                self._overrides.pop(camera, None)
            else:
                if isinstance(settings, CameraSettings):
                    settings = replace(
                        self._base, sensitivity=settings.sensitivity, mask=settings.mask
                    )
                self._overrides[camera] = _Override(settings, self._stored.get(camera))
            detector = self._detectors.get(camera)
            effective = self._effective(camera)
        if detector is not None and effective is not None:
            detector.set_settings(effective)
        self._io_wake.set()  # a preview starts (or ends) its decode worker
        return True

    # --- the motion thread ----------------------------------------------------------------
    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._analyse(self._mailbox.take())
                self._stop.wait(self._tick())
        except Exception as exc:
            self._failed(NAME, exc)

    def _tick(self) -> float:
        with self._lock:
            rates = [d.settings.rate_hz for d in self._detectors.values()]
        if not rates:
            return IDLE_TICK_S
        return min(1.0, max(0.04, 1.0 / max(rates)))

    def _analyse(self, frames: dict[str, VideoFrame]) -> None:
        for camera, frame in frames.items():
            with self._lock:
                detector = self._detectors.get(camera)
                stored = self._stored.get(camera)
            if detector is None or not detector.due(frame.decoded_at):
                continue
            try:
                result = detector.process(frame.image, frame.decoded_at)
            except Exception as exc:
                self._frame_failed(camera, exc)
                continue
            motion = CameraMotion(
                camera, result.regions, result.score, result.active, frame.decoded_at
            )
            with self._lock:
                if self._detectors.get(camera) is detector:  # not retired meanwhile
                    self._latest[camera] = motion
                self._counts.frames += 1
            # A camera watched only for an operator's preview raises nothing.
            if result.event and stored is not None and stored.motion_enabled:
                self._enqueue(camera, frame, result)

    def _frame_failed(self, camera: str, exc: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self._counts.errors += 1
            last = self._counts.last_error_log.get(camera)
            if last is not None and now - last < ERROR_LOG_EVERY_S:
                return
            self._counts.last_error_log[camera] = now
        log.error("motion: camera %s: a frame could not be analysed", camera, exc_info=exc)

    def _enqueue(self, camera: str, frame: VideoFrame, result: MotionResult) -> None:
        age = max(0.0, time.monotonic() - frame.decoded_at)
        at = self._clock() - timedelta(seconds=age)
        item = _Pending(camera, at, result.score, result.regions, frame.image)
        with self._lock:
            self._counts.events += 1
            if len(self._queue) >= self._queue_max:
                # The oldest are kept: the first motion of an intrusion opens the incident.
                self._counts.dropped += 1
                dropped = self._counts.dropped
                queued = False
            else:
                self._queue.append(item)
                queued = True
        if queued:
            self._io_wake.set()
        else:
            log.warning(
                "motion: camera %s: event dropped, %d waiting for the database (%d dropped)",
                camera,
                self._queue_max,
                dropped,
            )

    # --- the io thread --------------------------------------------------------------------
    def _io_run(self) -> None:
        try:
            self._io_loop()
        except Exception as exc:
            self._failed(IO_NAME, exc)
        finally:
            self._retire_all()
        self._flush()

    def _io_loop(self) -> None:
        next_reload = 0.0
        write_at = 0.0
        backoff = WRITE_BACKOFF_S
        while not self._stop.is_set():
            self._io_wake.clear()
            now = time.monotonic()
            with self._lock:
                asked, self._reload_asked = self._reload_asked, False
            if asked or now >= next_reload:
                ok = self._reload()
                retry = min(RELOAD_RETRY_S, self._reload_every)
                next_reload = now + (self._reload_every if ok else retry)
                if ok:  # the database answers: waiting events need not sit out their backoff
                    write_at, backoff = 0.0, WRITE_BACKOFF_S
            self._reconcile(now)
            if now >= write_at and self._pending():
                if self._write_head():
                    backoff = WRITE_BACKOFF_S
                    continue  # the next event at once
                write_at = time.monotonic() + backoff
                backoff = min(WRITE_BACKOFF_CAP_S, backoff * 2)
            deadlines = [next_reload, *self._retry_resolve.values()]
            if self._pending():
                deadlines.append(write_at)
            wait = min(deadlines) - time.monotonic()
            self._io_wake.wait(min(max(wait, 0.01), 1.0))

    def _pending(self) -> bool:
        with self._lock:
            return bool(self._queue)

    def _reload(self) -> bool:
        try:
            stored = self._store.all_camera_settings(self._mine)
        except Exception as exc:
            self._db_trouble("the cameras' motion settings could not be read", exc)
            return False
        with self._lock:
            for camera, override in list(self._overrides.items()):
                if override.stored != stored.get(camera):
                    del self._overrides[camera]  # saved (or changed elsewhere): stored wins
            self._stored = dict(stored)
            # Back from an outage, unless events still wait (their write says when it ends).
            if self._state is MotionState.STARTING or (
                self._state is MotionState.DEGRADED and not self._queue
            ):
                self._state, self._detail = MotionState.RUNNING, ""
            for camera, detector in self._detectors.items():
                effective = self._effective(camera)
                if effective is not None and effective != detector.settings:
                    detector.set_settings(effective)
        return True

    def _effective(self, camera: str) -> MotionSettings | None:
        """The detector settings a camera runs with; None when it is not to be watched.

        Called with the lock held.
        """
        override = self._overrides.get(camera)
        if override is not None:
            return override.settings
        stored = self._stored.get(camera)
        if stored is None or not stored.motion_enabled:
            return None
        return replace(self._base, sensitivity=stored.sensitivity, mask=stored.mask)

    def _reconcile(self, now: float) -> None:
        """Start the decode workers of cameras to watch; stop those of cameras no longer so."""
        with self._lock:
            wanted = {c: s for c in self._mine if (s := self._effective(c)) is not None}
            gone = [c for c in self._workers if c not in wanted]
            missing = [c for c in wanted if c not in self._workers]
        for camera in gone:
            self._retire(camera)
        for camera in list(self._retry_resolve):
            if camera not in wanted:
                del self._retry_resolve[camera]
        for camera in missing:
            if self._stop.is_set():
                return
            if self._retry_resolve.get(camera, 0.0) > now:
                continue
            stream = self._resolve_sub(camera, now)
            if stream is not None:
                self._start_camera(camera, stream, wanted[camera])
        self._prune()

    def _resolve_sub(self, camera: str, now: float) -> ResolvedStream | None:
        try:
            stream = self._resolve(camera, StreamKind.SUB)
        except VideoSourceNotReady as exc:
            log.debug("motion: camera %s not ready: %s", camera, exc)
            self._retry_resolve[camera] = now + RESOLVE_RETRY_S
            return None
        except VideoSourceError as exc:
            log.warning("motion: camera %s cannot be watched: %s", camera, exc)
            self._retry_resolve[camera] = now + RESOLVE_FAILED_S
            return None
        except Exception:
            log.exception("motion: camera %s: its sub stream could not be resolved", camera)
            self._retry_resolve[camera] = now + RESOLVE_FAILED_S
            return None
        self._retry_resolve.pop(camera, None)
        return stream

    def _start_camera(self, camera: str, stream: ResolvedStream, settings: MotionSettings) -> None:
        worker = DecodeWorker(
            camera,
            StreamKind.SUB,
            stream.url,
            self._size,
            self._mailbox,
            camera,
            self._on_stream,
            hwaccel=self._hwaccel,
        )
        with self._lock:
            if self._stop.is_set():
                return  # stop() has already told the workers it knows of
            self._detectors[camera] = MotionDetector(settings)
            self._workers[camera] = worker
            worker.start()
        log.info("motion: watching camera %s (%s)", camera, stream.display_url)

    def _retire(self, camera: str) -> None:
        with self._lock:
            worker = self._workers.pop(camera, None)
            self._detectors.pop(camera, None)
            self._latest.pop(camera, None)
            self._streams.pop(camera, None)
            if worker is not None:
                self._retiring.append(worker)
        if worker is not None:
            worker.stop()
            log.info("motion: camera %s no longer watched", camera)
        self._mailbox.forget(camera)

    def _retire_all(self) -> None:
        with self._lock:
            cameras = list(self._workers)
        for camera in cameras:
            self._retire(camera)

    def _prune(self) -> None:
        with self._lock:
            self._retiring = [w for w in self._retiring if w.alive]

    def _on_stream(self, status: StreamStatus) -> None:
        with self._lock:
            if status.camera in self._workers:
                self._streams[status.camera] = status

    def _write_head(self) -> bool:
        """Store the oldest waiting event; False when the database did not answer (it stays)."""
        with self._lock:
            if not self._queue:
                return True
            item = self._queue[0]
        if item.image is not None:
            item.png, item.image = _png(item.camera, item.image), None
        try:
            result = self._store.raise_motion_event(
                item.camera, item.at, item.score, item.regions, item.png
            )
        except Exception as exc:
            if is_outage(exc):
                with self._lock:
                    self._counts.failures += 1
                self._db_trouble("a motion event waits for the database", exc)
                return False
            log.exception("motion: camera %s: the event was refused and is dropped", item.camera)
            with self._lock:
                self._queue.popleft()
                self._counts.refused += 1
            return True
        outcome = str(getattr(getattr(result, "outcome", None), "value", ""))
        with self._lock:
            self._queue.popleft()
            c = self._counts
            c.stored += 1
            c.incidents += outcome == "incident"
            c.appended += outcome == "appended"
            c.logged += outcome == "logged"
            recovered = self._state is MotionState.DEGRADED
            if recovered:
                self._state, self._detail = MotionState.RUNNING, ""
        if recovered:
            log.info("motion: the database answers again")
        log.debug("motion: camera %s: event stored (%s)", item.camera, outcome)
        return True

    def _flush(self) -> None:
        """At stop: write what still waits within flush_s, then count the rest as lost."""
        deadline = time.monotonic() + self._flush_s
        while self._pending() and time.monotonic() < deadline:
            if not self._write_head():
                break
        with self._lock:
            lost = len(self._queue)
            self._queue.clear()
            self._counts.dropped += lost
        if lost:
            log.error(
                "motion: %d events not stored at shutdown (the database did not answer)", lost
            )

    # --- error paths ----------------------------------------------------------------------
    def _db_trouble(self, what: str, exc: BaseException) -> None:
        """The database did not answer (or failed): detection goes on, the GUI shows why."""
        outage = is_outage(exc)
        detail = f"{what}: {'the database does not answer' if outage else type(exc).__name__}"
        with self._lock:
            first = self._state is not MotionState.DEGRADED
            if self._state is not MotionState.FAILED:
                self._state, self._detail = MotionState.DEGRADED, detail
        if first and not outage:
            log.error("motion: %s", what, exc_info=exc)
        elif first:
            log.warning("motion: %s: %s", what, exc)
        else:  # the same trouble again: the status already says so
            log.debug("motion: %s: %s", what, exc)
        if first:
            self._publish(WorkerFailed(NAME, detail, self._clock(), retrying=True))

    def _failed(self, thread: str, exc: BaseException) -> None:
        log.error("%s: thread failed", thread, exc_info=exc)
        detail = f"{thread}: {type(exc).__name__}: {exc}"
        with self._lock:
            self._state, self._detail = MotionState.FAILED, detail
        self._publish(WorkerFailed(NAME, detail, self._clock(), retrying=False))
        self.stop()  # half a runtime is worse than none: the status says it stopped

    def _publish(self, event: object) -> None:
        if self._sink is None:
            return
        try:
            self._sink.publish(event)
        except Exception:
            log.exception("motion: the event sink failed")


def _png(camera: str, image: np.ndarray) -> bytes | None:
    """The frame as a PNG (BGR: the decoder's alpha is always opaque); None if it fails."""
    try:
        return encode_png(image)
    except ValueError as exc:
        log.error("motion: camera %s: the snapshot could not be encoded: %s", camera, exc)
        return None
