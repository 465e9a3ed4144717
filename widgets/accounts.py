"""The administrator's account list: who may sign in, in which role and scope, who is locked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model import RoleName
from core.timefmt import DEFAULT_ZONE, fmt_local, utcnow
from core.views import CommunityRow, UserRow
from widgets import labels
from widgets.forms import community_picker, ok_cancel


@dataclass(frozen=True, slots=True)
class NewAccount:
    """What the administrator entered for a new account (the password is generated)."""

    username: str
    display_name: str
    role: RoleName
    community: str | None


class NewAccountDialog(QDialog):
    """User name, display name, role and, for a station, its community."""

    def __init__(self, communities: Sequence[CommunityRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newAccountDialog")
        self.setWindowTitle(self.tr("New account"))
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for r in RoleName:
            self.role.addItem(labels.role(r), r.value)
        self.community = community_picker(self, communities, self.tr("(street-wide)"))
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        buttons = ok_cancel(self, self._on_accept_clicked)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.error)
        form.addRow(buttons)

    def _on_accept_clicked(self) -> None:
        v = self.value()
        if not v.username or not v.username.isascii() or " " in v.username:
            self.error.setText(self.tr("User names are letters and digits without spaces."))
            return
        if v.role is RoleName.STATION and v.community is None:
            self.error.setText(self.tr("A station account belongs to one community."))
            return
        self.accept()

    def value(self) -> NewAccount:
        """The entered account."""
        return NewAccount(
            username=self.username.text().strip(),
            display_name=self.display_name.text().strip() or self.username.text().strip(),
            role=RoleName(self.role.currentData()),
            community=self.community.currentData(),
        )


class AccountsDialog(QDialog):
    """Lists accounts; asks (by signal) to create, unlock or reset. The controller does it."""

    sig_create_requested = Signal(object)  # NewAccount; GUI thread
    sig_unlock_requested = Signal(str)  # username
    sig_reset_requested = Signal(str)  # username; to be confirmed by the receiver

    COLUMNS = 6

    def __init__(
        self,
        zone: str = DEFAULT_ZONE,
        clock: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self._zone = zone
        self._clock = clock
        self._rows: list[UserRow] = []
        self.communities: list[CommunityRow] = []
        self.new_dialog: NewAccountDialog | None = None
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # A new password is read out or copied from here, once.
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.unlock_button = QPushButton(self)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.new_button, self.unlock_button, self.reset_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        lay.addLayout(row)
        self.resize(860, 480)
        self.retranslate()

    def set_users(self, rows: Sequence[UserRow]) -> None:
        """Show the accounts, keeping the selection."""
        keep = self.selected_username()
        self._rows = list(rows)
        self._fill()
        for i, r in enumerate(self._rows):
            if r.username == keep:
                self.table.selectRow(i)
        self._update_buttons()

    def selected_username(self) -> str | None:
        """The user name of the selected row."""
        sel = self.table.selectionModel().selectedRows()
        return self._rows[sel[0].row()].username if sel else None

    def show_status(self, text: str) -> None:
        """A line under the table: what just happened, or why it did not."""
        self.status.setText(text)

    def _locked(self, r: UserRow) -> bool:
        return r.locked_until is not None and r.locked_until > self._clock()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._rows))
        for i, r in enumerate(self._rows):
            if not r.active:
                state = self.tr("Disabled")
            elif self._locked(r):
                state = self.tr("Locked until {t}").format(
                    t=fmt_local(r.locked_until, self._zone, seconds=False)
                )
            else:
                state = self.tr("Active")
            cells = (
                r.username,
                r.display_name,
                labels.role(r.role),
                ", ".join(r.communities) or self.tr("street-wide"),
                state,
                fmt_local(r.last_login_at, self._zone, seconds=False) or "—",
            )
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _update_buttons(self) -> None:
        name = self.selected_username()
        row = next((r for r in self._rows if r.username == name), None)
        self.unlock_button.setEnabled(row is not None and self._locked(row))
        self.reset_button.setEnabled(row is not None)

    def _on_new_clicked(self) -> None:
        dlg = NewAccountDialog(self.communities, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.sig_create_requested.emit(dlg.value()))
        self.new_dialog = dlg
        dlg.open()

    def _on_unlock_clicked(self) -> None:
        name = self.selected_username()
        if name:
            self.sig_unlock_requested.emit(name)

    def _on_reset_clicked(self) -> None:
        name = self.selected_username()
        if not name:
            return
        # The old password stops working at once: the presenter asks first.
        self.sig_reset_requested.emit(name)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Accounts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Communities"),
                self.tr("State"),
                self.tr("Last sign-in"),
            ]
        )
        self.new_button.setText(self.tr("New account…"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.reset_button.setText(self.tr("Reset password"))
        self.close_button.setText(self.tr("Close window"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
