"""Station PCs: receipts of client UUIDs, service tickets, station heartbeats and conflicts"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)
# The literals of data.models as of this revision.
OPEN_TICKET = "status = 'open'"
UNDECIDED = "decided_at IS NULL"
# Row-level security by community, as 0006 scopes incidents: a station's role reads and writes
# only its own community's receipts, tickets, heartbeat and conflicts; street-wide roles all.
SCOPED = ("station_receipt", "service_ticket", "station_heartbeat", "station_conflict")


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def _community(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["community_id"], ["community.id"], name=op.f(f"fk_{table}_community_id_community")
    )


def upgrade() -> None:
    op.create_table(
        "station_receipt",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("result_ref", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.Column("received_at", _TS, nullable=False),
        sa.Column("station_at", _TS, nullable=True),
        sa.Column("received_by", sa.String(length=64), nullable=False),
        _community("station_receipt"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station_receipt")),
        sa.UniqueConstraint("uuid", name=op.f("uq_station_receipt_uuid")),
    )
    op.create_index(op.f("ix_station_receipt_community_id"), "station_receipt", ["community_id"])
    op.create_table(
        "service_ticket",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("caller_name", sa.String(length=64), nullable=False),
        sa.Column("caller_phone", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("client_uuid", sa.String(length=36), nullable=True),
        _community("service_ticket"),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_service_ticket_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_service_ticket_created_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_ticket")),
        sa.UniqueConstraint("client_uuid", name=op.f("uq_service_ticket_client_uuid")),
    )
    op.create_index(op.f("ix_service_ticket_community_id"), "service_ticket", ["community_id"])
    op.create_index(op.f("ix_service_ticket_resident_id"), "service_ticket", ["resident_id"])
    op.create_index(
        "ix_service_ticket_open",
        "service_ticket",
        ["community_id", "created_at"],
        sqlite_where=sa.text(OPEN_TICKET),
        postgresql_where=sa.text(OPEN_TICKET),
    )
    op.create_table(
        "station_heartbeat",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("last_seen_at", _TS, nullable=False),
        sa.Column("clock_skew_s", sa.Float(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        _community("station_heartbeat"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station_heartbeat")),
        sa.UniqueConstraint("workstation", name=op.f("uq_station_heartbeat_workstation")),
    )
    op.create_table(
        "station_conflict",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("decided_at", _TS, nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=True),
        _community("station_conflict"),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_station_conflict_incident_id_incident"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station_conflict")),
        sa.UniqueConstraint("uuid", name=op.f("uq_station_conflict_uuid")),
    )
    op.create_index(op.f("ix_station_conflict_incident_id"), "station_conflict", ["incident_id"])
    op.create_index(
        "ix_station_conflict_open",
        "station_conflict",
        ["community_id", "created_at"],
        sqlite_where=sa.text(UNDECIDED),
        postgresql_where=sa.text(UNDECIDED),
    )
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        scope = _in_scope(table)
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_index("ix_station_conflict_open", table_name="station_conflict")
    op.drop_index(op.f("ix_station_conflict_incident_id"), table_name="station_conflict")
    op.drop_table("station_conflict")
    op.drop_table("station_heartbeat")
    op.drop_index("ix_service_ticket_open", table_name="service_ticket")
    op.drop_index(op.f("ix_service_ticket_resident_id"), table_name="service_ticket")
    op.drop_index(op.f("ix_service_ticket_community_id"), table_name="service_ticket")
    op.drop_table("service_ticket")
    op.drop_index(op.f("ix_station_receipt_community_id"), table_name="station_receipt")
    op.drop_table("station_receipt")
