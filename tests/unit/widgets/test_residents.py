"""The residents pane and card widgets, fed plain rows: widths, plain text, empty states."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from core.model import RoleName
from core.personal import (
    AccessEntry,
    PersonalField,
    Purpose,
    ResidentCard,
    ResidentFields,
    ResidentRow,
    mask_id_number,
    present,
)
from widgets.residents import ResidentCardDialog, ResidentsWidget

HOSTILE = "<b>王</b><img src='file:///etc/hosts'>"
NUMBER = "120106194802291234"


def row(i: int, name: str = "欧阳**") -> ResidentRow:
    return ResidentRow(
        id=i,
        community="C01",
        community_name="咸阳北里社区",
        name=name,
        gender="F",
        birth="1948-**-**",
        id_number=mask_id_number(NUMBER),
        phone="138****5678",
        address="咸阳北里二条19号***",
        minor=False,
        care_needed=True,
        care=None,
    )


def card(purpose: Purpose = Purpose.REASON, key_problem: str | None = None) -> ResidentCard:
    fields = ResidentFields(
        name=HOSTILE,
        gender="F",
        birth_year=1948,
        id_number_mask=mask_id_number(NUMBER),
        phone="13812345678",
        address="咸阳北路12号3门402",
        emergency_contact_name="张小明",
        emergency_contact_phone="13987654321",
        emergency_contact_relation="子女",
        lives_alone=True,
        dementia=False,
        disability=False,
        chronic_illness=True,
        birth_date=None if key_problem else date(1948, 2, 29),
        id_number=None if key_problem else NUMBER,
    )
    return ResidentCard(
        id=7,
        community="C01",
        community_name="咸阳北里社区",
        purpose=purpose,
        presentation=present(fields, RoleName.SUPERVISOR, purpose, today=date(2026, 11, 25)),
        key_problem=key_problem,
    )


def test_masked_numbers_and_chinese_names_fit_their_columns(qtbot: QtBot) -> None:
    w = ResidentsWidget()
    qtbot.addWidget(w)
    w.set_rows([row(1), row(2, "司马相如如")], total=2, more=False)
    header = w.table.horizontalHeader()
    fm = QFontMetrics(w.table.font())
    for name, text in (("id_number", "1201**********123X"), ("name", "司马相如如")):
        assert header.sectionSize(w.model.column_index(name)) > fm.horizontalAdvance(text)
    assert w.summary.text() == "2 residents"
    assert w.summary.textFormat() == Qt.TextFormat.PlainText


def test_the_count_line_says_what_is_not_loaded_and_the_empty_state_why(qtbot: QtBot) -> None:
    w = ResidentsWidget()
    qtbot.addWidget(w)
    w.set_rows([row(i) for i in range(1, 4)], total=75_000, more=True)
    assert w.summary.text() == "3 of 75,000 — scroll for more"
    w.search.setText("不存在")
    w.set_rows([], total=0, more=False)
    assert w.stack.currentWidget() is w.empty
    assert "不存在" in w.empty.title()
    w.search.setText(HOSTILE)  # a typed search is quoted as text, never rendered
    w.set_rows([], total=0, more=False)
    assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in w.empty.findChildren(QLabel))
    w.clear()
    assert w.query() == ""
    assert w.model.rowCount() == 0


def test_typing_searches_once_after_a_pause(qtbot: QtBot) -> None:
    w = ResidentsWidget()
    qtbot.addWidget(w)
    seen: list[tuple[str, str]] = []
    w.sig_search_requested.connect(lambda q, c: seen.append((q, c)))
    qtbot.keyClicks(w.search, "13812")
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("13812", "")]


def test_the_card_is_plain_text_and_marks_what_was_revealed(
    qtbot: QtBot, qapp: QApplication
) -> None:
    d = ResidentCardDialog("Asia/Shanghai")
    qtbot.addWidget(d)
    d.set_card(card())
    assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in d.findChildren(QLabel))
    assert d.values[PersonalField.NAME].text() == HOSTILE
    assert d.values[PersonalField.ID_NUMBER].text() == NUMBER
    assert d.values[PersonalField.ID_NUMBER].property("revealed") is True
    assert d.values[PersonalField.LIVES_ALONE].text() == "Yes"
    assert d.values[PersonalField.WHEREABOUTS].text() == "no positions recorded"
    assert HOSTILE in d.heading.text()
    assert not d.key_problem.isVisibleTo(d)


def test_the_card_says_the_site_key_is_missing(qtbot: QtBot) -> None:
    d = ResidentCardDialog()
    qtbot.addWidget(d)
    d.set_card(card(key_problem="/keys/field-keys.json is missing on this workstation"))
    assert "site key is missing on this workstation" in d.key_problem.text()
    assert d.values[PersonalField.ID_NUMBER].text() == "1201**********1234"
    assert d.values[PersonalField.BIRTH_DATE].text() == "1948-**-**"


def test_reveal_sends_the_purpose_and_the_access_log_reads_in_words(qtbot: QtBot) -> None:
    d = ResidentCardDialog("Asia/Shanghai")
    qtbot.addWidget(d)
    d.set_card(card(Purpose.BROWSE))
    d.set_purposes(incident=True, reason=False)
    assert d.for_incident.isChecked()
    with qtbot.waitSignal(d.sig_reveal_requested) as sent:
        d.incident_number.setText("#42")
        d.reveal.click()
    assert sent.args == [7, "incident", "", 42]
    assert not d.reveal.isEnabled()  # until the answer comes
    d.show_error("Not shown")
    assert d.reveal.isEnabled()
    at = datetime(2026, 11, 25, 1, 2, tzinfo=UTC)
    d.set_access_log(
        [
            AccessEntry(at, "supervisor", "CC", False, "reason", ("id_number",), None, "核实"),
            AccessEntry(at, "operator", "WS02", True, "reason", (), None, "", "x", "reason"),
        ]
    )
    assert d.access.topLevelItemCount() == 2
    assert d.access.topLevelItem(0).text(4) == "Identity number"
    assert d.access.topLevelItem(1).text(3) == "Refused: no reason given"
    d.clear()
    assert d.values[PersonalField.ID_NUMBER].text() == ""
    assert d.access.topLevelItemCount() == 0
