"""Who an administrative command acts as: a signed-in administrator, or a local file's owner."""

from __future__ import annotations

import getpass
import os
import socket
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.auth import LoginError
from core.permissions import Permission, Principal

if TYPE_CHECKING:
    from data.db import Database
    from data.services import Services

ReadSecret = Callable[[str], str]


class AuthorityRefused(Exception):
    """The command may not run: the message says what is needed instead."""


def read_secret(prompt: str) -> str:
    """A password from the terminal (not echoed), else one line of standard input."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


def os_actor() -> str:
    """`os:user@host` as an audit row names a local owner (the real host, not a typed code)."""
    return f"os:{getpass.getuser()}@{socket.gethostname()}"[:64]


def owns_database_file(db: Database) -> bool:
    """True when `db` is a SQLite file owned by the operating-system user running this."""
    path = db.file_path
    if path is None or not hasattr(os, "geteuid"):
        # A shared server has no file to own; Windows has no uid to compare.
        return False
    try:
        return path.stat().st_uid == os.geteuid()
    except OSError:
        return False


def command_actor(
    db: Database,
    services: Services,
    admin: str | None,
    *,
    secret: ReadSecret = read_secret,
) -> Principal | str:
    """The actor of an account or site command, or AuthorityRefused.

    On a single PC's SQLite file its owner may act (they could edit the file anyway); the
    audit row names them and this host. Anywhere else, above all on the shared database, an
    administrator signs in with their password: the attempt counts towards their lockout and
    is audited like any sign-in, and the command then runs with their rights.
    """
    if admin is None:
        if owns_database_file(db):
            return os_actor()
        raise AuthorityRefused(
            "this database is shared or not yours: name an administrator with --admin NAME "
            "(their password is asked for)"
        )
    password = secret(f"password of administrator {admin}: ")
    try:
        who = services.signin.login(admin, password)
    except LoginError as exc:
        raise AuthorityRefused(f"administrator sign-in refused ({exc.reason})") from exc
    if not who.can(Permission.MANAGE_USERS):
        raise AuthorityRefused(f"{admin} is not an administrator")
    return who
