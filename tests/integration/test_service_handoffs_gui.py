"""Hand-offs between the services' panes: a call to an order, an incident or a delivery to a
volunteer task."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.calls import CallsPresenter
from console.presenters.incidents import IncidentsPresenter
from console.presenters.orders import OrdersPresenter
from console.presenters.volunteers import VolunteersPresenter
from core.volunteers import TaskKind
from tests.helpers.consoles import MakeConsole, SeededSite, fake_dialogs, sign_in
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
    # A delivery selected on the board: Ctrl+Alt+D proposes a delivery task for it.
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
