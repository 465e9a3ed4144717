"""The alert sound's volume dialog and its status-bar indicator (muted, no sound device)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from widgets.text import plain_tooltip

WARNING_STYLE = "color: #ff453a; font-weight: bold;"


class AlertVolumeDialog(QDialog):
    """A slider 0–100 %, a test-tone button, and a warning while the volume is 0."""

    sig_volume_changed = Signal(int)  # GUI thread: the slider moved (0–100)
    sig_test_requested = Signal()  # GUI thread: the operator wants to hear the alert

    def __init__(self, volume: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alertVolumeDialog")
        self.caption = QLabel(self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.value = QLabel(self)
        self.value.setMinimumWidth(48)
        self.warning = QLabel(self)
        self.warning.setObjectName("alertVolumeWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.test = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.value)
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addLayout(row)
        lay.addWidget(self.warning)
        lay.addWidget(self.test, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.buttons)
        self.slider.setValue(volume)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.test.clicked.connect(self.sig_test_requested)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        self._show_value()
        self.sig_volume_changed.emit(value)

    def _show_value(self) -> None:
        v = self.slider.value()
        self.value.setText(f"{v} %")
        self.warning.setVisible(v == 0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Alert volume"))
        self.caption.setText(self.tr("Volume of the new P1/P2 alert on this workstation"))
        self.warning.setText(
            self.tr("Muted: new P1/P2 incidents will not ring. The status bar says so.")
        )
        self.test.setText(self.tr("Test tone"))
        self._show_value()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AlertSoundIndicator(QLabel):
    """Red text in the status bar while alerts cannot be heard; hidden while they can."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alertSoundIndicator")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(WARNING_STYLE)
        self._muted = False
        self._unavailable = ""  # why no sound can play; empty: it can
        self.hide()

    def set_state(self, *, muted: bool, unavailable: str) -> None:
        """Muted (volume 0) and/or no sound device (`unavailable` says why)."""
        self._muted, self._unavailable = muted, unavailable
        self.retranslate()

    def retranslate(self) -> None:
        if self._unavailable:
            self.setText(self.tr("No alert sound"))
            self.setToolTip(plain_tooltip(self._unavailable))
        elif self._muted:
            self.setText(self.tr("Alerts muted"))
            self.setToolTip(self.tr("Tools → Alert volume… to turn the alert sound back on"))
        else:
            self.setText("")
            self.setToolTip("")
        self.setVisible(bool(self._unavailable) or self._muted)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
