"""The paper and phone entry dialog alone: keyboard-first, one client UUID per entry."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.survey import load_form
from core.survey_take import SurveySubmission
from core.views import CommunityRow
from widgets.survey_entry import EntryRound, SurveyEntryDialog

FORM = load_form(
    """code = "F"
title = "Form"
version = 1

[[questions]]
id = "age"
kind = "number"
text = "How old are you?"
required = true

[[questions]]
id = "ok"
kind = "single"
text = "Satisfied?"
required = true
choices = [
  { code = "y", label = "Yes" },
  { code = "n", label = "No" },
]
""",
    "f",
)
ROUNDS = [EntryRound("R1", "p", FORM, False, False), EntryRound("R2", "p", FORM, True, True)]
COMMUNITIES = [CommunityRow("C01", "东风社区", 100, 0.0, 0.0)]


def dialog(qtbot: QtBot, *, phone: bool = False) -> SurveyEntryDialog:
    dlg = SurveyEntryDialog(ROUNDS, COMMUNITIES, (7, "Wang"), phone=phone)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def test_enter_moves_through_the_questions_and_submits_only_at_the_end(qtbot: QtBot) -> None:
    dlg = dialog(qtbot)
    sent: list[SurveySubmission] = []
    dlg.sig_submit_requested.connect(sent.append)
    dlg.set_resident(42, "张*")
    line = dlg.runner.view.editor()
    assert line is not None
    assert line.hasFocus()  # a number question: the worker types at once
    qtbot.keyClicks(line, "67")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert sent == []  # Enter answered the question; it did not submit the dialog
    assert dlg.runner.current_id == "ok"
    qtbot.keyClick(dlg.runner.view, Qt.Key.Key_1)
    qtbot.keyClick(dlg.runner.view, Qt.Key.Key_Return)
    assert dlg.runner.finished
    assert sent == []
    assert dlg.submit.isDefault()
    qtbot.keyClick(dlg.submit, Qt.Key.Key_Return)
    assert len(sent) == 1
    sub = sent[0]
    assert (sub.round_code, sub.resident_id, sub.mode, sub.helped_by) == ("R1", 42, "self", None)
    assert sub.answers == {"age": 67, "ok": "y"}
    assert sub.complete
    assert not dlg.submit.isEnabled()  # on its way: a second click sends nothing
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    assert len(sent) == 1
    # refused: the same entry may be sent again, with the same UUID
    dlg.show_error("refused")
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    assert [s.client_uuid for s in sent] == [sub.client_uuid] * 2
    # taken: the next entry is another response, with another UUID
    dlg.submitted_ok("taken")
    assert dlg.client_uuid != sub.client_uuid
    assert dlg.resident_id is None
    assert dlg.runner.current_id == "age"
    assert dlg.message.text() == "taken"


def test_staff_help_records_the_worker_and_an_unnamed_form_needs_its_community(
    qtbot: QtBot,
) -> None:
    dlg = dialog(qtbot)
    sent: list[SurveySubmission] = []
    dlg.sig_submit_requested.connect(sent.append)
    dlg.mode.setCurrentIndex(dlg.mode.findData("staff"))
    assert dlg.helped.text() == "Wang"
    dlg.runner.answer(30)
    dlg.runner.answer("n")
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    assert sent == []
    assert "community" in dlg.message.text()
    dlg.community.setCurrentIndex(dlg.community.findData("C01"))
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    (sub,) = sent
    assert (sub.resident_id, sub.community, sub.mode, sub.helped_by) == (None, "C01", "staff", 7)


def test_a_slip_gives_its_uuid_until_another_person_or_round_is_chosen(qtbot: QtBot) -> None:
    dlg = dialog(qtbot)
    slip = str(uuid.uuid4())
    dlg.set_slip(slip, 42, "Slip ABC")
    assert dlg.client_uuid == slip
    dlg.set_resident(43, "another person")
    assert dlg.client_uuid != slip
    dlg.set_slip(slip, 42, "Slip ABC")
    dlg.round.setCurrentIndex(1)
    assert dlg.client_uuid != slip
    assert dlg.resident_id is None


def test_a_phone_survey_is_mode_phone_helped_by_the_operator(qtbot: QtBot) -> None:
    dlg = dialog(qtbot, phone=True)
    sent: list[SurveySubmission] = []
    dlg.sig_submit_requested.connect(sent.append)
    dlg.set_resident(42, "张*")
    dlg.set_number("13800001234", True)
    assert not dlg.person.isVisibleTo(dlg)  # the person is given, not searched
    assert not dlg.round.isEnabled()
    dlg.runner.answer(70)
    dlg.runner.answer("y")
    qtbot.mouseClick(dlg.submit, Qt.MouseButton.LeftButton)
    (sub,) = sent
    assert (sub.mode, sub.helped_by, sub.resident_id) == ("phone", 7, 42)
    dlg.submitted_ok("taken")
    assert not dlg.submit.isEnabled()  # one call, one response
