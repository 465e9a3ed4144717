"""The Orders pane wired, on the seeded demo: the day's board; a hand-off recorded through the
proof dialog (signed with the mouse, confirmed) only once it is verified; a failed delivery to a
resident living alone raises a welfare check; an order placed from the keyboard for a known
resident with the usual basket; contacts revealed only to a role that may see them, audited;
the confirmation call rung from its dialog on the workstation's line (and linked when recorded),
or dialled by hand where there is no line."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.app import ConsoleApp
from console.presenters.orders import OrdersPresenter
from core.orders import FailReason, Flag, OrderStatus
from core.timefmt import local
from data.merchants_seeding import seed_merchants
from data.models import Call, DeliveryProof, Incident, NecessityOrder, OrderWindow, Resident
from data.orders_seeding import seed_orders
from data.volunteers_seeding import seed_volunteers
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_actions,
    audit_details,
    fake_dialogs,
    sign_in,
)
from tests.helpers.fake_calls import fake_line
from tests.helpers.postgres import as_owner
from widgets.delivery_board import ConfirmDialog, FailDialog
from widgets.delivery_proof import DeliveryProofDialog


def _seed(seeded: SeededSite) -> None:
    clock = seeded.services.ctx.clock
    today = local(clock(), "Asia/Shanghai").date()
    with as_owner(seeded.db) as owner, owner.write_session() as s:
        seed_merchants(s, today, clock())
        seed_volunteers(s, today, clock(), seeded.keys)
        seed_orders(s, today, clock())


def orders_of(app: ConsoleApp) -> OrdersPresenter:
    p = app.presenter("orders")
    assert isinstance(p, OrdersPresenter)
    return p


def test_proof_of_delivery_and_a_welfare_check_from_the_board(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    op = orders_of(app)
    board = op.board
    with seeded.db.session() as s:
        # The day the demo's open orders are for (the seeding's day may not be the console's).
        day = s.scalar(
            select(OrderWindow.day)
            .join(NecessityOrder, NecessityOrder.window_id == OrderWindow.id)
            .where(NecessityOrder.status == OrderStatus.EN_ROUTE.value)
            .limit(1)
        )
    assert day is not None
    board.day.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: len(board.model) > 0, timeout=10_000)
    rows = board.model.rows()
    assert any(Flag.CONFIRM in r.flags for r in rows)  # a person with dementia: call first
    en_route = [r for r in rows if r.status is OrderStatus.EN_ROUTE]
    assert len(en_route) >= 2
    target = next(r for r in en_route if Flag.LIVES_ALONE not in r.flags)
    board.select(target.id)
    assert board.proof_button.isEnabled()
    qtbot.mouseClick(board.proof_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: op.proof_dialog is not None, timeout=5_000)
    dlg = op.proof_dialog
    assert isinstance(dlg, DeliveryProofDialog)
    assert dlg in fake_dialogs(app).registered  # hidden if the screen locks
    assert dlg.request.lines
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    assert not ok.isEnabled()  # nothing yet: an unverified hand-off is blocked
    qtbot.mousePress(dlg.pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 50))
    for x in range(30, 280, 10):
        qtbot.mouseMove(dlg.pad, QPoint(x, 50 + x % 30))
    qtbot.mouseRelease(dlg.pad, Qt.MouseButton.LeftButton, pos=QPoint(280, 60))
    assert not ok.isEnabled()  # signed, not yet confirmed
    dlg.confirmed.setChecked(True)
    qtbot.keyClicks(dlg.confirmed_by, "resident")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            (row := board.model.row_for(target.id)) is not None
            and row.status is OrderStatus.DELIVERED
        ),
        timeout=5_000,
    )
    with seeded.db.session() as s:
        proof = s.scalar(select(DeliveryProof).where(DeliveryProof.order_id == target.id))
        assert proof is not None
        assert proof.confirmed_by == "resident"
        assert (proof.signature_png or b"").startswith(b"\x89PNG")
    assert audit_actions(seeded.db, "supervisor")["order_delivered"] == 1
    # A failed delivery to someone living alone: a welfare check in the incident queue.
    alone = next(
        (
            r
            for r in board.model.rows()
            if Flag.LIVES_ALONE in r.flags
            and r.status not in (OrderStatus.DELIVERED,)
            and r.status in (OrderStatus.ACCEPTED, OrderStatus.PICKED, OrderStatus.EN_ROUTE)
        ),
        None,
    )
    assert alone is not None
    board.select(alone.id)
    qtbot.mouseClick(board.fail_button, Qt.MouseButton.LeftButton)
    fail = board.dialog
    assert isinstance(fail, FailDialog)
    fail.reason.setCurrentIndex(fail.reason.findData(FailReason.NOT_HOME.value))
    fail.accept()
    qtbot.waitUntil(
        lambda: (
            (row := board.model.row_for(alone.id)) is not None and row.status is OrderStatus.FAILED
        ),
        timeout=5_000,
    )
    with seeded.db.session() as s:
        titles = list(s.scalars(select(Incident.title)))
    assert any(f"订单 {alone.id}" in t for t in titles)


def test_an_order_for_a_known_resident_from_the_keyboard(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    with seeded.db.session() as s:
        # A regular customer with history and an open merchant: the first seeded order's.
        resident_id = s.scalar(
            select(NecessityOrder.resident_id)
            .where(NecessityOrder.status == OrderStatus.DELIVERED.value)
            .order_by(NecessityOrder.id)
            .limit(1)
        )
        before = s.query(NecessityOrder).count()
    assert resident_id is not None
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    op = orders_of(app)
    op.new_order(resident_id)
    entry = op.entry
    qtbot.waitUntil(lambda: entry.basket_button.isEnabled(), timeout=5_000)
    assert "*" in entry.resident_label.text()  # an operator sees names masked
    assert entry.basket_button.hasFocus()  # the next key is Alt+B
    lines = entry.lines.rowCount()
    qtbot.keyClick(entry.basket_button, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert entry.lines.rowCount() > lines  # the key reached the form in the whole console
    entry.window_combo.setFocus()
    qtbot.keyClick(entry.window_combo, Qt.Key.Key_Return)
    qtbot.keyClick(entry.deliverer, Qt.Key.Key_Return)
    qtbot.keyClick(entry.deliverer, Qt.Key.Key_Return)  # a double Enter: still one order
    qtbot.waitUntil(lambda: entry.resident_label.text().startswith("Search"), timeout=5_000)
    assert app.wait_idle()
    with seeded.db.session() as s:
        assert s.query(NecessityOrder).count() == before + 1


def test_a_supervisor_opens_a_window_from_the_windows_tab(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    with seeded.db.session() as s:
        day = s.scalar(select(OrderWindow.day).order_by(OrderWindow.day).limit(1))
    assert day is not None
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    op = orders_of(app)
    wins = op.windows
    app.window.show_pane("orders")
    op.pane.show_tab(wins)
    wins.day.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(
        lambda: len(wins.model) > 0 and all(w.day == day for w in wins.model.rows()),
        timeout=5_000,
    )
    before = len(wins.model)
    assert wins.open_button.isEnabled()
    wins.starts.setTime(QTime(19, 0))
    wins.ends.setTime(QTime(20, 30))
    wins.capacity.setValue(12)
    qtbot.mouseClick(wins.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(wins.model) == before + 1, timeout=5_000)
    new = [w for w in wins.model.rows() if w.starts.hour == 19]
    assert [(w.capacity, w.taken) for w in new] == [(12, 0)]


def an_order_awaiting_its_call(seeded: SeededSite) -> tuple[int, int, str]:
    """(order id, resident id, phone) of a demo order waiting for its confirmation call, whose
    resident's phone is their own (a call on it is recorded as theirs)."""
    with seeded.db.session() as s:
        waiting = s.execute(
            select(NecessityOrder.id, Resident.id, Resident.phone)
            .join(Resident, Resident.id == NecessityOrder.resident_id)
            .where(
                NecessityOrder.status == OrderStatus.AWAITING_CONFIRMATION.value,
                Resident.phone != "",
                Resident.anonymised_at.is_(None),
            )
            .order_by(NecessityOrder.id)
        ).all()
        for oid, rid, phone in waiting:
            # A shared phone finds the household's first resident: take one who is that.
            first = s.scalar(select(func.min(Resident.id)).where(Resident.phone == phone))
            if first == rid:
                return int(oid), int(rid), str(phone)
    raise AssertionError(f"no demo order awaits a call to a phone of its own: {waiting}")


def open_confirmation_call(
    qtbot: QtBot, app: ConsoleApp, seeded: SeededSite, order_id: int
) -> ConfirmDialog:
    """Orders pane, Deliveries tab, the order selected: Confirmation call (Alt+K)'s dialog."""
    op = orders_of(app)
    board = op.board
    app.window.show_pane("orders")
    op.pane.show_tab(board)
    with seeded.db.session() as s:
        day = s.scalar(
            select(OrderWindow.day)
            .join(NecessityOrder, NecessityOrder.window_id == OrderWindow.id)
            .where(NecessityOrder.id == order_id)
        )
    assert day is not None
    board.day.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: board.model.row_for(order_id) is not None, timeout=10_000)
    board.select(order_id)
    selected = board.selected()
    assert selected is not None
    assert selected.id == order_id
    assert selected.status is OrderStatus.AWAITING_CONFIRMATION
    assert board.confirm_button.text() == "Confirmation call (Alt+K)"
    assert board.confirm_button.isEnabled()
    qtbot.mouseClick(board.confirm_button, Qt.MouseButton.LeftButton)
    dlg = board.dialog
    assert isinstance(dlg, ConfirmDialog)
    assert dlg.row.id == order_id
    assert dlg.dial_button.text() == "Dial (Ctrl+D)"
    dlg.activateWindow()  # as a window manager does with a new dialog (offscreen: not)
    qtbot.waitUntil(dlg.isActiveWindow, timeout=2_000)
    return dlg


def confirmed_order(qtbot: QtBot, seeded: SeededSite, dlg: ConfirmDialog) -> NecessityOrder:
    """Press Confirmed in the dialog: the order's row once it is accepted."""
    order_id = dlg.row.id
    qtbot.mouseClick(dlg.yes, Qt.MouseButton.LeftButton)

    def accepted() -> NecessityOrder | None:
        with seeded.db.session() as s:
            o = s.get(NecessityOrder, order_id)
            return o if o is not None and o.status == OrderStatus.ACCEPTED.value else None

    qtbot.waitUntil(lambda: accepted() is not None, timeout=5_000)
    order = accepted()
    assert order is not None
    return order


def test_the_confirmation_call_is_dialled_on_the_line_and_linked_when_recorded(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    order_id, resident_id, phone = an_order_awaiting_its_call(seeded)
    factory, made = fake_line()
    app = make_console(language="en", call_gateway=factory)
    app.start()
    sign_in(qtbot, app, seeded, "operator")  # the number is masked for this role
    [gateway] = made
    dlg = open_confirmation_call(qtbot, app, seeded, order_id)
    # Its Show contact is off (it was on, then refused): the selected order is right there.
    assert orders_of(app).board.selected() is not None
    assert not orders_of(app).board.reveal_button.isEnabled()
    assert dlg.dial_button.isEnabled()  # a line here, and a role that places calls
    assert dlg.call_state.text() == ""
    qtbot.keyClick(dlg, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Dial (Ctrl+D)
    qtbot.waitUntil(lambda: dlg.call_state.text() not in ("", "Calling…"), timeout=5_000)
    assert dlg.call_state.text() == (
        "Call placed: it is in the Calls pane, and is linked when you record."
    )
    assert not dlg.dial_button.isEnabled()  # one call: it is on the line now
    dials = gateway.sent("dial")
    assert [d[:2] for d in dials] == [("dial", phone)]  # the resident's number, read for it
    handle = dials[0][2]
    reads = [d for d in audit_details(seeded.db, "pii_revealed") if '"dial"' in d]
    assert len(reads) == 1
    assert '"reason": "order confirmation"' in reads[0]
    assert '"shown": false' in reads[0]

    # The Calls pane records the outgoing call, found by its number as the resident's.
    def call_row() -> Call | None:
        with seeded.db.session() as s:
            return s.scalar(select(Call).where(Call.gateway_call_id == handle))

    qtbot.waitUntil(lambda: call_row() is not None, timeout=5_000)
    call = call_row()
    assert call is not None
    assert (call.direction, call.number, call.resident_id) == ("outbound", phone, resident_id)
    order = confirmed_order(qtbot, seeded, dlg)
    assert order.confirm_call_id == call.id
    assert order.confirmed_by == "operator"
    assert audit_details(seeded.db, "order_confirmed")[-1] == (
        f'{{"confirmed": true, "call": {call.id}}}'
    )


def test_without_a_line_the_confirmation_call_is_dialled_by_hand(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    order_id, _resident_id, _phone = an_order_awaiting_its_call(seeded)
    app = make_console(language="en")  # no phone line on this workstation
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    dlg = open_confirmation_call(qtbot, app, seeded, order_id)
    assert not dlg.dial_button.isEnabled()
    assert dlg.call_state.text() == (
        "No working phone line here (none, or it is down), or your role places no calls: "
        "dial the resident by hand."
    )
    qtbot.keyClick(dlg, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # greyed: nothing
    assert app.wait_idle()
    assert not [d for d in audit_details(seeded.db, "pii_revealed") if '"dial"' in d]
    assert fake_dialogs(app).messages == []  # no error box for a line that is not there
    qtbot.keyClicks(dlg.note, "daughter confirmed")
    order = confirmed_order(qtbot, seeded, dlg)
    assert order.confirm_call_id is None  # nobody rang the resident since it was placed
    assert order.confirmed_by == "supervisor"
