"""The queue's views (Open, Mine, Unassigned, Awaiting review) on a signed-in console."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.incidents import IncidentState, QueueView
from core.model import Priority
from tests.helpers.consoles import SeededSite, incidents_of, services_at, sign_in
from widgets.incident_queue import IncidentQueueWidget

S = IncidentState

EMPTY_TITLES = {
    QueueView.OPEN: "暂无待处理事件",
    QueueView.MINE: "暂无您认领的事件",
    QueueView.UNASSIGNED: "所有未结事件均已有人处理",
    QueueView.REVIEW: "暂无待审核事件",
}


@dataclass(frozen=True)
class Desk:
    """Three incidents: one the operator acknowledged, one nobody claimed, one resolved."""

    mine: int
    unclaimed: int
    resolved: int


@pytest.fixture
def desk(seeded: SeededSite) -> Desk:
    incidents = seeded.services.incidents
    operator = seeded.principal("operator")
    mine = incidents.create(operator, title="燃气泄漏", priority=Priority.P2, community="C01")
    incidents.transition(operator, mine, S.ACKNOWLEDGED)
    unclaimed = incidents.create(operator, title="老人走失", priority=Priority.P1, community="C02")
    resolved = incidents.create(operator, title="路灯不亮", priority=Priority.P3, community="C03")
    incidents.transition(operator, resolved, S.ACKNOWLEDGED)
    incidents.transition(operator, resolved, S.RESOLVED, "已修复")
    return Desk(mine, unclaimed, resolved)


def _ids(q: IncidentQueueWidget) -> list[int]:
    return [r.id for r in q.rows()]


def _show(qtbot: QtBot, app: ConsoleApp, view: QueueView, ids: list[int]) -> IncidentQueueWidget:
    """Pick a view's tab and wait until its rows are loaded."""
    q = incidents_of(app).queue
    q.set_view(view)
    assert q.view is view
    qtbot.waitUntil(lambda: _ids(q) == ids)
    assert app.wait_idle()
    assert _ids(q) == ids
    return q


def test_each_view_shows_its_rows(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, desk: Desk
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    q = incidents_of(console).queue
    assert q.view is QueueView.OPEN
    qtbot.waitUntil(lambda: _ids(q) == [desk.unclaimed, desk.mine])  # P1 first
    assert q.summary.text() == "P1 1 · P2 1 · P3 0 · P4 0 · 共 2 起未结"

    _show(qtbot, console, QueueView.MINE, [desk.mine])
    assert q.currentWidget() is q.table
    assert q.rows()[0].claimed_by == "李静"

    _show(qtbot, console, QueueView.UNASSIGNED, [desk.unclaimed])
    assert q.rows()[0].claimed_by is None

    _show(qtbot, console, QueueView.REVIEW, [desk.resolved])
    assert q.rows()[0].state is S.RESOLVED
    assert q.summary.text() == "P1 0 · P2 0 · P3 1 · P4 0 · 共 1 起待审核"

    _show(qtbot, console, QueueView.OPEN, [desk.unclaimed, desk.mine])


def test_an_empty_view_says_why(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, desk: Desk
) -> None:
    """The supervisor claimed nothing: Mine is empty while Open is not."""
    sign_in(qtbot, console, seeded, "supervisor")
    q = incidents_of(console).queue
    qtbot.waitUntil(lambda: len(q.rows()) == 2)
    assert q.currentWidget() is q.table

    _show(qtbot, console, QueueView.MINE, [])
    assert q.currentWidget() is q.empty
    assert q.empty.title() == EMPTY_TITLES[QueueView.MINE]

    _show(qtbot, console, QueueView.OPEN, [desk.unclaimed, desk.mine])
    assert q.currentWidget() is q.table


@pytest.mark.parametrize("view", [v for v in QueueView if v is not QueueView.HISTORY])
def test_each_view_has_its_own_empty_state(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, view: QueueView
) -> None:
    sign_in(qtbot, console, seeded, "admin")
    q = _show(qtbot, console, view, [])
    assert q.currentWidget() is q.empty
    assert q.empty.title() == EMPTY_TITLES[view]
    assert q.empty.isVisible()


def test_a_resolve_elsewhere_moves_the_incident_between_views_in_place(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, desk: Desk
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    q = incidents_of(console).queue
    qtbot.waitUntil(lambda: _ids(q) == [desk.unclaimed, desk.mine])
    resets: list[str] = []
    q.model.modelAboutToBeReset.connect(lambda: resets.append(q.view.value))
    removed: list[tuple[int, int]] = []
    q.model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    ws02 = services_at(seeded.db, "WS02")
    supervisor = seeded.principal("supervisor")

    # Another workstation resolves the unclaimed P1: it leaves Open.
    ws02.incidents.transition(supervisor, desk.unclaimed, S.RESOLVED, "误报")
    qtbot.waitUntil(lambda: _ids(q) == [desk.mine])
    assert removed == [(0, 0)]
    assert resets == [], "the row left in place"
    assert q.summary.text() == "P1 0 · P2 1 · P3 0 · P4 0 · 共 1 起未结"

    # While Awaiting review is shown, the next one resolved elsewhere arrives in it.
    _show(qtbot, console, QueueView.REVIEW, [desk.unclaimed, desk.resolved])
    q.table.selectRow(1)
    assert q.selected_incident_id() == desk.resolved
    resets.clear()
    inserted: list[tuple[int, int]] = []
    q.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    ws02.incidents.transition(supervisor, desk.mine, S.RESOLVED, "已处置")

    qtbot.waitUntil(lambda: _ids(q) == [desk.unclaimed, desk.mine, desk.resolved])
    assert inserted == [(1, 1)]
    assert resets == [], "no model reset: the selection and scroll position stay"
    assert q.selected_incident_id() == desk.resolved
    assert q.summary.text() == "P1 1 · P2 1 · P3 1 · P4 0 · 共 3 起待审核"

    # And it has left Open.
    _show(qtbot, console, QueueView.OPEN, [])
    assert q.empty.title() == EMPTY_TITLES[QueueView.OPEN]


def test_each_user_gets_back_the_view_they_chose(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:

    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    assert queue.view is QueueView.OPEN
    queue.set_view(QueueView.MINE)
    assert console.wait_idle()
    console.session.sign_out()
    sign_in(qtbot, console, seeded, "supervisor")
    assert incidents_of(console).queue.view is QueueView.OPEN, (
        "another user starts on the open queue"
    )
    console.session.sign_out()
    sign_in(qtbot, console, seeded, "operator")
    assert incidents_of(console).queue.view is QueueView.MINE
