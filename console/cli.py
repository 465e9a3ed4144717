"""Command line: the GUI (default), demo seeding, audit verification, users, screenshots."""

from __future__ import annotations

import argparse
import getpass
import logging
import logging.handlers
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from core.model import RoleName
from core.site import SiteError, SiteSpec, load_site
from data.db import APP_NAME, Database, DatabaseError, DbOptions, open_database, resolve_url

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_SITE = 4


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="console",
        description="街道智能总控台 Street Command Console",
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $CONSOLE_DB, then the "
        "embedded SQLite file); PostgreSQL: postgresql+psycopg://user:pw@host/db",
    )
    p.add_argument("--site", metavar="FILE", type=Path, help="site file (default: the demo site)")
    p.add_argument(
        "--workstation",
        default=os.environ.get("CONSOLE_WORKSTATION", "CC"),
        help="code of this workstation in the site file (default: CC)",
    )
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
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = p.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="create or update the demo site (idempotent)")
    demo.add_argument("--population", type=int, default=5000, help="synthetic residents")
    demo.add_argument(
        "--if-needed", action="store_true", help="do nothing if the database holds a site already"
    )
    sub.add_parser("migrate", help="bring the database schema up to date")
    site = sub.add_parser("site", help="site file tools")
    site_sub = site.add_subparsers(dest="site_command", required=True)
    site_sub.add_parser("check", help="validate the site file and print a summary")
    audit = sub.add_parser("audit", help="audit log tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", help="check the hash chain of the audit log")
    user = sub.add_parser("user", help="manage accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="create an account (password read from stdin)")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in RoleName], required=True)
    add.add_argument("--name", help="display name")
    add.add_argument("--community", action="append", default=[], help="limit to a community")
    unlock = user_sub.add_parser("unlock", help="clear a lockout")
    unlock.add_argument("username")
    passwd = user_sub.add_parser("passwd", help="set a new password (read from stdin)")
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
    from console.paths import demo_site_file

    return load_site(args.site or demo_site_file())


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
        _error(str(exc))
        return EXIT_SITE
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE


def _open(args: argparse.Namespace) -> Database:
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
    from data.security import AuthService
    from data.seeding import seed_site

    site = _site(args)
    db = _open(args)
    try:
        if args.if_needed:
            from sqlalchemy import select

            from data.models import SiteMeta

            with db.session() as s:
                name = s.scalar(select(SiteMeta.value).where(SiteMeta.key == "site_name"))
            if name is not None:
                _out(f"site present: {name} ({db.shown_url}); `console demo` updates it")
                return EXIT_OK
        report = seed_site(
            db, site, AuthService(db, workstation=args.workstation), population=args.population
        )
    finally:
        db.dispose()
    _out(
        f"demo site ready: {site.name} — {report.communities} communities, {report.devices} "
        f"devices, {report.residents_total} residents ({report.residents_added} added) "
        f"in {report.seconds:.1f} s"
    )
    _out(f"database: {db.shown_url}")
    if report.first_run:
        _out("")
        _out("Demo accounts (passwords are shown only this once; note them down):")
        for a in report.accounts:
            if a.password:
                _out(f"  {a.username:<12} {a.role.value:<11} {a.password}")
    else:
        _out(
            "demo accounts exist already (passwords were shown on the first run; an admin "
            "can set new ones with `console user passwd NAME`)"
        )
    return EXIT_OK


def _audit_verify(db: Database) -> int:
    from data.audit import verify_audit

    with db.session() as s:
        report = verify_audit(s)
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
    from data.security import AuthService

    auth = AuthService(db, workstation=args.workstation)
    try:
        if args.user_command == "add":
            pw = _read_password(f"password for {args.username}: ")
            auth.create_user(
                None,
                username=args.username,
                display_name=args.name or args.username,
                role=RoleName(args.role),
                password=pw,
                communities=args.community,
            )
            _out(f"user {args.username} created")
        elif args.user_command == "unlock":
            auth.unlock_account(None, args.username)
            _out(f"user {args.username} unlocked")
        elif args.user_command == "passwd":
            auth.set_password(
                None, args.username, _read_password(f"new password for {args.username}: ")
            )
            _out(f"password of {args.username} changed")
    except (ValueError, LookupError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    return EXIT_OK


def temp_database_url() -> tuple[str, tempfile.TemporaryDirectory[str]]:
    """A throw-away SQLite file (screenshots must not touch the operator's database)."""
    tmp = tempfile.TemporaryDirectory(prefix="console-shot-")
    return f"sqlite:///{Path(tmp.name) / 'demo.db'}", tmp
