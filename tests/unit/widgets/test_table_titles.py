"""fit_columns: contents fitted on a shown table, and its last column still fills the view."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from widgets.table_titles import fit_columns


def _fill(table: QTableWidget, text: str) -> None:
    for i in range(table.rowCount()):
        for j in range(table.columnCount()):
            table.setItem(i, j, QTableWidgetItem(text))


def test_a_table_refilled_while_shown_keeps_its_last_column_stretched(qtbot: QtBot) -> None:
    table = QTableWidget(3, 3)
    qtbot.addWidget(table)
    table.horizontalHeader().setStretchLastSection(True)
    table.resize(600, 300)
    table.show()
    qtbot.waitExposed(table)
    _fill(table, "abc")
    table.resizeColumnsToContents()
    # What Qt does alone: the last column sized to its contents, a dead strip at the right.
    assert table.columnWidth(2) == table.columnWidth(0)
    _fill(table, "abcdef")
    fit_columns(table)
    first, second, last = (table.columnWidth(j) for j in range(3))
    assert first == second > 0
    assert first + second + last == table.viewport().width()


def test_a_table_without_stretch_is_only_fitted(qtbot: QtBot) -> None:
    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    table.resize(600, 300)
    table.show()
    _fill(table, "abc")
    fit_columns(table)
    assert table.columnWidth(1) == table.columnWidth(0) < 300
    assert not table.horizontalHeader().stretchLastSection()
