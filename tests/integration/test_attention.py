"""A new P1/P2 cannot be missed: it flashes, asks for the window's attention, and keeps asking."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.incidents import IncidentState
from core.model import Priority
from tests.helpers.consoles import SeededSite, incidents_of, services_at, sign_in


def test_a_new_p1_flashes_and_alerts_until_acknowledged(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    before = console.window.attention_requests
    ws02 = services_at(seeded.db, "WS02")
    sup = seeded.principal("supervisor")

    # A P3 is no emergency: no flash, no alert.
    ws02.incidents.create(sup, title="路灯不亮", priority=Priority.P3, community="C02")
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=10_000)
    assert console.wait_idle()
    assert console.window.attention_requests == before
    assert not queue._flash_timer.isActive()

    iid = ws02.incidents.create(sup, title="独居老人摔倒", priority=Priority.P1, community="C02")
    qtbot.waitUntil(lambda: queue.model.index_of(iid) == 0, timeout=10_000)
    assert console.wait_idle()
    assert console.window.attention_requests == before + 1
    assert "独居老人摔倒" in console.window.st_message.text()
    assert queue._flash_timer.isActive()
    title = queue.model.index(0, queue.model.column_index("title"))
    with qtbot.waitSignal(queue.model.dataChanged, timeout=2_000):
        pass  # the flash beats: the P1's title cell changes colour
    assert incidents_of(console)._realert.isActive(), "it keeps asking until acknowledged"
    assert title.isValid()

    # The same incident is announced once, not at every refresh.
    console.router.reload_all()
    assert console.wait_idle()
    assert console.window.attention_requests == before + 1

    ws02.incidents.transition(sup, iid, IncidentState.ACKNOWLEDGED)
    qtbot.waitUntil(lambda: not queue._flash_timer.isActive(), timeout=10_000)
    assert not incidents_of(console)._realert.isActive()
    assert queue.model.data(title, 8) is None  # no flash colour left (BackgroundRole)


def test_a_new_p1_behind_the_loaded_page_is_still_announced(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    """Regression: a P1 sorting after the first page of older new P1s raised no alert."""
    from console.presenters.incidents import PAGE

    ws02 = services_at(seeded.db, "WS02")
    sup = seeded.principal("supervisor")
    for i in range(PAGE + 5):
        ws02.incidents.create(sup, title=f"旧警情 {i}", priority=Priority.P1, community="C03")
    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == PAGE, timeout=10_000)
    assert console.wait_idle()
    before = console.window.attention_requests

    late = ws02.incidents.create(sup, title="新的走失", priority=Priority.P1, community="C03")
    qtbot.waitUntil(lambda: console.window.attention_requests == before + 1, timeout=10_000)
    assert queue.model.index_of(late) is None, "it sorts past the loaded page"
    assert "新的走失" in console.window.st_message.text()
