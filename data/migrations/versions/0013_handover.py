"""Shift handover reports and their acknowledgement"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "shift_handover",
        sa.Column("id", _ID, nullable=False),
        sa.Column("outgoing_user_id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("shift_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shift_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("chain_head", sa.String(length=64), nullable=False),
        sa.Column("chain_rows", sa.BigInteger(), nullable=False),
        sa.Column("checkpoint_file", sa.String(length=200), nullable=False),
        sa.Column("signature", sa.String(length=200), nullable=False),
        sa.Column("pdf_file", sa.String(length=200), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["outgoing_user_id"],
            ["user_account.id"],
            name=op.f("fk_shift_handover_outgoing_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["user_account.id"],
            name=op.f("fk_shift_handover_acknowledged_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_handover")),
    )
    op.create_index(
        op.f("ix_shift_handover_outgoing_user_id"), "shift_handover", ["outgoing_user_id"]
    )
    op.create_index(
        "ix_shift_handover_pending", "shift_handover", ["workstation", "acknowledged_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_shift_handover_pending", table_name="shift_handover")
    op.drop_index(op.f("ix_shift_handover_outgoing_user_id"), table_name="shift_handover")
    op.drop_table("shift_handover")
