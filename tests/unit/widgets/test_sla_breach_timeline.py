"""An SLA breach on the incident timeline: labelled, its target in words, no actor."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from core.incidents import IncidentState
from core.views import IncidentEventRow
from tests.unit.widgets.test_incident_detail_dialog import T0, _detail
from widgets.incident_detail import IncidentDetailDialog


def test_a_breach_reads_as_a_breach_naming_its_target(qtbot: QtBot) -> None:
    dlg = IncidentDetailDialog("Asia/Shanghai")
    qtbot.addWidget(dlg)
    events = tuple(
        IncidentEventRow(T0 + timedelta(minutes=m), "sla_breach", None, None, note, None, "WS02")
        for m, note in ((3, "acknowledge"), (11, "dispatch"), (61, "resolve"), (62, "later"))
    )
    dlg.set_detail(_detail(IncidentState.NEW, events=events), [IncidentState.ACKNOWLEDGED])
    rows = [dlg.timeline.topLevelItem(i) for i in range(1, 5)]
    assert [r.text(1) for r in rows] == ["SLA breach"] * 4
    assert [r.text(3) for r in rows] == [
        "Time to acknowledge exceeded",
        "Time to dispatch exceeded",
        "Time to resolve exceeded",
        "later",  # a target this build does not know is shown as stored
    ]
    assert rows[0].text(2) == "— (WS02)", "the system recorded it, on the workstation that saw it"
