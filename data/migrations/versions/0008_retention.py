"""Retention: legal holds and what the retention job did"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added without a table rebuild on SQLite (constant defaults): the incident table may hold
    # a million rows by the time this runs.
    op.add_column(
        "incident",
        sa.Column("legal_hold", sa.Boolean(), nullable=False, server_default=sa.text("false")),
    )
    op.add_column(
        "incident",
        sa.Column("legal_hold_reason", sa.String(length=200), nullable=False, server_default=""),
    )
    op.add_column("incident", sa.Column("anonymised_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")
        batch_op.drop_column("legal_hold_reason")
        batch_op.drop_column("legal_hold")
