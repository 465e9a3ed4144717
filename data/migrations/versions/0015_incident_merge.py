"""Duplicate incidents merged into one"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

FK = "fk_incident_merged_into_id_incident"
WHERE = "merged_into_id IS NOT NULL"


def upgrade() -> None:
    # Nullable without a default: added in place on both backends, never a rebuild of a
    # table that may hold a million rows. SQLite cannot add a constraint afterwards, so there
    # the reference is part of the column's definition.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE incident ADD COLUMN merged_into_id BIGINT "
            f"CONSTRAINT {FK} REFERENCES incident (id)"
        )
    else:
        op.add_column("incident", sa.Column("merged_into_id", sa.BigInteger(), nullable=True))
        op.create_foreign_key(FK, "incident", "incident", ["merged_into_id"], ["id"])
    # Partial: only merged rows are in it, so building it reads the table once and keeps
    # nothing of the others.
    op.create_index(
        "ix_incident_merged_into",
        "incident",
        ["merged_into_id"],
        sqlite_where=sa.text(WHERE),
        postgresql_where=sa.text(WHERE),
    )
    op.add_column(
        "incident_type",
        sa.Column("templates", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("incident_type", schema=None) as batch_op:
        batch_op.drop_column("templates")
    op.drop_index("ix_incident_merged_into", table_name="incident")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite drops no column a reference is defined on: a rebuild, on the way back only.
        with op.batch_alter_table("incident", schema=None) as batch_op:
            batch_op.drop_column("merged_into_id")
    else:
        op.drop_constraint(FK, "incident", type_="foreignkey")
        op.drop_column("incident", "merged_into_id")
