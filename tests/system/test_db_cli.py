"""`python -m console audit verify` against real SQLite files, intact and tampered."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from data.audit import append_audit
from data.db import Database
from data.migrate import open_database
from data.models import AuditLog
from tests.helpers.cli import run_cli
from tests.unit.data.support import FakeClock, tamper

ROOT = Path(__file__).resolve().parents[2]


def audit_verify(tmp_path: Path, url: str) -> subprocess.CompletedProcess[str]:
    return run_cli(tmp_path, "--db", url, "audit", "verify")


@pytest.fixture
def audited(tmp_path: Path) -> Iterator[tuple[str, Database]]:
    url = f"sqlite:///{tmp_path / 'console.db'}"
    db = open_database(url)
    clock = FakeClock()
    with db.session() as s:
        for i in range(4):
            append_audit(
                s, actor="operator", workstation="CC", action="login", detail=str(i), clock=clock
            )
    try:
        yield url, db
    finally:
        db.dispose()


def row_ids(db: Database) -> list[int]:
    with db.session() as s:
        return list(s.scalars(select(AuditLog.id).order_by(AuditLog.id)))


def test_cli_audit_verify_intact(tmp_path: Path, audited: tuple[str, Database]) -> None:
    url, db = audited
    db.dispose()
    proc = audit_verify(tmp_path, url)
    assert proc.returncode == 0, proc.stderr
    assert "audit log OK: 4 rows" in proc.stdout


def test_cli_audit_verify_edited_row(tmp_path: Path, audited: tuple[str, Database]) -> None:
    url, db = audited
    victim = row_ids(db)[1]
    tamper(db, "UPDATE audit_log SET actor = 'admin' WHERE id = :i", i=victim)
    db.dispose()
    proc = audit_verify(tmp_path, url)
    assert proc.returncode == 1, proc.stderr
    assert "AUDIT LOG TAMPERED: 1 problem(s) in 4 rows" in proc.stdout
    assert f"row {victim}: content does not match its hash" in proc.stdout


def test_cli_audit_verify_deleted_newest_row(tmp_path: Path, audited: tuple[str, Database]) -> None:
    url, db = audited
    tamper(db, "DELETE FROM audit_log WHERE id = :i", i=row_ids(db)[-1])
    db.dispose()
    proc = audit_verify(tmp_path, url)
    assert proc.returncode == 1, proc.stderr
    assert "in 3 rows" in proc.stdout
    assert "chain head: the newest rows are missing" in proc.stdout
