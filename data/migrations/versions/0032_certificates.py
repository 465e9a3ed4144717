"""Volunteer certificates and the time bank"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # resident ids (0001)
# Row-level security by community, as 0027 scopes businesses. The counter carries no community:
# one gapless sequence per year for the whole street.
SCOPED = (
    "certificate",
    "certificate_archive",
    "timebank_account",
    "timebank_txn",
    "timebank_entry",
)


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("listed_at", _TS, nullable=False),
        sa.Column("listed_until", _TS, nullable=False),
        sa.Column("objection", sa.Text(), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", _TS, nullable=True),
        sa.Column("withdrawn_by_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", _TS, nullable=True),
        sa.Column("withdrawn_reason", sa.String(length=200), nullable=False),
        _fk("certificate", "community_id", "community"),
        _fk("certificate", "volunteer_id", "volunteer"),
        _fk("certificate", "requested_by_id", "user_account"),
        _fk("certificate", "issued_by_id", "user_account"),
        _fk("certificate", "withdrawn_by_id", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("number", name=op.f("uq_certificate_number")),
        sa.UniqueConstraint("year", "seq", name=op.f("uq_certificate_year")),
    )
    op.create_index(op.f("ix_certificate_community_id"), "certificate", ["community_id"])
    op.create_index(op.f("ix_certificate_volunteer_id"), "certificate", ["volunteer_id"])
    op.create_table(
        "certificate_archive",
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("archived_at", _TS, nullable=False),
        _fk("certificate_archive", "certificate_id", "certificate"),
        _fk("certificate_archive", "community_id", "community"),
        sa.PrimaryKeyConstraint("certificate_id", name=op.f("pk_certificate_archive")),
    )
    op.create_index(
        op.f("ix_certificate_archive_community_id"), "certificate_archive", ["community_id"]
    )
    op.create_table(
        "certificate_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_certificate_counter")),
    )
    op.create_table(
        "timebank_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("holder_key", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        _fk("timebank_account", "community_id", "community"),
        _fk("timebank_account", "volunteer_id", "volunteer"),
        _fk("timebank_account", "resident_id", "resident"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_account")),
        sa.UniqueConstraint("holder_key", name=op.f("uq_timebank_account_holder_key")),
    )
    op.create_index(op.f("ix_timebank_account_community_id"), "timebank_account", ["community_id"])
    op.create_table(
        "timebank_txn",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("attendance_id", sa.Integer(), nullable=True),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        _fk("timebank_txn", "community_id", "community"),
        _fk("timebank_txn", "by_id", "user_account"),
        _fk("timebank_txn", "attendance_id", "volunteer_attendance"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_txn")),
        sa.UniqueConstraint("attendance_id", name=op.f("uq_timebank_txn_attendance_id")),
    )
    op.create_index(op.f("ix_timebank_txn_community_id"), "timebank_txn", ["community_id"])
    op.create_table(
        "timebank_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("txn_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        _fk("timebank_entry", "txn_id", "timebank_txn"),
        _fk("timebank_entry", "account_id", "timebank_account"),
        _fk("timebank_entry", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_entry")),
    )
    op.create_index(op.f("ix_timebank_entry_txn_id"), "timebank_entry", ["txn_id"])
    op.create_index(op.f("ix_timebank_entry_account_id"), "timebank_entry", ["account_id"])
    op.create_index(op.f("ix_timebank_entry_community_id"), "timebank_entry", ["community_id"])
    if dialect != "postgresql":
        return
    for table in SCOPED:
        scope = _in_scope(table)
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_index(op.f("ix_timebank_entry_community_id"), table_name="timebank_entry")
    op.drop_index(op.f("ix_timebank_entry_account_id"), table_name="timebank_entry")
    op.drop_index(op.f("ix_timebank_entry_txn_id"), table_name="timebank_entry")
    op.drop_table("timebank_entry")
    op.drop_index(op.f("ix_timebank_txn_community_id"), table_name="timebank_txn")
    op.drop_table("timebank_txn")
    op.drop_index(op.f("ix_timebank_account_community_id"), table_name="timebank_account")
    op.drop_table("timebank_account")
    op.drop_table("certificate_counter")
    op.drop_index(op.f("ix_certificate_archive_community_id"), table_name="certificate_archive")
    op.drop_table("certificate_archive")
    op.drop_index(op.f("ix_certificate_volunteer_id"), table_name="certificate")
    op.drop_index(op.f("ix_certificate_community_id"), table_name="certificate")
    op.drop_table("certificate")
