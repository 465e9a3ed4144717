"""The recorder on bad input: garbage files, closed ports, damaged streams, a wrong password."""

from __future__ import annotations

import logging
import socket
import threading
from pathlib import Path

import pytest

from core.recording import GapCause, SegmentState
from tests.helpers.recording_sink import SqliteRecordingSink
from tests.helpers.rtsp import Clips, clips, rtsp_server  # noqa: F401 - the fixture
from video.recorder.camera import RecState
from video.recorder.engine import Recorder
from video.recorder.segment import file_hash

FAST = {"open_timeout_s": 2.0, "stall_s": 2.0, "backoff_base_s": 0.3, "backoff_cap_s": 1.0}


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_garbage_file_closed_port_and_damaged_clip_give_gaps_not_crashes(
    tmp_path: Path,
    clips: Clips,  # noqa: F811
) -> None:
    garbage = tmp_path / "garbage.mp4"
    garbage.write_bytes(bytes(range(256)) * 200)
    cams = {
        "GARBAGE": str(garbage),
        "CLOSED": f"rtsp://127.0.0.1:{closed_port()}/live",
        "DAMAGED": clips.corrupt.as_uri(),
    }
    sink = SqliteRecordingSink(tmp_path / "index.db")
    root = tmp_path / "rec"
    rec = Recorder(sink, cams, root, segment_seconds=60.0, camera_options=FAST)
    rec.start()
    try:
        sink.wait_for(lambda s: {g.camera for g in s.gaps()} == set(cams), timeout=15)
        counters = rec.counters()
    finally:
        rec.stop(timeout=5)
    assert not rec.alive
    gaps = {g.camera: g for g in sink.gaps()}
    assert gaps["GARBAGE"].cause is GapCause.CAMERA_OFFLINE
    assert "InvalidDataError" in gaps["GARBAGE"].detail
    assert gaps["CLOSED"].cause is GapCause.CAMERA_OFFLINE
    assert "Connection refused" in gaps["CLOSED"].detail
    assert counters["CLOSED"].state is RecState.OFFLINE
    assert counters["CLOSED"].last_error == gaps["CLOSED"].detail
    # A damaged clip is remuxed as it is (nothing decodes it): recorded, then its end.
    (seg,) = sink.segments("DAMAGED")
    assert seg.state is SegmentState.COMPLETE
    assert file_hash(root / seg.path) == (seg.bytes, seg.sha256)
    assert gaps["DAMAGED"].detail == "the stream ended"
    assert gaps["DAMAGED"].start == seg.end
    assert not sink.segments("GARBAGE")
    assert not sink.segments("CLOSED")
    # Every gap closes when the recorder stops.
    assert all(g.end is not None for g in sink.gaps())


def test_wrong_password_gives_one_error_gap_and_no_retry_storm(
    tmp_path: Path,
    clips: Clips,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    password = "Wr0ng-p4ss"
    caplog.set_level(logging.DEBUG)
    with rtsp_server({"/cam": clips.h264}, auth=("admin", "right")) as server:
        sink = SqliteRecordingSink(tmp_path / "index.db")
        url = server.url("/cam", "admin", password)
        rec = Recorder(sink, {"CAM-P": url}, tmp_path / "rec", camera_options=FAST)
        rec.start()
        try:
            (gap,) = sink.wait_for(lambda s: s.gaps(), timeout=10)
            counters = rec.counters()["CAM-P"]
        finally:
            rec.stop(timeout=5)
    assert gap.cause is GapCause.ERROR
    assert gap.detail == "wrong credentials"
    assert counters.state is RecState.WRONG_CREDENTIALS
    # One attempt: the next one waits minutes (cameras lock out a client that keeps trying).
    assert counters.reconnects <= 1
    assert password not in caplog.text
    assert "wrong credentials" in caplog.text


def test_cameras_come_and_go_while_recording(tmp_path: Path) -> None:
    sink = SqliteRecordingSink(tmp_path / "index.db")
    port = closed_port()
    rec = Recorder(sink, {"OLD": f"rtsp://127.0.0.1:{port}/a"}, tmp_path, camera_options=FAST)
    rec.start()
    try:
        sink.wait_for(lambda s: s.gaps("OLD"))
        rec.set_cameras({"NEW": f"rtsp://127.0.0.1:{port}/b"})
        assert set(rec.counters()) == {"NEW"}
        # The removed camera's thread ended and closed its gap.
        assert sink.gaps("OLD")[0].end is not None
        assert "record:OLD" not in {t.name for t in threading.enumerate()}
        sink.wait_for(lambda s: s.gaps("NEW"))
    finally:
        rec.stop(timeout=5)
    assert not rec.alive
