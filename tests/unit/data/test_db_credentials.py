"""Database passwords off the command line, and the console's grants covering the whole schema."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from data.db import (
    ENV_DB_PASSWORD_FILE,
    Database,
    DatabaseError,
    DbErrorKind,
    warn_if_password_in_argv,
    with_password_file,
)
from data.migrate import MIGRATIONS
from data.models import Base
from data.pgroles import (
    COLUMN_UPDATES,
    HIDDEN_COLUMNS,
    OWNER_ONLY,
    SERVER_SIDE_TABLES,
    TABLE_GRANTS,
    station_role,
)

PG = make_url("postgresql+psycopg://scc_ws@db.example/scc")


def secret_file(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = tmp_path / "scc_ws.password"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_the_password_file_fills_a_url_without_a_password(tmp_path: Path) -> None:
    path = secret_file(tmp_path, "pa:ss@word\nsecond line ignored\n")
    url = with_password_file(PG, {ENV_DB_PASSWORD_FILE: str(path)})
    assert url.password == "pa:ss@word"
    assert url.username == "scc_ws"


def test_a_password_in_the_url_or_no_variable_leaves_the_url_alone(tmp_path: Path) -> None:
    path = secret_file(tmp_path, "from-file\n")
    given = PG.set(password="given")
    assert with_password_file(given, {ENV_DB_PASSWORD_FILE: str(path)}).password == "given"
    assert with_password_file(PG, {}).password is None  # libpq's PGPASSWORD / ~/.pgpass then
    sqlite = make_url(f"sqlite:///{tmp_path / 'c.db'}")
    assert with_password_file(sqlite, {ENV_DB_PASSWORD_FILE: str(path)}) == sqlite


@pytest.mark.parametrize(("content", "says"), [(None, "Cannot read"), ("", "is empty")])
def test_a_missing_or_empty_password_file_is_a_clear_config_error(
    tmp_path: Path, content: str | None, says: str
) -> None:
    path = tmp_path / "absent.password" if content is None else secret_file(tmp_path, content)
    with pytest.raises(DatabaseError) as info:
        with_password_file(PG, {ENV_DB_PASSWORD_FILE: str(path)})
    assert info.value.kind is DbErrorKind.CONFIG
    assert says in info.value.message
    assert ENV_DB_PASSWORD_FILE in info.value.message


def test_a_password_file_others_can_read_is_used_but_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = secret_file(tmp_path, "secret\n", mode=0o644)
    with caplog.at_level(logging.WARNING, logger="data.db"):
        assert with_password_file(PG, {ENV_DB_PASSWORD_FILE: str(path)}).password == "secret"
    assert "readable by other users" in caplog.text
    assert "secret\n" not in caplog.text


def test_the_engine_gets_the_password_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Database() builds its engine (and the change feed's LISTEN) with the file's password,
    while the URL it shows stays without one."""
    monkeypatch.setenv(ENV_DB_PASSWORD_FILE, str(secret_file(tmp_path, "from-file\n")))
    db = Database(PG.render_as_string(hide_password=False))
    try:
        assert db.engine.url.password == "from-file"
        assert "from-file" not in db.shown_url
    finally:
        db.dispose()


def test_a_password_given_with_db_is_warned_about_without_showing_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="data.db"):
        assert warn_if_password_in_argv("postgresql+psycopg://scc_ws:hunter2@db/scc")
    assert "command line" in caplog.text
    assert "ps" in caplog.text
    assert "hunter2" not in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="data.db"):
        assert not warn_if_password_in_argv("postgresql+psycopg://scc_ws@db/scc")
        assert not warn_if_password_in_argv("sqlite:////tmp/a@b:c.db")
        assert not warn_if_password_in_argv(None)
    assert caplog.text == ""


# --- the grants cover the schema -------------------------------------------------------------
def test_every_table_is_either_granted_to_the_console_or_the_owners_alone() -> None:
    """A table a migration adds must be placed: a console grant, or the owner's only."""
    # The server-side sign-in sessions and their secret exist on PostgreSQL only (0016).
    tables = set(Base.metadata.tables) | {"alembic_version", *SERVER_SIDE_TABLES}
    assert set(TABLE_GRANTS) | set(OWNER_ONLY) == tables
    assert not set(TABLE_GRANTS) & set(OWNER_ONLY)


def test_the_console_may_never_delete_or_truncate() -> None:
    for table, privileges in TABLE_GRANTS.items():
        # The recorder deletes a segment's index row with the segment's file (retention):
        # the row of a file that is gone protects nothing.
        deletes = {"DELETE"} if table == "recording_segment" else set()
        allowed = {"SELECT", "INSERT", "UPDATE"} | deletes
        assert set(privileges) <= allowed, table
    assert TABLE_GRANTS["audit_log"] == ("SELECT", "INSERT")
    for table, columns in COLUMN_UPDATES.items():
        assert "UPDATE" not in TABLE_GRANTS[table]
        assert set(columns) <= set(Base.metadata.tables[table].c.keys()), table
    assert "id" not in COLUMN_UPDATES["audit_head"]
    # Accounts change only through the server's functions, which check who asks.
    assert "user_account" not in COLUMN_UPDATES
    assert TABLE_GRANTS["user_account"] == ()
    assert HIDDEN_COLUMNS["user_account"] == ("password_hash",)


def _row_security_migration() -> ModuleType:
    path = MIGRATIONS / "versions" / "0006_row_security.py"
    spec = importlib.util.spec_from_file_location("row_security_0006", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _migration(name: str) -> ModuleType:
    path = MIGRATIONS / "versions" / name
    spec = importlib.util.spec_from_file_location(f"migration_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_table_with_a_community_has_a_policy() -> None:
    migration = _row_security_migration()
    with_community = {t.name for t in Base.metadata.sorted_tables if "community_id" in t.c}
    # Tables of later migrations name their policies' tables in SCOPED the same way.
    later = (
        set(_migration("0007_consent.py").SCOPED)
        | set(_migration("0009_incident_search.py").SCOPED)
        | set(_migration("0018_alarms.py").SCOPED)
        | set(_migration("0020_tracking.py").SCOPED)
        | set(_migration("0021_video.py").SCOPED)
        | set(_migration("0022_recording.py").SCOPED)
        | set(_migration("0023_station.py").SCOPED)
        | set(_migration("0024_surveys.py").SCOPED)
        | set(_migration("0025_ticket_photos.py").SCOPED)
        | set(_migration("0026_feedback.py").SCOPED)
        | set(_migration("0027_business.py").SCOPED)
        | set(_migration("0028_merchants.py").SCOPED)
        | set(_migration("0029_volunteers.py").SCOPED)
        | set(_migration("0030_orders.py").SCOPED)
        | set(_migration("0031_hours.py").SCOPED)
        | set(_migration("0032_certificates.py").SCOPED)
        | set(_migration("0033_screening.py").SCOPED)
        | set(_migration("0034_employment.py").SCOPED)
    )
    # db_role_scope is the scope itself: its own policy shows each role its own row.
    assert (
        with_community - {"db_role_scope"}
        == set(migration.SCOPED) | set(migration.SCOPED_WRITES) | later
    )


def test_station_role_names() -> None:
    assert station_role("C01") == "scc_st_c01"
    assert station_role("Nord-1") == "scc_st_nord-1"  # quoted by psycopg.sql.Identifier


def test_sqlite_gets_the_scope_table_and_nothing_else(sqlite_db: Database) -> None:
    insp = inspect(sqlite_db.engine)
    assert "db_role_scope" in insp.get_table_names()
    assert {c["name"] for c in insp.get_columns("db_role_scope")} == {"role_name", "community_id"}
