"""A PostgreSQL outage while the console runs: said clearly, nothing typed is lost, it recovers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp, ConsoleOptions
from console.startup import local_services
from core.model import Priority
from core.site import SiteSpec
from data.db import DbOptions
from data.migrate import open_database
from data.seeding import seed_site
from tests.helpers.consoles import DEVICES_IN_DEMO_SITE
from tests.helpers.fakes import fast_hasher
from tests.helpers.postgres import PgServer, start_postgres
from widgets.incident_dialog import NewIncident

pytestmark = pytest.mark.postgres


@pytest.fixture
def own_server() -> Iterator[PgServer]:
    """A server of this test's own: stopping it must not disturb the session's server."""
    srv = start_postgres()
    yield srv
    srv.stop()


def test_outage_is_reported_the_entry_kept_and_the_console_recovers(
    qtbot: QtBot, qapp: QApplication, own_server: PgServer, demo_site: SiteSpec, tmp_path: Path
) -> None:
    db = open_database(own_server.create_database("site"), opts=DbOptions(connect_timeout_s=2))
    seed_site(db, demo_site, local_services(db, "CC"), population=0)
    opts = ConsoleOptions(
        config_dir=tmp_path, confirm_quit=False, idle_lock_minutes=0, poll_interval=0.2
    )
    app = ConsoleApp(qapp, db, opts, hasher=fast_hasher())
    try:
        app.session.enter(app.services.signin.principal("operator"))
        w = app.window
        devices = app.presenter("devices").pane
        incidents = app.presenter("incidents")
        notes = app.presenter("notifications").pane
        qtbot.waitUntil(lambda: devices.model.rowCount() == DEVICES_IN_DEMO_SITE)
        assert "已连接" in w.st_db.text()

        own_server.pause()
        qtbot.waitUntil(lambda: "无法连接" in w.st_db.text(), timeout=20_000)
        assert w.st_db.objectName() == "statusDbBad"
        assert any("无法连接数据库" in t for t in notes.texts())
        assert devices.model.rowCount() == DEVICES_IN_DEMO_SITE, "the panes keep what they had"

        # An incident typed during the outage is not lost: the entry comes back with the reason.
        incidents.create_incident(
            NewIncident("小区停电", Priority.P2, "C01", "咸阳北里", "电梯困人")
        )
        qtbot.waitUntil(
            lambda: incidents.entry_dialog is not None and incidents.entry_dialog.isVisible(),
            timeout=20_000,
        )
        dlg = incidents.entry_dialog
        assert dlg is not None
        assert (dlg.title.text(), dlg.description.toPlainText()) == ("小区停电", "电梯困人")
        assert "无法创建事件" in dlg.error.text()

        own_server.resume()
        qtbot.waitUntil(lambda: "已连接" in w.st_db.text(), timeout=30_000)
        assert any("数据库连接已恢复" in t for t in notes.texts())

        dlg._on_accept_clicked()  # the operator presses OK again
        qtbot.waitUntil(lambda: incidents.queue.model.rowCount() == 1, timeout=20_000)
        assert incidents.queue.model.row_at(0).title == "小区停电"
    finally:
        app.shutdown()
        app.translations.switch("en")
        app.window.allow_close()
        app.window.close()
        app.window.deleteLater()
