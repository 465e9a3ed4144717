"""Administration from the command line needs an administrator, or the owner of a local file."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import socket
from pathlib import Path

import pytest

from console.startup import EXIT_OK, EXIT_REFUSED
from data.audit import iter_audit
from data.migrate import open_database
from data.services.signin import find_user
from tests.helpers.cli import run_cli, run_cli_process
from tests.helpers.postgres import PgServer

pytestmark = pytest.mark.postgres


def _passwords(stdout: str) -> dict[str, str]:
    return dict(re.findall(r"^\s+(\w+)\s+\w+\s+(\S+)$", stdout, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def demo_template(
    pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str], Path]:
    """The demo site seeded once by `console demo` (its database name, its demo passwords, and
    the home whose configuration holds its keys), for the tests to copy."""
    home = tmp_path_factory.mktemp("authority-demo")
    name = f"authority_tmpl_{os.getpid()}"
    first = run_cli(home, "--db", pg_server.create_database(name), "demo", "--population", "0")
    assert first.returncode == EXIT_OK, first.stderr
    return name, _passwords(first.stdout), home


@pytest.fixture
def shared(
    pg_server: PgServer, tmp_path: Path, demo_template: tuple[str, dict[str, str], Path]
) -> tuple[str, dict[str, str]]:
    """The demo site on the PostgreSQL server: a shared database, and its demo passwords.

    A copy of the seeded template (CREATE DATABASE … TEMPLATE), with the template's key folder
    copied into this test's home: what `console demo` leaves behind, without seeding again.
    """
    template, passwords, home = demo_template
    url = pg_server.create_database(
        f"authority_{os.getpid()}_{tmp_path.name[-12:]}", template=template
    )
    for folder in ("home", "xdg-config", "xdg-data", "xdg-state"):
        if (home / folder).is_dir():
            shutil.copytree(home / folder, tmp_path / folder, dirs_exist_ok=True)
    return url, passwords


def _audit(url: str) -> list[tuple[str, str, str]]:
    db = open_database(url)
    try:
        with db.session() as s:
            return [(r.actor, r.action, r.target) for r in iter_audit(s)]
    finally:
        db.dispose()


def _exists(url: str, username: str) -> bool:
    db = open_database(url)
    try:
        with db.session() as s:
            return find_user(s, username) is not None
    finally:
        db.dispose()


def test_account_commands_on_a_shared_database_need_an_administrator(
    shared: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, _pw = shared
    refused = run_cli(
        tmp_path, "--db", url, "user", "add", "mallory", "--role", "admin", stdin="Mallory-pw-99\n"
    )
    assert refused.returncode == EXIT_REFUSED
    assert "--admin" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not _exists(url, "mallory")
    for cmd in (["user", "passwd", "admin"], ["user", "unlock", "admin"]):
        r = run_cli(tmp_path, "--db", url, *cmd, stdin="Taken-over-1234\n")
        assert r.returncode == EXIT_REFUSED, cmd
    # An existing site's demo accounts get no new passwords from whoever has the address.
    again = run_cli(tmp_path, "--db", url, "demo", "--new-passwords")
    assert again.returncode == EXIT_REFUSED
    assert _passwords(again.stdout) == {}


def test_an_administrator_signs_in_and_is_the_audited_actor(
    shared: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, pw = shared
    add = run_cli(
        tmp_path, "--db", url, "user", "add", "zhao", "--role", "operator",
        "--admin", "admin", stdin=f"{pw['admin']}\nZhao-pass-2026\n",
    )  # fmt: skip
    assert add.returncode == EXIT_OK, add.stderr
    assert _exists(url, "zhao")
    audit = _audit(url)
    assert ("admin", "login", "") in audit
    assert ("admin", "user_created", "zhao") in audit


def test_a_wrong_administrator_password_is_refused_and_counted(
    shared: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, _pw = shared
    wrong = run_cli(
        tmp_path, "--db", url, "user", "add", "qian", "--role", "operator",
        "--admin", "admin", stdin="not-the-password\nQian-pass-2026\n",
    )  # fmt: skip
    assert wrong.returncode == EXIT_REFUSED
    assert not _exists(url, "qian")
    assert ("admin", "login_failed", "") in _audit(url)


def test_an_operator_is_not_an_administrator(
    shared: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, pw = shared
    r = run_cli(
        tmp_path, "--db", url, "user", "passwd", "admin",
        "--admin", "operator", stdin=f"{pw['operator']}\nTaken-over-1234\n",
    )  # fmt: skip
    assert r.returncode == EXIT_REFUSED
    assert "not an administrator" in r.stderr


def test_the_owner_of_a_local_file_acts_under_their_own_name(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert run_cli(tmp_path, "--db", url, "demo", "--population", "0").returncode == EXIT_OK
    add = run_cli(
        tmp_path, "--db", url, "user", "add", "sun", "--role", "operator", stdin="Sun-pass-2026\n"
    )
    assert add.returncode == EXIT_OK, add.stderr
    me = f"os:{getpass.getuser()}@{socket.gethostname()}"[:64]
    assert (me, "user_created", "sun") in _audit(url)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving the file to another user needs root")
def test_someone_elses_local_file_needs_an_administrator(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    url = f"sqlite:///{path}"
    assert run_cli(tmp_path, "--db", url, "demo", "--population", "0").returncode == EXIT_OK
    for f in tmp_path.glob("c.db*"):
        os.chown(f, 65534, 65534)
    r = run_cli(
        tmp_path, "--db", url, "user", "add", "li", "--role", "operator", stdin="Li-pass-2026\n"
    )
    assert r.returncode == EXIT_REFUSED


def test_a_screenshot_never_opens_a_real_database(
    shared: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, _pw = shared
    before = _audit(url)
    r = run_cli_process(
        tmp_path, "--db", url, "--screenshot", str(tmp_path / "s.png"), "--user", "admin"
    )
    assert r.returncode == EXIT_REFUSED
    assert not (tmp_path / "s.png").exists()
    assert _audit(url) == before
