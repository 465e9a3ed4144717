"""Seeded demo sites and wired consoles for the pytest-qt tests, and what a user does with them.

The fixtures built on these live in tests/integration/conftest.py. Every ConsoleApp made here
runs on a real SQLite database seeded with the demo site (a small population), a cheap but
real argon2 hasher and, unless a test asks for the real QtDialogs, a FakeDialogs that answers
at once; `close_console` shuts it down so no worker or executor thread outlives its test.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp, ConsoleOptions
from console.presenters.accounts import AccountsPresenter
from console.presenters.devices import DevicesPresenter
from console.presenters.incidents import IncidentsPresenter
from console.presenters.notifications import NotificationsPresenter
from core.permissions import Permission, Principal
from core.site import SiteSpec
from data.context import ServiceContext
from data.db import Database
from data.fieldcrypt import ensure_field_keys
from data.models import AuditLog
from data.seeding import seed_site
from data.services import Services
from tests.helpers.fakes import FakeDialogs, fast_hasher

POPULATION = 300
DEVICES_IN_DEMO_SITE = 136  # 16 cameras, 71 readers, 49 other devices (PH00: the hotline)

MakeConsole = Callable[..., ConsoleApp]
"""The `make_console` fixture: `make_console(real_dialogs=False, **option_changes)`."""


def services_at(db: Database, workstation: str = "CC", keys: Path | None = None) -> Services:
    """The services as a workstation (or the CLI) runs them: writes happen at once.

    `keys`: the site's key folder, needed to seed residents or reveal identity numbers.
    """
    return Services.build(
        ServiceContext(db, workstation=workstation, keys=keys), hasher=fast_hasher()
    )


@dataclass(frozen=True)
class SeededSite:
    """A seeded demo database, services on it and the generated passwords of its accounts."""

    db: Database
    services: Services
    passwords: dict[str, str]
    keys: Path | None = None  # the site's field keys (a folder in the test's tmp_path)

    def principal(self, username: str) -> Principal:
        """A signed-in user without a password (as the CLI and the screenshot get one)."""
        return self.services.signin.principal(username)


def seed_demo(
    db: Database, site: SiteSpec, keys: Path, *, services_demo: bool = False
) -> SeededSite:
    """Seed the demo site with a small synthetic population, its field keys in `keys`;
    `services_demo`: with the merchants, orders, volunteers and hours of the demo too."""
    ensure_field_keys(keys)
    services = services_at(db, keys=keys)
    report = seed_site(db, site, services, population=POPULATION, services_demo=services_demo)
    passwords = {a.username: a.password for a in report.accounts if a.password}
    assert set(passwords) >= {"admin", "supervisor", "operator"}
    return SeededSite(db, services, passwords, keys)


def build_console(
    qapp: QApplication, db: Database, opts: ConsoleOptions, *, real_dialogs: bool = False
) -> ConsoleApp:
    """A ConsoleApp with the cheap hasher and, unless `real_dialogs`, a FakeDialogs."""
    dialogs = None if real_dialogs else FakeDialogs()
    return ConsoleApp(qapp, db, opts, hasher=fast_hasher(), dialogs=dialogs)


def close_console(app: ConsoleApp) -> None:
    """Shut down and close every window the console opened; leave the QApplication as found."""
    app.shutdown()
    # The console's cycles die here, on the GUI thread, not in a later test's worker thread.
    gc.collect()
    # Open questions of the real dialogs are answered No and closed before anything else.
    app.dialogs.hide_all()
    # Translators are installed on the shared QApplication: leave it in English, as found.
    app.translations.switch("en")
    dlg = app.session.login_dialog
    if dlg is not None:
        dlg.close()
        dlg.deleteLater()
    for pane in app.window.panes.values():
        pane.dock.setFloating(False)
    app.window.allow_close()
    app.window.close()
    app.window.deleteLater()
    # Gone now, not at the end of the worker: no event loop runs between tests to do it.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def fake_dialogs(app: ConsoleApp) -> FakeDialogs:
    """The FakeDialogs the console was built with."""
    assert isinstance(app.dialogs, FakeDialogs), "this console runs the real QtDialogs"
    return app.dialogs


# --- the presenters, typed ------------------------------------------------------------------


def incidents_of(app: ConsoleApp) -> IncidentsPresenter:
    """The incident presenter (queue, entry and incident windows)."""
    p = app.presenter("incidents")
    assert isinstance(p, IncidentsPresenter)
    return p


def devices_of(app: ConsoleApp) -> DevicesPresenter:
    """The device presenter (status pane, status-bar counts)."""
    p = app.presenter("devices")
    assert isinstance(p, DevicesPresenter)
    return p


def accounts_of(app: ConsoleApp) -> AccountsPresenter:
    """The accounts presenter (its dialog)."""
    p = app.presenter("accounts")
    assert isinstance(p, AccountsPresenter)
    return p


def notifications_of(app: ConsoleApp) -> NotificationsPresenter:
    """The notification area and its unread badge."""
    p = app.presenter("notifications")
    assert isinstance(p, NotificationsPresenter)
    return p


# --- what a user does ---------------------------------------------------------------------


def submit_login(qtbot: QtBot, app: ConsoleApp, username: str, password: str) -> None:
    """Type user name and password into the sign-in dialog and press Sign in."""
    dlg = app.session.login_dialog
    assert dlg is not None, "no sign-in dialog shown"
    dlg.username.clear()
    qtbot.keyClicks(dlg.username, username)
    dlg.password.clear()
    qtbot.keyClicks(dlg.password, password)
    qtbot.mouseClick(dlg.sign_in, Qt.MouseButton.LeftButton)


def sign_in(qtbot: QtBot, app: ConsoleApp, site: SeededSite, username: str = "admin") -> None:
    """Sign in through the dialog and wait until the panes hold the first snapshot."""
    submit_login(qtbot, app, username, site.passwords[username])
    qtbot.waitUntil(lambda: app.window.isVisible() and app.session.principal is not None)
    who = app.session.principal
    if who is not None and who.can(Permission.VIEW_DEVICES):  # not a counsellor's
        devices = devices_of(app).pane.model
        qtbot.waitUntil(lambda: devices.rowCount() > 0)
    assert app.wait_idle()


# --- what the database recorded ----------------------------------------------------------


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


def count_reads(app: ConsoleApp) -> list[str]:
    """From now on, the label of every read job the console starts, in order."""
    read: list[str] = []
    jobs_read = app.jobs.read

    def counting(job, on_result=None, on_error=None, label=""):  # type: ignore[no-untyped-def]
        read.append(label)
        jobs_read(job, on_result, on_error, label)

    app.jobs.read = counting  # type: ignore[method-assign]
    return read
