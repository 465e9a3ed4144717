"""A volunteer task may come from a station's request (a service ticket)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # ticket ids (0024)


def upgrade() -> None:
    with op.batch_alter_table("volunteer_task") as batch:
        batch.add_column(sa.Column("ticket_id", _BIG, nullable=True))
        batch.create_foreign_key(
            op.f("fk_volunteer_task_ticket_id_service_ticket"),
            "service_ticket",
            ["ticket_id"],
            ["id"],
        )
        batch.create_index(op.f("ix_volunteer_task_ticket_id"), ["ticket_id"])


def downgrade() -> None:
    with op.batch_alter_table("volunteer_task") as batch:
        batch.drop_index(op.f("ix_volunteer_task_ticket_id"))
        batch.drop_constraint(
            op.f("fk_volunteer_task_ticket_id_service_ticket"), type_="foreignkey"
        )
        batch.drop_column("ticket_id")
