"""The volunteers' dialogs: profile, shift, team, pairing, task, qualification, pick, reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.idcard import validation_error
from core.timefmt import DEFAULT_ZONE
from core.volunteers import (
    DAY_PARTS,
    Cadence,
    ShiftDraft,
    ShiftRow,
    SignupMode,
    TaskDraft,
    TaskKind,
    VolunteerDraft,
    availability_mask,
    availability_slots,
    shift_problem,
)
from widgets.volunteers_text import VolunteerTexts

Choice = tuple[int, str]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _qdt(ts: datetime, zone: str) -> QDateTime:
    t = ts.astimezone(ZoneInfo(zone))
    return QDateTime(_qdate(t.date()), QTime(t.hour, t.minute))


def _pydt(q: QDateTime, zone: str) -> datetime:
    d, t = q.date(), q.time()
    naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    return naive.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


class _Form(QDialog):
    """A form with OK/Cancel whose OK stays off while `problem()` names one."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.texts = VolunteerTexts(self)
        self.form = QFormLayout()
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("formProblem")
        self.problem_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.problem_label)
        box.addWidget(self.buttons)

    def problem(self) -> str | None:
        return None

    def check(self) -> None:
        p = self.problem()
        self.problem_label.setText(p or "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(p is None)


def _communities(box: QComboBox, communities: Sequence[tuple[str, str]], chosen: str) -> None:
    for code, name in communities:
        box.addItem(f"{code} {name}".strip(), code)
    i = box.findData(chosen)
    if i >= 0:
        box.setCurrentIndex(i)


class AvailabilityGrid(QWidget):
    """Seven days by three parts of the day, as check boxes (Space toggles)."""

    def __init__(self, mask: int, texts: VolunteerTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[tuple[int, int], QCheckBox] = {}
        slots = availability_slots(mask)
        for d in range(7):
            grid.addWidget(QLabel(texts.weekday_short(d), self), 0, d + 1)
        for p in range(len(DAY_PARTS)):
            grid.addWidget(QLabel(texts.part(p), self), p + 1, 0)
            for d in range(7):
                b = QCheckBox(self)
                b.setChecked((d, p) in slots)
                self.boxes[(d, p)] = b
                grid.addWidget(b, p + 1, d + 1)

    def slots_mask(self) -> int:
        return availability_mask({k for k, b in self.boxes.items() if b.isChecked()})


class VolunteerDialog(_Form):
    """A volunteer's profile; the identity number is typed in full (checked as typed)."""

    def __init__(
        self,
        communities: Sequence[tuple[str, str]],
        draft: VolunteerDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Volunteer") if draft else self.tr("New volunteer"))
        d = draft
        self.community = QComboBox(self)
        _communities(self.community, communities, d.community if d else "")
        self.name = QLineEdit(d.name if d else "", self)
        self.phone = QLineEdit(d.phone if d else "", self)
        self.gender = QComboBox(self)
        self.gender.addItem(self.tr("Male"), "M")
        self.gender.addItem(self.tr("Female"), "F")
        if d and d.gender == "F":
            self.gender.setCurrentIndex(1)
        self.birth = QDateEdit(_qdate(d.birth_date if d else date(1970, 1, 1)), self)
        self.birth.setDisplayFormat("yyyy-MM-dd")
        self.id_number = QLineEdit(d.id_number if d else "", self)
        self.id_number.setMaxLength(18)
        self.skills = QLineEdit(d.skills if d else "", self)
        self.skills.setPlaceholderText(self.tr("Comma-separated, e.g. 读报, 理发"))
        self.policy = QLineEdit(d.insurance_policy if d else "", self)
        self.insured_until = QDateEdit(
            _qdate(d.insurance_expires if d and d.insurance_expires else date.today()), self
        )
        self.insured_until.setDisplayFormat("yyyy-MM-dd")
        self.grid = AvailabilityGrid(d.availability if d else 0, self.texts, self)
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(d.active if d else True)
        self.resident_id = d.resident_id if d else None
        f = self.form
        f.addRow(self.tr("Community"), self.community)
        f.addRow(self.tr("Name"), self.name)
        f.addRow(self.tr("Phone"), self.phone)
        f.addRow(self.tr("Gender"), self.gender)
        f.addRow(self.tr("Birth date"), self.birth)
        f.addRow(self.tr("Identity No."), self.id_number)
        f.addRow(self.tr("Skills"), self.skills)
        f.addRow(self.tr("Insurance policy"), self.policy)
        f.addRow(self.tr("Insured until"), self.insured_until)
        f.addRow(self.tr("Usually free"), self.grid)
        f.addRow("", self.active)
        for w in (self.name, self.phone, self.id_number, self.policy):
            w.textChanged.connect(self.check)
        self.birth.dateChanged.connect(self.check)
        self.check()

    def problem(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Type the volunteer's name.")
        if not self.id_number.text().strip():
            return self.tr("Type the identity number.")
        if validation_error(self.id_number.text()) is not None:
            return self.tr("The identity number is not valid (check the digits).")
        return None

    def draft(self) -> VolunteerDraft:
        policy = self.policy.text().strip()
        return VolunteerDraft(
            community=str(self.community.currentData()),
            name=self.name.text(),
            phone=self.phone.text(),
            gender=str(self.gender.currentData()),
            birth_date=_pydate(self.birth.date()),
            id_number=self.id_number.text(),
            skills=self.skills.text(),
            insurance_policy=policy,
            insurance_expires=_pydate(self.insured_until.date()) if policy else None,
            availability=self.grid.slots_mask(),
            resident_id=self.resident_id,
            active=self.active.isChecked(),
        )


class ShiftDialog(_Form):
    """A shift and its sign-up rules."""

    def __init__(
        self,
        communities: Sequence[tuple[str, str]],
        teams: Sequence[Choice],
        start: datetime,
        row: ShiftRow | None = None,
        zone: str = DEFAULT_ZONE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setWindowTitle(self.tr("Shift") if row else self.tr("New shift"))
        self.community = QComboBox(self)
        _communities(self.community, communities, row.community if row else "")
        self.title = QLineEdit(row.title if row else "", self)
        self.place = QLineEdit(row.place if row else "", self)
        begin = row.starts_at if row else start
        self.starts = QDateTimeEdit(_qdt(begin, zone), self)
        self.ends = QDateTimeEdit(
            _qdt(row.ends_at if row else begin + timedelta(hours=2), zone), self
        )
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.capacity = QSpinBox(self)
        self.capacity.setRange(1, 500)
        self.capacity.setValue(row.capacity if row else 4)
        self.qualification = QLineEdit(row.qualification if row else "", self)
        self.qualification.setPlaceholderText(self.tr("None required"))
        self.min_age = QSpinBox(self)
        self.min_age.setRange(0, 100)
        self.min_age.setSpecialValueText(self.tr("No minimum"))
        self.min_age.setValue(row.min_age if row else 0)
        self.has_deadline = QCheckBox(self.tr("Sign-up closes at"), self)
        self.deadline = QDateTimeEdit(
            _qdt(
                row.signup_deadline if row and row.signup_deadline else begin - timedelta(hours=12),
                zone,
            ),
            self,
        )
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.has_deadline.setChecked(bool(row and row.signup_deadline) or row is None)
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("Instant"), SignupMode.INSTANT.value)
        self.mode.addItem(self.tr("Needs confirmation"), SignupMode.CONFIRM.value)
        if row and row.signup_mode == SignupMode.CONFIRM.value:
            self.mode.setCurrentIndex(1)
        self.team = QComboBox(self)
        self.team.addItem(self.tr("No team"), 0)
        for tid, name in teams:
            self.team.addItem(name, tid)
        f = self.form
        f.addRow(self.tr("Community"), self.community)
        f.addRow(self.tr("Title"), self.title)
        f.addRow(self.tr("Place"), self.place)
        f.addRow(self.tr("Starts"), self.starts)
        f.addRow(self.tr("Ends"), self.ends)
        f.addRow(self.tr("Capacity"), self.capacity)
        f.addRow(self.tr("Required qualification"), self.qualification)
        f.addRow(self.tr("Minimum age"), self.min_age)
        f.addRow(self.has_deadline, self.deadline)
        f.addRow(self.tr("Sign-up"), self.mode)
        f.addRow(self.tr("Team"), self.team)
        for w in (self.title, self.place):
            w.textChanged.connect(self.check)
        for dt in (self.starts, self.ends, self.deadline):
            dt.dateTimeChanged.connect(self.check)
        self.has_deadline.toggled.connect(self.check)
        self.check()

    def draft(self) -> ShiftDraft:
        team = int(self.team.currentData() or 0)
        return ShiftDraft(
            community=str(self.community.currentData()),
            title=self.title.text(),
            place=self.place.text(),
            starts_at=_pydt(self.starts.dateTime(), self.zone),
            ends_at=_pydt(self.ends.dateTime(), self.zone),
            capacity=self.capacity.value(),
            qualification=self.qualification.text().strip(),
            min_age=self.min_age.value(),
            signup_deadline=_pydt(self.deadline.dateTime(), self.zone)
            if self.has_deadline.isChecked()
            else None,
            signup_mode=SignupMode(str(self.mode.currentData())),
            team_id=team or None,
        )

    def problem(self) -> str | None:
        p = shift_problem(self.draft())
        if p is None:
            return None
        return {
            "a shift needs a title": self.tr("Type the shift's title."),
            "a shift needs a place": self.tr("Type where the shift takes place."),
            "a shift ends after it starts": self.tr("The shift must end after it starts."),
            "the sign-up deadline is before the shift starts": self.tr(
                "Sign-up must close before the shift starts."
            ),
        }.get(p, p)


class TeamDialog(_Form):
    def __init__(
        self,
        communities: Sequence[tuple[str, str]],
        volunteers: Sequence[Choice],
        *,
        street_wide: bool,
        name: str = "",
        community: str | None = None,
        leader: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team"))
        self.name = QLineEdit(name, self)
        self.community = QComboBox(self)
        if street_wide:
            self.community.addItem(self.texts.street_wide(), "")
        _communities(self.community, communities, community or "")
        self.leader = QComboBox(self)
        self.leader.addItem(self.tr("No leader yet"), 0)
        for vid, text in volunteers:
            self.leader.addItem(text, vid)
        if leader is not None:
            self.leader.setCurrentIndex(max(0, self.leader.findData(leader)))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Community"), self.community)
        self.form.addRow(self.tr("Leader"), self.leader)
        self.name.textChanged.connect(self.check)
        self.check()

    def problem(self) -> str | None:
        return None if self.name.text().strip() else self.tr("Type the team's name.")

    def values(self) -> tuple[str, str | None, int | None]:
        return (
            self.name.text(),
            str(self.community.currentData()) or None,
            int(self.leader.currentData()) or None,
        )


class PickDialog(_Form):
    """Choose one of several (a volunteer to sign up or assign, a member to remove)."""

    def __init__(
        self, title: str, label: str, choices: Sequence[Choice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.choice = QComboBox(self)
        self.choice.setEditable(True)  # type to filter a long list
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for cid, text in choices:
            self.choice.addItem(text, cid)
        self.form.addRow(label, self.choice)
        self.choice.currentIndexChanged.connect(lambda _i: self.check())
        self.check()

    def problem(self) -> str | None:
        return None if self.choice.currentData() is not None else self.tr("Nothing to choose.")

    def chosen(self) -> int:
        return int(self.choice.currentData())


class QualificationDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Qualification"))
        self.kind = QLineEdit(self)
        self.kind.setPlaceholderText(self.tr("e.g. 急救证"))
        self.number = QLineEdit(self)
        self.expires = QCheckBox(self.tr("Expires on"), self)
        self.expires.setChecked(True)
        self.date = QDateEdit(_qdate(date.today() + timedelta(days=365)), self)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("Qualification"), self.kind)
        self.form.addRow(self.tr("Certificate No."), self.number)
        self.form.addRow(self.expires, self.date)
        self.kind.textChanged.connect(self.check)
        self.check()

    def problem(self) -> str | None:
        return None if self.kind.text().strip() else self.tr("Type the qualification.")

    def values(self) -> tuple[str, str, date | None]:
        exp = _pydate(self.date.date()) if self.expires.isChecked() else None
        return self.kind.text(), self.number.text(), exp


class ReasonDialog(_Form):
    """Why personal data is shown: recorded in the audit log."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        note = QLabel(self.tr("The reason is recorded in the audit log with your name."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.reason.textChanged.connect(self.check)
        self.check()

    def problem(self) -> str | None:
        return None if len(self.reason.text().strip()) >= 2 else self.tr("Type a reason.")

    def text(self) -> str:
        return self.reason.text()


def _truncated_row(form: _Form, residents: Sequence[Choice], truncated: bool) -> None:
    # The picker holds the service's first residents only: say so rather than look complete.
    if truncated:
        note = QLabel(form.texts.first_residents(len(residents)), form)
        note.setObjectName("residentsTruncated")
        note.setWordWrap(True)
        form.form.addRow("", note)


class PairingDialog(_Form):
    def __init__(
        self,
        volunteers: Sequence[Choice],
        residents: Sequence[Choice],
        parent: QWidget | None = None,
        *,
        residents_truncated: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New pairing"))
        self.volunteer = QComboBox(self)
        for vid, text in volunteers:
            self.volunteer.addItem(text, vid)
        self.resident = QComboBox(self)
        self.resident.setEditable(True)
        self.resident.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for rid, text in residents:
            self.resident.addItem(text, rid)
        self.cadence = QComboBox(self)
        for c in Cadence:
            self.cadence.addItem(self.texts.cadence_name(c.value), c.value)
        self.weekday = QComboBox(self)
        for d in range(7):
            self.weekday.addItem(self.texts.weekday_short(d), d)
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("Volunteer"), self.volunteer)
        self.form.addRow(self.tr("Resident"), self.resident)
        _truncated_row(self, residents, residents_truncated)
        self.form.addRow(self.tr("Visits"), self.cadence)
        self.form.addRow(self.tr("Day"), self.weekday)
        self.form.addRow(self.tr("Note"), self.note)
        self.volunteer.currentIndexChanged.connect(lambda _i: self.check())
        self.resident.currentIndexChanged.connect(lambda _i: self.check())
        self.check()

    def problem(self) -> str | None:
        if self.volunteer.currentData() is None:
            return self.tr("This community has no active volunteer.")
        if self.resident.currentData() is None:
            return self.tr("Choose the resident.")
        return None

    def values(self) -> tuple[int, int, Cadence, int, str]:
        return (
            int(self.volunteer.currentData()),
            int(self.resident.currentData()),
            Cadence(str(self.cadence.currentData())),
            int(self.weekday.currentData()),
            self.note.text(),
        )


class TaskDialog(_Form):
    """A task, prefilled (from an incident, an order or a station request); the volunteers
    are offered in the service's order: the resident's paired volunteer first."""

    def __init__(
        self,
        draft: TaskDraft,
        residents: Sequence[Choice],
        suggestions: Sequence[tuple[int, str, str]],
        zone: str = DEFAULT_ZONE,
        parent: QWidget | None = None,
        *,
        residents_truncated: bool = False,
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        self.base = draft
        self.setWindowTitle(self.tr("New task"))
        self.kind = QComboBox(self)
        for k in TaskKind:
            self.kind.addItem(self.texts.task_kind(k.value), k.value)
        self.kind.setCurrentIndex(self.kind.findData(draft.kind.value))
        self.title = QLineEdit(draft.title, self)
        self.resident = QComboBox(self)
        self.resident.setEditable(True)
        self.resident.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.resident.addItem(self.tr("No resident"), 0)
        known = dict(residents)
        if draft.resident_id is not None and draft.resident_id not in known:
            self.resident.addItem(draft.resident or str(draft.resident_id), draft.resident_id)
        for rid, text in residents:
            self.resident.addItem(text, rid)
        if draft.resident_id is not None:
            self.resident.setCurrentIndex(self.resident.findData(draft.resident_id))
        self.volunteer = QComboBox(self)
        self.volunteer.addItem(self.tr("Assign later"), 0)
        for vid, name, why in suggestions:
            self.volunteer.addItem(f"{name} — {self.texts.suggestion_reason(why)}", vid)
        if suggestions and suggestions[0][2] == "paired":
            self.volunteer.setCurrentIndex(1)
        due = draft.due_at or datetime.now(UTC) + timedelta(hours=2)
        self.due = QDateTimeEdit(_qdt(due, zone), self)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note = QLineEdit(draft.note, self)
        source = QLabel(self)
        if draft.incident_id is not None:
            source.setText(self.tr("From incident No. {n}").format(n=draft.incident_id))
        elif draft.order_id is not None:
            source.setText(self.tr("From order No. {n}").format(n=draft.order_id))
        elif draft.ticket_id is not None:
            source.setText(self.tr("From request No. {n}").format(n=draft.ticket_id))
        else:
            source.setText(draft.community)
        self.form.addRow(self.tr("Source"), source)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Resident"), self.resident)
        _truncated_row(self, residents, residents_truncated)
        self.form.addRow(self.tr("Volunteer"), self.volunteer)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow(self.tr("Note"), self.note)
        self.title.textChanged.connect(self.check)
        self.check()

    def problem(self) -> str | None:
        return None if self.title.text().strip() else self.tr("Type what is to be done.")

    def draft(self) -> TaskDraft:
        rid = int(self.resident.currentData() or 0)
        vid = int(self.volunteer.currentData() or 0)
        return TaskDraft(
            kind=TaskKind(str(self.kind.currentData())),
            community=self.base.community,
            title=self.title.text(),
            resident_id=rid or None,
            incident_id=self.base.incident_id,
            order_id=self.base.order_id,
            ticket_id=self.base.ticket_id,
            due_at=_pydt(self.due.dateTime(), self.zone),
            note=self.note.text(),
            volunteer_id=vid or None,
        )


def start_of_tomorrow(now: datetime, zone: str = DEFAULT_ZONE) -> datetime:
    """A new shift's default start: 09:00 tomorrow, local."""
    day = now.astimezone(ZoneInfo(zone)).date() + timedelta(days=1)
    return datetime.combine(day, time(9), ZoneInfo(zone)).astimezone(UTC)
