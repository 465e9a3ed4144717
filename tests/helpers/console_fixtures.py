"""Fixtures and helpers for the pytest-qt tests of console/ and widgets/.

Import the fixtures you use explicitly, e.g.
`from tests.helpers.console_fixtures import console, seeded  # noqa: F401`.

Every ConsoleApp made here runs on a real SQLite database seeded with the demo site (a small
population) and a cheap but real argon2 hasher; teardown always calls `app.shutdown()` so no
worker or executor thread outlives its test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import argon2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp, ConsoleOptions
from core.site import SiteSpec
from data.db import Database
from data.models import AuditLog
from data.security import Argon2Hasher, AuthService
from data.seeding import seed_site

POPULATION = 300
DEVICES_IN_DEMO_SITE = 120


def fast_hasher() -> Argon2Hasher:
    """Real argon2id with the cheapest parameters: sign-in costs milliseconds, not 50 ms+."""
    return Argon2Hasher(argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@dataclass(frozen=True)
class SeededSite:
    """A seeded demo database and the generated passwords of its accounts."""

    db: Database
    auth: AuthService
    passwords: dict[str, str]


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec) -> SeededSite:
    """The demo site in a fresh SQLite file, with a small synthetic population."""
    auth = AuthService(sqlite_db, workstation="CC", hasher=fast_hasher())
    report = seed_site(sqlite_db, demo_site, auth, population=POPULATION)
    passwords = {a.username: a.password for a in report.accounts if a.password}
    assert set(passwords) >= {"admin", "supervisor", "operator"}
    return SeededSite(sqlite_db, auth, passwords)


MakeConsole = Callable[..., ConsoleApp]


@pytest.fixture
def make_console(qapp: QApplication, seeded: SeededSite, tmp_path: Path) -> Iterator[MakeConsole]:
    """A factory of ConsoleApps on the seeded database; `**changes` adjust ConsoleOptions.

    The idle lock is off unless a test asks for it, so no test is locked by surprise.
    """
    made: list[ConsoleApp] = []
    base = ConsoleOptions(
        config_dir=tmp_path / "config",
        confirm_quit=False,
        idle_lock_minutes=0,
        poll_interval=0.2,
    )

    def make(**changes: object) -> ConsoleApp:
        app = ConsoleApp(qapp, seeded.db, replace(base, **changes), hasher=fast_hasher())
        made.append(app)
        return app

    yield make
    for app in made:
        app.shutdown()
        # Translators are installed on the shared QApplication: leave it in English, as found.
        app.translations.switch("en")
        if app.login_dialog is not None:
            app.login_dialog.close()
            app.login_dialog.deleteLater()
        for pane in app.window.panes.values():
            pane.dock.setFloating(False)
        app.window.allow_close()
        app.window.close()
        app.window.deleteLater()
    qapp.processEvents()


@pytest.fixture
def console(make_console: MakeConsole) -> ConsoleApp:
    """A ConsoleApp with default test options, its sign-in dialog shown."""
    app = make_console()
    app.start()
    return app


def submit_login(qtbot: QtBot, app: ConsoleApp, username: str, password: str) -> None:
    """Type user name and password into the sign-in dialog and press Sign in."""
    dlg = app.login_dialog
    assert dlg is not None, "no sign-in dialog shown"
    dlg.username.clear()
    qtbot.keyClicks(dlg.username, username)
    dlg.password.clear()
    qtbot.keyClicks(dlg.password, password)
    qtbot.mouseClick(dlg.sign_in, Qt.MouseButton.LeftButton)


def sign_in(qtbot: QtBot, app: ConsoleApp, site: SeededSite, username: str = "admin") -> None:
    """Sign in through the dialog and wait until the panes hold the first snapshot."""
    submit_login(qtbot, app, username, site.passwords[username])
    qtbot.waitUntil(lambda: app.window.isVisible() and app.principal is not None)
    qtbot.waitUntil(lambda: app.window.devices.model.rowCount() > 0)
    assert app.wait_idle()


def audit_actions(db: Database, actor: str | None = None) -> Counter[str]:
    """How many audit rows of each action exist (optionally of one actor)."""
    stmt = select(AuditLog.action)
    if actor is not None:
        stmt = stmt.where(AuditLog.actor == actor)
    with db.session() as s:
        return Counter(s.scalars(stmt))


def audit_details(db: Database, action: str) -> list[str]:
    """The details of every audit row of one action, oldest first."""
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditLog.detail).where(AuditLog.action == action).order_by(AuditLog.id)
            )
        )
