"""A camera's motion settings (detection, sensitivity, schedule, mask), tuned beside the wall."""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.camera_settings import (
    SCHEDULE_MAX,
    SENSITIVITY_MAX,
    SENSITIVITY_MIN,
    CameraSettings,
)
from core.motion import ArmingSchedule, MotionMask, ScheduleError
from widgets.tag_dialog import _WriteDialog

# Schedule text is core.motion's syntax (English day names): it is shown as typed, never
# translated; only the words around it are.
SCHEDULE_EXAMPLE: Final = "mon-sun 22:00-06:00; sat,sun 00:00-24:00"
SCHEDULE_ALWAYS: Final = "mon-sun 00:00-24:00"
SCHEDULE_NIGHTS: Final = "mon-sun 22:00-06:00"
# Weekday evenings and early mornings as two ranges of the same day rather than "18:00-08:00":
# an overnight range from Friday would leave Monday 00:00-08:00 unarmed after Sunday ends.
SCHEDULE_OFF_HOURS: Final = "mon-fri 00:00-08:00 18:00-24:00; sat,sun 00:00-24:00"
ERROR_COLOUR: Final = "#ff453a"  # the same red as the other dialogs' refusals


def _plain_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # camera names and parser messages are data
    label.setWordWrap(True)
    return label


class MotionSettingsDialog(_WriteDialog):
    """One camera's motion detection: on or off, sensitivity, arming schedule and mask.

    Non-modal: the operator keeps watching the wall (and the regions the presenter previews at
    the sliding sensitivity) while tuning. Fed plain data; every signal fires on the GUI thread.
    The presenter answers a save with `show_saved` or `show_error`.
    """

    sig_sensitivity_changed = Signal(int)  # live while sliding or typing (not on show_settings)
    sig_edit_mask_requested = Signal()  # draw the mask on the camera's tile
    sig_clear_mask_requested = Signal()  # drop the mask (the presenter calls set_mask after)
    sig_save_requested = Signal(object)  # CameraSettings built from the fields
    sig_closed = Signal()  # Close, Esc or the window's close button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("motionSettingsDialog")
        self.setModal(False)
        self._busy = False
        self._loading = False
        self._settings: CameraSettings | None = None
        self._camera_code = ""
        self._camera_name = ""
        self._timezone = "UTC"
        self._may_edit = False
        self._mask = MotionMask()
        self._schedule_ok = True
        self._schedule_detail = ""  # the parser's words when the schedule is refused
        self._canonical = ""

        self.header = _plain_label("motionHeader")
        font = QFont(self.header.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)
        self.read_only_note = _plain_label("motionReadOnly")
        self.read_only_note.hide()

        self.enabled = QCheckBox()
        self.enabled.setObjectName("motionEnabled")

        self.sensitivity_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("motionSensitivitySlider")
        self.slider.setRange(SENSITIVITY_MIN, SENSITIVITY_MAX)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(10)
        self.slider.setTickInterval(10)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.spin = QSpinBox()
        self.spin.setObjectName("motionSensitivity")
        self.spin.setRange(SENSITIVITY_MIN, SENSITIVITY_MAX)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self.sensitivity_label.setBuddy(self.slider)
        self.sensitivity_hint = _plain_label("motionSensitivityHint")
        sens_row = QHBoxLayout()
        sens_row.addWidget(self.slider, 1)
        sens_row.addWidget(self.spin)

        self.schedule_box = QGroupBox()
        self.schedule_label = QLabel()
        self.schedule = QLineEdit()
        self.schedule.setObjectName("motionSchedule")
        self.schedule.setMaxLength(SCHEDULE_MAX * 4)  # check_schedule's limit on the raw text
        self.schedule.setClearButtonEnabled(True)
        self.schedule.textChanged.connect(self._on_schedule_text_changed)
        self.schedule_label.setBuddy(self.schedule)
        self.schedule_error = _plain_label("motionScheduleError")
        self.schedule_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.schedule_error.hide()
        self.schedule_info = _plain_label("motionScheduleInfo")
        self.always_button = QPushButton()
        self.always_button.setObjectName("motionAlways")
        self.nights_button = QPushButton()
        self.nights_button.setObjectName("motionNights")
        self.off_hours_button = QPushButton()
        self.off_hours_button.setObjectName("motionOffHours")
        self.quick_buttons: dict[QPushButton, str] = {
            self.always_button: SCHEDULE_ALWAYS,
            self.nights_button: SCHEDULE_NIGHTS,
            self.off_hours_button: SCHEDULE_OFF_HOURS,
        }
        quick = QHBoxLayout()
        for button in self.quick_buttons:
            button.clicked.connect(self._on_quick_clicked)
            quick.addWidget(button)
        quick.addStretch(1)
        sched = QVBoxLayout(self.schedule_box)
        sched.addWidget(self.schedule_label)
        sched.addWidget(self.schedule)
        sched.addWidget(self.schedule_error)
        sched.addWidget(self.schedule_info)
        sched.addLayout(quick)

        self.mask_box = QGroupBox()
        self.mask_summary = _plain_label("motionMaskSummary")
        self.edit_mask_button = QPushButton()
        self.edit_mask_button.setObjectName("motionEditMask")
        self.edit_mask_button.clicked.connect(self._on_edit_mask_clicked)
        self.clear_mask_button = QPushButton()
        self.clear_mask_button.setObjectName("motionClearMask")
        self.clear_mask_button.clicked.connect(self._on_clear_mask_clicked)
        mask_buttons = QHBoxLayout()
        mask_buttons.addWidget(self.edit_mask_button)
        mask_buttons.addWidget(self.clear_mask_button)
        mask_buttons.addStretch(1)
        mask_lay = QVBoxLayout(self.mask_box)
        mask_lay.addWidget(self.mask_summary)
        mask_lay.addLayout(mask_buttons)

        self.error = _plain_label("motionError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        self.status = _plain_label("motionStatus")
        self.status.hide()

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setObjectName("motionSave")
        self.save_button.clicked.connect(self._on_save_clicked)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        assert close is not None
        self.close_button = close
        self.close_button.setObjectName("motionClose")
        self.buttons.rejected.connect(self.reject)
        # Enter anywhere saves (when Save is enabled); a focused button never takes Enter over,
        # so Enter in the schedule after a quick button still means "save".
        for b in (*self.quick_buttons, self.edit_mask_button, self.clear_mask_button):
            b.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(True)

        grid = QGridLayout()
        grid.addWidget(self.enabled, 0, 0, 1, 2)
        grid.addWidget(self.sensitivity_label, 1, 0)
        grid.addLayout(sens_row, 1, 1)
        grid.addWidget(self.sensitivity_hint, 2, 1)
        grid.setColumnStretch(1, 1)

        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.read_only_note)
        lay.addLayout(grid)
        lay.addWidget(self.schedule_box)
        lay.addWidget(self.mask_box)
        lay.addWidget(self.error)
        lay.addWidget(self.status)
        lay.addStretch(1)
        lay.addWidget(self.buttons)

        order: list[QWidget] = [
            self.enabled,
            self.slider,
            self.spin,
            self.schedule,
            *self.quick_buttons,
            self.edit_mask_button,
            self.clear_mask_button,
            self.save_button,
            self.close_button,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

        self.setMinimumWidth(500)
        self._retranslate()
        self._update_buttons()

    # --- fed by the presenter ------------------------------------------------------------
    def show_settings(
        self,
        camera_code: str,
        camera_name: str,
        settings: CameraSettings,
        timezone: str,
        may_edit: bool,
    ) -> None:
        """Show one camera's settings; read-only (fields disabled) when `may_edit` is False.

        `timezone` is the site's, in which the schedule's times are read.
        """
        self._loading = True  # no live preview for values the presenter itself just gave
        try:
            self._settings = settings
            self._camera_code = camera_code
            self._camera_name = camera_name
            self._timezone = timezone
            self._may_edit = may_edit
            self._busy = False
            self.error.hide()
            self.status.hide()
            self.enabled.setChecked(settings.motion_enabled)
            self.slider.setValue(settings.sensitivity)
            self.spin.setValue(settings.sensitivity)
            self._mask = settings.mask
            self.schedule.setText(settings.schedule)
            self._check_schedule()
        finally:
            self._loading = False
        for w in (self.enabled, self.slider, self.spin, self.schedule, *self.quick_buttons):
            w.setEnabled(may_edit)
        self.read_only_note.setVisible(not may_edit)
        # A read-only look has no primary action: Save must not look like one.
        self.save_button.setDefault(may_edit)
        self._retranslate()
        self._update_buttons()

    def set_mask(self, mask: MotionMask) -> None:
        """The mask as drawn on the tile (or cleared); it is what Save sends."""
        self._mask = mask
        self._retranslate_mask()
        self._update_buttons()

    def set_busy(self, busy: bool) -> None:
        """A save is under way: Save stays disabled until it ends."""
        super().set_busy(busy)
        saving = self.tr("Saving…")
        if busy:
            self.status.setText(saving)
            self.status.show()
        elif self.status.text() == saving:
            self.status.hide()  # ended without an answer: nothing to report

    def show_saved(self) -> None:
        """The settings were stored."""
        self.show_done(self.tr("Saved. Detection uses the new settings from now on."))

    def camera(self) -> str:
        """The shown camera's code ("" before show_settings)."""
        return self._settings.camera if self._settings is not None else ""

    def current_mask(self) -> MotionMask:
        """The mask Save would send."""
        return self._mask

    def value(self) -> CameraSettings | None:
        """The settings as the fields stand; None while the schedule is refused or none shown.

        The schedule is sent in core.motion's canonical form; `updated_by` is left as it came
        (the service records who saved).
        """
        if self._settings is None or not self._schedule_ok:
            return None
        return CameraSettings(
            camera=self._settings.camera,
            motion_enabled=self.enabled.isChecked(),
            sensitivity=self.spin.value(),
            mask=self._mask,
            schedule=self._canonical,
            updated_by=self._settings.updated_by,
        )

    # --- user actions ----------------------------------------------------------------------
    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        self.spin.setValue(value)
        if not self._loading:
            self.sig_sensitivity_changed.emit(value)

    @Slot(int)
    def _on_spin_value_changed(self, value: int) -> None:
        self.slider.setValue(value)  # the slider emits the preview, once

    @Slot()
    def _on_schedule_text_changed(self) -> None:
        self._check_schedule()
        self._update_buttons()

    @Slot()
    def _on_quick_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton) and button in self.quick_buttons:
            self.schedule.setText(self.quick_buttons[button])
            self.schedule.setFocus()

    @Slot()
    def _on_edit_mask_clicked(self) -> None:
        if self.edit_mask_button.isEnabled():
            self.sig_edit_mask_requested.emit()

    @Slot()
    def _on_clear_mask_clicked(self) -> None:
        if self.clear_mask_button.isEnabled():
            self.sig_clear_mask_requested.emit()

    @Slot()
    def _on_save_clicked(self) -> None:
        value = self.value()
        if value is None or not self.save_button.isEnabled():
            return
        self.set_busy(True)
        self.sig_save_requested.emit(value)

    def reject(self) -> None:
        # Esc, Close and the title bar's button all come here; the presenter stops previewing.
        super().reject()
        self.sig_closed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        # The first control rather than whichever child Qt picks (the header is not focusable).
        if self._may_edit:
            self.enabled.setFocus()
        else:
            self.close_button.setFocus()
        super().showEvent(event)

    # --- state ---------------------------------------------------------------------------
    def _check_schedule(self) -> None:
        text = self.schedule.text()
        try:
            canonical = ArmingSchedule.parse(text, self._timezone).format()
        except ScheduleError as exc:
            self._schedule_ok, self._schedule_detail, self._canonical = False, str(exc), ""
        else:
            too_long = len(canonical) > SCHEDULE_MAX
            self._schedule_ok = not too_long
            self._schedule_detail = ""
            self._canonical = "" if too_long else canonical
        self._retranslate_schedule()

    @Slot()
    def _update_buttons(self) -> None:
        editable = self._settings is not None and self._may_edit
        self.save_button.setEnabled(editable and self._schedule_ok and not self._busy)
        self.edit_mask_button.setEnabled(editable and not self._busy)
        self.clear_mask_button.setEnabled(editable and not self._busy and not self._mask.empty)

    # --- texts -----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        code = self._camera_code
        self.setWindowTitle(
            self.tr("Motion settings: {code} {name}").format(code=code, name=self._camera_name)
        )
        self.header.setText(f"{code}  {self._camera_name}".strip())
        self.read_only_note.setText(
            self.tr("Only supervisors change motion settings. You can look, not change.")
        )
        self.enabled.setText(self.tr("&Motion detection on"))
        self.sensitivity_label.setText(self.tr("&Sensitivity"))
        self.sensitivity_hint.setText(
            self.tr("Higher finds smaller, fainter movement; the tile shows what is found.")
        )
        self.schedule_box.setTitle(self.tr("Arming schedule"))
        self.schedule_label.setText(self.tr("When motion raises an &incident (empty: never):"))
        self.schedule.setPlaceholderText(self.tr("e.g. {example}").format(example=SCHEDULE_EXAMPLE))
        self.always_button.setText(self.tr("&Always"))
        self.nights_button.setText(self.tr("&Nights 22:00-06:00"))
        self.off_hours_button.setText(self.tr("&Off-hours and weekends"))
        self.off_hours_button.setToolTip(
            self.tr("Weekdays 18:00-08:00, and all of Saturday and Sunday")
        )
        self.mask_box.setTitle(self.tr("Mask"))
        self.edit_mask_button.setText(self.tr("&Edit mask on the tile"))
        self.clear_mask_button.setText(self.tr("C&lear mask"))
        self.save_button.setText(self.tr("Sa&ve"))
        self.close_button.setText(self.tr("Close"))
        self._retranslate_schedule()
        self._retranslate_mask()

    def _retranslate_schedule(self) -> None:
        if not self._schedule_ok:
            if self._schedule_detail:
                text = self.tr("Schedule not understood: {detail}").format(
                    detail=self._schedule_detail
                )
            else:
                text = self.tr("The schedule is too long (at most {n} characters).").format(
                    n=SCHEDULE_MAX
                )
            self.schedule_error.setText(text)
            self.schedule_error.show()
            self.schedule_info.hide()
            return
        self.schedule_error.hide()
        if self._canonical:
            info = self.tr("Armed: {schedule} (times in {zone})").format(
                schedule=self._canonical, zone=self._timezone
            )
        else:
            info = self.tr("No schedule: motion is recorded but never raises an incident.")
        self.schedule_info.setText(info)
        self.schedule_info.show()

    def _retranslate_mask(self) -> None:
        m = self._mask
        if m.empty:
            self.mask_summary.setText(self.tr("No mask: the whole picture is watched."))
            return
        parts: list[str] = []
        n = len(m.ignore)
        if n == 1:
            parts.append(self.tr("1 ignored area"))
        elif n:
            parts.append(self.tr("{n} ignored areas").format(n=n))
        n = len(m.watch)
        if n == 1:
            parts.append(self.tr("only 1 watched area"))
        elif n:
            parts.append(self.tr("only {n} watched areas").format(n=n))
        if len(parts) == 2:
            text = self.tr("{ignored}, {watched}").format(ignored=parts[0], watched=parts[1])
        else:
            text = parts[0]
        self.mask_summary.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
