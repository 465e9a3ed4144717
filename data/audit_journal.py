"""Audit rows the database could not take during an outage: journaled locally, replayed once.

An audit-only write (a screen lock, a refusal, a screenshot) that meets an unreachable or
locked database is appended to a local journal (`data.journal`: checksummed, numbered,
append-only) instead of being lost. When the database answers again the journal is replayed
in sequence order: each row is appended to the hash chain at replay time (so the chain stays
one unbroken line) with its original time in `ts`, and the journal's mark in `ingest_mark`
(key `audit:<journal id>`) is moved in the same transaction, so a crash between the two can
neither lose a row nor write it twice.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from sqlalchemy import select

from core.timefmt import utcnow
from data.audit import append_audit
from data.db import Database, DatabaseError, DbErrorKind, upsert_insert
from data.journal import Journal
from data.models import IngestMark

log = logging.getLogger(__name__)

FOLDER_PREFIX: Final = "audit-journal"
REPLAY_BATCH: Final = 500


def audit_journal_folder(base: Path, workstation: str) -> Path:
    """The workstation's audit journal under a data folder (next to its tracking journal)."""
    return base / f"{FOLDER_PREFIX}-{workstation}"


def open_audit_journal(base: Path, workstation: str) -> AuditJournal | None:
    """The workstation's audit journal under a data folder; None, logged, when it cannot be
    opened (another process of this workstation holds it, or the folder is not writable)."""
    folder = audit_journal_folder(base, workstation)
    try:
        return AuditJournal.open(folder)
    except OSError as exc:
        log.warning(
            "audit journal %s not opened (%s): audit rows of an outage are lost", folder, exc
        )
        return None


def is_outage(exc: BaseException) -> bool:
    """True for a database that cannot be reached or is locked now (worth journaling)."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, DatabaseError):
        return exc.kind in (DbErrorKind.UNREACHABLE, DbErrorKind.LOCKED)
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout | sqlite3.OperationalError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


@dataclass(frozen=True, slots=True)
class PendingAudit:
    """One audit row as it would have been written, waiting in the journal."""

    ts: datetime
    actor: str
    workstation: str
    action: str
    target: str = ""
    detail: str = ""

    def payload(self) -> bytes:
        """The journal record: JSON, the time as ISO 8601 with its offset."""
        row = [
            self.ts.isoformat(),
            self.actor,
            self.workstation,
            self.action,
            self.target,
            self.detail,
        ]
        return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_payload(cls, payload: bytes) -> PendingAudit:
        """The row of a journal record; ValueError when it is not one."""
        try:
            ts, actor, workstation, action, target, detail = json.loads(payload.decode("utf-8"))
            at = datetime.fromisoformat(ts)
        except (TypeError, ValueError) as exc:  # JSONDecodeError and UnicodeError are ValueError
            raise ValueError(f"not an audit record: {exc}") from exc
        if at.tzinfo is None:
            raise ValueError("not an audit record: a time without its offset")
        return cls(at, str(actor), str(workstation), str(action), str(target), str(detail))


class AuditJournal:
    """The journal of one workstation's audit rows; thread-safe.

    `append()` may run on any thread; `replay()` takes a lock of its own, so two threads
    never replay the same records. One process at a time holds the folder (data.journal's
    lock): a second console of the same workstation on the same machine gets JournalLocked.
    """

    def __init__(self, journal: Journal):
        self.journal = journal
        self._lock = threading.Lock()
        # The highest sequence known to be in the database; None until the mark was read.
        self._done: int | None = None
        self.replayed = 0
        self.journaled = 0
        self.skipped = 0  # records that were not audit rows (damage that passed the CRC)

    @classmethod
    def open(cls, folder: Path) -> AuditJournal:
        """Open (or create) the journal folder; JournalLocked when another process has it."""
        return cls(Journal(folder))

    @property
    def mark_key(self) -> str:
        """This journal's row in ingest_mark."""
        return f"audit:{self.journal.id}"

    @property
    def pending(self) -> bool:
        """True while records may wait to be replayed (cheap: no database access)."""
        last = self.journal.last_seq
        return last > 0 and (self._done is None or last > self._done)

    def append(self, row: PendingAudit) -> int:
        """Journal one row; its sequence number. OSError (JournalFull) when the disk refuses."""
        seq = self.journal.append([row.payload()])
        self.journal.sync()  # an audit row is rare and precious: on disk before we go on
        self.journaled += 1
        return seq

    def replay(self, db: Database, batch: int = REPLAY_BATCH) -> int:
        """Append the waiting rows to the chain, oldest first; how many were written.

        Raises what the database raises (an outage: the rest waits for the next call).
        """
        with self._lock:
            if not self.pending:
                return 0
            written = 0
            while True:
                with db.write_session() as s:
                    # The mark is read inside the writing transaction (IMMEDIATE on SQLite,
                    # one replayer per folder): what it says is what this commit builds on.
                    done = s.scalar(
                        select(IngestMark.seq).where(IngestMark.journal == self.mark_key)
                    )
                    done = int(done or 0)
                    records = self.journal.read(done, batch)
                    if not records:
                        self._done = max(done, self._done or 0)
                        break
                    for seq, payload in records:
                        try:
                            row = PendingAudit.from_payload(payload)
                        except ValueError as exc:
                            self.skipped += 1
                            log.error("audit journal: record %d skipped: %s", seq, exc)
                            continue
                        append_audit(
                            s,
                            actor=row.actor,
                            workstation=row.workstation,
                            action=row.action,
                            target=row.target,
                            detail=row.detail,
                            clock=lambda at=row.ts: at,
                        )
                    last = records[-1][0]
                    stmt = upsert_insert(s, IngestMark.__table__)
                    s.execute(
                        stmt.on_conflict_do_update(
                            index_elements=["journal"],
                            set_={"seq": stmt.excluded.seq, "at": stmt.excluded.at},
                        ),
                        [{"journal": self.mark_key, "seq": last, "at": utcnow()}],
                    )
                self._done = last
                self.journal.committed(last)
                written += len(records)
            if written:
                self.replayed += written
                log.info("audit journal: %d rows written to the database after an outage", written)
            return written

    def close(self) -> None:
        """Sync and release the folder."""
        self.journal.close()
