"""Assignments: the incident window's list and the department desk, with the steps allowed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.assignments import NOTE_MAX, AssignmentRow, AssignmentState, Side, next_steps
from core.timefmt import DEFAULT_ZONE, fmt_local, local, utcnow
from widgets.table_model import Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex

STATE_COLOURS: dict[AssignmentState, QColor] = {
    AssignmentState.NOTIFIED: QColor("#ffd60a"),
    AssignmentState.ACCEPTED: QColor("#64d2ff"),
    AssignmentState.DECLINED: QColor("#ff453a"),
    AssignmentState.EN_ROUTE: QColor("#0a84ff"),
    AssignmentState.ON_SCENE: QColor("#bf5af2"),
    AssignmentState.DONE: QColor("#30d158"),
    AssignmentState.CANCELLED: QColor("#8e8e93"),
}
OVERDUE_COLOUR = QColor("#ff3b30")

# The desk's steps with their keys (only while the desk has the focus).
STEP_KEYS: dict[AssignmentState, str] = {
    AssignmentState.ACCEPTED: "Ctrl+Alt+A",
    AssignmentState.DECLINED: "Ctrl+Alt+D",
    AssignmentState.EN_ROUTE: "Ctrl+Alt+R",
    AssignmentState.ON_SCENE: "Ctrl+Alt+S",
    AssignmentState.DONE: "Ctrl+Alt+F",
    AssignmentState.CANCELLED: "Ctrl+Alt+X",
    AssignmentState.NOTIFIED: "Ctrl+Alt+N",
}


def state_label(s: AssignmentState) -> str:
    """An assignment state's name in the current language."""
    return {
        AssignmentState.NOTIFIED: QCoreApplication.translate("Assignments", "Notified"),
        AssignmentState.ACCEPTED: QCoreApplication.translate("Assignments", "Accepted"),
        AssignmentState.DECLINED: QCoreApplication.translate("Assignments", "Declined"),
        AssignmentState.EN_ROUTE: QCoreApplication.translate("Assignments", "En route"),
        AssignmentState.ON_SCENE: QCoreApplication.translate("Assignments", "On scene"),
        AssignmentState.DONE: QCoreApplication.translate("Assignments", "Done"),
        AssignmentState.CANCELLED: QCoreApplication.translate("Assignments", "Cancelled"),
    }[s]


def step_label(s: AssignmentState) -> str:
    """The button that takes an assignment to `s`."""
    return {
        AssignmentState.NOTIFIED: QCoreApplication.translate("Assignments", "Notify again"),
        AssignmentState.ACCEPTED: QCoreApplication.translate("Assignments", "Accept"),
        AssignmentState.DECLINED: QCoreApplication.translate("Assignments", "Decline…"),
        AssignmentState.EN_ROUTE: QCoreApplication.translate("Assignments", "En route"),
        AssignmentState.ON_SCENE: QCoreApplication.translate("Assignments", "On scene"),
        AssignmentState.DONE: QCoreApplication.translate("Assignments", "Done…"),
        AssignmentState.CANCELLED: QCoreApplication.translate("Assignments", "Cancel assignment"),
    }[s]


def event_label(kind: str) -> str | None:
    """A timeline entry of an assignment step, or None if `kind` is not one."""
    if kind == "assignment_unanswered":
        return QCoreApplication.translate("Assignments", "Assignment unanswered")
    if not kind.startswith("assignment_"):
        return None
    try:
        state = AssignmentState(kind.removeprefix("assignment_"))
    except ValueError:
        return None
    return QCoreApplication.translate("Assignments", "Assignment: {state}").format(
        state=state_label(state)
    )


def _who(r: AssignmentRow) -> str:
    return f"{r.department} · {r.unit}" if r.unit else r.department


class AssignmentsModel(RowTableModel[AssignmentRow, int]):
    """Assignments with a state chip, times and the phone; `desk` adds the incident."""

    def __init__(
        self,
        zone: str = DEFAULT_ZONE,
        *,
        desk: bool = False,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ):
        self._zone = zone
        self._clock = clock
        columns: list[Column[AssignmentRow]] = [
            Column(
                "state",
                lambda: QCoreApplication.translate("Assignments", "State"),
                self._state_text,
                foreground=lambda r: QBrush(
                    OVERDUE_COLOUR if r.overdue(self._clock()) else STATE_COLOURS[r.state]
                ),
            ),
        ]
        if desk:
            columns.append(
                Column(
                    "incident",
                    lambda: QCoreApplication.translate("Assignments", "Incident"),
                    lambda r: f"#{r.incident_id} {r.incident_title}",
                )
            )
            columns.append(
                Column(
                    "location",
                    lambda: QCoreApplication.translate("Assignments", "Location"),
                    lambda r: r.incident_location,
                )
            )
        columns += [
            Column(
                "who", lambda: QCoreApplication.translate("Assignments", "Department / unit"), _who
            ),
            Column(
                "phone",
                lambda: QCoreApplication.translate("Assignments", "Phone"),
                lambda r: r.phone,
                tooltip=self._phone_tip,
            ),
            Column(
                "since",
                lambda: QCoreApplication.translate("Assignments", "Since"),
                lambda r: local(r.since(), self._zone).strftime("%H:%M"),
                tooltip=self._times,
            ),
            Column(
                "note",
                lambda: QCoreApplication.translate("Assignments", "Note"),
                lambda r: r.decline_reason or r.note,
            ),
        ]
        super().__init__(columns, key=lambda r: r.id, parent=parent)

    def _state_text(self, r: AssignmentRow) -> str:
        text = "● " + state_label(r.state)
        if r.overdue(self._clock()):
            text += " · " + QCoreApplication.translate("Assignments", "no answer")
        return text

    @staticmethod
    def _phone_tip(r: AssignmentRow) -> str:
        return (
            QCoreApplication.translate("Assignments", "Click or Ctrl+C copies {phone}").format(
                phone=r.phone
            )
            if r.phone
            else ""
        )

    def _times(self, r: AssignmentRow) -> str:
        stamps = (
            (AssignmentState.NOTIFIED, r.notified_at),
            (AssignmentState.ACCEPTED, r.accepted_at),
            (AssignmentState.DECLINED, r.declined_at),
            (AssignmentState.EN_ROUTE, r.en_route_at),
            (AssignmentState.ON_SCENE, r.on_scene_at),
            (AssignmentState.DONE, r.done_at),
            (AssignmentState.CANCELLED, r.cancelled_at),
        )
        return "\n".join(
            f"{state_label(s)}: {fmt_local(at, self._zone)}" for s, at in stamps if at is not None
        )


class AssignmentTable(QTableView):
    """A table of assignments; a click on a phone, or Ctrl+C, copies the phone number."""

    sig_phone_copied = Signal(str)  # the number now on the clipboard; GUI thread

    def __init__(self, model: AssignmentsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        # Fixed widths wide enough for both languages; the last column stretches.
        widths = {"state": 130, "incident": 200, "location": 110, "who": 220, "phone": 120}
        for name, width in widths.items():
            if name in {c.name for c in model.columns}:
                self.setColumnWidth(model.column_index(name), width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.clicked.connect(self._on_clicked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+C copies the phone, not the cell: the number is what gets dialled.
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_phone()
            return
        super().keyPressEvent(event)

    def current(self) -> AssignmentRow | None:
        """The selected assignment."""
        i = self.currentIndex()
        return self._model.row_at(i.row()) if i.isValid() else None

    @Slot()
    def copy_phone(self) -> None:
        """The selected assignment's phone number onto the clipboard."""
        r = self.current()
        if r is not None and r.phone:
            QGuiApplication.clipboard().setText(r.phone)
            self.sig_phone_copied.emit(r.phone)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == self._model.column_index("phone"):
            self.copy_phone()


class AssignmentListWidget(QWidget):
    """The incident window's assignments: who was sent, their answer and times, the phone."""

    sig_dispatch_requested = Signal(int)  # incident id; GUI thread
    sig_step_requested = Signal(int, str, str, int)  # assignment, step, note, version

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentAssignments")
        self.model = AssignmentsModel(zone, parent=self)
        self.table = AssignmentTable(self.model, self)
        # A few rows: the timeline above keeps the room; more scroll.
        self.table.setMinimumHeight(70)
        self.table.setMaximumHeight(130)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("assignment-cancel")
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(lambda: self._control(AssignmentState.CANCELLED))
        self.renotify = QPushButton(self)
        self.renotify.setObjectName("assignment-renotify")
        self.renotify.setAutoDefault(False)
        self.renotify.clicked.connect(lambda: self._control(AssignmentState.NOTIFIED))
        self.table.sig_phone_copied.connect(self._on_phone_copied)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self._incident: int | None = None
        self._can_control = False
        self._incident_open = True
        row = QHBoxLayout()
        row.addWidget(self.title)
        row.addWidget(self.status, 1)
        row.addWidget(self.renotify)
        row.addWidget(self.cancel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def set_rows(
        self,
        incident_id: int,
        rows: Iterable[AssignmentRow],
        can_control: bool,
        incident_open: bool = True,
    ) -> None:
        """Show an incident's assignments (in place: the selection survives a refresh).

        A resolved or closed incident (`incident_open` False) notifies nobody again; one of its
        assignments left open can still be cancelled.
        """
        if incident_id != self._incident:
            self.status.clear()
        self._incident = incident_id
        self._can_control = can_control
        self._incident_open = incident_open
        self.model.set_rows(rows)
        self._update_buttons()

    def set_incident_open(self, incident_open: bool) -> None:
        """The incident's own state changed (resolved, reopened): notify-again follows it at
        once, not only with the next list read."""
        self._incident_open = incident_open
        self._update_buttons()

    def rows(self) -> tuple[AssignmentRow, ...]:
        """The assignments shown, in order."""
        return self.model.rows()

    def _control(self, step: AssignmentState) -> None:
        r = self.table.current()
        if r is not None and self._can_control:
            self.sig_step_requested.emit(r.id, step.value, "", r.version)

    @Slot()
    def _update_buttons(self) -> None:
        r = self.table.current()
        steps = next_steps(r.state, Side.CONTROL) if r is not None else ()
        self.cancel.setEnabled(self._can_control and AssignmentState.CANCELLED in steps)
        self.renotify.setEnabled(
            self._can_control and self._incident_open and AssignmentState.NOTIFIED in steps
        )

    @Slot(str)
    def _on_phone_copied(self, phone: str) -> None:
        self.status.setText(self.tr("Copied {phone}").format(phone=phone))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.title.setText(self.tr("Assignments"))
        self.cancel.setText(step_label(AssignmentState.CANCELLED))
        self.renotify.setText(step_label(AssignmentState.NOTIFIED))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


PHOTO_KEY = "Ctrl+Alt+P"
# Once a department has taken the work on, its photos belong to the incident.
PHOTO_STATES = frozenset(
    {
        AssignmentState.ACCEPTED,
        AssignmentState.EN_ROUTE,
        AssignmentState.ON_SCENE,
        AssignmentState.DONE,
    }
)


class AssignmentDeskWidget(QWidget):
    """The department desk: its assignments, open first, with a button per step.

    `side` DEPARTMENT answers and reports; CONTROL (the control room's read of all open
    assignments) may only cancel or notify again. Decline needs a reason and Done a note,
    typed in the note field.
    """

    sig_step_requested = Signal(int, str, str, int)  # assignment, step, note, version
    sig_incident_activated = Signal(int)  # incident id (double-click / Enter)
    sig_photo_requested = Signal(int)  # incident id: attach a photo of the work

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assignmentDesk")
        self.model = AssignmentsModel(zone, desk=True, parent=self)
        self.table = AssignmentTable(self.model, self)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLineEdit(self)
        self.note.setObjectName("assignmentNote")
        self.note.setMaxLength(NOTE_MAX)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.side = Side.DEPARTMENT
        self.buttons: dict[AssignmentState, QPushButton] = {}
        row = QHBoxLayout()
        for step, keys in STEP_KEYS.items():
            b = QPushButton(self)
            b.setObjectName(f"step-{step.value}")
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, s=step: self.request(s))
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(b.click)  # nothing while disabled
            self.buttons[step] = b
            row.addWidget(b)
        # A photo of the work (on scene or done), stored with the incident's attachments.
        self.photo = QPushButton(self)
        self.photo.setObjectName("assignmentPhoto")
        self.photo.setAutoDefault(False)
        self.photo.clicked.connect(self._on_photo_clicked)
        photo_key = QShortcut(QKeySequence(PHOTO_KEY), self)
        photo_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        photo_key.activated.connect(self.photo.click)
        row.addWidget(self.photo)
        row.addStretch(1)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.table.sig_phone_copied.connect(self._on_phone_copied)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        lay.addWidget(self.error)
        lay.addLayout(row)
        self._heading = ""
        self.retranslate()

    def set_side(self, side: Side, heading: str) -> None:
        """Who uses the desk: the department's own users, or the control room (read-mostly)."""
        self.side = side
        self._heading = heading
        for step, b in self.buttons.items():
            b.setVisible(bool(_steps_of(side) & {step}))
        self.photo.setVisible(side is Side.DEPARTMENT)
        self.heading.setText(heading)
        self._update_buttons()

    def set_rows(self, rows: Iterable[AssignmentRow]) -> None:
        """Replace the rows (in place)."""
        self.model.set_rows(rows)
        self._update_buttons()

    def upsert(self, rows: Iterable[AssignmentRow], gone: Iterable[int] = ()) -> None:
        """Merge changed rows and drop those no longer on the desk."""
        self.model.remove_keys(gone)
        self.model.upsert(rows)
        self._update_buttons()

    def clear(self) -> None:
        """Forget every row and note (sign-out)."""
        self.model.set_rows([])
        self.note.clear()
        self.error.clear()

    def step_done(self) -> None:
        """A step was saved: its note is used up."""
        self.note.clear()
        self.error.clear()

    def show_error(self, text: str) -> None:
        """Why a step was refused."""
        self.error.setText(text)

    def request(self, step: AssignmentState) -> None:
        """Ask for a step on the selected assignment, checking what it needs first."""
        r = self.table.current()
        if r is None or step not in next_steps(r.state, self.side):
            return
        note = self.note.text().strip()
        if step is AssignmentState.DECLINED and not note:
            self.error.setText(self.tr("Write the reason for declining in the note."))
            self.note.setFocus()
            return
        if step is AssignmentState.DONE and not note:
            self.error.setText(self.tr("Write what was done in the note."))
            self.note.setFocus()
            return
        self.error.clear()
        self.sig_step_requested.emit(r.id, step.value, note, r.version)

    @Slot()
    def _update_buttons(self) -> None:
        r = self.table.current()
        steps = next_steps(r.state, self.side) if r is not None else ()
        for step, b in self.buttons.items():
            b.setEnabled(step in steps)
        self.photo.setEnabled(r is not None and AssignmentState(r.state) in PHOTO_STATES)

    def photo_added(self, name: str) -> None:
        """A photo was stored with the incident."""
        self.error.setText(self.tr("Attached {name} to the incident").format(name=name))

    @Slot()
    def _on_photo_clicked(self) -> None:
        r = self.table.current()
        if r is not None and AssignmentState(r.state) in PHOTO_STATES:
            self.error.clear()
            self.sig_photo_requested.emit(r.incident_id)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_incident_activated.emit(self.model.row_at(index.row()).incident_id)

    @Slot(str)
    def _on_phone_copied(self, phone: str) -> None:
        self.error.setText(self.tr("Copied {phone}").format(phone=phone))

    def retranslate(self) -> None:
        """Texts in the current language."""
        for step, b in self.buttons.items():
            b.setText(step_label(step))
            b.setToolTip(f"{step_label(step)} ({STEP_KEYS[step]})")
        self.note.setPlaceholderText(
            self.tr("Note: the reason when declining, what was done when finishing")
        )
        self.photo.setText(self.tr("Attach photo…"))
        self.photo.setToolTip(
            self.tr("A photo of the work, kept with the incident ({key})").format(key=PHOTO_KEY)
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _steps_of(side: Side) -> set[AssignmentState]:
    return {t for s in AssignmentState for t in next_steps(s, side)}
