"""NewIncidentDialog: a title is required; a failed save comes back pre-filled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from core.model import Priority
from core.views import CommunityRow
from widgets.incident_dialog import NewIncident, NewIncidentDialog

C01 = CommunityRow("C01", "咸阳北里社区", 4200, 0.0, 0.0)
C02 = CommunityRow("C02", "天明园社区", 3100, 1.0, 1.0)


def _ok(dlg: NewIncidentDialog):
    return dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_a_title_is_required(qtbot: QtBot) -> None:
    dlg = NewIncidentDialog([C01, C02])
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.assertNotEmitted(dlg.accepted):
        qtbot.mouseClick(_ok(dlg), Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "Give the incident a title."
    assert dlg.isVisible()


def test_value_of_the_entry(qtbot: QtBot) -> None:
    dlg = NewIncidentDialog([C01, C02])
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.priority.currentData() == int(Priority.P3), "normal priority preselected"
    assert dlg.community.itemData(0) is None, "street-wide first for street-wide users"
    dlg.title.insert(" 井盖缺失 ")
    dlg.priority.setCurrentIndex(dlg.priority.findData(int(Priority.P2)))
    dlg.community.setCurrentIndex(dlg.community.findData("C02"))
    qtbot.keyClicks(dlg.location, "No. 12")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(_ok(dlg), Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.value() == NewIncident("井盖缺失", Priority.P2, "C02", "No. 12", "")


def test_a_station_has_only_its_community(qtbot: QtBot) -> None:
    dlg = NewIncidentDialog([C01])
    qtbot.addWidget(dlg)
    assert dlg.community.count() == 1
    assert dlg.community.currentData() == "C01"


def test_prefill_restores_everything(qtbot: QtBot) -> None:
    draft = NewIncident("坠物", Priority.P1, "C02", "5号楼", "阳台花盆")
    dlg = NewIncidentDialog([C01, C02])
    qtbot.addWidget(dlg)
    dlg.prefill(draft, "Could not create the incident: database is locked")
    assert dlg.value() == draft
    assert dlg.error.text() == "Could not create the incident: database is locked"


def test_ctrl_enter_submits_from_the_description(qtbot: QtBot) -> None:
    """Enter is a new line in the description; Ctrl+Enter submits from anywhere."""
    dlg = NewIncidentDialog([C01, C02])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.title.setText("独居老人求助")
    dlg.description.setFocus()
    dlg.description.insertPlainText("三楼")  # QTest cannot type CJK characters
    qtbot.keyClick(dlg.description, Qt.Key.Key_Return)
    assert dlg.isVisible(), "a plain Enter in the description is a new line"
    with qtbot.waitSignal(dlg.accepted, timeout=2000):
        qtbot.keyClick(dlg.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dlg.value().description == "三楼"


def test_ctrl_enter_still_needs_a_title(qtbot: QtBot) -> None:
    dlg = NewIncidentDialog([C01, C02])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.location.setFocus()
    with qtbot.assertNotEmitted(dlg.accepted):
        qtbot.keyClick(dlg.location, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dlg.error.text() == "Give the incident a title."


def test_titles_are_limited_in_the_form() -> None:
    from core.incidents import TITLE_MAX

    dlg = NewIncidentDialog([C01])
    assert dlg.title.maxLength() == TITLE_MAX


def test_the_type_sets_the_usual_priority_and_caller_is_kept(qtbot: QtBot) -> None:
    from datetime import timedelta

    from core.views import IncidentTypeRow

    fire = IncidentTypeRow(
        "FIRE", "火情", Priority.P1, timedelta(minutes=1), timedelta(hours=1), ("D02",), ("已扑灭",)
    )
    dlg = NewIncidentDialog([C01, C02], types=[fire])
    qtbot.addWidget(dlg)
    dlg.kind.setCurrentIndex(dlg.kind.findData("FIRE"))
    assert dlg.priority.currentData() == int(Priority.P1)
    assert dlg.title.text() == "火情", "an empty title takes the type's name"
    dlg.caller_name.setText("张先生")
    dlg.caller_phone.setText("13800001234")
    v = dlg.value()
    assert (v.type_code, v.caller_name, v.caller_phone) == ("FIRE", "张先生", "13800001234")
    again = NewIncidentDialog([C01, C02], types=[fire])
    qtbot.addWidget(again)
    again.prefill(replace_priority(v, Priority.P2))
    assert again.value() == replace_priority(v, Priority.P2), "a failed save comes back whole"


def replace_priority(v: NewIncident, p: Priority) -> NewIncident:
    from dataclasses import replace

    return replace(v, priority=p)
