"""The Check-in and Hours tabs wired: a station shows a signed code, a volunteer checks in and
out with it, a replay is refused on screen and audited, the hours reach the approval queue."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.volunteer_hours import HoursPresenter
from core.audit import AuditAction
from core.idcard import make_id_number
from core.timefmt import utcnow
from core.volunteer_hours import AttendanceRow, AttendanceStatus
from core.volunteers import VolunteerDraft
from data.models import Community, Resident, VolunteerAttendance
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_details,
    fake_dialogs,
    services_at,
    sign_in,
)


def hours_of(app: ConsoleApp) -> HoursPresenter:
    p = app.presenter("hours")
    assert isinstance(p, HoursPresenter)
    return p


def add_volunteer(seeded: SeededSite, community: str = "C01") -> int:
    """A volunteer registered as the Volunteers pane registers one (identity encrypted)."""
    svc = services_at(seeded.db, keys=seeded.keys)
    draft = VolunteerDraft(
        community=community,
        name="张三",
        phone="13800000000",
        gender="M",
        birth_date=date(1990, 5, 17),
        id_number=make_id_number("120102", date(1990, 5, 17), 321),
    )
    return svc.volunteers.save_volunteer(svc.signin.principal("admin"), draft)


def enter(qtbot: QtBot, app: ConsoleApp, code: str, volunteer: int) -> str:
    panel = hours_of(app).checkin
    panel.code_edit.setText(code)
    panel.volunteer_edit.setText(str(volunteer))
    # A click rather than Enter: keys sent by the test go through the window's shortcuts,
    # where the Volunteers tab's table (which has the focus here) takes Return.
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert app.wait_idle()
    return panel.result_label.text()


def test_a_station_checks_a_volunteer_in_and_out_and_refuses_a_replay(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    vid = add_volunteer(seeded)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    hp = hours_of(app)
    panel = hp.checkin
    assert panel.qr.code_text == ""  # the tab is not in view: no code made for nobody
    app.window.show_pane("volunteers")
    hp.pane.show_tab(panel)
    qtbot.waitUntil(lambda: panel.qr.code_text != "")
    assert panel.place() == "C01"
    assert not panel.place_combo.isVisibleTo(panel)  # a station PC has one place
    # The caption names the station's community, not its code alone.
    assert panel.qr.place_label.text() == "Station C01 咸阳北里社区"
    code = panel.qr.code_text
    assert code.startswith("C1.station:C01.")
    assert enter(qtbot, app, code, vid).startswith(f"Volunteer No. {vid} checked in at ")
    assert panel.code_edit.text() == ""
    # The same code again for the same volunteer: a replay.
    panel.direction.setCurrentIndex(0)
    assert enter(qtbot, app, code, vid) == "Refused: this code was already used by this volunteer."
    assert enter(qtbot, app, code + "X", vid).startswith("Refused: this code was not made")
    details = audit_details(seeded.db, AuditAction.CHECKIN_REFUSED)
    assert ['"replayed"' in d for d in details] == [True, False]
    panel.direction.setCurrentIndex(1)
    # Out in the minute of the check-in: recorded as 0:00 only once the worker says so.
    assert enter(qtbot, app, panel.qr.code_text, vid) == (
        f"Volunteer No. {vid} checked out: 0:00 of service"
    )
    [asked] = fake_dialogs(app).questions
    assert asked.title == "No time of service"
    hp.hours.filter_combo.setCurrentIndex(0)  # waiting for approval
    # The demo's own hours wait too: this volunteer's row among them.

    def mine() -> list[AttendanceRow]:
        return [r for r in hp.hours.model.rows() if r.volunteer_id == vid]

    qtbot.waitUntil(lambda: len(mine()) == 1)
    [row] = mine()
    assert (row.volunteer_id, row.status, row.place) == (
        vid,
        AttendanceStatus.RECORDED,
        "station:C01",
    )
    # The screen asks for its next code before this one expires, and gets a fresh one.
    shown = panel.qr.code_text
    panel.qr.sig_rotate.emit()
    qtbot.waitUntil(lambda: panel.qr.code_text not in ("", shown))
    # A locked screen shows no code anyone could scan.
    hp.locked()
    assert panel.qr.code_text == ""


def test_a_visit_card_is_saved_as_pdf_with_a_door_code(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    with seeded.db.session() as s:
        resident = s.scalars(
            select(Resident.id)
            .join(Community, Community.id == Resident.community_id)
            .where(Community.code == "C01")
            .limit(1)
        ).one()
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    hp = hours_of(app)
    starts = utcnow()
    path = tmp_path / "card.pdf"
    hp.desk.save_visit_card(resident, starts, starts + timedelta(hours=2), path)
    assert app.wait_idle()
    qtbot.waitUntil(path.exists)
    assert path.read_bytes().startswith(b"%PDF")


def test_a_code_made_while_the_screen_locks_is_not_painted_behind_the_lock(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    hp = hours_of(app)
    panel = hp.checkin
    app.window.show_pane("volunteers")
    hp.pane.show_tab(panel)
    qtbot.waitUntil(lambda: panel.qr.code_text != "")
    panel.qr.clear()
    hp.desk.fetch_code()  # the code is being made off the GUI thread ...
    app.session.lock()  # ... when the screen locks
    assert app.wait_idle()
    qtbot.wait(50)  # the job's result, if any, is delivered through the event loop
    assert app.session.locked
    assert panel.qr.code_text == ""


def test_a_station_screen_refuses_a_visit_card_of_another_community(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    vid = add_volunteer(seeded)
    with seeded.db.session() as s:
        c02_resident = s.scalars(
            select(Resident.id)
            .join(Community, Community.id == Resident.community_id)
            .where(Community.code == "C02")
            .limit(1)
        ).one()
    svc = services_at(seeded.db, keys=seeded.keys)
    now = utcnow()
    card = svc.hours.door_code(
        svc.signin.principal("admin"), c02_resident, now, now + timedelta(hours=2)
    )
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "admin")
    hp = hours_of(app)
    hp.desk.at_station = True  # as a station's screen drives its desk
    app.window.show_pane("volunteers")
    hp.pane.show_tab(hp.checkin)
    qtbot.waitUntil(lambda: hp.checkin.place() != "")
    hp.checkin.place_combo.setCurrentIndex(hp.checkin.place_combo.findData("C01"))
    assert hp.desk.screen_place() == "station:C01"
    assert enter(qtbot, app, card, vid) == "Refused: this code is for another place."
    details = audit_details(seeded.db, AuditAction.CHECKIN_REFUSED)
    assert any('"place"' in d for d in details)


def station_checkin(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> tuple[ConsoleApp, HoursPresenter]:
    """ws01's Check-in tab in view, driven as a station's screen drives it, a code shown."""
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    hp = hours_of(app)
    hp.desk.at_station = True  # as a station's screen drives its desk
    app.window.show_pane("volunteers")
    hp.pane.show_tab(hp.checkin)
    qtbot.waitUntil(lambda: hp.checkin.qr.code_text != "")
    return app, hp


def test_a_station_screen_refuses_a_volunteer_of_another_community(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    stranger = add_volunteer(seeded, "C02")
    app, hp = station_checkin(qtbot, make_console, seeded)
    assert hp.checkin.place() == "C01"
    assert enter(qtbot, app, hp.checkin.qr.code_text, stranger) == (
        "Refused: this volunteer belongs to another community. A station checks in its own "
        "community's volunteers only."
    )
    details = audit_details(seeded.db, AuditAction.CHECKIN_REFUSED)
    assert any('"community"' in d for d in details)


def test_enter_in_the_service_content_records_a_check_out(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    vid = add_volunteer(seeded)
    app, hp = station_checkin(qtbot, make_console, seeded)
    panel = hp.checkin
    assert enter(qtbot, app, panel.qr.code_text, vid).startswith(f"Volunteer No. {vid} checked in")
    panel.direction.setCurrentIndex(1)
    panel.code_edit.setText(panel.qr.code_text)
    panel.volunteer_edit.setText(str(vid))
    panel.travel_spin.setValue(0)
    panel.content_edit.setText("陪同就医")
    panel.content_edit.setFocus()
    qtbot.keyClick(panel.content_edit, Qt.Key.Key_Return)
    assert app.wait_idle()
    qtbot.waitUntil(lambda: panel.result_label.text() != "")
    assert panel.result_label.text() == f"Volunteer No. {vid} checked out: 0:00 of service"
    svc = services_at(seeded.db, keys=seeded.keys)
    mine = [r for r in svc.hours.attendance(svc.signin.principal("admin")) if r.volunteer_id == vid]
    assert [(r.status, r.content) for r in mine] == [(AttendanceStatus.RECORDED, "陪同就医")]


def test_a_check_out_with_no_time_of_service_is_not_recorded_when_the_worker_says_no(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    vid = add_volunteer(seeded)
    app, hp = station_checkin(qtbot, make_console, seeded)
    panel = hp.checkin
    dialogs = fake_dialogs(app)
    assert enter(qtbot, app, panel.qr.code_text, vid).startswith(f"Volunteer No. {vid} checked in")
    dialogs.answer = False
    panel.direction.setCurrentIndex(1)
    assert enter(qtbot, app, panel.qr.code_text, vid) == (
        "Not recorded: no time of service (0:00) since the check-in. Check the direction and "
        "the travel time."
    )
    [asked] = dialogs.questions
    assert asked.text == (
        f"Volunteer No. {vid} would be checked out with no time of service (0:00). "
        "Record this check-out anyway?"
    )
    assert not asked.default_yes
    svc = services_at(seeded.db, keys=seeded.keys)
    mine = [r for r in svc.hours.attendance(svc.signin.principal("admin")) if r.volunteer_id == vid]
    assert [r.status for r in mine] == [AttendanceStatus.OPEN]  # still checked in


def test_changing_direction_clears_the_last_refusal(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    vid = add_volunteer(seeded)
    app, hp = station_checkin(qtbot, make_console, seeded)
    panel = hp.checkin
    assert enter(qtbot, app, "not a code", vid).startswith("Refused:")
    panel.direction.setCurrentIndex(1)
    assert panel.result_label.text() == ""  # the refusal was about the check-in
    assert enter(qtbot, app, "not a code either", vid).startswith("Refused:")
    panel.direction.setCurrentIndex(0)
    assert panel.result_label.text() == ""


def test_changing_direction_keeps_the_fields_in_place(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _app, hp = station_checkin(qtbot, make_console, seeded)
    panel = hp.checkin
    below = [panel.travel_spin, panel.content_edit, panel.submit_button]
    at_check_in = [w.mapTo(panel, w.rect().topLeft()) for w in below]
    panel.direction.setCurrentIndex(1)
    qtbot.wait(10)  # the layout settles
    assert [w.mapTo(panel, w.rect().topLeft()) for w in below] == at_check_in
    assert not panel.work_combo.isEnabled()  # chosen at check-in only


def test_approving_hours_says_which_record_was_approved(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    # The approved row leaves the list and the next is selected: a second Alt+A approved a
    # record nobody had looked at, and nothing said what the first had done.
    volunteer = add_volunteer(seeded)
    now = utcnow()
    with seeded.db.write_session() as s:
        c01 = s.scalars(select(Community.id).where(Community.code == "C01")).one()
        row = VolunteerAttendance(
            volunteer_id=volunteer,
            community_id=c01,
            place="station:C01",
            content="站内值守",
            checkin_at=now - timedelta(hours=2),
            checkout_at=now - timedelta(hours=1),
            travel_minutes=0,
            minutes=60,
            status=AttendanceStatus.RECORDED.value,
            checked_in_by="ws01",
        )
        s.add(row)
        s.flush()
        attendance = row.id
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    hours_of(app)._on_hours_approve(attendance)
    qtbot.waitUntil(
        lambda: app.window.st_message.text() == f"Hours of record {attendance} approved"
    )
    with seeded.db.session() as s:
        assert s.get_one(VolunteerAttendance, attendance).status == "approved"
