"""The service context and the one write path every change to the database goes through."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.permissions import Permission, PermissionDenied, Principal
from core.ports import Clock
from core.timefmt import as_utc, utcnow
from data.audit import append_audit
from data.audit_journal import AuditJournal, PendingAudit, is_outage
from data.changes import record_change
from data.db import Database
from data.models import User

log = logging.getLogger(__name__)

STREET_WIDE = "*street-wide*"  # a scope key that no community code can equal
AUDIT_RETRY_S = 5.0  # after a replay of the audit journal failed, the next try waits this long

Actor = Principal | str | None
"""Who acts: a signed-in user, a named local tool ("cli", "system"), or None for "system"."""

DeferWrite = Callable[[Callable[[], None]], None]
"""Runs a write job later on the writer (the console), or at once (the CLI and tests)."""


def _run_now(job: Callable[[], None]) -> None:
    job()


def current_principal(s: Session, who: Principal, now: datetime) -> Principal:
    """`who` as the account stands now: refused if disabled, locked or gone; role and scope
    as they are now."""
    from data.security import principal_of

    user = s.get(User, who.user_id)
    if user is None or not user.active or user.username != who.username:
        raise PermissionDenied(who.username, Permission.VIEW_CONSOLE)
    if user.locked_until is not None and as_utc(user.locked_until) > now:
        # A locked account acts no more than it signs in: the lock may be why it was locked.
        raise PermissionDenied(who.username, Permission.VIEW_CONSOLE)
    current = principal_of(user)
    if current.role is who.role and current.communities == who.communities:
        return who
    return current


def actor_name(actor: Actor) -> str:
    """The name an audit row records for an actor."""
    if isinstance(actor, Principal):
        return actor.username
    return actor or "system"


@dataclass
class WriteTx:
    """One write transaction: its session, its time, and what it changes and records."""

    session: Session
    ctx: ServiceContext
    actor: Actor
    now: datetime
    changes: list[tuple[str, int | None, str]] = field(default_factory=list)

    def change(self, table: str, row_id: int | None, op: str) -> None:
        """Note a changed row for other workstations (visible at commit)."""
        record_change(self.session, table, row_id, op, self.ctx.workstation, clock=self.ctx.clock)
        self.changes.append((table, row_id, op))

    def audit(self, action: AuditAction, target: str = "", detail: str = "") -> None:
        """An audit row that lands with this transaction or not at all."""
        self.ctx.audit_in(self.session, actor_name(self.actor), action, target, detail)

    def audit_as(self, actor: str, action: AuditAction, target: str = "", detail: str = "") -> None:
        """An audit row in another actor's name (a sign-in attempt names the typed user)."""
        self.ctx.audit_in(self.session, actor, action, target, detail)


class ServiceContext:
    """What every service needs: the database, this workstation, the clock, the write path.

    Writes run through `write()`: permission check against the account as signed in, one
    transaction (IMMEDIATE on SQLite), change_log rows, audit rows, commit. A refusal is
    audited in a transaction of its own, since the refused one rolls back. Read jobs check
    with `require()`; their refusals are audited through `defer_write`, which the console
    points at its writer thread so that every write, denial rows included, runs there.
    """

    def __init__(
        self,
        db: Database,
        *,
        workstation: str,
        clock: Clock = utcnow,
        defer_write: DeferWrite = _run_now,
        keys: Path | None = None,
        audit_journal: AuditJournal | None = None,
    ):
        self.db = db
        self.workstation = workstation
        self.clock = clock
        self.defer_write = defer_write
        # The site's key folder (core.keys), outside the database; None: keys are not used.
        self.keys = keys
        # Where audit-only rows go while the database is unreachable (data.audit_journal);
        # None: such a row is lost with an error in the log, as before.
        self.audit_journal = audit_journal
        self.audit_retry_s = AUDIT_RETRY_S
        self._audit_retry_at = 0.0  # monotonic: no replay before this after one failed

    # --- reads ----------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (no write lock taken)."""
        with self.db.session() as s:
            yield s

    def require(self, who: Principal, permission: Permission, community: str | None = None) -> None:
        """Raise PermissionDenied unless `who` may act; the refusal is audited on the writer."""
        if who.can(permission, community):
            return
        exc = PermissionDenied(who.username, permission, community)
        self.defer_write(lambda: self._audit_denial(who, exc))
        raise exc

    # --- writes ---------------------------------------------------------------------------
    @contextmanager
    def write(
        self,
        actor: Actor,
        permission: Permission | None = None,
        community: str | None = None,
    ) -> Iterator[WriteTx]:
        """The one write path; `permission` is checked first when the actor is a user.

        A PermissionDenied raised inside the block (a check that needs a row read first) is
        handled the same way: the transaction rolls back and the refusal is audited.
        """
        who = actor if isinstance(actor, Principal) else None
        if self.audit_journal is not None and self.audit_journal.pending:
            self.replay_audit()  # rows journaled in an outage go into the chain first
        try:
            if who is not None and permission is not None and not who.can(permission, community):
                raise PermissionDenied(who.username, permission, community)
            with self.db.write_session() as s:
                if who is not None:
                    # Re-checked against the account as it is now: a user disabled or given
                    # another role after signing in acts with what the account has today.
                    current = current_principal(s, who, self.clock())
                    if permission is not None and not current.can(permission, community):
                        raise PermissionDenied(who.username, permission, community)
                    actor = current
                yield WriteTx(s, self, actor, self.clock())
        except PermissionDenied as exc:
            if who is not None:
                self._audit_denial(who, exc)
            raise

    def check(self, tx: WriteTx, permission: Permission, community: str | None = None) -> None:
        """A permission check inside a write, once the row that decides it has been read."""
        who = tx.actor
        if isinstance(who, Principal) and not who.can(permission, community):
            raise PermissionDenied(who.username, permission, community)

    def record(self, actor: Actor, action: AuditAction, target: str = "", detail: str = "") -> None:
        """An audit row on its own (screen lock, logout, screenshot); no permission needed.

        When the database cannot be reached the row goes to the audit journal (if there is
        one) with the time it happened, and into the chain when the database is back.
        """
        name = actor_name(actor)
        at = self.clock()
        if self._behind_journal() and self._keep_audit(name, action, target, detail, at):
            return
        try:
            with self.write(name) as tx:
                tx.audit(action, target, detail)
        except Exception as exc:
            if not (is_outage(exc) and self._keep_audit(name, action, target, detail, at, exc)):
                raise

    def replay_audit(self) -> int:
        """Write the journaled audit rows to the database; how many (0 while it is still down).

        Any thread; cheap when nothing waits. The console calls it on every write and when
        the database is back."""
        journal = self.audit_journal
        if journal is None or not journal.pending or time.monotonic() < self._audit_retry_at:
            return 0
        try:
            return journal.replay(self.db)
        except Exception as exc:
            # Not again at once: every write would otherwise wait for a connect timeout first.
            self._audit_retry_at = time.monotonic() + self.audit_retry_s
            if not is_outage(exc):
                log.exception("the audit journal could not be replayed")
            return 0

    def _behind_journal(self) -> bool:
        """True while journaled rows still wait after trying to replay them: a new audit-only
        row then queues behind them, so the chain gets them in the order they happened."""
        self.replay_audit()
        return self.audit_journal is not None and self.audit_journal.pending

    def _keep_audit(
        self,
        actor: str,
        action: AuditAction,
        target: str,
        detail: str,
        at: datetime,
        outage: BaseException | None = None,
    ) -> bool:
        """Put an audit row in the journal; False when there is none or it refused too."""
        journal = self.audit_journal
        if journal is None:
            return False
        row = PendingAudit(at, actor, self.workstation, action.value, target, detail)
        try:
            seq = journal.append(row)
        except Exception:
            log.exception("audit row %s of %s could not be journaled either", action.value, actor)
            return False
        log.warning(
            "audit row %s of %s kept in the audit journal (%d): %s",
            action.value,
            actor,
            seq,
            f"database unreachable ({type(outage).__name__})"
            if outage is not None
            else "rows of an outage wait for the database",
        )
        return True

    def audit_in(
        self,
        s: Session,
        actor: str,
        action: AuditAction,
        target: str = "",
        detail: str = "",
        *,
        at: datetime | None = None,
    ) -> None:
        """An audit row inside the caller's transaction."""
        append_audit(
            s,
            actor=actor,
            workstation=self.workstation,
            action=action.value,
            target=target,
            detail=detail,
            clock=self.clock if at is None else (lambda: at),
        )

    def _audit_denial(self, who: Principal, exc: PermissionDenied) -> None:
        at = self.clock()
        name, action = who.username, AuditAction.PERMISSION_DENIED
        target, detail = exc.community or "", exc.permission.value
        if self._behind_journal() and self._keep_audit(name, action, target, detail, at):
            return
        try:
            with self.db.write_session() as s:
                self.audit_in(s, name, action, target, detail, at=at)
        except Exception as failure:
            if is_outage(failure) and self._keep_audit(name, action, target, detail, at, failure):
                return
            # The refusal itself still reaches the user; the lost row is in the log.
            log.exception("could not audit a refusal of %s", who.username)
