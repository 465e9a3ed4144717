"""Editing an incident: the edit form, the conflict of two saves, and the legal-hold reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.incident_edit import (
    EDIT_NOTE_MAX,
    ConflictInfo,
    EditField,
    IncidentChanges,
    needs_reason,
)
from core.incidents import LOCATION_MAX, TITLE_MAX
from core.model import Priority
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import IncidentRow, IncidentTypeRow
from widgets import labels

EDIT_SHORTCUT = "F2"  # the usual "edit this" key; Ctrl+Shift+letters are the steps
HOLD_SHORTCUT = "Ctrl+Shift+H"
HOLD_REASON_MIN, HOLD_REASON_MAX = 4, 200  # as the service checks them


def edit_kind_label(kind: str) -> str | None:
    """The timeline's "Change" text of an edit entry; None for other entries."""
    return {
        EditField.PRIORITY.value: QCoreApplication.translate("IncidentEdit", "Priority changed"),
        EditField.TYPE.value: QCoreApplication.translate("IncidentEdit", "Type changed"),
        EditField.LOCATION.value: QCoreApplication.translate("IncidentEdit", "Location changed"),
        EditField.TITLE.value: QCoreApplication.translate("IncidentEdit", "Title changed"),
    }.get(kind)


class EditControls(QWidget):
    """The incident window's Edit and Legal hold buttons, with their shortcuts.

    The owner enables them: Edit for handlers in scope, the hold for reviewers only.
    """

    sig_edit_requested = Signal()  # GUI thread
    sig_hold_requested = Signal(bool)  # True: set a hold, False: lift it; GUI thread

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.edit = QPushButton(self)
        self.edit.setObjectName("action-edit")
        self.hold = QPushButton(self)
        self.hold.setObjectName("action-legal-hold")
        self._held = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for b in (self.edit, self.hold):
            b.setAutoDefault(False)  # Enter in the note must never open anything
            b.setEnabled(False)
            lay.addWidget(b)
        self.hold.setVisible(False)
        self.edit.clicked.connect(self._on_edit_clicked)
        self.hold.clicked.connect(self._on_hold_clicked)
        # On the incident window, so the keys work wherever its focus is.
        for keys, b in ((EDIT_SHORTCUT, self.edit), (HOLD_SHORTCUT, self.hold)):
            QShortcut(QKeySequence(keys), window).activated.connect(b.click)
        self.retranslate()

    def set_state(self, *, can_edit: bool, can_hold: bool, held: bool) -> None:
        """What the signed-in user may do with the incident shown."""
        self._held = held
        self.edit.setEnabled(can_edit)
        self.hold.setVisible(can_hold)  # offered only to reviewers, as the service allows
        self.hold.setEnabled(can_hold)
        self.retranslate()

    @Slot()
    def _on_edit_clicked(self) -> None:
        self.sig_edit_requested.emit()

    @Slot()
    def _on_hold_clicked(self) -> None:
        self.sig_hold_requested.emit(not self._held)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.edit.setText(self.tr("Edit…"))
        what = self.tr("Change priority, type or location")  # lupdate reads no f-string
        self.edit.setToolTip(f"{what} ({EDIT_SHORTCUT})")
        self.hold.setText(self.tr("Lift legal hold…") if self._held else self.tr("Legal hold…"))
        self.hold.setToolTip(f"{self.hold.text()} ({HOLD_SHORTCUT})")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _error_label(parent: QWidget) -> QLabel:
    error = QLabel(parent)
    error.setObjectName("loginError")
    error.setWordWrap(True)
    error.setTextFormat(Qt.TextFormat.PlainText)  # refusals may quote user text
    return error


class IncidentEditDialog(QDialog):
    """Priority, type, location and title of one incident; keyboard first (Enter saves).

    It stays open until the owner says the save is done, so that a refusal or a lost database
    leaves everything typed in place.
    """

    sig_save_requested = Signal(object)  # IncidentChanges against the version shown; GUI thread

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentEdit")
        self._row: IncidentRow | None = None
        self.priority = QComboBox(self)
        for p in Priority:
            self.priority.addItem("", p)
        self.kind = QComboBox(self)
        self.location = QLineEdit(self)
        self.location.setMaxLength(LOCATION_MAX)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(TITLE_MAX)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("editReason")
        self.reason.setMaxLength(EDIT_NOTE_MAX)
        self.error = _error_label(self)
        self.save = QPushButton(self)
        self.save.setObjectName("editSave")
        self.save.setDefault(True)
        self.save.clicked.connect(self._on_save_clicked)
        self.cancel = QPushButton(self)
        self.cancel.clicked.connect(self.reject)
        self.form = QFormLayout()
        self._form_labels = [QLabel(self) for _ in range(5)]
        fields = (self.priority, self.kind, self.location, self.title_edit, self.reason)
        for label, field in zip(self._form_labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(self.cancel)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        self.priority.currentIndexChanged.connect(self._on_priority_changed)
        self.setMinimumWidth(460)
        self.retranslate()

    @property
    def row(self) -> IncidentRow | None:
        """The incident as the form was filled from it (its version is the one expected)."""
        return self._row

    def showEvent(self, event: QShowEvent) -> None:
        self.priority.setFocus()  # keyboard first: arrows or P1…P4 initials change it at once
        super().showEvent(event)

    def set_incident(self, row: IncidentRow, types: Sequence[IncidentTypeRow]) -> None:
        """Fill the form from the incident as shown."""
        self._row = row
        self.kind.clear()
        if row.type_code is None:
            self.kind.addItem("—", None)
        for t in types:
            self.kind.addItem(t.name, t.code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.type_code)))
        self.priority.setCurrentIndex(self.priority.findData(row.priority))
        self.location.setText(row.location)
        self.title_edit.setText(row.title)
        self.reason.clear()
        self.error.clear()
        self._on_priority_changed()
        self.priority.setFocus()

    def rebase(self, row: IncidentRow) -> None:
        """Expect the newer version of `row` and keep what the user typed (re-applying)."""
        self._row = row
        self.error.clear()

    def value(self) -> IncidentChanges:
        """What the form asks to change, against the incident it was filled from."""
        changes = IncidentChanges(
            priority=Priority(self.priority.currentData()),
            type_code=self.kind.currentData(),
            location=self.location.text(),
            title=self.title_edit.text(),
            note=self.reason.text().strip(),
        )
        return changes.against(self._row) if self._row is not None else changes

    def show_error(self, text: str) -> None:
        """Why the save failed; every field keeps what was typed."""
        self.error.setText(text)
        self.save.setEnabled(True)

    @Slot()
    def _on_priority_changed(self) -> None:
        # The reason is asked for only when it is needed, so that raising stays one key away.
        row = self._row
        wanted = self.priority.currentData()
        needed = row is not None and wanted is not None and needs_reason(row.priority, wanted)
        self.reason.setEnabled(needed)
        self._form_labels[4].setEnabled(needed)

    @Slot()
    def _on_save_clicked(self) -> None:
        row, changes = self._row, self.value()
        if row is None:
            return
        if changes.empty:
            self.reject()  # nothing changed: nothing to save
            return
        if not self.title_edit.text().strip():
            self.error.setText(self.tr("An incident needs a title."))
            self.title_edit.setFocus()
            return
        lowered = changes.priority is not None and needs_reason(row.priority, changes.priority)
        if lowered and not changes.note:
            self.error.setText(self.tr("Say why the priority is lowered."))
            self.reason.setFocus()
            return
        self.error.clear()
        self.save.setEnabled(False)  # until the save is done or refused
        self.sig_save_requested.emit(changes)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(
            self.tr("Edit incident #{id}").format(id=self._row.id) if self._row else self.tr("Edit")
        )
        names = (
            self.tr("&Priority"),
            self.tr("T&ype"),
            self.tr("&Location"),
            self.tr("T&itle"),
            self.tr("&Reason"),
        )
        for label, text in zip(self._form_labels, names, strict=True):
            label.setText(text)
        for i in range(self.priority.count()):
            self.priority.setItemText(i, labels.priority(Priority(self.priority.itemData(i))))
        self.reason.setPlaceholderText(self.tr("Required when lowering a P1 or P2"))
        self.save.setText(self.tr("Save"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@dataclass(frozen=True, slots=True)
class ConflictLine:
    """One field of a refused save: as the window showed it, as it is now, as this user wanted."""

    field: str
    shown: str
    theirs: str
    mine: str


class ConflictDialog(QDialog):
    """Another workstation saved first: its change, and the user's explicit choice.

    Reload shows the incident as it is now (the user's change is dropped); "Apply mine" saves
    the user's values over theirs, knowingly, against the version shown here.
    """

    sig_reload_requested = Signal()  # GUI thread
    sig_reapply_requested = Signal()  # GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentConflict")
        self._zone = zone
        self._info: ConflictInfo | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.fields = QTreeWidget(self)
        self.fields.setRootIsDecorated(False)
        self.fields.setColumnCount(4)
        self.fields.setMaximumHeight(130)  # a few fields at most; the entries below get the rest
        self.theirs = QTreeWidget(self)
        self.theirs.setRootIsDecorated(False)
        self.theirs.setColumnCount(4)
        self.reload = QPushButton(self)
        self.reload.setObjectName("conflictReload")
        self.reload.setDefault(True)  # the safe answer is the one Enter gives
        self.reload.clicked.connect(self._on_reload_clicked)
        self.reapply = QPushButton(self)
        self.reapply.setObjectName("conflictReapply")
        self.reapply.setAutoDefault(False)
        self.reapply.clicked.connect(self._on_reapply_clicked)
        self.their_label = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload)
        buttons.addWidget(self.reapply)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.fields)
        lay.addWidget(self.their_label)
        lay.addWidget(self.theirs, 1)
        lay.addLayout(buttons)
        self.resize(720, 420)
        self._lines: tuple[ConflictLine, ...] = ()
        self.retranslate()

    def set_conflict(
        self, info: ConflictInfo, lines: Sequence[ConflictLine], *, can_reapply: bool
    ) -> None:
        """Show a refused save: its fields (if an edit) and the entries made since."""
        self._info = info
        self._lines = tuple(lines)
        self.fields.setVisible(bool(self._lines))
        self.reapply.setVisible(can_reapply)
        self.reload.setFocus()
        self.retranslate()

    @Slot()
    def _on_reload_clicked(self) -> None:
        self.accept()
        self.sig_reload_requested.emit()

    @Slot()
    def _on_reapply_clicked(self) -> None:
        self.accept()
        self.sig_reapply_requested.emit()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Changed on another workstation"))
        self.fields.setHeaderLabels(
            [self.tr("Field"), self.tr("You saw"), self.tr("Now (theirs)"), self.tr("Yours")]
        )
        self.theirs.setHeaderLabels(
            [self.tr("Time"), self.tr("By"), self.tr("Change"), self.tr("Note")]
        )
        self.their_label.setText(self.tr("Saved meanwhile:"))
        self.reload.setText(self.tr("Reload (drop mine)"))
        self.reapply.setText(self.tr("Apply mine over theirs"))
        info = self._info
        if info is None:
            return
        last = info.changes[-1] if info.changes else None
        if last is not None:
            self.summary.setText(
                self.tr(
                    "Incident #{id} was changed by {who} ({ws}) at {time} after you opened it. "
                    "Nothing of yours was saved."
                ).format(
                    id=info.incident_id,
                    who=last.actor or "—",
                    ws=last.workstation,
                    time=fmt_local(last.ts, self._zone),
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "Incident #{id} was changed after you opened it. Nothing of yours was saved."
                ).format(id=info.incident_id)
            )
        self.fields.clear()
        for line in self._lines:
            QTreeWidgetItem(self.fields, [line.field, line.shown, line.theirs, line.mine])
        self.theirs.clear()
        for c in info.changes:
            what = edit_kind_label(c.kind) or _kind_label(c.kind)
            QTreeWidgetItem(
                self.theirs,
                [fmt_local(c.ts, self._zone), f"{c.actor or '—'} ({c.workstation})", what, c.note],
            )
        for tree in (self.fields, self.theirs):
            for i in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(i)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _kind_label(kind: str) -> str:
    return {
        "state": QCoreApplication.translate("IncidentEdit", "State changed"),
        "claimed": QCoreApplication.translate("IncidentEdit", "Taken over"),
        "legal_hold": QCoreApplication.translate("IncidentEdit", "Legal hold set"),
        "legal_hold_lifted": QCoreApplication.translate("IncidentEdit", "Legal hold lifted"),
    }.get(kind, kind)


class HoldReasonDialog(QDialog):
    """The reason for setting or lifting a legal hold (it goes on the timeline and the audit)."""

    sig_reason_given = Signal(bool, str)  # hold or lift, reason; GUI thread

    def __init__(self, hold: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legalHoldReason")
        self._hold = hold
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("holdReason")
        self.reason.setMaxLength(HOLD_REASON_MAX)
        self.error = _error_label(self)
        self.ok = QPushButton(self)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._on_ok_clicked)
        self.cancel = QPushButton(self)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(self.cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.prompt)
        lay.addWidget(self.reason)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        self.reason.setFocus()

    @Slot()
    def _on_ok_clicked(self) -> None:
        reason = " ".join(self.reason.text().split())
        if len(reason) < HOLD_REASON_MIN:
            self.error.setText(
                self.tr("Give a reason of at least {n} characters.").format(n=HOLD_REASON_MIN)
            )
            self.reason.setFocus()
            return
        self.accept()
        self.sig_reason_given.emit(self._hold, reason)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        if self._hold:
            self.setWindowTitle(self.tr("Legal hold"))
            self.prompt.setText(
                self.tr("Why is this incident held? Retention will not anonymise it while held.")
            )
            self.ok.setText(self.tr("Set hold"))
        else:
            self.setWindowTitle(self.tr("Lift legal hold"))
            self.prompt.setText(self.tr("Why is the hold lifted?"))
            self.ok.setText(self.tr("Lift hold…"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
