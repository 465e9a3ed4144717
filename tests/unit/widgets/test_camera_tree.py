"""CameraTree (search, groups, states, drag, activation, tours) and WallToolbar (commands)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from core.video import StreamState
from core.video_wall import LAYOUTS, CameraEntry
from widgets.camera_tree import CODE_ROLE, GROUP_ROLE, CameraTree
from widgets.video_wall import MIME_CAMERA, STATE_COLOURS
from widgets.wall_toolbar import WallToolbar

ROWS = [
    CameraEntry("CAM03", "Bus stop 12", "C01", "Riverside"),
    CameraEntry("CAM01", "North gate", "C01", "Riverside", True),
    CameraEntry("CAM04", "School entrance", "C02", "Hillview", True),
    CameraEntry("CAM05", "Car park", "C02", "Hillview"),
    ("CAM07", "Canal bridge", "C03", "Old Town", False),  # plain tuples work too
]


@pytest.fixture
def tree(qtbot: QtBot) -> CameraTree:
    t = CameraTree()
    qtbot.addWidget(t)
    t.set_cameras(ROWS)
    t.resize(300, 400)
    t.show()
    qtbot.waitExposed(t)
    return t


def camera_index(tree: CameraTree, code: str) -> QModelIndex:
    for g in range(tree.proxy.rowCount()):
        gi = tree.proxy.index(g, 0)
        for r in range(tree.proxy.rowCount(gi)):
            if tree.proxy.index(r, 0, gi).data(CODE_ROLE) == code:
                return tree.proxy.index(r, 0, gi)
    raise LookupError(code)


def test_cameras_are_grouped_by_community_sorted(tree: CameraTree) -> None:
    assert tree.visible_groups() == ["C02", "C03", "C01"]  # Hillview, Old Town, Riverside
    assert tree.visible_cameras() == ["CAM04", "CAM05", "CAM07", "CAM01", "CAM03"]
    assert tree.proxy.index(2, 0).data() == "Riverside"
    assert camera_index(tree, "CAM01").data() == "CAM01  North gate · PTZ"


@pytest.mark.parametrize(
    ("text", "groups", "cameras"),
    [
        ("gate", ["C01"], ["CAM01"]),
        ("cam05", ["C02"], ["CAM05"]),
        ("  SCHOOL ", ["C02"], ["CAM04"]),
        ("old town", ["C03"], ["CAM07"]),  # a community's name keeps all its cameras
        ("a", ["C02", "C03", "C01"], ["CAM04", "CAM05", "CAM07", "CAM01", "CAM03"]),
        ("nothing like it", [], []),
    ],
)
def test_search_filters_live_and_keeps_groups(
    qtbot: QtBot, tree: CameraTree, text: str, groups: list[str], cameras: list[str]
) -> None:
    qtbot.keyClicks(tree.search, text)
    assert tree.visible_groups() == groups
    assert tree.visible_cameras() == cameras
    tree.search.clear()
    assert len(tree.visible_cameras()) == 5


def test_states_colour_the_cameras_and_survive_a_reload(tree: CameraTree) -> None:
    assert tree.state("CAM01") == StreamState.IDLE
    tree.set_state("CAM01", StreamState.OFFLINE)
    tree.set_state("CAM99", StreamState.LIVE)  # unknown: ignored
    index = camera_index(tree, "CAM01")
    image = index.data(Qt.ItemDataRole.DecorationRole).pixmap(10, 10).toImage()
    assert image.pixelColor(5, 5).name() == STATE_COLOURS[StreamState.OFFLINE].name()
    assert "Offline" in index.data(Qt.ItemDataRole.ToolTipRole)
    tree.set_cameras(ROWS)
    assert tree.state("CAM01") == StreamState.OFFLINE


def _colour(tree: CameraTree, code: str) -> str:
    image = camera_index(tree, code).data(Qt.ItemDataRole.DecorationRole).pixmap(10, 10).toImage()
    return str(image.pixelColor(5, 5).name())


def test_a_camera_off_the_wall_shows_whether_it_can_be_reached(tree: CameraTree) -> None:
    # The recorder's links (Device status): a camera nobody watches is red when unreachable.
    tree.set_links({"CAM01": (False, "无法连接：Connection refused"), "CAM03": (True, "录像中")})
    assert _colour(tree, "CAM01") == STATE_COLOURS[StreamState.OFFLINE].name()
    tip = camera_index(tree, "CAM01").data(Qt.ItemDataRole.ToolTipRole)
    # The recorder writes the site's language; the tooltip says it as Device status does.
    assert tip.endswith("Not shown · cannot connect: Connection refused")
    assert _colour(tree, "CAM03") == STATE_COLOURS[StreamState.IDLE].name()
    assert camera_index(tree, "CAM03").data(Qt.ItemDataRole.ToolTipRole).endswith("· recording")
    assert tree.state("CAM01") == StreamState.IDLE  # the stream's state is not the link's
    # On the wall the stream's own state wins; back off it, the link shows again.
    tree.set_state("CAM01", StreamState.LIVE)
    assert _colour(tree, "CAM01") == STATE_COLOURS[StreamState.LIVE].name()
    tree.set_state("CAM01", StreamState.IDLE)
    assert _colour(tree, "CAM01") == STATE_COLOURS[StreamState.OFFLINE].name()
    tree.set_cameras(ROWS)  # a reload keeps the links
    assert _colour(tree, "CAM01") == STATE_COLOURS[StreamState.OFFLINE].name()
    tree.set_links({})  # signed out, or no right to see devices
    assert _colour(tree, "CAM01") == STATE_COLOURS[StreamState.IDLE].name()
    assert "·" not in camera_index(tree, "CAM01").data(Qt.ItemDataRole.ToolTipRole)


def test_a_camera_drags_out_as_the_camera_mime(tree: CameraTree) -> None:
    index = camera_index(tree, "CAM04")
    assert index.flags() & Qt.ItemFlag.ItemIsDragEnabled
    mime = tree.proxy.mimeData([index])
    assert bytes(mime.data(MIME_CAMERA).data()) == b"CAM04"
    assert not tree.proxy.index(0, 0).flags() & Qt.ItemFlag.ItemIsDragEnabled


def test_enter_on_a_camera_activates_it(qtbot: QtBot, tree: CameraTree) -> None:
    tree.select_camera("CAM05")
    tree.tree.setFocus()
    with qtbot.waitSignal(tree.sig_camera_activated) as sig:
        qtbot.keyClick(tree.tree, Qt.Key.Key_Return)
    assert sig.args == ["CAM05"]


def test_search_box_enter_with_one_match_and_down_into_the_tree(
    qtbot: QtBot, tree: CameraTree
) -> None:
    qtbot.keyClicks(tree.search, "bridge")
    with qtbot.waitSignal(tree.sig_camera_activated) as sig:
        qtbot.keyClick(tree.search, Qt.Key.Key_Return)
    assert sig.args == ["CAM07"]
    tree.search.clear()
    qtbot.keyClick(tree.search, Qt.Key.Key_Down)
    assert tree.tree.currentIndex().isValid()


def test_a_group_menu_tours_all_its_cameras_even_when_filtered(
    qtbot: QtBot, tree: CameraTree
) -> None:
    qtbot.keyClicks(tree.search, "bus")
    group = tree.proxy.index(0, 0)
    assert group.data(GROUP_ROLE) == "C01"
    menu = tree.menu_for(group)
    assert menu is not None
    (action,) = menu.actions()
    assert action.text() == "Tour this group"
    with qtbot.waitSignal(tree.sig_tour_requested) as sig:
        action.trigger()
    assert sig.args == [["CAM01", "CAM03"]]
    camera_menu = tree.menu_for(camera_index(tree, "CAM03"))
    assert camera_menu is not None
    with qtbot.waitSignal(tree.sig_camera_activated) as sig:
        camera_menu.actions()[0].trigger()
    assert sig.args == ["CAM03"]


@pytest.fixture
def toolbar(
    qtbot: QtBot,
) -> tuple[WallToolbar, list[tuple[str, str]], list[bool], list[str | None]]:
    asked: list[tuple[str, str]] = []
    answers: list[bool] = [False]
    names: list[str | None] = ["  Night shift  "]

    def confirm(title: str, text: str) -> bool:
        asked.append((title, text))
        return answers[0]

    bar = WallToolbar(confirm=confirm, ask_name=lambda _t, _l, _x: names[0])
    qtbot.addWidget(bar)
    bar.show()
    return bar, asked, answers, names


def test_layout_buttons_emit_the_chosen_layout(qtbot: QtBot, toolbar: tuple) -> None:  # type: ignore[type-arg]
    bar = toolbar[0]
    assert list(bar.layout_buttons) == list(LAYOUTS)
    bar.set_layout("2x2")
    with qtbot.waitSignal(bar.sig_layout_chosen) as sig:
        qtbot.mouseClick(bar.layout_buttons["1+7"], Qt.MouseButton.LeftButton)
    assert sig.args == ["1+7"]
    assert bar.current_layout() == "1+7"
    assert all(isinstance(b, QToolButton) and b.toolTip() for b in bar.layout_buttons.values())


def test_delete_asks_first(qtbot: QtBot, toolbar: tuple) -> None:  # type: ignore[type-arg]
    bar, asked, answers, _ = toolbar
    bar.set_views(["Market", "Night"], "Night")
    with qtbot.assertNotEmitted(bar.sig_view_delete_requested):
        bar.delete_button.click()
    assert len(asked) == 1
    assert "Night" in asked[0][1]
    answers[0] = True
    with qtbot.waitSignal(bar.sig_view_delete_requested) as sig:
        bar.delete_button.click()
    assert sig.args == ["Night"]


def test_save_and_save_as(qtbot: QtBot, toolbar: tuple) -> None:  # type: ignore[type-arg]
    bar, _, _, names = toolbar
    bar.set_views(["Market"], None)
    assert not bar.delete_button.isEnabled()
    with qtbot.waitSignal(bar.sig_view_save_as_requested) as sig:
        bar.save_button.click()  # no current view: Save asks for a name
    assert sig.args == ["Night shift"]
    bar.set_views(["Market"], "Market")
    with qtbot.waitSignal(bar.sig_view_save_requested) as sig:
        bar.save_button.click()
    assert sig.args == ["Market"]
    names[0] = None  # cancelled
    with qtbot.assertNotEmitted(bar.sig_view_save_as_requested):
        bar.save_as_button.click()


def test_tour_start_stop_and_full_screen(qtbot: QtBot, toolbar: tuple) -> None:  # type: ignore[type-arg]
    bar = toolbar[0]
    bar.period.setValue(15)
    with qtbot.waitSignal(bar.sig_tour_start_requested) as sig:
        bar.tour_button.click()
    assert sig.args == [15.0]
    bar.set_touring(True)
    assert bar.tour_button.text() == "Stop tour"
    assert not bar.period.isEnabled()
    with qtbot.waitSignal(bar.sig_tour_stop_requested):
        bar.tour_button.click()
    bar.set_touring(False)
    assert bar.tour_button.text() == "Start tour"
    with qtbot.waitSignal(bar.sig_fullscreen_requested):
        bar.fullscreen_button.click()


def test_a_narrow_toolbar_wraps_and_keeps_every_control_in_sight(
    qtbot: QtBot,
    toolbar: tuple,  # type: ignore[type-arg]
) -> None:
    # A docked wall beside the queue is ~370 px wide: the views, tour and full-screen controls
    # go onto more rows instead of scrolling out of sight.
    bar: WallToolbar = toolbar[0]
    one_row = bar.heightForWidth(2000)
    bar.resize(360, bar.heightForWidth(360))
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.heightForWidth(360) > 2 * one_row
    controls = [*bar.layout_buttons.values(), bar.views, bar.save_button, bar.save_as_button]
    controls += [bar.delete_button, bar.period, bar.tour_button, bar.fullscreen_button]
    for w in controls:
        box = QRect(w.mapTo(bar, QPoint(0, 0)), w.size())
        assert bar.rect().contains(box), (w, box)
    # Wide, it is one row again, each control centred in it.
    bar.resize(2000, one_row)
    last, first = bar.fullscreen_button.geometry(), bar.layout_buttons["1"].geometry()
    assert abs(last.center().y() - first.center().y()) <= 1
