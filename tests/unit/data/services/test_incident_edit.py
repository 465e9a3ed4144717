"""Editing incidents on both backends: the version, conflicts of two desks, four eyes, holds."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from core.history import HistoryQuery
from core.incident_edit import EditError, IncidentChanges, IncidentConflict
from core.incidents import FourEyesError, IncidentState, queue_rank
from core.model import Priority
from core.permissions import PermissionDenied, Principal
from core.site import SiteSpec
from data.models import Incident, IncidentEvent
from data.seeding import seed_site
from data.services import Services
from data.services.retention import RetentionService
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import World, services_on

S = IncidentState


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def _new(env: World, priority: Priority = Priority.P3, location: str = "") -> int:
    return env.svc.incidents.create(
        env.who("operator"),
        title="独居老人未出门",
        priority=priority,
        community="C01",
        location=location,
    )


def _version(env: World, iid: int) -> int:
    with env.db.session() as s:
        return s.get_one(Incident, iid).version


def _event_versions(env: World, iid: int) -> list[tuple[str, int | None]]:
    with env.db.session() as s:
        rows = s.scalars(
            select(IncidentEvent).where(IncidentEvent.incident_id == iid).order_by(IncidentEvent.id)
        )
        return [(e.kind, e.version) for e in rows]


def test_every_write_of_an_incident_bumps_its_version(env: World) -> None:
    op, sup, admin = env.who("operator"), env.who("supervisor"), env.who("admin")
    inc = env.svc.incidents
    iid = _new(env)
    assert _version(env, iid) == 1
    inc.transition(op, iid, S.ACKNOWLEDGED)
    inc.take_over(sup, iid, expected_version=2)
    inc.edit(sup, iid, 3, IncidentChanges(location="3号楼"))
    inc.set_legal_hold(admin, iid, True, "诉讼保全")
    inc.set_legal_hold(admin, iid, False, "诉讼结束")
    assert _version(env, iid) == 6
    assert [v for _k, v in _event_versions(env, iid)] == [1, 2, 3, 4, 5, 6]
    assert inc.incident_detail(op, iid).row.version == 6


def test_anonymising_bumps_the_version(env: World) -> None:
    sup = env.who("supervisor")
    iid = _new(env)
    env.svc.incidents.transition(env.who("operator"), iid, S.RESOLVED, "已处理")
    env.svc.incidents.transition(sup, iid, S.CLOSED, "复核")
    before = _version(env, iid)
    later = env.clock() + timedelta(days=366 * 10)
    with as_owner(env.db) as owner:  # retention is the owner's task on PostgreSQL
        RetentionService(services_on(owner, env.clock).ctx).run("cli", now=later)
    with env.db.session() as s:
        inc = s.get_one(Incident, iid)
        assert inc.anonymised_at is not None
        assert inc.version == before + 1


def test_edit_writes_one_entry_per_field_and_reranks(env: World) -> None:
    op = env.who("operator")
    iid = _new(env, location="一号楼")
    new_version = env.svc.incidents.edit(
        op,
        iid,
        1,
        IncidentChanges(priority=Priority.P1, type_code="FIRE", location=" 二号楼\u200b\n3单元 "),
    )
    assert new_version == 2
    detail = env.svc.incidents.incident_detail(op, iid)
    assert (detail.row.priority, detail.row.type_code, detail.row.location) == (
        Priority.P1,
        "FIRE",
        "二号楼 3单元",
    )
    edits = [(e.kind, e.note) for e in detail.events if e.kind.startswith("edit_")]
    assert [k for k, _ in edits] == ["edit_priority", "edit_type", "edit_location"]
    assert edits[0][1] == "P3 → P1"
    assert edits[2][1] == "一号楼 → 二号楼 3单元"
    with env.db.session() as s:
        assert s.get_one(Incident, iid).queue_rank == queue_rank(1, S.NEW)
    assert env.audit()[-1][:3] == ("operator", AuditAction.INCIDENT_CHANGED.value, str(iid))
    assert "location" in env.audit()[-1][3]
    assert "二号楼" not in env.audit()[-1][3], "the audit names fields, not their text"
    assert env.changes()[-1] == ("incident", iid, "update")


def test_an_unchanged_edit_writes_nothing(env: World) -> None:
    op = env.who("operator")
    iid = _new(env, location="一号楼")
    before = env.changes()
    assert env.svc.incidents.edit(op, iid, 1, IncidentChanges(location="一号楼")) == 1
    assert env.changes() == before


def test_lowering_a_p1_needs_a_reason_raising_does_not(env: World) -> None:
    op = env.who("operator")
    iid = _new(env, priority=Priority.P1)
    with pytest.raises(EditError, match="reason"):
        env.svc.incidents.edit(op, iid, 1, IncidentChanges(priority=Priority.P3))
    assert _version(env, iid) == 1
    env.svc.incidents.edit(op, iid, 1, IncidentChanges(priority=Priority.P3, note="误报"))
    env.svc.incidents.edit(op, iid, 2, IncidentChanges(priority=Priority.P1))
    notes = [e.note for e in env.svc.incidents.incident_detail(op, iid).events]
    assert notes[-2:] == ["P1 → P3 · 误报", "P3 → P1"]


def test_hostile_location_and_permissions(env: World) -> None:
    op = env.who("operator")
    iid = _new(env)
    with pytest.raises(ValueError, match="location"):
        env.svc.incidents.edit(op, iid, 1, IncidentChanges(location="楼" * 201))
    with pytest.raises(ValueError, match="unknown incident type"):
        env.svc.incidents.edit(op, iid, 1, IncidentChanges(type_code="nope"))
    other = _new(env)  # a station edits the items of its own community
    env.svc.incidents.edit(env.who("ws01"), other, 1, IncidentChanges(location="门口"))
    street_wide = env.svc.incidents.create(op, title="路灯", priority=Priority.P4, community=None)
    with pytest.raises(PermissionDenied):
        env.svc.incidents.edit(env.who("ws01"), street_wide, 1, IncidentChanges(location="x"))
    assert env.audit()[-1][1] == AuditAction.PERMISSION_DENIED.value


def test_a_closed_incident_is_not_edited(env: World) -> None:
    op, sup = env.who("operator"), env.who("supervisor")
    iid = _new(env)
    env.svc.incidents.transition(op, iid, S.RESOLVED, "已处理")
    env.svc.incidents.transition(sup, iid, S.CLOSED, "复核")
    with pytest.raises(EditError, match="reopen"):
        env.svc.incidents.edit(op, iid, 3, IncidentChanges(location="x"))


def test_second_desk_saving_an_older_version_gets_the_other_change(env: World) -> None:
    """Two workstations, each with its own context: the later save is refused, not merged."""
    cc = env.svc
    ws02 = services_on(env.db, env.clock, workstation="WS02")
    op, sup = env.who("operator"), ws02.signin.principal("supervisor")
    iid = _new(env, location="一号楼")
    shown = cc.incidents.incident_detail(op, iid).row.version  # both windows show version 1

    ws02.incidents.edit(sup, iid, shown, IncidentChanges(priority=Priority.P1, location="二号楼"))
    with pytest.raises(IncidentConflict) as refused:
        cc.incidents.edit(op, iid, shown, IncidentChanges(location="三号楼"))

    info = refused.value.info
    assert (info.expected_version, info.current.version) == (1, 2)
    assert (info.current.location, info.current.priority) == ("二号楼", Priority.P1)
    assert [(c.kind, c.note, c.actor, c.workstation) for c in info.changes] == [
        ("edit_priority", "P3 → P1", "王建国", "WS02"),
        ("edit_location", "一号楼 → 二号楼", "王建国", "WS02"),
    ]
    assert "WS02" in str(refused.value)
    assert cc.incidents.incident_detail(op, iid).row.location == "二号楼", "nothing overwritten"
    # Re-applied knowingly, against the version the conflict showed.
    cc.incidents.edit(op, iid, info.current.version, IncidentChanges(location="三号楼"))
    assert cc.incidents.incident_detail(op, iid).row.location == "三号楼"


def test_a_step_from_a_stale_window_is_refused(env: World) -> None:
    ws02 = services_on(env.db, env.clock, workstation="WS02")
    op = env.who("operator")
    iid = _new(env)
    ws02.incidents.transition(ws02.signin.principal("supervisor"), iid, S.ACKNOWLEDGED)
    with pytest.raises(IncidentConflict) as refused:
        env.svc.incidents.transition(op, iid, S.RESOLVED, "已处理", expected_version=1)
    assert [(c.kind, c.workstation) for c in refused.value.info.changes] == [("state", "WS02")]
    assert refused.value.info.current.state is S.ACKNOWLEDGED
    with pytest.raises(IncidentConflict):
        env.svc.incidents.take_over(op, iid, expected_version=1)


def test_four_eyes_by_default_relaxed_by_the_site_setting(env: World, demo_site: SiteSpec) -> None:
    sup = env.who("supervisor")
    iid = _new(env)
    env.svc.incidents.transition(sup, iid, S.RESOLVED, "已处理")
    with pytest.raises(FourEyesError):
        env.svc.incidents.transition(sup, iid, S.CLOSED)

    with as_owner(env.db) as owner:  # the site file says four_eyes = false; seeding records it
        relaxed = dataclasses.replace(demo_site, four_eyes=False)
        seed_site(owner, relaxed, services_on(owner, env.clock), population=0)
    env.svc.incidents.transition(sup, iid, S.CLOSED, "小站点自行复核")
    assert env.svc.incidents.incident_detail(sup, iid).row.state is S.CLOSED


def test_legal_hold_is_a_reviewers_act_on_the_timeline(env: World) -> None:
    op, sup = env.who("operator"), env.who("supervisor")
    iid = _new(env)
    with pytest.raises(PermissionDenied):
        env.svc.incidents.set_legal_hold(op, iid, True, "诉讼保全")
    env.svc.incidents.set_legal_hold(sup, iid, True, "诉讼保全")
    detail = env.svc.incidents.incident_detail(op, iid)
    assert detail.legal_hold
    assert (detail.events[-1].kind, detail.events[-1].note, detail.events[-1].actor) == (
        "legal_hold",
        "诉讼保全",
        "王建国",
    )


def test_two_desks_editing_at_the_same_moment_one_wins_one_sees_the_other(env: World) -> None:
    """Each desk has its own engine; both save against version 1 at once: no silent overwrite."""
    from data.migrate import open_database
    from tests.system.test_incident_concurrency import _race

    iid = _new(env, location="一号楼")
    other = open_database(env.db.url)
    try:
        ws02 = services_on(other, env.clock, workstation="WS02")
        desks = {
            "CC": (env.svc, env.who("operator"), "三号楼"),
            "WS02": (ws02, ws02.signin.principal("supervisor"), "五号楼"),
        }

        def step(svc: Services, who: Principal, place: str) -> Callable[[], None]:
            def run() -> None:
                svc.incidents.edit(who, iid, 1, IncidentChanges(location=place))

            return run

        outcomes = _race({name: step(*desk) for name, desk in desks.items()})
    finally:
        other.dispose()
    won = [o for o in outcomes if o.error is None]
    lost = [o for o in outcomes if o.error is not None]
    assert len(won) == 1
    assert len(lost) == 1
    assert isinstance(lost[0].error, IncidentConflict), repr(lost[0].error)
    winner_place = desks[won[0].desk][2]
    assert lost[0].error.info.current.location == winner_place
    assert [c.workstation for c in lost[0].error.info.changes] == [won[0].desk]
    assert _version(env, iid) == 2
    assert env.svc.incidents.incident_detail(env.who("operator"), iid).row.location == winner_place
    assert env.audit_ok()


def test_an_edited_location_is_found_by_the_history_search(env: World) -> None:
    op = env.who("operator")
    iid = _new(env, location="一号楼")
    env.svc.incidents.edit(op, iid, 1, IncidentChanges(location="幸福里小区五号楼"))

    def found(text: str) -> list[int]:
        return [r.id for r in env.svc.history.search(op, HistoryQuery(text=text)).rows]

    assert found("幸福里") == [iid]
    assert found("一号楼") == []


def test_a_location_edited_away_and_back_is_indexed_again(env: World) -> None:
    op = env.who("operator")
    iid = _new(env, location="一号楼")
    env.svc.incidents.edit(op, iid, 1, IncidentChanges(location="二号楼"))
    env.svc.incidents.edit(op, iid, 2, IncidentChanges(location="一号楼三单元"))
    found = env.svc.history.search(op, HistoryQuery(text="一号楼")).rows
    assert [r.id for r in found] == [iid]
