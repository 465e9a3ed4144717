"""A reader's link state, published by its adapter thread, reaches the device pane."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from console.link_status import LinkStatusWriter
from core.model import DeviceState
from core.tracking import LinkState
from tests.helpers.consoles import MakeConsole, SeededSite, sign_in


def _state(app: object, code: str) -> DeviceState | None:
    pane = app.presenter("devices").pane  # type: ignore[attr-defined]
    return next((r.state for r in pane.rows() if r.code == code), None)


def test_an_adapters_lost_link_shows_offline_in_the_device_pane(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    LinkStatusWriter(app.bridge, app.jobs, app.services.devices)
    now = datetime.now(UTC)

    def adapter(online: bool, detail: str) -> None:
        # Published from a thread of its own, as the reader threads do.
        t = threading.Thread(
            target=app.bridge.publish,
            args=(LinkState("R001", online, detail, now, frames=5),),
            name="test-adapter",
        )
        t.start()
        t.join()

    adapter(True, "socket://127.0.0.1:6000 connected")
    qtbot.waitUntil(lambda: _state(app, "R001") is DeviceState.ONLINE, timeout=5000)
    adapter(False, "connection reset by peer")
    qtbot.waitUntil(lambda: _state(app, "R001") is DeviceState.OFFLINE, timeout=5000)
    pane = app.presenter("devices").pane  # type: ignore[attr-defined]
    [row] = [r for r in pane.rows() if r.code == "R001"]
    assert row.detail == "connection reset by peer"
