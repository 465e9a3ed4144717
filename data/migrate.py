"""Opening the database: schema migrations at start; older ones upgraded, newer or foreign refused.

Alembic is imported only when a migration is due: a database already at the newest revision —
every start but the first after an update — is recognised with one SELECT (cold start).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from data.db import (
    Database,
    DatabaseError,
    DbErrorKind,
    DbOptions,
    classify,
    redact,
    tighten_file_modes,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# Any fixed number: all workstations of a site agree on it, so only one migrates at a time.
_PG_MIGRATION_LOCK = 0x5C_C0_01
_REVISION = re.compile(
    r'^(down_revision|revision)\s*(?::[^=]*)?=\s*["\']?([\w-]+|None)["\']?', re.M
)


@cache
def head_revision() -> str | None:
    """The newest revision, read from the migration scripts without importing Alembic.

    None when the scripts do not form one straight line (Alembic then decides).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        found: dict[str, str] = {m[1]: m[2] for m in _REVISION.finditer(text)}
        if "revision" not in found:
            continue
        revisions.add(found["revision"])
        if found.get("down_revision") not in (None, "None"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _current_revision(db: Database) -> str | None:
    """The database's revision by plain SQL; None if it has none (or no version table).

    On PostgreSQL it waits, without the everyday lock and statement limits, while another
    workstation migrates (the migration holds the advisory lock exclusively), so it never
    reads a revision that is about to change.
    """
    try:
        with db.engine.connect() as conn:
            if db.dialect == "postgresql":
                conn.exec_driver_sql("SET LOCAL lock_timeout = 0")
                conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({_PG_MIGRATION_LOCK})")
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            conn.rollback()
            return None if version is None else str(version)
    except SQLAlchemyError:
        return None  # no table yet, or unreadable: the full check says which


def open_database(
    url: str, *, migrate: bool = True, opts: DbOptions | None = None, must_exist: bool = False
) -> Database:
    """Open, check and migrate the database; raise DatabaseError with a clear message.

    `must_exist`: a SQLite file that is not there is an error, not a new empty database
    (a check run on a mistyped path must not report an empty log as intact).
    """
    if must_exist:
        _require_sqlite_file(url)
    db = Database(url, opts)
    try:
        db.probe()
        if migrate:
            _migrate(db)
            db.checked = True
            if db.file_path is not None:
                # Only once it is known to be ours: a foreign file is left exactly as it was.
                tighten_file_modes(db.file_path)
            db.analyze_if_never()
    except DatabaseError:
        db.dispose()
        raise
    log.info("database ready: %s", db.shown_url)
    return db


def _require_sqlite_file(url: str) -> None:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # Database() explains a malformed URL
    path = parsed.database
    if parsed.get_backend_name() != "sqlite" or not path or path == ":memory:":
        return  # a server refuses an unknown database by itself, creating nothing
    if not Path(path).expanduser().is_file():
        raise DatabaseError(DbErrorKind.CONFIG, f"no database at {path}", redact(url))


def _migrate(db: Database) -> None:
    head = head_revision()
    if head is not None and _current_revision(db) == head:
        return
    if db.dialect != "postgresql":
        upgrade_to_head(db)
        return
    # A migration waits for another workstation's migration (an advisory lock) and may
    # rewrite a large table: the limits of everyday statements do not apply to it.
    unlimited = Database(db.url, replace(db.opts, lock_timeout_s=0, statement_timeout_s=0))
    try:
        upgrade_to_head(unlimited)
    finally:
        unlimited.dispose()


def alembic_config() -> Config:
    """An Alembic config that needs no alembic.ini on disk (works when frozen too)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """Where a database stands against the migrations this build knows."""

    current: str | None
    head: str
    has_tables: bool

    @property
    def up_to_date(self) -> bool:
        """True when nothing is left to run."""
        return self.current == self.head


def schema_status(conn: Connection) -> SchemaStatus:
    """Read the database's revision; raise DatabaseError if it is newer or not ours."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    current = MigrationContext.configure(conn).get_current_revision()
    tables = set(inspect(conn).get_table_names())
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError as exc:
            raise DatabaseError(
                DbErrorKind.NEWER_SCHEMA,
                f"This database was written by a newer version of the console (schema "
                f"{current}; this version knows up to {head}). It was not changed. "
                "Install the newer console on this workstation.",
            ) from exc
    elif tables - {"alembic_version"}:
        raise DatabaseError(
            DbErrorKind.FOREIGN,
            "This database holds tables but is not a console database. It was not changed.",
        )
    return SchemaStatus(current=current, head=head, has_tables=bool(tables))


def _needs_owner(user: str, status: SchemaStatus, db: Database) -> DatabaseError:
    return DatabaseError(
        DbErrorKind.MIGRATION,
        f"The database schema must be updated ({status.current or 'empty'} -> {status.head}), "
        f"but the database user {user!r} may not change it. Run `console migrate` with the "
        "database owner's URL (on PostgreSQL the owner migrates; workstations only use the "
        "schema), then start the console again.",
        db.shown_url,
    )


def _refuse_unless_owner(conn: Connection, status: SchemaStatus, db: Database) -> None:
    """PostgreSQL: a role that cannot migrate (a workstation's) is told who must, up front.

    Migrating alters tables, which only their owner (or a superuser) may do: the owner of
    alembic_version stands for the schema's owner; an empty database needs CREATE on it.
    """
    user, may = conn.exec_driver_sql(
        "SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
        "OR CASE WHEN to_regclass('alembic_version') IS NULL "
        "THEN has_schema_privilege(current_schema(), 'CREATE') "
        "ELSE pg_has_role((SELECT relowner FROM pg_class "
        "WHERE oid = to_regclass('alembic_version')), 'USAGE') END"
    ).one()
    conn.rollback()
    if not may:
        raise _needs_owner(str(user), status, db)


def _migration_error(exc: SQLAlchemyError, db: Database) -> DatabaseError:
    """A statement of a migration failed: say so, unless the connection itself was lost.

    classify() would call a refused statement "cannot be reached", which sends the operator
    looking at the network instead of at the schema.
    """
    err = classify(exc, db.url)
    lost = isinstance(exc, DBAPIError) and exc.connection_invalidated
    if err.kind is not DbErrorKind.UNREACHABLE or lost:
        return err
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if getattr(orig, "sqlstate", None) == "42501":  # insufficient_privilege
        return DatabaseError(
            DbErrorKind.MIGRATION,
            f"Migration failed and was rolled back: {orig}. Only the database owner may "
            "change the schema: run `console migrate` with the owner's database URL.",
            db.shown_url,
        )
    return DatabaseError(
        DbErrorKind.MIGRATION,
        f"Migration failed and was rolled back: {orig}",
        db.shown_url,
    )


def upgrade_to_head(db: Database, attributes: Mapping[str, object] | None = None) -> SchemaStatus:
    """Bring the schema to the newest revision, all or nothing.

    `attributes` reach the migrations through Alembic's config (0005 takes the site's field
    keys from "field_keys" when `console key encrypt-existing` runs it).
    """
    from alembic import command
    from alembic.util import CommandError

    try:
        with db.engine.connect() as conn:
            if db.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_MIGRATION_LOCK})")
                conn.commit()
            try:
                status = schema_status(conn)
                conn.commit()
                if status.up_to_date:
                    return status
                if db.dialect == "postgresql":
                    _refuse_unless_owner(conn, status, db)
                log.info("migrating schema %s -> %s", status.current or "(empty)", status.head)
                cfg = alembic_config()
                cfg.attributes.update(attributes or {})
                cfg.attributes["connection"] = conn
                try:
                    command.upgrade(cfg, "head")
                except SQLAlchemyError as exc:
                    raise _migration_error(exc, db) from exc
                conn.commit()
                return SchemaStatus(current=status.head, head=status.head, has_tables=True)
            finally:
                if db.dialect == "postgresql":
                    conn.rollback()
                    conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_MIGRATION_LOCK})")
                    conn.commit()
    except DatabaseError as exc:
        exc.url = exc.url or db.shown_url
        raise
    except SQLAlchemyError as exc:
        raise classify(exc, db.url) from exc
    except CommandError as exc:
        raise DatabaseError(
            DbErrorKind.MIGRATION, f"Migration failed: {exc}", db.shown_url
        ) from exc
