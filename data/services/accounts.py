"""Accounts: creation, unlocking, disabling and passwords (administrators, or the local CLI)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.auth import LoginPolicy
from core.model import RoleName
from core.permissions import Permission, PermissionDenied, Principal
from core.ports import PasswordHasher
from core.views import DepartmentRow, UserRow
from data.context import Actor, ServiceContext, WriteTx
from data.models import Community, Department, Role, User
from data.security import generate_password
from data.services.signin import accounts_in_server, find_user

TABLE = "user_account"


class AccountService:
    """Every change to an account is audited and noted in change_log.

    `actor` None (or a tool name such as "cli") is a trusted local caller: demo seeding and
    the `console user` commands, which need the database file or server credentials anyway.
    """

    def __init__(self, ctx: ServiceContext, hasher: PasswordHasher, policy: LoginPolicy):
        self.ctx = ctx
        self.hasher = hasher
        self.policy = policy

    def create_user(
        self,
        actor: Actor,
        *,
        username: str,
        display_name: str,
        role: RoleName,
        password: str,
        communities: Iterable[str] = (),
        department: str | None = None,
    ) -> int:
        """Create an account; a department account names the department it answers for."""
        problem = self.policy.password_problem(password)
        codes = list(communities)
        with self.ctx.write(actor, Permission.MANAGE_USERS) as tx:
            if problem:
                raise ValueError(f"password too weak: {problem}")
            if role is RoleName.STATION and not codes:
                # A station PC serves one community; without one it would see nothing useful.
                raise ValueError("a station account needs its community (--community CODE)")
            if (role is RoleName.DEPARTMENT) != (department is not None):
                raise ValueError("a department account, and only one, names its department")
            s = tx.session
            if find_user(s, username) is not None:
                raise ValueError(f"user {username!r} exists")
            scope = (
                list(s.scalars(select(Community).where(Community.code.in_(codes)))) if codes else []
            )
            if len(scope) != len(set(codes)):
                raise ValueError(f"unknown community in {codes}")
            department_id = None
            if department is not None:
                department_id = s.scalar(select(Department.id).where(Department.code == department))
                if department_id is None:
                    raise ValueError(f"unknown department {department!r}")
            if accounts_in_server(s):
                user_id = int(
                    _call(
                        s,
                        "scc_create_user(:t, :u, :d, :h, :r, :c, :dep, :now)",
                        actor,
                        u=username,
                        d=display_name,
                        h=self.hasher.hash(password),
                        r=role.value,
                        c=codes,
                        dep=department,
                        now=tx.now,
                    )
                )
                self._created(tx, user_id, username, role, codes)
                return user_id
            role_row = s.scalar(select(Role).where(Role.name == role.value))
            if role_row is None:
                role_row = Role(name=role.value, description="")
                s.add(role_row)
            user = User(
                username=username,
                display_name=display_name,
                password_hash=self.hasher.hash(password),
                role=role_row,
                active=True,
                failed_attempts=0,
                created_at=tx.now,
            )
            user.communities = scope
            user.department_id = department_id
            s.add(user)
            s.flush()
            self._created(tx, user.id, username, role, codes)
            return user.id

    @staticmethod
    def _created(
        tx: WriteTx, user_id: int, username: str, role: RoleName, codes: list[str]
    ) -> None:
        tx.change(TABLE, user_id, "insert")
        tx.audit(
            AuditAction.USER_CREATED,
            target=username,
            detail=f"role {role.value}" + (f"; communities {','.join(codes)}" if codes else ""),
        )

    def unlock_account(self, actor: Actor, username: str) -> None:
        """Clear a lockout before it runs out."""
        with self.ctx.write(actor, Permission.MANAGE_USERS) as tx:
            user = find_user(tx.session, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            if accounts_in_server(tx.session):
                _call(tx.session, "scc_unlock(:t, :u, :now)", actor, u=username, now=tx.now)
            else:
                user.locked_until = None
                user.failed_attempts = 0
            tx.change(TABLE, user.id, "update")
            tx.audit(AuditAction.ACCOUNT_UNLOCKED, target=username)

    def set_active(self, actor: Actor, username: str, active: bool, reason: str = "") -> None:
        """Disable an account (with a reason) or enable it again.

        A disabled account cannot sign in, and a console still signed in with it can write
        nothing more (every write re-checks the account); on the shared database its server
        sessions end too. Refused for one's own account and for the last active administrator.
        """
        reason = " ".join(reason.split())
        if not active and not reason:
            raise ValueError("say why the account is disabled (the reason goes into the audit log)")
        with self.ctx.write(actor, Permission.MANAGE_USERS) as tx:
            s = tx.session
            user = find_user(s, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            if not active:
                if isinstance(actor, Principal) and actor.username == username:
                    raise ValueError("an administrator cannot disable their own account")
                if user.role.name == RoleName.ADMIN.value and not _other_admins(s, user.id):
                    # Nobody could manage accounts from a console any more.
                    raise ValueError("the last active administrator cannot be disabled")
            if user.active == active:
                return  # nothing to change, nothing to audit (a second click, a retry)
            if accounts_in_server(s):
                _call(
                    s,
                    "scc_set_active(:t, :u, :a, :now)",
                    actor,
                    u=username,
                    a=active,
                    now=tx.now,
                )
            else:
                user.active = active
            tx.change(TABLE, user.id, "update")
            if active:
                tx.audit(AuditAction.ACCOUNT_ENABLED, target=username)
            else:
                tx.audit(AuditAction.ACCOUNT_DISABLED, target=username, detail=reason)

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        """Set a new password (one's own, an administrator for anyone, or a local tool)."""
        own = isinstance(actor, Principal) and actor.username == username
        self._set_password(actor, username, password, None if own else Permission.MANAGE_USERS)

    def reset_password(self, actor: Principal, username: str) -> str:
        """Give an account a new random password; returned once, to be handed over."""
        password = generate_password()
        self._set_password(actor, username, password, Permission.MANAGE_USERS)
        return password

    def _set_password(
        self, actor: Actor, username: str, password: str, needed: Permission | None
    ) -> None:
        problem = self.policy.password_problem(password)
        with self.ctx.write(actor, needed) as tx:
            if problem:
                raise ValueError(f"password too weak: {problem}")
            user = find_user(tx.session, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            new_hash = self.hasher.hash(password)
            if accounts_in_server(tx.session):
                _call(
                    tx.session,
                    "scc_set_password(:t, :u, :h, :now)",
                    actor,
                    u=username,
                    h=new_hash,
                    now=tx.now,
                )
            else:
                user.password_hash = new_hash
                user.failed_attempts = 0
                user.locked_until = None
            tx.change(TABLE, user.id, "update")
            tx.audit(AuditAction.PASSWORD_CHANGED, target=username)

    def list_users(self, actor: Principal) -> list[UserRow]:
        """Every account, by user name (administrators only)."""
        self.ctx.require(actor, Permission.MANAGE_USERS)
        with self.ctx.read() as s:
            users = s.scalars(select(User).order_by(User.username)).unique().all()
            dept_codes: dict[int, str] = {
                i: c for i, c in s.execute(select(Department.id, Department.code))
            }
            return [
                UserRow(
                    username=u.username,
                    display_name=u.display_name,
                    role=RoleName(u.role.name),
                    communities=tuple(sorted(c.code for c in u.communities)),
                    active=u.active,
                    locked_until=u.locked_until,
                    last_login_at=u.last_login_at,
                    department=dept_codes.get(u.department_id)
                    if u.department_id is not None
                    else None,
                )
                for u in users
            ]

    def departments(self, actor: Principal) -> list[DepartmentRow]:
        """The site's departments, by code, for the new-account form (administrators only)."""
        self.ctx.require(actor, Permission.MANAGE_USERS)
        with self.ctx.read() as s:
            return [
                DepartmentRow(code=d.code, name=d.name, kind=d.kind)
                for d in s.scalars(select(Department).order_by(Department.code))
            ]


def _other_admins(s: Session, user_id: int) -> int:
    """Active administrators besides `user_id`, their rows locked (PostgreSQL) so that two
    administrators disabling each other at once cannot both pass the count."""
    admins = (
        select(User.id)
        .join(Role, Role.id == User.role_id)
        .where(Role.name == RoleName.ADMIN.value, User.active)
        .order_by(User.id)
    )
    if s.get_bind().dialect.name == "postgresql" and not accounts_in_server(s):
        admins = admins.with_for_update(of=User)
    return sum(1 for uid in s.scalars(admins) if uid != user_id)


class NoServerSession(PermissionError):
    """An account change on the shared database without a signed-in user's server session."""


def _session_of(actor: Actor) -> str:
    # On the shared database the server itself checks who asks: a trusted local caller there
    # is the owner (who writes rows directly); every console role needs a signed-in user.
    token = actor.session_token if isinstance(actor, Principal) else ""
    if not token:
        raise NoServerSession(
            "on the shared database, account changes need a signed-in administrator (--admin NAME)"
        )
    return token


def _call(s: Session, call: str, actor: Actor, **params: object) -> Any:
    try:
        return s.execute(text(f"SELECT {call}"), {"t": _session_of(actor), **params}).scalar()
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":
            raise
        # The server refused the session (ended, expired, not an administrator): a refusal
        # like any other, audited by the write path.
        who = actor.username if isinstance(actor, Principal) else str(actor)
        raise PermissionDenied(who, Permission.MANAGE_USERS) from exc
