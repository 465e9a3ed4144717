"""The bridge routes events by type to GUI-thread handlers; failures are reported, not lost."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from console.bridge import EventBridge
from core.events import ChangesAvailable, DatabaseHealth, UnhandledError
from core.timefmt import utcnow

CHANGES = ChangesAvailable(last_id=9, tables=frozenset({"incident"}))
HEALTH = DatabaseHealth(False, "server closed the connection", utcnow())


def from_worker_thread(fn: Any, *args: object) -> None:
    t = threading.Thread(target=fn, args=args, name="db-changes")
    t.start()
    t.join()


class Recorder:
    """Bound-method handlers that note what they got and on which thread."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, object, bool]] = []

    def _note(self, who: str, event: object) -> None:
        self.seen.append((who, event, threading.current_thread() is threading.main_thread()))

    def on_changes_first(self, event: ChangesAvailable) -> None:
        self._note("first", event)

    def on_changes_second(self, event: ChangesAvailable) -> None:
        self._note("second", event)

    def on_health(self, event: DatabaseHealth) -> None:
        self._note("health", event)

    def on_unhandled(self, event: UnhandledError) -> None:
        self._note("unhandled", event)

    def broken(self, event: object) -> None:
        raise RuntimeError("widget gone")


def test_events_reach_every_handler_of_their_type_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = EventBridge()
    rec = Recorder()
    bridge.subscribe(ChangesAvailable, rec.on_changes_first)
    bridge.subscribe(ChangesAvailable, rec.on_changes_second)
    bridge.subscribe(DatabaseHealth, rec.on_health)

    from_worker_thread(bridge.publish, CHANGES)
    from_worker_thread(bridge.publish, HEALTH)

    qtbot.waitUntil(lambda: len(rec.seen) == 3)
    assert rec.seen == [
        ("first", CHANGES, True),
        ("second", CHANGES, True),
        ("health", HEALTH, True),
    ]


def test_a_failing_handler_is_reported_and_the_others_still_run(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    bridge = EventBridge()
    rec = Recorder()
    bridge.subscribe(ChangesAvailable, rec.broken)
    bridge.subscribe(ChangesAvailable, rec.on_changes_second)
    bridge.subscribe(UnhandledError, rec.on_unhandled)

    bridge.publish(CHANGES)

    qtbot.waitUntil(lambda: len(rec.seen) == 2)
    assert rec.seen[0] == ("second", CHANGES, True)
    who, err, _ = rec.seen[1]
    assert who == "unhandled"
    assert isinstance(err, UnhandledError)
    assert err.where == "handler Recorder.broken of ChangesAvailable"
    assert err.message == "RuntimeError: widget gone"
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info is not None, "the traceback is in the log"


def test_a_failing_error_handler_is_logged_without_a_loop(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    bridge = EventBridge()
    rec = Recorder()
    bridge.subscribe(UnhandledError, rec.broken)
    bridge.subscribe(UnhandledError, rec.on_unhandled)
    bridge.publish(UnhandledError("main", "ValueError: x", utcnow()))
    qtbot.waitUntil(lambda: len(rec.seen) == 1)
    for _ in range(3):
        QCoreApplication.processEvents()
    assert len(rec.seen) == 1
    assert caplog.text.count("handler Recorder.broken of UnhandledError failed") == 1


def test_a_failing_gui_callback_is_reported(qtbot: QtBot) -> None:
    bridge = EventBridge()
    rec = Recorder()
    bridge.subscribe(UnhandledError, rec.on_unhandled)
    from_worker_thread(bridge.deliver, rec.broken, 1, "snapshot")
    qtbot.waitUntil(lambda: len(rec.seen) == 1)
    _, err, on_main = rec.seen[0]
    assert isinstance(err, UnhandledError)
    assert err.where == "GUI callback snapshot"
    assert on_main


def test_an_event_nobody_subscribed_to_is_dropped_at_debug_level(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    bridge = EventBridge()
    with caplog.at_level(logging.DEBUG, logger="console.bridge"):
        bridge.publish("not an event")
        qtbot.waitUntil(lambda: "no subscriber for str; dropped" in caplog.text)
    assert not [r for r in caplog.records if r.levelno > logging.DEBUG]


def test_after_close_queued_events_and_deliveries_are_dropped(qtbot: QtBot) -> None:
    bridge = EventBridge()
    rec = Recorder()
    bridge.subscribe(ChangesAvailable, rec.on_changes_first)
    from_worker_thread(bridge.publish, CHANGES)  # queued, not yet run
    from_worker_thread(bridge.deliver, rec.on_health, HEALTH)

    bridge.close()
    QCoreApplication.processEvents()
    bridge.publish(CHANGES)
    bridge.deliver(rec.on_health, HEALTH)
    QCoreApplication.processEvents()

    assert bridge.closed
    assert rec.seen == []


def test_unsubscribed_handlers_are_not_called(qtbot: QtBot) -> None:
    bridge = EventBridge()
    rec = Recorder()
    bridge.subscribe(ChangesAvailable, rec.on_changes_first)
    bridge.subscribe(ChangesAvailable, rec.on_changes_second)
    bridge.unsubscribe(ChangesAvailable, rec.on_changes_first)
    bridge.unsubscribe(DatabaseHealth, rec.on_health)  # never subscribed: ignored
    bridge.publish(CHANGES)
    qtbot.waitUntil(lambda: len(rec.seen) == 1)
    assert rec.seen[0][0] == "second"


def test_publish_from_the_gui_thread_is_queued_too(qtbot: QtBot) -> None:
    bridge = EventBridge()
    rec = Recorder()
    bridge.subscribe(ChangesAvailable, rec.on_changes_first)
    bridge.publish(CHANGES)
    assert rec.seen == [], "no handler runs inside publish()"
    qtbot.waitUntil(lambda: len(rec.seen) == 1)
