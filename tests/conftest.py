"""Session-wide fixtures: offscreen Qt, no leaked threads, SQLite and PostgreSQL databases."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite starts `python -m console` dozens of times. Without bytecode files each start
# compiles the console's modules again (about 0.5 s of CPU); the checkout's __pycache__ is
# ignored by git, so let the first start write them and the others read them.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

from core.site import SiteSpec, load_site
from data.db import Database
from data.migrate import open_database
from tests.helpers.postgres import PgServer, setup_console_roles, start_postgres

sys.dont_write_bytecode = False  # this process too: a second run reuses the rewritten tests

ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = ROOT / "resources" / "demo" / "site.toml"

# --- the log of the whole run is checked for secrets --------------------------------------------
# Every password the tests hash is remembered; at the end the log of the run, written with the
# console's own levels, must contain none of them and no valid identity number.
_PASSWORDS: set[str] = set()
_RUN_LOG = Path(tempfile.mkdtemp(prefix="console-test-log-")) / "run.log"


def pytest_configure(config: pytest.Config) -> None:
    from data.security import Argon2Hasher

    original = Argon2Hasher.hash

    def remembering(self: Argon2Hasher, password: str) -> str:
        _PASSWORDS.add(password)
        return original(self, password)

    Argon2Hasher.hash = remembering  # type: ignore[method-assign]
    handler = logging.FileHandler(_RUN_LOG, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    for noisy in ("alembic", "sqlalchemy"):  # as console.cli sets them
        logging.getLogger(noisy).setLevel(logging.WARNING)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from tests.helpers.logscan import secrets_in

    logging.shutdown()
    text = _RUN_LOG.read_text(encoding="utf-8", errors="replace") if _RUN_LOG.exists() else ""
    leaks, ids = secrets_in(text, _PASSWORDS)
    if not leaks and not ids:
        shutil.rmtree(_RUN_LOG.parent, ignore_errors=True)
    else:
        print(  # noqa: T201
            f"\nthe log of this run ({_RUN_LOG}) holds {len(leaks)} password(s) and "
            f"{len(ids)} identity number(s): {leaks[:3]} {ids[:3]}"
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _deferred_deletes_done() -> None:
    """Delete what the previous test left to `deleteLater` before this one starts.

    Outside a running event loop Qt keeps those objects: a closed console's 2,600 widgets
    stayed alive to the end of the worker, and every later language switch, style change and
    garbage collection went through them all (the suite ran ever slower as it went on).
    """
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        qtcore.QCoreApplication.sendPostedEvents(None, qtcore.QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _file_dialogs_remember_nothing() -> None:
    """Each test's file dialogs start where a fresh console's would (no folder remembered)."""
    file_dialogs = sys.modules.get("widgets.file_dialogs")
    if file_dialogs is not None:
        file_dialogs._last.clear()


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
    name = f"t{os.getpid()}_{_db_counter}"
    url = srv.create_database(name)
    srv.drop_after(request, name)
    return url


@pytest.fixture(scope="session")
def pg_migrated_template(pg_server: PgServer) -> str:
    """A PostgreSQL database migrated once by the real Alembic migrations, to clone from.

    Migrated by its owner, with the console's roles set up as `console db setup` does (the
    workstation role, street-wide): its grants and scope rows are copied with every clone.
    """
    name = f"tmpl_{os.getpid()}"
    database = open_database(pg_server.create_database(name))
    try:
        setup_console_roles(database)
    finally:
        database.dispose()
    return name


@pytest.fixture(scope="session")
def sqlite_migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once by the real Alembic migrations, copied for each test (the
    migrations cost ~0.45 s a file; a copy ~3 ms)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "console.db"
    open_database(f"sqlite:///{path}").dispose()
    return path


def _sqlite_copy(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    template: Path = request.getfixturevalue("sqlite_migrated_template")
    target = tmp_path / "console.db"
    for suffix in ("", "-wal", "-shm"):  # the last connection's close folds the WAL in
        src = template.with_name(template.name + suffix)
        if src.exists():
            shutil.copyfile(src, target.with_name(target.name + suffix))
    return f"sqlite:///{target}"


def _migrated_url(request: pytest.FixtureRequest, tmp_path: Path, *, owner: bool) -> str:
    global _db_counter
    if request.param == "sqlite":
        return _sqlite_copy(request, tmp_path)
    srv: PgServer = request.getfixturevalue("pg_server")
    template: str = request.getfixturevalue("pg_migrated_template")
    _db_counter += 1
    name = f"t{os.getpid()}_{_db_counter}"
    url = srv.create_database(name, template=template)
    srv.drop_after(request, name)
    return url if owner else srv.workstation_url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated database on SQLite and on PostgreSQL (the real migrations, not create_all).

    PostgreSQL databases are copies of one database migrated by Alembic (CREATE DATABASE …
    TEMPLATE), SQLite files copies of one migrated file; opening finds them up to date. On
    PostgreSQL the console connects as the control-room workstation's role, with only the
    grants `console db setup` gives it; what only the owner does (seeding, tampering) goes
    through `tests.helpers.postgres.as_owner` or the `owner_db` fixture.
    """
    database = open_database(_migrated_url(request, tmp_path, owner=False))
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def owner_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """Like `db`, but connected as the database's owner: for tests of owner tasks (seeding)."""
    database = open_database(_migrated_url(request, tmp_path, owner=True))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite database only, for tests that need no PostgreSQL twin."""
    database = open_database(_sqlite_copy(request, tmp_path))
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_env(request: pytest.FixtureRequest, demo_site: SiteSpec, tmp_path: Path) -> object:
    """`tests.unit.data.worlds.demo_world` on SQLite and on PostgreSQL, copied from the demo
    seeded once per test process (seeding it for every test cost most of the test)."""
    from tests.unit.data.worlds import demo_world_copy

    return demo_world_copy(request, request.param, demo_site, tmp_path)


@pytest.fixture
def translations(qapp: Any) -> Iterator[Any]:
    """The console's translators on the test's application; English again afterwards."""
    from console.i18n import Translations

    t = Translations(qapp)
    yield t
    t.switch("en")
