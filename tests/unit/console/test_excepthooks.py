"""Unhandled exceptions of any thread reach the log and the notification area's sink."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from console import excepthooks
from core.events import UnhandledError

LOG = logging.getLogger("tests.excepthooks")


class Sink:
    def __init__(self) -> None:
        self.events: list[object] = []

    def publish(self, event: object) -> None:
        self.events.append(event)


@pytest.fixture
def sink() -> Iterator[Sink]:
    s = Sink()
    excepthooks.install(s, LOG)
    try:
        yield s
    finally:
        excepthooks.uninstall()


def test_an_exception_that_ends_a_thread_is_logged_and_published(
    sink: Sink, caplog: pytest.LogCaptureFixture
) -> None:
    def run() -> None:
        raise OSError("serial port vanished")

    t = threading.Thread(target=run, name="serial:/dev/ttyUSB0")
    t.start()
    t.join()

    [event] = sink.events
    assert isinstance(event, UnhandledError)
    assert event.where == "thread serial:/dev/ttyUSB0"
    assert event.message == "OSError: serial port vanished"
    [record] = caplog.records
    assert record.name == "tests.excepthooks"
    assert record.levelno == logging.CRITICAL
    assert record.exc_info is not None
    assert record.exc_info[0] is OSError


def test_a_main_thread_exception_is_logged_and_published(
    sink: Sink, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise ValueError("bad row")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    [event] = sink.events
    assert isinstance(event, UnhandledError)
    assert event.where == "MainThread"
    assert event.message == "ValueError: bad row"
    assert "unhandled exception in MainThread: ValueError: bad row" in caplog.text


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_qt_slot_reaches_the_hook(qtbot: QtBot, sink: Sink) -> None:
    def slot() -> None:
        raise KeyError("incident 7")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: len(sink.events) == 1)
    [event] = sink.events
    assert isinstance(event, UnhandledError)
    assert event.message == "KeyError: 'incident 7'"


def test_keyboard_interrupt_and_thread_exit_are_not_reported(sink: Sink) -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

    def leave() -> None:
        raise SystemExit

    t = threading.Thread(target=leave)
    t.start()
    t.join()
    assert sink.events == []


def test_a_failing_sink_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        def publish(self, event: object) -> None:
            raise RuntimeError("bridge deleted")

    excepthooks.install(Broken(), LOG)
    try:
        t = threading.Thread(target=lambda: 1 / 0, name="decode:cam07")
        t.start()
        t.join()
    finally:
        excepthooks.uninstall()
    assert "could not report the unhandled exception in thread decode:cam07" in caplog.text


def test_uninstall_puts_the_previous_hooks_back() -> None:
    before = (sys.excepthook, threading.excepthook)
    excepthooks.install(Sink(), LOG)
    excepthooks.install(Sink(), LOG)  # again: still restores the originals
    assert (sys.excepthook, threading.excepthook) != before
    assert excepthooks.installed() is not None
    excepthooks.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    assert excepthooks.installed() is None
    excepthooks.uninstall()  # idempotent
    assert (sys.excepthook, threading.excepthook) == before
