"""IncidentQueueWidget: empty state, rows, priority colours (a pixel check, not golden images)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.paths import resources_dir
from core.incidents import IncidentState
from core.model import IncidentSource, Priority
from core.views import IncidentRow
from widgets.incident_queue import IncidentQueueModel, IncidentQueueWidget, age_parts
from widgets.palette import PRIORITY_COLOURS

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def row(
    id: int,
    priority: Priority = Priority.P3,
    state: IncidentState = IncidentState.NEW,
    title: str = "incident",
    age: timedelta = timedelta(minutes=5),
) -> IncidentRow:
    return IncidentRow(
        id=id,
        title=title,
        priority=priority,
        state=state,
        source=IncidentSource.MANUAL,
        community="C01",
        community_name="咸阳北里社区",
        location="1号楼",
        created_at=NOW - age,
        updated_at=NOW - age,
        claimed_by=None,
    )


@pytest.fixture
def queue(qtbot: QtBot) -> IncidentQueueWidget:
    w = IncidentQueueWidget()
    w.model._clock = lambda: NOW
    qtbot.addWidget(w)
    w.resize(900, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


def _dominant_colour(w: IncidentQueueWidget, index: QModelIndex) -> QColor:
    """The most frequent colour inside a cell of the grabbed widget."""
    rect = w.table.visualRect(index)
    assert rect.isValid()
    img = w.grab().toImage()
    origin = w.table.viewport().mapTo(w, rect.topLeft())
    ratio = img.devicePixelRatio()
    counts: Counter[int] = Counter()
    for dx in range(2, rect.width() - 2, 2):
        for dy in range(2, rect.height() - 2, 2):
            p = origin + QPoint(dx, dy)
            counts[img.pixel(int(p.x() * ratio), int(p.y() * ratio))] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0])


def test_empty_state_when_nothing_is_open(queue: IncidentQueueWidget) -> None:
    queue.set_rows([])
    assert queue.currentWidget() is queue.empty
    assert queue.empty.title() == "No open incidents"
    assert "Ctrl+N" in queue.empty.text()
    assert queue.selected_incident_id() is None


def test_rows_replace_the_empty_state(queue: IncidentQueueWidget) -> None:
    queue.set_rows([row(1, Priority.P1, title="fire"), row(2, Priority.P4, title="lamp")])
    assert queue.currentWidget() is queue.table
    m = queue.model
    assert m.rowCount() == 2
    assert m.data(m.index(0, 0)) == "P1 Critical"
    assert m.data(m.index(0, 1)) == "New"
    assert m.data(m.index(0, 2)) == "fire"
    assert m.data(m.index(0, 6)) == "5 min"
    assert m.data(m.index(0, 0), Qt.ItemDataRole.UserRole) == 1
    queue.set_rows([])
    assert queue.currentWidget() is queue.empty


@pytest.mark.parametrize("priority", list(Priority))
def test_priority_cell_is_painted_in_its_colour(
    queue: IncidentQueueWidget, priority: Priority
) -> None:
    queue.set_rows([row(1, priority), row(2, Priority.P3)])
    queue.table.clearSelection()
    colour = _dominant_colour(queue, queue.model.index(0, 0))
    assert colour.name() == PRIORITY_COLOURS[priority].name()


def test_priority_colour_survives_the_dark_theme(queue: IncidentQueueWidget) -> None:
    queue.setStyleSheet((resources_dir() / "qss" / "dark.qss").read_text(encoding="utf-8"))
    queue.set_rows([row(1, Priority.P1)])
    queue.table.clearSelection()
    QApplication.processEvents()
    colour = _dominant_colour(queue, queue.model.index(0, 0))
    assert colour.name() == PRIORITY_COLOURS[Priority.P1].name()
    other = _dominant_colour(queue, queue.model.index(0, 2))
    assert other.name() != PRIORITY_COLOURS[Priority.P1].name(), "only the priority cell is red"


def test_selection_is_kept_across_refreshes(queue: IncidentQueueWidget) -> None:
    queue.set_rows([row(1), row(2), row(3)])
    queue.table.selectRow(1)
    assert queue.selected_incident_id() == 2
    queue.set_rows([row(3), row(2)])
    assert queue.selected_incident_id() == 2
    queue.set_rows([row(3)])
    assert queue.selected_incident_id() is None


def test_enter_on_a_row_activates_its_incident(qtbot: QtBot, queue: IncidentQueueWidget) -> None:
    queue.set_rows([row(7), row(8)])
    queue.table.setFocus()
    queue.table.setCurrentIndex(queue.model.index(1, 0))
    with qtbot.waitSignal(queue.sig_incident_activated) as sig:
        qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    assert sig.args == [8]


def test_double_click_activates(qtbot: QtBot, queue: IncidentQueueWidget) -> None:
    queue.set_rows([row(7)])
    rect = queue.table.visualRect(queue.model.index(0, 2))
    vp = queue.table.viewport()
    with qtbot.waitSignal(queue.sig_incident_activated) as sig:
        # A real double click: press, release, then the double-click event.
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [7]


@pytest.mark.parametrize(
    ("age", "text"),
    [
        (timedelta(seconds=59), "0 min"),
        (timedelta(minutes=59), "59 min"),
        (timedelta(hours=2, minutes=5), "2 h 05 min"),
        (timedelta(days=1, hours=4, minutes=30), "1 d 4 h"),
        (timedelta(seconds=-30), "0 min"),  # a workstation clock slightly behind
    ],
)
def test_age_texts(age: timedelta, text: str) -> None:
    m = IncidentQueueModel(clock=lambda: NOW)
    assert m.age_text(NOW - age) == text


def test_age_parts_never_negative() -> None:
    assert age_parts(NOW + timedelta(hours=1), NOW) == (0, 0, 0)


def test_refresh_ages_repaints_only_the_age_column(qtbot: QtBot) -> None:
    m = IncidentQueueModel(clock=lambda: NOW)
    m.set_rows([row(1), row(2)])
    with qtbot.waitSignal(m.dataChanged) as sig:
        m.refresh_ages()
    top, bottom = sig.args[0], sig.args[1]
    age_col = IncidentQueueModel.COLUMNS.index("age")
    assert (top.row(), top.column(), bottom.row(), bottom.column()) == (0, age_col, 1, age_col)
