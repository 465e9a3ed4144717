"""The Employment pane's forms: seeker, training, posting, employer, visit, refusal, check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
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
    PostingStatus,
    RefusedBy,
    Seeker,
    SeekerRefusal,
    SeekerStatus,
    ShiftKind,
    TrainingRecord,
)
from core.employment_views import EmployerDraft, EmployerRow, PostingRow, SeekerRow
from core.views import PersonChoice
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
    """A QFormLayout with OK (Ctrl+Return) and Cancel.

    OK does not close the form: it emits `sig_submit`, and the owner answers with `saved()`
    (the form closes) or `refused(why)` (the form stays, with what was typed, and says why).
    """

    sig_submit = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("formProblem")
        self.problem.setStyleSheet("QLabel#formProblem { color: #b3261e; font-weight: bold; }")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setShortcut("Ctrl+Return")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self._pending = False
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.problem)
        box.addWidget(buttons)

    def _submit(self) -> None:
        self.problem.hide()
        # One save at a time, and no Cancel while it is on its way (it may still go in);
        # `saved` closes, `refused` gives both back.
        self._set_pending(True)
        self.sig_submit.emit()

    def _set_pending(self, pending: bool) -> None:
        self._pending = pending
        self.ok_button.setEnabled(not pending)
        self.cancel_button.setEnabled(not pending)

    def reject(self) -> None:
        if not self._pending:  # Esc while a save is on its way waits for its answer
            super().reject()

    def saved(self) -> None:
        """The save went through: close."""
        self._pending = False
        self.accept()

    def refused(self, why: str) -> None:
        """The save was refused: keep what was typed, say why, let the user correct it."""
        self.problem.setText("⚠ " + why)
        self.problem.show()
        self._set_pending(False)


class SeekerDialog(FormDialog):
    """Register a resident as a job seeker, or edit one (`row`).

    A new seeker's resident is found by name, phone, address or number (`sig_search(text)`,
    answered with `set_found`); `home_of(community)` gives the home place to start from until
    the user changes it (None: keep `home`).
    """

    sig_search = Signal(str)

    def __init__(
        self,
        row: SeekerRow | None,
        home: tuple[float, float],
        parent: QWidget | None = None,
        home_of: Callable[[str], tuple[float, float] | None] | None = None,
    ):
        super().__init__(parent)
        self.row = row
        self._home_of = home_of
        self._place_typed = row is not None
        self.setWindowTitle(self.tr("Job seeker") if row else self.tr("Register a job seeker"))
        lat, lon = (row.lat, row.lon) if row else home
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, phone, address or resident number"))
        self.search.setClearButtonEnabled(True)
        self.found = QComboBox()
        self.found.setMinimumContentsLength(24)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(lambda: self.sig_search.emit(self.search.text()))
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.found.currentIndexChanged.connect(self._on_found_picked)
        self.lat = _degrees(-90.0, 90.0, lat)
        self.lon = _degrees(-180.0, 180.0, lon)
        self.lat.valueChanged.connect(self._typed_place)
        self.lon.valueChanged.connect(self._typed_place)
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
        f = self.form
        if row is not None:
            self.needs.set_checked(row.needs)
            self.shifts.set_checked(row.shifts)
            self.statuses.set_checked(row.statuses)
            f.addRow(self.tr("Resident"), QLabel(f"{row.name} · {row.community}"))
        else:
            f.addRow(self.tr("Find the resident"), self.search)
            f.addRow(self.tr("Resident"), self.found)
        f.addRow(self.tr("Home latitude"), self.lat)
        f.addRow(self.tr("Home longitude"), self.lon)
        f.addRow(self.tr("Skills (comma-separated)"), self.skills)
        f.addRow(self.tr("Needs at work"), self.needs)
        f.addRow(self.tr("Hours a week, at least"), self.min_hours)
        f.addRow(self.tr("Hours a week, at most"), self.max_hours)
        f.addRow(self.tr("Shifts (none ticked: any)"), self.shifts)
        f.addRow(self.tr("Travels up to (km)"), self.max_km)
        f.addRow(self.tr("Groups"), self.statuses)
        self._on_found_picked(-1)
        self.resize(580, 460)

    def set_found(self, rows: Sequence[PersonChoice], seekers: Iterable[int] = ()) -> None:
        """The residents the search found (the first one picked); `seekers`: residents who are
        job seekers already (saving one of them updates their profile, and the list says so)."""
        known = set(seekers)
        self.found.clear()
        for r in rows:
            text = f"{r.name} · {r.community} · {r.birth_year} (#{r.id})"
            if r.id in known:
                text += " — " + self.tr("already a job seeker: saving updates them")
            self.found.addItem(text, r)
        if not rows:
            self.found.addItem(self.tr("No resident found"), None)
        self._on_found_picked(self.found.currentIndex())

    def resident_id(self) -> int | None:
        """The resident being registered or edited; None while none is picked."""
        if self.row is not None:
            return self.row.resident_id
        picked = self.found.currentData()
        return picked.id if isinstance(picked, PersonChoice) else None

    def _on_found_picked(self, _i: int) -> None:
        picked = self.found.currentData()
        if self.row is None:
            self.ok_button.setEnabled(isinstance(picked, PersonChoice))
        if isinstance(picked, PersonChoice) and not self._place_typed and self._home_of:
            home = self._home_of(picked.community)
            if home is not None:
                self.lat.blockSignals(True)
                self.lon.blockSignals(True)
                self.lat.setValue(home[0])
                self.lon.setValue(home[1])
                self.lat.blockSignals(False)
                self.lon.blockSignals(False)

    def _typed_place(self) -> None:
        self._place_typed = True

    def refused(self, why: str) -> None:
        super().refused(why)
        if self.row is None:
            self.ok_button.setEnabled(self.resident_id() is not None)

    def seeker(self) -> Seeker:
        """The seeker as entered; EmploymentError for values the rules refuse."""
        return Seeker(
            resident_id=self.resident_id() or 0,
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


class TrainingDialog(FormDialog):
    """A seeker's training: the courses so far, one more to add, or one marked completed.

    `sig_complete(training id)` marks the chosen course completed today (its skill then counts
    in matching); OK adds the course typed below.
    """

    sig_complete = Signal(int)

    def __init__(self, row: SeekerRow, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Training of {name}").format(name=row.name))
        self.courses = QListWidget()
        self.courses.setMinimumHeight(90)
        self.complete_button = QPushButton(self.tr("Completed today"))
        self.complete_button.clicked.connect(self._complete)
        self.courses.currentRowChanged.connect(lambda _r: self._on_course())
        self.set_courses(row)
        self.course = _line(NAME_MAX)
        self.provider = _line(NAME_MAX)
        self.skill = _line(NAME_MAX)
        self.completed = QCheckBox(self.tr("Already completed, on"))
        self.on = QDateEdit(_qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setMaximumDate(_qdate(today))
        self.on.setEnabled(False)
        self.completed.toggled.connect(self.on.setEnabled)
        f = self.form
        f.addRow(self.tr("Courses"), self.courses)
        f.addRow("", self.complete_button)
        f.addRow(self.tr("New course"), self.course)
        f.addRow(self.tr("Provider"), self.provider)
        f.addRow(self.tr("Skill it gives"), self.skill)
        f.addRow(self.completed, self.on)
        self.ok_button.setText(self.tr("Add course"))
        self.ok_button.setShortcut("Ctrl+Return")  # setText resets it
        self.resize(520, 380)

    def set_courses(self, row: SeekerRow) -> None:
        """The seeker's courses as last read (after a change, the new list)."""
        self.row = row
        self.courses.clear()
        for t in row.training:
            state = (
                self.tr("completed {day}").format(day=t.completed_on.isoformat())
                if t.completed_on
                else self.tr("under way")
            )
            skill = f" → {t.skill}" if t.skill else ""
            item = QListWidgetItem(f"{t.course} · {t.provider} · {state}{skill}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, t.completed_on is None)
            self.courses.addItem(item)
        if not row.training:
            self.courses.addItem(self.tr("No training recorded yet"))
        self._on_course()

    def _on_course(self) -> None:
        item = self.courses.currentItem()
        self.complete_button.setEnabled(
            item is not None and bool(item.data(Qt.ItemDataRole.UserRole + 1))
        )

    def _complete(self) -> None:
        item = self.courses.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole + 1):
            self.complete_button.setEnabled(False)
            self._set_pending(True)
            self.sig_complete.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def record(self) -> TrainingRecord:
        """The course typed (checked by the service)."""
        return TrainingRecord(
            course=self.course.text(),
            provider=self.provider.text(),
            completed_on=_date(self.on.date()) if self.completed.isChecked() else None,
            skill=self.skill.text(),
        )

    def refused(self, why: str) -> None:
        super().refused(why)
        self._on_course()  # "Completed today" back for the chosen course

    def set_courses_after_save(self, row: SeekerRow) -> None:
        """A course marked completed: the list again, the form ready."""
        self.set_courses(row)
        self.problem.hide()
        self._set_pending(False)

    def added(self, row: SeekerRow) -> None:
        """A course went in: list it, clear the fields for the next one."""
        self.set_courses(row)
        for edit in (self.course, self.provider, self.skill):
            edit.clear()
        self.completed.setChecked(False)
        self.problem.hide()
        self._set_pending(False)
        self.course.setFocus()


class PostingDialog(FormDialog):
    """A new posting for one of `employers` (its place defaults to the employer's), or an
    existing one (`row`) edited; its state moves with the Postings tab's buttons."""

    def __init__(
        self,
        employers: Sequence[EmployerRow],
        home: tuple[float, float],
        parent: QWidget | None = None,
        row: PostingRow | None = None,
    ):
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Posting") if row else self.tr("New posting"))
        self._employers = list(employers)
        self.employer = QComboBox()
        for e in employers:
            self.employer.addItem(f"{e.name} · {label(e.status)}", e.id)
        self.title = _line(TITLE_MAX, row.title if row else "")
        self.duties = QPlainTextEdit(row.duties if row else "")
        self.duties.setFixedHeight(60)
        self.hours = _spin(1, HOURS_MAX, row.hours_per_week if row else 40)
        self.shift = code_combo(list(ShiftKind))
        self.pay = _spin(0, PAY_MAX_YUAN, row.pay_fen_per_month // 100 if row else 3000)
        self.openings = _spin(1, 999, row.openings if row else 1)
        self.lat = _degrees(-90.0, 90.0, home[0])
        self.lon = _degrees(-180.0, 180.0, home[1])
        self.skills = _line(SKILLS_MAX, ", ".join(row.skills) if row else "")
        self.features: CodeChecks[Accessibility] = CodeChecks(Accessibility)
        self.eligibility: CodeChecks[SeekerStatus] = CodeChecks(SeekerStatus)
        self.kind = code_combo(list(EmploymentForm))
        if row is None:
            self.employer.currentIndexChanged.connect(self._on_employer)
            self._on_employer(self.employer.currentIndex())
        else:
            if self.employer.findData(row.employer_id) < 0:  # not on the page listed
                self.employer.addItem(row.employer, row.employer_id)
            self.employer.setCurrentIndex(self.employer.findData(row.employer_id))
            self.employer.setEnabled(False)  # a posting stays with its employer
            self.shift.setCurrentIndex(max(0, self.shift.findData(row.shift.value)))
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.form.value)))
            self.lat.setValue(row.lat)
            self.lon.setValue(row.lon)
            self.features.set_checked(row.features)
            self.eligibility.set_checked(row.eligibility)
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
        row = self.row
        return Posting(
            id=row.id if row else 0,
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
            status=row.status if row else PostingStatus.OPEN,
        )


class EmployerDialog(FormDialog):
    """A new employer in one of `communities` (or the street's when `street` is allowed), or
    an existing one (`row`) edited; `home` is where its site starts when it has none."""

    def __init__(
        self,
        communities: Sequence[str],
        street: bool,
        parent: QWidget | None = None,
        row: EmployerRow | None = None,
        home: tuple[float, float] = (0.0, 0.0),
    ):
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Employer") if row else self.tr("New employer"))
        self.credit_code = _line(18, row.credit_code if row else "")
        self.name = _line(NAME_MAX, row.name if row else "")
        self.status = code_combo(list(EmployerStatus))
        self.staff = _spin(0, 1_000_000, row.staff if row else 0)
        self.disabled_staff = _spin(0, 1_000_000, row.disabled_staff if row else 0)
        self.forms: CodeChecks[EmploymentForm] = CodeChecks(EmploymentForm)
        self.forms.set_checked(row.forms if row else [EmploymentForm.OPEN])
        self.contact_name = _line(NAME_MAX, row.contact_name if row else "")
        self.contact_phone = _line(32, row.contact_phone if row else "")
        self.address = _line(200, row.address if row else "")
        lat, lon = (row.lat, row.lon) if row and row.lat is not None else (None, None)
        # No place until one is typed (or the employer has one): a guess would skew distances.
        # The boxes say so ("not set" at their least value) instead of showing the street's
        # own place, which read as if it had been entered.
        self._place_known = lat is not None
        self.lat = _degrees(-90.0, 90.0, lat if lat is not None else -90.0)
        self.lon = _degrees(-180.0, 180.0, lon if lon is not None else -180.0)
        for box in (self.lat, self.lon):
            box.setSpecialValueText(self.tr("not set"))
        self._home = home
        self.lat.valueChanged.connect(self._typed_place)
        self.lon.valueChanged.connect(self._typed_place)
        self.community = QComboBox()
        if street:
            self.community.addItem(self.tr("The street's"), None)
        for code in communities:
            self.community.addItem(code, code)
        # A new employer is not yet verified: only a verified one takes referrals, and the
        # form offered "verified" first.
        status = row.status if row is not None else EmployerStatus.UNVERIFIED
        self.status.setCurrentIndex(max(0, self.status.findData(status.value)))
        if row is not None:
            if row.community is not None and self.community.findData(row.community) < 0:
                self.community.addItem(row.community, row.community)
            at = self.community.findData(row.community) if row.community else 0
            self.community.setCurrentIndex(max(0, at))
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
        f.addRow(self.tr("Site latitude"), self.lat)
        f.addRow(self.tr("Site longitude"), self.lon)
        f.addRow(self.tr("Community"), self.community)
        self.resize(560, 480)

    def _typed_place(self) -> None:
        if not self._place_known:
            # The first step of an arrow starts from the street, not from -90°.
            self._place_known = True
            for box, value in ((self.lat, self._home[0]), (self.lon, self._home[1])):
                if box.value() == box.minimum():
                    box.blockSignals(True)
                    box.setValue(value)
                    box.blockSignals(False)

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
            lat=self.lat.value() if self._place_known else None,
            lon=self.lon.value() if self._place_known else None,
            community=str(community) if community else None,
            id=self.row.id if self.row else None,
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
