"""Audit-only rows during a database outage: journaled, then replayed in order exactly once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from core.audit import AuditAction
from core.model import RoleName
from core.permissions import Permission, PermissionDenied, Principal
from data.audit import verify_audit
from data.audit_journal import AuditJournal, PendingAudit, audit_journal_folder, is_outage
from data.context import ServiceContext
from data.db import Database, DatabaseError, DbErrorKind
from data.migrate import open_database
from data.models import AuditLog, IngestMark

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NOBODY = Principal(7, "wang", "王", RoleName.OPERATOR, frozenset())


class Ticking:
    """A clock one minute further on each call: every row has a time of its own."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


class SqliteOutage:
    """Makes a SQLite database unreachable: the pool closed, a folder where the file was."""

    def __init__(self, db: Database):
        self.db = db
        path = db.file_path
        assert path is not None
        self.path = path
        self.away = path.parent / "away"

    def begin(self) -> None:
        self.db.engine.dispose()
        self.away.mkdir()
        for suffix in ("", "-wal", "-shm"):
            src = self.path.with_name(self.path.name + suffix)
            if src.exists():
                shutil.move(src, self.away / src.name)
        self.path.mkdir()  # "unable to open database file", as for a lost network share

    def end(self) -> None:
        self.path.rmdir()
        for moved in self.away.iterdir():
            shutil.move(moved, self.path.parent / moved.name)
        self.away.rmdir()


@pytest.fixture
def sqlite(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'site.db'}")
    yield database
    database.dispose()


def _context(db: Database, folder: Path, clock: Ticking) -> ServiceContext:
    ctx = ServiceContext(
        db, workstation="WS03", clock=clock, audit_journal=AuditJournal.open(folder)
    )
    ctx.audit_retry_s = 0.0  # a test's outage ends at once: retry the replay on every call
    return ctx


def _rows(db: Database) -> list[tuple[str, str, datetime]]:
    with db.session() as s:
        found = s.execute(
            select(AuditLog.action, AuditLog.actor, AuditLog.ts).order_by(AuditLog.id)
        )
        return [(a, who, ts if ts.tzinfo else ts.replace(tzinfo=UTC)) for a, who, ts in found]


def _chain_ok(db: Database) -> int:
    with db.session() as s:
        report = verify_audit(s)
    assert report.breaks == ()
    return report.rows


def test_audit_rows_in_an_outage_are_journaled_and_replayed_once_in_order(
    sqlite: Database, tmp_path: Path
) -> None:
    clock = Ticking()
    folder = audit_journal_folder(tmp_path, "WS03")
    ctx = _context(sqlite, folder, clock)
    outage = SqliteOutage(sqlite)
    ctx.record("li", AuditAction.SCREEN_LOCKED)
    before = _chain_ok(sqlite)

    outage.begin()
    ctx.record("li", AuditAction.SCREEN_UNLOCKED)
    with pytest.raises(PermissionDenied):  # a read job's refusal, audited at once here
        ctx.require(NOBODY, Permission.VIEW_AUDIT)
    ctx.record("li", AuditAction.SCREENSHOT, detail="/tmp/shot.png")
    assert ctx.audit_journal is not None
    assert ctx.audit_journal.journaled == 3
    assert ctx.audit_journal.pending
    assert ctx.replay_audit() == 0, "still down: nothing written, nothing lost"
    outage.end()
    back = clock.now = clock.now + timedelta(hours=1)

    assert ctx.replay_audit() == 3
    assert ctx.replay_audit() == 0
    rows = _rows(sqlite)
    assert [(a, who) for a, who, _ in rows[before:]] == [
        ("screen_unlocked", "li"),
        ("permission_denied", "wang"),
        ("screenshot", "li"),
    ]
    times = [ts for _, _, ts in rows[before:]]
    assert times == sorted(times)
    assert times[-1] < back, "the times they happened, not the replay's"
    assert _chain_ok(sqlite) == before + 3
    with sqlite.session() as s:
        mark = s.scalar(select(IngestMark.seq).where(IngestMark.journal.like("audit:%")))
    assert mark == 3


def test_a_restart_after_the_replay_writes_nothing_twice(sqlite: Database, tmp_path: Path) -> None:
    clock = Ticking()
    folder = tmp_path / "audit-journal-WS03"
    ctx = _context(sqlite, folder, clock)
    outage = SqliteOutage(sqlite)
    outage.begin()
    for _ in range(5):
        ctx.record("li", AuditAction.SCREEN_LOCKED)
    outage.end()
    assert ctx.replay_audit() == 5
    assert ctx.audit_journal is not None
    ctx.audit_journal.close()

    # The same folder opened by the next start: the database's mark says all is in.
    again = _context(sqlite, folder, clock)
    assert again.audit_journal is not None
    assert again.audit_journal.pending
    assert again.replay_audit() == 0
    assert not again.audit_journal.pending
    assert [a for a, _, _ in _rows(sqlite)].count("screen_locked") == 5
    _chain_ok(sqlite)


def test_journaled_rows_go_into_the_chain_before_the_next_write(
    sqlite: Database, tmp_path: Path
) -> None:
    ctx = _context(sqlite, tmp_path / "j", Ticking())
    outage = SqliteOutage(sqlite)
    outage.begin()
    ctx.record("li", AuditAction.LOGOUT)
    outage.end()
    with ctx.write("system") as tx:  # any write: the journal is replayed first
        tx.audit(AuditAction.SCREEN_LOCKED, target="after")
    assert [a for a, _, _ in _rows(sqlite)] == ["logout", "screen_locked"]
    _chain_ok(sqlite)


def test_without_a_journal_an_outage_still_raises(sqlite: Database) -> None:
    ctx = ServiceContext(sqlite, workstation="WS03")
    outage = SqliteOutage(sqlite)
    outage.begin()
    try:
        with pytest.raises(OperationalError):
            ctx.record("li", AuditAction.SCREEN_LOCKED)
    finally:
        outage.end()


def test_only_outages_are_journaled() -> None:
    assert is_outage(DatabaseError(DbErrorKind.UNREACHABLE, "down"))
    assert is_outage(DatabaseError(DbErrorKind.LOCKED, "busy"))
    assert not is_outage(DatabaseError(DbErrorKind.CORRUPT, "bad"))
    assert is_outage(OperationalError("SELECT 1", {}, Exception("unable to open database file")))
    assert not is_outage(IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed")))
    assert not is_outage(ValueError("a bug"))


def test_a_record_survives_the_round_trip_and_damage_is_refused() -> None:
    row = PendingAudit(T0, "李", "WS03", "screenshot", "t", '{"path": "/tmp/x"}')
    assert PendingAudit.from_payload(row.payload()) == row
    for bad in (b"\xff", b"[1,2]", b'["2026-03-02T09:00:00","a","b","c","d","e"]'):
        with pytest.raises(ValueError, match="not an audit record"):
            PendingAudit.from_payload(bad)


def test_a_row_queues_behind_waiting_rows_until_they_are_in(
    sqlite: Database, tmp_path: Path
) -> None:
    ctx = _context(sqlite, tmp_path / "j", Ticking())
    ctx.audit_retry_s = 3600.0  # after a failed replay, not tried again for a long while
    outage = SqliteOutage(sqlite)
    outage.begin()
    ctx.record("li", AuditAction.SCREEN_LOCKED, target="first")
    ctx.record("li", AuditAction.SCREEN_UNLOCKED, target="second")  # its replay try fails
    outage.end()
    ctx.record("li", AuditAction.LOGOUT, target="third")  # the database is back, the wait not
    assert _rows(sqlite) == [], "the third row did not overtake the first two"
    ctx._audit_retry_at = 0.0  # the retry time has come
    assert ctx.replay_audit() == 3
    assert [a for a, _, _ in _rows(sqlite)] == ["screen_locked", "screen_unlocked", "logout"]
    _chain_ok(sqlite)
