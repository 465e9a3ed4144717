"""SlaService on SQLite and PostgreSQL: breaches found, recorded once, told within scope."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.audit import AuditAction
from core.incidents import IncidentState
from core.model import Priority
from core.site import SiteSpec
from data.migrate import open_database
from data.models import IncidentEvent
from data.services.sla import BREACH_KIND, BREACH_TABLE, STEP_WINDOW
from tests.unit.data.worlds import World, services_on

JOIN_S = 20.0


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def new_incident(env: World, priority: Priority = Priority.P1, **kw: object) -> int:
    return env.svc.incidents.create(
        env.who("operator"),
        title="独居老人未出门",
        priority=priority,
        community="C01",
        **kw,  # type: ignore[arg-type]
    )


def breaches(env: World, incident_id: int) -> list[str]:
    return [note for kind, _f, _t, note in env.events(incident_id) if kind == BREACH_KIND]


def test_nothing_is_recorded_before_a_target_passes(env: World) -> None:
    iid = new_incident(env)
    env.clock.advance(timedelta(minutes=1))  # P1: 2 min to acknowledge
    assert env.svc.sla.record_breaches() == []
    assert breaches(env, iid) == []


def test_each_target_is_recorded_once_with_event_change_and_audit(env: World) -> None:
    iid = new_incident(env)
    env.clock.advance(timedelta(minutes=3))
    first = env.svc.sla.record_breaches()
    assert len(first) == 1
    assert breaches(env, iid) == ["acknowledge"]
    assert (BREACH_TABLE, first[0], "insert") in env.changes()
    assert ("system", AuditAction.SLA_BREACHED.value, str(iid), "acknowledge") in env.audit()
    # Checked again: nothing new.
    assert env.svc.sla.record_breaches() == []
    # Acknowledged, then the dispatch target (10 min for a P1) passes.
    env.svc.incidents.transition(env.who("operator"), iid, IncidentState.ACKNOWLEDGED)
    env.clock.advance(timedelta(minutes=10))
    assert len(env.svc.sla.record_breaches()) == 1
    assert breaches(env, iid) == ["acknowledge", "dispatch"]
    assert env.audit_ok()


def test_a_type_with_its_own_dispatch_target(env: World, demo_site: SiteSpec) -> None:
    typed = next(t for t in demo_site.incident_types if t.dispatch_minutes is not None)
    iid = new_incident(env, type_code=typed.code)
    env.svc.incidents.transition(env.who("operator"), iid, IncidentState.ACKNOWLEDGED)
    assert typed.dispatch_minutes is not None
    env.clock.advance(timedelta(minutes=typed.dispatch_minutes) - timedelta(seconds=30))
    env.svc.sla.record_breaches()
    assert "dispatch" not in breaches(env, iid)
    env.clock.advance(timedelta(minutes=1))
    env.svc.sla.record_breaches()
    assert breaches(env, iid)[-1] == "dispatch"
    kinds = {t.code: t.dispatch for t in env.svc.incidents.types(env.who("operator"))}
    assert kinds[typed.code] == timedelta(minutes=typed.dispatch_minutes)


def test_a_backlog_is_recorded_in_batches(env: World) -> None:
    ids = [new_incident(env) for _ in range(3)]
    env.clock.advance(timedelta(minutes=3))
    first = env.svc.sla.record_breaches(limit=2)
    assert len(first) == 2
    assert [breaches(env, i) for i in ids] == [["acknowledge"], ["acknowledge"], []]
    assert len(env.svc.sla.record_breaches(limit=2)) == 1
    assert [breaches(env, i) for i in ids] == [["acknowledge"]] * 3


def test_closed_items_never_breach(env: World) -> None:
    iid = new_incident(env, priority=Priority.P3)
    env.svc.incidents.transition(env.who("operator"), iid, IncidentState.RESOLVED, disposition="")
    env.clock.advance(timedelta(days=10))
    assert env.svc.sla.record_breaches() == []


@pytest.fixture
def second_desk(env: World) -> Iterator[World]:
    """A second workstation with its own connection pool on the same database and clock."""
    other = open_database(env.db.url)
    try:
        svc = services_on(other, env.clock, workstation="WS02")
        yield World(other, svc.ctx, svc, env.clock, env.principals)
    finally:
        other.dispose()


def test_two_workstations_racing_record_each_breach_once(env: World, second_desk: World) -> None:
    ids = [new_incident(env) for _ in range(5)]
    env.clock.advance(timedelta(hours=2))  # acknowledge, dispatch and resolve all missed
    barrier = threading.Barrier(2)
    results: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def run(name: str, world: World) -> None:
        try:
            due = world.svc.sla.due()  # both see the same breaches as due
            assert len(due) == 15
            barrier.wait(JOIN_S)
            results[name] = world.svc.sla.record_breaches()
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(n, w), name=f"sla-{n}")
        for n, w in (("CC", env), ("WS02", second_desk))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(JOIN_S)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert sorted(results["CC"] + results["WS02"]) == sorted(set(results["CC"] + results["WS02"]))
    assert len(results["CC"]) + len(results["WS02"]) == 15
    with env.db.session() as s:
        rows = s.execute(
            select(IncidentEvent.incident_id, IncidentEvent.note, func.count())
            .where(IncidentEvent.kind == BREACH_KIND)
            .group_by(IncidentEvent.incident_id, IncidentEvent.note)
        ).all()
    assert sorted((i, n) for i, n, _c in rows) == sorted(
        (i, n) for i in ids for n in ("acknowledge", "dispatch", "resolve")
    )
    assert all(c == 1 for _i, _n, c in rows)
    audited = [a for a in env.audit() if a[1] == AuditAction.SLA_BREACHED.value]
    assert len(audited) == 15
    assert env.audit_ok()


def test_breaches_are_read_within_scope(env: World) -> None:
    c01 = new_incident(env)
    c02 = env.svc.incidents.create(
        env.who("operator"), title="路灯损坏", priority=Priority.P2, community="C02"
    )
    env.clock.advance(timedelta(minutes=6))
    ids = env.svc.sla.record_breaches()
    seen = env.svc.sla.breaches(env.who("supervisor"), ids)
    assert {(b.incident_id, b.target) for b in seen} == {(c01, "acknowledge"), (c02, "acknowledge")}
    station = env.svc.sla.breaches(env.who("ws01"), ids)
    assert {b.incident_id for b in station} == {c01}


def step(env: World, iid: int, *states: IncidentState) -> None:
    for s in states:
        extra = {"disposition": ""} if s is IncidentState.RESOLVED else {}
        env.svc.incidents.transition(env.who("operator"), iid, s, **extra)  # type: ignore[arg-type]


def test_an_acknowledge_taken_late_while_no_console_looked_is_recorded(env: World) -> None:
    iid = new_incident(env)
    env.clock.advance(timedelta(minutes=5))  # P1: 2 min; nobody checked meanwhile
    step(env, iid, IncidentState.ACKNOWLEDGED)
    env.clock.advance(timedelta(minutes=1))  # dispatch (10 min) still in time
    first = env.svc.sla.record_breaches()
    assert len(first) == 1
    assert breaches(env, iid) == ["acknowledge"]
    assert (BREACH_TABLE, first[0], "insert") in env.changes()
    assert ("system", AuditAction.SLA_BREACHED.value, str(iid), "acknowledge") in env.audit()
    assert env.svc.sla.record_breaches() == []  # once
    assert env.audit_ok()


def test_a_dispatch_and_a_resolve_taken_late_are_recorded(env: World) -> None:
    iid = new_incident(env)
    env.clock.advance(timedelta(minutes=1))
    step(env, iid, IncidentState.ACKNOWLEDGED)
    env.clock.advance(timedelta(minutes=14))  # P1: dispatched within 10 min
    step(env, iid, IncidentState.DISPATCHED)
    env.clock.advance(timedelta(hours=1))  # P1: resolved within 1 h
    step(env, iid, IncidentState.ON_SCENE, IncidentState.RESOLVED)
    env.clock.advance(timedelta(minutes=1))
    assert len(env.svc.sla.record_breaches()) == 2
    assert breaches(env, iid) == ["dispatch", "resolve"]
    assert env.svc.sla.record_breaches() == []


def test_resolved_late_straight_from_new_misses_all_three(env: World) -> None:
    iid = new_incident(env, priority=Priority.P3)
    env.clock.advance(timedelta(hours=25))  # P3: 30 min, 4 h, 24 h
    step(env, iid, IncidentState.RESOLVED)
    assert len(env.svc.sla.record_breaches()) == 3
    assert breaches(env, iid) == ["acknowledge", "dispatch", "resolve"]


def test_steps_in_time_record_nothing(env: World) -> None:
    iid = new_incident(env)
    env.clock.advance(timedelta(minutes=1))
    step(env, iid, IncidentState.ACKNOWLEDGED)
    env.clock.advance(timedelta(minutes=5))
    step(env, iid, IncidentState.DISPATCHED)
    env.clock.advance(timedelta(minutes=30))
    step(env, iid, IncidentState.RESOLVED)
    env.clock.advance(timedelta(minutes=1))
    assert env.svc.sla.record_breaches() == []
    assert breaches(env, iid) == []


def test_a_target_missed_between_two_runs_is_recorded(env: World) -> None:
    iid = new_incident(env)
    env.clock.advance(timedelta(minutes=1))
    assert env.svc.sla.record_breaches() == []  # the console's run before
    env.clock.advance(timedelta(seconds=70))  # 10 s past the P1 target
    step(env, iid, IncidentState.ACKNOWLEDGED)
    env.clock.advance(timedelta(seconds=20))  # the next run
    assert len(env.svc.sla.record_breaches()) == 1
    assert breaches(env, iid) == ["acknowledge"]


def test_a_late_step_older_than_the_window_is_left_out(env: World) -> None:
    iid = new_incident(env, priority=Priority.P3)
    env.clock.advance(timedelta(hours=1))  # P3: acknowledged within 30 min
    step(env, iid, IncidentState.ACKNOWLEDGED)
    env.clock.advance(STEP_WINDOW + timedelta(minutes=1))
    env.svc.sla.record_breaches()
    # The dispatch clock still runs and is found; the acknowledge a day ago no longer.
    assert breaches(env, iid) == ["dispatch", "resolve"]
