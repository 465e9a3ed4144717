"""The test PostgreSQL servers of dead test processes are stopped and their data deleted."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.postgres import OWNER_FILE, reap_stale_servers


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _root(parent: Path, name: str, owner: int | None, server: int | None) -> Path:
    root = parent / f"console-pg-{name}"
    (root / "data").mkdir(parents=True)
    if owner is not None:
        (root / OWNER_FILE).write_text(str(owner))
    if server is not None:
        (root / "data" / "postmaster.pid").write_text(f"{server}\n/data\n")
    return root


def _gone(path: Path, timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return not path.exists()


def test_a_dead_workers_server_is_killed_and_its_data_deleted(tmp_path: Path) -> None:
    # A process named like the server: `exec -a` sets its argv[0].
    server = subprocess.Popen(["bash", "-c", "exec -a postgres sleep 60"])
    try:
        stale = _root(tmp_path, "stale", _dead_pid(), server.pid)
        mine = _root(tmp_path, "mine", None, None)
        (mine / OWNER_FILE).write_text(str(os.getpid()))
        unknown = _root(tmp_path, "unknown", None, server.pid)

        assert reap_stale_servers(tmp_path) == [stale]
        assert server.wait(timeout=10) == -9
        assert _gone(stale)
        assert mine.exists()
        assert unknown.exists()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_a_reused_pid_that_is_not_postgres_is_not_killed(tmp_path: Path) -> None:
    other = subprocess.Popen(["sleep", "60"])
    try:
        stale = _root(tmp_path, "stale", _dead_pid(), other.pid)
        assert reap_stale_servers(tmp_path) == [stale]
        assert other.poll() is None
        assert _gone(stale)
    finally:
        other.kill()
        other.wait()
