"""Translations: installing and removing Qt translators at run time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console.i18n import LANGUAGES, Translations


def _tr(text: str, context: str = "IncidentsPresenter") -> str:
    return QCoreApplication.translate(context, text)


def test_switch_installs_and_removes(translations: Translations) -> None:
    assert set(LANGUAGES) == {"zh_CN", "en"}
    assert translations.switch("zh_CN")
    assert translations.language == "zh_CN"
    assert _tr("Incident queue") == "事件队列"
    assert _tr("P1 Critical", "Labels") == "P1 紧急"

    assert translations.switch("en")
    assert translations.language == "en"
    assert _tr("Incident queue") == "Incident queue"


def test_switching_twice_does_not_stack_translators(translations: Translations) -> None:
    translations.switch("zh_CN")
    translations.switch("zh_CN")
    translations.switch("en")
    assert _tr("Incident queue") == "Incident queue"


def test_every_message_is_translated_to_chinese(translations: Translations) -> None:
    ts = (translations.folder / "console_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert "<translation></translation>" not in ts


def test_missing_qm_falls_back_to_english(qapp: QApplication, tmp_path: Path) -> None:
    t = Translations(qapp, folder=tmp_path)
    try:
        assert not t.switch("zh_CN")
        assert t.language == "en"
        assert _tr("Incident queue") == "Incident queue"
    finally:
        t.switch("en")


def test_unknown_language_is_refused(translations: Translations) -> None:
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        translations.switch("fr")


def _english_texts(dialog: QWidget) -> list[str]:
    """Visible texts of `dialog` (labels, buttons, column headers, the types of its files)
    that hold a word of Latin letters and no Chinese."""
    found = []
    for w in dialog.findChildren(QWidget):
        if isinstance(w, QLabel | QAbstractButton) and w.isVisibleTo(dialog):
            found.append(w.text())
        if isinstance(w, QTreeView) and w.isVisibleTo(dialog) and w.model() is not None:
            model, root = w.model(), w.rootIndex()
            for col in range(model.columnCount(root)):
                found.append(str(model.headerData(col, Qt.Orientation.Horizontal)))
            for row in range(model.rowCount(root)):
                found.append(str(model.index(row, 2, root).data()))  # the Type column
    return [t for t in found if re.search("[A-Za-z]{3}", t) and not re.search("[\u4e00-\u9fff]", t)]


def test_qt_file_dialog_is_all_chinese(
    translations: Translations, qtbot: QtBot, tmp_path: Path
) -> None:
    # Qt's qtbase_zh_CN lacks "&Look in:", "Files of &type:" and the type "Folder": the console's
    # supplement (resources/translations/qtbase_extra_zh_CN.ts) fills them in.
    (tmp_path / "sub").mkdir()
    assert translations.switch("zh_CN")
    for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
        dialog = QFileDialog(None, "x", str(tmp_path))
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        dialog.show()
        tree = dialog.findChild(QTreeView, "treeView")
        assert tree is not None
        qtbot.waitUntil(lambda t=tree: t.model().rowCount(t.rootIndex()) == 1)
        assert tree.model().index(0, 2, tree.rootIndex()).data() == "文件夹"
        assert _english_texts(dialog) == []
        dialog.close()


def test_a_qm_rewritten_in_place_does_not_switch_the_console_to_english(
    qapp: QApplication, tmp_path: Path
) -> None:
    # lrelease (`make translations`) rewrites a .qm in place; a translator that mapped the
    # file read garbage from then on and every window opened later came up in English.
    shipped = Translations(qapp).folder
    for qm in shipped.glob("*.qm"):
        (tmp_path / qm.name).write_bytes(qm.read_bytes())
    t = Translations(qapp, folder=tmp_path)
    try:
        assert t.switch("zh_CN")
        target = tmp_path / "console_zh_CN.qm"
        size = target.stat().st_size
        with target.open("r+b") as fh:  # the same file, not a new one renamed over it
            fh.write(b"\0" * size)
        assert _tr("Incident queue") == "事件队列"
    finally:
        t.switch("en")
