"""Recorded video on the console: synced playback with its timeline, instant replay on a wall
tile that says it is not live, bookmarks, and an evidence bundle exported from the dialog."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.recordings import RecordingsPresenter
from console.presenters.video_wall import VideoWallPresenter
from console.recorder_runtime import LaunchResult, RecorderLaunch
from console.video_runtime import VideoOptions
from core.recording import Segment, SegmentState
from core.site import SiteSpec
from core.timefmt import utcnow
from data.models import AuditLog, Bookmark
from data.services.recordings import DbRecordingSink
from tests.helpers.consoles import MakeConsole, SeededSite, notifications_of, sign_in
from tests.helpers.evidence_segments import make_clip, make_segments
from video.verify_bundle import verify

CAMERAS = ("CAM01", "CAM02")


def index(db_sink: DbRecordingSink, rows: list[Segment]) -> list[Segment]:
    """The segments in the database as the recorder writes them (opened, then closed)."""
    out = []
    for seg in rows:
        seg_id = db_sink.segment_opened(seg.camera, seg.start, seg.path, seg.codec)
        db_sink.segment_closed(seg_id, seg.end, seg.bytes, seg.sha256, SegmentState.COMPLETE)
        out.append(seg)
    return out


@pytest.fixture
def recorded(seeded: SeededSite, tmp_path: Path) -> tuple[Path, datetime]:
    """Two cameras recorded for the last 16 s (4 s segments) under a recording root."""
    root = tmp_path / "recordings"
    start = utcnow().replace(microsecond=0) - timedelta(seconds=18)
    sink = DbRecordingSink(seeded.db, "test-host:1")
    for n, camera in enumerate(CAMERAS):
        clip = make_clip(tmp_path / "clips", camera, 16, seed=n)
        index(sink, make_segments(clip, root, camera, start))
    return root, start


@pytest.fixture
def app(
    make_console: MakeConsole,
    recorded: tuple[Path, datetime],
    demo_site: SiteSpec,
    tmp_path: Path,
) -> ConsoleApp:
    root, _start = recorded
    console = make_console(
        language="en",
        site=demo_site,
        video=VideoOptions(demo_video=False, recordings=root),
        alarms=False,
        sip=False,
        evidence_dir=tmp_path / "evidence",
    )
    console.start()
    return console


def recordings_of(app: ConsoleApp) -> RecordingsPresenter:
    p = app.presenter("recordings")
    assert isinstance(p, RecordingsPresenter)
    return p


def test_synced_playback_shows_recorded_frames_with_the_timeline(
    app: ConsoleApp, seeded: SeededSite, recorded: tuple[Path, datetime], qtbot: QtBot
) -> None:
    _root, start = recorded
    p = recordings_of(app)
    sign_in(qtbot, app, seeded, "operator")
    p.show(list(CAMERAS), start + timedelta(seconds=2))
    assert p.wall.layout_key() == "2x2"
    assert sorted(t.camera for t in p.tiles.values()) == list(CAMERAS)
    qtbot.waitUntil(lambda: p.timeline.cameras() == list(CAMERAS), timeout=10_000)
    qtbot.waitUntil(
        lambda: p.wall.counters(0).shown >= 3 and p.wall.counters(1).shown >= 3, timeout=15_000
    )
    # Both tiles say they play a recording; neither shows the live wall clock.
    for tile in (0, 1):
        overlay = p.wall.playback(tile)
        assert overlay is not None
        assert overlay.banner.startswith("PLAYBACK")
    # Pause, step: the clock stops and moves by one frame.
    if p.clock.playing:
        p.toggle_play()
    assert not p.clock.playing
    before = p.clock.position()
    p.step(1)
    assert p.clock.position() > before
    # Seek into the middle of the recording: both cameras follow the one clock.
    p.seek(start + timedelta(seconds=9))
    qtbot.waitUntil(
        lambda: all(
            (f := p.wall._tiles[t].frame) is not None
            and f.recorded_at is not None
            and abs((f.recorded_at - (start + timedelta(seconds=9))).total_seconds()) < 0.1
            for t in (0, 1)
        ),
        timeout=10_000,
    )
    # Locked: no recorded picture behind the lock screen; unlocked: the same cameras again.
    app.session.lock()
    assert not p.tiles
    assert p.shown_cameras() == ()
    ls = app.window.lock_screen
    ls.password.clear()
    qtbot.keyClicks(ls.password, seeded.passwords["operator"])
    qtbot.keyClick(ls.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not app.window.locked, timeout=10_000)
    assert p.shown_cameras() == CAMERAS
    assert sorted(t.camera for t in p.tiles.values()) == list(CAMERAS)


def test_a_bookmark_is_stored_and_shown_on_the_timeline(
    app: ConsoleApp, seeded: SeededSite, recorded: tuple[Path, datetime], qtbot: QtBot
) -> None:
    _root, start = recorded
    p = recordings_of(app)
    sign_in(qtbot, app, seeded, "operator")
    p.show(["CAM01"], start + timedelta(seconds=5))
    p.add_bookmark()
    dlg = p.ask_dialog
    assert dlg is not None
    dlg.setTextValue("电动车被推走")
    dlg.accept()
    with seeded.db.session() as s:
        qtbot.waitUntil(lambda: app.wait_idle() and bool(s.scalars(select(Bookmark)).all()))
    with seeded.db.session() as s:
        mark = s.scalars(select(Bookmark)).one()
        assert (mark.camera, mark.note) == ("CAM01", "电动车被推走")
    qtbot.waitUntil(lambda: bool(p._events), timeout=5_000)


def test_instant_replay_on_a_wall_tile_then_back_to_live(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    wall = app.presenter("video")
    assert isinstance(wall, VideoWallPresenter)
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("video")
    wall.wall.set_cameras("2x2", ["CAM01"])
    wall.wall.select(0)
    wall.wall.setFocus()
    qtbot.keyClick(wall.wall, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: wall.wall.playback(0) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: wall.wall.counters(0).shown >= 3, timeout=15_000)
    overlay = wall.wall.playback(0)
    assert overlay is not None
    assert overlay.banner.startswith("PLAYBACK")
    assert 0 not in wall.streams  # the tile does not decode its live stream meanwhile
    qtbot.keyClick(
        wall.wall,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert wall.wall.playback(0) is None
    assert 0 not in wall.playback.tiles


def test_evidence_export_from_the_dialog_writes_a_verifiable_bundle_and_audits_it(
    app: ConsoleApp,
    seeded: SeededSite,
    recorded: tuple[Path, datetime],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _root, start = recorded
    p = recordings_of(app)
    sign_in(qtbot, app, seeded, "operator")
    p.ask_export(list(CAMERAS), start + timedelta(seconds=3), start + timedelta(seconds=11))
    dlg = p.export_dialog
    assert dlg is not None
    assert not dlg.export_button.isEnabled()  # an operator must give a reason
    assert dlg.problem() == "Give a reason."
    dlg.reason.setText("派出所调取：电动车失窃")
    assert dlg.export_button.isEnabled()
    dlg.export_button.click()
    qtbot.waitUntil(lambda: p.last_export is not None and not dlg.running, timeout=30_000)
    result = p.last_export
    assert result is not None
    assert result.path.parent == tmp_path / "evidence"
    report = verify(result.path)
    assert report.ok, report.lines()
    assert {v.camera for v in result.videos} == set(CAMERAS)
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["reason"] == "派出所调取：电动车失窃"
    assert "Manifest SHA-256" in dlg.status.text()
    assert app.wait_idle()
    with seeded.db.session() as s:
        details = [
            d
            for d in s.scalars(
                select(AuditLog.detail).where(AuditLog.action == "evidence_exported")
            )
        ]
    assert any(result.manifest_sha256 in (d or "") for d in details)
    # Nothing half-written is left beside the bundle.
    assert [x.name for x in (tmp_path / "evidence").iterdir()] == [result.path.name]


def test_a_recorder_that_died_is_reported_and_started_again_once_a_minute(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot, tmp_path: Path
) -> None:
    p = recordings_of(app)
    sign_in(qtbot, app, seeded, "operator")
    log = tmp_path / "recorder.log"
    log.write_text("recording 2 cameras\nconsole: error: the disk went away\n", encoding="utf-8")
    dead = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    dead.wait(10)
    p.launch = LaunchResult(RecorderLaunch.STARTED, dead.pid, "", dead, log)
    started: list[int] = []

    def relaunch() -> LaunchResult:
        started.append(1)
        return LaunchResult(RecorderLaunch.STARTED, 4242, "")

    p.relaunch = relaunch
    p._read_health()
    assert started == [1]
    assert p.launch.pid == 4242
    texts = " ".join(notifications_of(app).pane.texts())
    assert "exit 3" in texts
    assert "the disk went away" in texts
    # A second death within the minute is not restarted in a loop.
    p.launch = LaunchResult(RecorderLaunch.STARTED, dead.pid, "", dead, log)
    p._read_health()
    assert started == [1]
