"""Dock panes: toggling, floating (second monitor), per-user layouts saved across sign-outs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.shell.main_window import MainWindow
from core.events import ChangesAvailable
from core.model import Priority
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    count_reads,
    devices_of,
    incidents_of,
    notifications_of,
    sign_in,
)

# Raising a floating pane (a window of its own) is a no-op on the offscreen platform.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

# In the View menu's order, which is also the order of their shortcuts Ctrl+1 … Ctrl+7.
PANES = (
    "video",
    "map",
    "calls",
    "incidents",
    "devices",
    "notifications",
    "residents",
    "assignments",
    "playback",
)
# Panes with a shortcut of their own rather than a Ctrl+digit.
MORE_PANES = (
    "feedback",
    "surveys",
    "merchants",
    "orders",
    "volunteers",
    "screening",
    "employment",
    "kpi",
)
DIGIT_KEYS = [
    Qt.Key.Key_1,
    Qt.Key.Key_2,
    Qt.Key.Key_3,
    Qt.Key.Key_4,
    Qt.Key.Key_5,
    Qt.Key.Key_6,
    Qt.Key.Key_7,
    Qt.Key.Key_8,
    Qt.Key.Key_9,
]


def _activate(qtbot: QtBot, w: MainWindow) -> None:
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


def _toggles(w: MainWindow) -> list[QAction]:
    return [p.toggle for p in w.panes.values()]


def _shown(w: MainWindow) -> dict[str, bool]:
    return {name: not p.dock.isHidden() for name, p in w.panes.items()}


@pytest.fixture
def signed_in(qtbot: QtBot, console: ConsoleApp, seeded: SeededSite) -> ConsoleApp:
    sign_in(qtbot, console, seeded, "admin")
    return console


def _in_front(w: MainWindow, name: str) -> bool:
    """True if the pane is the shown tab of its group (the ones behind are not on screen)."""
    return not w.panes[name].dock.visibleRegion().isEmpty()


def _area(w: MainWindow, name: str) -> int:
    g = w.panes[name].dock.geometry()
    return g.width() * g.height()


def test_default_layout_shows_every_pane_docked(signed_in: ConsoleApp) -> None:
    w = signed_in.window
    assert set(w.panes) == set(PANES) | set(MORE_PANES)
    more = {w.panes[name].toggle for name in MORE_PANES}
    view_panes = [a for a in w.menus["view"].actions() if a in _toggles(w) and a not in more]
    assert view_panes == [w.panes[name].toggle for name in PANES]
    assert all(_shown(w).values())
    assert not any(p.dock.isFloating() for p in w.panes.values())
    _assert_default_places(w)


def _assert_default_places(w: MainWindow) -> None:
    top, bottom = Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    docks = {name: p.dock for name, p in w.panes.items()}
    assert {n: w.dockWidgetArea(d) for n, d in docks.items()} == {
        "incidents": top,
        "video": top,
        "map": top,
        "playback": top,
        "calls": bottom,
        "devices": bottom,
        "notifications": bottom,
        "residents": bottom,
        "assignments": bottom,
        "feedback": bottom,
        "surveys": top,
        "merchants": top,
        "orders": top,
        "volunteers": top,
        "screening": top,
        "employment": top,
        "kpi": top,
    }

    QApplication.processEvents()  # the dock layout settles its geometry on the next pass
    # The queue in the top left, the largest area; the video wall and map tabbed right of it.
    assert docks["incidents"].x() < docks["video"].x()
    assert _area(w, "incidents") == max(_area(w, n) for n in PANES if _in_front(w, n))
    assert w.tabifiedDockWidgets(docks["incidents"]) == []
    behind_the_wall = (
        "map",
        "surveys",
        "merchants",
        "orders",
        "playback",
        "volunteers",
        "screening",
        "employment",
        "kpi",
    )
    # A pane the role is not offered (an operator's Indicators) is out of the group.
    assert w.tabifiedDockWidgets(docks["video"]) == [
        docks[n] for n in behind_the_wall if w.pane_allowed(n)
    ]
    # The calls below the queue, residents tabbed behind them (a caller is looked up there);
    # devices and notifications tabbed right of them.
    assert docks["calls"].x() < docks["devices"].x()
    assert docks["calls"].y() > docks["incidents"].y()
    assert w.tabifiedDockWidgets(docks["calls"]) == [docks["residents"], docks["feedback"]]
    assert w.tabifiedDockWidgets(docks["devices"]) == [docks["notifications"], docks["assignments"]]
    # The front pane of each tab group is the one shown.
    front = {name for name in PANES if _in_front(w, name)}
    assert front == {"incidents", "video", "calls", "devices"}


def _dock_tab_bars(w: MainWindow) -> list[QTabBar]:
    return [b for b in w.findChildren(QTabBar) if b.parent() is w and b.isVisible()]


def test_tabbed_panes_keep_their_whole_titles_and_scroll(signed_in: ConsoleApp) -> None:
    w = signed_in.window
    w.resize(1600, 900)
    QApplication.processEvents()
    for _round in ("default", "after a reset"):
        bars = _dock_tab_bars(w)
        titles = {p.dock.windowTitle() for p in w.panes.values()}
        crowded = [b for b in bars if b.count() == 10]
        assert len(crowded) == 1  # the video wall's area
        for b in bars:
            assert b.elideMode() is Qt.TextElideMode.ElideNone
            assert b.usesScrollButtons()
            assert {b.tabText(i) for i in range(b.count())} <= titles
        bar = crowded[0]
        # Ten titles do not fit in the area: the bar scrolls, its arrows can be seen.
        assert bar.sizeHint().width() > bar.width()
        arrows = [t for t in bar.findChildren(QToolButton) if t.isVisible()]
        assert len(arrows) == 2
        assert all(a.width() >= 12 and a.height() >= 12 for a in arrows)
        w.action("reset_layout").trigger()
        QApplication.processEvents()


@pytest.mark.parametrize(("index", "name"), list(enumerate(PANES)))
def test_ctrl_digit_gives_its_pane_the_keyboard_and_hides_it_when_pressed_again(
    qtbot: QtBot, signed_in: ConsoleApp, index: int, name: str
) -> None:
    w = signed_in.window
    action = w.panes[name].toggle
    dock = w.panes[name].dock
    assert action.shortcut().toString() == f"Ctrl+{index + 1}"
    assert action.isCheckable()
    assert action.isChecked()
    _activate(qtbot, w)

    def press() -> None:
        qtbot.keyClick(w, DIGIT_KEYS[index], Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()

    if w.in_front(name):
        # On screen, the keyboard elsewhere (the queue after signing in): the first press
        # gives it the keyboard. It hid the pane, and the operator's queue went away.
        elsewhere = next(p.dock for n, p in w.panes.items() if n != name and w.in_front(n))
        elsewhere.widget().setFocus()
        press()
        assert w.in_front(name)
        assert not dock.isHidden()
    else:
        # Behind another tab (the map behind the video wall): the first press brings it
        # forward. Qt's own toggle closed it instead, and the next press left it behind.
        press()
        assert w.in_front(name)
        assert _in_front(w, name)
        assert action.isChecked()
    assert dock.isAncestorOf(QApplication.focusWidget()), "the keyboard goes into the pane"
    press()  # in front, the keyboard in it: hidden
    assert dock.isHidden()
    assert not action.isChecked()
    others = {n: v for n, v in _shown(w).items() if n != name}
    assert all(others.values()), "only the pane of the shortcut is hidden"

    press()  # hidden: back, in front, with the keyboard in it
    assert not dock.isHidden()
    assert action.isChecked()
    assert w.in_front(name)
    assert dock.isAncestorOf(QApplication.focusWidget())


def test_closing_a_dock_unchecks_its_action(signed_in: ConsoleApp) -> None:
    w = signed_in.window
    dock = w.panes["incidents"].dock
    assert w.panes["incidents"].toggle.isChecked()
    assert dock.close()
    assert not w.panes["incidents"].toggle.isChecked()
    w.panes["incidents"].toggle.trigger()
    assert dock.isVisible()
    assert w.panes["incidents"].toggle.isChecked()


def test_a_pane_can_float_and_be_docked_again(qtbot: QtBot, signed_in: ConsoleApp) -> None:
    w = signed_in.window
    dock = w.panes["video"].dock
    dock.setFloating(True)  # what dragging it to the second monitor does
    qtbot.waitUntil(dock.isVisible)
    assert dock.isFloating()
    assert dock.isWindow(), "a floating pane is a window of its own"
    assert w.panes["video"].toggle.isChecked()
    w.panes["video"].toggle.trigger()
    assert dock.isHidden()
    w.panes["video"].toggle.trigger()
    assert dock.isVisible()
    assert dock.isFloating()
    dock.setFloating(False)
    assert not dock.isWindow()
    assert w.dockWidgetArea(dock) == Qt.DockWidgetArea.TopDockWidgetArea


def _customise(w: MainWindow) -> None:
    assert w.panes["map"].dock.close()  # hide the map
    w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.panes["incidents"].dock)  # move
    w.panes["devices"].dock.setFloating(True)  # detach to the second monitor


def _assert_customised(w: MainWindow) -> None:
    assert w.panes["map"].dock.isHidden()
    assert not w.panes["map"].toggle.isChecked()
    assert w.dockWidgetArea(w.panes["incidents"].dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert w.panes["devices"].dock.isFloating()
    assert w.panes["devices"].dock.isVisible()


def _assert_default(w: MainWindow) -> None:
    shown = _shown(w)
    assert all(shown[n] for n in shown if w.pane_allowed(n))
    assert not any(shown[n] for n in shown if not w.pane_allowed(n)), "not the role's"
    assert not any(p.dock.isFloating() for p in w.panes.values())
    _assert_default_places(w)


def test_layout_is_restored_for_the_same_user_only(
    qtbot: QtBot, signed_in: ConsoleApp, seeded: SeededSite
) -> None:
    app = signed_in
    w = app.window
    _customise(w)
    _assert_customised(w)

    app.session.sign_out()
    assert not w.isVisible()
    assert app.session.layouts.load("admin") is not None

    sign_in(qtbot, app, seeded, "admin")
    _assert_customised(w)

    app.session.sign_out()
    sign_in(qtbot, app, seeded, "operator")
    _assert_default(w)
    assert app.session.layouts.load("operator") is None


def test_layout_survives_a_restart(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    first = make_console()
    first.start()
    sign_in(qtbot, first, seeded, "supervisor")
    _customise(first.window)
    first.session.quit(confirm=False)
    assert not first.window.isVisible()

    second = make_console()
    second.start()
    sign_in(qtbot, second, seeded, "supervisor")
    _assert_customised(second.window)


def test_reset_layout_restores_the_default_and_forgets_the_saved_one(
    qtbot: QtBot, signed_in: ConsoleApp, seeded: SeededSite
) -> None:
    app = signed_in
    w = app.window
    _customise(w)
    app.session.save_layout()
    assert app.session.layouts.load("admin") is not None

    w.action("reset_layout").trigger()

    _assert_default(w)
    assert app.session.layouts.load("admin") is None
    app.session.sign_out()
    sign_in(qtbot, app, seeded, "admin")
    _assert_default(w)


def test_sign_out_hides_floating_panes_and_clears_the_data(
    qtbot: QtBot, signed_in: ConsoleApp, seeded: SeededSite
) -> None:
    app = signed_in
    w = app.window
    dock = w.panes["devices"].dock
    dock.setFloating(True)
    qtbot.waitUntil(dock.isVisible)
    assert devices_of(app).pane.model.rowCount() > 0

    app.session.sign_out()

    # Hiding the main window alone leaves a floating pane on the second monitor.
    assert not dock.isVisible(), "a floating pane still shows data after sign-out"
    assert devices_of(app).pane.model.rowCount() == 0
    assert incidents_of(app).queue.model.rowCount() == 0
    assert app.session.login_dialog is not None
    assert app.session.login_dialog.isVisible()

    sign_in(qtbot, app, seeded, "admin")
    assert dock.isFloating()
    assert dock.isVisible(), "the user's floating pane comes back with the layout"


def test_a_snapshot_that_outlives_its_session_is_not_shown(
    qtbot: QtBot, signed_in: ConsoleApp
) -> None:
    app = signed_in
    app.window.action("refresh").trigger()  # F5, in flight while the user signs out
    app.session.sign_out()
    assert app.wait_idle()
    QApplication.processEvents()
    assert devices_of(app).pane.model.rowCount() == 0
    assert incidents_of(app).queue.model.rowCount() == 0


def test_a_pane_behind_another_tab_reads_when_it_comes_forward(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    # Qt 6 never hides a dock tabbed behind another (isVisible stays True): the panes that
    # read only while seen must ask `in_view`, or every sign-in reads every pane.
    read = count_reads(console)
    sign_in(qtbot, console, seeded, "admin")
    w = console.window
    # pane: the label of its main read
    lazy = {
        "employment": "employment",
        "screening": "screening",
        "kpi": "kpi",
        "residents": "residents",
        "volunteers": "volunteers",
        "merchants": "merchants",
        "orders": "orders board",
        "feedback": "feedback",
    }
    assert not any(_in_front(w, name) for name in lazy)
    assert all(w.panes[name].dock.widget().isVisible() for name in lazy), "Qt's view of it"
    assert not set(read) & set(lazy.values()), sorted(set(read) & set(lazy.values()))
    for name, label in lazy.items():
        w.show_pane(name)
        qtbot.waitUntil(lambda label=label: label in read)  # type: ignore[misc]
        assert _in_front(w, name)
    # Back behind another tab, a change reads nothing until the pane comes forward again.
    w.show_pane("calls")
    qtbot.waitUntil(lambda: not _in_front(w, "residents"))
    assert console.wait_idle()
    read.clear()
    console.presenter("residents").reload()
    assert "residents" not in read
    w.show_pane("residents")
    qtbot.waitUntil(lambda: "residents" in read)


def test_a_first_sign_in_fills_the_screen_and_a_saved_layout_keeps_its_size(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a real display: the offscreen platform of the tests has no screen to fill.
    monkeypatch.setattr("console.session.QApplication.platformName", staticmethod(lambda: "xcb"))
    sign_in(qtbot, console, seeded, "operator")
    w = console.window
    assert w.isMaximized(), "1600x900 overflowed a station's 1366x768 screen"
    w.showNormal()
    w.resize(1200, 800)
    console.session.sign_out()
    sign_in(qtbot, console, seeded, "operator")  # the layout saved at sign-out
    assert not w.isMaximized()  # restoreGeometry decides (it fits it to the screen)


def test_the_right_click_menu_of_the_panes_brings_them_forward_too(signed_in: ConsoleApp) -> None:
    w = signed_in.window
    menu = w.createPopupMenu()
    ordered = [p.toggle for p in sorted(w.panes.values(), key=lambda p: p.spec.order)]
    assert menu.actions() == ordered
    assert not w.in_front("map")  # behind the video wall
    w.panes["map"].toggle.trigger()
    assert w.in_front("map")
    assert not w.panes["map"].dock.isHidden()


def test_f11_returns_to_a_maximised_window_and_its_check_follows_the_window(
    qtbot: QtBot, signed_in: ConsoleApp
) -> None:
    w = signed_in.window
    full = w.act_fullscreen
    w.showMaximized()
    qtbot.waitUntil(w.isMaximized)
    full.trigger()
    qtbot.waitUntil(w.isFullScreen)
    assert full.isChecked()
    full.trigger()
    qtbot.waitUntil(lambda: not w.isFullScreen())
    assert w.isMaximized(), "F11 twice came back to 1600x900"
    assert not full.isChecked()
    # Changed from elsewhere (a sign-in maximising a window left full screen): F11's check
    # follows, so the next F11 goes full screen rather than out of it.
    w.showFullScreen()
    qtbot.waitUntil(lambda: full.isChecked())
    w.showMaximized()
    qtbot.waitUntil(lambda: not full.isChecked())


def test_quit_stays_the_last_entry_of_its_menu(signed_in: ConsoleApp) -> None:
    # The handover's entry, added by a capability built after the session, came after Quit.
    entries = signed_in.window.menus["console"].actions()
    quit_action = signed_in.window.action("quit")
    assert entries[-1] is quit_action
    assert entries[-2].isSeparator()
    handover = signed_in.window.action("shift_handover")
    assert entries.index(handover) < entries.index(quit_action) - 1


def test_a_floating_panes_key_gives_it_the_keyboard_then_hides_it(
    qtbot: QtBot, signed_in: ConsoleApp
) -> None:
    w = signed_in.window
    dock = w.panes["incidents"].dock
    dock.setFloating(True)  # on the second monitor
    qtbot.waitUntil(dock.isVisible)
    _activate(qtbot, w)
    w.panes["devices"].dock.widget().setFocus()
    w.keyboard_to("incidents")
    qtbot.waitUntil(lambda: dock.isAncestorOf(QApplication.focusWidget()))
    assert dock.isVisible()
    w.keyboard_to("incidents")
    assert dock.isHidden()


def test_a_toolbar_click_hides_a_pane_in_front_wherever_the_keyboard_is(
    signed_in: ConsoleApp,
) -> None:
    w = signed_in.window
    w.panes["devices"].dock.widget().setFocus()
    w.panes["incidents"].toggle.trigger()  # the toolbar's checked button, clicked
    assert w.panes["incidents"].dock.isHidden()


def test_pane_keys_do_nothing_while_locked(qtbot: QtBot, signed_in: ConsoleApp) -> None:
    w = signed_in.window
    signed_in.session.lock()
    keys = w.findChildren(QShortcut)
    assert {k.objectName() for k in keys} >= {"pane-key-incidents", "pane-key-video"}
    assert not any(k.isEnabled() for k in keys if k.objectName().startswith("pane-key-"))
    w.set_locked(False)
    assert all(k.isEnabled() for k in keys if k.objectName().startswith("pane-key-"))


@pytest.mark.parametrize(
    ("username", "workstation", "home"),
    [
        ("operator", "CC", "incidents"),
        ("ws01", "CC", "incidents"),
        ("police", "CC", "assignments"),
        ("counsellor", "CC", "screening"),
    ],
)
def test_the_keyboard_starts_in_the_users_work_after_signing_in(
    qtbot: QtBot,
    make_console: MakeConsole,
    seeded: SeededSite,
    username: str,
    workstation: str,
    home: str,
) -> None:
    console = make_console(workstation=workstation)
    console.start()
    sign_in(qtbot, console, seeded, username)
    w = console.window
    _activate(qtbot, w)
    dock = w.panes[home].dock
    qtbot.waitUntil(lambda: dock.isAncestorOf(QApplication.focusWidget()))


def test_the_queues_keyboard_lands_on_its_rows_so_down_and_enter_open_one(
    qtbot: QtBot, signed_in: ConsoleApp
) -> None:
    w = signed_in.window
    queue = incidents_of(signed_in).queue
    _activate(qtbot, w)
    w.panes["devices"].dock.widget().setFocus()
    w.keyboard_to("incidents")
    assert not queue.rows()
    assert QApplication.focusWidget() is queue.views, "no row yet: the view tabs"
    admin = signed_in.session.principal
    assert admin is not None
    iid = signed_in.services.incidents.create(
        admin, title="楼道堆物", priority=Priority.P3, community="C03"
    )
    qtbot.waitUntil(lambda: bool(queue.rows()))
    w.panes["devices"].dock.widget().setFocus()
    w.keyboard_to("incidents")
    assert QApplication.focusWidget() is queue.table
    qtbot.keyClick(queue.table, Qt.Key.Key_Down)  # one row: the first Down selects it
    assert queue.selected_incident_id() == iid
    opened: list[int] = []
    queue.sig_incident_activated.connect(opened.append)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    assert opened == [iid]


# A counsellor's role cannot use these (core.permissions): no video, calls, devices,
# whereabouts, the street's general business, orders, indicators or employment.
NOT_A_COUNSELLORS = {
    "video",
    "playback",
    "map",
    "calls",
    "devices",
    "feedback",
    "orders",
    "kpi",
    "employment",
}


def _offered(w: MainWindow) -> set[str]:
    return {n for n, p in w.panes.items() if p.toggle.isVisible()}


def test_a_counsellor_is_offered_the_panes_of_its_work_alone(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    console = make_console()
    console.start()
    sign_in(qtbot, console, seeded, "counsellor")
    w = console.window
    assert _offered(w) == set(w.panes) - NOT_A_COUNSELLORS
    for name in NOT_A_COUNSELLORS:
        pane = w.panes[name]
        assert pane.dock.isHidden(), name
        assert pane.toggle not in w.toolbar.actions() or not pane.toggle.isVisible(), name
        assert pane.key is not None, name
        assert not pane.key.isEnabled(), name
        w.bring_forward(name)  # a stray call (the queue's "cameras" key) shows nothing
        w.show_pane(name)
        assert pane.dock.isHidden(), name
    assert w.in_front("screening"), "its own work in front of the area the wall had"
    assert not w.action("new_incident").isEnabled(), "it would file what it cannot see"
    assert not w.action("shift_handover").isEnabled()
    assert not w.action("new_feedback_ticket").isEnabled()
    listed = {text for _key, text in w.shortcut_rows()}  # F1's list of keys
    assert "心理筛查" in listed  # Screening
    assert not listed & {"视频墙", "地图", "来电", "设备状态"}, "keys that do nothing"
    empty = incidents_of(console).queue.empty
    assert "Ctrl+N" not in empty.text(), "its queue offers no key it does not have"
    # A device's change reads nothing for it: each one reported "no permission" before.
    devices = devices_of(console)
    reads = count_reads(console)
    devices.on_changes(ChangesAvailable(99, frozenset({"device"}), {"device": frozenset({1, 2})}))
    devices.reload()
    assert console.wait_idle()
    assert reads == []
    assert notifications_of(console).pane.unread == 0
    assert not devices.counts_label.isVisibleTo(w)
    # The next user of the workstation, an operator, has every pane again.
    console.session.sign_out()
    sign_in(qtbot, console, seeded, "operator")
    assert NOT_A_COUNSELLORS - {"kpi", "employment"} <= _offered(w)
    assert not w.panes["video"].dock.isHidden()
    assert w.panes["video"].key is not None
    assert w.panes["video"].key.isEnabled()
    assert devices.counts_label.isVisibleTo(w)
    assert {"kpi", "employment"}.isdisjoint(_offered(w)), "a supervisor's, a station's"
