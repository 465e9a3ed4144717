"""The consent section and the rights dialogs: what they show and when OK may be pressed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from core.consent import ConsentMethod, ConsentPurpose, ConsentRecord, current_states
from widgets.consent import ConsentSection, ReasonDialog, RecordConsentDialog

P, M = ConsentPurpose, ConsentMethod
AT = datetime(2026, 11, 20, 1, tzinfo=UTC)


def _states() -> list:  # type: ignore[type-arg]
    return current_states(
        [
            ConsentRecord(1, 7, P.SURVEYS, M.VERBAL, date(2026, 11, 20), "李红", "", "", "",
                          "ws01", AT),
            ConsentRecord(2, 7, P.SCREENING, M.GUARDIAN, date(2026, 11, 20), "", "王芳", "女儿",
                          "", "ws01", AT, AT, "ws01", "<b>家属撤回</b>"),
        ]
    )  # fmt: skip


def _select(section: ConsentSection, purpose: ConsentPurpose) -> None:
    for i in range(section.tree.topLevelItemCount()):
        item = section.tree.topLevelItem(i)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == purpose.value:
            section.tree.setCurrentItem(item)


def _ok(buttons: QDialogButtonBox) -> bool:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button.isEnabled()


def test_each_purpose_is_listed_with_its_state(qtbot: QtBot) -> None:
    section = ConsentSection("Asia/Shanghai")
    qtbot.addWidget(section)
    section.set_states(_states(), can_edit=True)
    texts = {
        section.tree.topLevelItem(i).text(0): section.tree.topLevelItem(i).text(1)  # type: ignore[union-attr]
        for i in range(section.tree.topLevelItemCount())
    }
    assert len(texts) == len(P)
    assert texts["Needs surveys"] == "Given 2026-11-20 — Verbal, witness 李红; recorded by ws01"
    assert texts["Psychological screening"] == (
        "Withdrawn 2026-11-20 09:00:00 by ws01: <b>家属撤回</b>"
    )
    assert texts["Video linking"] == "Not recorded"
    _select(section, P.SURVEYS)
    assert (section.record.isEnabled(), section.withdraw.isEnabled()) == (False, True)
    _select(section, P.SCREENING)  # withdrawn: may be given again
    assert (section.record.isEnabled(), section.withdraw.isEnabled()) == (True, False)
    with qtbot.waitSignal(section.sig_record_requested) as sig:
        section.record.click()
    assert sig.args == ["screening"]
    section.set_states(_states(), can_edit=False)
    assert not section.record.isEnabled()
    assert not section.withdraw.isEnabled()


def test_the_record_dialog_asks_for_what_the_method_needs(qtbot: QtBot) -> None:
    dlg = RecordConsentDialog(P.TRACKING, "刘芳", date(2026, 11, 25))
    qtbot.addWidget(dlg)
    dlg.method.setCurrentIndex(dlg.method.findData(M.WRITTEN.value))
    assert _ok(dlg.buttons)
    assert not dlg.witness.isEnabled()
    dlg.method.setCurrentIndex(dlg.method.findData(M.VERBAL.value))
    assert not _ok(dlg.buttons)
    dlg.witness.setText("李红")
    assert _ok(dlg.buttons)
    dlg.method.setCurrentIndex(dlg.method.findData(M.GUARDIAN.value))
    assert not _ok(dlg.buttons)
    dlg.guardian_name.setText("王芳")
    assert not _ok(dlg.buttons)
    dlg.guardian_relation.setText("女儿")
    assert _ok(dlg.buttons)
    assert dlg.given_on.maximumDate().toPython() == date(2026, 11, 25)  # never in the future
    with qtbot.waitSignal(dlg.sig_submitted) as sig:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[union-attr]
    req = sig.args[0]
    assert (req.method, req.guardian_name, req.guardian_relation) == (M.GUARDIAN, "王芳", "女儿")
    assert not dlg.buttons.isEnabled()  # until the service answers
    dlg.show_error("refused")
    assert dlg.buttons.isEnabled()
    assert dlg.error.text() == "refused"


def test_an_anonymisation_needs_the_masked_name_typed(qtbot: QtBot) -> None:
    dlg = ReasonDialog("Anonymise", "…", confirm_text="张**")
    qtbot.addWidget(dlg)
    dlg.reason.setText("本人申请删除")
    assert not _ok(dlg.buttons)
    dlg.confirm.setText("张三丰")
    assert not _ok(dlg.buttons)
    dlg.confirm.setText("张**")
    assert _ok(dlg.buttons)
    dlg.reason.setText("删")
    assert not _ok(dlg.buttons)


def test_an_export_needs_a_reason_and_a_file(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = ReasonDialog("Export", "…", save_to=tmp_path / "p.json")
    qtbot.addWidget(dlg)
    dlg.reason.setText("本人申请查阅")
    assert _ok(dlg.buttons)
    dlg.path.setText(" ")
    assert not _ok(dlg.buttons)
    dlg.path.setText(str(tmp_path / "q.json"))
    with qtbot.waitSignal(dlg.sig_submitted) as sig:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[union-attr]
    assert sig.args == ["本人申请查阅", str(tmp_path / "q.json")]
