"""The hash-chained audit log in the database: append, verify, detect tampering."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.audit import GENESIS_HASH, row_digest
from data.audit import append_audit, iter_audit, recent_audit, verify_audit
from data.db import Database
from data.models import AuditHead, AuditLog
from tests.unit.data.support import FakeClock, tamper

ACTIONS = ["login", "incident_created", "incident_changed", "logout", "login_failed"]


@pytest.fixture
def chained(db: Database) -> Database:
    """A database holding five audit rows, appended in two transactions."""
    clock = FakeClock(tick=timedelta(seconds=1))
    with db.session() as s:
        for action in ACTIONS[:3]:
            append_audit(
                s, actor="operator", workstation="CC", action=action, detail="值班", clock=clock
            )
    with db.session() as s:
        for action in ACTIONS[3:]:
            append_audit(
                s, actor="ws01", workstation="WS01", action=action, target="x", clock=clock
            )
    return db


def ids(db: Database) -> list[int]:
    with db.session() as s:
        return list(s.scalars(select(AuditLog.id).order_by(AuditLog.id)))


def test_an_empty_log_verifies(db: Database) -> None:
    with db.session() as s:
        report = verify_audit(s)
    assert report.ok
    assert report.rows == 0
    assert report.last_hash == GENESIS_HASH


def test_appended_rows_form_a_chain_that_verifies(chained: Database) -> None:
    with chained.session() as s:
        records = list(iter_audit(s))
        head = s.get_one(AuditHead, 1)
        report = verify_audit(s)
    assert report.ok, report.breaks
    assert report.rows == 5
    assert [r.action for r in records] == ACTIONS
    assert records[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(records):
        assert after.prev_hash == before.row_hash
    assert head.rows == 5
    assert head.last_hash == records[-1].row_hash == report.last_hash


def test_stored_rows_round_trip_timestamps_exactly(chained: Database) -> None:
    # The digest covers the microseconds, so the database must hand them back unchanged.
    with chained.session() as s:
        first = next(iter_audit(s))
    assert first.ts.utcoffset() == timedelta(0)
    assert first.row_hash == row_digest(
        prev_hash=GENESIS_HASH,
        ts=first.ts,
        actor="operator",
        workstation="CC",
        action="login",
        target="",
        detail="值班",
    )


def test_append_in_a_rolled_back_transaction_leaves_no_trace(chained: Database) -> None:
    class Boom(Exception):
        pass

    def append_then_fail() -> None:
        with chained.session() as s:
            append_audit(s, actor="x", workstation="CC", action="login")
            raise Boom

    with pytest.raises(Boom):
        append_then_fail()
    with chained.session() as s:
        append_audit(s, actor="y", workstation="CC", action="logout")
    with chained.session() as s:
        report = verify_audit(s)
        actors = [r.actor for r in iter_audit(s)]
    assert report.ok, report.breaks
    assert report.rows == 6
    assert actors[-1] == "y"
    assert "x" not in actors


def test_recent_audit_is_newest_first(chained: Database) -> None:
    with chained.session() as s:
        recent = recent_audit(s, limit=2)
    assert [r.action for r in recent] == ["login_failed", "logout"]


def test_iter_audit_streams_in_batches(chained: Database) -> None:
    with chained.session() as s:
        assert [r.action for r in iter_audit(s, batch=2)] == ACTIONS


def test_an_edited_row_is_reported_by_id(chained: Database) -> None:
    victim = ids(chained)[2]
    tamper(chained, "UPDATE audit_log SET detail = 'nothing happened' WHERE id = :i", i=victim)
    with chained.session() as s:
        report = verify_audit(s)
    assert not report.ok
    assert [b.row_id for b in report.breaks] == [victim]
    assert "edited" in report.breaks[0].reason


def test_a_removed_middle_row_is_reported(chained: Database) -> None:
    row_ids = ids(chained)
    tamper(chained, "DELETE FROM audit_log WHERE id = :i", i=row_ids[1])
    with chained.session() as s:
        report = verify_audit(s)
    assert not report.ok
    assert row_ids[2] in [b.row_id for b in report.breaks]
    assert report.rows == 4


def test_deleting_the_newest_row_is_detected_via_the_head(chained: Database) -> None:
    tamper(chained, "DELETE FROM audit_log WHERE id = :i", i=ids(chained)[-1])
    with chained.session() as s:
        report = verify_audit(s)
    assert not report.ok
    assert {b.row_id for b in report.breaks} == {-1}
    reasons = " ".join(b.reason for b in report.breaks)
    assert "newest rows are missing" in reasons
    assert "row count 4 differs from the recorded count 5" in reasons


def test_appends_after_tampering_do_not_hide_it(chained: Database) -> None:
    victim = ids(chained)[0]
    tamper(chained, "UPDATE audit_log SET actor = 'nobody' WHERE id = :i", i=victim)
    with chained.session() as s:
        append_audit(s, actor="admin", workstation="CC", action="login")
    with chained.session() as s:
        report = verify_audit(s)
        count = s.scalar(select(func.count()).select_from(AuditLog))
    assert [b.row_id for b in report.breaks] == [victim]
    assert count == 6
