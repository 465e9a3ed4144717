"""Sign-in, users, lockout and permission checks, each leaving an audit row."""

from __future__ import annotations

import logging
import secrets
import string
from collections.abc import Iterable
from datetime import datetime

import argon2
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.auth import LoginError, LoginPolicy
from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Permission, PermissionDenied, Principal
from core.ports import Clock, PasswordHasher
from core.timefmt import utcnow
from core.views import UserRow
from data.audit import append_audit
from data.db import Database
from data.models import Community, Role, User

log = logging.getLogger(__name__)


class Argon2Hasher:
    """argon2id via argon2-cffi; parameters are its RFC 9106 low-memory defaults."""

    def __init__(self, hasher: argon2.PasswordHasher | None = None):
        self._h = hasher or argon2.PasswordHasher()

    def hash(self, password: str) -> str:
        return self._h.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        try:
            return self._h.verify(stored, password)
        except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self._h.check_needs_rehash(stored)


# A real hash of a random password: sign-in for an unknown user costs the same time as for a
# known one, so timing does not tell which user names exist.
_DUMMY_PASSWORD = secrets.token_hex(8)


def generate_password(length: int = 14) -> str:
    """A random password that passes LoginPolicy, without look-alike characters."""
    alphabet = "".join(c for c in string.ascii_letters + string.digits if c not in "0OoIl1")
    while True:
        pw = "".join(secrets.choice(alphabet) for _ in range(length))
        if any(c.isdigit() for c in pw) and any(c.isalpha() for c in pw):
            return pw


def principal_of(user: User) -> Principal:
    """The frozen view of a user that services and the GUI pass around."""
    role = RoleName(user.role.name)
    scope = frozenset(c.code for c in user.communities) or None
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=role,
        permissions=ROLE_PERMISSIONS[role],
        communities=scope,
    )


class AuthService:
    """Everything about who may use the console; every outcome is audited."""

    def __init__(
        self,
        db: Database,
        *,
        workstation: str,
        hasher: PasswordHasher | None = None,
        policy: LoginPolicy | None = None,
        clock: Clock = utcnow,
    ):
        self.db = db
        self.workstation = workstation
        self.hasher = hasher or Argon2Hasher()
        self.policy = policy or LoginPolicy()
        self.clock = clock
        self._dummy_hash = self.hasher.hash(_DUMMY_PASSWORD)

    # --- sign-in -------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Principal:
        """Check the password; count failures, lock after too many. Raises LoginError."""
        with self.db.session() as s:
            # A refusal is returned, not raised, so that its failure count and audit rows
            # commit with the transaction instead of rolling back with the exception.
            outcome = self._login(s, username.strip(), password, self.clock())
        if isinstance(outcome, LoginError):
            raise outcome
        return outcome

    def _login(
        self, s: Session, username: str, password: str, now: datetime
    ) -> Principal | LoginError:
        user = self._user(s, username)
        if user is None:
            self.hasher.verify(self._dummy_hash, password)
            # Cut to the column (String(64), as user names are): PostgreSQL would reject a
            # longer name typed at the prompt and turn a refusal into a database error.
            self.audit_in(s, username[:64], AuditAction.LOGIN_FAILED, detail="unknown user")
            return LoginError(LoginError.BAD_CREDENTIALS)
        if not user.active:
            self.audit_in(s, username, AuditAction.LOGIN_FAILED, detail="account disabled")
            return LoginError(LoginError.DISABLED)
        if self.policy.is_locked(user.locked_until, now):
            self.audit_in(s, username, AuditAction.LOGIN_FAILED, detail="account locked")
            return LoginError(LoginError.LOCKED, user.locked_until)
        if not self.hasher.verify(user.password_hash, password):
            failures, until = self.policy.after_failure(user.failed_attempts, now)
            user.failed_attempts = failures
            self.audit_in(
                s, username, AuditAction.LOGIN_FAILED, detail=f"wrong password ({failures})"
            )
            if until is None:
                return LoginError(LoginError.BAD_CREDENTIALS)
            user.locked_until = until
            user.failed_attempts = 0
            self.audit_in(
                s,
                username,
                AuditAction.ACCOUNT_LOCKED,
                detail=f"{failures} failed attempts; locked until {until.isoformat()}",
            )
            return LoginError(LoginError.LOCKED, until)
        user.failed_attempts = 0
        user.locked_until = None
        user.last_login_at = now
        if self.hasher.needs_rehash(user.password_hash):
            user.password_hash = self.hasher.hash(password)
        self.audit_in(s, username, AuditAction.LOGIN, detail=f"role {user.role.name}")
        return principal_of(user)

    def reauthenticate(self, principal: Principal, password: str) -> Principal:
        """Unlock an idle-locked screen: the same checks and lockout as a sign-in."""
        result = self.login(principal.username, password)
        self.record(result, AuditAction.SCREEN_UNLOCKED)
        return result

    def principal(self, username: str) -> Principal:
        """A principal without a password, for trusted local tools (CLI, screenshot)."""
        with self.db.session() as s:
            user = self._user(s, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            return principal_of(user)

    # --- accounts ------------------------------------------------------------------------
    def create_user(
        self,
        actor: Principal | None,
        *,
        username: str,
        display_name: str,
        role: RoleName,
        password: str,
        communities: Iterable[str] = (),
    ) -> int:
        """Create an account; `actor` None means a local bootstrap (demo seeding, CLI)."""
        if actor is not None:
            self.require(actor, Permission.MANAGE_USERS)
        problem = self.policy.password_problem(password)
        if problem:
            raise ValueError(f"password too weak: {problem}")
        codes = list(communities)
        with self.db.session() as s:
            if self._user(s, username) is not None:
                raise ValueError(f"user {username!r} exists")
            role_row = s.scalar(select(Role).where(Role.name == role.value))
            if role_row is None:
                role_row = Role(name=role.value, description="")
                s.add(role_row)
            scope = (
                list(s.scalars(select(Community).where(Community.code.in_(codes)))) if codes else []
            )
            if len(scope) != len(set(codes)):
                raise ValueError(f"unknown community in {codes}")
            user = User(
                username=username,
                display_name=display_name,
                password_hash=self.hasher.hash(password),
                role=role_row,
                active=True,
                failed_attempts=0,
                created_at=self.clock(),
            )
            user.communities = scope
            s.add(user)
            s.flush()
            self.audit_in(
                s,
                actor.username if actor else "system",
                AuditAction.USER_CREATED,
                target=username,
                detail=f"role {role.value}" + (f"; communities {','.join(codes)}" if codes else ""),
            )
            return user.id

    def unlock_account(self, actor: Principal | None, username: str) -> None:
        """Clear a lockout before it runs out (an admin, or None for the local CLI)."""
        if actor is not None:
            self.require(actor, Permission.MANAGE_USERS)
        with self.db.session() as s:
            user = self._user(s, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            user.locked_until = None
            user.failed_attempts = 0
            self.audit_in(
                s, actor.username if actor else "cli", AuditAction.ACCOUNT_UNLOCKED, target=username
            )

    def set_password(self, actor: Principal | None, username: str, password: str) -> None:
        """Set a new password (self, an admin, or a local bootstrap)."""
        if actor is not None and actor.username != username:
            self.require(actor, Permission.MANAGE_USERS)
        problem = self.policy.password_problem(password)
        if problem:
            raise ValueError(f"password too weak: {problem}")
        with self.db.session() as s:
            user = self._user(s, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            user.password_hash = self.hasher.hash(password)
            user.failed_attempts = 0
            user.locked_until = None
            self.audit_in(
                s, actor.username if actor else "system", AuditAction.PASSWORD_CHANGED, username
            )

    def reset_password(self, actor: Principal, username: str) -> str:
        """Give an account a new random password (admin only); returned once, to be handed over."""
        self.require(actor, Permission.MANAGE_USERS)
        password = generate_password()
        self.set_password(actor, username, password)
        return password

    def list_users(self, actor: Principal) -> list[UserRow]:
        """Every account, by user name (admin only)."""
        self.require(actor, Permission.MANAGE_USERS)
        with self.db.session() as s:
            users = s.scalars(select(User).order_by(User.username)).unique().all()
            return [
                UserRow(
                    username=u.username,
                    display_name=u.display_name,
                    role=RoleName(u.role.name),
                    communities=tuple(sorted(c.code for c in u.communities)),
                    active=u.active,
                    locked_until=u.locked_until,
                    last_login_at=u.last_login_at,
                )
                for u in users
            ]

    # --- permissions and audit -----------------------------------------------------------
    def require(
        self, principal: Principal, permission: Permission, community: str | None = None
    ) -> None:
        """Raise PermissionDenied, after auditing it, unless the principal may act."""
        if principal.can(permission, community):
            return
        self.record(
            principal,
            AuditAction.PERMISSION_DENIED,
            target=community or "",
            detail=permission.value,
        )
        raise PermissionDenied(principal.username, permission, community)

    def record(
        self, principal: Principal | None, action: AuditAction, target: str = "", detail: str = ""
    ) -> None:
        """An audit row in its own transaction (screen lock, logout, denial …)."""
        with self.db.session() as s:
            self.audit_in(s, principal.username if principal else "system", action, target, detail)

    def audit_in(
        self, s: Session, actor: str, action: AuditAction, target: str = "", detail: str = ""
    ) -> None:
        """An audit row inside the caller's transaction, so it lands with the act it records."""
        append_audit(
            s,
            actor=actor,
            workstation=self.workstation,
            action=action.value,
            target=target,
            detail=detail,
            clock=self.clock,
        )

    @staticmethod
    def _user(s: Session, username: str) -> User | None:
        return s.scalar(select(User).where(User.username == username))
