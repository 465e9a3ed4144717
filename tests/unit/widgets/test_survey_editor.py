"""The survey form editor alone: built in the UI, its TOML source both ways, import, preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from core.survey import Choice, Kind, Skip, dump_form, load_form, validate
from core.survey_views import FormRow
from widgets.survey_editor import PREVIEW_TAB, QUESTIONS_TAB, SOURCE_TAB, FormEditorWidget
from widgets.surveys import RESULTS_TAB, ROUNDS_TAB, SurveysWidget

FORM = """code = "SAT"
title = "Satisfaction"
version = 1

[[questions]]
id = "age"
kind = "number"
text = "How old are you?"
required = true
min = 0
max = 120

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
to = "sat"

[[questions]]
id = "visits"
kind = "rating"
text = "How satisfied are you with the home visits?"
max = 5
show_if = "age >= 60"

[[questions]]
id = "sat"
kind = "single"
text = "Overall, are you satisfied?"
required = true
choices = [
  { code = "4", label = "Satisfied" },
  { code = "1", label = "Not satisfied" },
  { code = "dk", label = "Don't know" },
]
measure = "csat"
satisfied = ["4"]
dont_know = ["dk"]
"""


def editor(qtbot: QtBot) -> FormEditorWidget:
    w = FormEditorWidget()
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    # the editor's keys are shortcuts: they need the window active
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def test_a_form_built_in_the_editor_round_trips_through_its_toml(qtbot: QtBot) -> None:
    w = editor(qtbot)
    qtbot.keyClicks(w.code, "NEEDS")
    qtbot.keyClicks(w.title, "Needs of older residents")
    # Insert adds a question after the current one and selects it
    w.qlist.setFocus()
    qtbot.keyClick(w.qlist, Qt.Key.Key_Insert)
    assert w.qlist.count() == 1
    p = w.props
    p.qid.selectAll()
    qtbot.keyClicks(p.qid, "help")
    qtbot.keyClicks(p.text, "What help do you need most?")
    p.required.setChecked(True)
    p.choices.set_pairs([("meals", "Meals"), ("clean", "Cleaning"), ("dk", "Don't know")])
    p.choices.sig_changed.emit()
    p.measure.setCurrentIndex(p.measure.findData("csat"))
    qtbot.keyClicks(p.satisfied, "meals, clean")
    qtbot.keyClicks(p.dont_know, "dk")
    qtbot.keyClick(w.qlist, Qt.Key.Key_Insert)
    p.kind.setCurrentIndex(p.kind.findData("nps"))
    p.qid.selectAll()
    qtbot.keyClicks(p.qid, "nps")
    qtbot.keyClicks(p.text, "Would you recommend the centre?")
    qtbot.keyClicks(p.show_if, 'help != "dk"')
    # the first question again, then a skip rule on it
    w.qlist.setCurrentRow(0)
    p.skip.set_pairs([('help = "dk"', "end")])
    p.skip.sig_changed.emit()

    form = load_form(w.source.toPlainText(), "editor", strict=True)  # publishable as is
    assert form == w.form()
    assert form.code == "NEEDS"
    assert form.title == "Needs of older residents"
    assert [q.id for q in form.questions] == ["help", "nps"]
    help_q, nps = form.questions
    assert help_q.kind is Kind.SINGLE
    assert help_q.required
    assert help_q.choices[2] == Choice("dk", "Don't know")
    assert (help_q.measure, help_q.satisfied, help_q.dont_know) == (
        "csat",
        ("meals", "clean"),
        ("dk",),
    )
    assert help_q.skip == (Skip('help = "dk"', "end"),)
    assert nps.kind is Kind.NPS
    assert nps.show_if == 'help != "dk"'
    assert w.problems.count() == 0


def test_the_source_edited_by_hand_changes_the_questions_and_moves_keep_order(
    qtbot: QtBot,
) -> None:
    w = editor(qtbot)
    w.source.setPlainText(FORM)
    w.apply_source()
    assert [w.qlist.item(i).text().split(" · ")[0] for i in range(w.qlist.count())] == [
        "age",
        "alone",
        "visits",
        "sat",
    ]
    w.qlist.setCurrentRow(3)
    w.qlist.setFocus()
    qtbot.keyClick(w.qlist, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [q.id for q in w.form().questions] == ["age", "alone", "sat", "visits"]
    # the questions' move is in the source at once
    assert [q.id for q in load_form(w.source.toPlainText(), "s").questions] == [
        "age",
        "alone",
        "sat",
        "visits",
    ]


def test_a_looping_skip_is_listed_with_its_question_and_double_click_goes_there(
    qtbot: QtBot,
) -> None:
    w = editor(qtbot)
    looping = FORM.replace('to = "sat"', 'to = "age"')
    w.source.setPlainText(looping)
    w.apply_source()
    texts = [w.problems.item(i).text() for i in range(w.problems.count())]
    assert any(t.startswith("alone: skip logic loops") for t in texts), texts
    loop = next(
        w.problems.item(i)
        for i in range(w.problems.count())
        if "loops" in w.problems.item(i).text()
    )
    w.tabs.setCurrentIndex(SOURCE_TAB)
    w.problems.itemDoubleClicked.emit(loop)
    assert w.tabs.currentIndex() == QUESTIONS_TAB
    assert w.props.qid.text() == "alone"


def test_importing_a_broken_toml_names_line_and_column(qtbot: QtBot, tmp_path: Path) -> None:
    w = editor(qtbot)
    broken = tmp_path / "broken.toml"
    broken.write_text('code = "X"\ntitle = "T"\nversion = = 1\n', encoding="utf-8")
    assert not w.import_file(broken)
    assert w.file_error.isVisibleTo(w)
    assert "broken.toml, line 3, column" in w.file_error.text()
    assert w.form().questions == ()  # nothing of the broken file was taken

    good = tmp_path / "good.toml"
    good.write_text(FORM, encoding="utf-8")
    assert w.import_file(good)
    assert not w.file_error.isVisibleTo(w)
    assert w.form() == load_form(FORM, "good")
    out = tmp_path / "out.toml"
    w.export_file(out)
    assert load_form(out.read_text(encoding="utf-8"), "out") == w.form()


def test_a_broken_source_is_shown_with_line_and_keeps_the_questions(qtbot: QtBot) -> None:
    w = editor(qtbot)
    w.source.setPlainText(FORM)
    w.apply_source()
    w.source.setPlainText(FORM.replace("required = true\nmin", "required = tru\nmin"))
    w.apply_source()
    assert len(w.questions) == 4
    first = w.problems.item(0).text()
    assert "line 9, column 12" in first, first  # "required = tru"
    assert w.current_problems() == [first]


def test_the_preview_follows_skip_logic_and_show_if(qtbot: QtBot) -> None:
    w = editor(qtbot)
    w.source.setPlainText(FORM)
    w.apply_source()
    w.tabs.setCurrentIndex(PREVIEW_TAB)  # the preview starts from the first question
    run = w.preview
    assert run.current_id == "age"
    # young and not alone: "visits" is hidden (show_if) and skipped (the skip to "sat")
    run.view.editor().setFocus()  # type: ignore[union-attr]
    qtbot.keyClicks(run.view.editor(), "30")
    qtbot.keyClick(run.view.editor(), Qt.Key.Key_Return)
    assert run.current_id == "alone"
    assert run.answer("n") is None
    assert run.current_id == "sat"
    run.go_back()
    assert run.current_id == "alone"
    # older and alone: "visits" is asked
    run.go_back()
    assert run.answer(72) is None
    assert run.answer("y") is None
    assert run.current_id == "visits"
    assert run.answer(5) is None
    assert run.answer("4") is None
    assert run.finished
    assert run.complete
    assert run.answers == {"age": 72, "alone": "y", "visits": 5, "sat": "4"}


def test_a_published_version_says_edits_become_the_next_version(qtbot: QtBot) -> None:
    w = editor(qtbot)
    w.load("SAT", "Satisfaction", 3, FORM, published=True)
    assert "Version 3 is published" in w.state.text()
    assert not w.save.isEnabled()  # nothing to save: it is frozen and unchanged
    w.qlist.setCurrentRow(0)
    qtbot.keyClicks(w.props.text, " (years)")
    assert "saved as version 4" in w.state.text()
    assert w.save.isEnabled()
    assert w.form().version == 4
    assert "version = 4" in w.source.toPlainText()


def test_a_viewer_reads_but_cannot_edit(qtbot: QtBot) -> None:
    w = editor(qtbot)
    w.load("SAT", "Satisfaction", 1, FORM, published=True)
    w.set_can_author(False)
    assert not w.save.isVisibleTo(w)
    assert not w.publish.isVisibleTo(w)
    assert w.source.isReadOnly()
    w.qlist.setCurrentRow(0)
    w.qlist.setFocus()
    qtbot.keyClick(w.qlist, Qt.Key.Key_Insert)
    assert len(w.questions) == 4
    assert validate(w.form()) == []
    assert dump_form(w.form()).startswith('code = "SAT"')


def test_unsaved_edits_are_not_dropped_without_asking(qtbot: QtBot) -> None:
    w = editor(qtbot)
    asked: list[str] = []
    w.confirm_discard = lambda go, cancel: asked.append("asked")
    w.source.setPlainText(FORM)
    w.apply_source()
    qtbot.mouseClick(w.new_form, Qt.MouseButton.LeftButton)
    assert asked == ["asked"]
    assert len(w.questions) == 4  # not dropped: the question is still open
    w.confirm_discard = lambda go, cancel: go()
    qtbot.mouseClick(w.new_form, Qt.MouseButton.LeftButton)
    assert w.questions == []


def test_the_results_tab_takes_the_results_view_in_place_of_its_placeholder(
    qtbot: QtBot,
) -> None:
    pane = SurveysWidget()
    qtbot.addWidget(pane)
    pane.tabs.setCurrentIndex(ROUNDS_TAB)
    view = QLabel("results")
    pane.set_results_view(view)
    assert pane.tabs.widget(RESULTS_TAB) is view
    assert pane.tabs.tabText(RESULTS_TAB) == "Results"
    assert pane.tabs.currentIndex() == ROUNDS_TAB  # the user's tab stays
    assert pane.tabs.count() == 3


def test_no_forms_are_said_in_the_lists_place_with_who_writes_them(qtbot: QtBot) -> None:
    w = editor(qtbot)
    w.set_forms([])
    assert w.list_stack.currentWidget() is w.list_empty
    assert w.list_empty.text() == "No forms yet. New form or Import… starts one."
    assert w.problems_label.text() == "Add a question (Insert) to begin."
    w.set_can_author(False)  # an operator reads and previews only
    assert w.list_empty.text() == "No forms yet. An administrator writes them."
    assert w.problems_label.text() == ""  # no "add a question" to a reader who cannot
    w.set_forms([FormRow("S1", "满意度", 1, 1, 1, False)])
    assert w.list_stack.currentWidget() is w.list
    assert w.model.rowCount() == 1
