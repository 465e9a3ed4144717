"""The demo's GPS gateways on real sockets: simulated JT/T 808 terminals and NMEA trackers.

The runtime is built as `console serve` and `make run` build it for the simulation host, on
the demo site with its gateways moved to free ports; the vehicles' fixes must come in through
the JT/T 808 server and the trackers' through NMEA over TCP, and reach the database.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.threads import ThreadOwner
from console.tracking_runtime import TrackingRuntime, build_tracking
from core.site import SiteSpec
from data.db import Database
from data.models import Tag, TagPosition
from data.services import Services
from hardware.tracking.jt808_server import Jt808Server
from hardware.tracking.nmea import NmeaTracker
from tests.helpers.consoles import seed_demo
from tests.helpers.tracking_sink import Collector

GATEWAY = "GW01"
TRACKERS = ("GT01", "GT02", "GT03")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _on_ports(site: SiteSpec, ports: dict[str, int]) -> SiteSpec:
    """The site with its GPS gateways' addresses moved to `ports` (device → port)."""
    devices = []
    for d in site.devices:
        if d.code in ports:
            scheme = d.address.split("://", 1)[0]
            d = replace(d, address=f"{scheme}://127.0.0.1:{ports[d.code]}")
        devices.append(d)
    return replace(site, devices=tuple(devices))


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec, tmp_path: Path) -> Services:
    return seed_demo(sqlite_db, demo_site, tmp_path / "keys").services


@pytest.fixture
def owner() -> Iterator[ThreadOwner]:
    threads = ThreadOwner()
    yield threads
    assert threads.shutdown(10.0) == []


def _start(
    site: SiteSpec, services: Services, sink: Collector, owner: ThreadOwner, tmp_path: Path
) -> TrackingRuntime:
    runtime = build_tracking(
        site,
        services,
        sink,
        workstation="CC",
        journal_dir=tmp_path / "tracking-journal-CC",
        add_worker=owner.add_worker,
        sim_clock_factor=20.0,  # parked vehicles report every 3 s instead of every minute
    )
    owner.add_closer("tracking journal", runtime.ingest.journal.close)
    return runtime


def _gps_positions(db: Database, kind: str) -> int:
    with db.session() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(TagPosition)
                .join(Tag, Tag.id == TagPosition.tag_id)
                .where(Tag.kind == kind, TagPosition.source == "gps")
            )
            or 0
        )


@pytest.mark.timeout(120)
def test_vehicles_and_trackers_report_through_jt808_and_nmea_over_tcp(
    seeded: Services, demo_site: SiteSpec, owner: ThreadOwner, tmp_path: Path
) -> None:
    ports = {code: _free_port() for code in (GATEWAY, *TRACKERS)}
    site = _on_ports(demo_site, ports)
    sink = Collector()
    runtime = _start(site, seeded, sink, owner, tmp_path)
    assert runtime.problems == []
    server = next(a for a in runtime.adapters if isinstance(a, Jt808Server))
    trackers = {a.device_code: a for a in runtime.adapters if isinstance(a, NmeaTracker)}
    assert server.port == ports[GATEWAY]
    assert set(trackers) == set(TRACKERS)
    fleet = runtime.sim_jt808
    assert fleet is not None
    assert len(fleet.phones) > 0

    # Terminals register, authenticate and report; the platform answers every report.
    sink.wait_for(lambda _: server.state().extra.get("locations", 0) >= 50, timeout=60)
    state = server.state()
    assert state.online
    assert state.extra["online"] >= 1
    assert fleet.counts["registered"] >= 1
    assert fleet.counts["acked"] >= 1
    online = {s.device for s in sink.states if s.online and s.device in fleet.phones}
    assert online, "terminals publish their own link state"
    gateway = [s for s in sink.states if s.device == GATEWAY]
    assert gateway, "the server's state is the gateway device's"
    assert gateway[-1].online

    # Each NMEA tracker is dialled, reads sentences and hands on fixes.
    sink.wait_for(
        lambda _: all(t.state().extra.get("fixes", 0) >= 2 for t in trackers.values()),
        timeout=60,
    )
    assert {s.device for s in sink.states if s.online} >= set(TRACKERS)

    # The vehicles' positions in the database came from those fixes.
    db = seeded.ctx.db
    sink.wait_for(lambda _: _gps_positions(db, "vehicle") > 0, timeout=30)


@pytest.mark.timeout(60)
def test_a_gateway_port_in_use_is_an_offline_device_not_a_crash(
    seeded: Services,
    demo_site: SiteSpec,
    owner: ThreadOwner,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ports = {code: _free_port() for code in (GATEWAY, *TRACKERS)}
    site = _on_ports(demo_site, ports)
    sink = Collector()
    with (
        socket.create_server(("127.0.0.1", ports[GATEWAY])),
        socket.create_server(("127.0.0.1", ports["GT02"])),
        caplog.at_level(logging.WARNING),
    ):
        runtime = _start(site, seeded, sink, owner, tmp_path)
        sink.wait_for(
            lambda c: any(s.device == GATEWAY and not s.online for s in c.states), timeout=10
        )
        down = [s for s in sink.states if s.device == GATEWAY][-1]
        assert str(ports[GATEWAY]) in down.detail
        assert "in use" in down.detail.lower()
        assert any("GT02" in p and "in use" in p.lower() for p in runtime.problems)
        assert any(
            r.levelname == "ERROR" and "GT02" in r.getMessage() and "in use" in r.getMessage()
            for r in caplog.records
        )
        # The other trackers are simulated as usual.
        trackers = {a.device_code: a for a in runtime.adapters if isinstance(a, NmeaTracker)}
        sink.wait_for(lambda _: trackers["GT01"].state().extra.get("fixes", 0) >= 1, timeout=30)
