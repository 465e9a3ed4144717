"""The recorder against the real RTSP peer: segments, a dying server, kill -9, a full disk."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import av.error
import pytest

from core.recording import GapCause, Segment, SegmentState
from tests.helpers.recording_sink import SqliteRecordingSink
from tests.helpers.rtsp import Clips, clips, rtsp_server  # noqa: F401 - the fixture
from video.recorder.engine import Recorder
from video.recorder.segment import file_hash
from video.rtsp_server import RtspServer

ROOT = Path(__file__).resolve().parents[2]
FPS = 25
FAST = {
    "open_timeout_s": 3.0,
    "stall_s": 3.0,
    "backoff_base_s": 0.3,
    "backoff_cap_s": 1.0,
    "disk_retry_s": 0.3,
    "resume_free_bytes": 200_000,
}


def decoded(path: Path) -> tuple[int, bool]:
    """(frames decoded, whether it ran to the end without an error)."""
    frames = 0
    try:
        with av.open(str(path)) as c:
            for _ in c.decode(video=0):
                frames += 1
    except av.error.FFmpegError:
        return frames, False
    return frames, True


def first_packet_key(path: Path) -> bool:
    with av.open(str(path)) as c:
        for packet in c.demux(video=0):
            return bool(packet.is_keyframe)
    return False


def check_segment(root: Path, seg: Segment) -> None:
    """The file is what the index says, starts with a keyframe and plays its whole length."""
    path = root / seg.path
    assert file_hash(path) == (seg.bytes, seg.sha256)
    assert first_packet_key(path)
    frames, whole = decoded(path)
    assert whole
    assert abs(frames - seg.seconds * FPS) <= 1.01, (seg, frames)


def closed(sink: SqliteRecordingSink, camera: str) -> list[Segment]:
    return [s for s in sink.segments(camera) if s.state is not SegmentState.WRITING]


@pytest.fixture
def server(clips: Clips) -> Iterator[RtspServer]:  # noqa: F811
    with rtsp_server({"/h264": clips.h264, "/h265": clips.h265}) as s:
        yield s


@pytest.mark.slow
def test_four_cameras_contiguous_segments_and_a_20_s_offline_gap(
    server: RtspServer, tmp_path: Path
) -> None:
    sink = SqliteRecordingSink(tmp_path / "index.db")
    root = tmp_path / "rec"
    cams = {
        "CAM-A": server.url("/h264"),
        "CAM-B": server.url("/h265"),
        "CAM-C": server.url("/h264"),
        "CAM-D": server.url("/h265"),
    }
    rec = Recorder(sink, cams, root, segment_seconds=4.0, housekeeping_s=0.5, camera_options=FAST)
    rec.start()
    try:
        # Three closed segments per camera, then the server dies for about 20 s.
        sink.wait_for(lambda s: all(len(closed(s, c)) >= 3 for c in cams), timeout=30)
        health = sink.wait_for(lambda s: [h for h in s.healths() if h["recording"] == 4])
        names = {t.name for t in threading.enumerate()}
        assert {f"record:{c}" for c in cams} | {"recorder:housekeeping"} <= names
        assert health[-1]["bitrate"] > 0
        # What the device pane learns of each camera's link.
        assert health[-1]["links"] == "CAM-A=up;CAM-B=up;CAM-C=up;CAM-D=up"
        server.kill()
        down = time.monotonic()
        sink.wait_for(lambda s: len(s.gaps()) == 4, timeout=10)
        sink.wait_for(lambda s: s.healths()[-1]["links"].count("=down") == 4)
        time.sleep(max(0.0, 20.0 - (time.monotonic() - down)))
        server.restart()
        sink.wait_for(lambda s: all(g.end is not None for g in s.gaps()), timeout=20)
        sink.wait_for(lambda s: all(s.segments(c)[-1].start > s.gaps(c)[0].end for c in cams))
    finally:
        rec.stop(timeout=10)
    assert not rec.alive
    for camera, codec in (
        ("CAM-A", "h264"),
        ("CAM-B", "hevc"),
        ("CAM-C", "h264"),
        ("CAM-D", "hevc"),
    ):
        segs = sink.segments(camera)
        assert all(s.state is SegmentState.COMPLETE for s in segs)
        assert {s.codec for s in segs} == {codec}
        (gap,) = sink.gaps(camera)
        assert gap.cause is GapCause.CAMERA_OFFLINE
        assert gap.end is not None
        assert 19.0 <= (gap.end - gap.start).total_seconds() <= 27.0, gap
        before = [s for s in segs if s.end <= gap.start]
        after = [s for s in segs if s.start >= gap.end]
        assert len(before) >= 3
        assert after
        assert len(before) + len(after) == len(segs)
        # No hole and no overlap between segments of one connection, nor around the gap.
        for run in (before, after):
            for a, b in itertools.pairwise(run):
                assert b.start == a.end
        assert before[-1].end == gap.start
        assert after[0].start == gap.end
        for seg in segs:
            check_segment(root, seg)
        # Cut at the first keyframe after 4 s (a keyframe a second).
        assert all(3.9 <= s.seconds <= 5.1 for s in before[:-1])
        with av.open(str(root / segs[0].path)) as c:
            assert c.streams.video[0].codec_tag == ("avc1" if codec == "h264" else "hvc1")


_CHILD = """
import sys, time
from pathlib import Path
from tests.helpers.recording_sink import SqliteRecordingSink
from video.recorder.engine import Recorder
sink = SqliteRecordingSink(Path(sys.argv[1]))
rec = Recorder(sink, {"CAM-K": sys.argv[2]}, Path(sys.argv[3]), segment_seconds=60.0)
rec.start()
print("started", flush=True)
time.sleep(120)
"""


@pytest.mark.slow
def test_killed_recorder_leaves_a_playable_segment_that_the_next_one_recovers(
    server: RtspServer, tmp_path: Path
) -> None:
    db = tmp_path / "index.db"
    root = tmp_path / "rec"
    sink = SqliteRecordingSink(db)
    url = server.url("/h264")
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db), url, str(root)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        (seg,) = sink.wait_for(lambda s: s.unfinished(), timeout=20)
        path = root / seg.path
        # A few fragments (a second each) on disk, then the process dies mid-segment.
        sink.wait_for(lambda s: path.exists() and path.stat().st_size > 120_000, timeout=20)
        child.send_signal(signal.SIGKILL)
        child.wait(5)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(5)
    frames, _ = decoded(path)
    assert frames >= 2 * FPS
    # The time no recorder ran: past the segment's media end, which a server catching up
    # after a stall on busy cores can put ahead of the wall clock (then no gap was due).
    end = seg.start + timedelta(seconds=frames / FPS)
    time.sleep(max(1.5, (end - datetime.now(UTC)).total_seconds() + 1.5))

    rec = Recorder(sink, {"CAM-K": url}, root, down_after_s=1.0, camera_options=FAST)
    rec.start()
    try:
        (row,) = [s for s in sink.segments("CAM-K") if s.id == seg.id]
        assert row.state in (SegmentState.COMPLETE, SegmentState.DAMAGED)
        assert file_hash(path) == (row.bytes, row.sha256)
        assert row.seconds * FPS >= frames - 1
        (gap,) = sink.gaps("CAM-K")
        assert gap.cause is GapCause.RECORDER_DOWN
        assert gap.start == row.end
        assert gap.end is not None
        assert gap.end > gap.start
        # And the new recorder records.
        sink.wait_for(lambda s: len(s.segments("CAM-K")) == 2)
    finally:
        rec.stop(timeout=10)
    last = sink.segments("CAM-K")[-1]
    check_segment(root, last)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs (root only; skipped where mounting is not permitted)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.slow
def test_full_disk_keeps_the_last_segment_playable_and_resumes(
    server: RtspServer, small_disk: Path, tmp_path: Path
) -> None:
    sink = SqliteRecordingSink(tmp_path / "index.db")
    # Leave ~150 KB: several seconds of the clip.
    ballast = small_disk / "ballast"
    ballast.write_bytes(b"\0" * (3 * 1024 * 1024 - 150_000))
    root = small_disk / "rec"
    rec = Recorder(
        sink,
        {"CAM-D": server.url("/h264")},
        root,
        segment_seconds=4.0,
        min_free_bytes=0,
        housekeeping_s=0.5,
        camera_options=FAST,
    )
    rec.start()
    try:
        (gap,) = sink.wait_for(lambda s: s.gaps("CAM-D"), timeout=30)
        assert gap.cause is GapCause.DISK_FULL
        ((camera, text),) = sink.wait_for(lambda s: s.alarms())
        assert camera == "CAM-D"
        assert "录像磁盘已满" in text
        full = [s for s in sink.segments("CAM-D") if s.state is not SegmentState.WRITING]
        assert full
        assert gap.start == full[-1].end
        for seg in full:
            check_segment(root, seg)
        ballast.unlink()
        sink.wait_for(lambda s: s.gaps("CAM-D")[0].end is not None, timeout=15)
        resumed = root / sink.segments("CAM-D")[-1].path
        sink.wait_for(lambda s: resumed.stat().st_size > 20_000, timeout=15)
    finally:
        rec.stop(timeout=10)
    (gap,) = sink.gaps("CAM-D")
    assert gap.end is not None
    after = [s for s in sink.segments("CAM-D") if s.start >= gap.end]
    assert after
    assert after[0].start == gap.end
    for seg in sink.segments("CAM-D"):
        check_segment(root, seg)


@pytest.mark.slow
def test_frozen_server_is_a_stall_gap_and_recording_resumes(
    server: RtspServer, tmp_path: Path
) -> None:
    sink = SqliteRecordingSink(tmp_path / "index.db")
    root = tmp_path / "rec"
    rec = Recorder(sink, {"CAM-F": server.url("/h264")}, root, camera_options=FAST)
    rec.start()
    try:
        sink.wait_for(lambda s: s.segments("CAM-F"))
        time.sleep(1.0)
        server.pause()  # SIGSTOP: the connection stays open, nothing more arrives
        try:
            (gap,) = sink.wait_for(lambda s: s.gaps("CAM-F"), timeout=15)
        finally:
            server.resume()
        sink.wait_for(lambda s: s.gaps("CAM-F")[0].end is not None, timeout=20)
    finally:
        rec.stop(timeout=10)
    assert gap.cause is GapCause.CAMERA_OFFLINE
    assert gap.detail == "no video for 3 s"
    first, *rest = sink.segments("CAM-F")
    assert gap.start == first.end
    assert rest
    assert rest[0].start == sink.gaps("CAM-F")[0].end
    for seg in (first, *rest):
        check_segment(root, seg)
