"""`console setup --show | --reset`: this PC's setup on the command line (no password shown)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from console.station_setup import SetupStore, database_url
from core.station_setup import SetupFileError

EXIT_OK = 0
EXIT_USAGE = 2


def add_setup_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The `setup` subcommand (`sub` is the parser's subparsers action)."""
    setup = sub.add_parser(
        "setup",
        parents=[common],
        help="show or remove this PC's setup (role, workstation, database, devices)",
    )
    what = setup.add_mutually_exclusive_group(required=True)
    what.add_argument("--show", action="store_true", help="print the setup (no password)")
    what.add_argument(
        "--reset",
        action="store_true",
        help="remove the setup and its stored password; the next start asks again",
    )
    setup.add_argument("--yes", action="store_true", help="with --reset: do not ask")


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def run_setup_command(args: argparse.Namespace, store: SetupStore | None = None) -> int:
    """Print or remove the setup; the exit code."""
    store = store or SetupStore()
    if args.reset:
        return _reset(args, store)
    try:
        setup = store.load()
    except SetupFileError as exc:
        print(f"console: error: {exc}", file=sys.stderr)  # noqa: T201
        return EXIT_USAGE
    if setup is None:
        _out(f"no setup on this PC ({store.path}); the installed console asks at its first start")
        return EXIT_OK
    db = setup.database
    _out(f"setup file:   {store.path}")
    _out(f"role:         {setup.role.value}")
    _out(f"workstation:  {setup.workstation}")
    _out(f"database:     {db.kind.value} {database_url(db)}")
    if db.server is not None:
        kept = {
            "keyring": "in the operating system's credential store",
            "file": f"in {store.password_path} (this user only)",
            "none": "not kept (~/.pgpass or PGPASSWORD)",
        }[setup.password.value]
        _out(f"password:     {kept}")
    not_owned = ", ".join(setup.not_owned) or "none"
    _out(f"not run here: {not_owned}")
    return EXIT_OK


def _reset(args: argparse.Namespace, store: SetupStore) -> int:
    if not store.exists():
        _out(f"no setup on this PC ({store.path})")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            print("console: error: --reset asks first; give --yes to confirm", file=sys.stderr)  # noqa: T201
            return EXIT_USAGE
        answer = input(f"Remove this PC's setup ({store.path}) and its stored password? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            _out("setup kept")
            return EXIT_USAGE
    store.reset()
    _out(f"setup removed ({store.path}); the next start of the installed console asks again")
    return EXIT_OK
