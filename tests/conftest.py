"""Session-wide fixtures: offscreen Qt, no leaked threads, SQLite and PostgreSQL databases."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.site import SiteSpec, load_site
from data.db import Database
from data.migrate import open_database
from tests.helpers.postgres import PgServer, start_postgres

ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = ROOT / "resources" / "demo" / "site.toml"


@pytest.fixture(autouse=True)
def _no_thread_left_running() -> Iterator[None]:
    """Fail any test that leaves a thread of its own running (napari's dangling-thread check)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 2.0
    while True:
        leaked = [
            t
            for t in threading.enumerate()
            if t not in before and t.is_alive() and not t.name.startswith("pydevd")
        ]
        if not leaked or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert not leaked, f"test left threads running: {[t.name for t in leaked]}"


@pytest.fixture(scope="session")
def demo_site() -> SiteSpec:
    """The demo site file, parsed."""
    return load_site(DEMO_SITE)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL server for the whole session."""
    srv = start_postgres()
    yield srv
    srv.stop()


_db_counter = 0


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on SQLite and on a real PostgreSQL server."""
    global _db_counter
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'console.db'}"
    srv: PgServer = request.getfixturevalue("pg_server")
    _db_counter += 1
    return srv.create_database(f"t{os.getpid()}_{_db_counter}")


@pytest.fixture(scope="session")
def pg_migrated_template(pg_server: PgServer) -> str:
    """A PostgreSQL database migrated once by the real Alembic migrations, to clone from."""
    name = f"tmpl_{os.getpid()}"
    database = open_database(pg_server.create_database(name))
    database.dispose()
    return name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated database on SQLite and on PostgreSQL (the real migrations, not create_all).

    PostgreSQL databases are copies of one database migrated by Alembic (CREATE DATABASE …
    TEMPLATE), which opening then finds up to date; SQLite files are migrated afresh.
    """
    global _db_counter
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'console.db'}"
    else:
        srv: PgServer = request.getfixturevalue("pg_server")
        template: str = request.getfixturevalue("pg_migrated_template")
        _db_counter += 1
        url = srv.create_database(f"t{os.getpid()}_{_db_counter}", template=template)
    database = open_database(url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite database only, for tests that need no PostgreSQL twin."""
    database = open_database(f"sqlite:///{tmp_path / 'console.db'}")
    yield database
    database.dispose()
