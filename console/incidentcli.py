"""`console incident hold|release ID --reason`: legal holds from the command line."""

from __future__ import annotations

import argparse
import sys

from console.authority import AuthorityRefused, command_actor
from console.paths import key_dir
from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, local_services


def add_incident_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    admin: argparse.ArgumentParser,
) -> None:
    """The `incident` command with `hold` and `release`."""
    incident = sub.add_parser("incident", parents=[common], help="incident tools")
    incident_sub = incident.add_subparsers(dest="incident_command", required=True)
    for name, text in (
        ("hold", "put an incident under legal hold: retention never anonymises it"),
        ("release", "lift an incident's legal hold"),
    ):
        cmd = incident_sub.add_parser(name, parents=[common, admin], help=text)
        cmd.add_argument("incident_id", type=int, metavar="ID")
        cmd.add_argument("--reason", required=True, help="why (recorded on the timeline)")


def run_incident_command(args: argparse.Namespace) -> int:
    """Set or lift a legal hold as an administrator or the local file's owner."""
    from core.permissions import PermissionDenied
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database

    db = open_database(resolve_url(args.db), opts=DbOptions(), must_exist=True)
    try:
        services = local_services(db, args.workstation, key_dir(args.keys))
        actor = command_actor(db, services, args.admin)
        hold = args.incident_command == "hold"
        services.incidents.set_legal_hold(actor, args.incident_id, hold, args.reason)
    except (AuthorityRefused, PermissionDenied) as exc:
        _error(str(exc))
        return EXIT_REFUSED
    except (ValueError, LookupError) as exc:  # TransitionError is a ValueError
        _error(str(exc))
        return EXIT_USAGE
    finally:
        db.dispose()
    state = "under legal hold" if hold else "no longer under legal hold"
    print(f"incident {args.incident_id} {state}")  # noqa: T201 - the CLI's output
    return EXIT_OK


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel
