"""The one write path (ServiceContext.write) on SQLite and PostgreSQL.

Every write is one transaction holding its data, one change_log row per changed row and its
audit rows, all stamped by the injected clock; a refusal is audited in a transaction of its
own; a refusal while reading is audited through `defer_write`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select

from core.audit import AuditAction
from core.incidents import IncidentState
from core.model import Priority, RoleName
from core.permissions import Permission, PermissionDenied
from data.audit import iter_audit
from data.db import Database
from data.models import AuditHead, AuditLog, ChangeLog, Incident, IncidentEvent, Role, User
from data.services.accounts import AccountService
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import PW, World, services_on, small_world

A = AuditAction
LATER = timedelta(hours=3)


class Boom(Exception):
    pass


@pytest.fixture
def env(db: Database) -> World:
    return small_world(db)  # a fixed clock: every row of a write carries the same time


@dataclass(frozen=True)
class Written:
    """change_log and audit rows with their workstation and time."""

    changes: list[tuple[str, int | None, str, str, datetime]]
    audit: list[tuple[str, str, str, str, str, datetime]]

    @property
    def stamps(self) -> set[datetime]:
        return {c[-1] for c in self.changes} | {a[-1] for a in self.audit}


@dataclass(frozen=True)
class Mark:
    """The ends of change_log and audit_log at one moment."""

    change_id: int
    audit_id: int

    @classmethod
    def of(cls, db: Database) -> Mark:
        with db.session() as s:
            return cls(
                s.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0,
                s.scalar(select(func.coalesce(func.max(AuditLog.id), 0))) or 0,
            )

    def since(self, db: Database) -> Written:
        """What was committed after the mark."""
        with db.session() as s:
            changes = [
                (c.table_name, c.row_id, c.op, c.workstation, c.ts)
                for c in s.scalars(
                    select(ChangeLog).where(ChangeLog.id > self.change_id).order_by(ChangeLog.id)
                )
            ]
            audit = [
                (r.actor, r.action, r.target, r.detail, r.workstation, r.ts)
                for r in iter_audit(s)
                if r.id > self.audit_id
            ]
        return Written(changes, audit)


def snapshot(db: Database) -> tuple[Any, ...]:
    """Everything a write could leave behind, to compare before and after."""
    with db.session() as s:
        head = s.get_one(AuditHead, 1)
        return (
            s.scalar(select(func.count()).select_from(Incident)),
            s.scalar(select(func.count()).select_from(IncidentEvent)),
            s.scalar(select(func.count()).select_from(User)),
            s.scalar(select(func.count()).select_from(Role)),
            s.scalar(select(func.count()).select_from(ChangeLog)),
            [(r.id, r.row_hash) for r in iter_audit(s)],
            (head.last_hash, head.rows),
        )


def add_incident(tx: Any, community_id: int | None = None) -> int:
    inc = Incident(
        title="t",
        priority=int(Priority.P2),
        state=IncidentState.NEW.value,
        source="manual",
        community_id=community_id,
        created_at=tx.now,
        updated_at=tx.now,
    )
    tx.session.add(inc)
    tx.session.flush()
    return inc.id


# --- one transaction, one clock --------------------------------------------------------------
def test_a_write_leaves_one_change_row_per_changed_row_and_its_audit(env: World) -> None:
    env.clock.advance(LATER)
    now = env.clock.now
    mark = Mark.of(env.db)
    with env.ctx.write(env.who("admin")) as tx:
        assert tx.now == now
        tx.change("incident", 11, "update")
        tx.change("incident", 12, "update")
        tx.change("device", None, "seed")
        tx.audit(A.INCIDENT_CHANGED, target="11", detail="a")
        tx.audit_as("ghost", A.LOGIN_FAILED, detail="b")
        assert tx.changes == [
            ("incident", 11, "update"),
            ("incident", 12, "update"),
            ("device", None, "seed"),
        ]
    got = mark.since(env.db)
    assert got.changes == [
        ("incident", 11, "update", "CC", now),
        ("incident", 12, "update", "CC", now),
        ("device", None, "seed", "CC", now),
    ]
    assert got.audit == [
        ("admin", A.INCIDENT_CHANGED.value, "11", "a", "CC", now),
        ("ghost", A.LOGIN_FAILED.value, "", "b", "CC", now),
    ]
    assert env.audit_ok()


def test_incident_writes_stamp_data_change_and_audit_with_one_time(env: World) -> None:
    operator = env.who("operator")
    env.clock.advance(LATER)
    mark = Mark.of(env.db)
    iid = env.svc.incidents.create(operator, title="t", priority=Priority.P2, community="C01")
    created = mark.since(env.db)
    assert [c[:3] for c in created.changes] == [("incident", iid, "insert")]
    assert [a[:3] for a in created.audit] == [("operator", A.INCIDENT_CREATED.value, str(iid))]
    assert created.stamps == {env.clock.now}

    env.clock.advance(LATER)
    mark = Mark.of(env.db)
    env.svc.incidents.transition(operator, iid, IncidentState.ACKNOWLEDGED)
    moved = mark.since(env.db)
    assert [c[:3] for c in moved.changes] == [("incident", iid, "update")]
    assert [a[:4] for a in moved.audit] == [
        ("operator", A.INCIDENT_CHANGED.value, str(iid), "new -> acknowledged")
    ]
    assert moved.stamps == {env.clock.now}
    with env.db.session() as s:
        inc = s.get_one(Incident, iid)
        assert (inc.created_at, inc.updated_at) == (env.clock.now - LATER, env.clock.now)
        stamps = s.scalars(
            select(IncidentEvent.ts)
            .where(IncidentEvent.incident_id == iid)
            .order_by(IncidentEvent.id)
        ).all()
    assert stamps == [env.clock.now - LATER, env.clock.now]


def test_an_exception_inside_a_write_rolls_back_data_changes_and_audit(env: World) -> None:
    def write_then_fail() -> None:
        with env.ctx.write(env.who("operator")) as tx:
            iid = add_incident(tx)
            tx.change("incident", iid, "insert")
            tx.audit(A.INCIDENT_CREATED, target=str(iid))
            raise Boom

    before = snapshot(env.db)
    with pytest.raises(Boom):
        write_then_fail()
    assert snapshot(env.db) == before
    # The chain goes on from where it was: its head rolled back with the rows.
    env.svc.incidents.create(env.who("operator"), title="t", priority=Priority.P3, community=None)
    assert env.audit_ok()


class FailingHasher:
    """Fails inside the write, after the role row of a new role has been added."""

    def hash(self, password: str) -> str:
        raise Boom

    def verify(self, stored: str, password: str) -> bool:
        return False

    def needs_rehash(self, stored: str) -> bool:
        return False


def test_a_service_failing_inside_its_write_leaves_nothing(env: World) -> None:
    accounts = AccountService(env.ctx, FailingHasher(), env.svc.accounts.policy)
    before = snapshot(env.db)
    with pytest.raises(Boom):
        accounts.create_user(
            env.who("admin"),
            username="newbie",
            display_name="新人",
            role=RoleName.SUPERVISOR,  # no such role row yet: the write adds one
            password=PW,
        )
    assert snapshot(env.db) == before


def test_account_changes_note_user_account_rows(env: World) -> None:
    admin, accounts = env.who("admin"), env.svc.accounts
    env.clock.advance(LATER)
    mark = Mark.of(env.db)
    new_id = accounts.create_user(
        admin,
        username="ws02",
        display_name="二号",
        role=RoleName.STATION,
        password=PW,
        communities=["C02"],
    )
    accounts.unlock_account(admin, "ws02")
    accounts.set_password(admin, "ws02", "Another-pass-2")
    accounts.reset_password(admin, "ws02")
    accounts.set_password(env.who("operator"), "operator", "Another-pass-3")
    got = mark.since(env.db)
    op_id = env.who("operator").user_id
    assert [c[:3] for c in got.changes] == [
        ("user_account", new_id, "insert"),
        ("user_account", new_id, "update"),
        ("user_account", new_id, "update"),
        ("user_account", new_id, "update"),
        ("user_account", op_id, "update"),
    ]
    assert [a[:3] for a in got.audit] == [
        ("admin", A.USER_CREATED.value, "ws02"),
        ("admin", A.ACCOUNT_UNLOCKED.value, "ws02"),
        ("admin", A.PASSWORD_CHANGED.value, "ws02"),
        ("admin", A.PASSWORD_CHANGED.value, "ws02"),
        ("operator", A.PASSWORD_CHANGED.value, "operator"),
    ]
    assert got.stamps == {env.clock.now}
    assert {c[3] for c in got.changes} == {"CC"}


# --- refusals --------------------------------------------------------------------------------
def test_a_write_refused_up_front_is_audited_alone_and_raises(env: World) -> None:
    env.clock.advance(LATER)
    before, mark = snapshot(env.db), Mark.of(env.db)
    ran = []
    with (
        pytest.raises(PermissionDenied) as info,
        env.ctx.write(env.who("ws01"), Permission.HANDLE_INCIDENTS, "C02"),
    ):
        ran.append("body")
    assert ran == []
    assert (info.value.permission, info.value.community) == (Permission.HANDLE_INCIDENTS, "C02")
    got = mark.since(env.db)
    assert got.changes == []
    assert got.audit == [
        ("ws01", A.PERMISSION_DENIED.value, "C02", "handle_incidents", "CC", env.clock.now)
    ]
    assert snapshot(env.db)[:5] == before[:5]
    assert env.audit_ok()


def test_a_write_refused_inside_by_check_rolls_back_and_is_audited(env: World) -> None:
    env.clock.advance(LATER)
    before, mark = snapshot(env.db), Mark.of(env.db)
    ran = []

    def write_then_check() -> None:
        with env.ctx.write(env.who("ws01")) as tx:
            iid = add_incident(tx)
            tx.change("incident", iid, "insert")
            tx.audit(A.INCIDENT_CREATED, target=str(iid))
            env.ctx.check(tx, Permission.HANDLE_INCIDENTS, "C02")
            ran.append("after the check")

    with pytest.raises(PermissionDenied):
        write_then_check()
    assert ran == []
    got = mark.since(env.db)
    # The refused transaction's rows are gone; the refusal's own transaction committed.
    assert got.changes == []
    assert got.audit == [
        ("ws01", A.PERMISSION_DENIED.value, "C02", "handle_incidents", "CC", env.clock.now)
    ]
    assert snapshot(env.db)[:5] == before[:5]
    assert env.audit_ok()


def test_a_check_that_passes_lets_the_write_commit(env: World) -> None:
    with env.ctx.write(env.who("ws01")) as tx:
        env.ctx.check(tx, Permission.HANDLE_INCIDENTS, "C01")
        iid = add_incident(tx)
    with env.db.session() as s:
        assert s.get(Incident, iid) is not None


def test_local_tools_are_trusted(env: World) -> None:
    """A tool name (the CLI, seeding) is not a signed-in user: no permission applies."""
    with env.ctx.write("cli", Permission.MANAGE_USERS) as tx:
        env.ctx.check(tx, Permission.VIEW_AUDIT, "C02")
        tx.audit(A.SCREENSHOT)
    with env.ctx.write(None) as tx:
        tx.audit(A.SCREENSHOT)
    assert [t[:2] for t in env.audit()[-2:]] == [
        ("cli", A.SCREENSHOT.value),
        ("system", A.SCREENSHOT.value),
    ]


def test_a_refusal_that_cannot_be_audited_still_raises(
    env: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise Boom

    monkeypatch.setattr(env.ctx, "audit_in", broken)
    with pytest.raises(PermissionDenied), caplog.at_level(logging.ERROR, logger="data.context"):
        env.svc.accounts.unlock_account(env.who("operator"), "ws01")
    assert "could not audit a refusal of operator" in caplog.text


def test_transition_is_one_write_transaction(env: World) -> None:
    """A refused transition (the row decides the scope) leaves no event, one denial row."""
    iid = env.svc.incidents.create(
        env.who("operator"), title="t", priority=Priority.P2, community="C02"
    )
    before, mark = snapshot(env.db), Mark.of(env.db)
    with transactions(env.db) as begun, pytest.raises(PermissionDenied):
        env.svc.incidents.transition(env.who("ws01"), iid, IncidentState.ACKNOWLEDGED)
    # The refused write, then the refusal's own.
    assert len(begun) == 2
    assert snapshot(env.db)[:5] == before[:5]
    got = mark.since(env.db)
    assert got.changes == []
    assert [a[:4] for a in got.audit] == [
        ("ws01", A.PERMISSION_DENIED.value, "C02", "handle_incidents")
    ]
    with env.db.session() as s:
        assert s.get_one(Incident, iid).state == IncidentState.NEW.value

    with transactions(env.db) as begun:
        env.svc.incidents.transition(env.who("operator"), iid, IncidentState.ACKNOWLEDGED)
    assert len(begun) == 1


@contextmanager
def transactions(db: Database) -> Iterator[list[str]]:
    """The transactions begun meanwhile: SQLite's BEGIN statements, or PostgreSQL's begins."""
    begun: list[str] = []

    def on_sql(_conn: object, _cur: object, statement: str, *_rest: object) -> None:
        if statement.upper().startswith("BEGIN"):
            begun.append(statement)

    def on_begin(_conn: object) -> None:
        begun.append("BEGIN")

    name, fn = ("before_cursor_execute", on_sql) if db.dialect == "sqlite" else ("begin", on_begin)
    event.listen(db.engine, name, fn)
    try:
        yield begun
    finally:
        event.remove(db.engine, name, fn)


def test_sqlite_writes_begin_immediate_and_reads_do_not(sqlite_db: Database) -> None:
    env = small_world(sqlite_db)
    operator = env.who("operator")
    with transactions(sqlite_db) as begun:
        iid = env.svc.incidents.create(operator, title="t", priority=Priority.P2, community="C01")
    assert begun == ["BEGIN IMMEDIATE"]
    with transactions(sqlite_db) as begun:
        env.svc.incidents.open_incidents(operator)
        env.svc.incidents.incidents_by_ids(operator, [iid])
        env.svc.devices.devices(operator)
    assert begun == ["BEGIN"] * 3
    with transactions(sqlite_db) as begun:
        env.svc.incidents.transition(operator, iid, IncidentState.ACKNOWLEDGED)
    assert begun == ["BEGIN IMMEDIATE"]


# --- refusals while reading ------------------------------------------------------------------
def test_require_outside_scope_is_denied_and_audited(env: World) -> None:
    station = env.who("ws01")
    start = len(env.audit())
    env.ctx.require(station, Permission.VIEW_DEVICES, "C01")
    assert len(env.audit()) == start
    with pytest.raises(PermissionDenied) as info:
        env.ctx.require(station, Permission.VIEW_DEVICES, "C02")
    assert info.value.community == "C02"
    assert env.audit()[start:] == [
        ("ws01", A.PERMISSION_DENIED.value, "C02", Permission.VIEW_DEVICES.value)
    ]


def test_require_in_a_read_defers_the_denial_audit(env: World) -> None:
    jobs: list[Callable[[], None]] = []
    svc = services_on(env.db, env.clock, defer_write=jobs.append)
    env.clock.advance(LATER)
    before, mark = snapshot(env.db), Mark.of(env.db)

    svc.accounts.list_users(env.who("admin"))
    assert jobs == []
    with pytest.raises(PermissionDenied):
        svc.accounts.list_users(env.who("operator"))
    assert len(jobs) == 1
    assert snapshot(env.db) == before  # nothing written until the writer runs the job

    jobs.pop()()
    assert mark.since(env.db).audit == [
        ("operator", A.PERMISSION_DENIED.value, "", "manage_users", "CC", env.clock.now)
    ]
    assert env.audit_ok()


def test_a_refused_incident_detail_is_audited_after_the_read(env: World) -> None:
    iid = env.svc.incidents.create(
        env.who("operator"), title="t", priority=Priority.P2, community="C02"
    )
    jobs: list[Callable[[], None]] = []
    svc = services_on(env.db, env.clock, defer_write=jobs.append)
    before = snapshot(env.db)
    with pytest.raises(PermissionDenied):
        svc.incidents.incident_detail(env.who("ws01"), iid)
    assert snapshot(env.db) == before
    [job] = jobs
    job()
    assert env.audit()[-1] == ("ws01", A.PERMISSION_DENIED.value, "C02", "view_incidents")


def test_a_refused_write_is_audited_at_once_even_where_reads_defer(env: World) -> None:
    """Writes already run on the writer: their refusals are not deferred."""
    jobs: list[Callable[[], None]] = []
    svc = services_on(env.db, env.clock, defer_write=jobs.append)
    with pytest.raises(PermissionDenied):
        svc.incidents.create(env.who("ws01"), title="t", priority=Priority.P2, community="C02")
    assert jobs == []
    assert env.audit()[-1] == ("ws01", A.PERMISSION_DENIED.value, "C02", "handle_incidents")


def test_services_share_one_context(db: Database) -> None:
    env = small_world(db)
    svc = services_on(db, env.clock, workstation="WS01")
    assert {id(s.ctx) for s in (svc.site, svc.signin, svc.accounts, svc.incidents)} == {id(svc.ctx)}
    assert {id(s.ctx) for s in (svc.devices, svc.audit)} == {id(svc.ctx)}
    assert svc.signin.hasher is svc.accounts.hasher
    assert svc.signin.policy is svc.accounts.policy
    svc.signin.login("operator", PW)
    with db.session() as s:
        last = list(iter_audit(s))[-1]
    assert last.workstation == "WS01"


# --- the account as it is now ----------------------------------------------------------------
def _set_account(db: Database, username: str, **values: Any) -> None:
    """What an administrator's change (or a second workstation) does behind a session's back."""
    with as_owner(db) as owner, owner.session() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        for key, value in values.items():
            if key == "role":
                value = s.scalars(select(Role).where(Role.name == value)).one()
            setattr(user, key, value)


def test_a_user_disabled_after_sign_in_can_no_longer_write(env: World) -> None:
    """DESIGN §2: the permission is re-checked against the account's current state."""
    operator = env.who("operator")  # signed in while the account was active
    _set_account(env.db, "operator", active=False)
    before = snapshot(env.db)
    with pytest.raises(PermissionDenied):
        env.svc.incidents.create(operator, title="走失", priority=Priority.P1, community="C01")
    assert snapshot(env.db)[:5] == before[:5]
    assert env.audit()[-1][:2] == ("operator", A.PERMISSION_DENIED.value)


def test_a_role_taken_away_after_sign_in_takes_its_rights_with_it(env: World) -> None:
    admin = env.who("admin")
    _set_account(env.db, "admin", role=RoleName.OPERATOR.value)
    with pytest.raises(PermissionDenied):
        env.svc.accounts.unlock_account(admin, "operator")
    # What the role still grants goes on working.
    iid = env.svc.incidents.create(admin, title="井盖", priority=Priority.P3, community="C01")
    assert iid > 0


def test_a_scope_narrowed_after_sign_in_applies_to_the_next_write(env: World) -> None:
    from data.models import Community

    ws01 = env.who("ws01")  # signed in for C01
    with as_owner(env.db) as owner, owner.session() as s:
        user = s.scalars(select(User).where(User.username == "ws01")).one()
        user.communities = list(s.scalars(select(Community).where(Community.code == "C02")))
    with pytest.raises(PermissionDenied):
        env.svc.incidents.create(ws01, title="漏水", priority=Priority.P3, community="C01")
    # A wider scope takes effect at the next sign-in, never by itself.
    with pytest.raises(PermissionDenied):
        env.svc.incidents.create(ws01, title="漏水", priority=Priority.P3, community="C02")
    fresh = env.svc.signin.principal("ws01")
    assert env.svc.incidents.create(fresh, title="漏水", priority=Priority.P3, community="C02")


def test_an_account_locked_after_sign_in_can_no_longer_write(env: World) -> None:
    operator = env.who("operator")
    _set_account(env.db, "operator", locked_until=env.clock() + timedelta(minutes=15))
    with pytest.raises(PermissionDenied):
        env.svc.incidents.create(operator, title="走失", priority=Priority.P1, community="C01")
    assert env.audit()[-1][:2] == ("operator", A.PERMISSION_DENIED.value)
    # Once the lock has run out the same session writes again.
    env.clock.advance(timedelta(minutes=16))
    assert env.svc.incidents.create(operator, title="走失", priority=Priority.P1, community="C01")


def test_a_station_account_without_a_community_sees_nothing(env: World) -> None:
    """Scope fails closed: a station row without communities is not street-wide."""
    from data.models import User as UserRow
    from data.security import principal_of

    with as_owner(env.db) as owner, owner.session() as s:
        user = s.scalars(select(UserRow).where(UserRow.username == "ws01")).one()
        user.communities = []
    with env.db.session() as s:
        who = principal_of(s.scalars(select(UserRow).where(UserRow.username == "ws01")).one())
    assert who.communities == frozenset()
    assert not who.can(Permission.VIEW_INCIDENTS, "C01")
    with pytest.raises(PermissionDenied):
        env.svc.incidents.create(who, title="漏水", priority=Priority.P3, community="C01")
