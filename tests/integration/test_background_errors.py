"""Errors of background threads reach the operator: notifications, badge, database state."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.crash_log import PreviousCrash
from console.gui import tell_previous_crash
from console.threads import Worker
from core.events import DatabaseHealth
from core.model import DeviceState
from core.timefmt import utcnow
from data.db import Database, DbOptions
from data.feed import ChangeFeedWatcher
from data.models import Device
from tests.helpers.consoles import (
    DEVICES_IN_DEMO_SITE,
    MakeConsole,
    SeededSite,
    devices_of,
    notifications_of,
    sign_in,
)
from widgets.notifications import Level

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
    badge, notes = notifications_of(app).badge, notifications_of(app).pane
    assert not badge.isVisible()
    worker = BrokenGateway("gateway-C01", app.bridge, interval=0.02, max_backoff=0.05)

    app.owner.add_worker(worker)

    qtbot.waitUntil(lambda: any("gateway-C01" in t for t in notes.texts()))
    text = next(t for t in notes.texts() if "gateway-C01" in t)
    assert text.endswith("gateway-C01: serial port /dev/ttyUSB0 vanished")
    assert badge.isVisible(), "the unread badge shows"
    assert badge.text() == f"{notes.unread} new"

    qtbot.waitUntil(lambda: worker.failures >= 3)  # it keeps retrying …
    assert sum("gateway-C01" in t for t in notes.texts()) == 1  # … without flooding

    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    assert notes.unread == 0
    assert not badge.isVisible()
    assert w.panes["notifications"].dock.isVisible()


def test_a_worker_recovers_after_an_error(qtbot: QtBot, english_console: ConsoleApp) -> None:
    app = english_console
    worker = FlakyGateway("panel-link", app.bridge, interval=0.02, max_backoff=0.05)
    app.owner.add_worker(worker)
    qtbot.waitUntil(lambda: worker.steps >= 3)
    assert worker.failures == 0
    assert worker.alive
    texts = notifications_of(app).pane.texts()
    assert any(t.endswith("panel-link: no answer from the panel") for t in texts)


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
    texts = notifications_of(app).pane.texts()
    assert any("Database not reachable: The database cannot be reached" in t for t in texts)
    assert notifications_of(app).badge.isVisible()


def test_database_back_is_shown_and_refreshes(
    qtbot: QtBot, english_console: ConsoleApp, seeded: SeededSite
) -> None:
    app = english_console
    w = app.window
    devices = devices_of(app)

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
    # Meanwhile a device went offline; its change notice was missed with the outage.
    first = devices.pane.rows()[0]
    with seeded.db.write_session() as s:
        s.get_one(Device, first.id).state = DeviceState.OFFLINE.value

    with qtbot.waitSignal(devices.pane.model.dataChanged):  # the panes are reloaded
        publish(True, "")
    shown = devices.pane.model.row_for(first.id)
    assert shown is not None
    assert shown.state is DeviceState.OFFLINE
    n = DEVICES_IN_DEMO_SITE - 1
    assert devices.counts_label.text() == f"Devices: 0 online / 1 offline / {n} never seen"
    assert w.st_db.text() == "Database: SQLite · console.db (connected)"
    assert w.st_db.objectName() == "statusDb"
    assert notifications_of(app).pane.texts()[0].endswith("Database connection restored.")


def test_a_crash_of_the_last_run_is_told_at_the_next_start(
    qtbot: QtBot, english_console: ConsoleApp, tmp_path: Path
) -> None:
    # It vanished with nothing in the log: the next start says so, and where the stacks are.
    crash = PreviousCrash(datetime(2026, 12, 2, 2, 1, tzinfo=UTC), tmp_path / "crash.log")
    tell_previous_crash(english_console, crash)
    texts = notifications_of(english_console).pane.texts()
    assert any(
        "The console started at 2026-12-02 10:01:00 stopped unexpectedly" in t
        and str(tmp_path / "crash.log") in t
        for t in texts
    )


def test_the_next_user_does_not_inherit_the_last_ones_notifications(
    qtbot: QtBot, english_console: ConsoleApp, seeded: SeededSite
) -> None:
    app = english_console
    notes = notifications_of(app)
    notes.notify(Level.WARNING, "SLA breach: #12 独居老人张某某未出门")
    assert notes.pane.texts()
    app.session.sign_out()
    assert notes.pane.texts() == []
    assert notes.pane.unread == 0
    sign_in(qtbot, app, seeded, "operator")
    assert not any("张某某" in t for t in notes.pane.texts())
