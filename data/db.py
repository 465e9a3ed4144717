"""Opening the database: URL choice, SQLite pragmas, clear errors, migrations at start."""

from __future__ import annotations

import enum
import logging
import os
import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from core.model import APP_NAME

log = logging.getLogger(__name__)

ENV_DB = "CONSOLE_DB"
# A file holding the PostgreSQL password, for a URL without one: the password stays off the
# command line (where `ps` shows it) and out of the environment.
ENV_DB_PASSWORD_FILE = "CONSOLE_DB_PASSWORD_FILE"
# An execution option on the engine of write sessions: their transactions begin IMMEDIATE.
_WRITE_OPTION = "console_write"


def upsert_insert(s: Session, table: Any) -> Any:
    """An INSERT of the session's dialect, which has `on_conflict_do_nothing` (PostgreSQL and
    SQLite spell it the same way; SQLAlchemy's generic insert has none)."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def user_data_dir() -> Path:
    """Per-user data folder (platformdirs): the embedded database and local state live here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_sqlite_url() -> str:
    """The embedded default: one SQLite file in the user data dir."""
    return f"sqlite:///{user_data_dir() / 'console.db'}"


def resolve_url(cli_url: str | None, env: Mapping[str, str] | None = None) -> str:
    """`--db` wins over CONSOLE_DB, which wins over the embedded SQLite file."""
    env = os.environ if env is None else env
    return cli_url or env.get(ENV_DB) or default_sqlite_url()


def warn_if_password_in_argv(cli_url: str | None) -> bool:
    """Log a warning (the CLI shows it on stderr) when `--db` carries a password; True if so.

    Any user of the computer can read a process's command line (`ps`); the URL still works.
    """
    if not cli_url:
        return False
    try:
        password = make_url(cli_url).password
    except ArgumentError:
        return False
    if not password:
        return False
    log.warning(
        "The database password was given on the command line (--db %s), where any user of "
        "this computer can read it with ps. Leave it out of the URL and use %s, ~/.pgpass "
        "(PGPASSFILE) or PGPASSWORD instead.",
        redact(cli_url),
        ENV_DB_PASSWORD_FILE,
    )
    return True


def with_password_file(url: URL, env: Mapping[str, str] | None = None) -> URL:
    """A PostgreSQL URL without a password takes the one in $CONSOLE_DB_PASSWORD_FILE.

    Without that variable the URL is left as it is, and libpq looks for the password itself
    (PGPASSWORD, then PGPASSFILE or ~/.pgpass). Only the file's first line counts.
    """
    env = os.environ if env is None else env
    path = env.get(ENV_DB_PASSWORD_FILE)
    if not path or url.password is not None or url.get_backend_name() != "postgresql":
        return url
    file = Path(path).expanduser()
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
        if os.name == "posix" and file.stat().st_mode & 0o077:
            # libpq ignores a ~/.pgpass that others can read; this one is used, but said.
            log.warning("the database password file %s is readable by other users", file)
    except (OSError, UnicodeDecodeError) as exc:
        raise DatabaseError(
            DbErrorKind.CONFIG,
            f"Cannot read the database password file {file} (${ENV_DB_PASSWORD_FILE}): {exc}",
            redact(url),
        ) from exc
    if not lines or not lines[0]:
        raise DatabaseError(
            DbErrorKind.CONFIG,
            f"The database password file {file} (${ENV_DB_PASSWORD_FILE}) is empty.",
            redact(url),
        )
    return url.set(password=lines[0])


def redact(url: str | URL) -> str:
    """The URL with any password masked, safe for logs and dialogs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", str(url))


class DbErrorKind(enum.StrEnum):
    """Why the database could not be used; each has its own message in the UI."""

    CONFIG = "config"
    CORRUPT = "corrupt"
    LOCKED = "locked"
    UNREACHABLE = "unreachable"
    AUTH = "auth"
    NEWER_SCHEMA = "newer_schema"
    FOREIGN = "foreign"
    MIGRATION = "migration"


class DatabaseError(Exception):
    """A database problem explained for an operator; `kind` picks the remedy."""

    def __init__(self, kind: DbErrorKind, message: str, url: str = ""):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.url = url

    def __str__(self) -> str:
        where = f" ({self.url})" if self.url else ""
        return f"{self.message}{where}"


def classify(exc: BaseException, url: str) -> DatabaseError:
    """Turn a driver error into a DatabaseError with a message that says what to do."""
    shown = redact(url)
    orig: Any = exc.orig if isinstance(exc, DBAPIError) else exc
    msg = str(orig).lower()
    if "file is not a database" in msg or "malformed" in msg or "not a database" in msg:
        return DatabaseError(
            DbErrorKind.CORRUPT,
            "The database file is damaged or is not a database. It was left untouched; "
            "restore it from a backup or point the console at another file.",
            shown,
        )
    if "database is locked" in msg or "database table is locked" in msg:
        return DatabaseError(
            DbErrorKind.LOCKED,
            "The database is locked by another program. Close the other console or tool "
            "that holds it and try again.",
            shown,
        )
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate == "55P03" or "lock timeout" in msg:
        # PostgreSQL lock_timeout (or NOWAIT): a row another transaction has locked.
        return DatabaseError(
            DbErrorKind.LOCKED,
            "Another workstation holds this record; try again in a moment.",
            shown,
        )
    if "statement timeout" in msg:
        return DatabaseError(
            DbErrorKind.UNREACHABLE,
            "The database took too long to answer and the request was cancelled; try again. "
            "If it keeps happening, the server is overloaded.",
            shown,
        )
    if "password authentication failed" in msg or "no password supplied" in msg:
        return DatabaseError(
            DbErrorKind.AUTH,
            "The database server refused the user name or password.",
            shown,
        )
    if "does not exist" in msg and "database" in msg:
        return DatabaseError(
            DbErrorKind.CONFIG, "The database named in the URL does not exist.", shown
        )
    if url.startswith("sqlite") and (
        "unable to open" in msg or isinstance(orig, sqlite3.OperationalError | OSError)
    ):
        return DatabaseError(
            DbErrorKind.UNREACHABLE,
            f"The database file cannot be opened ({orig}). Check the path and its permissions.",
            shown,
        )
    if (
        "could not connect" in msg
        or "connection refused" in msg
        or "timeout" in msg
        or "could not translate host" in msg
        or "connection failed" in msg
        or "unable to open database file" in msg
        or isinstance(orig, sqlite3.OperationalError | OSError)
    ):
        return DatabaseError(
            DbErrorKind.UNREACHABLE,
            "The database cannot be reached. Check that the server is running and the "
            "address is right.",
            shown,
        )
    return DatabaseError(DbErrorKind.UNREACHABLE, f"Database error: {orig}", shown)


def database_problem(exc: BaseException, url: str) -> str | None:
    """The operator-facing message of a database error; None for any other exception."""
    if isinstance(exc, DatabaseError):
        return exc.message
    if isinstance(exc, SQLAlchemyError):
        return classify(exc, url).message
    return None


@dataclass(frozen=True, slots=True)
class DbOptions:
    """Connection settings that tests and the CLI may tighten."""

    busy_timeout_s: float = 5.0
    connect_timeout_s: int = 5
    # PostgreSQL: how long a statement waits for a row another workstation holds, and how
    # long any statement may run, before the server cancels it (0 = no limit). Migrations run
    # without either limit.
    lock_timeout_s: float = 5.0
    statement_timeout_s: float = 30.0


def _new_or_ours(cur: sqlite3.Cursor) -> bool:
    """True for an empty file or a console database.

    Switching to WAL rewrites the file header, so it is never done to another program's file:
    that one is refused as FOREIGN and must be left exactly as it was.
    """
    tables = {row[0] for row in cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return not tables or "alembic_version" in tables


def _create_private(path: Path) -> None:
    """A new database file readable by this user only (its WAL and SHM inherit the mode).

    The file holds residents' personal data; the umask would leave it world-readable.
    """
    if path.parent == user_data_dir():
        path.parent.chmod(0o700)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError:
        pass  # SQLite's own open reports an unwritable place with its usual error


def tighten_file_modes(path: Path) -> None:
    """Take group and other access away from a database of ours, its WAL, SHM and folder."""
    if not hasattr(os, "geteuid"):
        return  # Windows: the profile folder's ACL protects it
    if path.parent == user_data_dir():
        path.parent.chmod(0o700)
    for f in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            st = f.stat()
            if st.st_uid == os.geteuid() and st.st_mode & 0o077:
                f.chmod(st.st_mode & 0o700)
        except OSError:
            continue


def _sqlite_engine(url: URL, opts: DbOptions) -> Engine:
    path = url.database
    if path and path != ":memory:":
        folder = Path(path).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                DbErrorKind.CONFIG,
                f"Cannot create the folder {folder}: {exc.strerror}",
                redact(url),
            ) from exc
    engine = create_engine(url, connect_args={"timeout": opts.busy_timeout_s})
    if path and path != ":memory:":
        # After the URL was accepted: a refused one must leave no file behind.
        _create_private(Path(path).expanduser())

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Take transactions out of pysqlite's hands so DDL is transactional too: a migration
        # either lands whole or not at all (SQLAlchemy's documented pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {int(opts.busy_timeout_s * 1000)}")
            cur.execute("PRAGMA foreign_keys = ON")
            mode = cur.execute("PRAGMA journal_mode").fetchone()
            if mode and str(mode[0]).lower() != "wal" and _new_or_ours(cur):
                cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write transaction takes the write lock when it begins: a deferred one that reads
        # first cannot wait on the busy timeout when it upgrades, and fails at once with
        # "database is locked" while another process writes (FIELD-NOTES, measured).
        immediate = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _pg_options(url: URL, opts: DbOptions) -> str:
    """libpq `options`: the session's lock and statement timeouts, after any in the URL."""
    given = url.query.get("options", "")
    mine = (
        f"-c lock_timeout={round(opts.lock_timeout_s * 1000)} "
        f"-c statement_timeout={round(opts.statement_timeout_s * 1000)}"
    )
    return f"{given if isinstance(given, str) else ' '.join(given)} {mine}".strip()


def _postgres_engine(url: URL, opts: DbOptions) -> Engine:
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=4,
        max_overflow=4,
        connect_args={
            "connect_timeout": opts.connect_timeout_s,
            "application_name": APP_NAME,
            "options": _pg_options(url, opts),
        },
    )


class Database:
    """An engine and a session factory; sessions are per job, never shared across threads."""

    def __init__(self, url: str, opts: DbOptions | None = None):
        self.url = url
        self.opts = opts or DbOptions()
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise DatabaseError(
                DbErrorKind.CONFIG, f"Not a database URL: {exc}", redact(url)
            ) from exc
        try:
            if parsed.get_backend_name() == "sqlite":
                self.engine = _sqlite_engine(parsed, self.opts)
            elif parsed.get_backend_name() == "postgresql":
                if parsed.drivername != "postgresql+psycopg":
                    parsed = parsed.set(drivername="postgresql+psycopg")
                parsed = with_password_file(parsed)
                self.engine = _postgres_engine(parsed, self.opts)
            else:
                raise DatabaseError(
                    DbErrorKind.CONFIG,
                    "Only SQLite files and PostgreSQL servers are supported.",
                    redact(url),
                )
        except (NoSuchModuleError, ArgumentError) as exc:
            raise DatabaseError(DbErrorKind.CONFIG, str(exc), redact(url)) from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Set once the schema was checked as ours: only then may closing write statistics
        # into the file (a refused foreign or damaged file is left exactly as it was).
        self.checked = False
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @property
    def file_path(self) -> Path | None:
        """The SQLite file, or None (a server, or an in-memory database)."""
        name = self.engine.url.database if self.dialect == "sqlite" else None
        return Path(name) if name and name != ":memory:" else None

    @property
    def shown_url(self) -> str:
        """The URL with the password masked."""
        return redact(self.url)

    @property
    def label(self) -> str:
        """A short name for the status bar: the file name or host/database."""
        u = self.engine.url
        if self.dialect == "sqlite":
            return f"SQLite · {Path(u.database or ':memory:').name}"
        return f"PostgreSQL · {u.host or 'localhost'}:{u.port or 5432}/{u.database}"

    def probe(self) -> None:
        """Open one connection and read the schema; raise DatabaseError if that fails."""
        try:
            with self.engine.connect() as conn:
                if self.dialect == "sqlite":
                    # Reading the schema makes SQLite look at the file header and pages.
                    conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                else:
                    conn.execute(text("SELECT 1")).scalar()
        except SQLAlchemyError as exc:
            raise classify(exc, self.url) from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """Like `session`, for a transaction that writes: on SQLite it begins IMMEDIATE."""
        with self._write_sessions.begin() as session:
            yield session

    def analyze_if_never(self) -> None:
        """SQLite picks indexes well only with statistics: gather them once (at start)."""
        if self.dialect != "sqlite":
            return  # PostgreSQL's autovacuum analyses by itself
        try:
            with self.engine.begin() as conn:
                known = conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
                ).scalar()
                if not known:
                    conn.exec_driver_sql("ANALYZE")
        except SQLAlchemyError as exc:
            log.warning("ANALYZE failed: %s", exc)  # slower queries, nothing worse

    def dispose(self) -> None:
        """Close every pooled connection; on SQLite refresh the planner's statistics first."""
        if self.dialect == "sqlite" and self.checked:
            try:
                with self.engine.begin() as conn:
                    conn.exec_driver_sql("PRAGMA optimize")
            except SQLAlchemyError as exc:
                log.debug("PRAGMA optimize at close failed: %s", exc)
        self.engine.dispose()
