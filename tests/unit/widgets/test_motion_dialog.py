"""MotionSettingsDialog: fields, live schedule check, quick schedules, live sensitivity, save."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.camera_settings import CameraSettings
from core.motion import ArmingSchedule, MotionMask
from widgets.motion_dialog import MotionSettingsDialog

ZONE = "Asia/Shanghai"
TREE = ((0.0, 0.0), (0.3, 0.0), (0.3, 0.4))
FLAG = ((0.6, 0.1), (0.8, 0.1), (0.8, 0.3), (0.6, 0.3))
GATE = ((0.4, 0.5), (0.6, 0.5), (0.5, 0.9))
STORED = CameraSettings(
    camera="CAM07",
    motion_enabled=True,
    sensitivity=62,
    mask=MotionMask(ignore=(TREE, FLAG)),
    schedule="mon-sun 22:00-06:00",
    updated_by="li.supervisor",
)


@pytest.fixture
def dlg(qtbot: QtBot) -> MotionSettingsDialog:
    d = MotionSettingsDialog()
    qtbot.addWidget(d)
    d.show_settings("CAM07", "North gate", STORED, ZONE, may_edit=True)
    d.show()
    qtbot.waitExposed(d)
    return d


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """30 Nov 2026 is a Monday: day 0 = Monday, in the site's zone."""
    return datetime(2026, 11, 30, hour, minute, tzinfo=ZoneInfo(ZONE)) + timedelta(days=day)


def test_fields_reflect_the_settings(dlg: MotionSettingsDialog) -> None:
    assert "CAM07" in dlg.windowTitle()
    assert "North gate" in dlg.windowTitle()
    assert dlg.header.text() == "CAM07  North gate"
    assert dlg.enabled.isChecked()
    assert dlg.slider.value() == dlg.spin.value() == 62
    assert dlg.schedule.text() == "mon-sun 22:00-06:00"
    assert dlg.schedule_error.isHidden()
    assert dlg.mask_summary.text() == "2 ignored areas"
    assert dlg.save_button.isEnabled()
    assert dlg.clear_mask_button.isEnabled()
    assert not dlg.isModal(), "the wall stays usable while tuning"
    assert dlg.read_only_note.isHidden()
    assert "mon-sun 22:00-06:00; sat,sun 00:00-24:00" in dlg.schedule.placeholderText()


def test_a_camera_without_settings_shows_the_defaults(qtbot: QtBot) -> None:
    d = MotionSettingsDialog()
    qtbot.addWidget(d)
    d.show_settings("CAM03", "Car park", CameraSettings("CAM03"), ZONE, may_edit=True)
    assert not d.enabled.isChecked()
    assert d.spin.value() == 50
    assert d.mask_summary.text() == "No mask: the whole picture is watched."
    assert not d.clear_mask_button.isEnabled(), "nothing to clear"
    assert d.save_button.isEnabled(), "an empty schedule is valid (never armed)"
    assert "never" in d.schedule_info.text()


def test_an_invalid_schedule_disables_save_and_says_why(
    dlg: MotionSettingsDialog, qtbot: QtBot
) -> None:
    dlg.schedule.clear()
    qtbot.keyClicks(dlg.schedule, "mon-fri 25:00-06:00")
    assert not dlg.save_button.isEnabled()
    assert dlg.schedule_error.isVisible()
    assert "hour 25" in dlg.schedule_error.text()
    assert dlg.schedule_error.styleSheet() == "color: #ff453a;"
    assert dlg.value() is None
    with qtbot.assertNotEmitted(dlg.sig_save_requested):
        qtbot.keyClick(dlg.schedule, Qt.Key.Key_Return)
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    # Fixing the hour brings Save back and the error goes.
    dlg.schedule.setText("mon-fri 23:00-06:00")
    assert dlg.save_button.isEnabled()
    assert dlg.schedule_error.isHidden()
    assert dlg.schedule_info.isVisible()
    assert "mon-fri 23:00-06:00" in dlg.schedule_info.text()


def test_unknown_days_and_empty_ranges_are_refused(dlg: MotionSettingsDialog) -> None:
    for text in ("funday 22:00-06:00", "mon 22:00-22:00", "mon-sun", "mon 22:00-06:00;;"):
        dlg.schedule.setText(text)
        assert not dlg.save_button.isEnabled(), text
        assert dlg.schedule_error.text().startswith("Schedule not understood: "), text


def test_quick_buttons_fill_valid_schedules(dlg: MotionSettingsDialog, qtbot: QtBot) -> None:
    filled: dict[str, ArmingSchedule] = {}
    for name, button in (
        ("always", dlg.always_button),
        ("nights", dlg.nights_button),
        ("off", dlg.off_hours_button),
    ):
        dlg.schedule.setText("nonsense")
        assert not dlg.save_button.isEnabled()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert dlg.save_button.isEnabled(), name
        assert dlg.schedule_error.isHidden(), name
        filled[name] = ArmingSchedule.parse(dlg.schedule.text(), ZONE)
    # What each preset promises, checked against the parsed schedule.
    always, nights, off = filled["always"], filled["nights"], filled["off"]
    assert all(always.is_armed(local(d, h)) for d in range(7) for h in range(24))
    assert nights.is_armed(local(2, 23))
    assert nights.is_armed(local(3, 5, 59))
    assert not nights.is_armed(local(2, 12))
    assert not nights.is_armed(local(2, 6))
    assert off.is_armed(local(0, 7)), "Monday early morning after the weekend"
    assert off.is_armed(local(2, 18))
    assert off.is_armed(local(4, 23))
    assert off.is_armed(local(5, 12))
    assert off.is_armed(local(6, 15))
    assert not off.is_armed(local(2, 8))
    assert not off.is_armed(local(4, 17, 59))


def test_the_slider_emits_live_and_keeps_the_number_in_step(
    dlg: MotionSettingsDialog, qtbot: QtBot
) -> None:
    seen: list[int] = []
    dlg.sig_sensitivity_changed.connect(seen.append)
    dlg.slider.setFocus()
    qtbot.keyClick(dlg.slider, Qt.Key.Key_Right)
    qtbot.keyClick(dlg.slider, Qt.Key.Key_PageUp)
    assert seen == [63, 73]
    assert dlg.spin.value() == 73
    dlg.spin.selectAll()
    qtbot.keyClicks(dlg.spin, "20")  # typed digits preview as they come
    assert seen[2:] == [2, 20]
    assert dlg.slider.value() == 20


def test_showing_settings_does_not_preview(qtbot: QtBot) -> None:
    d = MotionSettingsDialog()
    qtbot.addWidget(d)
    with qtbot.assertNotEmitted(d.sig_sensitivity_changed):
        d.show_settings("CAM07", "North gate", STORED, ZONE, may_edit=True)


def test_save_emits_the_edited_settings(dlg: MotionSettingsDialog, qtbot: QtBot) -> None:
    dlg.enabled.setChecked(False)
    dlg.spin.setValue(35)
    dlg.schedule.setText("  SAT,SUN 00:00-24:00 ; Mon-Fri 18:00-08:00 ")
    watch_gate = MotionMask(ignore=(TREE,), watch=(GATE,))
    dlg.set_mask(watch_gate)
    assert dlg.mask_summary.text() == "1 ignored area, only 1 watched area"
    dlg.schedule.setFocus()
    with qtbot.waitSignal(dlg.sig_save_requested) as blocker:
        qtbot.keyClick(dlg.schedule, Qt.Key.Key_Return)  # Enter saves
    sent = blocker.args[0]
    assert sent == CameraSettings(
        camera="CAM07",
        motion_enabled=False,
        sensitivity=35,
        mask=watch_gate,
        schedule=ArmingSchedule.parse(dlg.schedule.text(), ZONE).format(),
        updated_by="li.supervisor",
    )
    assert sent.schedule == "sat,sun 00:00-24:00; mon-fri 18:00-08:00"
    # Busy until the presenter answers: no second save.
    assert not dlg.save_button.isEnabled()
    assert dlg.status.text() == "Saving…"
    with qtbot.assertNotEmitted(dlg.sig_save_requested):
        qtbot.keyClick(dlg.schedule, Qt.Key.Key_Return)
    dlg.show_error("Could not save: database is locked")
    assert dlg.error.isVisible()
    assert dlg.error.text() == "Could not save: database is locked"
    assert dlg.save_button.isEnabled()
    dlg.set_busy(True)
    assert dlg.error.isHidden()
    dlg.set_busy(False)
    assert dlg.status.isHidden(), "no 'Saving…' left behind"
    assert dlg.save_button.isEnabled()
    dlg.show_saved()
    assert dlg.status.isVisible()
    assert dlg.status.text().startswith("Saved.")
    assert dlg.save_button.isEnabled()


def test_save_button_click_also_saves(dlg: MotionSettingsDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dlg.sig_save_requested) as blocker:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    sent = blocker.args[0]
    assert sent.camera == "CAM07"
    assert sent.mask == STORED.mask
    assert sent.sensitivity == 62
    assert sent.schedule == "mon-sun 22:00-06:00"


def test_mask_buttons_ask_the_presenter(dlg: MotionSettingsDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dlg.sig_edit_mask_requested):
        qtbot.mouseClick(dlg.edit_mask_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.sig_clear_mask_requested):
        qtbot.mouseClick(dlg.clear_mask_button, Qt.MouseButton.LeftButton)
    assert dlg.current_mask() == STORED.mask, "the mask changes only through set_mask"
    dlg.set_mask(MotionMask())
    assert dlg.mask_summary.text() == "No mask: the whole picture is watched."
    assert not dlg.clear_mask_button.isEnabled()
    dlg.set_mask(MotionMask(ignore=(TREE,)))
    assert dlg.mask_summary.text() == "1 ignored area"
    dlg.set_mask(MotionMask(watch=(GATE, FLAG)))
    assert dlg.mask_summary.text() == "only 2 watched areas"


def test_read_only_for_those_who_may_not_edit(qtbot: QtBot) -> None:
    d = MotionSettingsDialog()
    qtbot.addWidget(d)
    d.show_settings("CAM07", "North gate", STORED, ZONE, may_edit=False)
    d.show()
    qtbot.waitExposed(d)
    assert d.read_only_note.isVisible()
    assert "Only supervisors change motion settings" in d.read_only_note.text()
    fields: list[QWidget] = [d.enabled, d.slider, d.spin, d.schedule, *d.quick_buttons]
    assert not any(w.isEnabled() for w in fields)
    for b in (d.save_button, d.edit_mask_button, d.clear_mask_button):
        assert not b.isEnabled()
    assert d.close_button.isEnabled()
    assert d.schedule.text() == "mon-sun 22:00-06:00", "the values are still shown"
    with qtbot.assertNotEmitted(d.sig_save_requested):
        qtbot.keyClick(d, Qt.Key.Key_Return)
    # The same dialog then shown to a supervisor is editable again.
    d.show_settings("CAM07", "North gate", STORED, ZONE, may_edit=True)
    assert d.read_only_note.isHidden()
    assert all(w.isEnabled() for w in fields)
    assert d.save_button.isEnabled()


def test_escape_closes_and_says_so(dlg: MotionSettingsDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dlg.sig_closed):
        qtbot.keyClick(dlg.schedule, Qt.Key.Key_Escape)
    assert not dlg.isVisible()


def test_close_button_closes(dlg: MotionSettingsDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dlg.sig_closed):
        qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()


def test_tab_order_follows_the_form(dlg: MotionSettingsDialog, qtbot: QtBot) -> None:
    expected: list[QWidget] = [
        dlg.enabled,
        dlg.slider,
        dlg.spin,
        dlg.schedule,
        dlg.always_button,
        dlg.nights_button,
        dlg.off_hours_button,
        dlg.edit_mask_button,
        dlg.clear_mask_button,
        dlg.save_button,
        dlg.close_button,
    ]
    dlg.activateWindow()
    qtbot.waitActive(dlg)
    dlg.enabled.setFocus()
    walked: list[QWidget | None] = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == expected


def test_a_new_camera_clears_the_last_answer(dlg: MotionSettingsDialog) -> None:
    dlg.show_error("Could not save: database is locked")
    other = CameraSettings("CAM08", sensitivity=10)
    dlg.show_settings("CAM08", "East lane", other, ZONE, may_edit=True)
    assert dlg.error.isHidden()
    assert dlg.camera() == "CAM08"
    assert dlg.spin.value() == 10
    assert dlg.current_mask() == MotionMask()
