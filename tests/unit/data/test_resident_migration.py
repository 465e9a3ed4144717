"""Migration 0005: plaintext identity numbers are refused without the keys, encrypted with them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from core.model import RoleName
from core.personal import PersonalField, Purpose
from core.population import generate_population
from core.site import SiteSpec
from data.context import ServiceContext
from data.db import Database, DatabaseError, DbErrorKind
from data.fieldcrypt import ensure_field_keys
from data.migrate import alembic_config, open_database
from data.residentkeys import encrypt_existing
from data.services import Services
from tests.helpers.oldschema import seed_communities
from tests.unit.data.support import cheap_hasher

PEOPLE = 40
BEFORE = "0004"


def at_revision(url: str, revision: str) -> Database:
    """A database migrated up to `revision` only, as an older console left it."""
    db = open_database(url, migrate=False)
    with db.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
    return db


def plaintext_street(db: Database, site: SiteSpec) -> list[tuple[str, date, str]]:
    """The demo site's structure and some residents the way 0001-0004 stored them."""
    people = list(generate_population(site, PEOPLE, today=date(2026, 11, 25)))
    with db.session() as s:
        seed_communities(s, site)
    with db.engine.begin() as conn:
        ids = dict(conn.execute(text("SELECT code, id FROM community")).all())
        conn.execute(
            text(
                "INSERT INTO resident (community_id, name, gender, birth_date, id_number, "
                "address, phone, lives_alone, dementia, disability, chronic_illness, "
                "emergency_contact_name, emergency_contact_phone, emergency_contact_relation, "
                "consent_given, created_at, updated_at) VALUES (:c, :n, :g, :b, :i, :a, :p, "
                "false, false, false, false, '', '', '', false, :t, :t)"
            ),
            [
                {
                    "c": ids[p.community],
                    "n": p.name,
                    "g": p.gender,
                    "b": p.birth_date,
                    "i": p.id_number,
                    "a": p.address,
                    "p": p.phone,
                    "t": "2026-11-25 08:00:00",
                }
                for p in people
            ],
        )
    return [(p.id_number, p.birth_date, p.phone) for p in people]


def test_plaintext_residents_are_refused_then_encrypted_by_the_cli_step(
    db_url: str, demo_site: SiteSpec, tmp_path: Path
) -> None:
    old = at_revision(db_url, BEFORE)
    people = plaintext_street(old, demo_site)
    old.dispose()

    with pytest.raises(DatabaseError) as info:
        open_database(db_url)
    assert info.value.kind is DbErrorKind.MIGRATION
    assert "console key encrypt-existing" in str(info.value)
    assert f"{PEOPLE} residents" in str(info.value)
    # Refused unchanged: the rows and their numbers are all still there.
    db = open_database(db_url, migrate=False)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == BEFORE
            stored = set(conn.execute(text("SELECT id_number FROM resident")).scalars())
        assert stored == {n for n, _b, _p in people}

        keys = tmp_path / "keys"
        ensure_field_keys(keys)
        ctx = ServiceContext(db, workstation="CLI", keys=keys)
        report = encrypt_existing(db, ctx, "cli")
        assert report.migrated
        assert report.residents == PEOPLE
        again = encrypt_existing(db, ctx, "cli")
        assert not again.migrated
    finally:
        db.dispose()

    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("resident")}
        assert "id_number" not in columns
        assert "birth_date" not in columns
        svc = Services.build(ServiceContext(db, workstation="CC", keys=keys), hasher=cheap_hasher())
        svc.accounts.create_user(
            None,
            username="sup",
            display_name="值班长",
            role=RoleName.SUPERVISOR,
            password="Pw-12345678",
        )
        sup = svc.signin.principal("sup")
        by_phone = {}
        for number, born, phone in people:
            [row] = svc.residents.page(sup, query=number).rows  # found by the keyed index
            by_phone[phone] = row.id
            card = svc.residents.card(sup, row.id, Purpose.REASON, reason="核对迁移结果")
            assert card.presentation.value(PersonalField.ID_NUMBER) == number
            assert card.presentation.value(PersonalField.BIRTH_DATE) == born.isoformat()
        assert len(by_phone) == PEOPLE
    finally:
        db.dispose()
    if db_url.startswith("sqlite"):
        path = Path(db_url.removeprefix("sqlite:///"))
        data = b"".join(
            f.read_bytes() for f in (path, path.with_name(path.name + "-wal")) if f.exists()
        )
        for number, _born, _phone in people:
            assert number.encode() not in data  # VACUUM left no old page behind


def test_an_empty_database_just_migrates(db_url: str) -> None:
    old = at_revision(db_url, BEFORE)
    old.dispose()
    db = open_database(db_url)  # no keys, no residents: nothing to refuse
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM resident")).scalar() == 0
    finally:
        db.dispose()
