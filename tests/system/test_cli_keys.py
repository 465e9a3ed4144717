"""`console key …` as an administrator runs it: init, rotate with progress, encrypt-existing."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import func, select, text

from core.population import generate_population
from core.site import load_site
from data.migrate import alembic_config, open_database
from data.models import Resident
from tests.helpers.cli import run_cli
from tests.helpers.oldschema import seed_communities

ROOT = Path(__file__).resolve().parents[2]
DEMO_SITE = ROOT / "resources" / "demo" / "site.toml"


def _enc_key_ids(url: str) -> set[str]:
    db = open_database(url)
    try:
        with db.session() as s:
            return {t.partition(":")[0] for t in s.scalars(select(Resident.id_number_enc))}
    finally:
        db.dispose()


def test_init_demo_and_rotate(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    url = f"sqlite:///{tmp_path / 'c.db'}"
    made = run_cli(tmp_path, "key", "init", "--keys", str(keys))
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"field keys created: {keys / 'field-keys.json'}")
    if os.name == "posix":
        assert stat.S_IMODE((keys / "field-keys.json").stat().st_mode) == 0o600
    again = run_cli(tmp_path, "key", "init", "--keys", str(keys))
    assert "nothing changed" in again.stdout

    demo = run_cli(tmp_path, "demo", "--population", "120", "--db", url, "--keys", str(keys))
    assert demo.returncode == 0, demo.stderr
    assert "field keys created" not in demo.stdout  # there were some: none replaced
    assert _enc_key_ids(url) == {"k1"}

    rotated = run_cli(tmp_path, "key", "rotate", "--batch", "50", "--db", url, "--keys", str(keys))
    assert rotated.returncode == 0, rotated.stderr
    assert "120 / 120 residents re-encrypted" in rotated.stdout
    assert "120 residents now under key k2" in rotated.stdout
    assert "field-keys-retired.json" in rotated.stdout
    assert _enc_key_ids(url) == {"k2"}
    live = json.loads((keys / "field-keys.json").read_text())
    assert (live["current"], sorted(live["keys"])) == ("k2", ["k2"])


def test_demo_creates_missing_keys_and_a_missing_key_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    keys = tmp_path / "keys"
    demo = run_cli(tmp_path, "demo", "--population", "30", "--db", url, "--keys", str(keys))
    assert demo.returncode == 0, demo.stderr
    assert f"field keys created: {keys / 'field-keys.json'}" in demo.stdout
    elsewhere = tmp_path / "not-the-keys"
    failed = run_cli(tmp_path, "key", "rotate", "--db", url, "--keys", str(elsewhere))
    assert failed.returncode == 2
    assert f"{elsewhere / 'field-keys.json'} is missing on this workstation" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert not elsewhere.exists()  # reading keys never creates any
    assert _enc_key_ids(url) == {"k1"}  # and nothing was touched
    # `console demo` makes no new keys for a database whose residents have theirs elsewhere.
    again = run_cli(tmp_path, "demo", "--population", "40", "--db", url, "--keys", str(elsewhere))
    assert again.returncode == 2
    assert f"{elsewhere / 'field-keys.json'} is missing on this workstation" in again.stderr
    assert not (elsewhere / "field-keys.json").exists()


def test_a_plaintext_database_is_refused_until_encrypt_existing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    site = load_site(DEMO_SITE)
    people = list(generate_population(site, 25, today=date(2026, 11, 25)))
    db = open_database(url, migrate=False)
    try:
        with db.engine.connect() as conn:  # as a console before this change left it
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0004")
            conn.commit()
        with db.session() as s:
            seed_communities(s, site)
        with db.engine.begin() as conn:
            cid = conn.execute(text("SELECT id FROM community WHERE code = 'C01'")).scalar()
            for p in people:
                conn.execute(
                    text(
                        "INSERT INTO resident (community_id, name, gender, birth_date, "
                        "id_number, address, phone, lives_alone, dementia, disability, "
                        "chronic_illness, emergency_contact_name, emergency_contact_phone, "
                        "emergency_contact_relation, consent_given, created_at, updated_at) "
                        "VALUES (:c, :n, :g, :b, :i, '', '', 0, 0, 0, 0, '', '', '', 0, "
                        "'2026-11-25 08:00:00', '2026-11-25 08:00:00')"
                    ),
                    {"c": cid, "n": p.name, "g": p.gender, "b": p.birth_date, "i": p.id_number},
                )
    finally:
        db.dispose()

    refused = run_cli(tmp_path, "migrate", "--db", url)
    assert refused.returncode == 3
    assert "25 residents" in refused.stderr
    assert "console key encrypt-existing" in refused.stderr
    assert people[0].id_number.encode() in path.read_bytes()  # unchanged

    keys = tmp_path / "keys"
    done = run_cli(tmp_path, "key", "encrypt-existing", "--db", url, "--keys", str(keys))
    assert done.returncode == 0, done.stderr
    assert "field keys created" in done.stdout
    assert "25 residents' identity numbers and birth dates are encrypted" in done.stdout
    data = b"".join(f.read_bytes() for f in tmp_path.glob("old.db*"))
    for p in people:
        assert p.id_number.encode() not in data
    assert run_cli(tmp_path, "migrate", "--db", url).returncode == 0
    db = open_database(url)
    try:
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Resident)) == 25
    finally:
        db.dispose()
