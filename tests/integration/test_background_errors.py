"""Errors of background threads reach the operator: notifications, badge, database state."""

# The fixtures imported from tests.helpers.console_fixtures are parameters of the tests below.
# ruff: noqa: F811

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.feed import ChangeFeedWatcher
from console.threads import Worker
from core.events import DatabaseHealth
from core.timefmt import utcnow
from data.db import Database, DbOptions
from tests.helpers.console_fixtures import (  # noqa: F401
    MakeConsole,
    SeededSite,
    console,
    make_console,
    seeded,
    sign_in,
)

UNREACHABLE = "postgresql+psycopg://u:p@127.0.0.1:1/x"  # nothing listens on port 1


class BrokenGateway(Worker):
    """A device gateway whose serial port has gone away."""

    def step(self) -> None:
        raise OSError("serial port /dev/ttyUSB0 vanished")


class FlakyGateway(Worker):
    """Fails once, then works."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.steps = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps == 1:
            raise TimeoutError("no answer from the panel")


@pytest.fixture
def english_console(qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite) -> ConsoleApp:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "admin")
    return app


def test_a_failing_worker_is_notified_once_with_its_name(
    qtbot: QtBot, english_console: ConsoleApp
) -> None:
    app = english_console
    w = app.window
    assert not w.st_notes.isVisible()
    worker = BrokenGateway("gateway-C01", app.bridge, interval=0.02, max_backoff=0.05)

    app.owner.add_worker(worker)

    notes = w.notifications
    qtbot.waitUntil(lambda: any("gateway-C01" in t for t in notes.texts()))
    text = next(t for t in notes.texts() if "gateway-C01" in t)
    assert text.endswith("gateway-C01: serial port /dev/ttyUSB0 vanished")
    assert w.st_notes.isVisible(), "the unread badge shows"
    assert w.st_notes.text() == f"{notes.unread} new"

    qtbot.waitUntil(lambda: worker.failures >= 3)  # it keeps retrying …
    assert sum("gateway-C01" in t for t in notes.texts()) == 1  # … without flooding

    qtbot.mouseClick(w.st_notes, Qt.MouseButton.LeftButton)
    assert notes.unread == 0
    assert not w.st_notes.isVisible()
    assert w.panes["notifications"].dock.isVisible()


def test_a_worker_recovers_after_an_error(qtbot: QtBot, english_console: ConsoleApp) -> None:
    app = english_console
    worker = FlakyGateway("panel-link", app.bridge, interval=0.02, max_backoff=0.05)
    app.owner.add_worker(worker)
    qtbot.waitUntil(lambda: worker.steps >= 3)
    assert worker.failures == 0
    assert worker.alive
    assert any(
        t.endswith("panel-link: no answer from the panel") for t in app.window.notifications.texts()
    )


def test_unreachable_database_is_shown(qtbot: QtBot, english_console: ConsoleApp) -> None:
    app = english_console
    w = app.window
    assert w.st_db.text() == "Database: SQLite · console.db (connected)"
    assert w.st_db.objectName() == "statusDb"
    down = Database(UNREACHABLE, DbOptions(connect_timeout_s=1))
    app.owner.add_closer("unreachable database", down.dispose)

    app.owner.add_worker(ChangeFeedWatcher(down, app.bridge, interval=0.05))

    qtbot.waitUntil(lambda: "NOT REACHABLE" in w.st_db.text())
    assert w.st_db.objectName() == "statusDbBad"
    assert "cannot be reached" in w.st_db.toolTip()
    texts = w.notifications.texts()
    assert any("Database not reachable: The database cannot be reached" in t for t in texts)
    assert w.st_notes.isVisible()


def test_database_back_is_shown_and_refreshes(qtbot: QtBot, english_console: ConsoleApp) -> None:
    app = english_console
    w = app.window

    def publish(ok: bool, detail: str) -> None:
        # From a worker thread, as the change feed does.
        t = threading.Thread(
            target=app.bridge.publish, args=(DatabaseHealth(ok, detail, utcnow()),)
        )
        t.start()
        t.join()

    publish(False, "server closed the connection")
    qtbot.waitUntil(lambda: w.st_db.objectName() == "statusDbBad")
    assert w.st_db.text() == "Database: SQLite · console.db (NOT REACHABLE)"

    with qtbot.waitSignal(w.devices.model.modelReset):  # the panes are reloaded
        publish(True, "")
    assert w.st_db.text() == "Database: SQLite · console.db (connected)"
    assert w.st_db.objectName() == "statusDb"
    assert w.notifications.texts()[0].endswith("Database connection restored.")
