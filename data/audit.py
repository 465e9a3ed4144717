"""Appending to and verifying the hash-chained audit log."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.audit import AuditRecord, ChainReport, row_digest, verify_chain
from core.ports import Clock
from core.timefmt import utcnow
from data.models import AuditHead, AuditLog


def append_audit(
    session: Session,
    *,
    actor: str,
    workstation: str,
    action: str,
    target: str = "",
    detail: str = "",
    clock: Clock = utcnow,
) -> AuditLog:
    """Add one row to the chain inside the caller's transaction.

    The UPDATE of audit_head comes first: it takes the write lock (SQLite) or the row lock
    (PostgreSQL), so two workstations appending at once cannot fork the chain.
    """
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(rows=AuditHead.rows + 1))
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    ts = clock()
    digest = row_digest(
        prev_hash=head.last_hash,
        ts=ts,
        actor=actor,
        workstation=workstation,
        action=action,
        target=target,
        detail=detail,
    )
    row = AuditLog(
        ts=ts,
        actor=actor,
        workstation=workstation,
        action=action,
        target=target,
        detail=detail,
        prev_hash=head.last_hash,
        row_hash=digest,
    )
    session.add(row)
    head.last_hash = digest
    session.flush()
    return row


def iter_audit(session: Session, batch: int = 2000) -> Iterator[AuditRecord]:
    """Every audit row in chain order, streamed in batches (the log grows for years)."""
    stmt = select(AuditLog).order_by(AuditLog.id).execution_options(yield_per=batch)
    for row in session.scalars(stmt):
        yield AuditRecord(
            id=row.id,
            ts=row.ts,
            actor=row.actor,
            workstation=row.workstation,
            action=row.action,
            target=row.target,
            detail=row.detail,
            prev_hash=row.prev_hash,
            row_hash=row.row_hash,
        )


def verify_audit(session: Session) -> ChainReport:
    """Check the whole chain and its recorded head."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    return verify_chain(iter_audit(session), expected_head=head.last_hash, expected_rows=head.rows)


def recent_audit(session: Session, limit: int = 200) -> list[AuditRecord]:
    """The newest rows, newest first (for the audit viewer)."""
    rows = session.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit))
    return [
        AuditRecord(
            id=r.id,
            ts=r.ts,
            actor=r.actor,
            workstation=r.workstation,
            action=r.action,
            target=r.target,
            detail=r.detail,
            prev_hash=r.prev_hash,
            row_hash=r.row_hash,
        )
        for r in rows
    ]
