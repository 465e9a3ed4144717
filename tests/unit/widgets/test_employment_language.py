"""The Volunteers' hours count and the Employment pane's texts follow a live language switch:
counts said again for the rows shown, the figures and the headings set as texts of the
current language, every column title (the last one too) after a switch."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from core.employment import Stage
from core.employment_views import EmploymentFigures, SeekerRow
from core.volunteer_hours import AttendanceRow
from core.volunteers import PairingRow
from tests.unit.widgets.test_volunteer_hours import ROW
from widgets.employment import FiguresLabel, RetentionTab, SeekersTab
from widgets.volunteer_hours import HoursWidget
from widgets.volunteers import PairingsTab

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


def attendance(i: int) -> AttendanceRow:
    return replace(ROW, id=i)  # the hours tests' row


def seeker(i: int) -> SeekerRow:
    return SeekerRow(
        i, 100 + i, "王*", "C01", 0.0, 0.0, ("烹饪",), (), 10, 20, (), 5.0, (), (), True, T0, T0
    )


def titles(model: object) -> list[str]:
    m = model
    return [
        m.headerData(c, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
        for c in range(m.columnCount())  # type: ignore[attr-defined]
    ]


def test_the_hours_count_follows_a_change_of_language(qtbot: QtBot, lang: Translations) -> None:
    w = HoursWidget()
    qtbot.addWidget(w)
    w.set_rows([attendance(1), attendance(2)])
    assert w.count_label.text() == "2 shown"
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: w.count_label.text() == "显示 2 条")
    lang.switch("en")
    qtbot.waitUntil(lambda: w.count_label.text() == "2 shown")
    w.clear()
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: w.approve_button.text() != "Approve")
    assert w.count_label.text() == ""  # cleared stays cleared


def shown(n: int) -> str:
    """The presenter's count (its own words, in its own context)."""
    return QCoreApplication.translate("EmploymentPresenter", "{n} shown").format(n=n)


def test_an_employment_heading_given_as_a_text_follows_a_change_of_language(
    qtbot: QtBot, lang: Translations
) -> None:
    seekers = SeekersTab()
    qtbot.addWidget(seekers)
    rows = [seeker(1), seeker(2), seeker(3)]
    seekers.set_rows(rows)
    seekers.set_heading(lambda: shown(len(rows)))
    retention = RetentionTab()
    qtbot.addWidget(retention)
    by = date(2027, 6, 1)
    retention.set_heading(
        lambda: QCoreApplication.translate(
            "EmploymentPresenter", "Follow-up calls not yet made, due by {day}: {n}"
        ).format(day=by.isoformat(), n=0)
    )
    assert seekers.heading.text() == "3 shown"
    assert retention.heading.text() == "Follow-up calls not yet made, due by 2027-06-01: 0"
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: seekers.heading.text() == "显示 3 条")
    assert retention.heading.text().startswith("2027-06-01 前")
    assert "回访" in retention.heading.text()
    lang.switch("en")
    qtbot.waitUntil(lambda: seekers.heading.text() == "3 shown")
    assert retention.heading.text() == "Follow-up calls not yet made, due by 2027-06-01: 0"
    # A heading written over with setText is not replaced by the older one on a switch.
    seekers.heading.setText("something else")
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: seekers.register_button.text() == "登记求职者…")
    assert seekers.heading.text() == "something else"


def test_the_employment_figures_follow_a_change_of_language(
    qtbot: QtBot, lang: Translations
) -> None:
    label = FiguresLabel()
    qtbot.addWidget(label)
    label.set_figures(
        EmploymentFigures(
            start=date(2026, 1, 1),
            end=date(2026, 7, 10),
            placements=2,
            target=10,
            referrals_by_stage=tuple((s, 1) for s in Stage),
            open_postings=4,
            seekers=9,
            seekers_consenting=7,
        )
    )
    english = label.text()
    assert "Placements confirmed by the employer: 2 of 10 (8 to go)" in english
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: label.text() != english)
    assert "Placements" not in label.text()
    assert "2026-01-01" in label.text()
    lang.switch("en")
    qtbot.waitUntil(lambda: label.text() == english)
    label.set_figures(None)
    assert label.text() == ""


def test_the_last_column_keeps_its_title_after_a_change_of_language(
    qtbot: QtBot, lang: Translations
) -> None:
    pairings = PairingsTab()
    seekers = SeekersTab()
    for w in (pairings, seekers):
        qtbot.addWidget(w)
        w.resize(900, 400)
        w.show()
    pairings.set_rows(
        [PairingRow(1, "C01", 2, "张*", 3, "李*", True, "weekly", 1, "", date(2026, 1, 1), None)]
    )
    seekers.set_rows([seeker(1)])
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: titles(pairings.model)[-1] == "社区")
    assert titles(seekers.model)[-1] == "同意匹配"
    lang.switch("en")
    qtbot.waitUntil(lambda: titles(pairings.model)[-1] == "Community")
    assert titles(seekers.model)[-1] == "Consents to matching"
    for w in (pairings, seekers):
        header = w.table.horizontalHeader()
        last = header.count() - 1
        assert header.sectionSize(last) > 0
        assert not header.isSectionHidden(last)
