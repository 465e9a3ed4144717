"""The day's delivery board: orders by window with their status, deliverer and flags; filters,
the status steps, the confirmation call, failure with a reason; and the silence list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.orders import (
    FINAL,
    SILENCE_WEEKS,
    BoardCounts,
    BoardFilter,
    DeliveryRow,
    FailReason,
    Flag,
    OrderStatus,
    SilenceRow,
    money,
    next_step,
)
from widgets.flow_layout import FlowLayout
from widgets.order_labels import fail_text, flag_text, status_text
from widgets.table_model import SORT_ROLE, Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
FLAG_TEXT = QColor("#ffc66d")
BAD_TEXT = QColor("#ff9f94")
DONE_TEXT = QColor("#8fd19e")
STEP_KEY, FAIL_KEY, PROOF_KEY, CONFIRM_KEY = "Alt+N", "Alt+F", "Alt+P", "Alt+K"
CANCEL_KEY, REVEAL_KEY, NEW_KEY = "Alt+X", "Alt+R", "Alt+O"


class BoardModel(RowTableModel[DeliveryRow, int]):
    """One row per order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("id", lambda: self.tr("No."), lambda r: str(r.id), sort_key=lambda r: r.id),
                Column("window", lambda: self.tr("Window"), lambda r: r.window),
                Column(
                    "status",
                    lambda: self.tr("Status"),
                    self._status,
                    foreground=self._status_colour,
                ),
                Column("resident", lambda: self.tr("Resident"), lambda r: r.resident),
                Column("address", lambda: self.tr("Address"), lambda r: r.address),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                Column("merchant", lambda: self.tr("Merchant"), lambda r: r.merchant),
                Column("deliverer", lambda: self.tr("Deliverer"), lambda r: r.deliverer or "—"),
                Column(
                    "total",
                    lambda: self.tr("Amount"),
                    lambda r: money(r.total_cents),
                    sort_key=lambda r: r.total_cents,
                ),
                Column(
                    "flags",
                    lambda: self.tr("Flags"),
                    lambda r: " · ".join(flag_text(f) for f in r.flags),
                    foreground=lambda r: QBrush(FLAG_TEXT) if r.flags else None,
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    @staticmethod
    def _status(r: DeliveryRow) -> str:
        text = status_text(r.status)
        return f"{text} — {fail_text(r.fail_reason)}" if r.fail_reason else text

    @staticmethod
    def _status_colour(r: DeliveryRow) -> QBrush | None:
        if r.status is OrderStatus.FAILED:
            return QBrush(BAD_TEXT)
        if r.status is OrderStatus.DELIVERED:
            return QBrush(DONE_TEXT)
        return None


class BoardProxy(QSortFilterProxyModel):
    """The board's filters (core.orders.BoardFilter) over the model's rows."""

    def __init__(self, model: BoardModel, parent: QObject | None = None):
        super().__init__(parent)
        self.board = model
        self.filter = BoardFilter()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)

    def set_filter(self, f: BoardFilter) -> None:
        # begin/endFilterChange: invalidateFilter() is deprecated since Qt 6.10.
        self.beginFilterChange()
        self.filter = f
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return self.filter.matches(self.board.row_at(source_row))


class FailDialog(QDialog):
    """Why the delivery failed (a reason and a note)."""

    def __init__(self, order_id: int, lives_alone: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delivery failed — order {id}").format(id=order_id))
        self.reason = QComboBox()
        for r in FailReason:
            if r is not FailReason.NOT_CONFIRMED:
                self.reason.addItem(fail_text(r), r.value)
        self.note = QLineEdit()
        self.note.setMaxLength(150)
        warn = QLabel(
            self.tr(
                "The resident lives alone: nobody at the door raises a welfare check in the "
                "incident queue."
            )
            if lives_alone
            else ""
        )
        warn.setWordWrap(True)
        warn.setStyleSheet("color: #ffc66d;")
        form = QFormLayout(self)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(warn)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> tuple[FailReason, str]:
        return FailReason(self.reason.currentData()), self.note.text().strip()


class ConfirmDialog(QDialog):
    """The outcome of the confirmation call for an order that waits for one.

    Dial (Ctrl+D) asks the presenter to ring the resident on this workstation's line; the call
    found for the resident since the order was placed is linked to the confirmation.
    """

    sig_dial = Signal()

    def __init__(self, row: DeliveryRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.setMinimumWidth(440)  # the read-back and the call's state on few lines
        self.setWindowTitle(self.tr("Confirmation call — order {id}").format(id=row.id))
        text = QLabel(
            self.tr(
                "Call {resident} (or the family) and read the order back: {amount} from "
                "{merchant}. Did they confirm it?"
            ).format(resident=row.resident, amount=money(row.total_cents), merchant=row.merchant)
        )
        text.setWordWrap(True)
        self.dial_button = QPushButton(self.tr("Dial (Ctrl+D)"))
        self.dial_button.setShortcut("Ctrl+D")  # after the text, which would reset it
        self.dial_button.setAutoDefault(False)
        self.dial_button.clicked.connect(self._dial)
        self.call_state = QLabel()
        self.call_state.setWordWrap(True)
        dial_row = QHBoxLayout()
        dial_row.addWidget(self.dial_button)
        dial_row.addWidget(self.call_state, 1)
        self.note = QLineEdit()
        self.note.setMaxLength(150)
        self.note.setPlaceholderText(self.tr("Who confirmed, what was said"))
        box = QVBoxLayout(self)
        box.addWidget(text)
        box.addLayout(dial_row)
        box.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.yes = buttons.addButton(self.tr("Confirmed"), QDialogButtonBox.ButtonRole.YesRole)
        self.no = buttons.addButton(self.tr("Not confirmed"), QDialogButtonBox.ButtonRole.NoRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.answer: bool | None = None
        self.yes.clicked.connect(lambda: self._done(True))
        self.no.clicked.connect(lambda: self._done(False))
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def set_call_state(self, text: str, *, may_dial_again: bool) -> None:
        """What became of the call (placed, or why not); Dial again only when it may help."""
        self.call_state.setText(text)
        self.dial_button.setEnabled(may_dial_again)

    def set_no_line(self) -> None:
        """No line here, or a role that places no calls: Dial greyed out, saying why."""
        self.set_call_state(
            self.tr(
                "No working phone line here (none, or it is down), or your role places no calls: "
                "dial the resident by hand."
            ),
            may_dial_again=False,
        )

    def _dial(self) -> None:
        if self.dial_button.isEnabled():
            self.dial_button.setEnabled(False)  # one call at a time; the presenter answers
            self.call_state.setText(self.tr("Calling…"))
            self.sig_dial.emit()

    def _done(self, answer: bool) -> None:
        self.answer = answer
        self.accept()


class SilenceModel(RowTableModel[SilenceRow, int]):
    """Residents who stopped ordering."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("resident", lambda: self.tr("Resident"), lambda r: r.resident),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                Column("last", lambda: self.tr("Last order"), lambda r: r.last_order.isoformat()),
                Column(
                    "weeks",
                    lambda: self.tr("Weeks silent"),
                    lambda r: str(r.weeks),
                    sort_key=lambda r: r.weeks,
                ),
                Column("orders", lambda: self.tr("Orders before"), lambda r: str(r.orders_before)),
                Column(
                    "alone",
                    lambda: self.tr("Lives alone"),
                    lambda r: self.tr("yes") if r.lives_alone else "",
                    foreground=lambda r: QBrush(FLAG_TEXT) if r.lives_alone else None,
                ),
            ],
            key=lambda r: r.resident_id,
            parent=parent,
        )


class SilenceList(QWidget):
    """The silence list: who ordered before and not for N weeks (a welfare visit may be due)."""

    sig_weeks = Signal(int)
    sig_order_for = Signal(int)  # resident id: order for them now
    sig_visit_for = Signal(int, int)  # resident id, weeks silent: a welfare visit

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = SilenceModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setVisible(False)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 26)
        self.weeks.setValue(SILENCE_WEEKS)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.order_button = QPushButton()
        self.visit_button = QPushButton()
        self.visit_button.setEnabled(False)
        self.order_button.setEnabled(False)
        self._weeks_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self._weeks_label)
        top.addWidget(self.weeks)
        top.addStretch(1)
        top.addWidget(self.visit_button)
        top.addWidget(self.order_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.hint)
        box.addWidget(self.view, 1)
        self.weeks.valueChanged.connect(self.sig_weeks)
        self.order_button.clicked.connect(self._on_order_clicked)
        self.visit_button.clicked.connect(self._on_visit_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.retranslate()

    def set_rows(self, rows: Sequence[SilenceRow]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()

    def selected_resident(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()).resident_id if index.isValid() else None

    def _update_buttons(self) -> None:
        chosen = self.selected_resident() is not None
        self.order_button.setEnabled(chosen)
        self.visit_button.setEnabled(chosen)

    def _on_order_clicked(self) -> None:
        resident = self.selected_resident()
        if resident is not None:
            self.sig_order_for.emit(resident)

    def _on_visit_clicked(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            row = self.model.row_at(index.row())
            self.sig_visit_for.emit(row.resident_id, row.weeks)

    def retranslate(self) -> None:
        self._weeks_label.setText(self.tr("Silent for at least (weeks)"))
        self.hint.setText(
            self.tr(
                "Residents who ordered at least twice and nothing since: a welfare visit may be "
                "due. Those living alone first to call."
            )
        )
        self.order_button.setText(self.tr("Order for this resident"))
        self.visit_button.setText(self.tr("Welfare visit… (Alt+W)"))
        self.visit_button.setShortcut("Alt+W")  # after the text, which would reset it
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DeliveryBoard(QWidget):
    """The day's orders. Emits requests; the presenter writes and feeds rows back."""

    sig_day = Signal(object)  # date
    sig_step = Signal(int, str)  # order id, OrderStatus value (picked, en route, cancelled)
    sig_fail = Signal(int, str, str)  # order id, FailReason value, note
    sig_confirm = Signal(int, bool, str)  # order id, confirmed, note
    sig_proof = Signal(int)  # order id: open the proof dialog
    sig_dial_confirm = Signal(object)  # the ConfirmDialog whose resident is to be rung
    sig_reveal = Signal(int)  # order id: show the resident's name, phone, address (audited)
    sig_new_order = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = BoardModel(self)
        self.proxy = BoardProxy(self.model, self)
        self.view = QTableView()
        self.view.setObjectName("deliveryBoard")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.status = QComboBox()
        self.merchant = QComboBox()
        self.flag = QComboBox()
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_button = QPushButton()
        self.confirm_button = QPushButton()
        self.proof_button = QPushButton()
        self.fail_button = QPushButton()
        self.cancel_button = QPushButton()
        self.reveal_button = QPushButton()
        # Off for a role that sees residents masked: the button was on, then refused.
        self.can_reveal = True
        self.new_button = QPushButton()
        # The filters wrap too: squeezed into one row, "All merchants" read "All merch".
        self.filter_bar = QWidget()
        filters = FlowLayout(self.filter_bar)
        self.text.setMinimumWidth(200)
        for combo in (self.status, self.merchant, self.flag):
            # Their items come after the first show: sized then, "All merchants" was cut.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for w in (self.day, self.status, self.merchant, self.flag, self.text):
            filters.addWidget(w)
        # Wrapped onto a second row in a narrow pane rather than squeezed past reading.
        self.button_bar = QWidget()
        buttons = FlowLayout(self.button_bar)
        for b in (
            self.new_button,
            self.step_button,
            self.confirm_button,
            self.proof_button,
            self.fail_button,
            self.cancel_button,
            self.reveal_button,
        ):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addWidget(self.filter_bar)
        box.addWidget(self.counts)
        box.addWidget(self.view, 1)
        box.addWidget(self.detail)
        box.addWidget(self.button_bar)
        self.dialog: QDialog | None = None  # the step dialog open now (tests answer it)
        # Whether Dial can ring out from this workstation now (the presenter answers).
        self.dial_available: Callable[[], bool] = lambda: False
        self.day.dateChanged.connect(self._on_day_changed)
        for combo in (self.status, self.merchant, self.flag):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.text.textChanged.connect(self._on_filter_changed)
        sel = self.view.selectionModel()
        sel.currentRowChanged.connect(self._on_current_changed)
        self.step_button.clicked.connect(self._on_step_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.proof_button.clicked.connect(self._on_proof_clicked)
        self.fail_button.clicked.connect(self._on_fail_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.reveal_button.clicked.connect(self._on_reveal_clicked)
        self.new_button.clicked.connect(self.sig_new_order)
        for key, slot in (
            (STEP_KEY, self._on_step_clicked),
            (CONFIRM_KEY, self._on_confirm_clicked),
            (PROOF_KEY, self._on_proof_clicked),
            (FAIL_KEY, self._on_fail_clicked),
            (CANCEL_KEY, self._on_cancel_clicked),
            (REVEAL_KEY, self._on_reveal_clicked),
            (NEW_KEY, self.sig_new_order.emit),
        ):
            # While the board has the focus only: other panes bind Alt+letters of their own.
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.retranslate()

    # --- feeding ----------------------------------------------------------------------------
    def set_day(self, day: date) -> None:
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)

    def chosen_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def set_rows(self, rows: Sequence[DeliveryRow]) -> None:
        """The day's orders (replacing what was shown; selection kept by order id)."""
        self.model.set_rows(rows)
        self._fill_merchants(rows)
        self._update_counts()
        self._update_buttons()

    def selected(self) -> DeliveryRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select(self, order_id: int) -> None:
        i = self.model.index_of(order_id)
        if i is None:
            return
        index = self.proxy.mapFromSource(self.model.index(i, 0))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def show_detail(self, text: str) -> None:
        self.detail.setText(text)

    def clear(self) -> None:
        self.model.set_rows([])
        self.detail.clear()
        self._update_counts()
        self._update_buttons()

    # --- internals --------------------------------------------------------------------------
    def _fill_merchants(self, rows: Sequence[DeliveryRow]) -> None:
        names = sorted({r.merchant for r in rows})
        current = self.merchant.currentData()
        self.merchant.blockSignals(True)
        self.merchant.clear()
        self.merchant.addItem(self.tr("All merchants"), "")
        for n in names:
            self.merchant.addItem(n, n)
        index = self.merchant.findData(current) if current else 0
        self.merchant.setCurrentIndex(max(0, index))
        self.merchant.blockSignals(False)

    def _on_filter_changed(self, *_a: object) -> None:
        self.proxy.set_filter(
            BoardFilter(
                status=self.status.currentData() or "",
                merchant=self.merchant.currentData() or "",
                flag=self.flag.currentData() or "",
                text=self.text.text().strip(),
            )
        )
        self._update_counts()
        self._update_buttons()

    def _on_day_changed(self, *_a: object) -> None:
        self.sig_day.emit(self.chosen_day())

    def _update_counts(self) -> None:
        counts = BoardCounts.of(self.model.rows())
        parts = [
            f"{status_text(s)} {counts.by_status[s]}" for s in OrderStatus if s in counts.by_status
        ]
        shown = self.proxy.rowCount()
        self.counts.setText(
            self.tr("{shown} of {all} orders").format(shown=shown, all=len(self.model))
            + ("  ·  " + "  ".join(parts) if parts else "")
        )

    def _on_current_changed(self, *_a: object) -> None:
        self._update_buttons()
        r = self.selected()
        if r is None:
            self.detail.clear()
            return
        flags = ", ".join(flag_text(f) for f in r.flags)
        self.detail.setText(
            self.tr("Order {id}: {resident}, {address} — {merchant}, {window}, {deliverer}").format(
                id=r.id,
                resident=r.resident,
                address=r.address,
                merchant=r.merchant,
                window=r.window,
                deliverer=r.deliverer or "—",
            )
            + (f"  [{flags}]" if flags else "")
        )

    def _update_buttons(self) -> None:
        r = self.selected()
        status = r.status if r is not None else None
        nxt = next_step(status) if status is not None else None
        self.step_button.setEnabled(nxt is not None and Flag.LICENCE not in (r.flags if r else ()))
        self.step_button.setText(
            self.tr("Next: {step} (Alt+N)").format(step=status_text(nxt))
            if nxt is not None
            else self.tr("Next step (Alt+N)")
        )
        self.confirm_button.setEnabled(status is OrderStatus.AWAITING_CONFIRMATION)
        self.proof_button.setEnabled(status is OrderStatus.EN_ROUTE)
        self.fail_button.setEnabled(status is not None and status not in FINAL)
        self.cancel_button.setEnabled(
            status in (OrderStatus.AWAITING_CONFIRMATION, OrderStatus.ACCEPTED, OrderStatus.PICKED)
        )
        self.reveal_button.setEnabled(r is not None and self.can_reveal)

    def _on_step_clicked(self) -> None:
        r = self.selected()
        nxt = next_step(r.status) if r is not None else None
        if r is not None and nxt is not None and self.step_button.isEnabled():
            self.sig_step.emit(r.id, nxt.value)

    def _on_confirm_clicked(self) -> None:
        r = self.selected()
        if r is None or r.status is not OrderStatus.AWAITING_CONFIRMATION:
            return
        dlg = ConfirmDialog(r, self)
        dlg.sig_dial.connect(lambda: self.sig_dial_confirm.emit(dlg))
        if not self.dial_available():
            dlg.set_no_line()

        def done() -> None:
            if dlg.answer is not None:
                self.sig_confirm.emit(r.id, dlg.answer, dlg.note.text().strip())

        self._open(dlg, done)

    def _on_proof_clicked(self) -> None:
        r = self.selected()
        if r is not None and r.status is OrderStatus.EN_ROUTE:
            self.sig_proof.emit(r.id)

    def _on_fail_clicked(self) -> None:
        r = self.selected()
        if r is None or r.status in FINAL:
            return
        dlg = FailDialog(r.id, Flag.LIVES_ALONE in r.flags, self)

        def done() -> None:
            reason, note = dlg.value()
            self.sig_fail.emit(r.id, reason.value, note)

        self._open(dlg, done)

    def _open(self, dlg: QDialog, on_accepted: Callable[[], None]) -> None:
        """Window-modal, not blocking: the board keeps updating behind it."""
        self.dialog = dlg
        dlg.accepted.connect(on_accepted)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _on_cancel_clicked(self) -> None:
        r = self.selected()
        if r is not None and self.cancel_button.isEnabled():
            self.sig_step.emit(r.id, OrderStatus.CANCELLED.value)

    def _on_reveal_clicked(self) -> None:
        r = self.selected()
        if r is not None:
            self.sig_reveal.emit(r.id)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.text.setPlaceholderText(self.tr("Search number, resident, deliverer, address"))
        for combo, items in (
            (
                self.status,
                [(self.tr("All statuses"), "")] + [(status_text(s), s.value) for s in OrderStatus],
            ),
            (
                self.flag,
                [(self.tr("All flags"), "")] + [(flag_text(f), f.value) for f in Flag],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.blockSignals(False)
        if self.merchant.count():
            self.merchant.setItemText(0, self.tr("All merchants"))
        self.new_button.setText(self.tr("New order (Alt+O)"))
        self.confirm_button.setText(self.tr("Confirmation call (Alt+K)"))
        self.proof_button.setText(self.tr("Hand-off with proof (Alt+P)"))
        self.fail_button.setText(self.tr("Failed (Alt+F)"))
        self.cancel_button.setText(self.tr("Cancel order (Alt+X)"))
        self.reveal_button.setText(self.tr("Show contact (Alt+R)"))
        self.model.retranslate()
        self._update_counts()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
