"""The audit log cannot be truncated"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# TRUNCATE fires no row triggers, so 0001's append-only guard let `TRUNCATE audit_log` (and a
# reset of audit_head) through. SQLite has no TRUNCATE: its DELETE trigger covers it.
_TABLES = ("audit_log", "audit_head")


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        return
    op.execute(
        "CREATE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION '% cannot be truncated: the audit trail is append-only', "
        "TG_TABLE_NAME; END $$"
    )
    for table in _TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate()"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        return
    for table in _TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    op.execute("DROP FUNCTION IF EXISTS audit_no_truncate()")
