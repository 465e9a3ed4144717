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
from data.models import Community, Resident
from tests.helpers.consoles import MakeConsole, SeededSite, audit_details, services_at, sign_in


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
    assert enter(qtbot, app, panel.qr.code_text, vid).startswith(
        f"Volunteer No. {vid} checked out: "
    )
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
