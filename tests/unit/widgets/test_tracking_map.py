"""The map widget: tags where their rows say, only moved tags rewritten, clusters, selection,
search, trail and replay."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.planimage import PlanCalibration
from core.site import CameraSpec, Point, ReaderSpec, ZoneSpec
from tests.helpers.fake_tracking import straight_trail, tag_row
from widgets.tracking_map import PlanCommunity, TrackingMapWidget


@pytest.fixture
def mapw(qtbot: QtBot) -> Iterator[TrackingMapWidget]:
    w = TrackingMapWidget("Asia/Shanghai")
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.shutdown()


def positions(w: TrackingMapWidget) -> dict[int, tuple[float, float]]:
    data = w.tags.data
    return {tag_id: (float(data["x"][i]), float(data["y"][i])) for i, tag_id in enumerate(w._ids)}


def grid(n: int) -> list:
    return [tag_row(i + 1, 100.0 + (i % 50) * 20, 100.0 + (i // 50) * 20) for i in range(n)]


def test_tags_are_drawn_where_their_rows_say(mapw: TrackingMapWidget) -> None:
    rows = [tag_row(1, 10, 20), tag_row(2, 300, 400, kind="vehicle"), tag_row(3, 5, 5)]
    mapw.set_rows(rows)
    assert positions(mapw) == {1: (10, 20), 2: (300, 400), 3: (5, 5)}
    symbols = {mapw._ids[i]: s for i, s in enumerate(mapw.tags.data["symbol"])}
    assert symbols[1] == "o"
    assert symbols[2] == "s"
    assert mapw.counts().people == 2
    assert mapw.counts().vehicles == 1


def test_only_moved_tags_are_rewritten_and_the_rest_stay_untouched(
    mapw: TrackingMapWidget,
) -> None:
    rows = grid(200)
    mapw.set_rows(rows)
    rebuilds = mapw.full_rebuilds
    before = mapw.tags.data.copy()
    moved = [dataclasses.replace(r, x=r.x + 7, y=r.y - 3) for r in rows[10:13]]
    same = [rows[50]]  # re-sent unchanged: nothing to write
    mapw.push_rows([*moved, *same])
    mapw.apply_pending()
    assert mapw.applied_points == 3
    assert mapw.full_rebuilds == rebuilds
    after = mapw.tags.data
    changed = np.flatnonzero((after["x"] != before["x"]) | (after["y"] != before["y"]))
    assert sorted(mapw._ids[i] for i in changed) == [11, 12, 13]
    pos = positions(mapw)
    for r in moved:
        assert pos[r.id] == (r.x, r.y)
    # Unchanged points keep their cached symbol rectangle: not restyled.
    untouched = [i for i in range(len(after)) if mapw._ids[i] not in {11, 12, 13}]
    assert (after["sourceRect"][untouched] == before["sourceRect"][untouched]).all()


def test_a_tick_with_nothing_pending_writes_nothing(mapw: TrackingMapWidget) -> None:
    mapw.set_rows(grid(50))
    data = mapw.tags.data
    mapw.apply_pending()
    assert mapw.applied_points == 0
    assert mapw.tags.data is data  # not even a new array


def test_the_latest_pending_value_of_a_tag_wins(mapw: TrackingMapWidget) -> None:
    mapw.set_rows([tag_row(1, 0, 0)])
    for x in (10, 20, 30):
        mapw.push_rows([tag_row(1, x, 0)])
    mapw.apply_pending()
    assert positions(mapw)[1] == (30, 0)
    assert mapw.applied_points == 1


def test_an_older_answer_never_moves_a_tag_back(mapw: TrackingMapWidget) -> None:
    """Two re-reads of the same tag finishing out of order."""
    from datetime import timedelta

    from tests.helpers.fake_tracking import T0

    mapw.set_rows([tag_row(1, 0, 0)])
    mapw.push_rows([tag_row(1, 50, 0, at=T0 + timedelta(seconds=10))])
    mapw.push_rows([tag_row(1, 20, 0, at=T0 + timedelta(seconds=5))])
    mapw.apply_pending()
    assert positions(mapw)[1] == (50, 0)
    mapw.push_rows([tag_row(1, 30, 0, at=T0 + timedelta(seconds=7))])
    mapw.apply_pending()
    assert positions(mapw)[1] == (50, 0)


def test_a_state_change_restyles_only_that_tag_and_rings_an_alarm(
    mapw: TrackingMapWidget,
) -> None:
    rows = grid(20)
    mapw.set_rows(rows)
    mapw.push_rows([dataclasses.replace(rows[4], state="alarm")])
    mapw.apply_pending()
    assert mapw.applied_points == 1
    i = mapw._index[5]
    assert mapw.tags.data["size"][i] > mapw.tags.data["size"][mapw._index[6]]
    assert len(mapw.alarm_rings.data) == 1
    assert (mapw.alarm_rings.data["x"][0], mapw.alarm_rings.data["y"][0]) == (rows[4].x, rows[4].y)
    assert mapw.counts().alarms == 1
    assert "Alarms 1" in mapw.status.text()


def test_new_and_gone_tags(mapw: TrackingMapWidget) -> None:
    mapw.set_rows([tag_row(1, 0, 0), tag_row(2, 1, 1)])
    mapw.push_rows([tag_row(3, 50, 50)], gone=[1])
    mapw.apply_pending()
    assert positions(mapw) == {2: (1, 1), 3: (50, 50)}


def test_clusters_when_zoomed_out_and_single_tags_when_zoomed_in(
    mapw: TrackingMapWidget,
) -> None:
    rows = [tag_row(i + 1, 1000 + (i % 40) * 2.0, 1000 + (i // 40) * 2.0) for i in range(400)]
    rows.append(tag_row(999, 1010, 1010, state="alarm"))
    mapw.cluster_min_tags = 100
    mapw.set_rows(rows)
    mapw.centre_on(1500, 1000, radius=3000)  # the whole street and more
    mapw.update_clusters()
    assert mapw.clustered()
    assert not mapw.tags.isVisible()
    counts = mapw.cluster_counts()
    assert sum(counts) == 400  # the alarm is never inside a cluster…
    assert max(counts) > 50
    assert len(mapw.alarm_dots.data) == 1  # …it stays on top, on its own
    mapw.centre_on(1040, 1010, radius=60)
    mapw.update_clusters()
    assert not mapw.clustered()
    assert mapw.tags.isVisible()
    assert mapw.cluster_counts() == []


def test_clusters_are_not_recomputed_on_every_update(mapw: TrackingMapWidget) -> None:
    rows = grid(300)
    mapw.cluster_min_tags = 100
    mapw.set_rows(rows)
    mapw.centre_on(500, 500, radius=5000)
    mapw.update_clusters()
    runs = mapw.cluster_runs
    for k in range(5):
        mapw.push_rows([dataclasses.replace(rows[k], x=rows[k].x + 1)])
        mapw.apply_pending()
    assert mapw.cluster_runs == runs


def test_clicking_a_tag_selects_it_and_emits_its_id(mapw: TrackingMapWidget, qtbot: QtBot) -> None:
    mapw.set_rows([tag_row(1, 100, 100), tag_row(2, 200, 200, label="李四")])
    mapw.centre_on(150, 150, radius=150)
    mapw.update_clusters()
    qtbot.wait(10)
    scene_pos = mapw.tags.mapToScene(QPointF(200, 200))
    view_pos = mapw.plot.mapFromScene(scene_pos)
    with qtbot.waitSignal(mapw.sig_tag_selected) as sig:
        qtbot.mouseClick(mapw.plot.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)
    assert sig.args == [2]
    assert mapw.selected() == 2
    assert mapw.card_title.text() == "李四"
    assert (mapw.selection.data["x"][0], mapw.selection.data["y"][0]) == (200, 200)


def test_hovering_a_tag_names_it(mapw: TrackingMapWidget, qtbot: QtBot) -> None:
    mapw.set_rows([tag_row(1, 100, 100), tag_row(2, 200, 200, label="李四")])
    mapw.centre_on(150, 150, radius=150)
    qtbot.wait(10)
    view_pos = mapw.plot.mapFromScene(mapw.tags.mapToScene(QPointF(200, 200)))
    viewport = mapw.plot.viewport()

    def move(pos: QPoint) -> None:
        # QTest's mouseMove moves the cursor, which the offscreen platform does not do.
        ev = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(pos),
            QPointF(viewport.mapToGlobal(pos)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, ev)

    with qtbot.waitSignal(mapw.sig_tag_hovered) as sig:
        move(view_pos - QPoint(30, 30))
        qtbot.wait(40)  # pyqtgraph's scene drops moves closer than 1/60 s apart
        move(view_pos)
    assert sig.args == [2]
    assert "李四" in mapw.view.toolTip()


def test_the_selection_ring_follows_a_moving_tag(mapw: TrackingMapWidget) -> None:
    mapw.set_rows([tag_row(1, 100, 100)])
    mapw.select(1)
    mapw.push_rows([tag_row(1, 130, 90)])
    mapw.apply_pending()
    assert (mapw.selection.data["x"][0], mapw.selection.data["y"][0]) == (130, 90)


def test_search_by_name_plate_or_tag_centres_on_the_tag(
    mapw: TrackingMapWidget, qtbot: QtBot
) -> None:
    mapw.set_rows(
        [
            tag_row(1, 100, 100, label="王芳"),
            tag_row(2, 2500, 1800, kind="vehicle", label="津A12345"),
        ]
    )
    mapw.fit()
    qtbot.keyClicks(mapw.search, "A123")
    qtbot.keyClick(mapw.search, Qt.Key.Key_Return)
    assert mapw.selected() == 2
    (x0, x1), (y0, y1) = mapw.view.viewRange()
    assert x0 < 2500 < x1
    assert y0 < 1800 < y1
    assert x1 - x0 < 600  # zoomed in on it, not the whole street
    assert mapw.search_note.isHidden()  # one match: nothing to say
    assert mapw.find_tags(mapw.row(1).tag.lower())[0].id == 1  # type: ignore[union-attr]


def test_search_without_a_local_match_asks_the_service(
    mapw: TrackingMapWidget, qtbot: QtBot
) -> None:
    mapw.set_rows([tag_row(1, 100, 100, label="王芳")])
    mapw.search.setText("nobody")
    with qtbot.waitSignal(mapw.sig_find_requested) as sig:
        qtbot.keyClick(mapw.search, Qt.Key.Key_Return)
    assert sig.args == ["nobody"]
    mapw.show_found([])  # what the presenter hands back when the service has none either
    assert not mapw.search_note.isHidden()
    assert "nobody" in mapw.search_note.text()


def test_replay_slider_moves_the_marker_through_the_trail(mapw: TrackingMapWidget) -> None:
    mapw.set_rows([tag_row(1, 100, 100)])
    mapw.select(1)
    trail = straight_trail(100, 100, n=5, step_s=60)
    mapw.set_trail(1, trail)
    assert mapw.slider.maximum() == 240
    assert mapw.replay_position() == (100, 100)
    mapw.slider.setValue(120)
    assert mapw.replay_position() == (300, 100)
    mapw.slider.setValue(150)  # half way between the third and fourth point
    assert mapw.replay_position() == (350, 100)
    mapw.step_forward()
    assert mapw.replay_position() == (400, 100)
    mapw.step_back()
    assert mapw.replay_position() == (300, 100)
    xs, _ys = mapw.trail.getData()
    assert list(xs) == [100, 200, 300, 400, 500]


def test_replay_plays_with_keys_and_speed(mapw: TrackingMapWidget, qtbot: QtBot) -> None:
    mapw.set_rows([tag_row(1, 100, 100)])
    mapw.select(1)
    mapw.set_trail(1, straight_trail(100, 100, n=3, step_s=10))
    mapw.plot.setFocus()
    qtbot.keyClick(mapw.plot, Qt.Key.Key_Plus)
    qtbot.keyClick(mapw.plot, Qt.Key.Key_Plus)
    assert mapw.speed_factor() == 60
    qtbot.keyClick(mapw.plot, Qt.Key.Key_Minus)
    assert mapw.speed_factor() == 10
    qtbot.keyClick(mapw.plot, Qt.Key.Key_Space)
    assert mapw.playing()
    # 10× at 10 ticks a second: the 20 s trail ends within ~0.2 s.
    # The wait is generous: a loaded machine starves the replay timer, not the replay.
    qtbot.waitUntil(lambda: not mapw.playing(), timeout=15_000)
    assert mapw.replay_position() == (300, 100)
    qtbot.keyClick(mapw.plot, Qt.Key.Key_Left)
    assert mapw.replay_position() == (200, 100)


def test_plan_layers_and_plan_image(mapw: TrackingMapWidget, tmp_path) -> None:
    from PySide6.QtGui import QImage

    zone = ZoneSpec("Z1", "北门", "C01", "gate", (Point(0, 0), Point(100, 0), Point(100, 50)))
    reader = ReaderSpec("R1", "北门读卡器", "C01", "Z1", Point(50, 10), "sim", "sim://", "CC")
    camera = CameraSpec("K1", "北门摄像机", "C01", Point(60, 20), "rtsp://a", "rtsp://b", "CC")
    mapw.set_plan([PlanCommunity("C01", "咸阳北里社区", 50, 25)], [zone], [reader], [camera])
    assert len(mapw._zone_items) == 1
    assert (mapw.readers.data["x"][0], mapw.readers.data["y"][0]) == (50, 10)
    img = QImage(200, 100, QImage.Format.Format_RGB32)
    img.fill(0x808080)
    path = tmp_path / "plan.png"
    img.save(str(path))
    # Pixel (0, 100) is site (0, 0) and pixel (200, 0) is site (400, 200): 2 m per pixel.
    assert mapw.set_plan_image(path, PlanCalibration((0, 100, 0, 0), (200, 0, 400, 200)))
    item = mapw._plan_image
    assert item is not None
    mapped = item.transform().map(QPointF(100, 50))
    assert (round(mapped.x(), 6), round(mapped.y(), 6)) == (200, 100)
    assert not mapw.set_plan_image(
        tmp_path / "missing.png", PlanCalibration((0, 0, 0, 0), (20, 0, 1, 1))
    )


def test_empty_banner_and_clear(mapw: TrackingMapWidget) -> None:
    mapw.set_empty_text("No tags tracked yet")
    assert not mapw.banner.isHidden()
    mapw.set_rows([tag_row(1, 0, 0)])
    mapw.select(1)
    mapw.set_trail(1, straight_trail(0, 0))
    mapw.clear()
    assert mapw.rows() == []
    assert mapw.selected() is None
    assert mapw.trail_points() == []
    assert mapw.card.isHidden()


def test_selecting_another_tag_drops_the_previous_trail(mapw: TrackingMapWidget) -> None:
    mapw.set_rows([tag_row(1, 0, 0), tag_row(2, 500, 500)])
    mapw.select(1)
    mapw.set_trail(1, straight_trail(0, 0))
    mapw.select(1)  # the same tag again: the trail stays
    assert len(mapw.trail_points()) == 5
    mapw.select(2)
    assert mapw.trail_points() == []
    assert mapw.replay_position() is None
    assert not mapw.replay_bar.isHidden()  # ready to replay the new tag
