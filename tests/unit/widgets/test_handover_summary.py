"""The handover dialog's summary: incident types by name, only those raised in the shift."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from core.handover import Count, HandoverReport
from widgets.handover import HandoverDialog

T0 = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)


def test_types_are_named_and_only_those_raised_are_listed(qtbot: QtBot) -> None:
    dlg = HandoverDialog()
    qtbot.addWidget(dlg)
    report = HandoverReport(
        site="咸阳北路街道",
        workstation="CC",
        outgoing="王建国",
        outgoing_username="supervisor",
        shift_start=T0,
        shift_end=T0.replace(hour=19),
        open_items=(),
        open_total=1,
        sla_misses=(),
        by_type=(Count("THEFT", 0, 1), Count("NOISE", 2, 0)),
        by_community=(),
        type_names=(("THEFT", "盗窃"), ("NOISE", "噪音扰民")),
    )
    text = dlg.summary_text(report)
    assert "噪音扰民" in text
    assert "NOISE" not in text, "the type's name, not the site file's code"
    assert "THEFT" not in text
    assert "盗窃" not in text, "open from before, none raised: not under the shift's count"
