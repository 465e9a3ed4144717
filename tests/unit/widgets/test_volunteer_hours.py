"""The check-in tab (a scanner's Enter, the volunteer's number, the result) and the hours tab
(steps enabled by state and rights, the correction dialog sending only what changed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from core.volunteer_hours import AttendanceRow, AttendanceStatus, CorrectionRow
from widgets.volunteer_hours import CheckinPanel, CorrectionDialog, CorrectionDraft, HoursWidget

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
ROW = AttendanceRow(
    id=7,
    volunteer_id=3,
    volunteer="张*",
    community="C01",
    place="door:42",
    content="陪聊",
    checkin_at=T0,
    checkout_at=T0 + timedelta(minutes=50),
    travel_minutes=0,
    minutes=50,
    status=AttendanceStatus.RECORDED,
    needs_confirmation=True,
    confirmed_via="",
    approved_by="",
    corrections=0,
)


def test_a_wedge_scanners_enter_moves_to_the_number_and_enter_there_submits(qtbot: QtBot) -> None:
    panel = CheckinPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    sent: list[tuple[str, str, int, int, str]] = []
    panel.sig_submit.connect(lambda *a: sent.append(a))
    panel.code_edit.setFocus()
    qtbot.keyClicks(panel.code_edit, "C1.station:C01.1.120.AAAA.BBBB")
    qtbot.keyClick(panel.code_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.volunteer_edit
    qtbot.keyClicks(panel.volunteer_edit, "12")
    qtbot.keyClick(panel.volunteer_edit, Qt.Key.Key_Return)
    assert sent == [("in", "C1.station:C01.1.120.AAAA.BBBB", 12, 0, "")]
    panel.direction.setCurrentIndex(1)
    panel.travel_spin.setValue(15)
    qtbot.keyClick(panel.volunteer_edit, Qt.Key.Key_Return)
    assert sent[-1] == ("out", "C1.station:C01.1.120.AAAA.BBBB", 12, 15, "")
    assert panel.submit_button.text() == "Record check-out"


def test_an_incomplete_entry_is_not_sent_and_a_result_clears_the_fields(qtbot: QtBot) -> None:
    panel = CheckinPanel()
    qtbot.addWidget(panel)
    sent: list[object] = []
    panel.sig_submit.connect(lambda *a: sent.append(a))
    panel.volunteer_edit.setText("5")
    panel.submit()  # no code
    panel.code_edit.setText("C1.x")
    panel.volunteer_edit.clear()
    panel.submit()  # no number
    assert sent == []
    panel.show_result(False, "Refused")
    assert panel.code_edit.text() == "C1.x"  # kept, selected, to scan again over it
    panel.show_result(True, "Volunteer No. 5 checked in at 09:00")
    assert (panel.code_edit.text(), panel.result_label.text()) == (
        "",
        "Volunteer No. 5 checked in at 09:00",
    )


def test_places_are_offered_only_when_there_is_a_choice(qtbot: QtBot) -> None:
    panel = CheckinPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_places([("C01", "一号社区")])
    assert (panel.place(), panel.place_combo.isVisible()) == ("C01", False)
    panel.set_places([("C01", "一号社区"), ("C02", "二号社区")])
    panel.place_combo.setCurrentIndex(1)
    assert (panel.place(), panel.place_combo.isVisible()) == ("C02", True)


def test_steps_follow_the_state_and_the_accounts_rights(qtbot: QtBot) -> None:
    w = HoursWidget("Asia/Shanghai")
    qtbot.addWidget(w)
    confirmed: list[tuple[int, str]] = []
    approved: list[int] = []
    w.sig_confirm.connect(lambda i, via: confirmed.append((i, via)))
    w.sig_approve.connect(approved.append)
    w.set_rows([ROW, replace(ROW, id=8, status=AttendanceStatus.APPROVED, approved_by="leader")])
    w.set_rights(can_record=True, can_approve=False)
    w.select(7)
    assert w.confirm_button.isEnabled()
    assert not w.approve_button.isEnabled()
    w.confirm_via.setCurrentIndex(1)
    qtbot.mouseClick(w.confirm_button, Qt.MouseButton.LeftButton)
    assert confirmed == [(7, "phone")]
    w.set_rights(can_record=False, can_approve=True)
    qtbot.mouseClick(w.approve_button, Qt.MouseButton.LeftButton)
    assert approved == [7]
    w.select(8)
    assert not w.approve_button.isEnabled()
    assert not w.reject_button.isEnabled()
    model = w.model
    row = model.index_of(7)
    assert row is not None
    texts = [model.index(row, c).data() for c in range(model.columnCount())]
    assert texts[5:10] == ["2026-11-30 09:00", "2026-11-30 09:50", "0", "0:50", "Recorded"]
    assert texts[10] == "Needed"


def test_the_trail_shows_old_and_new_values_of_the_selected_attendance(qtbot: QtBot) -> None:
    w = HoursWidget("Asia/Shanghai")
    qtbot.addWidget(w)
    w.set_rows([replace(ROW, corrections=1)])
    w.select(7)
    fix = CorrectionRow(
        7,
        "checkout_at",
        T0.isoformat(),
        (T0 + timedelta(hours=1)).isoformat(),
        "忘记签退",
        "ws01",
        T0,
    )
    w.set_trail(99, [fix])  # another attendance's answer, come late
    assert w.trail_model.rowCount() == 0
    w.set_trail(7, [fix])
    texts = [w.trail_model.index(0, c).data() for c in range(w.trail_model.columnCount())]
    assert texts[1:] == [
        "ws01",
        "Check-out",
        "2026-11-30 09:00:00",
        "2026-11-30 10:00:00",
        "忘记签退",
    ]


def test_the_correction_dialog_sends_only_what_changed(qtbot: QtBot) -> None:
    w = HoursWidget("Asia/Shanghai")
    qtbot.addWidget(w)
    sent: list[tuple[int, CorrectionDraft]] = []
    w.sig_correct.connect(lambda i, d: sent.append((i, d)))
    made: list[QDialog] = []

    def factory(kind: str, r: AttendanceRow) -> QDialog:
        dlg = w._make_dialog(kind, r)
        made.append(dlg)
        return dlg

    w.dialog_factory = factory
    w.set_rights(True, True)
    w.set_rows([ROW])
    w.select(7)
    qtbot.mouseClick(w.correct_button, Qt.MouseButton.LeftButton)
    (dlg,) = made
    assert isinstance(dlg, CorrectionDialog)
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()  # no reason yet
    dlg.travel_spin.setValue(10)
    dlg.reason_edit.setText("步行十分钟")
    dlg.accept()
    assert sent == [(7, CorrectionDraft(reason="步行十分钟", travel_minutes=10))]


def test_an_open_attendances_check_out_is_sent_only_when_set(qtbot: QtBot) -> None:
    open_row = replace(ROW, checkout_at=None, minutes=None, status=AttendanceStatus.OPEN)
    dlg = CorrectionDialog(open_row, "Asia/Shanghai")
    qtbot.addWidget(dlg)
    dlg.reason_edit.setText("x")
    assert dlg.draft().checkout_at is None
    dlg.checkout_edit.setDateTime(dlg.checkout_edit.dateTime().addSecs(3 * 3600))
    assert dlg.draft().checkout_at == T0 + timedelta(hours=3)


def test_the_correction_dialog_shows_and_reads_the_sites_wall_clock(qtbot: QtBot) -> None:
    dlg = CorrectionDialog(ROW, "Asia/Shanghai")
    qtbot.addWidget(dlg)
    assert dlg.checkin_edit.text() == "2026-11-30 09:00"  # 01:00 UTC, whatever this PC's zone
    dlg.checkin_edit.setDateTime(dlg.checkin_edit.dateTime().addSecs(-600))
    dlg.reason_edit.setText("早到十分钟")
    assert dlg.draft() == CorrectionDraft(
        reason="早到十分钟", checkin_at=T0 - timedelta(minutes=10)
    )


def test_the_steps_have_keys_while_the_tab_has_the_focus(qtbot: QtBot) -> None:
    w = HoursWidget("Asia/Shanghai")
    qtbot.addWidget(w)
    w.set_rights(True, True)
    w.set_rows([ROW])
    w.select(7)
    shortcuts = {sc.key().toString(): sc for sc in w.findChildren(QShortcut)}
    assert set(shortcuts) == {"Alt+F", "Alt+A", "Alt+J", "Alt+E"}
    assert {sc.context() for sc in shortcuts.values()} == {
        Qt.ShortcutContext.WidgetWithChildrenShortcut
    }
    assert w.approve_button.toolTip() == "Alt+A"
    with qtbot.waitSignal(w.sig_approve) as blocker:
        shortcuts["Alt+A"].activated.emit()
    assert blocker.args == [7]
    w.set_rights(True, False)
    with qtbot.assertNotEmitted(w.sig_approve, wait=300):
        shortcuts["Alt+A"].activated.emit()  # no right to approve: the button is disabled


def test_the_number_asks_for_the_volunteers_tasks_and_the_choice_is_read(qtbot: QtBot) -> None:
    panel = CheckinPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.work() == (None, None)
    assert not panel.work_combo.isEnabled()  # nothing to choose yet
    panel.volunteer_edit.setText("12")
    with qtbot.waitSignal(panel.sig_volunteer_entered) as asked:
        panel.volunteer_edit.editingFinished.emit()
    assert asked.args == [12]
    panel.set_work([("task", 5, "探访王奶奶"), ("shift", 9, "站内值守")])
    assert [panel.work_combo.itemText(i) for i in range(3)] == [
        "(none)",
        "Task: 探访王奶奶",
        "Shift: 站内值守",
    ]
    panel.work_combo.setCurrentIndex(1)
    assert panel.work() == (5, None)
    panel.work_combo.setCurrentIndex(2)
    assert panel.work() == (None, 9)
    panel.direction.setCurrentIndex(1)  # check-out: the task was chosen at check-in
    assert panel.work_combo.isVisibleTo(panel)  # greyed, in place: the fields below stay put
    assert not panel.work_combo.isEnabled()
    panel.direction.setCurrentIndex(0)
    panel.show_result(True, "ok")  # the next volunteer starts with no choice
    assert panel.work() == (None, None)
