"""Bad databases and bad files: each is refused with the right kind and left untouched."""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from data.db import DatabaseError, DbErrorKind, DbOptions
from data.migrate import alembic_config, open_database
from tests.helpers.cli import run_cli
from tests.helpers.postgres import PgServer
from tests.unit.data.support import table_names

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def refused(url: str, opts: DbOptions | None = None) -> DatabaseError:
    with pytest.raises(DatabaseError) as info:
        open_database(url, opts=opts)
    return info.value


# --- SQLite files ----------------------------------------------------------------------------
@pytest.fixture(params=["random-bytes", "text-file", "truncated-header"])
def corrupt_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / "console.db"
    if request.param == "random-bytes":
        path.write_bytes(os.urandom(16384))
    elif request.param == "text-file":
        path.write_text("这不是数据库 — just some notes\n" * 200, encoding="utf-8")
    else:
        path.write_bytes(b"SQLite format 3\x00" + os.urandom(200))
    return path


def test_a_corrupt_file_is_refused_and_left_byte_for_byte(corrupt_file: Path) -> None:
    before = digest(corrupt_file)
    err = refused(f"sqlite:///{corrupt_file}")
    assert err.kind is DbErrorKind.CORRUPT
    assert "left untouched" in err.message
    assert err.url == f"sqlite:///{corrupt_file}"
    assert digest(corrupt_file) == before
    assert siblings(corrupt_file) == {"console.db"}  # no -wal or -shm files either


def test_a_foreign_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        raw.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    raw.close()
    before = digest(path)

    err = refused(f"sqlite:///{path}")
    assert err.kind is DbErrorKind.FOREIGN
    assert "not changed" in err.message
    assert digest(path) == before
    assert siblings(path) == {"other.db"}
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert raw.execute("SELECT amount FROM invoices").fetchall() == [(12.5,)]
    raw.close()


@pytest.fixture
def held_lock(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """Another program holding an exclusive lock on a database file not yet migrated."""
    path = tmp_path / "console.db"
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        yield path, other
    finally:
        other.close()


def test_a_locked_database_is_reported_and_migrates_once_released(
    held_lock: tuple[Path, sqlite3.Connection],
) -> None:
    path, other = held_lock
    url = f"sqlite:///{path}"
    err = refused(url, DbOptions(busy_timeout_s=0.2))
    assert err.kind is DbErrorKind.LOCKED
    assert "locked by another program" in err.message

    other.execute("ROLLBACK")
    db = open_database(url, opts=DbOptions(busy_timeout_s=0.2))
    try:
        with db.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == head_revision()
    finally:
        db.dispose()


def test_a_directory_instead_of_a_file_is_unreachable(tmp_path: Path) -> None:
    folder = tmp_path / "console.db"
    folder.mkdir()
    err = refused(f"sqlite:///{folder}")
    assert err.kind is DbErrorKind.UNREACHABLE
    assert list(folder.iterdir()) == []


# --- failed migrations -----------------------------------------------------------------------
def _sabotage(db_url: str, where: str) -> None:
    """Make revision 0001 fail part-way without giving the database any table of its own.

    An empty alembic_version table is what a run that died before its first commit leaves, so
    the database still counts as empty; the views and routines below are invisible to the
    foreign-database check but collide with what the migration creates.
    """
    eng = create_engine(db_url)
    with eng.begin() as conn:
        conn.execute(
            text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        )
        if where == "middle":
            # Clashes with a table created after most of the others.
            conn.execute(text("CREATE VIEW incident_event AS SELECT 1 AS x"))
        elif eng.dialect.name == "sqlite":
            # Clashes with the very last statement, the append-only trigger.
            conn.execute(text("CREATE VIEW decoy AS SELECT 1 AS x"))
            conn.execute(
                text(
                    "CREATE TRIGGER audit_log_no_delete INSTEAD OF DELETE ON decoy "
                    "BEGIN SELECT 1; END"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql "
                    "AS $$ BEGIN RETURN NULL; END $$"
                )
            )
    eng.dispose()


def _undo_sabotage(db_url: str) -> None:
    eng = create_engine(db_url)
    with eng.begin() as conn:
        conn.execute(text("DROP VIEW IF EXISTS incident_event"))
        conn.execute(text("DROP VIEW IF EXISTS decoy"))
        if eng.dialect.name != "sqlite":
            conn.execute(text("DROP FUNCTION IF EXISTS audit_log_append_only()"))
    eng.dispose()


@pytest.mark.parametrize("where", ["middle", "last-statement"])
def test_a_failed_migration_leaves_nothing_half_done(db_url: str, where: str) -> None:
    _sabotage(db_url, where)

    err = refused(db_url)
    assert err.kind is DbErrorKind.MIGRATION
    assert "already exists" in err.message
    assert err.url

    eng = create_engine(db_url)
    try:
        with eng.connect() as conn:
            assert table_names(conn) == {"alembic_version"}
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 0
    finally:
        eng.dispose()

    _undo_sabotage(db_url)
    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            head = conn.execute(text("SELECT count(*) FROM audit_head")).scalar()
        assert version == head_revision()
        assert head == 1
    finally:
        db.dispose()


# --- PostgreSQL servers ----------------------------------------------------------------------
def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_server_is_reported() -> None:
    url = f"postgresql+psycopg://console:s3cret@127.0.0.1:{_closed_port()}/street"
    err = refused(url, DbOptions(connect_timeout_s=2))
    assert err.kind is DbErrorKind.UNREACHABLE
    assert "cannot be reached" in err.message
    assert "s3cret" not in str(err)
    assert "console:***@" in err.url


@pytest.mark.postgres
def test_a_wrong_password_is_reported_with_the_password_masked(pg_server: PgServer) -> None:
    url = pg_server.url("postgres", password="wrong-Pa55word")
    err = refused(url, DbOptions(connect_timeout_s=2))
    assert err.kind is DbErrorKind.AUTH
    assert "wrong-Pa55word" not in str(err)
    assert "wrong-Pa55word" not in err.message
    assert f"postgres:***@127.0.0.1:{pg_server.port}/postgres" in err.url
    assert err.url in str(err)


@pytest.mark.postgres
def test_a_missing_database_is_a_configuration_error(pg_server: PgServer) -> None:
    err = refused(pg_server.url("no_such_db_here"), DbOptions(connect_timeout_s=2))
    assert err.kind is DbErrorKind.CONFIG
    assert "does not exist" in err.message
    assert pg_server.password not in str(err)


# --- the command line ------------------------------------------------------------------------
def test_cli_migrate_on_a_corrupt_file_exits_3(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    path.write_bytes(os.urandom(8192))
    before = digest(path)
    proc = run_cli(tmp_path, "--db", f"sqlite:///{path}", "migrate")
    assert proc.returncode == 3, proc.stderr
    assert "console: error: The database file is damaged or is not a database" in proc.stderr
    assert str(path) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert digest(path) == before


def test_cli_migrate_on_a_fresh_file(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    proc = run_cli(tmp_path, "--db", f"sqlite:///{path}", "migrate")
    assert proc.returncode == 0, proc.stderr
    assert "schema up to date" in proc.stdout
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
    raw.close()


def test_cli_site_check_on_a_bad_site_file_exits_4(tmp_path: Path) -> None:
    bad = tmp_path / "bad_site.toml"
    bad.write_text('[site]\nname = "测试街道"\n\n[[community]]\ncode = \n', encoding="utf-8")
    proc = run_cli(tmp_path, "--site", str(bad), "site", "check")
    assert proc.returncode == 4, proc.stderr
    assert f"{bad}:5:" in proc.stderr
    assert proc.stderr.startswith("console: error: ")
    assert "Traceback" not in proc.stderr


def test_cli_site_check_on_the_demo_site(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "site", "check")
    assert proc.returncode == 0, proc.stderr
    assert "OK" in proc.stdout
    assert "20 communities, 71 readers, 16 cameras" in proc.stdout
