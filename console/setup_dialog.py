"""The setup dialog's data and its connection test, for the first start and the admin's menu."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from console.station_setup import SetupStore, check_database, embedded_path
from core.site import SiteSpec
from core.station_setup import DbCheck, DbTarget, SetupFileError, StationSetup
from widgets.first_start_dialog import DeviceOption, FirstStartDialog, SetupForm, WorkstationOption

log = logging.getLogger(__name__)


def setup_form(
    site: SiteSpec, store: SetupStore, current: StationSetup | None, *, first_start: bool
) -> SetupForm:
    """The dialog's contents: the site's workstations and devices, and what is saved now."""
    devices = [
        *(DeviceOption(r.code, r.name, "reader", r.workstation) for r in site.readers),
        *(DeviceOption(c.code, c.name, "camera", c.workstation) for c in site.cameras),
        *(DeviceOption(d.code, d.name, d.kind, d.workstation) for d in site.devices),
    ]
    kept = current is not None and store.password(current) is not None
    return SetupForm(
        workstations=[WorkstationOption(w.code, w.name, w.community) for w in site.workstations],
        devices=devices,
        default_path=str(embedded_path("")),
        where=str(store.path),
        current=current,
        password_kept=kept,
        first_start=first_start,
    )


def db_tester(store: SetupStore, current: StationSetup | None) -> _Tester:
    """The dialog's test: the typed password, else the one kept for the same server."""
    return _Tester(store, current)


class _Tester:
    def __init__(self, store: SetupStore, current: StationSetup | None):
        self.store = store
        self.current = current

    def __call__(self, target: DbTarget, password: str) -> DbCheck:
        current = self.current
        if not password and current is not None and current.database.server == target.server:
            password = self.store.password(current) or ""
        return check_database(target, password)


def save_from(dialog: FirstStartDialog, store: SetupStore) -> StationSetup:
    """Store what the dialog holds (a password left empty keeps the stored one)."""
    return store.save(dialog.setup(), dialog.typed_password())


def open_dialog(
    site: SiteSpec, store: SetupStore, parent: QWidget | None
) -> tuple[FirstStartDialog, StationSetup | None]:
    """The same dialog for an administrator, filled with the saved setup."""
    try:
        current = store.load()
    except SetupFileError as exc:
        current = None
        log.warning("%s", exc)
    dialog = FirstStartDialog(
        setup_form(site, store, current, first_start=False),
        db_tester(store, current),
        parent,
    )
    return dialog, current
