"""Telephone calls: one row per call, its phases, recording, callback and what became of it"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)

# The literals of data.models as of this revision (migrations do not follow later edits).
CALLBACK_WHERE = (
    "direction = 'inbound' AND end_reason IN ('abandoned', 'busy') AND called_back_at IS NULL"
)
UNDISPOSED_WHERE = "disposition = 'open' AND phase = 'ended'"


def _user_fk(column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["user_account.id"], name=op.f(f"fk_call_{column}_user_account")
    )


def upgrade() -> None:
    op.create_table(
        "call",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("gateway_call_id", sa.String(length=64), nullable=False),
        sa.Column("sip_call_id", sa.String(length=200), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("phase", sa.String(length=8), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("display", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("answered_at", _TS, nullable=True),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.Column("ended_at", _TS, nullable=True),
        sa.Column("end_reason", sa.String(length=16), nullable=True),
        sa.Column("recording", sa.String(length=500), nullable=False),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("disposition", sa.String(length=16), nullable=False),
        sa.Column("no_incident_reason", sa.String(length=240), nullable=False),
        sa.Column("disposed_by_id", sa.Integer(), nullable=True),
        sa.Column("disposed_at", _TS, nullable=True),
        sa.Column("callback_of_id", _BIG, nullable=True),
        sa.Column("called_back_at", _TS, nullable=True),
        sa.Column("called_back_by_id", sa.Integer(), nullable=True),
        _user_fk("answered_by_id"),
        _user_fk("disposed_by_id"),
        _user_fk("called_back_by_id"),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_call_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incident.id"], name=op.f("fk_call_incident_id_incident")
        ),
        sa.ForeignKeyConstraint(
            ["callback_of_id"], ["call.id"], name=op.f("fk_call_callback_of_id_call")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call")),
    )
    # A report of the gateway arriving twice (or from a retried write) finds its row.
    op.create_index(
        "uq_call_gateway", "call", ["workstation", "gateway_call_id", "started_at"], unique=True
    )
    op.create_index(
        "ix_call_callback",
        "call",
        ["started_at"],
        sqlite_where=sa.text(CALLBACK_WHERE),
        postgresql_where=sa.text(CALLBACK_WHERE),
    )
    op.create_index(
        "ix_call_undisposed",
        "call",
        ["started_at"],
        sqlite_where=sa.text(UNDISPOSED_WHERE),
        postgresql_where=sa.text(UNDISPOSED_WHERE),
    )
    op.create_index("ix_call_started_at", "call", ["started_at"])
    op.create_index("ix_call_number", "call", ["number", "started_at"])
    op.create_index(op.f("ix_call_incident_id"), "call", ["incident_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_call_incident_id"), table_name="call")
    op.drop_index("ix_call_number", table_name="call")
    op.drop_index("ix_call_started_at", table_name="call")
    op.drop_index("ix_call_undisposed", table_name="call")
    op.drop_index("ix_call_callback", table_name="call")
    op.drop_index("uq_call_gateway", table_name="call")
    op.drop_table("call")
