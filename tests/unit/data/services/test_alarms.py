"""AlarmService on SQLite and PostgreSQL: mapping, dedupe, join, restore, supervision."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from core.alarm_plan import AlarmPlan, plan_from_site
from core.alarms import AlarmEvent
from core.audit import AuditAction
from core.incidents import IncidentState
from core.model import DeviceState, IncidentSource, Priority
from core.site import SiteSpec
from data.models import AlarmEvent as AlarmEventRow
from data.models import Community, Device, Incident
from data.services.alarms import KIND_ALARM, KIND_DEVICE_BACK, KIND_RESTORE
from tests.unit.data.worlds import World


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


@pytest.fixture
def plan(demo_site: SiteSpec) -> AlarmPlan:
    return plan_from_site(demo_site)


_seq = 0


def event(
    env: World,
    code: str = "BA",
    zone: str = "012",
    account: str = "A001",
    message_type: str = "SIA-DCS",
    at: datetime | None = None,
) -> AlarmEvent:
    global _seq
    _seq += 1
    now = at or env.clock.now
    return AlarmEvent(
        account=account,
        receiver="R1",
        line="L1",
        sequence=f"{_seq % 9999 + 1:04d}",
        message_type=message_type,
        code=code if message_type != "NULL" else "",
        zone=zone,
        partition="01",
        text="",
        panel_time=now.replace(microsecond=0),
        received_at=now,
        transport="tcp",
        peer="127.0.0.1:40000",
        encrypted=False,
        raw=f"#{account}|N{code}{zone}|{_seq}",
    )


def incident(env: World, iid: int) -> Incident:
    with env.db.session() as s:
        inc = s.get(Incident, iid)
        assert inc is not None
        s.expunge(inc)
        return inc


def device(env: World, code: str) -> Device:
    with env.db.session() as s:
        dev = s.scalar(select(Device).where(Device.code == code))
        assert dev is not None
        s.expunge(dev)
        return dev


def rows(env: World) -> int:
    with env.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(AlarmEventRow)) or 0)


def test_a_burglary_opens_a_p1_naming_device_community_and_zone(
    env: World, plan: AlarmPlan
) -> None:
    result = env.svc.alarms.ingest([event(env)], plan)
    assert len(result.opened) == 1
    assert result.changed
    inc = incident(env, result.opened[0])
    assert inc.title == "入侵报警 · 咸阳北里社区报警主机 · 防区 12（档案室后窗）"
    assert inc.priority == Priority.P1
    assert inc.source == IncidentSource.ALARM.value
    assert inc.state == IncidentState.NEW.value
    assert "BA" in inc.description
    assert "防区 12" in inc.description
    # In the site's language, as the title: no "zone", "account", "via" among Chinese words.
    assert "用户号 " in inc.description
    assert not re.search(r"\b(zone|partition|account|via|panel time)\b", inc.description)
    with env.db.session() as s:
        c01 = s.scalar(select(Community).where(Community.code == "C01"))
        assert c01 is not None
        assert inc.community_id == c01.id
        assert inc.location == c01.address
    assert ("incident", inc.id, "insert") in env.changes()
    assert ("alarm", AuditAction.INCIDENT_CREATED.value, str(inc.id), "") in env.audit()
    assert env.audit_ok()
    # The queue shows it as any other incident, for the operators.
    assert [r.id for r in env.svc.incidents.open_incidents(env.who("operator"))] == [inc.id]


def test_a_replay_or_retry_adds_no_row_and_no_incident(env: World, plan: AlarmPlan) -> None:
    e = event(env)
    first = env.svc.alarms.ingest([e], plan)
    again = env.svc.alarms.ingest([e, e], plan)
    assert len(first.opened) == 1
    assert again.opened == ()
    assert again.duplicates == 2
    assert again.stored == 0
    assert rows(env) == 1
    # The same frame twice inside one batch: one row.
    e2 = event(env, code="FA", zone="003")
    both = env.svc.alarms.ingest([e2, e2], plan)
    assert len(both.opened) == 1
    assert both.duplicates == 1
    assert rows(env) == 2


def test_a_second_alarm_joins_and_a_restore_is_noted_without_closing(
    env: World, plan: AlarmPlan
) -> None:
    first = env.svc.alarms.ingest([event(env)], plan).opened[0]
    env.clock.advance(timedelta(seconds=5))
    second = env.svc.alarms.ingest([event(env, zone="013")], plan)
    assert second.opened == ()
    assert second.joined == (first,)
    env.clock.advance(timedelta(seconds=5))
    restore = env.svc.alarms.ingest([event(env, code="BR", zone="012")], plan)
    assert restore.restored == (first,)
    kinds = [(k, n) for k, _f, _t, n in env.events(first)]
    assert [k for k, _n in kinds] == ["created", KIND_ALARM, KIND_RESTORE]
    assert "防区 13" in kinds[1][1]
    assert "BR" in kinds[2][1]
    assert incident(env, first).state == IncidentState.NEW.value  # closing is the operator's
    # Another category of the same panel is its own incident.
    fire = env.svc.alarms.ingest([event(env, code="FA", zone="001")], plan)
    assert len(fire.opened) == 1
    assert fire.opened[0] != first


def test_a_closed_incident_is_not_joined(env: World, plan: AlarmPlan) -> None:
    first = env.svc.alarms.ingest([event(env)], plan).opened[0]
    op, sup = env.who("operator"), env.who("supervisor")
    for state in (IncidentState.ACKNOWLEDGED, IncidentState.DISPATCHED, IncidentState.ON_SCENE):
        env.svc.incidents.transition(op, first, state)
    env.svc.incidents.transition(op, first, IncidentState.RESOLVED, disposition="设备误报")
    env.svc.incidents.transition(sup, first, IncidentState.CLOSED)
    again = env.svc.alarms.ingest([event(env)], plan)
    assert len(again.opened) == 1
    assert again.opened[0] != first


def test_a_flood_makes_one_incident_and_one_timeline_entry_per_batch(
    env: World, plan: AlarmPlan
) -> None:
    batch = [event(env, zone=f"{i % 50:03d}") for i in range(1000)]
    result = env.svc.alarms.ingest(batch, plan)
    assert len(result.opened) == 1
    assert result.stored == 1000
    kinds = [k for k, *_ in env.events(result.opened[0])]
    assert kinds == ["created", KIND_ALARM]


def test_panic_posts_and_station_panels_open_p1_with_their_place(
    env: World, plan: AlarmPlan
) -> None:
    post = env.svc.alarms.ingest([event(env, code="PA", zone="", account="B001")], plan)
    inc = incident(env, post.opened[0])
    assert inc.priority == Priority.P1
    assert inc.title.startswith("紧急求助 · 一键报警柱")
    assert inc.location == "咸阳北路与芥园道交口"
    station = env.svc.alarms.ingest([event(env, code="PA", zone="", account="a005")], plan)
    inc5 = incident(env, station.opened[0])
    assert inc5.priority == Priority.P1
    assert "丰盈里社区报警主机" in inc5.title


def test_unknown_accounts_are_recorded_and_reported(env: World, plan: AlarmPlan) -> None:
    result = env.svc.alarms.ingest([event(env, account="FFFF")], plan)
    assert result.unknown_accounts == ("FFFF",)
    assert result.opened == ()
    with env.db.session() as s:
        row = s.scalar(select(AlarmEventRow))
        assert row is not None
        assert row.outcome == "unknown_account"
        assert row.device_id is None


def test_hostile_field_lengths_are_cut_to_the_columns(env: World, plan: AlarmPlan) -> None:
    e = replace(event(env), zone="9" * 40, text="x" * 2000, peer="p" * 300, receiver="R" * 99)
    assert len(env.svc.alarms.ingest([e], plan).opened) == 1
    assert rows(env) == 1


def test_heartbeats_are_not_stored_and_bring_a_panel_online(env: World, plan: AlarmPlan) -> None:
    hb = event(env, message_type="NULL", zone="")
    result = env.svc.alarms.ingest([hb], plan)
    assert result.heartbeats == 1
    assert result.stored == 0
    assert rows(env) == 0
    dev = device(env, "AP01")
    assert dev.state == DeviceState.ONLINE.value
    assert dev.last_seen_at == hb.received_at
    assert ("device", dev.id, "update") in env.changes()
    # Another link test soon after moves last_seen only in memory: no write, no change row.
    before = len(env.changes())
    env.clock.advance(timedelta(seconds=10))
    again = env.svc.alarms.ingest([event(env, message_type="NULL", zone="")], plan)
    assert again.devices == ()
    assert not again.changed
    assert len(env.changes()) == before
    env.clock.advance(timedelta(seconds=25))
    late = event(env, message_type="NULL", zone="")
    assert env.svc.alarms.ingest([late], plan).devices == (dev.id,)
    assert device(env, "AP01").last_seen_at == late.received_at


def test_a_silent_panel_goes_offline_with_one_fault_and_comes_back(
    env: World, plan: AlarmPlan
) -> None:
    since = env.clock.now
    env.svc.alarms.ingest([event(env, message_type="NULL", zone="")], plan)
    env.clock.advance(timedelta(seconds=60))
    # Within the window (90 s): nothing.
    assert env.svc.alarms.supervise(plan, since).offline == ()
    env.clock.advance(timedelta(seconds=40))
    found = env.svc.alarms.supervise(plan, since)
    # Every other panel was never heard: counted from `since`, they are silent too.
    assert "AP01" in found.offline
    assert len(found.opened) == len(found.offline)
    dev = device(env, "AP01")
    assert dev.state == DeviceState.OFFLINE.value
    assert dev.detail.endswith(" 起未收到链路测试")
    fault = next(i for i in found.opened if "咸阳北里社区报警主机" in incident(env, i).title)
    inc = incident(env, fault)
    assert inc.source == IncidentSource.DEVICE.value
    assert inc.title.startswith("设备故障")
    # Checked again: no second fault.
    env.clock.advance(timedelta(seconds=30))
    assert env.svc.alarms.supervise(plan, since) == type(found)((), ())
    # Heard again: online, and the fault's timeline says so; the fault stays open.
    back = env.svc.alarms.ingest([event(env, message_type="NULL", zone="")], plan)
    assert back.devices == (dev.id,)
    assert device(env, "AP01").state == DeviceState.ONLINE.value
    assert [k for k, *_ in env.events(fault)] == ["created", KIND_DEVICE_BACK]
    assert incident(env, fault).state == IncidentState.NEW.value
    # Silent again later: a fault again, but the open one is not doubled.
    env.clock.advance(timedelta(seconds=200))
    again = env.svc.alarms.supervise(plan, since)
    assert "AP01" in again.offline
    assert not any("咸阳北里社区报警主机" in incident(env, i).title for i in again.opened)
