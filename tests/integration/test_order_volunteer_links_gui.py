"""Volunteer tasks asked for from other panes: a welfare visit for a resident on the orders'
silence list (Alt+W), and a task answering a request a station filed (Ctrl+Alt+Q, the request
selected in the Feedback pane)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.app import ConsoleApp
from console.presenters.feedback import FeedbackPresenter
from console.presenters.orders import OrdersPresenter
from console.presenters.volunteers import VolunteersPresenter
from core.model import Priority
from core.station import RequestTarget, ResidentRequest
from core.volunteers import TaskKind
from data.models import Community, ServiceTicket, VolunteerTask
from tests.helpers.consoles import MakeConsole, SeededSite, audit_details, fake_dialogs, sign_in
from widgets.volunteers_dialogs import TaskDialog

pytestmark = pytest.mark.services_demo  # the demo's orders (its silence list) and volunteers


def orders_of(app: ConsoleApp) -> OrdersPresenter:
    p = app.presenter("orders")
    assert isinstance(p, OrdersPresenter)
    return p


def volunteers_of(app: ConsoleApp) -> VolunteersPresenter:
    p = app.presenter("volunteers")
    assert isinstance(p, VolunteersPresenter)
    return p


def feedback_of(app: ConsoleApp) -> FeedbackPresenter:
    p = app.presenter("feedback")
    assert isinstance(p, FeedbackPresenter)
    return p


def task_dialogs(app: ConsoleApp) -> list[TaskDialog]:
    return [d for d in fake_dialogs(app).registered if isinstance(d, TaskDialog)]


def the_task_dialog(qtbot: QtBot, app: ConsoleApp) -> TaskDialog:
    """The one task dialog opened (after the residents and suggestions are read)."""
    qtbot.waitUntil(lambda: len(task_dialogs(app)) == 1, timeout=5_000)
    [dlg] = task_dialogs(app)
    return dlg


def source_of(dlg: TaskDialog) -> str:
    """What the dialog's Source row says the task comes from."""
    item = dlg.form.itemAt(0, dlg.form.ItemRole.FieldRole)
    assert item is not None
    field = item.widget()
    assert isinstance(field, QLabel)
    return field.text()


def tasks(seeded: SeededSite) -> list[VolunteerTask]:
    with seeded.db.session() as s:
        return list(s.scalars(select(VolunteerTask).order_by(VolunteerTask.id)))


def test_a_resident_on_the_silence_list_gets_a_welfare_visit(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    op = orders_of(app)
    silence = op.silence
    app.window.show_pane("orders")
    op.pane.show_tab(silence)
    qtbot.waitUntil(lambda: len(silence.model) > 0, timeout=10_000)  # the demo's silent ones
    assert silence.visit_button.text() == "Welfare visit… (Alt+W)"
    assert not silence.visit_button.isEnabled()  # nobody chosen yet
    # A resident silent for longer than the threshold: the title gives their own weeks.
    target = max(silence.model.rows(), key=lambda r: r.weeks)
    assert target.weeks > silence.weeks.value()
    assert app.wait_idle()
    index = silence.model.index_of(target.resident_id)
    assert index is not None
    silence.view.selectRow(index)
    assert silence.selected_resident() == target.resident_id
    assert silence.visit_button.isEnabled()
    before = tasks(seeded)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=2_000)
    qtbot.keyClick(silence.view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    dlg = the_task_dialog(qtbot, app)
    vp = volunteers_of(app)
    assert vp.pane.tabs.currentWidget() is vp.task_tab  # the Volunteers pane, its tasks
    draft = dlg.draft()
    assert draft.kind is TaskKind.WELFARE_CHECK
    assert draft.resident_id == target.resident_id
    assert draft.community == target.community
    assert f"{target.weeks} 周" in draft.title, draft.title
    assert (draft.incident_id, draft.order_id, draft.ticket_id) == (None, None, None)
    assert source_of(dlg) == target.community
    dlg.accept()
    qtbot.waitUntil(lambda: len(tasks(seeded)) == len(before) + 1, timeout=5_000)
    new = tasks(seeded)[-1]
    assert (new.kind, new.resident_id, new.title) == (
        TaskKind.WELFARE_CHECK.value,
        target.resident_id,
        draft.title,
    )
    assert (new.incident_id, new.order_id, new.ticket_id) == (None, None, None)
    assert '"kind": "welfare_check"' in audit_details(seeded.db, "volunteer_task_saved")[-1]


def a_station_request(seeded: SeededSite, words: str) -> int:
    """A request filed at C01's station (its request form, as a ticket): the ticket's id."""
    answer = seeded.services.station.apply(
        seeded.principal("ws01"),
        str(uuid.uuid4()),
        ResidentRequest(
            workstation="WS01",
            community="C01",
            target=RequestTarget.TICKET,
            category="help",
            description=words,
            taken_at=datetime.now(UTC),
            caller_name="张三",
            caller_phone="13800000000",
            priority=Priority.P3,
        ),
    )
    assert answer.server_ref.startswith("ticket:"), answer
    return int(answer.server_ref.removeprefix("ticket:"))


def test_a_station_request_becomes_a_volunteer_task(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    ticket_id = a_station_request(seeded, "楼道灯坏了，老人夜里看不见")
    with seeded.db.session() as s:
        code = s.scalar(
            select(Community.code)
            .join(ServiceTicket, ServiceTicket.community_id == Community.id)
            .where(ServiceTicket.id == ticket_id)
        )
        requests_before = s.scalar(select(func.count()).select_from(ServiceTicket))
    assert code == "C01"
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    app.window.show_pane("feedback")  # the pane reads once it is looked at
    fb = feedback_of(app)
    pane = fb.pane
    qtbot.waitUntil(lambda: pane.model.row_for(ticket_id) is not None, timeout=10_000)
    action = app.window.action("volunteer_task_from_request")
    assert action.shortcut().toString() == "Ctrl+Alt+Q"
    assert action.isEnabled()
    # Nothing selected in the Feedback pane: the action says what to do, and opens nothing.
    pane.table.clearSelection()
    assert pane.selected() is None
    action.trigger()
    assert app.wait_idle()
    assert app.window.st_message.text() == "Select the request in the Feedback pane first."
    assert task_dialogs(app) == []
    # The request selected: Ctrl+Alt+Q proposes a task answering it.
    pane.select(ticket_id)
    selected = pane.selected()
    assert selected is not None
    assert selected.id == ticket_id
    before = tasks(seeded)
    action.trigger()
    dlg = the_task_dialog(qtbot, app)
    assert source_of(dlg) == f"From request No. {ticket_id}"
    draft = dlg.draft()
    assert (draft.kind, draft.community, draft.ticket_id) == (TaskKind.REQUEST, "C01", ticket_id)
    assert draft.title == f"诉求 {ticket_id}：楼道灯坏了，老人夜里看不见"
    assert (draft.incident_id, draft.order_id) == (None, None)
    dlg.accept()
    qtbot.waitUntil(lambda: len(tasks(seeded)) == len(before) + 1, timeout=5_000)
    new = tasks(seeded)[-1]
    assert (new.kind, new.ticket_id, new.title) == (
        TaskKind.REQUEST.value,
        ticket_id,
        draft.title,
    )
    assert f'"request": {ticket_id}' in audit_details(seeded.db, "volunteer_task_saved")[-1]
    vp = volunteers_of(app)
    qtbot.waitUntil(
        lambda: any(t.ticket_id == ticket_id for t in vp.task_tab.model.rows()), timeout=5_000
    )
    with seeded.db.session() as s:  # the request itself is left as it was: one ticket
        assert s.scalar(select(func.count()).select_from(ServiceTicket)) == requests_before
