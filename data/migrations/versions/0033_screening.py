"""Screening and counselling: licences, screenings, appointments, contacts, referrals"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # resident ids (0001)
# Row-level security by community, as 0027 scopes businesses. The licence register carries
# no community: it is the street's.
SCOPED = (
    "screening",
    "counselling_appointment",
    "counselling_contact",
    "counselling_referral",
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
    # Risk incidents (a positive suicide item) are read only by the roles that handle them.
    with op.batch_alter_table("incident") as batch:
        batch.add_column(
            sa.Column("restricted", sa.String(length=16), nullable=False, server_default="")
        )
    # The few restricted ones, for the reads that leave them out (History's search).
    op.create_index(
        "ix_incident_restricted",
        "incident",
        ["id"],
        sqlite_where=sa.text("restricted <> ''"),
        postgresql_where=sa.text("restricted <> ''"),
    )
    op.create_table(
        "screening_licence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("expires", sa.Date(), nullable=True),
        sa.Column("registered_by", sa.String(length=64), nullable=False),
        sa.Column("registered_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_licence")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_screening_licence_code")),
    )
    op.create_table(
        "screening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_uuid", sa.String(length=40), nullable=False),
        sa.Column("sitting_uuid", sa.String(length=40), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=24), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("answers_enc", sa.Text(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("band", sa.String(length=24), nullable=True),
        sa.Column("positive", sa.Boolean(), nullable=True),
        sa.Column("risk", sa.Boolean(), nullable=False),
        sa.Column("consent_id", _BIG, nullable=False),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("given_by", sa.String(length=64), nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Column("completed_at", _TS, nullable=True),
        _fk("screening", "resident_id", "resident"),
        _fk("screening", "community_id", "community"),
        _fk("screening", "consent_id", "consent"),
        _fk("screening", "incident_id", "incident"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening")),
        sa.UniqueConstraint("client_uuid", name=op.f("uq_screening_client_uuid")),
    )
    op.create_index(op.f("ix_screening_community_id"), "screening", ["community_id"])
    op.create_index("ix_screening_resident", "screening", ["resident_id", "started_at"])
    op.create_index("ix_screening_completed", "screening", ["completed_at"])
    op.create_table(
        "counselling_appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("starts_at", _TS, nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("counsellor", sa.String(length=64), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("counselling_appointment", "resident_id", "resident"),
        _fk("counselling_appointment", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counselling_appointment")),
    )
    op.create_index(
        op.f("ix_counselling_appointment_community_id"),
        "counselling_appointment",
        ["community_id"],
    )
    op.create_index(
        "ix_counselling_appointment_starts", "counselling_appointment", ["starts_at", "id"]
    )
    op.create_table(
        "counselling_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_uuid", sa.String(length=40), nullable=False),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("attendees", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("note_enc", sa.Text(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=True),
        sa.Column("counsellor", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        _fk("counselling_contact", "resident_id", "resident"),
        _fk("counselling_contact", "community_id", "community"),
        _fk("counselling_contact", "appointment_id", "counselling_appointment"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counselling_contact")),
        sa.UniqueConstraint("client_uuid", name=op.f("uq_counselling_contact_client_uuid")),
    )
    op.create_index(
        op.f("ix_counselling_contact_community_id"), "counselling_contact", ["community_id"]
    )
    op.create_index("ix_counselling_contact_at", "counselling_contact", ["at"])
    op.create_index("ix_counselling_contact_resident", "counselling_contact", ["resident_id"])
    op.create_table(
        "counselling_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("to_kind", sa.String(length=16), nullable=False),
        sa.Column("to_name", sa.String(length=100), nullable=False),
        sa.Column("reason_enc", sa.Text(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=True),
        sa.Column("referred_by", sa.String(length=64), nullable=False),
        sa.Column("referred_at", _TS, nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("outcome_enc", sa.Text(), nullable=False),
        sa.Column("outcome_at", _TS, nullable=True),
        _fk("counselling_referral", "resident_id", "resident"),
        _fk("counselling_referral", "community_id", "community"),
        _fk("counselling_referral", "screening_id", "screening"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counselling_referral")),
    )
    op.create_index(
        op.f("ix_counselling_referral_community_id"), "counselling_referral", ["community_id"]
    )
    op.create_index(
        "ix_counselling_referral_resident", "counselling_referral", ["resident_id", "referred_at"]
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
    op.drop_index("ix_counselling_referral_resident", table_name="counselling_referral")
    op.drop_index(op.f("ix_counselling_referral_community_id"), table_name="counselling_referral")
    op.drop_table("counselling_referral")
    op.drop_index("ix_counselling_contact_resident", table_name="counselling_contact")
    op.drop_index("ix_counselling_contact_at", table_name="counselling_contact")
    op.drop_index(op.f("ix_counselling_contact_community_id"), table_name="counselling_contact")
    op.drop_table("counselling_contact")
    op.drop_index("ix_counselling_appointment_starts", table_name="counselling_appointment")
    op.drop_index(
        op.f("ix_counselling_appointment_community_id"), table_name="counselling_appointment"
    )
    op.drop_table("counselling_appointment")
    op.drop_index("ix_screening_completed", table_name="screening")
    op.drop_index("ix_screening_resident", table_name="screening")
    op.drop_index(op.f("ix_screening_community_id"), table_name="screening")
    op.drop_table("screening")
    op.drop_table("screening_licence")
    op.drop_index("ix_incident_restricted", table_name="incident")
    with op.batch_alter_table("incident") as batch:
        batch.drop_column("restricted")
