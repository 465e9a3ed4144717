"""`console resident export`: one person's data to private files, as an administrator or owner."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from console.startup import EXIT_OK, EXIT_REFUSED
from data.audit import iter_audit
from data.migrate import open_database
from tests.helpers.cli import run_cli
from tests.helpers.postgres import PgServer

REASON = "本人申请查阅"


def _passwords(stdout: str) -> dict[str, str]:
    return dict(re.findall(r"^\s+(\w+)\s+\w+\s+(\S+)$", stdout, flags=re.MULTILINE))


def _exports(url: str) -> list[tuple[str, str]]:
    db = open_database(url)
    try:
        with db.session() as s:
            return [
                (r.actor, r.target) for r in iter_audit(s) if r.action == "personal_data_exported"
            ]
    finally:
        db.dispose()


def test_the_owner_of_a_local_file_exports_to_private_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'street.db'}"
    keys = tmp_path / "keys"
    demo = run_cli(tmp_path, "--db", url, "--keys", str(keys), "demo", "--population", "20")
    assert demo.returncode == EXIT_OK, demo.stderr
    out = tmp_path / "person.json"
    r = run_cli(
        tmp_path, "--db", url, "--keys", str(keys), "resident", "export", "1",
        "--reason", REASON, "--out", str(out),
    )  # fmt: skip
    assert r.returncode == EXIT_OK, r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["resident"]["id"] == 1
    assert len(doc["resident"]["id_number"]) == 18  # decrypted
    assert doc["reason"] == REASON
    summary = tmp_path / "person.txt"
    assert doc["resident"]["id_number"] in summary.read_text(encoding="utf-8")
    for path in (out, summary):
        assert os.stat(path).st_mode & 0o777 == 0o600
    assert [t for _a, t in _exports(url)] == ["resident:1"]
    # No reason worth the name: refused, nothing written.
    again = tmp_path / "again.json"
    refused = run_cli(
        tmp_path, "--db", url, "--keys", str(keys), "resident", "export", "1",
        "--reason", "x", "--out", str(again),
    )  # fmt: skip
    assert refused.returncode == EXIT_REFUSED
    assert "Traceback" not in refused.stderr
    assert not again.exists()


@pytest.mark.postgres
def test_a_shared_database_needs_an_administrator(pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.create_database(f"rexport_{os.getpid()}_{tmp_path.name[-12:]}")
    keys = tmp_path / "keys"
    first = run_cli(tmp_path, "--db", url, "--keys", str(keys), "demo", "--population", "5")
    assert first.returncode == EXIT_OK, first.stderr
    pw = _passwords(first.stdout)
    out = tmp_path / "person.json"
    args = ("--db", url, "--keys", str(keys), "resident", "export", "1", "--reason", REASON)
    refused = run_cli(tmp_path, *args, "--out", str(out))
    assert refused.returncode == EXIT_REFUSED
    assert "--admin" in refused.stderr
    assert not out.exists()
    assert _exports(url) == []
    done = run_cli(tmp_path, *args, "--out", str(out), "--admin", "admin", stdin=f"{pw['admin']}\n")
    assert done.returncode == EXIT_OK, done.stderr
    assert os.stat(out).st_mode & 0o777 == 0o600
    assert _exports(url) == [("admin", "resident:1")]
