"""Taking a survey response in the control room: on paper afterwards, or read out on the phone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.survey import Form, Session, answers_to_json
from core.survey_take import SurveySubmission, new_client_uuid
from core.views import CommunityRow
from widgets.discard_question import DiscardQuestion
from widgets.survey_question import QuestionView

PAPER_MODES = ("self", "staff", "family")  # who held the pen of a paper form


@dataclass(frozen=True, slots=True)
class EntryRound:
    """An open round responses can be entered for, with its form."""

    code: str
    purpose: str
    form: Form
    anonymous: bool
    keep_partial: bool
    businesses: bool = False  # the frame is businesses: a business answers, not a person


class SessionRunner(QWidget):
    """Runs a form question by question (skip logic and show_if live) with a QuestionView.

    `sig_finished(bool)`: the last question was answered; True when the response is complete.
    GUI thread only.
    """

    sig_finished = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.view = QuestionView(self, scale=scale)
        self.view.answered.connect(self._on_view_answered)
        self.progress = QLabel()
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.end = QLabel()
        self.end.setTextFormat(Qt.TextFormat.PlainText)
        self.end.setWordWrap(True)
        self.end.setObjectName("surveyEnd")
        self.back = QPushButton()
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton()
        self.next.clicked.connect(self.view.commit)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view, 1)
        box.addWidget(self.end)
        box.addLayout(row)
        self.retranslate()
        self.clear()

    # --- public ---------------------------------------------------------------------------
    def start(self, form: Form) -> None:
        """Begin the form from its first shown question, no answers kept."""
        self.session = Session(form)
        self._show()

    def clear(self) -> None:
        """No form: nothing to answer."""
        self.session = None
        self.view.hide()
        self.end.setText(self.tr("No form to answer."))
        self.end.show()
        self.progress.clear()
        self.back.setEnabled(False)
        self.next.setEnabled(False)

    @property
    def answers(self) -> dict[str, object]:
        return self.session.answers if self.session is not None else {}

    @property
    def finished(self) -> bool:
        return self.session is not None and self.session.finished

    @property
    def complete(self) -> bool:
        return self.session is not None and self.session.complete

    @property
    def current_id(self) -> str | None:
        """The id of the question shown; None at the end or without a form."""
        s = self.session
        return s.current.id if s is not None and s.current is not None else None

    def answer(self, value: object) -> str | None:
        """Answer the question shown (as the view's Enter does); the refusal, if any."""
        if self.session is None:
            return "no form"
        problem = self.session.answer(value)
        if problem is not None:
            self.view.show_problem(problem)
            return problem
        self._show()
        return None

    @Slot()
    def go_back(self) -> None:
        if self.session is not None:
            self.session.back()
            self._show()

    # --- internals ------------------------------------------------------------------------
    @Slot(object)
    def _on_view_answered(self, value: object) -> None:
        self.answer(value)

    def _show(self) -> None:
        s = self.session
        if s is None:
            return
        answered = len(s.answers)
        q = s.current
        self.back.setEnabled(answered > 0 or q is None)
        if q is None:
            self.view.hide()
            self.end.setText(
                self.tr("End of the form: the response is complete.")
                if s.complete
                else self.tr("End of the form, but a required answer is missing: go back.")
            )
            self.end.show()
            self.next.setEnabled(False)
            self.progress.setText(self.tr("{n} answered").format(n=answered))
            self.sig_finished.emit(s.complete)
            return
        self.end.hide()
        self.view.show()
        self.view.set_question(q, s.answers.get(q.id))
        self.next.setEnabled(True)
        self.progress.setText(self.tr("Question {id} · {n} answered").format(id=q.id, n=answered))

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.back.setText(self.tr("Back"))
        self.next.setText(self.tr("Next (Enter)"))
        if self.session is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SurveyEntryDialog(QDialog):
    """One response entered by a worker: a paper form typed in, or a phone survey read out.

    Paper: the worker picks the round, the person (or the community of a slip without a
    name) and who held the pen. Phone: round and person are given, the mode is "phone" and
    the operator helped. One client UUID per entry, so a double click or a retry of Submit is
    taken once; a fresh one only for the next entry.

    Signals (GUI thread): `sig_submit_requested(SurveySubmission)`,
    `sig_resident_lookup_requested(str)` (a number, phone or identity number typed),
    `sig_business_lookup_requested(str)` (a business's code or name, in a round of
    businesses), `sig_dial_requested()` (phone: place the call).
    """

    sig_submit_requested = Signal(object)
    sig_resident_lookup_requested = Signal(str)
    sig_business_lookup_requested = Signal(str)
    sig_dial_requested = Signal()

    def __init__(
        self,
        rounds: list[EntryRound],
        communities: list[CommunityRow],
        helper: tuple[int, str],
        *,
        phone: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.phone = phone
        self.helper_id, self.helper_name = helper
        self.client_uuid = new_client_uuid()
        self.resident_id: int | None = None
        self.business_id: int | None = None  # in a round of businesses
        self.slip_uuid: str | None = None  # a signed slip's UUID: it is the client UUID
        self.submitted = 0  # responses taken in this dialog
        self._busy = False
        self.round = QComboBox()
        for r in rounds:
            self.round.addItem(f"{r.code} · {r.form.title}", r)
        self.round.currentIndexChanged.connect(self._on_round_changed)
        self.person = QLineEdit()
        self.person.returnPressed.connect(self._on_find_clicked)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self._on_find_clicked)
        self.person_label = QLabel()
        self.person_label.setTextFormat(Qt.TextFormat.PlainText)
        self.community = QComboBox()
        self.community.addItem("—", None)
        for c in communities:
            self.community.addItem(f"{c.code} {c.name}", c.code)
        self.mode = QComboBox()
        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        self.helped = QLabel()
        self.helped.setTextFormat(Qt.TextFormat.PlainText)
        self.number = QLabel()
        self.number.setTextFormat(Qt.TextFormat.PlainText)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dial = QPushButton()
        self.dial.clicked.connect(self.sig_dial_requested)
        self.dial_note = QLabel()
        self.dial_note.setTextFormat(Qt.TextFormat.PlainText)
        self.dial_note.setWordWrap(True)
        self.runner = SessionRunner(self)
        self.runner.sig_finished.connect(self._on_runner_finished)
        self.runner.back.clicked.connect(self._on_runner_back)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setObjectName("entryMessage")
        self.submit = QPushButton()
        self.submit.clicked.connect(self._on_submit_clicked)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        # Closed by hand with answers not yet submitted: asked first (they went without a
        # word). The console's own closes (a lock, another entry) use `discard`.
        self._question = DiscardQuestion(
            self,
            "entryDiscardBox",
            lambda: (
                self.tr("Discard the answers?"),
                self.tr("The answers given on this form have not been submitted. Discard them?"),
                self.tr("Discard"),
                self.tr("Keep entering"),
            ),
            self.discard,
        )
        self._build_layout()
        # Enter moves through the questions: no button may take it as the dialog's default
        # (Submit would go with half the answers); Submit becomes the default at the end only.
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.retranslate()
        self._on_round_changed()
        self.resize(720, 640)

    def _build_layout(self) -> None:
        top = QFormLayout()
        self._round_label, self._person_row_label = QLabel(), QLabel()
        self._community_label, self._mode_label = QLabel(), QLabel()
        self._helped_label, self._number_label = QLabel(), QLabel()
        top.addRow(self._round_label, self.round)
        person = QHBoxLayout()
        person.addWidget(self.person, 1)
        person.addWidget(self.find_button)
        person.addWidget(self.person_label, 1)
        top.addRow(self._person_row_label, person)
        top.addRow(self._community_label, self.community)
        top.addRow(self._mode_label, self.mode)
        top.addRow(self._helped_label, self.helped)
        dial = QHBoxLayout()
        dial.addWidget(self.number)
        dial.addWidget(self.dial)
        dial.addWidget(self.dial_note, 1)
        top.addRow(self._number_label, dial)
        # A phone survey's person is given: the name only, no search.
        self.person.setVisible(not self.phone)
        self.find_button.setVisible(not self.phone)
        self.round.setEnabled(not self.phone)
        self.mode.setEnabled(not self.phone)
        top.setRowVisible(5, self.phone)
        top.setRowVisible(2, not self.phone)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.submit)
        buttons.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.runner, 1)
        box.addLayout(buttons)

    def reject(self) -> None:
        """Esc, Close or the title bar's button: asks first when answers were given."""
        if self.runner.answers and not self._busy and not (self.phone and self.submitted):
            self._question.ask()
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the console's own close, or the user said Discard)."""
        self._question.close()
        super().reject()

    def hideEvent(self, event: QHideEvent) -> None:
        self._question.close()  # a lock hides the dialog: the question goes with it
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """A paper entry opens on the person: its first question held the keyboard, and a
        phone number typed there chose answers by its digits and moved on."""
        super().showEvent(event)
        if not self.phone and self.resident_id is None and self.business_id is None:
            QTimer.singleShot(0, self, self._focus_person)

    def _focus_person(self) -> None:
        if self.resident_id is None and self.business_id is None:
            self.person.setFocus()

    # --- what the presenter sets ------------------------------------------------------------
    def set_resident(self, resident_id: int | None, label: str) -> None:
        """The person answering (None: a paper form without a name, by community)."""
        if self.slip_uuid is not None:
            # Another person than the slip's: this entry is no longer that slip's use.
            self.slip_uuid = None
            self.client_uuid = new_client_uuid()
        self.resident_id = resident_id
        self.person_label.setText(label)
        if resident_id is not None:
            view = self.runner.view
            (view.editor() or view).setFocus()

    def set_business(self, business_id: int | None, label: str) -> None:
        """The business answering a round of businesses (None: by community only)."""
        self.resident_id = None
        self.business_id = business_id
        self.person_label.setText(label)
        if business_id is not None:
            view = self.runner.view
            (view.editor() or view).setFocus()

    def set_slip(self, slip_uuid: str, resident_id: int | None, label: str) -> None:
        """A verified slip: its UUID makes this entry the slip's single use."""
        self.set_resident(resident_id, label)
        self.slip_uuid = self.client_uuid = slip_uuid

    def set_number(self, number: str, can_dial: bool, note: str = "") -> None:
        """Phone: the number to dial as the operator may see it, and whether Dial works."""
        self.number.setText(number or "—")
        self.dial.setEnabled(can_dial)
        self.dial_note.setText(note)

    def set_busy(self, busy: bool) -> None:
        """A submission is on its way: Submit stays disabled until it is answered."""
        self._busy = busy
        self.submit.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.setStyleSheet("color: #ff453a;")
        self.message.setText(text)

    def submitted_ok(self, text: str) -> None:
        """The response was taken: say so; paper goes on to the next form, phone is done."""
        self.set_busy(False)
        self.submitted += 1
        if self.phone:
            self.submit.setEnabled(False)
        else:
            self.person.clear()
            self.set_resident(None, "")
            self.business_id = None
            self.slip_uuid = None
            self.client_uuid = new_client_uuid()  # the next entry is another response
            self._restart()
            self.person.setFocus()
        self.message.setStyleSheet("")
        self.message.setText(text)

    def selected_round(self) -> EntryRound | None:
        r = self.round.currentData()
        return r if isinstance(r, EntryRound) else None

    def submission(self) -> SurveySubmission | None:
        """What Submit hands over, or None (with the reason shown) when it cannot go."""
        rnd = self.selected_round()
        if rnd is None:
            self.show_error(self.tr("Choose a round first."))
            return None
        community = self.community.currentData()
        who = self.business_id if rnd.businesses else self.resident_id
        if who is None and not community:
            self.show_error(
                self.tr("Find the business, or choose the community of an unnamed form.")
                if rnd.businesses
                else self.tr("Find the person, or choose the community of an unnamed paper form.")
            )
            return None
        mode = "phone" if self.phone else str(self.mode.currentData())
        return SurveySubmission(
            round_code=rnd.code,
            client_uuid=self.client_uuid,
            resident_id=None if rnd.businesses else self.resident_id,
            mode=mode,
            helped_by=self.helper_id if mode in ("staff", "phone") else None,
            answers=answers_to_json(self.runner.answers),
            complete=self.runner.complete,
            community=None if who is not None else str(community),
            business_id=self.business_id if rnd.businesses else None,
        )

    # --- slots ----------------------------------------------------------------------------
    @Slot()
    def _on_submit_clicked(self) -> None:
        if self._busy:
            return  # a double click: the first one is on its way
        sub = self.submission()
        if sub is None:
            return
        self.set_busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Sending…"))
        self.sig_submit_requested.emit(sub)

    @Slot()
    def _on_find_clicked(self) -> None:
        text = self.person.text().strip()
        rnd = self.selected_round()
        if rnd is not None and rnd.businesses:
            if text:
                self.sig_business_lookup_requested.emit(text)
            else:
                self.set_business(None, "")
        elif text:
            self.sig_resident_lookup_requested.emit(text)
        else:
            self.set_resident(None, "")

    @Slot()
    def _on_round_changed(self) -> None:
        if self.slip_uuid is not None:  # a slip is for one round only
            self.person.clear()
            self.set_resident(None, "")
        if self.business_id is not None and not self.phone:  # a business is no person
            self.person.clear()
            self.set_business(None, "")
        self.client_uuid = new_client_uuid()
        self._retitle_person()
        self._restart()

    def _retitle_person(self) -> None:
        rnd = self.selected_round()
        if rnd is not None and rnd.businesses:
            self._person_row_label.setText(self.tr("Business"))
            self.person.setPlaceholderText(self.tr("Business code or name"))
        else:
            self._person_row_label.setText(self.tr("Person"))
            self.person.setPlaceholderText(
                self.tr("Slip code, resident number, phone or identity number")
            )

    @Slot()
    def _on_mode_changed(self) -> None:
        mode = self.mode.currentData()
        self.helped.setText(self.helper_name if mode in ("staff", "phone") else "—")

    @Slot(bool)
    def _on_runner_finished(self, complete: bool) -> None:
        self.submit.setDefault(True)
        self.submit.setFocus()

    @Slot()
    def _on_runner_back(self) -> None:
        self.submit.setDefault(self.runner.finished)

    def _restart(self) -> None:
        self.submit.setDefault(False)
        rnd = self.selected_round()
        if rnd is None:
            self.runner.clear()
        else:
            self.runner.start(rnd.form)
        self.message.clear()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(
            self.tr("Phone survey") if self.phone else self.tr("Enter a paper response")
        )
        self._round_label.setText(self.tr("Round"))
        self._retitle_person()
        self.find_button.setText(self.tr("Find"))
        self._community_label.setText(self.tr("Community (unnamed form)"))
        self._mode_label.setText(self.tr("Answered"))
        self._helped_label.setText(self.tr("Helped by"))
        self._number_label.setText(self.tr("Number"))
        self.dial.setText(self.tr("Dial"))
        self.submit.setText(self.tr("Submit"))
        self.close_button.setText(self.tr("Close"))
        current = self.mode.currentData()
        self.mode.blockSignals(True)
        self.mode.clear()
        texts = {
            "self": self.tr("By the person (self)"),
            "staff": self.tr("With a worker's help (staff)"),
            "family": self.tr("By a family member"),
            "phone": self.tr("By phone"),
        }
        for m in ("phone",) if self.phone else PAPER_MODES:
            self.mode.addItem(texts[m], m)
        self.mode.setCurrentIndex(max(0, self.mode.findData(current)))
        self.mode.blockSignals(False)
        self._on_mode_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
