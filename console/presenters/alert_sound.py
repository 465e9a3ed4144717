"""The alert sound's menu entries (volume, test tone) and its status-bar indicator."""

from __future__ import annotations

from PySide6.QtCore import Slot

from console.attention_sound import AttentionSound
from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from core.model import Priority
from hardware.audio import AudioStatus
from widgets.alert_sound import AlertSoundIndicator, AlertVolumeDialog
from widgets.notifications import Level

TEST_TONE_SHORTCUT = "Ctrl+Shift+B"


class AlertSoundPresenter(Presenter):
    """Tools → Alert volume… and Test tone; a muted or silent console says so at all times."""

    name = "alert_sound"

    def __init__(self, ctx: PresenterContext, sound: AttentionSound):
        super().__init__(ctx)
        self.sound = sound
        self.dialog: AlertVolumeDialog | None = None
        self.indicator = AlertSoundIndicator()
        ctx.window.add_status_widget(self.indicator, permanent=True)
        ctx.window.add_action(
            ActionSpec(
                "alert_volume",
                lambda: self.tr("Alert volume…"),
                "tools",
                separator_before=True,
            ),
            self.show_volume,
        )
        ctx.window.add_action(
            ActionSpec("test_tone", lambda: self.tr("Test tone"), "tools", TEST_TONE_SHORTCUT),
            self.test_tone,
        )
        ctx.bridge.subscribe(AudioStatus, self._on_audio_status)
        sound.sig_state_changed.connect(self._on_sound_state_changed)
        self._on_sound_state_changed()

    def show_volume(self) -> None:
        """The volume dialog (non-modal; hidden on lock and sign-out)."""
        if self.dialog is None:
            self.dialog = AlertVolumeDialog(self.sound.volume, self.ctx.window)
            self.dialog.sig_volume_changed.connect(self._on_dialog_volume_changed)
            self.dialog.sig_test_requested.connect(self.test_tone)
            self.ctx.dialogs.register(self.dialog)
        self.dialog.slider.setValue(self.sound.volume)
        self.dialog.show()
        self.dialog.raise_()

    def test_tone(self) -> None:
        """Ring the P1 alert as it would sound now."""
        if self.sound.muted:
            self.ctx.feedback.message(self.tr("Alerts are muted: the test tone is silent."))
        elif self.sound.unavailable:
            self.ctx.feedback.message(
                self.tr("No alert sound: {why}").format(why=self.sound.unavailable)
            )
        else:
            self.ctx.feedback.message(
                self.tr("Test tone: the P1 alert at {v} %").format(v=self.sound.volume)
            )
        self.sound.ring(Priority.P1)

    @Slot(int)
    def _on_dialog_volume_changed(self, value: int) -> None:
        self.sound.set_volume(value)

    def _on_audio_status(self, status: AudioStatus) -> None:
        before = self.sound.unavailable
        self.sound.on_audio_status(status)
        if status.ok and before:
            self.ctx.feedback.notify(Level.INFO, self.tr("The alert sound plays again."))
        elif not status.ok and not before:
            self.ctx.feedback.notify(
                Level.ERROR,
                self.tr("No alert sound: {why}. Alerts still flash and show here.").format(
                    why=status.detail
                ),
            )

    @Slot()
    def _on_sound_state_changed(self) -> None:
        self.indicator.set_state(muted=self.sound.muted, unavailable=self.sound.unavailable)

    def signed_out(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()

    def locked(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
