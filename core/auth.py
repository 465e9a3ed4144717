"""Login policy: lockout after repeated failures, password rules, idle lock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class LoginPolicy:
    """How strict sign-in is; the defaults follow the product's security brief."""

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)
    min_password_length: int = 10
    idle_lock: timedelta = timedelta(minutes=10)

    def is_locked(self, locked_until: datetime | None, now: datetime) -> bool:
        """True while a lockout set at a failure is still running."""
        return locked_until is not None and now < locked_until

    def after_failure(self, failures: int, now: datetime) -> tuple[int, datetime | None]:
        """Count one more failure; return the new count and the lockout end if it trips."""
        failures += 1
        if failures >= self.max_failures:
            return failures, now + self.lockout
        return failures, None

    def password_problem(self, password: str) -> str | None:
        """Return why a new password is unacceptable, or None."""
        if len(password) < self.min_password_length:
            return f"at least {self.min_password_length} characters"
        has_letter = any(c.isalpha() for c in password)
        if not has_letter or all(c.isalpha() for c in password):
            return "mix letters with digits or symbols"
        return None


class LoginError(Exception):
    """Sign-in refused; `reason` is a stable code the UI translates."""

    BAD_CREDENTIALS = "bad_credentials"
    LOCKED = "locked"
    DISABLED = "disabled"

    def __init__(self, reason: str, locked_until: datetime | None = None):
        super().__init__(reason)
        self.reason = reason
        self.locked_until = locked_until
