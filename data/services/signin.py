"""Sign-in, re-authentication at the lock screen and lockout, every outcome audited."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import select
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

    def reauthenticate(self, principal: Principal, password: str) -> Principal:
        """Unlock an idle-locked screen: the same checks and lockout as a sign-in."""
        result = self.login(principal.username, password)
        self.ctx.record(result, AuditAction.SCREEN_UNLOCKED)
        return result

    def principal(self, username: str) -> Principal:
        """A principal without a password, for trusted local tools (CLI, screenshot)."""
        with self.ctx.read() as s:
            user = find_user(s, username)
            if user is None:
                raise LookupError(f"no user {username!r}")
            return principal_of(user)
