"""The Employment pane wired: a station registers a consenting seeker, sees the match with the
parts of its score, refers (the counsellor confirms), records the hire and sees the two
retention calls booked; a seeker without a jobs consent is shown as such and not matched; an
operator gets the empty state saying who may use the pane."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.employment import EmploymentPresenter
from core.consent import ConsentMethod, ConsentPurpose
from core.employment import EmployerStatus, Posting, Seeker, ShiftKind, Stage
from core.employment_views import EmployerDraft
from data.models import Community, Resident
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_details,
    fake_dialogs,
    services_at,
    sign_in,
)
from widgets.employment_dialogs import SeekerDialog

LAT, LON = 39.1, 117.2
VALID_CODE = "91120104MA05KJ8N34"  # as in the service's unit tests


def employment_of(app: ConsoleApp) -> EmploymentPresenter:
    p = app.presenter("employment")
    assert isinstance(p, EmploymentPresenter)
    return p


def residents_of_c01(seeded: SeededSite) -> list[Resident]:
    with seeded.db.session() as s:
        return list(
            s.scalars(
                select(Resident)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01", Resident.anonymised_at.is_(None))
                .order_by(Resident.id)
                .limit(2)
            )
        )


def an_open_posting(seeded: SeededSite) -> None:
    """A verified C01 employer with one open day-shift posting needing cooking."""
    svc = services_at(seeded.db, keys=seeded.keys)
    admin = svc.signin.principal("admin")
    employer = svc.employment.save_employer(
        admin,
        EmployerDraft(
            credit_code=VALID_CODE,
            name="津门社区食堂",
            status=EmployerStatus.VERIFIED,
            staff=200,
            disabled_staff=1,
            community="C01",
        ),
    )
    svc.employment.save_posting(
        admin,
        Posting(
            id=0,
            employer_id=employer.id,
            title="社区食堂帮厨",
            duties="备菜、清洁",
            hours_per_week=30,
            shift=ShiftKind.DAY,
            pay_fen_per_month=260_000,
            lat=LAT,
            lon=LON + 0.01,
            skills=frozenset({"cooking"}),
        ),
    )


def open_pane(qtbot: QtBot, app: ConsoleApp, seeded: SeededSite, user: str) -> EmploymentPresenter:
    app.start()
    sign_in(qtbot, app, seeded, user)
    p = employment_of(app)
    app.window.show_pane("employment")
    assert app.wait_idle()
    return p


def cell(p: EmploymentPresenter, tab_name: str, column: str, row: int = 0) -> str:
    tab = getattr(p, tab_name)
    model = tab.model
    return str(model.data(model.index(row, model.column_index(column))))


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def test_a_station_matches_refers_and_hires_and_two_calls_are_booked(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    an_open_posting(seeded)
    resident = residents_of_c01(seeded)[0]
    svc = services_at(seeded.db, keys=seeded.keys)
    svc.consent.record(
        svc.signin.principal("admin"),
        resident.id,
        ConsentPurpose.JOBS,
        ConsentMethod.WRITTEN,
        date.today(),
    )
    app = make_console(language="en")
    p = open_pane(qtbot, app, seeded, "ws01")
    qtbot.waitUntil(lambda: len(p.postings_tab.model) == 1)

    # Register the seeker in the pane.
    click(qtbot, p.seekers_tab.register_button)
    dialog = p.dialog
    assert isinstance(dialog, SeekerDialog)
    dialog.resident.setValue(resident.id)
    dialog.lat.setValue(LAT)
    dialog.lon.setValue(LON)
    dialog.skills.setText("cooking")
    dialog.min_hours.setValue(20)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: len(p.seekers_tab.model) == 1)
    assert cell(p, "seekers_tab", "consent") == "yes"
    assert cell(p, "seekers_tab", "skills") == "cooking"

    # Its match, with the score's parts.
    p.seekers_tab.table.selectRow(0)
    click(qtbot, p.seekers_tab.matches_button)
    qtbot.waitUntil(lambda: len(p.matches_tab.model) == 1)
    assert p.pane.tabs.currentWidget() is p.matches_tab
    assert cell(p, "matches_tab", "title") == "社区食堂帮厨"
    parts = cell(p, "matches_tab", "parts")
    assert re.fullmatch(r"skills \d+\.\d \+ commute \d+\.\d \+ schedule \d+\.\d", parts), parts
    total = sum(float(x) for x in re.findall(r"\d+\.\d", parts))
    assert abs(total - float(cell(p, "matches_tab", "total"))) < 0.15
    assert cell(p, "matches_tab", "km").endswith(" km")

    # Refer: the counsellor is asked first (the fake dialogs answer yes).
    p.matches_tab.table.selectRow(0)
    click(qtbot, p.matches_tab.refer_button)
    assert any("Refer" in q.title for q in fake_dialogs(app).questions)
    qtbot.waitUntil(lambda: len(p.referrals_tab.model) == 1)
    assert p.referrals_tab.model.row_at(0).stage is Stage.REFERRED
    assert len(audit_details(seeded.db, "job_referred")) == 1

    # Interview, then hired: two follow-up calls are booked and listed.
    p.referrals_tab.table.selectRow(0)
    assert not p.referrals_tab.confirmed_button.isEnabled()
    click(qtbot, p.referrals_tab.interview_button)
    qtbot.waitUntil(lambda: p.referrals_tab.model.row_at(0).stage is Stage.INTERVIEW)
    p.referrals_tab.table.selectRow(0)
    click(qtbot, p.referrals_tab.hired_button)
    qtbot.waitUntil(lambda: p.referrals_tab.model.row_at(0).stage is Stage.HIRED)
    qtbot.waitUntil(lambda: len(p.retention_tab.model) == 2)
    dues = [r.due_on for r in p.retention_tab.model.rows()]
    assert dues == sorted(dues)
    assert dues[0] > date.today()
    p.referrals_tab.table.selectRow(0)
    assert p.referrals_tab.confirmed_button.isEnabled()
    assert not p.referrals_tab.hired_button.isEnabled()


def test_a_seeker_without_a_jobs_consent_is_shown_so_and_not_matched(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    an_open_posting(seeded)
    resident = residents_of_c01(seeded)[1]
    svc = services_at(seeded.db, keys=seeded.keys)
    svc.employment.save_seeker(
        svc.signin.principal("admin"),
        Seeker(resident.id, LAT, LON, skills=frozenset({"cooking"}), min_hours=20),
    )
    app = make_console(language="en")
    p = open_pane(qtbot, app, seeded, "ws01")
    qtbot.waitUntil(lambda: len(p.seekers_tab.model) == 1)
    assert cell(p, "seekers_tab", "consent") == "no"
    p.seekers_tab.table.selectRow(0)
    click(qtbot, p.seekers_tab.matches_button)
    qtbot.waitUntil(lambda: "no consent to job matching" in p.matches_tab.heading.text())
    assert len(p.matches_tab.model) == 0
    assert p.matches_tab.showing_empty()
    assert not p.matches_tab.refer_button.isEnabled()


def test_an_operator_sees_who_may_use_the_pane(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(language="en")
    p = open_pane(qtbot, app, seeded, "operator")
    for tab in p.tabs:
        assert tab.showing_empty()
        assert tab.empty.title() == "Not available to this role"
        assert not any(b.isEnabled() for b in tab.buttons)
    assert "supervisors and administrators" in p.seekers_tab.empty.text()
    assert "supervisors and administrators" in p.figures_label.text()
