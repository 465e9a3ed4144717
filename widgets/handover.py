"""Shift handover dialogs: the outgoing operator's report and notes, the incoming one's receipt."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.handover import NOTES_MAX, HandoverReport, age_text
from core.personal import REASON_MAX, REASON_MIN
from core.timefmt import as_utc, fmt_local
from widgets import labels


class HandoverDialog(QDialog):
    """The outgoing operator's handover: a summary, notes, the export reason, Hand over.

    Window-modal through `open()`. Signals fire on the GUI thread.
    """

    sig_hand_over_requested = Signal(str, str)  # notes, reason
    sig_open_requested = Signal(str)  # the PDF's path

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self._report: HandoverReport | None = None
        self._pdf = ""
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("handoverSummary")
        self.summary.setReadOnly(True)  # plain text: titles are shown as typed, never as HTML
        self.summary.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.summary.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("handoverNotes")
        self.notes.setTabChangesFocus(True)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("handoverReason")
        self.reason.setMaxLength(REASON_MAX)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the steps take a second, not a countable while
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("handoverStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hand_over = QPushButton(self)
        self.hand_over.setObjectName("handOver")
        self.hand_over.setDefault(True)
        self.open_pdf = QPushButton(self)
        self.open_pdf.setObjectName("openPdf")
        self.open_pdf.hide()
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.hand_over.clicked.connect(self._on_hand_over_clicked)
        self.open_pdf.clicked.connect(self._on_open_pdf_clicked)
        self.close_button.clicked.connect(self.reject)
        self.notes.textChanged.connect(self._on_input_changed)
        self.reason.textChanged.connect(self._on_input_changed)
        self._labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        form.addRow(self._labels[0], self.summary)
        form.addRow(self._labels[1], self.notes)
        form.addRow("", self.count)
        form.addRow(self._labels[2], self.reason)
        for label, buddy in zip(self._labels, (self.summary, self.notes, self.reason), strict=True):
            label.setBuddy(buddy)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_pdf)
        buttons.addWidget(self.hand_over)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.retranslate()
        self.reason.setText(self.tr("shift handover"))
        self._on_input_changed()
        self.resize(760, 620)

    # --- fed by the presenter -------------------------------------------------------------
    def set_report(self, report: HandoverReport) -> None:
        """Show the report's summary (read when the dialog opened)."""
        self._report = report
        self.summary.setPlainText(self.summary_text(report))
        self._on_input_changed()

    def set_busy(self) -> None:
        """The handover runs: nothing can be changed or sent twice."""
        self.progress.show()
        self.status.setText(self.tr("Signing the audit checkpoint, making the PDF, storing…"))
        for w in (self.notes, self.reason, self.hand_over):
            w.setEnabled(False)

    def set_done(self, path: str, signed: bool) -> None:
        """Handed over: where the PDF is, and whether the audit head was signed."""
        self._pdf = path
        self.progress.hide()
        text = self.tr("Handed over. The report is saved as {path}").format(path=path)
        if not signed:
            text += "\n" + self.tr(
                "No audit signing key on this workstation: the chain head is printed unsigned."
            )
        self.status.setText(text)
        self.hand_over.hide()
        self.open_pdf.show()
        self.open_pdf.setDefault(True)
        self.open_pdf.setFocus()

    def set_failed(self, why: str) -> None:
        """The handover did not happen; the operator may try again."""
        self.progress.hide()
        self.status.setText(self.tr("Not handed over: {why}").format(why=why))
        for w in (self.notes, self.reason):
            w.setEnabled(True)
        self._on_input_changed()

    def notes_text(self) -> str:
        """The notes as typed."""
        return self.notes.toPlainText()

    def summary_text(self, report: HandoverReport) -> str:
        """The report in a few plain-text lines (the PDF has everything)."""
        z = report.zone
        end = as_utc(report.shift_end)
        lines = [
            self.tr("Shift: {start} – {end}").format(
                start=fmt_local(report.shift_start, z), end=fmt_local(report.shift_end, z)
            ),
            self.tr("Open items: {n}   SLA misses in this shift: {m}").format(
                n=report.open_total, m=len(report.sla_misses)
            ),
            "",
        ]
        for i in report.open_items[:20]:
            lines.append(
                f"#{i.id:<6} P{int(i.priority)}  {labels.incident_state(i.state):<8}  "
                f"{age_text(end - as_utc(i.created_at)):>7}  {i.title[:40]}"
            )
        if report.open_total > 20:
            lines.append(self.tr("… and {n} more in the PDF").format(n=report.open_total - 20))
        raised = sum(c.raised for c in report.by_type)
        lines += ["", self.tr("Raised in this shift: {n}").format(n=raised)]
        # By the type's name (its code is the site file's), and only types raised in the shift:
        # a type listed with 0 under "raised" read as a mistake (the PDF has the open ones).
        names = dict(report.type_names)
        lines += [
            f"  {names.get(c.key, c.key):<16} {c.raised:>4}" for c in report.by_type if c.raised
        ]
        return "\n".join(lines)

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Shift handover"))
        for label, text in zip(
            self._labels,
            (self.tr("This shift"), self.tr("&Notes for the next shift"), self.tr("&Reason")),
            strict=True,
        ):
            label.setText(text)
        self.reason.setPlaceholderText(
            self.tr("Why the report leaves the console ({n}+ characters)").format(n=REASON_MIN)
        )
        self.notes.setPlaceholderText(
            self.tr("What the next shift must know: open matters, calls to return, faults")
        )
        self.hand_over.setText(self.tr("&Hand over"))
        self.open_pdf.setText(self.tr("&Open PDF"))
        self.close_button.setText(self.tr("Close"))
        if self._report is not None:
            self.summary.setPlainText(self.summary_text(self._report))
        self._on_input_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- slots ----------------------------------------------------------------------------
    @Slot()
    def _on_input_changed(self) -> None:
        n = len(self.notes.toPlainText())
        self.count.setText(self.tr("{n} / {max} characters").format(n=n, max=NOTES_MAX))
        too_long = n > NOTES_MAX
        self.count.setStyleSheet("color: #c0392b;" if too_long else "")
        ok = (
            self._report is not None
            and not too_long
            and len(self.reason.text().strip()) >= REASON_MIN
            and not self._pdf
            and self.notes.isEnabled()
        )
        self.hand_over.setEnabled(ok)

    @Slot()
    def _on_hand_over_clicked(self) -> None:
        self.sig_hand_over_requested.emit(self.notes.toPlainText(), self.reason.text().strip())

    @Slot()
    def _on_open_pdf_clicked(self) -> None:
        if self._pdf:
            self.sig_open_requested.emit(self._pdf)


class PendingHandoverDialog(QDialog):
    """At sign-in: "Handover from X pending", with Open PDF and Acknowledge (keyboard too)."""

    sig_open_requested = Signal(int)  # handover id
    sig_acknowledge_requested = Signal(int)  # handover id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pendingHandoverDialog")
        self.handover_id = 0
        self._who = ""
        self._when: datetime | None = None
        self._zone = "Asia/Shanghai"
        self._head = ""
        self._count = 1
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The outgoing operator's notes are what the next shift must know: shown here, not
        # only in the PDF behind a button.
        self.notes_label = QLabel(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("pendingNotes")
        self.notes.setReadOnly(True)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 8 + 12)
        self._notes = ""
        self.open_pdf = QPushButton(self)
        self.open_pdf.setObjectName("pendingOpenPdf")
        self.acknowledge = QPushButton(self)
        self.acknowledge.setObjectName("pendingAcknowledge")
        self.acknowledge.setDefault(True)
        self.later = QPushButton(self)
        self.later.setAutoDefault(False)
        self.open_pdf.clicked.connect(self._on_open_clicked)
        self.acknowledge.clicked.connect(self._on_acknowledge_clicked)
        self.later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.open_pdf, self.acknowledge, self.later):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        self.retranslate()
        self.resize(560, self.sizeHint().height())

    def show_pending(
        self,
        handover_id: int,
        who: str,
        when: datetime,
        zone: str,
        head: str,
        count: int,
        notes: str = "",
    ) -> None:
        """The oldest pending handover with its notes; `count` of them wait in all."""
        self.handover_id = handover_id
        self._who, self._when, self._zone, self._head = who, when, zone, head
        self._count = count
        self._notes = notes.strip()
        self.acknowledge.setEnabled(True)
        self.retranslate()
        self.acknowledge.setFocus()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Shift handover"))
        self.title.setText(self.tr("Handover from {who} pending").format(who=self._who))
        detail = self.tr(
            "Handed over at {when} on this workstation. Read the report, then acknowledge it."
        ).format(when=fmt_local(self._when, self._zone))
        detail += "\n" + self.tr("Audit chain head: {head}").format(head=self._head)
        if self._count > 1:
            detail += "\n" + self.tr("{n} handovers are waiting.").format(n=self._count)
        self.detail.setText(detail)
        self.notes_label.setText(self.tr("Notes of {who}:").format(who=self._who))
        self.notes.setPlainText(self._notes or self.tr("(no notes)"))
        self.open_pdf.setText(self.tr("&Open PDF"))
        self.acknowledge.setText(self.tr("&Acknowledge"))
        self.later.setText(self.tr("Later"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def _on_open_clicked(self) -> None:
        self.sig_open_requested.emit(self.handover_id)

    @Slot()
    def _on_acknowledge_clicked(self) -> None:
        self.acknowledge.setEnabled(False)  # once: the answer comes from the writer
        self.sig_acknowledge_requested.emit(self.handover_id)
