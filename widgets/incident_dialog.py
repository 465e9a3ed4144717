"""Dialog for logging an incident by hand (a walk-in report, a phone call not yet on SIP)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from core.incidents import CALLER_NAME_MAX, CALLER_PHONE_MAX, LOCATION_MAX, TITLE_MAX
from core.model import Priority
from core.views import CommunityRow, IncidentTypeRow
from widgets import labels
from widgets.duplicates import DraftAssist
from widgets.forms import community_picker, ok_cancel


@dataclass(frozen=True, slots=True)
class NewIncident:
    """What the operator entered."""

    title: str
    priority: Priority
    community: str | None
    location: str
    description: str
    type_code: str | None = None
    caller_name: str = ""
    caller_phone: str = ""


class NewIncidentDialog(QDialog):
    """Title, priority, community, location and a description; Enter or Ctrl+Enter accepts."""

    def __init__(
        self,
        communities: Sequence[CommunityRow],
        parent: QWidget | None = None,
        types: Sequence[IncidentTypeRow] = (),
    ):
        super().__init__(parent)
        self.setObjectName("newIncidentDialog")
        self.setWindowTitle(self.tr("New incident"))
        # The type comes first: it sets the priority it usually has (which can be changed).
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("(other)"), None)
        self._types = {t.code: t for t in types}
        for t in types:
            self.kind.addItem(t.name, t.code)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.title = QLineEdit(self)
        self.priority = QComboBox(self)
        for p in Priority:
            self.priority.addItem(labels.priority(p), int(p))
        self.priority.setCurrentIndex(2)
        # A station sees one community: no street-wide choice for it.
        self.community = community_picker(
            self, communities, self.tr("(street-wide)") if len(communities) != 1 else None
        )
        self.location = QLineEdit(self)
        self.caller_name = QLineEdit(self)
        self.caller_name.setMaxLength(CALLER_NAME_MAX)
        self.caller_phone = QLineEdit(self)
        self.caller_phone.setMaxLength(CALLER_PHONE_MAX)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        buttons = ok_cancel(self, self._on_accept_clicked)
        form = QFormLayout(self)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Caller"), self.caller_name)
        form.addRow(self.tr("Caller's phone"), self.caller_phone)
        form.addRow(self.tr("Description"), self.description)
        # The caller's resident, possible duplicates and quick templates (widgets/duplicates.py).
        self.assist = DraftAssist(self)
        self.assist.watch(
            kind=self.kind,
            title=self.title,
            description=self.description,
            caller_phone=self.caller_phone,
            caller_name=self.caller_name,
            location=self.location,
            community=self.community,
        )
        form.addRow(self.assist)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        # Ctrl+Enter submits from any field, the description included (where Enter is a
        # new line); the same checks as OK. An event filter, not a QShortcut: the text edit
        # would take the key first.
        for field in (
            self.kind,
            self.title,
            self.priority,
            self.community,
            self.location,
            self.caller_name,
            self.caller_phone,
            self.description,
        ):
            field.installEventFilter(self)
        self.title.setMaxLength(TITLE_MAX)
        self.location.setMaxLength(LOCATION_MAX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._on_accept_clicked()
            return True
        return super().eventFilter(watched, event)

    def _on_kind_changed(self, _index: int) -> None:
        t = self._types.get(self.kind.currentData())
        if t is not None:
            self.priority.setCurrentIndex(max(0, self.priority.findData(int(t.priority))))
            if not self.title.text().strip():
                self.title.setText(t.name)
                self.title.selectAll()

    def prefill(self, v: NewIncident, error: str = "") -> None:
        """Show an entry again (after a failed save) so that nothing typed is lost."""
        self.kind.blockSignals(True)  # the saved priority wins over the type's default
        self.kind.setCurrentIndex(max(0, self.kind.findData(v.type_code)))
        self.kind.blockSignals(False)
        self.caller_name.setText(v.caller_name)
        self.caller_phone.setText(v.caller_phone)
        self.title.setText(v.title)
        self.priority.setCurrentIndex(max(0, self.priority.findData(int(v.priority))))
        self.community.setCurrentIndex(max(0, self.community.findData(v.community)))
        self.location.setText(v.location)
        self.description.setPlainText(v.description)
        self.error.setText(error)

    def _on_accept_clicked(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Give the incident a title."))
            self.title.setFocus()
            return
        self.accept()

    def value(self) -> NewIncident:
        """The entered incident."""
        return NewIncident(
            title=self.title.text().strip(),
            priority=Priority(self.priority.currentData()),
            community=self.community.currentData(),
            location=self.location.text().strip(),
            description=self.description.toPlainText().strip(),
            type_code=self.kind.currentData(),
            caller_name=self.caller_name.text().strip(),
            caller_phone=self.caller_phone.text().strip(),
        )
