"""SLA breaches recorded once per incident and target"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BREACH_WHERE = "kind = 'sla_breach'"


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default) on both backends: no table rebuild.
    op.add_column("incident_type", sa.Column("dispatch_minutes", sa.Integer(), nullable=True))
    # Several workstations may notice the same breach at once; the second insert finds this
    # index and does nothing. Partial: it holds only the (few) breach rows of the timeline.
    op.create_index(
        "uq_incident_event_sla_breach",
        "incident_event",
        ["incident_id", "note"],
        unique=True,
        sqlite_where=sa.text(BREACH_WHERE),
        postgresql_where=sa.text(BREACH_WHERE),
    )


def downgrade() -> None:
    op.drop_index("uq_incident_event_sla_breach", table_name="incident_event")
    with op.batch_alter_table("incident_type") as batch:
        batch.drop_column("dispatch_minutes")
