"""An incident's details and timeline, with the state changes the user may make."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
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

from core.incidents import IncidentState
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import IncidentDetail
from widgets import labels
from widgets.palette import PRIORITY_COLOURS

# The order in which action buttons appear: the lifecycle's forward direction.
_ACTION_ORDER = (
    IncidentState.ACKNOWLEDGED,
    IncidentState.DISPATCHED,
    IncidentState.ON_SCENE,
    IncidentState.RESOLVED,
    IncidentState.CLOSED,
)


class IncidentDetailDialog(QDialog):
    """Shows one incident; each allowed next state is a button. Non-modal: the queue stays live."""

    sig_transition_requested = Signal(int, str, str)  # incident id, target state, note; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentDetail")
        self._zone = zone
        self._detail: IncidentDetail | None = None
        self._allowed: tuple[IncidentState, ...] = ()
        self.heading = QLabel(self)
        self.heading.setObjectName("incidentHeading")
        self.heading.setWordWrap(True)
        self.priority = QLabel(self)
        self.priority.setObjectName("incidentPriority")
        self.state = QLabel(self)
        self.community = QLabel(self)
        self.location = QLabel(self)
        self.reported = QLabel(self)
        self.claimed = QLabel(self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.form = QFormLayout()
        self._form_labels = [QLabel(self) for _ in range(7)]
        for label, field in zip(
            self._form_labels,
            (
                self.priority,
                self.state,
                self.community,
                self.location,
                self.reported,
                self.claimed,
                self.description,
            ),
            strict=True,
        ):
            self.form.addRow(label, field)
        self.timeline = QTreeWidget(self)
        self.timeline.setRootIsDecorated(False)
        self.timeline.setColumnCount(4)
        self.note = QLineEdit(self)
        self.note.setObjectName("transitionNote")
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.buttons: dict[IncidentState, QPushButton] = {}
        row = QHBoxLayout()
        for target in (*_ACTION_ORDER, None):
            b = QPushButton(self)
            key = target if target is not None else "reopen"
            b.setObjectName(f"action-{key}")
            b.clicked.connect(self._on_action_clicked)
            b.setProperty("target", key)
            row.addWidget(b)
            if target is not None:
                self.buttons[target] = b
            else:
                self.reopen = b
        row.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(self.form)
        lay.addWidget(self.timeline, 1)
        lay.addWidget(self.note)
        lay.addWidget(self.error)
        lay.addLayout(row)
        self.resize(720, 560)
        self.retranslate()

    @property
    def incident_id(self) -> int | None:
        """The incident shown."""
        return self._detail.row.id if self._detail else None

    def set_detail(self, detail: IncidentDetail, allowed: Iterable[IncidentState]) -> None:
        """Show an incident and offer the transitions in `allowed` (already permission-checked)."""
        same = self._detail is not None and self._detail.row.id == detail.row.id
        self._detail = detail
        self._allowed = tuple(allowed)
        r = detail.row
        self.heading.setText(f"#{r.id}  {r.title}")
        colour = PRIORITY_COLOURS[r.priority].name()
        self.priority.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.community.setText(r.community_name or "—")
        self.location.setText(r.location or "—")
        self.reported.setText(fmt_local(r.created_at, self._zone))
        self.claimed.setText(r.claimed_by or "—")
        self.description.setText(detail.description or "—")
        if not same:
            # A refresh of the same incident (after a step, or a change from another
            # workstation) keeps the note being typed and the reason a step was refused.
            self.error.clear()
            self.note.clear()
        self._fill_texts()

    def step_done(self) -> None:
        """A requested step was saved: its note is used up, and any old refusal is moot."""
        self.note.clear()
        self.error.clear()

    def show_error(self, text: str) -> None:
        """Say why a change was refused; the buttons stay usable."""
        self.error.setText(text)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for target, b in self.buttons.items():
            b.setEnabled(not busy and target in self._allowed)
        self.reopen.setEnabled(not busy and self._reopen_allowed())

    def _reopen_allowed(self) -> bool:
        d = self._detail
        return (
            d is not None
            and d.row.state in (IncidentState.RESOLVED, IncidentState.CLOSED)
            and IncidentState.ACKNOWLEDGED in self._allowed
        )

    def _on_action_clicked(self) -> None:
        d = self._detail
        if d is None:
            return
        key = str(self.sender().property("target"))
        note = self.note.text().strip()
        if key == "reopen":
            if not note:
                self.error.setText(self.tr("Write the reason for reopening in the note."))
                self.note.setFocus()
                return
            target = IncidentState.ACKNOWLEDGED
        else:
            target = IncidentState(key)
        self.error.clear()
        self._set_busy(True)
        self.sig_transition_requested.emit(d.row.id, target.value, note)

    def _fill_texts(self) -> None:
        d = self._detail
        if d is not None:
            self.setWindowTitle(self.tr("Incident #{id}").format(id=d.row.id))
            self.priority.setText(labels.priority(d.row.priority))
            self.state.setText(labels.incident_state(d.row.state))
            self.timeline.clear()
            for e in d.events:
                if e.kind == "created":
                    what = self.tr("Reported")
                elif e.from_state and e.to_state:
                    before, after = e.from_state, e.to_state
                    what = f"{labels.incident_state(before)} → {labels.incident_state(after)}"
                else:
                    what = e.kind
                QTreeWidgetItem(
                    self.timeline,
                    [
                        fmt_local(e.ts, self._zone),
                        what,
                        f"{e.actor or '—'} ({e.workstation})",
                        e.note,
                    ],
                )
            for i in range(self.timeline.columnCount() - 1):
                self.timeline.resizeColumnToContents(i)
        # While reopening is possible the forward ACKNOWLEDGED button would read oddly; the
        # reopen button carries that transition instead.
        reopening = self._reopen_allowed()
        for target, b in self.buttons.items():
            b.setVisible(
                target in self._allowed and not (reopening and target is IncidentState.ACKNOWLEDGED)
            )
        self.reopen.setVisible(reopening)
        self._set_busy(False)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        names = (
            self.tr("Priority"),
            self.tr("State"),
            self.tr("Community"),
            self.tr("Location"),
            self.tr("Reported"),
            self.tr("Handled by"),
            self.tr("Description"),
        )
        for label, text in zip(self._form_labels, names, strict=True):
            label.setText(text)
        self.timeline.setHeaderLabels(
            [self.tr("Time"), self.tr("Change"), self.tr("By"), self.tr("Note")]
        )
        self.note.setPlaceholderText(self.tr("Note for the timeline (required to reopen)"))
        self.buttons[IncidentState.ACKNOWLEDGED].setText(self.tr("Acknowledge"))
        self.buttons[IncidentState.DISPATCHED].setText(self.tr("Dispatched"))
        self.buttons[IncidentState.ON_SCENE].setText(self.tr("On scene"))
        self.buttons[IncidentState.RESOLVED].setText(self.tr("Resolve"))
        self.buttons[IncidentState.CLOSED].setText(self.tr("Review and close"))
        self.reopen.setText(self.tr("Reopen"))
        self.close_button.setText(self.tr("Close window"))
        self._fill_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
