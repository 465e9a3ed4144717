"""A database outage does not stop recording: index writes wait in a journal, replayed in order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.recording import GapCause, RecorderHealth, SegmentState
from tests.helpers.recording_sink import SqliteRecordingSink
from video.recorder.buffered import JOURNAL_NAME, BufferedSink

T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


class Flaky:
    """The real test index, refusing every call while `down` (as a database away does)."""

    def __init__(self, inner: SqliteRecordingSink) -> None:
        self.inner = inner
        self.down = False
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.inner, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.down:
                raise ConnectionError("the database server went away")
            return method(*args, **kwargs)

        return call


def sinks(tmp_path: Path) -> tuple[SqliteRecordingSink, Flaky, list[tuple[bool, str]]]:
    index = SqliteRecordingSink(tmp_path / "index.db")
    return index, Flaky(index), []


def test_writes_pass_through_while_the_index_answers(tmp_path: Path) -> None:
    index, flaky, _ = sinks(tmp_path)
    sink = BufferedSink(flaky, tmp_path / "rec")
    seg = sink.segment_opened("CAM01", T0, "CAM01/a.mp4", "h264")
    assert seg > 0
    sink.segment_closed(seg, T0 + timedelta(seconds=60), 1000, "a" * 64, SegmentState.COMPLETE)
    (row,) = index.segments("CAM01")
    assert (row.id, row.bytes, row.state) == (seg, 1000, SegmentState.COMPLETE)
    assert sink.waiting == 0
    assert not (tmp_path / "rec" / JOURNAL_NAME).exists()


def test_an_outage_is_journaled_and_replayed_in_order_with_the_real_ids(tmp_path: Path) -> None:
    index, flaky, events = sinks(tmp_path)
    sink = BufferedSink(
        flaky,
        tmp_path / "rec",
        on_outage=lambda down, why: events.append((down, why)),
    )
    before = sink.segment_opened("CAM01", T0, "CAM01/a.mp4", "h264")
    flaky.down = True
    sink.segment_closed(before, T0 + timedelta(seconds=60), 900, "b" * 64, SegmentState.COMPLETE)
    seg = sink.segment_opened("CAM01", T0 + timedelta(seconds=60), "CAM01/b.mp4", "h264")
    assert seg < 0  # provisional: the recording goes on
    gap = sink.gap_opened("CAM02", T0, GapCause.CAMERA_OFFLINE, "refused")
    sink.segment_closed(seg, T0 + timedelta(seconds=120), 800, "c" * 64, SegmentState.COMPLETE)
    sink.gap_closed(gap, T0 + timedelta(seconds=30))
    sink.raise_alarm("CAM01", "disk nearly full")
    assert sink.waiting == 6
    assert len((tmp_path / "rec" / JOURNAL_NAME).read_text().splitlines()) == 6
    assert events == [(True, "the database server went away")]
    # Once down, the camera threads' writes go straight to the journal: one failed call only.
    assert flaky.calls == 2
    with pytest.raises(ConnectionError):
        sink.holds()  # retention learns nothing, so it deletes nothing
    flaky.down = False
    assert sink.flush()
    assert sink.waiting == 0
    assert not (tmp_path / "rec" / JOURNAL_NAME).exists()
    assert events[-1] == (False, "")
    rows = index.segments("CAM01")
    assert [(r.path, r.bytes, r.state) for r in rows] == [
        ("CAM01/a.mp4", 900, SegmentState.COMPLETE),
        ("CAM01/b.mp4", 800, SegmentState.COMPLETE),
    ]
    (g,) = index.gaps("CAM02")
    assert g.end == T0 + timedelta(seconds=30)
    assert index.alarms() == [("CAM01", "disk nearly full")]


def test_the_heartbeat_retries_the_journal_at_most_every_retry_s(tmp_path: Path) -> None:
    index, flaky, _ = sinks(tmp_path)
    now = [100.0]
    sink = BufferedSink(flaky, tmp_path / "rec", retry_s=5.0, monotonic=lambda: now[0])
    flaky.down = True
    sink.segment_opened("CAM01", T0, "CAM01/a.mp4", "h264")
    health = RecorderHealth("pc:1", T0, T0, 1, 1, 1e6, 10**9, 10**10, 30.0)
    sink.heartbeat(health)  # tries, fails: the next try in 5 s
    tried = flaky.calls
    now[0] += 1.0
    sink.heartbeat(health)
    assert flaky.calls == tried  # not before its time
    flaky.down = False
    now[0] += 5.0
    sink.heartbeat(health)
    assert sink.waiting == 0
    assert [s.path for s in index.segments("CAM01")] == ["CAM01/a.mp4"]
    assert index.healths()  # and the heartbeat itself went through


def test_a_recorder_killed_during_an_outage_replays_its_journal_at_the_next_start(
    tmp_path: Path,
) -> None:
    index, flaky, _ = sinks(tmp_path)
    flaky.down = True
    sink = BufferedSink(flaky, tmp_path / "rec")
    seg = sink.segment_opened("CAM01", T0, "CAM01/a.mp4", "h264")
    sink.segment_closed(seg, T0 + timedelta(seconds=60), 700, "d" * 64, SegmentState.COMPLETE)
    journal = tmp_path / "rec" / JOURNAL_NAME
    with open(journal, "a", encoding="utf-8") as f:
        f.write('{"op": "segment_cl')  # the line a kill cut in half
    del sink
    flaky.down = False
    again = BufferedSink(flaky, tmp_path / "rec")
    assert again.waiting == 2
    assert again.unfinished() == []  # reads replay first
    (row,) = index.segments("CAM01")
    assert (row.bytes, row.state) == (700, SegmentState.COMPLETE)
    # New provisional ids never collide with those of the loaded journal.
    flaky.down = True
    assert again.segment_opened("CAM01", T0 + timedelta(minutes=2), "CAM01/c.mp4", "h264") < 0


def test_a_segment_opened_in_an_outage_is_closed_by_its_real_id_after_the_replay(
    tmp_path: Path,
) -> None:
    index, flaky, _ = sinks(tmp_path)
    sink = BufferedSink(flaky, tmp_path / "rec")
    flaky.down = True
    seg = sink.segment_opened("CAM01", T0, "CAM01/a.mp4", "h264")
    assert seg < 0
    flaky.down = False
    assert sink.flush()
    sink.segment_closed(seg, T0 + timedelta(seconds=60), 500, "e" * 64, SegmentState.COMPLETE)
    (row,) = index.segments("CAM01")
    assert (row.id > 0, row.bytes, row.state) == (True, 500, SegmentState.COMPLETE)
