"""History search: normalised search text and its indexes"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.history import digits, phone_grams, search_body, text_grams

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The search text names people and places: a station's role reads only its community's.
SCOPED = ("incident_search", "incident_gram")
# Byte order: a short query looks up the range of grams it begins (core.history.query_grams).
_GRAM = sa.String(length=8).with_variant(sa.String(length=8, collation="C"), "postgresql")
BATCH = 5000


def _in_scope(table: str) -> str:
    # The same rule as 0006's incident policy: the role's community, or street-wide.
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


def _fill() -> None:
    """Index the incidents already there (not the anonymised: they are out of the index)."""
    conn = op.get_bind()
    incident = sa.table(
        "incident",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("description", sa.Text),
        sa.column("caller_name", sa.String),
        sa.column("caller_phone", sa.String),
        sa.column("location", sa.String),
        sa.column("community_id", sa.Integer),
        sa.column("anonymised_at", sa.DateTime),
    )
    search = sa.table(
        "incident_search",
        sa.column("incident_id", sa.Integer),
        sa.column("community_id", sa.Integer),
        sa.column("body", sa.Text),
        sa.column("phone", sa.String),
    )
    gram = sa.table(
        "incident_gram",
        sa.column("gram", sa.String),
        sa.column("incident_id", sa.Integer),
        sa.column("community_id", sa.Integer),
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(incident)
            .where(incident.c.id > last, incident.c.anonymised_at.is_(None))
            .order_by(incident.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        docs, grams = [], []
        for r in rows:
            body = search_body(r.title, r.description or "", r.caller_name or "", r.location or "")
            phone = digits(r.caller_phone or "")
            docs.append(
                {"incident_id": r.id, "community_id": r.community_id, "body": body, "phone": phone}
            )
            grams += [
                {"gram": g, "incident_id": r.id, "community_id": r.community_id}
                for g in text_grams(body) | phone_grams(phone)
            ]
        conn.execute(sa.insert(search), docs)
        if grams:
            conn.execute(sa.insert(gram), grams)
        last = rows[-1].id


def upgrade() -> None:
    op.create_table(
        "incident_search",
        sa.Column("incident_id", _BIG, autoincrement=False, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", name=op.f("pk_incident_search")),
    )
    op.create_table(
        "incident_gram",
        sa.Column("gram", _GRAM, nullable=False),
        sa.Column("incident_id", _BIG, autoincrement=False, nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("gram", "incident_id", name=op.f("pk_incident_gram")),
        sqlite_with_rowid=False,
    )
    _fill()
    if op.get_context().dialect.name != "postgresql":
        return
    for table in SCOPED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY {table}_scope ON {table} "
            f"USING ({_in_scope(table)}) WITH CHECK ({_in_scope(table)})"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in SCOPED:
            op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_table("incident_gram")
    op.drop_table("incident_search")
