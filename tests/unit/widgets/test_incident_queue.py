"""IncidentQueueWidget: empty state, rows, priority colours (a pixel check, not golden images)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.paths import resources_dir
from core.incidents import IncidentState, QueueView
from core.model import IncidentSource, Priority
from core.sla import SlaLevel
from core.views import IncidentRow
from tests.helpers.fakes import FakeClock
from widgets.incident_queue import (
    SELECTION_FRAME,
    SLA_COLOURS,
    IncidentQueueModel,
    IncidentQueueWidget,
    age_parts,
)
from widgets.palette import PRIORITY_COLOURS, STATE_COLOURS

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


def cell(m: IncidentQueueModel, r: int, name: str) -> QModelIndex:
    return m.index(r, m.column_index(name))


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
    assert m.data(cell(m, 0, "priority")) == "P1 Critical"
    assert m.data(cell(m, 0, "number")) == "1"
    assert m.data(cell(m, 0, "state")) == "New"
    assert m.data(cell(m, 0, "title")) == "fire"
    assert m.data(cell(m, 0, "age")) == "5 min"
    assert m.data(cell(m, 0, "priority"), Qt.ItemDataRole.UserRole) == 1
    queue.set_rows([])
    assert queue.currentWidget() is queue.empty


@pytest.mark.parametrize("priority", list(Priority))
def test_priority_cell_is_painted_in_its_colour(
    queue: IncidentQueueWidget, priority: Priority
) -> None:
    queue.set_rows([row(1, priority), row(2, Priority.P3)])
    queue.table.clearSelection()
    colour = _dominant_colour(queue, cell(queue.model, 0, "priority"))
    assert colour.name() == PRIORITY_COLOURS[priority].name()


@pytest.mark.parametrize("state", list(IncidentState))
def test_the_state_is_a_chip_in_its_own_colour(
    queue: IncidentQueueWidget, state: IncidentState
) -> None:
    queue.set_rows([row(1, Priority.P3, state=state)])
    queue.table.clearSelection()
    colour = _dominant_colour(queue, cell(queue.model, 0, "state"))
    assert colour.name() == STATE_COLOURS[state].name()
    assert colour.name() not in {c.name() for c in PRIORITY_COLOURS.values()}


def test_priority_colour_survives_the_dark_theme(queue: IncidentQueueWidget) -> None:
    queue.setStyleSheet((resources_dir() / "qss" / "dark.qss").read_text(encoding="utf-8"))
    queue.set_rows([row(1, Priority.P1)])
    queue.table.clearSelection()
    QApplication.processEvents()
    colour = _dominant_colour(queue, cell(queue.model, 0, "priority"))
    assert colour.name() == PRIORITY_COLOURS[Priority.P1].name()
    other = _dominant_colour(queue, cell(queue.model, 0, "title"))
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
    rect = queue.table.visualRect(cell(queue.model, 0, "title"))
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


# --- views of the queue ----------------------------------------------------------------------

EMPTY_TITLES = {
    QueueView.OPEN: "No open incidents",
    QueueView.MINE: "Nothing claimed by you",
    QueueView.UNASSIGNED: "Every open incident has a handler",
    QueueView.REVIEW: "Nothing awaiting review",
}


def test_views_are_tabs_and_open_is_the_default(queue: IncidentQueueWidget) -> None:
    tabs = [queue.views.tabText(i) for i in range(queue.views.count())]
    assert tabs == ["Open", "Mine", "Unassigned", "Awaiting review", "History"]
    assert queue.view is QueueView.OPEN
    assert queue.views.isVisible()


@pytest.mark.parametrize("view", [QueueView.MINE, QueueView.UNASSIGNED, QueueView.REVIEW])
def test_set_view_switches_the_tab_and_its_empty_state(
    qtbot: QtBot, queue: IncidentQueueWidget, view: QueueView
) -> None:
    with qtbot.waitSignal(queue.sig_view_changed) as sig:
        queue.set_view(view)
    assert sig.args == [view.value]
    assert queue.view is view
    assert queue.views.tabText(queue.views.currentIndex()) == queue.views.tabText(
        list(QueueView).index(view)
    )
    queue.set_rows([])
    assert queue.currentWidget() is queue.empty
    assert queue.empty.title() == EMPTY_TITLES[view]

    with qtbot.waitSignal(queue.sig_view_changed) as sig:
        queue.set_view(QueueView.OPEN)
    assert sig.args == [QueueView.OPEN.value]
    assert queue.empty.title() == EMPTY_TITLES[QueueView.OPEN]


def test_clicking_a_view_tab_asks_for_its_rows(qtbot: QtBot, queue: IncidentQueueWidget) -> None:
    rect = queue.views.tabRect(list(QueueView).index(QueueView.REVIEW))
    with qtbot.waitSignal(queue.sig_view_changed) as sig:
        qtbot.mouseClick(queue.views, Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [QueueView.REVIEW.value]
    assert queue.view is QueueView.REVIEW


def test_set_view_to_the_shown_view_emits_nothing(qtbot: QtBot, queue: IncidentQueueWidget) -> None:
    with qtbot.assertNotEmitted(queue.sig_view_changed):
        queue.set_view(QueueView.OPEN)


def test_summary_counts_open_or_to_review(queue: IncidentQueueWidget) -> None:
    queue.set_rows([row(1, Priority.P1), row(2, Priority.P3)])
    queue.set_counts({Priority.P1: 1, Priority.P3: 1}, 2)
    assert queue.summary.text() == "P1 1 · P2 0 · P3 1 · P4 0 · 2 open"
    queue.set_view(QueueView.REVIEW)
    assert queue.summary.text() == "P1 1 · P2 0 · P3 1 · P4 0 · 2 to review"
    queue.set_counts({Priority.P1: 1, Priority.P3: 1}, 5)
    assert queue.summary.text().endswith("5 to review — showing 2; scroll down for more")


def test_retranslate_keeps_the_empty_state_of_the_view(queue: IncidentQueueWidget) -> None:
    queue.set_view(QueueView.MINE)
    queue.empty.set_texts("", "stale", "stale")
    queue.retranslate()
    assert queue.empty.title() == EMPTY_TITLES[QueueView.MINE], "retranslate keeps the view"


# --- SLA of the age column --------------------------------------------------------------------


def _age(m: IncidentQueueModel, r: int, role: Qt.ItemDataRole) -> object:
    return m.data(cell(m, r, "age"), role)


def test_a_new_p1_older_than_two_minutes_is_breached() -> None:
    m = IncidentQueueModel(clock=FakeClock(NOW))
    m.set_rows(
        [
            row(1, Priority.P1, age=timedelta(minutes=3)),
            row(2, Priority.P1, age=timedelta(seconds=30)),
        ]
    )
    late = _age(m, 0, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(late, QBrush)
    assert late.color() == SLA_COLOURS[SlaLevel.BREACHED]
    assert late.color().red() > 200, "red"
    assert late.color().green() < 100, "red"
    assert _age(m, 0, Qt.ItemDataRole.ToolTipRole) == "Acknowledge within 2 min: overdue by 1 min"

    assert _age(m, 1, Qt.ItemDataRole.BackgroundRole) is None, "a fresh one is OK: no colour"
    assert _age(m, 1, Qt.ItemDataRole.ToolTipRole) == "Acknowledge within 2 min: 1 min left"


@pytest.mark.parametrize(
    ("priority", "state", "age", "level", "tip"),
    [
        (Priority.P1, IncidentState.NEW, timedelta(minutes=1), SlaLevel.WARNING, "1 min left"),
        (
            Priority.P2,
            IncidentState.NEW,
            timedelta(minutes=6),
            SlaLevel.BREACHED,
            "overdue by 1 min",
        ),
        (Priority.P4, IncidentState.NEW, timedelta(minutes=59), SlaLevel.OK, "1 h 01 min left"),
        (
            Priority.P1,
            IncidentState.ACKNOWLEDGED,
            timedelta(minutes=3),
            SlaLevel.OK,
            "Dispatch within 10 min: 7 min left",
        ),
        (
            Priority.P1,
            IncidentState.DISPATCHED,
            timedelta(minutes=3),
            SlaLevel.OK,
            "Resolve within 1 h 00 min: 57 min left",
        ),
        (
            Priority.P1,
            IncidentState.ON_SCENE,
            timedelta(hours=2),
            SlaLevel.BREACHED,
            "Resolve within 1 h 00 min: overdue by 1 h 00 min",
        ),
    ],
)
def test_sla_levels_and_tooltips(
    priority: Priority, state: IncidentState, age: timedelta, level: SlaLevel, tip: str
) -> None:
    m = IncidentQueueModel(clock=FakeClock(NOW))
    m.set_rows([row(1, priority, state, age=age)])
    brush = _age(m, 0, Qt.ItemDataRole.BackgroundRole)
    if level is SlaLevel.OK:
        assert brush is None
        assert _age(m, 0, Qt.ItemDataRole.ForegroundRole) is None
    else:
        assert isinstance(brush, QBrush)
        assert brush.color() == SLA_COLOURS[level]
    tooltip = _age(m, 0, Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tooltip, str)
    assert tooltip.endswith(tip)


def test_a_resolved_incident_has_no_sla_clock() -> None:
    m = IncidentQueueModel(clock=FakeClock(NOW))
    m.set_rows([row(1, Priority.P1, IncidentState.RESOLVED, age=timedelta(hours=5))])
    assert _age(m, 0, Qt.ItemDataRole.BackgroundRole) is None
    assert _age(m, 0, Qt.ItemDataRole.ToolTipRole) is None


def test_the_sla_colour_follows_the_clock(qtbot: QtBot) -> None:
    clock = FakeClock(NOW)
    m = IncidentQueueModel(clock=clock)
    m.set_rows([row(1, Priority.P1, age=timedelta(seconds=30))])
    assert _age(m, 0, Qt.ItemDataRole.BackgroundRole) is None
    clock.advance(timedelta(minutes=2))
    with qtbot.waitSignal(m.dataChanged):
        m.refresh_ages()
    brush = _age(m, 0, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush)
    assert brush.color() == SLA_COLOURS[SlaLevel.BREACHED]


def test_a_breached_age_cell_is_painted_red(queue: IncidentQueueWidget) -> None:
    queue.set_rows([row(1, Priority.P3, age=timedelta(hours=1))])  # 30 min to acknowledge
    queue.table.clearSelection()
    queue.resize(1400, 400)  # every column in view
    queue.table.scrollTo(cell(queue.model, 0, "age"))
    QApplication.processEvents()
    colour = _dominant_colour(queue, cell(queue.model, 0, "age"))
    assert colour.name() == SLA_COLOURS[SlaLevel.BREACHED].name()


# --- the selected row keeps its priority colour -------------------------------------------------


def _close(a: QColor, b: QColor, tolerance: int = 8) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_the_selected_priority_cell_keeps_its_colour(queue: IncidentQueueWidget) -> None:
    queue.set_rows([row(1, Priority.P1, title="fire"), row(2, Priority.P3)])
    queue.table.selectRow(0)
    assert queue.selected_incident_id() == 1
    QApplication.processEvents()
    img = queue.table.viewport().grab().toImage()
    ratio = img.devicePixelRatio()
    rect = queue.table.visualRect(cell(queue.model, 0, "priority"))

    def pixel(x: int, y: int) -> QColor:
        return QColor(img.pixel(int(x * ratio), int(y * ratio)))

    # Right of the text, inside the selection frame.
    inside = pixel(rect.right() - 6, rect.center().y())
    assert _close(inside, QColor("#ff3b30")), inside.name()
    # The selection shows as a frame around it instead.
    assert _close(pixel(rect.left() + 1, rect.center().y()), SELECTION_FRAME)
    # The other cells of the row show the ordinary selection.
    title = queue.table.visualRect(cell(queue.model, 0, "title"))
    assert not _close(pixel(title.right() - 3, title.center().y()), QColor("#ff3b30"))


def test_only_new_p1_and_p2_rows_flash(queue: IncidentQueueWidget) -> None:
    from PySide6.QtCore import Qt as _Qt

    from core.incidents import IncidentState

    rows = [row(1, Priority.P1), row(2, Priority.P3), row(3, Priority.P2)]
    queue.set_rows(rows)
    assert queue._flash_timer.isActive()
    model = queue.model
    assert model.attention_rows() == [0, 2]
    model.toggle_flash()
    title = model.column_index("title")
    colours = [model.data(model.index(i, title), _Qt.ItemDataRole.BackgroundRole) for i in range(3)]
    assert colours[0] is not None
    assert colours[2] is not None
    assert colours[1] is None
    # Acknowledged: the flash stops and no colour is left behind.
    from dataclasses import replace

    queue.set_rows([replace(r, state=IncidentState.ACKNOWLEDGED) for r in rows])
    assert not queue._flash_timer.isActive()
    assert model.data(model.index(0, title), _Qt.ItemDataRole.BackgroundRole) is None


def test_the_keyboard_lands_on_the_rows_and_the_first_down_selects_the_top_one(
    qtbot: QtBot, queue: IncidentQueueWidget
) -> None:
    assert queue.focusProxy() is queue.views, "no row: the view tabs take the keyboard"
    queue.set_rows([row(7, Priority.P1), row(8, Priority.P2)])
    assert queue.focusProxy() is queue.table
    queue.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(queue.table.hasFocus)
    assert queue.selected_incident_id() is None, "coming in selects nothing by itself"
    qtbot.keyClick(queue.table, Qt.Key.Key_Down)
    assert queue.selected_incident_id() == 7, "the top row, not the second"
    qtbot.keyClick(queue.table, Qt.Key.Key_Down)
    assert queue.selected_incident_id() == 8
    queue.set_rows([])
    assert queue.focusProxy() is queue.views


def test_down_from_the_view_tabs_steps_into_the_rows(
    qtbot: QtBot, queue: IncidentQueueWidget
) -> None:
    # Just after signing in the rows are still being read: the tabs hold the keyboard.
    queue.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(queue.views.hasFocus)
    qtbot.keyClick(queue.views, Qt.Key.Key_Down)  # nothing to step into yet
    assert queue.views.hasFocus()
    queue.set_rows([row(7, Priority.P1), row(8, Priority.P2)])
    qtbot.keyClick(queue.views, Qt.Key.Key_Down)
    assert queue.table.hasFocus()
    assert queue.selected_incident_id() == 7
