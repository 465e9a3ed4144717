"""Camera logins from a private file (or the environment): never the database or the site file.

The site file names an entry (`credentials = "hik-nvr"`); the entry lives in
`camera-credentials.toml` in the site's key folder (0700, beside the field keys), readable by
its owner only (0600), or where $CONSOLE_CAMERA_CREDENTIALS points::

    [hik-nvr]
    user = "admin"
    password = "..."

    [dahua-gate]
    user = "admin"
    password_env = "DAHUA_GATE_PASSWORD"   # the password from the environment instead

No message of this module ever contains a password.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

CREDENTIALS_FILE: Final = "camera-credentials.toml"
CREDENTIALS_ENV: Final = "CONSOLE_CAMERA_CREDENTIALS"
_FIELDS: Final = frozenset({"user", "password", "password_env"})
_POS_RE: Final = re.compile(r"\(at line (\d+), column \d+\)")


class CredentialsError(Exception):
    """The credentials file is unreadable, too open or malformed; the message says what to do."""


class MissingCredentials(CredentialsError):
    """A camera names an entry the credentials file does not have."""


@dataclass(frozen=True, slots=True)
class Login:
    """A camera's user and password; the password never reaches a repr."""

    user: str
    password: str = field(repr=False)


def resolve_credentials_file(
    cli_path: str | Path | None, env: Mapping[str, str] | None = None, *, default: Path
) -> Path:
    """`--camera-credentials FILE`, else $CONSOLE_CAMERA_CREDENTIALS, else `default`."""
    env = os.environ if env is None else env
    if cli_path:
        return Path(cli_path)
    if env.get(CREDENTIALS_ENV):
        return Path(env[CREDENTIALS_ENV])
    return default


class CredentialStore:
    """Named logins, read once; immutable, so any thread may look them up."""

    def __init__(
        self,
        entries: Mapping[str, Login],
        source: Path | None,
        *,
        error: CredentialsError | None = None,
    ) -> None:
        self._entries = dict(entries)
        self.source = source
        self.error = error  # why the file could not be used; every lookup raises it

    def get(self, name: str, *, camera: str = "") -> Login:
        """The entry `name`; CredentialsError (MissingCredentials) naming file and entry."""
        if self.error is not None:
            raise self.error
        login = self._entries.get(name)
        if login is None:
            who = f"camera {camera} names " if camera else ""
            where = "no credentials file" if self.source is None else str(self.source)
            exists = self.source is not None and self.source.exists()
            hint = "" if exists or self.source is None else " (the file does not exist)"
            raise MissingCredentials(
                f"{who}credentials entry '{name}', which is not in {where}{hint}: add "
                f'[{name}] with user = "..." and password = "..." (file mode 0600)'
            )
        return login

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._entries))

    def secrets(self) -> tuple[str, ...]:
        """Every password, for redact(): a log line must not show any of them."""
        return tuple(login.password for login in self._entries.values() if login.password)

    def __repr__(self) -> str:
        return f"CredentialStore(source={self.source}, entries={self.names()})"


def load_credentials(
    path: Path, *, env: Mapping[str, str] | None = None, check_mode: bool | None = None
) -> CredentialStore:
    """Read the file; a missing file is an empty store (a site without camera logins).

    `check_mode` (default: on POSIX) refuses a file that its group or others may read or
    write: copied with the wrong mode, it would leak every camera's password.
    """
    env = os.environ if env is None else env
    check = os.name == "posix" if check_mode is None else check_mode
    try:
        info = path.stat()
    except FileNotFoundError:
        return CredentialStore({}, path)
    except OSError as exc:
        raise CredentialsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if check and stat.S_IMODE(info.st_mode) & 0o077:
        raise CredentialsError(
            f"{path}: readable or writable by others (mode {stat.S_IMODE(info.st_mode):04o}); "
            f"it holds camera passwords: run `chmod 600 {path}`"
        )
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise CredentialsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CredentialsError(f"{path}: not valid UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message gives the position, never the value: safe to show.
        pos = _POS_RE.search(str(exc))
        where = f"{path}:{pos.group(1)}" if pos else str(path)
        raise CredentialsError(f"{where}: not a valid TOML file") from None
    return CredentialStore(_entries(path, data, env), path)


def open_credentials(path: Path, **kwargs: Any) -> CredentialStore:
    """Like load_credentials, but a broken file gives a store whose every lookup raises why.

    Cameras that need no login keep working; those that do show the file's problem.
    """
    try:
        return load_credentials(path, **kwargs)
    except CredentialsError as exc:
        return CredentialStore({}, path, error=exc)


def _entries(path: Path, data: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Login]:
    out: dict[str, Login] = {}
    for name, entry in data.items():
        if not isinstance(entry, dict):
            raise CredentialsError(
                f'{path}: [{name}]: expected a table with user = "..." and password = "..."'
            )
        unknown = sorted(set(entry) - _FIELDS)
        if unknown:
            raise CredentialsError(f"{path}: [{name}]: unknown field '{unknown[0]}'")
        user = entry.get("user")
        if not isinstance(user, str) or not user:
            raise CredentialsError(f'{path}: [{name}]: needs user = "..."')
        if ("password" in entry) == ("password_env" in entry):
            raise CredentialsError(f"{path}: [{name}]: needs password or password_env (one)")
        if "password" in entry:
            password = entry["password"]
            if not isinstance(password, str):
                # Never quote the value: it is a secret.
                raise CredentialsError(f"{path}: [{name}]: password must be a string")
        else:
            variable = entry["password_env"]
            if not isinstance(variable, str) or not variable:
                raise CredentialsError(f"{path}: [{name}]: password_env must name a variable")
            if variable not in env:
                raise CredentialsError(
                    f"{path}: [{name}]: environment variable {variable} is not set"
                )
            password = env[variable]
        out[str(name)] = Login(user, password)
    return out
