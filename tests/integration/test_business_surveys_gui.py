"""Rounds of businesses on the wired console: the frame counted before creating, the call list
of businesses masked per role, paper entry for a business taken once."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.business import BusinessRow
from data.models import Business, SurveyFrameBusiness, SurveyResponse, SurveyRound
from data.services.businesses import BusinessService
from tests.helpers.consoles import MakeConsole, SeededSite
from tests.integration.test_surveys_gui import FORM, signed_in, surveys_of
from widgets.survey_entry import SurveyEntryDialog


def _register(seeded: SeededSite, user: str = "admin", **filters: list[str]) -> list[BusinessRow]:
    return BusinessService(seeded.services.ctx).search(seeded.principal(user), **filters)


def _business_round(seeded: SeededSite, code: str) -> int:
    admin = seeded.principal("admin")
    surveys = seeded.services.surveys
    surveys.save_draft(admin, "SAT", "Satisfaction", FORM)
    surveys.publish(admin, "SAT", 1)
    today = date.today()
    return surveys.create_round(
        admin,
        code,
        "SAT",
        1,
        purpose="business climate",
        frame_kind="businesses",
        frame_params={"communities": ["C01"]},
        starts_on=today,
        ends_on=today + timedelta(days=30),
        anonymous=False,
    )


def test_a_new_round_of_businesses_shows_its_frame_before_it_is_created(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    admin = seeded.principal("admin")
    seeded.services.surveys.save_draft(admin, "SAT", "Satisfaction", FORM)
    seeded.services.surveys.publish(admin, "SAT", 1)
    shops = _register(seeded, communities=["C01"], kinds=["shop"])
    assert shops  # the demo register has shops in every community
    app = signed_in(make_console, qtbot, seeded, "admin")
    p = surveys_of(app)
    p.pane.tabs.setCurrentIndex(1)
    qtbot.mouseClick(p.rounds.new_round, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.new_round is not None and p.new_round.isVisible())
    dlg = p.new_round
    assert dlg is not None
    dlg.kind.setCurrentIndex(dlg.kind.findData("businesses"))
    assert dlg.business_kinds.isVisibleTo(dlg)
    assert not dlg.care.isVisibleTo(dlg)
    for i in range(dlg.communities.count()):
        item = dlg.communities.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "C01":
            item.setCheckState(Qt.CheckState.Checked)
    for i in range(dlg.business_kinds.count()):
        item = dlg.business_kinds.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "shop":
            item.setCheckState(Qt.CheckState.Checked)
    assert dlg.frame() == ("businesses", {"communities": ["C01"], "kinds": ["shop"]})
    qtbot.waitUntil(lambda: dlg.frame_size == len(shops), timeout=5000)
    assert f"{len(shops)} businesses" in dlg.size_label.text()
    qtbot.keyClicks(dlg.code, "R-SHOPS")
    qtbot.keyClicks(dlg.purpose, "shopkeepers' satisfaction")
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: p.rounds.model.row_for("R-SHOPS") is not None, timeout=5000)
    row = p.rounds.model.row_for("R-SHOPS")
    assert row is not None
    assert (row.frame, row.complete, row.frame_kind) == (len(shops), 0, "businesses")
    with seeded.db.session() as s:
        rid = s.scalar(select(SurveyRound.id).where(SurveyRound.code == "R-SHOPS"))
        drawn = sorted(
            s.scalars(
                select(SurveyFrameBusiness.business_id).where(SurveyFrameBusiness.round_id == rid)
            )
        )
    assert drawn == sorted(b.id for b in shops)


def test_the_call_list_of_businesses_is_masked_and_paper_entry_takes_a_business_once(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    drawn = _business_round(seeded, "RB")
    app = signed_in(make_console, qtbot, seeded, "operator")
    p = surveys_of(app)
    qtbot.waitUntil(lambda: p.rounds.model.row_for("RB") is not None)
    p.pane.tabs.setCurrentIndex(1)
    p.rounds.view.selectRow(p.rounds.model.rows().index(p.rounds.model.row_for("RB")))
    qtbot.waitUntil(lambda: len(p.rounds.calls) == drawn, timeout=5000)
    rows = p.rounds.calls.rows()
    with seeded.db.session() as s:
        plain = dict(s.execute(select(Business.id, Business.contact_phone)).all())
        codes = dict(s.execute(select(Business.id, Business.code)).all())
    assert all("*" in r.phone and r.phone != plain[r.resident_id] for r in rows)
    assert all(r.name.startswith(codes[r.resident_id]) for r in rows)
    target = rows[0].resident_id
    qtbot.mouseClick(p.rounds.paper, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(p.entry, SurveyEntryDialog) and p.entry.isVisible())
    dlg = p.entry
    assert isinstance(dlg, SurveyEntryDialog)
    dlg.round.setCurrentIndex(dlg.round.findText("RB", Qt.MatchFlag.MatchStartsWith))
    assert dlg.person.placeholderText() == "Business code or name"
    qtbot.keyClicks(dlg.person, codes[target])
    qtbot.keyClick(dlg.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.business_id == target, timeout=5000)
    dlg.mode.setCurrentIndex(dlg.mode.findData("staff"))
    assert dlg.runner.answer("y") is None
    assert dlg.runner.answer(4) is None
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.submitted == 1, timeout=5000)
    with seeded.db.session() as s:
        taken = s.execute(select(SurveyResponse.business_id, SurveyResponse.resident_id)).all()
    assert taken == [(target, None)]
    # the same business on a new form: refused, naming the business
    qtbot.keyClicks(dlg.person, codes[target])
    qtbot.keyClick(dlg.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.business_id == target, timeout=5000)
    assert dlg.runner.answer("y") is None
    assert dlg.runner.answer(5) is None
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already answered" in dlg.message.text(), timeout=5000)
    assert codes[target] in dlg.message.text()
    qtbot.waitUntil(lambda: p.rounds.calls.row_for(target) is None, timeout=5000)
