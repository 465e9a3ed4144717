"""The feedback pane and dialogs on plain rows: colours, steps by state, in-place updates in
the queue's order, shortcuts beside the main menus, contacts masked again, and the new-ticket
and step dialogs (no default category or rating, a contact, Tab order, Esc asks)
(English, no translator)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from console.shell.main_window import MainWindow
from console.shell.panes import Area, PaneSpec
from core.feedback import (
    Action,
    DepartmentChoice,
    ReplyChannel,
    Source,
    TicketRow,
    TicketState,
    queue_key,
)
from widgets.feedback import OVERDUE_BACKGROUND, FeedbackPane, TicketStepDialog
from widgets.feedback_dialog import FeedbackTicketDialog

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def ticket(tid: int, state: TicketState = TicketState.OPEN, **kw: object) -> TicketRow:
    fields: dict[str, object] = {
        "id": tid,
        "community": "C01",
        "category": "noise",
        "text": "楼下噪音\n第二行",
        "source": Source.WALK_IN,
        "source_ref": "",
        "department": "D03",
        "department_name": "城管执法队",
        "contact_name": "李*",
        "contact_phone": "138****5678",
        "phone_masked": True,
        "resident_id": None,
        "state": state,
        "created_at": NOW - timedelta(hours=1),
        "response_due_at": NOW + timedelta(hours=1),
        "resolve_due_at": NOW + timedelta(days=3),
        "answered_at": None if state is TicketState.OPEN else NOW,
        "resolved_at": None,
        "rating": None,
        "reply_channel": None,
        "reply_text": "",
        "reopened": 0,
    }
    fields.update(kw)
    return TicketRow(**fields)  # type: ignore[arg-type]


def test_the_empty_state_then_the_queue_with_its_overdue_colour(qtbot: QtBot) -> None:
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    assert pane.stack.currentWidget() is pane.empty
    late = ticket(1, response_due_at=NOW - timedelta(minutes=30))
    pane.set_tickets([late, ticket(2)], 2, NOW)
    assert pane.stack.currentWidget() is pane.table
    left = pane.model.column_index("left")
    idx = pane.model.index(0, left)
    assert pane.model.data(idx) == "First response: overdue 30 min"
    assert pane.model.data(idx, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert pane.model.data(pane.model.index(1, left)) == "First response: 1 h 00 min left"
    assert pane.model.data(pane.model.index(0, pane.model.column_index("text"))) == "楼下噪音"
    assert pane.summary.text() == "2 of 2 tickets shown"


def test_steps_follow_the_selected_tickets_state(qtbot: QtBot) -> None:
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    pane.can_work = True
    rows = [
        ticket(1),
        ticket(2, TicketState.ANSWERED),
        ticket(3, TicketState.RESOLVED),
        ticket(4, TicketState.RATED, rating=5),
    ]
    pane.set_tickets(rows, 4, NOW)
    enabled = {}
    for r in rows:
        pane.select(r.id)
        enabled[r.state] = {
            b.objectName()
            for b in (pane.reply, pane.resolve, pane.rate, pane.reopen, pane.assign)
            if b.isEnabled()
        }
    assert enabled == {
        TicketState.OPEN: {"feedbackReply", "feedbackAssign"},
        TicketState.ANSWERED: {"feedbackReply", "feedbackAssign", "feedbackResolve"},
        TicketState.RESOLVED: {"feedbackRate", "feedbackReopen"},
        TicketState.RATED: {"feedbackReopen"},
    }
    pane.can_work = False
    pane.update_buttons()
    assert not pane.reopen.isEnabled()
    assert not pane.new.isEnabled()


def test_a_changed_ticket_is_updated_in_place_and_the_selection_stays(qtbot: QtBot) -> None:
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    pane.set_tickets([ticket(1), ticket(2), ticket(3)], 3, NOW)
    pane.select(2)
    resets: list[int] = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    pane.upsert([replace(ticket(2), state=TicketState.ANSWERED, answered_at=NOW)], gone=[3])
    selected = pane.selected()
    assert selected is not None
    assert (selected.id, selected.state) == (2, TicketState.ANSWERED)
    assert [r.id for r in pane.model.rows()] == [1, 2]
    assert resets == []
    assert pane.summary.text() == "2 of 2 tickets shown"


def test_the_pane_keys_ask_for_steps(qtbot: QtBot) -> None:
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    pane.can_work = True
    pane.set_tickets([ticket(1, TicketState.ANSWERED)], 1, NOW)
    pane.select(1)
    shortcuts = {sc.key().toString(): sc for sc in pane.findChildren(QShortcut)}
    assert set(shortcuts) == {"Alt+Y", "Alt+R", "Alt+S", "Alt+O", "Alt+G", "Alt+N", "Alt+P"}
    # Only while the pane has the focus: the same keys stay free in other panes.
    assert {sc.context() for sc in shortcuts.values()} == {
        Qt.ShortcutContext.WidgetWithChildrenShortcut
    }
    assert pane.resolve.toolTip() == "Alt+R"
    assert pane.resolve.text() == "Resolve… (Alt+R)"  # the key on the button
    assert pane.contact.text() == "Show contact (Alt+P)"
    with qtbot.waitSignal(pane.sig_step_requested) as blocker:
        shortcuts["Alt+R"].activated.emit()
    assert blocker.args == [Action.RESOLVE.value]
    rate = shortcuts["Alt+S"]
    with qtbot.assertNotEmitted(pane.sig_step_requested, wait=300):
        rate.activated.emit()  # not allowed for an answered ticket: the button is disabled


def test_a_calls_dialog_comes_with_the_number_and_files_a_call_ticket(qtbot: QtBot) -> None:
    depts = [DepartmentChoice("D01", "派出所", "police")]
    dlg = FeedbackTicketDialog([("C01", "一号社区"), ("C02", "二号社区")], depts)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dlg.prefill(source=Source.CALL, community="C02", phone="02226580000", call_id=7)
    assert not ok.isEnabled()  # no category nor text yet
    dlg.category.setCurrentIndex(dlg.category.findData("noise"))
    assert not ok.isEnabled()  # no text yet
    dlg.text.setPlainText("反映噪音")
    assert ok.isEnabled()
    assert not dlg.round_code.isVisibleTo(dlg)
    t = dlg.ticket()
    assert (t.source, t.community, t.contact_phone, t.call_id) == (
        Source.CALL,
        "C02",
        "02226580000",
        7,
    )
    assert t.department is None  # the category's default unless one is chosen
    dlg.department.setCurrentIndex(dlg.department.findData("D01"))
    assert dlg.ticket().department == "D01"


def test_a_survey_ticket_needs_its_round_and_question(qtbot: QtBot) -> None:
    dlg = FeedbackTicketDialog([("C01", "一号社区")], [])
    qtbot.addWidget(dlg)
    assert dlg.source.findData(Source.CALL.value) == -1  # a call's ticket only from a call
    dlg.prefill(source=Source.SURVEY, text="希望增加老年食堂")
    dlg.category.setCurrentIndex(dlg.category.findData("suggestion"))
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dlg.round_code.isVisibleTo(dlg)
    assert not ok.isEnabled()
    dlg.round_code.setText("R2026")
    dlg.question_id.setText("q7")
    assert ok.isEnabled()
    assert (dlg.ticket().round_code, dlg.ticket().question_id) == ("R2026", "q7")


def test_step_dialogs_ask_what_each_step_needs(qtbot: QtBot) -> None:
    reply = TicketStepDialog(Action.REPLY)
    qtbot.addWidget(reply)
    ok = reply.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    reply.text.setPlainText("已电话联系")
    reply.channel.setCurrentIndex(reply.channel.findData(ReplyChannel.SLIP.value))
    assert ok.isEnabled()
    assert reply.value() is ReplyChannel.SLIP
    rate = TicketStepDialog(Action.RATE)
    qtbot.addWidget(rate)
    rate.rating.setCurrentIndex(rate.rating.findData(2))
    assert rate.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # note optional
    assert rate.value() == 2


def test_a_contact_is_shown_in_full_only_once_read(qtbot: QtBot) -> None:
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    pane.can_work = True
    pane.set_tickets([ticket(1, TicketState.OPEN)], 1, NOW)
    pane.select(1)
    assert not pane.contact.isEnabled()  # a role that may not read it in full
    pane.can_reveal = True
    pane.update_buttons()
    assert pane.contact.isEnabled()  # the ticket's phone is masked
    asked: list[int] = []
    pane.sig_contact_requested.connect(asked.append)
    pane.contact.click()
    assert asked == [1]
    pane.show_contact(1, "李四", "13812345678")
    assert "13812345678" in pane.detail.text()
    assert not pane.contact.isEnabled()  # read once: shown while the ticket stays selected
    pane.clear()
    pane.set_tickets([ticket(1, TicketState.OPEN)], 1, NOW)
    pane.select(1)
    assert "13812345678" not in pane.detail.text()


# --- the queue's order ------------------------------------------------------------------------


def test_a_new_or_changed_ticket_takes_its_place_in_the_queue_in_place(qtbot: QtBot) -> None:
    """A ticket filed or changed was appended at the bottom of the queue whatever its
    urgency: a 2-hour ticket under a 24-hour one, an open ticket under a rated one."""
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    hour = timedelta(hours=1)
    soon = ticket(1, response_due_at=NOW + hour)
    day = ticket(2, category="property", response_due_at=NOW + 24 * hour)
    rated = ticket(3, TicketState.RATED, rating=5, resolved_at=NOW)
    pane.set_tickets([soon, day, rated], 3, NOW)  # as the service orders them
    pane.select(2)
    resets: list[int] = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    inserted: list[int] = []
    pane.model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    two_hours = ticket(4, response_due_at=NOW + 2 * hour)
    pane.upsert([two_hours])
    assert [r.id for r in pane.model.rows()] == [1, 4, 2, 3]  # under 1 h, above 24 h
    assert inserted == [1]  # inserted there, not appended and moved
    later = ticket(5, category="suggestion", response_due_at=NOW + 48 * hour)
    pane.upsert([later])
    assert [r.id for r in pane.model.rows()] == [1, 4, 2, 5, 3]  # an open one above the rated
    # Answered: its resolution deadline (3 days) runs now, after the 48-hour one.
    pane.upsert([replace(day, state=TicketState.ANSWERED, answered_at=NOW)])
    assert [r.id for r in pane.model.rows()] == [1, 4, 5, 2, 3]
    # Resolved: among the others, newest first.
    pane.upsert([replace(soon, state=TicketState.RESOLVED, answered_at=NOW, resolved_at=NOW)])
    assert [r.id for r in pane.model.rows()] == [4, 5, 2, 3, 1]
    rows = list(pane.model.rows())
    assert rows == sorted(rows, key=queue_key)
    assert resets == []
    selected = pane.selected()
    assert selected is not None
    assert selected.id == 2  # the selection followed its row


# --- keys beside the main window's menus -------------------------------------------------------


def _menu_mnemonics(window: MainWindow) -> set[str]:
    """The letters the menu bar takes with Alt (总控台(&C), 视图(&V), …)."""
    found = set()
    for action in window.menuBar().actions():
        text = action.text()
        i = text.find("&")
        if 0 <= i < len(text) - 1:
            found.add(f"Alt+{text[i + 1].upper()}")
    return found


def test_the_pane_keys_work_in_the_main_window_beside_its_menus(qtbot: QtBot) -> None:
    """Alt+C (Show contact), Alt+V (Resolve) and Alt+T (Rating) did nothing: the menu bar's
    mnemonics (Console, View, Tools) took them."""
    window = MainWindow()
    qtbot.addWidget(window)
    pane = FeedbackPane()
    window.add_pane(PaneSpec("feedback", lambda: "Feedback", pane, Area.BOTTOM_LEFT, order=87))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_pane("feedback")
    menus = _menu_mnemonics(window)
    assert {"Alt+C", "Alt+V", "Alt+T"} <= menus
    keys = {sc.key().toString() for sc in pane.findChildren(QShortcut)}
    assert not keys & menus
    pane.can_work = pane.can_reveal = True
    asked: list[object] = []
    pane.sig_step_requested.connect(asked.append)
    pane.sig_contact_requested.connect(asked.append)

    def press(state: TicketState, key: Qt.Key) -> list[object]:
        pane.set_tickets([ticket(1, state)], 1, NOW)
        pane.select(1)
        pane.table.setFocus()
        qtbot.waitUntil(pane.table.hasFocus)
        asked.clear()
        qtbot.keyClick(pane.table, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: bool(asked), timeout=2_000)  # the key animates the click
        return list(asked)

    assert press(TicketState.ANSWERED, Qt.Key.Key_R) == [Action.RESOLVE.value]
    assert press(TicketState.RESOLVED, Qt.Key.Key_S) == [Action.RATE.value]
    assert press(TicketState.OPEN, Qt.Key.Key_P) == [1]  # Show contact
    assert press(TicketState.OPEN, Qt.Key.Key_Y) == [Action.REPLY.value]


# --- the new-ticket dialog ---------------------------------------------------------------------


def _dialog(qtbot: QtBot) -> FeedbackTicketDialog:
    dlg = FeedbackTicketDialog(
        [("C01", "一号社区"), ("C02", "二号社区")], [DepartmentChoice("D01", "派出所", "police")]
    )
    qtbot.addWidget(dlg)
    dlg.prefill()
    return dlg


def test_tab_goes_through_every_field_in_order_then_the_buttons(qtbot: QtBot) -> None:
    """Tab went source → community → category → department → source: the text, the contact's
    name and the phone were never reached, and a keyboard-only user could not file."""
    dlg = _dialog(qtbot)
    dlg.category.setCurrentIndex(dlg.category.findData("noise"))
    dlg.text.setPlainText("楼下噪音")
    dlg.contact_phone.setText("13812345678")  # OK enabled: in the chain too
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    dlg.source.setFocus()
    seen: list[QWidget] = []
    for _ in range(10):
        w = QApplication.focusWidget()
        assert w is not None
        seen.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert seen == [
        dlg.source,
        dlg.community,
        dlg.category,
        dlg.department,
        dlg.text,
        dlg.contact_name,
        dlg.contact_phone,
        ok,
        cancel,
        dlg.source,
    ]
    dlg.source.setCurrentIndex(dlg.source.findData(Source.SURVEY.value))
    dlg.round_code.setFocus()
    qtbot.keyClick(dlg.round_code, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.question_id  # shown for a survey: in order too


def test_no_category_is_chosen_until_the_user_chooses_one(qtbot: QtBot) -> None:
    """The category was 治安 (public safety, the police's 2 hours) to start with: accepting
    the default misrouted the ticket."""
    dlg = _dialog(qtbot)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dlg.category.currentData() is None
    assert dlg.category.currentText() == "— choose —"
    dlg.text.setPlainText("楼道堆物")
    dlg.contact_phone.setText("13812345678")
    assert not ok.isEnabled()
    assert "Choose the category" in dlg.problem.text()
    assert dlg.problem.isVisibleTo(dlg)
    with qtbot.assertNotEmitted(dlg.accepted):
        dlg.accept()  # Enter, or a caller: refused, the line says why
    dlg.category.setCurrentIndex(dlg.category.findData("property"))
    assert ok.isEnabled()
    assert not dlg.problem.isVisibleTo(dlg)
    assert dlg.ticket().category == "property"
    dlg.retranslate()  # a language switch keeps the choice
    assert dlg.category.currentData() == "property"


def test_a_survey_comments_ticket_starts_without_a_category_either(qtbot: QtBot) -> None:
    """转为诉求工单… from a survey comment came with public safety chosen."""
    dlg = FeedbackTicketDialog([("C01", "一号社区")], [])
    qtbot.addWidget(dlg)
    dlg.prefill(source=Source.SURVEY, text="希望增加老年食堂", round_code="R1", question_id="q7")
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dlg.category.currentData() is None
    assert not ok.isEnabled()
    dlg.category.setCurrentIndex(dlg.category.findData("suggestion"))
    assert ok.isEnabled()  # a survey answer needs no contact (an anonymous round has none)


def test_a_walk_in_or_a_call_needs_a_contact_for_the_reply(qtbot: QtBot) -> None:
    """A walk-in could be filed with neither a name nor a phone: it could not be answered."""
    dlg = _dialog(qtbot)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dlg.category.setCurrentIndex(dlg.category.findData("noise"))
    dlg.text.setPlainText("楼下噪音")
    assert dlg.source.currentData() == Source.WALK_IN.value
    assert not ok.isEnabled()
    assert "phone for the reply or a contact name" in dlg.problem.text()
    with qtbot.assertNotEmitted(dlg.accepted):
        dlg.accept()
    dlg.contact_phone.setText("13812345678")
    assert ok.isEnabled()
    dlg.contact_phone.clear()
    dlg.contact_name.setText("李四")  # a name: the reply slip waits at the station
    assert ok.isEnabled()
    call = FeedbackTicketDialog([("C01", "一号社区")], [])
    qtbot.addWidget(call)
    call.prefill(source=Source.CALL, phone="", call_id=7)  # a withheld number
    call.category.setCurrentIndex(call.category.findData("noise"))
    call.text.setPlainText("反映噪音")
    assert not call.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    call.contact_phone.setText("13600004444")
    assert call.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_esc_after_typing_asks_before_discarding_keep_editing_by_default(qtbot: QtBot) -> None:
    """Esc after typing dropped the text without asking."""
    dlg = _dialog(qtbot)
    with qtbot.waitExposed(dlg):
        dlg.show()
    dlg.text.setPlainText("楼下噪音，晚上十点以后")
    rejected: list[int] = []
    dlg.rejected.connect(lambda: rejected.append(1))
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    box = dlg.discard_box
    assert box is not None
    assert box.isVisible()
    keep = box.defaultButton()
    assert keep is not None
    assert keep.text() == "Keep editing"
    assert box.escapeButton() is keep
    qtbot.keyClick(box, Qt.Key.Key_Return)  # a stray Enter keeps the text
    assert dlg.isVisible()
    assert dlg.text.toPlainText() == "楼下噪音，晚上十点以后"
    assert rejected == []
    dlg.reject()  # Cancel, or the title bar's button: the same question
    box = dlg.discard_box
    assert box is not None
    discard = next(b for b in box.buttons() if b.text() == "Discard")
    assert box.buttonRole(discard) is QMessageBox.ButtonRole.DestructiveRole
    discard.click()
    assert rejected == [1]
    assert not dlg.isVisible()


def test_esc_closes_at_once_when_nothing_was_typed(qtbot: QtBot) -> None:
    dlg = FeedbackTicketDialog([("C01", "一号社区")], [])
    qtbot.addWidget(dlg)
    dlg.prefill(source=Source.SURVEY, text="希望增加老年食堂", round_code="R1", question_id="q7")
    with qtbot.waitExposed(dlg):
        dlg.show()
    with qtbot.waitSignal(dlg.rejected, timeout=1_000):
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # the comment came with it: nothing typed
    assert dlg.discard_box is None  # never asked
    typed = _dialog(qtbot)
    with qtbot.waitExposed(typed):
        typed.show()
    typed.text.setPlainText("楼下噪音")
    typed.close()  # by the program (the console quitting after its own question): no question
    assert typed.discard_box is None
    assert not typed.isVisible()


def test_the_question_goes_when_a_lock_hides_the_dialog(qtbot: QtBot) -> None:
    dlg = _dialog(qtbot)
    with qtbot.waitExposed(dlg):
        dlg.show()
    dlg.contact_name.setText("李四")
    dlg.reject()
    box = dlg.discard_box
    assert box is not None
    dlg.hide()  # console.dialogs hides registered dialogs on lock and sign-out
    assert not box.isVisible()
    assert dlg.contact_name.text() == "李四"  # kept: not discarded


# --- the rating dialog -------------------------------------------------------------------------


def test_the_rating_dialog_starts_with_no_rating_chosen(qtbot: QtBot) -> None:
    """It came with "5 · very satisfied" chosen: a hurried Enter recorded a 5."""
    rate = TicketStepDialog(Action.RATE)
    qtbot.addWidget(rate)
    ok = rate.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert rate.value() is None
    assert rate.rating.currentText() == "— choose —"
    assert not ok.isEnabled()
    with qtbot.assertNotEmitted(rate.accepted):
        rate.accept()
    rate.rating.setCurrentIndex(rate.rating.findData(5))
    assert ok.isEnabled()
    assert rate.value() == 5


# --- a contact read in full --------------------------------------------------------------------


def test_a_revealed_contact_is_masked_again_when_another_ticket_is_selected(
    qtbot: QtBot,
) -> None:
    """A contact read once stayed unmasked through steps, filters and other tickets."""
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    pane.can_work = pane.can_reveal = True
    pane.set_tickets([ticket(1), ticket(2)], 2, NOW)
    pane.select(1)
    pane.show_contact(1, "李四", "13812345678")
    assert "13812345678" in pane.detail.text()
    pane.upsert([replace(ticket(1), state=TicketState.ANSWERED, answered_at=NOW)])
    assert "13812345678" in pane.detail.text()  # a step on the same ticket: still shown
    pane.select(2)
    assert "13812345678" not in pane.detail.text()
    pane.select(1)
    assert "13812345678" not in pane.detail.text()  # back again: masked, a new read needed
    assert "138****5678" in pane.detail.text()
    assert pane.contact.isEnabled()
    # A read that comes back after another ticket was selected is not shown, nor kept.
    pane.select(2)
    pane.show_contact(1, "李四", "13812345678")
    pane.select(1)
    assert "13812345678" not in pane.detail.text()
    # The screen locks: masked.
    pane.show_contact(1, "李四", "13812345678")
    assert "13812345678" in pane.detail.text()
    pane.forget_contacts()
    assert "13812345678" not in pane.detail.text()
    assert pane.contact.isEnabled()


def test_a_survey_tickets_source_reads_as_words_not_a_code(qtbot: QtBot) -> None:
    # The detail said "Source: Survey answer round:SAT-DEMO-1/comment".
    pane = FeedbackPane()
    qtbot.addWidget(pane)
    row = ticket(1, source=Source.SURVEY, source_ref="round:SAT-DEMO-1/comment")
    pane.set_tickets([row], 1, NOW)
    pane.select(1)
    assert "(round SAT-DEMO-1, question comment)" in pane.detail.text()
    assert "round:" not in pane.detail.text()
