"""The administrator's account list: who may sign in, in which role and scope, who is locked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
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
from core.views import CommunityRow, DepartmentRow, UserRow
from widgets import labels
from widgets.consent import ReasonDialog
from widgets.forms import community_picker, ok_cancel
from widgets.table_titles import fit_columns


@dataclass(frozen=True, slots=True)
class NewAccount:
    """What the administrator entered for a new account (the password is generated)."""

    username: str
    display_name: str
    role: RoleName
    community: str | None
    department: str | None = None  # the code; set only for a department account


class NewAccountDialog(QDialog):
    """User name, display name, role; a station's community, a department account's department."""

    def __init__(
        self,
        communities: Sequence[CommunityRow],
        departments: Sequence[DepartmentRow] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("newAccountDialog")
        self.setWindowTitle(self.tr("New account"))
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for r in RoleName:
            self.role.addItem(labels.role(r), r.value)
        self.department = QComboBox(self)
        self.department.setObjectName("newAccountDepartment")
        self.department.addItem(self.tr("(choose the department)"), None)
        for d in departments:
            self.department.addItem(f"{d.code} {d.name}", d.code)
        self.community = community_picker(self, communities, self.tr("(street-wide)"))
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        buttons = ok_cancel(self, self._on_accept_clicked)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        # Right under the role: Tab from the role reaches it when it is enabled.
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.error)
        form.addRow(buttons)
        self.role.currentIndexChanged.connect(self._on_role_changed)
        self.username.textEdited.connect(self._clear_error)
        self.department.currentIndexChanged.connect(self._clear_error)
        self.community.currentIndexChanged.connect(self._clear_error)
        self._on_role_changed()

    def _on_role_changed(self) -> None:
        is_department = self._role() is RoleName.DEPARTMENT
        self.department.setEnabled(is_department)
        if not is_department:
            # Only a department account names a department; the service refuses it otherwise.
            self.department.setCurrentIndex(0)
        self._clear_error()

    def _clear_error(self) -> None:
        self.error.clear()

    def _role(self) -> RoleName:
        return RoleName(self.role.currentData())

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.setText(message)
        field.setFocus()

    def _on_accept_clicked(self) -> None:
        v = self.value()
        if not v.username or not v.username.isascii() or " " in v.username:
            self._refuse(
                self.tr("User names are letters and digits without spaces."), self.username
            )
            return
        if v.role is RoleName.STATION and v.community is None:
            self._refuse(self.tr("A station account belongs to one community."), self.community)
            return
        if v.role is RoleName.DEPARTMENT and v.department is None:
            if self.department.count() <= 1:
                self._refuse(
                    self.tr("The site has no departments; add them to the site file first."),
                    self.role,
                )
            else:
                self._refuse(
                    self.tr("A department account answers for one department: choose it."),
                    self.department,
                )
            return
        self.accept()

    def value(self) -> NewAccount:
        """The entered account."""
        role = self._role()
        return NewAccount(
            username=self.username.text().strip(),
            display_name=self.display_name.text().strip() or self.username.text().strip(),
            role=role,
            community=self.community.currentData(),
            department=self.department.currentData() if role is RoleName.DEPARTMENT else None,
        )


class AccountsDialog(QDialog):
    """Lists accounts; asks (by signal) to create, unlock, reset, disable or enable them.

    The controller does it. `me` is the signed-in administrator, whose own account this
    dialog does not offer to disable.
    """

    sig_create_requested = Signal(object)  # NewAccount; GUI thread
    sig_unlock_requested = Signal(str)  # username
    sig_reset_requested = Signal(str)  # username; to be confirmed by the receiver
    sig_disable_requested = Signal(str, str)  # username, reason (asked here)
    sig_enable_requested = Signal(str)  # username

    COLUMNS = 7

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
        self.departments: list[DepartmentRow] = []
        self.me: str | None = None
        self.new_dialog: NewAccountDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
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
        self.active_button = QPushButton(self)
        self.active_button.setObjectName("accountActiveButton")
        self.active_button.clicked.connect(self._on_active_clicked)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.new_button, self.unlock_button, self.reset_button, self.active_button):
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

    def _selected_row(self) -> UserRow | None:
        name = self.selected_username()
        return next((r for r in self._rows if r.username == name), None)

    def _communities_text(self, codes: Sequence[str]) -> str:
        if not codes:
            return self.tr("street-wide")
        names = {c.code: c.name for c in self.communities}
        return ", ".join(f"{code} {names.get(code, '')}".strip() for code in codes)

    def _department_text(self, code: str | None) -> str:
        if code is None:
            return "—"
        name = next((d.name for d in self.departments if d.code == code), "")
        return f"{code} {name}".strip()

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
                self._department_text(r.department),
                self._communities_text(r.communities),
                state,
                fmt_local(r.last_login_at, self._zone, seconds=False) or "—",
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not r.active:
                    # Greyed: still listed (its history names it), but it cannot sign in.
                    item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                self.table.setItem(i, j, item)
        fit_columns(self.table)

    def _update_buttons(self) -> None:
        row = self._selected_row()
        self.unlock_button.setEnabled(row is not None and row.active and self._locked(row))
        self.reset_button.setEnabled(row is not None and row.active)
        enable = row is not None and not row.active
        self.active_button.setText(self.tr("Enable") if enable else self.tr("Disable…"))
        own = row is not None and row.username == self.me
        self.active_button.setEnabled(row is not None and not own)
        self.active_button.setToolTip(
            self.tr("You cannot disable your own account.")
            if own
            else self.tr(
                "It can no longer sign in; a console signed in with it can change nothing."
            )
        )

    def _on_new_clicked(self) -> None:
        dlg = NewAccountDialog(self.communities, self.departments, self)
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

    def _on_active_clicked(self) -> None:
        row = self._selected_row()
        if row is None or row.username == self.me:
            return
        if not row.active:
            self.sig_enable_requested.emit(row.username)
            return
        dlg = ReasonDialog(
            self.tr("Disable account"),
            self.tr(
                "Disable {user} ({name})? The account can no longer sign in, and a console "
                "signed in with it can change nothing more. Its records stay; it can be enabled "
                "again. Say why: the reason goes into the audit log."
            ).format(user=row.username, name=row.display_name),
            minimum=2,
            ok_text=self.tr("Disable"),
            parent=self,
        )
        username = row.username
        dlg.sig_submitted.connect(
            lambda reason, _path: self.sig_disable_requested.emit(username, reason)
        )
        if self.reason_dialog is not None:
            # Kept until the next one (not deleted on close): the answer may come after.
            self.reason_dialog.deleteLater()
        self.reason_dialog = dlg
        dlg.open()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Accounts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Department"),
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
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
