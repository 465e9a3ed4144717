"""User text is shown as text: tooltips and message boxes never render it as HTML."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console.dialogs import QtDialogs
from widgets.table_model import Column, RowTableModel
from widgets.text import plain_tooltip

HOSTILE = "<h1>大标题</h1><img src='file:///etc/hosts'> & 1 < 2"


def _as_shown(tip: str) -> str:
    """The text a tooltip shows: Qt renders it as rich text when it looks like HTML (a tag)."""
    if "<" not in tip:
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_a_hostile_tooltip_reads_exactly_as_typed(qapp: QApplication) -> None:
    assert _as_shown(plain_tooltip(HOSTILE)) == HOSTILE
    assert _as_shown(plain_tooltip("第一行\n<b>第二行</b>")) == "第一行\n<b>第二行</b>"
    assert plain_tooltip("平常的标题") == "平常的标题"


@dataclass(frozen=True)
class Row:
    key: int
    title: str


def test_table_tooltips_are_plain(qapp: QApplication) -> None:
    model: RowTableModel[Row, int] = RowTableModel(
        [Column("title", lambda: "Title", lambda r: r.title, tooltip=lambda r: r.title)],
        key=lambda r: r.key,
    )
    model.set_rows([Row(1, HOSTILE)])
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert _as_shown(tip) == HOSTILE


def test_a_question_quoting_user_text_is_plain(qapp: QApplication) -> None:
    owner = QWidget()
    dialogs = QtDialogs(owner)
    dialogs.confirm("接管", HOSTILE, lambda: None)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    try:
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert box.text() == HOSTILE
    finally:
        box.close()
        owner.deleteLater()
