"""DeviceService on SQLite and PostgreSQL: device rows in scope and the counts made of them."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select, update

from core.audit import AuditAction
from core.model import DeviceState
from core.permissions import Permission, PermissionDenied, Principal
from core.site import SiteSpec
from core.views import DeviceCounts
from data.models import Community, Device
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import World


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def community_devices(site: SiteSpec, code: str) -> int:
    kinds = [*site.readers, *site.cameras, *site.devices]
    return sum(1 for d in kinds if d.community == code)


def test_devices_honour_scope(env: World, demo_site: SiteSpec) -> None:
    all_devices = env.svc.devices.devices(env.who("operator"))
    assert len(all_devices) == 136  # with PH00, the control centre's hotline
    assert Counter(d.kind for d in all_devices)["reader"] == 71
    assert Counter(d.kind for d in all_devices)["camera"] == 16
    assert all(d.state is DeviceState.UNKNOWN for d in all_devices)
    # Ordered by kind, then code.
    assert [(d.kind, d.code) for d in all_devices] == sorted((d.kind, d.code) for d in all_devices)

    mine = env.svc.devices.devices(env.who("ws01"))
    assert {d.community for d in mine} == {"C01"}
    assert len(mine) == community_devices(demo_site, "C01")
    assert {d.code for d in mine} < {d.code for d in all_devices}
    assert all(d.community_name for d in mine)


def test_device_counts_of_the_rows_honour_scope(env: World) -> None:
    # Device states as the adapters set them (the console's role may UPDATE only the state).
    with as_owner(env.db) as owner, owner.session() as s:
        c01 = s.scalar(select(Community.id).where(Community.code == "C01"))
        c02 = s.scalar(select(Community.id).where(Community.code == "C02"))
        c01_codes = list(
            s.scalars(select(Device.code).where(Device.community_id == c01).order_by(Device.code))
        )
        c02_code = s.scalar(select(Device.code).where(Device.community_id == c02).limit(1))
        s.execute(update(Device).where(Device.code == c01_codes[0]).values(state="online"))
        s.execute(update(Device).where(Device.code == c01_codes[1]).values(state="offline"))
        s.execute(update(Device).where(Device.code == c01_codes[2]).values(state="fault"))
        s.execute(update(Device).where(Device.code == c02_code).values(state="online"))

    everyone = DeviceCounts.of(env.svc.devices.devices(env.who("operator")))
    assert (everyone.online, everyone.offline, everyone.unknown) == (2, 2, 132)
    assert everyone.total == 136

    station_rows = env.svc.devices.devices(env.who("ws01"))
    station = DeviceCounts.of(station_rows)
    # A fault counts as offline in the status bar.
    assert (station.online, station.offline) == (1, 2)
    assert station.total == len(c01_codes) == len(station_rows)


def test_devices_by_ids_keeps_to_scope(env: World) -> None:
    everyone = env.svc.devices.devices(env.who("operator"))
    c01 = next(d for d in everyone if d.community == "C01")
    c02 = next(d for d in everyone if d.community == "C02")
    gone = max(d.id for d in everyone) + 1000
    wanted = [c01.id, c02.id, gone]

    got = env.svc.devices.devices_by_ids(env.who("operator"), wanted)
    assert sorted(d.id for d in got) == sorted([c01.id, c02.id])
    assert next(d for d in got if d.id == c01.id) == c01
    # A station PC is told nothing of another community's device.
    assert [d.id for d in env.svc.devices.devices_by_ids(env.who("ws01"), wanted)] == [c01.id]
    assert env.svc.devices.devices_by_ids(env.who("operator"), []) == []


def test_reading_devices_without_the_permission_is_denied_and_audited(env: World) -> None:
    nobody = Principal(
        user_id=0,
        username="nobody",
        display_name="无权限",
        role=env.who("operator").role,
        permissions=frozenset({Permission.VIEW_CONSOLE}),
    )
    with pytest.raises(PermissionDenied):
        env.svc.devices.devices(nobody)
    with pytest.raises(PermissionDenied):
        env.svc.devices.devices_by_ids(nobody, [1])
    denied = ("nobody", AuditAction.PERMISSION_DENIED.value, "", Permission.VIEW_DEVICES.value)
    assert env.audit()[-2:] == [denied, denied]


def test_a_link_report_writes_only_changes(env: World) -> None:
    """Adapters report once a second; only a new state or detail (or stale last_seen) writes."""
    from datetime import UTC, datetime, timedelta

    devices = env.svc.devices
    at = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert devices.report_link("R001", True, "socket://10.0.0.5:6000 connected", at)
    assert not devices.report_link("R001", True, "socket://10.0.0.5:6000 connected", at)
    assert not devices.report_link(
        "R001", True, "socket://10.0.0.5:6000 connected", at + timedelta(seconds=10)
    )
    # Online for longer than SEEN_EVERY: last_seen_at moves on.
    assert devices.report_link(
        "R001", True, "socket://10.0.0.5:6000 connected", at + timedelta(seconds=40)
    )
    lost = at + timedelta(seconds=41)
    assert devices.report_link("R001", False, "connection reset\x00 by peer", lost)
    [row] = [d for d in devices.devices(env.who("operator")) if d.code == "R001"]
    assert row.state is DeviceState.OFFLINE
    assert row.detail == "connection reset by peer"  # control characters never reach the pane
    assert row.last_seen_at == at + timedelta(seconds=40)
    assert not devices.report_link("NOPE", False, "gone", lost)  # unknown devices are ignored


def test_links_reported_together_write_what_changed_in_one_go(env: World) -> None:
    """The recorder reports all its cameras every heartbeat: one read, one write at most."""
    from datetime import UTC, datetime, timedelta

    from data.services.devices import DeviceLink

    devices = env.svc.devices
    at = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    links = [
        DeviceLink("CAM03", True, "recording"),
        DeviceLink("CAM04", False, "OSError: Connection refused"),
        DeviceLink("NOPE", True, "recording"),  # unknown: ignored
    ]
    before = len(env.changes())
    assert devices.report_links(links, at) == 2
    assert [(t, op) for t, _, op in env.changes()[before:]] == [
        ("device", "update"),
        ("device", "update"),
    ]
    assert devices.report_links(links, at + timedelta(seconds=2)) == 0
    assert devices.report_links([], at) == 0
    rows = {d.code: d for d in devices.devices(env.who("operator"))}
    assert (rows["CAM03"].state, rows["CAM03"].last_seen_at) == (DeviceState.ONLINE, at)
    assert (rows["CAM04"].state, rows["CAM04"].detail) == (
        DeviceState.OFFLINE,
        "OSError: Connection refused",
    )
