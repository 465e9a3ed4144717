"""Alarms end to end: a DC-09 frame over TCP to the console's receiver becomes a queue item."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.alarms import AlarmsPresenter
from core.model import DeviceState, IncidentSource, Priority
from core.site import SiteSpec
from hardware.alarms.frames import Dc09Sender, build_frame
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    devices_of,
    incidents_of,
    notifications_of,
    sign_in,
)
from widgets.alarm_status import alarm_kind_label

WAIT_MS = 10_000


def alarm_site(site: SiteSpec, *, supervised: str | None = None, seconds: int = 10) -> SiteSpec:
    """The demo site with its receiver on free ports; only `supervised` is supervised."""
    assert site.alarm_receiver is not None
    devices = tuple(
        replace(
            d,
            alarm=replace(d.alarm, supervision_seconds=seconds if d.code == supervised else 0),
        )
        for d in site.devices
    )
    receiver = replace(site.alarm_receiver, tcp_port=0, udp_port=0, simulate=False)
    return replace(site, alarm_receiver=receiver, devices=devices)


def alarms_of(app: ConsoleApp) -> AlarmsPresenter:
    p = app.presenter("alarms")
    assert isinstance(p, AlarmsPresenter)
    return p


def panel(site: SiteSpec, code: str) -> tuple[str, bytes]:
    d = next(d for d in site.devices if d.code == code)
    assert d.alarm.account is not None
    assert d.alarm.key is not None
    return d.alarm.account, d.alarm.key


@pytest.fixture
def alarm_console(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> ConsoleApp:
    app = make_console(site=alarm_site(demo_site, supervised="AP02"), workstation="CC")
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    label = alarms_of(app).label
    qtbot.waitUntil(lambda: label.state is not None and label.state.listening, timeout=WAIT_MS)
    return app


def test_consoles_without_a_receiver_in_their_site_start_none(console: ConsoleApp) -> None:
    p = alarms_of(console)
    assert p.receiver is None
    assert p.ingest is None


def test_a_burglary_frame_becomes_a_p1_naming_zone_12_and_its_restore_joins_it(
    qtbot: QtBot, alarm_console: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    app = alarm_console
    port = alarms_of(app).receiver.tcp_port  # type: ignore[union-attr]
    assert port is not None
    account, key = panel(demo_site, "AP01")
    queue = incidents_of(app).queue
    before = app.window.attention_requests
    alarm = build_frame(account, "1130", "012", message_type="ADM-CID", key=key, sequence=7)
    with Dc09Sender("127.0.0.1", port) as sender:
        ack = sender.send(alarm, key=key)
        assert ack is not None
        assert ack.kind == "ACK"
        qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=WAIT_MS)
        row = queue.model.row_at(0)
        assert "防区 12" in row.title
        assert "咸阳北里社区报警主机" in row.title
        assert row.priority == Priority.P1
        assert row.source == IncidentSource.ALARM
        assert row.community == "C01"
        # A P1 rings as the incident desk defines.
        qtbot.waitUntil(lambda: app.window.attention_requests > before, timeout=WAIT_MS)
        # The same frame again (a panel that missed the ACK): ACKed, no second incident.
        again = sender.send(alarm, key=key)
        assert again is not None
        assert again.kind == "ACK"
        restore = build_frame(account, "3130", "012", message_type="ADM-CID", key=key, sequence=8)
        done = sender.send(restore, key=key)
        assert done is not None
        assert done.kind == "ACK"
    who = seeded.principal("operator")
    services = app.services

    def restored() -> bool:
        detail = services.incidents.incident_detail(who, row.id)
        return any(e.kind == "alarm_restore" for e in detail.events)

    qtbot.waitUntil(restored, timeout=WAIT_MS)
    assert app.wait_idle()
    assert queue.model.rowCount() == 1
    assert len(services.incidents.open_incidents(who)) == 1
    # The incident window's timeline names the restore.
    incidents_of(app).open_incident(row.id)
    assert app.wait_idle()
    dlg = incidents_of(app).detail_dialog
    assert dlg is not None

    def steps() -> list[str]:
        items = (dlg.timeline.topLevelItem(i) for i in range(dlg.timeline.topLevelItemCount()))
        return [item.text(1) for item in items if item is not None]

    # In the console's language (the words come from the same translation).
    qtbot.waitUntil(lambda: alarm_kind_label("alarm_restore") in steps(), timeout=WAIT_MS)


def test_a_panel_that_misses_its_link_test_goes_offline_with_one_fault(
    qtbot: QtBot, alarm_console: ConsoleApp, demo_site: SiteSpec
) -> None:
    app = alarm_console
    port = alarms_of(app).receiver.udp_port  # type: ignore[union-attr]
    assert port is not None
    account, key = panel(demo_site, "AP02")
    pane = devices_of(app).pane

    def state() -> DeviceState | None:
        return next((r.state for r in pane.rows() if r.code == "AP02"), None)

    with Dc09Sender("127.0.0.1", port, transport="udp") as sender:
        ack = sender.send(build_frame(account, message_type="NULL", key=key), key=key)
        assert ack is not None
        assert ack.kind == "ACK"
    qtbot.waitUntil(lambda: state() is DeviceState.ONLINE, timeout=WAIT_MS)
    # No more link tests: offline within its 10 s window (checked every 2.5 s).
    qtbot.waitUntil(lambda: state() is DeviceState.OFFLINE, timeout=20_000)
    row = next(r for r in pane.rows() if r.code == "AP02")
    assert row.detail.endswith(" 起未收到链路测试")
    queue = incidents_of(app).queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=WAIT_MS)
    fault = queue.model.row_at(0)
    assert fault.source == IncidentSource.DEVICE
    assert "芥园新苑社区报警主机" in fault.title
    assert fault.type_code == "DEVICE"


def test_the_demo_simulator_brings_panels_online(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    site = alarm_site(demo_site)
    assert site.alarm_receiver is not None
    site = replace(site, alarm_receiver=replace(site.alarm_receiver, simulate=True))
    app = make_console(site=site, workstation="CC")
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    assert alarms_of(app).simulator is not None
    pane = devices_of(app).pane
    qtbot.waitUntil(
        lambda: any(r.state is DeviceState.ONLINE for r in pane.rows() if r.kind == "alarm_panel"),
        timeout=WAIT_MS,
    )
    assert incidents_of(app).queue.model.rowCount() == 0


def test_no_alarm_key_reaches_the_database(
    qtbot: QtBot, alarm_console: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    account, key = panel(demo_site, "AP01")
    port = alarms_of(alarm_console).receiver.tcp_port  # type: ignore[union-attr]
    assert port is not None
    with Dc09Sender("127.0.0.1", port) as sender:
        frame = build_frame(account, "1130", "001", message_type="ADM-CID", key=key)
        assert sender.send(frame, key=key) is not None
    queue = incidents_of(alarm_console).queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=WAIT_MS)
    path = seeded.db.file_path
    assert path is not None
    stored = b"".join(
        p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file()
    ).lower()
    for d in demo_site.devices:
        if d.alarm.key is not None:
            assert d.alarm.key.hex().encode() not in stored
            assert d.alarm.key not in stored


def test_a_port_in_use_is_shown_and_notified(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        site = alarm_site(demo_site)
        assert site.alarm_receiver is not None
        receiver = replace(site.alarm_receiver, tcp_port=port, udp_port=-1)
        app = make_console(site=replace(site, alarm_receiver=receiver), workstation="CC")
        app.start()
        sign_in(qtbot, app, seeded, "operator")
        label = alarms_of(app).label
        qtbot.waitUntil(lambda: label.state is not None, timeout=WAIT_MS)
        assert label.state is not None
        assert not label.state.listening
        assert str(port) in label.toolTip()
        texts = notifications_of(app).pane.texts()
        assert any(str(port) in t for t in texts)
