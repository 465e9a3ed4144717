"""The rounds list and the new-round dialog alone: frame parameters, stale counts, rights."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from core.survey_views import CallListRow, PublishedForm, RoundRow
from core.views import CommunityRow
from widgets.survey_rounds import NewRound, NewRoundDialog, RoundsWidget

FORMS = [PublishedForm("SAT", 2, "Satisfaction")]
COMMUNITIES = [CommunityRow("C01", "东风", 10, 0.0, 0.0), CommunityRow("C02", "西湖", 10, 0.0, 0.0)]


def round_row(code: str, status: str = "open") -> RoundRow:
    return RoundRow(
        code,
        "p",
        "SAT",
        2,
        "sample",
        date(2026, 1, 1),
        date(2026, 1, 31),
        False,
        False,
        status,
        40,
        10,
        2,
    )


def test_the_dialog_asks_the_frame_counted_and_ignores_a_stale_count(qtbot: QtBot) -> None:
    dlg = NewRoundDialog(FORMS, COMMUNITIES, date(2026, 3, 1))
    qtbot.addWidget(dlg)
    asked: list[tuple[str, dict[str, object]]] = []
    dlg.sig_frame_size_requested.connect(lambda kind, params: asked.append((kind, params)))
    dlg.communities.item(1).setCheckState(Qt.CheckState.Checked)
    dlg.kind.setCurrentIndex(dlg.kind.findData("care"))
    dlg.care.setCurrentIndex(dlg.care.findData("dementia"))
    dlg.request_frame_size()
    assert asked[-1] == ("care", {"communities": ["C02"], "flag": "dementia"})
    dlg.set_frame_size(*asked[-1], 7)
    assert dlg.frame_size == 7
    assert "7 people" in dlg.size_label.text()
    # the choices moved on: a count of the old frame is not shown as the new one's
    dlg.kind.setCurrentIndex(dlg.kind.findData("sample"))
    dlg.set_frame_size("care", {"communities": ["C02"], "flag": "dementia"}, 7)
    assert dlg.frame_size is None
    dlg.n.setValue(30)
    dlg.seed.setValue(5)
    dlg.request_frame_size()
    assert asked[-1] == ("sample", {"communities": ["C02"], "n": 30, "seed": 5})


def test_the_dialog_refuses_a_round_without_code_or_ending_before_it_starts(
    qtbot: QtBot,
) -> None:
    dlg = NewRoundDialog(FORMS, COMMUNITIES, date(2026, 3, 1))
    qtbot.addWidget(dlg)
    made: list[NewRound] = []
    dlg.sig_create_requested.connect(made.append)
    dlg.buttons.accepted.emit()
    assert made == []
    assert "code and a purpose" in dlg.error.text()
    qtbot.keyClicks(dlg.code, "R1")
    qtbot.keyClicks(dlg.purpose, "quarterly")
    dlg.ends.setDate(QDate(2026, 2, 1))
    dlg.buttons.accepted.emit()
    assert made == []
    assert "ends before it starts" in dlg.error.text()
    dlg.ends.setDate(QDate(2026, 3, 31))
    dlg.anonymous.setChecked(True)
    dlg.buttons.accepted.emit()
    (req,) = made
    assert (req.code, req.form_code, req.form_version, req.frame_kind) == (
        "R1",
        "SAT",
        2,
        "communities",
    )
    assert (req.starts_on, req.ends_on, req.anonymous) == (
        date(2026, 3, 1),
        date(2026, 3, 31),
        True,
    )
    assert req.frame_params == {}  # no community chosen: all of them


def test_round_actions_follow_rights_and_status(qtbot: QtBot) -> None:
    w = RoundsWidget()
    qtbot.addWidget(w)
    w.set_rights(author=False, take=True, read=True)
    assert not w.new_round.isVisibleTo(w)
    assert w.paper.isVisibleTo(w)
    w.set_rounds([round_row("OPEN"), round_row("DONE", "closed")])
    assert w.selected_code() == "OPEN"
    w.set_call_list("OPEN", [CallListRow(1, "张*", "东风", "138****0000", "1950")], 30, 40)
    assert w.paper.isEnabled()
    assert w.call_next.isEnabled()
    assert "30 of 40" in w.call_label.text()
    assert "first 1 shown" in w.call_label.text()
    w.view.selectRow(1)
    assert not w.paper.isEnabled()  # a closed round takes no more responses
    assert not w.call_next.isEnabled()
    assert len(w.calls) == 0  # the other round's list is not shown for this one
    w.set_call_list("OPEN", [CallListRow(1, "张*", "东风", "138****0000", "1950")], 30, 40)
    assert len(w.calls) == 0  # a late answer for the round no longer selected is dropped
