"""The setup dialog at a first start (or `--setup`), before the database is opened."""

from __future__ import annotations

import argparse
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from console.setup_dialog import db_tester, save_from, setup_form
from console.station_setup import SetupStore
from core.site import SiteError
from core.station_setup import SetupFileError, StationSetup
from widgets.first_start_dialog import FirstStartDialog

log = logging.getLogger(__name__)


def run_first_start(
    args: argparse.Namespace, store: SetupStore, problem: str = ""
) -> StationSetup | None:
    """Ask for this PC's setup until it is saved; None if the user gave up (Cancel)."""
    from console.gui import critical_box, make_qapp
    from console.i18n import Translations
    from console.startup import load_site_file

    qapp = make_qapp()
    translations = Translations(qapp)
    translations.switch(args.lang)
    try:
        try:
            site = load_site_file(args.site)
        except SiteError:
            return None  # reported by the start itself, with the site file's own words
        try:
            current = store.load()
        except SetupFileError as exc:
            current, problem = None, problem or str(exc)
        dialog = FirstStartDialog(
            setup_form(site, store, current, first_start=True),
            db_tester(store, current),
        )
        dialog.show_problem(problem)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return save_from(dialog, store)
            except OSError as exc:
                # The values stay in the dialog; it is offered again.
                critical_box(
                    QCoreApplication.translate("Startup", "The setup could not be saved"),
                    f"{store.path}: {exc}",
                )
        return None
    finally:
        translations.switch("en")
