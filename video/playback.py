"""Playback of recorded segments: a shared clock and one worker per camera feeding tile frames."""

from __future__ import annotations

import enum
import logging
import threading
import time
import traceback
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import av
import av.error
import numpy as np
from av.video.reformatter import VideoReformatter

from core.mailbox import LatestMailbox
from core.recording import Segment, SegmentState
from core.timefmt import as_utc
from core.video import StreamKind, VideoFrame
from core.workers import ThreadedRunner
from video.decode import INTERPOLATION, fit_size

log = logging.getLogger(__name__)

# The speeds the controls offer; negative plays backwards (keyframe by keyframe).
SPEEDS: tuple[float, ...] = (-16.0, -8.0, -4.0, -2.0, -1.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
# From this speed on only keyframes are decoded: every frame of 16 cameras at 16x is 6,400 fps.
KEYFRAMES_FROM_SPEED = 8.0
FRAME_S = 0.04  # the clock's step for step_frame (25 fps, what the cameras send)
REPLAY_SECONDS = 30.0
# A frame this far (of recorded time) behind the clock is not worth decoding up to: seek.
LAG_RESEEK_S = 2.0
# A segment whose frames end this much before its indexed end is taken for truncated.
TRUNCATED_SLACK_S = 1.0
REOPEN_S = 0.5  # how often a segment still being written is read again for its new fragments
WAIT_S = 0.1  # longest wait between looks at the clock: bounds stop() and gap polling
_TINY = timedelta(microseconds=1)


class PlaybackState(enum.StrEnum):
    """What a playback tile says about its camera."""

    IDLE = "idle"  # not started, or stopped
    SEEKING = "seeking"  # opening a segment and decoding up to the clock's instant
    PLAYING = "playing"
    PAUSED = "paused"
    GAP = "gap"  # nothing recorded at the clock's instant; `next_start` says when it resumes
    END = "end"  # past the camera's last segment
    ERROR = "error"  # a segment could not be read; `segment_start` names it


@dataclass(frozen=True, slots=True)
class PlaybackStatus:
    """One camera's playback state, from its worker (for the tile's overlay)."""

    camera: str
    state: PlaybackState
    detail: str = ""  # English, for the log and a tooltip; the tile words it from the fields
    at: datetime | None = None  # the recorded time of the frame shown
    next_start: datetime | None = None  # GAP: when the recording resumes (None: never)
    segment_start: datetime | None = None  # ERROR: the start of the segment that failed
    keyframes_only: bool = False


@dataclass(frozen=True, slots=True)
class ClockSnapshot:
    """The clock read once, consistently: where it is, how it moves and what changed."""

    position: datetime
    speed: float
    playing: bool
    version: int  # bumped by every change (play, pause, speed, seek, step)
    seeks: int  # bumped by seek(): workers reposition exactly
    steps: int  # bumped by step_frame(): workers show their next (or previous) frame
    step_direction: int  # +1 or -1, of the latest step


class PlaybackClock:
    """The time base of synced playback: a recorded instant that moves at a speed while playing.

    Thread-safe: the GUI thread drives it (play, pause, speed, seek, step); the workers read
    it and wait for its changes. `position()` is computed from a monotonic anchor, so every
    worker sees the same instant at the same moment.
    """

    def __init__(
        self,
        position: datetime,
        *,
        speed: float = 1.0,
        frame_s: float = FRAME_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._mono = monotonic
        self._cond = threading.Condition()
        self._anchor_pos = as_utc(position)
        self._anchor_mono = monotonic()
        self._speed = check_speed(speed)
        self._playing = False
        self._frame = timedelta(seconds=frame_s)
        self._version = 0
        self._seeks = 0
        self._steps = 0
        self._step_direction = 1

    def _now_locked(self) -> datetime:
        if not self._playing:
            return self._anchor_pos
        elapsed = (self._mono() - self._anchor_mono) * self._speed
        return self._anchor_pos + timedelta(seconds=elapsed)

    def _changed_locked(self, position: datetime) -> None:
        self._anchor_pos = position
        self._anchor_mono = self._mono()
        self._version += 1
        self._cond.notify_all()

    def position(self) -> datetime:
        """The recorded instant being shown now (UTC)."""
        with self._cond:
            return self._now_locked()

    @property
    def speed(self) -> float:
        with self._cond:
            return self._speed

    @property
    def playing(self) -> bool:
        with self._cond:
            return self._playing

    def snapshot(self) -> ClockSnapshot:
        """Everything at once, under one lock."""
        with self._cond:
            return ClockSnapshot(
                self._now_locked(),
                self._speed,
                self._playing,
                self._version,
                self._seeks,
                self._steps,
                self._step_direction,
            )

    def play(self) -> None:
        with self._cond:
            if not self._playing:
                pos = self._now_locked()
                self._playing = True
                self._changed_locked(pos)

    def pause(self) -> None:
        with self._cond:
            if self._playing:
                pos = self._now_locked()
                self._playing = False
                self._changed_locked(pos)

    def toggle(self) -> bool:
        """Play if paused, pause if playing; returns whether it now plays."""
        with self._cond:
            pos = self._now_locked()
            self._playing = not self._playing
            self._changed_locked(pos)
            return self._playing

    def set_speed(self, speed: float) -> None:
        """One of SPEEDS (negative: backwards); the position carries on from where it is."""
        speed = check_speed(speed)
        with self._cond:
            if speed != self._speed:
                pos = self._now_locked()
                self._speed = speed
                self._changed_locked(pos)

    def seek(self, t: datetime) -> None:
        """Go to a recorded instant; playing or paused stays as it was."""
        with self._cond:
            self._seeks += 1
            self._changed_locked(as_utc(t))

    def step_frame(self, frames: int = 1) -> None:
        """Pause and show the next frame (or the previous one, frames=-1) on every worker."""
        if frames == 0:
            return
        with self._cond:
            pos = self._now_locked()
            self._playing = False
            self._steps += 1
            self._step_direction = 1 if frames > 0 else -1
            # The playhead moves by one nominal frame; each worker shows its own exact frame.
            self._changed_locked(pos + self._frame * (1 if frames > 0 else -1))

    def wait(self, version: int, timeout: float) -> bool:
        """Block until the clock changes past `version` or `timeout` s pass; True if changed."""
        with self._cond:
            if self._version != version:
                return True
            self._cond.wait(max(0.0, timeout))
            return self._version != version

    def nudge(self) -> None:
        """Wake every waiting worker (stop() uses it)."""
        with self._cond:
            self._cond.notify_all()


def check_speed(speed: float) -> float:
    """The speed as a float if it is one of SPEEDS; ValueError otherwise."""
    value = float(speed)
    if value not in SPEEDS:
        raise ValueError(f"speed must be one of {SPEEDS}, not {speed}")
    return value


def keyframes_only(speed: float) -> bool:
    """Whether a worker decodes keyframes only at this speed (fast forward, any reverse)."""
    return abs(speed) >= KEYFRAMES_FROM_SPEED or speed < 0


def next_event(times: Iterable[datetime], t: datetime) -> datetime | None:
    """The first bookmark, motion or incident time after `t` (None if there is none)."""
    after = [as_utc(x) for x in times if as_utc(x) > as_utc(t)]
    return min(after) if after else None


def previous_event(
    times: Iterable[datetime], t: datetime, *, slack_s: float = 1.0
) -> datetime | None:
    """The last event time before `t`, skipping those within `slack_s` before it.

    The slack lets a second press go on to the event before: after a jump to an event and a
    moment of play, the event just left is not the "previous" one again.
    """
    limit = as_utc(t) - timedelta(seconds=slack_s)
    before = [as_utc(x) for x in times if as_utc(x) < limit]
    return max(before) if before else None


def instant_replay_start(
    now: datetime, seconds: float = REPLAY_SECONDS, segments: Sequence[Segment] | None = None
) -> datetime:
    """Where an instant replay of a live tile starts: `seconds` before `now`.

    With the camera's segments, a start that falls in a gap moves to the first recording
    after it (if that is still before `now`), so the replay does not open on a gap.
    """
    start = as_utc(now) - timedelta(seconds=seconds)
    if segments and covering_seg(segments, start) is None:
        nxt = next_segment(segments, start)
        if nxt is not None and nxt.start < as_utc(now):
            return nxt.start
    return start


def covering_seg(segments: Sequence[Segment], t: datetime) -> Segment | None:
    """The segment recorded at `t` (segments sorted by start; the newest wins an overlap)."""
    found = None
    for s in segments:
        if s.start > t:
            break
        if s.covers(t):
            found = s
    return found


def next_segment(segments: Sequence[Segment], t: datetime) -> Segment | None:
    """The first segment starting after `t`."""
    for s in segments:
        if s.start > t:
            return s
    return None


def previous_segment(segments: Sequence[Segment], t: datetime) -> Segment | None:
    """The last segment ending at or before `t`."""
    found = None
    for s in segments:
        if s.end <= t:
            found = s
        elif s.start > t:
            break
    return found


def thread_name(camera: str) -> str:
    """`playback:<camera>`."""
    return f"playback:{camera}"


class SegmentError(Exception):
    """A segment file could not be read (missing, truncated, not a video)."""

    def __init__(self, seg: Segment, what: str) -> None:
        super().__init__(f"segment {seg.start:%Y-%m-%d %H:%M:%S} UTC ({seg.path}): {what}")
        self.segment = seg
        self.what = what


@dataclass(slots=True)
class _Decoded:
    frame: av.VideoFrame
    at: datetime  # its recorded wall time
    aspect: float  # the source's pixel aspect


class _Reader:
    """One open segment: demuxes and decodes frames in order, each with its recorded time."""

    def __init__(self, seg: Segment, root: Path) -> None:
        self.seg = seg
        path = root / seg.path
        try:
            self.container = av.open(str(path))
        except FileNotFoundError as exc:
            raise SegmentError(seg, "the file is missing") from exc
        except (av.error.FFmpegError, OSError) as exc:
            raise SegmentError(seg, f"cannot open: {_strerror(exc)}") from exc
        if not self.container.streams.video:
            self.close()
            raise SegmentError(seg, "no video stream")
        self.stream = self.container.streams.video[0]
        ctx: Any = self.stream.codec_context
        if ctx is None:
            self.close()
            raise SegmentError(seg, "no decoder for its codec")
        ctx.thread_count = 1  # many tiles share two cores (as the live decode)
        self.ctx = ctx
        self.tb = self.stream.time_base
        # The recorder keeps the camera's timestamps: the stream's first one is the start.
        self.zero = self.stream.start_time or 0
        sar = ctx.sample_aspect_ratio
        self.aspect = float(sar) if sar else 1.0
        self.keyframes_only: bool | None = None
        self.last_at: datetime | None = None  # the newest packet demuxed (its recorded time)
        self.failure: str = ""  # why decoding stopped early, if it did
        self.done = False  # the frames ran out (the end of the file, or where it is damaged)
        self._frames: Iterator[_Decoded] = iter(())

    def close(self) -> None:
        try:
            self.container.close()
        except (av.error.FFmpegError, OSError) as exc:
            log.debug("closing %s failed: %s", self.seg.path, exc)

    def set_keyframes_only(self, on: bool) -> None:
        if on != self.keyframes_only:
            self.ctx.skip_frame = "NONKEY" if on else "DEFAULT"
            self.keyframes_only = on

    def recorded(self, pts: int) -> datetime:
        assert self.tb is not None
        return self.seg.start + timedelta(seconds=float((pts - self.zero) * self.tb))

    def seek(self, t: datetime) -> None:
        """Go to the keyframe at or before `t` (the next frames come from there)."""
        assert self.tb is not None
        offset = max(0.0, (t - self.seg.start).total_seconds())
        target = self.zero + int(offset / self.tb)
        self.container.seek(target, backward=True, any_frame=False, stream=self.stream)
        self._frames = self._decode()
        self.done = False

    def rewind(self) -> None:
        self._frames = self._decode()
        self.done = False

    def next(self) -> _Decoded | None:
        """The next frame, or None at the end of the file (or where it is damaged)."""
        d = next(self._frames, None)
        if d is None:
            self.done = True
        return d

    def _decode(self) -> Iterator[_Decoded]:
        try:
            for packet in self.container.demux(self.stream):
                if packet.pts is not None and packet.size:
                    # Packets, not frames, say how far the file goes: keyframes-only decoding
                    # yields nothing for the last second or two of a complete segment.
                    at = self.recorded(packet.pts)
                    if self.last_at is None or at > self.last_at:
                        self.last_at = at
                try:
                    frames = packet.decode()
                except (av.error.InvalidDataError, av.error.ArgumentError) as exc:
                    # A damaged packet: the next keyframe repairs the picture; the end of a
                    # truncated file shows as one, then the demuxer ends.
                    self.failure = _strerror(exc)
                    continue
                for frame in frames:
                    if frame.pts is None:
                        continue
                    yield _Decoded(frame, self.recorded(frame.pts), self.aspect)
        except (av.error.FFmpegError, OSError) as exc:
            self.failure = _strerror(exc)

    def truncated(self) -> bool:
        """After the end: whether the packets stopped well before the segment's indexed end."""
        if self.seg.state is SegmentState.WRITING:
            return False  # still growing: what is not there yet is not missing
        end = self.last_at or self.seg.start
        return (self.seg.end - end).total_seconds() > TRUNCATED_SLACK_S


class PlaybackWorker(ThreadedRunner):
    """Plays one camera's recorded segments in step with a shared clock, on its own thread.

    Frames go into `mailbox` under `key` as BGRA `VideoFrame`s fitted to the tile size (as the
    live decode gives them) with `recorded_at` set. Every state change goes to `on_status`
    from the worker thread. A segment that cannot be read gives an ERROR naming it, and
    playback goes on with the next one; nothing is ever deleted or written.

    Follows the `core.ports.Stoppable` protocol: `stop()`, `interrupt()`, `join(timeout)`.
    """

    def __init__(
        self,
        camera: str,
        segments: Sequence[Segment],
        root: Path,
        clock: PlaybackClock,
        size: tuple[int, int],
        mailbox: LatestMailbox[Any, VideoFrame],
        key: Hashable,
        on_status: Callable[[PlaybackStatus], None] | None = None,
        *,
        stream: StreamKind = StreamKind.MAIN,
    ) -> None:
        """Prepare the worker (nothing runs before `start()`).

        Args:
            camera: The camera's code (names the thread `playback:<camera>`).
            segments: The camera's segments, sorted by start (more may come: set_segments).
            root: The recording root the segments' paths are relative to.
            clock: The shared time base (one per synced group of cameras).
            size: The tile's (width, height) in pixels.
            mailbox: Where frames go, under `key`.
            on_status: Called from the worker thread with each new status; must not block.
            stream: What the frames say they are (recordings are of the main stream).
        """
        super().__init__(thread_name(camera))
        self._camera = camera
        self._root = Path(root)
        self._clock = clock
        self._mailbox = mailbox
        self._key = key
        self._on_status = on_status
        self._stream = stream
        self._lock = threading.Lock()  # guards the fields marked (locked)
        self._segments: tuple[Segment, ...] = _sorted(segments)  # (locked)
        self._size = _check_size(size)  # (locked)
        self._status = PlaybackStatus(camera, PlaybackState.IDLE)  # (locked)
        self._delivered = 0  # (locked)
        self._resegmented = False  # (locked) set_segments() since the loop last looked
        # Worker-thread state.
        self._reader: _Reader | None = None
        self._pending: _Decoded | None = None  # decoded, not yet due
        self._shown: datetime | None = None
        # The segment whose frames have all been shown while the clock is still inside it.
        self._finished: int | None = None
        self._reopen_at = 0.0  # monotonic: when to look again at a segment being written
        # Segment id -> (readable until (None: not at all), why): its error stays shown there.
        self._bad: dict[int, tuple[datetime | None, str]] = {}
        self._reformatter = VideoReformatter()
        self._seq = 0

    # -- owner's side (any thread) ---------------------------------------------------------

    @property
    def camera(self) -> str:
        return self._camera

    @property
    def status(self) -> PlaybackStatus:
        """The newest status published."""
        with self._lock:
            return self._status

    @property
    def frames_delivered(self) -> int:
        with self._lock:
            return self._delivered

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Replace the camera's segment list (a segment closed, retention removed some).

        A worker in a gap or past the end looks again at once: the list may now cover the
        clock's instant (the first list arrives after the worker started).
        """
        with self._lock:
            self._segments = _sorted(segments)
            self._resegmented = True
        self._clock.nudge()

    def set_size(self, width: int, height: int) -> None:
        """Scale to a new tile size from the next frame on."""
        size = _check_size((width, height))
        with self._lock:
            self._size = size

    def stop(self) -> None:
        """Ask the thread to stop (does not block); it looks at least every WAIT_S."""
        super().stop()
        self._clock.nudge()

    # -- worker thread -----------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._loop()
        except Exception as exc:
            log.error(
                "%s: playback failed: %s\n%s",
                self._name,
                exc,
                "".join(traceback.format_exception(exc)),
            )
            self._publish(PlaybackState.ERROR, detail=f"{type(exc).__name__}: {exc}")
            self._close()
            return
        self._close()
        self._publish(PlaybackState.IDLE, detail="")

    def _loop(self) -> None:
        snap = self._clock.snapshot()
        seen = snap
        self._reposition(snap, exact=True)
        while not self._stop.is_set():
            snap = self._clock.snapshot()
            kf = keyframes_only(snap.speed)
            with self._lock:
                resegmented, self._resegmented = self._resegmented, False
            if resegmented and self._reader is None:
                self._finished = None
                self._reposition(snap, exact=True)  # a gap or the end: maybe covered now
            elif snap.seeks != seen.seeks or kf != keyframes_only(seen.speed):
                # A new instant, or a decoder mode change (the frames after a skipped run
                # of non-keyframes would be smeared): reposition exactly.
                self._finished = None
                self._reposition(snap, exact=True)
            elif snap.steps != seen.steps:
                for _ in range(snap.steps - seen.steps):
                    self._step(snap.step_direction)
            elif not snap.playing and seen.playing:
                self._catch_up(snap)  # just paused: show the frame of the paused instant
            seen = snap
            if not snap.playing:
                if self._status.state is PlaybackState.PLAYING:
                    self._publish(PlaybackState.PAUSED)
                self._clock.wait(snap.version, WAIT_S)
                continue
            wait = self._play_backwards(snap) if snap.speed < 0 else self._play_forwards(snap)
            if wait > 0:
                self._clock.wait(snap.version, min(wait, WAIT_S))

    # -- moving about ------------------------------------------------------------------------

    def _reposition(self, snap: ClockSnapshot, *, exact: bool) -> None:
        """Show the frame of the clock's instant (or the keyframe before it, not exact)."""
        t = snap.position
        seg = covering_seg(self._segments_now(), t)
        if seg is None:
            self._close()
            self._no_recording(snap)
            return
        if self._unreadable(seg, t):
            self._close()
            self._show_bad(seg)
            return
        if self._status.state not in (PlaybackState.PLAYING, PlaybackState.PAUSED):
            self._publish(PlaybackState.SEEKING, detail="", segment_start=None, next_start=None)
        reader = self._open(seg, snap.speed)
        if reader is None:
            return
        try:
            reader.seek(t)
        except (av.error.FFmpegError, OSError) as exc:
            self._segment_failed(SegmentError(seg, f"cannot seek: {_strerror(exc)}"), None)
            return
        self._pending = None
        best: _Decoded | None = None
        while True:
            d = reader.next()
            if d is None:
                break
            if d.at > t and best is not None:
                self._pending = d
                break
            best = d
            if not exact:
                break
        late = best is None or (t - best.at).total_seconds() > TRUNCATED_SLACK_S / 4
        if reader.done and late:
            if reader.truncated():
                # The instant lies in the part of the file that is not there.
                self._ended(snap, reader)
                return
            if seg.state is SegmentState.WRITING:
                # Past what the recorder has written so far (an instant replay at the live
                # edge): the newest frame, then a fresh look at the file a little later.
                if best is not None and best.at != self._shown:
                    self._deliver(best, snap)
                self._ended(snap, reader)
                return
        if best is None:
            self._ended(snap, reader)
            return
        self._deliver(best, snap)

    def _catch_up(self, snap: ClockSnapshot) -> None:
        """Deliver the newest decoded frame not after the clock's instant (after a pause)."""
        best = None
        while self._reader is not None:
            d = self._peek()
            if d is None or d.at > snap.position:
                break
            best = d
            self._pending = None
        if best is not None:
            self._deliver(best, snap)

    def _step(self, direction: int) -> None:
        """The next (or previous) frame after the one shown, exactly."""
        snap = self._clock.snapshot()
        reader = self._reader
        if direction < 0:
            if self._shown is None or reader is None:
                self._reposition(snap, exact=True)
            else:
                self._reposition(replace(snap, position=self._shown - _TINY), exact=True)
            return
        if reader is None:
            self._reposition(snap, exact=True)
            return
        d = self._peek()
        if d is not None:
            self._pending = None
            self._deliver(d, snap)
            return
        # The segment ended: the next one's first frame.
        seg, truncated = reader.seg, reader.truncated()
        self._ended(snap, reader)
        if truncated:
            return
        nxt = next_segment(self._segments_now(), seg.start)
        if nxt is None:
            self._publish(PlaybackState.END, detail="after the last recording")
            return
        self._reposition(replace(snap, position=nxt.start), exact=True)

    def _peek(self) -> _Decoded | None:
        """The next decoded frame of the open segment without taking it."""
        if self._pending is None and self._reader is not None:
            self._pending = self._reader.next()
        return self._pending

    def _play_forwards(self, snap: ClockSnapshot) -> float:
        """Deliver what is due; returns how long (wall seconds) until the next frame is due."""
        pos = snap.position
        if self._reader is None:
            return self._enter(snap)
        self._reader.set_keyframes_only(keyframes_only(snap.speed))
        best: _Decoded | None = None
        while True:
            if best is not None and self._pending is None:
                # The due frame goes out before the next one is decoded (a decode takes
                # milliseconds): tiles of one clock must change together.
                self._deliver(best, snap)
                best = None
            d = self._peek()
            if d is None:
                if best is not None:
                    self._deliver(best, snap)
                self._ended(snap, self._reader)
                return 0.0
            if d.at > pos:
                break
            best = d
            self._pending = None
            if (pos - d.at).total_seconds() > LAG_RESEEK_S * max(1.0, snap.speed):
                # Far behind the clock (a slow disk, a busy machine): jump instead of racing.
                self._reposition(snap, exact=False)
                return 0.0
        if best is not None:
            self._deliver(best, snap)
        elif self._status.state is PlaybackState.PAUSED:
            self._publish(PlaybackState.PLAYING, detail="")
        assert self._pending is not None
        return (self._pending.at - pos).total_seconds() / snap.speed

    def _enter(self, snap: ClockSnapshot) -> float:
        """No segment open: open the one the clock has reached, or wait in the gap."""
        pos = snap.position
        seg = covering_seg(self._segments_now(), pos)
        if seg is None:
            return self._no_recording(snap)
        wait = self._reopen_at - time.monotonic()
        if seg.state is SegmentState.WRITING and wait > 0:
            return wait
        if self._unreadable(seg, pos) or seg.id == self._finished:
            # Wait out the rest of a segment that has nothing more to show.
            if seg.id in self._bad:
                self._show_bad(seg)
            nxt = next_segment(self._segments_now(), pos)
            return _until(nxt.start if nxt else None, pos, snap.speed)
        self._reposition(snap, exact=True)
        return 0.0

    def _ended(self, snap: ClockSnapshot, reader: _Reader) -> None:
        """The open segment has no more frames: note a truncation, then go on."""
        seg = reader.seg
        truncated = reader.truncated()
        last = reader.last_at
        self._close()
        if seg.state is SegmentState.WRITING:
            # The recorder is still appending to it: look again soon instead of moving on.
            self._reopen_at = time.monotonic() + REOPEN_S
            return
        self._finished = seg.id
        if truncated:
            why = "truncated or damaged"
            if reader.failure:
                why += f" ({reader.failure})"
            until = last + _TINY if last is not None else None
            self._segment_failed(SegmentError(seg, why), until)
            return
        nxt = next_segment(self._segments_now(), seg.start)
        if nxt is not None and snap.playing and snap.speed > 0 and nxt.start <= seg.end:
            # Back to back: open the next one at once, from its first frame.
            reader2 = self._open(nxt, snap.speed)
            if reader2 is not None:
                reader2.rewind()

    def _play_backwards(self, snap: ClockSnapshot) -> float:
        """Backwards: the keyframe at or before the clock, again each time the clock passes it."""
        pos = snap.position
        if self._shown is not None and self._reader is not None and pos >= self._shown:
            # This keyframe stays until the clock goes back past it.
            return (pos - self._shown).total_seconds() / -snap.speed + 0.001
        seg = covering_seg(self._segments_now(), pos)
        if seg is None:
            self._close()
            prev = previous_segment(self._segments_now(), pos)
            state = PlaybackState.GAP if prev is not None else PlaybackState.END
            detail = "no recording here" if prev is not None else "before the first recording"
            self._publish(state, detail=detail, next_start=prev.end if prev else None)
            return _until(prev.end - _TINY if prev else None, pos, snap.speed)
        if self._unreadable(seg, pos):
            self._close()
            self._show_bad(seg)
            return _until(seg.start - _TINY, pos, snap.speed)
        self._reposition(snap, exact=False)
        if self._shown is not None and self._shown > pos:
            return WAIT_S  # a segment that starts without a keyframe: nothing to go back to
        return 0.0

    def _no_recording(self, snap: ClockSnapshot) -> float:
        """The clock is where nothing was recorded: GAP (or END after the last segment)."""
        pos = snap.position
        segs = self._segments_now()
        nxt = next_segment(segs, pos)
        if nxt is None:
            self._publish(PlaybackState.END, detail="after the last recording")
            return WAIT_S
        self._publish(
            PlaybackState.GAP,
            detail=f"nothing recorded until {nxt.start:%H:%M:%S} UTC",
            next_start=nxt.start,
            segment_start=None,
        )
        if not snap.playing or snap.speed <= 0:
            return WAIT_S
        return _until(nxt.start, pos, snap.speed)

    def _unreadable(self, seg: Segment, t: datetime) -> bool:
        """Whether `t` falls where `seg` is known to be unreadable (the error stays shown)."""
        if seg.id not in self._bad:
            return False
        until = self._bad[seg.id][0]
        return until is None or t >= until

    def _show_bad(self, seg: Segment) -> None:
        """The error of a segment known to be unreadable (again, after a seek elsewhere)."""
        detail = self._bad[seg.id][1]
        self._publish(PlaybackState.ERROR, detail=detail, segment_start=seg.start, next_start=None)

    # -- segments ----------------------------------------------------------------------------

    def _open(self, seg: Segment, speed: float) -> _Reader | None:
        if self._reader is not None and self._reader.seg == seg:
            self._reader.set_keyframes_only(keyframes_only(speed))
            return self._reader
        self._close()
        if self._bad.get(seg.id, (0, ""))[0] is None:
            self._show_bad(seg)  # known to be unreadable: not opened again
            return None
        try:
            reader = _Reader(seg, self._root)
        except SegmentError as exc:
            self._segment_failed(exc, None)
            return None
        if seg.id != self._finished:
            self._finished = None
        reader.set_keyframes_only(keyframes_only(speed))
        self._reader = reader
        return reader

    def _close(self) -> None:
        self._pending = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _segment_failed(self, exc: SegmentError, readable_until: datetime | None) -> None:
        self._close()
        self._bad[exc.segment.id] = (readable_until, str(exc))
        log.warning("%s: %s", self._name, exc)
        self._publish(
            PlaybackState.ERROR,
            detail=str(exc),
            segment_start=exc.segment.start,
            next_start=None,
        )

    def _segments_now(self) -> tuple[Segment, ...]:
        with self._lock:
            return self._segments

    # -- frames and statuses -----------------------------------------------------------------

    def _deliver(self, d: _Decoded, snap: ClockSnapshot) -> None:
        frame = d.frame
        tile_w, tile_h = self._size_now()
        out_w, out_h = fit_size(frame.width, frame.height, tile_w, tile_h, d.aspect)
        image: np.ndarray[Any, Any] = self._reformatter.reformat(
            frame, out_w, out_h, format="bgra", interpolation=INTERPOLATION, threads=1
        ).to_ndarray()
        if not image.flags.c_contiguous:
            image = np.ascontiguousarray(image)
        self._seq += 1
        video_frame = VideoFrame(
            camera=self._camera,
            stream=self._stream,
            image=image,
            seq=self._seq,
            pts_s=frame.time,
            decoded_at=time.monotonic(),
            keyframe=bool(frame.key_frame),
            recorded_at=d.at,
        )
        self._shown = d.at
        self._mailbox.put(self._key, video_frame)
        with self._lock:
            self._delivered += 1
        state = PlaybackState.PLAYING if snap.playing else PlaybackState.PAUSED
        self._publish(
            state,
            detail="",
            at=d.at,
            next_start=None,
            segment_start=None,
            keyframes_only=keyframes_only(snap.speed),
        )

    def _size_now(self) -> tuple[int, int]:
        with self._lock:
            return self._size

    def _publish(self, state: PlaybackState, **fields: Any) -> None:
        """Publish a status if it differs from the last (the frame time alone does not count)."""
        with self._lock:
            old = self._status
            new = replace(old, state=state, **fields)
            if new == old:
                return
            self._status = new
            if replace(new, at=old.at) == old:
                return  # only the frame time moved: no callback for every frame
        if self._on_status is None:
            return
        try:
            self._on_status(new)
        except Exception:
            log.exception("%s: status callback failed", self._name)


def _until(t: datetime | None, pos: datetime, speed: float) -> float:
    """Wall seconds until the clock reaches `t` at `speed` (WAIT_S if never or unknown)."""
    if t is None or speed == 0:
        return WAIT_S
    seconds = (t - pos).total_seconds() / speed
    return seconds if seconds > 0 else 0.0


def _sorted(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    return tuple(sorted(segments, key=lambda s: (s.start, s.id)))


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = int(size[0]), int(size[1])
    if width < 1 or height < 1:
        raise ValueError(f"tile size must be at least 1x1, not {width}x{height}")
    return width, height


def _strerror(exc: BaseException) -> str:
    if isinstance(exc, av.error.FFmpegError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return f"{type(exc).__name__}: {exc}"
