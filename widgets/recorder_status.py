"""The recorder's health in the status bar: cameras recording, bitrate, disk left, days that fit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from core.recording import RecorderHealth

OK_COLOUR = "#5cb85c"
WARN_COLOUR = "#f0ad4e"
BAD_COLOUR = "#d9534f"
FEW_DAYS = 30.0  # fewer days than retention asks for: the disk is too small


def _gb(n: int) -> str:
    return f"{n / 1024**3:.0f} GB" if n >= 10 * 1024**3 else f"{n / 1024**3:.1f} GB"


class RecorderStatusLabel(QLabel):
    """● Recording 16/16 · 12.3 Mbit/s · 812 GB free · 58 days; red when none records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recorderStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._health: list[RecorderHealth] = []
        self._now: datetime | None = None
        self._expected = 0
        self.state = "unknown"  # ok | degraded | down | unknown (for tests and the style)
        self.refresh()

    def set_health(self, health: Sequence[RecorderHealth], now: datetime, expected: int) -> None:
        """The recorders' latest reports; `expected`: cameras this site records."""
        self._health = list(health)
        self._now = now
        self._expected = expected
        self.refresh()

    def refresh(self) -> None:
        now = self._now
        live = [h for h in self._health if now is not None and not h.stale(now)]
        if not self._expected:
            self.setVisible(False)
            return
        self.setVisible(True)
        if not live:
            self.state = "down"
            since = max((h.heartbeat for h in self._health), default=None)
            text = self.tr("● Not recording")
            tip = (
                self.tr("No recorder has reported since {t}.").format(t=f"{since:%H:%M:%S}")
                if since is not None
                else self.tr("No recorder has reported.")
            )
            self._show(text, tip, BAD_COLOUR)
            return
        recording = sum(h.cameras_recording for h in live)
        total = sum(h.cameras_total for h in live)
        bitrate = sum(h.bitrate_bps for h in live)
        free = min(h.disk_free_bytes for h in live)
        fits = [h.days_fit for h in live if h.days_fit is not None]
        days = min(fits) if fits else None
        text = self.tr("● Recording {n}/{total} · {rate} Mbit/s · {free} free").format(
            n=recording, total=total, rate=f"{bitrate / 1e6:.1f}", free=_gb(free)
        )
        if days is not None:
            text += self.tr(" · {days} days").format(days=f"{days:.0f}")
        details = [h.detail for h in live if h.detail]
        failing = sorted({c for h in live for c in h.failing})
        tip_lines = [
            self.tr("{name}: {n} of {total} cameras, since {t}").format(
                name=h.recorder,
                n=h.cameras_recording,
                total=h.cameras_total,
                t=f"{h.started:%Y-%m-%d %H:%M}",
            )
            for h in live
        ]
        if failing:
            tip_lines.append(self.tr("Not recording: {cameras}").format(cameras=", ".join(failing)))
        tip_lines += details
        if recording < total or details or (days is not None and days < FEW_DAYS):
            self.state = "degraded"
            colour = WARN_COLOUR
        else:
            self.state = "ok"
            colour = OK_COLOUR
        self._show(text, "\n".join(tip_lines), colour)

    def _show(self, text: str, tip: str, colour: str) -> None:
        self.setText(text)
        self.setToolTip(tip)
        self.setStyleSheet(f"QLabel#recorderStatus {{ color: {colour}; padding: 0 6px; }}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
