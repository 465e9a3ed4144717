"""The database lost while the incident window saves: what was typed stays and is saved after.

The choice (docs/DECISIONS.md): no hidden automatic retry; the window keeps the note and the
edit form keeps its fields with a clear reason, and pressing the button again saves them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp, ConsoleOptions
from console.startup import local_services
from core.incidents import IncidentState
from core.model import Priority
from core.site import SiteSpec
from data.db import DbOptions
from data.migrate import open_database
from data.seeding import seed_site
from tests.helpers.consoles import incidents_of
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


def test_a_note_and_an_edit_typed_during_an_outage_are_kept_and_saved_after(
    qtbot: QtBot, qapp: QApplication, own_server: PgServer, demo_site: SiteSpec, tmp_path: Path
) -> None:
    db = open_database(own_server.create_database("site"), opts=DbOptions(connect_timeout_s=2))
    seed_site(db, demo_site, local_services(db, "CC"), population=0)
    opts = ConsoleOptions(
        config_dir=tmp_path,
        confirm_quit=False,
        idle_lock_minutes=0,
        poll_interval=0.2,
        language="en",
    )
    app = ConsoleApp(qapp, db, opts, hasher=fast_hasher())
    try:
        app.session.enter(app.services.signin.principal("operator"))
        w, p = app.window, incidents_of(app)
        p.create_incident(NewIncident("Water leak", Priority.P3, "C01", "Block 4", ""))
        qtbot.waitUntil(lambda: p.queue.model.rowCount() == 1, timeout=20_000)
        iid = p.queue.model.row_at(0).id
        p.open_incident(iid)
        qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.isVisible())
        window = p.detail_dialog
        assert window is not None
        qtbot.waitUntil(window.edit_controls.edit.isEnabled)

        own_server.pause()
        qtbot.waitUntil(lambda: w.st_db.objectName() == "statusDbBad", timeout=20_000)

        window.note.setText("Plumber on the way")
        window.buttons[IncidentState.ACKNOWLEDGED].click()
        qtbot.waitUntil(lambda: "Everything typed is kept" in window.error.text(), timeout=20_000)
        assert window.note.text() == "Plumber on the way"
        assert window.buttons[IncidentState.ACKNOWLEDGED].isEnabled(), "ready to press again"

        window.edit_controls.edit.click()
        form = p.editing.edit_dialog
        assert form is not None
        form.location.setText("Block 4, basement")
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Everything typed is kept" in form.error.text(), timeout=20_000)
        assert form.isVisible()
        assert form.location.text() == "Block 4, basement"

        own_server.resume()
        qtbot.waitUntil(lambda: w.st_db.objectName() == "statusDb", timeout=30_000)

        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)  # the operator saves again
        qtbot.waitUntil(lambda: p.editing.edit_dialog is None, timeout=20_000)
        qtbot.waitUntil(lambda: window.location.text() == "Block 4, basement", timeout=20_000)
        assert window.note.text() == "Plumber on the way", "a refresh keeps the note"
        window.buttons[IncidentState.ACKNOWLEDGED].click()
        qtbot.waitUntil(lambda: window.state.text() == "Acknowledged", timeout=20_000)
        detail = app.services.incidents.incident_detail(
            app.services.signin.principal("operator"), iid
        )
        assert detail.row.location == "Block 4, basement"
        assert detail.events[-1].note == "Plumber on the way"
        assert detail.row.version == 3
    finally:
        app.shutdown()
        app.translations.switch("en")
        app.window.allow_close()
        app.window.close()
        app.window.deleteLater()
