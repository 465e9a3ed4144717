"""TimelineWidget: model to geometry, scrubbing, keys, zoom and pan, tooltips, the empty state."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from pytestqt.qtbot import QtBot

from core.recording import GapCause
from widgets.timeline import (
    GAP_COLOURS,
    RECORDED,
    TimelineGap,
    TimelineIncident,
    TimelineLane,
    TimelineMark,
    TimelineWidget,
    merge_ranges,
)

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai


def h(hours: float) -> datetime:
    return NOW + timedelta(hours=hours)


LANES = [
    TimelineLane(
        "CAM01",
        "CAM01 North gate",
        # Segments back to back: one band.
        [(h(-3), h(-2.5)), (h(-2.5), h(-2.2)), (h(-2.1), NOW)],
        [TimelineGap(h(-2.2), h(-2.1), GapCause.CAMERA_OFFLINE.value, "no answer within 3 s")],
        [TimelineMark(h(-1.5), "Man in a red jacket")],
        [h(-2.75), h(-2.7)],
        [TimelineIncident(h(-1.2), "20261130-0042", "Fight at the north gate")],
    ),
    TimelineLane(
        "CAM02",
        "CAM02 Bus stop 12",
        [(h(-3), h(-1.7)), (h(-1.2), NOW)],
        [TimelineGap(h(-1.7), h(-1.2), GapCause.RECORDER_DOWN.value)],
        [],
        [h(-0.5)],
        [],
    ),
]


@pytest.fixture
def timeline(qtbot: QtBot) -> TimelineWidget:
    w = TimelineWidget(now=lambda: NOW)
    qtbot.addWidget(w)
    w.set_data(LANES)
    w.resize(1000, w.sizeHint().height())
    w.set_window(h(-3.25), 3.5 * 3600)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_merge_ranges_joins_touching_segments() -> None:
    merged = merge_ranges([(h(-1), h(0)), (h(-3), h(-2)), (h(-2), h(-1.5))])
    assert merged == [(h(-3), h(-1.5)), (h(-1), h(0))]


def test_times_map_to_x_and_back(timeline: TimelineWidget) -> None:
    track = timeline.track_rect()
    assert timeline.x_of(h(-3.25)) == pytest.approx(track.x())
    assert timeline.x_of(h(0.25)) == pytest.approx(track.x() + track.width())
    for t in (h(-3), h(-1.234), h(0)):
        back = timeline.time_at(timeline.x_of(t))
        assert abs((back - t).total_seconds()) < 1e-3
    assert timeline.time_at(-100) == h(-3.25)  # clamped to the track


def test_lanes_bands_and_gaps_are_where_their_times_are(timeline: TimelineWidget) -> None:
    assert timeline.cameras() == ["CAM01", "CAM02"]
    lane0, lane1 = timeline.lane_rect(0), timeline.lane_rect(1)
    assert lane1.top() == lane0.bottom() + 1
    bands = timeline.recorded_rects(0)
    assert len(bands) == 2  # three segments, two of them back to back
    assert bands[0].left() == pytest.approx(timeline.x_of(h(-3)))
    assert bands[0].right() == pytest.approx(timeline.x_of(h(-2.2)))
    assert bands[1].right() == pytest.approx(timeline.x_of(NOW))
    ((gap, colour),) = timeline.gap_rects(0)
    assert gap.left() == pytest.approx(timeline.x_of(h(-2.2)))
    assert gap.right() == pytest.approx(timeline.x_of(h(-2.1)))
    assert colour == GAP_COLOURS[GapCause.CAMERA_OFFLINE.value]
    assert timeline.gap_rects(1)[0][1] == GAP_COLOURS[GapCause.RECORDER_DOWN.value]
    assert lane0.top() <= gap.top()
    assert gap.bottom() <= lane0.bottom()
    # Painted as computed: the band's colour in the middle of a band.
    image = timeline.grab().toImage()
    centre = bands[1].center().toPoint()
    assert QColor(image.pixel(centre.x(), centre.y())) == RECORDED


def test_tooltips_name_the_cause_the_note_and_the_incident(timeline: TimelineWidget) -> None:
    lane0 = timeline.lane_rect(0)
    y = lane0.center().y()
    gap_tip = timeline.tooltip_at(QPoint(round(timeline.x_of(h(-2.15))), y))
    assert "camera offline" in gap_tip
    assert "no answer within 3 s" in gap_tip
    assert "11:48:00 – 11:54:00" in gap_tip  # 03:48 UTC in the site's zone
    flag_tip = timeline.tooltip_at(QPoint(round(timeline.x_of(h(-1.5))) + 3, lane0.top() + 6))
    assert "Man in a red jacket" in flag_tip
    incident_tip = timeline.tooltip_at(QPoint(round(timeline.x_of(h(-1.2))), y))
    assert "20261130-0042" in incident_tip
    assert "Fight at the north gate" in incident_tip
    band_tip = timeline.tooltip_at(QPoint(round(timeline.x_of(h(-0.5))), y))
    assert band_tip.startswith("Recorded")
    assert timeline.tooltip_at(QPoint(5, 2)) == ""


def test_ticks_are_readable_at_every_zoom(timeline: TimelineWidget) -> None:
    for span in (60, 600, 3600, 6 * 3600, 86_400, 3 * 86_400):
        timeline.zoom_to(span)
        labels = timeline.tick_labels()
        assert len(labels) >= 2, span
        for (a, _), (b, _) in itertools.pairwise(labels):
            assert a.right() < b.left(), (span, a, b)  # never overlapping
        track = timeline.track_rect()
        assert all(track.left() <= r.left() and r.right() <= track.right() + 1 for r, _ in labels)
    timeline.set_window(h(-1), 3600)
    assert "13:00" in [label for _, label in timeline.ticks()]  # local time, whole hours


def test_click_and_drag_scrub_to_the_time_under_the_pointer(
    timeline: TimelineWidget, qtbot: QtBot
) -> None:
    seeks: list[datetime] = []
    timeline.sig_seek_requested.connect(seeks.append)
    y = timeline.lane_rect(1).center().y()
    x = round(timeline.x_of(h(-1)))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert len(seeks) == 1
    px_seconds = 3.5 * 3600 / timeline.track_rect().width()
    assert abs((seeks[0] - h(-1)).total_seconds()) <= px_seconds
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    qtbot.mouseMove(timeline, QPoint(x + 50, y))
    qtbot.mouseMove(timeline, QPoint(x + 100, y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x + 100, y))
    assert len(seeks) >= 3
    assert seeks[-1] > seeks[1]
    assert abs((seeks[-1] - timeline.time_at(x + 100)).total_seconds()) < 1e-3


def test_dragging_the_axis_pans_without_seeking(timeline: TimelineWidget, qtbot: QtBot) -> None:
    seeks: list[datetime] = []
    timeline.sig_seek_requested.connect(seeks.append)
    windows: list[datetime] = []
    timeline.sig_window_changed.connect(lambda start, _span: windows.append(start))
    start, span = timeline.time_window()
    axis = timeline.axis_rect().center()
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=axis)
    qtbot.mouseMove(timeline, axis + QPoint(50, 0))
    qtbot.mouseMove(timeline, axis + QPoint(100, 0))
    assert timeline.time_window()[0] < start  # the window follows the pointer at once
    assert windows == []  # but the data for it is asked for once, at the release
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=axis + QPoint(100, 0))
    assert windows == [timeline.time_window()[0]]
    new_start, new_span = timeline.time_window()
    assert new_span == span
    moved = (start - new_start).total_seconds()
    assert moved == pytest.approx(100 / timeline.track_rect().width() * span, rel=0.02)
    assert seeks == []


def test_keys_emit_play_step_and_seek(timeline: TimelineWidget, qtbot: QtBot) -> None:
    timeline.set_playhead(h(-2))
    plays: list[bool] = []
    steps: list[int] = []
    seeks: list[datetime] = []
    timeline.sig_play_pause_requested.connect(lambda: plays.append(True))
    timeline.sig_step_requested.connect(steps.append)
    timeline.sig_seek_requested.connect(seeks.append)
    qtbot.keyClick(timeline, Qt.Key.Key_Space)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert plays == [True]
    assert steps == [1, -1]
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(timeline, Qt.Key.Key_Right, ctrl)
    assert seeks[-1] == h(-1.5)  # the bookmark after the playhead
    timeline.set_playhead(seeks[-1])
    qtbot.keyClick(timeline, Qt.Key.Key_Right, ctrl)
    assert seeks[-1] == h(-1.2)  # then the incident
    timeline.set_playhead(h(-1.2) + timedelta(seconds=0.5))
    qtbot.keyClick(timeline, Qt.Key.Key_Left, ctrl)
    assert seeks[-1] == h(-1.5)  # back past the event just left
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert seeks[-1] == h(-3)
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    assert seeks[-1] == NOW - timedelta(seconds=1)
    timeline.set_playhead(h(0.2))
    n = len(seeks)
    qtbot.keyClick(timeline, Qt.Key.Key_Right, ctrl)  # no event after it: nothing
    assert len(seeks) == n


def test_shift_arrows_pan_and_zoom_keeps_the_playhead_in_view(
    timeline: TimelineWidget, qtbot: QtBot
) -> None:
    start, span = timeline.time_window()
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert timeline.time_window() == (start + timedelta(seconds=span / 4), span)
    timeline.set_window(h(-3.25), 3.5 * 3600)
    timeline.set_playhead(h(0.1))  # near the right edge
    x_before = timeline.x_of(h(0.1))
    windows: list[float] = []
    timeline.sig_window_changed.connect(lambda _s, span: windows.append(span))
    for _ in range(8):
        qtbot.keyClick(timeline, Qt.Key.Key_Plus)
        start, span = timeline.time_window()
        assert start <= h(0.1) <= start + timedelta(seconds=span)
        assert timeline.x_of(h(0.1)) == pytest.approx(x_before, abs=1)  # it stays put
    assert windows
    assert windows == sorted(windows, reverse=True)
    closest = timeline.time_window()[1]
    assert closest >= 60  # the closest zoom
    qtbot.keyClick(timeline, Qt.Key.Key_Minus)
    assert timeline.time_window()[1] > closest


def test_wheel_zooms_around_the_pointer_and_presets(timeline: TimelineWidget, qtbot: QtBot) -> None:
    x = round(timeline.x_of(h(-1)))
    pos = QPointF(x, timeline.lane_rect(0).center().y())
    event = QWheelEvent(
        pos,
        timeline.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    span = timeline.time_window()[1]
    timeline.wheelEvent(event)
    assert timeline.time_window()[1] < span
    assert abs((timeline.time_at(x) - h(-1)).total_seconds()) < 60
    rects = timeline.preset_rects()
    assert sorted(rects) == [600, 3600, 21_600, 86_400]
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rects[600].center())
    assert timeline.time_window()[1] == 600


def test_playhead_follows_when_asked(timeline: TimelineWidget) -> None:
    timeline.set_window(h(-3), 600)
    timeline.set_playhead(h(-2), follow=False)
    assert timeline.time_window()[0] == h(-3)  # left out of view
    timeline.set_playhead(h(-2), follow=True)
    timeline.set_playhead(h(-1.9), follow=True)
    start, span = timeline.time_window()
    assert start <= h(-1.9) <= start + timedelta(seconds=span)


def test_empty_state_says_so(timeline: TimelineWidget) -> None:
    assert timeline.empty_text() == ""
    timeline.set_window(h(-30), 3600)  # long before any recording
    assert timeline.empty_text() == "No recordings in this range"
    timeline.set_window(h(-1), 3600)
    timeline.set_data([])
    assert timeline.empty_text() == "No recordings in this range"
    assert timeline.cameras() == []
    timeline.grab()  # paints with no lanes


def test_render_realistic_data(timeline: TimelineWidget) -> None:
    timeline.set_playhead(h(-1.37))
    image = timeline.grab().toImage()
    x = round(timeline.x_of(h(-1.37)))
    y = timeline.lane_rect(1).center().y()
    playhead = QColor(image.pixel(x, y))
    assert playhead.lightness() > 200  # the playhead crosses the lanes
    incident = timeline.lane_rect(0).center()
    ix = round(timeline.x_of(h(-1.2)))
    assert QColor(image.pixel(ix, incident.y())).red() > 200
