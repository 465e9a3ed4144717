"""The Employment pane wired: a station finds a resident and registers a consenting seeker
(home at the community's centre), sees the match with the parts of its score, refers (the
counsellor confirms), records the hire and sees the two retention calls booked; a seeker without
a jobs consent is shown as such and not matched; a refused form stays open with what was typed;
employers and postings are edited; a posting lists its seekers; training is recorded; an
operator gets the empty state saying who may use the pane."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.employment import EmploymentPresenter
from core.consent import ConsentMethod, ConsentPurpose
from core.employment import (
    EmployerStatus,
    Posting,
    PostingStatus,
    Seeker,
    ShiftKind,
    Stage,
    credit_check_char,
)
from core.employment_views import EmployerDraft
from core.site import SiteSpec
from core.timefmt import local
from data.models import Community, Resident
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_details,
    fake_dialogs,
    services_at,
    sign_in,
)
from widgets.employment_dialogs import (
    EmployerDialog,
    PostingDialog,
    SeekerDialog,
    TrainingDialog,
)

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
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
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
    app = make_console(language="en", site=demo_site, alarms=False, sip=False)
    p = open_pane(qtbot, app, seeded, "ws01")
    qtbot.waitUntil(lambda: len(p.postings_tab.model) == 1)

    # Register the seeker in the pane: find the resident by number; the home starts at the
    # community's centre (the site's GPS calibration), then is typed.
    click(qtbot, p.seekers_tab.register_button)
    dialog = p.dialog
    assert isinstance(dialog, SeekerDialog)
    assert not dialog.ok_button.isEnabled()  # no resident picked yet
    qtbot.keyClicks(dialog.search, str(resident.id))
    qtbot.waitUntil(lambda: dialog.resident_id() == resident.id)
    centre = p.home_of("C01")
    assert centre is not None
    assert 39.0 < centre[0] < 39.3
    assert 117.0 < centre[1] < 117.3
    assert (dialog.lat.value(), dialog.lon.value()) == pytest.approx(centre, abs=1e-6)
    assert dialog.ok_button.isEnabled()
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
    # Final (no refusal after it): asked first, as the referral was.
    assert fake_dialogs(app).questions[-1].title == "Hired"
    assert "cannot be undone" in fake_dialogs(app).questions[-1].text
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


def test_a_refused_form_stays_open_with_what_was_typed(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    an_open_posting(seeded)
    app = make_console(language="en")
    p = open_pane(qtbot, app, seeded, "admin")
    qtbot.waitUntil(lambda: len(p.employers_tab.model) == 1)
    click(qtbot, p.employers_tab.new_button)
    dialog = p.dialog
    assert isinstance(dialog, EmployerDialog)
    # A new employer starts not yet verified, and with no place: the form offered
    # "verified" (which takes referrals) and showed the street's own coordinates.
    assert dialog.status.currentData() == EmployerStatus.UNVERIFIED.value
    assert dialog.lat.text() == "not set"
    assert dialog.draft().lat is None
    dialog.credit_code.setText(VALID_CODE)  # taken by the employer already registered
    dialog.name.setText("另一家公司")
    dialog.address.setText("咸阳北路 1 号")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "registered already" in dialog.problem.text()
    assert p.dialog is dialog
    assert dialog.isVisible()
    assert dialog.name.text() == "另一家公司"
    assert dialog.address.text() == "咸阳北路 1 号"
    assert dialog.ok_button.isEnabled()
    # A mistyped check character: refused by the service's rules, named under the fields.
    other = "91120104MA05KJ8N5"
    wrong = next(c for c in "0123456789" if c != credit_check_char(other))
    dialog.credit_code.setText(other + wrong)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "check character is wrong" in dialog.problem.text())
    assert dialog.name.text() == "另一家公司"
    # Corrected, it goes through and the form closes.
    dialog.credit_code.setText(other + credit_check_char(other))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: p.dialog is None)
    qtbot.waitUntil(lambda: len(p.employers_tab.model) == 2)
    assert len(audit_details(seeded.db, "employer_saved")) == 2  # the refusal wrote nothing


def test_employers_and_postings_are_edited_and_a_posting_lists_its_seekers(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    an_open_posting(seeded)
    resident = residents_of_c01(seeded)[0]
    svc = services_at(seeded.db, keys=seeded.keys)
    admin = svc.signin.principal("admin")
    svc.consent.record(admin, resident.id, ConsentPurpose.JOBS, ConsentMethod.WRITTEN, date.today())
    svc.employment.save_seeker(
        admin, Seeker(resident.id, LAT, LON, skills=frozenset({"cooking"}), min_hours=20)
    )
    second = residents_of_c01(seeded)[1]  # a second consenting seeker, living further off
    svc.consent.record(admin, second.id, ConsentPurpose.JOBS, ConsentMethod.WRITTEN, date.today())
    svc.employment.save_seeker(admin, Seeker(second.id, LAT + 0.02, LON, min_hours=20))
    app = make_console(language="en")
    p = open_pane(qtbot, app, seeded, "admin")
    qtbot.waitUntil(lambda: len(p.postings_tab.model) == 1 and len(p.employers_tab.model) == 1)

    # The employer: edited in place, its values shown in the form.
    p.employers_tab.table.selectRow(0)
    click(qtbot, p.employers_tab.edit_button)
    employer = p.dialog
    assert isinstance(employer, EmployerDialog)
    assert employer.name.text() == "津门社区食堂"
    employer.contact_name.setText("王经理")
    click(qtbot, employer.ok_button)
    qtbot.waitUntil(lambda: p.employers_tab.model.row_at(0).contact_name == "王经理")
    assert p.employers_tab.model.row_at(0).credit_code == VALID_CODE

    # The posting: pay raised, still open, still its employer's.
    p.postings_tab.table.selectRow(0)
    click(qtbot, p.postings_tab.edit_button)
    posting = p.dialog
    assert isinstance(posting, PostingDialog)
    assert posting.title.text() == "社区食堂帮厨"
    assert not posting.employer.isEnabled()
    posting.pay.setValue(2800)
    click(qtbot, posting.ok_button)
    qtbot.waitUntil(lambda: p.postings_tab.model.row_at(0).pay_fen_per_month == 280_000)
    assert p.postings_tab.model.row_at(0).status is PostingStatus.OPEN

    # Seekers for this posting: both consenting seekers, the one with the skill and the
    # shorter way first; referring the second names the second.
    p.postings_tab.table.selectRow(0)
    click(qtbot, p.postings_tab.seekers_button)
    qtbot.waitUntil(lambda: len(p.matches_tab.model) == 2)
    assert p.pane.tabs.currentWidget() is p.matches_tab
    assert "社区食堂帮厨" in p.matches_tab.heading.text()
    by_resident = {r.id: r.resident_id for r in p.seekers_tab.model.rows()}
    ranked = [by_resident[m.seeker_id] for m in p.matches_tab.model.rows()]
    assert ranked == [resident.id, second.id]
    assert cell(p, "matches_tab", "seeker", 1) == p.matches_tab.model.row_at(1).seeker
    p.matches_tab.table.selectRow(1)
    click(qtbot, p.matches_tab.refer_button)
    question = fake_dialogs(app).questions[-1]
    assert p.matches_tab.model.row_at(1).seeker in question.text
    qtbot.waitUntil(lambda: len(p.referrals_tab.model) == 1)
    assert p.referrals_tab.model.row_at(0).seeker == p.matches_tab.model.row_at(1).seeker


def test_training_is_added_and_completed(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    resident = residents_of_c01(seeded)[0]
    svc = services_at(seeded.db, keys=seeded.keys)
    svc.employment.save_seeker(svc.signin.principal("admin"), Seeker(resident.id, LAT, LON))
    app = make_console(language="en")
    p = open_pane(qtbot, app, seeded, "ws01")
    qtbot.waitUntil(lambda: len(p.seekers_tab.model) == 1)
    p.seekers_tab.table.selectRow(0)
    click(qtbot, p.seekers_tab.training_button)
    dialog = p.dialog
    assert isinstance(dialog, TrainingDialog)
    assert not dialog.complete_button.isEnabled()
    # A refused course (no name) keeps the form and says why.
    dialog.provider.setText("区人社局")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.provider.text() == "区人社局"
    # A course under way, then completed today: its skill counts for matching.
    dialog.course.setText("中式面点")
    dialog.skill.setText("baking")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: len(dialog.row.training) == 1)
    assert p.dialog is dialog
    assert dialog.course.text() == ""
    dialog.courses.setCurrentRow(0)
    assert dialog.complete_button.isEnabled()
    click(qtbot, dialog.complete_button)
    # The site's day (Tianjin), which is the machine's next day after 16:00 UTC.
    site_today = local(svc.ctx.clock(), p.ctx.zone).date()
    qtbot.waitUntil(lambda: dialog.row.training[0].completed_on == site_today)
    assert dialog.row.training[0].skill == "baking"
    qtbot.waitUntil(lambda: p.seekers_tab.model.row_at(0).training == dialog.row.training)
