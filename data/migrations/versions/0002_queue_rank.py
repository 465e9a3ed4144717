"""Incident queue at scale: a stored sort key and partial indexes on the open states"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OPEN = "state IN ('new', 'acknowledged', 'dispatched', 'on_scene')"
RESOLVED = "state = 'resolved'"


def upgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("queue_rank", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.drop_index("ix_incident_open")
    # priority × 2, + 1 once someone handles it: ORDER BY queue_rank, created_at, id is the
    # queue's order, and an index can give it (a CASE with bound parameters cannot).
    op.execute(
        "UPDATE incident SET queue_rank = priority * 2 + CASE WHEN state = 'new' THEN 0 ELSE 1 END"
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.create_index(
            "ix_incident_queue",
            ["queue_rank", "created_at", "id"],
            unique=False,
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )
        batch_op.create_index(
            "ix_incident_queue_community",
            ["community_id", "queue_rank", "created_at", "id"],
            unique=False,
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )
        batch_op.create_index(
            "ix_incident_review",
            ["queue_rank", "created_at", "id"],
            unique=False,
            sqlite_where=sa.text(RESOLVED),
            postgresql_where=sa.text(RESOLVED),
        )
        batch_op.create_index("ix_incident_created_at", ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_created_at")
        batch_op.drop_index("ix_incident_review")
        batch_op.drop_index("ix_incident_queue_community")
        batch_op.drop_index("ix_incident_queue")
        batch_op.create_index("ix_incident_open", ["state", "priority", "created_at"], unique=False)
        batch_op.drop_column("queue_rank")
