"""How a start uses this PC's setup: flags and environment first, the setup file next."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from dataclasses import replace
from typing import Any

from console.station_setup import (
    ENV_DB,
    ENV_DB_PASSWORD_FILE,
    ENV_WORKSTATION,
    SetupStore,
    database_url,
)
from core.site import SiteSpec
from core.station_setup import DbKind, PasswordStore, SetupFileError, StationSetup


def _given(argv: Sequence[str], option: str) -> bool:
    """True if the command line names `option` (argparse also takes a unique prefix)."""
    for arg in argv:
        if arg == "--":
            break
        name = arg.split("=", 1)[0]
        if len(name) > 3 and option.startswith(name):
            return True
    return False


def apply_setup(
    args: argparse.Namespace,
    setup: StationSetup,
    store: SetupStore,
    argv: Sequence[str],
    env: MutableMapping[str, str],
) -> None:
    """Flags and environment win; else the setup names the database and the workstation."""
    if not _given(argv, "--workstation") and ENV_WORKSTATION not in env:
        args.workstation = setup.workstation
    if args.workstation == setup.workstation:
        args.setup_devices = frozenset(setup.not_owned)
    if args.db or env.get(ENV_DB):
        return
    args.db_from_setup = True
    target = setup.database
    if target.kind is DbKind.EMBEDDED:
        args.db = database_url(target)
        return
    if setup.password is PasswordStore.FILE and not env.get(ENV_DB_PASSWORD_FILE):
        # data.db reads it from there, and a recorder started by the console inherits it.
        env[ENV_DB_PASSWORD_FILE] = str(store.password_path)
        args.db = database_url(target)
    else:
        args.db = database_url(target, store.password(setup))


def hosted_site(site: SiteSpec, workstation: str, not_owned: Iterable[str]) -> SiteSpec:
    """The site as this PC runs it: devices of its workstation that another PC runs are
    nobody's here (their readers, cameras and panels are not opened by this PC)."""
    skip = frozenset(not_owned)
    if not skip:
        return site

    def mine(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(
            replace(d, workstation="") if d.workstation == workstation and d.code in skip else d
            for d in items
        )

    return replace(
        site, readers=mine(site.readers), cameras=mine(site.cameras), devices=mine(site.devices)
    )


def site_for(args: argparse.Namespace, site: SiteSpec) -> SiteSpec:
    """`hosted_site` with what the start's setup left out (unchanged without a setup)."""
    skip: frozenset[str] = getattr(args, "setup_devices", frozenset())
    return hosted_site(site, args.workstation, skip)


FirstStart = Callable[[argparse.Namespace, "SetupStore", str], StationSetup | None]


class _Again:
    """What `setup_again` needs to ask once more and apply the answer."""

    def __init__(
        self,
        store: SetupStore,
        argv: Sequence[str],
        env: MutableMapping[str, str],
        first_start: FirstStart,
        env_before: dict[str, str],
    ):
        self.store = store
        self.argv = argv
        self.env = env
        self.first_start = first_start
        self.env_before = env_before


def setup_again(args: argparse.Namespace, problem: str) -> bool:
    """At a first start whose database would not open: the dialog again, the values kept and
    the problem shown; True once a new setup is applied to `args` (start again with it).

    Only then: at a later start an unreachable database (a station's line down) is not a
    reason to offer the setup to whoever sits at the PC.
    """
    again: _Again | None = getattr(args, "setup_again", None)
    if again is None or not getattr(args, "db_from_setup", False):
        return False
    chosen = again.first_start(args, again.store, problem)
    if chosen is None:
        return False
    if ENV_DB_PASSWORD_FILE not in again.env_before:
        again.env.pop(ENV_DB_PASSWORD_FILE, None)  # set from the setup: set again if needed
    args.db = None
    args.db_from_setup = False
    apply_setup(args, chosen, again.store, again.argv, again.env)
    return True


def is_frozen() -> bool:
    """True in the installed (PyInstaller) console."""
    return bool(getattr(sys, "frozen", False))


def resolve_setup(
    args: argparse.Namespace,
    argv: Sequence[str],
    *,
    env: MutableMapping[str, str] | None = None,
    store: SetupStore | None = None,
    first_start: FirstStart | None = None,
) -> int | None:
    """Fill in what this PC's setup says before anything opens; an exit code to stop with.

    The GUI shows the setup dialog first when `--setup` is given, or when an installed
    console starts for the first time (or finds its setup file damaged).
    """
    env = os.environ if env is None else env
    if args.command == "setup" or args.screenshot is not None:
        return None  # the setup command reads the file itself; screenshots use the demo
    store = store or SetupStore()
    gui = args.command is None
    problem = ""
    try:
        setup = store.load()
    except SetupFileError as exc:
        if not gui:
            print(f"console: error: {exc}", file=sys.stderr)  # noqa: T201 - the CLI's channel
            return 2
        setup, problem = None, str(exc)
    # A database named on the command line or in the environment needs no setup to start.
    named = bool(args.db or env.get(ENV_DB))
    first = setup is None and is_frozen() and not named
    if gui and (getattr(args, "setup", False) or problem or first):
        if first_start is None:
            from console.first_start import run_first_start

            first_start = run_first_start
        chosen = first_start(args, store, problem)
        if chosen is None:
            return 2  # closed without saving: nothing starts on a half-made setup
        setup = chosen
        # Should the database still fail to open at this start, the setup is offered again.
        args.setup_again = _Again(store, argv, env, first_start, dict(env))
    if setup is not None:
        apply_setup(args, setup, store, argv, env)
    return None
