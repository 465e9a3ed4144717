"""Optimistic version on incidents"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant default: SQLite adds the column without rebuilding a table that may hold a
    # million rows; every existing incident starts at version 1, as a new one does.
    op.add_column(
        "incident",
        sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")),
    )
    # Nullable, no default: also added in place; entries older than this have no version.
    op.add_column("incident_event", sa.Column("version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident_event", schema=None) as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_column("version")
