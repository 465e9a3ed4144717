"""DeviceStatusWidget: filter, summary, state colours, empty state."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from core.model import DeviceKind, DeviceState
from core.views import DeviceRow
from widgets.device_status import DeviceStatusWidget
from widgets.palette import DEVICE_STATE_COLOURS
from widgets.table_titles import widen_titles

SEEN = datetime(2026, 11, 25, 8, 0, 5, tzinfo=UTC)


def device(
    id: int,
    code: str,
    kind: DeviceKind,
    state: DeviceState = DeviceState.ONLINE,
    community: str | None = "C01",
    name: str = "",
) -> DeviceRow:
    return DeviceRow(
        id=id,
        code=code,
        name=name or f"{kind.value} {code}",
        kind=kind.value,
        community=community,
        community_name={"C01": "咸阳北里社区", "C02": "天明园社区"}.get(community or ""),
        workstation="CC",
        address="",
        state=state,
        last_seen_at=SEEN if state is not DeviceState.UNKNOWN else None,
        detail="",
    )


ROWS = [
    device(1, "CAM-C01-01", DeviceKind.CAMERA),
    device(2, "CAM-C02-01", DeviceKind.CAMERA, DeviceState.OFFLINE, "C02"),
    device(3, "RDR-C01-01", DeviceKind.READER, DeviceState.FAULT),
    device(4, "RDR-C02-01", DeviceKind.READER, DeviceState.UNKNOWN, "C02"),
    device(5, "PHN-CC-01", DeviceKind.PHONE, community=None, name="值班电话"),
]


@pytest.fixture
def pane(qtbot: QtBot) -> DeviceStatusWidget:
    w = DeviceStatusWidget()
    qtbot.addWidget(w)
    w.resize(900, 400)
    w.show()
    qtbot.waitExposed(w)
    return w


def _codes(w: DeviceStatusWidget) -> list[str]:
    p = w.proxy
    return [p.data(p.index(r, 1)) for r in range(p.rowCount())]


def test_empty_state_without_devices(pane: DeviceStatusWidget) -> None:
    pane.set_rows([])
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.title() == "No devices configured"
    assert pane.summary.text() == "0 online · 0 offline · 0 never seen"


def test_rows_and_summary(pane: DeviceStatusWidget) -> None:
    pane.set_rows(ROWS)
    assert pane.stack.currentWidget() is pane.table
    assert pane.proxy.rowCount() == 5
    # fault counts as offline for the operator
    assert pane.summary.text() == "2 online · 2 offline · 1 never seen"


def test_typing_in_the_filter_narrows_the_rows(qtbot: QtBot, pane: DeviceStatusWidget) -> None:
    pane.set_rows(ROWS)
    qtbot.keyClicks(pane.filter, "cam")
    assert sorted(_codes(pane)) == ["CAM-C01-01", "CAM-C02-01"]
    pane.filter.clear()
    assert pane.proxy.rowCount() == 5
    pane.filter.setText("天明园")  # community names match too
    assert sorted(_codes(pane)) == ["CAM-C02-01", "RDR-C02-01"]
    pane.filter.setText("control centre")  # devices of no community
    assert _codes(pane) == ["PHN-CC-01"]
    pane.filter.setText("no such device")
    assert pane.proxy.rowCount() == 0
    assert pane.summary.text() == "2 online · 2 offline · 1 never seen", "summary is of all"


def test_state_column_is_coloured_and_named(pane: DeviceStatusWidget) -> None:
    pane.set_rows(ROWS)
    m = pane.model
    for r, d in enumerate(ROWS):
        brush = m.data(m.index(r, 0), Qt.ItemDataRole.ForegroundRole)
        assert isinstance(brush, QBrush)
        assert brush.color() == DEVICE_STATE_COLOURS[d.state]
    assert m.data(m.index(3, 0)) == "● Never seen"
    assert m.data(m.index(3, 6)) == "—", "a device never seen has no last contact"
    assert m.data(m.index(0, 6)) == "2026-11-25 16:00:05", "last contact in the site's zone"
    assert m.data(m.index(0, 3)) == "Camera"


def test_sorting_by_code(pane: DeviceStatusWidget) -> None:
    pane.set_rows(list(reversed(ROWS)))
    pane.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _codes(pane) == sorted(d.code for d in ROWS)


def test_an_online_camera_nobody_reports_any_more_reads_not_reporting(
    pane: DeviceStatusWidget,
) -> None:
    # A camera is online while a recorder reports it (its row renewed at least every 30 s);
    # with no recorder running its row stays "online" for ever unless the pane judges its age.
    pane.set_rows(ROWS)
    state = pane.model.column_index("state")

    def shown(row: int) -> tuple[str, str]:
        index = pane.model.index(row, state)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        return index.data(), brush.color().name()

    pane.set_now(SEEN + timedelta(seconds=60))
    assert shown(0) == ("● Online", DEVICE_STATE_COLOURS[DeviceState.ONLINE].name())
    assert pane.summary.text() == "2 online · 2 offline · 1 never seen"
    pane.set_now(SEEN + timedelta(minutes=5))
    assert shown(0) == ("● Not reporting", DEVICE_STATE_COLOURS[DeviceState.UNKNOWN].name())
    assert pane.summary.text() == "1 online · 2 offline · 1 never seen · 1 not reporting"
    # A phone (or reader) holds a connection and may be quiet for hours: only cameras are
    # judged by the age of their last report.
    phone_row = next(i for i, r in enumerate(pane.rows()) if r.code == "PHN-CC-01")
    assert shown(phone_row)[0] == "● Online"
    # A fresh report (the recorder is back) makes it online again.
    pane.set_rows([replace(ROWS[0], last_seen_at=SEEN + timedelta(minutes=5)), *ROWS[1:]])
    assert shown(0)[0] == "● Online"


def test_the_detail_is_shown_in_the_uis_language(
    pane: DeviceStatusWidget, translations: Translations
) -> None:
    # Adapters write their details in English into the shared database; a Chinese console
    # shows the console's own words in Chinese and keeps addresses and OS texts as they came.
    rows = [
        replace(ROWS[0], detail="simulated"),
        replace(ROWS[1], detail="tcp://10.0.0.5:4001: cannot connect: Connection refused"),
    ]
    pane.set_rows(rows)
    column = pane.model.column_index("detail")
    assert translations.switch("zh_CN")
    pane.model.retranslate()
    shown = [pane.model.index(i, column).data() for i in range(2)]
    assert shown[0] == "模拟"
    assert shown[1].startswith("tcp://10.0.0.5:4001")
    assert shown[1].endswith("Connection refused")
    assert "cannot connect" not in shown[1]


def test_the_kind_column_fits_every_kind_not_only_the_first_rows(
    qtbot: QtBot,
) -> None:
    # Columns are sized from the first 25 rows: readers after 30 cameras had their kind cut.
    pane = DeviceStatusWidget()
    qtbot.addWidget(pane)
    rows = [device(i, f"CAM{i:02}", DeviceKind.CAMERA) for i in range(1, 31)]
    rows.append(device(31, "R001", DeviceKind.READER))
    pane.set_rows(rows)
    kind = pane.model.column_index("kind")
    reader = pane.model.index(30, kind).data()
    assert pane.table.columnWidth(kind) > pane.table.fontMetrics().horizontalAdvance(reader)


def test_switching_language_widens_a_title_the_other_language_had_shorter(
    qtbot: QtBot, translations: Translations
) -> None:
    # The session calls widen_titles on every widget after a switch (console/session.py).
    assert translations.switch("zh_CN")
    pane = DeviceStatusWidget()
    qtbot.addWidget(pane)
    pane.set_rows(ROWS)  # sized for "工作站"
    header = pane.table.horizontalHeader()
    assert translations.switch("en")
    assert pane.model.headerData(5, Qt.Orientation.Horizontal) == "Workstation"
    assert header.sectionSize(5) < header.sectionSizeHint(5)  # cut: "Workstatior"
    assert widen_titles([pane.table, header]) >= 1
    for col in range(pane.model.columnCount() - 1):  # the last one stretches
        assert header.sectionSize(col) >= header.sectionSizeHint(col), col
    narrow_again = header.sectionSize(5)
    assert translations.switch("zh_CN")
    assert widen_titles([header]) == 0  # never narrowed: the operator's widths stay
    assert header.sectionSize(5) == narrow_again
