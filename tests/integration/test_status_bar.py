"""The status bar: passing messages never cover who is signed in, the database or the devices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from tests.helpers.consoles import SeededSite, devices_of, sign_in


def test_a_message_leaves_the_indicators_visible(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    """Regression: QStatusBar.showMessage hid the user, database and device indicators."""
    sign_in(qtbot, console, seeded, "operator")
    w = console.window
    counts = devices_of(console).counts_label
    indicators = [w.st_user, w.st_db, counts]
    before = [label.text() for label in indicators]
    assert all(label.isVisible() for label in indicators)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)

    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # nothing selected

    assert w.st_message.text() == "请先选择一个事件。"  # "Select an incident first."
    assert w.st_message.isVisible()
    assert w.statusBar().currentMessage() == "", "QStatusBar's own message hides its widgets"
    assert all(label.isVisible() for label in indicators), "a message covered an indicator"
    assert [label.text() for label in indicators] == before
    for label in indicators:
        assert not label.geometry().intersects(w.st_message.geometry()), label.objectName()

    w.show_message("数据已刷新", 50)
    assert w.st_message.text() == "数据已刷新"
    qtbot.waitUntil(lambda: w.st_message.text() == "")  # it passes
    assert all(label.isVisible() for label in indicators)


def test_a_long_message_is_cut_and_never_squeezes_the_indicators(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    w = console.window
    w.resize(1400, 800)
    counts = devices_of(console).counts_label
    indicators = [w.st_user, w.st_db, counts]
    qtbot.waitUntil(lambda: all(label.width() >= label.sizeHint().width() for label in indicators))
    long = "新的P2 高事件：#2 布防车辆移动：津B00052（朱永刚）" * 6
    w.show_message(long, 0)
    QApplication.processEvents()
    for label in indicators:
        assert label.width() >= label.sizeHint().width(), f"{label.objectName()} cut"
    assert w.st_message.toolTip() == long, "the whole text in the tooltip"
    # A switch of language takes away a message written in the old one.
    console.session.set_language("en")
    assert w.st_message.text() == ""
