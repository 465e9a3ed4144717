"""The calls pane's widgets fed plain rows: order, times, highlights, buttons and its dialogs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.assignments import DispatchTarget, UnitRow
from core.call_log import CallbackRow, Disposition, NoIncidentReason
from core.calls import CallDirection, CallEnd, CallPhase
from widgets.call_dialogs import LinkIncidentDialog, NoIncidentDialog, TransferDialog
from widgets.calls import CallLine, CallsPane, HeadsetBar, span, stored_reason_label

T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def line(key: str, phase: CallPhase, **changes: object) -> CallLine:
    base: dict[str, object] = {
        "key": key,
        "call_id": key if phase is not CallPhase.ENDED else "",
        "db_id": None,
        "direction": CallDirection.INBOUND,
        "phase": phase,
        "number": "13800001111",
        "display": "",
        "resident": "",
        "resident_id": None,
        "started_at": T0,
    }
    base.update(changes)
    return CallLine(**base)  # type: ignore[arg-type]


def cell(pane: CallsPane, row: int, column: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    model = pane.model
    return model.data(model.index(row, model.column_index(column)), role)


def test_ringing_calls_come_first_and_their_waiting_time_ticks(qtbot: QtBot) -> None:
    pane = CallsPane()
    qtbot.addWidget(pane)
    pane.set_line(True, "CC")
    done = line(
        "a",
        CallPhase.ENDED,
        started_at=T0 - timedelta(minutes=10),
        answered_at=T0 - timedelta(minutes=9),
        ended_at=T0 - timedelta(minutes=7),
        end=CallEnd.HUNG_UP_REMOTE,
        db_id=1,
    )
    talking = line(
        "b",
        CallPhase.ACTIVE,
        started_at=T0 - timedelta(seconds=90),
        answered_at=T0 - timedelta(seconds=60),
    )
    ringing = line("c", CallPhase.RINGING, started_at=T0 - timedelta(seconds=5))
    pane.set_calls([done, talking, ringing])
    assert [r.key for r in pane.model.rows()] == ["c", "b", "a"]
    pane.tick(T0 + timedelta(seconds=20))
    assert cell(pane, 0, "time") == "0:25"  # waiting since it rang
    assert cell(pane, 1, "time") == "1:20"  # talking since it was answered
    assert cell(pane, 2, "time") == "09:50 · 2:00"  # started (local time) · talked
    # An answered call nobody has linked or closed is highlighted and says so.
    assert "To do" in str(cell(pane, 2, "outcome"))
    assert cell(pane, 2, "outcome", Qt.ItemDataRole.BackgroundRole) is not None
    assert pane.answer.isEnabled()  # a call rings: F2 works without selecting it
    assert not pane.hang_up.isEnabled()  # nothing selected
    pane.select("b")
    assert pane.hang_up.isEnabled()
    assert pane.hold.isEnabled()
    assert not pane.new_incident.isEnabled()  # not ended and not written yet
    pane.select("a")
    assert pane.new_incident.isEnabled()
    assert pane.no_incident.isEnabled()


def test_a_missed_call_reads_missed_and_a_closed_one_says_why(qtbot: QtBot) -> None:
    pane = CallsPane()
    qtbot.addWidget(pane)
    pane.set_line(True, "CC")
    missed = line("m", CallPhase.ENDED, end=CallEnd.ABANDONED, ended_at=T0)
    closed = line(
        "n",
        CallPhase.ENDED,
        end=CallEnd.HUNG_UP_LOCAL,
        answered_at=T0,
        ended_at=T0 + timedelta(seconds=30),
        disposition=Disposition.NO_INCIDENT,
        no_incident_reason="other: 询问办事时间",
        started_at=T0 - timedelta(seconds=1),
    )
    pane.set_calls([missed, closed])
    assert cell(pane, 0, "phase") == "● Missed"
    assert cell(pane, 0, "outcome") == "On the callback list"
    assert cell(pane, 1, "outcome") == "No incident: Other: 询问办事时间"
    assert stored_reason_label("wrong_number") == "Wrong number"


def test_the_refused_banner_names_the_caller_and_the_486(qtbot: QtBot) -> None:
    pane = CallsPane()
    qtbot.addWidget(pane)
    pane.set_line(True, "CC")
    pane.set_refused(T0, "13700009999")
    pane.set_refused(T0 + timedelta(seconds=3), "13700008888")
    assert not pane.refused.isHidden()
    text = pane.refused.text()
    assert "486" in text
    assert "13700008888" in text
    assert "10:00:03" in text
    assert "2 turned away" in text
    pane.clear_refused()
    assert pane.refused.isHidden()


def test_without_a_line_nothing_can_be_answered_and_the_pane_says_why(qtbot: QtBot) -> None:
    pane = CallsPane()
    qtbot.addWidget(pane)
    pane.set_line(False, "WS07")
    pane.set_calls([])
    assert pane.empty.title() == "No phone line on this workstation"
    assert "WS07" in pane.empty.text()
    assert not pane.answer.isEnabled()
    assert pane.caller_scroll.isHidden()


def test_the_headset_bar_keeps_a_missing_device_and_shows_the_level(qtbot: QtBot) -> None:
    bar = HeadsetBar()
    qtbot.addWidget(bar)
    bar.set_devices(["USB Headset", "Speakers"], "Old Headset", "Speakers")
    assert bar.headset.currentText() == "Old Headset (not found)"
    assert bar.ring.currentData() == "Speakers"
    with qtbot.waitSignal(bar.sig_devices_changed) as changed:
        bar.headset.setCurrentIndex(1)
        bar.headset.activated.emit(1)
    assert changed.args == ["USB Headset", "Speakers"]
    bar.set_level(0.0)
    assert bar.level.value() == 0
    bar.set_level(1.0)
    assert bar.level.value() == 100
    bar.set_level(0.03)  # speech at about -30 dBFS: half the meter
    assert 40 <= bar.level.value() <= 60


def test_no_incident_needs_a_reason_and_other_needs_words(qtbot: QtBot) -> None:
    dlg = NoIncidentDialog("13800001111")
    qtbot.addWidget(dlg)
    dlg._on_ok()
    assert dlg.result() == 0
    assert dlg.error.text() == "Choose a reason."
    dlg.reason.setCurrentIndex(dlg.reason.findData(NoIncidentReason.OTHER.value))
    dlg.note.setText("嗯")
    dlg._on_ok()
    assert "at least 4" in dlg.error.text()
    dlg.note.setText("询问垃圾清运")
    dlg._on_ok()
    assert dlg.result() == 1
    assert dlg.value() == (NoIncidentReason.OTHER, "询问垃圾清运")


def test_the_transfer_and_link_pickers_give_a_number(qtbot: QtBot) -> None:
    targets = [
        DispatchTarget(
            1,
            "D01",
            "派出所",
            "police",
            "022-26581110",
            (UnitRow(1, "U0101", "巡逻一组", "139-2201-1101"),),
        ),
    ]
    dlg = TransferDialog(targets, "13800001111")
    qtbot.addWidget(dlg)
    assert dlg.list.count() == 2
    assert dlg.value() == ""  # nothing chosen for the operator
    dlg.list.setCurrentRow(1)
    assert dlg.value() == "13922011101"
    link = LinkIncidentDialog([])
    qtbot.addWidget(link)
    assert link.value() is None
    link.number.setText("#42")
    assert link.value() == 42


def test_span_reads_like_a_clock() -> None:
    assert [span(s) for s in (0, 42, 725, 3727)] == ["0:00", "0:42", "12:05", "1:02:07"]


def test_a_line_that_is_down_calls_nobody_back(qtbot: QtBot) -> None:
    pane = CallsPane()
    qtbot.addWidget(pane)
    pane.set_line(True, "CC")
    missed = CallbackRow("13700009999", "", 41, T0, 1, 0, None, (41,))
    pane.set_callbacks([missed], [], False, {})
    pane.callback_table.selectRow(0)
    assert pane.dial.isEnabled()
    pane.set_state(False, "registration failed: 408")
    assert not pane.dial.isEnabled(), "the call would go nowhere"
    with qtbot.assertNotEmitted(pane.sig_dial_requested):
        pane.dial.click()
    pane.set_state(True, "registered")
    assert pane.dial.isEnabled()
