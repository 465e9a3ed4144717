"""The recorder engine without cameras: retention on real files, recovery at start, heartbeat."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import pytest

from core.recording import GapCause, Segment, SegmentState, segment_path
from tests.helpers.recording_sink import SqliteRecordingSink
from tests.helpers.rtsp import Clips, clips  # noqa: F401 - the fixture
from video.recorder.engine import Recorder
from video.recorder.segment import SegmentWriter, file_hash

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SIZE = 256 * 1024


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def put(sink: SqliteRecordingSink, root: Path, camera: str, start: datetime) -> Segment:
    """A one-minute segment of SIZE bytes on disk and in the index."""
    rel = segment_path(camera, start)
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = start.isoformat().encode().ljust(SIZE, b"\0")
    path.write_bytes(data)
    seg = Segment(
        0, camera, start, start + timedelta(minutes=1), rel, SIZE, hashlib.sha256(data).hexdigest()
    )
    return replace(seg, id=sink.add_segment(seg))


@pytest.fixture
def sink(tmp_path: Path) -> SqliteRecordingSink:
    return SqliteRecordingSink(tmp_path / "index.db")


def test_expired_segments_go_oldest_first_except_held_ones(
    sink: SqliteRecordingSink, tmp_path: Path
) -> None:
    root = tmp_path / "rec"
    old = [put(sink, root, "CAM1", NOW - timedelta(days=40 - d)) for d in range(3)]
    held = put(sink, root, "CAM2", NOW - timedelta(days=39))
    young = put(sink, root, "CAM1", NOW - timedelta(days=2))
    sink.add_hold(["CAM2"], held.start - timedelta(hours=1), held.end + timedelta(hours=1))
    rec = Recorder(sink, {}, root, keep_days=30, min_free_bytes=0, clock=FakeClock(NOW))
    deleted = rec.apply_retention()
    assert [s.id for s in deleted] == [s.id for s in old]
    assert sink.deleted_ids() == {s.id for s in old}
    for seg in old:
        assert not (root / seg.path).exists()
        assert not (root / seg.path).parent.exists()  # the empty day folder went too
    assert (root / held.path).exists()
    assert (root / young.path).exists()
    assert rec.apply_retention() == []


def test_short_free_space_deletes_the_oldest_unheld_until_enough(
    sink: SqliteRecordingSink, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "rec"
    segs = [put(sink, root, "CAM1", NOW - timedelta(hours=5 - h)) for h in range(5)]
    sink.add_hold(["CAM1"], segs[0].start, segs[0].end)
    # A fixed reading: the disk is shared with the other test workers, whose writes moved the
    # real free space by more than a segment between this line and the recorder's (CI).
    real = shutil.disk_usage(root)
    free = real.free
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: real)
    # Short by one and a half segments: the two oldest unheld go, the held one stays.
    rec = Recorder(
        sink, {}, root, keep_days=30, min_free_bytes=free + SIZE * 3 // 2, clock=FakeClock(NOW)
    )
    deleted = rec.apply_retention()
    assert [s.id for s in deleted] == [segs[1].id, segs[2].id]
    assert (root / segs[0].path).exists()
    assert not (root / segs[1].path).exists()
    assert (root / segs[3].path).exists()


def test_start_recovers_unfinished_segments_and_records_the_downtime(
    sink: SqliteRecordingSink,
    tmp_path: Path,
    clips: Clips,  # noqa: F811
) -> None:
    root = tmp_path / "rec"
    t0 = NOW - timedelta(minutes=10)
    rels = {c: segment_path(c, t0) for c in ("WHOLE", "CUT", "GONE")}
    for camera in ("WHOLE", "CUT"):
        with av.open(str(clips.h264)) as c:
            writer = SegmentWriter(root / rels[camera], c.streams.video[0])
            for packet in c.demux(video=0):
                if packet.size:
                    writer.write(packet)
        writer.close()
    data = (root / rels["CUT"]).read_bytes()
    (root / rels["CUT"]).write_bytes(data[: len(data) * 2 // 3])
    ids = {c: sink.segment_opened(c, t0, rels[c], "h264") for c in rels}
    stale = sink.gap_opened("GONE", t0 - timedelta(minutes=1), GapCause.CAMERA_OFFLINE, "x")

    other = sink.gap_opened("ELSEWHERE", t0, GapCause.CAMERA_OFFLINE, "another recorder's")
    rec = Recorder(sink, {"GONE": "rtsp://x"}, root, clock=FakeClock(NOW))
    rec.recover()
    rows = {s.camera: s for s in sink.segments()}
    assert rows["WHOLE"].state is SegmentState.COMPLETE
    assert rows["WHOLE"].seconds == pytest.approx(4.0)
    assert rows["CUT"].state is SegmentState.DAMAGED
    assert 0 < rows["CUT"].seconds < 4.0
    assert rows["GONE"].state is SegmentState.MISSING
    for camera in ("WHOLE", "CUT"):
        assert file_hash(root / rels[camera]) == (rows[camera].bytes, rows[camera].sha256)
    assert {s.id for s in sink.segments()} == set(ids.values())
    assert sink.unfinished() == []
    gaps = {g.camera: g for g in sink.gaps()}
    assert gaps["GONE"].id == stale
    assert gaps["GONE"].end == NOW  # the dead recorder's gap, explaining the downtime too
    assert gaps["ELSEWHERE"].id == other
    assert gaps["ELSEWHERE"].end is None
    # The cameras recorded before and configured now get a RECORDER_DOWN gap.
    assert set(gaps) == {"GONE", "ELSEWHERE"}
    Recorder(sink, {"WHOLE": "rtsp://x", "CUT": "rtsp://x"}, root, clock=FakeClock(NOW)).recover()
    down = {g.camera: g for g in sink.gaps() if g.cause is GapCause.RECORDER_DOWN}
    assert set(down) == {"WHOLE", "CUT"}
    assert down["WHOLE"].start == rows["WHOLE"].end
    assert down["WHOLE"].end == NOW


def test_heartbeat_reports_the_disk_and_no_cameras(
    sink: SqliteRecordingSink, tmp_path: Path
) -> None:
    rec = Recorder(sink, {}, tmp_path, name="host:1", clock=FakeClock(NOW))
    assert rec.health() is None
    health = rec.housekeep()
    assert rec.health() == health
    assert health.recorder == "host:1"
    assert health.heartbeat == NOW
    assert health.disk_total_bytes > health.disk_free_bytes > 0
    assert health.cameras_total == 0
    assert health.days_fit is None
    (row,) = sink.healths()
    assert row["recorder"] == "host:1"
