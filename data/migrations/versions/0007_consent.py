"""Consent per purpose, recorded and withdrawn

A `consent` table holds one row per grant (a withdrawal closes it; a new grant is a new row),
with the resident's `community_id` copied so that row-level security applies as in 0006.
The old `resident.consent_given/consent_date/consent_method` become "tracking" consents
(method "written" for 书面, else "legacy" with the old wording as the note) and are dropped:
one place for consent, so the card cannot show one state and the guard act on another.
`resident.legal_hold` stops an anonymisation; `resident.anonymised_at` marks one; the
identity number's index becomes nullable, so an anonymised person has none.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Limited to the role's community like 0006's SCOPED tables (the row-security test reads it).
SCOPED = ("consent",)
_IN_SCOPE = (
    "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
    "AND (r.community_id IS NULL OR r.community_id = consent.community_id))"
)
_MIGRATED_BY = "migration 0007"


def upgrade() -> None:
    bind = op.get_bind()
    # Read before the resident table changes: on SQLite the batch below rebuilds it, which a
    # consent row referencing it would forbid; so the consents are written afterwards.
    moved = bind.execute(
        sa.text(
            "SELECT id, community_id, consent_method, consent_date, created_at, updated_at "
            "FROM resident WHERE consent_given ORDER BY id"
        )
    ).all()
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("legal_hold", sa.Boolean(), server_default=sa.text("false"), nullable=False)
        )
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column("id_number_hmac", existing_type=sa.String(64), nullable=True)
        batch_op.drop_column("consent_method")
        batch_op.drop_column("consent_date")
        batch_op.drop_column("consent_given")
    consent = op.create_table(
        "consent",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "resident_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("witness_name", sa.String(length=64), nullable=False),
        sa.Column("guardian_name", sa.String(length=64), nullable=False),
        sa.Column("guardian_relation", sa.String(length=32), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=64), nullable=True),
        sa.Column("withdrawal_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_consent_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_consent_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    op.create_index(op.f("ix_consent_community_id"), "consent", ["community_id"])
    op.create_index("ix_consent_resident_purpose", "consent", ["resident_id", "purpose"])
    op.create_index(
        "uq_consent_open",
        "consent",
        ["resident_id", "purpose"],
        unique=True,
        sqlite_where=sa.text("withdrawn_at IS NULL"),
        postgresql_where=sa.text("withdrawn_at IS NULL"),
    )
    # The recorded consents move over as they were: date, and the method's old wording.
    # recorded_at: when the row was last written, the nearest the old schema knew.
    rows = [
        {
            "resident_id": rid,
            "community_id": cid,
            "purpose": "tracking",
            "method": "written" if method == "书面" else "legacy",
            "given_on": _day(day if day is not None else created),
            "witness_name": "",
            "guardian_name": "",
            "guardian_relation": "",
            "note": "" if method == "书面" else f"migrated: {method or 'method not recorded'}",
            "recorded_by": _MIGRATED_BY,
            "recorded_at": _stamp(updated),
        }
        for rid, cid, method, day, created, updated in moved
    ]
    for i in range(0, len(rows), 5000):
        op.bulk_insert(consent, rows[i : i + 5000])
    if bind.dialect.name != "postgresql":
        return  # SQLite has no database roles: the file's permissions are the boundary
    op.execute("ALTER TABLE consent ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY consent_scope ON consent USING ({_IN_SCOPE}) WITH CHECK ({_IN_SCOPE})"
    )


def _day(value: Any) -> date:
    # SQLite hands dates and timestamps back as text through plain SQL; PostgreSQL as objects.
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _stamp(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS consent_scope ON consent")
        op.execute("ALTER TABLE consent DISABLE ROW LEVEL SECURITY")
    # Plain ADD COLUMN, no batch: rebuilding resident now would break the consents' keys.
    op.add_column(
        "resident",
        sa.Column("consent_given", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("resident", sa.Column("consent_date", sa.Date(), nullable=True))
    op.add_column("resident", sa.Column("consent_method", sa.String(length=32), nullable=True))
    # Back to one flag: the tracking consent in force, if any (the history is lost downwards).
    in_force = (
        "FROM consent c WHERE c.resident_id = resident.id AND c.purpose = 'tracking' "
        "AND c.withdrawn_at IS NULL"
    )
    bind.execute(
        sa.text(
            f"UPDATE resident SET consent_given = true, "
            f"consent_date = (SELECT c.given_on {in_force}), "
            "consent_method = (SELECT CASE c.method WHEN 'written' THEN '书面' "
            f"WHEN 'legacy' THEN substr(c.note, 11) ELSE c.method END {in_force}) "
            f"WHERE EXISTS (SELECT 1 {in_force})"
        )
    )
    # An anonymised resident has no number index; the old schema wants one, unique.
    bind.execute(
        sa.text(
            "UPDATE resident SET id_number_hmac = 'anonymised:' || CAST(id AS VARCHAR(20)) "
            "WHERE id_number_hmac IS NULL"
        )
    )
    # The consents go before the resident table is rebuilt (SQLite): they reference it.
    op.drop_index("uq_consent_open", table_name="consent")
    op.drop_index("ix_consent_resident_purpose", table_name="consent")
    op.drop_index(op.f("ix_consent_community_id"), table_name="consent")
    op.drop_table("consent")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.alter_column("consent_given", existing_type=sa.Boolean(), server_default=None)
        batch_op.alter_column("id_number_hmac", existing_type=sa.String(64), nullable=False)
        batch_op.drop_column("anonymised_at")
        batch_op.drop_column("legal_hold")
