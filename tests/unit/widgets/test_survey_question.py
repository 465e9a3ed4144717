"""QuestionView: every question kind by keyboard and by touch, with core's checks shown."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from core.survey import Choice, Kind, Question
from widgets.survey_question import QuestionView

C = (Choice("a", "Very satisfied"), Choice("b", "Satisfied"), Choice("c", "Not satisfied"))


@pytest.fixture
def view(qtbot: QtBot) -> QuestionView:
    v = QuestionView()
    qtbot.addWidget(v)
    v.resize(700, 500)
    v.show()
    return v


def answers(qtbot: QtBot, view: QuestionView) -> object:
    with qtbot.waitSignal(view.answered, timeout=2000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    return blocker.args[0]


def test_single_by_digit_and_enter(qtbot: QtBot, view: QuestionView) -> None:
    view.set_question(Question("q1", Kind.SINGLE, "How satisfied?", True, choices=C))
    with qtbot.assertNotEmitted(view.answered):
        qtbot.keyClick(view, Qt.Key.Key_Return)  # required, nothing chosen
    assert view.findChild(type(view._error), "questionError").isVisible()
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert answers(qtbot, view) == "b"
    qtbot.mouseClick(view.choice_buttons()[2], Qt.MouseButton.LeftButton)
    assert view.value() == "c"
    qtbot.keyClick(view, Qt.Key.Key_9)  # no ninth choice: ignored
    assert view.value() == "c"


def test_single_shows_earlier_answer_and_optional_may_be_empty(
    qtbot: QtBot, view: QuestionView
) -> None:
    q = Question("q1", Kind.SINGLE, "How satisfied?", choices=C)
    view.set_question(q, "a")
    assert [b.isChecked() for b in view.choice_buttons()] == [True, False, False]
    view.set_question(q)
    assert answers(qtbot, view) is None


def test_multiple_toggles(qtbot: QtBot, view: QuestionView) -> None:
    view.set_question(Question("q2", Kind.MULTIPLE, "Which services?", True, choices=C))
    for key in (Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_2):
        qtbot.keyClick(view, key)
    assert answers(qtbot, view) == ["a", "c"]


def test_rating_and_arrows(qtbot: QtBot, view: QuestionView) -> None:
    view.set_question(Question("q3", Kind.RATING, "Rate", True, max=5))
    assert [b.text() for b in view.choice_buttons()] == ["1", "2", "3", "4", "5"]
    qtbot.keyClick(view, Qt.Key.Key_6)  # out of range: nothing chosen
    assert view.value() is None
    qtbot.keyClick(view, Qt.Key.Key_4)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert answers(qtbot, view) == 5


def test_nps_eleven_buttons_and_ten(qtbot: QtBot, view: QuestionView) -> None:
    view.set_question(Question("q4", Kind.NPS, "Recommend?", True))
    assert [b.text() for b in view.choice_buttons()] == [str(n) for n in range(11)]
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.value() == 10
    qtbot.mouseClick(view.choice_buttons()[7], Qt.MouseButton.LeftButton)
    assert answers(qtbot, view) == 7


def test_text(qtbot: QtBot, view: QuestionView) -> None:
    view.set_question(Question("q5", Kind.TEXT, "Anything else?", True))
    editor = view.editor()
    assert editor is not None
    qtbot.keyClicks(editor, "  more <b>benches</b>  ")
    with qtbot.waitSignal(view.answered) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args[0] == "more <b>benches</b>"


def test_number_range_message(qtbot: QtBot, view: QuestionView) -> None:
    view.set_question(Question("q6", Kind.NUMBER, "Age?", True, min=0, max=120))
    editor = view.editor()
    assert editor is not None
    qtbot.keyClicks(editor, "abc")
    with qtbot.assertNotEmitted(view.answered):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert view._error.text() == "Type a number"
    editor.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "130")
    with qtbot.assertNotEmitted(view.answered):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert view._error.text() == "The largest allowed is 120"
    editor.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "67")
    with qtbot.waitSignal(view.answered) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args[0] == 67
    view.set_question(Question("q7", Kind.NUMBER, "Rent?"), 1234.5)
    assert answers(qtbot, view) == 1234.5


def test_date(qtbot: QtBot, view: QuestionView) -> None:
    q = Question("q8", Kind.DATE, "Since when?", True)
    view.set_question(q)
    assert view.value() is None  # untouched: not answered yet
    editor = view.editor()
    assert editor is not None
    editor.setDate(QDate(2024, 2, 29))  # type: ignore[attr-defined]
    assert answers(qtbot, view) == dt.date(2024, 2, 29)
    view.set_question(q, dt.date(2020, 1, 2))
    assert view.value() == dt.date(2020, 1, 2)


def test_matrix_rows_by_digits_and_touch(qtbot: QtBot, view: QuestionView) -> None:
    rows = (Choice("clean", "Cleanliness"), Choice("light", "Lighting"))
    cols = (Choice("good", "Good"), Choice("fair", "Fair"), Choice("poor", "Poor"))
    view.set_question(Question("q9", Kind.MATRIX, "Rate each", True, rows=rows, columns=cols))
    qtbot.keyClick(view, Qt.Key.Key_1)
    with qtbot.assertNotEmitted(view.answered):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view._error.text() == "Please answer every row"
    qtbot.mouseClick(view.matrix_buttons()[1][2], Qt.MouseButton.LeftButton)
    assert answers(qtbot, view) == {"clean": "good", "light": "poor"}


def test_scale_gives_touch_targets_and_large_type(qtbot: QtBot) -> None:
    small, big = QuestionView(), QuestionView(scale=2.0)
    for v in (small, big):
        qtbot.addWidget(v)
        v.set_question(Question("q4", Kind.NPS, "Recommend?"))
        v.resize(1300, 600)
        v.show()
    qtbot.waitUntil(lambda: big.choice_buttons()[0].height() > 0)
    assert all(b.height() >= 64 and b.width() >= 64 for b in big.choice_buttons())
    assert big.font().pointSizeF() >= 2 * small.font().pointSizeF()


def test_question_text_is_plain(qtbot: QtBot, view: QuestionView) -> None:
    view.set_question(Question("q1", Kind.TEXT, "<img src='file:///etc/passwd'>"))
    assert view._text.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize("kind", [Kind.TEXT, Kind.NUMBER, Kind.DATE])
def test_enter_in_a_field_answers_once(qtbot: QtBot, view: QuestionView, kind: Kind) -> None:
    """Regression: Enter in a number field answered it and then the next question too."""
    view.set_question(Question("q", kind, "?", True), {Kind.TEXT: "x", Kind.NUMBER: 3}.get(kind))
    editor = view.editor()
    assert editor is not None
    if kind is Kind.DATE:
        editor.setDate(QDate(2020, 5, 6))  # type: ignore[attr-defined]
    got: list[object] = []
    view.answered.connect(got.append)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert got == [{Kind.TEXT: "x", Kind.NUMBER: 3, Kind.DATE: dt.date(2020, 5, 6)}[kind]]
