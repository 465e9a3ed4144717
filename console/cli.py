"""Command line: the GUI (default), demo seeding, audit verification, users, screenshots."""

from __future__ import annotations

import argparse
import getpass
import logging
import logging.handlers
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from console.authority import AuthorityRefused, command_actor
from console.bundle_check import check_bundle
from console.paths import checkpoint_dir, key_dir
from console.setup_start import resolve_setup, site_for
from console.startup import (
    EXIT_CHECK_FAILED,
    EXIT_DATABASE,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_SITE,
    EXIT_USAGE,
    load_site_file,
    local_services,
)
from core.keys import KeyFileError
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
        "embedded SQLite file); PostgreSQL: postgresql+psycopg://user@host/db, the password "
        "from $CONSOLE_DB_PASSWORD_FILE, ~/.pgpass or $PGPASSWORD (not on the command line)",
    )
    p.add_argument("--site", metavar="FILE", type=Path, help="site file (default: the demo site)")
    p.add_argument("--workstation", help="code of this workstation in the site file (default: CC)")
    p.add_argument(
        "--keys",
        metavar="DIR",
        type=Path,
        help="the site's key folder, kept outside the database (default: $CONSOLE_KEYS, then "
        "a folder in the user's configuration)",
    )
    p.add_argument(
        "--checkpoints",
        metavar="DIR",
        type=Path,
        help="folder of the signed audit checkpoints, kept outside the database (default: "
        "$CONSOLE_CHECKPOINTS, then a folder in the user's data)",
    )
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
        "(video, map, calls, incidents, devices, notifications, residents, surveys)",
    )
    p.add_argument("--user", default="operator", help="with --screenshot: whose view to render")
    p.add_argument(
        "--no-recorder",
        action="store_true",
        help="do not start the recorder of this workstation's cameras (a service records)",
    )
    p.add_argument("--setup", action="store_true", help="set up this PC again before starting")
    # Account and site commands act as an administrator (or as the owner of a local file).
    admin = argparse.ArgumentParser(add_help=False)
    admin.add_argument(
        "--admin",
        metavar="NAME",
        help="act as this administrator (the password is asked for; its first line on stdin "
        "when not a terminal); needed on a shared database",
    )
    sub = p.add_subparsers(dest="command")
    demo = sub.add_parser(
        "demo", parents=[common, admin], help="create or update the demo site (idempotent)"
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
    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="run this workstation's readers, trackers, ingest and rules without a GUI",
    )
    from console.serve import add_serve_arguments

    add_serve_arguments(serve)
    recorder = sub.add_parser(
        "recorder",
        parents=[common],
        help="record this workstation's cameras until stopped (also `python -m video.recorder`)",
    )
    from console.recorder_service import add_recorder_arguments

    add_recorder_arguments(recorder)
    from console.dbcli import add_db_commands

    add_db_commands(sub, common)
    from console.keycli import add_key_commands

    add_key_commands(sub, common)
    from console.cameracli import add_camera_commands

    add_camera_commands(sub, common)
    from console.incidentcli import add_incident_commands
    from console.retentioncli import add_retention_commands

    add_retention_commands(sub, common, admin)
    add_incident_commands(sub, common, admin)
    from console.screeningcli import add_screening_commands

    add_screening_commands(sub, common, admin)
    from console.reportcli import add_report_commands

    add_report_commands(sub, common, admin)
    from console.exportcli import add_export_commands

    add_export_commands(sub, common, admin)
    from console.residentcli import add_resident_commands

    add_resident_commands(sub, common, admin)
    from console.evidencecli import add_evidence_commands

    add_evidence_commands(sub, common)
    from console.setupcli import add_setup_commands

    add_setup_commands(sub, common)
    site = sub.add_parser("site", parents=[common], help="site file tools")
    site_sub = site.add_subparsers(dest="site_command", required=True)
    site_sub.add_parser(
        "check", parents=[common], help="validate the site file and print a summary"
    )
    audit = sub.add_parser("audit", parents=[common], help="audit log tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser(
        "verify",
        parents=[common],
        help="check the hash chain of the audit log and every signed checkpoint",
    )
    checkpoint = audit_sub.add_parser(
        "checkpoint",
        parents=[common],
        help="sign the chain head with the site's audit key into a checkpoint file",
    )
    checkpoint.add_argument(
        "--reason", choices=["periodic", "handover", "manual"], default="manual"
    )
    keygen = audit_sub.add_parser(
        "keygen", parents=[common], help="create the site's audit signing key pair"
    )
    keygen.add_argument(
        "--force",
        action="store_true",
        help="replace an existing key (asked again on a terminal; the old public key is kept)",
    )
    user = sub.add_parser("user", parents=[common], help="manage accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser(
        "add", parents=[common, admin], help="create an account (password read from stdin)"
    )
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in RoleName], required=True)
    add.add_argument("--name", help="display name")
    add.add_argument("--community", action="append", default=[], help="limit to a community")
    add.add_argument("--department", help="the department a department account answers for")
    unlock = user_sub.add_parser("unlock", parents=[common, admin], help="clear a lockout")
    unlock.add_argument("username")
    disable = user_sub.add_parser(
        "disable",
        parents=[common, admin],
        help="stop an account from signing in (its open sessions end on a shared database)",
    )
    disable.add_argument("username")
    disable.add_argument("--reason", required=True, help="why (goes into the audit log)")
    enable = user_sub.add_parser("enable", parents=[common, admin], help="enable an account again")
    enable.add_argument("username")
    passwd = user_sub.add_parser(
        "passwd", parents=[common, admin], help="set a new password (read from stdin)"
    )
    passwd.add_argument("username")
    return p


class _PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are readable by their owner only (0600)."""

    def _open(self):  # type: ignore[no-untyped-def]
        # The log names residents' incidents and accounts; the umask would share it.
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # a file left by an older version is tightened too
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def _setup_logging(verbose: bool) -> Path:
    log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    log_dir.mkdir(parents=True, exist_ok=True)
    if hasattr(os, "geteuid"):
        log_dir.chmod(0o700)
    path = log_dir / "console.log"
    fmt = logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    fh = _PrivateLogFile(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
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
    site = load_site_file(args.site)
    return site_for(args, site) if args.command in ("serve", "recorder") else site


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `console` and `python -m console`; returns the exit code."""
    # A frozen (installed) console is also the interpreter of its child processes.
    multiprocessing.freeze_support()
    args = _parser().parse_args(argv)
    log_path = _setup_logging(args.verbose)
    if (damaged := check_bundle()) is not None:  # an installed copy missing a part
        return damaged
    if args.db and "@" in args.db:
        # Loaded only then: the GUI's sign-in window comes before the data layer.
        from data.db import warn_if_password_in_argv

        warn_if_password_in_argv(args.db)
    try:
        # Flags and environment first, then this PC's setup (asked for at a first start).
        if (code := resolve_setup(args, sys.argv[1:] if argv is None else argv)) is not None:
            return code
        if args.screenshot is not None:
            from console.screenshot import take_screenshot

            return take_screenshot(args)
        if args.command is None:
            from console.crash_log import CrashLog
            from console.gui import run_gui

            crash = CrashLog(log_path.parent)
            try:
                return run_gui(args, previous_crash=crash.previous)
            finally:
                crash.close()
        return _run_command(args)
    except AuthorityRefused as exc:
        _error(str(exc))
        return EXIT_REFUSED
    except KeyFileError as exc:
        # A key file missing or damaged (its message names the file); nothing was destroyed.
        _error(str(exc))
        return EXIT_USAGE
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


def _open(args: argparse.Namespace, *, must_exist: bool = False) -> Database:
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database

    return open_database(resolve_url(args.db), opts=DbOptions(), must_exist=must_exist)


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
    if args.command == "setup":
        from console.setupcli import run_setup_command

        return run_setup_command(args)
    if args.command == "db":
        from console.dbcli import run_db_command

        return run_db_command(args)
    if args.command == "key":
        from console.keycli import run_key_command

        return run_key_command(args)
    if args.command == "camera":
        from console.cameracli import run_camera_command

        return run_camera_command(args)
    if args.command == "incident":
        from console.incidentcli import run_incident_command

        return run_incident_command(args)
    if args.command == "screening":
        from console.screeningcli import run_screening_command

        return run_screening_command(args)
    if args.command == "report":
        from console.reportcli import run_report_command

        return run_report_command(args)
    if args.command == "retention":
        from console.retentioncli import run_retention_command

        return run_retention_command(args)
    if args.command == "export":
        from console.exportcli import run_export_command

        return run_export_command(args)
    if args.command == "resident":
        from console.residentcli import run_resident_command

        return run_resident_command(args)
    if args.command == "verify":
        from console.evidencecli import run_verify_command

        return run_verify_command(args)
    if args.command == "evidence":
        from console.evidencecli import run_evidence_command

        return run_evidence_command(args)
    if args.command == "serve":
        from console.serve import run_serve
        from console.startup import check_workstation

        site = _site(args)
        check_workstation(site, args.workstation)
        db = _open(args)
        try:
            return run_serve(args, site, db)
        finally:
            db.dispose()
    if args.command == "recorder":
        from console.recorder_service import run_recorder
        from console.startup import check_workstation

        site = _site(args)
        check_workstation(site, args.workstation)
        return run_recorder(args, site)
    if args.command == "audit" and args.audit_command == "keygen":
        return _audit_keygen(args)
    # Checking or signing the log of a database that is not there must not create one.
    db = _open(args, must_exist=args.command == "audit")
    try:
        if args.command == "migrate":
            _out(f"schema up to date: {db.shown_url}")
            return EXIT_OK
        if args.command == "audit" and args.audit_command == "checkpoint":
            return _audit_checkpoint(args, db)
        if args.command == "audit":
            return _audit_verify(args, db)
        if args.command == "user":
            return _user(args, db)
    finally:
        db.dispose()
    return EXIT_USAGE


def _demo(args: argparse.Namespace) -> int:
    from data.seeding import demo_passwords_shown, new_demo_passwords, seed_site

    site = _site(args)
    _demo_audit_key(args)
    db = _open(args)
    try:
        _demo_field_keys(args, db)
        if args.if_needed and not args.new_passwords:
            from data.seeding import unshown_demo_passwords

            services = local_services(db, args.workstation, key_dir(args.keys))
            name = services.site.site_meta().get("site_name")
            if name is not None:
                _out(f"site present: {name} ({db.shown_url}); `console demo` updates it")
                _warn_unshown(unshown_demo_passwords(db))
                return EXIT_OK
        services = local_services(db, args.workstation, key_dir(args.keys))
        if services.site.site_meta().get("site_name") is not None:
            # Updating a site, above all new passwords for its accounts, is an administrator's
            # act: on a shared database anyone with its address could otherwise take it over.
            command_actor(db, services, args.admin)
        # The demo's merchants, orders, volunteers and hours come with the demo population.
        report = seed_site(db, site, services, population=args.population, services_demo=True)
        if args.site is None:
            from console.demo_surveys import fill as fill_surveys

            # the demo site's satisfaction round, so the surveys pane has figures to show
            fill_surveys(services)
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


def _audit_verify(args: argparse.Namespace, db: Database) -> int:
    services = local_services(db, "CLI", key_dir(args.keys))
    verdict = services.audit.verify_anchored(None, checkpoint_dir(args.checkpoints))
    chain, anchors = verdict.chain, verdict.anchors
    if verdict.ok:
        _out(f"audit log OK: {chain.rows} rows, head {chain.last_hash[:16]}…")
        latest = anchors.latest
        if latest is not None:
            matched = sum(c.ok for c in anchors.checks)
            _out(
                f"matches {matched} signed checkpoint(s); latest of {latest.when} "
                f"({latest.rows} rows, up to row {latest.last_id})"
            )
        warning = verdict.warning()
        if warning:
            _out(f"warning: {warning}")
        return EXIT_OK
    problems = verdict.problems()
    _out(f"AUDIT LOG TAMPERED: {len(problems)} problem(s) in {chain.rows} rows")
    for line in problems:
        _out(f"  {line}")
    return EXIT_CHECK_FAILED


def _audit_checkpoint(args: argparse.Namespace, db: Database) -> int:
    from core.checkpoint import CheckpointError, CheckpointReason
    from core.keys import KeyFileError

    services = local_services(db, args.workstation, key_dir(args.keys))
    try:
        path, signed = services.audit.checkpoint(
            checkpoint_dir(args.checkpoints), CheckpointReason(args.reason)
        )
    except (KeyFileError, CheckpointError) as exc:
        _error(str(exc))
        return EXIT_CHECK_FAILED if isinstance(exc, CheckpointError) else EXIT_USAGE
    except OSError as exc:
        _error(f"cannot write the checkpoint: {exc}")
        return EXIT_USAGE
    _out(signed.describe())
    _out(f"  file:        {path}")
    return EXIT_OK


def _audit_keygen(args: argparse.Namespace) -> int:
    from core.checkpoint import PRIVATE_KEY_FILE
    from core.keys import KeyFileError
    from data.checkpoints import generate_audit_key

    folder = key_dir(args.keys)
    if args.force and sys.stdin.isatty() and (folder / PRIVATE_KEY_FILE).exists():
        answer = input(
            f"Replace the audit signing key in {folder}? Checkpoints signed so far stay "
            "checkable with the kept public key. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            _out("key kept")
            return EXIT_USAGE
    try:
        kid = generate_audit_key(folder, force=args.force)
    except KeyFileError as exc:
        _error(str(exc))
        return EXIT_USAGE
    _out(f"audit signing key {kid} created in {folder}")
    _out(
        "keep audit-signing.key with the site's administrators only; copy audit-signing.pub "
        "to every workstation that checks the log"
    )
    return EXIT_OK


def _demo_audit_key(args: argparse.Namespace) -> None:
    from data.checkpoints import ensure_audit_key

    folder = key_dir(args.keys)
    if ensure_audit_key(folder):
        _out(f"audit signing key created in {folder} (`console audit checkpoint` uses it)")


def _demo_field_keys(args: argparse.Namespace, db: Database) -> None:
    from data.fieldcrypt import ensure_field_keys, key_file
    from data.services.residents import KEYS_META

    folder = key_dir(args.keys)
    if not key_file(folder).exists():
        meta = local_services(db, args.workstation, folder).site.site_meta()
        if KEYS_META in meta:
            # Its residents are under keys kept elsewhere: new ones would only be refused.
            # Seeding names the missing file if it needs it.
            return
    if ensure_field_keys(folder):
        _out(f"field keys created: {key_file(folder)} (identity numbers are encrypted with them)")


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        pw = getpass.getpass(prompt)
        if getpass.getpass("again: ") != pw:
            raise ValueError("passwords differ")
        return pw
    return sys.stdin.readline().rstrip("\n")


def _user(args: argparse.Namespace, db: Database) -> int:
    services = local_services(db, args.workstation, key_dir(args.keys))
    accounts = services.accounts
    actor = command_actor(db, services, args.admin)
    try:
        if args.user_command == "add":
            pw = _read_password(f"password for {args.username}: ")
            accounts.create_user(
                actor,
                username=args.username,
                display_name=args.name or args.username,
                role=RoleName(args.role),
                password=pw,
                communities=args.community,
                department=args.department,
            )
            _out(f"user {args.username} created")
        elif args.user_command == "unlock":
            accounts.unlock_account(actor, args.username)
            _out(f"user {args.username} unlocked")
        elif args.user_command == "disable":
            accounts.set_active(actor, args.username, False, args.reason)
            _out(f"user {args.username} disabled")
        elif args.user_command == "enable":
            accounts.set_active(actor, args.username, True)
            _out(f"user {args.username} enabled")
        elif args.user_command == "passwd":
            accounts.set_password(
                actor, args.username, _read_password(f"new password for {args.username}: ")
            )
            _out(f"password of {args.username} changed")
    except (ValueError, LookupError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    return EXIT_OK
