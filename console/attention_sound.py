"""The alert sound of a new P1/P2: its volume on this workstation, and ringing it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Signal

from core.model import Priority
from hardware.audio import AudioStatus, Samples, alert_sound

log = logging.getLogger(__name__)

DEFAULT_VOLUME = 80  # percent


class Player(Protocol):
    """What the alert needs of a sound player (hardware.audio.SoundPlayer)."""

    samplerate: int

    def play(self, samples: Samples) -> None: ...


class AttentionSound(QObject):
    """Rings a P1 or P2 alert at this workstation's volume; knows whether sound can play.

    Lives on the GUI thread; the player plays on its own thread. The volume is a setting of
    the workstation (the speakers are the room's), kept in an INI file next to the layouts.
    """

    sig_state_changed = Signal()  # GUI thread: volume or availability changed

    def __init__(self, player: Player | None, settings: Path):
        super().__init__()
        settings.parent.mkdir(parents=True, exist_ok=True)
        self._s = QSettings(str(settings), QSettings.Format.IniFormat)
        self.player = player
        self.rings = 0  # alerts asked for (tests; the status bar)
        self.unavailable = ""  # why the player cannot play; empty: it can, or there is none
        if player is None:
            log.warning("the alert sound is switched off on this console")

    @property
    def volume(self) -> int:
        """0–100 %; 0 is muted."""
        try:
            value = int(str(self._s.value("alert/volume", DEFAULT_VOLUME)))
        except ValueError:
            value = DEFAULT_VOLUME
        return min(max(value, 0), 100)

    def set_volume(self, percent: int) -> None:
        """Remember the volume on this workstation."""
        percent = min(max(int(percent), 0), 100)
        if percent == self.volume:
            return
        self._s.setValue("alert/volume", percent)
        self._s.sync()
        log.info("alert volume set to %d %%", percent)
        self.sig_state_changed.emit()

    @property
    def muted(self) -> bool:
        return self.volume == 0

    def ring(self, priority: Priority) -> bool:
        """Play the alert of `priority` (GUI thread, returns at once); False if it cannot."""
        self.rings += 1
        if self.player is None or self.muted:
            return False
        rate = self.player.samplerate
        self.player.play(alert_sound(int(priority), rate, self.volume / 100))
        return True

    def on_audio_status(self, status: AudioStatus) -> None:
        """The player could (not) play (GUI thread, from the bridge)."""
        self.unavailable = "" if status.ok else (status.detail or "no sound device")
        self.sig_state_changed.emit()
