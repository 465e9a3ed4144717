"""One camera's recording thread: open, remux into segments, reconnect, and say why it has gaps."""

from __future__ import annotations

import collections
import enum
import errno
import logging
import shutil
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import av
import av.error

from core.recording import (
    DEFAULT_SEGMENT_SECONDS,
    GapCause,
    RecordingSink,
    SegmentState,
    segment_path,
)
from core.timefmt import utcnow
from core.workers import ThreadedRunner
from video.decode import DEFAULT_OPTIONS, backoff_delay
from video.recorder.segment import SegmentWriter
from video.urls import redact

log = logging.getLogger(__name__)

OPEN_TIMEOUT_S = 3.0  # connect, RTSP handshake and probe; also bounds stop() during an open
READ_TIMEOUT_S = 0.5  # a quiet read returns this often: stop() is quick on a frozen server
SOCKET_TIMEOUT_US = 5_000_000  # FFmpeg's own RTSP socket timeout, behind our watchdog
STALL_S = 5.0  # no packet for this long while connected: the camera is offline
BACKOFF_BASE_S = 0.5
# Lower than the live view's cap: every second of backoff is a second not recorded.
BACKOFF_CAP_S = 3.0
# After a 401 cameras lock a client that keeps trying (Hikvision: ~30 min): try rarely.
AUTH_BACKOFF_S = 300.0
AUTH_BACKOFF_CAP_S = 1800.0
DISK_RETRY_S = 3.0  # how often a full disk is looked at again
RESUME_FREE_BYTES = 1024**2  # free space that lets recording try again after ENOSPC
BITRATE_WINDOW_S = 10.0
RESYNC_S = 1.0  # a cut whose media clock strays this far from the wall clock takes the wall
WRONG_CREDENTIALS = "wrong credentials"

_AUTH_ERRORS = (av.error.HTTPUnauthorizedError, av.error.HTTPForbiddenError)
_DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)

Clock = Callable[[], datetime]


class RecState(enum.StrEnum):
    """What a camera's recorder is doing."""

    IDLE = "idle"
    CONNECTING = "connecting"
    RECORDING = "recording"
    OFFLINE = "offline"  # the stream cannot be opened or stopped: reconnecting with backoff
    WRONG_CREDENTIALS = "wrong_credentials"  # retried rarely
    DISK_FULL = "disk_full"  # waiting for space
    ERROR = "error"  # something else; `last_error` says what


@dataclass(frozen=True, slots=True)
class CameraCounters:
    """A snapshot of one camera recorder's counters."""

    camera: str
    state: RecState = RecState.IDLE
    bytes_written: int = 0  # segment bytes on disk, all segments of this run
    packets: int = 0
    segments: int = 0  # segments opened
    reconnects: int = 0
    bitrate_bps: float = 0.0  # over the last BITRATE_WINDOW_S
    last_error: str = ""
    recording_since: datetime | None = None


class _Outcome(enum.Enum):
    """How one connection ended."""

    STOPPED = enum.auto()
    LOST = enum.auto()  # recorded, then the stream ended, failed or stalled
    FAILED = enum.auto()  # recorded nothing on this connection
    AUTH = enum.auto()
    DISK_FULL = enum.auto()
    ERROR = enum.auto()  # a write error other than a full disk, or a surprise


class _DiskFull(Exception):
    """A segment write found no space left."""


class _WriteFailed(Exception):
    """A segment write failed for another reason."""


class CameraRecorder(ThreadedRunner):
    """Records one camera into segments under `root`, indexing them in `sink`.

    Thread name `record:<camera>`. Segments are cut at the first keyframe at or after
    `segment_seconds` of media. A lost or stalled stream ends the segment, opens a
    CAMERA_OFFLINE gap and reconnects with capped backoff; the gap closes at the next segment's
    start. Wrong credentials give an ERROR gap "wrong credentials" and a retry every few
    minutes. A full disk ends the segment (cut back to its last whole fragment: it plays),
    opens a DISK_FULL gap, raises an alarm and looks again every `disk_retry_s`.
    """

    def __init__(
        self,
        camera: str,
        url: str,
        root: Path,
        sink: RecordingSink,
        *,
        segment_seconds: float = DEFAULT_SEGMENT_SECONDS,
        clock: Clock = utcnow,
        options: Mapping[str, str] | None = None,
        open_timeout_s: float = OPEN_TIMEOUT_S,
        read_timeout_s: float = READ_TIMEOUT_S,
        stall_s: float = STALL_S,
        backoff_base_s: float = BACKOFF_BASE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
        auth_backoff_s: float = AUTH_BACKOFF_S,
        disk_retry_s: float = DISK_RETRY_S,
        resume_free_bytes: int = RESUME_FREE_BYTES,
    ) -> None:
        """Prepare the recorder (nothing runs before `start()`).

        Args:
            camera: The camera's code (thread name, index rows, file names).
            url: rtsp:// (credentials percent-encoded; never logged), a file path or file://.
            root: The recording root; files go to `core.recording.segment_path` under it.
            sink: The index (thread-safe).
            options: FFmpeg options replacing DEFAULT_OPTIONS plus a socket timeout.
        """
        super().__init__(f"record:{camera}")
        self.camera = camera
        self._url = url
        self._root = root
        self._sink = sink
        self._segment_seconds = segment_seconds
        self._clock = clock
        if options is None:
            options = {**DEFAULT_OPTIONS, "timeout": str(SOCKET_TIMEOUT_US)}
        self._options = dict(options)
        self._open_timeout = open_timeout_s
        self._read_timeout = read_timeout_s
        self._stall_s = stall_s
        self._backoff_base = backoff_base_s
        self._backoff_cap = backoff_cap_s
        self._auth_backoff = auth_backoff_s
        self._disk_retry = disk_retry_s
        self._resume_free = resume_free_bytes
        self._file = _file_path(url)
        password = urlsplit(url).password if self._file is None else None
        self._secrets = tuple(s for s in {password or "", unquote(password or "")} if s)

        self._lock = threading.Lock()  # guards _counters and _window
        self._counters = CameraCounters(camera)
        self._window: collections.deque[tuple[float, int]] = collections.deque()

        # Recording-thread state.
        self._writer: SegmentWriter | None = None
        self._seg_id = 0
        self._seg_start: datetime | None = None
        self._gap_id: int | None = None
        self._gap_cause: GapCause | None = None
        self._last_end: datetime | None = None  # where the latest recording stopped
        self._alarmed = False
        self._session_media_s = 0.0

    # -- owner's side (any thread) ------------------------------------------------------------

    @property
    def counters(self) -> CameraCounters:
        """A consistent snapshot, the bitrate over the last BITRATE_WINDOW_S."""
        with self._lock:
            self._trim(time.monotonic())
            bits = sum(n for _, n in self._window) * 8
            return replace(self._counters, bitrate_bps=bits / BITRATE_WINDOW_S)

    @property
    def recording(self) -> bool:
        return self.counters.state is RecState.RECORDING

    def stop(self) -> None:
        """Ask the thread to stop: it ends its segment (closed COMPLETE) within a read timeout."""
        super().stop()

    # -- recording thread ---------------------------------------------------------------------

    def _run(self) -> None:
        self._last_end = self._clock()
        try:
            self._loop()
        except Exception as exc:
            # The last-resort error path: end what can be ended, say why, never the password.
            detail = self._describe(exc)
            trace = self._redact("".join(traceback.format_exception(exc)))
            log.error("%s: recorder failed: %s\n%s", self.name, detail, trace)
            self._set(state=RecState.ERROR, last_error=detail)
            self._safely(self._end_segment)
            self._safely(lambda: self._open_gap(GapCause.ERROR, detail, self._gap_start()))
            return
        finally:
            self._safely(self._end_segment)
        self._safely(lambda: self._close_gap(self._clock()))
        self._set(state=RecState.IDLE, recording_since=None)

    def _loop(self) -> None:
        attempt = 1  # the attempt about to be made since the camera last recorded
        auth_failures = 0
        while not self._stop.is_set():
            try:
                outcome = self._session()
            except Exception as exc:
                # The index failed us while we said what happened (a database away): try again.
                log.error("%s: %s", self.name, self._describe(exc))
                self._set(state=RecState.ERROR, last_error=self._describe(exc))
                outcome = _Outcome.ERROR
            if outcome is _Outcome.STOPPED or self._stop.is_set():
                return
            if outcome is _Outcome.DISK_FULL:
                self._wait_for_space()
                attempt = 1
                continue
            self._count(reconnects=1)
            if outcome is _Outcome.AUTH:
                auth_failures += 1
                delay = min(AUTH_BACKOFF_CAP_S, self._auth_backoff * 2 ** (auth_failures - 1))
                log.warning("%s: %s; next try in %.0f s", self.name, WRONG_CREDENTIALS, delay)
                self._stop.wait(delay)
                continue
            auth_failures = 0
            if outcome is _Outcome.LOST:
                attempt = 1
            else:
                attempt += 1
            delay = backoff_delay(attempt, base=self._backoff_base, cap=self._backoff_cap)
            if self._file is not None and outcome is _Outcome.LOST:
                # A file is read at once, not at its rate: wait as long as it played.
                delay = max(delay, self._session_media_s)
            self._stop.wait(delay)

    def _session(self) -> _Outcome:
        """One connection: open, record until it ends; says how it ended."""
        self._set(state=RecState.CONNECTING)
        self._session_media_s = 0.0
        try:
            container = self._open()
        except _AUTH_ERRORS as exc:
            log.warning("%s: %s", self.name, self._describe(exc))
            self._fail(RecState.WRONG_CREDENTIALS, GapCause.ERROR, WRONG_CREDENTIALS)
            return _Outcome.AUTH
        except (av.error.FFmpegError, OSError) as exc:
            if self._stop.is_set():
                return _Outcome.STOPPED
            if isinstance(exc, av.error.ExitError):
                detail = f"no answer within {self._open_timeout:g} s"
            else:
                detail = self._describe(exc)
            if self.counters.last_error != detail:
                log.info("%s: open failed: %s", self.name, detail)  # once per outage and reason
            self._fail(RecState.OFFLINE, GapCause.CAMERA_OFFLINE, detail)
            return _Outcome.FAILED
        try:
            return self._record(container)
        except _DiskFull as exc:
            self._disk_full(str(exc))
            return _Outcome.DISK_FULL
        except _WriteFailed as exc:
            end = self._end_segment()
            self._fail(RecState.ERROR, GapCause.ERROR, str(exc), end)
            return _Outcome.ERROR
        except Exception as exc:
            detail = self._describe(exc)
            trace = self._redact("".join(traceback.format_exception(exc)))
            log.error("%s: unexpected error: %s\n%s", self.name, detail, trace)
            end = self._safely(self._end_segment)
            self._fail(RecState.ERROR, GapCause.ERROR, detail, end)
            return _Outcome.ERROR
        finally:
            try:
                container.close()
            except (av.error.FFmpegError, OSError) as exc:
                log.debug("%s: close failed: %s", self.name, self._redact(str(exc)))

    def _open(self) -> Any:
        target = self._file if self._file is not None else self._url
        options = {} if self._file is not None else self._options
        return av.open(target, options=options, timeout=(self._open_timeout, self._read_timeout))

    def _record(self, container: Any) -> _Outcome:
        if not container.streams.video:
            self._fail(RecState.ERROR, GapCause.ERROR, "no video stream")
            return _Outcome.FAILED
        stream = container.streams.video[0]
        recorded = False
        last_packet = time.monotonic()
        while True:
            try:
                for packet in container.demux(stream):
                    if self._stop.is_set():
                        self._end_segment()
                        return _Outcome.STOPPED
                    if packet.size == 0:
                        continue  # the demuxer's flush packet at the end
                    last_packet = time.monotonic()
                    if self._on_packet(packet, stream):
                        recorded = True
                detail = "the stream ended"
            except av.error.ExitError:
                # A read timeout (FFmpeg's interrupt): look at the stop event and the watchdog.
                if self._stop.is_set():
                    self._end_segment()
                    return _Outcome.STOPPED
                if time.monotonic() - last_packet <= self._stall_s:
                    continue
                detail = f"no video for {self._stall_s:g} s"
            except (av.error.FFmpegError, OSError) as exc:
                if self._stop.is_set():
                    self._end_segment()
                    return _Outcome.STOPPED
                detail = self._describe(exc)
            log.warning("%s: stream lost: %s", self.name, detail)
            end = self._end_segment()
            self._fail(RecState.OFFLINE, GapCause.CAMERA_OFFLINE, detail, end)
            return _Outcome.LOST if recorded else _Outcome.FAILED

    def _on_packet(self, packet: av.Packet[Any], stream: Any) -> bool:
        """Write one packet, cutting or starting a segment at a keyframe; True if written."""
        writer = self._writer
        if writer is None:
            if not packet.is_keyframe:
                return False  # a segment starts with a picture that decodes on its own
            writer = self._begin_segment(stream, self._clock())
        elif packet.is_keyframe and writer.seconds >= self._segment_seconds:
            now = self._clock()
            end = self._end_segment()
            # Contiguous segments while the media clock keeps to the wall clock.
            start = end if end is not None and abs((now - end).total_seconds()) < RESYNC_S else now
            writer = self._begin_segment(stream, start)
        before = writer.bytes_written
        try:
            writer.write(packet)
        except Exception as exc:
            error = writer.file.error if writer.file.error is not None else exc
            if isinstance(error, OSError) and error.errno in _DISK_FULL_ERRNOS:
                raise _DiskFull("no space left on the recording volume") from exc
            if isinstance(error, OSError):
                raise _WriteFailed(f"cannot write the recording: {error.strerror}") from exc
            raise
        self._session_media_s = max(self._session_media_s, writer.seconds)
        self._count_packet(packet.size, writer.bytes_written - before)
        return True

    def _begin_segment(self, stream: Any, start: datetime) -> SegmentWriter:
        for _ in range(1000):
            rel = segment_path(self.camera, start)
            try:
                writer = SegmentWriter(self._root / rel, stream)
                break
            except FileExistsError:
                start += timedelta(microseconds=1)  # the same microsecond twice (a clock step)
            except OSError as exc:
                if exc.errno in _DISK_FULL_ERRNOS:
                    raise _DiskFull("no space left on the recording volume") from exc
                raise _WriteFailed(f"cannot create a segment: {exc.strerror}") from exc
        else:
            raise _WriteFailed("cannot find a free segment file name")
        try:
            self._seg_id = self._sink.segment_opened(self.camera, start, rel, writer.codec)
        except BaseException:
            writer.close()
            writer.path.unlink(missing_ok=True)
            raise
        self._writer = writer
        self._seg_start = start
        self._close_gap(start)
        self._alarmed = False
        with self._lock:
            c = self._counters
            since = c.recording_since if c.state is RecState.RECORDING else start
            self._counters = replace(
                c,
                state=RecState.RECORDING,
                segments=c.segments + 1,
                recording_since=since,
                last_error="",
            )
        return writer

    def _end_segment(self) -> datetime | None:
        """Close the open segment (COMPLETE, with its hash); its end, or None if none was open."""
        writer, self._writer = self._writer, None
        start = self._seg_start
        if writer is None or start is None:
            return None
        result = writer.close()
        if result.seconds <= 0 or result.size == 0:
            # Nothing playable reached the disk (a full disk at the first fragment).
            writer.path.unlink(missing_ok=True)
            self._sink.segment_deleted(self._seg_id)
            log.warning("%s: segment had nothing playable: %s", self.name, result.error)
            return self._last_end
        end = start + timedelta(seconds=result.seconds)
        self._sink.segment_closed(
            self._seg_id, end, result.size, result.sha256, SegmentState.COMPLETE
        )
        if not result.clean:
            log.warning(
                "%s: segment cut back to %d bytes after: %s", self.name, result.size, result.error
            )
        self._last_end = end
        return end

    # -- gaps ---------------------------------------------------------------------------------

    def _gap_start(self) -> datetime:
        return self._last_end if self._last_end is not None else self._clock()

    def _fail(
        self, state: RecState, cause: GapCause, detail: str, at: datetime | None = None
    ) -> None:
        self._set(state=state, last_error=detail, recording_since=None)
        self._open_gap(cause, detail, at if at is not None else self._gap_start())

    def _open_gap(self, cause: GapCause, detail: str, at: datetime) -> None:
        """Open a gap unless one of this cause is open; another cause's gap ends now."""
        if self._gap_id is not None:
            if self._gap_cause is cause:
                return
            at = max(at, self._clock())
            self._close_gap(at)
        self._gap_id = self._sink.gap_opened(self.camera, at, cause, detail)
        self._gap_cause = cause

    def _close_gap(self, at: datetime) -> None:
        gap_id, self._gap_id = self._gap_id, None
        self._gap_cause = None
        if gap_id is not None:
            self._sink.gap_closed(gap_id, at)

    def _disk_full(self, detail: str) -> None:
        end = self._end_segment()
        log.error("%s: %s (%s)", self.name, detail, self._root)
        self._fail(RecState.DISK_FULL, GapCause.DISK_FULL, detail, end)
        if not self._alarmed:
            self._alarmed = True
            self._sink.raise_alarm(self.camera, "录像磁盘已满，停止录像")

    def _wait_for_space(self) -> None:
        while not self._stop.wait(self._disk_retry):
            try:
                free = shutil.disk_usage(self._root).free
            except OSError as exc:
                log.warning("%s: cannot read free space: %s", self.name, exc)
                continue
            if free >= self._resume_free:
                log.info("%s: %d bytes free again: recording resumes", self.name, free)
                return

    # -- helpers ------------------------------------------------------------------------------

    def _safely(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except Exception:
            log.exception("%s: cleanup failed", self.name)
            return None

    def _set(self, **fields: Any) -> None:
        with self._lock:
            self._counters = replace(self._counters, **fields)

    def _count(self, **deltas: int) -> None:
        with self._lock:
            c = self._counters
            self._counters = replace(c, **{k: getattr(c, k) + v for k, v in deltas.items()})

    def _count_packet(self, size: int, written: int) -> None:
        now = time.monotonic()
        with self._lock:
            c = self._counters
            self._counters = replace(
                c, packets=c.packets + 1, bytes_written=c.bytes_written + written
            )
            self._window.append((now, size))
            self._trim(now)

    def _trim(self, now: float) -> None:
        while self._window and now - self._window[0][0] > BITRATE_WINDOW_S:
            self._window.popleft()

    def _describe(self, exc: BaseException) -> str:
        """A short reason: FFmpeg's message without the URL it names, redacted."""
        text = str(exc)
        if isinstance(exc, av.error.FFmpegError) and exc.strerror:
            text = exc.strerror  # str() repeats the URL, with its password (FIELD-NOTES)
        return self._redact(f"{type(exc).__name__}: {text}")

    def _redact(self, text: str) -> str:
        return redact(text, *self._secrets)


def _file_path(url: str) -> str | None:
    """The local path when `url` names a file (a path or file://), else None."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return url2pathname(parts.path)
    if parts.scheme == "" or len(parts.scheme) == 1:  # a relative path, or C:\ on Windows
        return url
    return None
