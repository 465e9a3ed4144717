"""The calls pane: calls on the line, the caller's card, the callback list and the headset."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.call_log import CallbackRow, CalledBack, Disposition, NoIncidentReason, needs_disposition
from core.calls import MAX_CALLS, CallDirection, CallEnd, CallPhase
from core.personal import PersonalField, ResidentCard
from core.timefmt import DEFAULT_ZONE, fmt_local, local
from core.views import IncidentRow
from widgets.device_detail import detail_text
from widgets.empty_state import EmptyStateWidget
from widgets.table_model import Column, RowTableModel

# Keys of the pane's actions (main-window shortcuts; the presenter registers them).
ANSWER_KEY, HOLD_KEY, HANG_UP_KEY, TRANSFER_KEY = "F2", "F3", "F4", "F6"
NEW_INCIDENT_KEY, LINK_KEY, NO_INCIDENT_KEY = "F7", "F8", "F9"

MIN_PANE = QSize(800, 330)  # at most this much is asked of the main window's layout

_RINGING = QColor("#ff453a")
_ACTIVE = QColor("#30d158")
_HELD = QColor("#ffd60a")
_ENDED = QColor("#8e8e93")
_TODO_BG = QColor(255, 159, 10, 70)  # an answered call not yet linked or closed
_RINGING_BG = QColor(255, 69, 58, 60)


def phase_label(phase: CallPhase, direction: CallDirection, end: CallEnd | None = None) -> str:
    """A call's phase in words (an inbound call nobody answered: missed)."""
    if phase is CallPhase.RINGING:
        return QCoreApplication.translate("CallLabels", "Ringing")
    if phase is CallPhase.DIALING:
        return QCoreApplication.translate("CallLabels", "Dialling")
    if phase is CallPhase.ACTIVE:
        return QCoreApplication.translate("CallLabels", "Talking")
    if phase is CallPhase.HELD:
        return QCoreApplication.translate("CallLabels", "On hold")
    if direction is CallDirection.INBOUND and end in (CallEnd.ABANDONED, CallEnd.BUSY):
        return QCoreApplication.translate("CallLabels", "Missed")
    return QCoreApplication.translate("CallLabels", "Ended")


def end_label(end: CallEnd | None) -> str:
    """How a call ended, in words."""
    texts = {
        CallEnd.HUNG_UP_LOCAL: QCoreApplication.translate("CallLabels", "Hung up here"),
        CallEnd.HUNG_UP_REMOTE: QCoreApplication.translate("CallLabels", "Caller hung up"),
        CallEnd.ABANDONED: QCoreApplication.translate("CallLabels", "Missed (caller gave up)"),
        CallEnd.BUSY: QCoreApplication.translate("CallLabels", "Missed (all lines busy)"),
        CallEnd.TRANSFERRED: QCoreApplication.translate("CallLabels", "Transferred"),
        CallEnd.FAILED: QCoreApplication.translate("CallLabels", "Failed"),
        CallEnd.NO_MEDIA: QCoreApplication.translate("CallLabels", "No audio"),
    }
    return texts.get(end, "") if end is not None else ""


def reason_label(reason: NoIncidentReason) -> str:
    """A "no incident" reason in words."""
    texts = {
        NoIncidentReason.INQUIRY: QCoreApplication.translate("CallLabels", "Inquiry answered"),
        NoIncidentReason.WRONG_NUMBER: QCoreApplication.translate("CallLabels", "Wrong number"),
        NoIncidentReason.SILENT: QCoreApplication.translate("CallLabels", "Silent call"),
        NoIncidentReason.ALREADY_REPORTED: QCoreApplication.translate(
            "CallLabels", "Already reported"
        ),
        NoIncidentReason.NUISANCE: QCoreApplication.translate("CallLabels", "Nuisance call"),
        NoIncidentReason.OTHER: QCoreApplication.translate("CallLabels", "Other"),
    }
    return texts[reason]


def stored_reason_label(stored: str) -> str:
    """A stored reason ("inquiry" or "other: words") in words."""
    code, _, note = stored.partition(": ")
    try:
        words = reason_label(NoIncidentReason(code))
    except ValueError:
        words = code
    return f"{words}: {note}" if note else words


def span(seconds: float) -> str:
    """'0:42', '12:05', '1:02:07'."""
    s = max(int(seconds), 0)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


@dataclass(frozen=True, slots=True)
class CallLine:
    """One call as the pane shows it: the line's live view merged with its database row."""

    key: str  # workstation/gateway call id/start: stable from the first ring on
    call_id: str  # the gateway's handle while the call is on this console's line; else ""
    db_id: int | None  # None until its row is written
    direction: CallDirection
    phase: CallPhase
    number: str
    display: str
    resident: str  # the matched resident's name as this viewer may see it; "" when none
    resident_id: int | None
    started_at: datetime
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    end: CallEnd | None = None
    answered_by: str = ""
    disposition: Disposition = Disposition.OPEN
    incident_id: int | None = None
    no_incident_reason: str = ""
    callback_of: int | None = None

    @property
    def live(self) -> bool:
        return self.phase is not CallPhase.ENDED

    @property
    def needs_disposition(self) -> bool:
        return needs_disposition(self.direction, self.end, self.disposition.value)


def line_order(line: CallLine) -> tuple[int, float]:
    """Ringing first, then the other live calls, then the rest; newest first within each."""
    group = 0 if line.phase is CallPhase.RINGING else 1 if line.live else 2
    return group, -line.started_at.timestamp()


class CallTableModel(RowTableModel[CallLine, str]):
    """Calls with a phase chip, a ticking time, the caller and what became of the call."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        self.now: datetime | None = None
        super().__init__(
            [
                Column(
                    "phase",
                    lambda: self.tr("State"),
                    lambda c: "● " + phase_label(c.phase, c.direction, c.end),
                    foreground=lambda c: QBrush(_phase_colour(c.phase)),
                    background=self._background,
                ),
                Column(
                    "time",
                    lambda: self.tr("Time"),
                    self._time,
                    background=self._background,
                    alignment=lambda _c: (
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    ),
                ),
                Column(
                    "number",
                    lambda: self.tr("Number"),
                    lambda c: (
                        ("↗ " if c.direction is CallDirection.OUTBOUND else "")
                        + (c.number or self.tr("(withheld)"))
                    ),
                    background=self._background,
                ),
                Column(
                    "resident",
                    lambda: self.tr("Resident"),
                    lambda c: c.resident or "—",
                    background=self._background,
                ),
                Column(
                    "outcome",
                    lambda: self.tr("Outcome"),
                    self._outcome,
                    background=self._background,
                    tooltip=lambda c: " · ".join(
                        t for t in (self._outcome(c), end_label(c.end)) if t
                    ),
                ),
                Column(
                    "caller",
                    lambda: self.tr("Caller ID"),
                    lambda c: c.display,
                    background=self._background,
                ),
                Column(
                    "by",
                    lambda: self.tr("Answered by"),
                    lambda c: c.answered_by,
                    background=self._background,
                ),
            ],
            key=lambda c: c.key,
            parent=parent,
        )

    def _background(self, c: CallLine) -> QBrush | None:
        if c.phase is CallPhase.RINGING:
            return QBrush(_RINGING_BG)
        if c.needs_disposition:
            return QBrush(_TODO_BG)
        return None

    def _time(self, c: CallLine) -> str:
        now = self.now
        if c.live and now is not None:
            since = c.answered_at if c.phase in (CallPhase.ACTIVE, CallPhase.HELD) else None
            return span((now - (since or c.started_at)).total_seconds())
        if c.ended_at is not None and c.answered_at is not None:
            talk = span((c.ended_at - c.answered_at).total_seconds())
            return f"{local(c.started_at, self._zone):%H:%M} · {talk}"
        return f"{local(c.started_at, self._zone):%H:%M}"

    def _outcome(self, c: CallLine) -> str:
        if c.disposition is Disposition.LINKED and c.incident_id is not None:
            return self.tr("Incident #{id}").format(id=c.incident_id)
        if c.disposition is Disposition.NO_INCIDENT:
            return self.tr("No incident: {reason}").format(
                reason=stored_reason_label(c.no_incident_reason)
            )
        if c.live:
            return ""
        if c.needs_disposition:
            return self.tr("To do: incident or no incident?")
        if c.direction is CallDirection.INBOUND and c.end in (CallEnd.ABANDONED, CallEnd.BUSY):
            return self.tr("On the callback list")
        return end_label(c.end)


def _phase_colour(phase: CallPhase) -> QColor:
    return {
        CallPhase.RINGING: _RINGING,
        CallPhase.DIALING: _HELD,
        CallPhase.ACTIVE: _ACTIVE,
        CallPhase.HELD: _HELD,
    }.get(phase, _ENDED)


class CallbackTableModel(RowTableModel[CallbackRow, str]):
    """Missed callers, one line per number, newest first."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        self.residents: dict[int, str] = {}
        super().__init__(
            [
                Column(
                    "last",
                    lambda: self.tr("Last call"),
                    lambda r: fmt_local(r.last_at, self._zone, seconds=False),
                ),
                Column(
                    "number", lambda: self.tr("Number"), lambda r: r.number or self.tr("(withheld)")
                ),
                Column("caller", lambda: self.tr("Caller ID"), lambda r: r.display),
                Column(
                    "resident",
                    lambda: self.tr("Resident"),
                    lambda r: self.residents.get(r.resident_id or 0, "—"),
                ),
                Column("missed", lambda: self.tr("Missed"), self._missed),
            ],
            key=lambda r: r.number or f"#{r.last_call_id}",
            parent=parent,
        )

    def _missed(self, r: CallbackRow) -> str:
        if r.busy:
            return self.tr("{n} (busy: {busy})").format(n=r.missed, busy=r.busy)
        return str(r.missed)


@dataclass(frozen=True, slots=True)
class CallerView:
    """The caller panel's content: the matched resident's card and earlier incidents."""

    number: str
    card: ResidentCard | None  # as the card service presented it for this viewer and purpose
    earlier: tuple[IncidentRow, ...] = ()
    incident_id: int | None = None  # the call's linked incident: the full card's purpose
    at_address: bool = False  # `earlier` are incidents at the resident's address (else: number)


class CallerPanel(QGroupBox):
    """Who is calling: the resident the number matched, as the viewer may see them."""

    sig_full_card_requested = Signal()  # the card for the linked incident (audited)
    sig_resident_open_requested = Signal(int)  # the residents' own card window

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callerPanel")
        self._view: CallerView | None = None
        self.values: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self._form_labels: dict[str, QLabel] = {}
        for key in ("name", "community", "address", "phone", "care", "contact"):
            label, value = QLabel(self), QLabel(self)
            value.setTextFormat(Qt.TextFormat.PlainText)  # resident data is never markup
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form_labels[key] = label
            self.values[key] = value
            self.form.addRow(label, value)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("callerNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.earlier_title = QLabel(self)
        self.earlier_title.setWordWrap(True)
        self.earlier = QListWidget(self)
        self.earlier.setObjectName("callerEarlier")
        self.full_card = QPushButton(self)
        self.full_card.setObjectName("callerFullCard")
        self.full_card.clicked.connect(self.sig_full_card_requested)
        self.open_resident = QPushButton(self)
        self.open_resident.clicked.connect(self._on_open_clicked)
        buttons = QVBoxLayout()  # stacked: the panel stays narrow beside the calls
        buttons.addWidget(self.full_card)
        buttons.addWidget(self.open_resident)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addLayout(self.form)
        lay.addLayout(buttons)
        lay.addWidget(self.earlier_title)
        lay.addWidget(self.earlier, 1)
        self.retranslate()

    def set_view(self, view: CallerView | None) -> None:
        """Show a caller (None: no call selected)."""
        self._view = view
        self._fill()

    def _on_open_clicked(self) -> None:
        view = self._view
        if view is not None and view.card is not None:
            self.sig_resident_open_requested.emit(view.card.id)

    def _fill(self) -> None:
        view = self._view
        card = view.card if view is not None else None
        for value in self.values.values():
            value.setText("")
        self.earlier.clear()
        if view is None:
            self.note.setText(self.tr("Select a call to see who is calling."))
        elif card is None:
            self.note.setText(
                self.tr("The number {number} matches no resident.").format(
                    number=view.number or self.tr("(withheld)")
                )
            )
        else:
            p = card.presentation

            def text(f: PersonalField) -> str:
                v = p.value(f)
                return "" if v is None or isinstance(v, bool) else v

            self.note.setText(
                self.tr("Full card for incident #{id}: this view is recorded.").format(
                    id=card.incident_id
                )
                if card.incident_id is not None
                else self.tr(
                    "Masked for your role. The full card opens for the call's incident (recorded)."
                )
            )
            self.values["name"].setText(text(PersonalField.NAME))
            self.values["community"].setText(card.community_name)
            self.values["address"].setText(text(PersonalField.ADDRESS))
            self.values["phone"].setText(text(PersonalField.PHONE))
            self.values["care"].setText(self._care(card))
            contact = " · ".join(
                t
                for t in (
                    text(PersonalField.EMERGENCY_NAME),
                    text(PersonalField.EMERGENCY_RELATION),
                    text(PersonalField.EMERGENCY_PHONE),
                )
                if t
            )
            self.values["contact"].setText(contact or "—")
        self._title_earlier()
        if view is not None:
            for row in view.earlier:
                self.earlier.addItem(
                    f"#{row.id}  {fmt_local(row.created_at, seconds=False)}  {row.title}"
                )
            if not view.earlier:
                self.earlier.addItem(self.tr("None"))
        linked = view is not None and view.incident_id is not None
        self.full_card.setEnabled(card is not None and linked and card.incident_id is None)
        if view is not None and view.incident_id is not None:
            self.full_card.setText(self.tr("Full card for #{id}").format(id=view.incident_id))
            self.full_card.setToolTip(
                self.tr("The whole card, for incident #{id}: the view is recorded.").format(
                    id=view.incident_id
                )
            )
        else:
            self.full_card.setText(self.tr("Full card"))
            self.full_card.setToolTip(self.tr("Link the call to an incident first."))
        self.open_resident.setEnabled(card is not None)

    def _care(self, card: ResidentCard) -> str:
        p = card.presentation
        flags = [
            (PersonalField.LIVES_ALONE, self.tr("lives alone")),
            (PersonalField.DEMENTIA, self.tr("dementia")),
            (PersonalField.DISABILITY, self.tr("disability")),
            (PersonalField.CHRONIC_ILLNESS, self.tr("chronic illness")),
        ]
        named = [words for f, words in flags if p.value(f) is True]
        if named:
            return ", ".join(named)
        needed = p.value(PersonalField.CARE_NEEDED)
        if needed is True:
            return self.tr("needs care")
        if needed is False:
            return self.tr("none")
        return "—"

    def retranslate(self) -> None:
        self.setTitle(self.tr("Caller"))
        names = {
            "name": self.tr("Name"),
            "community": self.tr("Community"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "care": self.tr("Care"),
            "contact": self.tr("Emergency contact"),
        }
        for key, label in self._form_labels.items():
            label.setText(names[key])
        self._title_earlier()
        self.open_resident.setText(self.tr("Open resident…"))
        self._fill()

    def _title_earlier(self) -> None:
        view = self._view
        if view is not None and view.at_address:
            self.earlier_title.setText(self.tr("Recent incidents at the caller's address"))
        else:
            self.earlier_title.setText(self.tr("Earlier incidents from this number"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HeadsetBar(QWidget):
    """Headset and ring device, volume, mute and the microphone's level."""

    sig_volume_changed = Signal(int)  # percent
    sig_mute_toggled = Signal(bool)
    sig_devices_changed = Signal(object, object)  # headset name or None, ring name or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.headset = QComboBox(self)
        self.headset.setObjectName("headsetDevice")
        self.ring = QComboBox(self)
        self.ring.setObjectName("ringDevice")
        for combo in (self.headset, self.ring):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.activated.connect(self._on_device_activated)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(100)
        self.volume.valueChanged.connect(self.sig_volume_changed)
        self.mute = QPushButton(self)
        self.mute.setCheckable(True)
        self.mute.setObjectName("muteButton")
        self.mute.toggled.connect(self.sig_mute_toggled)
        self.mute.toggled.connect(lambda _on: self._texts())
        self.level = QProgressBar(self)
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setMaximumWidth(70)
        self.level.setMinimumWidth(40)
        self.level.setMaximumHeight(10)
        self.headset_label, self.ring_label, self.volume_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.headset_label,
            self.headset,
            self.ring_label,
            self.ring,
            self.volume_label,
            self.volume,
            self.level,  # the microphone's level, beside its mute button
            self.mute,
        ):
            lay.addWidget(w)
        lay.addStretch(1)
        self._texts()

    def set_devices(self, names: Sequence[str], headset: str | None, ring: str | None) -> None:
        """The devices PortAudio lists; the chosen ones selected (a missing one kept, marked)."""
        for combo, chosen in ((self.headset, headset), (self.ring, ring)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Default"), None)
            for name in names:
                combo.addItem(name, name)
            if chosen and combo.findData(chosen) < 0:
                combo.addItem(self.tr("{name} (not found)").format(name=chosen), chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.blockSignals(False)

    def set_level(self, rms: float) -> None:
        """The microphone's level, 0..1 RMS (shown on a rough dB scale: speech fills it)."""
        import math

        db = 20 * math.log10(max(rms, 1e-5))  # -100 … 0 dBFS
        self.level.setValue(int(min(max((db + 60) / 60, 0.0), 1.0) * 100))

    def _on_device_activated(self, _index: int) -> None:
        self.sig_devices_changed.emit(self.headset.currentData(), self.ring.currentData())

    def _texts(self) -> None:
        self.headset_label.setText(self.tr("Headset"))
        self.ring_label.setText(self.tr("Ringer"))
        self.volume_label.setText(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Call volume in the headset"))
        self.level.setToolTip(self.tr("Microphone level: it moves when you speak"))
        self.mute.setText(self.tr("Unmute mic") if self.mute.isChecked() else self.tr("Mute mic"))
        if self.headset.count():
            self.headset.setItemText(0, self.tr("Default"))
            self.ring.setItemText(0, self.tr("Default"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._texts()
        super().changeEvent(event)


class CallsPane(QWidget):
    """Calls on this workstation's line and the callback list (GUI thread; plain rows in)."""

    sig_selection_changed = Signal()
    sig_answer_requested = Signal()
    sig_hold_requested = Signal()
    sig_hang_up_requested = Signal()
    sig_transfer_requested = Signal()
    sig_new_incident_requested = Signal()
    sig_link_requested = Signal()
    sig_no_incident_requested = Signal()
    sig_feedback_requested = Signal()  # a feedback ticket from the selected call
    sig_order_requested = Signal()  # an order of daily necessities for the selected caller
    sig_dial_requested = Signal(str, int)  # number, the newest missed call it calls back
    sig_mark_called_back_requested = Signal(int)  # the newest missed call of a number

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callsPane")
        self._zone = zone
        self.has_line = False
        self.usable = False
        self.workstation = ""
        self._state: tuple[bool, str] | None = None  # online, detail
        self._refused: tuple[datetime, int, str] | None = None  # last at, count, number
        self._done: list[CalledBack] = []
        self._capped = False
        self.status = QLabel(self)
        self.status.setObjectName("callLineStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.refused = QLabel(self)
        self.refused.setObjectName("callRefused")
        self.refused.setTextFormat(Qt.TextFormat.PlainText)
        self.refused.setStyleSheet(
            "QLabel { background: #5a1a14; color: #ffd0cc; padding: 3px; font-weight: bold; }"
        )
        self.refused.setWordWrap(True)
        self.refused.hide()
        self.message = QLabel(self)
        self.message.setObjectName("callMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()

        # --- the calls tab ------------------------------------------------------------
        self.model = CallTableModel(zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("callTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.answer = self._button("answerButton", self.sig_answer_requested)
        self.hold = self._button("holdButton", self.sig_hold_requested)
        self.transfer = self._button("transferButton", self.sig_transfer_requested)
        self.hang_up = self._button("hangUpButton", self.sig_hang_up_requested)
        self.new_incident = self._button("newIncidentButton", self.sig_new_incident_requested)
        self.link = self._button("linkButton", self.sig_link_requested)
        self.no_incident = self._button("noIncidentButton", self.sig_no_incident_requested)
        self.feedback = self._button("feedbackTicketButton", self.sig_feedback_requested)
        self.order = self._button("orderButton", self.sig_order_requested)
        self.line_buttons = QWidget(self)
        buttons = QVBoxLayout(self.line_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for group in (
            (self.answer, self.hold, self.transfer, self.hang_up),
            (self.new_incident, self.link, self.no_incident, self.feedback, self.order),
        ):
            row = QHBoxLayout()
            for b in group:
                row.addWidget(b)
            row.addStretch(1)
            buttons.addLayout(row)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.stack, 1)
        left_lay.addWidget(self.line_buttons)
        self.caller = CallerPanel(self)
        # Scrolls rather than squeezes its rows when the pane is short.
        self.caller_scroll = caller_scroll = QScrollArea(self)
        caller_scroll.setWidgetResizable(True)
        caller_scroll.setFrameShape(QFrame.Shape.NoFrame)
        caller_scroll.setWidget(self.caller)
        caller_scroll.setMinimumWidth(220)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(caller_scroll)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([640, 280])

        # --- the callback tab ---------------------------------------------------------
        self.callbacks = CallbackTableModel(zone, self)
        self.callback_table = QTableView(self)
        self.callback_table.setObjectName("callbackTable")
        self.callback_table.setModel(self.callbacks)
        self.callback_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.callback_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.callback_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.callback_table.verticalHeader().hide()
        self.callback_table.horizontalHeader().setStretchLastSection(True)
        self.callback_table.doubleClicked.connect(lambda _i: self._on_dial_clicked())
        self.callback_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_callback_buttons()
        )
        self.callback_empty = EmptyStateWidget(self)
        self.callback_stack = QStackedWidget(self)
        self.callback_stack.addWidget(self.callback_empty)
        self.callback_stack.addWidget(self.callback_table)
        self.dial = QPushButton(self)
        self.dial.setObjectName("dialBackButton")
        self.dial.clicked.connect(self._on_dial_clicked)
        self.mark = QPushButton(self)
        self.mark.setObjectName("markCalledBackButton")
        self.mark.clicked.connect(self._on_mark_clicked)
        self.capped_note = QLabel(self)
        self.capped_note.setTextFormat(Qt.TextFormat.PlainText)
        cb_buttons = QHBoxLayout()
        cb_buttons.addWidget(self.dial)
        cb_buttons.addWidget(self.mark)
        cb_buttons.addWidget(self.capped_note, 1)
        self.done_title = QLabel(self)
        self.done = QListWidget(self)
        self.done.setObjectName("calledBackList")
        self.done.setMaximumHeight(90)
        cb = QWidget(self)
        cb_lay = QVBoxLayout(cb)
        cb_lay.setContentsMargins(0, 0, 0, 0)
        cb_lay.addWidget(self.callback_stack, 1)
        cb_lay.addLayout(cb_buttons)
        cb_lay.addWidget(self.done_title)
        cb_lay.addWidget(self.done)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.split, "")
        self.tabs.addTab(cb, "")
        self.tabs.setCornerWidget(self.status, Qt.Corner.TopRightCorner)  # saves a row
        self.headset = HeadsetBar(self)
        inner = QWidget(self)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.refused)
        lay.addWidget(self.message)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.headset)
        # In a small window the pane scrolls instead of pushing the other docks out of it.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self._inner = inner
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    def sizeHint(self) -> QSize:
        # The content's own: the dock layout sizes the pane by it (the scroll area's hint
        # would be small).
        return self._inner.sizeHint()

    def minimumSizeHint(self) -> QSize:
        # Room for the whole pane in a full-HD window; a smaller window scrolls it rather
        # than pushing the neighbouring docks out.
        need = self._inner.minimumSizeHint()
        return QSize(min(need.width(), MIN_PANE.width()), min(need.height(), MIN_PANE.height()))

    def _on_table_selection_changed(self, *_args: object) -> None:
        self.update_buttons()
        self.sig_selection_changed.emit()

    def _button(self, name: str, signal: SignalInstance) -> QPushButton:
        b = QPushButton(self)
        b.setObjectName(name)
        b.clicked.connect(signal)
        return b

    # --- what the presenter shows -------------------------------------------------------
    def set_line(self, has_line: bool, workstation: str, usable: bool = True) -> None:
        """Whether this workstation has a phone line (a [[sip]] entry in the site file), and
        whether it could be started (its keys work)."""
        self.has_line, self.workstation, self.usable = has_line, workstation, usable
        # Without a line there are no calls here to act on or to show a caller of.
        self.caller_scroll.setVisible(has_line)
        self.line_buttons.setVisible(has_line)
        self.headset.setVisible(has_line)
        self.retranslate()

    def set_calls(self, lines: Sequence[CallLine]) -> None:
        """The calls, in the pane's order; applied in place (selection and scroll stay)."""
        self.model.set_rows(sorted(lines, key=line_order))
        self.stack.setCurrentWidget(self.table if lines else self.empty)
        self.update_buttons()

    def _size_columns(self) -> None:
        """Widths from samples of the longest texts, in the current language: measuring the
        rows would clip rows that come later (a ticking time, a longer phase)."""
        fm = self.table.fontMetrics()
        pad = 18
        samples = {
            "phase": max(
                (
                    "● " + phase_label(p, d, e)
                    for p in CallPhase
                    for d in CallDirection
                    for e in (None, CallEnd.ABANDONED)
                ),
                key=fm.horizontalAdvance,
            ),
            "time": "00:00 · 0:00",
            "number": "↗ 13800000000",
            "caller": "Caller ID",
            "resident": "张**",
            "by": "某某某某",
        }
        # The outcome a missed call shows, in the current language (measured, not guessed).
        missed = CallLine(
            key="",
            call_id="",
            db_id=None,
            direction=CallDirection.INBOUND,
            phase=CallPhase.ENDED,
            number="",
            display="",
            resident="",
            resident_id=None,
            started_at=datetime.now().astimezone(),
            end=CallEnd.ABANDONED,
        )
        samples["outcome"] = self.model._outcome(missed)
        for name, text in samples.items():
            col = self.model.column_index(name)
            header = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(fm.horizontalAdvance(text), fm.horizontalAdvance(header)) + pad
            self.table.setColumnWidth(col, width)
        for name, text in (
            ("last", "2026-12-31 00:00"),
            ("number", "13800000000"),
            ("caller", "Caller ID"),
            ("resident", "张**"),
        ):
            col = self.callbacks.column_index(name)
            header = str(self.callbacks.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(fm.horizontalAdvance(text), fm.horizontalAdvance(header)) + pad
            self.callback_table.setColumnWidth(col, width)

    def tick(self, now: datetime) -> None:
        """Waiting and talking times move on (a once-a-second timer)."""
        self.model.now = now
        if any(line.live for line in self.model.rows()):
            self.model.refresh_column("time")

    def selected(self) -> CallLine | None:
        """The selected call, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        key = self.model.data(rows[0], Qt.ItemDataRole.UserRole)
        return self.model.row_for(key) if isinstance(key, str) else None

    def select(self, key: str) -> None:
        """Select a call by its key (a new ringing call, a call the operator acts on)."""
        i = self.model.index_of(key)
        if i is not None:
            self.table.selectRow(i)

    def update_buttons(self) -> None:
        """Enable what the selected call (or the first ringing one) allows."""
        c = self.selected()
        ringing = any(r.phase is CallPhase.RINGING for r in self.model.rows())
        on_line = c is not None and c.live and bool(c.call_id)
        line = self.has_line and self.usable
        self.answer.setEnabled(line and ringing)
        self.hold.setEnabled(
            line and on_line and c is not None and c.phase in (CallPhase.ACTIVE, CallPhase.HELD)
        )
        self.hold.setText(
            self.tr("Resume ({key})").format(key=HOLD_KEY)
            if c is not None and c.phase is CallPhase.HELD
            else self.tr("Hold ({key})").format(key=HOLD_KEY)
        )
        self.transfer.setEnabled(line and on_line and c is not None and c.phase is CallPhase.ACTIVE)
        self.hang_up.setEnabled(line and on_line)
        can_dispose = (
            c is not None
            and c.db_id is not None
            and c.answered_at is not None
            and c.disposition is Disposition.OPEN
            and c.direction is CallDirection.INBOUND
        )
        for b in (self.new_incident, self.link, self.no_incident):
            b.setEnabled(can_dispose)
        # Any recorded call may leave a comment or complaint to follow up, disposed or not.
        self.feedback.setEnabled(c is not None and c.db_id is not None)
        self.order.setEnabled(c is not None and c.db_id is not None)

    def set_caller(self, view: CallerView | None) -> None:
        self.caller.set_view(view)

    def set_state(self, online: bool, detail: str) -> None:
        """The line's state (GatewayState)."""
        self._state = (online, detail)
        self._status_text()
        self._update_callback_buttons()  # no call back on a line that is down

    def set_refused(self, at: datetime, number: str) -> None:
        """A caller got 486 because every line was taken: said until the lines free up."""
        count = 1 if self._refused is None else self._refused[1] + 1
        self._refused = (at, count, number)
        self._refused_text()
        self.refused.show()

    def clear_refused(self) -> None:
        self._refused = None
        self.refused.hide()

    def show_message(self, text: str) -> None:
        """A line under the status (a command the line refused); empty hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_level(self, rms: float) -> None:
        self.headset.set_level(rms)

    def set_callbacks(
        self,
        waiting: Sequence[CallbackRow],
        done: Sequence[CalledBack],
        capped: bool,
        residents: dict[int, str],
    ) -> None:
        """The callback list and the latest callbacks made."""
        self.callbacks.residents = residents
        self.callbacks.set_rows(waiting)
        self.callback_stack.setCurrentWidget(
            self.callback_table if waiting else self.callback_empty
        )
        self._done, self._capped = list(done), capped
        self._fill_done()
        self._tab_texts()
        self._update_callback_buttons()

    def selected_callback(self) -> CallbackRow | None:
        rows = self.callback_table.selectionModel().selectedRows()
        if not rows:
            return None
        key = self.callbacks.data(rows[0], Qt.ItemDataRole.UserRole)
        return self.callbacks.row_for(key) if isinstance(key, str) else None

    def clear(self) -> None:
        """Nobody signed in: nothing of any caller stays on screen."""
        self.set_calls([])
        self.set_callbacks([], [], False, {})
        self.set_caller(None)
        self.clear_refused()
        self.show_message("")

    # --- inside -----------------------------------------------------------------------
    def _on_dial_clicked(self) -> None:
        r = self.selected_callback()
        if r is not None and r.number and self._line_up():
            self.sig_dial_requested.emit(r.number, r.last_call_id)

    def _on_mark_clicked(self) -> None:
        r = self.selected_callback()
        if r is not None:
            self.sig_mark_called_back_requested.emit(r.last_call_id)

    def _update_callback_buttons(self) -> None:
        r = self.selected_callback()
        self.dial.setEnabled(self._line_up() and r is not None and bool(r.number))
        self.mark.setEnabled(r is not None)

    def _line_up(self) -> bool:
        """A line here that has not reported itself down."""
        return self.has_line and self.usable and (self._state is None or self._state[0])

    def _fill_done(self) -> None:
        self.done.clear()
        for d in self._done:
            self.done.addItem(
                self.tr("{at}  {number} called back by {name}").format(
                    at=fmt_local(d.at, self._zone, seconds=False),
                    number=d.number or self.tr("(withheld)"),
                    name=d.by or "—",
                )
            )
        self.capped_note.setText(
            self.tr("Only the newest missed calls are grouped here.") if self._capped else ""
        )

    def _status_text(self) -> None:
        if not self.has_line:
            self.status.setText(self.tr("○ No phone line on this workstation"))
            return
        if self._state is None:
            self.status.setText(self.tr("○ Phone line starting…"))
            return
        online, detail = self._state
        # The detail is the SIP stack's (addresses, status codes): the reason when the line
        # is down, a tooltip when it works. The console's own words are translated.
        detail = detail_text(detail)
        self.status.setText(
            self.tr("● Line online")
            if online
            else self.tr("○ Line offline · {detail}").format(detail=detail)
        )
        self.status.setToolTip(detail)
        self.status.setStyleSheet(
            f"QLabel {{ color: {(_ACTIVE if online else _RINGING).name()}; }}"
        )

    def _refused_text(self) -> None:
        if self._refused is None:
            return
        at, count, number = self._refused
        self.refused.setText(
            self.tr(
                "All {n} lines busy: a caller ({number}) got 486 (busy) at {at}. {count} turned "
                "away so far; they are on the callback list."
            ).format(
                n=MAX_CALLS,
                number=number or self.tr("(withheld)"),
                at=fmt_local(at, self._zone),
                count=count,
            )
        )

    def _tab_texts(self) -> None:
        self.tabs.setTabText(0, self.tr("Calls"))
        n = len(self.callbacks)
        self.tabs.setTabText(
            1, self.tr("Callbacks ({n})").format(n=n) if n else self.tr("Callbacks")
        )

    def retranslate(self) -> None:
        """Every text in the current language."""
        self._tab_texts()
        self.answer.setText(self.tr("Answer ({key})").format(key=ANSWER_KEY))
        self.transfer.setText(self.tr("Transfer… ({key})").format(key=TRANSFER_KEY))
        self.hang_up.setText(self.tr("Hang up ({key})").format(key=HANG_UP_KEY))
        self.new_incident.setText(self.tr("New incident… ({key})").format(key=NEW_INCIDENT_KEY))
        self.link.setText(self.tr("Link to incident… ({key})").format(key=LINK_KEY))
        self.no_incident.setText(self.tr("No incident… ({key})").format(key=NO_INCIDENT_KEY))
        self.feedback.setText(self.tr("Feedback ticket…"))
        self.order.setText(self.tr("Order…"))
        self.order.setToolTip(self.tr("An order of daily necessities for the caller"))
        self.dial.setText(self.tr("Call back"))
        self.mark.setText(self.tr("Mark as called back"))
        self.done_title.setText(self.tr("Called back"))
        if self.has_line:
            self.empty.set_texts(
                "☎",
                self.tr("No calls"),
                self.tr(
                    "Ringing calls appear here with the caller's card; {key} answers the "
                    "longest-waiting one. Every answered call ends linked to an incident or "
                    "closed as \u201cno incident\u201d."
                ).format(key=ANSWER_KEY),
            )
        else:
            self.empty.set_texts(
                "☎",
                self.tr("No phone line on this workstation"),
                self.tr(
                    "To take calls here, add a [[sip]] entry for workstation {ws} to the site "
                    "file (bind host, port, the phone device that shows its status; registrar, "
                    "user and password for a PBX) and restart the console."
                ).format(ws=self.workstation or "…"),
            )
        self.callback_empty.set_texts(
            "✓",
            self.tr("Nobody to call back"),
            self.tr(
                "Callers who hang up before an answer, or who get \u201cbusy\u201d because "
                "every line is taken, are listed here until someone calls them back."
            ),
        )
        self.model.retranslate()
        self.callbacks.retranslate()
        self._size_columns()
        self._status_text()
        self._refused_text()
        self._fill_done()
        self.update_buttons()
        self._update_callback_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = [
    "CallLine",
    "CallTableModel",
    "CallbackTableModel",
    "CallerPanel",
    "CallerView",
    "CallsPane",
    "HeadsetBar",
    "end_label",
    "line_order",
    "phase_label",
    "reason_label",
    "span",
]
