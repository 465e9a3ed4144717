"""The alarm receiver's status-bar line and the words of alarm timeline entries."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.alarms import AlarmReceiverState
from tests.helpers.fakes import T0
from widgets.alarm_status import AlarmReceiverLabel, alarm_kind_label


def test_listening_shows_counts_and_not_listening_turns_red(qtbot: QtBot) -> None:
    label = AlarmReceiverLabel()
    qtbot.addWidget(label)
    assert label.text() == "Alarms: starting…"
    label.set_state(AlarmReceiverState(True, "tcp 127.0.0.1:12128", T0, frames=9, acked=7))
    assert label.text() == "Alarms: listening · 7 acknowledged"
    assert "tcp 127.0.0.1:12128" in label.toolTip()
    assert label.objectName() == "statusAlarms"
    label.set_state(AlarmReceiverState(False, "port 12128 in use", T0))
    assert label.text() == "Alarms: receiver not listening"
    assert label.toolTip() == "port 12128 in use"
    assert label.objectName() == "statusAlarmsBad"


def test_a_detail_is_shown_as_plain_text(qtbot: QtBot) -> None:
    label = AlarmReceiverLabel()
    qtbot.addWidget(label)
    label.set_state(AlarmReceiverState(False, "<img src=file:///etc/passwd>", T0))
    assert label.textFormat().name == "PlainText"


def test_alarm_timeline_kinds_have_words() -> None:
    assert alarm_kind_label("alarm") == "Alarm again"
    assert alarm_kind_label("alarm_restore") == "Alarm restored (panel)"
    assert alarm_kind_label("device_restored") == "Device heard again"
    assert alarm_kind_label("state") is None
