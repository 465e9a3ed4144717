"""The Employment pane's small forms: seeker, posting, employer, visit, refusal, date, check."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.employment import (
    DISTANCE_MAX_KM,
    HOURS_MAX,
    NAME_MAX,
    NOTE_MAX,
    TITLE_MAX,
    Accessibility,
    Coded,
    EmployerRefusal,
    EmployerStatus,
    EmploymentForm,
    Posting,
    RefusedBy,
    Seeker,
    SeekerRefusal,
    SeekerStatus,
    ShiftKind,
)
from core.employment_views import EmployerDraft, EmployerRow, SeekerRow
from widgets.employment import label
from widgets.flow_layout import FlowLayout

C = TypeVar("C", bound=Coded)
SKILLS_MAX = 200  # the typed list of skills, comma-separated
PAY_MAX_YUAN = 1_000_000


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _skills(text: str) -> frozenset[str]:
    return frozenset(s.strip() for s in text.replace("，", ",").split(",") if s.strip())


class CodeChecks(QWidget, Generic[C]):
    """A check box per member of a core code enum, labelled in the current language."""

    def __init__(self, codes: type[C], parent: QWidget | None = None):
        super().__init__(parent)
        self._boxes: dict[C, QCheckBox] = {}
        flow = FlowLayout(self)
        for code in codes:
            box = QCheckBox(label(code))
            self._boxes[code] = box
            flow.addWidget(box)

    def set_checked(self, codes: Sequence[C] | frozenset[C]) -> None:
        for code, box in self._boxes.items():
            box.setChecked(code in codes)

    def checked(self) -> frozenset[C]:
        return frozenset(c for c, b in self._boxes.items() if b.isChecked())

    def box(self, code: C) -> QCheckBox:
        return self._boxes[code]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for code, box in self._boxes.items():
                box.setText(label(code))
        super().changeEvent(event)


def code_combo(codes: Sequence[Coded]) -> QComboBox:
    """A combo box of core codes, each labelled, with the code as its data."""
    combo = QComboBox()
    for code in codes:
        combo.addItem(label(code), code.value)
    return combo


def _spin(low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    return spin


def _degrees(low: float, high: float, value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(6)
    spin.setRange(low, high)
    spin.setValue(value)
    return spin


def _line(limit: int, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(limit)
    return edit


class FormDialog(QDialog):
    """A QFormLayout with OK (Ctrl+Return) and Cancel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setShortcut("Ctrl+Return")
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(buttons)


class SeekerDialog(FormDialog):
    """Register a resident as a job seeker, or edit one (`row`); `home` is the default place."""

    def __init__(
        self, row: SeekerRow | None, home: tuple[float, float], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Job seeker") if row else self.tr("Register a job seeker"))
        lat, lon = (row.lat, row.lon) if row else home
        self.resident = _spin(1, 2_000_000_000, row.resident_id if row else 1)
        self.resident.setEnabled(row is None)
        self.lat = _degrees(-90.0, 90.0, lat)
        self.lon = _degrees(-180.0, 180.0, lon)
        self.skills = _line(SKILLS_MAX, ", ".join(row.skills) if row else "")
        self.needs: CodeChecks[Accessibility] = CodeChecks(Accessibility)
        self.min_hours = _spin(0, HOURS_MAX, row.min_hours if row else 0)
        self.max_hours = _spin(0, HOURS_MAX, row.max_hours if row else 40)
        self.shifts: CodeChecks[ShiftKind] = CodeChecks(ShiftKind)
        self.max_km = QDoubleSpinBox()
        self.max_km.setRange(0.5, DISTANCE_MAX_KM)
        self.max_km.setDecimals(1)
        self.max_km.setValue(row.max_km if row else 5.0)
        self.statuses: CodeChecks[SeekerStatus] = CodeChecks(SeekerStatus)
        if row is not None:
            self.needs.set_checked(row.needs)
            self.shifts.set_checked(row.shifts)
            self.statuses.set_checked(row.statuses)
        f = self.form
        f.addRow(self.tr("Resident number"), self.resident)
        f.addRow(self.tr("Home latitude"), self.lat)
        f.addRow(self.tr("Home longitude"), self.lon)
        f.addRow(self.tr("Skills (comma-separated)"), self.skills)
        f.addRow(self.tr("Needs at work"), self.needs)
        f.addRow(self.tr("Hours a week, at least"), self.min_hours)
        f.addRow(self.tr("Hours a week, at most"), self.max_hours)
        f.addRow(self.tr("Shifts (none ticked: any)"), self.shifts)
        f.addRow(self.tr("Travels up to (km)"), self.max_km)
        f.addRow(self.tr("Groups"), self.statuses)
        self.resize(560, 420)

    def seeker(self) -> Seeker:
        """The seeker as entered; EmploymentError for values the rules refuse."""
        return Seeker(
            resident_id=self.resident.value(),
            lat=self.lat.value(),
            lon=self.lon.value(),
            skills=_skills(self.skills.text()),
            needs=self.needs.checked(),
            min_hours=self.min_hours.value(),
            max_hours=self.max_hours.value(),
            shifts=self.shifts.checked(),
            max_km=self.max_km.value(),
            statuses=self.statuses.checked(),
        )


class PostingDialog(FormDialog):
    """A new posting for one of `employers`; its place defaults to the employer's."""

    def __init__(
        self,
        employers: Sequence[EmployerRow],
        home: tuple[float, float],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New posting"))
        self._employers = list(employers)
        self.employer = QComboBox()
        for e in employers:
            self.employer.addItem(f"{e.name} · {label(e.status)}", e.id)
        self.title = _line(TITLE_MAX)
        self.duties = QPlainTextEdit()
        self.duties.setFixedHeight(60)
        self.hours = _spin(1, HOURS_MAX, 40)
        self.shift = code_combo(list(ShiftKind))
        self.pay = _spin(0, PAY_MAX_YUAN, 3000)
        self.openings = _spin(1, 999, 1)
        self.lat = _degrees(-90.0, 90.0, home[0])
        self.lon = _degrees(-180.0, 180.0, home[1])
        self.skills = _line(SKILLS_MAX)
        self.features: CodeChecks[Accessibility] = CodeChecks(Accessibility)
        self.eligibility: CodeChecks[SeekerStatus] = CodeChecks(SeekerStatus)
        self.kind = code_combo(list(EmploymentForm))
        self.employer.currentIndexChanged.connect(self._on_employer)
        self._on_employer(self.employer.currentIndex())
        f = self.form
        f.addRow(self.tr("Employer"), self.employer)
        f.addRow(self.tr("Title"), self.title)
        f.addRow(self.tr("Duties"), self.duties)
        f.addRow(self.tr("Hours a week"), self.hours)
        f.addRow(self.tr("Shift"), self.shift)
        f.addRow(self.tr("Pay a month (yuan)"), self.pay)
        f.addRow(self.tr("Openings"), self.openings)
        f.addRow(self.tr("Latitude"), self.lat)
        f.addRow(self.tr("Longitude"), self.lon)
        f.addRow(self.tr("Skills required (comma-separated)"), self.skills)
        f.addRow(self.tr("Workplace offers"), self.features)
        f.addRow(self.tr("Only for (none ticked: anyone)"), self.eligibility)
        f.addRow(self.tr("Form of employment"), self.kind)
        self.resize(600, 520)

    def _on_employer(self, i: int) -> None:
        if 0 <= i < len(self._employers):
            e = self._employers[i]
            if e.lat is not None and e.lon is not None:
                self.lat.setValue(e.lat)
                self.lon.setValue(e.lon)

    def posting(self) -> Posting:
        """The posting as entered (id 0: new); EmploymentError for refused values."""
        return Posting(
            id=0,
            employer_id=int(self.employer.currentData() or 0),
            title=self.title.text(),
            duties=self.duties.toPlainText(),
            hours_per_week=self.hours.value(),
            shift=ShiftKind(self.shift.currentData()),
            pay_fen_per_month=self.pay.value() * 100,
            lat=self.lat.value(),
            lon=self.lon.value(),
            features=self.features.checked(),
            skills=_skills(self.skills.text()),
            eligibility=self.eligibility.checked(),
            openings=self.openings.value(),
            form=EmploymentForm(self.kind.currentData()),
        )


class EmployerDialog(FormDialog):
    """A new employer in one of `communities`, or the street's when `street` is allowed."""

    def __init__(self, communities: Sequence[str], street: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New employer"))
        self.credit_code = _line(18)
        self.name = _line(NAME_MAX)
        self.status = code_combo(list(EmployerStatus))
        self.staff = _spin(0, 1_000_000, 0)
        self.disabled_staff = _spin(0, 1_000_000, 0)
        self.forms: CodeChecks[EmploymentForm] = CodeChecks(EmploymentForm)
        self.forms.set_checked([EmploymentForm.OPEN])
        self.contact_name = _line(NAME_MAX)
        self.contact_phone = _line(32)
        self.address = _line(200)
        self.community = QComboBox()
        if street:
            self.community.addItem(self.tr("The street's"), None)
        for code in communities:
            self.community.addItem(code, code)
        f = self.form
        f.addRow(self.tr("Unified social credit code"), self.credit_code)
        f.addRow(self.tr("Name"), self.name)
        f.addRow(self.tr("State"), self.status)
        f.addRow(self.tr("Staff"), self.staff)
        f.addRow(self.tr("Disabled staff (as the quota counts)"), self.disabled_staff)
        f.addRow(self.tr("Forms of employment"), self.forms)
        f.addRow(self.tr("Contact"), self.contact_name)
        f.addRow(self.tr("Contact phone"), self.contact_phone)
        f.addRow(self.tr("Address"), self.address)
        f.addRow(self.tr("Community"), self.community)
        self.resize(560, 440)

    def draft(self) -> EmployerDraft:
        """The employer as entered (checked by the service)."""
        community = self.community.currentData()
        return EmployerDraft(
            credit_code=self.credit_code.text(),
            name=self.name.text(),
            status=EmployerStatus(self.status.currentData()),
            staff=self.staff.value(),
            disabled_staff=self.disabled_staff.value(),
            forms=self.forms.checked() or frozenset({EmploymentForm.OPEN}),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            address=self.address.text(),
            community=str(community) if community else None,
        )


class DatedNoteDialog(FormDialog):
    """A day and a short note: a visit to an employer, or the employer's confirmation."""

    VISIT, CONFIRM = "visit", "confirm"

    def __init__(self, what: str, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = what
        self.on = QDateEdit(_qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setMaximumDate(_qdate(today))
        self.note = _line(NOTE_MAX)
        if what == self.VISIT:
            self.setWindowTitle(self.tr("Record a visit"))
            self.form.addRow(self.tr("Visited on"), self.on)
            self.form.addRow(self.tr("Note"), self.note)
        else:
            self.setWindowTitle(self.tr("The employer confirmed the hire"))
            self.form.addRow(self.tr("Confirmed on"), self.on)
        self.resize(420, 140)

    def values(self) -> tuple[date, str]:
        return _date(self.on.date()), self.note.text()


class RefusalDialog(FormDialog):
    """Who refused (the seeker or the employer), that side's reason, a note, the day."""

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refused"))
        self.by = code_combo(list(RefusedBy))
        self.reason = QComboBox()
        self.note = _line(NOTE_MAX)
        self.on = QDateEdit(_qdate(today))
        self.on.setCalendarPopup(True)
        self.by.currentIndexChanged.connect(lambda _i: self._fill_reasons())
        self._fill_reasons()
        self.form.addRow(self.tr("Refused by"), self.by)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Note (needed for “other”)"), self.note)
        self.form.addRow(self.tr("On"), self.on)
        self.resize(440, 200)

    def _fill_reasons(self) -> None:
        side = RefusedBy(self.by.currentData())
        codes: list[Coded] = list(SeekerRefusal if side is RefusedBy.SEEKER else EmployerRefusal)
        self.reason.clear()
        for code in codes:
            self.reason.addItem(label(code), code.value)

    def values(self) -> tuple[date, RefusedBy, str, str]:
        return (
            _date(self.on.date()),
            RefusedBy(self.by.currentData()),
            str(self.reason.currentData()),
            self.note.text(),
        )


class RetentionDialog(FormDialog):
    """A follow-up call: still employed yes or no, a note, the day of the call."""

    def __init__(self, person: str, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a follow-up call"))
        self.still = QComboBox()
        self.still.addItem(self.tr("Yes, still employed"), True)
        self.still.addItem(self.tr("No, no longer employed"), False)
        self.note = _line(NOTE_MAX)
        self.on = QDateEdit(_qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setMaximumDate(_qdate(today))
        self.form.addRow(self.tr("Seeker"), QLineEdit(person, readOnly=True))
        self.form.addRow(self.tr("Still employed"), self.still)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.tr("Called on"), self.on)
        self.resize(440, 200)

    def values(self) -> tuple[bool, date, str]:
        return bool(self.still.currentData()), _date(self.on.date()), self.note.text()
