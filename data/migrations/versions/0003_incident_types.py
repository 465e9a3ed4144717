"""Incident types from the site file; an incident's type, disposition and caller"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("default_priority", sa.Integer(), nullable=False),
        sa.Column("acknowledge_minutes", sa.Integer(), nullable=False),
        sa.Column("resolve_minutes", sa.Integer(), nullable=False),
        sa.Column("departments", sa.Text(), nullable=False),
        sa.Column("dispositions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_type")),
        sa.UniqueConstraint("code", name=op.f("uq_incident_type_code")),
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("type_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("disposition", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("caller_name", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("caller_phone", sa.String(length=32), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_incident_type_id_incident_type"), "incident_type", ["type_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_incident_type_id_incident_type"), type_="foreignkey"
        )
        batch_op.drop_column("caller_phone")
        batch_op.drop_column("caller_name")
        batch_op.drop_column("disposition")
        batch_op.drop_column("type_id")
    op.drop_table("incident_type")
