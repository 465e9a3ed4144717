"""Row-level security: a station's database role reaches only its community"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Every command limited to the role's community (a NULL community: street-wide roles only).
SCOPED = ("incident", "resident", "device")
# Read by every role the scope table knows, written only within its community: the devices
# pane joins a device to its owning workstation (the control centre owns devices in the
# communities), and an account's community list must be read whole, or a user of another
# community would look street-wide to the console.
SCOPED_WRITES = ("workstation", "user_community")

_KNOWN = "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text)"


def _in_scope(table: str) -> str:
    """The role reaches the row: its scope is street-wide or the row's community."""
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def upgrade() -> None:
    op.create_table(
        "db_role_scope",
        sa.Column("role_name", sa.Text(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_db_role_scope_community_id_community")
        ),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_db_role_scope")),
    )
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite has no database roles: the file's permissions are the boundary
    # The table owner (who migrates and seeds) is exempt unless forced, and a superuser
    # always is; every other role is filtered, and one the scope table lacks sees nothing.
    op.execute("ALTER TABLE db_role_scope ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY db_role_scope_own ON db_role_scope FOR SELECT "
        "USING (role_name = current_user::text)"
    )
    for table in SCOPED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY {table}_scope ON {table} "
            f"USING ({_in_scope(table)}) WITH CHECK ({_in_scope(table)})"
        )
    for table in SCOPED_WRITES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING ({_KNOWN})")
        op.execute(
            f"CREATE POLICY {table}_scope ON {table} "
            f"USING ({_in_scope(table)}) WITH CHECK ({_in_scope(table)})"
        )
    # A timeline is as private as its incident: the subquery sees only the incidents the
    # incident policy lets this role see.
    incident_visible = "EXISTS (SELECT 1 FROM incident i WHERE i.id = incident_event.incident_id)"
    op.execute("ALTER TABLE incident_event ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY incident_event_scope ON incident_event "
        f"USING ({incident_visible}) WITH CHECK ({incident_visible})"
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS incident_event_scope ON incident_event")
        op.execute("ALTER TABLE incident_event DISABLE ROW LEVEL SECURITY")
        for table in SCOPED_WRITES:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
            op.execute(f"DROP POLICY IF EXISTS {table}_read ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.drop_table("db_role_scope")
