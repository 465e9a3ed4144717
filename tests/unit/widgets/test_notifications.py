"""NotificationsWidget: newest first, bounded, unread count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from widgets.notifications import MAX_ITEMS, Level, NotificationsWidget

T0 = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)


def test_newest_first_with_local_time(qtbot: QtBot) -> None:
    w = NotificationsWidget()
    qtbot.addWidget(w)
    assert w.texts() == []
    assert w.placeholder.text() == "No messages. Errors of background work appear here."
    w.add(Level.INFO, "first", T0)
    w.add(Level.ERROR, "second", T0 + timedelta(seconds=1))
    assert w.texts() == ["2026-11-25 08:00:01  second", "2026-11-25 08:00:00  first"]
    assert w.placeholder.text() == "2 messages"
    assert w.list.item(0).foreground().color() == QColor("#ff453a")


def test_bounded_at_max_items(qtbot: QtBot) -> None:
    w = NotificationsWidget()
    qtbot.addWidget(w)
    extra = 25
    for i in range(MAX_ITEMS + extra):
        w.add(Level.WARNING, f"device flapping #{i}", T0)
    assert w.list.count() == MAX_ITEMS
    texts = w.texts()
    assert texts[0].endswith(f"#{MAX_ITEMS + extra - 1}"), "the newest stays"
    assert texts[-1].endswith(f"#{extra}"), "the oldest go"
    assert w.unread == MAX_ITEMS + extra


def test_unread_count_and_clear(qtbot: QtBot) -> None:
    w = NotificationsWidget()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.sig_unread_changed) as sig:
        w.add(Level.INFO, "x", T0)
    assert sig.args == [1]
    w.add(Level.INFO, "y", T0)
    assert w.unread == 2
    with qtbot.waitSignal(w.sig_unread_changed) as sig:
        w.mark_read()
    assert sig.args == [0]
    assert w.texts() != [], "reading keeps the messages"
    w.add(Level.INFO, "z", T0)
    w.clear_button.click()
    assert w.texts() == []
    assert w.unread == 0
