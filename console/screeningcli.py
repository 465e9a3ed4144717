"""`console screening register FILE --holder --reference --granted`: licensed instruments."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from console.authority import AuthorityRefused, command_actor
from console.paths import key_dir
from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, local_services


def add_screening_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    admin: argparse.ArgumentParser,
) -> None:
    """The `screening` command with `register` and `licences`."""
    screening = sub.add_parser("screening", parents=[common], help="screening instruments")
    screening_sub = screening.add_subparsers(dest="screening_command", required=True)
    reg = screening_sub.add_parser(
        "register",
        parents=[common, admin],
        help="add an instrument that needs permission (AD8, Mini-Cog, SCL-90-R) with its licence",
    )
    reg.add_argument("definition", type=Path, metavar="FILE", help="the instrument as JSON")
    reg.add_argument("--holder", required=True, help="who holds the licence")
    reg.add_argument("--reference", required=True, help="the licence's number or letter")
    reg.add_argument("--granted", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    reg.add_argument("--expires", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    screening_sub.add_parser(
        "licences", parents=[common, admin], help="list the instruments used under a licence"
    )


def run_screening_command(args: argparse.Namespace) -> int:
    """Register or list licensed instruments as an administrator or the local file's owner."""
    from core.permissions import PermissionDenied
    from core.screening import LicenceMissing, LicenceRecord, ScreeningError
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database

    db = open_database(resolve_url(args.db), opts=DbOptions(), must_exist=True)
    try:
        services = local_services(db, args.workstation, key_dir(args.keys))
        actor = command_actor(db, services, args.admin)
        if args.screening_command == "licences":
            for row in services.screening.licences(actor):
                state = "in force" if row.usable else "NOT in force"
                until = row.expires.isoformat() if row.expires else "no end date"
                _out(
                    f"{row.code}@{row.version}  {row.name}  {row.holder}  {row.reference}  "
                    f"{row.granted_on.isoformat()} – {until}  {state}"
                )
            return EXIT_OK
        try:
            text = args.definition.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _error(f"cannot read {args.definition}: {exc}")
            return EXIT_USAGE
        licence = LicenceRecord(args.holder, args.reference, args.granted, args.expires)
        key = services.screening.register(actor, text, licence)
    except (AuthorityRefused, PermissionDenied, LicenceMissing) as exc:
        _error(str(exc))
        return EXIT_REFUSED
    except (ScreeningError, ValueError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    finally:
        db.dispose()
    _out(f"registered {key}")
    return EXIT_OK


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel
