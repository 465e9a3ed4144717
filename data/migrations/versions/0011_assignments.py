"""Dispatch assignments to departments, units and volunteers"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_unit_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("code", name=op.f("uq_unit_code")),
    )
    op.create_index(op.f("ix_unit_department_id"), "unit", ["department_id"], unique=False)
    op.create_table(
        "assignment",
        sa.Column("id", _BIG, nullable=False),
        sa.Column("incident_id", _BIG, nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("decline_reason", sa.String(length=500), nullable=False),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("declined_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("en_route_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("on_scene_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer_due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_assignment_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_assignment_department_id_department"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_assignment_unit_id_unit")),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_assignment_created_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
    )
    op.create_index(op.f("ix_assignment_incident_id"), "assignment", ["incident_id"], unique=False)
    op.create_index("ix_assignment_desk", "assignment", ["state", "department_id"], unique=False)
    op.create_index(
        "ix_assignment_recent", "assignment", ["department_id", "updated_at"], unique=False
    )
    if op.get_context().dialect.name != "postgresql":
        return
    # An assignment is as private as its incident (as incident_event in 0006): the subquery
    # sees only the incidents the incident policy lets this role see.
    visible = "EXISTS (SELECT 1 FROM incident i WHERE i.id = assignment.incident_id)"
    op.execute("ALTER TABLE assignment ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY assignment_scope ON assignment USING ({visible}) WITH CHECK ({visible})"
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS assignment_scope ON assignment")
    op.drop_index("ix_assignment_recent", table_name="assignment")
    op.drop_index("ix_assignment_desk", table_name="assignment")
    op.drop_index(op.f("ix_assignment_incident_id"), table_name="assignment")
    op.drop_table("assignment")
    op.drop_index(op.f("ix_unit_department_id"), table_name="unit")
    op.drop_table("unit")
