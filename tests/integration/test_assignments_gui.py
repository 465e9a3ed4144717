"""Dispatch from the incident window, the department desk, and answers seen live."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.assignments import AssignmentsPresenter
from core.assignments import AssignmentState, Pick
from core.incidents import IncidentState
from core.model import Priority
from data.models import Assignment, Department
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    fake_dialogs,
    incidents_of,
    services_at,
    sign_in,
)
from tests.unit.data.services.test_attachments import png
from widgets import labels

A = AssignmentState


def presenter(app: ConsoleApp) -> AssignmentsPresenter:
    p = app.presenter("assignments")
    assert isinstance(p, AssignmentsPresenter)
    return p


def dept(seeded: SeededSite, code: str) -> int:
    with seeded.db.session() as s:
        found = s.scalar(select(Department.id).where(Department.code == code))
        assert found is not None
        return found


def dispatched_elsewhere(seeded: SeededSite, code: str = "D01") -> tuple[int, int]:
    """An incident acknowledged and dispatched from another workstation: (incident, assignment)."""
    ws02 = services_at(seeded.db, "WS02")
    op = seeded.principal("operator")
    iid = ws02.incidents.create(op, title="楼道堆放杂物", priority=Priority.P3, community="C01")
    ws02.incidents.transition(op, iid, IncidentState.ACKNOWLEDGED)
    [aid] = ws02.assignments.dispatch(op, iid, [Pick(dept(seeded, code))])
    return iid, aid


def test_the_picker_filters_and_enter_dispatches(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    op = seeded.principal("operator")
    iid = app.services.incidents.create(
        op, title="独居老人求助", priority=Priority.P2, community="C03"
    )
    app.services.incidents.transition(op, iid, IncidentState.ACKNOWLEDGED)
    incidents = incidents_of(app)
    incidents.open_incident(iid)
    qtbot.waitUntil(
        lambda: incidents.detail_dialog is not None and incidents.detail_dialog.isVisible()
    )
    dlg = incidents.detail_dialog
    assert dlg is not None
    dlg.note.setText("请上门查看")
    qtbot.mouseClick(dlg.buttons[IncidentState.DISPATCHED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool((p := presenter(app).picker) and p.isVisible()))
    picker = presenter(app).picker
    assert picker is not None
    assert picker.note.text() == "请上门查看", "the window's note goes with the dispatch"
    assert picker.filter.hasFocus()
    qtbot.keyClicks(picker.filter, "5101")  # a part of the volunteer's phone number
    current = picker.tree.currentItem()
    assert current is not None
    assert current.text(0) == "志愿者 王秀英"
    assert current.text(2) == "138-2205-5101"
    visible = [i for i in picker._items() if not i.isHidden()]
    assert [i.text(0) for i in visible] == ["咸阳北路街道志愿者服务队", "志愿者 王秀英"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.assignments.model.rowCount() == 1)
    qtbot.waitUntil(lambda: dlg.state.text() == labels.incident_state(IncidentState.DISPATCHED))
    row = dlg.assignments.model.row_at(0)
    assert (row.unit, row.state) == ("志愿者 王秀英", A.NOTIFIED)
    assert not picker.isVisible()
    assert dlg.note.text() == "", "used up: it must not go into the next step as well"
    # The phone is one click away.
    phone = dlg.assignments.model.column_index("phone")
    dlg.assignments.table.setCurrentIndex(dlg.assignments.model.index(0, phone))
    dlg.assignments.table.copy_phone()
    assert QGuiApplication.clipboard().text() == "138-2205-5101"


def test_a_department_user_accepts_on_the_desk(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _iid, aid = dispatched_elsewhere(seeded)
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "police")
    desk = presenter(app).desk
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1)
    assert desk.buttons[A.ACCEPTED].isVisible()
    assert not desk.buttons[A.CANCELLED].isVisible()
    desk.table.selectRow(0)
    qtbot.waitUntil(desk.buttons[A.ACCEPTED].isEnabled)
    # Done needs a note: refused in the desk before anything is sent.
    assert not desk.buttons[A.DONE].isEnabled()
    qtbot.mouseClick(desk.buttons[A.ACCEPTED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.model.row_at(0).state is A.ACCEPTED)
    with seeded.db.session() as s:
        assert s.get_one(Assignment, aid).state == A.ACCEPTED.value
    desk.table.selectRow(0)
    qtbot.waitUntil(desk.buttons[A.DONE].isEnabled)
    qtbot.mouseClick(desk.buttons[A.DONE], Qt.MouseButton.LeftButton)
    assert desk.error.text() != ""  # no note written: nothing sent
    assert desk.model.row_at(0).state is A.ACCEPTED


def test_the_control_room_sees_the_answer_live(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    iid, aid = dispatched_elsewhere(seeded)
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    incidents = incidents_of(app)
    incidents.open_incident(iid)
    qtbot.waitUntil(
        lambda: incidents.detail_dialog is not None and incidents.detail_dialog.isVisible()
    )
    dlg = incidents.detail_dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.assignments.model.rowCount() == 1)
    assert dlg.assignments.model.row_at(0).state is A.NOTIFIED
    desk = presenter(app).desk
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1)  # the control room's "Assignments"
    # The police station answers on its own PC.
    station = services_at(seeded.db, "WS05")
    station.assignments.respond(seeded.principal("police"), aid, A.DECLINED, "警力不足")
    qtbot.waitUntil(lambda: dlg.assignments.model.row_at(0).state is A.DECLINED)
    assert dlg.assignments.model.row_at(0).decline_reason == "警力不足"
    qtbot.waitUntil(lambda: desk.model.rowCount() == 0)  # no longer open
    # The timeline names the step in the UI's language.
    qtbot.waitUntil(lambda: dlg.timeline.topLevelItemCount() >= 5)
    last = dlg.timeline.topLevelItem(dlg.timeline.topLevelItemCount() - 1)
    assert last is not None
    assert "警力不足" in last.text(3)
    # The control room notifies it again from the window.
    dlg.assignments.table.selectRow(0)
    qtbot.waitUntil(dlg.assignments.renotify.isEnabled)
    qtbot.mouseClick(dlg.assignments.renotify, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.assignments.model.row_at(0).state is A.NOTIFIED)


def test_a_department_attaches_a_photo_of_its_work_from_the_desk(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    iid, aid = dispatched_elsewhere(seeded)
    services_at(seeded.db, "WS05").assignments.respond(seeded.principal("police"), aid, A.ACCEPTED)
    photo = tmp_path / "现场.png"
    photo.write_bytes(png())
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "police")
    p = presenter(app)
    asked: list[QWidget] = []

    def choose(parent: QWidget, done: Callable[[Path], None]) -> None:  # the file dialog
        asked.append(parent)
        done(photo)

    p.ask_photo = choose
    desk = p.desk
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1)
    desk.table.selectRow(0)
    qtbot.waitUntil(desk.photo.isEnabled)
    desk.table.setFocus()
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(desk.table, Qt.Key.Key_P, ctrl_alt)
    qtbot.waitUntil(lambda: "现场.png" in desk.error.text())
    assert asked == [desk]
    files = services_at(seeded.db, "CC").attachments.list(seeded.principal("operator"), iid)
    police = seeded.principal("police").display_name
    assert [(f.name, f.added_by) for f in files] == [("现场.png", police)]


def test_resolving_asks_first_when_someone_is_still_on_the_way(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    iid, aid = dispatched_elsewhere(seeded)  # a P3: no question without the assignment
    incidents = incidents_of(app)
    incidents.open_incident(iid)
    qtbot.waitUntil(
        lambda: (
            incidents.detail_dialog is not None
            and incidents.detail_dialog.incident_id == iid
            and incidents.detail_dialog.assignments.model.rowCount() == 1
        )
    )
    dlg = incidents.detail_dialog
    assert dlg is not None
    dlg.note.setText("已清理")
    dlg.disposition.setCurrentIndex(max(1, dlg.disposition.currentIndex()))
    qtbot.mouseClick(dlg.buttons[IncidentState.RESOLVED], Qt.MouseButton.LeftButton)
    dialogs = fake_dialogs(app)
    qtbot.waitUntil(lambda: bool(dialogs.questions))
    text = dialogs.questions[-1].text
    assert "1 个已派单位尚未到场（红桥区公安分局咸阳北路派出所），将被撤销。" in text
    qtbot.waitUntil(lambda: dlg.state.text() == labels.incident_state(IncidentState.RESOLVED))
    qtbot.waitUntil(lambda: dlg.assignments.rows()[0].state is AssignmentState.CANCELLED)
    dlg.assignments.table.selectRow(0)
    assert not dlg.assignments.renotify.isEnabled(), "a resolved incident notifies nobody"
    with seeded.db.session() as s:
        assert s.get_one(Assignment, aid).state == AssignmentState.CANCELLED.value
