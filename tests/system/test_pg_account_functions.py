"""Accounts on the shared database: no readable hashes, changes only through a server session."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from core.audit import AuditAction
from core.auth import LoginError
from core.model import RoleName
from core.permissions import PermissionDenied
from data.migrate import open_database
from data.services.accounts import NoServerSession
from data.services.signin import accounts_in_server
from tests.helpers.postgres import PgServer, as_owner
from tests.unit.data.worlds import PW, World, services_on, small_world

pytestmark = pytest.mark.postgres


_n = 0


@pytest.fixture
def env(pg_server: PgServer, pg_migrated_template: str) -> Iterator[World]:
    """The small world on PostgreSQL, the console connected as the workstation's role."""
    global _n
    _n += 1
    name = f"acc_{os.getpid()}_{_n}"
    pg_server.create_database(name, template=pg_migrated_template)
    db = open_database(pg_server.workstation_url(name))
    try:
        yield small_world(db)
    finally:
        db.dispose()


def test_the_console_role_cannot_read_or_write_account_rows(env: World) -> None:
    with env.db.session() as s:
        assert accounts_in_server(s)
        # Every other column stays readable: scope re-checks and the accounts list need them.
        assert s.execute(text("SELECT username, active FROM user_account")).all()
    for statement in (
        "SELECT password_hash FROM user_account",
        "SELECT * FROM user_account",
        "UPDATE user_account SET password_hash = 'x' WHERE username = 'admin'",
        "UPDATE user_account SET failed_attempts = 0",
        "INSERT INTO user_account (username, display_name, password_hash, role_id, active, "
        "failed_attempts, created_at) VALUES ('mallory', 'm', 'x', 1, true, 0, now())",
        "INSERT INTO role (name, description) VALUES ('boss', '')",
        "SELECT * FROM console_session",
        "SELECT * FROM console_secret",
    ):
        with pytest.raises(ProgrammingError, match="permission denied"), env.db.session() as s:
            s.execute(text(statement))
    with as_owner(env.db) as owner, owner.session() as s:
        assert s.execute(text("SELECT count(password_hash) FROM user_account")).scalar() == 3


def test_sign_in_compares_in_the_server_and_opens_a_session(env: World) -> None:
    who = env.svc.signin.login("operator", PW)
    assert who.session_token
    assert who.session_token not in repr(who)
    with env.db.session() as s:
        reference = s.execute(text("SELECT scc_login_salt('operator')")).scalar()
    assert reference.startswith("$argon2id$")
    assert reference.count("$") == 4
    assert env.svc.signin.hasher.hash_like(reference, "wrong").startswith(reference + "$")
    with pytest.raises(LoginError) as refused:
        env.svc.signin.login("operator", "Wrong-horse-1")
    assert refused.value.reason == LoginError.BAD_CREDENTIALS
    assert env.audit()[-1][1:] == (AuditAction.LOGIN_FAILED.value, "", "wrong password (1)")


def test_an_unknown_name_gets_a_stable_salt_shaped_like_a_real_one(env: World) -> None:
    with env.db.session() as s:
        fake = [s.execute(text("SELECT scc_login_salt('nobody')")).scalar() for _ in range(2)]
        other = s.execute(text("SELECT scc_login_salt('nobody2')")).scalar()
        real = s.execute(text("SELECT scc_login_salt('admin')")).scalar()
    assert fake[0] == fake[1] != other
    assert fake[0].rsplit("$", 1)[0] == real.rsplit("$", 1)[0]  # same parameters
    assert len(fake[0].rsplit("$", 1)[1]) == len(real.rsplit("$", 1)[1])


def test_the_lockout_runs_in_the_server_and_a_looser_policy_is_ignored(env: World) -> None:
    # A workstation asking for 1,000 tries still locks after the server's ceiling of 10.
    loose = replace(env.svc.signin.policy, max_failures=1000)
    env.svc.signin.policy = loose
    reasons = []
    for _ in range(10):
        with pytest.raises(LoginError) as refused:
            env.svc.signin.login("operator", "Wrong-horse-1")
        reasons.append(refused.value.reason)
    assert reasons == [LoginError.BAD_CREDENTIALS] * 9 + [LoginError.LOCKED]
    with pytest.raises(LoginError) as refused:
        env.svc.signin.login("operator", PW)
    assert refused.value.reason == LoginError.LOCKED


def test_an_operator_session_cannot_change_another_account(env: World) -> None:
    operator = env.svc.signin.login("operator", PW)
    with pytest.raises(DBAPIError, match="not an administrator"), env.db.session() as s:
        s.execute(
            text("SELECT scc_set_password(:t, 'admin', :h, :now)"),
            {
                "t": operator.session_token,
                "h": env.svc.signin.hasher.hash("Mallory-pw-1"),
                "now": env.clock(),
            },
        )
    with pytest.raises(DBAPIError, match="not an administrator"), env.db.session() as s:
        s.execute(
            text("SELECT scc_create_user(:t, 'mallory', 'm', :h, 'admin', '{}', NULL, :now)"),
            {
                "t": operator.session_token,
                "h": env.svc.signin.hasher.hash("Mallory-pw-1"),
                "now": env.clock(),
            },
        )
    # Their own password is theirs to change.
    env.svc.accounts.set_password(operator, "operator", "Another-pass-3")
    assert env.svc.signin.login("operator", "Another-pass-3").username == "operator"


def test_a_made_up_or_ended_session_changes_nothing(env: World) -> None:
    with pytest.raises(DBAPIError, match="no signed-in session"), env.db.session() as s:
        s.execute(text("SELECT scc_unlock('forged', 'operator', now())"))
    admin = env.svc.signin.login("admin", PW)
    env.svc.signin.logout(admin)
    with pytest.raises(PermissionDenied):
        env.svc.accounts.unlock_account(admin, "operator")
    assert env.audit()[-2][:2] == ("admin", AuditAction.LOGOUT.value)
    assert env.audit()[-1][:2] == ("admin", AuditAction.PERMISSION_DENIED.value)


def test_a_local_tool_as_the_console_role_is_refused_with_a_reason(env: World) -> None:
    with pytest.raises(NoServerSession, match="--admin"):
        env.svc.accounts.unlock_account("cli", "operator")
    with pytest.raises(NoServerSession):
        env.svc.accounts.create_user(
            None, username="x1", display_name="x", role=RoleName.OPERATOR, password=PW
        )


def test_an_administrator_session_creates_accounts_in_scope(env: World) -> None:
    admin = env.svc.signin.login("admin", PW)
    new_id = env.svc.accounts.create_user(
        admin,
        username="ws02",
        display_name="二号工作站",
        role=RoleName.STATION,
        password="Station-pass-2",
        communities=["C02"],
    )
    who = env.svc.signin.login("ws02", "Station-pass-2")
    assert who.user_id == new_id
    assert who.communities == frozenset({"C02"})
    with as_owner(env.db) as owner:
        # The owner may still do everything itself (seeding, `console user` as the owner).
        services_on(owner, env.clock).accounts.unlock_account("cli", "ws02")


def test_disabling_ends_the_accounts_server_sessions(env: World) -> None:
    admin = env.svc.signin.login("admin", PW)
    operator = env.svc.signin.login("operator", PW)
    hashed = env.svc.signin.hasher.hash("Another-pass-3")
    # An operator's session cannot disable anyone, inside the server either.
    with pytest.raises(DBAPIError, match="not an administrator"), env.db.session() as s:
        s.execute(
            text("SELECT scc_set_active(:t, 'ws01', false, :now)"),
            {"t": operator.session_token, "now": env.clock()},
        )
    env.svc.accounts.set_active(admin, "operator", False, "left the office")
    env.svc.accounts.set_active(admin, "operator", True)
    # Enabled again, but the session opened before is over: a new sign-in is needed.
    with pytest.raises(DBAPIError, match="no signed-in session"), env.db.session() as s:
        s.execute(
            text("SELECT scc_set_password(:t, 'operator', :h, :now)"),
            {"t": operator.session_token, "h": hashed, "now": env.clock()},
        )
    # The server refuses an administrator's own account, whatever the console asks.
    with pytest.raises(DBAPIError, match="their own account"), env.db.session() as s:
        s.execute(
            text("SELECT scc_set_active(:t, 'admin', false, :now)"),
            {"t": admin.session_token, "now": env.clock()},
        )
    again = env.svc.signin.login("operator", PW)
    env.svc.accounts.set_password(again, "operator", "Another-pass-3")


def test_two_administrators_disabling_each_other_at_once_leave_one(env: World) -> None:
    env.svc.accounts.create_user(
        env.svc.signin.login("admin", PW),
        username="admin2",
        display_name="二",
        role=RoleName.ADMIN,
        password=PW,
    )
    first, second = env.svc.signin.login("admin", PW), env.svc.signin.login("admin2", PW)
    call = text("SELECT scc_set_active(:t, :u, false, :now)")
    engine = env.db.engine
    outcome: list[str] = []
    with engine.connect() as one:
        # The first disables admin2 and has not committed yet when the second asks.
        one.execute(call, {"t": first.session_token, "u": "admin2", "now": env.clock()})

        def other() -> None:
            with engine.connect() as two:
                try:
                    two.execute(call, {"t": second.session_token, "u": "admin", "now": env.clock()})
                    two.commit()
                    outcome.append("done")
                except DBAPIError as exc:
                    outcome.append(str(exc.orig).splitlines()[0])

        t = threading.Thread(target=other, name="disable-admin")
        t.start()
        t.join(timeout=1.0)
        assert t.is_alive(), "the second waits for the first's locks"
        one.commit()
        t.join(timeout=30)
    assert outcome == ["the last active administrator cannot be disabled"]
    with env.db.session() as s:
        active = s.execute(
            text(
                "SELECT count(*) FROM user_account a JOIN role r ON r.id = a.role_id "
                "WHERE r.name = 'admin' AND a.active"
            )
        ).scalar()
    assert active == 1
