"""AuditService on SQLite and PostgreSQL: stand-alone audit rows and checking the chain."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.audit import AuditAction
from core.permissions import Permission, PermissionDenied
from data.audit import iter_audit
from data.db import Database
from tests.unit.data.support import tamper
from tests.unit.data.worlds import World, small_world

A = AuditAction


@pytest.fixture
def env(db: Database) -> World:
    return small_world(db)


def test_record_writes_a_row_in_its_own_transaction(env: World) -> None:
    before = env.changes()
    env.svc.audit.record(None, A.SCREENSHOT, target="x.png")
    assert env.audit()[-1] == ("system", A.SCREENSHOT.value, "x.png", "")
    env.svc.audit.record(env.who("operator"), A.SCREEN_LOCKED)
    assert env.audit()[-1] == ("operator", A.SCREEN_LOCKED.value, "", "")
    env.svc.audit.record("cli", A.LOGOUT, detail="末班")
    assert env.audit()[-1] == ("cli", A.LOGOUT.value, "", "末班")
    # An audit row alone changes nothing another workstation shows.
    assert env.changes() == before


def test_recorded_rows_carry_the_workstation_and_the_injected_time(env: World) -> None:
    env.clock.advance(timedelta(minutes=7))
    env.svc.audit.record(env.who("admin"), A.LOGOUT)
    with env.db.session() as s:
        last = list(iter_audit(s))[-1]
    assert (last.workstation, last.ts) == ("CC", env.clock.now)


def test_verify_reports_an_intact_chain(env: World) -> None:
    env.svc.audit.record(env.who("operator"), A.SCREEN_LOCKED)
    admin = env.svc.audit.verify(env.who("admin"))
    assert admin.ok
    assert admin.rows == len(env.audit())
    assert env.svc.audit.verify(None) == admin  # the local CLI needs no account


def test_verify_finds_a_tampered_row(env: World) -> None:
    tamper(env.db, "UPDATE audit_log SET detail = 'role operator' WHERE target = 'admin'")
    report = env.svc.audit.verify(env.who("admin"))
    assert not report.ok
    assert report.breaks


def test_verify_needs_the_audit_permission(env: World) -> None:
    before = len(env.audit())
    with pytest.raises(PermissionDenied):
        env.svc.audit.verify(env.who("operator"))
    assert env.audit()[before:] == [
        ("operator", A.PERMISSION_DENIED.value, "", Permission.VIEW_AUDIT.value)
    ]
