"""A register of businesses, and survey rounds whose sampling frame is businesses"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
# Row-level security by community, as 0024 scopes the residents' frames and responses. The
# businesses' "has answered" flags carry no community, like the residents' (0024).
SCOPED = ("business", "survey_frame_business")
# One response per business per round. A unique index rather than a constraint: SQLite adds
# neither a constraint nor a foreign key to a table in place, and a rebuild of the WITHOUT
# ROWID response table through batch mode would come back with a rowid.
UNIQUE_BUSINESS = "uq_survey_response_business"


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
        "business",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("contact_name", sa.String(length=64), nullable=False),
        sa.Column("contact_phone", sa.String(length=32), nullable=False),
        sa.Column("licence_no", sa.String(length=32), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        _fk("business", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business")),
        sa.UniqueConstraint("code", name=op.f("uq_business_code")),
    )
    op.create_index(op.f("ix_business_community_id"), "business", ["community_id"])
    op.create_table(
        "survey_frame_business",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        _fk("survey_frame_business", "round_id", "survey_round"),
        _fk("survey_frame_business", "business_id", "business"),
        _fk("survey_frame_business", "community_id", "community"),
        sa.PrimaryKeyConstraint("round_id", "business_id", name=op.f("pk_survey_frame_business")),
    )
    op.create_index(
        op.f("ix_survey_frame_business_community_id"), "survey_frame_business", ["community_id"]
    )
    op.create_table(
        "survey_answered_business",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("answered_at", _TS, nullable=False),
        _fk("survey_answered_business", "round_id", "survey_round"),
        _fk("survey_answered_business", "business_id", "business"),
        sa.PrimaryKeyConstraint(
            "round_id", "business_id", name=op.f("pk_survey_answered_business")
        ),
        sqlite_with_rowid=False,
    )
    # In place on both backends (see UNIQUE_BUSINESS): the column with its reference inline on
    # SQLite, which accepts REFERENCES in ADD COLUMN when the default is NULL.
    if dialect == "postgresql":
        op.add_column("survey_response", sa.Column("business_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_survey_response_business_id_business"),
            "survey_response",
            "business",
            ["business_id"],
            ["id"],
        )
    else:
        op.execute(
            "ALTER TABLE survey_response ADD COLUMN business_id INTEGER "
            "CONSTRAINT fk_survey_response_business_id_business REFERENCES business (id)"
        )
    op.create_index(UNIQUE_BUSINESS, "survey_response", ["round_id", "business_id"], unique=True)
    if dialect != "postgresql":
        return
    for table in SCOPED:
        scope = _in_scope(table)
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_index(UNIQUE_BUSINESS, table_name="survey_response")
    if dialect == "postgresql":
        op.drop_constraint(
            op.f("fk_survey_response_business_id_business"), "survey_response", type_="foreignkey"
        )
    # SQLite ≥ 3.35 drops a column with an inline reference in place.
    op.execute("ALTER TABLE survey_response DROP COLUMN business_id")
    op.drop_table("survey_answered_business")
    op.drop_index(op.f("ix_survey_frame_business_community_id"), table_name="survey_frame_business")
    op.drop_table("survey_frame_business")
    op.drop_index(op.f("ix_business_community_id"), table_name="business")
    op.drop_table("business")
