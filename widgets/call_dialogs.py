"""The calls pane's dialogs: transfer to a department, link to an incident, no incident."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.assignments import DispatchTarget
from core.call_log import REASON_NOTE_MAX, NoIncidentReason, reason_problem
from core.views import IncidentRow
from widgets import labels
from widgets.calls import reason_label


def _buttons(dlg: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dlg
    )
    box.rejected.connect(dlg.reject)
    return box


def _error_label(parent: QWidget) -> QLabel:
    error = QLabel(parent)
    error.setObjectName("formError")
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.setWordWrap(True)
    return error


class TransferDialog(QDialog):
    """A department's or unit's phone to transfer the caller to (or a number typed)."""

    def __init__(
        self, targets: Sequence[DispatchTarget], caller: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer the call"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Transfer {caller} to:").format(caller=caller), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        for t in targets:
            if t.phone:
                item = QListWidgetItem(f"{t.name} — {t.phone}", self.list)
                item.setData(Qt.ItemDataRole.UserRole, t.phone)
            for u in t.units:
                item = QListWidgetItem(f"    {t.name} / {u.name} — {u.phone}", self.list)
                item.setData(Qt.ItemDataRole.UserRole, u.phone)
        self.list.setCurrentRow(-1)  # nothing chosen until the operator chooses
        self.list.currentItemChanged.connect(self._on_picked)
        self.list.itemDoubleClicked.connect(lambda _i: self._on_ok())
        self.number = QLineEdit(self)
        self.number.setObjectName("transferNumber")
        self.number.setMaxLength(40)
        self.number.setPlaceholderText(self.tr("or type a number"))
        self.error = _error_label(self)
        box = _buttons(self)
        box.accepted.connect(self._on_ok)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.number)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def _on_picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.number.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_ok(self) -> None:
        if not self.value():
            self.error.setText(self.tr("Choose where to transfer the call, or type a number."))
            return
        self.accept()

    def value(self) -> str:
        """The number to transfer to (digits, '+', '-' and spaces removed but '+')."""
        raw = self.number.text().strip()
        return "".join(c for c in raw if c.isdigit() or c in "+*#")


class LinkIncidentDialog(QDialog):
    """An incident in the queue to link the call to: picked from the open ones, or by number."""

    def __init__(self, rows: Sequence[IncidentRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linkIncidentDialog")
        self.setWindowTitle(self.tr("Link the call to an incident"))
        self.setMinimumWidth(480)
        self.list = QListWidget(self)
        for r in rows:
            item = QListWidgetItem(
                f"#{r.id}  P{int(r.priority)}  {labels.incident_state(r.state)}  "
                f"{r.community_name or '—'}  {r.title}",
                self.list,
            )
            item.setData(Qt.ItemDataRole.UserRole, r.id)
        self.list.currentItemChanged.connect(self._on_picked)
        self.list.itemDoubleClicked.connect(lambda _i: self._on_ok())
        self.number = QLineEdit(self)
        self.number.setObjectName("linkIncidentNumber")
        self.number.setMaxLength(12)
        self.number.setPlaceholderText(self.tr("or type an incident number"))
        self.error = _error_label(self)
        box = _buttons(self)
        box.accepted.connect(self._on_ok)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Open incidents, most urgent first:"), self))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.number)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def _on_picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.number.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_ok(self) -> None:
        if self.value() is None:
            self.error.setText(self.tr("Pick an incident, or type its number."))
            return
        self.accept()

    def value(self) -> int | None:
        """The incident's number, None if none is given."""
        text = self.number.text().strip().lstrip("#")
        return int(text) if text.isdigit() else None


class NoIncidentDialog(QDialog):
    """Why an answered call needs no incident: a reason from the list, words for "other"."""

    def __init__(self, caller: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noIncidentDialog")
        self.setWindowTitle(self.tr("Close the call without an incident"))
        self.setMinimumWidth(420)
        self.reason = QComboBox(self)
        self.reason.setObjectName("noIncidentReason")
        self.reason.addItem(self.tr("Choose a reason…"), None)
        for r in NoIncidentReason:
            self.reason.addItem(reason_label(r), r.value)
        self.note = QLineEdit(self)
        self.note.setObjectName("noIncidentNote")
        self.note.setMaxLength(REASON_NOTE_MAX)
        self.note.setPlaceholderText(self.tr("Note (required for \u201cOther\u201d)"))
        self.error = _error_label(self)
        intro = QLabel(self.tr("Call from {caller}").format(caller=caller), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        box = _buttons(self)
        box.accepted.connect(self._on_ok)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def _on_ok(self) -> None:
        reason, note = self.value()
        problem = reason_problem(reason, note)
        if problem is not None:
            self.error.setText(
                self.tr("Choose a reason.")
                if reason is None
                else self.tr("Say in a few words why (at least 4 characters).")
            )
            return
        self.accept()

    def value(self) -> tuple[NoIncidentReason | None, str]:
        """The reason chosen (None: not yet) and the note."""
        code = self.reason.currentData()
        return (NoIncidentReason(code) if code else None), self.note.text().strip()
