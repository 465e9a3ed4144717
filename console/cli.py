"""Command line: the GUI (default), demo seeding, audit verification, users, screenshots."""

from __future__ import annotations

import argparse
import getpass
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from console.startup import (
    EXIT_CHECK_FAILED,
    EXIT_DATABASE,
    EXIT_OK,
    EXIT_SITE,
    EXIT_USAGE,
    load_site_file,
    local_services,
)
from core.model import APP_NAME, RoleName
from core.site import SiteError, SiteSpec

# The data layer is imported where a command needs it: the GUI's sign-in window comes first.
if TYPE_CHECKING:
    from data.db import Database
    from data.seeding import DemoAccount

log = logging.getLogger(__name__)


def _add_global_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $CONSOLE_DB, then the "
        "embedded SQLite file); PostgreSQL: postgresql+psycopg://user:pw@host/db",
    )
    p.add_argument("--site", metavar="FILE", type=Path, help="site file (default: the demo site)")
    p.add_argument("--workstation", help="code of this workstation in the site file (default: CC)")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="console",
        description="街道智能总控台 Street Command Console",
    )
    _add_global_options(p)
    p.set_defaults(workstation=os.environ.get("CONSOLE_WORKSTATION", "CC"))
    # The same options after the subcommand (`console site check --site FILE`, as documented).
    # SUPPRESS: a subparser sets only what was given there, never its defaults over the
    # values given before the subcommand.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    _add_global_options(common)
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="UI language")
    p.add_argument(
        "--idle-lock",
        type=float,
        default=10.0,
        metavar="MIN",
        help="lock the screen after MIN idle minutes (0: never)",
    )
    p.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the main window offscreen on the demo site to PNG and exit",
    )
    p.add_argument(
        "--pane",
        help="with --screenshot: render only this pane "
        "(video, map, calls, incidents, devices, notifications)",
    )
    p.add_argument("--user", default="operator", help="with --screenshot: whose view to render")
    sub = p.add_subparsers(dest="command")
    demo = sub.add_parser(
        "demo", parents=[common], help="create or update the demo site (idempotent)"
    )
    demo.add_argument("--population", type=int, default=5000, help="synthetic residents")
    demo.add_argument(
        "--if-needed", action="store_true", help="do nothing if the database holds a site already"
    )
    demo.add_argument(
        "--new-passwords",
        action="store_true",
        help="set and print new random passwords for the demo accounts",
    )
    sub.add_parser("migrate", parents=[common], help="bring the database schema up to date")
    site = sub.add_parser("site", parents=[common], help="site file tools")
    site_sub = site.add_subparsers(dest="site_command", required=True)
    site_sub.add_parser(
        "check", parents=[common], help="validate the site file and print a summary"
    )
    audit = sub.add_parser("audit", parents=[common], help="audit log tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", parents=[common], help="check the hash chain of the audit log")
    user = sub.add_parser("user", parents=[common], help="manage accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser(
        "add", parents=[common], help="create an account (password read from stdin)"
    )
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in RoleName], required=True)
    add.add_argument("--name", help="display name")
    add.add_argument("--community", action="append", default=[], help="limit to a community")
    unlock = user_sub.add_parser("unlock", parents=[common], help="clear a lockout")
    unlock.add_argument("username")
    passwd = user_sub.add_parser(
        "passwd", parents=[common], help="set a new password (read from stdin)"
    )
    passwd.add_argument("username")
    return p


def _setup_logging(verbose: bool) -> Path:
    log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "console.log"
    fmt = logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    fh = logging.handlers.RotatingFileHandler(
        path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    fh.setFormatter(fmt)
    sh = logging.StreamHandler(sys.stderr)
    sh.setFormatter(fmt)
    sh.setLevel(logging.DEBUG if verbose else logging.WARNING)
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.addHandler(fh)
    root.addHandler(sh)
    for noisy in ("alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _site(args: argparse.Namespace) -> SiteSpec:
    return load_site_file(args.site)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `console` and `python -m console`; returns the exit code."""
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        if args.screenshot is not None:
            from console.screenshot import take_screenshot

            return take_screenshot(args)
        if args.command is None:
            from console.gui import run_gui

            return run_gui(args)
        return _run_command(args)
    except SiteError as exc:
        for problem in exc.problems:
            _error(str(problem))
        if len(exc.problems) > 1:
            _error(f"{len(exc.problems)} problems in {exc.path}")
        return EXIT_SITE
    except Exception as exc:
        from data.db import DatabaseError, database_problem, redact, resolve_url

        if isinstance(exc, DatabaseError):
            _error(str(exc))
            return EXIT_DATABASE
        # A driver error in the middle of a command (a dropped table, a lost server, a lock
        # held too long): a message and exit 3, not a traceback and exit 1.
        reason = database_problem(exc, resolve_url(args.db))
        if reason is None:
            raise
        log.error("database error in %s", args.command, exc_info=exc)
        _error(f"{reason} ({redact(resolve_url(args.db))})")
        return EXIT_DATABASE


def _open(args: argparse.Namespace) -> Database:
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database

    return open_database(resolve_url(args.db), opts=DbOptions())


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "site":
        site = _site(args)
        _out(
            f"{site.source}: OK — {site.name}: {len(site.communities)} communities, "
            f"{len(site.readers)} readers, {len(site.cameras)} cameras, "
            f"{len(site.devices)} other devices, {len(site.workstations)} workstations"
        )
        return EXIT_OK
    if args.command == "demo":
        return _demo(args)
    db = _open(args)
    try:
        if args.command == "migrate":
            _out(f"schema up to date: {db.shown_url}")
            return EXIT_OK
        if args.command == "audit":
            return _audit_verify(db)
        if args.command == "user":
            return _user(args, db)
    finally:
        db.dispose()
    return EXIT_USAGE


def _demo(args: argparse.Namespace) -> int:
    from data.seeding import demo_passwords_shown, new_demo_passwords, seed_site

    site = _site(args)
    db = _open(args)
    try:
        if args.if_needed and not args.new_passwords:
            from data.seeding import unshown_demo_passwords

            services = local_services(db, args.workstation)
            name = services.site.site_meta().get("site_name")
            if name is not None:
                _out(f"site present: {name} ({db.shown_url}); `console demo` updates it")
                _warn_unshown(unshown_demo_passwords(db))
                return EXIT_OK
        services = local_services(db, args.workstation)
        report = seed_site(db, site, services, population=args.population)
        _out(
            f"demo site ready: {site.name} — {report.communities} communities, "
            f"{report.devices} devices, {report.residents_total} residents "
            f"({report.residents_added} added) in {report.seconds:.1f} s"
        )
        _out(f"database: {db.shown_url}")
        if args.new_passwords:
            shown = new_demo_passwords(db, site, services)
            _print_passwords("New passwords of the demo accounts", shown)
        else:
            shown = tuple(a for a in report.accounts if a.password)
            if shown:
                _print_passwords("Demo accounts", shown)
            if report.unshown:
                _warn_unshown(report.unshown)
            elif not shown:
                _out(
                    "demo accounts exist already (passwords were shown on the first run; "
                    "`console demo --new-passwords` sets new ones)"
                )
        if shown:
            # Only once the passwords are out of this process: a run killed before this
            # point leaves them marked as never shown, and the next run says so.
            sys.stdout.flush()
            demo_passwords_shown(db, [a.username for a in shown])
    finally:
        db.dispose()
    return EXIT_OK


def _print_passwords(title: str, accounts: Sequence[DemoAccount]) -> None:
    _out("")
    _out(f"{title} (passwords are shown only this once; note them down):")
    for a in accounts:
        _out(f"  {a.username:<12} {a.role.value:<11} {a.password}")


def _warn_unshown(usernames: Sequence[str]) -> None:
    if not usernames:
        return
    _out("")
    _out(
        f"The passwords of the demo accounts {', '.join(usernames)} were never shown (an "
        "earlier `console demo` was stopped before printing them)."
    )
    _out("`console demo --new-passwords` sets and prints fresh ones.")


def _audit_verify(db: Database) -> int:
    report = local_services(db, "CLI").audit.verify(None)
    if report.ok:
        _out(f"audit log OK: {report.rows} rows, head {report.last_hash[:16]}…")
        return EXIT_OK
    _out(f"AUDIT LOG TAMPERED: {len(report.breaks)} problem(s) in {report.rows} rows")
    for b in report.breaks:
        where = "chain head" if b.row_id < 0 else f"row {b.row_id}"
        _out(f"  {where}: {b.reason}")
    return EXIT_CHECK_FAILED


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        pw = getpass.getpass(prompt)
        if getpass.getpass("again: ") != pw:
            raise ValueError("passwords differ")
        return pw
    return sys.stdin.readline().rstrip("\n")


def _user(args: argparse.Namespace, db: Database) -> int:
    accounts = local_services(db, args.workstation).accounts
    try:
        if args.user_command == "add":
            pw = _read_password(f"password for {args.username}: ")
            accounts.create_user(
                "cli",
                username=args.username,
                display_name=args.name or args.username,
                role=RoleName(args.role),
                password=pw,
                communities=args.community,
            )
            _out(f"user {args.username} created")
        elif args.user_command == "unlock":
            accounts.unlock_account("cli", args.username)
            _out(f"user {args.username} unlocked")
        elif args.user_command == "passwd":
            accounts.set_password(
                "cli", args.username, _read_password(f"new password for {args.username}: ")
            )
            _out(f"password of {args.username} changed")
    except (ValueError, LookupError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    return EXIT_OK
