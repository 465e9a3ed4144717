"""The audit capability: checking the audit log, and signing periodic checkpoints of it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer, Slot

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from core.audit import ChainReport
from core.checkpoint import PUBLIC_KEY_FILE, CheckpointReason, SignedCheckpoint
from core.permissions import Permission, Principal
from data.checkpoints import AuditVerdict
from widgets.notifications import Level

log = logging.getLogger(__name__)


class AuditPresenter(Presenter):
    """Tools → Verify audit log (auditors only; the service checks again), and checkpoints.

    With a checkpoint folder, a timer signs the chain head every `checkpoint_minutes` on the
    reader pool, on workstations that hold the site's private audit key; failures reach the
    notification area.
    """

    name = "audit"

    def __init__(
        self,
        ctx: PresenterContext,
        checkpoints: Path | None = None,
        checkpoint_minutes: float = 60.0,
    ):
        super().__init__(ctx)
        self.checkpoints = checkpoints
        self._checkpoint_running = False
        ctx.window.add_action(
            ActionSpec(
                "verify_audit",
                lambda: self.tr("Verify audit log"),
                "tools",
                permission=Permission.VIEW_AUDIT,
            ),
            self.verify,
        )
        self.checkpoint_timer = QTimer(self)
        self.checkpoint_timer.timeout.connect(self._on_checkpoint_timer_timeout)
        if checkpoints is not None and checkpoint_minutes > 0:
            self.checkpoint_timer.start(max(1, round(checkpoint_minutes * 60_000)))
        # One at the first sign-in too (the database has answered by then): a chain checked in
        # the first hour is anchored, not only self-consistent, and the rows written since
        # the last run are covered at once.
        self._signed_once = False

    def signed_in(self, who: Principal) -> None:
        super().signed_in(who)
        if not self._signed_once and self.checkpoint_timer.isActive():
            self._signed_once = True
            self.take_checkpoint(CheckpointReason.PERIODIC)

    def verify(self) -> None:
        """Check the whole chain (and the checkpoints, if any) off the GUI thread."""
        who = self.who
        if who is None:
            return
        audit = self.ctx.services.audit
        self.ctx.feedback.message(self.tr("Verifying the audit log…"), 0)
        what = self.tr("Audit check failed")
        folder = self.checkpoints
        if folder is None:
            self.read_for(who, lambda: audit.verify(who), self._on_verified, what)
        else:
            self.read_for(
                who, lambda: audit.verify_anchored(who, folder), self._on_verified_anchored, what
            )

    def _on_verified(self, report: ChainReport) -> None:
        self.ctx.window.clear_message()
        if report.ok:
            self._tell_intact(report.rows, None)
        else:
            first = report.breaks[0]
            text = self.tr("AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}").format(
                n=len(report.breaks), row=first.row_id, why=first.reason
            )
            self._tell_tampered(text)

    def _on_verified_anchored(self, verdict: AuditVerdict) -> None:
        self.ctx.window.clear_message()
        if verdict.ok:
            self._tell_intact(verdict.chain.rows, self._unanchored(verdict))
        else:
            problems = verdict.problems()
            text = self.tr("AUDIT LOG TAMPERED: {n} problems; the first: {why}").format(
                n=len(problems), why=problems[0]
            )
            self._tell_tampered(text)

    def _tell_intact(self, rows: int, warning: str | None) -> None:
        text = self.tr("Audit log intact: {n} rows, chain verified.").format(n=rows)
        if warning is not None:
            text += " " + self.tr("Not anchored by a signed checkpoint: {why}").format(why=warning)
        self.ctx.feedback.notify(Level.INFO if warning is None else Level.WARNING, text)
        self.ctx.dialogs.inform(self.tr("Verify audit log"), text)

    def _unanchored(self, verdict: AuditVerdict) -> str | None:
        """Why a sound chain is only self-consistent, in the UI's language (None: anchored).

        The two cases are common and read by supervisors; a tampered log's reasons stay the
        command line's English, as the chain's own are.
        """
        if verdict.warning() is None:
            return None
        anchors = verdict.anchors
        if anchors.files == 0:
            return self.tr(
                "there is no checkpoint in {folder} yet, so whoever can write the database could "
                "rewrite the log unnoticed. A console whose workstation holds the signing key "
                "signs one at its first sign-in and every hour; `console audit checkpoint` "
                "signs one now."
            ).format(folder=anchors.folder)
        return self.tr(
            "this workstation has no public key to check the {n} checkpoints in {folder} "
            "(copy the site's {key} into its key folder)."
        ).format(n=anchors.files, folder=anchors.folder, key=PUBLIC_KEY_FILE)

    def _tell_tampered(self, text: str) -> None:
        self.ctx.feedback.notify(Level.ERROR, text)
        self.ctx.dialogs.inform(self.tr("Verify audit log"), text, error=True)

    # --- periodic checkpoints ---------------------------------------------------------------
    @Slot()
    def _on_checkpoint_timer_timeout(self) -> None:
        self.take_checkpoint(CheckpointReason.PERIODIC)

    def take_checkpoint(self, reason: CheckpointReason) -> bool:
        """Sign the chain head off the GUI thread; False when this workstation cannot sign.

        Most workstations hold only the public key (or none): for them this is a no-op, not
        an error, every time the timer fires.
        """
        folder = self.checkpoints
        audit = self.ctx.services.audit
        if folder is None or self._checkpoint_running or not audit.can_sign():
            return False
        self._checkpoint_running = True
        self.ctx.jobs.read(
            lambda: audit.checkpoint(folder, reason),
            self._on_checkpoint_written,
            self._on_checkpoint_failed,
            "audit checkpoint",
        )
        return True

    def _on_checkpoint_written(self, result: tuple[Path, SignedCheckpoint]) -> None:
        self._checkpoint_running = False
        path, signed = result
        log.info("audit checkpoint written: %s (%d rows)", path, signed.checkpoint.rows)

    def _on_checkpoint_failed(self, exc: BaseException) -> None:
        self._checkpoint_running = False
        self.ctx.feedback.report(exc, self.tr("Audit checkpoint failed"))

    def shutdown(self) -> None:
        """No checkpoint starts once the console is closing."""
        self.checkpoint_timer.stop()
