"""AuthService on SQLite and PostgreSQL: sign-in, lockout, accounts, denials — all audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import argon2
import pytest
from sqlalchemy import select, update

from core.audit import AuditAction
from core.auth import LoginError, LoginPolicy
from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Permission, PermissionDenied, Principal
from data.audit import iter_audit, verify_audit
from data.db import Database
from data.models import Community, User
from data.security import Argon2Hasher, AuthService, generate_password
from tests.unit.data.support import FakeClock, cheap_hasher

PW = "Correct-horse-9"
A = AuditAction


@dataclass
class Env:
    db: Database
    auth: AuthService
    clock: FakeClock
    admin: Principal


@pytest.fixture
def env(db: Database) -> Env:
    with db.session() as s:
        for code, name in (("C01", "一号社区"), ("C02", "二号社区")):
            s.add(Community(code=code, name=name))
    clock = FakeClock()
    auth = AuthService(db, workstation="CC", hasher=cheap_hasher(), clock=clock)
    auth.create_user(
        None, username="admin", display_name="管理员", role=RoleName.ADMIN, password=PW
    )
    auth.create_user(
        None, username="operator", display_name="值班员", role=RoleName.OPERATOR, password=PW
    )
    auth.create_user(
        None,
        username="ws01",
        display_name="一号工作站",
        role=RoleName.STATION,
        password=PW,
        communities=["C01"],
    )
    return Env(db, auth, clock, auth.principal("admin"))


def audit_trail(db: Database) -> list[tuple[str, str, str, str]]:
    with db.session() as s:
        return [(r.actor, r.action, r.target, r.detail) for r in iter_audit(s)]


def user_row(db: Database, username: str) -> User:
    with db.session() as s:
        return s.scalars(select(User).where(User.username == username)).one()


def login_fails(auth: AuthService, username: str, password: str) -> LoginError:
    with pytest.raises(LoginError) as info:
        auth.login(username, password)
    return info.value


def test_cheap_hasher_is_still_argon2id() -> None:
    stored = cheap_hasher().hash("x")
    assert stored.startswith("$argon2id$")
    assert cheap_hasher().verify(stored, "x")
    assert not cheap_hasher().verify(stored, "y")
    assert not cheap_hasher().verify("not a hash", "x")


def test_generate_password_passes_the_policy() -> None:
    for _ in range(20):
        pw = generate_password()
        assert len(pw) == 14
        assert LoginPolicy().password_problem(pw) is None
        assert not set(pw) & set("0OoIl1")


def test_login_returns_the_principal(env: Env) -> None:
    p = env.auth.login("operator", PW)
    assert p.username == "operator"
    assert p.display_name == "值班员"
    assert p.role is RoleName.OPERATOR
    assert p.permissions == ROLE_PERMISSIONS[RoleName.OPERATOR]
    assert p.communities is None
    assert p.street_wide
    assert user_row(env.db, "operator").last_login_at == env.clock.now


def test_login_of_a_station_user_carries_its_scope(env: Env) -> None:
    p = env.auth.login("  ws01 ", PW)  # surrounding blanks are ignored
    assert p.role is RoleName.STATION
    assert p.communities == frozenset({"C01"})
    assert p.permissions == ROLE_PERMISSIONS[RoleName.STATION]
    assert p.can(Permission.VIEW_DEVICES, "C01")
    assert not p.can(Permission.VIEW_DEVICES, "C02")


def test_wrong_password_counts_a_failure(env: Env) -> None:
    err = login_fails(env.auth, "operator", "wrong-password-1")
    assert err.reason == LoginError.BAD_CREDENTIALS
    assert err.locked_until is None
    assert user_row(env.db, "operator").failed_attempts == 1
    login_fails(env.auth, "operator", "wrong-password-2")
    assert user_row(env.db, "operator").failed_attempts == 2


def test_a_good_login_resets_the_failure_count(env: Env) -> None:
    login_fails(env.auth, "operator", "wrong")
    env.auth.login("operator", PW)
    assert user_row(env.db, "operator").failed_attempts == 0


def test_five_failures_lock_the_account_even_for_the_right_password(env: Env) -> None:
    for _ in range(4):
        assert login_fails(env.auth, "operator", "wrong").reason == LoginError.BAD_CREDENTIALS
    err = login_fails(env.auth, "operator", "wrong")
    assert err.reason == LoginError.LOCKED
    assert err.locked_until is not None
    assert err.locked_until - env.clock.now == timedelta(minutes=15)
    row = user_row(env.db, "operator")
    assert row.locked_until == err.locked_until

    right = login_fails(env.auth, "operator", PW)
    assert right.reason == LoginError.LOCKED
    assert right.locked_until == err.locked_until
    # Other accounts are unaffected.
    assert env.auth.login("admin", PW).username == "admin"


def test_lockout_expires(env: Env) -> None:
    for _ in range(5):
        login_fails(env.auth, "operator", "wrong")
    env.clock.advance(timedelta(minutes=14, seconds=59))
    assert login_fails(env.auth, "operator", PW).reason == LoginError.LOCKED
    env.clock.advance(timedelta(seconds=1))
    assert env.auth.login("operator", PW).username == "operator"
    row = user_row(env.db, "operator")
    assert row.locked_until is None
    assert row.failed_attempts == 0


def test_admin_unlocks_an_account(env: Env) -> None:
    for _ in range(5):
        login_fails(env.auth, "operator", "wrong")
    env.auth.unlock_account(env.admin, "operator")
    assert env.auth.login("operator", PW).username == "operator"
    assert (
        "admin",
        A.ACCOUNT_UNLOCKED.value,
        "operator",
        "",
    ) in audit_trail(env.db)


def test_an_operator_may_not_unlock(env: Env) -> None:
    for _ in range(5):
        login_fails(env.auth, "ws01", "wrong")
    op = env.auth.principal("operator")
    with pytest.raises(PermissionDenied):
        env.auth.unlock_account(op, "ws01")
    assert login_fails(env.auth, "ws01", PW).reason == LoginError.LOCKED


def test_unlocking_an_unknown_user(env: Env) -> None:
    with pytest.raises(LookupError):
        env.auth.unlock_account(env.admin, "ghost")


def test_unknown_user_is_bad_credentials(env: Env) -> None:
    err = login_fails(env.auth, "ghost", PW)
    assert err.reason == LoginError.BAD_CREDENTIALS
    assert audit_trail(env.db)[-1] == ("ghost", A.LOGIN_FAILED.value, "", "unknown user")


def test_an_overlong_user_name_is_refused_and_audited(env: Env) -> None:
    name = "长" * 100
    err = login_fails(env.auth, name, PW)
    assert err.reason == LoginError.BAD_CREDENTIALS
    assert audit_trail(env.db)[-1] == (name[:64], A.LOGIN_FAILED.value, "", "unknown user")


def test_disabled_account_is_refused(env: Env) -> None:
    with env.db.session() as s:
        s.execute(update(User).where(User.username == "operator").values(active=False))
    assert login_fails(env.auth, "operator", PW).reason == LoginError.DISABLED
    assert audit_trail(env.db)[-1][1:] == (A.LOGIN_FAILED.value, "", "account disabled")


def test_every_sign_in_outcome_is_audited_in_order(env: Env) -> None:
    start = len(audit_trail(env.db))
    env.auth.login("operator", PW)
    for _ in range(5):
        login_fails(env.auth, "operator", "wrong")
    login_fails(env.auth, "operator", PW)
    login_fails(env.auth, "nobody", PW)
    trail = audit_trail(env.db)[start:]
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
    with env.db.session() as s:
        assert verify_audit(s).ok


def test_account_creation_is_audited(env: Env) -> None:
    trail = audit_trail(env.db)
    assert trail[:3] == [
        ("system", A.USER_CREATED.value, "admin", "role admin"),
        ("system", A.USER_CREATED.value, "operator", "role operator"),
        ("system", A.USER_CREATED.value, "ws01", "role station; communities C01"),
    ]


def test_require_outside_scope_is_denied_and_audited(env: Env) -> None:
    station = env.auth.login("ws01", PW)
    env.auth.require(station, Permission.VIEW_DEVICES, "C01")
    with pytest.raises(PermissionDenied) as info:
        env.auth.require(station, Permission.VIEW_DEVICES, "C02")
    assert info.value.community == "C02"
    assert audit_trail(env.db)[-1] == (
        "ws01",
        A.PERMISSION_DENIED.value,
        "C02",
        Permission.VIEW_DEVICES.value,
    )


def test_create_user_by_an_operator_is_denied_and_audited(env: Env) -> None:
    op = env.auth.login("operator", PW)
    with pytest.raises(PermissionDenied):
        env.auth.create_user(
            op, username="intruder", display_name="x", role=RoleName.ADMIN, password=PW
        )
    assert audit_trail(env.db)[-1] == (
        "operator",
        A.PERMISSION_DENIED.value,
        "",
        Permission.MANAGE_USERS.value,
    )
    with pytest.raises(LookupError):
        env.auth.principal("intruder")


def test_create_user_by_an_admin(env: Env) -> None:
    new_id = env.auth.create_user(
        env.admin,
        username="ws02",
        display_name="二号工作站",
        role=RoleName.STATION,
        password=PW,
        communities=["C01", "C02"],
    )
    p = env.auth.login("ws02", PW)
    assert p.user_id == new_id
    assert p.communities == frozenset({"C01", "C02"})
    assert audit_trail(env.db)[-2] == (
        "admin",
        A.USER_CREATED.value,
        "ws02",
        "role station; communities C01,C02",
    )


BAD_REQUESTS = [
    ({"username": "operator"}, "exists"),
    ({"password": "short1"}, "too weak"),
    ({"password": "onlyletterslong"}, "too weak"),
    ({"communities": ["C01", "C99"]}, "unknown community"),
]


def test_create_user_refuses_bad_requests(env: Env) -> None:
    # One database for all cases: each refusal must leave no account and no audit row.
    before = audit_trail(env.db)
    for kwargs, message in BAD_REQUESTS:
        args: dict[str, object] = {
            "username": "newbie",
            "display_name": "新人",
            "role": RoleName.OPERATOR,
            "password": PW,
        }
        args.update(kwargs)
        with pytest.raises(ValueError, match=message):
            env.auth.create_user(env.admin, **args)  # type: ignore[arg-type]
        with pytest.raises(LookupError):
            env.auth.principal("newbie")
    assert audit_trail(env.db) == before
    assert env.auth.login("operator", PW).role is RoleName.OPERATOR


def test_set_password_for_oneself_and_by_an_admin(env: Env) -> None:
    op = env.auth.login("operator", PW)
    env.auth.set_password(op, "operator", "New-password-1")
    assert login_fails(env.auth, "operator", PW).reason == LoginError.BAD_CREDENTIALS
    env.auth.login("operator", "New-password-1")

    with pytest.raises(PermissionDenied):
        env.auth.set_password(op, "admin", "Hijacked-pass-1")
    env.auth.login("admin", PW)

    for _ in range(5):
        login_fails(env.auth, "operator", "wrong")
    env.auth.set_password(env.admin, "operator", "Reset-by-admin-1")
    assert env.auth.login("operator", "Reset-by-admin-1").username == "operator"
    with pytest.raises(ValueError, match="too weak"):
        env.auth.set_password(env.admin, "operator", "weak")
    changes = [t for t in audit_trail(env.db) if t[1] == A.PASSWORD_CHANGED.value]
    assert [(actor, target) for actor, _, target, _ in changes] == [
        ("operator", "operator"),
        ("admin", "operator"),
    ]


def test_outdated_hash_parameters_are_upgraded_at_sign_in(env: Env) -> None:
    stronger = Argon2Hasher(argon2.PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    old_hash = user_row(env.db, "operator").password_hash
    assert stronger.needs_rehash(old_hash)
    auth2 = AuthService(env.db, workstation="CC", hasher=stronger, clock=env.clock)
    auth2.login("operator", PW)
    new_hash = user_row(env.db, "operator").password_hash
    assert new_hash != old_hash
    assert not stronger.needs_rehash(new_hash)
    assert auth2.login("operator", PW).username == "operator"


def test_reauthenticate_audits_the_screen_unlock(env: Env) -> None:
    op = env.auth.login("operator", PW)
    again = env.auth.reauthenticate(op, PW)
    assert again == op
    assert [t[1] for t in audit_trail(env.db)[-2:]] == [A.LOGIN.value, A.SCREEN_UNLOCKED.value]
    with pytest.raises(LoginError):
        env.auth.reauthenticate(op, "wrong")


def test_record_writes_a_row_in_its_own_transaction(env: Env) -> None:
    env.auth.record(None, A.SCREENSHOT, target="x.png")
    assert audit_trail(env.db)[-1] == ("system", A.SCREENSHOT.value, "x.png", "")


def test_rows_carry_the_workstation_and_the_injected_time(env: Env) -> None:
    env.auth.login("admin", PW)
    with env.db.session() as s:
        last = list(iter_audit(s))[-1]
    assert last.workstation == "CC"
    assert last.ts == env.clock.now
