"""The security review's probes against the audit trail: rewrites, truncation, dropped tables.

Each probe is what someone who can write the database would do; the signed checkpoints kept
outside the database (and, on PostgreSQL, the TRUNCATE guard) must give them away.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.audit import GENESIS_HASH
from core.checkpoint import PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, CheckpointError
from core.keys import KeyFileError
from data.audit import append_audit, iter_audit, verify_audit
from data.checkpoints import (
    AuditVerdict,
    checkpoint_for_handover,
    ensure_audit_key,
    generate_audit_key,
    signing_key_readable,
    verify_anchored,
    write_checkpoint,
)
from data.db import Database
from data.migrate import open_database
from tests.helpers.cli import run_cli
from tests.helpers.postgres import PgServer
from tests.unit.data.support import FakeClock, allow_audit_tampering

SITE = "红桥区咸阳北路街道"
_counter = 0


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated database reached as its owner: the probes need an attacker's rights."""
    global _counter
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'console.db'}"
    srv: PgServer = request.getfixturevalue("pg_server")
    _counter += 1
    return srv.create_database(f"anchor{os.getpid()}_{_counter}")


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    database = open_database(url)
    with database.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO site_meta (key, value) VALUES ('site_name', :v)"), {"v": SITE}
        )
    yield database
    database.dispose()


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    folder = tmp_path / "keys"
    generate_audit_key(folder)
    return folder


@pytest.fixture
def cps(tmp_path: Path) -> Path:
    return tmp_path / "checkpoints"


def append(db: Database, clock: FakeClock, n: int, actor: str = "operator") -> list[int]:
    """n audit rows in one transaction; their ids."""
    with db.session() as s:
        rows = [
            append_audit(
                s, actor=actor, workstation="CC", action="login", detail=str(i), clock=clock
            )
            for i in range(n)
        ]
        return [r.id for r in rows]


def checkpoint(db: Database, keys: Path, cps: Path, clock: FakeClock) -> Path:
    path, _ = write_checkpoint(db, keys, cps, workstation="CC", clock=clock)
    return path


def recompute_every_hash(db: Database) -> None:
    """What an attacker does after editing rows: rebuild the chain with hashlib, fix the head.

    Deliberately not core.audit.row_digest: the attacker needs nothing of ours but the rule.
    """
    with db.session() as s:
        records = list(iter_audit(s))
    prev = GENESIS_HASH
    with db.engine.begin() as conn:
        for r in records:
            canonical = json.dumps(
                [
                    prev,
                    r.ts.astimezone(UTC).isoformat(timespec="microseconds"),
                    r.actor,
                    r.workstation,
                    r.action,
                    r.target,
                    r.detail,
                ],
                ensure_ascii=False,
                separators=(",", ":"),
            )
            digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
            conn.execute(
                text("UPDATE audit_log SET prev_hash = :p, row_hash = :h WHERE id = :i"),
                {"p": prev, "h": digest, "i": r.id},
            )
            prev = digest
        conn.execute(
            text("UPDATE audit_head SET last_hash = :h, rows = :n WHERE id = 1"),
            {"h": prev, "n": len(records)},
        )


def rewrite(db: Database, delete: list[int], actor_of: int | None = None) -> None:
    """A consistent rewrite: rows deleted, an actor changed, every hash recomputed."""
    allow_audit_tampering(db)
    with db.engine.begin() as conn:
        for i in delete:
            conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": i})
        if actor_of is not None:
            conn.execute(
                text("UPDATE audit_log SET actor = 'nobody' WHERE id = :i"), {"i": actor_of}
            )
    recompute_every_hash(db)


def verdict(db: Database, keys: Path | None, cps: Path) -> AuditVerdict:
    with db.session() as s:
        return verify_anchored(s, keys, cps)


# --- rewrites ---------------------------------------------------------------------------------
def test_a_consistent_rewrite_passes_the_chain_but_not_the_checkpoints(
    db: Database, keys: Path, cps: Path
) -> None:
    clock = FakeClock()
    first = append(db, clock, 5)
    checkpoint(db, keys, cps, clock)  # trusted: rows 1-5
    second = append(db, clock, 5)
    checkpoint(db, keys, cps, clock)  # rows 1-10
    append(db, clock, 3)
    assert verdict(db, keys, cps).ok

    rewrite(db, delete=[second[1]], actor_of=second[2])

    with db.session() as s:
        assert verify_audit(s).ok, "the review's finding: the chain alone is fooled"
    found = verdict(db, keys, cps)
    assert found.chain.ok
    assert not found.ok
    lines = found.problems()
    assert len(lines) == 1
    assert lines[0].startswith(f"history rewritten before row {second[-1]}: checkpoint of ")
    assert f"rows after row {first[-1]} (the last matching checkpoint" in lines[0]


def test_a_rewrite_before_the_first_checkpoint_trusts_no_row(
    db: Database, keys: Path, cps: Path
) -> None:
    clock = FakeClock()
    ids = append(db, clock, 4)
    checkpoint(db, keys, cps, clock)
    rewrite(db, delete=[], actor_of=ids[0])
    lines = verdict(db, keys, cps).problems()
    assert lines[0].startswith(f"history rewritten before row {ids[-1]}")
    assert lines[0].endswith("no earlier checkpoint matches: no row can be trusted")


def test_deleting_the_newest_rows_shows_as_a_chain_shorter_than_a_checkpoint(
    db: Database, keys: Path, cps: Path
) -> None:
    clock = FakeClock()
    first = append(db, clock, 3)
    checkpoint(db, keys, cps, clock)
    second = append(db, clock, 4)
    checkpoint(db, keys, cps, clock)
    rewrite(db, delete=second[1:])  # head fixed: the chain alone cannot tell

    found = verdict(db, keys, cps)
    assert found.chain.ok
    older, newer = (c.checkpoint for c in found.anchors.checks)
    assert older is not None
    assert newer is not None
    assert found.problems() == [
        "chain shorter than a signed checkpoint: the chain has 4 rows, fewer than the 7 the "
        f"checkpoint of {newer.when} recorded (rows deleted or the log truncated); rows after "
        f"row {first[-1]} (the last matching checkpoint, of {older.when}) cannot be trusted"
    ]


def test_an_emptied_log_with_its_head_reset_is_caught(db: Database, keys: Path, cps: Path) -> None:
    clock = FakeClock()
    append(db, clock, 3)
    checkpoint(db, keys, cps, clock)
    allow_audit_tampering(db)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))
        conn.execute(
            text("UPDATE audit_head SET last_hash = :g, rows = 0 WHERE id = 1"), {"g": GENESIS_HASH}
        )
    found = verdict(db, keys, cps)
    assert found.chain.ok
    assert not found.ok
    assert "the chain has 0 rows, fewer than the 3" in found.problems()[0]


@pytest.mark.postgres
def test_postgres_refuses_truncate_of_the_audit_tables(pg_server: PgServer) -> None:
    global _counter
    _counter += 1
    db = open_database(pg_server.create_database(f"trunc{os.getpid()}_{_counter}"))
    try:
        append(db, FakeClock(), 3)
        for stmt in ("TRUNCATE audit_log", "TRUNCATE audit_head", "TRUNCATE audit_log, audit_head"):
            with pytest.raises(DBAPIError, match="cannot be truncated"), db.engine.begin() as c:
                c.exec_driver_sql(stmt)
        with db.engine.connect() as conn:
            names = conn.execute(
                text("SELECT tgname FROM pg_trigger WHERE tgname LIKE :p ORDER BY 1"),
                {"p": "%no_truncate"},
            ).scalars()
            assert list(names) == ["audit_head_no_truncate", "audit_log_no_truncate"]
        with db.session() as s:
            report = verify_audit(s)
        assert report.ok
        assert report.rows == 3
    finally:
        db.dispose()


# --- writing checkpoints ----------------------------------------------------------------------
def test_checkpoint_files_are_private_and_name_the_head(
    db: Database, keys: Path, cps: Path
) -> None:
    clock = FakeClock()
    ids = append(db, clock, 2)
    path = checkpoint(db, keys, cps, clock)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(cps.stat().st_mode) == 0o700
    doc = json.loads(path.read_text(encoding="utf-8"))["checkpoint"]
    with db.session() as s:
        last = list(iter_audit(s))[-1]
    assert doc["last_id"] == ids[-1] == last.id
    assert doc["rows"] == 2
    assert doc["head_hash"] == doc["last_row_hash"] == last.row_hash
    assert doc["site"] == SITE
    assert doc["reason"] == "manual"


def test_a_checkpoint_of_an_empty_log_verifies(db: Database, keys: Path, cps: Path) -> None:
    checkpoint(db, keys, cps, FakeClock())
    append(db, FakeClock(), 1)
    found = verdict(db, keys, cps)
    assert found.ok
    assert found.anchors.anchored


def test_a_head_that_does_not_match_its_newest_row_is_not_signed(
    db: Database, keys: Path, cps: Path
) -> None:
    append(db, FakeClock(), 3)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_head SET rows = 2 WHERE id = 1"))
    with pytest.raises(CheckpointError, match="does not match the newest row"):
        checkpoint(db, keys, cps, FakeClock())
    assert not cps.exists()


def test_without_the_private_key_nothing_is_read_or_written(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "public-only"
    folder.mkdir()
    assert not signing_key_readable(folder)
    assert not signing_key_readable(None)
    with pytest.raises(KeyFileError, match=str(folder / PRIVATE_KEY_FILE)):
        write_checkpoint(db, folder, tmp_path / "cps", workstation="CC")
    assert not (tmp_path / "cps").exists()


def test_the_handover_text_carries_head_rows_time_and_signature(
    db: Database, keys: Path, cps: Path
) -> None:
    clock = FakeClock()
    append(db, clock, 4)
    printed = checkpoint_for_handover(db, keys, cps, workstation="WS01", clock=clock)
    with db.session() as s:
        head = list(iter_audit(s))[-1].row_hash
    (path,) = cps.iterdir()
    assert path.name.endswith("-handover.json")
    assert "Audit checkpoint (handover) — 红桥区咸阳北路街道" in printed
    assert f"head hash:   {head}" in printed
    assert "rows:        4" in printed
    assert "workstation: WS01" in printed
    assert "signature:   " in printed
    assert str(path) in printed


def test_ensure_audit_key_creates_a_pair_once(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    assert ensure_audit_key(folder)
    key = (folder / PRIVATE_KEY_FILE).read_bytes()
    assert stat.S_IMODE((folder / PRIVATE_KEY_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not ensure_audit_key(folder)
    assert (folder / PRIVATE_KEY_FILE).read_bytes() == key
    # A checking workstation holds the public half only: no private key is invented there.
    checker = tmp_path / "checker"
    checker.mkdir()
    (checker / PUBLIC_KEY_FILE).write_bytes((folder / PUBLIC_KEY_FILE).read_bytes())
    assert not ensure_audit_key(checker)
    assert not (checker / PRIVATE_KEY_FILE).exists()


def test_a_replaced_key_keeps_older_checkpoints_checkable(
    db: Database, keys: Path, cps: Path
) -> None:
    clock = FakeClock()
    append(db, clock, 2)
    checkpoint(db, keys, cps, clock)
    with pytest.raises(KeyFileError, match="--force"):
        generate_audit_key(keys)
    generate_audit_key(keys, force=True)
    append(db, clock, 2)
    checkpoint(db, keys, cps, clock)
    found = verdict(db, keys, cps)
    assert found.ok, found.problems()
    assert sum(c.ok for c in found.anchors.checks) == 2
    assert len(list(keys.glob("audit-signing.*.pub"))) == 1


# --- the command line -------------------------------------------------------------------------
def cli(tmp_path: Path, url: str, *args: str) -> tuple[int, str, str]:
    proc = run_cli(
        tmp_path,
        "--db",
        url,
        "--keys",
        str(tmp_path / "keys"),
        "--checkpoints",
        str(tmp_path / "checkpoints"),
        "audit",
        *args,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_cli_keygen_checkpoint_verify_and_a_rewrite(tmp_path: Path, db: Database) -> None:
    clock = FakeClock()
    first = append(db, clock, 3)
    url = db.url
    db.dispose()
    assert cli(tmp_path, url, "keygen")[0] == 0
    key = (tmp_path / "keys" / PRIVATE_KEY_FILE).read_bytes()
    rc, out, err = cli(tmp_path, url, "keygen")
    assert rc == 2
    assert "exists" in err
    assert "--force" in err
    assert (tmp_path / "keys" / PRIVATE_KEY_FILE).read_bytes() == key, "keygen never overwrites"

    rc, out, err = cli(tmp_path, url, "checkpoint", "--reason", "handover")
    assert rc == 0, err
    assert "Audit checkpoint (handover)" in out
    rc, out, _ = cli(tmp_path, url, "verify")
    assert rc == 0
    assert "audit log OK: 3 rows" in out
    assert "matches 1 signed checkpoint(s)" in out
    assert "warning" not in out

    rewrite(db, delete=[first[1]])
    rc, out, err = cli(tmp_path, url, "verify")
    assert rc == 1
    assert "AUDIT LOG TAMPERED" in out
    assert f"history rewritten before row {first[-1]}" in out
    assert "Traceback" not in err


def test_cli_verify_without_checkpoints_warns_and_passes(tmp_path: Path, db: Database) -> None:
    append(db, FakeClock(), 2)
    db.dispose()
    rc, out, _ = cli(tmp_path, db.url, "verify")
    assert rc == 0
    assert "audit log OK: 2 rows" in out
    assert "warning: no checkpoints in" in out
    assert "the chain is only self-consistent" in out


def test_cli_reports_an_edited_checkpoint_file_as_a_bad_signature(
    tmp_path: Path, db: Database, keys: Path, cps: Path
) -> None:
    clock = FakeClock()
    append(db, clock, 3)
    path = checkpoint(db, keys, cps, clock)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["checkpoint"]["workstation"] = "WS09"
    path.write_text(json.dumps(doc), encoding="utf-8")
    db.dispose()
    rc, out, _ = cli(tmp_path, db.url, "verify")
    assert rc == 1
    assert f"checkpoint {path.name}: bad signature" in out


@pytest.mark.parametrize("table", ["audit_log", "audit_head"])
def test_cli_reports_a_dropped_audit_table_as_tampering(
    tmp_path: Path, db: Database, table: str
) -> None:
    append(db, FakeClock(), 2)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP TABLE {table}")
    db.dispose()
    rc, out, err = cli(tmp_path, db.url, "verify")
    assert rc == 1, (out, err)
    assert "AUDIT LOG TAMPERED" in out
    assert f"table {table} is missing (dropped)" in out
    assert "Traceback" not in err


def test_cli_reports_a_removed_head_row_as_tampering(tmp_path: Path, db: Database) -> None:
    append(db, FakeClock(), 2)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_head")
    db.dispose()
    rc, out, err = cli(tmp_path, db.url, "verify")
    assert rc == 1, (out, err)
    assert "the chain head (audit_head) was removed" in out


@pytest.mark.parametrize("command", ["verify", "checkpoint"])
def test_cli_on_a_mistyped_sqlite_path_creates_nothing(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "typo" / "consle.db"
    rc, out, err = cli(tmp_path, f"sqlite:///{missing}", command)
    assert rc == 3
    assert f"no database at {missing}" in err
    assert "audit log OK" not in out
    assert not missing.parent.exists()
