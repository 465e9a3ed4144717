"""Where a site's keys live: a folder outside the database, held by the site's administrators."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

KEYS_ENV = "CONSOLE_KEYS"


class KeyFileError(Exception):
    """A key is missing, unreadable or malformed; the message says which file and what to do."""


def resolve_key_dir(
    cli_dir: str | Path | None, env: Mapping[str, str] | None = None, *, default: Path
) -> Path:
    """`--keys DIR`, else $CONSOLE_KEYS, else `default` (console.paths.default_key_dir())."""
    env = os.environ if env is None else env
    if cli_dir:
        return Path(cli_dir)
    if env.get(KEYS_ENV):
        return Path(env[KEYS_ENV])
    return default


def make_key_dir(path: Path) -> Path:
    """Create the folder readable by its owner only (0700); an existing one is tightened."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def write_secret(path: Path, data: bytes) -> None:
    """Write a key file atomically with mode 0600 from its first byte."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
