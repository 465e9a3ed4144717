"""The recorder's state in the status bar: recording, degraded, or not recording at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from core.recording import RecorderHealth
from widgets.recorder_status import BAD_COLOUR, OK_COLOUR, WARN_COLOUR, RecorderStatusLabel

NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


def health(**changes: object) -> RecorderHealth:
    base: dict[str, object] = {
        "recorder": "cc-pc:4242",
        "started": NOW - timedelta(hours=3),
        "heartbeat": NOW - timedelta(seconds=1),
        "cameras_total": 16,
        "cameras_recording": 16,
        "bitrate_bps": 12_300_000.0,
        "disk_free_bytes": 812 * 1024**3,
        "disk_total_bytes": 2000 * 1024**3,
        "days_fit": 58.4,
    }
    base.update(changes)
    return RecorderHealth(**base)  # type: ignore[arg-type]


def test_everything_recording_is_green_with_rate_space_and_days(qtbot: QtBot) -> None:
    label = RecorderStatusLabel()
    qtbot.addWidget(label)
    label.set_health([health()], NOW, 16)
    assert label.state == "ok"
    assert label.text() == "● Recording 16/16 · 12.3 Mbit/s · 812 GB free · 58 days"
    assert OK_COLOUR in label.styleSheet()
    assert "cc-pc:4242: 16 of 16 cameras" in label.toolTip()


def test_a_camera_not_recorded_or_a_small_disk_is_amber_and_named(qtbot: QtBot) -> None:
    label = RecorderStatusLabel()
    qtbot.addWidget(label)
    label.set_health([health(cameras_recording=15, failing=("CAM07",))], NOW, 16)
    assert label.state == "degraded"
    assert WARN_COLOUR in label.styleSheet()
    assert "Not recording: CAM07" in label.toolTip()
    label.set_health([health(days_fit=12.0)], NOW, 16)
    assert label.state == "degraded"  # fewer days than retention keeps
    label.set_health([health(detail="disk full since 10:42")], NOW, 16)
    assert label.state == "degraded"
    assert "disk full since 10:42" in label.toolTip()


def test_no_fresh_heartbeat_is_red_not_recording(qtbot: QtBot) -> None:
    label = RecorderStatusLabel()
    qtbot.addWidget(label)
    label.set_health([health(heartbeat=NOW - timedelta(seconds=30))], NOW, 16)
    assert label.state == "down"
    assert label.text() == "● Not recording"
    assert BAD_COLOUR in label.styleSheet()
    label.set_health([], NOW, 16)
    assert label.state == "down"
    assert label.toolTip() == "No recorder has reported."


def test_a_site_without_cameras_shows_nothing(qtbot: QtBot) -> None:
    label = RecorderStatusLabel()
    qtbot.addWidget(label)
    label.set_health([], NOW, 0)
    assert label.isHidden()
