"""Content-addressed incident attachments"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# An attachment is as private as its incident (as incident_event in 0006): the subquery sees
# only the incidents the incident policy lets this role see.
_INCIDENT_VISIBLE = "EXISTS (SELECT 1 FROM incident i WHERE i.id = attachment.incident_id)"
# Bytes are read only through an attachment the role sees. Any known role may add bytes: the
# row is addressed by its own hash, and the attachment row that makes it visible is checked.
_BLOB_VISIBLE = "EXISTS (SELECT 1 FROM attachment a WHERE a.sha256 = attachment_blob.sha256)"
_KNOWN = "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text)"


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )
    op.create_table(
        "attachment",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "incident_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_attachment_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachment_blob.sha256"],
            name=op.f("fk_attachment_sha256_attachment_blob"),
        ),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["user_account.id"],
            name=op.f("fk_attachment_added_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    op.create_index(op.f("ix_attachment_incident_id"), "attachment", ["incident_id"])
    op.create_index(op.f("ix_attachment_sha256"), "attachment", ["sha256"])
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite has no database roles: the file's permissions are the boundary
    op.execute("ALTER TABLE attachment ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY attachment_scope ON attachment "
        f"USING ({_INCIDENT_VISIBLE}) WITH CHECK ({_INCIDENT_VISIBLE})"
    )
    op.execute("ALTER TABLE attachment_blob ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY attachment_blob_read ON attachment_blob FOR SELECT USING ({_BLOB_VISIBLE})"
    )
    op.execute(
        f"CREATE POLICY attachment_blob_add ON attachment_blob FOR INSERT WITH CHECK ({_KNOWN})"
    )
    # No DELETE or UPDATE policy: only the owner (retention) removes bytes.


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for policy in ("attachment_blob_add", "attachment_blob_read"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON attachment_blob")
        op.execute("DROP POLICY IF EXISTS attachment_scope ON attachment")
    op.drop_index(op.f("ix_attachment_sha256"), table_name="attachment")
    op.drop_index(op.f("ix_attachment_incident_id"), table_name="attachment")
    op.drop_table("attachment")
    op.drop_table("attachment_blob")
