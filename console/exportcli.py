"""`console export incidents|residents`: personal data to a CSV file, with a reason, audited."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.authority import AuthorityRefused, command_actor
from console.paths import key_dir
from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, local_services


def add_export_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    admin: argparse.ArgumentParser,
) -> None:
    """The `export` command: incidents and residents."""
    export = sub.add_parser(
        "export", parents=[common], help="export personal data to CSV (a reason is required)"
    )
    export_sub = export.add_subparsers(dest="export_command", required=True)
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--out", metavar="FILE", type=Path, required=True, help="the CSV file")
    options.add_argument(
        "--reason", required=True, help="why the data leaves the console (4-200 characters)"
    )
    options.add_argument(
        "--encoding",
        choices=["utf-8-sig", "gbk"],
        default="utf-8-sig",
        help="utf-8-sig (UTF-8 with BOM, any recent Excel) or gbk (Excel on Chinese Windows "
        "by double-click; written as GB18030)",
    )
    export_sub.add_parser(
        "incidents",
        parents=[common, admin, options],
        help="every incident in scope (callers' names and phones are never exported)",
    )
    residents = export_sub.add_parser(
        "residents",
        parents=[common, admin, options],
        help="residents, masked as the acting role's lists show them; no identity numbers, "
        "no minors",
    )
    residents.add_argument("--community", help="one community's code (default: all in scope)")


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


def run_export_command(args: argparse.Namespace) -> int:
    """Run `console export …`; a refusal (no reason, a role that may not export) exits 5."""
    from core.csvexport import CsvEncoding
    from data.db import DbOptions, resolve_url
    from data.exports import ExportRefused, export_incidents, export_residents
    from data.migrate import open_database

    encoding = CsvEncoding(args.encoding)
    db = open_database(resolve_url(args.db), opts=DbOptions(), must_exist=True)
    try:
        services = local_services(db, args.workstation, key_dir(args.keys))
        actor = command_actor(db, services, args.admin)
        if args.export_command == "incidents":
            result = export_incidents(services, actor, args.out, args.reason, encoding)
        elif args.export_command == "residents":
            result = export_residents(
                services, actor, args.out, args.reason, encoding, community=args.community
            )
        else:
            return EXIT_USAGE
    except (AuthorityRefused, ExportRefused) as exc:
        _error(str(exc))
        return EXIT_REFUSED
    finally:
        db.dispose()
    _out(
        f"{result.rows:,} {args.export_command} written to {result.path} ({encoding.value}, "
        "readable by you only); the export is in the audit log"
    )
    return EXIT_OK
