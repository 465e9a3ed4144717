"""IncidentDetailDialog on its own: buttons by allowed step, refusals kept across refreshes."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.incidents import IncidentState
from core.model import IncidentSource, Priority
from core.views import IncidentDetail, IncidentEventRow, IncidentRow
from widgets.incident_detail import IncidentDetailDialog

S = IncidentState
T0 = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


def _detail(state: S, iid: int = 7) -> IncidentDetail:
    row = IncidentRow(
        id=iid, title="老人走失", priority=Priority.P1, state=state, source=IncidentSource.MANUAL,
        community="C01", community_name="咸阳北里社区", location="", created_at=T0,
        updated_at=T0, claimed_by=None,
    )  # fmt: skip
    events = (IncidentEventRow(T0, "created", None, S.NEW, "", "值班员 李静", "CC"),)
    return IncidentDetail(row, "家属来电", events)


def test_buttons_follow_the_allowed_steps(qtbot: QtBot) -> None:
    dlg = IncidentDetailDialog("Asia/Shanghai")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED, S.RESOLVED])
    shown = {t for t, b in dlg.buttons.items() if b.isVisible()}
    assert shown == {S.ACKNOWLEDGED, S.RESOLVED}
    assert not dlg.reopen.isVisible()
    assert dlg.reported.text() == "2026-11-25 09:00:00"  # UTC 01:00 shown in Beijing time

    dlg.set_detail(_detail(S.CLOSED), [S.ACKNOWLEDGED])
    assert dlg.reopen.isVisible()
    assert not any(b.isVisible() for b in dlg.buttons.values())


def test_a_step_is_requested_with_its_note_and_the_view_waits(qtbot: QtBot) -> None:
    dlg = IncidentDetailDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED, S.RESOLVED])
    dlg.note.setText("已电话联系家属")
    with qtbot.waitSignal(dlg.sig_transition_requested) as sig:
        qtbot.mouseClick(dlg.buttons[S.RESOLVED], Qt.MouseButton.LeftButton)
    assert sig.args == [7, "resolved", "已电话联系家属"]
    assert not dlg.buttons[S.RESOLVED].isEnabled(), "no double submission while saving"

    dlg.show_error("refused")
    dlg.set_detail(_detail(S.ACKNOWLEDGED), [S.DISPATCHED, S.RESOLVED])  # a refresh
    assert dlg.error.text() == "refused", "a refresh of the same incident keeps the reason"
    assert dlg.note.text() == "已电话联系家属"
    dlg.step_done()
    assert (dlg.note.text(), dlg.error.text()) == ("", "")

    dlg.note.setText("draft")
    dlg.set_detail(_detail(S.NEW, iid=8), [S.ACKNOWLEDGED])
    assert dlg.note.text() == "", "another incident starts clean"
