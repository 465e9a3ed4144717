"""Quitting is deliberate: Esc at sign-in and a locked console do not end the session."""

# The fixtures imported from tests.helpers.console_fixtures are parameters of the tests below.
# ruff: noqa: F811

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from tests.helpers.console_fixtures import (  # noqa: F401
    SeededSite,
    console,
    make_console,
    seeded,
    sign_in,
)


def test_escape_does_not_close_the_sign_in_dialog(qtbot: QtBot, console: ConsoleApp) -> None:
    """Regression: Esc rejected the dialog, and rejecting it quit the whole console."""
    dlg = console.login_dialog
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
    console.lock()
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
    from core.events import ChangesAvailable

    sign_in(qtbot, console, seeded, "operator")
    console.bridge.publish(ChangesAvailable(99, frozenset({"incident"})))  # queued, not run
    console.shutdown()  # processes the queue after the pools are closed
    console.open_incident(1)
    assert console._shut_down
