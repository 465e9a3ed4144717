"""The database, its WAL, its folder and the logs are readable by their owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from data.migrate import open_database
from tests.helpers.cli import run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX file modes")


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_a_new_database_and_its_wal_are_private(tmp_path: Path) -> None:
    os.umask(0o022)  # the usual umask, which would make them 0644
    path = tmp_path / "c.db"
    db = open_database(f"sqlite:///{path}")
    try:
        with db.session() as s:
            s.connection().exec_driver_sql("SELECT 1")
        assert _mode(path) == 0o600
        for wal in (path.with_name("c.db-wal"), path.with_name("c.db-shm")):
            if wal.exists():
                assert _mode(wal) == 0o600, wal
    finally:
        db.dispose()


def test_an_old_world_readable_database_is_tightened_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    open_database(f"sqlite:///{path}").dispose()
    path.chmod(0o644)
    open_database(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600


def test_a_foreign_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "sheet.db"
    path.write_bytes(b"not a database\n" * 100)
    path.chmod(0o644)
    with pytest.raises(Exception, match="damaged"):
        open_database(f"sqlite:///{path}")
    assert _mode(path) == 0o644


def test_the_default_data_folder_and_the_log_are_private(tmp_path: Path) -> None:
    r = run_cli(tmp_path, "demo", "--population", "0")
    assert r.returncode == 0, r.stderr
    data_dir = tmp_path / "xdg-data" / "street-command-console"
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "console.db") == 0o600
    logs = list((tmp_path / "xdg-state").rglob("console.log"))
    assert logs, "the command wrote its log"
    assert _mode(logs[0]) == 0o600
    assert _mode(logs[0].parent) == 0o700
