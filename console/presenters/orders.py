"""Orders of daily necessities: order entry, the delivery board, proof of delivery, safeguards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TypeVar

from PySide6.QtCore import Slot
from shiboken6 import isValid

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.orders import (
    DeliveryRow,
    FailReason,
    MerchantChoice,
    OrderDraft,
    OrderEntryData,
    OrderError,
    OrderStatus,
    ProofRequest,
    ResidentChoice,
    SilenceRow,
    WindowChoice,
)
from core.permissions import Permission, Principal
from widgets.delivery_board import ConfirmDialog, DeliveryBoard, SilenceList
from widgets.delivery_proof import DeliveryProofDialog
from widgets.notifications import Level
from widgets.order_entry import OrderEntryWidget
from widgets.order_labels import refusal_text
from widgets.order_windows import OrderWindowsEditor
from widgets.service_pane import TabbedPane

T = TypeVar("T")
TABLES = frozenset({"necessity_order", "order_window", "delivery_event"})


class OrdersPresenter(Presenter):
    """Owns the Orders pane (a TabbedPane whose tabs it and others fill)."""

    name = "orders"
    watches = TABLES

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        self.pane = TabbedPane(ctx.window)
        self.entry = OrderEntryWidget()
        self.board = DeliveryBoard()
        self.silence = SilenceList()
        self.pane.add_tab(self.board, lambda: self.tr("Deliveries"))
        self.pane.add_tab(self.entry, lambda: self.tr("New order"))
        self.pane.add_tab(self.silence, lambda: self.tr("Silence list"))
        self.windows = OrderWindowsEditor()
        self.pane.add_tab(self.windows, lambda: self.tr("Windows"))
        self.proof_dialog: DeliveryProofDialog | None = None
        self._day: date | None = None
        self._plan_day: date | None = None
        self._resident: int | None = None
        self._loading = False
        self._again = False
        dock = ctx.window.add_pane(
            PaneSpec(
                "orders",
                lambda: self.tr("Orders"),
                self.pane,
                Area.TOP_RIGHT,
                order=89,
                shortcut="Ctrl+Shift+O",
                permission=Permission.PLACE_ORDERS,
            )
        )
        self.read_in_view(self.pane, dock)
        # A volunteer to carry the selected delivery (wired to the volunteers' task dialog).
        self.volunteer_task_hook: Callable[[int], None] | None = None
        # A welfare visit (a volunteer task) for a resident on the silence list: (id, weeks).
        self.welfare_visit_hook: Callable[[int, int], None] | None = None
        # Ring a resident on this workstation's line (the Calls pane's), with why it is read.
        self.dial_resident_hook: Callable[[int, str, Callable[[bool], None]], None] | None = None
        self.can_dial: Callable[[], bool] = lambda: False
        ctx.window.add_action(
            ActionSpec(
                "volunteer_task_for_delivery",
                lambda: self.tr("Volunteer task for the selected delivery…"),
                "tools",
                "Ctrl+Alt+L",
                permission=Permission.MANAGE_VOLUNTEERS,
            ),
            self._on_volunteer_task,
        )
        self.entry.sig_search.connect(self._on_entry_search)
        self.entry.sig_resident.connect(self._on_entry_resident)
        self.entry.sig_submit.connect(self._on_entry_submit)
        self.board.sig_day.connect(self._on_board_day)
        self.board.sig_step.connect(self._on_board_step)
        self.board.sig_fail.connect(self._on_board_fail)
        self.board.sig_confirm.connect(self._on_board_confirm)
        self.board.sig_dial_confirm.connect(self._on_dial_confirm)
        self.board.dial_available = lambda: self.can_dial()
        self.board.sig_proof.connect(self._on_board_proof)
        self.board.sig_reveal.connect(self._on_board_reveal)
        self.board.sig_new_order.connect(self._on_board_new_order)
        self.silence.sig_weeks.connect(self._on_silence_weeks)
        self.silence.sig_order_for.connect(self._on_silence_order_for)
        self.silence.sig_visit_for.connect(self._on_silence_visit_for)
        self.windows.sig_day.connect(self._on_windows_day)
        self.windows.sig_open.connect(self._on_windows_open)
        self.windows.sig_copy.connect(self._on_windows_copy)

    @Slot()
    def _on_volunteer_task(self) -> None:
        row = self.board.selected()
        if row is None:
            self.ctx.feedback.message(self.tr("Select the delivery on the board first."))
            return
        if self.volunteer_task_hook is not None:
            self.volunteer_task_hook(row.id)

    # --- lifecycle --------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        allowed = who.can(Permission.PLACE_ORDERS)
        self.board.can_reveal = who.can(Permission.VIEW_RESIDENT_PII)
        self.pane.setEnabled(allowed)
        if allowed:
            self.reload()

    def signed_out(self) -> None:
        self._day = None
        self._plan_day = None
        self._resident = None
        self.board.clear()
        self.entry.clear()
        self.silence.set_rows([])
        self.windows.set_plan([], [])
        if self.proof_dialog is not None:
            self.proof_dialog.reject()

    def locked(self) -> None:
        if self.proof_dialog is not None:
            self.proof_dialog.hide()

    def on_changes(self, changes: ChangesAvailable) -> None:
        self.reload()

    def reload(self) -> None:
        who = self.who
        if who is None or not who.can(Permission.PLACE_ORDERS) or self.owe_unless_in_view():
            return
        self._load_board(who)
        self._load_silence(who)
        self._load_windows(who)

    # --- public -----------------------------------------------------------------------------
    def new_order(self, resident_id: int | None = None, call_id: int | None = None) -> None:
        """Open the order entry (from a call: the hotline channel; for a known resident)."""
        self.ctx.window.show_pane("orders")
        self.pane.show_tab(self.entry)
        self.entry.clear()
        self.entry.set_call(call_id)
        self._resident = None
        if resident_id is not None:
            self._on_entry_resident(resident_id)
        else:
            self.entry.focus_search()

    # --- reads ------------------------------------------------------------------------------
    def _load_board(self, who: Principal) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        orders = self.ctx.services.orders
        day = self._day

        def job() -> tuple[date, list[DeliveryRow]]:
            d = day or orders.today()
            return d, orders.board(who, d)

        def done(result: tuple[date, list[DeliveryRow]]) -> None:
            self._loading = False
            d, rows = result
            if self._day is None:
                self._day = d
                self.board.set_day(d)
            if d == self._day:
                self.board.set_rows(rows)
            if self._again:
                self._again = False
                self._load_board(who)

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.ctx.feedback.report(exc, self.tr("Could not load the deliveries"))

        self.ctx.jobs.read(job, done, failed, "orders board")

    def _load_silence(self, who: Principal) -> None:
        orders = self.ctx.services.orders
        weeks = self.silence.weeks.value()
        self.read_for(
            who,
            lambda: orders.silence(who, weeks),
            self._on_silence_loaded,
            self.tr("Could not load the silence list"),
        )

    def _on_silence_loaded(self, rows: list[SilenceRow]) -> None:
        self.silence.set_rows(rows)

    # --- order entry ------------------------------------------------------------------------
    @Slot(str)
    def _on_entry_search(self, text: str) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self.read_for(
            who,
            lambda: orders.find_residents(who, text),
            self._on_residents_found,
            self.tr("Could not search residents"),
        )

    def _on_residents_found(self, rows: list[ResidentChoice]) -> None:
        self.entry.set_results(rows)

    @Slot(int)
    def _on_entry_resident(self, resident_id: int) -> None:
        who = self.who
        if who is None:
            return
        self._resident = resident_id
        orders = self.ctx.services.orders
        self.read_for(
            who,
            lambda: orders.entry_data(who, resident_id),
            self._on_entry_loaded,
            self.tr("Could not load the resident's ordering data"),
        )

    def _on_entry_loaded(self, data: OrderEntryData) -> None:
        if data.resident.id == self._resident:
            self.entry.set_entry(data)

    @Slot(object)
    def _on_entry_submit(self, draft: OrderDraft) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self.entry.set_busy(True)

        def placed(order_id: int) -> None:
            self.ctx.window.show_message(self.tr("Order {id} placed").format(id=order_id), 6000)
            self.entry.clear()
            self.entry.focus_search()
            self._load_board(who)

        def failed(exc: BaseException) -> None:
            self.entry.set_busy(False)
            if isinstance(exc, OrderError):
                self.ctx.feedback.notify(
                    Level.WARNING,
                    self.tr("Order not placed: {why}").format(why=refusal_text(exc.reason)),
                )
                if exc.reason in ("full", "merchant_closed", "window_over", "product"):
                    self._on_entry_resident(draft.resident_id)  # what is left, as it is now
                return
            self.ctx.feedback.report(exc, self.tr("Could not place the order"))

        self.ctx.jobs.write(lambda: orders.place(who, draft), placed, failed, "order place")

    # --- board ------------------------------------------------------------------------------
    def _write(
        self, job: Callable[[], T], what: str, on_ok: Callable[[T], None] | None = None
    ) -> None:
        """A board write; a refusal says why in words, then the board is read again."""
        who = self.who
        if who is None:
            return

        def ok(value: T) -> None:
            if on_ok is not None:
                on_ok(value)
            self._load_board(who)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OrderError):
                self.ctx.feedback.notify(
                    Level.WARNING,
                    self.tr("{what}: {why}").format(what=what, why=refusal_text(exc.reason)),
                )
                self._load_board(who)
                return
            self.ctx.feedback.report(exc, what)

        self.ctx.jobs.write(job, ok, failed, "orders")

    @Slot(object)
    def _on_board_day(self, day: date) -> None:
        self._day = day
        if self.who is not None:
            self._load_board(self.who)

    @Slot(int, str)
    def _on_board_step(self, order_id: int, status: str) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self._write(
            lambda: orders.step(who, order_id, OrderStatus(status)),
            self.tr("Could not move order {id}").format(id=order_id),
        )

    @Slot(int, str, str)
    def _on_board_fail(self, order_id: int, reason: str, note: str) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders

        def raised(incident_id: int | None) -> None:
            if incident_id is not None:
                self.ctx.feedback.notify(
                    Level.WARNING,
                    self.tr(
                        "Order {id} failed for a resident living alone: welfare check {inc} "
                        "raised in the incident queue"
                    ).format(id=order_id, inc=incident_id),
                )

        self._write(
            lambda: orders.fail(who, order_id, FailReason(reason), note),
            self.tr("Could not record the failure of order {id}").format(id=order_id),
            raised,
        )

    @Slot(int, bool, str)
    def _on_board_confirm(self, order_id: int, confirmed: bool, note: str) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self._write(
            lambda: orders.record_confirmation(who, order_id, confirmed, note),
            self.tr("Could not record the confirmation call for order {id}").format(id=order_id),
        )

    @Slot(object)
    def _on_dial_confirm(self, dlg: ConfirmDialog) -> None:
        """Ring the resident of an order waiting for its confirmation call, on this line."""
        hook = self.dial_resident_hook
        if hook is None or not self.can_dial():
            dlg.set_no_line()
            return

        def done(placed: bool) -> None:
            if not isValid(dlg):
                return  # closed while the number was read
            if placed:
                dlg.set_call_state(
                    self.tr("Call placed: it is in the Calls pane, and is linked when you record."),
                    may_dial_again=False,
                )
            else:
                dlg.set_call_state(
                    self.tr("The call could not be placed: dial by hand, or try again."),
                    may_dial_again=True,
                )

        hook(dlg.row.resident_id, self.tr("order confirmation"), done)

    @Slot(int)
    def _on_board_proof(self, order_id: int) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self.read_for(
            who,
            lambda: orders.proof_request(who, order_id),
            self._open_proof,
            self.tr("Could not open order {id}").format(id=order_id),
        )

    def _open_proof(self, request: ProofRequest) -> None:
        dlg = DeliveryProofDialog(request, self.ctx.window)
        self.proof_dialog = dlg
        dlg.accepted.connect(lambda: self._record_proof(dlg))
        dlg.finished.connect(self._on_proof_finished)
        self.ctx.dialogs.register(dlg)
        dlg.open()

    def _on_proof_finished(self, _code: int) -> None:
        dlg, self.proof_dialog = self.proof_dialog, None
        if dlg is not None:
            dlg.deleteLater()

    def _record_proof(self, dlg: DeliveryProofDialog) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        proof = dlg.proof()
        self._write(
            lambda: orders.deliver(who, proof),
            self.tr("Could not record the delivery of order {id}").format(id=proof.order_id),
        )

    @Slot(int)
    def _on_board_reveal(self, order_id: int) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders

        def shown(found: tuple[str, str, str]) -> None:
            name, phone, address = found
            self.board.show_detail(
                self.tr("Order {id}: {name}, {phone}, {address} (this look is recorded)").format(
                    id=order_id, name=name, phone=phone, address=address
                )
            )

        # A write: the reveal is audited, and audit rows are written on the writer thread.
        self.ctx.jobs.write(
            lambda: orders.reveal(who, order_id),
            shown,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not show the contact")),
            "orders reveal",
        )

    @Slot()
    def _on_board_new_order(self) -> None:
        self.new_order()

    # --- windows ----------------------------------------------------------------------------
    def _load_windows(self, who: Principal) -> None:
        orders = self.ctx.services.orders
        self.windows.set_can_edit(who.can(Permission.MANAGE_MERCHANTS))
        chosen = self._plan_day

        def job() -> tuple[date, tuple[list[MerchantChoice], list[WindowChoice]]]:
            d = chosen or orders.today()
            return d, orders.day_plan(who, d)

        self.read_for(who, job, self._on_windows_loaded, self.tr("Could not load the windows"))

    def _on_windows_loaded(
        self, result: tuple[date, tuple[list[MerchantChoice], list[WindowChoice]]]
    ) -> None:
        d, (merchants, windows) = result
        if self._plan_day is None:
            self._plan_day = d
            self.windows.set_day(d)
        if d == self._plan_day:
            self.windows.set_plan(merchants, windows)

    @Slot(object)
    def _on_windows_day(self, day: date) -> None:
        self._plan_day = day
        if self.who is not None:
            self._load_windows(self.who)

    @Slot(int, object, object, object, int)
    def _on_windows_open(
        self, merchant_id: int, day: date, starts: time, ends: time, capacity: int
    ) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders
        self.ctx.jobs.write(
            lambda: orders.open_window(who, merchant_id, day, starts, ends, capacity),
            lambda _id: self._load_windows(who),
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not open the window")),
            "orders window",
        )

    @Slot(object, int)
    def _on_windows_copy(self, day: date, days: int) -> None:
        who = self.who
        if who is None:
            return
        orders = self.ctx.services.orders

        def copied(n: int) -> None:
            self.ctx.window.show_message(
                self.tr("{n} windows opened on the following days").format(n=n), 6000
            )
            self._load_windows(who)

        self.ctx.jobs.write(
            lambda: orders.copy_windows(who, day, days),
            copied,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not copy the windows")),
            "orders windows copy",
        )

    # --- silence ----------------------------------------------------------------------------
    @Slot(int)
    def _on_silence_weeks(self, _weeks: int) -> None:
        if self.who is not None:
            self._load_silence(self.who)

    @Slot(int)
    def _on_silence_order_for(self, resident_id: int) -> None:
        self.new_order(resident_id)

    @Slot(int, int)
    def _on_silence_visit_for(self, resident_id: int, weeks: int) -> None:
        hook = self.welfare_visit_hook
        if hook is not None:
            hook(resident_id, weeks)
