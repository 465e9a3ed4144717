"""A reader's link state, published by its adapter thread, reaches the device pane."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.link_status import LinkStatusWriter
from console.video_runtime import VideoOptions
from core.events import ChangesAvailable
from core.model import DeviceState
from core.site import SiteSpec
from core.tracking import LinkState
from data.models import Device
from data.services.devices import DeviceLink
from tests.helpers.consoles import MakeConsole, SeededSite, devices_of, sign_in


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


def test_a_devices_earlier_state_read_late_does_not_replace_its_later_one(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reader threads: the read for a panel going offline, finishing after the read for
    it coming back, left the pane showing it offline while it was online."""
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    devices = devices_of(app)
    app.window.show_pane("devices")
    qtbot.waitUntil(lambda: _state(app, "AP01") is not None)
    with seeded.db.session() as s:
        dev = s.scalars(select(Device).where(Device.code == "AP01")).one()
        dev_id = dev.id
    svc = devices.ctx.services.devices  # the console's own, which its reads call
    real = svc.devices_by_ids
    hold, held = threading.Event(), threading.Event()

    def slow_first(who: object, ids: object) -> object:
        rows = real(who, ids)  # type: ignore[arg-type]  # read now: offline
        if not held.is_set():
            held.set()
            assert hold.wait(10)  # ...answered after the later read
        return rows

    monkeypatch.setattr(svc, "devices_by_ids", slow_first)

    def set_state(state: DeviceState) -> None:
        with seeded.db.write_session() as s:
            s.get_one(Device, dev_id).state = state.value
        devices.on_changes(
            ChangesAvailable(0, frozenset({"device"}), {"device": frozenset({dev_id})})
        )

    set_state(DeviceState.OFFLINE)
    qtbot.waitUntil(held.is_set)
    set_state(DeviceState.ONLINE)
    # The later read has finished and its callback has run: only the held one is pending.
    qtbot.waitUntil(lambda: devices.ctx.jobs.pending == 1)
    hold.set()
    assert app.wait_idle()
    assert _state(app, "AP01") is DeviceState.ONLINE


def test_a_camera_no_recorder_reports_reads_not_reporting_in_the_pane_and_the_tree(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    # The recorder that reported CAM01 and CAM02 has stopped (its computer is off): their rows
    # still say online. The pane, the status bar and the wall's tree judge them by age.
    devices = seeded.services.devices
    now = datetime.now(UTC)
    devices.report_links([DeviceLink("CAM01", True, "录像中")], now - timedelta(minutes=5))
    devices.report_links([DeviceLink("CAM02", True, "录像中")], now)
    app = make_console(
        language="en", site=demo_site, video=VideoOptions(demo_video=False), sip=False
    )
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    pane = devices_of(app).pane
    column = pane.model.column_index("state")

    def state_text(code: str) -> str:
        row = next(i for i, r in enumerate(pane.rows()) if r.code == code)
        return str(pane.model.index(row, column).data())

    qtbot.waitUntil(lambda: any(r.code == "CAM01" for r in pane.rows()))
    assert state_text("CAM01") == "● Not reporting"
    assert state_text("CAM02") == "● Online"
    assert pane.summary.text().endswith(" · 1 not reporting")
    assert devices_of(app).counts_label.text().endswith(" / 1 not reporting")
    tree = app.presenter("video").tree  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: tree.link("CAM02") == (True, "录像中"))
    assert tree.link("CAM01") is None  # unknown, not "recording"
    # Its recorder is back: a fresh report, and the pane says online again.
    devices.report_links([DeviceLink("CAM01", True, "录像中")], datetime.now(UTC))
    qtbot.waitUntil(lambda: state_text("CAM01") == "● Online")
    qtbot.waitUntil(lambda: tree.link("CAM01") == (True, "录像中"))
    assert not devices_of(app).counts_label.text().endswith("not reporting")
