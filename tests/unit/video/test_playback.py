"""Playback of recorded fMP4 segments: exact seeks, pace, keyframes at speed, gaps, steps, sync."""

from __future__ import annotations

import dataclasses
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

import av
import pytest

from core.mailbox import LatestMailbox
from core.recording import Segment, SegmentState, segment_path
from core.video import VideoFrame
from video.clips import ClipSpec, ensure_clip
from video.playback import (
    SPEEDS,
    PlaybackClock,
    PlaybackState,
    PlaybackStatus,
    PlaybackWorker,
    check_speed,
    instant_replay_start,
    keyframes_only,
    next_event,
    previous_event,
)

T = TypeVar("T")

T0 = datetime(2026, 11, 30, 2, 0, 0, tzinfo=UTC)
FPS = 25
SEG_FRAMES = 4 * FPS  # 4 s segments
GOP = FPS  # a keyframe every second
# Four segments: [0, 4) [4, 8), a 3 s gap, [11, 15) [15, 19) seconds after T0.
STARTS_S = (0.0, 4.0, 11.0, 15.0)
FRAME = timedelta(seconds=1 / FPS)
JOIN_S = 5.0
TB = Fraction(1, 90_000)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@dataclass(frozen=True)
class Recording:
    root: Path
    segments: list[Segment]


def _remux(src: Path, root: Path, camera: str, offset: timedelta) -> list[Segment]:
    """Cut an Annex-B clip into 4 s fMP4 segments as the recorder writes them (no re-encode)."""
    segments: list[Segment] = []
    out: Any = None
    ostream: Any = None
    with av.open(str(src)) as inp:
        stream = inp.streams.video[0]
        i = 0
        for packet in inp.demux(stream):
            if not packet.size:
                continue
            if i % SEG_FRAMES == 0:
                if out is not None:
                    out.close()
                k = i // SEG_FRAMES
                start = T0 + offset + timedelta(seconds=STARTS_S[k])
                rel = segment_path(camera, start)
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                segments.append(
                    Segment(k + 1, camera, start, start + timedelta(seconds=4), rel, 0, "")
                )
                out = av.open(
                    str(root / rel),
                    "w",
                    format="mp4",
                    options={"movflags": "frag_keyframe+empty_moov+default_base_moof"},
                )
                ostream = out.add_stream_from_template(stream)
                ostream.time_base = TB
            # A camera's clock does not start at zero: the segment's times are relative.
            packet.pts = packet.dts = 7_200_000 + i * 3600
            packet.time_base = TB
            packet.stream = ostream
            out.mux(packet)
            i += 1
    out.close()
    return segments


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Recording:
    base = tmp_path_factory.mktemp("playback")
    clip = ensure_clip(
        base / "src.h264",
        ClipSpec("PLAY", width=320, height=180, fps=FPS, seconds=16, gop=GOP, seed=5),
    )
    root = base / "rec"
    return Recording(root, _remux(clip, root, "CAM01", timedelta(0)))


@pytest.fixture(scope="module")
def second_camera(recording: Recording) -> Recording:
    """The same pictures recorded by a second camera whose frames fall 12 ms later."""
    clip = recording.root.parent / "src.h264"
    return Recording(
        recording.root, _remux(clip, recording.root, "CAM02", timedelta(milliseconds=12))
    )


@pytest.fixture
def damaged(recording: Recording, tmp_path: Path) -> Recording:
    """A copy of the recording whose second file is missing and whose third is cut in half."""
    root = tmp_path / "rec"
    shutil.copytree(recording.root / "CAM01", root / "CAM01")
    segs = recording.segments
    (root / segs[1].path).unlink()
    third = root / segs[2].path
    data = third.read_bytes()
    third.write_bytes(data[: len(data) // 2])
    return Recording(root, segs)


class Frames(LatestMailbox[str, VideoFrame]):
    """A mailbox that also keeps every frame put (the test sees each one, in order)."""

    def __init__(self) -> None:
        super().__init__()
        self.all: list[VideoFrame] = []
        self._all_lock = threading.Lock()

    def put(self, key: str, value: VideoFrame) -> bool:
        with self._all_lock:
            self.all.append(value)
        return super().put(key, value)

    def snapshot(self) -> list[VideoFrame]:
        with self._all_lock:
            return list(self.all)

    def last(self) -> VideoFrame | None:
        with self._all_lock:
            return self.all[-1] if self.all else None


class Statuses:
    def __init__(self) -> None:
        self.items: list[PlaybackStatus] = []
        self._lock = threading.Lock()

    def __call__(self, status: PlaybackStatus) -> None:
        with self._lock:
            self.items.append(status)

    def snapshot(self) -> list[PlaybackStatus]:
        with self._lock:
            return list(self.items)


def wait_for(what: Callable[[], T | None], timeout: float, message: str) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := what():
            return value
        time.sleep(0.01)
    pytest.fail(f"not within {timeout} s: {message}")


@dataclass
class Player:
    worker: PlaybackWorker
    frames: Frames
    statuses: Statuses


@pytest.fixture
def players() -> Iterator[Callable[..., Player]]:
    made: list[PlaybackWorker] = []

    def make(rec: Recording, clock: PlaybackClock, camera: str = "CAM01") -> Player:
        frames, statuses = Frames(), Statuses()
        worker = PlaybackWorker(
            camera, rec.segments, rec.root, clock, (160, 160), frames, camera, statuses
        )
        made.append(worker)
        worker.start()
        return Player(worker, frames, statuses)

    yield make
    for w in made:
        w.stop()
    for w in made:
        assert w.join(JOIN_S), w.name


def rec(f: VideoFrame) -> datetime:
    """A played frame's recorded time (always set by playback)."""
    assert f.recorded_at is not None
    return f.recorded_at


def newest(p: Player, ok: Callable[[VideoFrame], bool]) -> VideoFrame | None:
    f = p.frames.last()
    return f if f is not None and ok(f) else None


def shown_at(p: Player, t: datetime, timeout: float = 5.0) -> VideoFrame:
    """Wait until the newest frame delivered is the one recorded at `t`."""
    return wait_for(
        lambda: newest(p, lambda f: f.recorded_at == t),
        timeout,
        f"the frame recorded at {t:%H:%M:%S.%f}",
    )


def state(p: Player, wanted: PlaybackState, timeout: float = 5.0) -> PlaybackStatus:
    def check() -> PlaybackStatus | None:
        s = p.worker.status
        return s if s.state is wanted else None

    return wait_for(check, timeout, f"state {wanted}")


# --- pure helpers ----------------------------------------------------------------------------


def test_clock_moves_at_its_speed_and_stops_when_paused() -> None:
    now = [100.0]
    clock = PlaybackClock(at(0), monotonic=lambda: now[0])
    now[0] += 5
    assert clock.position() == at(0)  # paused: the instant stays
    clock.play()
    now[0] += 2
    assert clock.position() == at(2)
    clock.set_speed(4)
    now[0] += 1
    assert clock.position() == at(6)
    clock.set_speed(-2)
    now[0] += 1
    assert clock.position() == at(4)
    clock.pause()
    now[0] += 3
    assert clock.position() == at(4)
    clock.seek(at(10))
    assert clock.position() == at(10)
    assert not clock.playing
    snap = clock.snapshot()
    clock.step_frame()
    after = clock.snapshot()
    assert after.position == at(10.04)
    assert (after.steps, after.step_direction, after.playing) == (snap.steps + 1, 1, False)
    clock.step_frame(-1)
    assert clock.snapshot().step_direction == -1
    assert clock.position() == at(10)
    assert clock.toggle() is True
    assert clock.wait(snap.version, 0.0) is True  # it changed since


def test_speeds_on_offer_and_keyframes_from_8x() -> None:
    assert {0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, -1.0} <= set(SPEEDS)
    with pytest.raises(ValueError, match="speed"):
        check_speed(3)
    assert [keyframes_only(s) for s in (1, 4, 8, 16, -1)] == [False, False, True, True, True]


def test_next_and_previous_event() -> None:
    events = [at(30), at(10), at(20)]
    assert next_event(events, at(10)) == at(20)
    assert next_event(events, at(0)) == at(10)
    assert next_event(events, at(30)) is None
    assert previous_event(events, at(25)) == at(20)
    # Just after an event, "previous" goes to the one before it, not back to the same one.
    assert previous_event(events, at(20.4)) == at(10)
    assert previous_event(events, at(10)) is None


def test_instant_replay_starts_30_s_back_or_after_a_gap(recording: Recording) -> None:
    assert instant_replay_start(at(60)) == at(30)
    assert instant_replay_start(at(60), 10) == at(50)
    # 30 s before 19 s after T0 is before the first segment: the replay starts at it.
    segs = recording.segments
    assert instant_replay_start(at(19), segments=segs) == at(0)
    assert instant_replay_start(at(13), 4, segs) == at(11)  # 9 s is in the gap
    assert instant_replay_start(at(14), 2, segs) == at(12)


# --- playing real segments -------------------------------------------------------------------


def test_seek_shows_the_frame_of_that_instant(
    recording: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(2.5))
    p = players(recording, clock)
    assert p.worker.name == "playback:CAM01"
    frame = shown_at(p, at(2.48))  # 2.5 s falls between the frames of 2.48 and 2.52
    assert frame.image.shape == (90, 160, 4)
    assert frame.pts_s == pytest.approx(2.48)
    assert p.worker.status.state is PlaybackState.PAUSED
    # Mid-GOP in the second segment: decoded forward from the keyframe at 5 s.
    clock.seek(at(5.52))
    frame = shown_at(p, at(5.52))
    assert not frame.keyframe
    assert frame.pts_s == pytest.approx(1.52)  # times in the file are the segment's own
    clock.seek(at(9))  # in the gap
    status = state(p, PlaybackState.GAP)
    assert status.next_start == at(11)
    clock.seek(at(30))
    state(p, PlaybackState.END)
    clock.seek(at(16))
    shown_at(p, at(16))


def test_plays_in_order_at_the_clocks_pace(
    recording: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(1.0))
    p = players(recording, clock)
    shown_at(p, at(1.0))
    clock.play()
    wait_for(lambda: len(p.frames.snapshot()) > 20, 5, "frames while playing")
    clock.pause()
    paused_at = clock.position()
    # After the pause the tile shows exactly the frame of the paused instant.
    k = int((paused_at - at(1.0)) / FRAME)
    last = shown_at(p, at(1.0) + k * FRAME)
    frames = p.frames.snapshot()
    times = [rec(f) for f in frames]
    assert times == sorted(times)
    assert len(set(times)) == len(times)
    assert times[-1] == last.recorded_at
    assert [f.seq for f in frames] == list(range(1, len(frames) + 1))
    # Paced by the clock: never more frames than the recording has in the time played, and
    # not a handful either (the decoder keeps up with 25 fps of 180p easily).
    expected = k + 1
    assert len(frames) <= expected
    assert len(frames) >= expected // 2
    state(p, PlaybackState.PAUSED)


def test_8x_decodes_keyframes_only_across_segments(
    recording: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(0.5), speed=8)
    p = players(recording, clock)
    shown_at(p, at(0.0))  # the keyframe before the instant
    clock.play()
    wait_for(
        lambda: newest(p, lambda f: rec(f) >= at(6)),
        10,
        "keyframes of the second segment",
    )
    clock.pause()
    frames = p.frames.snapshot()
    assert all(f.keyframe for f in frames)
    for f in frames:
        assert f.recorded_at is not None
        assert (f.recorded_at - T0).total_seconds() % 1.0 == pytest.approx(0.0)
    assert p.worker.status.keyframes_only
    # Back to 1x: every frame again, exactly from where the clock is.
    clock.set_speed(1)
    clock.step_frame()
    wait_for(lambda: (f := p.frames.last()) is not None and not f.keyframe and f, 5, "a P frame")


def test_gap_then_playback_resumes_after_it(
    recording: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(7.6), speed=4)
    p = players(recording, clock)
    shown_at(p, at(7.6))
    clock.play()
    wait_for(
        lambda: newest(p, lambda f: rec(f) >= at(11.5)),
        10,
        "frames after the gap",
    )
    clock.pause()
    states = [s.state for s in p.statuses.snapshot()]
    gap = [s for s in p.statuses.snapshot() if s.state is PlaybackState.GAP]
    assert gap
    assert gap[0].next_start == at(11)
    assert states.index(PlaybackState.GAP) < len(states) - 1
    assert PlaybackState.PLAYING in states[states.index(PlaybackState.GAP) :]
    times = [rec(f) for f in p.frames.snapshot()]
    assert not [t for t in times if at(8) <= t < at(11)]  # nothing delivered in the gap
    assert times == sorted(times)
    assert at(7.96) in times
    assert at(11) in times


def test_step_frame_shows_the_next_and_previous_frame(
    recording: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(1.0))
    p = players(recording, clock)
    shown_at(p, at(1.0))
    clock.step_frame()
    shown_at(p, at(1.04))
    for _ in range(3):
        clock.step_frame()
    shown_at(p, at(1.16))
    clock.step_frame(-1)
    shown_at(p, at(1.12))
    # Across the boundary of two segments.
    clock.seek(at(3.96))
    shown_at(p, at(3.96))
    clock.step_frame()
    frame = shown_at(p, at(4.0))
    assert frame.keyframe
    clock.step_frame(-1)
    shown_at(p, at(3.96))


def test_two_cameras_on_one_clock_show_the_same_instant(
    recording: Recording, second_camera: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(2.5))
    a = players(recording, clock, "CAM01")
    b = players(second_camera, clock, "CAM02")

    def both() -> tuple[VideoFrame, VideoFrame] | None:
        fa, fb = a.frames.last(), b.frames.last()
        if fa is None or fb is None or fa.recorded_at is None or fb.recorded_at is None:
            return None
        pos = clock.position()
        if fa.recorded_at > pos or fb.recorded_at > pos:
            return None
        if (pos - fa.recorded_at) >= FRAME or (pos - fb.recorded_at) >= FRAME:
            return None  # one of them has not caught up with the instant yet
        return fa, fb

    fa, fb = wait_for(both, 5, "both cameras at 2.5 s")
    assert fa.recorded_at == at(2.48)
    assert fb.recorded_at == at(2.492)
    clock.play()
    wait_for(
        lambda: newest(a, lambda f: rec(f) >= at(3.5)),
        5,
        "a second of play",
    )
    clock.pause()
    fa, fb = wait_for(both, 5, "both cameras at the paused instant")
    assert fa.recorded_at is not None
    assert fb.recorded_at is not None
    assert abs((fa.recorded_at - fb.recorded_at).total_seconds()) < 0.040
    clock.seek(at(12.3))
    fa, fb = wait_for(both, 5, "both after a seek")
    assert fa.recorded_at is not None
    assert fb.recorded_at is not None
    assert abs((fa.recorded_at - fb.recorded_at).total_seconds()) < 0.040


def test_missing_and_truncated_files_are_errors_and_playback_goes_on(
    damaged: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(3.0), speed=4)
    p = players(damaged, clock)
    shown_at(p, at(3.0))
    clock.play()
    wait_for(
        lambda: newest(p, lambda f: rec(f) >= at(16)),
        15,
        "frames of the last segment",
    )
    clock.pause()
    statuses = p.statuses.snapshot()
    errors = [s for s in statuses if s.state is PlaybackState.ERROR]
    assert [s.segment_start for s in errors] == [at(4), at(11)]
    assert "missing" in errors[0].detail
    assert "2026-11-30 02:00:04" in errors[0].detail  # the segment's time, named
    assert "truncated" in errors[1].detail
    times = [rec(f) for f in p.frames.snapshot()]
    assert not [t for t in times if at(4) <= t < at(11)]
    truncated = [t for t in times if at(11) <= t < at(15)]
    assert truncated  # what is left of the cut file plays
    assert max(truncated) < at(14)
    assert [t for t in times if t >= at(15)]
    assert statuses[-1].state in (PlaybackState.PLAYING, PlaybackState.PAUSED)
    # Nothing was deleted.
    assert (damaged.root / damaged.segments[2].path).exists()
    # Seeking into the missing file again says so again.
    clock.seek(at(5))
    status = state(p, PlaybackState.ERROR)
    assert status.segment_start == at(4)


def test_backwards_shows_keyframes_in_reverse_across_segments(
    recording: Recording, players: Callable[..., Player]
) -> None:
    clock = PlaybackClock(at(5.5), speed=-4)
    p = players(recording, clock)
    shown_at(p, at(5.0))  # the keyframe at or before the instant
    clock.play()
    wait_for(
        lambda: newest(p, lambda f: rec(f) <= at(2)),
        10,
        "keyframes of the first segment",
    )
    clock.pause()
    times = [rec(f) for f in p.frames.snapshot()]
    assert all(f.keyframe for f in p.frames.snapshot())
    assert times == sorted(times, reverse=True)
    assert times[:4] == [at(5), at(4), at(3), at(2)]


def test_a_segment_still_being_written_is_read_again_as_it_grows(
    recording: Recording, players: Callable[..., Player], tmp_path: Path
) -> None:
    """An instant replay reaches the live edge: the newest file grows while it plays."""
    last = recording.segments[3]
    full = (recording.root / last.path).read_bytes()
    growing = tmp_path / last.path
    growing.parent.mkdir(parents=True)
    growing.write_bytes(full[: len(full) // 2])
    writing = Segment(last.id, last.camera, last.start, last.end, last.path, 0, "")
    writing = dataclasses.replace(writing, state=SegmentState.WRITING)
    clock = PlaybackClock(at(15.2), speed=2)
    p = players(Recording(tmp_path, [writing]), clock)
    shown_at(p, at(15.2))
    clock.play()
    # Half the file is about 2 s of it; the clock goes on past that.
    wait_for(lambda: clock.position() > at(17.6), 5, "the clock past the written part")
    assert rec(p.frames.snapshot()[-1]) < at(17.6)
    assert p.worker.status.state is PlaybackState.PLAYING  # not an error: it is being written
    tmp = growing.with_suffix(".tmp")
    tmp.write_bytes(full)
    tmp.replace(growing)  # the recorder appended the rest
    wait_for(lambda: newest(p, lambda f: rec(f) >= at(18)), 5, "frames written since")
    clock.pause()
    assert not [s for s in p.statuses.snapshot() if s.state is PlaybackState.ERROR]
    times = [rec(f) for f in p.frames.snapshot()]
    assert times == sorted(times)
