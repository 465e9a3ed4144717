"""A real PostgreSQL server for the test session: initdb into a temp dir, pg_ctl on 127.0.0.1."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from core.permissions import Principal
from data.db import Database
from data.pgroles import WORKSTATION_ROLE, SetupPlan, apply_setup, plan_setup
from tests.helpers.pids import alive

OWNER = "postgres"  # the superuser that creates, migrates and seeds the test databases
OWNER_PASSWORD = "console-test"
# The control-room workstation's role, as `console db setup` makes it (its password fixed).
WORKSTATION_PASSWORD = "console-ws-test"


def _bindir() -> Path | None:
    for cand in [shutil.which("pg_ctl"), *sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))]:
        if cand:
            return Path(cand).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running server; `url(db)` gives a SQLAlchemy URL for a database on it."""

    bindir: Path
    datadir: Path
    port: int
    as_postgres: bool
    user: str = OWNER
    password: str = OWNER_PASSWORD
    _admin: psycopg.Connection[tuple[object, ...]] | None = None

    def url(
        self, database: str = "postgres", password: str | None = None, user: str | None = None
    ) -> str:
        pw = self.password if password is None else password
        who = self.user if user is None else user
        return f"postgresql+psycopg://{who}:{pw}@127.0.0.1:{self.port}/{database}"

    def workstation_url(self, database: str) -> str:
        """The URL of a database as the control-room workstation's role connects to it."""
        return self.url(database, password=WORKSTATION_PASSWORD, user=WORKSTATION_ROLE)

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        argv = list(cmd)
        if self.as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        return subprocess.run(argv, check=True, capture_output=True, text=True, timeout=60)

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser over the Unix socket."""
        return self._run(
            str(self.bindir / "psql"),
            "-h",
            str(self.datadir),
            "-p",
            str(self.port),
            "-U",
            self.user,
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-Atc",
            sql,
        ).stdout

    def _admin_conn(self) -> psycopg.Connection[tuple[object, ...]]:
        # One autocommit connection for the session: CREATE DATABASE through it costs a few
        # milliseconds, where a psql process per database cost ~0.3 s.
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(
                host="127.0.0.1",
                port=self.port,
                user=self.user,
                password=self.password,
                dbname="postgres",
                autocommit=True,
            )
        return self._admin

    def admin(self, sql: str, *params: object) -> None:
        """Run a statement as the superuser on the session's one admin connection (no psql
        process: a few milliseconds)."""
        self._admin_conn().execute(sql, params or None)

    def create_database(self, name: str, template: str | None = None) -> str:
        """A fresh database (empty, or a copy of `template`); returns its URL."""
        conn = self._admin_conn()
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        tmpl = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{tmpl}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a test's database (its connections cut), so that a session's copies do not
        pile up in the server's memory-backed folder."""
        self._admin_conn().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_after(self, request: pytest.FixtureRequest, name: str) -> None:
        """Drop `name` when the fixture of `request` is torn down (after its own teardown)."""
        request.addfinalizer(lambda: self.drop_database(name))

    def resume(self) -> None:
        """Start the server (again) on its port, with its data."""
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir),
            "-w",
            "-l",
            str(self.datadir.parent / "log"),
            "start",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.datadir} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off",
        )

    def pause(self) -> None:
        """Stop the server but keep its data: an outage that `resume` ends."""
        if self._admin is not None:
            self._admin.close()
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        """Stop the server (killing it if it hangs) and delete its data directory."""
        if self._admin is not None:
            self._admin.close()
        try:
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.datadir),
                "-m",
                "immediate",
                "-t",
                "15",
                "-w",
                "stop",
            )
        except (subprocess.SubprocessError, OSError):
            pid_file = self.datadir / "postmaster.pid"
            if pid_file.exists():
                with contextlib.suppress(ProcessLookupError, ValueError):
                    os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
        finally:
            # Past the teardown timeout if deleted inline on a loaded machine: rm does it after us.
            _remove_later(self.datadir.parent)


# /dev/shm when it has this much room: cloning the migrated template (13 MB) took 150-180 ms
# on this machine's disk and 50 ms there, and a PostgreSQL twin clones one per test.
SHM = Path("/dev/shm")
SHM_MIN_FREE = 4 << 30


def _data_parent() -> Path | None:
    """The folder for a server's data: memory-backed if there is room, else the temp folder."""
    try:
        st = os.statvfs(SHM)
    except OSError:
        return None
    return SHM if st.f_bavail * st.f_frsize >= SHM_MIN_FREE else None


OWNER_FILE = "owner.pid"  # the test process that started the server, beside its data


def _is_postgres(pid: int) -> bool:
    """True when `pid` runs PostgreSQL (a pid from an old file may have been reused since)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"postgres" in cmdline.split(b"\0")[0]


def _remove_later(folder: Path) -> None:
    """Delete `folder` in a detached process (gigabytes of clones took a minute on a loaded
    machine's disk)."""
    try:
        subprocess.Popen(
            ["rm", "-rf", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def reap_stale_servers(parent: Path) -> list[Path]:
    """Stop the servers of test processes that died without stopping them, and delete their
    data; the folders reaped.

    pg_ctl detaches the server, so a crashed test worker left it running (and, in /dev/shm,
    holding memory). A folder without an owner file, or whose owner lives, is left alone.
    """
    reaped: list[Path] = []
    for root in sorted(parent.glob("console-pg-*")):
        try:
            owner = int((root / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if alive(owner):
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            server = int((root / "data" / "postmaster.pid").read_text().split()[0])
            if _is_postgres(server):
                os.kill(server, signal.SIGKILL)
        _remove_later(root)
        reaped.append(root)
    return reaped


def start_postgres() -> PgServer:
    """Start a throw-away server (about a second); raise RuntimeError if PostgreSQL is absent."""
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    as_postgres = os.geteuid() == 0  # initdb refuses to run as root
    parent = _data_parent()
    reap_stale_servers(parent or Path(tempfile.gettempdir()))
    root = Path(tempfile.mkdtemp(prefix="console-pg-", dir=parent))
    (root / OWNER_FILE).write_text(str(os.getpid()))
    datadir = root / "data"
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    srv = PgServer(bindir, datadir, port, as_postgres)
    pwfile = root / "pw"
    pwfile.write_text(srv.password)
    if as_postgres:
        shutil.chown(pwfile, "postgres", "postgres")
    # Password auth over TCP, so that a wrong password is really refused; trust on the socket.
    srv._run(
        str(bindir / "initdb"),
        "-D",
        str(datadir),
        "-U",
        "postgres",
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        f"--pwfile={pwfile}",
        "--no-sync",
        "-E",
        "UTF8",
        "--locale=C",
    )
    srv.resume()
    return srv


def setup_console_roles(
    db: Database,
    communities: Sequence[str] = (),
    passwords: Mapping[str, str] | None = None,
) -> SetupPlan:
    """What `console db setup` does, on `db` opened as its owner; the workstation's password
    is WORKSTATION_PASSWORD unless `passwords` says otherwise."""
    fixed = {WORKSTATION_ROLE: WORKSTATION_PASSWORD, **(passwords or {})}
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None
        plan = plan_setup(conn, communities, passwords=fixed)
        apply_setup(conn, plan)
        return plan
    finally:
        raw.close()


@contextlib.contextmanager
def as_owner(db: Database) -> Iterator[Database]:
    """The same database opened as its owner, for what only the owner does (seeding, a
    tampering attacker); a SQLite database is yielded as it is."""
    if db.dialect != "postgresql" or make_url(db.url).username == OWNER:
        yield db
        return
    url = make_url(db.url).set(username=OWNER, password=OWNER_PASSWORD)
    owner = Database(url.render_as_string(hide_password=False), db.opts)
    try:
        yield owner
    finally:
        owner.dispose()


def with_server_session(db: Database, who: Principal, at: datetime) -> Principal:
    """`who` with a server session, as a real sign-in on PostgreSQL would give it.

    For tests whose principals are made without a password; on SQLite there is no session.
    """
    if db.dialect != "postgresql":
        return who
    token = secrets.token_hex(32)
    digest = hashlib.sha256(token.encode()).hexdigest()
    with as_owner(db) as owner, owner.session() as s:
        s.execute(
            text(
                "INSERT INTO console_session (token_hash, user_id, workstation, created_at, "
                "expires_at) VALUES (:h, :u, 'TEST', :at, :until)"
            ),
            {"h": digest, "u": who.user_id, "at": at, "until": at + timedelta(days=3650)},
        )
    return replace(who, session_token=token)
