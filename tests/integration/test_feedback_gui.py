"""The feedback pane wired: a ticket filed through its dialog, answered, resolved and rated with
the pane's steps; an overdue ticket told to a supervisor's console and not an operator's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from console.app import ConsoleApp
from console.presenters.feedback import FeedbackPresenter
from core.feedback import NewTicket, Source, TicketState
from core.timefmt import utcnow
from data.models import ServiceTicket
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    fake_dialogs,
    notifications_of,
    services_at,
    sign_in,
)
from tests.helpers.fake_calls import FakeGateway
from tests.integration.test_calls_gui import calls_of, line, with_line
from widgets.calls import CallLine
from widgets.feedback import TicketStepDialog
from widgets.feedback_dialog import FeedbackTicketDialog

__all__ = ["line", "with_line"]  # the calls tests' fixtures, used by name


def feedback_of(app: ConsoleApp) -> FeedbackPresenter:
    p = app.presenter("feedback")
    assert isinstance(p, FeedbackPresenter)
    return p


def tr(context: str, text: str) -> str:
    """A string as the console shows it in its language."""
    return QCoreApplication.translate(context, text)


def last_registered(app: ConsoleApp, kind: type) -> object:
    found = [d for d in fake_dialogs(app).registered if isinstance(d, kind)]
    assert found, f"no {kind.__name__} opened"
    return found[-1]


def step(
    qtbot: QtBot, app: ConsoleApp, button: QPushButton, words: str, rating: int | None = None
) -> None:
    """Press a step's button, fill in its dialog and accept it."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dlg = last_registered(app, TicketStepDialog)
    assert isinstance(dlg, TicketStepDialog)
    dlg.text.setPlainText(words)
    if rating is not None:
        dlg.rating.setCurrentIndex(dlg.rating.findData(rating))
    dlg.accept()
    assert app.wait_idle()


def test_a_ticket_is_filed_answered_resolved_and_rated_in_the_pane(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    fb = feedback_of(app)
    pane = fb.pane
    assert pane.stack.currentWidget() is pane.empty  # nothing yet: the empty state
    fb.new_ticket()
    dlg = last_registered(app, FeedbackTicketDialog)
    assert isinstance(dlg, FeedbackTicketDialog)
    dlg.prefill(community="C02", phone="13812345678", text="楼道堆物影响通行")
    dlg.category.setCurrentIndex(dlg.category.findData("property"))
    dlg.accept()
    qtbot.waitUntil(lambda: len(pane.model) == 1, timeout=10_000)
    pane.state.setCurrentIndex(pane.state.findData(""))  # all states: rated ones stay shown
    assert app.wait_idle()
    qtbot.waitUntil(lambda: pane.selected() is not None, timeout=5_000)
    row = pane.selected()
    assert row is not None
    assert (row.community, row.category, row.state) == ("C02", "property", TicketState.OPEN)
    assert not pane.resolve.isEnabled()  # not answered yet
    step(qtbot, app, pane.reply, "已联系物业，三天内清理")
    qtbot.waitUntil(lambda: pane.model.rows()[0].state is TicketState.ANSWERED, timeout=5_000)
    step(qtbot, app, pane.resolve, "已清理")
    qtbot.waitUntil(lambda: pane.model.rows()[0].state is TicketState.RESOLVED, timeout=5_000)
    qtbot.waitUntil(lambda: pane.rate.isEnabled(), timeout=5_000)
    step(qtbot, app, pane.rate, "", rating=5)  # none chosen to start with
    qtbot.waitUntil(lambda: pane.model.rows()[0].state is TicketState.RATED, timeout=5_000)
    # The rating was asked to be confirmed: it is recorded once.
    assert fake_dialogs(app).questions[-1].title == tr("FeedbackPresenter", "Record the rating")
    assert pane.model.rows()[0].rating == 5
    qtbot.waitUntil(lambda: pane.history.count() >= 4, timeout=5_000)

    def c02_rated() -> bool:
        r = pane.rates.row_for("C02")
        return r is not None and (r.tickets, r.satisfaction.num, r.satisfaction.den) == (1, 1, 1)

    qtbot.waitUntil(c02_rated, timeout=5_000)  # the month's rates follow the steps
    app.session.sign_out()
    assert len(pane.model) == 0  # the next user sees nothing of this one's
    assert len(pane.rates) == 0
    assert pane.history.count() == 0
    assert pane.community.count() == 1  # "all communities" only


def test_an_overdue_ticket_reaches_a_supervisor_but_not_an_operator(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    operator_desk = make_console(workstation="WS02")
    supervisor_desk = make_console(workstation="CC")
    for app in (operator_desk, supervisor_desk):
        app.start()
    sign_in(qtbot, operator_desk, seeded, "operator")
    sign_in(qtbot, supervisor_desk, seeded, "supervisor")
    ws = services_at(seeded.db, "WS03")
    tid = ws.feedback.create(
        seeded.principal("supervisor"),
        NewTicket("C01", "safety", "北门路灯不亮", Source.WALK_IN, contact_phone="13812345678"),
    )
    with seeded.db.write_session() as s:  # opened 3 h ago: past its 2 h to respond
        s.execute(
            update(ServiceTicket)
            .where(ServiceTicket.id == tid)
            .values(response_due_at=utcnow() - timedelta(hours=1))
        )
    feedback_of(operator_desk).check_now()
    want = tr(
        "FeedbackPresenter", "Feedback ticket No. {id} overdue ({community}, {category}): {what}"
    ).split("{id}")[0]
    notes = notifications_of(supervisor_desk).pane
    qtbot.waitUntil(lambda: any(want in t and str(tid) in t for t in notes.texts()), timeout=10_000)
    feedback_of(supervisor_desk).check_now()  # already recorded: told once
    assert operator_desk.wait_idle()
    assert supervisor_desk.wait_idle()
    assert len([t for t in notes.texts() if want in t]) == 1
    assert not [t for t in notifications_of(operator_desk).pane.texts() if want in t]
    # The operator's queue shows it overdue, the phone masked.
    pane = feedback_of(operator_desk).pane
    operator_desk.window.show_pane("feedback")  # the pane reads once it is looked at
    qtbot.waitUntil(lambda: pane.model.row_for(tid) is not None, timeout=10_000)
    row = pane.model.row_for(tid)
    assert row is not None
    assert row.contact_phone == "138****5678"
    assert row.clock(utcnow()).overdue


def test_a_calls_feedback_ticket_takes_the_callers_number(
    qtbot: QtBot, with_line: Callable[..., ConsoleApp], line: list[FakeGateway], seeded: SeededSite
) -> None:
    app = with_line()
    sign_in(qtbot, app, seeded, "supervisor")
    fake, calls = line[0], calls_of(app)
    key = fake.ring("13600004444", "Wang")
    assert key is not None
    qtbot.waitUntil(lambda: any(c.call_id == key for c in calls.pane.model.rows()))
    calls.answer()
    fake.remote_hang_up(key)

    def recorded() -> CallLine | None:
        found = [c for c in calls.pane.model.rows() if c.key.split("/")[1] == key]
        return found[0] if found and found[0].db_id is not None else None

    qtbot.waitUntil(lambda: recorded() is not None, timeout=5_000)
    row = recorded()
    assert row is not None
    calls.pane.select(row.key)
    assert calls.pane.feedback.isEnabled()
    qtbot.mouseClick(calls.pane.feedback, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(isinstance(d, FeedbackTicketDialog) for d in fake_dialogs(app).registered),
        timeout=5_000,
    )
    dlg = last_registered(app, FeedbackTicketDialog)
    assert isinstance(dlg, FeedbackTicketDialog)
    assert dlg.contact_phone.text() == "13600004444"
    assert dlg.source.currentData() == Source.CALL.value
    assert dlg.category.currentData() is None  # no default category: the user chooses
    dlg.category.setCurrentIndex(dlg.category.findData("environment"))
    dlg.text.setPlainText("反映小区门口占道经营")
    dlg.accept()
    assert app.wait_idle()
    tickets = services_at(seeded.db).feedback.tickets(seeded.principal("supervisor")).rows
    assert [(t.source, t.source_ref, t.contact_phone) for t in tickets] == [
        (Source.CALL, f"call:{row.db_id}", "136****4444")
    ]


def test_a_contact_read_in_full_is_masked_again_on_lock(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    """A contact shown once stayed unmasked on screen through the lock."""
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    svc, who = seeded.services.feedback, seeded.principal("supervisor")
    first = svc.create(
        who, NewTicket("C01", "noise", "楼下噪音", Source.WALK_IN, contact_phone="13812345678")
    )
    svc.create(
        who, NewTicket("C01", "property", "楼道堆物", Source.WALK_IN, contact_phone="13900001111")
    )
    fb = feedback_of(app)
    pane = fb.pane
    app.window.show_pane("feedback")  # the pane reads once it is looked at
    fb.reload()
    qtbot.waitUntil(lambda: len(pane.model) == 2, timeout=10_000)
    pane.select(first)
    qtbot.waitUntil(pane.contact.isEnabled, timeout=5_000)
    qtbot.mouseClick(pane.contact, Qt.MouseButton.LeftButton)  # one audited read
    qtbot.waitUntil(lambda: "13812345678" in pane.detail.text(), timeout=10_000)
    app.session.lock()
    assert "13812345678" not in pane.detail.text()
    assert "138****5678" in pane.detail.text()
