"""Hand-offs between the services' panes: a call to an order, an incident or a delivery to a
volunteer task."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.app import ConsoleApp
from console.presenters.calls import CallsPresenter
from console.presenters.incidents import IncidentsPresenter
from console.presenters.orders import OrdersPresenter
from console.presenters.volunteers import VolunteersPresenter
from core.calls import CallPhase
from core.orders import CHANNELS, OrderStatus
from core.volunteers import TaskKind
from data.models import Call, NecessityOrder, Resident
from tests.helpers.consoles import MakeConsole, SeededSite, fake_dialogs, sign_in
from tests.helpers.fake_calls import fake_line
from widgets.volunteers_dialogs import TaskDialog

pytestmark = pytest.mark.services_demo  # the demo's orders, volunteers and hours


def _of(app: ConsoleApp, name: str, kind: type) -> object:
    p = app.presenter(name)
    assert isinstance(p, kind)
    return p


def test_the_hooks_are_wired_and_a_delivery_becomes_a_volunteer_task(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    orders = _of(app, "orders", OrdersPresenter)
    volunteers = _of(app, "volunteers", VolunteersPresenter)
    calls = _of(app, "calls", CallsPresenter)
    incidents = _of(app, "incidents", IncidentsPresenter)
    assert isinstance(orders, OrdersPresenter)
    assert isinstance(volunteers, VolunteersPresenter)
    assert isinstance(calls, CallsPresenter)
    assert isinstance(incidents, IncidentsPresenter)
    assert calls.order_hook == orders.new_order
    assert volunteers.current_incident == incidents.queue.selected_incident_id
    # Nothing selected in the queue: the action says what to do, and opens nothing.
    app.window.action("volunteer_task_from_incident").trigger()
    assert not any(isinstance(d, TaskDialog) for d in fake_dialogs(app).registered)
    # A delivery selected on the board: Ctrl+Alt+L proposes a delivery task for it.
    app.window.show_pane("orders")
    board = orders.board
    qtbot.waitUntil(lambda: board.model.rowCount() > 0, timeout=10_000)
    board.view.selectRow(0)
    row = board.selected()
    assert row is not None
    app.window.action("volunteer_task_for_delivery").trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(d, TaskDialog) for d in fake_dialogs(app).registered),
        timeout=5_000,
    )
    dlg = [d for d in fake_dialogs(app).registered if isinstance(d, TaskDialog)][-1]
    assert isinstance(dlg, TaskDialog)
    assert dlg.kind.currentData() == TaskKind.DELIVERY.value
    assert str(row.id) in dlg.title.text()


def a_caller_with_a_usual_basket(seeded: SeededSite) -> tuple[int, str]:
    """A regular customer (a delivered order: a usual basket) whom their phone number finds."""
    with seeded.db.session() as s:
        candidates = s.execute(
            select(Resident.id, Resident.phone)
            .join(NecessityOrder, NecessityOrder.resident_id == Resident.id)
            .where(
                NecessityOrder.status == OrderStatus.DELIVERED.value,
                Resident.phone != "",
                Resident.anonymised_at.is_(None),
            )
            .group_by(Resident.id, Resident.phone)
            .order_by(Resident.id)
        ).all()
        for rid, phone in candidates:
            # A shared phone finds the household's first resident: take one who is that.
            first = s.scalar(select(func.min(Resident.id)).where(Resident.phone == phone))
            if first == rid:
                return int(rid), str(phone)
    raise AssertionError("the demo has regular customers with a phone of their own")


def test_an_order_taken_on_a_call_is_placed_through_the_hotline_with_the_call(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    factory, made = fake_line()
    app = make_console(language="en", call_gateway=factory)
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    [fake] = made
    calls = _of(app, "calls", CallsPresenter)
    orders = _of(app, "orders", OrdersPresenter)
    assert isinstance(calls, CallsPresenter)
    assert isinstance(orders, OrdersPresenter)
    rid, phone = a_caller_with_a_usual_basket(seeded)
    with seeded.db.session() as s:
        before = s.scalar(select(func.count()).select_from(NecessityOrder)) or 0
    # The resident rings and the operator answers: the call's row knows who is calling.
    handle = fake.ring(phone, "")
    assert handle is not None
    qtbot.waitUntil(lambda: any(c.call_id == handle for c in calls.pane.model.rows()))
    calls.answer()
    assert fake.sent("answer") == [("answer", handle)]
    pane = calls.pane

    def answered_line_known() -> bool:
        line = next((c for c in pane.model.rows() if c.call_id == handle), None)
        return (
            line is not None
            and line.phase is CallPhase.ACTIVE
            and line.db_id is not None
            and line.resident_id == rid
        )

    qtbot.waitUntil(answered_line_known, timeout=5_000)
    line = next(c for c in pane.model.rows() if c.call_id == handle)
    pane.select(line.key)
    selected = pane.selected()
    assert selected is not None
    assert selected.key == line.key
    call_id = selected.db_id
    assert call_id is not None
    with seeded.db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        assert (call.gateway_call_id, call.resident_id) == (handle, rid)
    # Order…: the Orders pane's entry, for the caller, on the hotline channel with this call.
    assert pane.order.text() == "Order…"
    assert pane.order.isEnabled()
    qtbot.mouseClick(pane.order, Qt.MouseButton.LeftButton)
    entry = orders.entry
    assert orders.pane.tabs.currentWidget() is entry
    assert CHANNELS[entry.channel.currentIndex()] == "hotline"
    qtbot.waitUntil(lambda: entry.basket_button.isEnabled(), timeout=5_000)
    assert CHANNELS[entry.channel.currentIndex()] == "hotline"  # the resident's data kept it
    qtbot.keyClick(entry.basket_button, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    draft = entry.draft()
    assert draft is not None, entry.problem_text()
    assert (draft.resident_id, draft.channel, draft.call_id) == (rid, "hotline", call_id)
    entry.window_combo.setFocus()
    qtbot.keyClick(entry.window_combo, Qt.Key.Key_Return)
    qtbot.keyClick(entry.deliverer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: entry.resident_label.text().startswith("Search"), timeout=5_000)
    assert app.wait_idle()
    with seeded.db.session() as s:
        placed = s.scalars(
            select(NecessityOrder).where(NecessityOrder.client_uuid == draft.client_uuid)
        ).one()
        assert (placed.resident_id, placed.channel, placed.call_id) == (rid, "hotline", call_id)
        assert s.scalar(select(func.count()).select_from(NecessityOrder)) == before + 1
    # The entry is ready for the next caller: no call, the default channel again.
    assert entry.draft() is None
    assert CHANNELS[entry.channel.currentIndex()] == "station"
