"""Certified merchants: licences, staff, inspections, complaints, catalogue and reference prices"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
# Row-level security by community, as 0027 scopes the businesses. Price observations are
# street-wide (a survey also visits markets outside the communities) and carry no community.
SCOPED = (
    "merchant",
    "merchant_staff",
    "merchant_inspection",
    "merchant_complaint",
    "merchant_status_event",
    "product",
    "product_price",
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


def _child(table: str, *columns: sa.Column[object], parent: str = "merchant") -> None:
    """A table with an id, its parent's id and a community, each indexed."""
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(f"{parent}_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        *columns,
        _fk(table, f"{parent}_id", parent),
        _fk(table, "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )
    op.create_index(op.f(f"ix_{table}_{parent}_id"), table, [f"{parent}_id"])
    op.create_index(op.f(f"ix_{table}_community_id"), table, ["community_id"])


def upgrade() -> None:
    op.create_table(
        "merchant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.String(length=200), nullable=False),
        sa.Column("licence_no", sa.String(length=32), nullable=False),
        sa.Column("licence_expires", sa.Date(), nullable=False),
        sa.Column("food_licence_no", sa.String(length=32), nullable=False),
        sa.Column("food_licence_expires", sa.Date(), nullable=True),
        sa.Column("certified_on", sa.Date(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("merchant", "business_id", "business"),
        _fk("merchant", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merchant")),
        sa.UniqueConstraint("business_id", name=op.f("uq_merchant_business_id")),
    )
    op.create_index(op.f("ix_merchant_community_id"), "merchant", ["community_id"])
    _child(
        "merchant_staff",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("deliverer", sa.Boolean(), nullable=False),
        sa.Column("health_cert_no", sa.String(length=32), nullable=False),
        sa.Column("health_cert_expires", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    _child(
        "merchant_inspection",
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("inspector", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
    )
    _child(
        "merchant_complaint",
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("received_at", _TS, nullable=False),
        sa.Column("due_at", _TS, nullable=False),
        sa.Column("resolved_at", _TS, nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
    )
    _child(
        "merchant_status_event",
        sa.Column("ts", _TS, nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
    )
    op.create_table(
        "product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("product", "merchant_id", "merchant"),
        _fk("product", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        sa.UniqueConstraint("merchant_id", "code", name=op.f("uq_product_merchant_id")),
    )
    op.create_index(op.f("ix_product_merchant_id"), "product", ["merchant_id"])
    op.create_index(op.f("ix_product_community_id"), "product", ["community_id"])
    _child(
        "product_price",
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("from_at", _TS, nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        parent="product",
    )
    op.create_table(
        "price_observation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("observer", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_observation")),
    )
    op.create_index(op.f("ix_price_observation_code"), "price_observation", ["code"])
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
    op.drop_index(op.f("ix_price_observation_code"), table_name="price_observation")
    op.drop_table("price_observation")
    for table, parent in (
        ("product_price", "product"),
        ("product", "merchant"),
        ("merchant_status_event", "merchant"),
        ("merchant_complaint", "merchant"),
        ("merchant_inspection", "merchant"),
        ("merchant_staff", "merchant"),
    ):
        op.drop_index(op.f(f"ix_{table}_community_id"), table_name=table)
        op.drop_index(op.f(f"ix_{table}_{parent}_id"), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f("ix_merchant_community_id"), table_name="merchant")
    op.drop_table("merchant")
