"""The surveys pane on the wired console: publish, versions, rounds, paper entry, phone surveys."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.app import ConsoleApp
from console.presenters.surveys import SurveysPresenter
from console.survey_slips import load_slip_key
from core.audit import AuditAction
from core.site import SiteSpec
from core.survey_slip import make_slip
from data.models import AuditLog, Resident, SurveyFrameMember, SurveyResponse, SurveyRound
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_actions,
    fake_dialogs,
    sign_in,
)
from tests.helpers.fake_calls import FakeGateway, fake_line
from widgets.survey_entry import SurveyEntryDialog

FORM = """code = "SAT"
title = "Satisfaction"
version = 1

[[questions]]
id = "alone"
kind = "single"
text = "Do you live alone?"
required = true
choices = [
  { code = "y", label = "Yes" },
  { code = "n", label = "No" },
]
[[questions.skip]]
when = 'alone = "n"'
to = "end"

[[questions]]
id = "sat"
kind = "rating"
text = "How satisfied are you with the home visits?"
required = true
max = 5
"""

LOOPING = FORM + '[[questions.skip]]\nwhen = "sat >= 1"\nto = "alone"\n'


def surveys_of(app: ConsoleApp) -> SurveysPresenter:
    p = app.presenter("surveys")
    assert isinstance(p, SurveysPresenter)
    return p


def signed_in(make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, user: str) -> ConsoleApp:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, user)
    app.window.show_pane("surveys")
    return app


def published_round(seeded: SeededSite, code: str = "R1", **frame: object) -> int:
    """A published SAT form and an open round on it; the number of people drawn."""
    admin = seeded.principal("admin")
    surveys = seeded.services.surveys
    try:
        surveys.form("SAT")
    except LookupError:
        surveys.save_draft(admin, "SAT", "Satisfaction", FORM)
        surveys.publish(admin, "SAT", 1)
    today = date.today()
    return surveys.create_round(
        admin,
        code,
        "SAT",
        1,
        purpose="home visits",
        frame_kind=str(frame.pop("kind", "communities")),
        frame_params=dict(frame),
        starts_on=today,
        ends_on=today + timedelta(days=30),
        anonymous=False,
    )


def test_publish_is_refused_with_the_looping_question_named(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, tmp_path: Path
) -> None:
    app = signed_in(make_console, qtbot, seeded, "admin")
    p = surveys_of(app)
    f = tmp_path / "loop.toml"
    f.write_text(LOOPING, encoding="utf-8")
    assert p.editor.import_file(f)
    qtbot.mouseClick(p.editor.publish, Qt.MouseButton.LeftButton)
    messages = fake_dialogs(app).messages
    assert messages
    refusal = messages[-1]
    assert refusal.error
    assert "• sat: skip logic loops: alone → sat → alone" in refusal.text, refusal.text
    assert app.wait_idle()
    with pytest.raises(LookupError):
        seeded.services.surveys.form("SAT")  # nothing saved, nothing published


def test_editing_a_published_form_saves_version_two(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, tmp_path: Path
) -> None:
    app = signed_in(make_console, qtbot, seeded, "admin")
    p, e = surveys_of(app), surveys_of(app).editor
    f = tmp_path / "sat.toml"
    f.write_text(FORM, encoding="utf-8")
    assert e.import_file(f)
    qtbot.mouseClick(e.publish, Qt.MouseButton.LeftButton)  # the FakeDialogs says yes
    surveys = seeded.services.surveys
    qtbot.waitUntil(lambda: app.wait_idle() and e.published)
    assert surveys.form("SAT", 1)[3]  # published
    assert "Publish SAT version 1?" in fake_dialogs(app).questions[-1].text
    assert "frozen" in fake_dialogs(app).questions[-1].text
    # the list shows it; edit the published version
    qtbot.waitUntil(lambda: e.model.row_for("SAT") is not None)
    e.qlist.setCurrentRow(1)
    qtbot.keyClicks(e.props.text, " (1-5)")
    assert "saved as version 2" in e.state.text()
    qtbot.mouseClick(e.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.wait_idle() and e.saved)
    v2 = surveys.form("SAT")
    assert v2[0] == 2
    assert not v2[3]  # a draft
    assert "(1-5)" in v2[2]
    assert "(1-5)" not in surveys.form("SAT", 1)[2]  # version 1 unchanged, still published
    assert surveys.form("SAT", 1)[3]
    assert "Draft version 2" in e.state.text()
    row = e.model.row_for("SAT")
    qtbot.waitUntil(lambda: (row := e.model.row_for("SAT")) is not None and row.versions == 2)
    assert row is not None
    assert p.publish_problems() == []


def test_a_new_round_shows_its_sample_size_before_it_is_created(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    published_round(seeded, "R0")  # publishes the form; a first round
    app = signed_in(make_console, qtbot, seeded, "admin")
    p = surveys_of(app)
    p.pane.tabs.setCurrentIndex(1)
    qtbot.mouseClick(p.rounds.new_round, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.new_round is not None and p.new_round.isVisible())
    dlg = p.new_round
    assert dlg is not None
    dlg.kind.setCurrentIndex(dlg.kind.findData("sample"))
    dlg.n.setValue(25)
    dlg.seed.setValue(7)
    qtbot.waitUntil(lambda: dlg.frame_size == 25, timeout=5000)
    assert "25 people" in dlg.size_label.text()
    qtbot.keyClicks(dlg.code, "R-SAMPLE")
    qtbot.keyClicks(dlg.purpose, "quarterly satisfaction")
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: p.rounds.model.row_for("R-SAMPLE") is not None, timeout=5000)
    row = p.rounds.model.row_for("R-SAMPLE")
    assert row is not None
    assert (row.frame, row.complete, row.frame_kind) == (25, 0, "sample")
    with seeded.db.session() as s:
        rid = s.scalar(select(SurveyRound.id).where(SurveyRound.code == "R-SAMPLE"))
        drawn = sorted(
            s.scalars(
                select(SurveyFrameMember.resident_id).where(SurveyFrameMember.round_id == rid)
            )
        )
    # the same seed draws the same people
    published_round(seeded, "R-AGAIN", kind="sample", n=25, seed=7)
    with seeded.db.session() as s:
        rid2 = s.scalar(select(SurveyRound.id).where(SurveyRound.code == "R-AGAIN"))
        again = sorted(
            s.scalars(
                select(SurveyFrameMember.resident_id).where(SurveyFrameMember.round_id == rid2)
            )
        )
    assert drawn == again
    assert len(drawn) == 25


def test_rounds_and_authoring_are_hidden_from_roles_that_may_not_author(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    published_round(seeded)
    app = signed_in(make_console, qtbot, seeded, "operator")
    p = surveys_of(app)
    assert not p.rounds.new_round.isVisibleTo(p.rounds)
    assert not p.rounds.close_round.isVisibleTo(p.rounds)
    assert p.rounds.paper.isVisibleTo(p.rounds)  # operators take responses
    assert not p.editor.publish.isVisibleTo(p.editor)
    assert p.editor.source.isReadOnly()


def _answer(dlg: SurveyEntryDialog) -> None:
    assert dlg.runner.answer("y") is None
    assert dlg.runner.answer(4) is None
    assert dlg.runner.complete


def test_paper_entry_takes_a_response_once_and_refuses_the_second(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    published_round(seeded)
    app = signed_in(make_console, qtbot, seeded, "operator")
    p = surveys_of(app)
    qtbot.waitUntil(lambda: p.rounds.model.row_for("R1") is not None)
    assert len(p.rounds.calls) == 0  # not read (nor audited) before the tab is shown
    p.pane.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(p.rounds.calls) > 0)
    person = p.rounds.calls.row_at(0).resident_id
    dlg = open_paper(qtbot, p)
    # The keyboard starts on the person: typed into the first question, a number's digits
    # chose answers.
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.person.hasFocus())
    qtbot.keyClicks(dlg.person, str(person))
    qtbot.keyClick(dlg.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.resident_id == person)
    dlg.mode.setCurrentIndex(dlg.mode.findData("staff"))
    _answer(dlg)
    first_uuid = dlg.client_uuid
    # a double click: the second click finds the first on its way and sends nothing
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.submitted == 1)
    assert "Response taken" in dlg.message.text()
    assert dlg.client_uuid != first_uuid  # the next paper form is another response
    with seeded.db.session() as s:
        rows = s.execute(select(SurveyResponse.mode, SurveyResponse.helped_by)).all()
    operator = seeded.principal("operator")
    assert rows == [("staff", operator.user_id)]
    # a retry of the same entry (same UUID) is taken once
    dlg.client_uuid = first_uuid
    dlg.set_resident(person, "again")
    _answer(dlg)
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.submitted == 2)
    assert "counts once" in dlg.message.text()
    # the same person on a new form: refused, and said so
    dlg.set_resident(person, "the same person")
    _answer(dlg)
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already answered" in dlg.message.text())
    assert "a second response is not taken" in dlg.message.text().lower()
    assert dlg.submit.isEnabled()  # the worker may go on with the next form
    with seeded.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SurveyResponse)) == 1
    # the person is off the call list
    qtbot.waitUntil(lambda: p.rounds.calls.row_for(person) is None)


@pytest.mark.parametrize(("user", "full"), [("operator", False), ("supervisor", True)])
def test_the_call_list_is_masked_and_the_number_shown_per_role(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, user: str, full: bool
) -> None:
    published_round(seeded)
    app = signed_in(make_console, qtbot, seeded, user)
    p = surveys_of(app)
    p.pane.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(p.rounds.calls) > 0)
    rows = p.rounds.calls.rows()
    assert all("*" in r.phone for r in rows)  # the list never shows a whole number
    assert all("*" in r.name for r in rows)
    qtbot.mouseClick(p.rounds.call_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(p.entry, SurveyEntryDialog) and p.entry.isVisible())
    dlg = p.entry
    assert isinstance(dlg, SurveyEntryDialog)
    assert dlg.phone
    assert dlg.resident_id == rows[0].resident_id
    qtbot.waitUntil(lambda: dlg.dial_note.text() != "Revealing…", timeout=5000)
    number = dlg.number.text()
    assert ("*" not in number) is full, number
    if full:
        # No phone line on this test console: Dial says to dial by hand.
        assert dlg.dial.isEnabled()
        qtbot.mouseClick(dlg.dial, Qt.MouseButton.LeftButton)
        assert "dial" in dlg.dial_note.text()
        assert number in dlg.dial_note.text()
    else:
        assert dlg.dial.isEnabled()  # rings the number without showing it (its own test)
        assert "masked" in dlg.dial_note.text()
    with seeded.db.session() as s:
        details = list(
            s.scalars(
                select(AuditLog.detail).where(
                    AuditLog.actor == user, AuditLog.action == AuditAction.SURVEY_DATA_READ
                )
            )
        )
    assert any(json.loads(d)["what"] == "frame" for d in details)
    # the whole number was revealed for this call, and that is recorded; a masked role asked
    # nothing and was refused nothing
    reveals = audit_actions(seeded.db, user)
    assert reveals[AuditAction.PII_REVEALED] == (1 if full else 0)
    assert reveals[AuditAction.PII_REVEAL_REFUSED] == 0
    # the phone survey is taken as mode "phone", helped by the operator
    _answer(dlg)
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.submitted == 1)
    with seeded.db.session() as s:
        taken = s.execute(
            select(SurveyResponse.mode, SurveyResponse.helped_by, SurveyResponse.resident_id)
        ).all()
    assert taken == [("phone", seeded.principal(user).user_id, rows[0].resident_id)]


def test_a_signed_slip_is_taken_once_and_a_slip_of_another_round_refused(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    published_round(seeded)
    published_round(seeded, "R2")
    key = load_slip_key(seeded.keys)
    with seeded.db.session() as s:
        person = s.scalars(
            select(SurveyFrameMember.resident_id).order_by(SurveyFrameMember.resident_id)
        ).first()
    assert person is not None
    slip, text = make_slip(key, "R1", person)
    app = signed_in(make_console, qtbot, seeded, "operator")
    p = surveys_of(app)
    qtbot.waitUntil(lambda: p.rounds.model.row_for("R1") is not None)
    p.open_paper_entry("R1")
    qtbot.waitUntil(lambda: isinstance(p.entry, SurveyEntryDialog) and p.entry.isVisible())
    dlg = p.entry
    assert isinstance(dlg, SurveyEntryDialog)
    assert dlg.selected_round() is not None
    assert dlg.selected_round().code == "R1"  # type: ignore[union-attr]
    _, other = make_slip(key, "R2", person)
    qtbot.keyClicks(dlg.person, other)
    qtbot.keyClick(dlg.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "another round" in dlg.message.text())
    assert dlg.resident_id is None
    dlg.person.clear()
    qtbot.keyClicks(dlg.person, text)
    qtbot.keyClick(dlg.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.resident_id == person)
    assert dlg.client_uuid == slip.slip_uuid  # the slip's single use is this entry
    assert slip.code in dlg.person_label.text()
    _answer(dlg)
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.submitted == 1)
    with seeded.db.session() as s:
        assert s.scalars(select(SurveyResponse.client_uuid)).all() == [slip.slip_uuid]
    # the same slip typed in again: the first answer back, nothing counted twice
    qtbot.keyClicks(dlg.person, text)
    qtbot.keyClick(dlg.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.resident_id == person)
    _answer(dlg)
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.submitted == 2)
    assert "counts once" in dlg.message.text()
    with seeded.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SurveyResponse)) == 1


def phone_console(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, demo_site: SiteSpec, user: str
) -> tuple[SurveysPresenter, list[FakeGateway]]:
    """A console with a fake phone line and a round's call list shown, signed in as `user`."""
    published_round(seeded)
    factory, line = fake_line()
    app = make_console(language="en", site=demo_site, call_gateway=factory)
    app.start()
    sign_in(qtbot, app, seeded, user)
    app.window.show_pane("surveys")
    p = surveys_of(app)
    p.pane.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(p.rounds.calls) > 0)
    return p, line


def open_paper(qtbot: QtBot, p: SurveysPresenter) -> SurveyEntryDialog:
    """Enter a paper response: its dialog, on screen."""
    qtbot.mouseClick(p.rounds.paper, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(p.entry, SurveyEntryDialog) and p.entry.isVisible())
    dlg = p.entry
    assert isinstance(dlg, SurveyEntryDialog)
    return dlg


def call_next(qtbot: QtBot, p: SurveysPresenter) -> SurveyEntryDialog:
    """Call next: the phone survey's dialog once its Dial is ready."""
    qtbot.mouseClick(p.rounds.call_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(p.entry, SurveyEntryDialog) and p.entry.dial.isEnabled())
    dlg = p.entry
    assert isinstance(dlg, SurveyEntryDialog)
    return dlg


def test_call_next_dials_through_the_calls_pane_line(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    p, line = phone_console(make_console, qtbot, seeded, demo_site, "supervisor")
    dlg = call_next(qtbot, p)
    qtbot.mouseClick(dlg.dial, Qt.MouseButton.LeftButton)
    (gateway,) = line
    assert [c[:2] for c in gateway.commands if c[0] == "dial"] == [("dial", dlg.number.text())]
    assert "Calling" in dlg.dial_note.text()
    # the next "Call next" takes the next person, not the one on the phone now
    first = dlg.resident_id
    qtbot.mouseClick(p.rounds.call_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.entry is not dlg and isinstance(p.entry, SurveyEntryDialog))
    assert p.entry.resident_id != first  # type: ignore[union-attr]


def test_a_supervisors_survey_call_reveals_the_phone_alone(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    # card(REASON) revealed, and recorded, the identity number, health flags and address too.
    p, _line = phone_console(make_console, qtbot, seeded, demo_site, "supervisor")
    dlg = call_next(qtbot, p)
    with seeded.db.session() as s:
        phone = s.scalar(select(Resident.phone).where(Resident.id == dlg.resident_id))
    assert dlg.number.text() == phone
    with seeded.db.session() as s:
        details = s.scalars(
            select(AuditLog.detail).where(
                AuditLog.actor == "supervisor", AuditLog.action == AuditAction.PII_REVEALED
            )
        ).all()
    assert [json.loads(d)["fields"] for d in details] == [["phone"]]
    assert json.loads(details[0])["reason"].startswith("Survey call")


def test_a_line_that_is_down_places_no_survey_call(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    p, line = phone_console(make_console, qtbot, seeded, demo_site, "operator")
    (gateway,) = line
    gateway.line(False, "registration failed: 408")
    dlg = call_next(qtbot, p)
    qtbot.mouseClick(dlg.dial, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.dial_note.text() == "The call could not be placed.")
    assert not any(c[0] == "dial" for c in gateway.commands)
    with seeded.db.session() as s:
        dial_reads = s.scalars(
            select(AuditLog.detail).where(
                AuditLog.actor == "operator", AuditLog.action == AuditAction.PII_REVEALED
            )
        ).all()
    assert dial_reads == [], "no number read for a call that cannot go out"


def test_an_operator_rings_a_masked_number_without_seeing_it(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    p, line = phone_console(make_console, qtbot, seeded, demo_site, "operator")
    dlg = call_next(qtbot, p)
    assert "*" in dlg.number.text()
    qtbot.mouseClick(dlg.dial, Qt.MouseButton.LeftButton)
    (gateway,) = line
    qtbot.waitUntil(lambda: any(c[0] == "dial" for c in gateway.commands), timeout=5000)
    with seeded.db.session() as s:
        phone = s.scalar(select(Resident.phone).where(Resident.id == dlg.resident_id))
    assert [c[1] for c in gateway.commands if c[0] == "dial"] == [phone]
    assert "*" in dlg.number.text()  # the screen still shows it masked
    qtbot.waitUntil(lambda: "Calling" in dlg.dial_note.text())
    with seeded.db.session() as s:
        detail = s.scalar(
            select(AuditLog.detail).where(
                AuditLog.actor == "operator", AuditLog.action == AuditAction.PII_REVEALED
            )
        )
    assert detail is not None
    assert json.loads(detail)["purpose"] == "dial"
    assert json.loads(detail)["shown"] is False


def test_a_response_from_another_workstation_updates_participation_in_place(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    drawn = published_round(seeded)
    app = signed_in(make_console, qtbot, seeded, "supervisor")
    p = surveys_of(app)
    qtbot.waitUntil(lambda: p.rounds.model.row_for("R1") is not None)
    p.pane.tabs.setCurrentIndex(1)
    p.rounds.view.selectRow(0)
    index = p.rounds.model.index(0, 0)
    with seeded.db.session() as s:
        person = s.scalars(select(SurveyFrameMember.resident_id)).first()
    # a kiosk at a station takes a response: the change feed brings it here
    seeded.services.surveys.submit(
        seeded.principal("admin"),
        "R1",
        str(uuid.uuid4()),
        person,
        "kiosk",
        None,
        {"alone": "y", "sat": 5},
        True,
    )
    qtbot.waitUntil(lambda: (r := p.rounds.model.row_for("R1")) is not None and r.complete == 1)
    row = p.rounds.model.row_for("R1")
    assert row is not None
    assert row.frame == drawn
    assert p.rounds.view.selectionModel().isSelected(index)  # changed in place: still selected


def test_locking_closes_a_phone_survey_and_its_revealed_number(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    published_round(seeded)
    app = signed_in(make_console, qtbot, seeded, "supervisor")
    p = surveys_of(app)
    p.pane.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(p.rounds.calls) > 0)
    qtbot.mouseClick(p.rounds.call_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(p.entry, SurveyEntryDialog) and p.entry.dial.isEnabled())
    dlg = p.entry
    assert dlg is not None
    app.session.lock()
    assert p.entry is None
    assert not dlg.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg))  # deleted, its number with it


def test_closing_a_paper_entry_with_answers_asks_first(
    make_console: MakeConsole, qtbot: QtBot, seeded: SeededSite
) -> None:
    # Close threw the answers typed in away without a word.
    published_round(seeded)
    app = signed_in(make_console, qtbot, seeded, "operator")
    p = surveys_of(app)
    qtbot.waitUntil(lambda: p.rounds.model.row_for("R1") is not None)
    p.pane.tabs.setCurrentIndex(1)
    dlg = open_paper(qtbot, p)
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())  # nothing answered: closes at once
    dlg = open_paper(qtbot, p)
    _answer(dlg)
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    box = dlg._question.box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert dlg.isVisible(), "kept until the answer"
    box.reject()  # Esc: keep entering
    assert dlg.isVisible()
    assert dlg.runner.answers
    app.session.lock()  # the console's own close needs no answer
    app.session.sign_out()
    qtbot.waitUntil(lambda: p.entry is None)
