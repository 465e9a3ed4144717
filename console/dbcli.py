"""`console db setup`: the site's PostgreSQL roles, run by the database owner."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from console.startup import EXIT_DATABASE, EXIT_OK, EXIT_USAGE, load_site_file
from core.model import APP_NAME

# The data layer is loaded by the command itself, never when the parser is built.
if TYPE_CHECKING:
    import psycopg
    from sqlalchemy.engine import URL

    from data.pgroles import SetupPlan


def default_password_dir() -> Path:
    """Where setup leaves the roles' password files unless told (this user's config)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "db-passwords"


def add_db_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """The `db` command and its `setup` subcommand."""
    db = sub.add_parser(
        "db", parents=[common], help="PostgreSQL administration (run with the owner's URL)"
    )
    db_sub = db.add_subparsers(dest="db_command", required=True)
    setup = db_sub.add_parser(
        "setup",
        parents=[common],
        help="create the workstation role and a role per community station, grant them only "
        "what the console needs and limit each station to its community (idempotent)",
    )
    setup.add_argument("--dry-run", action="store_true", help="print the SQL; change nothing")
    setup.add_argument(
        "--password-dir",
        type=Path,
        metavar="DIR",
        help="folder for the password files (0600) of the roles this run creates or gives new "
        "passwords (default: a folder in the user's configuration)",
    )
    setup.add_argument(
        "--new-passwords",
        action="store_true",
        help="give every role a new password, existing roles included",
    )


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


def run_db_command(args: argparse.Namespace) -> int:
    """`console db setup`; the roles' passwords go to files, never to the screen."""
    import psycopg

    from data.db import DbOptions, resolve_url
    from data.migrate import open_database
    from data.pgroles import RoleSetupError, plan_setup, render

    site = load_site_file(args.site)
    db = open_database(resolve_url(args.db), opts=DbOptions())
    try:
        if db.dialect != "postgresql":
            _error(
                "database roles exist only on PostgreSQL; a SQLite file is guarded by its "
                "file permissions"
            )
            return EXIT_USAGE
        raw = db.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert conn is not None
            try:
                plan = plan_setup(
                    conn, [c.code for c in site.communities], new_passwords=args.new_passwords
                )
                if args.dry_run:
                    conn.rollback()
                    for line in render(conn, plan):
                        _out(line)
                    return EXIT_OK
                folder = args.password_dir or default_password_dir()
                files = _apply_with_password_files(conn, plan, folder)
            except RoleSetupError as exc:
                _error(str(exc))
                return EXIT_USAGE
            except psycopg.Error as exc:
                _error(
                    f"setting up the roles failed and changed nothing: {exc}. Run `console db "
                    "setup` with the URL of the database's owner (a role that may create roles)."
                )
                return EXIT_DATABASE
        finally:
            raw.close()
        _report(db.engine.url, plan, files)
    finally:
        db.dispose()
    return EXIT_OK


def _apply_with_password_files(
    conn: psycopg.Connection[Any], plan: SetupPlan, folder: Path
) -> dict[str, Path]:
    """Run the plan; the new passwords replace their files only once the roles have them.

    Written to `.new` files first, so that a failed run neither loses a password the server
    now holds nor overwrites a working file with one it does not.
    """
    from data.pgroles import apply_setup, password_file, write_password_file

    staged = {
        r.role: write_password_file(
            password_file(folder, r.role).with_suffix(".password.new"), r.password
        )
        for r in plan.roles
        if r.password is not None
    }
    try:
        apply_setup(conn, plan)
    except BaseException:
        for path in staged.values():
            path.unlink(missing_ok=True)
        raise
    files = {}
    for role, path in staged.items():
        files[role] = path.replace(password_file(folder, role))
    return files


def _report(url: URL, plan: SetupPlan, files: dict[str, Path]) -> None:
    from sqlalchemy.engine import URL

    from data.pgroles import CONSOLE_GROUP, WORKSTATION_ROLE

    _out(f"database roles set up on {plan.database} ({len(plan.roles)} login roles)")
    for r in plan.roles:
        scope = r.community or "street-wide"
        state = "created" if r.created else "exists"
        if r.role in files:
            pw = f"password in {files[r.role]}"
        else:
            pw = "password unchanged (--new-passwords sets new ones)"
        _out(f"  {r.role:<14} {scope:<12} {state}; {pw}")
    _out(
        f"privileges: members of {CONSOLE_GROUP} may read what the console reads and write "
        "only what it writes; no DDL, no TRUNCATE, no UPDATE or DELETE of the audit log"
    )
    if plan.ungranted:
        _out(
            f"not granted (unknown to this version, the owner's alone): {', '.join(plan.ungranted)}"
        )
    # A new URL, not url.set(password=None): set() ignores None and would keep the owner's.
    ws = URL.create(
        url.drivername,
        username=WORKSTATION_ROLE,
        host=url.host,
        port=url.port,
        database=url.database,
    ).render_as_string(hide_password=False)
    where = files.get(WORKSTATION_ROLE, Path("FILE"))
    _out("A control-room workstation connects with (nothing secret on its command line):")
    _out(f"  CONSOLE_DB={ws} CONSOLE_DB_PASSWORD_FILE={where} console")
    _out("A station PC likewise, with its community's role and password file.")
