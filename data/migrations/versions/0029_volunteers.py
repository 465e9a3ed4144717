"""Volunteers: profiles, qualifications, teams, shifts and sign-ups, pairings, tasks"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# Row-level security by community, as 0027 scopes businesses. Qualifications and team
# membership carry no community: they are read through their volunteer. Nothing is deleted
# (the console has no DELETE): a member leaves a team (left_on), a pairing ends (ended_on).
SCOPED = (
    "volunteer",
    "volunteer_team",
    "volunteer_shift",
    "volunteer_signup",
    "volunteer_pairing",
    "volunteer_task",
)
# A team may be street-wide (community NULL): every scoped role sees those.
TEAM = "volunteer_team"
UNIQUE_SIGNUP = "uq_volunteer_signup_shift_volunteer"


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
        "volunteer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("name_mask", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("phone_mask", sa.String(length=32), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("birth_date_enc", sa.String(length=120), nullable=False),
        sa.Column("id_number_enc", sa.String(length=120), nullable=False),
        sa.Column("id_number_hmac", sa.String(length=64), nullable=True),
        sa.Column("id_number_mask", sa.String(length=18), nullable=False),
        sa.Column("skills", sa.String(length=200), nullable=False),
        sa.Column("insurance_policy", sa.String(length=40), nullable=False),
        sa.Column("insurance_expires", sa.Date(), nullable=True),
        sa.Column("availability", sa.Integer(), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("volunteer", "community_id", "community"),
        _fk("volunteer", "resident_id", "resident"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer")),
    )
    op.create_index(op.f("ix_volunteer_community_id"), "volunteer", ["community_id"])
    op.create_index(op.f("ix_volunteer_resident_id"), "volunteer", ["resident_id"])
    op.create_index(
        op.f("ix_volunteer_id_number_hmac"), "volunteer", ["id_number_hmac"], unique=True
    )
    op.create_table(
        "volunteer_qualification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        _fk("volunteer_qualification", "volunteer_id", "volunteer"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_qualification")),
    )
    op.create_index(
        op.f("ix_volunteer_qualification_volunteer_id"), "volunteer_qualification", ["volunteer_id"]
    )
    op.create_table(
        "volunteer_team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("leader_volunteer_id", sa.Integer(), nullable=True),
        sa.Column("leader_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        _fk("volunteer_team", "community_id", "community"),
        _fk("volunteer_team", "leader_volunteer_id", "volunteer"),
        _fk("volunteer_team", "leader_user_id", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_team")),
    )
    op.create_index(op.f("ix_volunteer_team_community_id"), "volunteer_team", ["community_id"])
    op.create_table(
        "volunteer_team_member",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        _fk("volunteer_team_member", "team_id", "volunteer_team"),
        _fk("volunteer_team_member", "volunteer_id", "volunteer"),
        sa.PrimaryKeyConstraint("team_id", "volunteer_id", name=op.f("pk_volunteer_team_member")),
    )
    op.create_index(
        op.f("ix_volunteer_team_member_volunteer_id"), "volunteer_team_member", ["volunteer_id"]
    )
    op.create_table(
        "volunteer_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("starts_at", _TS, nullable=False),
        sa.Column("ends_at", _TS, nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("qualification", sa.String(length=32), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=False),
        sa.Column("signup_deadline", _TS, nullable=True),
        sa.Column("signup_mode", sa.String(length=16), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        _fk("volunteer_shift", "community_id", "community"),
        _fk("volunteer_shift", "team_id", "volunteer_team"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_shift")),
    )
    op.create_index(
        "ix_volunteer_shift_community_starts", "volunteer_shift", ["community_id", "starts_at"]
    )
    op.create_table(
        "volunteer_signup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signed_at", _TS, nullable=False),
        sa.Column("decided_at", _TS, nullable=True),
        _fk("volunteer_signup", "shift_id", "volunteer_shift"),
        _fk("volunteer_signup", "volunteer_id", "volunteer"),
        _fk("volunteer_signup", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_signup")),
    )
    op.create_index(UNIQUE_SIGNUP, "volunteer_signup", ["shift_id", "volunteer_id"], unique=True)
    op.create_index(op.f("ix_volunteer_signup_volunteer_id"), "volunteer_signup", ["volunteer_id"])
    op.create_index(op.f("ix_volunteer_signup_community_id"), "volunteer_signup", ["community_id"])
    op.create_table(
        "volunteer_pairing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("cadence", sa.String(length=16), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        _fk("volunteer_pairing", "community_id", "community"),
        _fk("volunteer_pairing", "volunteer_id", "volunteer"),
        _fk("volunteer_pairing", "resident_id", "resident"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_pairing")),
    )
    op.create_index(
        op.f("ix_volunteer_pairing_community_id"), "volunteer_pairing", ["community_id"]
    )
    op.create_index(
        op.f("ix_volunteer_pairing_volunteer_id"), "volunteer_pairing", ["volunteer_id"]
    )
    op.create_index(op.f("ix_volunteer_pairing_resident_id"), "volunteer_pairing", ["resident_id"])
    op.create_table(
        "volunteer_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("incident_id", _BIG, nullable=True),
        # No foreign key: the orders' table comes in a later migration (0030).
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("note", sa.String(length=400), nullable=False),
        sa.Column("due_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("done_at", _TS, nullable=True),
        _fk("volunteer_task", "community_id", "community"),
        _fk("volunteer_task", "resident_id", "resident"),
        _fk("volunteer_task", "incident_id", "incident"),
        _fk("volunteer_task", "volunteer_id", "volunteer"),
        _fk("volunteer_task", "shift_id", "volunteer_shift"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_task")),
    )
    op.create_index(
        "ix_volunteer_task_community_status", "volunteer_task", ["community_id", "status"]
    )
    op.create_index(op.f("ix_volunteer_task_volunteer_id"), "volunteer_task", ["volunteer_id"])
    op.create_index(op.f("ix_volunteer_task_incident_id"), "volunteer_task", ["incident_id"])
    op.create_index(op.f("ix_volunteer_task_order_id"), "volunteer_task", ["order_id"])
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        scope = _in_scope(table)
        if table == TEAM:
            scope = f"({table}.community_id IS NULL OR {scope})"
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_table("volunteer_task")
    op.drop_table("volunteer_pairing")
    op.drop_index(UNIQUE_SIGNUP, table_name="volunteer_signup")
    op.drop_table("volunteer_signup")
    op.drop_table("volunteer_shift")
    op.drop_table("volunteer_team_member")
    op.drop_table("volunteer_team")
    op.drop_table("volunteer_qualification")
    op.drop_table("volunteer")
