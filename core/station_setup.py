"""This PC's setup as plain data: its role, workstation, database and devices, and its TOML form."""

from __future__ import annotations

import enum
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote, unquote, urlsplit

SETUP_VERSION: Final = 1
DEFAULT_PG_PORT: Final = 5432
PG_DRIVER: Final = "postgresql+psycopg"
_CODE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


class PcRole(enum.StrEnum):
    """What this PC is at the site."""

    CONTROL_ROOM = "control_room"  # a workstation of the control centre (no community)
    STATION = "station"  # a community's station: a site workstation with a community


class DbKind(enum.StrEnum):
    """Where this PC's database is."""

    EMBEDDED = "embedded"  # one SQLite file on this PC
    POSTGRESQL = "postgresql"  # the site's shared server


class PasswordStore(enum.StrEnum):
    """Where the PostgreSQL password is kept (never in the setup file itself)."""

    NONE = "none"  # no password kept: libpq's own sources (~/.pgpass, PGPASSWORD)
    KEYRING = "keyring"  # the operating system's credential store
    FILE = "file"  # a file beside the setup file, readable by this user only (0600)


@dataclass(frozen=True, slots=True)
class PgServer:
    """A PostgreSQL server and database, without the password."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PG_PORT

    def url(self) -> str:
        """The SQLAlchemy URL (no password in it)."""
        user = quote(self.user, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{PG_DRIVER}://{user}@{host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def credential_name(self) -> str:
        """The name the password is stored under."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


@dataclass(frozen=True, slots=True)
class DbTarget:
    """The database a setup names: an embedded file (path "" = the default) or a server."""

    kind: DbKind
    path: str = ""
    server: PgServer | None = None


@dataclass(frozen=True, slots=True)
class StationSetup:
    """This PC's setup; `not_owned`: devices the site file gives this workstation that another
    PC runs (so a device added to the site file later is run here unless unticked)."""

    role: PcRole
    workstation: str
    database: DbTarget
    not_owned: tuple[str, ...] = ()
    password: PasswordStore = PasswordStore.NONE


class DbCheckKind(enum.StrEnum):
    """The outcome of testing a database before the setup is saved."""

    OK = "ok"  # reachable and at this version's schema
    NEW_FILE = "new_file"  # an embedded file that does not exist yet: created at start
    UPGRADE = "upgrade"  # an older schema this PC updates at start (an embedded file)
    NOT_MIGRATED = "not_migrated"  # a server whose schema its owner must update first
    UNREACHABLE = "unreachable"
    AUTH = "auth"
    NO_DATABASE = "no_database"  # the server has no database of that name
    NEWER_SCHEMA = "newer_schema"
    FOREIGN = "foreign"
    CORRUPT = "corrupt"
    LOCKED = "locked"
    CONFIG = "config"


USABLE_CHECKS: Final = frozenset({DbCheckKind.OK, DbCheckKind.NEW_FILE, DbCheckKind.UPGRADE})


@dataclass(frozen=True, slots=True)
class DbCheck:
    """A database test's result: `detail` is the driver's own words (English, for support)."""

    kind: DbCheckKind
    detail: str = ""

    @property
    def ok(self) -> bool:
        """True when the console can start on this database."""
        return self.kind in USABLE_CHECKS


class SetupFileError(ValueError):
    """A setup file that cannot be used; the message names the file and the field."""

    def __init__(self, path: Path, field: str, message: str):
        super().__init__(f"{path}: {field}: {message}")
        self.path = path
        self.field = field
        self.message = message


def parse_pg_url(url: str) -> PgServer:
    """A server from a `postgresql[+driver]://user@host[:port]/database` URL; ValueError if not.

    A password in the URL is refused: it belongs in the credential store.
    """
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgresql"):
        raise ValueError("not a postgresql:// URL")
    if parts.password is not None:
        raise ValueError("the URL holds a password; it is stored apart from the setup")
    try:
        port = parts.port or DEFAULT_PG_PORT
    except ValueError as exc:
        raise ValueError(f"bad port: {exc}") from None
    host = parts.hostname or ""
    database = unquote(parts.path.lstrip("/"))
    user = unquote(parts.username or "")
    if not host or not database or not user:
        raise ValueError("the URL needs a user, a host and a database name")
    return PgServer(host=host, database=database, user=user, port=port)


def _string(value: object, path: Path, field: str) -> str:
    if not isinstance(value, str):
        raise SetupFileError(path, field, f"expected text, found {type(value).__name__}")
    return value


def _choice(enum_type: type[enum.StrEnum], value: object, path: Path, field: str) -> Any:
    text = _string(value, path, field)
    try:
        return enum_type(text)
    except ValueError:
        allowed = ", ".join(e.value for e in enum_type)
        raise SetupFileError(path, field, f"{text!r} is not one of {allowed}") from None


def parse_setup(text: str, path: Path) -> StationSetup:
    """Validate a setup file's text; SetupFileError names the file and the field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SetupFileError(path, "file", f"not valid TOML: {exc}") from None
    version = data.get("version", SETUP_VERSION)
    if not isinstance(version, int) or version > SETUP_VERSION:
        raise SetupFileError(
            path, "version", f"{version!r} is newer than this console knows ({SETUP_VERSION})"
        )
    for key in ("role", "workstation"):
        if key not in data:
            raise SetupFileError(path, key, "missing")
    role = _choice(PcRole, data["role"], path, "role")
    workstation = _string(data["workstation"], path, "workstation")
    if not _CODE_RE.fullmatch(workstation):
        raise SetupFileError(path, "workstation", f"{workstation!r} is not a workstation code")
    db = data.get("database")
    if not isinstance(db, Mapping):
        raise SetupFileError(path, "database", "missing [database] table")
    kind = _choice(DbKind, db.get("kind", ""), path, "database.kind")
    store = _choice(PasswordStore, db.get("password", "none"), path, "database.password")
    if kind is DbKind.EMBEDDED:
        target = DbTarget(kind, path=_string(db.get("path", ""), path, "database.path"))
        store = PasswordStore.NONE
    else:
        url = _string(db.get("url", ""), path, "database.url")
        try:
            server = parse_pg_url(url)
        except ValueError as exc:
            raise SetupFileError(path, "database.url", str(exc)) from None
        target = DbTarget(kind, server=server)
    devices = data.get("devices", {})
    if not isinstance(devices, Mapping):
        raise SetupFileError(path, "devices", "expected a [devices] table")
    not_owned = devices.get("not_owned", [])
    if not isinstance(not_owned, list) or not all(isinstance(c, str) for c in not_owned):
        raise SetupFileError(path, "devices.not_owned", "expected a list of device codes")
    return StationSetup(role, workstation, target, tuple(not_owned), store)


def _toml_str(value: str) -> str:
    # A JSON string is a valid TOML basic string (the same escapes).
    return json.dumps(value, ensure_ascii=False)


def render_setup(setup: StationSetup) -> str:
    """The setup file's text (parse_setup reads it back to the same setup)."""
    db = setup.database
    lines = [
        "# This PC's place in the site, written by the console's setup (an administrator",
        "# changes it in the console: Tools > This PC's setup). No password is kept here.",
        f"version = {SETUP_VERSION}",
        f"role = {_toml_str(setup.role.value)}  # control_room | station",
        f"workstation = {_toml_str(setup.workstation)}",
        "",
        "[database]",
        f"kind = {_toml_str(db.kind.value)}  # embedded | postgresql",
    ]
    if db.kind is DbKind.EMBEDDED:
        lines.append(f'path = {_toml_str(db.path)}  # "" = the default file')
    else:
        assert db.server is not None
        lines.append(f"url = {_toml_str(db.server.url())}")
        lines.append(f"password = {_toml_str(setup.password.value)}  # keyring | file | none")
    codes = ", ".join(_toml_str(c) for c in setup.not_owned)
    lines += [
        "",
        "[devices]",
        "# Devices the site file gives this workstation that another PC runs.",
        f"not_owned = [{codes}]",
        "",
    ]
    return "\n".join(lines)
