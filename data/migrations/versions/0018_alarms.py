"""Alarm events from DC-09 panels, deduplicated by transmission, each linked to its incident"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The literal of data.models as of this revision.
OPENED_WHERE = "outcome = 'incident'"
SCOPED = ("alarm_event",)  # row-level security by community, as 0006 names its tables
# As 0006 scopes incident, resident and device: street-wide roles, or the row's community.
_IN_SCOPE = (
    "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
    "AND (r.community_id IS NULL OR r.community_id = alarm_event.community_id))"
)


def upgrade() -> None:
    op.create_table(
        "alarm_event",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("account", sa.String(length=16), nullable=False),
        sa.Column("receiver", sa.String(length=16), server_default="", nullable=False),
        sa.Column("line", sa.String(length=16), server_default="", nullable=False),
        sa.Column("sequence", sa.String(length=8), server_default="", nullable=False),
        sa.Column("message_type", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=8), server_default="", nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("zone", sa.String(length=16), server_default="", nullable=False),
        sa.Column("partition", sa.String(length=8), server_default="", nullable=False),
        sa.Column("text", sa.String(length=300), server_default="", nullable=False),
        sa.Column("panel_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("transport", sa.String(length=8), server_default="", nullable=False),
        sa.Column("peer", sa.String(length=64), server_default="", nullable=False),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_alarm_event_device_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_alarm_event_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_alarm_event_incident_id_incident"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarm_event")),
        sa.UniqueConstraint("key", name=op.f("uq_alarm_event_key")),
    )
    op.create_index(
        "ix_alarm_event_device_time", "alarm_event", ["device_id", "received_at"], unique=False
    )
    op.create_index(
        "ix_alarm_event_opened",
        "alarm_event",
        ["device_id", "category", "id"],
        sqlite_where=sa.text(OPENED_WHERE),
        postgresql_where=sa.text(OPENED_WHERE),
    )
    op.create_index(
        op.f("ix_alarm_event_incident_id"), "alarm_event", ["incident_id"], unique=False
    )
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY alarm_event_scope ON alarm_event "
        f"USING ({_IN_SCOPE}) WITH CHECK ({_IN_SCOPE})"
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS alarm_event_scope ON alarm_event")
    op.drop_index(op.f("ix_alarm_event_incident_id"), table_name="alarm_event")
    op.drop_index("ix_alarm_event_opened", table_name="alarm_event")
    op.drop_index("ix_alarm_event_device_time", table_name="alarm_event")
    op.drop_table("alarm_event")
