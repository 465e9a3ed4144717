"""Identity numbers encrypted at rest, found by a keyed hash

The plaintext `id_number` and `birth_date` columns give way to AES-256-GCM ciphertexts
(`id_number_enc`, `birth_date_enc`), a keyed HMAC-SHA256 index (`id_number_hmac`, unique) and
what masked lists show without a key: `birth_year`, and the masked forms `id_number_mask`
(first 4 + last 4), `name_mask`, `phone_mask`, `address_mask` (core.personal.stored_masks).

The keys are not in the database, so a migration alone cannot encrypt residents that are
already there. A database without residents just migrates. One with residents is refused,
unchanged, with a message naming `console key encrypt-existing`: that command runs this same
migration with the site's keys handed in (Alembic config attribute "field_keys"), then VACUUMs
so the plaintext's old pages do not linger in the file.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context, op
from alembic.util import CommandError

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 2000
_MASKS = {"id_number_mask": 18, "name_mask": 64, "phone_mask": 32, "address_mask": 200}
ENC_LEN = 120
REFUSAL = (
    "this database holds {n} residents whose identity numbers are stored in plain text; "
    "they can be encrypted only with the site's keys, which are not in the database. Run "
    "`console key encrypt-existing` (with `--keys DIR` if the key folder is not the default) "
    "on this workstation to encrypt them and finish the upgrade. Nothing was changed."
)


def _keys() -> Any:
    """The site's FieldKeys when `console key encrypt-existing` runs the migration, else None."""
    return context.config.attributes.get("field_keys")


def _iso(value: Any) -> str:
    # SQLite hands a DATE back as text through plain SQL; PostgreSQL as a date.
    return value.isoformat() if hasattr(value, "isoformat") else str(value)[:10]


def upgrade() -> None:
    bind = op.get_bind()
    residents = bind.execute(sa.text("SELECT count(*) FROM resident")).scalar() or 0
    keys = _keys()
    if residents and keys is None:
        raise CommandError(REFUSAL.format(n=residents))
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birth_year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("birth_date_enc", sa.String(ENC_LEN), nullable=True))
        batch_op.add_column(sa.Column("id_number_enc", sa.String(ENC_LEN), nullable=True))
        batch_op.add_column(sa.Column("id_number_hmac", sa.String(64), nullable=True))
        for column, length in _MASKS.items():
            batch_op.add_column(sa.Column(column, sa.String(length), nullable=True))
    if residents:
        _encrypt_rows(bind, keys)
    with op.batch_alter_table("resident", schema=None) as batch_op:
        for column in ("birth_year", "birth_date_enc", "id_number_enc", "id_number_hmac"):
            batch_op.alter_column(column, existing_type=_type(column), nullable=False)
        for column, length in _MASKS.items():
            batch_op.alter_column(column, existing_type=sa.String(length), nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_resident_id_number"), type_="unique")
        batch_op.drop_column("id_number")
        batch_op.drop_column("birth_date")
        batch_op.create_index(
            batch_op.f("ix_resident_id_number_hmac"), ["id_number_hmac"], unique=True
        )
    if residents and bind.dialect.name == "postgresql":
        # DROP COLUMN only hides a column on PostgreSQL; rewriting each row stores NULL in its
        # place. The dead versions go with the VACUUM FULL that encrypt-existing runs next.
        op.execute("UPDATE resident SET id_number_mask = id_number_mask")
    # "Who looked at this resident" (ResidentService.access_log) reads by target.
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_target"), ["target"], unique=False)


def _type(column: str) -> Any:
    return {
        "birth_year": sa.Integer(),
        "birth_date_enc": sa.String(ENC_LEN),
        "id_number_enc": sa.String(ENC_LEN),
        "id_number_hmac": sa.String(64),
    }[column]


def _encrypt_rows(bind: sa.engine.Connection, keys: Any) -> None:
    from core.personal import stored_masks

    select = sa.text(
        "SELECT id, id_number, birth_date, name, phone, address FROM resident "
        "WHERE id > :after ORDER BY id LIMIT :n"
    )
    update = sa.text(
        "UPDATE resident SET id_number_enc = :enc, id_number_hmac = :mac, "
        "birth_year = :year, birth_date_enc = :benc, id_number_mask = :id_number_mask, "
        "name_mask = :name_mask, phone_mask = :phone_mask, address_mask = :address_mask "
        "WHERE id = :id"
    )
    after = 0
    while True:
        rows = bind.execute(select, {"after": after, "n": _BATCH}).all()
        if not rows:
            return
        params = []
        for rid, number, born, name, phone, address in rows:
            iso = _iso(born)
            params.append(
                {
                    "id": rid,
                    "enc": keys.encrypt(number, "resident.id_number"),
                    "mac": keys.index(number),
                    "year": int(iso[:4]),
                    "benc": keys.encrypt(iso, "resident.birth_date"),
                    **stored_masks(name=name, phone=phone, address=address, id_number=number),
                }
            )
        bind.execute(update, params)
        after = rows[-1][0]


def downgrade() -> None:
    bind = op.get_bind()
    residents = bind.execute(sa.text("SELECT count(*) FROM resident")).scalar() or 0
    keys = _keys()
    if residents and keys is None:
        raise CommandError(
            f"downgrading would need the {residents} residents' identity numbers in plain "
            "text, which only the site's keys can give; nothing was changed"
        )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_target"))
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("id_number", sa.String(18), nullable=True))
        batch_op.add_column(sa.Column("birth_date", sa.Date(), nullable=True))
    if residents:
        rows = bind.execute(sa.text("SELECT id, id_number_enc, birth_date_enc FROM resident")).all()
        bind.execute(
            sa.text("UPDATE resident SET id_number = :n, birth_date = :b WHERE id = :id"),
            [
                {
                    "id": rid,
                    "n": keys.decrypt(enc, "resident.id_number"),
                    "b": _date(keys.decrypt(benc, "resident.birth_date")),
                }
                for rid, enc, benc in rows
            ],
        )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_id_number_hmac"))
        batch_op.alter_column("id_number", existing_type=sa.String(18), nullable=False)
        batch_op.alter_column("birth_date", existing_type=sa.Date(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_resident_id_number"), ["id_number"])
        for column in (*_MASKS, "id_number_hmac", "id_number_enc", "birth_date_enc"):
            batch_op.drop_column(column)
        batch_op.drop_column("birth_year")


def _date(iso: str) -> Any:
    from datetime import date

    return date.fromisoformat(iso)
