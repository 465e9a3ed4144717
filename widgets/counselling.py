"""The counselling tab: appointments ahead, a person's contacts and referrals, and their forms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QObject,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.screening_views import (
    AppointmentRow,
    AppointmentStatus,
    ContactKind,
    ContactRow,
    ReferralRow,
    ReferralStatus,
    ReferralTo,
    ScreeningFigures,
)
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.flow_layout import flow_row
from widgets.table_model import Column, RowTableModel
from widgets.table_titles import fit_columns


def kind_text(kind: str) -> str:
    """A contact's kind in the current language."""
    return {
        ContactKind.COUNSELLING: QCoreApplication.translate("Counselling", "Counselling"),
        ContactKind.EDUCATION: QCoreApplication.translate("Counselling", "Education session"),
        ContactKind.HOTLINE: QCoreApplication.translate("Counselling", "Hotline call"),
        ContactKind.LEGAL: QCoreApplication.translate("Counselling", "Legal advice"),
    }.get(kind, kind)


def status_text(status: str) -> str:
    """An appointment's or a referral's state in the current language."""
    return {
        AppointmentStatus.BOOKED: QCoreApplication.translate("Counselling", "booked"),
        AppointmentStatus.DONE: QCoreApplication.translate("Counselling", "done"),
        AppointmentStatus.MISSED: QCoreApplication.translate("Counselling", "missed"),
        AppointmentStatus.CANCELLED: QCoreApplication.translate("Counselling", "cancelled"),
        ReferralStatus.PENDING: QCoreApplication.translate("Counselling", "pending"),
        ReferralStatus.ATTENDED: QCoreApplication.translate("Counselling", "attended"),
        ReferralStatus.COMPLETED: QCoreApplication.translate("Counselling", "completed"),
        ReferralStatus.DECLINED: QCoreApplication.translate("Counselling", "declined"),
        ReferralStatus.NO_SHOW: QCoreApplication.translate("Counselling", "did not attend"),
    }.get(status, status)


def referral_text(kind: str) -> str:
    """Where a referral goes, in the current language."""
    return {
        ReferralTo.PSYCHIATRY: QCoreApplication.translate("Counselling", "Psychiatry"),
        ReferralTo.PSYCHOTHERAPY: QCoreApplication.translate("Counselling", "Psychotherapy"),
        ReferralTo.LEGAL_AID: QCoreApplication.translate("Counselling", "Legal aid office"),
        ReferralTo.SOCIAL_WORK: QCoreApplication.translate("Counselling", "Social work"),
        ReferralTo.HOSPITAL: QCoreApplication.translate("Counselling", "Hospital"),
    }.get(kind, kind)


def _when(ts: datetime | None) -> str:
    return fmt_local(ts, DEFAULT_ZONE, seconds=False) if ts is not None else ""


class AppointmentsModel(RowTableModel[AppointmentRow, int]):
    """Appointments ahead, soonest first."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("when", lambda: self.tr("When"), lambda r: _when(r.starts_at)),
                Column("who", lambda: self.tr("Resident"), lambda r: r.name),
                Column("kind", lambda: self.tr("Kind"), lambda r: kind_text(r.kind)),
                Column("place", lambda: self.tr("Place"), lambda r: r.place),
                Column("status", lambda: self.tr("State"), lambda r: status_text(r.status)),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class ContactsModel(RowTableModel[ContactRow, int]):
    """A person's contacts; the note is read on demand, never listed."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("when", lambda: self.tr("When"), lambda r: _when(r.at)),
                Column("kind", lambda: self.tr("Kind"), lambda r: kind_text(r.kind)),
                Column("topic", lambda: self.tr("Topic"), lambda r: r.topic),
                Column("minutes", lambda: self.tr("Minutes"), lambda r: str(r.minutes)),
                Column(
                    "note",
                    lambda: self.tr("Note"),
                    lambda r: self.tr("yes (read on request)") if r.has_note else "",
                ),
                Column("by", lambda: self.tr("By"), lambda r: r.counsellor),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class ReferralsModel(RowTableModel[ReferralRow, int]):
    """A person's referrals and their outcomes' states."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("when", lambda: self.tr("Referred"), lambda r: _when(r.referred_at)),
                Column("to", lambda: self.tr("To"), lambda r: referral_text(r.to_kind)),
                Column("name", lambda: self.tr("Where"), lambda r: r.to_name),
                Column("status", lambda: self.tr("Outcome"), lambda r: status_text(r.status)),
                Column("by", lambda: self.tr("By"), lambda r: r.referred_by),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


def _table(model: RowTableModel) -> QTableView:  # type: ignore[type-arg]
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _selected_key(view: QTableView, model: RowTableModel) -> int | None:  # type: ignore[type-arg]
    rows = view.selectionModel().selectedRows()
    return int(model.key(model.row_at(rows[0].row()))) if rows else None


class CounsellingTab(QWidget):
    """Appointments ahead; the record of the person picked on the first tab; the actions.

    Signals (GUI thread) carry what was asked: `sig_book()`, `sig_contact()`, `sig_refer()`,
    `sig_outcome(referral id)`, `sig_read_note(contact id)`, `sig_read_referral(referral id)`,
    `sig_appointment(appointment id, state)`.
    """

    sig_book = Signal()
    sig_contact = Signal()
    sig_refer = Signal()
    sig_outcome = Signal(int)
    sig_read_note = Signal(int)
    sig_read_referral = Signal(int)
    sig_appointment = Signal(int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.appointments = AppointmentsModel(self)
        self.contacts = ContactsModel(self)
        self.referrals = ReferralsModel(self)
        self.appointments_view = _table(self.appointments)
        self.contacts_view = _table(self.contacts)
        self.referrals_view = _table(self.referrals)
        self.person = QLabel()
        self.person.setTextFormat(Qt.TextFormat.PlainText)
        self.person.setWordWrap(True)
        self.book_button = QPushButton()
        self.contact_button = QPushButton()
        self.refer_button = QPushButton()
        self.outcome_button = QPushButton()
        self.note_button = QPushButton()
        self.reason_button = QPushButton()
        self.done_button = QPushButton()
        self.missed_button = QPushButton()
        self.book_button.clicked.connect(self.sig_book.emit)
        self.contact_button.clicked.connect(self.sig_contact.emit)
        self.refer_button.clicked.connect(self.sig_refer.emit)
        self.outcome_button.clicked.connect(
            lambda: self._with(self.referrals_view, self.sig_outcome)
        )
        self.note_button.clicked.connect(lambda: self._with(self.contacts_view, self.sig_read_note))
        self.reason_button.clicked.connect(
            lambda: self._with(self.referrals_view, self.sig_read_referral)
        )
        self.done_button.clicked.connect(lambda: self._appointment(AppointmentStatus.DONE))
        self.missed_button.clicked.connect(lambda: self._appointment(AppointmentStatus.MISSED))
        self._appointments_label = QLabel()
        self._contacts_label = QLabel()
        self._referrals_label = QLabel()
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.addWidget(self._appointments_label)
        top_box.addWidget(self.appointments_view, 1)
        top_box.addWidget(flow_row(self.done_button, self.missed_button))
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.addWidget(self.person)
        bottom_box.addWidget(flow_row(self.book_button, self.contact_button, self.refer_button))
        bottom_box.addWidget(self._contacts_label)
        bottom_box.addWidget(self.contacts_view, 1)
        bottom_box.addWidget(flow_row(self.note_button))
        bottom_box.addWidget(self._referrals_label)
        bottom_box.addWidget(self.referrals_view, 1)
        bottom_box.addWidget(flow_row(self.reason_button, self.outcome_button))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)
        self.set_person(None)
        self._retranslate()

    def set_person(self, label: str | None) -> None:
        """The person whose record is shown (None: nobody picked yet)."""
        self._person_label = label
        for b in (self.book_button, self.contact_button, self.refer_button):
            b.setEnabled(label is not None)
        self.person.setText(
            label
            if label is not None
            else self.tr("Pick a resident on the first tab to see their counselling record.")
        )

    def set_record(self, contacts: Sequence[ContactRow], referrals: Sequence[ReferralRow]) -> None:
        """The picked person's contacts and referrals."""
        self.contacts.set_rows(list(contacts))
        self.referrals.set_rows(list(referrals))

    def set_appointments(self, rows: Sequence[AppointmentRow]) -> None:
        """Appointments ahead."""
        self.appointments.set_rows(list(rows))
        fit_columns(self.appointments_view)

    def _with(self, view: QTableView, signal: SignalInstance) -> None:
        key = _selected_key(view, view.model())  # type: ignore[arg-type]
        if key is not None:
            signal.emit(key)

    def _appointment(self, status: str) -> None:
        key = _selected_key(self.appointments_view, self.appointments)
        if key is not None:
            self.sig_appointment.emit(key, status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._appointments_label.setText(self.tr("Appointments, the next seven days"))
        self._contacts_label.setText(self.tr("Contacts"))
        self._referrals_label.setText(self.tr("Referrals"))
        self.book_button.setText(self.tr("Book an appointment…"))
        self.contact_button.setText(self.tr("Record a contact…"))
        self.refer_button.setText(self.tr("Refer…"))
        self.outcome_button.setText(self.tr("Record the outcome…"))
        self.note_button.setText(self.tr("Read the note (audited)"))
        self.reason_button.setText(self.tr("Read reason and outcome (audited)"))
        self.done_button.setText(self.tr("Mark done"))
        self.missed_button.setText(self.tr("Mark missed"))
        self.set_person(self._person_label)


@dataclass(frozen=True, slots=True)
class FormValues:
    """What a counselling form returns (only the fields the form has are meaningful)."""

    kind: str = ""
    at: datetime | None = None
    minutes: int = 0
    text: str = ""  # place, topic, or where a referral goes
    note: str = ""  # note, reason, or outcome
    attendees: int = 1


class CounsellingForm(QDialog):
    """One small form: book, contact, refer, or outcome (`what`), OK with Ctrl+Return."""

    BOOK, CONTACT, REFER, OUTCOME = "book", "contact", "refer", "outcome"

    def __init__(self, what: str, now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = what
        self.kind = QComboBox()
        kinds: Sequence[tuple[str, str]]
        if what == self.BOOK:
            kinds = [(k, kind_text(k)) for k in ContactKind.ALL if k != ContactKind.EDUCATION]
        elif what == self.CONTACT:
            kinds = [(k, kind_text(k)) for k in ContactKind.ALL]
        elif what == self.REFER:
            kinds = [(k, referral_text(k)) for k in ReferralTo.ALL]
        else:
            kinds = [(k, status_text(k)) for k in ReferralStatus.ALL if k != ReferralStatus.PENDING]
        for key, label in kinds:
            self.kind.addItem(label, key)
        self.at = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(now.timestamp())))
        self.at.setCalendarPopup(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 480)
        self.minutes.setValue(50)
        self.attendees = QSpinBox()
        self.attendees.setRange(1, 500)
        self.text = QLineEdit()
        self.text.setMaxLength(100)
        self.note = QPlainTextEdit()
        form = QFormLayout()
        labels = {
            self.BOOK: self.tr("Book an appointment"),
            self.CONTACT: self.tr("Record a contact"),
            self.REFER: self.tr("Refer"),
            self.OUTCOME: self.tr("Outcome of the referral"),
        }
        self.setWindowTitle(labels.get(what, ""))
        form.addRow(self.tr("Kind") if what != self.OUTCOME else self.tr("Outcome"), self.kind)
        if what in (self.BOOK, self.CONTACT):
            form.addRow(self.tr("When"), self.at)
            form.addRow(self.tr("Minutes"), self.minutes)
        if what == self.CONTACT:
            form.addRow(self.tr("Attendees (a session)"), self.attendees)
        if what != self.OUTCOME:
            text_label = {
                self.BOOK: self.tr("Place"),
                self.CONTACT: self.tr("Topic"),
                self.REFER: self.tr("Where (service or doctor)"),
            }[what]
            form.addRow(text_label, self.text)
        if what != self.BOOK:
            note_label = {
                self.CONTACT: self.tr("Note (encrypted; counselling role only)"),
                self.REFER: self.tr("Reason (encrypted)"),
                self.OUTCOME: self.tr("What came of it (encrypted)"),
            }[what]
            form.addRow(note_label, self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setShortcut("Ctrl+Return")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)
        self.resize(520, 420 if what != self.BOOK else 240)

    def values(self) -> FormValues:
        """The form's values as entered."""
        return FormValues(
            str(self.kind.currentData()),
            datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), UTC),
            self.minutes.value(),
            self.text.text().strip(),
            self.note.toPlainText().strip(),
            self.attendees.value(),
        )


def figures_text(f: ScreeningFigures) -> str:
    """The figures as lines: a suppressed cell says so instead of a number."""

    def cell(n: int | None) -> str:
        return QCoreApplication.translate("Counselling", "fewer than 5") if n is None else str(n)

    return "\n".join(
        [
            QCoreApplication.translate("Counselling", "{start} to {end}").format(
                start=f.start.isoformat(), end=f.end.isoformat()
            ),
            QCoreApplication.translate(
                "Counselling", "Residents screened: {n} (target 10,000)"
            ).format(n=f.residents_screened),
            QCoreApplication.translate(
                "Counselling", "  self-completed: {n}, of them positive: {p}"
            ).format(n=cell(f.screened_self), p=cell(f.positive_self)),
            QCoreApplication.translate(
                "Counselling", "  staff-assisted: {n}, of them positive: {p}"
            ).format(n=cell(f.screened_assisted), p=cell(f.positive_assisted)),
            QCoreApplication.translate(
                "Counselling", "Counselling and education contacts: {n} (target 2,000)"
            ).format(n=f.contacts),
            QCoreApplication.translate(
                "Counselling", "Risk flags: {n}, acknowledged within 24 h: {a}"
            ).format(n=f.risk_flags, a=f.risk_acknowledged_24h),
            QCoreApplication.translate("Counselling", "Referrals: {n}, completed: {c}").format(
                n=f.referrals, c=f.referrals_completed
            ),
        ]
    )
