"""The queue beyond one page: everything open is counted; the rest comes as one scrolls."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.incidents import PAGE
from core.model import Priority
from tests.helpers.consoles import SeededSite, incidents_of, services_at, sign_in

OPEN = 2 * PAGE + 50


def _raise(seeded: SeededSite, n: int, priority: Priority = Priority.P3) -> list[int]:
    svc = services_at(seeded.db, "WS02")
    who = seeded.principal("supervisor")
    return [
        svc.incidents.create(who, title=f"路灯不亮 {i}", priority=priority, community="C02")
        for i in range(n)
    ]


def test_nothing_open_is_silently_left_out(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    """Regression: the queue was cut at 500 rows with no count; low priorities never showed."""
    _raise(seeded, OPEN)
    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == PAGE)
    assert f"{OPEN} open" in queue.summary.text() or f"{OPEN} 起" in queue.summary.text()
    assert str(PAGE) in queue.summary.text()
    assert queue.model.canFetchMore(queue.model.index(-1, -1))

    # Scrolling to the end fetches the next page, after the last row (keyset), twice.
    for expected in (2 * PAGE, OPEN):
        queue.table.scrollToBottom()
        queue.model.fetchMore(queue.model.index(-1, -1))
        qtbot.waitUntil(lambda expected=expected: queue.model.rowCount() == expected)
    assert console.wait_idle()
    assert not queue.model.canFetchMore(queue.model.index(-1, -1))
    ids = [r.id for r in queue.rows()]
    assert len(ids) == len(set(ids)) == OPEN
    assert str(PAGE) not in queue.summary.text().split("·")[-1]


def test_a_change_past_the_loaded_window_is_counted_not_shown(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    _raise(seeded, PAGE + 10, Priority.P2)
    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == PAGE)
    before = queue.summary.text()

    # A P4 sorts after every P2: its page has not been fetched, so it is not inserted...
    [late] = _raise(seeded, 1, Priority.P4)
    qtbot.waitUntil(lambda: queue.summary.text() != before, timeout=10_000)
    assert console.wait_idle()
    assert queue.model.index_of(late) is None
    assert queue.model.rowCount() == PAGE
    # ...while a P1 goes in at the top at once.
    [urgent] = _raise(seeded, 1, Priority.P1)
    qtbot.waitUntil(lambda: queue.model.index_of(urgent) == 0, timeout=10_000)
    assert f"{PAGE + 12}" in queue.summary.text()
