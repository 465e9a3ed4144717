"""Volunteers' check-in tab (the QR code and the scan field) and hours tab (approval queue,
corrections and their trail)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    Qt,
    QTime,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIntValidator, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from core.timefmt import DEFAULT_ZONE, fmt_local, local
from core.volunteer_hours import (
    APPROVE_FROM,
    CONFIRM_FROM,
    MAX_TRAVEL_MIN,
    REJECT_FROM,
    AttendanceRow,
    AttendanceStatus,
    CorrectionRow,
    format_minutes,
)
from widgets.checkin_qr import CheckinQrWidget
from widgets.table_model import Column, RowTableModel

OK_COLOUR = "#7ddc8a"
REFUSED_COLOUR = "#ff9f94"
CONTENT_MAX = 500


def status_text(status: AttendanceStatus) -> str:
    """A state in the current language."""
    return {
        AttendanceStatus.OPEN: QCoreApplication.translate("HoursLabels", "Checked in"),
        AttendanceStatus.RECORDED: QCoreApplication.translate("HoursLabels", "Recorded"),
        AttendanceStatus.CONFIRMED: QCoreApplication.translate("HoursLabels", "Confirmed"),
        AttendanceStatus.APPROVED: QCoreApplication.translate("HoursLabels", "Approved"),
        AttendanceStatus.REJECTED: QCoreApplication.translate("HoursLabels", "Rejected"),
    }[status]


def via_text(via: str) -> str:
    """How the person helped confirmed, in the current language."""
    return {
        "door": QCoreApplication.translate("HoursLabels", "At the door"),
        "phone": QCoreApplication.translate("HoursLabels", "By phone"),
        "station": QCoreApplication.translate("HoursLabels", "At the station"),
    }.get(via, via)


def place_text(place: str) -> str:
    """A check-in place in words: a station's community or a resident's door."""
    kind, _, subject = place.partition(":")
    if kind == "station":
        return QCoreApplication.translate("HoursLabels", "Station {code}").format(code=subject)
    if kind == "door":
        return QCoreApplication.translate("HoursLabels", "Door of resident {id}").format(id=subject)
    return place


def field_text(name: str) -> str:
    """A corrected field's name in the current language."""
    return {
        "checkin_at": QCoreApplication.translate("HoursLabels", "Check-in"),
        "checkout_at": QCoreApplication.translate("HoursLabels", "Check-out"),
        "travel_minutes": QCoreApplication.translate("HoursLabels", "Travel (min)"),
        "content": QCoreApplication.translate("HoursLabels", "Service content"),
    }.get(name, name)


# --- check-in ---------------------------------------------------------------------------------
class CheckinPanel(QWidget):
    """The station's check-in tab: the rotating QR code on the left; on the right the field a
    scanner types into (a keyboard-wedge scanner ends with Enter, which moves on to the
    volunteer's number), the volunteer's number, travel and content, and the result."""

    sig_submit = Signal(str, str, int, int, str)  # "in"|"out", code, volunteer, travel, content
    sig_place_changed = Signal()
    sig_shown = Signal()  # the tab came into view: time to fetch a code
    sig_visit_card = Signal(int, object, object)  # resident, window start, end (UTC)
    sig_volunteer_entered = Signal(int)  # time to offer the volunteer's tasks and shifts

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.qr = CheckinQrWidget()
        self.card_button = QPushButton()
        self.card_dialog: VisitCardDialog | None = None
        self.place_combo = QComboBox()
        self.place_title = QLabel()
        self._places: list[tuple[str, str]] = []
        self.direction = QComboBox()
        self.code_edit = QLineEdit()
        self.volunteer_edit = QLineEdit()
        self.volunteer_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.travel_spin = QSpinBox()
        self.travel_spin.setRange(0, MAX_TRAVEL_MIN)
        self.content_edit = QLineEdit()
        self.content_edit.setMaxLength(CONTENT_MAX)
        # Optional: the task or today's shift the volunteer came for (filled once the number
        # is entered); a task for a resident makes the hours wait for that resident's word.
        self.work_combo = QComboBox()
        self._work: list[tuple[str, int, str]] = []
        self.submit_button = QPushButton()
        self.submit_button.setDefault(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(6)]
        fields = (
            self.direction,
            self.code_edit,
            self.volunteer_edit,
            self.work_combo,
            self.travel_spin,
            self.content_edit,
        )
        for label, field in zip(self.form_labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        right = QVBoxLayout()
        right.addWidget(self.help_label)
        right.addLayout(self.form)
        right.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.result_label)
        right.addStretch(1)
        right.addWidget(self.card_button, 0, Qt.AlignmentFlag.AlignLeft)
        left = QVBoxLayout()
        place_row = QHBoxLayout()
        place_row.addWidget(self.place_title)
        place_row.addWidget(self.place_combo, 1)
        left.addLayout(place_row)
        left.addWidget(self.qr, 1)
        box = QHBoxLayout(self)
        box.addLayout(left, 1)
        box.addLayout(right, 1)
        self.place_combo.currentIndexChanged.connect(self.sig_place_changed)
        self.code_edit.returnPressed.connect(self._on_code_return_pressed)
        self.volunteer_edit.returnPressed.connect(self.submit)
        self.volunteer_edit.editingFinished.connect(self._on_volunteer_entered)
        self.submit_button.clicked.connect(self.submit)
        self.card_button.clicked.connect(self.open_visit_card)
        self.direction.currentIndexChanged.connect(self._on_direction_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word in the current language."""
        current = max(0, self.direction.currentIndex())
        self.direction.clear()
        self.direction.addItem(self.tr("Check in"), "in")
        self.direction.addItem(self.tr("Check out"), "out")
        self.direction.setCurrentIndex(current)
        labels = (
            self.tr("Direction"),
            self.tr("Scanned code"),
            self.tr("Volunteer No."),
            self.tr("Task or shift"),
            self.tr("Travel (min)"),
            self.tr("Service content"),
        )
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.place_title.setText(self.tr("Code for"))
        self.set_places(self._places)  # their words in the new language
        self.set_work(self._work)
        self.card_button.setText(self.tr("Visit card…"))
        self.card_button.setToolTip(
            self.tr("Print a resident's visit card: a door code valid only in the visit's window")
        )
        self.code_edit.setPlaceholderText(self.tr("Scan the volunteer's code or type it"))
        self.volunteer_edit.setPlaceholderText(self.tr("The number on the volunteer's card"))
        self.content_edit.setPlaceholderText(self.tr("What was done (at check-out)"))
        self.help_label.setText(
            self.tr(
                "The volunteer scans this screen's code (or the code on a visit card) with a "
                "phone and shows the text, or the station's scanner reads it into the field. "
                "Each code is signed, short-lived and taken once per volunteer."
            )
        )
        self._on_direction_changed()

    def set_places(self, places: Sequence[tuple[str, str]]) -> None:
        """The places this PC may show a code for: (community code, name)."""
        self._places = list(places)
        current = self.place()
        self.place_combo.blockSignals(True)
        self.place_combo.clear()
        for code, name in places:
            self.place_combo.addItem(
                self.tr("Station {code} {name}").format(code=code, name=name), code
            )
        i = self.place_combo.findData(current)
        self.place_combo.setCurrentIndex(max(0, i))
        self.place_combo.blockSignals(False)
        self.place_combo.setVisible(len(places) > 1)  # a station PC has one: nothing to choose
        self.place_title.setVisible(len(places) > 1)

    def place_label(self, code: str) -> str:
        """A place as the chooser names it ("工作站 C01 咸阳北里社区"), for the code's caption."""
        name = dict(self._places).get(code, "")
        return self.tr("Station {code} {name}").format(code=code, name=name).strip()

    def place(self) -> str:
        """The chosen community's code (empty when none)."""
        data = self.place_combo.currentData()
        return str(data) if data else ""

    def set_work(self, items: Sequence[tuple[str, int, str]]) -> None:
        """The volunteer's open tasks and today's shifts here: ("task"|"shift", id, title)."""
        self._work = list(items)
        self.work_combo.clear()
        self.work_combo.addItem(self.tr("(none)"), None)
        for kind, ident, title in self._work:
            text = (
                self.tr("Task: {title}") if kind == "task" else self.tr("Shift: {title}")
            ).format(title=title)
            self.work_combo.addItem(text, (kind, ident))
        self.work_combo.setEnabled(bool(self._work) and self.direction.currentData() != "out")

    def work(self) -> tuple[int | None, int | None]:
        """The chosen (task id, shift id); both None when nothing is chosen."""
        data = self.work_combo.currentData()
        if not isinstance(data, tuple):
            return None, None
        kind, ident = data
        return (int(ident), None) if kind == "task" else (None, int(ident))

    @Slot()
    def _on_volunteer_entered(self) -> None:
        number = self.volunteer_edit.text().strip()
        if number.isdigit() and self.direction.currentData() == "in":
            self.sig_volunteer_entered.emit(int(number))

    @Slot()
    def _on_direction_changed(self) -> None:
        out = self.direction.currentData() == "out"
        # The task is chosen at check-in: greyed out at check-out, not hidden (hiding the row
        # moved every field below it up under the worker's cursor).
        self.work_combo.setEnabled(not out and bool(self._work))
        self.submit_button.setText(
            self.tr("Record check-out") if out else self.tr("Record check-in")
        )

    @Slot()
    def open_visit_card(self) -> None:
        """Ask for the resident and the visit's window, then for the card."""
        dlg = VisitCardDialog(self.zone, self)
        dlg.accepted.connect(lambda: self.sig_visit_card.emit(*dlg.visit()))
        dlg.finished.connect(dlg.deleteLater)
        self.card_dialog = dlg
        dlg.open()

    @Slot()
    def _on_code_return_pressed(self) -> None:
        self.volunteer_edit.setFocus()  # a wedge scanner's Enter: the number comes next

    @Slot()
    def submit(self) -> None:
        """Send what was entered, when it is complete."""
        code = self.code_edit.text().strip()
        number = self.volunteer_edit.text().strip()
        if not code:
            self.code_edit.setFocus()
            return
        if not number.isdigit():
            self.volunteer_edit.setFocus()
            return
        self.sig_submit.emit(
            str(self.direction.currentData()),
            code,
            int(number),
            self.travel_spin.value(),
            self.content_edit.text().strip(),
        )

    def show_result(self, ok: bool, text: str) -> None:
        """The outcome of the last entry; a success clears the fields for the next volunteer."""
        self.result_label.setText(text)
        colour = OK_COLOUR if ok else REFUSED_COLOUR
        self.result_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        if ok:
            for edit in (self.code_edit, self.volunteer_edit, self.content_edit):
                edit.clear()
            self.travel_spin.setValue(0)
            self.set_work([])
        else:
            self.code_edit.selectAll()
        self.code_edit.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.code_edit.setFocus()  # ready for the scanner as soon as the tab is shown
        self.sig_shown.emit()


class VisitCardDialog(QDialog):
    """The resident and the visit's window (in the site's time) for a visit card."""

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setWindowTitle(self.tr("Visit card"))
        self.resident_edit = QLineEdit()
        self.resident_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        today = local(datetime.now(UTC), zone)
        self.day_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.from_edit = QTimeEdit(QTime(9, 0))
        self.to_edit = QTimeEdit(QTime(11, 0))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("HH:mm")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Resident No."), self.resident_edit)
        form.addRow(self.tr("Day"), self.day_edit)
        form.addRow(self.tr("From"), self.from_edit)
        form.addRow(self.tr("To"), self.to_edit)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for signal in (
            self.resident_edit.textChanged,
            self.from_edit.timeChanged,
            self.to_edit.timeChanged,
        ):
            signal.connect(self._on_changed)
        self._on_changed()

    @Slot()
    def _on_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(
            self.resident_edit.text().isdigit() and self.from_edit.time() < self.to_edit.time()
        )

    def visit(self) -> tuple[int, datetime, datetime]:
        """The resident's number and the window's start and end in UTC."""
        day = self.day_edit.date()
        return (
            int(self.resident_edit.text()),
            _from_qdt(QDateTime(day, self.from_edit.time()), self.zone),
            _from_qdt(QDateTime(day, self.to_edit.time()), self.zone),
        )


# --- hours ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CorrectionDraft:
    """What a correction dialog asks for: only the changed values are set."""

    reason: str
    checkin_at: datetime | None = None
    checkout_at: datetime | None = None
    travel_minutes: int | None = None
    content: str | None = None


# Keys of the steps while the Hours tab is shown (mnemonics of the English words).
STEP_KEYS = {
    "confirm_button": "Alt+F",
    "approve_button": "Alt+A",
    "reject_button": "Alt+J",
    "correct_button": "Alt+E",
}

FILTERS: tuple[tuple[str, tuple[AttendanceStatus, ...]], ...] = (
    ("queue", (AttendanceStatus.RECORDED, AttendanceStatus.CONFIRMED)),
    ("open", (AttendanceStatus.OPEN,)),
    ("approved", (AttendanceStatus.APPROVED,)),
    ("rejected", (AttendanceStatus.REJECTED,)),
    ("all", ()),
)


def _columns(zone: str) -> list[Column[AttendanceRow]]:
    def when(ts: datetime | None) -> str:
        return fmt_local(ts, zone, seconds=False)

    return [
        Column(
            "id",
            lambda: QCoreApplication.translate("HoursLabels", "No."),
            lambda r: str(r.id),
            sort_key=lambda r: r.id,
        ),
        Column(
            "volunteer",
            lambda: QCoreApplication.translate("HoursLabels", "Volunteer"),
            lambda r: f"{r.volunteer} ({r.volunteer_id})",
        ),
        Column(
            "community",
            lambda: QCoreApplication.translate("HoursLabels", "Community"),
            lambda r: r.community,
        ),
        Column(
            "place",
            lambda: QCoreApplication.translate("HoursLabels", "Place"),
            lambda r: place_text(r.place),
        ),
        Column(
            "content",
            lambda: QCoreApplication.translate("HoursLabels", "Service content"),
            lambda r: r.content,
        ),
        Column(
            "checkin",
            lambda: QCoreApplication.translate("HoursLabels", "Check-in"),
            lambda r: when(r.checkin_at),
        ),
        Column(
            "checkout",
            lambda: QCoreApplication.translate("HoursLabels", "Check-out"),
            lambda r: when(r.checkout_at),
        ),
        Column(
            "travel",
            lambda: QCoreApplication.translate("HoursLabels", "Travel (min)"),
            lambda r: str(r.travel_minutes),
        ),
        Column(
            "minutes",
            lambda: QCoreApplication.translate("HoursLabels", "Service time"),
            lambda r: format_minutes(r.minutes),
        ),
        Column(
            "status",
            lambda: QCoreApplication.translate("HoursLabels", "State"),
            lambda r: status_text(r.status),
            foreground=lambda r: (
                QColor(REFUSED_COLOUR) if r.status is AttendanceStatus.REJECTED else None
            ),
        ),
        Column(
            "confirmed",
            lambda: QCoreApplication.translate("HoursLabels", "Confirmed"),
            lambda r: (
                via_text(r.confirmed_via)
                if r.confirmed_via
                else (
                    QCoreApplication.translate("HoursLabels", "Needed")
                    if r.needs_confirmation
                    else "—"
                )
            ),
        ),
        Column(
            "approved_by",
            lambda: QCoreApplication.translate("HoursLabels", "Approved by"),
            lambda r: r.approved_by,
        ),
        Column(
            "corrections",
            lambda: QCoreApplication.translate("HoursLabels", "Corrections"),
            lambda r: str(r.corrections or ""),
        ),
    ]


class HoursWidget(QWidget):
    """The attendance list with its filter, the steps (confirm, approve, reject, correct) and
    the selected attendance's corrections trail."""

    sig_filter_changed = Signal()
    sig_selection_changed = Signal()
    sig_confirm = Signal(int, str)  # attendance, via
    sig_approve = Signal(int)
    sig_reject = Signal(int, str)  # attendance, reason
    sig_correct = Signal(int, object)  # attendance, CorrectionDraft

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.can_record = False
        self.can_approve = False
        self.filter_combo = QComboBox()
        self.model: RowTableModel[AttendanceRow, int] = RowTableModel(
            _columns(zone), lambda r: r.id, self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.confirm_via = QComboBox()
        self.confirm_button = QPushButton()
        self.approve_button = QPushButton()
        self.reject_button = QPushButton()
        self.correct_button = QPushButton()
        self.count_label = QLabel()
        self._shown: int | None = None  # the rows the count speaks of (None: no count)
        self.trail_title = QLabel()
        self.trail = QTableView()
        self.trail_model: RowTableModel[CorrectionRow, tuple[int, str, datetime]] = RowTableModel(
            self._trail_columns(), lambda c: (c.attendance_id, c.field, c.corrected_at), self
        )
        self.trail.setModel(self.trail_model)
        self.trail.verticalHeader().setVisible(False)
        self.trail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.trail.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.filter_combo)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.confirm_via)
        top.addWidget(self.confirm_button)
        top.addWidget(self.approve_button)
        top.addWidget(self.reject_button)
        top.addWidget(self.correct_button)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.trail_title)
        lower_box.addWidget(self.trail)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(split, 1)
        self.filter_combo.currentIndexChanged.connect(self.sig_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.correct_button.clicked.connect(self._on_correct_clicked)
        for button, key in STEP_KEYS.items():
            # Only while the tab has the focus: the same keys stay free in other panes.
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(getattr(self, button).animateClick)
        self.dialog_factory: Callable[[str, AttendanceRow], QDialog] = self._make_dialog
        self.retranslate()

    def _trail_columns(self) -> list[Column[CorrectionRow]]:
        return [
            Column(
                "at",
                lambda: QCoreApplication.translate("HoursLabels", "When"),
                lambda c: fmt_local(c.corrected_at, self.zone),
            ),
            Column(
                "by",
                lambda: QCoreApplication.translate("HoursLabels", "By"),
                lambda c: c.corrected_by,
            ),
            Column(
                "field",
                lambda: QCoreApplication.translate("HoursLabels", "Field"),
                lambda c: field_text(c.field),
            ),
            Column(
                "old",
                lambda: QCoreApplication.translate("HoursLabels", "Old value"),
                lambda c: self._value(c.field, c.old_value),
            ),
            Column(
                "new",
                lambda: QCoreApplication.translate("HoursLabels", "New value"),
                lambda c: self._value(c.field, c.new_value),
            ),
            Column(
                "reason",
                lambda: QCoreApplication.translate("HoursLabels", "Reason"),
                lambda c: c.reason,
            ),
        ]

    def _value(self, field: str, value: str) -> str:
        if field in ("checkin_at", "checkout_at") and value:
            try:
                return fmt_local(datetime.fromisoformat(value), self.zone)
            except ValueError:
                return value
        return value

    # --- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every word in the current language."""
        current = max(0, self.filter_combo.currentIndex())
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        names = {
            "queue": self.tr("Waiting for approval"),
            "open": self.tr("Checked in now"),
            "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"),
            "all": self.tr("All"),
        }
        for key, _ in FILTERS:
            self.filter_combo.addItem(names[key], key)
        self.filter_combo.setCurrentIndex(current)
        self.filter_combo.blockSignals(False)
        via = max(0, self.confirm_via.currentIndex())
        self.confirm_via.clear()
        for key in ("door", "phone", "station"):
            self.confirm_via.addItem(via_text(key), key)
        self.confirm_via.setCurrentIndex(via)
        self.confirm_button.setText(self.tr("Resident confirmed"))
        self.approve_button.setText(self.tr("Approve"))
        self.reject_button.setText(self.tr("Reject…"))
        self.correct_button.setText(self.tr("Correct…"))
        for button, key in STEP_KEYS.items():
            getattr(self, button).setToolTip(key)
        self.trail_title.setText(self.tr("Corrections (old value, new value, reason, who, when)"))
        self._show_count()
        self.model.retranslate()
        self.trail_model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- feeding --------------------------------------------------------------------------
    def statuses(self) -> tuple[AttendanceStatus, ...]:
        """The states the filter asks for (empty: all)."""
        return FILTERS[max(0, self.filter_combo.currentIndex())][1]

    def set_rows(self, rows: Sequence[AttendanceRow]) -> None:
        """The attendance that the filter matches, newest first."""
        self.model.set_rows(rows)
        self._shown = len(rows)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        if self._shown is None:
            self.count_label.clear()
        else:
            self.count_label.setText(self.tr("{n} shown").format(n=self._shown))

    def set_trail(self, attendance_id: int, rows: Sequence[CorrectionRow]) -> None:
        """The corrections of the selected attendance (ignored if another is selected now)."""
        chosen = self.selected()
        if chosen is None or chosen.id != attendance_id:
            return
        self.trail_model.set_rows(rows)

    def selected(self) -> AttendanceRow | None:
        """The selected attendance."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, attendance_id: int) -> None:
        """Select an attendance by its number."""
        i = self.model.index_of(attendance_id)
        if i is not None:
            self.table.selectRow(i)

    def clear(self) -> None:
        """Nothing shown (signed out)."""
        self.model.set_rows([])
        self.trail_model.set_rows([])
        self._shown = None
        self.count_label.clear()
        self._update_buttons()

    # --- steps ----------------------------------------------------------------------------
    @Slot()
    def _on_selection_changed(self) -> None:
        self.trail_model.set_rows([])
        self._update_buttons()
        self.sig_selection_changed.emit()

    def _update_buttons(self) -> None:
        r = self.selected()
        state = r.status if r is not None else None
        self.confirm_button.setEnabled(self.can_record and state in CONFIRM_FROM)
        self.confirm_via.setEnabled(self.confirm_button.isEnabled())
        self.approve_button.setEnabled(self.can_approve and state in APPROVE_FROM)
        self.reject_button.setEnabled(self.can_approve and state in REJECT_FROM)
        self.correct_button.setEnabled(self.can_record and r is not None)

    def set_rights(self, can_record: bool, can_approve: bool) -> None:
        """What the signed-in account may do here."""
        self.can_record, self.can_approve = can_record, can_approve
        self._update_buttons()

    @Slot()
    def _on_confirm_clicked(self) -> None:
        r = self.selected()
        if r is not None:
            self.sig_confirm.emit(r.id, str(self.confirm_via.currentData()))

    @Slot()
    def _on_approve_clicked(self) -> None:
        r = self.selected()
        if r is not None:
            self.sig_approve.emit(r.id)

    @Slot()
    def _on_reject_clicked(self) -> None:
        self._open("reject")

    @Slot()
    def _on_correct_clicked(self) -> None:
        self._open("correct")

    def _open(self, kind: str) -> None:
        r = self.selected()
        if r is None:
            return
        dlg = self.dialog_factory(kind, r)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _make_dialog(self, kind: str, r: AttendanceRow) -> QDialog:
        if kind == "reject":
            reject = RejectDialog(r, self)
            reject.accepted.connect(lambda: self.sig_reject.emit(r.id, reject.reason()))
            return reject
        correct = CorrectionDialog(r, self.zone, self)
        correct.accepted.connect(lambda: self.sig_correct.emit(r.id, correct.draft()))
        return correct


class RejectDialog(QDialog):
    """The reason for rejecting an attendance's hours."""

    def __init__(self, row: AttendanceRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject hours No. {id}").format(id=row.id))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        self._on_reason_changed()

    @Slot()
    def _on_reason_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_edit.text().strip()))

    def reason(self) -> str:
        """The reason typed."""
        return self.reason_edit.text().strip()


def _qdt(ts: datetime, zone: str) -> QDateTime:
    # The site's wall-clock time, read back field by field (`_from_qdt`), as the evidence
    # dialog does: the edit shows it as is, whatever this PC's own zone.
    t = local(ts, zone)
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute))


def _from_qdt(value: QDateTime, zone: str) -> datetime:
    d, t = value.date(), value.time()
    wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=ZoneInfo(zone))
    return wall.astimezone(UTC)


class CorrectionDialog(QDialog):
    """New values for an attendance and the reason; only changed values are sent."""

    def __init__(self, row: AttendanceRow, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.zone = zone
        self.setWindowTitle(self.tr("Correct hours No. {id}").format(id=row.id))
        self.checkin_edit = QDateTimeEdit(_qdt(row.checkin_at, zone))
        self.checkout_edit = QDateTimeEdit(_qdt(row.checkout_at or row.checkin_at, zone))
        for edit in (self.checkin_edit, self.checkout_edit):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self._checkout_shown = self.checkout_edit.dateTime()
        self.travel_spin = QSpinBox()
        self.travel_spin.setRange(0, MAX_TRAVEL_MIN)
        self.travel_spin.setValue(row.travel_minutes)
        self.content_edit = QLineEdit(row.content)
        self.content_edit.setMaxLength(CONTENT_MAX)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Check-in"), self.checkin_edit)
        form.addRow(self.tr("Check-out"), self.checkout_edit)
        form.addRow(self.tr("Travel (min)"), self.travel_spin)
        form.addRow(self.tr("Service content"), self.content_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        self._on_reason_changed()

    @Slot()
    def _on_reason_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_edit.text().strip()))

    def draft(self) -> CorrectionDraft:
        """The changed values (to the minute) and the reason."""
        r = self.row

        checkin = _from_qdt(self.checkin_edit.dateTime(), self.zone)
        checkout = _from_qdt(self.checkout_edit.dateTime(), self.zone)
        same_in = int(checkin.timestamp()) // 60 == int(r.checkin_at.timestamp()) // 60
        # An open attendance's check-out field starts at its check-in: untouched means none.
        untouched_out = self.checkout_edit.dateTime() == self._checkout_shown
        content = self.content_edit.text().strip()
        return CorrectionDraft(
            reason=self.reason_edit.text().strip(),
            checkin_at=None if same_in else checkin,
            checkout_at=None if untouched_out else checkout,
            travel_minutes=None
            if self.travel_spin.value() == r.travel_minutes
            else self.travel_spin.value(),
            content=None if content == r.content else content,
        )
