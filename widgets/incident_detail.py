"""An incident's details and timeline, with the state changes the user may make."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.incidents import NOTE_MAX, IncidentState
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import IncidentDetail, IncidentEventRow
from widgets import labels
from widgets.alarm_status import alarm_kind_label
from widgets.assignments import AssignmentListWidget
from widgets.assignments import event_label as assignment_event
from widgets.attachments import AttachmentsWidget
from widgets.duplicates import DuplicatesPanel, merge_kind_label
from widgets.incident_edit import EditControls, edit_kind_label
from widgets.palette import PRIORITY_COLOURS
from widgets.text import plain_tooltip
from widgets.text_view import GrowingText

# Every step button, in the lifecycle's forward direction, with its shortcut. The buttons never
# move or hide: a step that is not allowed now is disabled, so repeated clicks on one spot
# cannot walk an incident through several states.
_STEPS = (
    (IncidentState.ACKNOWLEDGED, "Ctrl+Shift+A"),
    (IncidentState.DISPATCHED, "Ctrl+Shift+D"),
    (IncidentState.ON_SCENE, "Ctrl+Shift+S"),
    (IncidentState.RESOLVED, "Ctrl+Shift+R"),
    (IncidentState.CLOSED, "Ctrl+Shift+C"),
)
_REOPEN_SHORTCUT = "Ctrl+Shift+O"
TIMELINE_MIN_ROWS = 3  # entries the timeline always has room for
_TAKE_OVER_SHORTCUT = "Ctrl+Shift+T"
_REOPEN_FROM = (IncidentState.RESOLVED, IncidentState.CLOSED)


def _is_reopen(e: IncidentEventRow) -> bool:
    return e.from_state in _REOPEN_FROM and e.to_state is IncidentState.ACKNOWLEDGED


class IncidentDetailDialog(QDialog):
    """Shows one incident; every step is a button in a fixed place, enabled when allowed.

    Non-modal: the queue stays live. Keyboard first: the note has the focus whenever an
    incident is shown, and each step has a Ctrl+Shift shortcut.
    """

    sig_take_over_requested = Signal(int)  # incident id; the owner asks first; GUI thread
    sig_transition_requested = Signal(int, str, str)  # incident id, target state, note; GUI thread
    sig_close_with_note_requested = Signal()  # closing while a note is typed; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentDetail")
        self._zone = zone
        self._detail: IncidentDetail | None = None
        self._timeline_of: int | None = None  # the incident whose timeline is shown
        self._allowed: tuple[IncidentState, ...] = ()
        self._busy = False
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
        # As tall as its text up to six lines, then it scrolls: a long description (a
        # tracking rule writes eight lines) must not squeeze the timeline below it.
        self.description = GrowingText(self, max_lines=6)
        self.kind = QLabel(self)
        self.caller = QLabel(self)
        self.form = QFormLayout()
        self._form_labels = [QLabel(self) for _ in range(9)]
        fields = (
            self.priority,
            self.kind,
            self.state,
            self.community,
            self.location,
            self.caller,
            self.reported,
            self.claimed,
            self.description,
        )
        for label, field in zip(self._form_labels, fields, strict=True):
            self.form.addRow(label, field)
        for field in (*fields[:-1], self.heading):
            # Titles, places and descriptions are typed by people (or arrive from alarm
            # panels): a label must never render them as HTML.
            field.setTextFormat(Qt.TextFormat.PlainText)
        self.location.setWordWrap(True)
        self.timeline = QTreeWidget(self)
        self.timeline.setRootIsDecorated(False)
        self.timeline.setColumnCount(4)
        # The incident's story: never squeezed below a few entries by the panels around it.
        row_h = self.fontMetrics().lineSpacing() + 8
        self.timeline.setMinimumHeight(TIMELINE_MIN_ROWS * row_h + row_h + 4)
        self.note = QLineEdit(self)
        self.note.setObjectName("transitionNote")
        self.note.setMaxLength(NOTE_MAX)
        # How it ended, from the incident type's list; asked for only when resolving one.
        self.disposition = QComboBox(self)
        self.disposition.setObjectName("disposition")
        self._dispositions: tuple[str, ...] = ()
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # refusals may quote user text
        self.buttons: dict[IncidentState, QPushButton] = {}
        self._shortcuts: dict[QShortcut, QPushButton] = {}
        row = QHBoxLayout()
        for target, keys in (*_STEPS, (None, _REOPEN_SHORTCUT)):
            b = QPushButton(self)
            key = target.value if target is not None else "reopen"
            b.setObjectName(f"action-{key}")
            b.setProperty("target", key)
            # Not a default button: Enter in the note must never take a step.
            b.setAutoDefault(False)
            # A QShortcut rather than QPushButton.setShortcut: that one clicks through
            # animateClick, 100 ms later, when the step allowed may already have changed.
            sc = QShortcut(QKeySequence(keys), self)
            sc.activated.connect(self._on_shortcut_activated)
            self._shortcuts[sc] = b
            b.clicked.connect(self._on_action_clicked)
            if target is not None:
                self.buttons[target] = b
            else:
                row.addSpacing(12)  # going back is set apart from the forward steps
                self.reopen = b
            row.addWidget(b)
        # Taking over someone else's incident: set apart too, and asked about by the owner.
        self.take_over = QPushButton(self)
        self.take_over.setObjectName("action-take-over")
        self.take_over.setAutoDefault(False)
        self.take_over.setEnabled(False)
        self.take_over.clicked.connect(self._on_take_over_clicked)
        take_sc = QShortcut(QKeySequence(_TAKE_OVER_SHORTCUT), self)
        take_sc.activated.connect(self.take_over.click)  # nothing while disabled
        row.addSpacing(12)
        row.addWidget(self.take_over)
        self._can_take_over = False
        # Edit (F2) and legal hold: enabled by the owner (widgets/incident_edit.py).
        self.edit_controls = EditControls(self)
        row.addWidget(self.edit_controls)
        self._close_confirmed = False
        row.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        self.button_row = row
        # What is read scrolls when the screen is short (a station's 1366x768); the note and
        # the steps below it always stay on screen.
        self.body = _Body(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.heading)
        body.addLayout(self.form)
        body.addWidget(self.timeline, 1)
        # Who was sent and how they answered (filled by the assignments presenter).
        self.assignments = AssignmentListWidget(zone, self.body)
        body.addWidget(self.assignments)
        # Merge links and possible duplicates (widgets/duplicates.py); the timelines of
        # incidents merged into this one are joined into its own (set_joined).
        self.duplicates = DuplicatesPanel(self.body)
        self.joined: tuple[IncidentEventRow, ...] = ()
        body.addWidget(self.duplicates)
        # Files and snapshots (console/presenters/attachments.py fills it).
        self.attachments = AttachmentsWidget(zone, self.body)
        body.addWidget(self.attachments)
        self.body_scroll = QScrollArea(self)
        self.body_scroll.setObjectName("incidentBody")
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setWidget(self.body)
        self._sized = False
        lay = self._layout = QVBoxLayout(self)
        lay.addWidget(self.body_scroll, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.disposition)
        lay.addLayout(note_row)
        lay.addWidget(self.error)
        lay.addLayout(row)
        # Tab goes from the note through the steps; the timeline is last, so typing never
        # lands in its type-ahead search.
        chain = [
            self.note,
            self.disposition,
            *self.buttons.values(),
            self.reopen,
            self.take_over,
            self.close_button,
            self.timeline,
        ]
        for first, then in pairwise(chain):
            self.setTabOrder(first, then)
        self.note.setFocus()
        self.resize(760, 560)
        self.retranslate()

    @property
    def incident_id(self) -> int | None:
        """The incident shown."""
        return self._detail.row.id if self._detail else None

    def set_detail(
        self,
        detail: IncidentDetail,
        allowed: Iterable[IncidentState],
        *,
        type_name: str = "",
        dispositions: Sequence[str] = (),
        take_over: bool = False,
    ) -> None:
        """Show an incident and offer the transitions in `allowed` (already permission-checked).

        `dispositions` are the endings its type allows; resolving must pick one of them.
        """
        same = self._detail is not None and self._detail.row.id == detail.row.id
        self._can_take_over = take_over
        self.kind.setText(type_name or "—")
        caller = " ".join(x for x in (detail.caller_name, detail.caller_phone) if x)
        self.caller.setText(caller or "—")
        if not same or tuple(dispositions) != self._dispositions:
            self._dispositions = tuple(dispositions)
            self.disposition.clear()
            self.disposition.addItem(self.tr("How did it end?"), "")
            for d in self._dispositions:
                self.disposition.addItem(d, d)
        self.disposition.setVisible(bool(self._dispositions))
        self._detail = detail
        self._allowed = tuple(allowed)
        self.disposition.setEnabled(IncidentState.RESOLVED in self._allowed)
        r = detail.row
        self.heading.setText(f"#{r.id}  {r.title}")
        colour = PRIORITY_COLOURS[r.priority].name()
        self.priority.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.community.setText(r.community_name or "—")
        self.location.setText(r.location or "—")
        self.reported.setText(fmt_local(r.created_at, self._zone))
        self.claimed.setText(r.claimed_by or "—")
        self.description.setPlainText(detail.description or "—")
        self._busy = False
        if not same:
            # A refresh of the same incident (after a step, or a change from another
            # workstation) keeps the note being typed and the reason a step was refused,
            # and leaves the focus where the user put it.
            self.joined = ()
            self.duplicates.clear()
            self.error.clear()
            self.note.clear()
            self.note.setFocus()
        self._fill_texts()

    def set_joined(self, incident_id: int, events: Sequence[IncidentEventRow]) -> None:
        """Entries of incidents merged into this one, shown in its timeline by time."""
        if self.incident_id == incident_id:
            self.joined = tuple(events)
            self._fill_texts()

    def step_done(self) -> None:
        """A requested step was saved: its note is used up, and any old refusal is moot.

        The buttons stay disabled until set_detail brings the new state and its steps.
        """
        self.note.clear()
        self.error.clear()
        self.note.setFocus()

    def show_error(self, text: str) -> None:
        """Say why a change was refused; the buttons become usable again."""
        self.error.setText(text)
        self._set_busy(False)
        self.note.setFocus()

    def reject(self) -> None:
        # A note not saved yet (refused, or the database was away) is never dropped unasked.
        if self.note.text().strip() and not self._close_confirmed and self.isVisible():
            self.sig_close_with_note_requested.emit()
            return
        self._close_confirmed = False
        super().reject()

    def discard_and_close(self) -> None:
        """Close although a note is typed (the user said so); the note is dropped."""
        self.note.clear()
        self._close_confirmed = True
        self.reject()

    def showEvent(self, event: QShowEvent) -> None:
        # Without this the first focusable child (the timeline) takes the focus on
        # activation, and a note typed straight away goes into its type-ahead and is lost.
        self.note.setFocus()
        if not self._sized:
            self._sized = True
            self._fit_to_screen()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # Opened again, even on the same incident, the timeline starts on its newest entries.
        self._timeline_of = None
        super().hideEvent(event)

    def _fit_to_screen(self) -> None:
        """Tall enough to show the whole body without scrolling, where the screen allows."""
        screen = self.screen()
        room = screen.availableGeometry().height() if screen is not None else 10_000
        frame = 40  # the title bar a window manager adds, which the dialog does not count
        rest = self._layout.sizeHint().height() - self.body_scroll.sizeHint().height()
        width = self.width() - 2 * self._layout.contentsMargins().left()
        body = max(self.body.minimumSizeHint().height(), self.body.heightForWidth(width))
        want = body + rest
        height = max(min(want, room - frame), min(self.height(), room - frame))
        self.resize(self.width(), height)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for b in (*self.buttons.values(), self.reopen):
            b.setEnabled(not busy and self._enabled(b))
        self.take_over.setEnabled(not busy and self._can_take_over)

    def _on_take_over_clicked(self) -> None:
        d = self._detail
        if d is None or self._busy or not self._can_take_over:
            return
        self.error.clear()
        self._set_busy(True)
        self.sig_take_over_requested.emit(d.row.id)

    def _reopen_allowed(self) -> bool:
        d = self._detail
        return (
            d is not None
            and d.row.state in _REOPEN_FROM
            and IncidentState.ACKNOWLEDGED in self._allowed
        )

    def _enabled(self, b: QPushButton) -> bool:
        """Whether the step of `b` is allowed now (busy or not)."""
        if b is self.reopen:
            return self._reopen_allowed()
        target = IncidentState(str(b.property("target")))
        if target is IncidentState.ACKNOWLEDGED and self._reopen_allowed():
            return False  # from resolved or closed that step is a reopen: its own button
        return target in self._allowed

    @Slot()
    def _on_shortcut_activated(self) -> None:
        sc = self.sender()
        if isinstance(sc, QShortcut):
            self._shortcuts[sc].click()  # does nothing while the button is disabled

    @Slot()
    def _on_action_clicked(self) -> None:
        d = self._detail
        b = self.sender()
        if d is None or self._busy or not isinstance(b, QPushButton) or not self._enabled(b):
            return
        note = self.note.text().strip()
        if b is self.reopen:
            if not note:
                self._refuse(self.tr("Write the reason for reopening in the note."))
                return
            target = IncidentState.ACKNOWLEDGED
        else:
            target = IncidentState(str(b.property("target")))
            if target is IncidentState.RESOLVED and not note:
                self._refuse(self.tr("Write what was done in the note before resolving."))
                return
            if target is IncidentState.RESOLVED and self._dispositions and not self.chosen():
                self.error.setText(self.tr("Choose how it ended before resolving."))
                self.disposition.setFocus()
                return
        self.error.clear()
        self._set_busy(True)
        self.sig_transition_requested.emit(d.row.id, target.value, note)

    def chosen(self) -> str:
        """The disposition picked for resolving ('' when none or not asked)."""
        return str(self.disposition.currentData() or "")

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.note.setFocus()

    def _fill_texts(self) -> None:
        d = self._detail
        if d is not None:
            self.setWindowTitle(self.tr("Incident #{id}").format(id=d.row.id))
            self.priority.setText(labels.priority(d.row.priority))
            state = labels.incident_state(d.row.state)
            if d.legal_hold:
                # Retention leaves a held incident alone; whoever looks at it should know why.
                state = self.tr("{state} · under legal hold: {reason}").format(
                    state=state, reason=d.legal_hold_reason
                )
            self.state.setText(state)
            # The newest entries are what an operator opens an incident for: shown at first and
            # followed while the list is read to its end; someone scrolled up to read an older
            # entry keeps their place when another workstation adds one.
            bar = self.timeline.verticalScrollBar()
            same = self._timeline_of == d.row.id
            follow = not same or bar.value() >= bar.maximum()
            kept = bar.value()
            self._timeline_of = d.row.id
            self.timeline.clear()
            for e in sorted((*d.events, *self.joined), key=lambda e: e.ts):
                if e.kind == "created":
                    what = self.tr("Reported")
                elif label := merge_kind_label(e.kind):
                    what = label
                elif _is_reopen(e):
                    what = self.tr("Reopened")
                elif e.from_state and e.to_state:
                    before, after = e.from_state, e.to_state
                    what = f"{labels.incident_state(before)} → {labels.incident_state(after)}"
                elif e.kind == "claimed":
                    what = self.tr("Taken over")
                elif e.kind == "legal_hold":
                    what = self.tr("Legal hold set")
                elif e.kind == "legal_hold_lifted":
                    what = self.tr("Legal hold lifted")
                elif e.kind == "attachment":
                    what = self.tr("Attachment added")
                elif assignment_event(e.kind) is not None:
                    what = assignment_event(e.kind) or e.kind
                elif e.kind == "call_linked":
                    what = self.tr("Call linked")
                elif e.kind == "sla_breach":
                    what = self.tr("SLA breach")
                elif label := edit_kind_label(e.kind) or alarm_kind_label(e.kind):
                    what = label
                else:
                    what = self._kind_label(e.kind)
                note = e.note
                shortened = e.kind == "created" and note == d.description and "\n" in note
                if shortened:
                    # The description is shown above in full; one line here keeps the
                    # timeline a list of entries rather than a second copy of it.
                    note = note.split("\n", 1)[0] + " …"
                if e.kind == "claimed":
                    note = self.tr("from {name}").format(name=e.note or "—")
                elif e.kind == "sla_breach":
                    note = self._sla_target(e.note)
                elif e.kind == "call_linked" and e.note.startswith("call:"):
                    note = self.tr("Call record #{id}").format(id=e.note.removeprefix("call:"))
                item = QTreeWidgetItem(
                    self.timeline,
                    [
                        fmt_local(e.ts, self._zone),
                        what,
                        f"{e.actor or '—'} ({e.workstation})",
                        note,
                    ],
                )
                if shortened:
                    item.setToolTip(3, plain_tooltip(e.note))
            for i in range(self.timeline.columnCount() - 1):
                self.timeline.resizeColumnToContents(i)
            if follow:
                self.timeline.scrollToBottom()
            else:
                bar.setValue(kept)
        self._set_busy(self._busy)

    def _sla_target(self, target: str) -> str:
        """The SLA target a breach names, in words (the note holds its code)."""
        texts = {
            "acknowledge": self.tr("Time to acknowledge exceeded"),
            "dispatch": self.tr("Time to dispatch exceeded"),
            "resolve": self.tr("Time to resolve exceeded"),
        }
        return texts.get(target, target)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        names = (
            self.tr("Priority"),
            self.tr("Type"),
            self.tr("State"),
            self.tr("Community"),
            self.tr("Location"),
            self.tr("Caller"),
            self.tr("Reported"),
            self.tr("Handled by"),
            self.tr("Description"),
        )
        for label, text in zip(self._form_labels, names, strict=True):
            label.setText(text)
        self.timeline.setHeaderLabels(
            [self.tr("Time"), self.tr("Change"), self.tr("By"), self.tr("Note")]
        )
        self.note.setPlaceholderText(
            self.tr("Note for the timeline (required to resolve or reopen)")
        )
        self.buttons[IncidentState.ACKNOWLEDGED].setText(self.tr("Acknowledge"))
        self.buttons[IncidentState.DISPATCHED].setText(self.tr("Dispatched"))
        self.buttons[IncidentState.ON_SCENE].setText(self.tr("On scene"))
        self.buttons[IncidentState.RESOLVED].setText(self.tr("Resolve"))
        self.buttons[IncidentState.CLOSED].setText(self.tr("Review and close"))
        self.reopen.setText(self.tr("Reopen"))
        self.take_over.setText(self.tr("Take over"))
        self.take_over.setToolTip(f"{self.take_over.text()} ({_TAKE_OVER_SHORTCUT})")
        for sc, b in self._shortcuts.items():
            keys = sc.key().toString(QKeySequence.SequenceFormat.NativeText)
            b.setToolTip(f"{b.text()} ({keys})")
        self.close_button.setText(self.tr("Close window"))
        self._fill_texts()

    def _kind_label(self, kind: str) -> str:
        """The "Change" words of the entries other services add (the kind itself, a code,
        only for a kind no version of the console knows)."""
        words = {
            "tracking": self.tr("Rule hit again"),
            "motion": self.tr("Motion again"),
            "recorder": self.tr("Recorder problem"),
            "bookmark": self.tr("Bookmark"),
            "evidence_hold": self.tr("Evidence held"),
            "evidence_hold_released": self.tr("Evidence hold released"),
            "evidence_exported": self.tr("Evidence exported"),
            "note": self.tr("Note"),
            "state": self.tr("State changed"),
        }
        return words.get(kind, kind)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _Body(QWidget):
    """The dialog's scrolling part, as tall as its minimum for a width, not its preference.

    QScrollArea gives a widget whose layout wraps text (the heading) its preferred height for
    the width, and the tables prefer ~190 px each: the body scrolled on any screen. Its
    minimum (the description's lines, a few timeline rows) is what must fit; the rest is the
    timeline's stretch.
    """

    def heightForWidth(self, width: int) -> int:
        lay = self.layout()
        if lay is None:
            return super().heightForWidth(width)
        return lay.minimumHeightForWidth(width)
