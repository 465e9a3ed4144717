"""The crisis script shown at once on a risk answer: steps, 12356, 120 and the family's number."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from core.screening_pathway import CrisisScript
from widgets.screening_run import chinese


class CrisisScriptDialog(QDialog):
    """Stays up until the worker says it has been read (Esc does not close it).

    `sig_read()` fires on the GUI thread when the worker confirms; on a kiosk the person's
    own message is shown first, in large type, above the steps for the staff.
    """

    sig_read = Signal()

    def __init__(
        self,
        script: CrisisScript,
        *,
        kiosk: bool = False,
        incident_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("crisisScript")
        self.setModal(True)
        self._script = script
        self._kiosk = kiosk
        self._incident_id = incident_id
        self._title = QLabel()
        self._title.setObjectName("crisisTitle")
        big = QFont(self._title.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self._title.setFont(big)
        self._person = QLabel()
        self._person.setTextFormat(Qt.TextFormat.PlainText)
        self._person.setWordWrap(True)
        self._person.setFont(big)
        self._person.setVisible(kiosk)
        self._steps = QLabel()
        self._steps.setTextFormat(Qt.TextFormat.PlainText)
        self._steps.setWordWrap(True)
        steps_font = QFont(self._steps.font())
        steps_font.setPointSizeF(steps_font.pointSizeF() * 1.2)
        self._steps.setFont(steps_font)
        self._numbers = QLabel()
        self._numbers.setTextFormat(Qt.TextFormat.PlainText)
        self._numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        numbers_font = QFont(big)
        numbers_font.setBold(False)
        self._numbers.setFont(numbers_font)
        self._incident = QLabel()
        self._incident.setTextFormat(Qt.TextFormat.PlainText)
        self.read_button = QPushButton()
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self._on_read)
        box = QVBoxLayout(self)
        box.addWidget(self._title)
        box.addWidget(self._person)
        box.addWidget(self._numbers)
        box.addWidget(self._steps)
        box.addStretch(1)
        box.addWidget(self._incident)
        box.addWidget(self.read_button)
        self.resize(680, 560)
        self._retranslate()

    def texts(self) -> str:
        """Everything the dialog says, for a test or a screen reader."""
        return "\n".join(w.text() for w in (self._title, self._person, self._numbers, self._steps))

    def _on_read(self) -> None:
        self.sig_read.emit()
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return  # read and confirmed, never dismissed by a stray key
        super().keyPressEvent(event)

    def reject(self) -> None:
        """The window's close button does nothing either: the script is confirmed as read."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        zh = chinese()
        s = self._script
        self.setWindowTitle(self.tr("Crisis script"))
        self._title.setText(self.tr("Risk answer: act now"))
        self._person.setText(s.person_message_zh if zh else s.person_message_en)
        steps = s.worker_steps_zh if zh else s.worker_steps_en
        self._steps.setText("\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1)))
        lines = []
        for c in s.contacts:
            label = c.label_zh if zh else c.label_en
            lines.append(f"{label}:  {c.number}" if c.number else label)
        self._numbers.setText("\n".join(lines))
        self._incident.setText(
            self.tr(
                "Risk incident {id} is in the queue for the counsellor and the supervisor."
            ).format(id=self._incident_id)
            if self._incident_id is not None
            else ""
        )
        self.read_button.setText(self.tr("I have read the script"))
