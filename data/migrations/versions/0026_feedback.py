"""Feedback tickets: a service ticket's source, department, deadlines, reply, rating, history"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)
# The literals of data.models as of this revision.
UNRESOLVED = "status IN ('open', 'answered')"
OVERDUE = "kind = 'overdue'"
# Row-level security by community, as 0023 scopes the tickets themselves.
SCOPED = ("service_ticket_event",)
# Added in place (ALTER TABLE ADD/DROP COLUMN on both backends, SQLite ≥ 3.35): a table
# rebuild on SQLite would drop service_ticket with foreign keys on, and the photos of 0025
# would go with it (ON DELETE CASCADE). Hence no foreign key among them (the department is
# kept by its code) and no server defaults but literals.
COLUMNS: tuple[tuple[str, Any, str | None], ...] = (
    ("source", sa.String(length=16), "'station'"),
    ("source_ref", sa.String(length=64), "''"),
    ("department_code", sa.String(length=16), None),
    ("response_due_at", _TS, None),
    ("resolve_due_at", _TS, None),
    ("answered_at", _TS, None),
    ("reply_channel", sa.String(length=8), None),
    ("reply_text", sa.Text(), "''"),
    ("resolved_at", _TS, None),
    ("rating", sa.Integer(), None),
    ("rated_at", _TS, None),
    ("reopened", sa.Integer(), "0"),
    ("updated_at", _TS, None),
)
# Tickets from before this revision were all opened at stations, with no deadlines: they get
# the default category's (a day to respond, a week to resolve, in clock time here); when they
# were answered or closed is not known, so it is taken as when they were opened.
LEGACY_RESPONSE_H = 24
LEGACY_RESOLVE_D = 7


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def _backfill(dialect: str) -> None:
    if dialect == "postgresql":
        resp = f"created_at + interval '{LEGACY_RESPONSE_H} hours'"
        reso = f"created_at + interval '{LEGACY_RESOLVE_D} days'"
    else:
        # SQLAlchemy stores SQLite datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff' text.
        resp = f"strftime('%Y-%m-%d %H:%M:%f000', created_at, '+{LEGACY_RESPONSE_H} hours')"
        reso = f"strftime('%Y-%m-%d %H:%M:%f000', created_at, '+{LEGACY_RESOLVE_D} days')"
    op.execute(f"UPDATE service_ticket SET response_due_at = {resp}, resolve_due_at = {reso}")
    op.execute(
        "UPDATE service_ticket SET answered_at = created_at, reply_channel = 'slip' "
        "WHERE status IN ('answered', 'closed')"
    )
    op.execute(
        "UPDATE service_ticket SET status = 'resolved', resolved_at = created_at "
        "WHERE status = 'closed'"
    )


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    for name, type_, default in COLUMNS:
        op.add_column(
            "service_ticket",
            sa.Column(
                name,
                type_,
                nullable=default is None,
                server_default=None if default is None else sa.text(default),
            ),
        )
    _backfill(dialect)
    # The server defaults were only for the rows already there; the models give the values.
    if dialect == "postgresql":
        for name, _, default in COLUMNS:
            if default is not None:
                op.execute(f"ALTER TABLE service_ticket ALTER COLUMN {name} DROP DEFAULT")
    op.create_index("ix_service_ticket_created_at", "service_ticket", ["created_at"])
    op.create_index(
        "ix_service_ticket_unresolved",
        "service_ticket",
        ["resolve_due_at"],
        sqlite_where=sa.text(UNRESOLVED),
        postgresql_where=sa.text(UNRESOLVED),
    )
    op.create_table(
        "service_ticket_event",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("ticket_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("ts", _TS, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["service_ticket.id"],
            name=op.f("fk_service_ticket_event_ticket_id_service_ticket"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_service_ticket_event_community_id_community"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["user_account.id"],
            name=op.f("fk_service_ticket_event_actor_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_ticket_event")),
    )
    op.create_index(
        op.f("ix_service_ticket_event_ticket_id"), "service_ticket_event", ["ticket_id"]
    )
    # Several workstations may notice the same overdue ticket at once; the second insert finds
    # this index and does nothing. `value` is the deadline and its due time.
    op.create_index(
        "uq_service_ticket_event_overdue",
        "service_ticket_event",
        ["ticket_id", "value"],
        unique=True,
        sqlite_where=sa.text(OVERDUE),
        postgresql_where=sa.text(OVERDUE),
    )
    if dialect != "postgresql":
        return
    for table in SCOPED:
        scope = _in_scope(table)
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_index("uq_service_ticket_event_overdue", table_name="service_ticket_event")
    op.drop_index(op.f("ix_service_ticket_event_ticket_id"), table_name="service_ticket_event")
    op.drop_table("service_ticket_event")
    op.drop_index("ix_service_ticket_unresolved", table_name="service_ticket")
    op.drop_index("ix_service_ticket_created_at", table_name="service_ticket")
    # 0023's states: a resolved or rated ticket was "closed" there.
    op.execute("UPDATE service_ticket SET status = 'closed' WHERE status IN ('resolved', 'rated')")
    for name, _, _ in reversed(COLUMNS):
        op.execute(f"ALTER TABLE service_ticket DROP COLUMN {name}")
