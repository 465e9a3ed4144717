"""Schema migrations at start, on SQLite and PostgreSQL: upgrade, no-op, refuse, guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from core.audit import GENESIS_HASH
from data.db import Database, DatabaseError, DbErrorKind
from data.migrate import alembic_config, open_database, schema_status, upgrade_to_head
from data.models import Base
from data.pgroles import SERVER_SIDE_TABLES
from tests.unit.data.support import table_names

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def version_rows(db_url: str) -> list[str]:
    eng = create_engine(db_url)
    try:
        with eng.connect() as conn:
            return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    finally:
        eng.dispose()


def test_the_build_has_one_head() -> None:
    assert HEAD is not None
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_fresh_database_migrates_to_head(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            assert versions.all() == [HEAD]
            tables = table_names(conn)
            head = conn.execute(text("SELECT id, last_hash, rows FROM audit_head")).all()
            status = schema_status(conn)
        assert set(Base.metadata.tables) <= tables
        server_side = set(SERVER_SIDE_TABLES) if db.dialect == "postgresql" else set()
        assert tables - set(Base.metadata.tables) == {"alembic_version"} | server_side
        assert [tuple(r) for r in head] == [(1, GENESIS_HASH, 0)]
        assert status.up_to_date
        assert status.current == HEAD
        assert status.has_tables
    finally:
        db.dispose()


def test_open_without_migrate_leaves_an_empty_database_empty(db_url: str) -> None:
    db = open_database(db_url, migrate=False)
    try:
        assert table_names(db.engine) == set()
    finally:
        db.dispose()


def test_opening_again_is_a_no_op(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(db_url).dispose()

    def must_not_run(*_a: object, **_k: object) -> None:
        raise AssertionError("an up-to-date database must not be migrated again")

    from alembic import command

    monkeypatch.setattr(command, "upgrade", must_not_run)
    db = open_database(db_url)
    try:
        status = upgrade_to_head(db)
        assert status.up_to_date
        assert status.current == HEAD
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM audit_head")).scalar() == 1
    finally:
        db.dispose()
    assert version_rows(db_url) == [HEAD]


def test_unknown_revision_is_refused_as_newer_and_left_alone(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zzzz9999'"))
        conn.execute(text("INSERT INTO site_meta (key, value) VALUES ('marker', 'kept')"))
        before = table_names(conn)
    db.dispose()

    with pytest.raises(DatabaseError) as info:
        open_database(db_url)
    err = info.value
    assert err.kind is DbErrorKind.NEWER_SCHEMA
    assert "zzzz9999" in err.message
    assert "not changed" in err.message
    assert err.url  # the caller learns which database, with any password masked
    assert "console-test" not in str(err)

    assert version_rows(db_url) == ["zzzz9999"]
    eng = create_engine(db_url)
    try:
        with eng.connect() as conn:
            assert table_names(conn) == before
            marker = conn.execute(text("SELECT value FROM site_meta WHERE key = 'marker'"))
            assert marker.scalar() == "kept"
    finally:
        eng.dispose()


def test_foreign_database_is_refused_and_left_alone(db_url: str) -> None:
    eng = create_engine(db_url)
    with eng.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(20))"))
        conn.execute(text("INSERT INTO customers (id, name) VALUES (1, 'someone')"))

    with pytest.raises(DatabaseError) as info:
        open_database(db_url)
    assert info.value.kind is DbErrorKind.FOREIGN
    assert "not a console database" in info.value.message

    with eng.connect() as conn:
        assert table_names(conn) == {"customers"}
        assert conn.execute(text("SELECT id, name FROM customers")).all() == [(1, "someone")]
    eng.dispose()


def test_an_empty_alembic_version_table_alone_is_migrated(db_url: str) -> None:
    # An earlier run that died before its first revision committed leaves just this table.
    eng = create_engine(db_url)
    with eng.begin() as conn:
        conn.execute(
            text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        )
    eng.dispose()
    open_database(db_url).dispose()
    assert version_rows(db_url) == [HEAD]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET detail = 'edited'",
        "DELETE FROM audit_log",
    ],
)
def test_audit_log_is_append_only_in_the_database(owner_db: Database, sql: str) -> None:
    """Even for the database's owner (the console's own role may not even try)."""
    from data.audit import append_audit

    db = owner_db
    with db.session() as s:
        append_audit(s, actor="admin", workstation="CC", action="login", detail="original")
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
        conn.execute(text(sql))
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, detail FROM audit_log")).all()
    assert [tuple(r) for r in rows] == [("admin", "original")]


def test_schema_matches_the_models(db: Database) -> None:
    # The migration and the models must not drift apart: autogenerate finds nothing to do.
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                # PostgreSQL's sign-in sessions have no model on purpose (data/pgroles.py).
                "include_name": lambda name, kind, _parent: (
                    not (kind == "table" and name in SERVER_SIDE_TABLES)
                ),
            },
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_the_head_read_without_alembic_is_alembics_head() -> None:
    """The fast start-up check reads the scripts itself; it must agree with Alembic."""
    from data.migrate import head_revision

    assert head_revision() == HEAD


def test_an_up_to_date_database_opens_without_importing_alembic(tmp_path: Path) -> None:
    """Cold start: Alembic costs ~0.1 s to import and is needed only when a migration is due."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'c.db'}"
    open_database(url).dispose()  # migrated once
    code = (
        "import sys; from data.migrate import open_database; "
        f"open_database({url!r}).dispose(); "
        "print(any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
