"""LockScreen: the password-only error, the clock in the site's zone, incidents waiting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from widgets.login import LockScreen


class StepClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> StepClock:
    return StepClock(datetime(2026, 11, 25, 8, 56, 40, tzinfo=UTC))


@pytest.fixture
def locked(qtbot: QtBot, clock: StepClock) -> Iterator[LockScreen]:
    host = QWidget()  # held here: qtbot keeps only a weak reference
    qtbot.addWidget(host)
    host.resize(800, 500)
    ls = LockScreen(host, zone="Asia/Shanghai", clock=clock)
    host.show()
    qtbot.waitExposed(host)
    ls.lock("李静")
    yield ls
    ls.hide()  # stops the ticker before the host goes


def test_wrong_password_says_only_password(locked: LockScreen) -> None:
    """Regression: the lock screen asks for a password only, yet said 'Wrong user name or
    password'."""
    locked.set_busy(True)
    locked.show_wrong_password()
    assert locked.error.text() == "Wrong password."
    assert locked.password.isEnabled()
    assert locked.password.hasFocus()


def test_clock_shows_beijing_time_and_ticks_while_visible(
    qtbot: QtBot, locked: LockScreen, clock: StepClock
) -> None:
    assert locked.clock.text() == "2026-11-25 16:56:40", "UTC+8"
    clock.now += timedelta(seconds=1)
    qtbot.waitUntil(lambda: locked.clock.text() == "2026-11-25 16:56:41", timeout=3000)
    locked.hide()
    assert not locked._ticker.isActive(), "no ticking behind a hidden lock screen"
    clock.now += timedelta(hours=1)
    locked.lock("李静")
    assert locked.clock.text() == "2026-11-25 17:56:41", "updated at once when shown again"


def test_incidents_waiting(locked: LockScreen) -> None:
    assert locked.waiting.text() == "No incidents waiting"
    locked.set_waiting(3)
    assert locked.waiting.text() == "3 incidents waiting"
    assert locked.waiting.font().bold()
    locked.set_waiting(1)
    assert locked.waiting.text() == "1 incident waiting"
    locked.set_waiting(0)
    assert locked.waiting.text() == "No incidents waiting"
    assert not locked.waiting.font().bold()
    locked.set_waiting(None)
    assert locked.waiting.text() == "No incidents waiting"


def test_texts_are_plain_and_survive_retranslation(locked: LockScreen) -> None:
    locked.lock("<b>李静</b>")
    locked.set_waiting(2)
    for label in (locked.title, locked.who, locked.clock, locked.waiting, locked.error):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert locked.who.text() == "Signed in: <b>李静</b>"
    QCoreApplication.sendEvent(locked, _language_change())
    assert locked.waiting.text() == "2 incidents waiting", "the count is kept on a language change"


def test_nothing_is_clipped(qtbot: QtBot, locked: LockScreen) -> None:
    locked.set_waiting(12)
    locked.show_error(
        "This account is locked until 2026-11-25 17:10 after repeated wrong passwords."
    )
    qtbot.wait(0)
    for label in (locked.title, locked.who, locked.clock, locked.waiting):
        assert label.width() >= label.sizeHint().width(), label.objectName()
        assert label.height() >= label.sizeHint().height(), label.objectName()
    # The wrapped error's height settles on a later layout pass on a busy machine.
    qtbot.waitUntil(
        lambda: locked.error.height() >= locked.error.heightForWidth(locked.error.width()),
        timeout=2_000,
    )
    assert locked.password.width() >= 200


def _language_change() -> QEvent:
    return QEvent(QEvent.Type.LanguageChange)
