"""Changes from other workstations: each presenter re-reads only the rows that changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.model import Priority
from data.changes import latest_change_id
from tests.helpers.consoles import SeededSite, devices_of, incidents_of, services_at, sign_in
from widgets.incident_dialog import NewIncident

SIGNALS = (
    "modelReset",
    "rowsInserted",
    "rowsRemoved",
    "rowsMoved",
    "dataChanged",
    "layoutChanged",
)


def _record(model: QAbstractItemModel) -> list[str]:
    """The names of the structural and data signals the model emits from now on."""
    seen: list[str] = []
    for name in SIGNALS:
        getattr(model, name).connect(lambda *_a, name=name: seen.append(name))
    return seen


def _spy(monkeypatch: pytest.MonkeyPatch, service: object, method: str) -> list[tuple[Any, ...]]:
    """Record the arguments of every call of a service method (it still runs)."""
    calls: list[tuple[Any, ...]] = []
    real: Callable[..., Any] = getattr(service, method)

    def spy(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(service, method, spy)
    return calls


def test_an_incident_from_another_workstation_is_inserted_not_reloaded(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trap 6 of STYLE.md: a whole-model reload per change loses selection and scroll."""
    sign_in(qtbot, console, seeded, "operator")
    queue = incidents_of(console).queue
    incidents_of(console).create_incident(NewIncident("路灯不亮", Priority.P4, "C01", "", ""))
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1)
    # Let the feed pass this workstation's own changes first.
    with seeded.db.session() as s:
        ours = latest_change_id(s)
    qtbot.waitUntil(lambda: console.feed is not None and console.feed.last_id >= ours)
    console.qapp.processEvents()  # the notice of our own change, published before last_id
    assert console.wait_idle()
    queue.table.selectRow(0)
    selected = queue.selected_incident_id()
    on_queue = _record(queue.model)
    on_devices = _record(devices_of(console).pane.model)
    incidents, devices = console.services.incidents, console.services.devices
    whole_queue = _spy(monkeypatch, incidents, "open_incidents")
    some_incidents = _spy(monkeypatch, incidents, "incidents_by_ids")
    all_devices = _spy(monkeypatch, devices, "devices")
    some_devices = _spy(monkeypatch, devices, "devices_by_ids")

    ws02 = services_at(seeded.db, "WS02")
    with qtbot.waitSignal(queue.model.rowsInserted, timeout=10_000) as inserted:
        iid = ws02.incidents.create(
            seeded.principal("supervisor"),
            title="老人走失",
            priority=Priority.P1,
            community="C02",
            location="西站",
        )

    assert inserted.args is not None
    _parent, first, last = inserted.args
    assert (first, last) == (0, 0), "the P1 goes in at the top, one row"
    assert queue.model.row_at(0).id == iid
    assert queue.model.row_at(0).title == "老人走失"
    assert console.wait_idle()
    assert on_queue.count("rowsInserted") == 1
    assert not {"modelReset", "layoutChanged", "rowsRemoved"} & set(on_queue), on_queue
    assert whole_queue == [], "the whole queue was read again for one new incident"
    assert [set(ids) for _who, ids in some_incidents] == [{iid}]
    assert on_devices == [], "the device pane was touched by an incident change"
    assert all_devices == some_devices == [], "devices were read for an incident change"
    assert queue.selected_incident_id() == selected, "the selection survived"
