"""Tools → This PC's setup (administrators only): the first-start dialog again, audited."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Slot

from console.presenters.base import Presenter, PresenterContext
from console.setup_dialog import open_dialog
from console.shell.main_window import ActionSpec
from console.station_setup import SetupStore
from core.audit import AuditAction
from core.model import RoleName
from core.permissions import Permission, Principal
from core.site import SiteSpec
from core.station_setup import StationSetup
from widgets.first_start_dialog import FirstStartDialog


def describe(setup: StationSetup) -> str:
    """The audit row's detail: what the setup says, no password."""
    db = setup.database
    where = db.server.url() if db.server is not None else (db.path or "(default file)")
    return json.dumps(
        {
            "role": setup.role.value,
            "workstation": setup.workstation,
            "database": db.kind.value,
            "where": where,
            "not_owned": list(setup.not_owned),
        },
        ensure_ascii=False,
    )


class SetupPresenter(Presenter):
    """Shown to administrators only; the change is written to the audit log before the file
    (a refused right leaves the file as it was). It applies at the next start."""

    name = "setup"

    def __init__(self, ctx: PresenterContext, site: SiteSpec | None, config_dir: Path):
        super().__init__(ctx)
        self.site = site
        self.store = SetupStore(config_dir)
        self.dialog: FirstStartDialog | None = None
        self.act_setup = ctx.window.add_action(
            ActionSpec(
                "pc_setup",
                lambda: self.tr("This PC's setup…"),
                "tools",
                permission=Permission.MANAGE_USERS,
                separator_before=True,
            ),
            self.open_setup,
        )
        self.act_setup.setVisible(False)

    def signed_in(self, who: Principal) -> None:
        self.act_setup.setVisible(self._admin(who))

    def signed_out(self) -> None:
        self.act_setup.setVisible(False)
        self._close()

    def locked(self) -> None:
        self._close()

    def shutdown(self) -> None:
        self._close()

    @staticmethod
    def _admin(who: Principal | None) -> bool:
        return who is not None and who.role is RoleName.ADMIN

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot()
    def open_setup(self) -> None:
        """The setup dialog, filled with what is saved (window-modal)."""
        if not self._admin(self.who) or self.site is None:
            return
        self._close()
        dialog, _current = open_dialog(self.site, self.store, self.ctx.window)
        self.dialog = dialog
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.open()

    @Slot()
    def _on_dialog_accepted(self) -> None:
        who, dialog = self.who, self.dialog
        if who is None or dialog is None:
            return
        setup, password = dialog.setup(), dialog.typed_password()
        store, audit = self.store, self.ctx.services.audit

        def job() -> StationSetup:
            audit.record_admin(
                who,
                AuditAction.PC_SETUP_CHANGED,
                f"workstation:{setup.workstation}",
                describe(setup),
            )
            return store.save(setup, password)

        self.ctx.jobs.write(job, self._on_saved, self._on_save_failed, "pc_setup")

    def _on_saved(self, setup: StationSetup) -> None:
        self.ctx.feedback.message(
            self.tr("This PC's setup is saved; it applies at the next start ({ws}).").format(
                ws=setup.workstation
            )
        )

    def _on_save_failed(self, exc: BaseException) -> None:
        self.ctx.feedback.report(exc, self.tr("This PC's setup was not saved"))
