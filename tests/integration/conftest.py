"""Fixtures of the integration tests: the demo site seeded, and wired consoles on it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url

from console.app import ConsoleApp, ConsoleOptions
from core.site import SiteSpec
from data.db import Database
from data.migrate import open_database
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    build_console,
    close_console,
    seed_demo,
    services_at,
)
from tests.helpers.seeded_copies import copy_sqlite


@dataclass(frozen=True)
class _SeededTemplate:
    path: Path
    keys: Path
    passwords: dict[str, str]


def _template(
    tmp_path_factory: pytest.TempPathFactory, migrated: Path, site: SiteSpec, services_demo: bool
) -> _SeededTemplate:
    folder = tmp_path_factory.mktemp("seeded-template")
    path = folder / "console.db"
    shutil.copyfile(migrated, path)
    db = open_database(f"sqlite:///{path}")
    try:
        seeded = seed_demo(db, site, folder / "site-keys", services_demo=services_demo)
    finally:
        db.dispose()
    assert seeded.keys is not None
    return _SeededTemplate(path, seeded.keys, seeded.passwords)


@pytest.fixture(scope="session")
def seeded_template(
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_migrated_template: Path,
    demo_site: SiteSpec,
) -> _SeededTemplate:
    """The demo site seeded once per test process, then copied for each test with SQLite's
    backup API; without the services' demo data (merchants, orders, volunteers, hours), which
    every console would read at sign-in."""
    return _template(tmp_path_factory, sqlite_migrated_template, demo_site, False)


@pytest.fixture(scope="session")
def services_template(
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_migrated_template: Path,
    demo_site: SiteSpec,
) -> _SeededTemplate:
    """The demo site with the services' demo data: for tests marked `services_demo`."""
    return _template(tmp_path_factory, sqlite_migrated_template, demo_site, True)


@pytest.fixture
def seeded(request: pytest.FixtureRequest, sqlite_db: Database, tmp_path: Path) -> SeededSite:
    """The demo site in a fresh SQLite file, with a small synthetic population: a copy of
    the process's seeded template (its file and its field keys); with the services' demo data
    for a test marked `services_demo`."""
    with_services = request.node.get_closest_marker("services_demo") is not None
    seeded_template: _SeededTemplate = request.getfixturevalue(
        "services_template" if with_services else "seeded_template"
    )
    keys = tmp_path / "site-keys"
    shutil.copytree(seeded_template.keys, keys)
    sqlite_db.engine.dispose()
    target = make_url(sqlite_db.url).database
    assert target
    copy_sqlite(seeded_template.path, target)
    return SeededSite(
        sqlite_db, services_at(sqlite_db, keys=keys), dict(seeded_template.passwords), keys
    )


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
