"""Community employment: employers and visits, postings, seekers and training, referrals"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # resident ids (0001)
# Row-level security by community, as 0033 scopes its tables. A seeker's referral carries the
# seeker's community.
SCOPED = (
    "employer",
    "job_posting",
    "job_seeker",
    "job_referral",
)
# An employer or a posting without a community is the street's (a firm outside the residential
# communities): every role reads it, as 0029 shows street-wide teams, but only a street-wide
# role writes it.
STREET_WIDE_READ = ("employer", "job_posting")
# Rows without a community of their own are as private as the row they belong to, as 0006
# makes an incident's timeline: the subquery sees only the parents the parent's policy shows.
CHILDREN = {
    "employer_visit": ("employer", "employer_id"),
    "job_training": ("job_seeker", "seeker_id"),
    "job_referral_step": ("job_referral", "referral_id"),
    "job_retention_check": ("job_referral", "referral_id"),
}


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def _community_index(table: str) -> None:
    op.create_index(op.f(f"ix_{table}_community_id"), table, ["community_id"])


def upgrade() -> None:
    op.create_table(
        "employer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("contact_name", sa.String(length=64), nullable=False),
        sa.Column("contact_phone", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("staff", sa.Integer(), nullable=False),
        sa.Column("disabled_staff", sa.Integer(), nullable=False),
        sa.Column("forms", sa.String(length=120), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("verified_by", sa.String(length=64), nullable=True),
        sa.Column("verified_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("employer", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_employer_credit_code")),
    )
    _community_index("employer")
    op.create_table(
        "employer_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("visited_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        _fk("employer_visit", "employer_id", "employer"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_visit")),
    )
    op.create_index(op.f("ix_employer_visit_employer_id"), "employer_visit", ["employer_id"])
    op.create_table(
        "job_posting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=80), nullable=False),
        sa.Column("duties", sa.Text(), nullable=False),
        sa.Column("hours_per_week", sa.Integer(), nullable=False),
        sa.Column("shift", sa.String(length=12), nullable=False),
        sa.Column("pay_fen_per_month", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("features", sa.String(length=200), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("eligibility", sa.String(length=120), nullable=False),
        sa.Column("openings", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", _TS, nullable=False),
        sa.Column("closed_at", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("job_posting", "employer_id", "employer"),
        _fk("job_posting", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_posting")),
    )
    _community_index("job_posting")
    op.create_index(op.f("ix_job_posting_employer_id"), "job_posting", ["employer_id"])
    op.create_table(
        "job_seeker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("needs", sa.String(length=200), nullable=False),
        sa.Column("min_hours", sa.Integer(), nullable=False),
        sa.Column("max_hours", sa.Integer(), nullable=False),
        sa.Column("shifts", sa.String(length=60), nullable=False),
        sa.Column("max_m", sa.Integer(), nullable=False),
        sa.Column("statuses", sa.String(length=120), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("job_seeker", "resident_id", "resident"),
        _fk("job_seeker", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_seeker")),
        sa.UniqueConstraint("resident_id", name=op.f("uq_job_seeker_resident_id")),
    )
    _community_index("job_seeker")
    op.create_table(
        "job_training",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("course", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=64), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("skill", sa.String(length=40), nullable=False),
        _fk("job_training", "seeker_id", "job_seeker"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_training")),
    )
    op.create_index(op.f("ix_job_training_seeker_id"), "job_training", ["seeker_id"])
    op.create_table(
        "job_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("counsellor", sa.String(length=64), nullable=False),
        sa.Column("stage", sa.String(length=12), nullable=False),
        sa.Column("employer_confirmed_on", sa.Date(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        _fk("job_referral", "seeker_id", "job_seeker"),
        _fk("job_referral", "posting_id", "job_posting"),
        _fk("job_referral", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_referral")),
        # A seeker is put forward for a posting once: a second referral would count the
        # same job twice toward the placement target.
        sa.UniqueConstraint("seeker_id", "posting_id", name=op.f("uq_job_referral_seeker_id")),
    )
    _community_index("job_referral")
    op.create_index(op.f("ix_job_referral_posting_id"), "job_referral", ["posting_id"])
    op.create_table(
        "job_referral_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=12), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("refused_by", sa.String(length=12), nullable=True),
        sa.Column("reason", sa.String(length=16), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        _fk("job_referral_step", "referral_id", "job_referral"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_referral_step")),
    )
    op.create_index(op.f("ix_job_referral_step_referral_id"), "job_referral_step", ["referral_id"])
    op.create_table(
        "job_retention_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("still_employed", sa.Boolean(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("checked_by", sa.String(length=64), nullable=True),
        _fk("job_retention_check", "referral_id", "job_referral"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_retention_check")),
    )
    op.create_index(
        op.f("ix_job_retention_check_referral_id"), "job_retention_check", ["referral_id"]
    )
    op.create_index("ix_job_retention_check_due", "job_retention_check", ["due_on"])
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        scope = _in_scope(table)
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        if table in STREET_WIDE_READ:
            # Permissive policies add up per command: reads get either, writes only the scope.
            op.execute(
                f"CREATE POLICY {table}_read ON {table} FOR SELECT "
                f"USING ({table}.community_id IS NULL OR {scope})"
            )
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")
    for table, (parent, column) in CHILDREN.items():
        visible = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column})"
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY {table}_scope ON {table} USING ({visible}) WITH CHECK ({visible})"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in CHILDREN:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
            op.execute(f"DROP POLICY IF EXISTS {table}_read ON {table}")
    op.drop_index("ix_job_retention_check_due", table_name="job_retention_check")
    op.drop_index(op.f("ix_job_retention_check_referral_id"), table_name="job_retention_check")
    op.drop_table("job_retention_check")
    op.drop_index(op.f("ix_job_referral_step_referral_id"), table_name="job_referral_step")
    op.drop_table("job_referral_step")
    op.drop_index(op.f("ix_job_referral_posting_id"), table_name="job_referral")
    op.drop_index(op.f("ix_job_referral_community_id"), table_name="job_referral")
    op.drop_table("job_referral")
    op.drop_index(op.f("ix_job_training_seeker_id"), table_name="job_training")
    op.drop_table("job_training")
    op.drop_index(op.f("ix_job_seeker_community_id"), table_name="job_seeker")
    op.drop_table("job_seeker")
    op.drop_index(op.f("ix_job_posting_employer_id"), table_name="job_posting")
    op.drop_index(op.f("ix_job_posting_community_id"), table_name="job_posting")
    op.drop_table("job_posting")
    op.drop_index(op.f("ix_employer_visit_employer_id"), table_name="employer_visit")
    op.drop_table("employer_visit")
    op.drop_index(op.f("ix_employer_community_id"), table_name="employer")
    op.drop_table("employer")
