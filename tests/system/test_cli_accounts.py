"""The command line as an administrator uses it: demo seeding, accounts, lockouts."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.cli import run_cli, run_cli_process


def _passwords(stdout: str) -> dict[str, str]:
    return dict(re.findall(r"^\s+(\w+)\s+\w+\s+(\S+)$", stdout, flags=re.MULTILINE))


def test_demo_prints_passwords_once_and_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    # The first run as its own process: `python -m console` opening, seeding and closing.
    first = run_cli_process(tmp_path, "--db", url, "demo", "--population", "200")
    assert first.returncode == 0, first.stderr
    pw = _passwords(first.stdout)
    assert set(pw) == {
        "admin",
        "supervisor",
        "operator",
        "ws01",
        "police",
        "volunteer",
        "counsellor",
    }
    assert "20 communities, 136 devices, 200 residents (200 added)" in first.stdout

    again = run_cli(tmp_path, "--db", url, "demo", "--population", "200")
    assert again.returncode == 0, again.stderr
    assert _passwords(again.stdout) == {}
    assert "(0 added)" in again.stdout
    assert "demo accounts exist already" in again.stdout
    assert run_cli(tmp_path, "--db", url, "audit", "verify").returncode == 0

    # What `make run` calls on every start: nothing to do once a site is there.
    quick = run_cli(tmp_path, "--db", url, "demo", "--if-needed")
    assert quick.returncode == 0, quick.stderr
    assert quick.stdout.startswith("site present: 红桥区咸阳北路街道")


def test_demo_if_needed_seeds_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    first = run_cli(tmp_path, "--db", url, "demo", "--if-needed", "--population", "50")
    assert first.returncode == 0, first.stderr
    assert set(_passwords(first.stdout)) == {
        "admin",
        "supervisor",
        "operator",
        "ws01",
        "police",
        "volunteer",
        "counsellor",
    }


def test_user_add_passwd_and_unlock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert run_cli(tmp_path, "--db", url, "demo", "--population", "0").returncode == 0
    add = run_cli(
        tmp_path, "--db", url, "user", "add", "zhang", "--role", "station",
        "--community", "C05", "--name", "张伟", stdin="Station-pass-05\n",
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    weak = run_cli(tmp_path, "--db", url, "user", "add", "li", "--role", "operator", stdin="123\n")
    assert weak.returncode == 2
    assert "password too weak" in weak.stderr
    dup = run_cli(
        tmp_path,
        "--db",
        url,
        "user",
        "add",
        "zhang",
        "--role",
        "operator",
        stdin="Another-pass-1\n",
    )
    assert dup.returncode == 2
    assert "exists" in dup.stderr
    assert run_cli(tmp_path, "--db", url, "user", "unlock", "zhang").returncode == 0
    assert run_cli(tmp_path, "--db", url, "user", "unlock", "nobody").returncode == 2
    pw = run_cli(tmp_path, "--db", url, "user", "passwd", "zhang", stdin="Newer-pass-0505\n")
    assert pw.returncode == 0, pw.stderr

    from console.startup import local_services
    from data.migrate import open_database

    db = open_database(url)
    try:
        who = local_services(db, "CC").signin.login("zhang", "Newer-pass-0505")
        assert who.communities == frozenset({"C05"})
        assert who.display_name == "张伟"
    finally:
        db.dispose()
    assert run_cli(tmp_path, "--db", url, "audit", "verify").returncode == 0
