"""This PC's setup on disk (user config dir) and its database password.

Where the PostgreSQL password goes: the operating system's credential store through the
`keyring` package when it is installed and a real backend is active (Windows Credential
Manager, the macOS Keychain, the Secret Service of a Linux desktop: GNOME Keyring, KWallet);
otherwise a file `db-password` beside the setup file, created 0600 in a 0700 folder (on
Windows the folder lies in the user's profile, guarded by its ACL). Never in the setup file.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from core.model import APP_NAME
from core.station_setup import (
    PG_DRIVER,
    DbCheck,
    DbCheckKind,
    DbKind,
    DbTarget,
    PasswordStore,
    PgServer,
    SetupFileError,
    StationSetup,
    parse_setup,
    render_setup,
)

log = logging.getLogger(__name__)

SETUP_FILE = "station.toml"
PASSWORD_FILE = "db-password"
KEYRING_SERVICE = APP_NAME
DEFAULT_WORKSTATION = "CC"
ENV_WORKSTATION = "CONSOLE_WORKSTATION"
ENV_DB = "CONSOLE_DB"  # data.db's names, repeated: the data layer loads after the sign-in window
ENV_DB_PASSWORD_FILE = "CONSOLE_DB_PASSWORD_FILE"


def setup_dir() -> Path:
    """The user config dir (platformdirs), where the setup file lives."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def embedded_path(path: str) -> Path:
    """The embedded database file: the one named, else the default in the user data dir."""
    if path:
        return Path(path).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "console.db"


class KeyringBackend(Protocol):
    """The part of a keyring backend used here (keyring.get_keyring() has it)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


def system_keyring() -> KeyringBackend | None:
    """The OS credential store through `keyring`, or None (not installed, or only its fail or
    null backend, as on a Linux box without a desktop session)."""
    try:
        keyring: Any = importlib.import_module("keyring")
        backend: Any = keyring.get_keyring()
    except Exception as exc:  # the package missing, or a backend failing to load
        log.debug("no keyring: %s", exc)
        return None
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return None
    if getattr(backend, "priority", 1) <= 0:
        return None
    return backend  # type: ignore[no-any-return]


class _Unset:
    pass


_SYSTEM = _Unset()


class SetupStore:
    """The setup file and the password beside it, in one folder (the user config dir)."""

    def __init__(
        self, folder: Path | None = None, keyring: KeyringBackend | _Unset | None = _SYSTEM
    ):
        self.folder = folder or setup_dir()
        self._keyring = keyring

    @property
    def path(self) -> Path:
        """The setup file."""
        return self.folder / SETUP_FILE

    @property
    def password_path(self) -> Path:
        """The 0600 password file (used when no credential store is available)."""
        return self.folder / PASSWORD_FILE

    @property
    def keyring(self) -> KeyringBackend | None:
        """The credential store in use, None for the 0600 file."""
        if isinstance(self._keyring, _Unset):
            self._keyring = system_keyring()
        return self._keyring

    def exists(self) -> bool:
        """True once this PC was set up."""
        return self.path.is_file()

    def load(self) -> StationSetup | None:
        """The saved setup, None if there is none; SetupFileError names file and field."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise SetupFileError(self.path, "file", f"cannot read: {exc.strerror or exc}") from exc
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SetupFileError(self.path, "file", "not valid UTF-8 text") from None
        return parse_setup(text, self.path)

    def save(self, setup: StationSetup, password: str | None = None) -> StationSetup:
        """Write the setup (and the password, if given, where it belongs); returns it as saved.

        `password` None keeps a stored one; "" forgets it.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            self.folder.chmod(0o700)
        server = setup.database.server
        before = self._load_quietly()
        old = before.database.server if before is not None else None
        if old is not None and old != server:
            self._forget_password(old)  # a password for a server no longer used
        if server is None:
            self._forget_password(None)
            setup = replace(setup, password=PasswordStore.NONE)
        elif password is not None:
            setup = replace(setup, password=self._store_password(server, password))
        elif before is not None and old == server:
            setup = replace(setup, password=before.password)  # kept as it was
        else:
            setup = replace(setup, password=PasswordStore.NONE)
        self._write_private(self.path, render_setup(setup))
        log.info("setup of this PC saved in %s", self.path)
        return setup

    def reset(self) -> bool:
        """Remove the setup file and its stored password; True if there was a setup."""
        setup = self._load_quietly()
        server = setup.database.server if setup is not None else None
        self._forget_password(server)
        existed = self.exists()
        self.path.unlink(missing_ok=True)
        return existed

    def password(self, setup: StationSetup) -> str | None:
        """The stored password of the setup's server, None if none is kept (or it is gone)."""
        server = setup.database.server
        if server is None or setup.password is PasswordStore.NONE:
            return None
        if setup.password is PasswordStore.KEYRING:
            store = self.keyring
            if store is None:
                log.warning("the database password is in a credential store that is not available")
                return None
            return store.get_password(KEYRING_SERVICE, server.credential_name)
        try:
            lines = self.password_path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return None
        return lines[0] if lines and lines[0] else None

    # --- credentials -------------------------------------------------------------------------
    def _load_quietly(self) -> StationSetup | None:
        try:
            return self.load()
        except SetupFileError:
            return None  # a damaged file is replaced whole

    def _store_password(self, server: PgServer, password: str) -> PasswordStore:
        self._forget_password(server)
        if not password:
            return PasswordStore.NONE
        store = self.keyring
        if store is not None:
            try:
                store.set_password(KEYRING_SERVICE, server.credential_name, password)
                return PasswordStore.KEYRING
            except Exception as exc:  # a locked or refusing store: the file still works
                log.warning("the credential store refused the password (%s); using a file", exc)
        self._write_private(self.password_path, f"{password}\n")
        return PasswordStore.FILE

    def _forget_password(self, server: PgServer | None) -> None:
        self.password_path.unlink(missing_ok=True)
        if server is None:
            return
        store = self.keyring
        if store is not None:
            with contextlib.suppress(Exception):  # nothing stored under that name
                store.delete_password(KEYRING_SERVICE, server.credential_name)

    @staticmethod
    def _write_private(path: Path, text: str) -> None:
        """Write beside, then replace: readable by this user only, never half written."""
        tmp = path.with_name(path.name + ".new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # a leftover file may have had wider permissions
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)


# --- the database ---------------------------------------------------------------------------


def database_url(target: DbTarget, password: str | None = None) -> str:
    """The URL the console opens; a password only when given (never written anywhere)."""
    if target.kind is DbKind.EMBEDDED:
        return f"sqlite:///{embedded_path(target.path)}"
    server = target.server
    assert server is not None
    if not password:
        return server.url()
    host = f"[{server.host}]" if ":" in server.host else server.host
    return (
        f"{PG_DRIVER}://{quote(server.user, safe='')}:{quote(password, safe='')}@{host}:"
        f"{server.port}/{quote(server.database, safe='')}"
    )


def check_database(target: DbTarget, password: str = "", timeout_s: int = 5) -> DbCheck:
    """Try the database as a start would, changing nothing; any thread (it blocks)."""
    from data.db import Database, DatabaseError, DbErrorKind, DbOptions
    from data.migrate import schema_status

    if target.kind is DbKind.EMBEDDED:
        path = embedded_path(target.path)
        if not path.exists():
            return _check_new_file(path)
    kinds = {
        DbErrorKind.UNREACHABLE: DbCheckKind.UNREACHABLE,
        DbErrorKind.AUTH: DbCheckKind.AUTH,
        DbErrorKind.NEWER_SCHEMA: DbCheckKind.NEWER_SCHEMA,
        DbErrorKind.FOREIGN: DbCheckKind.FOREIGN,
        DbErrorKind.CORRUPT: DbCheckKind.CORRUPT,
        DbErrorKind.LOCKED: DbCheckKind.LOCKED,
        DbErrorKind.CONFIG: DbCheckKind.CONFIG,
        DbErrorKind.MIGRATION: DbCheckKind.NOT_MIGRATED,
    }
    url = database_url(target, password or None)
    try:
        db = Database(url, DbOptions(connect_timeout_s=timeout_s))
    except DatabaseError as exc:
        return DbCheck(kinds[exc.kind], exc.message)
    try:
        db.probe()
        with db.engine.connect() as conn:
            status = schema_status(conn)
            conn.rollback()
    except DatabaseError as exc:
        kind = kinds[exc.kind]
        if kind is DbCheckKind.CONFIG and "does not exist" in exc.message:
            kind = DbCheckKind.NO_DATABASE
        return DbCheck(kind, exc.message)
    except Exception as exc:
        from data.db import classify

        err = classify(exc, url)
        return DbCheck(kinds[err.kind], err.message)
    finally:
        db.dispose()
    if status.up_to_date:
        return DbCheck(DbCheckKind.OK, f"schema {status.current}")
    detail = f"schema {status.current or 'empty'}, this version needs {status.head}"
    if target.kind is DbKind.EMBEDDED:
        return DbCheck(DbCheckKind.UPGRADE, detail)
    return DbCheck(DbCheckKind.NOT_MIGRATED, detail)


def _check_new_file(path: Path) -> DbCheck:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
        return DbCheck(DbCheckKind.NEW_FILE, str(path))
    return DbCheck(DbCheckKind.UNREACHABLE, f"{folder} is not a writable folder")


# --- how a start uses the setup -------------------------------------------------------------
