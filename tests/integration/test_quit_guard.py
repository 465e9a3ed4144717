"""Quitting is deliberate: Esc at sign-in and a locked console do not end the session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.audit import AuditAction
from core.events import ChangesAvailable
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_actions,
    fake_dialogs,
    incidents_of,
    sign_in,
)


def test_escape_does_not_close_the_sign_in_dialog(qtbot: QtBot, console: ConsoleApp) -> None:
    """Regression: Esc rejected the dialog, and rejecting it quit the whole console."""
    dlg = console.session.login_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Escape)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert dlg.isVisible()
    assert dlg.result() == 0
    assert not console._shut_down


def test_a_locked_console_refuses_to_quit(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    """Regression: the window's close button ended a locked session without the password."""
    sign_in(qtbot, console, seeded, "operator")
    console.session.lock()
    assert console.window.locked

    console.window.close()  # what the title bar's close button does

    assert console.window.isVisible()
    assert console.window.locked
    assert not console._shut_down
    assert console.window.lock_screen.error.text() == "请先解锁或注销，再退出。"


def test_events_queued_before_shutdown_are_dropped_quietly(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    """Regression: a change notice queued by the feed just before shutdown made refresh()
    submit to the closed reader pool ('cannot schedule new futures after shutdown')."""

    sign_in(qtbot, console, seeded, "operator")
    console.bridge.publish(ChangesAvailable(99, frozenset({"incident"})))  # queued, not run
    console.shutdown()  # processes the queue after the pools are closed
    incidents_of(console).open_incident(1)
    assert console._shut_down


def _confirm_box(app: ConsoleApp) -> QMessageBox:
    boxes = [b for b in app.window.findChildren(QMessageBox, "confirmBox") if b.isVisible()]
    assert len(boxes) == 1, "one question open"
    return boxes[0]


def test_quit_asks_and_no_is_the_default(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    """A stray Enter on the question must not end the shift: the real box defaults to No."""
    app = make_console(real_dialogs=True, confirm_quit=True)
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    w = app.window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)

    qtbot.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    box = _confirm_box(app)
    assert box.windowTitle() == "退出"  # "Quit"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.No)
    assert box.windowModality() == Qt.WindowModality.WindowModal, "no nested event loop"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in w.findChildren(QMessageBox)))
    assert not app._shut_down
    assert w.isVisible()
    assert app.session.principal is not None

    qtbot.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # asked again
    box = _confirm_box(app)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert app._shut_down
    assert not w.isVisible()
    assert audit_actions(seeded.db, "operator")[AuditAction.LOGOUT.value] == 1


def test_closing_the_window_asks_before_quitting(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(confirm_quit=True)
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    dialogs = fake_dialogs(app)
    dialogs.answer = False

    app.window.close()  # the title bar's close button

    (asked,) = dialogs.questions
    assert asked.title == "退出"
    assert not asked.default_yes
    assert app.window.isVisible()
    assert not app._shut_down

    dialogs.answer = True
    app.window.close()
    assert app._shut_down


def test_a_window_closed_without_confirmation_closes(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    """Regression: quitting from inside the window's own close event left it open."""
    app = make_console(confirm_quit=False)
    app.start()
    sign_in(qtbot, app, seeded, "operator")

    app.window.close()

    assert app._shut_down
    assert not app.window.isVisible(), "a shut-down console left its window open"
