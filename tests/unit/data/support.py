"""Helpers shared by the data-layer and database system tests (not a test module)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import argon2
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from data.db import Database
from data.security import Argon2Hasher

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def cheap_hasher() -> Argon2Hasher:
    """Real argon2id with the smallest cost, so sign-in tests stay fast."""
    return Argon2Hasher(argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


class FakeClock:
    """An injectable clock: fixed until the test moves it, or stepping by `tick` per call."""

    def __init__(self, start: datetime = T0, tick: timedelta = timedelta(0)):
        self.now = start
        self.tick = tick

    def __call__(self) -> datetime:
        self.now += self.tick
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


def table_names(bind: Engine | Connection) -> set[str]:
    """Tables (not views) in the database."""
    return set(inspect(bind).get_table_names())


def allow_audit_tampering(db: Database) -> None:
    """Remove the append-only guard as an attacker with file or superuser access would."""
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER ALL")


def tamper(db: Database, sql: str, **params: object) -> None:
    """Run one statement against the database behind the application's back."""
    allow_audit_tampering(db)
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)
