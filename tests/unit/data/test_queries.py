"""ConsoleService on SQLite and PostgreSQL: scope, the incident queue and its lifecycle."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from core.audit import AuditAction
from core.incidents import IncidentState, TransitionError
from core.model import DeviceState, IncidentSource, Priority
from core.permissions import PermissionDenied, Principal
from core.site import SiteSpec
from core.views import DeviceCounts
from data.audit import iter_audit, verify_audit
from data.db import Database
from data.models import ChangeLog, Community, Device, Incident, IncidentEvent
from data.queries import ConsoleService
from data.security import AuthService
from data.seeding import seed_site
from tests.unit.data.support import FakeClock, cheap_hasher

S = IncidentState


@dataclass
class Env:
    db: Database
    svc: ConsoleService
    clock: FakeClock
    admin: Principal
    supervisor: Principal
    operator: Principal
    station: Principal


@pytest.fixture
def env(db: Database, demo_site: SiteSpec) -> Env:
    clock = FakeClock(tick=timedelta(seconds=1))
    auth = AuthService(db, workstation="CC", hasher=cheap_hasher(), clock=clock)
    seed_site(db, demo_site, auth, population=0)
    svc = ConsoleService(db, auth, clock=clock)
    return Env(
        db,
        svc,
        clock,
        *(auth.principal(u) for u in ("admin", "supervisor", "operator", "ws01")),
    )


def new_incident(env: Env, who: Principal | None = None, **kw: object) -> int:
    args: dict[str, object] = {
        "title": "独居老人未出门",
        "priority": Priority.P2,
        "community": "C01",
    }
    args.update(kw)
    return env.svc.create_incident(who or env.operator, **args)  # type: ignore[arg-type]


def state_of(env: Env, incident_id: int) -> str:
    with env.db.session() as s:
        return s.get_one(Incident, incident_id).state


def community_devices(site: SiteSpec, code: str) -> int:
    kinds = [*site.readers, *site.cameras, *site.devices]
    return sum(1 for d in kinds if d.community == code)


# --- communities and devices ---------------------------------------------------------------
def test_site_meta(env: Env, demo_site: SiteSpec) -> None:
    meta = env.svc.site_meta()
    assert meta["site_name"] == demo_site.name
    assert meta["timezone"] == demo_site.timezone
    assert meta["site_file"] == "site.toml"


def test_communities_honour_scope(env: Env, demo_site: SiteSpec) -> None:
    everyone = env.svc.communities(env.operator)
    assert [c.code for c in everyone] == sorted(c.code for c in demo_site.communities)
    assert len(everyone) == 20
    c01 = next(c for c in demo_site.communities if c.code == "C01")
    station = env.svc.communities(env.station)
    assert [(c.code, c.name, c.population) for c in station] == [("C01", c01.name, c01.population)]
    assert (station[0].centre_x, station[0].centre_y) == (c01.centre.x, c01.centre.y)


def test_devices_honour_scope(env: Env, demo_site: SiteSpec) -> None:
    all_devices = env.svc.devices(env.operator)
    assert len(all_devices) == 120
    assert Counter(d.kind for d in all_devices)["reader"] == 60
    assert Counter(d.kind for d in all_devices)["camera"] == 16
    assert all(d.state is DeviceState.UNKNOWN for d in all_devices)
    # Ordered by kind, then code.
    assert [(d.kind, d.code) for d in all_devices] == sorted((d.kind, d.code) for d in all_devices)

    mine = env.svc.devices(env.station)
    assert {d.community for d in mine} == {"C01"}
    assert len(mine) == community_devices(demo_site, "C01")
    assert {d.code for d in mine} < {d.code for d in all_devices}
    assert all(d.community_name for d in mine)


def test_device_counts_honour_scope(env: Env) -> None:
    with env.db.session() as s:
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

    everyone = env.svc.device_counts(env.operator)
    assert (everyone.online, everyone.offline, everyone.unknown) == (2, 2, 116)
    assert everyone.total == 120

    station = env.svc.device_counts(env.station)
    # A fault counts as offline in the status bar.
    assert (station.online, station.offline) == (1, 2)
    assert station.total == len(c01_codes) == len(env.svc.devices(env.station))
    # The console derives its counts from the rows it already read; both must agree.
    assert DeviceCounts.of(env.svc.devices(env.operator)) == everyone
    assert DeviceCounts.of(env.svc.devices(env.station)) == station


# --- creating and moving incidents ---------------------------------------------------------
def test_create_incident_records_event_change_and_audit(env: Env) -> None:
    before_changes = _change_rows(env)
    iid = new_incident(env, location="一号楼", description="邻居来电", source=IncidentSource.CALL)
    [row] = env.svc.open_incidents(env.operator)
    assert row.id == iid
    assert row.state is S.NEW
    assert row.priority is Priority.P2
    assert row.source is IncidentSource.CALL
    assert row.community == "C01"
    assert row.location == "一号楼"
    assert row.claimed_by is None
    assert row.created_at == row.updated_at
    assert _events(env, iid) == [("created", None, "new", "邻居来电")]
    assert _change_rows(env)[len(before_changes) :] == [("incident", iid, "insert")]
    assert _audit(env)[-1] == ("operator", AuditAction.INCIDENT_CREATED.value, str(iid), "")


def test_acknowledge_claims_and_records(env: Env) -> None:
    iid = new_incident(env)
    env.svc.transition(env.operator, iid, S.ACKNOWLEDGED, note="收到")
    [row] = env.svc.open_incidents(env.supervisor)
    assert row.state is S.ACKNOWLEDGED
    assert row.claimed_by == "值班员 李静"
    assert row.updated_at > row.created_at
    assert _events(env, iid)[-1] == ("state", "new", "acknowledged", "收到")
    assert _change_rows(env)[-2:] == [("incident", iid, "insert"), ("incident", iid, "update")]
    assert _audit(env)[-1] == (
        "operator",
        AuditAction.INCIDENT_CHANGED.value,
        str(iid),
        "new -> acknowledged",
    )

    # A later acknowledgement (after a reopen) keeps the first claimer.
    env.svc.transition(env.operator, iid, S.RESOLVED)
    env.svc.transition(env.supervisor, iid, S.ACKNOWLEDGED, note="居民再次来电")
    [row] = env.svc.open_incidents(env.supervisor)
    assert row.claimed_by == "值班员 李静"


def test_full_lifecycle_closing_needs_review(env: Env) -> None:
    iid = new_incident(env)
    for target in (S.ACKNOWLEDGED, S.DISPATCHED, S.ON_SCENE, S.RESOLVED):
        env.svc.transition(env.operator, iid, target)
    assert state_of(env, iid) == "resolved"
    assert env.svc.open_incidents(env.operator) == []

    with pytest.raises(PermissionDenied):
        env.svc.transition(env.operator, iid, S.CLOSED)
    assert state_of(env, iid) == "resolved"
    assert _audit(env)[-1][:2] == ("operator", AuditAction.PERMISSION_DENIED.value)

    env.svc.transition(env.supervisor, iid, S.CLOSED, note="复核通过")
    assert state_of(env, iid) == "closed"
    kinds = [(k, f, t) for k, f, t, _ in _events(env, iid)]
    assert kinds == [
        ("created", None, "new"),
        ("state", "new", "acknowledged"),
        ("state", "acknowledged", "dispatched"),
        ("state", "dispatched", "on_scene"),
        ("state", "on_scene", "resolved"),
        ("state", "resolved", "closed"),
    ]
    with env.db.session() as s:
        assert verify_audit(s).ok


ILLEGAL: list[tuple[tuple[S, ...], S]] = [
    ((), S.ON_SCENE),
    ((), S.CLOSED),
    ((S.ACKNOWLEDGED,), S.NEW),
    ((S.RESOLVED,), S.DISPATCHED),
]


def test_illegal_transitions_raise_and_change_nothing(env: Env) -> None:
    for path, target in ILLEGAL:
        iid = new_incident(env)
        for step in path:
            env.svc.transition(env.supervisor, iid, step)
        before = (state_of(env, iid), _events(env, iid), _change_rows(env), _audit(env))
        with pytest.raises(TransitionError):
            env.svc.transition(env.supervisor, iid, target)
        assert (state_of(env, iid), _events(env, iid), _change_rows(env), _audit(env)) == before


def test_reopening_needs_a_reason(env: Env) -> None:
    iid = new_incident(env)
    env.svc.transition(env.operator, iid, S.RESOLVED)
    with pytest.raises(TransitionError, match="reason"):
        env.svc.transition(env.operator, iid, S.ACKNOWLEDGED)
    env.svc.transition(env.operator, iid, S.ACKNOWLEDGED, note="家属反映仍未联系上")
    assert state_of(env, iid) == "acknowledged"


def test_transition_of_an_unknown_incident(env: Env) -> None:
    with pytest.raises(LookupError):
        env.svc.transition(env.operator, 987654, S.ACKNOWLEDGED)


def test_create_incident_needs_a_title(env: Env) -> None:
    with pytest.raises(ValueError, match="title"):
        new_incident(env, title="   ")
    with pytest.raises(ValueError, match="unknown community"):
        new_incident(env, community="C99")
    assert env.svc.open_incidents(env.admin) == []


def test_title_is_trimmed_and_street_wide_items_have_no_community(env: Env) -> None:
    new_incident(env, title="  主干道积水  ", community=None)
    [row] = env.svc.open_incidents(env.operator)
    assert row.title == "主干道积水"
    assert row.community is None
    assert row.community_name is None


# --- scope of incidents ---------------------------------------------------------------------
def test_open_incidents_honour_scope(env: Env) -> None:
    mine = new_incident(env, community="C01")
    new_incident(env, community="C02")
    new_incident(env, community=None)
    assert len(env.svc.open_incidents(env.operator)) == 3
    assert [r.id for r in env.svc.open_incidents(env.station)] == [mine]


def test_station_creates_only_in_its_own_community(env: Env) -> None:
    with pytest.raises(PermissionDenied):
        new_incident(env, env.station, community="C02")
    assert _audit(env)[-1] == (
        "ws01",
        AuditAction.PERMISSION_DENIED.value,
        "C02",
        "handle_incidents",
    )
    iid = new_incident(env, env.station, community=None)
    [row] = env.svc.open_incidents(env.station)
    assert (row.id, row.community) == (iid, "C01")


def test_station_may_not_move_another_communitys_incident(env: Env) -> None:
    iid = new_incident(env, community="C02")
    with pytest.raises(PermissionDenied):
        env.svc.transition(env.station, iid, S.ACKNOWLEDGED)
    assert state_of(env, iid) == "new"


def test_station_may_not_move_a_street_wide_incident(env: Env) -> None:
    """Regression: an item with no community passed a station's scope check unseen."""
    iid = new_incident(env, community=None)
    assert iid not in [r.id for r in env.svc.open_incidents(env.station)]
    with pytest.raises(PermissionDenied):
        env.svc.transition(env.station, iid, S.ACKNOWLEDGED)
    assert state_of(env, iid) == "new"
    env.svc.transition(env.operator, iid, S.ACKNOWLEDGED)
    assert state_of(env, iid) == "acknowledged"


def test_over_long_titles_are_refused_alike_on_both_backends(env: Env) -> None:
    """SQLite would store a 201-character title that PostgreSQL refuses: the service decides."""
    with pytest.raises(ValueError, match="at most 200"):
        new_incident(env, title="长" * 201)
    new_incident(env, title="长" * 200)
    assert len(env.svc.open_incidents(env.operator)) == 1


def test_open_incidents_order(env: Env) -> None:
    p2_old = new_incident(env, title="p2 old", priority=Priority.P2)
    p1_ack_old = new_incident(env, title="p1 ack old", priority=Priority.P1)
    p1_new_old = new_incident(env, title="p1 new old", priority=Priority.P1)
    p3 = new_incident(env, title="p3", priority=Priority.P3)
    p1_new_young = new_incident(env, title="p1 new young", priority=Priority.P1)
    p2_ack = new_incident(env, title="p2 ack", priority=Priority.P2)
    p2_new_young = new_incident(env, title="p2 new young", priority=Priority.P2)
    env.svc.transition(env.operator, p1_ack_old, S.ACKNOWLEDGED)
    env.svc.transition(env.operator, p2_ack, S.ACKNOWLEDGED)
    done = new_incident(env, title="done", priority=Priority.P1)
    env.svc.transition(env.operator, done, S.RESOLVED)

    queue = env.svc.open_incidents(env.operator)
    assert [r.title for r in queue] == [
        "p1 new old",
        "p1 new young",
        "p1 ack old",
        "p2 old",
        "p2 new young",
        "p2 ack",
        "p3",
    ]
    assert [r.id for r in queue] == [
        p1_new_old,
        p1_new_young,
        p1_ack_old,
        p2_old,
        p2_new_young,
        p2_ack,
        p3,
    ]
    assert [r.id for r in env.svc.open_incidents(env.operator, limit=2)] == [
        p1_new_old,
        p1_new_young,
    ]


# --- helpers ---------------------------------------------------------------------------------
def _events(env: Env, iid: int) -> list[tuple[str, str | None, str | None, str]]:
    with env.db.session() as s:
        rows = s.scalars(
            select(IncidentEvent).where(IncidentEvent.incident_id == iid).order_by(IncidentEvent.id)
        )
        return [(e.kind, e.from_state, e.to_state, e.note) for e in rows]


def _change_rows(env: Env) -> list[tuple[str, int | None, str]]:
    with env.db.session() as s:
        rows = s.execute(
            select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.op).order_by(ChangeLog.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def _audit(env: Env) -> list[tuple[str, str, str, str]]:
    with env.db.session() as s:
        return [(r.actor, r.action, r.target, r.detail) for r in iter_audit(s)]
