"""The evidence export dialog: what it asks for, what it refuses, and cancel while it runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from widgets.evidence_dialog import EvidenceChoice, EvidenceExportDialog

ZONE = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


def dialog(qtbot: QtBot, tmp_path: Path, *, reason_required: bool = True) -> EvidenceExportDialog:
    dlg = EvidenceExportDialog(
        [("CAM01", "咸阳北路与芥园道交口"), ("CAM02", "光荣道")],
        ["CAM02"],
        START,
        START + timedelta(minutes=10),
        ZONE,
        tmp_path,
        incident="#12 电动车被盗",
        reason_required=reason_required,
    )
    qtbot.addWidget(dlg)
    return dlg


def test_the_choice_comes_back_in_utc_with_the_ticked_cameras(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = dialog(qtbot, tmp_path)
    assert dlg.start.dateTime().toString("yyyy-MM-dd HH:mm:ss") == "2026-11-30 10:00:00"  # local
    dlg.reason.setText("派出所调取")
    got: list[EvidenceChoice] = []
    dlg.sig_export_requested.connect(got.append)
    assert dlg.export_button.isEnabled()
    dlg.export_button.click()
    assert got == [
        EvidenceChoice(("CAM02",), START, START + timedelta(minutes=10), tmp_path, "派出所调取")
    ]


def test_what_blocks_an_export_is_said_on_the_button(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = dialog(qtbot, tmp_path)
    assert dlg.export_button.toolTip() == "Give a reason."
    dlg.reason.setText("调取录像")
    dlg.cameras.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dlg.problem() == "Tick at least one camera."
    dlg.cameras.item(0).setCheckState(Qt.CheckState.Checked)
    dlg.end.setDateTime(dlg.start.dateTime().addSecs(-60))
    assert dlg.problem() == "The end must come after the start."
    dlg.end.setDateTime(dlg.start.dateTime().addDays(2))
    assert dlg.problem() == "Export at most 24 hours at a time."
    dlg.end.setDateTime(dlg.start.dateTime().addSecs(600))
    assert dlg.problem() == ""
    assert dlg.export_button.isEnabled()


def test_a_supervisor_may_leave_the_reason_empty(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = dialog(qtbot, tmp_path, reason_required=False)
    assert dlg.problem() == ""
    assert dlg.reason.placeholderText() == "Optional for a supervisor"


def test_closing_while_it_runs_cancels_instead(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = dialog(qtbot, tmp_path)
    dlg.show()
    cancelled: list[bool] = []
    dlg.sig_cancel_requested.connect(lambda: cancelled.append(True))
    dlg.set_running(True)
    assert not dlg.reason.isEnabled()
    assert dlg.close_button.text() == "Cancel export"
    dlg.reject()  # Esc or the window's close button
    assert cancelled == [True]
    assert dlg.isVisible()  # stays until the export has ended
    dlg.set_progress(50_000_000, 100_000_000)
    assert dlg.progress.value() == 500
    dlg.set_finished(False, "Cancelled: nothing was left.")
    assert dlg.status.text() == "Cancelled: nothing was left."
    assert dlg.close_button.text() == "Close"
    dlg.reject()
    assert not dlg.isVisible()
