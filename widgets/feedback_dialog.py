"""The "new feedback ticket" dialog other panes reuse, and the names of feedback values."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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
)
from core.incidents import CALLER_NAME_MAX, CALLER_PHONE_MAX


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
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.hint)
        lay.addWidget(self.buttons)
        self.text.textChanged.connect(self._update_ok)
        self.source.currentIndexChanged.connect(self._update_source)
        self.round_code.textChanged.connect(self._update_ok)
        self.question_id.textChanged.connect(self._update_ok)
        self._labels: list[QLabel] = []
        self._build_form()
        self.retranslate()
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

    def ticket(self) -> NewTicket:
        """What was entered, for FeedbackService.create."""
        src = Source(str(self.source.currentData()))
        dept = self.department.currentData()
        return NewTicket(
            community=str(self.community.currentData() or ""),
            category=str(self.category.currentData()),
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

    def _update_ok(self) -> None:
        text = self.text.toPlainText().strip()
        ok = bool(text) and len(text) <= TEXT_MAX and self.community.count() > 0
        if self.source.currentData() == Source.SURVEY.value:
            ok = ok and bool(self.round_code.text().strip() and self.question_id.text().strip())
        if self.source.currentData() == Source.CALL.value:
            ok = ok and self.call_id is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

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
        self._fill(self.category, [(category_text(c.code), c.code) for c in CATEGORIES])
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
