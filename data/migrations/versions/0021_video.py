"""Video: saved wall views, per-camera motion settings, camera events linked to incidents"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The literals of data.models as of this revision.
OWN_VIEW = "owner_id IS NOT NULL"
SHARED_VIEW = "owner_id IS NULL"
OPENED = "outcome = 'incident'"
# Row-level security by the camera's community, as 0018 and 0020 scope their tables. A wall
# view has no community: the service shows a user their own views and the shared ones.
SCOPED = ("camera_setting", "camera_event")


def _in_scope(table: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def upgrade() -> None:
    op.create_table(
        "wall_view",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("layout", sa.String(length=16), nullable=False),
        sa.Column("tiles", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["user_account.id"], name=op.f("fk_wall_view_owner_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wall_view")),
    )
    # One name per owner, and one among the shared views (NULL owners never collide in a
    # plain unique index, on either backend).
    op.create_index(
        "uq_wall_view_own",
        "wall_view",
        ["owner_id", "name"],
        unique=True,
        sqlite_where=sa.text(OWN_VIEW),
        postgresql_where=sa.text(OWN_VIEW),
    )
    op.create_index(
        "uq_wall_view_shared",
        "wall_view",
        ["name"],
        unique=True,
        sqlite_where=sa.text(SHARED_VIEW),
        postgresql_where=sa.text(SHARED_VIEW),
    )
    op.create_table(
        "camera_setting",
        sa.Column("camera", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("motion_enabled", sa.Boolean(), nullable=False),
        sa.Column("sensitivity", sa.Integer(), nullable=False),
        sa.Column("mask", sa.Text(), nullable=False),
        sa.Column("schedule", sa.String(length=200), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["camera"], ["device.code"], name=op.f("fk_camera_setting_camera_device")
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_camera_setting_community_id_community"),
        ),
        sa.PrimaryKeyConstraint("camera", name=op.f("pk_camera_setting")),
    )
    op.create_index(
        op.f("ix_camera_setting_community_id"), "camera_setting", ["community_id"], unique=False
    )
    op.create_table(
        "camera_event",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("camera", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("rule", sa.String(length=24), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("regions", sa.Text(), nullable=False),
        sa.Column("incident_id", _BIG, nullable=True),
        sa.Column("attachment_id", _BIG, nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["camera"], ["device.code"], name=op.f("fk_camera_event_camera_device")
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_camera_event_community_id_community"),
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_camera_event_incident_id_incident"),
            ondelete="SET NULL",
        ),
        # Retention removes attachments with their incident; the event stays, without it.
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_camera_event_attachment_id_attachment"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camera_event")),
    )
    op.create_index("ix_camera_event_camera_at", "camera_event", ["camera", "at"], unique=False)
    op.create_index(
        op.f("ix_camera_event_community_id"), "camera_event", ["community_id"], unique=False
    )
    op.create_index(
        op.f("ix_camera_event_incident_id"), "camera_event", ["incident_id"], unique=False
    )
    # The open motion incident of a camera and rule: the rows that opened one.
    op.create_index(
        "ix_camera_event_opened",
        "camera_event",
        ["camera", "rule", "id"],
        unique=False,
        sqlite_where=sa.text(OPENED),
        postgresql_where=sa.text(OPENED),
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
    op.drop_index("ix_camera_event_opened", table_name="camera_event")
    op.drop_index(op.f("ix_camera_event_incident_id"), table_name="camera_event")
    op.drop_index(op.f("ix_camera_event_community_id"), table_name="camera_event")
    op.drop_index("ix_camera_event_camera_at", table_name="camera_event")
    op.drop_table("camera_event")
    op.drop_index(op.f("ix_camera_setting_community_id"), table_name="camera_setting")
    op.drop_table("camera_setting")
    op.drop_index("uq_wall_view_shared", table_name="wall_view")
    op.drop_index("uq_wall_view_own", table_name="wall_view")
    op.drop_table("wall_view")
