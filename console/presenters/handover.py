"""Shift handover: the outgoing operator's report (PDF, signed audit head) and its receipt."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices

from console.handover_pdf import ChildRenderer, footer_for, report_labels, state_names
from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from core.events import ChangesAvailable
from core.handover import HandoverReport
from core.permissions import Permission, Principal
from core.timefmt import fmt_local
from data.services.handover import (
    HandoverRefused,
    HandoverResult,
    PendingHandover,
    PreparedHandover,
)
from widgets.handover import HandoverDialog, PendingHandoverDialog
from widgets.notifications import Level

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+Alt+H"  # Ctrl+Shift+H is the incident window's legal hold


def open_with_system(path: Path) -> None:
    """Open a file in the desktop's viewer (asynchronous: the viewer is its own process)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class HandoverPresenter(Presenter):
    """Console → Shift handover…, and at sign-in the handovers waiting on this workstation.

    The handover is made in a read job (checkpoint, report, PDF, file) and stored by a short
    write job (row, change_log, audit), so the writer is never held while the PDF is made.
    The PDF is made in a child process (console.handover_pdf.ChildRenderer): Qt's layout
    holds the GIL, so even a worker thread stalled the GUI (bench/handover.py).
    """

    name = "handover"
    watches = frozenset({"shift_handover"})

    def __init__(
        self,
        ctx: PresenterContext,
        checkpoints: Path | None,
        folder: Path,
        open_file: Callable[[Path], None] = open_with_system,
    ):
        super().__init__(ctx)
        self.checkpoints = checkpoints
        self.folder = folder
        self.open_file = open_file
        self.dialog: HandoverDialog | None = None
        self.pending_dialog: PendingHandoverDialog | None = None
        self.pending: list[PendingHandover] = []
        self.last: HandoverResult | None = None
        # A new number per session: what a handover made for an ended session is dropped.
        self._session = 0
        self._making = False  # a handover is being made or stored: its dialog is the one
        self.renderer = ChildRenderer()
        ctx.window.add_action(
            ActionSpec(
                "shift_handover",
                lambda: self.tr("Shift handover…"),
                "console",
                SHORTCUT,
                permission=(Permission.HANDLE_INCIDENTS, Permission.VIEW_GENERAL_INCIDENTS),
            ),
            self.open_dialog,
        )

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self._check_pending(who)

    def signed_out(self) -> None:
        self.pending = []
        for d in (self.dialog, self.pending_dialog):
            if d is not None:
                d.hide()
        self.dialog = None
        self.last = None
        self._session += 1
        self._making = False

    def on_changes(self, changes: ChangesAvailable) -> None:
        # Another workstation's user may have acknowledged it meanwhile: keep the list true,
        # but never pop a receipt up in the middle of someone's work.
        who = self.who
        dlg = self.pending_dialog
        if who is not None and dlg is not None and dlg.isVisible():
            self._check_pending(who)

    # --- the outgoing operator ------------------------------------------------------------
    def open_dialog(self) -> None:
        """Open the handover dialog and read the shift's report for it."""
        who = self.who
        if who is None:
            return
        if self.dialog is not None and (self.dialog.isVisible() or self._making):
            # Closed while its handover runs: shown again with its progress, not a second one.
            self.dialog.open()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dlg = HandoverDialog(self.ctx.window)
        dlg.sig_hand_over_requested.connect(self._on_dialog_hand_over_requested)
        dlg.sig_open_requested.connect(self._on_dialog_open_requested)
        self.ctx.dialogs.register(dlg)
        self.dialog = dlg
        dlg.open()
        handover = self.ctx.services.handover
        self.read_for(
            who,
            lambda: handover.gather(who),
            self._on_report_read,
            self.tr("Could not read the shift"),
            "handover_report",
        )

    def _on_report_read(self, report: HandoverReport) -> None:
        if self.dialog is not None:
            self.dialog.set_report(report)

    @Slot(str, str)
    def _on_dialog_hand_over_requested(self, notes: str, reason: str) -> None:
        who, dlg = self.who, self.dialog
        if who is None or dlg is None:
            return
        # Translated here, on the GUI thread; the job only formats and paints.
        labels, states = report_labels(), state_names()
        when = fmt_local(self.ctx.services.ctx.clock(), self.ctx.zone, seconds=False)

        def render(report: HandoverReport) -> bytes:
            return renderer(report, labels, states, footer_for(report, when))

        handover, renderer = self.ctx.services.handover, self.renderer
        folder, checkpoints = self.folder, self.checkpoints
        dlg.set_busy()
        self._making = True
        session = self._session
        # Made on the reader pool, stored by a short job on the writer: rendering takes
        # seconds, and every other write of the console (a P1 acknowledged) waits for the
        # writer.
        self.ctx.jobs.read(
            lambda: handover.prepare(
                who,
                notes=notes,
                reason=reason,
                folder=folder,
                checkpoints=checkpoints,
                render=render,
            ),
            lambda prepared: self._on_prepared(session, who, dlg, prepared),
            lambda exc: self._on_hand_over_failed(session, dlg, exc),
            "handover",
        )

    def _on_prepared(
        self, session: int, who: Principal, dlg: HandoverDialog, prepared: PreparedHandover
    ) -> None:
        handover = self.ctx.services.handover
        if session != self._session:
            # Signed out while the PDF was made: nothing of that session is stored.
            handover.discard(prepared)
            return
        self.ctx.jobs.write(
            lambda: handover.store(who, prepared),
            lambda result: self._on_handed_over(session, dlg, result),
            lambda exc: self._on_hand_over_failed(session, dlg, exc),
            "handover_store",
        )

    def _on_handed_over(self, session: int, dlg: HandoverDialog, result: HandoverResult) -> None:
        if session != self._session:
            return  # stored before the sign-out, told to nobody after it
        self._making = False
        self.last = result
        cp = result.report.checkpoint
        dlg.set_done(str(result.path), cp is not None and cp.signed)
        self.ctx.feedback.notify(
            Level.INFO,
            self.tr("Shift handed over; report saved as {path}").format(path=result.path),
        )

    def _on_hand_over_failed(self, session: int, dlg: HandoverDialog, exc: BaseException) -> None:
        if session != self._session:
            log.warning("a handover of a session now ended failed: %s", exc)
            return
        self._making = False
        what = self.tr("Shift handover failed")
        if isinstance(exc, HandoverRefused | ValueError):
            why = self.tr("give a reason of 4 or more characters and notes of at most 4000")
        else:
            why = self.ctx.feedback.describe(exc)
            self.ctx.feedback.report(exc, what)
        dlg.set_failed(why)

    @Slot(str)
    def _on_dialog_open_requested(self, path: str) -> None:
        self.open_file(Path(path))

    def shutdown(self) -> None:
        """A PDF still being made is abandoned (its child killed): the reader pool drains fast."""
        self.renderer.stop()

    # --- the incoming operator ------------------------------------------------------------
    def _check_pending(self, who: Principal) -> None:
        if not who.can(Permission.VIEW_GENERAL_INCIDENTS):
            return  # a counsellor's: the operators' handover lists the street's incidents
        handover = self.ctx.services.handover
        self.read_for(
            who,
            lambda: handover.pending(who),
            self._on_pending_read,
            self.tr("Could not read pending handovers"),
            "handover_pending",
        )

    def _on_pending_read(self, rows: list[PendingHandover]) -> None:
        was = {p.id for p in self.pending}
        self.pending = rows
        dlg = self.pending_dialog
        if not rows:
            if dlg is not None:
                dlg.hide()
            return
        first = rows[0]
        if dlg is None:
            dlg = PendingHandoverDialog(self.ctx.window)
            dlg.sig_open_requested.connect(self._on_pending_open_requested)
            dlg.sig_acknowledge_requested.connect(self._on_pending_acknowledge_requested)
            self.ctx.dialogs.register(dlg)
            self.pending_dialog = dlg
        dlg.show_pending(
            first.id,
            first.outgoing,
            first.created_at,
            self.ctx.zone,
            first.chain_head,
            len(rows),
            first.notes,
        )
        if first.id not in was:
            self.ctx.feedback.notify(
                Level.INFO, self.tr("Handover from {who} pending").format(who=first.outgoing)
            )
        if not dlg.isVisible():
            dlg.open()

    @Slot(int)
    def _on_pending_open_requested(self, handover_id: int) -> None:
        found = next((p for p in self.pending if p.id == handover_id), None)
        if found is None:
            return
        path = self.ctx.services.handover.pdf_path(self.folder, found)
        if not path.is_file():
            self.ctx.dialogs.inform(
                self.tr("Shift handover"),
                self.tr("The report is not on this workstation: {path}").format(path=path),
                error=True,
            )
            return
        self.open_file(path)

    @Slot(int)
    def _on_pending_acknowledge_requested(self, handover_id: int) -> None:
        who = self.who
        if who is None:
            return
        handover = self.ctx.services.handover
        self.ctx.jobs.write(
            lambda: handover.acknowledge(who, handover_id),
            lambda _none: self._on_acknowledged(who),
            self._on_acknowledge_failed,
            "handover_ack",
        )

    def _on_acknowledged(self, who: Principal) -> None:
        self.ctx.feedback.notify(Level.INFO, self.tr("Handover acknowledged"))
        if self.who == who:
            self._check_pending(who)  # the next one, if several wait

    def _on_acknowledge_failed(self, exc: BaseException) -> None:
        self.ctx.feedback.report(exc, self.tr("Could not acknowledge the handover"))
        who = self.who
        if who is not None:
            self._check_pending(who)
