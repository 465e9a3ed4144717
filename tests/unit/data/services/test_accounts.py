"""AccountService on SQLite and PostgreSQL: creating, unlocking, passwords, the account list."""

from __future__ import annotations

import pytest

from core.audit import AuditAction
from core.auth import LoginError
from core.model import RoleName
from core.permissions import Permission, PermissionDenied
from data.db import Database
from data.services.signin import SignInService
from tests.helpers.fakes import FakeClock
from tests.helpers.postgres import as_owner
from tests.unit.data.worlds import PW, World, services_on, small_world

A = AuditAction


@pytest.fixture
def env(db: Database) -> World:
    return small_world(db)


def login_fails(signin: SignInService, username: str, password: str) -> LoginError:
    with pytest.raises(LoginError) as info:
        signin.login(username, password)
    return info.value


def lock_out(env: World, username: str) -> None:
    for _ in range(5):
        login_fails(env.svc.signin, username, "wrong")
    assert login_fails(env.svc.signin, username, PW).reason == LoginError.LOCKED


def test_account_creation_is_audited(env: World) -> None:
    assert env.audit()[:3] == [
        ("system", A.USER_CREATED.value, "admin", "role admin"),
        ("system", A.USER_CREATED.value, "operator", "role operator"),
        ("system", A.USER_CREATED.value, "ws01", "role station; communities C01"),
    ]


def test_create_user_by_an_operator_is_denied_and_audited(env: World) -> None:
    before = env.changes()
    with pytest.raises(PermissionDenied):
        env.svc.accounts.create_user(
            env.who("operator"),
            username="intruder",
            display_name="x",
            role=RoleName.ADMIN,
            password=PW,
        )
    assert env.audit()[-1] == (
        "operator",
        A.PERMISSION_DENIED.value,
        "",
        Permission.MANAGE_USERS.value,
    )
    assert env.changes() == before
    with pytest.raises(LookupError):
        env.svc.signin.principal("intruder")


def test_a_station_account_needs_its_community(env: World) -> None:
    """Scope is required by the service, not only by the form (the CLI has no form)."""
    before = env.changes()
    with pytest.raises(ValueError, match="community"):
        env.svc.accounts.create_user(
            env.who("admin"),
            username="ws09",
            display_name="九号工作站",
            role=RoleName.STATION,
            password=PW,
        )
    assert env.changes() == before


def test_create_user_by_an_admin(env: World) -> None:
    new_id = env.svc.accounts.create_user(
        env.who("admin"),
        username="ws02",
        display_name="二号工作站",
        role=RoleName.STATION,
        password=PW,
        communities=["C01", "C02"],
    )
    assert env.changes()[-1] == ("user_account", new_id, "insert")
    assert env.audit()[-1] == (
        "admin",
        A.USER_CREATED.value,
        "ws02",
        "role station; communities C01,C02",
    )
    p = env.svc.signin.login("ws02", PW)
    assert p.user_id == new_id
    assert p.communities == frozenset({"C01", "C02"})


BAD_REQUESTS = [
    ({"username": "operator"}, "exists"),
    ({"password": "short1"}, "too weak"),
    ({"password": "onlyletterslong"}, "too weak"),
    ({"communities": ["C01", "C99"]}, "unknown community"),
]


def test_create_user_refuses_bad_requests(env: World) -> None:
    # One database for all cases: each refusal must leave no account, no audit or change row.
    before = (env.audit(), env.changes())
    for kwargs, message in BAD_REQUESTS:
        args: dict[str, object] = {
            "username": "newbie",
            "display_name": "新人",
            "role": RoleName.OPERATOR,
            "password": PW,
        }
        args.update(kwargs)
        with pytest.raises(ValueError, match=message):
            env.svc.accounts.create_user(env.who("admin"), **args)  # type: ignore[arg-type]
        with pytest.raises(LookupError):
            env.svc.signin.principal("newbie")
    assert (env.audit(), env.changes()) == before
    assert env.svc.signin.login("operator", PW).role is RoleName.OPERATOR


def test_admin_unlocks_an_account(env: World) -> None:
    lock_out(env, "operator")
    env.svc.accounts.unlock_account(env.who("admin"), "operator")
    assert env.changes()[-1] == ("user_account", env.who("operator").user_id, "update")
    assert env.audit()[-1] == ("admin", A.ACCOUNT_UNLOCKED.value, "operator", "")
    assert env.svc.signin.login("operator", PW).username == "operator"


def test_a_local_tool_unlocks_in_its_own_name(env: World) -> None:
    lock_out(env, "operator")
    # A local tool on the shared database is its owner; the console's role is refused below.
    with as_owner(env.db) as owner:
        services_on(owner, env.clock).accounts.unlock_account("cli", "operator")
    assert env.audit()[-1] == ("cli", A.ACCOUNT_UNLOCKED.value, "operator", "")
    assert env.svc.signin.login("operator", PW).username == "operator"


def test_an_operator_may_not_unlock(env: World) -> None:
    lock_out(env, "ws01")
    before = env.changes()
    with pytest.raises(PermissionDenied):
        env.svc.accounts.unlock_account(env.who("operator"), "ws01")
    assert env.audit()[-1] == ("operator", A.PERMISSION_DENIED.value, "", "manage_users")
    assert env.changes() == before
    assert login_fails(env.svc.signin, "ws01", PW).reason == LoginError.LOCKED


def test_unlocking_an_unknown_user(env: World) -> None:
    before = (env.audit(), env.changes())
    with pytest.raises(LookupError):
        env.svc.accounts.unlock_account(env.who("admin"), "ghost")
    assert (env.audit(), env.changes()) == before


def test_set_password_for_oneself_and_by_an_admin(env: World) -> None:
    accounts, signin = env.svc.accounts, env.svc.signin
    op = signin.login("operator", PW)
    accounts.set_password(op, "operator", "New-password-1")
    assert login_fails(signin, "operator", PW).reason == LoginError.BAD_CREDENTIALS
    signin.login("operator", "New-password-1")

    with pytest.raises(PermissionDenied):
        accounts.set_password(op, "admin", "Hijacked-pass-1")
    signin.login("admin", PW)

    lock_out(env, "operator")
    accounts.set_password(env.who("admin"), "operator", "Reset-by-admin-1")
    assert signin.login("operator", "Reset-by-admin-1").username == "operator"
    with pytest.raises(ValueError, match="too weak"):
        accounts.set_password(env.who("admin"), "operator", "weak")
    with pytest.raises(LookupError):
        accounts.set_password(env.who("admin"), "ghost", "Reset-by-admin-1")
    changes = [t for t in env.audit() if t[1] == A.PASSWORD_CHANGED.value]
    assert [(actor, target) for actor, _, target, _ in changes] == [
        ("operator", "operator"),
        ("admin", "operator"),
    ]


def test_password_changes_note_the_account_as_changed(env: World) -> None:
    op_id = env.who("operator").user_id
    start = len(env.changes())
    env.svc.accounts.set_password(env.who("operator"), "operator", "New-password-1")
    env.svc.accounts.reset_password(env.who("admin"), "operator")
    assert env.changes()[start:] == [("user_account", op_id, "update")] * 2


# --- the account list and password resets (the demo accounts) -------------------------------
@pytest.fixture
def demo(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def test_list_users_shows_roles_scopes_and_is_admin_only(demo: World) -> None:
    rows = {r.username: r for r in demo.svc.accounts.list_users(demo.who("admin"))}
    assert set(rows) == {
        "admin",
        "supervisor",
        "operator",
        "police",
        "volunteer",
        "counsellor",
        "ws01",
    }
    assert rows["ws01"].role is RoleName.STATION
    assert rows["ws01"].communities == ("C01",)
    assert rows["operator"].communities == ()
    assert rows["admin"].locked_until is None
    assert rows["police"].department == "D01"
    assert rows["volunteer"].department == "D05"
    assert rows["operator"].department is None
    with pytest.raises(PermissionDenied):
        demo.svc.accounts.list_users(demo.who("supervisor"))
    assert demo.audit()[-1] == ("supervisor", A.PERMISSION_DENIED.value, "", "manage_users")


def test_departments_for_the_new_account_form_are_admin_only(demo: World) -> None:
    departments = demo.svc.accounts.departments(demo.who("admin"))
    codes = [d.code for d in departments]
    assert {"D01", "D05"} <= set(codes)
    assert codes == sorted(codes)
    assert all(d.name for d in departments)
    with pytest.raises(PermissionDenied):
        demo.svc.accounts.departments(demo.who("operator"))


def test_reset_password_replaces_the_old_one(demo: World) -> None:
    new = demo.svc.accounts.reset_password(demo.who("admin"), "operator")
    assert demo.svc.accounts.policy.password_problem(new) is None
    assert demo.audit()[-1] == ("admin", A.PASSWORD_CHANGED.value, "operator", "")
    assert demo.svc.signin.login("operator", new).username == "operator"
    with pytest.raises(LoginError):
        demo.svc.signin.login("operator", "not-the-new-one-1")
    with pytest.raises(PermissionDenied):
        demo.svc.accounts.reset_password(demo.who("operator"), "admin")


def test_admin_disables_an_account_with_a_reason_and_enables_it_again(env: World) -> None:
    admin = env.who("admin")
    signed_in = env.svc.signin.login("operator", PW)
    env.svc.accounts.set_active(admin, "operator", False, "  left the\noffice ")
    assert env.changes()[-1] == ("user_account", env.who("operator").user_id, "update")
    assert env.audit()[-1] == ("admin", A.ACCOUNT_DISABLED.value, "operator", "left the office")
    assert login_fails(env.svc.signin, "operator", PW).reason == LoginError.DISABLED
    # A console still signed in with it writes nothing more, not even its own password.
    with pytest.raises(PermissionDenied):
        env.svc.accounts.set_password(signed_in, "operator", "Another-pass-3")
    (row,) = [r for r in env.svc.accounts.list_users(admin) if r.username == "operator"]
    assert not row.active

    env.svc.accounts.set_active(admin, "operator", True)
    assert env.audit()[-1] == ("admin", A.ACCOUNT_ENABLED.value, "operator", "")
    assert env.svc.signin.login("operator", PW).username == "operator"
    before = (env.audit(), env.changes())
    env.svc.accounts.set_active(admin, "operator", True)  # already enabled: nothing happens
    assert (env.audit(), env.changes()) == before


def test_disabling_needs_a_reason_and_spares_oneself_and_the_last_administrator(
    env: World,
) -> None:
    admin = env.who("admin")
    before = (env.audit(), env.changes())
    with pytest.raises(ValueError, match="say why"):
        env.svc.accounts.set_active(admin, "operator", False, " ")
    with pytest.raises(ValueError, match="their own account"):
        env.svc.accounts.set_active(admin, "admin", False, "testing")
    with pytest.raises(LookupError):
        env.svc.accounts.set_active(admin, "nobody", False, "testing")
    with as_owner(env.db) as owner:
        tool = services_on(owner, env.clock).accounts
        with pytest.raises(ValueError, match="last active administrator"):
            tool.set_active("cli", "admin", False, "testing")
        # A second administrator: now the first may go (by a local tool, in its own name).
        tool.create_user(
            None, username="admin2", display_name="二", role=RoleName.ADMIN, password=PW
        )
        tool.set_active("cli", "admin", False, "moved to another office")
    assert env.audit()[-1] == ("cli", A.ACCOUNT_DISABLED.value, "admin", "moved to another office")
    assert (env.audit()[: len(before[0])], env.changes()[: len(before[1])]) == before


def test_an_operator_may_not_disable_an_account(env: World) -> None:
    with pytest.raises(PermissionDenied):
        env.svc.accounts.set_active(env.who("operator"), "ws01", False, "testing")
    assert env.audit()[-1][:2] == ("operator", A.PERMISSION_DENIED.value)
    assert env.svc.signin.login("ws01", PW).username == "ws01"


def test_a_site_without_an_administrator_can_still_disable_others(db: Database) -> None:
    # A local tool on a database whose only accounts are operators (made with `console user add`).
    with as_owner(db) as owner:
        svc = services_on(owner, FakeClock())
        svc.accounts.create_user(
            None, username="op1", display_name="一", role=RoleName.OPERATOR, password=PW
        )
        svc.accounts.set_active("cli", "op1", False, "left")
        assert login_fails(svc.signin, "op1", PW).reason == LoginError.DISABLED
