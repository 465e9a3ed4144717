"""Sign-in, re-authentication at the lock screen and lockout, every outcome audited."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.auth import LoginError, LoginPolicy
from core.permissions import Principal
from core.ports import PasswordHasher
from data.context import ServiceContext, WriteTx
from data.models import User
from data.security import principal_of

# A real hash of a random password: sign-in for an unknown user costs the same time as for a
# known one, so timing does not tell which user names exist.
_DUMMY_PASSWORD = secrets.token_hex(8)

USERNAME_MAX = 64


def find_user(s: Session, username: str) -> User | None:
    """The account of a user name, if any."""
    return s.scalar(select(User).where(User.username == username))


def accounts_in_server(s: Session) -> bool:
    """True where this role may not write account rows: the shared database's console roles.

    There, sign-in and account changes go through the definer functions of migration 0016;
    the owner (seeding, `console user` as the owner) and SQLite write the rows themselves.
    """
    if s.get_bind().dialect.name != "postgresql":
        return False
    allowed = s.execute(
        text("SELECT has_column_privilege('user_account', 'password_hash', 'UPDATE')")
    ).scalar()
    return not allowed


class SignInService:
    """Who may use the console: password checks, failure counts and lockout."""

    def __init__(self, ctx: ServiceContext, hasher: PasswordHasher, policy: LoginPolicy):
        self.ctx = ctx
        self.hasher = hasher
        self.policy = policy
        self._dummy: str | None = None

    def _dummy_hash(self) -> str:
        # Made at the first unknown user name, on the writer thread, not at start: hashing
        # costs ~0.1 s that the cold start should not pay on the GUI thread.
        if self._dummy is None:
            self._dummy = self.hasher.hash(_DUMMY_PASSWORD)
        return self._dummy

    def login(self, username: str, password: str) -> Principal:
        """Check the password; count failures, lock after too many. Raises LoginError."""
        # Cut to the column (String(64), as user names are): PostgreSQL would reject a longer
        # name typed at the prompt and turn a refusal into a database error.
        username = username.strip()[:USERNAME_MAX]
        with self.ctx.write(username or None) as tx:
            # A refusal is returned, not raised, so that its failure count and audit rows
            # commit with the transaction instead of rolling back with the exception.
            outcome = self._login(tx, username, password, tx.now)
        if isinstance(outcome, LoginError):
            raise outcome
        return outcome

    def _login(
        self, tx: WriteTx, username: str, password: str, now: datetime
    ) -> Principal | LoginError:
        if accounts_in_server(tx.session):
            return self._login_in_server(tx, username, password, now)
        user = find_user(tx.session, username)
        if user is None:
            self.hasher.verify(self._dummy_hash(), password)
            tx.audit(AuditAction.LOGIN_FAILED, detail="unknown user")
            return LoginError(LoginError.BAD_CREDENTIALS)
        if not user.active:
            tx.audit(AuditAction.LOGIN_FAILED, detail="account disabled")
            return LoginError(LoginError.DISABLED)
        if self.policy.is_locked(user.locked_until, now):
            tx.audit(AuditAction.LOGIN_FAILED, detail="account locked")
            return LoginError(LoginError.LOCKED, user.locked_until)
        if not self.hasher.verify(user.password_hash, password):
            failures, until = self.policy.after_failure(user.failed_attempts, now)
            user.failed_attempts = failures
            tx.audit(AuditAction.LOGIN_FAILED, detail=f"wrong password ({failures})")
            if until is None:
                return LoginError(LoginError.BAD_CREDENTIALS)
            user.locked_until = until
            user.failed_attempts = 0
            tx.audit(
                AuditAction.ACCOUNT_LOCKED,
                detail=f"{failures} failed attempts; locked until {until.isoformat()}",
            )
            tx.change("user_account", user.id, "update")
            return LoginError(LoginError.LOCKED, until)
        user.failed_attempts = 0
        user.locked_until = None
        user.last_login_at = now
        if self.hasher.needs_rehash(user.password_hash):
            user.password_hash = self.hasher.hash(password)
        tx.audit(AuditAction.LOGIN, detail=f"role {user.role.name}")
        tx.change("user_account", user.id, "update")
        return principal_of(user)

    def _login_in_server(
        self, tx: WriteTx, username: str, password: str, now: datetime
    ) -> Principal | LoginError:
        """The same checks, run by the server: the stored hash never leaves it."""
        s = tx.session
        reference = str(s.execute(text("SELECT scc_login_salt(:u)"), {"u": username}).scalar())
        candidate = self.hasher.hash_like(reference, password)
        row = s.execute(
            text("SELECT * FROM scc_login(:u, :c, :now, :tries, :pause, :ws)"),
            {
                "u": username,
                "c": candidate,
                "now": now,
                "tries": self.policy.max_failures,
                "pause": self.policy.lockout,
                "ws": self.ctx.workstation,
            },
        ).one()
        outcome = str(row.outcome)
        if outcome == "unknown":
            tx.audit(AuditAction.LOGIN_FAILED, detail="unknown user")
            return LoginError(LoginError.BAD_CREDENTIALS)
        if outcome == "disabled":
            tx.audit(AuditAction.LOGIN_FAILED, detail="account disabled")
            return LoginError(LoginError.DISABLED)
        if outcome == "locked":
            tx.audit(AuditAction.LOGIN_FAILED, detail="account locked")
            return LoginError(LoginError.LOCKED, row.locked_until)
        if outcome in ("bad", "locked_now"):
            tx.audit(AuditAction.LOGIN_FAILED, detail=f"wrong password ({row.failures})")
            if outcome == "bad":
                return LoginError(LoginError.BAD_CREDENTIALS)
            tx.audit(
                AuditAction.ACCOUNT_LOCKED,
                detail=f"{row.failures} failed attempts; locked until "
                f"{row.locked_until.isoformat()}",
            )
            tx.change("user_account", int(row.account_id), "update")
            return LoginError(LoginError.LOCKED, row.locked_until)
        token = str(row.token)
        if self.hasher.needs_rehash(reference):
            s.execute(
                text("SELECT scc_set_password(:t, :u, :h, :now)"),
                {"t": token, "u": username, "h": self.hasher.hash(password), "now": now},
            )
        user = find_user(s, username)
        assert user is not None  # the server just signed it in, in this transaction
        tx.audit(AuditAction.LOGIN, detail=f"role {user.role.name}")
        tx.change("user_account", user.id, "update")
        return replace(principal_of(user), session_token=token)

    def logout(self, principal: Principal) -> None:
        """End the sign-in: audited; on the shared database its server session ends too."""
        with self.ctx.write(principal.username) as tx:
            if principal.session_token and accounts_in_server(tx.session):
                tx.session.execute(
                    text("SELECT scc_logout(:t, :now)"),
                    {"t": principal.session_token, "now": tx.now},
                )
            tx.audit(AuditAction.LOGOUT)

    def reauthenticate(self, principal: Principal, password: str) -> Principal:
        """Unlock an idle-locked screen: the same checks and lockout as a sign-in."""
        result = self.login(principal.username, password)
        self.ctx.record(result, AuditAction.SCREEN_UNLOCKED)
        return result

    def still_active(self, principal: Principal) -> bool:
        """False once the signed-in account is disabled or gone (a console then signs out)."""
        with self.ctx.read() as s:
            user = s.get(User, principal.user_id)
            return user is not None and user.active and user.username == principal.username

    def principal(self, username: str) -> Principal:
        """A principal without a password, for trusted local tools (CLI, screenshot)."""
        with self.ctx.read() as s:
            user = find_user(s, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            return principal_of(user)
