"""IdleWatcher: idle after a stretch without input, never while input keeps coming."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from console.idle import IdleWatcher


@pytest.fixture
def watcher(qapp: QApplication) -> Iterator[IdleWatcher]:
    w = IdleWatcher(150)
    yield w
    w.stop()


def test_idle_is_signalled_without_input(qtbot: QtBot, watcher: IdleWatcher) -> None:
    assert not watcher.running
    with qtbot.waitSignal(watcher.sig_idle, timeout=5000):
        watcher.start()
        assert watcher.running
    assert not watcher.running, "one signal per start; the controller restarts after unlock"


def test_no_idle_while_the_mouse_moves(qtbot: QtBot, watcher: IdleWatcher) -> None:
    target = QWidget()
    qtbot.addWidget(target)
    target.resize(200, 200)
    target.show()
    qtbot.waitExposed(target)
    moves = 0
    idle_during_moves: list[int] = []
    watcher.sig_idle.connect(lambda: idle_during_moves.append(moves))

    def move() -> None:
        nonlocal moves
        moves += 1
        # Alternate positions: Qt drops a move to where the cursor already is.
        qtbot.mouseMove(target, QPoint(50 + moves % 2 * 20, 60))
        if moves == 60:
            mover.stop()

    mover = QTimer()
    mover.setInterval(10)
    mover.timeout.connect(move)
    watcher.start()
    mover.start()
    qtbot.waitUntil(lambda: moves >= 60, timeout=10_000)  # ~4 idle periods of movement

    assert idle_during_moves == []
    with qtbot.waitSignal(watcher.sig_idle, timeout=5000):
        pass  # once the mouse rests, idle comes
    assert idle_during_moves == [60]


def test_keys_count_as_input(qtbot: QtBot, watcher: IdleWatcher) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    typed = 0
    idle: list[int] = []
    watcher.sig_idle.connect(lambda: idle.append(typed))

    def type_one() -> None:
        nonlocal typed
        typed += 1
        qtbot.keyClick(edit, Qt.Key.Key_A)
        if typed == 40:
            typer.stop()

    typer = QTimer()
    typer.setInterval(10)
    typer.timeout.connect(type_one)
    watcher.start()
    typer.start()
    qtbot.waitUntil(lambda: typed >= 40, timeout=10_000)
    assert idle == []
    assert edit.text() == "a" * 40


def test_zero_disables_the_lock(qtbot: QtBot, watcher: IdleWatcher) -> None:
    watcher.set_timeout(0)
    with qtbot.assertNotEmitted(watcher.sig_idle, wait=300):
        watcher.start()
    assert not watcher.running


def test_stop_prevents_the_signal(qtbot: QtBot, watcher: IdleWatcher) -> None:
    with qtbot.assertNotEmitted(watcher.sig_idle, wait=300):
        watcher.start()
        watcher.stop()


def test_no_filter_is_installed_while_stopped_or_off(qtbot: QtBot, watcher: IdleWatcher) -> None:
    seen: list[int] = []
    original = watcher.eventFilter

    def counting(watched: object, event: object) -> bool:
        seen.append(1)
        return original(watched, event)  # type: ignore[arg-type]

    watcher.eventFilter = counting  # type: ignore[method-assign]
    target = QLineEdit()
    qtbot.addWidget(target)
    target.show()
    qtbot.waitExposed(target)
    qtbot.keyClick(target, Qt.Key.Key_A)
    assert seen == [], "stopped: the application's events do not pass through the watcher"
    watcher.set_timeout(0)
    watcher.start()
    qtbot.keyClick(target, Qt.Key.Key_B)
    assert seen == [], "the lock off: no filter either"
    watcher.set_timeout(10_000)
    watcher.start()
    qtbot.keyClick(target, Qt.Key.Key_C)
    qtbot.keyClick(target, Qt.Key.Key_D)
    # The first key of the period is seen; the filter is off until the period ends.
    assert 1 <= len(seen) <= 3
    before = len(seen)
    for _ in range(20):
        qtbot.keyClick(target, Qt.Key.Key_E)
    assert len(seen) == before
