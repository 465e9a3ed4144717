"""Volunteer check-in and hours: attendance, used check-in codes, corrections, approvals"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # resident ids are 64-bit
# Row-level security by community, as 0027 scopes businesses.
SCOPED = ("volunteer_attendance", "volunteer_checkin_use", "volunteer_hours_correction")
# At most one open attendance per volunteer: two check-ins racing on two PCs cannot both land.
OPEN_ONE = "uq_volunteer_attendance_open"
OPEN_SQL = "status = 'open'"


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
    op.create_table(
        "volunteer_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("place", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("checkin_at", _TS, nullable=False),
        sa.Column("checkout_at", _TS, nullable=True),
        sa.Column("travel_minutes", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("checked_in_by", sa.String(length=64), nullable=False),
        sa.Column("confirmed_via", sa.String(length=16), nullable=True),
        sa.Column("confirmed_by", sa.String(length=64), nullable=True),
        sa.Column("confirmed_at", _TS, nullable=True),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", _TS, nullable=True),
        sa.Column("rejected_reason", sa.String(length=200), nullable=True),
        _fk("volunteer_attendance", "volunteer_id", "volunteer"),
        _fk("volunteer_attendance", "community_id", "community"),
        _fk("volunteer_attendance", "shift_id", "volunteer_shift"),
        _fk("volunteer_attendance", "task_id", "volunteer_task"),
        _fk("volunteer_attendance", "resident_id", "resident"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_attendance")),
    )
    op.create_index(
        op.f("ix_volunteer_attendance_community_id"), "volunteer_attendance", ["community_id"]
    )
    op.create_index(op.f("ix_volunteer_attendance_status"), "volunteer_attendance", ["status"])
    op.create_index(
        "ix_volunteer_attendance_volunteer", "volunteer_attendance", ["volunteer_id", "checkin_at"]
    )
    op.create_index(
        OPEN_ONE,
        "volunteer_attendance",
        ["volunteer_id"],
        unique=True,
        sqlite_where=sa.text(OPEN_SQL),
        postgresql_where=sa.text(OPEN_SQL),
    )
    op.create_table(
        "volunteer_checkin_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(length=16), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("place", sa.String(length=64), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("attendance_id", sa.Integer(), nullable=False),
        sa.Column("used_at", _TS, nullable=False),
        sa.Column("expires_at", _TS, nullable=False),
        _fk("volunteer_checkin_use", "volunteer_id", "volunteer"),
        _fk("volunteer_checkin_use", "community_id", "community"),
        _fk("volunteer_checkin_use", "attendance_id", "volunteer_attendance"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_checkin_use")),
        sa.UniqueConstraint(
            "nonce",
            "volunteer_id",
            "direction",
            name=op.f("uq_volunteer_checkin_use_nonce"),
        ),
    )
    op.create_index(
        op.f("ix_volunteer_checkin_use_community_id"), "volunteer_checkin_use", ["community_id"]
    )
    op.create_table(
        "volunteer_hours_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attendance_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=16), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("corrected_by", sa.String(length=64), nullable=False),
        sa.Column("corrected_at", _TS, nullable=False),
        _fk("volunteer_hours_correction", "attendance_id", "volunteer_attendance"),
        _fk("volunteer_hours_correction", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_hours_correction")),
    )
    op.create_index(
        op.f("ix_volunteer_hours_correction_attendance_id"),
        "volunteer_hours_correction",
        ["attendance_id"],
    )
    op.create_index(
        op.f("ix_volunteer_hours_correction_community_id"),
        "volunteer_hours_correction",
        ["community_id"],
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
    op.drop_index(
        op.f("ix_volunteer_hours_correction_community_id"), table_name="volunteer_hours_correction"
    )
    op.drop_index(
        op.f("ix_volunteer_hours_correction_attendance_id"), table_name="volunteer_hours_correction"
    )
    op.drop_table("volunteer_hours_correction")
    op.drop_index(op.f("ix_volunteer_checkin_use_community_id"), table_name="volunteer_checkin_use")
    op.drop_table("volunteer_checkin_use")
    op.drop_index(OPEN_ONE, table_name="volunteer_attendance")
    op.drop_index("ix_volunteer_attendance_volunteer", table_name="volunteer_attendance")
    op.drop_index(op.f("ix_volunteer_attendance_status"), table_name="volunteer_attendance")
    op.drop_index(op.f("ix_volunteer_attendance_community_id"), table_name="volunteer_attendance")
    op.drop_table("volunteer_attendance")
