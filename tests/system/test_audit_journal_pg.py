"""Audit-only rows while the PostgreSQL server is down: journaled, replayed once when it is back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from core.audit import AuditAction
from data.audit import verify_audit
from data.audit_journal import AuditJournal, audit_journal_folder
from data.context import ServiceContext
from data.db import DbOptions
from data.migrate import open_database
from data.models import AuditLog
from tests.helpers.postgres import PgServer, start_postgres

pytestmark = pytest.mark.postgres


@pytest.fixture
def own_server() -> Iterator[PgServer]:
    """A server of this test's own: stopping it must not disturb the session's server."""
    srv = start_postgres()
    yield srv
    srv.stop()


def test_rows_of_a_server_outage_reach_the_chain_once_in_order(
    own_server: PgServer, tmp_path: Path
) -> None:
    db = open_database(own_server.create_database("site"), opts=DbOptions(connect_timeout_s=2))
    journal = AuditJournal.open(audit_journal_folder(tmp_path, "CC"))
    ctx = ServiceContext(db, workstation="CC", audit_journal=journal)
    ctx.audit_retry_s = 0.0  # retry the replay on every call, not 5 s after a failure
    try:
        ctx.record("zhao", AuditAction.SCREEN_LOCKED, target="before")
        own_server.pause()
        for n in range(3):
            ctx.record("zhao", AuditAction.SCREENSHOT, target=f"down-{n}")
        assert journal.journaled == 3
        assert ctx.replay_audit() == 0
        own_server.resume()

        ctx.record("zhao", AuditAction.SCREEN_UNLOCKED, target="after")  # replays first
        assert ctx.replay_audit() == 0
        with db.session() as s:
            targets = list(s.scalars(select(AuditLog.target).order_by(AuditLog.id)))
            report = verify_audit(s)
        assert targets == ["before", "down-0", "down-1", "down-2", "after"]
        assert report.breaks == ()
        assert report.rows == 5
    finally:
        journal.close()
        db.dispose()
