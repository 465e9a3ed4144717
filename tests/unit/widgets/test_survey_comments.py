"""The comments of a round: a search says how many of them it shows, Enter goes to them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from widgets.survey_comments import Comment, SurveyCommentsWidget


def _comment(text: str) -> Comment:
    return Comment("R1", "comment", "其他意见", text, "C01", "咸阳北里社区")


def test_a_search_counts_what_it_shows_and_enter_goes_to_the_comments(qtbot: QtBot) -> None:
    w = SurveyCommentsWidget()
    qtbot.addWidget(w)
    w.show()
    w.set_comments("R1", [_comment("楼道灯坏了"), _comment("希望多办活动"), _comment("灯太暗")])
    assert w.heading.text() == "Comments of round R1: 3"
    w.search.setText("灯")  # typed by an input method: QTest types no CJK keys
    assert w.list.count() == 2
    assert w.heading.text() == "Comments of round R1: 2 of 3 shown"
    w.activateWindow()
    w.search.setFocus()
    qtbot.waitUntil(w.search.hasFocus)
    qtbot.keyClick(w.search, Qt.Key.Key_Return)
    qtbot.waitUntil(w.list.hasFocus)
    w.search.clear()
    assert w.heading.text() == "Comments of round R1: 3"
