"""The Time bank tab: accounts with their balances, an account's statement, and the steps
(deposit approved hours, give minutes to an elder relative, spend minutes on a service)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.certificates import format_hours
from core.timebank import (
    ELDER_AGE,
    NOTE_MAX,
    AccountKind,
    AccountRow,
    LedgerLine,
    Relation,
    TxnKind,
)
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.table_model import Column, RowTableModel

MAX_MINUTES = 100_000


def _right(_row: object) -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def minutes_text(minutes: int) -> str:
    """Signed hours with one decimal (the ledger counts minutes)."""
    sign = "−" if minutes < 0 else ""
    return f"{sign}{format_hours(abs(minutes))}"


class AccountsModel(RowTableModel[AccountRow, int]):
    """Accounts: the holder (masked as the reader must see them), community and balance."""

    def __init__(self, parent: QObject | None = None):
        self.community_names: dict[str, str] = {}
        super().__init__(
            [
                Column("kind", lambda: self.tr("Account"), lambda r: self.kind_text(r.kind)),
                Column("holder", lambda: self.tr("Holder"), lambda r: r.holder),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: self.community_names.get(r.community, r.community),
                ),
                Column(
                    "balance",
                    lambda: self.tr("Balance (hours)"),
                    lambda r: minutes_text(r.balance),
                    alignment=_right,
                    sort_key=lambda r: r.balance,
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    def kind_text(self, kind: AccountKind) -> str:
        return {
            AccountKind.COMMUNITY: self.tr("Community pool"),
            AccountKind.VOLUNTEER: self.tr("Volunteer"),
            AccountKind.RESIDENT: self.tr("Elder relative"),
        }[kind]


class StatementModel(RowTableModel[LedgerLine, tuple[int, int]]):
    """An account's entries, newest first."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        super().__init__(
            [
                Column(
                    "at",
                    lambda: self.tr("When"),
                    lambda r: fmt_local(r.at, self._zone, seconds=False),
                ),
                Column("kind", lambda: self.tr("Transaction"), lambda r: self.kind_text(r.kind)),
                Column(
                    "minutes",
                    lambda: self.tr("Hours"),
                    lambda r: ("+" if r.minutes > 0 else "") + minutes_text(r.minutes),
                    alignment=_right,
                    sort_key=lambda r: r.minutes,
                ),
                Column("counterpart", lambda: self.tr("Other side"), lambda r: r.counterpart),
                Column("note", lambda: self.tr("Note"), lambda r: r.note),
            ],
            key=lambda r: (r.txn_id, r.minutes),
            parent=parent,
        )

    def kind_text(self, kind: TxnKind) -> str:
        return {
            TxnKind.DEPOSIT: self.tr("Deposit of approved hours"),
            TxnKind.TRANSFER: self.tr("Given to an elder relative"),
            TxnKind.SPEND: self.tr("Service received"),
        }[kind]


class TransferDialog(QDialog):
    """Minutes from a volunteer to a relative aged 60 or more (the resident's record number)."""

    def __init__(
        self,
        volunteers: Sequence[tuple[int, str]],
        volunteer_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("timebankTransferDialog")
        self.setWindowTitle(self.tr("Give minutes to an elder relative"))
        self.volunteer = QComboBox(self)
        for vid, label in volunteers:
            self.volunteer.addItem(label, vid)
        if volunteer_id is not None:
            self.volunteer.setCurrentIndex(max(0, self.volunteer.findData(volunteer_id)))
        self.resident = QSpinBox(self)
        self.resident.setRange(0, 2_000_000_000)
        self.resident.setSpecialValueText(" ")
        self.relation = QComboBox(self)
        for rel, text in (
            (Relation.PARENT, self.tr("Parent")),
            (Relation.PARENT_IN_LAW, self.tr("Parent-in-law")),
            (Relation.GRANDPARENT, self.tr("Grandparent")),
            (Relation.SPOUSE, self.tr("Spouse")),
            (Relation.SIBLING, self.tr("Sibling")),
        ):
            self.relation.addItem(text, rel.value)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.note = QLineEdit(self)
        self.note.setMaxLength(NOTE_MAX)
        rule = QLabel(
            self.tr(
                "Minutes go only to a relative aged {age} or more, registered as a resident."
            ).format(age=ELDER_AGE),
            self,
        )
        rule.setWordWrap(True)
        rule.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("From the volunteer"), self.volunteer)
        form.addRow(self.tr("To the resident No."), self.resident)
        form.addRow(self.tr("Relation"), self.relation)
        form.addRow(self.tr("Minutes"), self.minutes)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.resident.valueChanged.connect(lambda _v: self._check())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(rule)
        box.addWidget(buttons)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(self.volunteer.count() > 0 and self.resident.value() > 0)

    def values(self) -> tuple[int, int, int, Relation, str]:
        """(volunteer id, resident id, minutes, relation, note)."""
        return (
            int(self.volunteer.currentData()),
            self.resident.value(),
            self.minutes.value(),
            Relation(self.relation.currentData()),
            self.note.text().strip(),
        )


class SpendDialog(QDialog):
    """Minutes spent from an account on a service the holder received."""

    def __init__(self, holder: str, balance: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timebankSpendDialog")
        self.setWindowTitle(self.tr("Spend minutes on a service"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, max(1, balance))
        self.minutes.setSuffix(self.tr(" min"))
        self.service = QLineEdit(self)
        self.service.setMaxLength(NOTE_MAX)
        form = QFormLayout()
        who = QLabel(holder, self)
        who.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Account"), who)
        form.addRow(self.tr("Minutes"), self.minutes)
        form.addRow(self.tr("Service received"), self.service)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.service.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)

    def values(self) -> tuple[int, str]:
        return self.minutes.value(), self.service.text().strip()


class TimebankWidget(QWidget):
    """Accounts on the left, the chosen account's statement on the right."""

    sig_account_selected = Signal(int)
    sig_deposit = Signal(int)  # volunteer id: deposit their approved hours not yet deposited
    sig_transfer = Signal(
        int, int, int, object, str
    )  # volunteer, resident, minutes, Relation, note
    sig_spend = Signal(int, int, str)  # account id, minutes, service

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timebankWidget")
        self.can_deposit = False
        self.can_move = False
        self._volunteers: list[tuple[int, str]] = []
        self.dialog: QDialog | None = None
        self.accounts = AccountsModel(self)
        self.statement = StatementModel(zone, self)
        self.deposit_button = QPushButton(self)
        self.transfer_button = QPushButton(self)
        self.spend_button = QPushButton(self)
        self.volunteer_label = QLabel(self)
        self.volunteer = QComboBox(self)
        self.deposit_button.clicked.connect(self._on_deposit_clicked)
        self.transfer_button.clicked.connect(self.open_transfer)
        self.spend_button.clicked.connect(self.open_spend)
        self.balance = QLabel(self)
        self.balance.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(self.volunteer_label)
        bar.addWidget(self.volunteer, 1)
        bar.addWidget(self.deposit_button)
        bar.addWidget(self.transfer_button)
        bar.addWidget(self.spend_button)
        self.table = QTableView(self)
        self.table.setModel(self.accounts)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.lines = QTableView(self)
        self.lines.setModel(self.statement)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setStretchLastSection(True)
        # Sized once (sizing to contents costs on every reset).
        self.table.horizontalHeader().resizeSection(self.accounts.column_index("kind"), 130)
        for name, width in (("at", 130), ("kind", 190)):
            self.lines.horizontalHeader().resizeSection(self.statement.column_index(name), width)
        right = QWidget(self)
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.balance)
        rbox.addWidget(self.lines)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(bar)
        box.addWidget(split)
        self.retranslate()
        self._update_buttons()

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every word in the current language: labels, buttons, titles, the balance line."""
        self.volunteer_label.setText(self.tr("Volunteer"))
        self.deposit_button.setText(self.tr("Deposit approved hours"))
        self.transfer_button.setText(self.tr("Give to a relative…"))
        self.spend_button.setText(self.tr("Spend…"))
        self.accounts.retranslate()
        self.statement.retranslate()
        self._show_balance(self.selected())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_balance(self, r: AccountRow | None) -> None:
        if r is None:
            self.balance.clear()
            return
        self.balance.setText(
            self.tr("{holder}: {hours} hours").format(
                holder=r.holder, hours=minutes_text(r.balance)
            )
        )

    # --- data in ------------------------------------------------------------------------------
    def set_accounts(self, rows: Sequence[AccountRow]) -> None:
        self.accounts.set_rows(rows)
        self._on_selection()

    def set_statement(self, account_id: int, lines: Sequence[LedgerLine]) -> None:
        r = self.selected()
        if r is None or r.id != account_id:
            return  # another account was chosen meanwhile
        self.statement.set_rows(lines)

    def set_volunteers(self, choices: Sequence[tuple[int, str]]) -> None:
        self._volunteers = list(choices)
        current = self.volunteer.currentData()
        self.volunteer.clear()
        for vid, label in self._volunteers:
            self.volunteer.addItem(label, vid)
        if current is not None:
            self.volunteer.setCurrentIndex(max(0, self.volunteer.findData(current)))
        self._update_buttons()

    def set_community_names(self, names: dict[str, str]) -> None:
        self.accounts.community_names = dict(names)
        self.accounts.refresh_column("community")

    def set_rights(self, *, deposit: bool, move: bool) -> None:
        self.can_deposit, self.can_move = deposit, move
        self._update_buttons()

    def clear(self) -> None:
        self.accounts.set_rows([])
        self.statement.set_rows([])
        self.set_volunteers([])
        self.balance.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts.row_at(rows[0].row()) if rows else None

    def select(self, account_id: int) -> None:
        i = self.accounts.index_of(account_id)
        if i is not None:
            self.table.selectRow(i)

    # --- steps --------------------------------------------------------------------------------
    def _on_selection(self) -> None:
        r = self.selected()
        self._update_buttons()
        self._show_balance(r)
        if r is None:
            self.statement.set_rows([])
            return
        if r.kind is AccountKind.VOLUNTEER and r.holder_id is not None:
            self.volunteer.setCurrentIndex(max(0, self.volunteer.findData(r.holder_id)))
        self.sig_account_selected.emit(r.id)

    def _update_buttons(self) -> None:
        r = self.selected()
        has_volunteer = self.volunteer.count() > 0
        self.deposit_button.setEnabled(self.can_deposit and has_volunteer)
        self.transfer_button.setEnabled(self.can_move and has_volunteer)
        self.spend_button.setEnabled(
            self.can_move
            and r is not None
            and r.kind is not AccountKind.COMMUNITY
            and r.balance > 0
        )

    def _on_deposit_clicked(self) -> None:
        vid = self.volunteer.currentData()
        if vid is not None:
            self.sig_deposit.emit(int(vid))

    def open_transfer(self) -> None:
        current = self.volunteer.currentData()
        dlg = TransferDialog(self._volunteers, None if current is None else int(current), self)
        dlg.accepted.connect(lambda: self.sig_transfer.emit(*dlg.values()))
        self._show(dlg)

    def open_spend(self) -> None:
        r = self.selected()
        if r is None:
            return
        dlg = SpendDialog(r.holder, r.balance, self)
        dlg.accepted.connect(lambda: self.sig_spend.emit(r.id, *dlg.values()))
        self._show(dlg)

    def _show(self, dlg: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dlg
        dlg.finished.connect(lambda _r: self._forget(dlg))
        dlg.open()

    def _forget(self, dlg: QDialog) -> None:
        if self.dialog is dlg:
            self.dialog = None
        dlg.deleteLater()
