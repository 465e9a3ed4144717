"""IncidentService on SQLite and PostgreSQL: the queue, its scope and the incident lifecycle."""

from __future__ import annotations

import pytest

from core.audit import AuditAction
from core.incidents import IncidentState, TransitionError
from core.model import IncidentSource, Priority
from core.permissions import Permission, PermissionDenied, Principal
from core.site import SiteSpec
from data.context import STREET_WIDE
from data.db import Database
from data.models import Incident
from tests.unit.data.worlds import World, demo_world

S = IncidentState


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def new_incident(env: World, who: Principal | None = None, **kw: object) -> int:
    args: dict[str, object] = {
        "title": "独居老人未出门",
        "priority": Priority.P2,
        "community": "C01",
    }
    args.update(kw)
    return env.svc.incidents.create(who or env.who("operator"), **args)  # type: ignore[arg-type]


def state_of(env: World, incident_id: int) -> str:
    with env.db.session() as s:
        return s.get_one(Incident, incident_id).state


def queue(env: World, username: str, limit: int = 500) -> list[int]:
    return [r.id for r in env.svc.incidents.open_incidents(env.who(username), limit=limit)]


# --- creating and moving incidents ---------------------------------------------------------
def test_create_records_event_change_and_audit(env: World) -> None:
    before_changes = env.changes()
    iid = new_incident(env, location="一号楼", description="邻居来电", source=IncidentSource.CALL)
    [row] = env.svc.incidents.open_incidents(env.who("operator"))
    assert row.id == iid
    assert row.state is S.NEW
    assert row.priority is Priority.P2
    assert row.source is IncidentSource.CALL
    assert row.community == "C01"
    assert row.location == "一号楼"
    assert row.claimed_by is None
    assert row.created_at == row.updated_at
    assert env.events(iid) == [("created", None, "new", "邻居来电")]
    assert env.changes()[len(before_changes) :] == [("incident", iid, "insert")]
    assert env.audit()[-1] == ("operator", AuditAction.INCIDENT_CREATED.value, str(iid), "")


def test_acknowledge_claims_and_records(env: World) -> None:
    operator, supervisor = env.who("operator"), env.who("supervisor")
    iid = new_incident(env)
    env.svc.incidents.transition(operator, iid, S.ACKNOWLEDGED, note="收到")
    [row] = env.svc.incidents.open_incidents(supervisor)
    assert row.state is S.ACKNOWLEDGED
    assert row.claimed_by == operator.display_name
    assert row.updated_at > row.created_at
    assert env.events(iid)[-1] == ("state", "new", "acknowledged", "收到")
    assert env.changes()[-2:] == [("incident", iid, "insert"), ("incident", iid, "update")]
    assert env.audit()[-1] == (
        "operator",
        AuditAction.INCIDENT_CHANGED.value,
        str(iid),
        "new -> acknowledged",
    )

    # A later acknowledgement (after a reopen) keeps the first claimer.
    env.svc.incidents.transition(operator, iid, S.RESOLVED)
    env.svc.incidents.transition(supervisor, iid, S.ACKNOWLEDGED, note="居民再次来电")
    [row] = env.svc.incidents.open_incidents(supervisor)
    assert row.claimed_by == operator.display_name != supervisor.display_name


def test_full_lifecycle_closing_needs_review(env: World) -> None:
    operator = env.who("operator")
    iid = new_incident(env)
    for target in (S.ACKNOWLEDGED, S.DISPATCHED, S.ON_SCENE, S.RESOLVED):
        env.svc.incidents.transition(operator, iid, target)
    assert state_of(env, iid) == "resolved"
    assert env.svc.incidents.open_incidents(operator) == []

    with pytest.raises(PermissionDenied):
        env.svc.incidents.transition(operator, iid, S.CLOSED)
    assert state_of(env, iid) == "resolved"
    assert env.audit()[-1] == (
        "operator",
        AuditAction.PERMISSION_DENIED.value,
        "C01",
        Permission.REVIEW_INCIDENTS.value,
    )

    env.svc.incidents.transition(env.who("supervisor"), iid, S.CLOSED, note="复核通过")
    assert state_of(env, iid) == "closed"
    kinds = [(k, f, t) for k, f, t, _ in env.events(iid)]
    assert kinds == [
        ("created", None, "new"),
        ("state", "new", "acknowledged"),
        ("state", "acknowledged", "dispatched"),
        ("state", "dispatched", "on_scene"),
        ("state", "on_scene", "resolved"),
        ("state", "resolved", "closed"),
    ]
    assert env.audit_ok()


ILLEGAL: list[tuple[tuple[S, ...], S]] = [
    ((), S.ON_SCENE),
    ((), S.CLOSED),
    ((S.ACKNOWLEDGED,), S.NEW),
    ((S.RESOLVED,), S.DISPATCHED),
]


def test_illegal_transitions_raise_and_change_nothing(env: World) -> None:
    supervisor = env.who("supervisor")
    for path, target in ILLEGAL:
        iid = new_incident(env)
        for step in path:
            env.svc.incidents.transition(supervisor, iid, step)
        before = (state_of(env, iid), env.events(iid), env.changes(), env.audit())
        with pytest.raises(TransitionError):
            env.svc.incidents.transition(supervisor, iid, target)
        assert (state_of(env, iid), env.events(iid), env.changes(), env.audit()) == before


def test_reopening_needs_a_reason(env: World) -> None:
    operator = env.who("operator")
    iid = new_incident(env)
    env.svc.incidents.transition(operator, iid, S.RESOLVED)
    with pytest.raises(TransitionError, match="reason"):
        env.svc.incidents.transition(operator, iid, S.ACKNOWLEDGED)
    env.svc.incidents.transition(operator, iid, S.ACKNOWLEDGED, note="家属反映仍未联系上")
    assert state_of(env, iid) == "acknowledged"


def test_a_supervisors_close_is_undone_only_by_a_reviewer(env: World) -> None:
    operator, supervisor = env.who("operator"), env.who("supervisor")
    iid = new_incident(env)
    env.svc.incidents.transition(operator, iid, S.RESOLVED, note="已联系家属")
    env.svc.incidents.transition(supervisor, iid, S.CLOSED)
    before = (state_of(env, iid), env.events(iid))
    with pytest.raises(PermissionDenied):
        env.svc.incidents.transition(operator, iid, S.ACKNOWLEDGED, note="我觉得没处理完")
    assert (state_of(env, iid), env.events(iid)) == before
    assert env.audit()[-1][:2] == ("operator", AuditAction.PERMISSION_DENIED.value)
    env.svc.incidents.transition(supervisor, iid, S.ACKNOWLEDGED, note="家属再次来电")
    assert state_of(env, iid) == "acknowledged"


def test_transition_of_an_unknown_incident(env: World) -> None:
    before = (env.changes(), env.audit())
    with pytest.raises(LookupError):
        env.svc.incidents.transition(env.who("operator"), 987654, S.ACKNOWLEDGED)
    assert (env.changes(), env.audit()) == before


def test_create_needs_a_title_and_a_known_community(env: World) -> None:
    before = (env.changes(), env.audit())
    with pytest.raises(ValueError, match="title"):
        new_incident(env, title="   ")
    with pytest.raises(ValueError, match="unknown community"):
        new_incident(env, community="C99")
    assert env.svc.incidents.open_incidents(env.who("admin")) == []
    assert (env.changes(), env.audit()) == before


def test_title_is_trimmed_and_street_wide_items_have_no_community(env: World) -> None:
    new_incident(env, title="  主干道积水  ", community=None)
    [row] = env.svc.incidents.open_incidents(env.who("operator"))
    assert row.title == "主干道积水"
    assert row.community is None
    assert row.community_name is None


def test_over_long_titles_are_refused_alike_on_both_backends(env: World) -> None:
    """SQLite would store a 201-character title that PostgreSQL refuses: the service decides."""
    with pytest.raises(ValueError, match="at most 200"):
        new_incident(env, title="长" * 201)
    with pytest.raises(ValueError, match="at most 200"):
        new_incident(env, location="长" * 201)
    new_incident(env, title="长" * 200, location="长" * 200)
    assert len(env.svc.incidents.open_incidents(env.who("operator"))) == 1


# --- scope of incidents ---------------------------------------------------------------------
def test_open_incidents_honour_scope(env: World) -> None:
    mine = new_incident(env, community="C01")
    new_incident(env, community="C02")
    new_incident(env, community=None)
    assert len(queue(env, "operator")) == 3
    assert queue(env, "ws01") == [mine]


def test_station_creates_only_in_its_own_community(env: World) -> None:
    station = env.who("ws01")
    with pytest.raises(PermissionDenied):
        new_incident(env, station, community="C02")
    assert env.audit()[-1] == (
        "ws01",
        AuditAction.PERMISSION_DENIED.value,
        "C02",
        "handle_incidents",
    )
    iid = new_incident(env, station, community=None)
    [row] = env.svc.incidents.open_incidents(station)
    assert (row.id, row.community) == (iid, "C01")


def test_station_may_not_move_another_communitys_incident(env: World) -> None:
    iid = new_incident(env, community="C02")
    with pytest.raises(PermissionDenied):
        env.svc.incidents.transition(env.who("ws01"), iid, S.ACKNOWLEDGED)
    assert state_of(env, iid) == "new"
    assert env.audit()[-1] == (
        "ws01",
        AuditAction.PERMISSION_DENIED.value,
        "C02",
        Permission.HANDLE_INCIDENTS.value,
    )


def test_station_may_not_move_a_street_wide_incident(env: World) -> None:
    """Regression: an item with no community passed a station's scope check unseen."""
    iid = new_incident(env, community=None)
    assert iid not in queue(env, "ws01")
    with pytest.raises(PermissionDenied):
        env.svc.incidents.transition(env.who("ws01"), iid, S.ACKNOWLEDGED)
    assert state_of(env, iid) == "new"
    env.svc.incidents.transition(env.who("operator"), iid, S.ACKNOWLEDGED)
    assert state_of(env, iid) == "acknowledged"


def test_open_incidents_order(env: World) -> None:
    operator = env.who("operator")
    p2_old = new_incident(env, title="p2 old", priority=Priority.P2)
    p1_ack_old = new_incident(env, title="p1 ack old", priority=Priority.P1)
    p1_new_old = new_incident(env, title="p1 new old", priority=Priority.P1)
    p3 = new_incident(env, title="p3", priority=Priority.P3)
    p1_new_young = new_incident(env, title="p1 new young", priority=Priority.P1)
    p2_ack = new_incident(env, title="p2 ack", priority=Priority.P2)
    p2_new_young = new_incident(env, title="p2 new young", priority=Priority.P2)
    env.svc.incidents.transition(operator, p1_ack_old, S.ACKNOWLEDGED)
    env.svc.incidents.transition(operator, p2_ack, S.ACKNOWLEDGED)
    done = new_incident(env, title="done", priority=Priority.P1)
    env.svc.incidents.transition(operator, done, S.RESOLVED)

    rows = env.svc.incidents.open_incidents(operator)
    assert [r.title for r in rows] == [
        "p1 new old",
        "p1 new young",
        "p1 ack old",
        "p2 old",
        "p2 new young",
        "p2 ack",
        "p3",
    ]
    assert [r.id for r in rows] == [
        p1_new_old,
        p1_new_young,
        p1_ack_old,
        p2_old,
        p2_new_young,
        p2_ack,
        p3,
    ]
    assert queue(env, "operator", limit=2) == [p1_new_old, p1_new_young]


def test_incidents_by_ids_in_any_state_within_scope(env: World) -> None:
    c01 = new_incident(env, community="C01")
    c02 = new_incident(env, community="C02")
    street = new_incident(env, community=None)
    env.svc.incidents.transition(env.who("operator"), c01, S.RESOLVED)
    wanted = [c01, c02, street, 987654]

    everyone = env.svc.incidents.incidents_by_ids(env.who("operator"), wanted)
    assert sorted(r.id for r in everyone) == sorted([c01, c02, street])
    assert next(r for r in everyone if r.id == c01).state is S.RESOLVED
    assert [r.id for r in env.svc.incidents.incidents_by_ids(env.who("ws01"), wanted)] == [c01]
    assert env.svc.incidents.incidents_by_ids(env.who("operator"), []) == []


def test_incident_detail_has_the_whole_timeline(env: World) -> None:
    operator = env.who("operator")
    iid = new_incident(env, description="邻居来电")
    env.svc.incidents.transition(operator, iid, S.ACKNOWLEDGED, note="收到")
    detail = env.svc.incidents.incident_detail(env.who("ws01"), iid)
    assert detail.row.id == iid
    assert detail.row.state is S.ACKNOWLEDGED
    assert detail.description == "邻居来电"
    assert [(e.kind, e.from_state, e.to_state, e.note) for e in detail.events] == [
        ("created", None, S.NEW, "邻居来电"),
        ("state", S.NEW, S.ACKNOWLEDGED, "收到"),
    ]
    assert {(e.actor, e.workstation) for e in detail.events} == {(operator.display_name, "CC")}
    assert detail.events[0].ts < detail.events[1].ts


def test_incident_detail_keeps_to_scope(env: World) -> None:
    c02 = new_incident(env, community="C02")
    street = new_incident(env, community=None)
    station = env.who("ws01")
    with pytest.raises(PermissionDenied):
        env.svc.incidents.incident_detail(station, c02)
    with pytest.raises(PermissionDenied):
        env.svc.incidents.incident_detail(station, street)
    assert env.audit()[-2:] == [
        ("ws01", AuditAction.PERMISSION_DENIED.value, "C02", Permission.VIEW_INCIDENTS.value),
        ("ws01", AuditAction.PERMISSION_DENIED.value, STREET_WIDE, "view_incidents"),
    ]
    with pytest.raises(LookupError):
        env.svc.incidents.incident_detail(env.who("operator"), 987654)


# --- the queue at scale: keyset pages, counts, the stored sort key ------------------------
def test_pages_follow_on_without_gaps_or_repeats_while_the_queue_changes(env: World) -> None:
    from core.views import queue_key

    op = env.who("operator")
    made = [new_incident(env, priority=Priority(1 + i % 4), title=f"事件{i}") for i in range(23)]
    first = env.svc.incidents.queue_page(op, limit=10)
    assert first.more
    # Work goes on between pages: one item is acknowledged (it moves), one more is raised.
    env.svc.incidents.transition(op, first.rows[0].id, S.ACKNOWLEDGED)
    late = new_incident(env, priority=Priority.P4, title="最后")
    second = env.svc.incidents.queue_page(op, after=queue_key(first.rows[-1]), limit=10)
    third = env.svc.incidents.queue_page(op, after=queue_key(second.rows[-1]), limit=10)
    assert not third.more
    seen = [r.id for r in first.rows + second.rows + third.rows]
    assert len(seen) == len(set(seen))
    assert late in seen
    assert set(made) <= set(seen) | {first.rows[0].id}
    keys = [queue_key(r) for r in second.rows + third.rows]
    assert keys == sorted(keys)


def test_the_stored_sort_key_follows_priority_and_state(env: World) -> None:
    from core.incidents import queue_rank

    iid = new_incident(env, priority=Priority.P2)
    with env.db.session() as s:
        assert s.get_one(Incident, iid).queue_rank == queue_rank(Priority.P2, S.NEW)
    env.svc.incidents.transition(env.who("operator"), iid, S.ACKNOWLEDGED)
    with env.db.session() as s:
        assert s.get_one(Incident, iid).queue_rank == queue_rank(Priority.P2, S.ACKNOWLEDGED)


def test_open_counts_by_priority_and_state_within_scope(env: World) -> None:
    op = env.who("operator")
    a = new_incident(env, priority=Priority.P1, community="C01")
    new_incident(env, priority=Priority.P1, community="C02")
    new_incident(env, priority=Priority.P3, community="C01")
    done = new_incident(env, priority=Priority.P4, community="C01")
    env.svc.incidents.transition(op, a, S.ACKNOWLEDGED)
    env.svc.incidents.transition(op, done, S.RESOLVED)
    assert env.svc.incidents.open_counts(op) == {
        (Priority.P1, S.ACKNOWLEDGED): 1,
        (Priority.P1, S.NEW): 1,
        (Priority.P3, S.NEW): 1,
    }
    assert env.svc.incidents.open_counts(env.who("ws01")) == {
        (Priority.P1, S.ACKNOWLEDGED): 1,
        (Priority.P3, S.NEW): 1,
    }


def test_the_partial_indexes_name_exactly_the_open_states() -> None:
    """The SQL text of the indexes and queries must list core's open states, no more, no less."""
    import re

    from core.incidents import OPEN_STATES
    from data.models import OPEN_STATES_SQL

    assert set(re.findall(r"'(\w+)'", OPEN_STATES_SQL)) == {s.value for s in OPEN_STATES}


def test_the_queue_is_read_by_index_not_sorted(sqlite_db: Database, demo_site: SiteSpec) -> None:
    """SQLite must walk the partial index, not sort every open row (FIELD-NOTES, 28 → 1.6 ms)."""
    from data.services import incidents as m

    env = demo_world(sqlite_db, demo_site)
    for username in ("operator", "ws01"):
        stmt = m.IncidentService._scoped(
            m._incident_select().where(m._open()).order_by(*m.queue_order()).limit(10),
            env.who(username),
        )
        sql = str(stmt.compile(env.db.engine, compile_kwargs={"literal_binds": True}))
        with env.db.engine.connect() as conn:
            plan = " | ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_incident_queue" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


# --- views of the queue and the four-eyes review ---------------------------------------------
def test_views_mine_unassigned_and_awaiting_review(env: World) -> None:
    from core.incidents import QueueView as V
    from core.views import in_view

    op, sup = env.who("operator"), env.who("supervisor")
    mine = new_incident(env, title="我的")
    nobodys = new_incident(env, title="无人认领")
    done = new_incident(env, title="已处置")
    env.svc.incidents.transition(op, mine, S.ACKNOWLEDGED)
    env.svc.incidents.transition(op, done, S.RESOLVED, "已处理")

    def ids(view: V, who: Principal = op) -> set[int]:
        rows = env.svc.incidents.queue_page(who, view=view).rows
        # The Python filter the presenter merges with says the same as the SQL.
        assert all(in_view(r, view, who.user_id) for r in rows)
        return {r.id for r in rows}

    assert ids(V.OPEN) == {mine, nobodys}
    assert ids(V.MINE) == {mine}
    assert ids(V.MINE, sup) == set()
    assert ids(V.UNASSIGNED) == {nobodys}
    assert ids(V.REVIEW) == {done}, "a resolved incident no longer vanishes from every screen"
    assert sum(env.svc.incidents.open_counts(op, V.REVIEW).values()) == 1


def test_whoever_resolved_an_incident_cannot_close_it(env: World) -> None:
    from core.incidents import FourEyesError

    sup, other = env.who("supervisor"), env.who("admin")
    iid = new_incident(env, who=sup)
    env.svc.incidents.transition(sup, iid, S.RESOLVED, "已处理")
    with pytest.raises(FourEyesError):
        env.svc.incidents.transition(sup, iid, S.CLOSED)
    assert state_of(env, iid) == S.RESOLVED.value
    env.svc.incidents.transition(other, iid, S.CLOSED, "复核无误")
    assert state_of(env, iid) == S.CLOSED.value


# --- hostile text ----------------------------------------------------------------------------
def test_titles_lose_control_and_zero_width_characters(env: World) -> None:
    iid = new_incident(env, title="老人\u200b走失\x00\u202e", location="3号楼\n2单元")
    [row] = env.svc.incidents.incidents_by_ids(env.who("operator"), [iid])
    assert (row.title, row.location) == ("老人走失", "3号楼 2单元")
    with pytest.raises(ValueError, match="title"):
        new_incident(env, title="\u200b\u200c\x00 ")


def test_a_megabyte_note_is_refused_and_changes_nothing(env: World) -> None:
    iid = new_incident(env)
    with pytest.raises(ValueError, match="note"):
        env.svc.incidents.transition(env.who("operator"), iid, S.ACKNOWLEDGED, "字" * 1_000_000)
    assert state_of(env, iid) == S.NEW.value


# --- incident types, dispositions, callers -----------------------------------------------------
def test_the_type_catalogue_comes_from_the_site_file(env: World, demo_site: SiteSpec) -> None:
    types = {t.code: t for t in env.svc.incidents.types(env.who("operator"))}
    assert set(types) == {t.code for t in demo_site.incident_types}
    elderly = types["ELDERLY"]
    assert elderly.priority is Priority.P1
    assert elderly.acknowledge.total_seconds() == 120
    assert "已送医" in elderly.dispositions
    assert "D04" in elderly.departments


def test_an_incident_keeps_its_type_and_caller(env: World) -> None:
    iid = new_incident(
        env, type_code="ELDERLY", caller_name=" 王阿姨\u200b ", caller_phone="138 0000 1234"
    )
    detail = env.svc.incidents.incident_detail(env.who("operator"), iid)
    assert detail.row.type_code == "ELDERLY"
    assert (detail.caller_name, detail.caller_phone) == ("王阿姨", "138 0000 1234")
    with pytest.raises(ValueError, match="type"):
        new_incident(env, type_code="NOPE")


def test_resolving_a_typed_incident_needs_one_of_its_dispositions(env: World) -> None:
    op = env.who("operator")
    iid = new_incident(env, type_code="NOISE")
    with pytest.raises(ValueError, match="dispositions"):
        env.svc.incidents.transition(op, iid, S.RESOLVED, "到场处理")
    with pytest.raises(ValueError, match="dispositions"):
        env.svc.incidents.transition(op, iid, S.RESOLVED, "到场处理", disposition="随便写")
    assert state_of(env, iid) == S.NEW.value
    env.svc.incidents.transition(op, iid, S.RESOLVED, "到场处理", disposition="已劝止")
    detail = env.svc.incidents.incident_detail(op, iid)
    assert detail.disposition == "已劝止"
    assert detail.events[-1].note == "已劝止 — 到场处理"
    # An untyped incident resolves with a note alone, as before.
    free = new_incident(env)
    env.svc.incidents.transition(op, free, S.RESOLVED, "已处理")
    assert state_of(env, free) == S.RESOLVED.value


# --- claims -------------------------------------------------------------------------------------
def test_taking_over_an_incident_is_on_the_timeline_and_audited(env: World) -> None:
    from core.incidents import TransitionError

    op, sup = env.who("operator"), env.who("supervisor")
    iid = new_incident(env)
    with pytest.raises(TransitionError):
        env.svc.incidents.take_over(sup, iid)  # new: acknowledge it instead
    env.svc.incidents.transition(op, iid, S.ACKNOWLEDGED)
    with pytest.raises(TransitionError):
        env.svc.incidents.take_over(op, iid)  # already mine
    previous = env.svc.incidents.take_over(sup, iid)
    assert previous == op.display_name
    detail = env.svc.incidents.incident_detail(sup, iid)
    assert detail.row.claimed_by == sup.display_name
    assert detail.row.claimed_by_id == sup.user_id
    assert (detail.events[-1].kind, detail.events[-1].note) == ("claimed", op.display_name)
    assert env.audit()[-1] == (
        "supervisor",
        AuditAction.INCIDENT_CHANGED.value,
        str(iid),
        "taken over from operator",
    )
