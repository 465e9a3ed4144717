"""Fixtures of the integration tests: the demo site seeded, and wired consoles on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.app import ConsoleApp, ConsoleOptions
from core.site import SiteSpec
from data.db import Database
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    build_console,
    close_console,
    seed_demo,
)


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec, tmp_path: Path) -> SeededSite:
    """The demo site in a fresh SQLite file, with a small synthetic population."""
    return seed_demo(sqlite_db, demo_site, tmp_path / "site-keys")


@pytest.fixture
def make_console(qapp: QApplication, seeded: SeededSite, tmp_path: Path) -> Iterator[MakeConsole]:
    """A factory of ConsoleApps on the seeded database.

    `make_console(real_dialogs=True, **changes)`: `changes` adjust ConsoleOptions; the
    console asks its questions through a FakeDialogs answering yes unless `real_dialogs`.
    The idle lock is off unless a test asks for it, so no test is locked by surprise.
    """
    made: list[ConsoleApp] = []
    base = ConsoleOptions(
        config_dir=tmp_path / "config",
        confirm_quit=False,
        idle_lock_minutes=0,
        poll_interval=0.2,
        keys_dir=seeded.keys,
        # No audio device here: the alert tests give the console a recording player instead.
        alert_sound=False,
        # No movement simulator behind tests that pass the demo site for its other devices.
        tracking=False,
    )

    def make(*, real_dialogs: bool = False, **changes: object) -> ConsoleApp:
        app = build_console(qapp, seeded.db, replace(base, **changes), real_dialogs=real_dialogs)
        made.append(app)
        return app

    yield make
    for app in made:
        close_console(app)
    qapp.processEvents()


@pytest.fixture
def console(make_console: MakeConsole) -> ConsoleApp:
    """A ConsoleApp with default test options, its sign-in dialog shown."""
    app = make_console()
    app.start()
    return app
