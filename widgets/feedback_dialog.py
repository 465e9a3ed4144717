"""The "new feedback ticket" dialog other panes reuse, and the names of feedback values."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.feedback import (
    CATEGORIES,
    TEXT_MAX,
    Deadline,
    DepartmentChoice,
    NewTicket,
    ReplyChannel,
    Source,
    TicketState,
    needs_contact,
)
from core.incidents import CALLER_NAME_MAX, CALLER_PHONE_MAX
from widgets.discard_question import DiscardQuestion


def category_text(code: str) -> str:
    """A feedback category's name in the current language."""
    return {
        "safety": QCoreApplication.translate("FeedbackLabels", "Public safety"),
        "noise": QCoreApplication.translate("FeedbackLabels", "Noise"),
        "environment": QCoreApplication.translate("FeedbackLabels", "Environment and sanitation"),
        "property": QCoreApplication.translate("FeedbackLabels", "Property management"),
        "services": QCoreApplication.translate("FeedbackLabels", "Public services"),
        "suggestion": QCoreApplication.translate("FeedbackLabels", "Suggestion"),
        "praise": QCoreApplication.translate("FeedbackLabels", "Praise"),
        "other": QCoreApplication.translate("FeedbackLabels", "Other"),
    }.get(code, code)


def state_text(state: TicketState) -> str:
    """A ticket's state in words."""
    return {
        TicketState.OPEN: QCoreApplication.translate("FeedbackLabels", "Open"),
        TicketState.ANSWERED: QCoreApplication.translate("FeedbackLabels", "Answered"),
        TicketState.RESOLVED: QCoreApplication.translate("FeedbackLabels", "Resolved"),
        TicketState.RATED: QCoreApplication.translate("FeedbackLabels", "Rated"),
    }[state]


def source_text(source: Source) -> str:
    """Where the feedback came from, in words."""
    return {
        Source.WALK_IN: QCoreApplication.translate("FeedbackLabels", "Walk-in"),
        Source.CALL: QCoreApplication.translate("FeedbackLabels", "Phone call"),
        Source.SURVEY: QCoreApplication.translate("FeedbackLabels", "Survey answer"),
        Source.STATION: QCoreApplication.translate("FeedbackLabels", "Station visit"),
    }[source]


def channel_text(channel: ReplyChannel) -> str:
    """How a reply reached the resident."""
    return {
        ReplyChannel.PHONE: QCoreApplication.translate("FeedbackLabels", "By phone"),
        ReplyChannel.SLIP: QCoreApplication.translate("FeedbackLabels", "Printed slip"),
    }[channel]


def deadline_text(deadline: Deadline) -> str:
    """Which deadline runs."""
    return {
        Deadline.RESPONSE: QCoreApplication.translate("FeedbackLabels", "First response"),
        Deadline.RESOLVE: QCoreApplication.translate("FeedbackLabels", "Resolution"),
    }[deadline]


class FeedbackTicketDialog(QDialog):
    """Category, department, text, the resident's contact for the reply, and the source.

    Plain data in (communities, departments) and out (`ticket()`, a core.feedback.NewTicket);
    the caller files it. A call's dialog comes prefilled with the caller's number.

    No category is chosen to start with (the category picks the department and the deadlines:
    a default would misroute the tickets filed in a hurry); OK stays disabled, and a line says
    what is still missing, until the ticket can be filed. Esc or Cancel after typing asks
    before dropping what was typed (`discard_box`; keep editing is its default).
    """

    def __init__(
        self,
        communities: Sequence[tuple[str, str]],
        departments: Sequence[DepartmentChoice],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("feedbackTicketDialog")
        self.call_id: int | None = None
        self.resident_id: int | None = None
        self.community = QComboBox(self)
        self.community.setObjectName("feedbackCommunity")
        for code, name in communities:
            self.community.addItem(f"{name} ({code})" if name else code, code)
        self.category = QComboBox(self)
        self.category.setObjectName("feedbackCategory")
        self.department = QComboBox(self)
        self.department.setObjectName("feedbackDepartment")
        self._departments = list(departments)
        self.source = QComboBox(self)
        self.source.setObjectName("feedbackSource")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("feedbackText")
        self.text.setTabChangesFocus(True)
        self.contact_name = QLineEdit(self)
        self.contact_name.setMaxLength(CALLER_NAME_MAX)
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setObjectName("feedbackPhone")
        self.contact_phone.setMaxLength(CALLER_PHONE_MAX)
        self.round_code = QLineEdit(self)
        self.question_id = QLineEdit(self)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("feedbackProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self._question = DiscardQuestion(  # "discard what was typed?"
            self,
            "feedbackDiscardBox",
            lambda: (
                self.tr("Discard the ticket?"),
                self.tr("What you typed has not been filed. Discard it?"),
                self.tr("Discard"),
                self.tr("Keep editing"),
            ),
            self._discarded,
        )
        self._typed_at_start: tuple[str, ...] = ()
        self._closing_quietly = False
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.hint)
        lay.addWidget(self.problem)
        lay.addWidget(self.buttons)
        self.text.textChanged.connect(self._update_ok)
        self.source.currentIndexChanged.connect(self._update_source)
        self.category.currentIndexChanged.connect(self._update_ok)
        for line in (self.round_code, self.question_id, self.contact_name, self.contact_phone):
            line.textChanged.connect(self._update_ok)
        self._labels: list[QLabel] = []
        self._build_form()
        self.retranslate()
        self._typed_at_start = self._typed()
        self.resize(520, 440)

    def _build_form(self) -> None:
        for _ in range(9):
            lbl = QLabel(self)
            lbl.setTextFormat(Qt.TextFormat.PlainText)
            self._labels.append(lbl)
        rows: list[QWidget] = [
            self.source,
            self.community,
            self.category,
            self.department,
            self.text,
            self.contact_name,
            self.contact_phone,
            self.round_code,
            self.question_id,
        ]
        for lbl, w in zip(self._labels, rows, strict=True):
            self.form.addRow(lbl, w)
        # Tab follows the form from top to bottom, then OK and Cancel: the widgets were made in
        # another order (the source last of the choices), and Tab went from the department
        # back to the source, never into the text fields.
        chain = [
            *rows,
            self.buttons.button(QDialogButtonBox.StandardButton.Ok),
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    # --- filling in -----------------------------------------------------------------------
    def prefill(
        self,
        *,
        source: Source = Source.WALK_IN,
        community: str | None = None,
        phone: str = "",
        name: str = "",
        text: str = "",
        call_id: int | None = None,
        resident_id: int | None = None,
        round_code: str = "",
        question_id: str = "",
    ) -> None:
        """Start from what the calling pane knows (a call's number, a survey's question)."""
        self.call_id, self.resident_id = call_id, resident_id
        self._fill_sources()
        i = self.source.findData(source.value)
        if i >= 0:
            self.source.setCurrentIndex(i)
        if community is not None:
            j = self.community.findData(community)
            if j >= 0:
                self.community.setCurrentIndex(j)
        self.contact_phone.setText(phone)
        self.contact_name.setText(name)
        self.text.setPlainText(text)
        self.round_code.setText(round_code)
        self.question_id.setText(question_id)
        self._update_source()
        self._typed_at_start = self._typed()  # what the calling pane gave is not "typed"

    def ticket(self) -> NewTicket:
        """What was entered, for FeedbackService.create."""
        src = Source(str(self.source.currentData()))
        dept = self.department.currentData()
        return NewTicket(
            community=str(self.community.currentData() or ""),
            category=str(self.category.currentData() or ""),
            text=self.text.toPlainText().strip(),
            source=src,
            department=None if dept is None else str(dept),
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            resident_id=self.resident_id,
            call_id=self.call_id if src is Source.CALL else None,
            round_code=self.round_code.text().strip() if src is Source.SURVEY else "",
            question_id=self.question_id.text().strip() if src is Source.SURVEY else "",
        )

    def _update_source(self) -> None:
        survey = self.source.currentData() == Source.SURVEY.value
        for w, lbl in ((self.round_code, self._labels[7]), (self.question_id, self._labels[8])):
            w.setVisible(survey)
            lbl.setVisible(survey)
        self._update_ok()

    def missing(self) -> str:
        """What must still be entered before the ticket can be filed, in words; "" if nothing."""
        text = self.text.toPlainText().strip()
        source = self.source.currentData()
        if self.community.count() == 0:
            return self.tr("There is no community to file the ticket under.")
        if self.category.currentData() is None:
            return self.tr("Choose the category: it decides the department and the deadlines.")
        if not text:
            return self.tr("Enter what the resident said.")
        if len(text) > TEXT_MAX:
            return self.tr("What the resident said is longer than {n} characters.").format(
                n=TEXT_MAX
            )
        named = self.contact_name.text().strip() or self.contact_phone.text().strip()
        if source is not None and needs_contact(Source(str(source))) and not named:
            return self.tr(
                "Enter a phone for the reply or a contact name: without one the ticket "
                "cannot be answered."
            )
        if source == Source.SURVEY.value and not (
            self.round_code.text().strip() and self.question_id.text().strip()
        ):
            return self.tr("Enter the survey round and the question.")
        if source == Source.CALL.value and self.call_id is None:
            return self.tr("A call's ticket is filed from the Calls pane.")
        return ""

    def _update_ok(self) -> None:
        why = self.missing()
        self.problem.setText(why)
        self.problem.setVisible(bool(why))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not why)

    def accept(self) -> None:
        # Enter, or a caller, while something is missing files nothing: the line says what.
        why = self.missing()
        if why:
            self._update_ok()
            self._focus_missing()
            return
        super().accept()

    def _focus_missing(self) -> None:
        """The keyboard to the first field that needs something."""
        if self.category.currentData() is None:
            self.category.setFocus()
        elif not self.text.toPlainText().strip():
            self.text.setFocus()
        elif not (self.contact_name.text().strip() or self.contact_phone.text().strip()):
            self.contact_phone.setFocus()

    # --- leaving --------------------------------------------------------------------------
    def _typed(self) -> tuple[str, ...]:
        return (
            self.text.toPlainText().strip(),
            self.contact_name.text().strip(),
            self.contact_phone.text().strip(),
            self.round_code.text().strip(),
            self.question_id.text().strip(),
        )

    def reject(self) -> None:
        """Esc, Cancel or the title bar's button: asks first when text was typed (keep editing
        by default), then closes."""
        if self._typed() == self._typed_at_start or self._closing_quietly:
            super().reject()
            return
        self._question.ask()

    @property
    def discard_box(self) -> QMessageBox | None:
        """The question, once it has been asked."""
        return self._question.box

    def _discarded(self) -> None:
        self._typed_at_start = self._typed()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed by the program (the console quitting, after its own question), not by the
        # user's hand: nothing to ask. QDialog's closeEvent rejects.
        self._closing_quietly = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._closing_quietly = False

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden by a lock or sign-out: the question goes too (answered "keep editing").
        self._question.close()
        super().hideEvent(event)

    # --- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language (the choices keep their selection)."""
        self.setWindowTitle(self.tr("New feedback ticket"))
        texts = [
            self.tr("Source"),
            self.tr("Community"),
            self.tr("Category"),
            self.tr("Department"),
            self.tr("What the resident said"),
            self.tr("Contact name"),
            self.tr("Phone for the reply"),
            self.tr("Survey round"),
            self.tr("Question"),
        ]
        for lbl, t in zip(self._labels, texts, strict=True):
            lbl.setText(t)
        self._fill_sources()
        # None chosen to start with: accepting a default (public safety, the police's two
        # hours) misrouted tickets.
        self._fill(
            self.category,
            [(self.tr("— choose —"), None)] + [(category_text(c.code), c.code) for c in CATEGORIES],
        )
        self._fill(
            self.department,
            [(self.tr("The category's department"), None)]
            + [(f"{d.name} ({d.code})", d.code) for d in self._departments],
        )
        self.hint.setText(
            self.tr(
                "The category sets the deadlines: a first response within hours, the "
                "resolution within working days. A phone number is kept for the reply only; "
                "feedback from an anonymous survey is never linked to the resident."
            )
        )
        self._update_source()

    def _fill_sources(self) -> None:
        # A call's ticket only from the calls pane, which knows the call.
        self._fill(
            self.source,
            [
                (source_text(s), s.value)
                for s in (Source.WALK_IN, Source.CALL, Source.SURVEY)
                if s is not Source.CALL or self.call_id is not None
            ],
        )

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        i = box.findData(current) if current is not None else -1
        box.setCurrentIndex(max(i, 0))
        box.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
