"""`console retention run` and `console export` as a user runs them."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from console.startup import EXIT_OK, EXIT_REFUSED
from core.csvexport import CsvEncoding, read_back
from data.audit import iter_audit
from data.migrate import open_database
from tests.helpers.cli import run_cli
from tests.helpers.postgres import PgServer, setup_console_roles


def _audit(url: str) -> list[tuple[str, str, str]]:
    db = open_database(url)
    try:
        with db.session() as s:
            return [(r.actor, r.action, r.detail) for r in iter_audit(s)]
    finally:
        db.dispose()


@pytest.fixture
def local(tmp_path: Path) -> list[str]:
    """The demo site in a SQLite file this user owns: its owner may act without --admin."""
    url = f"sqlite:///{tmp_path / 'c.db'}"
    base = ["--db", url, "--keys", str(tmp_path / "keys")]
    done = run_cli(tmp_path, *base, "demo", "--population", "30")
    assert done.returncode == EXIT_OK, done.stderr
    return base


def test_retention_dry_run_and_run_print_the_report(local: list[str], tmp_path: Path) -> None:
    dry = run_cli(tmp_path, *local, "retention", "run", "--dry-run")
    assert dry.returncode == EXIT_OK, dry.stderr
    assert "dry run (nothing changed)" in dry.stdout
    assert re.search(r"video\s+31 days\s+would be deleted: 0", dry.stdout)
    real = run_cli(tmp_path, *local, "retention", "run")
    assert real.returncode == EXIT_OK, real.stderr
    assert "incidents" in real.stdout
    assert "audit_log" in real.stdout
    actions = [a for _, a, _ in _audit(local[1])]
    assert actions.count("retention_run") == 1


def test_export_writes_a_private_signed_file_and_refuses_without_a_reason(
    local: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "r.csv"
    done = run_cli(
        tmp_path,
        *local,
        "export",
        "residents",
        "--out",
        str(out),
        "--reason",
        "入户走访名单",
        "--encoding",
        "gbk",
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = read_back(out.read_bytes(), CsvEncoding.GBK)
    assert rows[-1][0].startswith("# exported by os:")
    assert rows[-1][0].endswith("for: 入户走访名单")
    refused = run_cli(
        tmp_path, *local, "export", "incidents", "--out", str(tmp_path / "i.csv"), "--reason", "x"
    )
    assert refused.returncode == EXIT_REFUSED
    assert "reason" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "i.csv").exists()
    actions = [a for _, a, _ in _audit(local[1])]
    assert actions.count("data_exported") == 1
    assert actions.count("export_refused") == 1


@pytest.mark.postgres
def test_the_workstation_role_is_told_retention_is_the_owners_task(
    pg_server: PgServer, tmp_path: Path
) -> None:
    name = f"retention_{os.getpid()}_{tmp_path.name[-12:]}"
    owner_url = pg_server.create_database(name)
    first = run_cli(tmp_path, "--db", owner_url, "demo", "--population", "0")
    assert first.returncode == EXIT_OK, first.stderr
    admin_pw = dict(re.findall(r"^\s+(\w+)\s+\w+\s+(\S+)$", first.stdout, flags=re.MULTILINE))
    db = open_database(owner_url)
    try:
        setup_console_roles(db)
    finally:
        db.dispose()
    ws = run_cli(
        tmp_path,
        "--db",
        pg_server.workstation_url(name),
        "retention",
        "run",
        "--admin",
        "admin",
        stdin=f"{admin_pw['admin']}\n",
    )
    assert ws.returncode == EXIT_REFUSED, ws.stdout + ws.stderr
    assert "owner" in ws.stderr
    assert "Traceback" not in ws.stderr
    owner = run_cli(
        tmp_path,
        "--db",
        owner_url,
        "retention",
        "run",
        "--admin",
        "admin",
        stdin=f"{admin_pw['admin']}\n",
    )
    assert owner.returncode == EXIT_OK, owner.stderr
