"""Decode workers: one named thread per visible tile turns a camera stream into tile frames."""

from __future__ import annotations

import enum
import logging
import random
import threading
import time
import traceback
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import av
import av.error
import numpy as np
from av.codec.hwaccel import HWAccel
from av.video.reformatter import VideoReformatter

from core.mailbox import LatestMailbox
from core.video import StreamKind, StreamState, StreamStatus, VideoFrame
from core.workers import ThreadedRunner
from video.urls import redact

log = logging.getLogger(__name__)

# FFmpeg's probe is almost all of the time to a first frame: 100 ms of it gives the first frame
# in 0.25-0.3 s instead of 1.2 s (FIELD-NOTES, Video). TCP: UDP loss smears frames.
DEFAULT_OPTIONS: Mapping[str, str] = {"rtsp_transport": "tcp", "analyzeduration": "100000"}

OPEN_TIMEOUT_S = 3.0  # connect, RTSP handshake and probe; also bounds stop() during an open
READ_TIMEOUT_S = 0.5  # a quiet read returns this often, so stop() is quick on a frozen server
STALL_S = 5.0  # no frame for this long while connected: NO_SIGNAL, then reconnect
OFFLINE_AFTER = 3  # failed attempts in a row before the tile says OFFLINE (it keeps trying)
BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 10.0
BACKOFF_JITTER = 0.2  # +-20 %: tiles of one NVR that dropped together do not retry in step
FILE_FPS = 25.0  # pacing of a file whose stream states no rate (raw Annex-B)
INTERPOLATION = "FAST_BILINEAR"  # 2-3x cheaper than swscale's default (FIELD-NOTES, Video)
# Frames leave the worker 4-px aligned in width and even in height (at most 3 px narrower and
# 1 px lower than the fitted size; the widget centres them 1:1): rows of 16 bytes need no padding,
# so the BGRA array wraps swscale's buffer without a copy (the copy cost 0.17 ms a frame), and
# swscale's SIMD 4:2:0 -> BGRA path needs even sizes (an odd one took 2-9x as long).
WIDTH_ALIGN = 4
HEIGHT_ALIGN = 2
# Sources scaled in 4:2:0 first, then converted at tile size by swscale's unscaled SIMD path:
# 0.20 ms a frame at 476x268 instead of 0.31 scaling straight to BGRA (C code per pixel).
_PLANAR_420 = frozenset({"yuv420p", "yuvj420p"})

# Errors an open with a hardware decoder raises when the device is missing or refuses (no GPU:
# "cuda" raises PermissionError even with allow_software_fallback). Network errors are not here:
# they say nothing about the decoder and are retried with backoff like any other.
_HW_ERRORS: tuple[type[BaseException], ...] = (
    av.error.PermissionError,
    av.error.NotImplementedError,
    av.error.PatchWelcomeError,
    av.error.ArgumentError,  # EINVAL
    av.error.ExternalError,
    av.error.UnknownError,
    av.error.BugError,
)
_AUTH_ERRORS = (av.error.HTTPUnauthorizedError, av.error.HTTPForbiddenError)
_UNSUPPORTED_ERRORS = (av.error.DecoderNotFoundError, av.error.PatchWelcomeError)


def backoff_delay(
    attempt: int,
    *,
    base: float = BACKOFF_BASE_S,
    cap: float = BACKOFF_CAP_S,
    jitter: float = BACKOFF_JITTER,
    rng: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before reconnect `attempt` (1, 2, ...): base, 2 base, 4 base ... <= cap.

    The jitter spreads the result by +-`jitter` of itself and never exceeds `cap`.
    """
    nominal = min(cap, base * 2.0 ** min(max(attempt, 1) - 1, 30))
    spread = nominal * jitter * (2.0 * rng() - 1.0)
    return max(0.0, min(cap, nominal + spread))


def fit_size(
    src_w: int, src_h: int, tile_w: int, tile_h: int, pixel_aspect: float = 1.0
) -> tuple[int, int]:
    """The largest size with the source's display aspect that fits inside the tile (>= 1x1).

    `pixel_aspect` is the source's sample aspect ratio (D1 cameras send non-square pixels).
    """
    if src_w <= 0 or src_h <= 0:
        return max(1, tile_w), max(1, tile_h)
    display_w = src_w * (pixel_aspect if pixel_aspect > 0 else 1.0)
    scale = min(tile_w / display_w, tile_h / src_h)
    return max(1, min(tile_w, round(display_w * scale))), max(1, min(tile_h, round(src_h * scale)))


def decode_size(
    src_w: int, src_h: int, tile_w: int, tile_h: int, pixel_aspect: float = 1.0
) -> tuple[int, int]:
    """`fit_size` rounded down to WIDTH_ALIGN x HEIGHT_ALIGN (sizes below that stay as they are).

    The picture loses at most 3 columns and 1 row to the letterbox, and its aspect moves by
    under 1 %; in exchange the frame needs no copy and swscale takes its SIMD path.
    """
    w, h = fit_size(src_w, src_h, tile_w, tile_h, pixel_aspect)
    if w >= WIDTH_ALIGN:
        w -= w % WIDTH_ALIGN
    if h >= HEIGHT_ALIGN:
        h -= h % HEIGHT_ALIGN
    return w, h


def thread_name(camera: str, stream: StreamKind) -> str:
    """`decode:<camera>` for the sub stream a tile shows, `decode:<camera>:main` for the main."""
    return f"decode:{camera}" if stream is StreamKind.SUB else f"decode:{camera}:main"


@dataclass(frozen=True, slots=True)
class DecodeCounters:
    """A consistent snapshot of one worker's counters (diagnostics, bench, CPU budget)."""

    frames_decoded: int = 0
    frames_put: int = 0  # accepted by the mailbox (its own counters say how many were dropped)
    bytes_in: int = 0  # compressed bytes read
    opens: int = 0  # open attempts, successful or not
    reconnects: int = 0  # open attempts after the stream was lost or an attempt failed
    errors: int = 0  # failed opens, lost streams, stalls and packets the decoder refused
    last_frame_at: float | None = None  # time.monotonic() of the newest decoded frame
    first_frame_s: float | None = None  # open start to first frame, of the latest connection


class _Outcome(enum.Enum):
    """How one connection ended."""

    STOPPED = enum.auto()
    LOST = enum.auto()  # was live, then the stream ended or failed
    STALLED = enum.auto()  # was live, then no frame within the stall limit
    FAILED = enum.auto()  # never got a frame on this connection
    LOOP = enum.auto()  # a file ended: play it again
    RETRY_SOFTWARE = enum.auto()  # the hardware decoder failed: reopen in software at once
    WRONG_CREDENTIALS = enum.auto()
    UNSUPPORTED = enum.auto()
    ERROR = enum.auto()  # something unexpected: shown as ERROR, retried with backoff


class DecodeWorker(ThreadedRunner):
    """Decodes one camera stream on its own named thread into a latest-value mailbox.

    Frames come out at the tile size given (aspect kept, see `decode_size`: the widget
    letterboxes), as BGRA `VideoFrame`s under `key`. Every change of the stream's state goes to
    `on_status` from the worker thread. The worker reconnects on its own with capped backoff,
    except after wrong credentials or an unsupported codec: those wait for `retry()` (cameras
    lock out a client that keeps failing to log in).

    Follows the `core.ports.Stoppable` protocol: `stop()`, `interrupt()`, `join(timeout)`.
    """

    def __init__(
        self,
        camera: str,
        stream: StreamKind,
        url: str,
        size: tuple[int, int],
        mailbox: LatestMailbox[Any, VideoFrame],
        key: Hashable,
        on_status: Callable[[StreamStatus], None],
        *,
        hwaccel: str | None = None,
        keyframes_only: bool = False,
        options: Mapping[str, str] | None = None,
        open_timeout_s: float = OPEN_TIMEOUT_S,
        read_timeout_s: float = READ_TIMEOUT_S,
        stall_s: float = STALL_S,
        offline_after: int = OFFLINE_AFTER,
        backoff_base_s: float = BACKOFF_BASE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
    ) -> None:
        """Prepare the worker (nothing runs before `start()`).

        Args:
            camera: The camera's code (names the thread, fills statuses and frames).
            stream: Main or sub stream.
            url: rtsp://, a file path or file:// URL (a demo clip, looped in real time).
                May hold percent-encoded credentials; they never reach a status or a log.
            size: The tile's (width, height) in pixels.
            mailbox: Where frames go, under `key`.
            key: The mailbox key (the caller's choice: a tile, a camera).
            on_status: Called from the worker thread with each new status; must not block.
            hwaccel: An FFmpeg hardware device type ("cuda", "vaapi", "qsv", "d3d11va") or
                None. If it fails the worker decodes in software and says so in `detail`.
            keyframes_only: Start degraded (the CPU budget's decision).
            options: FFmpeg options replacing DEFAULT_OPTIONS.
        """
        super().__init__(thread_name(camera, stream))
        self._camera = camera
        self._stream = stream
        self._url = url
        self._mailbox = mailbox
        self._key = key
        self._on_status = on_status
        self._options = dict(DEFAULT_OPTIONS if options is None else options)
        self._open_timeout = open_timeout_s
        self._read_timeout = read_timeout_s
        self._stall_s = stall_s
        self._offline_after = max(1, offline_after)
        self._backoff_base = backoff_base_s
        self._backoff_cap = backoff_cap_s
        self._file = _file_path(url)
        password = urlsplit(url).password if self._file is None else None
        self._secrets = tuple(s for s in {password or "", unquote(password or "")} if s)

        self._lock = threading.Lock()  # guards the fields below marked (locked)
        self._size = _check_size(size)  # (locked)
        self._keyframes_only = keyframes_only  # (locked)
        self._retry_asked = False  # (locked)
        self._counters = DecodeCounters()  # (locked)
        self._status = StreamStatus(camera, stream, StreamState.IDLE)  # (locked)

        self._wake = threading.Event()  # ends a backoff or a wait for retry(): stop() and retry()

        # Worker-thread state.
        self._hwaccel = hwaccel
        self._hw_note = ""  # why hardware decoding is not in use, for the status detail
        self._reformatter = VideoReformatter()  # reused: a fresh one per frame costs 2x
        self._scaler = VideoReformatter()  # 4:2:0 at tile size, before the conversion to BGRA
        self._seq = 0
        self._last_live_wall: float | None = None
        self._started_wall = time.time()
        self._applied_keyframes: bool | None = None
        self._detail = ""  # why the latest connection ended, for the next status

    # -- owner's side (any thread); name: ``decode:<camera>`` or ``decode:<camera>:main`` ----

    @property
    def camera(self) -> str:
        return self._camera

    @property
    def stream(self) -> StreamKind:
        return self._stream

    @property
    def status(self) -> StreamStatus:
        """The newest status published (IDLE before start and after stop)."""
        with self._lock:
            return self._status

    @property
    def counters(self) -> DecodeCounters:
        """A snapshot of the counters, consistent with itself."""
        with self._lock:
            return self._counters

    @property
    def size(self) -> tuple[int, int]:
        """The tile size frames are scaled to fit."""
        with self._lock:
            return self._size

    @property
    def keyframes_only(self) -> bool:
        with self._lock:
            return self._keyframes_only

    def stop(self) -> None:
        """Ask the thread to stop (does not block): it checks between packets and reads."""
        super().stop()
        self._wake.set()

    def interrupt(self) -> None:
        """Nothing to do: blocking reads end within `read_timeout_s` by FFmpeg's interrupt."""

    def set_size(self, width: int, height: int) -> None:
        """Scale to a new tile size from the next frame on."""
        size = _check_size((width, height))
        with self._lock:
            self._size = size

    def set_keyframes_only(self, on: bool) -> None:
        """Decode keyframes only (the CPU budget degrading this tile) or every frame."""
        with self._lock:
            self._keyframes_only = bool(on)

    def retry(self) -> None:
        """The operator's explicit retry: after WRONG_CREDENTIALS or UNSUPPORTED, open again.

        In any other state it cuts a reconnect backoff short.
        """
        with self._lock:
            self._retry_asked = True
        self._wake.set()

    # -- worker thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._loop()
            self._publish(StreamState.IDLE, attempt=0, detail="")
        except Exception as exc:
            # The last-resort error path: say what happened on the tile, never the password.
            detail = self._describe(exc)
            trace = self._redact("".join(traceback.format_exception(exc)))
            log.error("%s: decode worker failed: %s\n%s", self._name, detail, trace)
            self._count(errors=1)
            self._publish(StreamState.ERROR, detail=detail)

    def _loop(self) -> None:
        self._publish(StreamState.CONNECTING)
        attempt = 1  # the attempt about to be made since the stream was last live
        while not self._stop.is_set():
            self._take_retry()
            self._detail = ""
            try:
                outcome = self._session()
            except Exception as exc:
                # A bug or a surprise from PyAV: show it, log it (redacted), try again later.
                outcome = self._unexpected(exc)
            if outcome is _Outcome.STOPPED or self._stop.is_set():
                return
            if outcome in (_Outcome.LOOP, _Outcome.RETRY_SOFTWARE):
                continue
            if outcome in (_Outcome.WRONG_CREDENTIALS, _Outcome.UNSUPPORTED):
                if not self._wait_for_retry():
                    return
                attempt = 1
                self._publish(StreamState.CONNECTING, detail="")
                continue
            self._count(errors=1, reconnects=1)
            if outcome is _Outcome.ERROR:
                attempt += 1
                self._publish(StreamState.ERROR, attempt=attempt, detail=self._detail)
            elif outcome is _Outcome.LOST:
                attempt = 1
                self._publish(StreamState.RECONNECTING, attempt=attempt, detail=self._detail)
            elif outcome is _Outcome.STALLED:
                # The tile says "no signal" while the first reconnect is tried.
                attempt = 1
                self._publish(StreamState.NO_SIGNAL, attempt=0, detail=self._detail)
            else:
                failed = attempt
                attempt += 1
                if failed >= self._offline_after:
                    self._publish(
                        StreamState.OFFLINE,
                        attempt=attempt,
                        since=self._offline_since(),
                        detail=self._detail,
                    )
                else:
                    self._publish(StreamState.RECONNECTING, attempt=attempt, detail=self._detail)
            self._sleep(backoff_delay(attempt, base=self._backoff_base, cap=self._backoff_cap))

    def _session(self) -> _Outcome:
        """One connection: open, decode until it ends; says how it ended."""
        hw = self._hwaccel if not self._hw_note else None
        self._count(opens=1)
        opened_at = time.monotonic()
        try:
            container = self._open(hw)
        except _AUTH_ERRORS as exc:
            return self._terminal(StreamState.WRONG_CREDENTIALS, exc, _Outcome.WRONG_CREDENTIALS)
        except _UNSUPPORTED_ERRORS as exc:
            if hw is not None:
                return self._software_fallback(hw, exc)
            return self._terminal(StreamState.UNSUPPORTED, exc, _Outcome.UNSUPPORTED)
        except _HW_ERRORS as exc:
            if hw is not None:
                return self._software_fallback(hw, exc)
            return self._failed(exc)
        except (av.error.FFmpegError, OSError) as exc:
            return self._failed(exc)
        try:
            return self._decode(container, opened_at, hw)
        finally:
            try:
                container.close()
            except (av.error.FFmpegError, OSError) as exc:
                log.debug("%s: close failed: %s", self._name, self._redact(str(exc)))

    def _open(self, hw: str | None) -> av.container.InputContainer:
        target = str(self._file) if self._file is not None else self._url
        options = {} if self._file is not None else self._options
        timeout = (self._open_timeout, self._read_timeout)
        if hw is None:
            return av.open(target, options=options, timeout=timeout)
        accel = HWAccel(hw, allow_software_fallback=True)
        return av.open(target, options=options, timeout=timeout, hwaccel=accel)

    def _decode(
        self, container: av.container.InputContainer, opened_at: float, hw: str | None
    ) -> _Outcome:
        if not container.streams.video:
            return self._terminal_text(StreamState.UNSUPPORTED, "no video stream")
        stream = container.streams.video[0]
        # PyAV's stubs say a stream always has a context; it has none when FFmpeg knows no
        # decoder for the codec.
        ctx: Any = stream.codec_context
        if ctx is None:
            return self._terminal_text(StreamState.UNSUPPORTED, "no decoder for this codec")
        # One decoder thread per stream: many tiles share two cores (360p H.264 measured 0.14 ms
        # of CPU a frame with one thread, 0.21 with FFmpeg's automatic threading).
        ctx.thread_count = 1
        self._applied_keyframes = None
        codec = ctx.name
        sar = ctx.sample_aspect_ratio
        pixel_aspect = float(sar) if sar else 1.0
        rate = stream.average_rate or stream.guessed_rate or Fraction(FILE_FPS)
        frame_period = 1.0 / float(rate) if rate else 1.0 / FILE_FPS

        got_frame = False
        last_progress = time.monotonic()
        paced_start: float | None = None
        paced_index = 0
        while True:
            try:
                for packet in container.demux(stream):
                    if self._stop.is_set():
                        return _Outcome.STOPPED
                    keyframes_only = self._apply_keyframes(ctx)
                    self._count(bytes_in=packet.size)
                    now = time.monotonic()
                    if keyframes_only and packet.size:
                        # Degraded tiles skip most frames: packets are the sign of life.
                        last_progress = now
                    try:
                        frames = packet.decode()
                    except (av.error.InvalidDataError, av.error.ArgumentError) as exc:
                        # A damaged packet: the next keyframe repairs the picture.
                        self._count(errors=1)
                        log.debug("%s: bad packet: %s", self._name, self._redact(str(exc)))
                        frames = []
                    for frame in frames:
                        if self._file is not None:
                            # A file plays at its own rate, as a camera would send it.
                            if paced_start is None:
                                paced_start = time.monotonic()
                            due = paced_start + paced_index * frame_period
                            paced_index += 1
                            if self._stop.wait(max(0.0, due - time.monotonic())):
                                return _Outcome.STOPPED
                        if not got_frame:
                            got_frame = True
                            self._count(first_frame_s=time.monotonic() - opened_at)
                        self._deliver(frame, codec, pixel_aspect, hw, ctx)
                        last_progress = time.monotonic()
                    if time.monotonic() - last_progress > self._stall_s:
                        return self._stalled(got_frame)
                # The demuxer ended: a file to loop, or a live stream that went away (FFmpeg
                # reports a dead RTSP server as the end of the file, without an error).
                if self._file is not None and got_frame:
                    return _Outcome.LOOP
                if got_frame:
                    self._detail = "the stream ended"
                    log.info("%s: stream ended", self._name)
                    return _Outcome.LOST
                return self._failed_text("the stream ended before its first frame")
            except av.error.ExitError:
                # READ_TIMEOUT_S without data: FFmpeg's interrupt callback. The connection is
                # still usable; look at the stop event and the watchdog, then read on.
                if self._stop.is_set():
                    return _Outcome.STOPPED
                if time.monotonic() - last_progress > self._stall_s:
                    return self._stalled(got_frame)
            except (av.error.FFmpegError, OSError) as exc:
                if self._stop.is_set():
                    return _Outcome.STOPPED
                if hw is not None and not got_frame and isinstance(exc, _HW_ERRORS):
                    return self._software_fallback(hw, exc)
                if isinstance(exc, _UNSUPPORTED_ERRORS):
                    return self._terminal(StreamState.UNSUPPORTED, exc, _Outcome.UNSUPPORTED)
                self._detail = self._describe(exc)
                log.warning("%s: stream failed: %s", self._name, self._detail)
                return _Outcome.LOST if got_frame else _Outcome.FAILED

    def _deliver(
        self, frame: av.VideoFrame, codec: str, pixel_aspect: float, hw: str | None, ctx: Any
    ) -> None:
        src_w, src_h = frame.width, frame.height
        tile_w, tile_h = self.size
        out_w, out_h = decode_size(src_w, src_h, tile_w, tile_h, pixel_aspect)
        # One swscale thread: with a tile's worth of pixels its own threads cost more than they
        # save, and a 5×5 wall would start 50 of them.
        source_format = frame.format.name
        if source_format in _PLANAR_420 and out_w % 2 == 0 and out_h % 2 == 0:
            small = self._scaler.reformat(
                frame, out_w, out_h, format=source_format, interpolation=INTERPOLATION, threads=1
            )
            bgra = self._reformatter.reformat(small, format="bgra", threads=1)
        else:
            bgra = self._reformatter.reformat(
                frame, out_w, out_h, format="bgra", interpolation=INTERPOLATION, threads=1
            )
        # A view of swscale's buffer (it keeps the frame alive), not a copy: aligned rows have
        # no padding.
        image: np.ndarray[Any, Any] = bgra.to_ndarray()
        if not image.flags.c_contiguous:
            # A tile under WIDTH_ALIGN px wide: padded rows; the widget wants packed ones.
            image = np.ascontiguousarray(image)
        self._seq += 1
        now = time.monotonic()
        self._last_live_wall = time.time()
        video_frame = VideoFrame(
            camera=self._camera,
            stream=self._stream,
            image=image,
            seq=self._seq,
            pts_s=frame.time,
            decoded_at=now,
            keyframe=bool(frame.key_frame),
        )
        put = self._mailbox.put(self._key, video_frame)
        with self._lock:
            c = self._counters
            self._counters = replace(
                c,
                frames_decoded=c.frames_decoded + 1,
                frames_put=c.frames_put + (1 if put else 0),
                last_frame_at=now,
            )
        last = self._status  # only this thread writes it
        if (
            last.state is StreamState.LIVE
            and last.width == src_w
            and last.height == src_h
            and last.codec == codec
        ):
            return
        detail = self._hw_note
        if hw is not None and not detail and not getattr(ctx, "is_hwaccel", True):
            # The device fell back silently (allow_software_fallback): say so on the tile.
            detail = f"hardware decoding ({hw}) unavailable: decoding in software"
        self._publish(
            StreamState.LIVE,
            attempt=0,
            since=None,
            detail=detail,
            width=src_w,
            height=src_h,
            codec=codec,
        )

    # -- outcomes ----------------------------------------------------------------------------

    def _terminal(self, state: StreamState, exc: BaseException, outcome: _Outcome) -> _Outcome:
        detail = self._describe(exc)
        log.warning("%s: %s: %s", self._name, state.value, detail)
        self._publish(state, attempt=0, detail=detail)
        return outcome

    def _terminal_text(self, state: StreamState, detail: str) -> _Outcome:
        log.warning("%s: %s: %s", self._name, state.value, detail)
        self._publish(state, attempt=0, detail=detail)
        return _Outcome.UNSUPPORTED

    def _failed(self, exc: BaseException) -> _Outcome:
        if self._stop.is_set():
            return _Outcome.STOPPED
        if isinstance(exc, av.error.ExitError):
            detail = f"no answer within {self._open_timeout:g} s"
        else:
            detail = self._describe(exc)
        return self._failed_text(detail)

    def _failed_text(self, detail: str) -> _Outcome:
        log.info("%s: open failed: %s", self._name, detail)
        self._detail = detail
        return _Outcome.FAILED

    def _unexpected(self, exc: BaseException) -> _Outcome:
        self._detail = self._describe(exc)
        trace = self._redact("".join(traceback.format_exception(exc)))
        log.error("%s: unexpected error: %s\n%s", self._name, self._detail, trace)
        return _Outcome.ERROR

    def _stalled(self, got_frame: bool) -> _Outcome:
        self._detail = f"no frame for {self._stall_s:g} s"
        log.warning("%s: %s", self._name, self._detail)
        return _Outcome.STALLED if got_frame else _Outcome.FAILED

    def _software_fallback(self, hw: str, exc: BaseException) -> _Outcome:
        reason = self._describe(exc)
        self._hw_note = f"hardware decoding ({hw}) failed, decoding in software: {reason}"
        log.warning("%s: %s", self._name, self._hw_note)
        return _Outcome.RETRY_SOFTWARE

    # -- helpers -----------------------------------------------------------------------------

    def _apply_keyframes(self, ctx: Any) -> bool:
        with self._lock:
            wanted = self._keyframes_only
        if wanted != self._applied_keyframes:
            ctx.skip_frame = "NONKEY" if wanted else "DEFAULT"
            self._applied_keyframes = wanted
            self._publish(self._status.state, keyframes_only=wanted)
        return wanted

    def _wait_for_retry(self) -> bool:
        """Block until retry() or stop(); False when stopping."""
        while not self._stop.is_set():
            if self._take_retry():
                return True
            self._wake.wait()
            self._wake.clear()
        return False

    def _take_retry(self) -> bool:
        with self._lock:
            asked, self._retry_asked = self._retry_asked, False
        return asked

    def _sleep(self, seconds: float) -> None:
        """Wait out a backoff; stop() and retry() end it early."""
        self._wake.wait(seconds)
        self._wake.clear()
        if self._stop.is_set():
            self._wake.set()

    def _offline_since(self) -> datetime:
        wall = self._last_live_wall if self._last_live_wall is not None else self._started_wall
        return datetime.fromtimestamp(wall, UTC)

    def _count(self, **deltas: float) -> None:
        with self._lock:
            c = self._counters
            changes: dict[str, Any] = {}
            for field, value in deltas.items():
                if field == "first_frame_s":
                    changes[field] = value
                else:
                    changes[field] = getattr(c, field) + int(value)
            self._counters = replace(c, **changes)

    def _describe(self, exc: BaseException) -> str:
        """A short reason for a tile: FFmpeg's message without the URL it names, redacted."""
        text = str(exc)
        if isinstance(exc, av.error.FFmpegError) and exc.strerror:
            text = exc.strerror  # str() repeats the URL, with its password (FIELD-NOTES)
        return self._redact(f"{type(exc).__name__}: {text}")

    def _redact(self, text: str) -> str:
        return redact(text, *self._secrets)

    def _publish(self, state: StreamState, **fields: Any) -> None:
        """Publish a status if it differs from the last one; the callback cannot hurt us."""
        with self._lock:
            keyframes = self._keyframes_only
            old = self._status
            fields.setdefault("keyframes_only", keyframes)
            if state is not StreamState.OFFLINE:
                fields.setdefault("since", None)
            new = replace(old, state=state, **fields)
            if new == old:
                return
            self._status = new
        try:
            self._on_status(new)
        except Exception:
            log.exception("%s: status callback failed", self._name)


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = int(size[0]), int(size[1])
    if width < 1 or height < 1:
        raise ValueError(f"tile size must be at least 1x1, not {width}x{height}")
    return width, height


def _file_path(url: str) -> str | None:
    """The local path when `url` names a file (a path or file://), else None."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return url2pathname(parts.path)
    if parts.scheme == "" or len(parts.scheme) == 1:  # a relative path, or C:\ on Windows
        return url
    return None
