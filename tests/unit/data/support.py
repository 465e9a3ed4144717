"""Helpers shared by the data-layer and database system tests (not a test module)."""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from data.db import Database
from tests.helpers.fakes import T0, FakeClock, fast_hasher
from tests.helpers.postgres import as_owner

__all__ = [
    "T0",
    "FakeClock",
    "allow_audit_tampering",
    "cheap_hasher",
    "table_names",
    "tamper",
]

# One set of fakes for the whole suite (tests/helpers/fakes.py, checked against the ports).
cheap_hasher = fast_hasher


def table_names(bind: Engine | Connection) -> set[str]:
    """Tables (not views) in the database."""
    return set(inspect(bind).get_table_names())


def allow_audit_tampering(db: Database) -> None:
    """Remove the append-only guard as an attacker with file or superuser access would."""
    with as_owner(db) as owner, owner.engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER ALL")


def tamper(db: Database, sql: str, **params: object) -> None:
    """Run one statement against the database behind the application's back."""
    allow_audit_tampering(db)
    with as_owner(db) as owner, owner.engine.begin() as conn:
        conn.execute(text(sql), params)
