"""SignInService on SQLite and PostgreSQL: sign-in, lockout and re-authentication, all audited."""

from __future__ import annotations

from datetime import timedelta

import argon2
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import undefer

from core.audit import AuditAction
from core.auth import LoginError
from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Permission
from data.audit import iter_audit
from data.db import Database
from data.models import ChangeLog, User
from data.security import Argon2Hasher
from data.services.signin import SignInService
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import PW, World, small_world

A = AuditAction


@pytest.fixture
def env(db: Database) -> World:
    return small_world(db)


def user_row(db: Database, username: str) -> User:
    # As the owner: on PostgreSQL the console's role may not read password hashes.
    with as_owner(db) as owner, owner.session() as s:
        query = select(User).options(undefer(User.password_hash))
        return s.scalars(query.where(User.username == username)).one()


def login_fails(signin: SignInService, username: str, password: str) -> LoginError:
    with pytest.raises(LoginError) as info:
        signin.login(username, password)
    return info.value


def test_login_returns_the_principal(env: World) -> None:
    p = env.svc.signin.login("operator", PW)
    assert p.username == "operator"
    assert p.display_name == "值班员"
    assert p.role is RoleName.OPERATOR
    assert p.permissions == ROLE_PERMISSIONS[RoleName.OPERATOR]
    assert p.communities is None
    assert p.street_wide
    assert p == env.who("operator")
    assert user_row(env.db, "operator").last_login_at == env.clock.now


def test_login_of_a_station_user_carries_its_scope(env: World) -> None:
    p = env.svc.signin.login("  ws01 ", PW)  # surrounding blanks are ignored
    assert p.role is RoleName.STATION
    assert p.communities == frozenset({"C01"})
    assert p.permissions == ROLE_PERMISSIONS[RoleName.STATION]
    assert p.can(Permission.VIEW_DEVICES, "C01")
    assert not p.can(Permission.VIEW_DEVICES, "C02")


def test_wrong_password_counts_a_failure(env: World) -> None:
    err = login_fails(env.svc.signin, "operator", "wrong-password-1")
    assert err.reason == LoginError.BAD_CREDENTIALS
    assert err.locked_until is None
    assert user_row(env.db, "operator").failed_attempts == 1
    login_fails(env.svc.signin, "operator", "wrong-password-2")
    assert user_row(env.db, "operator").failed_attempts == 2


def test_a_good_login_resets_the_failure_count(env: World) -> None:
    login_fails(env.svc.signin, "operator", "wrong")
    env.svc.signin.login("operator", PW)
    assert user_row(env.db, "operator").failed_attempts == 0


def test_five_failures_lock_the_account_even_for_the_right_password(env: World) -> None:
    signin = env.svc.signin
    for _ in range(4):
        assert login_fails(signin, "operator", "wrong").reason == LoginError.BAD_CREDENTIALS
    err = login_fails(signin, "operator", "wrong")
    assert err.reason == LoginError.LOCKED
    assert err.locked_until is not None
    assert err.locked_until - env.clock.now == timedelta(minutes=15)
    row = user_row(env.db, "operator")
    assert row.locked_until == err.locked_until

    right = login_fails(signin, "operator", PW)
    assert right.reason == LoginError.LOCKED
    assert right.locked_until == err.locked_until
    # Other accounts are unaffected.
    assert signin.login("admin", PW).username == "admin"


def test_lockout_expires(env: World) -> None:
    for _ in range(5):
        login_fails(env.svc.signin, "operator", "wrong")
    env.clock.advance(timedelta(minutes=14, seconds=59))
    assert login_fails(env.svc.signin, "operator", PW).reason == LoginError.LOCKED
    env.clock.advance(timedelta(seconds=1))
    assert env.svc.signin.login("operator", PW).username == "operator"
    row = user_row(env.db, "operator")
    assert row.locked_until is None
    assert row.failed_attempts == 0


def test_sign_in_and_lockout_note_the_account_as_changed(env: World) -> None:
    """The account list shows last sign-in and lockout: other workstations must refresh it."""
    op_id = env.who("operator").user_id
    start = len(env.changes())
    env.svc.signin.login("operator", PW)
    assert env.changes()[start:] == [("user_account", op_id, "update")]
    for _ in range(5):
        login_fails(env.svc.signin, "operator", "wrong")
    assert env.changes()[start:] == [("user_account", op_id, "update")] * 2
    login_fails(env.svc.signin, "ghost", PW)
    assert len(env.changes()) == start + 2


def test_unknown_user_is_bad_credentials(env: World) -> None:
    err = login_fails(env.svc.signin, "ghost", PW)
    assert err.reason == LoginError.BAD_CREDENTIALS
    assert env.audit()[-1] == ("ghost", A.LOGIN_FAILED.value, "", "unknown user")


def test_an_overlong_user_name_is_refused_and_audited(env: World) -> None:
    name = "长" * 100
    err = login_fails(env.svc.signin, name, PW)
    assert err.reason == LoginError.BAD_CREDENTIALS
    assert env.audit()[-1] == (name[:64], A.LOGIN_FAILED.value, "", "unknown user")


def test_disabled_account_is_refused(env: World) -> None:
    with as_owner(env.db) as owner, owner.session() as s:  # no console service disables
        s.execute(update(User).where(User.username == "operator").values(active=False))
    assert login_fails(env.svc.signin, "operator", PW).reason == LoginError.DISABLED
    assert env.audit()[-1][1:] == (A.LOGIN_FAILED.value, "", "account disabled")


def test_every_sign_in_outcome_is_audited_in_order(env: World) -> None:
    signin = env.svc.signin
    start = len(env.audit())
    signin.login("operator", PW)
    for _ in range(5):
        login_fails(signin, "operator", "wrong")
    login_fails(signin, "operator", PW)
    login_fails(signin, "nobody", PW)
    trail = env.audit()[start:]
    assert [(actor, action) for actor, action, _, _ in trail] == [
        ("operator", A.LOGIN.value),
        *[("operator", A.LOGIN_FAILED.value)] * 5,
        ("operator", A.ACCOUNT_LOCKED.value),
        ("operator", A.LOGIN_FAILED.value),
        ("nobody", A.LOGIN_FAILED.value),
    ]
    details = [d for *_, d in trail]
    assert details[0] == "role operator"
    assert details[1:6] == [f"wrong password ({n})" for n in range(1, 6)]
    assert details[6].startswith("5 failed attempts; locked until ")
    assert details[7] == "account locked"
    assert env.audit_ok()


def test_outdated_hash_parameters_are_upgraded_at_sign_in(env: World) -> None:
    stronger = Argon2Hasher(argon2.PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    old_hash = user_row(env.db, "operator").password_hash
    assert stronger.needs_rehash(old_hash)
    signin2 = SignInService(env.ctx, stronger, env.svc.signin.policy)
    signin2.login("operator", PW)
    new_hash = user_row(env.db, "operator").password_hash
    assert new_hash != old_hash
    assert not stronger.needs_rehash(new_hash)
    assert signin2.login("operator", PW).username == "operator"


def test_reauthenticate_audits_the_screen_unlock(env: World) -> None:
    op = env.svc.signin.login("operator", PW)
    again = env.svc.signin.reauthenticate(op, PW)
    assert again == op
    assert [t[1] for t in env.audit()[-2:]] == [A.LOGIN.value, A.SCREEN_UNLOCKED.value]
    assert env.audit()[-1] == ("operator", A.SCREEN_UNLOCKED.value, "", "")
    start = len(env.audit())
    with pytest.raises(LoginError):
        env.svc.signin.reauthenticate(op, "wrong")
    assert [t[1] for t in env.audit()[start:]] == [A.LOGIN_FAILED.value]


def test_principal_for_local_tools(env: World) -> None:
    start = (env.audit(), env.changes())
    assert env.svc.signin.principal("ws01").communities == frozenset({"C01"})
    with pytest.raises(LookupError):
        env.svc.signin.principal("ghost")
    # Trusted local tools read the account without a sign-in: nothing is recorded.
    assert (env.audit(), env.changes()) == start


def test_rows_carry_the_workstation_and_the_injected_time(env: World) -> None:
    env.clock.advance(timedelta(hours=1))
    env.svc.signin.login("admin", PW)
    with env.db.session() as s:
        last = list(iter_audit(s))[-1]
        change = s.scalars(select(ChangeLog).order_by(ChangeLog.id.desc()).limit(1)).one()
    assert last.workstation == "CC"
    assert last.ts == env.clock.now
    assert (change.workstation, change.ts) == ("CC", env.clock.now)
