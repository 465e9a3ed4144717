"""Tools → This PC's setup: administrators only; the change is audited and applies at next start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.presenters.setup import SetupPresenter
from console.station_setup import SetupStore
from core.audit import AuditAction
from core.permissions import PermissionDenied
from core.site import SiteSpec
from core.station_setup import DbKind, DbTarget, PcRole, StationSetup
from tests.helpers.consoles import MakeConsole, SeededSite, audit_actions, audit_details, sign_in

WAIT_MS = 15_000


def _presenter(app: object) -> SetupPresenter:
    p = app.presenter("setup")  # type: ignore[attr-defined]
    assert isinstance(p, SetupPresenter)
    return p


def _workstation(store: SetupStore) -> str:
    setup = store.load()
    return setup.workstation if setup is not None else ""


def test_only_an_administrator_sees_and_uses_the_setup(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    app = make_console(site=demo_site, language="en")
    app.start()
    action = app.window.action("pc_setup")
    assert not action.isVisible()
    sign_in(qtbot, app, seeded, "supervisor")
    assert not action.isVisible()
    assert not action.isEnabled()
    _presenter(app).open_setup()  # asked directly: nothing opens
    assert _presenter(app).dialog is None
    app.session.sign_out()
    assert not action.isVisible()
    sign_in(qtbot, app, seeded, "admin")
    assert action.isVisible()
    assert action.isEnabled()


def test_the_service_refuses_a_non_administrator_and_audits_it(seeded: SeededSite) -> None:
    who = seeded.principal("supervisor")
    with pytest.raises(PermissionDenied):
        seeded.services.audit.record_admin(who, AuditAction.PC_SETUP_CHANGED, "workstation:CC")
    assert audit_actions(seeded.db, "supervisor")["permission_denied"] == 1
    assert audit_actions(seeded.db)["pc_setup_changed"] == 0


def test_an_administrators_change_is_audited_then_saved_prefilled_next_time(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec, tmp_path: Path
) -> None:
    config = tmp_path / "pc-config"
    store = SetupStore(config, keyring=None)
    store.save(StationSetup(PcRole.CONTROL_ROOM, "CC", DbTarget(DbKind.EMBEDDED, "/x/a.db")))
    app = make_console(site=demo_site, language="en", config_dir=config)
    app.start()
    sign_in(qtbot, app, seeded, "admin")
    app.window.action("pc_setup").trigger()
    dlg = _presenter(app).dialog
    assert dlg is not None
    assert dlg.isVisible()
    assert dlg.path.text() == "/x/a.db"  # filled with what is saved
    assert "next start" in dlg.intro.text()
    qtbot.mouseClick(dlg.role_station, Qt.MouseButton.LeftButton)
    dlg.workstation.setCurrentIndex(dlg.workstation.findData("WS05"))
    dlg.path.setText(str(tmp_path / "station.db"))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: audit_actions(seeded.db)["pc_setup_changed"] == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _workstation(store) == "WS05", timeout=WAIT_MS)
    saved = store.load()
    assert saved is not None
    assert saved.role is PcRole.STATION
    assert saved.database.path == str(tmp_path / "station.db")
    detail = json.loads(audit_details(seeded.db, "pc_setup_changed")[0])
    assert detail["workstation"] == "WS05"
    assert detail["role"] == "station"
    assert app.wait_idle()
    assert "next start" in app.window.st_message.text()
