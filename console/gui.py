"""Starting the GUI: open the database with clear error dialogs, then sign-in."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from console import excepthooks
from console.crash_log import PreviousCrash
from console.i18n import Translations
from console.paths import checkpoint_dir, key_dir
from console.setup_start import setup_again, site_for
from console.startup import EXIT_DATABASE, EXIT_SITE, check_workstation, load_site_file
from console.theme import apply_theme
from core.model import APP_NAME
from core.site import SiteError, SiteSpec
from core.timefmt import fmt_local
from widgets.login import LoginDialog
from widgets.notifications import Level

# The data layer and the console's presenters load after the sign-in window is on screen.
if TYPE_CHECKING:
    from console.app import ConsoleApp, ConsoleOptions
    from data.db import DbErrorKind

log = logging.getLogger(__name__)


def db_error_texts(kind: DbErrorKind) -> tuple[str, str]:
    """A title and a remedy for a database problem, in the UI language."""
    from data.db import DbErrorKind

    texts = {
        DbErrorKind.CORRUPT: (
            QCoreApplication.translate("Startup", "The database file is damaged"),
            QCoreApplication.translate(
                "Startup",
                "It was left untouched. Restore it from a backup, or start the console "
                "with another file.",
            ),
        ),
        DbErrorKind.LOCKED: (
            QCoreApplication.translate("Startup", "The database is in use"),
            QCoreApplication.translate(
                "Startup",
                "Another program holds the database. Close the other console or tool "
                "and start again.",
            ),
        ),
        DbErrorKind.UNREACHABLE: (
            QCoreApplication.translate("Startup", "The database cannot be reached"),
            QCoreApplication.translate(
                "Startup",
                "Check that the database server runs and the address is right, or, "
                "for a file, its path and permissions.",
            ),
        ),
        DbErrorKind.AUTH: (
            QCoreApplication.translate("Startup", "The database refused the sign-in"),
            QCoreApplication.translate(
                "Startup", "Check the user name and password in the database address."
            ),
        ),
        DbErrorKind.NEWER_SCHEMA: (
            QCoreApplication.translate("Startup", "The database is newer than this console"),
            QCoreApplication.translate(
                "Startup", "It was not changed. Install the newer console on this workstation."
            ),
        ),
        DbErrorKind.FOREIGN: (
            QCoreApplication.translate("Startup", "Not a console database"),
            QCoreApplication.translate(
                "Startup", "It was not changed. Check the database address."
            ),
        ),
        DbErrorKind.CONFIG: (
            QCoreApplication.translate("Startup", "The database setting is wrong"),
            QCoreApplication.translate(
                "Startup", "Check the --db option or the CONSOLE_DB variable."
            ),
        ),
        DbErrorKind.MIGRATION: (
            QCoreApplication.translate("Startup", "Updating the database failed"),
            QCoreApplication.translate(
                "Startup", "The update was rolled back; nothing was changed."
            ),
        ),
    }
    return texts[kind]


def make_qapp() -> QApplication:
    """The QApplication with the console's names and theme."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Street Command Console")
    app.setOrganizationName("street-command-console")
    apply_theme(app)
    return app


def options_from(args: argparse.Namespace, site: SiteSpec | None = None) -> ConsoleOptions:
    """ConsoleOptions from the parsed command line."""
    from console.app import ConsoleOptions
    from console.recorder_runtime import RecorderOptions
    from console.video_runtime import VideoOptions

    return ConsoleOptions(
        workstation=args.workstation,
        language=args.lang,
        idle_lock_minutes=args.idle_lock,
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        keys_dir=key_dir(args.keys),
        checkpoints_dir=checkpoint_dir(args.checkpoints),
        handovers_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "handovers",
        # Call recordings hold callers' voices: the user's data, beside the handovers.
        recordings_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        / "recordings"
        / "calls",
        site=site,
        # Live video; the demo's cameras are generated on first run and served over RTSP.
        video=VideoOptions(
            hwaccel=os.environ.get("CONSOLE_HWACCEL") or None,
            # The recorder of this workstation's cameras starts with the console unless asked
            # not to (a recorder service runs it); it outlives a console that crashes.
            recorder=None if args.no_recorder else RecorderOptions(),
        ),
        snapshots_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "snapshots",
        evidence_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "evidence",
    )


def show_startup_error(title: str, text: str) -> None:
    """A modal error before the main window exists; also on stderr and in the log."""
    log.error("%s: %s", title, text)
    print(f"console: error: {title}: {text}", file=sys.stderr)  # noqa: T201
    critical_box(title, text)


def critical_box(title: str, text: str) -> None:
    """A modal error box showing `text` as typed (it may quote a site file or a path)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def early_login(qapp: QApplication, site_name: str, language: str) -> LoginDialog:
    """The sign-in window, on screen before the data layer loads.

    The data layer and the presenters take most of a cold start (SQLAlchemy alone ~0.2 s); the
    operator can read the window and start typing meanwhile, and what they type is delivered
    once the console is wired to the dialog.
    """
    dlg = LoginDialog(site_name)
    dlg.set_language(language)
    dlg.show()
    dlg.username.setFocus()
    qapp.processEvents()
    QGuiApplication.sync()  # the window is mapped and painted before the loading starts
    qapp.processEvents()
    return dlg


def tell_previous_crash(app: ConsoleApp, crash: PreviousCrash) -> None:
    """The last run vanished in a native crash: the log and the notification area say so,
    with where its stacks are (for whoever maintains the console)."""
    when = fmt_local(crash.started, app.zone) if crash.started is not None else "?"
    log.error("the previous run (started %s) ended in a crash: see %s", when, crash.path)
    app.feedback.notify(
        Level.ERROR,
        QCoreApplication.translate(
            "Startup",
            "The console started at {when} stopped unexpectedly. What it was doing is in {path}: "
            "please give that file to your administrator.",
        ).format(when=when, path=crash.path),
    )


def run_gui(args: argparse.Namespace, previous_crash: PreviousCrash | None = None) -> int:
    """Open the console; returns the process exit code. `previous_crash`: the last run ended
    in a native crash (console.crash_log), said in the notification area."""
    qapp = make_qapp()
    # Startup errors are shown before the console exists: they need the language too.
    translations = Translations(qapp)
    translations.switch(args.lang)
    dlg: LoginDialog | None = None
    try:
        try:
            # A broken site file is reported before anything else happens.
            site = site_for(args, load_site_file(args.site))  # less what another PC runs
            check_workstation(site, args.workstation)
        except SiteError as exc:
            show_startup_error(
                QCoreApplication.translate("Startup", "The site file has an error"),
                QCoreApplication.translate("Startup", "Correct the site file and start again.")
                + f"\n\n{exc}",
            )
            return EXIT_SITE
        dlg = early_login(qapp, site.name, translations.language)
        from console.app import ConsoleApp
        from data.db import DatabaseError, resolve_url
        from data.migrate import open_database

        try:
            db = open_database(resolve_url(args.db))
        except DatabaseError as exc:
            dlg.hide()
            title, remedy = db_error_texts(exc.kind)
            if setup_again(args, f"{title}. {remedy}\n{exc}"):
                # A first start: the setup was corrected, start with it.
                return run_gui(args, previous_crash)
            show_startup_error(title, f"{remedy}\n\n{exc}")
            return EXIT_DATABASE
        app = ConsoleApp(qapp, db, options_from(args, site), translations=translations)
        if not app.site_name:
            dlg.hide()
            app.shutdown()
            show_startup_error(
                QCoreApplication.translate("Startup", "The console is not set up yet"),
                QCoreApplication.translate(
                    "Startup",
                    "This database holds no site and no users yet. Run `console demo` (or "
                    "`make run`) to create the demo site, or `console user add` for real accounts.",
                ),
            )
            return EXIT_DATABASE
        # From here no exception vanishes: the notification area shows it, the log keeps it.
        excepthooks.install(app.bridge, log)
        try:
            app.start(dlg)
            if previous_crash is not None:
                tell_previous_crash(app, previous_crash)
            code = qapp.exec()
        finally:
            app.shutdown()
            excepthooks.uninstall()
        return code
    finally:
        if dlg is not None and shiboken6.isValid(dlg):
            dlg.hide()
            dlg.deleteLater()
        # The translators belong to this run (tests call run_gui in one shared QApplication).
        translations.switch("en")
