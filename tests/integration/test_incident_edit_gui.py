"""Editing an incident from its window: F2, the form, conflicts with another desk, legal holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.incident_edit import IncidentChanges
from core.model import Priority
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    fake_dialogs,
    incidents_of,
    services_at,
    sign_in,
)
from widgets.incident_detail import IncidentDetailDialog
from widgets.incident_dialog import NewIncident
from widgets.incident_edit import HoldReasonDialog, IncidentEditDialog


def _console(qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, user: str) -> ConsoleApp:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, user)
    return app


def _open_new(qtbot: QtBot, app: ConsoleApp, title: str = "Lift stuck") -> IncidentDetailDialog:
    p = incidents_of(app)
    p.create_incident(NewIncident(title, Priority.P3, "C01", "Block 1", ""))
    qtbot.waitUntil(lambda: p.queue.model.rowCount() == 1)
    p.open_incident(p.queue.model.row_at(0).id)
    qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.isVisible())
    dlg = p.detail_dialog
    assert dlg is not None
    return dlg


def _edit_form(qtbot: QtBot, app: ConsoleApp, window: IncidentDetailDialog) -> IncidentEditDialog:
    qtbot.waitUntil(window.edit_controls.edit.isEnabled)
    qtbot.keyClick(window.note, Qt.Key.Key_F2)  # from wherever the focus is in the window
    editing = incidents_of(app).editing
    qtbot.waitUntil(lambda: editing.edit_dialog is not None and editing.edit_dialog.isVisible())
    form = editing.edit_dialog
    assert form is not None
    return form


def _changes(window: IncidentDetailDialog) -> list[tuple[str, str]]:
    items = [window.timeline.topLevelItem(i) for i in range(window.timeline.topLevelItemCount())]
    return [(it.text(1), it.text(3)) for it in items if it is not None]


def test_f2_opens_the_form_and_the_timeline_shows_each_change(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = _console(qtbot, make_console, seeded, "operator")
    window = _open_new(qtbot, app)
    form = _edit_form(qtbot, app, window)
    assert form.focusWidget() is form.priority, "keyboard first: typing starts at the priority"
    form.priority.setCurrentIndex(form.priority.findData(Priority.P1))
    form.location.setText("Block 2, unit 3")
    qtbot.keyClick(form.location, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: ("Location changed", "Block 1 → Block 2, unit 3") in _changes(window))
    assert ("Priority changed", "P3 → P1") in _changes(window)
    qtbot.waitUntil(lambda: window.location.text() == "Block 2, unit 3")
    assert window.priority.text() == "P1 Critical"
    assert incidents_of(app).editing.edit_dialog is None, "the form closes once saved"


def test_lowering_a_p1_asks_for_a_reason_before_anything_is_sent(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = _console(qtbot, make_console, seeded, "operator")
    p = incidents_of(app)
    p.create_incident(NewIncident("Fire alarm", Priority.P1, "C01", "", ""))
    qtbot.waitUntil(lambda: p.queue.model.rowCount() == 1)
    p.open_incident(p.queue.model.row_at(0).id)
    qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.isVisible())
    assert p.detail_dialog is not None
    form = _edit_form(qtbot, app, p.detail_dialog)
    assert not form.reason.isEnabled()
    form.priority.setCurrentIndex(form.priority.findData(Priority.P4))
    assert form.reason.isEnabled()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert form.error.text() == "Say why the priority is lowered."
    assert form.isVisible()
    form.reason.setText("False alarm, checked on site")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    window = p.detail_dialog
    qtbot.waitUntil(
        lambda: ("Priority changed", "P1 → P4 · False alarm, checked on site") in _changes(window)
    )


def test_a_save_after_another_desk_shows_the_conflict_and_reapplies_on_request(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = _console(qtbot, make_console, seeded, "operator")
    window = _open_new(qtbot, app)
    form = _edit_form(qtbot, app, window)
    iid = window.incident_id
    assert iid is not None
    # Meanwhile the supervisor at WS02 moves it elsewhere.
    services_at(seeded.db, "WS02").incidents.edit(
        seeded.principal("supervisor"), iid, 1, IncidentChanges(location="Gate 2")
    )
    form.location.setText("Block 9")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    editing = incidents_of(app).editing
    qtbot.waitUntil(lambda: editing.conflict_dialog is not None)
    conflict = editing.conflict_dialog
    assert conflict is not None
    line = conflict.fields.topLevelItem(0)
    assert line is not None
    assert [line.text(i) for i in range(4)] == ["Location", "Block 1", "Gate 2", "Block 9"]
    change = conflict.theirs.topLevelItem(0)
    assert change is not None
    assert (change.text(1), change.text(2)) == ("王建国 (WS02)", "Location changed")
    assert "王建国" in conflict.summary.text()
    assert form.isVisible()
    assert form.location.text() == "Block 9", "nothing typed is lost"
    qtbot.mouseClick(conflict.reapply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.location.text() == "Block 9")
    assert ("Location changed", "Gate 2 → Block 9") in _changes(window)


def test_reload_drops_mine_and_shows_theirs(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = _console(qtbot, make_console, seeded, "operator")
    window = _open_new(qtbot, app)
    form = _edit_form(qtbot, app, window)
    iid = window.incident_id
    assert iid is not None
    services_at(seeded.db, "WS02").incidents.edit(
        seeded.principal("supervisor"), iid, 1, IncidentChanges(priority=Priority.P2)
    )
    form.priority.setCurrentIndex(form.priority.findData(Priority.P1))
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    editing = incidents_of(app).editing
    qtbot.waitUntil(lambda: editing.conflict_dialog is not None)
    assert editing.conflict_dialog is not None
    qtbot.keyClick(editing.conflict_dialog, Qt.Key.Key_Return)  # the safe default: reload
    qtbot.waitUntil(lambda: window.priority.text() == "P2 High")
    assert editing.edit_dialog is None
    assert ("Priority changed", "P3 → P1") not in _changes(window)


def test_a_step_from_a_stale_window_shows_who_changed_it(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = _console(qtbot, make_console, seeded, "operator")
    window = _open_new(qtbot, app)
    iid = window.incident_id
    assert iid is not None
    services_at(seeded.db, "WS02").incidents.edit(
        seeded.principal("supervisor"), iid, 1, IncidentChanges(title="Lift stuck, 2 inside")
    )
    window.note.setText("Called the lift company")
    window.buttons[next(iter(window.buttons))].click()  # acknowledge, against version 1
    editing = incidents_of(app).editing
    qtbot.waitUntil(lambda: editing.conflict_dialog is not None)
    assert editing.conflict_dialog is not None
    assert not editing.conflict_dialog.reapply.isVisible()
    assert window.error.text() == "Not saved: another workstation changed it first."
    assert window.note.text() == "Called the lift company", "the note stays to press again"


def test_legal_hold_only_for_reviewers_with_a_reason_and_a_confirmed_release(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = _console(qtbot, make_console, seeded, "operator")
    window = _open_new(qtbot, app)
    assert not window.edit_controls.hold.isVisibleTo(window), "operators cannot hold"
    iid = window.incident_id
    assert iid is not None
    app.session.sign_out()
    sign_in(qtbot, app, seeded, "supervisor")
    p = incidents_of(app)
    p.open_incident(iid)
    qtbot.waitUntil(lambda: window.isVisible() and window.edit_controls.hold.isVisibleTo(window))
    qtbot.keyClick(
        window.note,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: p.editing.hold_dialog is not None)
    hold = p.editing.hold_dialog
    assert isinstance(hold, HoldReasonDialog)
    hold.reason.setText("ab")
    qtbot.mouseClick(hold.ok, Qt.MouseButton.LeftButton)
    assert hold.isVisible()
    assert hold.error.text()
    hold.reason.setText("Court order 2026-17")
    qtbot.mouseClick(hold.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("Legal hold set", "Court order 2026-17") in _changes(window))
    assert "legal hold" in window.state.text()
    assert window.edit_controls.hold.text() == "Lift legal hold…"

    dialogs = fake_dialogs(app)
    dialogs.answer = False
    asked = len(dialogs.questions)
    window.edit_controls.hold.click()
    lift = p.editing.hold_dialog
    assert lift is not None
    lift.reason.setText("Case closed")
    qtbot.mouseClick(lift.ok, Qt.MouseButton.LeftButton)
    assert len(dialogs.questions) == asked + 1, "lifting is confirmed"
    assert app.wait_idle()
    assert ("Legal hold lifted", "Case closed") not in _changes(window)
    dialogs.answer = True
    window.edit_controls.hold.click()
    lift = p.editing.hold_dialog
    assert lift is not None
    lift.reason.setText("Case closed")
    qtbot.mouseClick(lift.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("Legal hold lifted", "Case closed") in _changes(window))


def test_closing_the_window_with_a_typed_note_asks_first(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = _console(qtbot, make_console, seeded, "operator")
    window = _open_new(qtbot, app)
    dialogs = fake_dialogs(app)
    window.note.setText("Neighbour has a key")
    dialogs.answer = False
    qtbot.keyClick(window.note, Qt.Key.Key_Escape)
    assert dialogs.questions, "closing asked"
    assert window.isVisible()
    assert window.note.text() == "Neighbour has a key"
    dialogs.answer = True
    window.close_button.click()
    assert not window.isVisible()
