"""Opening databases: URL choice, redaction, error classification, SQLite settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from data.db import (
    ENV_DB,
    Database,
    DatabaseError,
    DbErrorKind,
    DbOptions,
    classify,
    default_sqlite_url,
    redact,
    resolve_url,
)
from data.migrate import open_database
from data.models import Device


def test_resolve_url_precedence() -> None:
    assert resolve_url("sqlite:///cli.db", {ENV_DB: "sqlite:///env.db"}) == "sqlite:///cli.db"
    assert resolve_url(None, {ENV_DB: "sqlite:///env.db"}) == "sqlite:///env.db"
    assert resolve_url(None, {}) == default_sqlite_url()
    assert resolve_url("", {}) == default_sqlite_url()
    assert default_sqlite_url().startswith("sqlite:///")
    assert default_sqlite_url().endswith("console.db")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql+psycopg://console:s3cret@db.example:5432/street",
            "postgresql+psycopg://console:***@db.example:5432/street",
        ),
        ("sqlite:////var/lib/console.db", "sqlite:////var/lib/console.db"),
        ("postgresql://u@host/db", "postgresql://u@host/db"),
        ("nonsense://user:s3cret@host", "nonsense://user:***@host"),
        # Not parseable as a URL: the fallback pattern still masks the password.
        ("garbage//a:s3cret@h/d", "garbage//a:***@h/d"),
    ],
)
def test_redact_masks_passwords(url: str, shown: str) -> None:
    assert redact(url) == shown


@pytest.mark.parametrize(
    "url", ["not a url", "mysql+pymysql://u:p@h/d", "oracle://u:p@h/d", "sqlite+nodriver:///x"]
)
def test_unsupported_urls_are_config_errors(url: str) -> None:
    with pytest.raises(DatabaseError) as info:
        Database(url)
    assert info.value.kind is DbErrorKind.CONFIG
    assert ":p@" not in str(info.value)


def test_database_error_str_names_the_database() -> None:
    err = DatabaseError(DbErrorKind.LOCKED, "Locked.", "sqlite:///x.db")
    assert str(err) == "Locked. (sqlite:///x.db)"
    assert str(DatabaseError(DbErrorKind.LOCKED, "Locked.")) == "Locked."


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("file is not a database", DbErrorKind.CORRUPT),
        ("database disk image is malformed", DbErrorKind.CORRUPT),
        ("database is locked", DbErrorKind.LOCKED),
        ('password authentication failed for user "console"', DbErrorKind.AUTH),
        ("fe_sendauth: no password supplied", DbErrorKind.AUTH),
        ('database "street" does not exist', DbErrorKind.CONFIG),
        ("connection refused", DbErrorKind.UNREACHABLE),
        ("could not translate host name", DbErrorKind.UNREACHABLE),
        ("unable to open database file", DbErrorKind.UNREACHABLE),
    ],
)
def test_classify_by_driver_message(message: str, kind: DbErrorKind) -> None:
    exc = OperationalError("SELECT 1", {}, Exception(message))
    err = classify(exc, "postgresql+psycopg://u:pw@h/d")
    assert err.kind is kind
    assert err.url == "postgresql+psycopg://u:***@h/d"
    assert "pw@" not in str(err)


def test_sqlite_connections_use_wal_and_enforce_foreign_keys(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    with pytest.raises(IntegrityError), sqlite_db.session() as s:
        s.add(Device(code="X", name="x", kind="reader", workstation_id=999, address="", detail=""))


def test_busy_timeout_follows_the_options(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'c.db'}", opts=DbOptions(busy_timeout_s=0.25))
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 250
    finally:
        db.dispose()


def test_sqlite_ddl_is_transactional(sqlite_db: Database) -> None:
    class Boom(Exception):
        pass

    def create_then_fail() -> None:
        with sqlite_db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
            raise Boom

    with pytest.raises(Boom):
        create_then_fail()
    with sqlite_db.engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'")
        assert found.scalar() == 0


def test_sqlite_file_and_folder_are_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "console.db"
    db = open_database(f"sqlite:///{path}")
    try:
        assert path.is_file()
        assert db.dialect == "sqlite"
        assert db.label == "SQLite · console.db"
        assert db.shown_url == f"sqlite:///{path}"
    finally:
        db.dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    raw.close()


def test_both_backends_hand_back_aware_utc(db: Database) -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from data.models import ChangeLog

    shanghai = datetime(2026, 11, 25, 16, 0, 0, 5, tzinfo=timezone(timedelta(hours=8)))
    with db.session() as s:
        s.add(ChangeLog(ts=shanghai, table_name="t", row_id=None, op="x", workstation=""))
    with db.session() as s:
        ts = s.scalars(select(ChangeLog.ts)).one()
    assert ts == datetime(2026, 11, 25, 8, 0, 0, 5, tzinfo=UTC)
    assert ts.utcoffset() == timedelta(0)
    with pytest.raises(StatementError, match="naive"), db.session() as s:
        s.add(
            ChangeLog(ts=datetime(2026, 1, 1), table_name="t", row_id=None, op="x", workstation="")
        )


def test_postgresql_label_and_driver(db: Database) -> None:
    if db.dialect == "sqlite":
        assert db.label.startswith("SQLite · ")
        return
    assert db.engine.url.drivername == "postgresql+psycopg"
    assert db.label.startswith("PostgreSQL · 127.0.0.1:")
    assert "***" in db.shown_url
