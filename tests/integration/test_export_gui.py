"""Exporting the incident list from the queue pane: a dialog, a reason, a file off the GUI."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.csvexport import CsvEncoding, read_back
from core.model import Priority
from tests.helpers.consoles import SeededSite, audit_actions, incidents_of, sign_in


def test_a_supervisor_exports_the_queue_with_a_reason(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, tmp_path: Path
) -> None:
    seeded.services.incidents.create(
        seeded.principal("operator"),
        title="=cmd|' /C calc'!A0",
        priority=Priority.P2,
        community="C01",
    )
    seeded.services.incidents.create(
        seeded.principal("operator"), title="独居老人未出门", priority=Priority.P1, community="C02"
    )
    sign_in(qtbot, console, seeded, "supervisor")
    p = incidents_of(console)
    qtbot.waitUntil(lambda: p.queue.model.rowCount() == 2)
    action = console.window.action("export_incidents")
    assert action.isEnabled()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+E")
    action.trigger()
    dlg = p.export_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason yet
    out = tmp_path / "queue.csv"
    dlg.path.setText(str(out))
    dlg.encoding.setCurrentIndex(dlg.encoding.findData(CsvEncoding.GBK.value))
    qtbot.keyClicks(dlg.reason, "ab")  # QTest types ASCII only
    assert not ok.isEnabled()  # too short
    dlg.reason.setText("交班核对")
    assert ok.isEnabled()
    dlg.grab().save(str(tmp_path / "export-dialog.png"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and p.export_dialog is None)
    assert console.wait_idle()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = read_back(out.read_bytes(), CsvEncoding.GBK)
    assert sorted(r[7] for r in rows[1:-1]) == ["'=cmd|' /C calc'!A0", "独居老人未出门"]
    assert rows[-1][0].startswith("# exported by supervisor at ")
    assert rows[-1][0].endswith("for: 交班核对")
    assert audit_actions(seeded.db, "supervisor")["data_exported"] == 1
    # The next export suggests the folder this one went to, not the console's working folder.
    p.ask_export()
    again = p.export_dialog
    assert again is not None
    assert Path(again.path.text()).parent == tmp_path
    again.reject()


def test_an_operator_cannot_export(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, tmp_path: Path
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    assert not console.window.action("export_incidents").isEnabled()
    # Reached some other way all the same, the export itself refuses, and says so in the log.
    p = incidents_of(console)
    p.ask_export()
    dlg = p.export_dialog
    assert dlg is not None
    out = tmp_path / "no.csv"
    dlg.path.setText(str(out))
    dlg.reason.setText("just curious")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: audit_actions(seeded.db, "operator")["export_refused"] == 1)
    assert console.wait_idle()
    assert not out.exists()
