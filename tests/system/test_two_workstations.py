"""Two workstations on one database: what one changes, the other's queue shows by itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp, ConsoleOptions
from console.startup import local_services
from core.incidents import IncidentState
from core.model import Priority
from core.site import SiteSpec
from data.db import Database
from data.migrate import open_database
from data.seeding import seed_site
from tests.helpers.fakes import fast_hasher
from tests.helpers.postgres import as_owner
from widgets.incident_dialog import NewIncident


@pytest.fixture
def pair(
    qapp: QApplication, db: Database, demo_site: SiteSpec, tmp_path: Path
) -> Iterator[tuple[ConsoleApp, ConsoleApp]]:
    """The control centre and community workstation WS01, each with its own engine."""
    with as_owner(db) as owner:  # seeding is the owner's; the consoles run as the workstation
        seed_site(owner, demo_site, local_services(owner, "CC"), population=0)
    apps = []
    for code in ("CC", "WS01"):
        opts = ConsoleOptions(
            workstation=code,
            config_dir=tmp_path / code,
            confirm_quit=False,
            idle_lock_minutes=0,
            poll_interval=0.1,
        )
        apps.append(ConsoleApp(qapp, open_database(db.url), opts, hasher=fast_hasher()))
    centre, station = apps
    centre.session.enter(centre.services.signin.principal("operator"))
    station.session.enter(station.services.signin.principal("ws01"))
    yield centre, station
    for app in apps:
        app.shutdown()
        app.translations.switch("en")
        app.window.allow_close()
        app.window.close()
        app.window.deleteLater()


def test_an_incident_reaches_the_other_workstation(
    qtbot: QtBot, pair: tuple[ConsoleApp, ConsoleApp]
) -> None:
    centre, station = pair
    centre.presenter("incidents").create_incident(
        NewIncident("独居老人求助", Priority.P1, "C01", "咸阳北里 3号楼", "")
    )
    centre.presenter("incidents").create_incident(
        NewIncident("井盖缺失", Priority.P3, "C02", "", "")
    )

    # The station sees only its own community's item, without anyone pressing refresh.
    q = station.presenter("incidents").queue.model
    qtbot.waitUntil(lambda: q.rowCount() == 1, timeout=10_000)
    assert q.row_at(0).title == "独居老人求助"
    assert q.row_at(0).claimed_by is None

    # The station acknowledges it; the centre's queue shows who handles it.
    station.services.incidents.transition(
        station.session.principal, q.row_at(0).id, IncidentState.ACKNOWLEDGED
    )
    cq = centre.presenter("incidents").queue.model
    qtbot.waitUntil(
        lambda: cq.rowCount() == 2 and cq.row_at(0).claimed_by is not None, timeout=10_000
    )
    assert cq.row_at(0).claimed_by == "刘芳"
    assert cq.row_at(0).state is IncidentState.ACKNOWLEDGED
