"""The audit capability: checking the hash chain of the audit log from the console."""

from __future__ import annotations

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from core.audit import ChainReport
from core.permissions import Permission
from widgets.notifications import Level


class AuditPresenter(Presenter):
    """Tools → Verify audit log (auditors only; the service checks again)."""

    name = "audit"

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx)
        ctx.window.add_action(
            ActionSpec(
                "verify_audit",
                lambda: self.tr("Verify audit log"),
                "tools",
                permission=Permission.VIEW_AUDIT,
            ),
            self.verify,
        )

    def verify(self) -> None:
        """Check the whole chain off the GUI thread and say what was found."""
        who = self.who
        if who is None:
            return
        audit = self.ctx.services.audit
        self.ctx.feedback.message(self.tr("Verifying the audit log…"), 0)
        self.read_for(
            who, lambda: audit.verify(who), self._on_verified, self.tr("Audit check failed")
        )

    def _on_verified(self, report: ChainReport) -> None:
        self.ctx.window.clear_message()
        if report.ok:
            text = self.tr("Audit log intact: {n} rows, chain verified.").format(n=report.rows)
            self.ctx.feedback.notify(Level.INFO, text)
            self.ctx.dialogs.inform(self.tr("Verify audit log"), text)
        else:
            first = report.breaks[0]
            text = self.tr("AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}").format(
                n=len(report.breaks), row=first.row_id, why=first.reason
            )
            self.ctx.feedback.notify(Level.ERROR, text)
            self.ctx.dialogs.inform(self.tr("Verify audit log"), text, error=True)
