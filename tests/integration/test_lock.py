"""The screen lock: after idle time or Ctrl+L, only the password gets past it."""

# The fixtures imported from tests.helpers.console_fixtures are parameters of the tests below.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.audit import AuditAction
from tests.helpers.console_fixtures import (  # noqa: F401
    MakeConsole,
    SeededSite,
    audit_actions,
    console,
    make_console,
    seeded,
    sign_in,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

IDLE_120_MS = 0.002  # minutes


def _type_unlock(qtbot: QtBot, app: ConsoleApp, password: str) -> None:
    ls = app.window.lock_screen
    ls.password.clear()
    qtbot.keyClicks(ls.password, password)
    qtbot.keyClick(ls.password, Qt.Key.Key_Return)


def test_idle_locks_and_the_password_unlocks(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(idle_lock_minutes=IDLE_120_MS)
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    w = app.window

    qtbot.waitUntil(lambda: w.locked)  # nobody touches anything

    assert w.lock_screen.geometry() == w.rect(), "the lock screen covers the whole window"
    assert "值班员 李静" in w.lock_screen.who.text()
    assert not app.idle.running, "no idle timer runs while locked"
    assert not w.act_new_incident.isEnabled()
    assert not w.act_acknowledge.isEnabled()
    assert not any(a.isEnabled() for a in w.pane_actions.values())
    assert not w.menuBar().isEnabled()
    assert not w.toolbar.isEnabled()

    _type_unlock(qtbot, app, "not-my-password-1")
    qtbot.waitUntil(lambda: w.lock_screen.error.text() != "")
    assert w.lock_screen.error.text() == "用户名或密码错误。"
    assert w.locked
    assert w.lock_screen.password.isEnabled(), "ready for another try"

    _type_unlock(qtbot, app, seeded.passwords["operator"])
    qtbot.waitUntil(lambda: not w.locked)
    assert w.act_new_incident.isEnabled()
    assert w.act_acknowledge.isEnabled()
    assert not w.act_verify_audit.isEnabled(), "role rights apply again after unlocking"
    assert all(a.isEnabled() for a in w.pane_actions.values())
    assert w.menuBar().isEnabled()
    assert app.idle.running, "the idle timer runs again"
    app.idle.stop()

    assert app.wait_idle()
    counts = audit_actions(seeded.db, "operator")
    assert counts[AuditAction.SCREEN_LOCKED.value] == 1
    assert counts[AuditAction.SCREEN_UNLOCKED.value] == 1
    assert counts[AuditAction.LOGIN_FAILED.value] == 1


def test_ctrl_l_locks_immediately(qtbot: QtBot, console: ConsoleApp, seeded: SeededSite) -> None:
    sign_in(qtbot, console, seeded, "admin")
    w = console.window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert not w.locked

    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert w.locked
    assert w.lock_screen.password.hasFocus()
    assert console.wait_idle()
    assert audit_actions(seeded.db, "admin")[AuditAction.SCREEN_LOCKED.value] == 1


def test_tab_does_not_leave_the_lock_screen(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    """Keys must not reach the panes under the lock (Enter on a queue row acknowledges)."""
    sign_in(qtbot, console, seeded, "admin")
    w = console.window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.incidents.setFocus()
    console.lock()

    for _ in range(12):
        focus = QApplication.focusWidget()
        assert focus is not None
        assert w.lock_screen.isAncestorOf(focus), f"Tab reached {focus!r} behind the lock"
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    for _ in range(4):
        focus = QApplication.focusWidget()
        assert focus is not None
        assert w.lock_screen.isAncestorOf(focus), f"Shift+Tab reached {focus!r}"
        qtbot.keyClick(focus, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)


def test_floating_panes_hide_while_locked(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    w = console.window
    shown, closed = w.panes["incidents"].dock, w.panes["video"].dock
    shown.setFloating(True)
    closed.setFloating(True)
    closed.close()  # the operator had closed this floating pane before the lock
    qtbot.waitUntil(shown.isVisible)

    console.lock()
    assert w.locked
    assert not shown.isVisible(), "a pane on the second monitor stays readable while locked"

    _type_unlock(qtbot, console, seeded.passwords["operator"])
    qtbot.waitUntil(lambda: not w.locked)
    assert shown.isVisible()
    assert shown.isFloating()
    assert closed.isHidden(), "unlocking re-opened a pane the operator had closed"


def test_sign_out_from_the_lock_screen_keeps_the_floating_layout(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "supervisor")
    w = console.window
    dock = w.panes["map"].dock
    dock.setFloating(True)
    console.lock()

    qtbot.mouseClick(w.lock_screen.sign_out, Qt.MouseButton.LeftButton)

    assert console.principal is None
    assert not w.isVisible()
    assert not dock.isVisible()
    sign_in(qtbot, console, seeded, "supervisor")
    assert not w.locked
    assert dock.isFloating()
    assert dock.isVisible(), "the lock hid the pane, so the saved layout had it hidden"


def test_five_wrong_passwords_at_the_lock_screen_end_the_session(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    console.lock()
    ls = console.window.lock_screen
    for i in range(4):
        ls.error.clear()
        _type_unlock(qtbot, console, f"wrong-password-{i}")
        qtbot.waitUntil(lambda: ls.error.text() != "")
    _type_unlock(qtbot, console, "wrong-password-4")

    qtbot.waitUntil(lambda: console.principal is None)
    assert not console.window.isVisible()
    dlg = console.login_dialog
    assert dlg is not None
    assert dlg.isVisible()
    assert "已锁定" in dlg.error.text()
    assert console.wait_idle()
    counts = audit_actions(seeded.db, "operator")
    assert counts[AuditAction.ACCOUNT_LOCKED.value] == 1
    assert counts[AuditAction.LOGOUT.value] == 1
