"""The feedback pane and dialogs on plain rows: colours, steps by state, in-place updates,
shortcuts, and the new-ticket dialog as a call pre-fills it (English, no translator)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from core.feedback import (
    Action,
    DepartmentChoice,
    ReplyChannel,
    Source,
    TicketRow,
    TicketState,
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
    assert set(shortcuts) == {"Alt+Y", "Alt+V", "Alt+T", "Alt+O", "Alt+G", "Alt+N", "Alt+C"}
    # Only while the pane has the focus: the same keys stay free in other panes.
    assert {sc.context() for sc in shortcuts.values()} == {
        Qt.ShortcutContext.WidgetWithChildrenShortcut
    }
    assert pane.resolve.toolTip() == "Alt+V"
    with qtbot.waitSignal(pane.sig_step_requested) as blocker:
        shortcuts["Alt+V"].activated.emit()
    assert blocker.args == [Action.RESOLVE.value]
    rate = shortcuts["Alt+T"]
    with qtbot.assertNotEmitted(pane.sig_step_requested, wait=300):
        rate.activated.emit()  # not allowed for an answered ticket: the button is disabled


def test_a_calls_dialog_comes_with_the_number_and_files_a_call_ticket(qtbot: QtBot) -> None:
    depts = [DepartmentChoice("D01", "派出所", "police")]
    dlg = FeedbackTicketDialog([("C01", "一号社区"), ("C02", "二号社区")], depts)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dlg.prefill(source=Source.CALL, community="C02", phone="02226580000", call_id=7)
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
    assert rate.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # note optional
    rate.rating.setCurrentIndex(rate.rating.findData(2))
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
    assert not pane.contact.isEnabled()  # read once: shown until sign-out
    pane.clear()
    pane.set_tickets([ticket(1, TicketState.OPEN)], 1, NOW)
    pane.select(1)
    assert "13812345678" not in pane.detail.text()
