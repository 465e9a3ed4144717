"""Alembic environment: runs on the connection that data.migrate hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from data.models import Base

config = context.config


def run_migrations_online() -> None:
    """Migrate on the caller's connection, one transaction per revision."""
    connection = config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("data.migrations runs only through data.migrate")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transaction_per_migration=True,
        compare_type=True,
        # Our SQLite engine emits BEGIN itself (data.db), so DDL there is transactional too.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
