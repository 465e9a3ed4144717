"""VideoWall: frames in the right tile, letterboxing, overlays, keys, drops, PTZ, mask editing."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from core.video import StreamKind, StreamState, StreamStatus, VideoFrame
from tests.helpers.fakes import FakeClock
from video.decode import decode_size
from widgets.video_wall import (
    EMPTY_TILE,
    MIME_CAMERA,
    SELECTION_FRAME,
    TILE_BACKGROUND,
    PlaybackOverlay,
    VideoWall,
    letterbox,
)

NOW = datetime(2026, 11, 30, 6, 41, 7, tzinfo=UTC)  # 14:41:07 in Asia/Shanghai


def solid(code: str, rgb: tuple[int, int, int], w: int = 160, h: int = 90) -> VideoFrame:
    img = np.empty((h, w, 4), np.uint8)
    img[...] = (rgb[2], rgb[1], rgb[0], 255)  # BGRA
    return VideoFrame(code, StreamKind.SUB, img, 1, 0.0, 0.0)


def live(code: str) -> StreamStatus:
    return StreamStatus(code, StreamKind.SUB, StreamState.LIVE)


@pytest.fixture
def wall(qtbot: QtBot) -> VideoWall:
    w = VideoWall(now=FakeClock(NOW))
    qtbot.addWidget(w)
    w.resize(962, 542)
    w.set_cameras("3x3", [f"CAM0{i + 1}" for i in range(8)])
    w.show()
    qtbot.waitExposed(w)
    return w


def pixel(image: QImage, p: QPoint) -> tuple[int, int, int]:
    c = image.pixelColor(p)
    return (c.red(), c.green(), c.blue())


def near(a: tuple[int, int, int], b: tuple[int, int, int], tol: int = 3) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def test_each_frame_is_painted_into_its_own_tile(wall: VideoWall) -> None:
    colours = {0: (250, 10, 10), 4: (10, 250, 10), 7: (10, 10, 250)}
    for tile in colours:
        wall.set_status(tile, live(f"CAM0{tile + 1}"))
    wall.show_frames({t: solid(f"CAM0{t + 1}", rgb) for t, rgb in colours.items()})
    image = wall.grab().toImage()
    for tile, rgb in colours.items():
        assert near(pixel(image, wall.picture_rect(tile).center()), rgb)
    # Tiles without a frame show none of those colours.
    assert pixel(image, wall.tile_rect(1).center()) == pixel(image, wall.tile_rect(2).center())
    assert pixel(image, wall.tile_rect(8).topLeft() + QPoint(8, 8)) == (
        EMPTY_TILE.red(),
        EMPTY_TILE.green(),
        EMPTY_TILE.blue(),
    )


def test_a_frame_of_another_camera_is_ignored(wall: VideoWall) -> None:
    wall.show_frames({0: solid("CAM99", (250, 10, 10))})
    assert wall.counters(0).received == 0
    wall.set_camera(0, "CAM99")
    wall.show_frames({0: solid("CAM99", (250, 10, 10))})
    assert wall.counters(0).received == 1


def test_letterbox_keeps_the_aspect_and_centres() -> None:
    from PySide6.QtCore import QRect

    assert letterbox(640, 480, QRect(0, 0, 1600, 900)) == QRect(200, 0, 1200, 900)
    assert letterbox(1920, 1080, QRect(10, 10, 400, 400)) == QRect(10, 97, 400, 225)
    assert letterbox(0, 0, QRect(0, 0, 5, 5)) == QRect(0, 0, 5, 5)


def test_a_four_by_three_frame_is_letterboxed_in_a_wide_tile(wall: VideoWall) -> None:
    wall.set_status(4, live("CAM05"))
    wall.show_frames({4: solid("CAM05", (200, 120, 40), w=320, h=240)})
    box, pic = wall.tile_rect(4), wall.picture_rect(4)
    assert box.width() > box.height() * 4 / 3
    assert pic.height() == box.height()
    assert abs(pic.width() / pic.height() - 4 / 3) < 0.02
    assert abs((pic.left() - box.left()) - (box.right() - pic.right())) <= 1
    image = wall.grab().toImage()
    mid_y = box.center().y()
    assert near(pixel(image, QPoint(pic.left() + 3, mid_y)), (200, 120, 40))
    assert near(pixel(image, QPoint(pic.right() - 3, mid_y)), (200, 120, 40))
    black = (TILE_BACKGROUND.red(), TILE_BACKGROUND.green(), TILE_BACKGROUND.blue())
    assert pixel(image, QPoint(box.left() + (pic.left() - box.left()) // 2, mid_y)) == black
    assert pixel(image, QPoint(pic.right() + (box.right() - pic.right()) // 2, mid_y)) == black


def test_only_tiles_with_a_new_frame_are_repainted(qtbot: QtBot) -> None:
    w = VideoWall(now=FakeClock(NOW))
    qtbot.addWidget(w)
    w.resize(800, 450)
    w.set_cameras("2x2", [None, None, "CAM03", None])
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    before = [w.counters(i).paints for i in range(4)]
    w.show_frames({2: solid("CAM03", (1, 2, 3))})
    w.show_frames({2: solid("CAM03", (4, 5, 6))})  # overwrites before the paint: one shown
    qtbot.waitUntil(lambda: w.counters(2).paints > before[2])
    assert [w.counters(i).paints for i in (0, 1, 3)] == [before[0], before[1], before[3]]
    assert (w.counters(2).received, w.counters(2).shown) == (2, 1)


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (None, "Connecting…"),
        (StreamStatus("C", StreamKind.SUB, StreamState.CONNECTING), "Connecting…"),
        (StreamStatus("C", StreamKind.SUB, StreamState.LIVE), "Live"),
        (
            StreamStatus("C", StreamKind.SUB, StreamState.RECONNECTING, attempt=4),
            "Reconnecting (attempt 4)",
        ),
        (
            StreamStatus(
                "C",
                StreamKind.SUB,
                StreamState.OFFLINE,
                since=datetime(2026, 11, 30, 1, 5, tzinfo=UTC),
            ),
            "Offline since 09:05",
        ),
        (StreamStatus("C", StreamKind.SUB, StreamState.OFFLINE), "Offline"),
        (StreamStatus("C", StreamKind.SUB, StreamState.NO_SIGNAL), "No signal"),
        (StreamStatus("C", StreamKind.SUB, StreamState.WRONG_CREDENTIALS), "Wrong credentials"),
        (StreamStatus("C", StreamKind.SUB, StreamState.UNSUPPORTED), "Unsupported stream"),
        (StreamStatus("C", StreamKind.SUB, StreamState.ERROR), "Error"),
        (
            StreamStatus("C", StreamKind.SUB, StreamState.ERROR, detail="refused"),
            "Error (point at the tile for details)",
        ),
    ],
)
def test_overlay_state_texts(wall: VideoWall, status: StreamStatus | None, text: str) -> None:
    wall.set_status(0, status)
    assert wall.state_text(wall.status(0)) == text
    wall.grab()  # paints every state without error


def test_an_errors_detail_is_the_tiles_tooltip(wall: VideoWall) -> None:
    detail = "camera CAM05: connection refused"
    wall.set_status(0, StreamStatus("C", StreamKind.SUB, StreamState.ERROR, detail=detail))
    wall.show()
    at = wall.tile_rect(0).center()
    QApplication.sendEvent(wall, QHelpEvent(QEvent.Type.ToolTip, at, wall.mapToGlobal(at)))
    assert QToolTip.text() == detail
    QToolTip.hideText()


def test_the_clock_is_the_site_wall_clock(wall: VideoWall) -> None:
    assert wall.clock_text() == "14:41:07"


def test_keyframes_only_is_marked_on_the_tile(wall: VideoWall) -> None:
    wall.set_status(0, live("CAM01"))
    wall.show_frames({0: solid("CAM01", (0, 0, 0))})
    plain = wall.grab().toImage()
    wall.set_status(0, StreamStatus("CAM01", StreamKind.SUB, StreamState.LIVE, keyframes_only=True))
    marked = wall.grab().toImage()
    box = wall.tile_rect(0)
    strip = [QPoint(x, box.bottom() - 8) for x in range(box.center().x(), box.right() - 4)]
    orange = [p for p in strip if near(pixel(marked, p), (255, 159, 10), 10)]
    assert orange
    assert not [p for p in strip if near(pixel(plain, p), (255, 159, 10), 10)]


def test_selection_border_follows_the_selected_tile(wall: VideoWall) -> None:
    wall.select(4)
    image = wall.grab().toImage()
    r = wall.tile_rect(4)
    frame = (SELECTION_FRAME.red(), SELECTION_FRAME.green(), SELECTION_FRAME.blue())
    assert pixel(image, QPoint(r.center().x(), r.top() + 1)) == frame
    r0 = wall.tile_rect(0)
    assert pixel(image, QPoint(r0.center().x(), r0.bottom() - 1)) != frame


def test_digit_and_arrow_keys_move_the_selection(qtbot: QtBot, wall: VideoWall) -> None:
    wall.set_layout("1+5")  # 0 big; 1, 2 right; 3, 4, 5 bottom
    qtbot.keyClick(wall, Qt.Key.Key_6)
    assert wall.selected() == 5
    qtbot.keyClick(wall, Qt.Key.Key_Up)
    assert wall.selected() == 2
    qtbot.keyClick(wall, Qt.Key.Key_Left)
    assert wall.selected() == 0
    qtbot.keyClick(wall, Qt.Key.Key_Down)
    assert wall.selected() == 3
    qtbot.keyClick(wall, Qt.Key.Key_9)  # beyond the layout: nothing
    assert wall.selected() == 3
    with qtbot.waitSignal(wall.sig_selection_changed) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_2)
    assert sig.args == [1]


def test_command_keys_emit_their_signals(qtbot: QtBot, wall: VideoWall) -> None:
    qtbot.keyClick(wall, Qt.Key.Key_5)
    with qtbot.waitSignal(wall.sig_maximise_toggled) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_Return)
    assert sig.args == [4]
    with qtbot.waitSignal(wall.sig_clear_requested) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_Delete)
    assert sig.args == [4]
    with qtbot.waitSignal(wall.sig_snapshot_requested) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sig.args == [4]
    with qtbot.waitSignal(wall.sig_fullscreen_requested):
        qtbot.keyClick(wall, Qt.Key.Key_F11)
    qtbot.keyClick(wall, Qt.Key.Key_9)  # the empty tile: nothing to clear or snapshot
    with qtbot.assertNotEmitted(wall.sig_clear_requested):
        qtbot.keyClick(wall, Qt.Key.Key_Delete)


def test_maximised_tile_fills_the_wall_and_esc_asks_to_restore(
    qtbot: QtBot, wall: VideoWall
) -> None:
    wall.set_maximised(2)
    assert wall.visible_tiles() == [2]
    assert wall.tile_rect(2) == wall.rect()
    assert wall.tile_rect(0).isEmpty()
    assert wall.tile_at(QPoint(5, 5)) == 2
    with qtbot.waitSignal(wall.sig_maximise_toggled) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_Escape)
    assert sig.args == [2]
    wall.set_maximised(None)
    assert len(wall.visible_tiles()) == 9


def test_double_click_toggles_maximise(qtbot: QtBot, wall: VideoWall) -> None:
    with qtbot.waitSignal(wall.sig_maximise_toggled) as sig:
        qtbot.mouseDClick(wall, Qt.MouseButton.LeftButton, pos=wall.tile_rect(7).center())
    assert sig.args == [7]


def send_drop(wall: VideoWall, pos: QPoint, code: str) -> bool:
    mime = QMimeData()
    mime.setData(MIME_CAMERA, code.encode("utf-8"))
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(wall, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(wall, drop)
    return drop.isAccepted()


def test_dropping_a_camera_on_a_tile_names_tile_and_camera(qtbot: QtBot, wall: VideoWall) -> None:
    with qtbot.waitSignal(wall.sig_camera_dropped) as sig:
        assert send_drop(wall, wall.tile_rect(8).center(), "CAM12")
    assert sig.args == [8, "CAM12"]
    assert wall.selected() == 8


def test_other_drags_are_refused(wall: VideoWall) -> None:
    mime = QMimeData()
    mime.setText("CAM12")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(wall, enter)
    assert not enter.isAccepted()


def test_ptz_keys_move_on_press_and_stop_on_release(qtbot: QtBot, wall: VideoWall) -> None:
    qtbot.keyClick(wall, Qt.Key.Key_2)
    ctrl = Qt.KeyboardModifier.ControlModifier
    with qtbot.assertNotEmitted(wall.sig_ptz_move_requested):
        qtbot.keyPress(wall, Qt.Key.Key_Left, ctrl)  # no PTZ on this camera
    qtbot.keyRelease(wall, Qt.Key.Key_Left, ctrl)
    wall.set_ptz_capable(1, True)
    with qtbot.waitSignal(wall.sig_ptz_move_requested) as move:
        qtbot.keyPress(wall, Qt.Key.Key_Left, ctrl)
    assert move.args[:2] == [1, -0.5]
    with qtbot.waitSignal(wall.sig_ptz_stop_requested) as stop:
        qtbot.keyRelease(wall, Qt.Key.Key_Left, ctrl)
    assert stop.args == [1]
    with qtbot.waitSignal(wall.sig_ptz_move_requested) as move:
        qtbot.keyPress(wall, Qt.Key.Key_Plus, ctrl)
    assert move.args == [1, 0.0, 0.0, 0.5]
    with qtbot.waitSignal(wall.sig_ptz_stop_requested):
        qtbot.keyRelease(wall, Qt.Key.Key_Plus, ctrl)


def test_ctrl_shift_digit_recalls_a_preset(qtbot: QtBot, wall: VideoWall) -> None:
    wall.set_ptz_capable(0, True)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(wall.sig_ptz_preset_requested) as sig:
        # What X11 delivers for Ctrl+Shift+3 on a US keyboard: the shifted symbol.
        QApplication.sendEvent(
            wall, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_NumberSign, mods, "#")
        )
    assert sig.args == [0, 3]


def test_ptz_buttons_on_the_tile_press_and_release(qtbot: QtBot, wall: VideoWall) -> None:
    wall.set_ptz_capable(0, True)
    up = wall.ptz_button_rects(0)["up"].center()
    assert wall.tile_rect(0).contains(up)
    with qtbot.waitSignal(wall.sig_ptz_move_requested) as move:
        qtbot.mousePress(wall, Qt.MouseButton.LeftButton, pos=up)
    assert move.args == [0, 0.0, 1.0, 0.0]
    with qtbot.waitSignal(wall.sig_ptz_stop_requested):
        qtbot.mouseRelease(wall, Qt.MouseButton.LeftButton, pos=up)


def test_context_menu_offers_the_tile_actions(qtbot: QtBot, wall: VideoWall) -> None:
    wall.set_ptz_capable(3, True)
    wall.set_ptz_presets(3, [(1, "Gate"), (2, "Road")])
    menu = wall.context_menu(3)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Snapshot",
        "Maximise",
        "Clear tile",
        "Instant replay (last 30 s)",
        "PTZ presets",
        "Edit motion mask…",
        "Motion sensitivity…",
        "Full screen",
    ]
    presets = next(a for a in menu.actions() if a.text() == "PTZ presets").menu()
    assert [a.text() for a in presets.actions()] == ["Gate", "Road"]
    with qtbot.waitSignal(wall.sig_ptz_preset_requested) as sig:
        presets.actions()[1].trigger()
    assert sig.args == [3, 2]
    with qtbot.waitSignal(wall.sig_mask_edit_requested) as sig:
        next(a for a in menu.actions() if a.text() == "Edit motion mask…").trigger()
    assert sig.args == [3]
    menu.deleteLater()
    # A tile in playback offers the way back to live and pause instead of a replay.
    wall.set_playback(3, PlaybackOverlay("PLAYBACK 10:02:33"))
    played = [a.text() for a in wall.context_menu(3).actions() if not a.isSeparator()]
    assert "Back to live" in played
    assert "Pause / play" in played
    assert "Instant replay (last 30 s)" not in played
    empty = wall.context_menu(8)
    enabled = {a.text(): a.isEnabled() for a in empty.actions() if not a.isSeparator()}
    assert not enabled["Snapshot"]
    assert not enabled["Instant replay (last 30 s)"]
    assert "PTZ presets" not in enabled
    empty.deleteLater()


def test_motion_regions_are_drawn_on_the_picture(wall: VideoWall) -> None:
    wall.set_status(0, live("CAM01"))
    wall.show_frames({0: solid("CAM01", (0, 0, 0))})
    wall.set_motion_regions(0, [(0.25, 0.25, 0.5, 0.5)])
    image = wall.grab().toImage()
    pic = wall.picture_rect(0)
    left_edge = QPoint(pic.x() + pic.width() // 4, pic.center().y())
    assert near(pixel(image, left_edge), (255, 214, 10), 10)
    assert near(pixel(image, pic.center()), (0, 0, 0))


def test_mask_edit_produces_normalised_polygons(qtbot: QtBot, wall: VideoWall) -> None:
    wall.set_status(4, live("CAM05"))
    wall.show_frames({4: solid("CAM05", (90, 90, 90), w=320, h=180)})
    wall.begin_mask_edit(4, [[(0.0, 0.0), (0.1, 0.0), (0.1, 0.1)]])
    pic = wall.picture_rect(4)

    def at(x: float, y: float) -> QPoint:
        return QPoint(round(pic.x() + x * pic.width()), round(pic.y() + y * pic.height()))

    left = Qt.MouseButton.LeftButton
    # A dragged rectangle.
    qtbot.mousePress(wall, left, pos=at(0.5, 0.5))
    qtbot.mouseMove(wall, at(0.7, 0.6))
    qtbot.mouseRelease(wall, left, pos=at(0.8, 0.75))
    # A clicked triangle, closed by clicking its first point again.
    for x, y in ((0.2, 0.6), (0.4, 0.6), (0.3, 0.9), (0.2, 0.6)):
        qtbot.mouseClick(wall, left, pos=at(x, y))
    with qtbot.waitSignal(wall.sig_mask_edited) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_Return)
    tile, polygons = sig.args
    assert tile == 4
    assert wall.mask_editing() is None
    assert len(polygons) == 3
    assert polygons[0] == [(0.0, 0.0), (0.1, 0.0), (0.1, 0.1)]

    def close(poly: list[tuple[float, float]], want: list[tuple[float, float]]) -> bool:
        return len(poly) == len(want) and all(
            abs(a - c) < 0.01 and abs(b - d) < 0.01
            for (a, b), (c, d) in zip(poly, want, strict=True)
        )

    assert close(polygons[1], [(0.5, 0.5), (0.8, 0.5), (0.8, 0.75), (0.5, 0.75)])
    assert close(polygons[2], [(0.2, 0.6), (0.4, 0.6), (0.3, 0.9)])
    assert all(0.0 <= v <= 1.0 for poly in polygons for pt in poly for v in pt)


def test_mask_edit_clamps_backspace_undoes_and_esc_cancels(qtbot: QtBot, wall: VideoWall) -> None:
    wall.show_frames({0: solid("CAM01", (9, 9, 9), w=320, h=240)})  # 4:3: bars left and right
    wall.begin_mask_edit(0, [])
    box = wall.tile_rect(0)
    assert wall.picture_rect(0).left() > box.left() + 10
    left = Qt.MouseButton.LeftButton
    with qtbot.assertNotEmitted(wall.sig_maximise_toggled):
        qtbot.mouseClick(wall, left, pos=box.topLeft() + QPoint(4, 4))  # in the bar
        qtbot.mouseClick(wall, left, pos=box.center())
        qtbot.mouseClick(wall, left, pos=box.bottomRight() - QPoint(2, 2))
        qtbot.mouseClick(wall, left, pos=QPoint(box.left() + 3, box.bottom() - 3))
    qtbot.keyClick(wall, Qt.Key.Key_Backspace)  # drops the last point: a triangle remains
    with qtbot.waitSignal(wall.sig_mask_edited) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_Enter)
    (poly,) = sig.args[1]
    assert len(poly) == 3
    assert poly[0][0] == 0.0  # a click in the bar is clamped to the picture's edge
    assert all(abs(v - 0.5) < 0.01 for v in poly[1])
    wall.begin_mask_edit(0, [[(0.1, 0.1), (0.2, 0.1), (0.2, 0.2)]])
    with qtbot.waitSignal(wall.sig_mask_edit_cancelled) as sig:
        qtbot.keyClick(wall, Qt.Key.Key_Escape)
    assert sig.args == [0]


def test_changing_layout_keeps_the_first_tiles(wall: VideoWall) -> None:
    wall.select(6)
    wall.set_layout("2x2")
    assert wall.cameras() == ("CAM01", "CAM02", "CAM03", "CAM04")
    assert wall.selected() == 3
    wall.set_layout("4x4")
    assert wall.cameras()[4:] == (None,) * 12
    with pytest.raises(ValueError, match="unknown wall layout"):
        wall.set_layout("9x9")


def test_texts_follow_a_language_change(wall: VideoWall) -> None:
    from PySide6.QtCore import QEvent

    wall._texts[StreamState.LIVE] = "stale"
    QApplication.sendEvent(wall, QEvent(QEvent.Type.LanguageChange))
    assert wall.state_text(live("CAM01")) == "Live"


def test_ctrl_shift_plus_zooms_and_letting_go_of_ctrl_stops(qtbot: QtBot, wall: VideoWall) -> None:
    """Regression: Ctrl++ arrives with Shift, and its release may come as "=" or as Ctrl."""
    wall.set_ptz_capable(0, True)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(wall.sig_ptz_move_requested) as move:
        qtbot.keyPress(wall, Qt.Key.Key_Plus, mods)
    assert move.args == [0, 0.0, 0.0, 0.5]
    with qtbot.waitSignal(wall.sig_ptz_stop_requested) as stop:
        qtbot.keyRelease(wall, Qt.Key.Key_Control)
    assert stop.args == [0]


def test_selecting_another_tile_stops_a_ptz_move(qtbot: QtBot, wall: VideoWall) -> None:
    wall.set_ptz_capable(0, True)
    qtbot.keyPress(wall, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(wall.sig_ptz_stop_requested) as stop:
        wall.select(3)
    assert stop.args == [0]


def test_a_new_camera_on_the_tile_ends_its_mask_edit_and_ptz(qtbot: QtBot, wall: VideoWall) -> None:
    wall.set_ptz_capable(0, True)
    wall.begin_mask_edit(0, [])
    with qtbot.waitSignal(wall.sig_mask_edit_cancelled):
        wall.set_camera(0, "CAM20")
    assert wall.mask_editing() is None
    wall.set_ptz_capable(0, True)
    qtbot.keyPress(wall, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(wall.sig_ptz_stop_requested):
        wall.set_camera(0, None)
    with qtbot.assertNotEmitted(wall.sig_ptz_move_requested):
        qtbot.keyPress(wall, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)


def test_new_frames_in_two_far_tiles_repaint_only_those_two(qtbot: QtBot) -> None:
    wall = VideoWall()
    qtbot.addWidget(wall)
    wall.resize(1000, 600)
    wall.set_cameras("5x5", [f"C{i}" for i in range(25)])
    wall.show()
    qtbot.waitExposed(wall)
    qtbot.waitUntil(lambda: wall.counters(12).paints > 0)  # the first full paint
    qtbot.wait(50)
    wall.reset_counters()
    image = np.full((108, 192, 4), 200, dtype=np.uint8)
    wall.show_frames(
        {
            t: VideoFrame(f"C{t}", StreamKind.SUB, image, 1, None, 0.0)
            for t in (0, 24)  # opposite corners
        }
    )
    qtbot.waitUntil(lambda: wall.counters(0).paints > 0)
    painted = [t for t in range(25) if wall.counters(t).paints]
    assert painted == [0, 24]


def test_a_tile_in_playback_cannot_pass_for_live(wall: VideoWall) -> None:
    from widgets.video_wall import PLAYBACK_FRAME

    for tile in (0, 1):
        wall.set_status(tile, live(f"CAM0{tile + 1}"))
    wall.show_frames({t: solid(f"CAM0{t + 1}", (10, 250, 10)) for t in (0, 1)})
    wall.set_playback(1, PlaybackOverlay("PLAYBACK 10:02:33 ×4"))
    image = wall.grab().toImage()
    amber = (PLAYBACK_FRAME.red(), PLAYBACK_FRAME.green(), PLAYBACK_FRAME.blue())

    def left_edge(tile: int) -> QPoint:
        r = wall.tile_rect(tile)
        return r.topLeft() + QPoint(1, r.height() // 2)

    assert near(pixel(image, left_edge(1)), amber, 8)  # the amber frame of recorded video
    assert not near(pixel(image, left_edge(0)), amber, 40)  # the live tile has none
    # The picture itself is not dimmed while recorded video plays...
    assert near(pixel(image, wall.picture_rect(1).center()), (10, 250, 10))
    # ...and in a gap the picture is dimmed with the message.
    wall.set_playback(1, PlaybackOverlay("PLAYBACK 10:02:40", "No recording here"))
    image = wall.grab().toImage()
    assert not near(pixel(image, wall.picture_rect(1).center()), (10, 250, 10), 40)
    wall.set_playback(1, None)
    assert wall.playback(1) is None
    image = wall.grab().toImage()
    assert not near(pixel(image, left_edge(1)), amber, 40)


def tile_sized(wall: VideoWall, tile: int, code: str, rgb: tuple[int, int, int]) -> VideoFrame:
    """A frame as the decoder sends it for this tile: aligned, up to 3 px short, drawn 1:1."""
    box = wall.tile_rect(tile)
    w, h = decode_size(640, 360, box.width(), box.height())
    return solid(code, rgb, w, h)


def test_a_frame_decoded_for_its_tile_is_drawn_one_to_one_under_the_overlay(
    wall: VideoWall,
) -> None:
    wall.resize(970, 548)  # tiles of 322x182: the decoder sends 320x180
    wall.select(8)  # no selection frame on the tile looked at
    wall.set_status(0, live("CAM01"))
    frame = tile_sized(wall, 0, "CAM01", (250, 10, 10))
    wall.show_frames({0: frame})
    image = wall.grab().toImage()
    box, pic = wall.tile_rect(0), wall.picture_rect(0)
    assert (pic.width(), pic.height()) == (frame.image.shape[1], frame.image.shape[0])
    assert near(pixel(image, pic.center()), (250, 10, 10))
    # The name bar darkens the picture's top; the spare columns are the tile's background.
    assert pixel(image, QPoint(pic.center().x(), pic.top() + 2))[0] < 200
    assert pic.right() < box.right()
    background = (TILE_BACKGROUND.red(), TILE_BACKGROUND.green(), TILE_BACKGROUND.blue())
    assert pixel(image, QPoint(box.right(), pic.center().y())) == background
    assert wall.counters(0).shown == 1


def test_a_live_tiles_overlay_follows_its_status_names_and_selection(wall: VideoWall) -> None:
    wall.set_status(4, live("CAM05"))
    wall.show_frames({4: tile_sized(wall, 4, "CAM05", (0, 0, 0))})
    box = wall.tile_rect(4)
    first = wall.grab().toImage()
    wall.set_status(4, StreamStatus("CAM05", StreamKind.SUB, StreamState.LIVE, keyframes_only=True))
    marked = wall.grab().toImage()
    strip = [QPoint(x, box.bottom() - 8) for x in range(box.center().x(), box.right() - 4)]
    assert [p for p in strip if near(pixel(marked, p), (255, 159, 10), 10)]
    assert not [p for p in strip if near(pixel(first, p), (255, 159, 10), 10)]
    top = [QPoint(x, box.top() + 8) for x in range(box.left() + 4, box.center().x())]
    wall.set_camera_names({"CAM05": "北门岗亭北门岗亭"})
    renamed = wall.grab().toImage()
    assert [p for p in top if pixel(renamed, p) != pixel(marked, p)]
    wall.select(4)
    selected = wall.grab().toImage()
    frame = (SELECTION_FRAME.red(), SELECTION_FRAME.green(), SELECTION_FRAME.blue())
    assert pixel(selected, QPoint(box.center().x(), box.bottom() - 1)) == frame
    wall.select(0)
    assert pixel(wall.grab().toImage(), QPoint(box.center().x(), box.bottom() - 1)) != frame


def test_a_frame_of_the_old_size_after_a_resize_is_scaled_into_the_tile(wall: VideoWall) -> None:
    wall.set_status(0, live("CAM01"))
    wall.show_frames({0: tile_sized(wall, 0, "CAM01", (10, 250, 10))})
    wall.grab()
    wall.resize(1442, 812)  # the decoder has not caught up: the frame is a third too small
    image = wall.grab().toImage()
    pic = wall.picture_rect(0)
    assert pic.width() >= wall.tile_rect(0).width() - 4
    assert near(pixel(image, pic.center()), (10, 250, 10))
    assert near(pixel(image, QPoint(pic.left() + 2, pic.center().y())), (10, 250, 10))


def test_the_clock_is_on_every_tile_or_on_none(wall: VideoWall) -> None:
    for i in range(8):
        wall.set_status(i, live(f"CAM0{i + 1}"))
    fm = wall.fontMetrics()
    clock_w = fm.horizontalAdvance(wall.clock_text())
    fits = clock_w + fm.horizontalAdvance("MMMM") + 12  # the narrowest tile with a clock
    seen = set()
    for width in range(3 * fits - 20, 3 * fits + 20):  # around the fit; columns a pixel apart
        wall.resize(width, 400)
        wall.show_frames({i: tile_sized(wall, i, f"CAM0{i + 1}", (0, 0, 0)) for i in range(8)})
        image = wall.grab().toImage()
        clocks = []
        for i in range(8):
            box = wall.tile_rect(i)
            right = box.right() - 6
            area = [
                QPoint(x, y)
                for x in range(right - clock_w // 2, right)  # right of any "CAM0n"
                for y in range(box.top() + 3, box.top() + fm.height())
            ]
            clocks.append(any(pixel(image, p)[0] > 200 for p in area))
        assert len(set(clocks)) == 1, (width, clocks)
        seen.add(clocks[0])
    assert seen == {True, False}


def test_a_state_too_wide_for_its_tile_is_written_small_not_cut(qtbot: QtBot) -> None:
    w = VideoWall(now=FakeClock(NOW))
    qtbot.addWidget(w)
    w.set_layout("3x3")
    w.resize(330, 420)  # a 3x3 wall beside the camera tree in a docked pane
    w.show()
    qtbot.waitExposed(w)
    w.set_camera(0, "CAM01")
    connecting = StreamStatus("CAM01", StreamKind.SUB, StreamState.CONNECTING)
    w.set_status(0, connecting)
    text = w.state_text(connecting)
    box = w.tile_rect(0)
    small = w.message_font(box, text)
    assert QFontMetrics(small).horizontalAdvance(text) <= box.width()
    # A tile with room keeps the large font, readable across the room.
    w.set_layout("1")
    w.set_camera(0, "CAM01")
    big = w.message_font(w.tile_rect(0), text)
    assert big.pointSizeF() > small.pointSizeF()
    assert QFontMetrics(big).horizontalAdvance(text) > box.width()  # it would not have fitted
