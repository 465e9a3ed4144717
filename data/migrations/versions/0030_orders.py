"""Orders of daily necessities: windows and capacity, lines, deliveries and proof"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)
# Row-level security by community, as 0027 scopes businesses: every table here has one.
SCOPED = ("order_window", "necessity_order", "order_line", "delivery_event", "delivery_proof")


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
        "order_window",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_minute", sa.Integer(), nullable=False),
        sa.Column("ends_minute", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("taken", sa.Integer(), nullable=False),
        _fk("order_window", "merchant_id", "merchant"),
        _fk("order_window", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_window")),
        sa.UniqueConstraint(
            "merchant_id", "day", "starts_minute", name=op.f("uq_order_window_merchant_id")
        ),
    )
    op.create_index(op.f("ix_order_window_community_id"), "order_window", ["community_id"])
    op.create_index("ix_order_window_day", "order_window", ["day"])
    op.create_table(
        "necessity_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_uuid", sa.String(length=40), nullable=False),
        sa.Column("resident_id", _BIG, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("call_id", _BIG, nullable=True),
        sa.Column("family_member", sa.String(length=40), nullable=False),
        sa.Column("deliverer_staff_id", sa.Integer(), nullable=True),
        sa.Column("deliverer_volunteer_id", sa.Integer(), nullable=True),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("confirm_reason", sa.String(length=40), nullable=False),
        sa.Column("confirmed_at", _TS, nullable=True),
        sa.Column("confirmed_by", sa.String(length=64), nullable=False),
        sa.Column("confirm_call_id", _BIG, nullable=True),
        sa.Column("fail_reason", sa.String(length=24), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("placed_by", sa.String(length=64), nullable=False),
        sa.Column("placed_at", _TS, nullable=False),
        sa.Column("delivered_at", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
        _fk("necessity_order", "resident_id", "resident"),
        _fk("necessity_order", "community_id", "community"),
        _fk("necessity_order", "merchant_id", "merchant"),
        _fk("necessity_order", "window_id", "order_window"),
        _fk("necessity_order", "call_id", "call"),
        _fk("necessity_order", "deliverer_staff_id", "merchant_staff"),
        _fk("necessity_order", "deliverer_volunteer_id", "volunteer"),
        _fk("necessity_order", "confirm_call_id", "call"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_necessity_order")),
        sa.UniqueConstraint("client_uuid", name=op.f("uq_necessity_order_client_uuid")),
    )
    op.create_index(
        "ix_necessity_order_community_status", "necessity_order", ["community_id", "status"]
    )
    op.create_index(op.f("ix_necessity_order_resident_id"), "necessity_order", ["resident_id"])
    op.create_index(op.f("ix_necessity_order_merchant_id"), "necessity_order", ["merchant_id"])
    op.create_index(op.f("ix_necessity_order_window_id"), "necessity_order", ["window_id"])
    op.create_table(
        "order_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        _fk("order_line", "order_id", "necessity_order"),
        _fk("order_line", "community_id", "community"),
        _fk("order_line", "product_id", "product"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_line")),
    )
    op.create_index(op.f("ix_order_line_order_id"), "order_line", ["order_id"])
    op.create_index(op.f("ix_order_line_community_id"), "order_line", ["community_id"])
    op.create_table(
        "delivery_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("ts", _TS, nullable=False),
        sa.Column("from_status", sa.String(length=24), nullable=False),
        sa.Column("to_status", sa.String(length=24), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        _fk("delivery_event", "order_id", "necessity_order"),
        _fk("delivery_event", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_event")),
    )
    op.create_index(op.f("ix_delivery_event_order_id"), "delivery_event", ["order_id"])
    op.create_index(op.f("ix_delivery_event_community_id"), "delivery_event", ["community_id"])
    op.create_table(
        "delivery_proof",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("signature_png", sa.LargeBinary(), nullable=True),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("photo_name", sa.String(length=100), nullable=False),
        sa.Column("confirmed_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        _fk("delivery_proof", "order_id", "necessity_order"),
        _fk("delivery_proof", "community_id", "community"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_proof")),
        sa.UniqueConstraint("order_id", name=op.f("uq_delivery_proof_order_id")),
    )
    op.create_index(op.f("ix_delivery_proof_community_id"), "delivery_proof", ["community_id"])
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
    op.drop_index(op.f("ix_delivery_proof_community_id"), table_name="delivery_proof")
    op.drop_table("delivery_proof")
    op.drop_index(op.f("ix_delivery_event_community_id"), table_name="delivery_event")
    op.drop_index(op.f("ix_delivery_event_order_id"), table_name="delivery_event")
    op.drop_table("delivery_event")
    op.drop_index(op.f("ix_order_line_community_id"), table_name="order_line")
    op.drop_index(op.f("ix_order_line_order_id"), table_name="order_line")
    op.drop_table("order_line")
    op.drop_index(op.f("ix_necessity_order_window_id"), table_name="necessity_order")
    op.drop_index(op.f("ix_necessity_order_merchant_id"), table_name="necessity_order")
    op.drop_index(op.f("ix_necessity_order_resident_id"), table_name="necessity_order")
    op.drop_index("ix_necessity_order_community_status", table_name="necessity_order")
    op.drop_table("necessity_order")
    op.drop_index("ix_order_window_day", table_name="order_window")
    op.drop_index(op.f("ix_order_window_community_id"), table_name="order_window")
    op.drop_table("order_window")
