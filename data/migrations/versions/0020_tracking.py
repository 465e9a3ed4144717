"""Tracking: tags, their read history and latest positions, care-rule episodes, unknown tags"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The literal of data.models as of this revision.
OPEN_EPISODE = "closed_at IS NULL"
# Row-level security by the tag's community, as 0006 and 0018 scope their tables.
SCOPED = ("tag", "tag_read", "tag_position", "tracking_episode")


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def upgrade() -> None:
    op.create_table(
        "tag",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("resident_id", _BIG, nullable=True),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replaced_by_id", _BIG, nullable=True),
        sa.Column("safe_zones", sa.String(length=300), nullable=False),
        sa.Column("dwell_seconds", sa.Integer(), nullable=False),
        sa.Column("no_read_hours", sa.Integer(), nullable=False),
        sa.Column("armed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_tag_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_tag_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"], ["tag.id"], name=op.f("fk_tag_replaced_by_id_tag")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("code", name=op.f("uq_tag_code")),
    )
    op.create_index(op.f("ix_tag_community_id"), "tag", ["community_id"], unique=False)
    op.create_index(op.f("ix_tag_resident_id"), "tag", ["resident_id"], unique=False)
    op.create_index(op.f("ix_tag_plate"), "tag", ["plate"], unique=False)
    op.create_table(
        "tag_read",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("tag_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("reader", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rssi", sa.Float(), nullable=True),
        sa.Column("antenna", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("x", sa.Float(), nullable=True),
        sa.Column("y", sa.Float(), nullable=True),
        sa.Column("zone", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], name=op.f("fk_tag_read_tag_id_tag")),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_tag_read_community_id_community")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_read")),
    )
    op.create_index("ix_tag_read_tag_at", "tag_read", ["tag_id", "at"], unique=False)
    op.create_index(op.f("ix_tag_read_at"), "tag_read", ["at"], unique=False)
    op.create_table(
        "tag_position",
        sa.Column("tag_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("zone", sa.String(length=32), nullable=True),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], name=op.f("fk_tag_position_tag_id_tag")),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_tag_position_community_id_community"),
        ),
        sa.PrimaryKeyConstraint("tag_id", name=op.f("pk_tag_position")),
    )
    op.create_index(
        op.f("ix_tag_position_community_id"), "tag_position", ["community_id"], unique=False
    )
    op.create_table(
        "tracking_episode",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("tag_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("rule", sa.String(length=24), nullable=False),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_tracking_episode_tag_id_tag")
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_tracking_episode_community_id_community"),
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_tracking_episode_incident_id_incident"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_episode")),
    )
    op.create_index(
        op.f("ix_tracking_episode_tag_id"), "tracking_episode", ["tag_id"], unique=False
    )
    op.create_index(
        op.f("ix_tracking_episode_incident_id"), "tracking_episode", ["incident_id"], unique=False
    )
    # One open episode per tag and rule: a second writer's duplicate fails at commit.
    op.create_index(
        "uq_tracking_episode_open",
        "tracking_episode",
        ["tag_id", "rule"],
        unique=True,
        sqlite_where=sa.text(OPEN_EPISODE),
        postgresql_where=sa.text(OPEN_EPISODE),
    )
    op.create_table(
        "unknown_tag",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("reader", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unknown_tag")),
    )
    op.create_index("uq_unknown_tag_reader_code", "unknown_tag", ["reader", "code"], unique=True)
    op.create_table(
        "ingest_mark",
        sa.Column("journal", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("journal", name=op.f("pk_ingest_mark")),
    )
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        scope = _in_scope(table)
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({scope}) WITH CHECK ({scope})")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_table("ingest_mark")
    op.drop_index("uq_unknown_tag_reader_code", table_name="unknown_tag")
    op.drop_table("unknown_tag")
    op.drop_index("uq_tracking_episode_open", table_name="tracking_episode")
    op.drop_index(op.f("ix_tracking_episode_incident_id"), table_name="tracking_episode")
    op.drop_index(op.f("ix_tracking_episode_tag_id"), table_name="tracking_episode")
    op.drop_table("tracking_episode")
    op.drop_index(op.f("ix_tag_position_community_id"), table_name="tag_position")
    op.drop_table("tag_position")
    op.drop_index(op.f("ix_tag_read_at"), table_name="tag_read")
    op.drop_index("ix_tag_read_tag_at", table_name="tag_read")
    op.drop_table("tag_read")
    op.drop_index(op.f("ix_tag_plate"), table_name="tag")
    op.drop_index(op.f("ix_tag_resident_id"), table_name="tag")
    op.drop_index(op.f("ix_tag_community_id"), table_name="tag")
    op.drop_table("tag")
