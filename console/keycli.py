"""`console key init|rotate|encrypt-existing`: the site's field keys, kept outside the database."""

from __future__ import annotations

import argparse
import sys
import time

from console.authority import AuthorityRefused, command_actor
from console.paths import key_dir
from console.startup import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, local_services
from core.keys import KeyFileError


def add_key_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """The `key` command and its subcommands."""
    admin = argparse.ArgumentParser(add_help=False)
    admin.add_argument(
        "--admin",
        metavar="NAME",
        help="act as this administrator (the password is asked for); needed on a shared database",
    )
    key = sub.add_parser(
        "key", parents=[common], help="the site's field keys (identity numbers at rest)"
    )
    key_sub = key.add_subparsers(dest="key_command", required=True)
    key_sub.add_parser(
        "init",
        parents=[common],
        help="create the field keys in the key folder if it has none (never replaces any)",
    )
    rotate = key_sub.add_parser(
        "rotate",
        parents=[common, admin],
        help="make a new current key and re-encrypt every resident under it (resumable; on "
        "PostgreSQL run it with the database owner's URL)",
    )
    rotate.add_argument("--batch", type=int, default=2000, help="rows per transaction")
    key_sub.add_parser(
        "encrypt-existing",
        parents=[common, admin],
        help="upgrade a database whose residents' identity numbers are still in plain text, "
        "encrypting them with the site's keys (as the database owner)",
    )


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


def run_key_command(args: argparse.Namespace) -> int:
    """Run `console key …`; a missing or damaged key file is a message naming the file."""
    try:
        if args.key_command == "init":
            return _init(args)
        if args.key_command == "rotate":
            return _rotate(args)
        if args.key_command == "encrypt-existing":
            return _encrypt_existing(args)
    except KeyFileError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except AuthorityRefused as exc:
        _error(str(exc))
        return EXIT_REFUSED
    return EXIT_USAGE


def _init(args: argparse.Namespace) -> int:
    from data.fieldcrypt import ensure_field_keys, key_file, load_field_keys

    folder = key_dir(args.keys)
    if ensure_field_keys(folder):
        _out(f"field keys created: {key_file(folder)}")
        _out(
            "Back this folder up somewhere safe and copy it to every workstation of the site: "
            "without it no identity number can be read."
        )
    else:
        keys = load_field_keys(folder)
        _out(
            f"field keys present: {key_file(folder)} (current key {keys.current}); nothing changed"
        )
    return EXIT_OK


def _rotate(args: argparse.Namespace) -> int:
    from data.db import DbOptions, resolve_url
    from data.migrate import open_database
    from data.residentkeys import rotate_field_keys

    folder = key_dir(args.keys)
    db = open_database(resolve_url(args.db), opts=DbOptions())
    try:
        services = local_services(db, args.workstation, folder)
        actor = command_actor(db, services, args.admin)
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 1.0 or done >= total:
                last[0] = now
                _out(f"  {done:>7,} / {total:,} residents re-encrypted")

        report = rotate_field_keys(services.ctx, actor, batch=args.batch, progress=progress)
    finally:
        db.dispose()
    verb = "resumed and finished" if report.resumed else "done"
    _out(f"key rotation {verb}: {report.rows} residents now under key {report.new_key}")
    if report.archive is not None:
        _out(
            f"retired keys {', '.join(report.retired)} moved to {report.archive}: only backups "
            "taken before this rotation need them; keep that file offline"
        )
    _out("Copy the key folder to every workstation of the site again.")
    return EXIT_OK


def _encrypt_existing(args: argparse.Namespace) -> int:
    from data.db import DbOptions, resolve_url
    from data.fieldcrypt import ensure_field_keys, key_file
    from data.migrate import open_database
    from data.residentkeys import encrypt_existing

    folder = key_dir(args.keys)
    if ensure_field_keys(folder):
        _out(f"field keys created: {key_file(folder)} (back this folder up)")
    db = open_database(resolve_url(args.db), migrate=False, opts=DbOptions())
    try:
        services = local_services(db, args.workstation, folder)
        actor = command_actor(db, services, args.admin)
        report = encrypt_existing(db, services.ctx, actor)
    finally:
        db.dispose()
    if report.migrated:
        _out(
            f"schema upgraded: {report.residents} residents' identity numbers and birth dates "
            f"are encrypted with {key_file(folder)}"
        )
    else:
        _out(f"schema already up to date: nothing to encrypt ({report.residents} residents)")
    return EXIT_OK
