"""Surveys: versioned forms, rounds with their sampling frame, responses, "has answered" flags"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)
FROZEN_MESSAGE = "survey_form: a published version is frozen"
# Row-level security by community, as 0023 scopes station rows: a station's role sees its own
# community's frame members and responses. Forms and rounds are street-wide; the "has
# answered" flags carry no community on purpose (nothing more to pair them with responses).
SCOPED = ("survey_frame_member", "survey_response")


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
        "survey_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("published_at", _TS, nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_form")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_survey_form_code")),
    )
    op.create_table(
        "survey_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.Column("frame_kind", sa.String(length=16), nullable=False),
        sa.Column("frame_params", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("keep_partial", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        _fk("survey_round", "form_id", "survey_form"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_round")),
        sa.UniqueConstraint("code", name=op.f("uq_survey_round_code")),
    )
    op.create_table(
        "survey_frame_member",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        _fk("survey_frame_member", "round_id", "survey_round"),
        _fk("survey_frame_member", "resident_id", "resident"),
        _fk("survey_frame_member", "community_id", "community"),
        sa.PrimaryKeyConstraint("round_id", "resident_id", name=op.f("pk_survey_frame_member")),
    )
    op.create_index(
        op.f("ix_survey_frame_member_community_id"), "survey_frame_member", ["community_id"]
    )
    # The response's key is a random UUID and, on SQLite, the table has no rowid: neither
    # an id nor the storage order pairs a response with the "has answered" flag.
    op.create_table(
        "survey_response",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("client_uuid", sa.String(length=36), nullable=False),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("helped_by", sa.Integer(), nullable=True),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("care_flag", sa.Boolean(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("submitted_at", _TS, nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        _fk("survey_response", "round_id", "survey_round"),
        _fk("survey_response", "resident_id", "resident"),
        _fk("survey_response", "helped_by", "user_account"),
        _fk("survey_response", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_response")),
        sa.UniqueConstraint("client_uuid", name=op.f("uq_survey_response_client_uuid")),
        sa.UniqueConstraint("round_id", "resident_id", name=op.f("uq_survey_response_round_id")),
        sqlite_with_rowid=False,
    )
    op.create_index(op.f("ix_survey_response_community_id"), "survey_response", ["community_id"])
    op.create_table(
        "survey_answered",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("answered_at", _TS, nullable=False),
        _fk("survey_answered", "round_id", "survey_round"),
        _fk("survey_answered", "resident_id", "resident"),
        sa.PrimaryKeyConstraint("round_id", "resident_id", name=op.f("pk_survey_answered")),
        sqlite_with_rowid=False,
    )
    if op.get_context().dialect.name != "postgresql":
        op.execute(
            "CREATE TRIGGER survey_form_frozen BEFORE UPDATE OF definition ON survey_form "
            f"WHEN OLD.published_at IS NOT NULL BEGIN SELECT RAISE(ABORT, '{FROZEN_MESSAGE}'); END"
        )
        return
    op.execute(
        "CREATE FUNCTION survey_form_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF OLD.published_at IS NOT NULL AND NEW.definition IS DISTINCT FROM OLD.definition "
        f"THEN RAISE EXCEPTION '{FROZEN_MESSAGE}' USING ERRCODE = 'check_violation'; END IF; "
        "RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER survey_form_frozen BEFORE UPDATE ON survey_form "
        "FOR EACH ROW EXECUTE FUNCTION survey_form_frozen()"
    )
    for table in SCOPED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        scope = _in_scope(table)
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
        op.execute("DROP TRIGGER IF EXISTS survey_form_frozen ON survey_form")
        op.execute("DROP FUNCTION IF EXISTS survey_form_frozen()")
    else:
        op.execute("DROP TRIGGER IF EXISTS survey_form_frozen")
    op.drop_table("survey_answered")
    op.drop_index(op.f("ix_survey_response_community_id"), table_name="survey_response")
    op.drop_table("survey_response")
    op.drop_index(op.f("ix_survey_frame_member_community_id"), table_name="survey_frame_member")
    op.drop_table("survey_frame_member")
    op.drop_table("survey_round")
    op.drop_table("survey_form")
