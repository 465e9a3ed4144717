"""`console retention run [--dry-run]`: apply the site's retention policy and print the report."""

from __future__ import annotations

import argparse
import sys

from console.authority import AuthorityRefused, command_actor
from console.paths import key_dir
from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, load_site_file, local_services


def add_retention_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    admin: argparse.ArgumentParser,
) -> None:
    """The `retention` command and its `run` subcommand."""
    retention = sub.add_parser(
        "retention", parents=[common], help="how long personal data is kept (site file [retention])"
    )
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    run = retention_sub.add_parser(
        "run",
        parents=[common, admin],
        help="anonymise or delete what is past its period (never what is under legal hold; "
        "on PostgreSQL run it with the database owner's URL)",
    )
    run.add_argument(
        "--dry-run", action="store_true", help="count what would be done and change nothing"
    )
    run.add_argument("--batch", type=int, default=5000, help="rows per transaction")


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


def run_retention_command(args: argparse.Namespace) -> int:
    """Run `console retention run`; a workstation role on PostgreSQL is sent to the owner."""
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database
    from data.services.retention import (
        RetentionNotAllowed,
        RetentionService,
        is_permission_error,
    )

    if args.retention_command != "run":
        return EXIT_USAGE
    site = load_site_file(args.site)
    db = open_database(resolve_url(args.db), opts=DbOptions(), must_exist=True)
    try:
        services = local_services(db, args.workstation, key_dir(args.keys))
        actor = command_actor(db, services, args.admin)
        job = RetentionService(services.ctx, site.retention)
        report = job.run(actor, dry_run=args.dry_run, batch=max(1, args.batch))
    except (AuthorityRefused, RetentionNotAllowed) as exc:
        _error(str(exc))
        return EXIT_REFUSED
    except Exception as exc:
        if not is_permission_error(exc):
            raise
        _error(
            "the database refused a DELETE or UPDATE: on PostgreSQL the workstation's role has "
            "no DELETE and cannot change timelines, so retention is the database owner's task. "
            "Run `console retention run` with the owner's URL (--db "
            "postgresql+psycopg://<owner>@host/db). Nothing was changed by the refused batch."
        )
        return EXIT_REFUSED
    finally:
        db.dispose()
    title = "retention dry run (nothing changed)" if report.dry_run else "retention run"
    _out(f"{title} as of {report.now:%Y-%m-%d %H:%M} UTC, site {site.name}:")
    for line in (c.line(report.dry_run) for c in report.classes):
        _out(f"  {line}")
    if report.sealed_rounds:
        _out(f"  anonymous survey rounds sealed: {report.sealed_rounds}")
    _out("  (the audit log is never deleted: its hash chain and signed checkpoints need every row)")
    return EXIT_OK
