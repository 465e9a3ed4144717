"""A service ticket's photo taken at a station, kept with the ticket"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# Its own bytes, not attachment_blob's: those are readable through an incident's attachment
# (0012), and their clean-up at retention knows only incidents. The community is copied from
# the ticket so the row carries the same row-level security as the ticket (0023).
SCOPED = ("service_ticket_photo",)


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def upgrade() -> None:
    op.create_table(
        "service_ticket_photo",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("ticket_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["service_ticket.id"],
            name=op.f("fk_service_ticket_photo_ticket_id_service_ticket"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_service_ticket_photo_community_id_community"),
        ),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["user_account.id"],
            name=op.f("fk_service_ticket_photo_added_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_ticket_photo")),
    )
    op.create_index(
        op.f("ix_service_ticket_photo_ticket_id"), "service_ticket_photo", ["ticket_id"]
    )
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        scope = _in_scope(table)
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_index(op.f("ix_service_ticket_photo_ticket_id"), table_name="service_ticket_photo")
    op.drop_table("service_ticket_photo")
