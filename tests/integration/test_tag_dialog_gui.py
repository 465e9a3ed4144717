"""The tag dialog (issue 7, 3b): issue, replace and return tags from the map pane, with the
real tracking service on the seeded database; refusals are told in the dialog."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.tracking import TrackingPresenter
from core.consent import ConsentMethod, ConsentMissing, ConsentPurpose
from core.site import SiteSpec
from data.models import Resident, Tag
from tests.helpers.consoles import MakeConsole, SeededSite, sign_in
from tests.helpers.fakes import FakeDialogs


def tracking_of(app: ConsoleApp) -> TrackingPresenter:
    p = app.presenter("tracking")
    assert isinstance(p, TrackingPresenter)
    return p


def fake_dialogs(app: ConsoleApp) -> FakeDialogs:
    dialogs = tracking_of(app).ctx.dialogs
    assert isinstance(dialogs, FakeDialogs)
    return dialogs


def adult_residents(seeded: SeededSite) -> list[int]:
    """Residents who may consent themselves (no dementia, not minors)."""
    with seeded.db.session() as s:
        return list(
            s.scalars(
                select(Resident.id)
                .where(Resident.dementia.is_(False), Resident.birth_year < 1990)
                .order_by(Resident.id)
                .limit(40)
            )
        )


def without_tracking_consent(seeded: SeededSite, ids: list[int]) -> list[int]:
    free = []
    for rid in ids:
        try:
            seeded.services.consent.require(rid, ConsentPurpose.TRACKING)
        except ConsentMissing:
            free.append(rid)
    return free


def tag_state(seeded: SeededSite, code: str) -> str | None:
    with seeded.db.session() as s:
        return s.scalar(select(Tag.state).where(Tag.code == code))


def placed_vehicle(seeded: SeededSite, site: SiteSpec, code: str) -> int:
    """A vehicle tag registered through the service and read once, so it is on the map."""
    from core.tracking import TagRead
    from core.tracking_plan import ReaderPipeline, TrackingPlan

    admin = seeded.principal("admin")
    tracking = seeded.services.tracking
    owner = adult_residents(seeded)[0]
    tag_id = tracking.register(admin, code=code, kind="vehicle", resident_id=owner, plate="津C7")
    plan = TrackingPlan.of(site)
    reader = next(r for r in site.readers if r.community == "C01")
    reads = [TagRead(reader.code, code, datetime.now(UTC) - timedelta(seconds=10))]
    tracking.ingest(reads, ReaderPipeline(plan)(reads), plan)
    return tag_id


@pytest.fixture
def app(make_console: MakeConsole) -> ConsoleApp:
    console = make_console(language="en")
    console.start()
    return console


def test_issue_a_tag_to_a_resident_with_a_tracking_consent(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot, tmp_path: Path
) -> None:
    rid = without_tracking_consent(seeded, adult_residents(seeded))[0]
    admin = seeded.principal("admin")
    seeded.services.consent.record(
        admin, rid, ConsentPurpose.TRACKING, ConsentMethod.WRITTEN, date.today()
    )
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    assert p.pane.issue_button.isEnabled()
    # Ctrl+Alt+T with no tag selected: a new tag.
    spec, action = app.window.actions_by_name["tag_dialog"]
    assert spec.shortcut == "Ctrl+Alt+T"
    assert action.isEnabled()
    action.trigger()
    dlg = p.issue_dialog
    assert dlg is not None
    assert dlg.isVisible()
    assert not dlg.issue_button.isEnabled()
    dlg.code.setText("0139000001")
    dlg.resident.setText(str(rid))
    assert dlg.issue_button.isEnabled()
    dlg.issue_button.click()
    qtbot.waitUntil(lambda: not dlg.status.isHidden())
    assert dlg.error.isHidden()
    assert "0139000001" in dlg.status.text()
    assert tag_state(seeded, "0139000001") == "issued"
    dlg.grab().save(str(tmp_path / "issue-tag.png"))


def test_a_resident_search_by_name_fills_the_id(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    with seeded.db.session() as s:
        rid, name = s.execute(select(Resident.id, Resident.name).order_by(Resident.id)).first()  # type: ignore[misc]
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    p.pane.issue_button.click()
    dlg = p.issue_dialog
    assert dlg is not None
    dlg.search.setText(name)  # (QTest cannot type Chinese)
    QTest.keyClick(dlg.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.results.count() > 0)
    assert dlg.isVisible()  # Enter searched, it did not close the dialog
    ids = [dlg.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.results.count())]
    assert rid in ids
    assert dlg.resident_id() == ids[0]
    assert name not in dlg.results.item(0).text()  # the list is masked like the residents' pane


def test_a_persons_tag_shows_and_saves_the_care_profile(
    app: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec, qtbot: QtBot, tmp_path: Path
) -> None:
    from core.tracking import TagRead
    from core.tracking_plan import ReaderPipeline, TrackingPlan

    rid = without_tracking_consent(seeded, adult_residents(seeded))[0]
    admin = seeded.principal("admin")
    seeded.services.consent.record(
        admin, rid, ConsentPurpose.TRACKING, ConsentMethod.WRITTEN, date.today()
    )
    tracking = seeded.services.tracking
    tag_id = tracking.register(admin, code="0139000050", kind="person", resident_id=rid)
    plan = TrackingPlan.of(demo_site)
    reader = next(r for r in demo_site.readers if r.community == "C01")
    reads = [TagRead(reader.code, "0139000050", datetime.now(UTC) - timedelta(seconds=10))]
    tracking.ingest(reads, ReaderPipeline(plan)(reads), plan)
    zone = demo_site.zones[0].code

    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: p.pane.row(tag_id) is not None)
    p.pane.select(tag_id)
    p.pane.tag_button.click()
    dlg = p.tag_dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.state() == "issued")
    assert not dlg.profile_box.isHidden()
    assert "Person" in dlg.what.text()
    dlg.safe_zones.setText(zone)
    dlg.dwell.setValue(120)
    dlg.no_read.setValue(6)
    dlg.grab().save(str(tmp_path / "person-tag.png"))
    dlg.profile_button.click()
    qtbot.waitUntil(lambda: not dlg.status.isHidden())
    assert dlg.error.isHidden()
    profile = tracking.tag(admin, tag_id).profile
    assert (profile.safe_zones, profile.dwell_seconds, profile.no_read_hours) == ((zone,), 120, 6)


def test_issue_without_consent_is_refused_and_the_dialog_says_why(
    app: ConsoleApp, seeded: SeededSite, qtbot: QtBot
) -> None:
    rid = without_tracking_consent(seeded, adult_residents(seeded))[0]
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    p.open_issue()
    dlg = p.issue_dialog
    assert dlg is not None
    dlg.code.setText("0139000002")
    dlg.resident.setText(str(rid))
    dlg.issue_button.click()
    qtbot.waitUntil(lambda: not dlg.error.isHidden())
    assert "consent" in dlg.error.text()
    assert tag_state(seeded, "0139000002") is None
    assert dlg.issue_button.isEnabled()  # fix it and try again


def test_a_duplicate_code_is_told_in_plain_words(
    app: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec, qtbot: QtBot
) -> None:
    placed_vehicle(seeded, demo_site, "0139000010")
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    p.open_issue()
    dlg = p.issue_dialog
    assert dlg is not None
    dlg.set_kind("vehicle")
    dlg.code.setText("0139000010")
    dlg.resident.setText(str(adult_residents(seeded)[0]))
    dlg.plate.setText("津D1")
    dlg.issue_button.click()
    qtbot.waitUntil(lambda: not dlg.error.isHidden())
    assert "already registered" in dlg.error.text()


def test_replace_marks_the_old_tag_replaced_and_issues_the_new(
    app: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec, qtbot: QtBot, tmp_path: Path
) -> None:
    car = placed_vehicle(seeded, demo_site, "0139000020")
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: p.pane.row(car) is not None)
    p.pane.select(car)
    assert p.pane.tag_button.isEnabled()
    p.pane.tag_button.click()
    dlg = p.tag_dialog
    assert dlg is not None
    assert dlg.isVisible()
    qtbot.waitUntil(lambda: dlg.state() == "issued")
    assert "0139000020" in dlg.what.text()
    assert "Vehicle" in dlg.what.text()
    assert dlg.profile_box.isHidden()  # a vehicle has no care profile here
    dlg.grab().save(str(tmp_path / "tag-dialog.png"))
    assert not dlg.replace_button.isEnabled()
    QTest.keyClicks(dlg.new_code, "0139000021")
    dlg.replace_button.click()
    qtbot.waitUntil(lambda: not dlg.status.isHidden())
    assert dlg.error.isHidden()
    assert tag_state(seeded, "0139000020") == "replaced"
    assert tag_state(seeded, "0139000021") == "issued"
    qtbot.waitUntil(lambda: dlg.tag_code == "0139000021" and dlg.state() == "issued")


def test_return_asks_first_no_being_the_default(
    app: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec, qtbot: QtBot
) -> None:
    car = placed_vehicle(seeded, demo_site, "0139000030")
    p = tracking_of(app)
    sign_in(qtbot, app, seeded)
    qtbot.waitUntil(lambda: p.pane.row(car) is not None)
    p.pane.select(car)
    app.window.activateWindow()
    QTest.keyClick(
        app.window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    qtbot.waitUntil(lambda: p.tag_dialog is not None and p.tag_dialog.isVisible())
    dlg = p.tag_dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.state() == "issued")
    dialogs = fake_dialogs(app)
    dialogs.answer = False
    dlg.return_button.click()
    question = dialogs.questions[-1]
    assert not question.default_yes
    assert "0139000030" in question.text
    assert app.wait_idle()
    assert tag_state(seeded, "0139000030") == "issued"  # No: nothing done

    dialogs.answer = True
    dlg.return_button.click()
    qtbot.waitUntil(lambda: dlg.state() == "returned")
    assert tag_state(seeded, "0139000030") == "returned"
    assert not dlg.return_button.isEnabled()
    assert not dlg.replace_button.isEnabled()


def test_an_operator_without_manage_tags_cannot_open_it(
    app: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec, qtbot: QtBot
) -> None:
    car = placed_vehicle(seeded, demo_site, "0139000040")
    p = tracking_of(app)
    sign_in(qtbot, app, seeded, "operator")
    _spec, action = app.window.actions_by_name["tag_dialog"]
    assert not action.isEnabled()
    assert not p.pane.issue_button.isEnabled()
    qtbot.waitUntil(lambda: p.pane.row(car) is not None)
    p.pane.select(car)
    assert not p.pane.tag_button.isEnabled()
    p.open_tag_dialog()
    p.open_tag(car)
    assert p.tag_dialog is None
    assert p.issue_dialog is None
