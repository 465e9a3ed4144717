"""A station's surveys tab: the open rounds of its community, the kiosk's start, slips to print."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.station import StationRound

PIN_PATTERN = r"\d{4,8}"
MAX_SLIPS = 480  # 40 A4 pages: a bigger run is a print shop's job


class StationSurveysWidget(QWidget):
    """Open rounds on the left; starting the kiosk (a PIN set twice) and printing slips right.

    Emits what the worker asked for; the owner does it and reports back with `set_error` or
    `set_status`. The PIN never leaves this widget but through `sig_kiosk_requested`.
    """

    sig_kiosk_requested = Signal(str, str)  # round code, PIN
    sig_slips_requested = Signal(str, int, bool)  # round code, how many, for named residents
    sig_refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rounds: list[StationRound] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("stationHeading")
        self.rounds = QListWidget(self)
        self.rounds.setWordWrap(True)
        self.rounds.currentRowChanged.connect(self._on_selection_changed)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.sig_refresh_requested)

        self.kiosk_box = QGroupBox(self)
        self.pin = QLineEdit(self.kiosk_box)
        self.pin_again = QLineEdit(self.kiosk_box)
        digits = QRegularExpressionValidator(PIN_PATTERN, self)
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(digits)
            field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            field.returnPressed.connect(self._on_start_clicked)
        self.start_button = QPushButton(self.kiosk_box)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.kiosk_hint = QLabel(self.kiosk_box)
        self.kiosk_hint.setWordWrap(True)
        self._pin_label = QLabel(self.kiosk_box)
        self._pin_again_label = QLabel(self.kiosk_box)
        kiosk_form = QFormLayout(self.kiosk_box)
        kiosk_form.addRow(self.kiosk_hint)
        kiosk_form.addRow(self._pin_label, self.pin)
        kiosk_form.addRow(self._pin_again_label, self.pin_again)
        kiosk_form.addRow(self.start_button)

        self.slips_box = QGroupBox(self)
        self.slip_count = QSpinBox(self.slips_box)
        self.slip_count.setRange(1, MAX_SLIPS)
        self.slip_count.setValue(12)
        self.slips_named = QCheckBox(self.slips_box)
        self.slips_named.setChecked(True)
        self.slips_button = QPushButton(self.slips_box)
        self.slips_button.clicked.connect(self._on_slips_clicked)
        self._count_label = QLabel(self.slips_box)
        slips_form = QFormLayout(self.slips_box)
        slips_form.addRow(self._count_label, self.slip_count)
        slips_form.addRow(self.slips_named)
        slips_form.addRow(self.slips_button)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("stationError")
        self.error.setWordWrap(True)

        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.refresh_button)
        left.addLayout(head)
        left.addWidget(self.rounds, 1)
        left.addWidget(self.empty, 1)
        right = QVBoxLayout()
        right.addWidget(self.kiosk_box)
        right.addWidget(self.slips_box)
        right.addWidget(self.status)
        right.addWidget(self.error)
        right.addStretch(1)
        body = QHBoxLayout(self)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        self.retranslate()
        self.set_rounds([])

    # --- fed by the owner ---------------------------------------------------------------------
    def set_rounds(self, rounds: list[StationRound]) -> None:
        """Show the open rounds; the selection stays on the same round when it is still open."""
        keep = self.selected_round()
        self._rounds = list(rounds)
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in self._rounds:
            item = QListWidgetItem(self._text(r))
            item.setData(Qt.ItemDataRole.UserRole, r.code)
            self.rounds.addItem(item)
        codes = [r.code for r in self._rounds]
        row = codes.index(keep.code) if keep is not None and keep.code in codes else 0
        self.rounds.setCurrentRow(row if self._rounds else -1)
        self.rounds.blockSignals(False)
        self.rounds.setVisible(bool(self._rounds))
        self.empty.setVisible(not self._rounds)
        self._on_selection_changed()

    def set_error(self, text: str) -> None:
        """A refusal or failure, in words; "" clears it."""
        self.error.setText(text)

    def set_status(self, text: str) -> None:
        """What was done (slips saved, the kiosk left)."""
        self.status.setText(text)

    def selected_round(self) -> StationRound | None:
        row = self.rounds.currentRow()
        return self._rounds[row] if 0 <= row < len(self._rounds) else None

    def clear_pin(self) -> None:
        self.pin.clear()
        self.pin_again.clear()

    # --- the worker's actions -----------------------------------------------------------------
    @Slot()
    def _on_start_clicked(self) -> None:
        rnd = self.selected_round()
        if rnd is None:
            return
        pin, again = self.pin.text(), self.pin_again.text()
        if not self.pin.hasAcceptableInput():
            self.set_error(self.tr("The PIN is 4 to 8 digits."))
            self.pin.setFocus()
            return
        if pin != again:
            self.set_error(self.tr("The two PINs differ: type the same PIN twice."))
            self.pin_again.clear()
            self.pin_again.setFocus()
            return
        self.set_error("")
        self.clear_pin()
        self.sig_kiosk_requested.emit(rnd.code, pin)

    @Slot()
    def _on_slips_clicked(self) -> None:
        rnd = self.selected_round()
        if rnd is None:
            return
        self.set_error("")
        self.sig_slips_requested.emit(
            rnd.code, self.slip_count.value(), self.slips_named.isChecked()
        )

    @Slot()
    def _on_selection_changed(self) -> None:
        chosen = self.selected_round() is not None
        for w in (self.start_button, self.slips_button, self.pin, self.pin_again):
            w.setEnabled(chosen)
        rnd = self.selected_round()
        if rnd is not None:
            self.slip_count.setMaximum(max(1, min(MAX_SLIPS, rnd.frame - rnd.answered)))

    # --- words ----------------------------------------------------------------------------------
    def _text(self, r: StationRound) -> str:
        lines = [r.title, r.purpose]
        tail = self.tr("{answered} of {frame} answered here · until {date}").format(
            answered=r.answered, frame=r.frame, date=r.ends_on.strftime("%m-%d")
        )
        if r.anonymous:
            tail += " · " + self.tr("anonymous")
        lines.append(tail)
        return "\n".join(line for line in lines if line)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Open survey rounds of this community"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.empty.setText(
            self.tr(
                "No survey round is open for this community today. Rounds are created at the "
                "control room (Surveys pane)."
            )
        )
        self.kiosk_box.setTitle(self.tr("Kiosk"))
        self.kiosk_hint.setText(
            self.tr(
                "Residents answer on this screen by themselves, each question read aloud. "
                "Choose a PIN: the kiosk is left only with it."
            )
        )
        self._pin_label.setText(self.tr("PIN"))
        self._pin_again_label.setText(self.tr("PIN again"))
        self.start_button.setText(self.tr("Start the kiosk"))
        self.slips_box.setTitle(self.tr("Slips"))
        self._count_label.setText(self.tr("How many"))
        self.slips_named.setText(self.tr("For residents who have not answered yet"))
        self.slips_button.setText(self.tr("Save slips as PDF…"))
        self.slips_named.setToolTip(
            self.tr(
                "Each slip is valid once. Named slips make sure a resident answers once; "
                "slips without a name are for residents met by chance."
            )
        )
        for i, r in enumerate(self._rounds):
            item = self.rounds.item(i)
            if item is not None:
                item.setText(self._text(r))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
