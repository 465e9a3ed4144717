"""The results view alone: tiles, the side-by-side table, hidden cells, empty state, exports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.survey import Choice, Form, Kind, Question
from core.survey_results import FrameCell, ResultRow, compute
from widgets.survey_results import PAGE_EMPTY, PAGE_RESULTS, SurveyResultsWidget

SAT = Question(
    "sat",
    Kind.SINGLE,
    "Satisfied?",
    choices=(Choice("5", "Very"), Choice("4", "Yes"), Choice("1", "No"), Choice("dk", "DK")),
    measure="csat",
    satisfied=("4", "5"),
    dont_know=("dk",),
)
FORM = Form("SAT", "Satisfaction", 1, (SAT, Question("rec", Kind.NPS, "Recommend?")))
FRAME = [FrameCell(c, "60-69", False, 100) for c in ("C01", "C02", "C03")]


def _rows() -> list[ResultRow]:
    rows = [ResultRow({"sat": "5" if i % 10 else "1", "rec": 10}, "kiosk", False, "C01",
                      "60-69", False, True) for i in range(50)]  # fmt: skip
    rows += [ResultRow({"sat": "4", "rec": 9}, "phone", False, "C02", "60-69", False, True)
             for _ in range(20)]  # fmt: skip
    rows += [ResultRow({"sat": "4"}, "staff", True, "C03", "60-69", False, True)
             for _ in range(3)]  # fmt: skip
    return rows


def _cell(w: SurveyResultsWidget, row: int, col: int) -> str:
    item = w.table.item(row, col)
    assert item is not None
    return item.text()


def test_tiles_and_the_table_show_self_and_assisted_side_by_side(qtbot: QtBot) -> None:
    w = SurveyResultsWidget()
    qtbot.addWidget(w)
    w.set_results(compute(FORM, _rows(), FRAME), "R1", {"C01": "West"})
    assert w.pages.currentIndex() == PAGE_RESULTS
    csat = w.tiles["csat"]
    assert csat.value.text() == "93.2 %"  # 68 of 73
    assert csat.toolTip() == "68 of 73; 95 % interval (Wilson)"
    assert "Self-answered 90.0 % [78.6–95.7]" in csat.detail.text()  # 45 of 50
    assert "Assisted 100.0 % [85.7–100.0]" in csat.detail.text()  # 23 of 23
    assert w.tiles["responses"].value.text() == "73"
    assert w.tiles["participation"].value.text() == "24.3 %"
    heads = [w.table.horizontalHeaderItem(i) for i in range(w.table.columnCount())]
    headers = [h.text() for h in heads if h is not None]
    assert headers == ["Breakdown", "Group", "Self-answered", "Assisted", "All"]
    assert _cell(w, 0, 0) == "Overall"
    assert _cell(w, 0, 2) == "90.0 % [78.6–95.7]"
    assert _cell(w, 1, 1) == "West"  # community names given by the owner


def test_small_cells_show_as_hidden_with_a_reason(qtbot: QtBot) -> None:
    w = SurveyResultsWidget()
    qtbot.addWidget(w)
    w.set_results(compute(FORM, _rows(), FRAME), "R1")
    rows = {_cell(w, r, 1): r for r in range(w.table.rowCount())}
    c03 = rows["C03"]  # three assisted answers
    assert _cell(w, c03, 3) == "<5"
    assert _cell(w, c03, 4) == "<5"
    item = w.table.item(c03, 3)
    assert item is not None
    assert "Fewer than 5" in item.toolTip()
    # C02's 20 assisted answers hide too: else overall − C02 would give C03's three
    assert _cell(w, rows["C02"], 3) == "<5"
    shown = [_cell(w, r, c) for r in range(w.table.rowCount()) for c in (2, 3, 4)]
    assert all(t == "<5" or t == "no answers" or "[" in t for t in shown)


def test_empty_states_and_export_buttons(qtbot: QtBot) -> None:
    w = SurveyResultsWidget()
    qtbot.addWidget(w)
    assert w.pages.currentIndex() == PAGE_EMPTY
    assert w.empty.title() == "No round chosen"
    assert not w.export_buttons["csv"].isEnabled()
    w.set_results(compute(FORM, [], FRAME), "R1")
    assert w.empty.title() == "No responses yet"
    assert not w.export_buttons["pdf"].isEnabled()
    w.set_results(compute(FORM, _rows(), FRAME), "R1")
    for fmt in ("csv", "xlsx", "pdf"):
        with qtbot.waitSignal(w.sig_export_requested) as sig:
            qtbot.mouseClick(w.export_buttons[fmt], Qt.MouseButton.LeftButton)
        assert sig.args == [fmt]


def test_choosing_another_measure_fills_the_table_again(qtbot: QtBot) -> None:
    w = SurveyResultsWidget()
    qtbot.addWidget(w)
    w.set_results(compute(FORM, _rows(), FRAME), "R1")
    w.measure.setCurrentIndex(w.measure.findText("NPS: Recommend?"))
    assert _cell(w, 0, 4).startswith("+")
    w.measure.setCurrentIndex(0)  # participation
    assert _cell(w, 0, 4) == "24.3 % [19.8–29.5]"  # 73 of 300
