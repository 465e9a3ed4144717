"""The alarm receiver's status-bar line, and the words for alarm entries of a timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from core.alarms import AlarmReceiverState


class AlarmReceiverLabel(QLabel):
    """Whether the DC-09 receiver listens and what it took; red while it does not listen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusAlarms")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._state: AlarmReceiverState | None = None
        self._update()

    @property
    def state(self) -> AlarmReceiverState | None:
        """The last state shown (None before the receiver reported)."""
        return self._state

    def set_state(self, state: AlarmReceiverState) -> None:
        """The receiver's latest state (GUI thread)."""
        self._state = state
        self._update()

    def _update(self) -> None:
        s = self._state
        bad = s is not None and not s.listening
        self.setObjectName("statusAlarmsBad" if bad else "statusAlarms")
        if s is None:
            self.setText(self.tr("Alarms: starting…"))
            self.setToolTip("")
        elif s.listening:
            self.setText(self.tr("Alarms: listening · {acked} acknowledged").format(acked=s.acked))
            self.setToolTip(
                self.tr(
                    "{detail}\nframes {frames} · NAK {nak} · DUH {duh} · bad CRC {crc} · "
                    "malformed {bad} · unknown account {unknown} · refused {refused}"
                ).format(
                    detail=s.detail,
                    frames=s.frames,
                    nak=s.naked,
                    duh=s.duh,
                    crc=s.bad_crc,
                    bad=s.malformed,
                    unknown=s.unknown_account,
                    refused=s.refused,
                )
            )
        else:
            self.setText(self.tr("Alarms: receiver not listening"))
            self.setToolTip(s.detail)
        self.style().unpolish(self)
        self.style().polish(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
        super().changeEvent(event)


def alarm_kind_label(kind: str) -> str | None:
    """The words for a timeline entry the alarms added; None for other kinds."""
    if kind == "alarm":
        return QCoreApplication.translate("AlarmTimeline", "Alarm again")
    if kind == "alarm_restore":
        return QCoreApplication.translate("AlarmTimeline", "Alarm restored (panel)")
    if kind == "device_restored":
        return QCoreApplication.translate("AlarmTimeline", "Device heard again")
    return None
