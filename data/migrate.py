"""Schema migrations at start: upgrade older databases, refuse newer or foreign ones."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from data.db import Database, DatabaseError, DbErrorKind, classify

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# Any fixed number: all workstations of a site agree on it, so only one migrates at a time.
_PG_MIGRATION_LOCK = 0x5C_C0_01


def alembic_config() -> Config:
    """An Alembic config that needs no alembic.ini on disk (works when frozen too)."""
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
    return DatabaseError(
        DbErrorKind.MIGRATION,
        f"Migration failed and was rolled back: {orig}",
        db.shown_url,
    )


def upgrade_to_head(db: Database) -> SchemaStatus:
    """Bring the schema to the newest revision, all or nothing."""
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
                log.info("migrating schema %s -> %s", status.current or "(empty)", status.head)
                cfg = alembic_config()
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
