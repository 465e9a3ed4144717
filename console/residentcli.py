"""`console resident export`: one person's data (PIPL Art. 45) to private files, audited."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.authority import AuthorityRefused, command_actor
from console.paths import key_dir
from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, local_services


def add_resident_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    admin: argparse.ArgumentParser,
) -> None:
    """The `resident` command and its subcommands."""
    resident = sub.add_parser("resident", parents=[common], help="a resident's rights")
    resident_sub = resident.add_subparsers(dest="resident_command", required=True)
    export = resident_sub.add_parser(
        "export",
        parents=[common, admin],
        help="everything held about one person, decrypted, as JSON plus a text summary "
        "(files readable by you only); audited",
    )
    export.add_argument("resident_id", metavar="ID", type=int, help="the resident's number")
    export.add_argument(
        "--reason", required=True, help="why the data is exported (4-200 characters)"
    )
    export.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        required=True,
        help="the JSON file; the summary goes beside it with the suffix .txt",
    )


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


def run_resident_command(args: argparse.Namespace) -> int:
    """Run `console resident …`; a refusal (no reason, no authority) exits 5."""
    if args.resident_command == "export":
        return _export(args)
    return EXIT_USAGE


def _export(args: argparse.Namespace) -> int:
    from core.permissions import PermissionDenied
    from core.rights import write_export
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database
    from data.services.rights import RightsRefused

    out: Path = args.out
    if not out.parent.is_dir():
        _error(f"no folder {out.parent} to write the export in")
        return EXIT_USAGE
    db = open_database(resolve_url(args.db), opts=DbOptions(), must_exist=True)
    try:
        services = local_services(db, args.workstation, key_dir(args.keys))
        try:
            actor = command_actor(db, services, args.admin)
            export = services.residents.export_person(actor, args.resident_id, args.reason)
        except (AuthorityRefused, RightsRefused, PermissionDenied) as exc:
            _error(str(exc))
            return EXIT_REFUSED
        except LookupError as exc:
            _error(str(exc).strip("'\""))
            return EXIT_USAGE
    finally:
        db.dispose()
    _json, summary = write_export(export, out)
    _out(f"resident {args.resident_id} exported to {out} and {summary} (readable by you only)")
    return EXIT_OK
