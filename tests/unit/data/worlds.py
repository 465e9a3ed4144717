"""Databases with people in them, for the tests of the services (not a test module).

`small_world` holds two communities and three accounts made through AccountService; `demo_world`
is the demo site seeded with its accounts. Both run on one ServiceContext with a FakeClock, and
read back what writes left behind: audit trail, change_log rows, incident timelines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.model import RoleName
from core.permissions import Principal
from core.site import SiteSpec
from data.audit import iter_audit, verify_audit
from data.context import DeferWrite, ServiceContext
from data.db import Database
from data.models import ChangeLog, Community, IncidentEvent
from data.seeding import seed_site
from data.services import Services
from tests.helpers.postgres import as_owner, with_server_session
from tests.helpers.seeded_copies import seeded_database
from tests.unit.data.support import FakeClock, cheap_hasher

PW = "Correct-horse-9"

AuditRow = tuple[str, str, str, str]
ChangeRow = tuple[str, int | None, str]


@dataclass
class World:
    """A database, the services on it, its clock and the principals of its accounts."""

    db: Database
    ctx: ServiceContext
    svc: Services
    clock: FakeClock
    principals: dict[str, Principal]

    def who(self, username: str) -> Principal:
        """The principal of an account made with the world, signed in on the server."""
        who = self.principals[username]
        if not who.session_token:
            who = with_server_session(self.db, who, self.clock())
            self.principals[username] = who
        return who

    def audit(self) -> list[AuditRow]:
        """(actor, action, target, detail) of every audit row, oldest first."""
        with self.db.session() as s:
            return [(r.actor, r.action, r.target, r.detail) for r in iter_audit(s)]

    def audit_ok(self) -> bool:
        """True if the hash chain verifies."""
        with self.db.session() as s:
            return verify_audit(s).ok

    def changes(self) -> list[ChangeRow]:
        """(table, row id, op) of every change_log row, oldest first."""
        with self.db.session() as s:
            rows = s.execute(
                select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.op).order_by(ChangeLog.id)
            )
            return [(t, r, op) for t, r, op in rows]

    def events(self, incident_id: int) -> list[tuple[str, str | None, str | None, str]]:
        """(kind, from, to, note) of an incident's timeline, oldest first."""
        with self.db.session() as s:
            rows = s.scalars(
                select(IncidentEvent)
                .where(IncidentEvent.incident_id == incident_id)
                .order_by(IncidentEvent.id)
            )
            return [(e.kind, e.from_state, e.to_state, e.note) for e in rows]


def services_on(
    db: Database,
    clock: FakeClock,
    *,
    workstation: str = "CC",
    defer_write: DeferWrite | None = None,
) -> Services:
    """Every service on one context, with the cheap hasher."""
    ctx = (
        ServiceContext(db, workstation=workstation, clock=clock)
        if defer_write is None
        else ServiceContext(db, workstation=workstation, clock=clock, defer_write=defer_write)
    )
    return Services.build(ctx, hasher=cheap_hasher())


def small_world(db: Database, clock: FakeClock | None = None) -> World:
    """Communities C01 and C02; admin, operator and ws01 (a station limited to C01)."""
    clock = clock or FakeClock()
    # Communities and the first accounts are the owner's to add (on PostgreSQL the console's
    # role changes accounts only through an administrator's server session).
    with as_owner(db) as owner:
        with owner.session() as s:
            for code, name in (("C01", "一号社区"), ("C02", "二号社区")):
                s.add(Community(code=code, name=name))
        accounts = services_on(owner, clock).accounts
        accounts.create_user(
            None, username="admin", display_name="管理员", role=RoleName.ADMIN, password=PW
        )
        accounts.create_user(
            None, username="operator", display_name="值班员", role=RoleName.OPERATOR, password=PW
        )
        accounts.create_user(
            None,
            username="ws01",
            display_name="一号工作站",
            role=RoleName.STATION,
            password=PW,
            communities=["C01"],
        )
    svc = services_on(db, clock)
    names = ("admin", "operator", "ws01")
    return World(db, svc.ctx, svc, clock, {u: svc.signin.principal(u) for u in names})


DEMO_USERS = ("admin", "supervisor", "operator", "ws01")


def demo_world(db: Database, site: SiteSpec) -> World:
    """The demo site without residents; the clock steps a second per reading."""
    clock = FakeClock(tick=timedelta(seconds=1))
    svc = services_on(db, clock)
    with as_owner(db) as owner:  # seeding is the owner's task; the services run as the console
        seed_site(owner, site, services_on(owner, clock), population=0)
    return World(db, svc.ctx, svc, clock, {u: svc.signin.principal(u) for u in DEMO_USERS})


def demo_world_copy(
    request: pytest.FixtureRequest, backend: str, site: SiteSpec, tmp_path: Path
) -> World:
    """demo_world on `backend`, as a copy of the demo seeded once per test process (the same
    rows, and the clock where seeding left it)."""

    def seed(owner: Database, _keys: Path) -> datetime:
        clock = FakeClock(tick=timedelta(seconds=1))
        seed_site(owner, site, services_on(owner, clock), population=0)
        return clock.now

    copy = seeded_database(request, backend, tmp_path, "demo", seed)
    request.addfinalizer(copy.db.dispose)
    assert isinstance(copy.meta, datetime)
    clock = FakeClock(copy.meta, tick=timedelta(seconds=1))
    svc = services_on(copy.db, clock)
    return World(copy.db, svc.ctx, svc, clock, {u: svc.signin.principal(u) for u in DEMO_USERS})
