"""The retention job on SQLite and PostgreSQL (as the owner): counts, holds, the audit row."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, insert, select

from core.audit import AuditAction
from core.incidents import TransitionError
from core.permissions import PermissionDenied
from core.retention import DEFAULT_POLICY, RetentionClass
from core.site import SiteSpec
from data.db import Database
from data.models import AuditLog, CameraEvent, ChangeLog, Incident, IncidentEvent
from data.services.retention import (
    ANONYMISED_TITLE,
    RetentionNotAllowed,
    RetentionService,
    is_permission_error,
)
from tests.unit.data.worlds import World, demo_world

C = RetentionClass
YEAR = timedelta(days=366)


def _incident(env: World, *, state: str, age: timedelta, hold: bool = False) -> int:
    """An incident closed (or last changed) `age` ago, with a caller, notes and a timeline."""
    at = env.clock.now - age
    with env.db.session() as s:
        iid = s.execute(
            insert(Incident).returning(Incident.id),
            [
                {
                    "title": "张三家老人走失",
                    "description": "邻居王五来电",
                    "priority": 2,
                    "state": state,
                    "source": "call",
                    "community_id": None,
                    "location": "咸阳北路12号3单元",
                    "created_at": at - timedelta(hours=2),
                    "updated_at": at,
                    "queue_rank": 3,
                    "caller_name": "王五",
                    "caller_phone": "13800001234",
                    "disposition": "已找到",
                    "legal_hold": hold,
                    "legal_hold_reason": "公安调查" if hold else "",
                }
            ],
        ).scalar_one()
        s.add(
            IncidentEvent(incident_id=iid, ts=at, kind="state", to_state=state, note="在公园找到")
        )
    return iid


def _snapshot(env: World) -> tuple[object, ...]:
    with env.db.session() as s:
        incidents = s.execute(select(Incident).order_by(Incident.id)).scalars().all()
        rows = [
            (i.id, i.title, i.description, i.caller_name, i.location, i.anonymised_at)
            for i in incidents
        ]
        notes = s.scalars(select(IncidentEvent.note).order_by(IncidentEvent.id)).all()
        changes = s.scalar(select(func.count(ChangeLog.id)))
        audit = s.scalar(select(func.count(AuditLog.id)))
    return rows, notes, changes, audit


@pytest.fixture
def env(owner_db: Database, demo_site: SiteSpec) -> World:
    """The demo site as its owner: retention is the owner's task on PostgreSQL."""
    world = demo_world(owner_db, demo_site)
    world.clock.tick = timedelta(0)
    return world


@pytest.fixture
def filled(env: World) -> dict[str, list[int]]:
    made = {
        "old": [_incident(env, state="closed", age=4 * YEAR) for _ in range(5)],
        "held": [_incident(env, state="closed", age=5 * YEAR, hold=True)],
        "recent": [_incident(env, state="closed", age=YEAR)],
        "open": [_incident(env, state="acknowledged", age=6 * YEAR)],
    }
    with env.db.session() as s:
        # Old feed rows, and newer ones that must stay.
        for days in (30, 20, 10, 1):
            s.add(ChangeLog(ts=env.clock.now - timedelta(days=days), table_name="x", op="update"))
    return made


def test_cameras_motion_events_go_after_the_video_period_unless_an_incident_keeps_them(
    env: World, demo_site: SiteSpec
) -> None:
    iid = _incident(env, state="acknowledged", age=timedelta(days=40))
    camera = demo_site.cameras[0].code
    ages = {"old": 40, "old-kept": 40, "recent": 5}
    with env.db.session() as s:
        for key, days in ages.items():
            s.add(
                CameraEvent(
                    camera=camera,
                    kind="motion",
                    rule="motion",
                    at=env.clock.now - timedelta(days=days),
                    score=0.5,
                    regions="[]",
                    actor="motion",
                    outcome="incident" if key == "old-kept" else "disarmed",
                    incident_id=iid if key == "old-kept" else None,
                )
            )
    job = RetentionService(env.ctx)
    dry = job.run(env.who("admin"), dry_run=True)
    assert dry.of(C.VIDEO).count == 1
    real = job.run(env.who("admin"))
    assert real.of(C.VIDEO).count == 1
    assert "deleted: 1" in real.of(C.VIDEO).line()
    with env.db.session() as s:
        left = list(s.scalars(select(CameraEvent.incident_id).order_by(CameraEvent.at)))
    assert left == [iid, None]  # the incident's event and the recent one


def test_dry_run_changes_nothing_and_reports_what_the_real_run_does(
    env: World, filled: dict[str, list[int]]
) -> None:
    job = RetentionService(env.ctx)
    admin = env.who("admin")
    before = _snapshot(env)
    dry = job.run(admin, dry_run=True)
    assert _snapshot(env) == before  # not even an audit row
    real = job.run(admin)
    assert dry.dry_run
    assert not real.dry_run
    assert dry.counts() == real.counts()
    assert real.of(C.INCIDENTS).count == 5
    assert real.of(C.INCIDENTS).held == 1 == dry.of(C.INCIDENTS).held
    assert real.of(C.CHANGE_LOG).count >= 3  # the three older than 7 days (+ the seed's)
    assert dry.of(C.INCIDENTS).oldest_kept == real.of(C.INCIDENTS).oldest_kept
    assert real.of(C.INCIDENTS).oldest_kept == env.clock.now - 5 * YEAR  # the held one
    assert real.of(C.TAG_READS).present  # none stored in this world: nothing to delete
    assert real.of(C.TAG_READS).count == 0
    assert real.of(C.VIDEO).present
    assert real.of(C.VIDEO).count == 0  # no camera events in this world
    for cls in (C.POSITIONS, C.CALL_RECORDINGS):
        assert not real.of(cls).present
        assert "not present" in real.of(cls).line()
    # Nothing left to do the second time.
    again = job.run(admin, dry_run=True)
    assert again.of(C.INCIDENTS).count == 0
    assert again.of(C.CHANGE_LOG).count == 0


def test_old_closed_incidents_are_anonymised_for_the_dashboard(
    env: World, filled: dict[str, list[int]]
) -> None:
    RetentionService(env.ctx).run(env.who("admin"))
    with env.db.session() as s:
        for iid in filled["old"]:
            inc = s.get_one(Incident, iid)
            assert inc.title == ANONYMISED_TITLE
            assert (inc.description, inc.location, inc.caller_name, inc.caller_phone) == (
                "",
                "",
                "",
                "",
            )
            assert inc.anonymised_at == env.clock.now
            # What the KPI dashboard counts stays.
            assert (inc.priority, inc.state, inc.disposition, inc.source) == (
                2,
                "closed",
                "已找到",
                "call",
            )
            assert inc.created_at == env.clock.now - 4 * YEAR - timedelta(hours=2)
            notes = s.scalars(select(IncidentEvent.note).where(IncidentEvent.incident_id == iid))
            assert set(notes) == {""}
        for iid in filled["held"] + filled["recent"] + filled["open"]:
            inc = s.get_one(Incident, iid)
            assert inc.title == "张三家老人走失"
            assert inc.caller_phone == "13800001234"
            assert inc.anonymised_at is None
            notes = s.scalars(select(IncidentEvent.note).where(IncidentEvent.incident_id == iid))
            assert list(notes) == ["在公园找到"]


def test_the_audit_log_is_untouched_and_one_row_tells_the_counts(
    env: World, filled: dict[str, list[int]]
) -> None:
    before = env.audit()
    report = RetentionService(env.ctx).run(env.who("admin"))
    after = env.audit()
    assert after[: len(before)] == before
    assert env.audit_ok()
    [row] = after[len(before) :]
    actor, action, _target, detail = row
    assert (actor, action) == ("admin", AuditAction.RETENTION_RUN.value)
    data = json.loads(detail)
    assert data["counts"] == report.counts()
    assert data["counts"]["incidents"] == 5
    assert data["counts"]["audit_log"] == 0
    assert data["held"] == 1
    assert report.of(C.AUDIT_LOG).action == "kept"
    assert report.of(C.AUDIT_LOG).oldest_kept is not None


def test_the_newest_feed_row_always_stays(env: World) -> None:
    env.clock.now += 400 * timedelta(days=1)
    RetentionService(env.ctx).run(env.who("admin"))
    with env.db.session() as s:
        assert s.scalar(select(func.count(ChangeLog.id))) >= 1


def test_only_an_administrator_runs_it(env: World, filled: dict[str, list[int]]) -> None:
    before = _snapshot(env)
    with pytest.raises(PermissionDenied):
        RetentionService(env.ctx).run(env.who("supervisor"))
    assert env.audit()[-1][1] == AuditAction.PERMISSION_DENIED.value
    rows, notes, changes, _audit = _snapshot(env)
    assert (rows, notes, changes) == before[:3]


def test_a_longer_site_period_keeps_more(env: World, filled: dict[str, list[int]]) -> None:
    from core.retention import policy_from_table

    policy, problems = policy_from_table({"incidents": "10y"})
    assert not problems
    assert policy != DEFAULT_POLICY
    report = RetentionService(env.ctx, policy).run(env.who("admin"))
    assert report.of(C.INCIDENTS).count == 0
    assert report.of(C.INCIDENTS).held == 0


def test_small_batches_give_the_same_result(env: World, filled: dict[str, list[int]]) -> None:
    seen: list[int] = []
    report = RetentionService(env.ctx).run(
        env.who("admin"), batch=2, progress=lambda cls, n: seen.append(n)
    )
    assert report.of(C.INCIDENTS).count == 5
    assert seen[:3] == [2, 4, 5]


# --- legal holds (the workstation's role sets them) -------------------------------------------
@pytest.fixture
def ws_env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def test_a_supervisor_sets_and_lifts_a_hold_with_a_reason(ws_env: World) -> None:
    env = ws_env
    iid = env.svc.incidents.create(env.who("operator"), title="走失", priority=2, community="C01")  # type: ignore[arg-type]
    sup = env.who("supervisor")
    env.svc.incidents.set_legal_hold(sup, iid, True, "公安机关调取")
    detail = env.svc.incidents.incident_detail(sup, iid)
    assert detail.legal_hold
    assert detail.legal_hold_reason == "公安机关调取"
    assert env.audit()[-1] == (
        "supervisor",
        AuditAction.LEGAL_HOLD_SET.value,
        str(iid),
        "公安机关调取",
    )
    assert env.events(iid)[-1] == ("legal_hold", None, None, "公安机关调取")
    with pytest.raises(TransitionError):
        env.svc.incidents.set_legal_hold(sup, iid, True, "again please")
    env.svc.incidents.set_legal_hold(sup, iid, False, "调查结束")
    assert not env.svc.incidents.incident_detail(sup, iid).legal_hold
    assert env.audit()[-1][1] == AuditAction.LEGAL_HOLD_LIFTED.value


def test_an_operator_may_not_hold_and_a_reason_is_required(ws_env: World) -> None:
    env = ws_env
    iid = env.svc.incidents.create(env.who("operator"), title="走失", priority=2, community="C01")  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        env.svc.incidents.set_legal_hold(env.who("operator"), iid, True, "公安机关调取")
    with pytest.raises(ValueError, match="reason"):
        env.svc.incidents.set_legal_hold(env.who("supervisor"), iid, True, " ")
    assert not env.svc.incidents.incident_detail(env.who("supervisor"), iid).legal_hold


@pytest.mark.postgres
def test_the_workstation_role_cannot_run_retention_on_postgresql(
    ws_env: World, demo_site: SiteSpec
) -> None:
    if ws_env.db.dialect != "postgresql":
        pytest.skip("SQLite has no database roles")
    with ws_env.db.session() as s:
        s.add(ChangeLog(ts=ws_env.clock.now - timedelta(days=30), table_name="x", op="update"))
        s.add(ChangeLog(ts=ws_env.clock.now, table_name="x", op="update"))
    before = ws_env.audit()
    with pytest.raises(RetentionNotAllowed, match="owner"):
        RetentionService(ws_env.ctx).run(ws_env.who("admin"))
    assert ws_env.audit() == before
    # Had it tried, the server would have refused the DELETE itself.
    with pytest.raises(Exception) as err, ws_env.db.session() as s:  # noqa: PT011 - driver's
        s.execute(delete(ChangeLog))
    assert is_permission_error(err.value)
    # A dry run only reads: the workstation may count.
    assert RetentionService(ws_env.ctx).run(ws_env.who("admin"), dry_run=True).dry_run
