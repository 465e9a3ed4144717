"""The site's field keys over the residents' rows: rotation, and encrypting a plaintext database."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session

from core.audit import AuditAction
from data.context import Actor, ServiceContext
from data.db import Database
from data.fieldcrypt import KEY_BYTES, FieldKeys, archive_retired, load_field_keys
from data.migrate import schema_status, upgrade_to_head
from data.models import Resident, Volunteer
from data.services.residents import (
    BIRTH_DATE_COLUMN,
    ID_NUMBER_COLUMN,
    check_field_keys,
    field_keys_for,
)
from data.services.volunteers import reencrypt_volunteers, stale_volunteers

log = logging.getLogger(__name__)

ROTATE_BATCH = 2000
Progress = Callable[[int, int], None]
"""(rows re-encrypted so far, rows to do in all), after each batch."""


@dataclass(frozen=True, slots=True)
class RotationReport:
    """What `rotate_field_keys` did."""

    new_key: str
    resumed: bool
    rows: int
    retired: tuple[str, ...]
    archive: Path | None


def _stale(keys: FieldKeys) -> ColumnElement[bool]:
    """Rows with a value not under the current key."""
    prefix = f"{keys.current}:"
    return or_(
        ~Resident.id_number_enc.startswith(prefix, autoescape=True),
        ~Resident.birth_date_enc.startswith(prefix, autoescape=True),
    )


def rotate_field_keys(
    ctx: ServiceContext,
    actor: Actor,
    *,
    batch: int = ROTATE_BATCH,
    progress: Progress | None = None,
) -> RotationReport:
    """A new current key, then every resident re-encrypted under it, batch by batch.

    The old keys stay in the key file (as "retiring") until no row needs them, so the console
    reads every row throughout; each batch commits on its own. Interrupted, it resumes: a run
    that finds rows not under the current key finishes that rotation instead of starting
    another. When done, the old keys move to the retired-keys file (for older backups).
    """
    keys = load_field_keys(ctx.keys)
    with ctx.read() as s:
        check_field_keys(s, keys)
        left = _left(s, keys)
    resumed = bool(left) and bool(keys.retiring)
    if not resumed:
        kid = keys.next_key_id()
        keys.keys[kid] = secrets.token_bytes(KEY_BYTES)
        keys.retiring = sorted({*keys.retiring, *(k for k in keys.keys if k != kid)})
        keys.current = kid
        keys.__post_init__()
        # Saved before any row uses the new key: a crash from here on leaves a file that
        # reads every row.
        keys.save()
        with ctx.write(actor) as tx:
            tx.audit(
                AuditAction.FIELD_KEYS_ROTATED,
                target=str(keys.path),
                detail=f"started: new key {kid}, retiring {','.join(keys.retiring)}",
            )
    with ctx.read() as s:
        total = s.scalar(select(func.count()).select_from(Resident).where(_stale(keys))) or 0
    done = 0
    after = 0
    while True:
        with ctx.write(actor) as tx:
            rows = tx.session.execute(
                select(Resident.id, Resident.id_number_enc, Resident.birth_date_enc)
                .where(Resident.id > after)
                .where(_stale(keys))
                .order_by(Resident.id)
                .limit(batch)
                .with_for_update()
            ).all()
            if rows:
                # By primary key, one executemany per batch.
                tx.session.execute(
                    update(Resident),
                    [
                        {
                            "id": rid,
                            "id_number_enc": _again(keys, enc, ID_NUMBER_COLUMN),
                            "birth_date_enc": _again(keys, benc, BIRTH_DATE_COLUMN),
                        }
                        for rid, enc, benc in rows
                    ],
                )
        if not rows:
            break
        after = rows[-1][0]
        done += len(rows)
        if progress is not None:
            progress(done, total)
    # Volunteers' identity numbers and birth dates are under the same keys (0029).
    after = 0
    while True:
        with ctx.write(actor) as tx:
            last = reencrypt_volunteers(tx.session, keys, after, batch)
        if last is None:
            break
        after = last
    retired = tuple(keys.retiring)
    archive = archive_retired(keys, list(retired)) if retired else None
    with ctx.write(actor) as tx:
        tx.audit(
            AuditAction.FIELD_KEYS_ROTATED,
            target=str(keys.path),
            detail=f"done: {done} residents under {keys.current}; retired {','.join(retired)}",
        )
    return RotationReport(keys.current, resumed, done, retired, archive)


def _left(s: Session, keys: FieldKeys) -> int:
    """Rows of residents and volunteers not yet under the current key."""
    residents = s.scalar(select(func.count()).select_from(Resident).where(_stale(keys))) or 0
    volunteers = (
        s.scalar(select(func.count()).select_from(Volunteer).where(stale_volunteers(keys.current)))
        or 0
    )
    return residents + volunteers


def _again(keys: FieldKeys, token: str, column: str) -> str:
    """A value under the current key (as it is, if it is already)."""
    if keys.key_id(token) == keys.current:
        return token
    return keys.encrypt(keys.decrypt(token, column), column)


@dataclass(frozen=True, slots=True)
class EncryptReport:
    """What `encrypt_existing` did."""

    migrated: bool
    residents: int


def encrypt_existing(db: Database, ctx: ServiceContext, actor: Actor) -> EncryptReport:
    """Run the schema upgrade with the site's keys, so that 0005 encrypts the plaintext rows.

    Then VACUUM: the rewritten table's old pages (SQLite), or the rows' old versions
    (PostgreSQL), still hold the plaintext until the space is rewritten.
    """
    keys = load_field_keys(ctx.keys)
    with db.engine.connect() as conn:
        due = not schema_status(conn).up_to_date
    if db.dialect == "postgresql":
        # As data.migrate does: a migration is not bound by everyday statement limits.
        unlimited = Database(db.url, replace(db.opts, lock_timeout_s=0, statement_timeout_s=0))
        try:
            status = upgrade_to_head(unlimited, {"field_keys": keys})
        finally:
            unlimited.dispose()
    else:
        status = upgrade_to_head(db, {"field_keys": keys})
    with ctx.write(actor) as tx:
        field_keys_for(tx.session, ctx.keys)
        residents = tx.session.scalar(select(func.count()).select_from(Resident)) or 0
        tx.audit(
            AuditAction.RESIDENTS_ENCRYPTED,
            target=str(keys.path),
            detail=f"{residents} residents; schema {status.current}",
        )
    if due:
        _vacuum(db)
    return EncryptReport(migrated=due, residents=residents)


def _vacuum(db: Database) -> None:
    """Rewrite the resident table's storage so no old page keeps a plaintext number.

    On the driver's connection: VACUUM runs outside any transaction, and the engine's
    connections begin one by themselves (data.db).
    """
    raw = db.engine.raw_connection()
    try:
        driver: Any = raw.driver_connection
        if db.dialect == "postgresql":
            driver.autocommit = True
            try:
                driver.execute("VACUUM FULL resident")
            finally:
                driver.autocommit = False
        else:
            driver.execute("VACUUM")
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
