"""AssignmentService on SQLite and PostgreSQL: dispatch, answers, scope, escalation."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.assignments import AssignmentError, AssignmentState, Pick
from core.audit import AuditAction
from core.incidents import IncidentState, TransitionError
from core.model import Priority
from core.permissions import PermissionDenied
from core.site import SiteSpec
from data.db import Database
from data.models import Assignment, Department, Incident, Unit
from data.services.assignments import ESCALATED_KIND
from data.services.attachments import AttachmentService
from data.services.sla import ANSWER_TARGET, BREACH_TABLE
from data.services.stand_down import STAND_DOWN_NOTE
from tests.unit.data.services.test_attachments import png
from tests.unit.data.worlds import World, demo_world, services_on

A = AssignmentState
PNG = png()


@pytest.fixture
def env(db: Database, demo_site: SiteSpec) -> World:
    world = demo_world(db, demo_site)
    for name in ("police", "volunteer"):
        world.principals[name] = world.svc.signin.principal(name)
    return world


def dept_id(env: World, code: str) -> int:
    with env.db.session() as s:
        found = s.scalar(select(Department.id).where(Department.code == code))
        assert found is not None
        return found


def unit_id(env: World, code: str) -> int:
    with env.db.session() as s:
        found = s.scalar(select(Unit.id).where(Unit.code == code))
        assert found is not None
        return found


def acknowledged(env: World, community: str = "C01", type_code: str | None = None) -> int:
    op = env.who("operator")
    iid = env.svc.incidents.create(
        op, title="独居老人未出门", priority=Priority.P2, community=community, type_code=type_code
    )
    env.svc.incidents.transition(op, iid, IncidentState.ACKNOWLEDGED)
    return iid


def state_of(env: World, incident_id: int) -> str:
    with env.db.session() as s:
        return s.get_one(Incident, incident_id).state


def test_dispatch_moves_the_incident_to_dispatched_once(env: World) -> None:
    op = env.who("operator")
    iid = acknowledged(env)
    [first] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))], "速去")
    assert state_of(env, iid) == IncidentState.DISPATCHED.value
    events = env.events(iid)
    assert ("assignment_notified", None, None, "咸阳北路街道城管执法队") not in events
    assert events[-2][0] == "assignment_notified"
    assert events[-2][3].startswith("红桥区公安分局咸阳北路派出所")
    assert events[-1][:3] == ("state", "acknowledged", "dispatched")
    # A second dispatch adds a unit of the volunteer team; the incident stays dispatched.
    pick = Pick(dept_id(env, "D05"), unit_id(env, "U0501"))
    [second] = env.svc.assignments.dispatch(op, iid, [pick])
    rows = env.svc.assignments.for_incident(op, iid)
    assert [r.id for r in rows] == [first, second]
    assert rows[1].unit == "志愿者 王秀英"
    assert rows[1].phone == "138-2205-5101"  # the unit's own phone
    assert rows[0].phone == "022-26581110"  # the department's
    assert [e[0] for e in env.events(iid)].count("state") == 2  # acknowledged, dispatched
    assert ("assignment", first, "insert") in env.changes()
    assert env.audit()[-1][1] == AuditAction.ASSIGNMENT_CHANGED.value
    # The same department again is not notified twice.
    with pytest.raises(AssignmentError):
        env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])


def test_a_new_incident_is_acknowledged_before_dispatch(env: World) -> None:
    op = env.who("operator")
    iid = env.svc.incidents.create(op, title="x", priority=Priority.P3, community="C01")
    with pytest.raises(TransitionError):
        env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    assert env.svc.assignments.for_incident(op, iid) == []


def test_the_department_answers_and_reports_with_times(env: World) -> None:
    op, police = env.who("operator"), env.who("police")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    [mine] = env.svc.assignments.mine(police)
    assert (mine.id, mine.state) == (aid, A.NOTIFIED)
    for step, note in ((A.ACCEPTED, ""), (A.EN_ROUTE, ""), (A.ON_SCENE, "到达")):
        env.svc.assignments.respond(police, aid, step, note)
    with pytest.raises(AssignmentError):
        env.svc.assignments.respond(police, aid, A.DONE, "")  # completion needs a note
    env.svc.assignments.respond(police, aid, A.DONE, "老人安好")
    [row] = env.svc.assignments.for_incident(op, iid)
    assert row.state is A.DONE
    assert row.note == "老人安好"
    assert row.notified_at < row.accepted_at < row.en_route_at < row.on_scene_at < row.done_at  # type: ignore[operator]
    kinds = [e[0] for e in env.events(iid)]
    assert kinds[-4:] == [
        "assignment_accepted",
        "assignment_en_route",
        "assignment_on_scene",
        "assignment_done",
    ]
    assert env.events(iid)[-1][3].endswith("老人安好")


def test_another_departments_user_is_refused_and_audited(env: World) -> None:
    op = env.who("operator")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    with pytest.raises(PermissionDenied):
        env.svc.assignments.respond(env.who("volunteer"), aid, A.ACCEPTED)
    assert env.audit()[-1][:2] == ("volunteer", AuditAction.PERMISSION_DENIED.value)
    assert env.svc.assignments.mine(env.who("volunteer")) == []
    # The control room cannot answer for the department either; it cancels instead.
    with pytest.raises(PermissionDenied):
        env.svc.assignments.respond(op, aid, A.ACCEPTED)
    with pytest.raises(AssignmentError):
        env.svc.assignments.control(op, aid, A.ACCEPTED)
    env.svc.assignments.control(op, aid, A.CANCELLED, "重复派单")
    assert env.svc.assignments.for_incident(op, iid)[0].state is A.CANCELLED


def test_decline_needs_a_reason_and_can_be_notified_again(env: World) -> None:
    op, police = env.who("operator"), env.who("police")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    with pytest.raises(AssignmentError):
        env.svc.assignments.respond(police, aid, A.DECLINED, " ")
    env.svc.assignments.respond(police, aid, A.DECLINED, "警力已全部出警")
    [row] = env.svc.assignments.for_incident(op, iid)
    assert (row.state, row.decline_reason) == (A.DECLINED, "警力已全部出警")
    assert row.declined_at is not None
    env.svc.assignments.control(op, aid, A.NOTIFIED)
    [row] = env.svc.assignments.for_incident(op, iid)
    assert (row.state, row.declined_at, row.decline_reason) == (A.NOTIFIED, None, "")


def test_a_stale_version_is_refused(env: World) -> None:
    op, police = env.who("operator"), env.who("police")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    [row] = env.svc.assignments.mine(police)
    env.svc.assignments.respond(police, aid, A.ACCEPTED, expected_version=row.version)
    with pytest.raises(AssignmentError):
        env.svc.assignments.respond(police, aid, A.EN_ROUTE, expected_version=row.version)


def test_routed_departments_come_first_in_the_picker(env: World) -> None:
    kinds = env.svc.incidents.types(env.who("operator"))
    kind = max(kinds, key=lambda t: (len(t.departments), t.departments[:1] != ("D01",)))
    assert kind.departments
    iid = acknowledged(env, type_code=kind.code)
    choice = env.svc.assignments.choices(env.who("operator"), iid)
    assert choice.routed == kind.departments
    assert tuple(t.code for t in choice.targets[: len(kind.departments)]) == kind.departments
    assert len(choice.targets) == 7
    volunteers = next(t for t in choice.targets if t.kind == "volunteers")
    assert [u.code for u in volunteers.units] == ["U0501", "U0502"]


def test_a_station_dispatches_only_within_its_community(env: World) -> None:
    iid = acknowledged(env, community="C02")
    with pytest.raises(PermissionDenied):
        env.svc.assignments.dispatch(env.who("ws01"), iid, [Pick(dept_id(env, "D01"))])


def test_an_unanswered_assignment_is_recorded_once(env: World, demo_site: SiteSpec) -> None:
    op = env.who("operator")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    [row] = env.svc.assignments.for_incident(op, iid)
    assert not row.overdue(env.clock.now)
    assert env.svc.assignments.escalate_due() == []
    env.clock.advance(timedelta(minutes=10))
    [row] = env.svc.assignments.for_incident(op, iid)
    assert row.overdue(env.clock.now)
    # Two workstations race to record it: exactly one wins.
    other = services_on(env.db, env.clock, workstation="W01")
    results: list[list[int]] = []
    barrier = threading.Barrier(2)

    def run(svc: object) -> None:
        barrier.wait()
        results.append(svc.assignments.escalate_due())  # type: ignore[attr-defined]

    threads = [
        threading.Thread(target=run, args=(s,), name=f"escalate-{i}")
        for i, s in enumerate((env.svc, other))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results, key=len) == [[], [aid]]
    assert [e[0] for e in env.events(iid)].count(ESCALATED_KIND) == 1
    assert env.svc.assignments.escalate_due() == []
    with env.db.session() as s:
        assert s.get_one(Assignment, aid).escalated_at is not None


def test_a_department_attaches_a_photo_only_to_work_it_took_on(env: World, tmp_path: Path) -> None:
    op, police, volunteer = env.who("operator"), env.who("police"), env.who("volunteer")
    files = AttachmentService(env.ctx, tmp_path / "cache")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    with pytest.raises(PermissionDenied):  # notified only: not yet its work
        files.add(police, iid, "现场.png", PNG)
    env.svc.assignments.respond(police, aid, A.ACCEPTED)
    row = files.add(police, iid, "现场.png", PNG)
    assert row.name == "现场.png"
    assert [e.kind for e in env.svc.incidents.incident_detail(op, iid).events][-1] == "attachment"
    with pytest.raises(PermissionDenied):  # another department's user
        files.add(volunteer, iid, "别处.png", PNG)
    other = acknowledged(env)
    with pytest.raises(PermissionDenied):  # an incident it has no assignment for
        files.add(police, other, "现场.png", PNG)


def test_an_unanswered_assignment_is_announced_like_an_sla_breach(env: World) -> None:
    op, sup = env.who("operator"), env.who("supervisor")
    iid = acknowledged(env)
    env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    env.clock.advance(timedelta(minutes=10))
    start = len(env.changes())
    [_aid] = env.svc.assignments.escalate_due()
    announced = [c[1] for c in env.changes()[start:] if c[0] == BREACH_TABLE]
    assert len(announced) == 1
    [breach] = env.svc.sla.breaches(sup, {announced[0]})
    assert breach.incident_id == iid
    assert breach.target.startswith(ANSWER_TARGET)
    assert breach.target.removeprefix(ANSWER_TARGET)  # names who did not answer


def test_resolving_stands_down_the_assignments_not_yet_at_the_scene(env: World) -> None:
    op, police, volunteer = env.who("operator"), env.who("police"), env.who("volunteer")
    iid = acknowledged(env)
    fire, police_aid, vol_aid = env.svc.assignments.dispatch(
        op, iid, [Pick(dept_id(env, "D02")), Pick(dept_id(env, "D01")), Pick(dept_id(env, "D05"))]
    )
    env.svc.assignments.respond(police, police_aid, A.ACCEPTED)
    env.svc.assignments.respond(volunteer, vol_aid, A.ACCEPTED)
    env.svc.assignments.respond(volunteer, vol_aid, A.ON_SCENE, "到达")
    env.svc.incidents.transition(op, iid, IncidentState.ON_SCENE)
    env.svc.incidents.transition(op, iid, IncidentState.RESOLVED, "已处置")
    states = {r.id: (r.state, r.note) for r in env.svc.assignments.for_incident(op, iid)}
    assert states[fire] == (A.CANCELLED, STAND_DOWN_NOTE), "notified, never answered"
    assert states[police_aid] == (A.CANCELLED, STAND_DOWN_NOTE), "accepted, on its way"
    assert states[vol_aid] == (A.ON_SCENE, "到达"), "working on the scene: reports Done itself"
    cancelled = [e for e in env.events(iid) if e[0] == "assignment_cancelled"]
    assert [e[3] for e in cancelled] == [
        f"红桥区消防救援支队 — {STAND_DOWN_NOTE}",
        f"红桥区公安分局咸阳北路派出所 — {STAND_DOWN_NOTE}",
    ]
    changed = (AuditAction.ASSIGNMENT_CHANGED.value, f"assignment:{police_aid}")
    assert env.audit()[-1][1:3] == changed
    # Off the police desk's open work, and never escalated as unanswered.
    assert [r.state for r in env.svc.assignments.mine(police)] == [A.CANCELLED]
    env.clock.advance(timedelta(minutes=30))
    assert env.svc.assignments.escalate_due() == []
    # The volunteers still finish what they are doing.
    env.svc.assignments.respond(volunteer, vol_aid, A.DONE, "老人安好")


def left_notified_on_a_resolved_incident(env: World) -> int:
    """An assignment still notified on a resolved incident, as a version from before the
    stand-down left them; its id."""
    op = env.who("operator")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    env.svc.incidents.transition(op, iid, IncidentState.RESOLVED, "已处置")
    with env.db.session() as s:
        s.get_one(Assignment, aid).state = A.NOTIFIED.value
        s.commit()
    return aid


def test_an_old_unanswered_assignment_of_a_resolved_incident_is_not_escalated(
    env: World,
) -> None:
    left_notified_on_a_resolved_incident(env)
    env.clock.advance(timedelta(minutes=30))
    assert env.svc.assignments.escalate_due() == []


def test_a_resolved_incident_notifies_nobody_again_until_reopened(env: World) -> None:
    op, police = env.who("operator"), env.who("police")
    iid = acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, iid, [Pick(dept_id(env, "D01"))])
    env.svc.assignments.respond(police, aid, A.DECLINED, "无警力")
    env.svc.incidents.transition(op, iid, IncidentState.RESOLVED, "已处置")
    [row] = env.svc.assignments.for_incident(op, iid)
    with pytest.raises(AssignmentError, match="reopen it"):
        env.svc.assignments.control(op, aid, A.NOTIFIED, "", row.version)
    env.svc.incidents.transition(op, iid, IncidentState.ACKNOWLEDGED, "家属又来电")  # reopened
    env.svc.assignments.control(op, aid, A.NOTIFIED, "", row.version)
    [row] = env.svc.assignments.for_incident(op, iid)
    assert row.state is A.NOTIFIED


def test_a_duplicate_merged_away_still_escalates_its_unanswered_assignment(env: World) -> None:
    op = env.who("operator")
    survivor, merged = acknowledged(env), acknowledged(env)
    [aid] = env.svc.assignments.dispatch(op, merged, [Pick(dept_id(env, "D01"))])
    env.svc.merge.merge(op, survivor, merged, "同一件事")
    assert state_of(env, merged) == IncidentState.CLOSED.value
    env.clock.advance(timedelta(minutes=30))
    assert env.svc.assignments.escalate_due() == [aid]


def test_an_assignment_left_open_on_a_resolved_incident_is_not_taken_up(env: World) -> None:
    op, police = env.who("operator"), env.who("police")
    aid = left_notified_on_a_resolved_incident(env)
    with pytest.raises(AssignmentError, match="nobody needs to go"):
        env.svc.assignments.respond(police, aid, A.ACCEPTED)
    # The control room clears it from the desk.
    env.svc.assignments.control(op, aid, A.CANCELLED)
    assert [r.state for r in env.svc.assignments.mine(police)] == [A.CANCELLED]
