"""The volunteers' widgets fed plain rows: empty states, masking shown as given, buttons that
wait for a row and a right, dialogs that refuse an incomplete form."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from core.idcard import make_id_number
from core.volunteers import (
    Page,
    QualificationRow,
    ShiftRow,
    SignupRow,
    TaskDraft,
    TaskKind,
    TaskRow,
    VolunteerRow,
    availability_mask,
)
from widgets.volunteers import ShiftsTab, TasksTab, VolunteersTab
from widgets.volunteers_dialogs import PairingDialog, ShiftDialog, TaskDialog, VolunteerDialog

START = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)


def _png() -> bytes:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str runs
    return bytes(data.data())


def _row(i: int, *, masked: bool = False, photo: bool = False) -> VolunteerRow:
    return VolunteerRow(
        id=i,
        community="C01",
        name="张*" if masked else "张三",
        phone="137****0000" if masked else "13700000000",
        gender="M",
        birth_year=1990,
        id_number="1201**********1234",
        skills=("读报",),
        qualifications=(QualificationRow(1, "急救证", "Q1", date(2020, 1, 1), True),),
        insurance_policy="P-1",
        insurance_expires=date(2027, 1, 1),
        insured=True,
        availability=availability_mask({(0, 0)}),
        teams=("助老服务队",),
        active=True,
        has_photo=photo,
        resident_id=None,
        masked=masked,
    )


def _ok(dialog: VolunteerDialog | ShiftDialog | TaskDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_volunteers_tab_shows_an_empty_state_then_rows(qtbot: QtBot) -> None:
    tab = VolunteersTab()
    qtbot.addWidget(tab)
    tab.set_rows([])
    assert tab.stack.currentWidget() is tab.empty
    assert tab.empty.title() == "No volunteers"
    tab.can_edit = True
    tab.set_rows([_row(1), _row(2)])
    assert tab.stack.currentWidget() is tab.table
    assert tab.selected() == _row(1)
    assert all(b.widget.isEnabled() for b in tab._buttons)
    tab.detail.show_row(tab.selected(), None)
    assert "Q1" in tab.detail.info.text()
    assert tab.detail.cells[(0, 0)].text() == "●"
    assert "(expired)" in tab.model.data(tab.model.index(0, tab.model.column_index("quals")))


def test_a_masked_volunteer_has_the_photo_hidden_and_nobody_may_edit(qtbot: QtBot) -> None:
    tab = VolunteersTab()
    qtbot.addWidget(tab)
    tab.set_rows([_row(3, masked=True, photo=True)])
    row = tab.selected()
    tab.detail.show_row(row, None)
    assert tab.detail.photo.text() == "Photo hidden (personal data)"
    assert not any(b.widget.isEnabled() for b in tab._buttons)
    with qtbot.assertNotEmitted(tab.sig_edit):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)


def test_enter_edits_and_insert_registers(qtbot: QtBot) -> None:
    tab = VolunteersTab()
    qtbot.addWidget(tab)
    tab.can_edit = True
    tab.set_rows([_row(4)])
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus)
    with qtbot.waitSignal(tab.sig_edit) as edited:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert edited.args == [4]
    with qtbot.waitSignal(tab.sig_new):
        qtbot.keyClick(tab.table, Qt.Key.Key_Insert)


def test_pending_sign_ups_may_be_confirmed(qtbot: QtBot) -> None:
    tab = ShiftsTab()
    qtbot.addWidget(tab)
    tab.can_edit = True
    shift = ShiftRow(
        1,
        "C01",
        "送餐",
        "食堂",
        START,
        START + timedelta(hours=2),
        2,
        1,
        1,
        "",
        16,
        None,
        "confirm",
        False,
        "",
    )
    tab.set_rows([shift])
    assert "1/2" in tab.model.data(tab.model.index(0, tab.model.column_index("places")))
    tab.set_signups([SignupRow(7, 1, 9, "李四", "pending", START)])
    assert tab.confirm_btn.isEnabled()
    with qtbot.waitSignal(tab.sig_decide) as decided:
        tab.confirm_btn.click()
    assert decided.args == [7, True]
    tab.set_signups([SignupRow(7, 1, 9, "李四", "confirmed", START)])
    assert not tab.confirm_btn.isEnabled()
    assert tab.withdraw_btn.isEnabled()


def test_the_volunteer_dialog_refuses_a_bad_identity_number(qtbot: QtBot) -> None:
    dlg = VolunteerDialog([("C01", "一社区")])
    qtbot.addWidget(dlg)
    assert not _ok(dlg)
    dlg.name.setText("王五")
    dlg.id_number.setText("120102199005171230")  # the check digit is wrong
    assert not _ok(dlg)
    good = make_id_number("120102", date(1990, 5, 17), 123)
    dlg.id_number.setText(good)
    assert _ok(dlg)
    dlg.grid.boxes[(2, 1)].setChecked(True)
    d = dlg.draft()
    assert (d.community, d.id_number, d.availability) == ("C01", good, availability_mask({(2, 1)}))
    assert d.insurance_expires is None  # no policy typed


def test_the_shift_dialog_keeps_ok_off_until_the_shift_makes_sense(qtbot: QtBot) -> None:
    dlg = ShiftDialog([("C01", "一社区")], [(5, "队")], START)
    qtbot.addWidget(dlg)
    assert not _ok(dlg)
    dlg.title.setText("送餐")
    dlg.place.setText("食堂")
    assert _ok(dlg)
    dlg.ends.setDateTime(dlg.starts.dateTime().addSecs(-60))
    assert not _ok(dlg)
    assert dlg.problem_label.text() == "The shift must end after it starts."
    dlg.ends.setDateTime(dlg.starts.dateTime().addSecs(3600))
    dlg.team.setCurrentIndex(1)
    d = dlg.draft()
    assert (d.starts_at, d.team_id, d.signup_deadline) == (START, 5, START - timedelta(hours=12))


def test_the_task_dialog_proposes_the_paired_volunteer(qtbot: QtBot) -> None:
    draft = TaskDraft(TaskKind.WELFARE_CHECK, "C01", "无人接听", 11, "赵*", incident_id=3)
    dlg = TaskDialog(draft, [(12, "钱*")], [(8, "孙*", "paired"), (9, "周*", "community")])
    qtbot.addWidget(dlg)
    assert _ok(dlg)
    got = dlg.draft()
    assert (got.resident_id, got.volunteer_id, got.incident_id) == (11, 8, 3)
    dlg.title.setText(" ")
    assert not _ok(dlg)


def test_the_services_rules_are_worded_for_the_user(qtbot: QtBot) -> None:
    from widgets.volunteers_text import VolunteerTexts

    t = VolunteerTexts()
    assert t.service_error("this identity number is already volunteer 42") == (
        "This identity number is already registered as volunteer No. 42."
    )
    assert t.service_error("3 volunteers already hold a place on this shift").startswith("3 ")
    assert t.service_error("the photo is 300 KiB; at most 256 KiB").endswith("(at most 256 KiB).")
    assert t.service_error("something new") == "something new"


def _task(i: int, volunteer_id: int | None) -> TaskRow:
    return TaskRow(
        id=i,
        community="C01",
        kind="delivery",
        title="送货",
        resident_id=None,
        resident="",
        incident_id=None,
        order_id=7,
        status="assigned" if volunteer_id else "open",
        volunteer_id=volunteer_id,
        volunteer="张*" if volunteer_id else "",
        due_at=None,
        created_at=START,
    )


def test_a_list_cut_at_its_limit_says_so_and_a_whole_one_does_not(qtbot: QtBot) -> None:
    tab = VolunteersTab()
    qtbot.addWidget(tab)
    tab.show()
    rows = Page.of([_row(i) for i in range(1, 5)], 3)
    tab.set_rows(rows, truncated=rows.truncated)
    assert tab.truncated_note.isVisible()
    assert tab.truncated_note.text() == "First 3 shown — narrow the search."
    tab.set_rows([_row(1)])
    assert not tab.truncated_note.isVisible()


def test_the_residents_picker_says_when_it_holds_only_the_first(qtbot: QtBot) -> None:
    residents = [(i, f"居民{i}") for i in range(1, 4)]
    cut = TaskDialog(
        TaskDraft(TaskKind.REQUEST, "C01", "求助"), residents, [], residents_truncated=True
    )
    whole = PairingDialog([(1, "张三")], residents)
    qtbot.addWidget(cut)
    qtbot.addWidget(whole)
    (note,) = [w for w in cut.findChildren(QLabel) if w.objectName() == "residentsTruncated"]
    assert "first 3 residents" in note.text()
    assert not [w for w in whole.findChildren(QLabel) if w.objectName() == "residentsTruncated"]


def test_the_tasks_tab_shows_who_will_come_with_the_photo(qtbot: QtBot) -> None:
    tab = TasksTab()
    qtbot.addWidget(tab)
    tab.set_rows([_task(1, 5), _task(2, None)])
    assert tab.selected_volunteer() == 5
    tab.visitor.show_card("张三", _png())
    assert "张三" in tab.visitor.info.text()
    assert not tab.visitor.photo.pixmap().isNull()
    tab.table.selectRow(1)
    assert tab.selected_volunteer() is None
    tab.visitor.show_card(None, None)
    assert tab.visitor.photo.pixmap().isNull()


def test_in_a_narrow_pane_the_buttons_wrap_instead_of_losing_their_labels(qtbot: QtBot) -> None:
    tab = VolunteersTab()
    qtbot.addWidget(tab)
    tab.can_edit = True
    tab.set_rows([_row(1)])
    tab.resize(520, 480)  # a docked pane in a 1600x900 window
    tab.show()
    qtbot.waitExposed(tab)
    buttons = [b for b in tab.button_row.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) == 5
    for b in buttons:
        assert b.text()
        assert b.width() >= b.sizeHint().width()  # the whole label
        assert b.geometry().right() < tab.button_row.width()
    tops = {b.geometry().top() for b in buttons}
    assert len(tops) >= 2  # they did not fit on one row, so they wrapped
    for a in buttons:
        for b in buttons:
            assert a is b or not a.geometry().intersects(b.geometry())
    # The filter row keeps its controls whole too.
    assert tab.community.width() >= tab.community.sizeHint().width()
    assert tab.search.width() >= 160
    # The detail's text has the pane's width (the grid is under it) and scrolls, not cut.
    tab.detail.show_row(tab.selected(), None)
    QApplication.processEvents()
    line = next(t for t in tab.detail.info.text().splitlines() if "1201" in t)
    assert tab.detail.info.width() >= tab.detail.info.fontMetrics().horizontalAdvance(line)
    assert tab.detail_scroll.widget() is tab.detail
    # Its last row of the grid can be reached: all of it fits, or it scrolls to it.
    grid_bottom = tab.detail.grid.geometry().bottom()
    scroll = tab.detail_scroll.verticalScrollBar()
    assert grid_bottom <= tab.detail_scroll.viewport().height() + scroll.maximum()
