"""The incident window shows a legal hold next to the state, and the hold in the timeline."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from core.incidents import IncidentState
from core.model import IncidentSource, Priority
from core.views import IncidentDetail, IncidentEventRow, IncidentRow
from widgets.incident_detail import IncidentDetailDialog

T = datetime(2026, 11, 29, 8, tzinfo=UTC)


def _detail(hold: bool) -> IncidentDetail:
    row = IncidentRow(
        12,
        "走失",
        Priority.P2,
        IncidentState.CLOSED,
        IncidentSource.CALL,
        "C01",
        "一号社区",
        "",
        T,
        T,
        None,
    )
    events = (IncidentEventRow(T, "legal_hold", None, None, "公安机关调取", "王建国", "CC"),)
    return IncidentDetail(
        row, "", events, legal_hold=hold, legal_hold_reason="公安机关调取" if hold else ""
    )


def test_a_held_incident_says_so(qtbot: QtBot) -> None:
    dlg = IncidentDetailDialog()
    qtbot.addWidget(dlg)
    dlg.set_detail(_detail(True), [])
    assert "legal hold" in dlg.state.text()
    assert "公安机关调取" in dlg.state.text()
    item = dlg.timeline.topLevelItem(0)
    assert item is not None
    assert item.text(1) == "Legal hold set"
    dlg.set_detail(_detail(False), [])
    assert "legal hold" not in dlg.state.text()
