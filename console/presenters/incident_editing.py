"""The incident window's edit, conflict and legal-hold flows, for the incidents presenter."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Slot

from console.presenters.base import PresenterContext
from core.incident_edit import ConflictInfo, IncidentChanges, IncidentConflict
from core.incidents import IncidentState, TransitionError
from core.permissions import Permission, PermissionDenied, Principal
from core.views import IncidentDetail, IncidentRow, IncidentTypeRow
from data.context import STREET_WIDE
from widgets import labels
from widgets.incident_detail import IncidentDetailDialog
from widgets.incident_edit import (
    ConflictDialog,
    ConflictLine,
    HoldReasonDialog,
    IncidentEditDialog,
)

log = logging.getLogger(__name__)


def is_refusal(exc: BaseException) -> bool:
    """A refusal by the rules (nothing to retry), as opposed to a failure to reach the data."""
    return isinstance(exc, PermissionDenied | TransitionError | LookupError | ValueError)


class IncidentEditing(QObject):
    """Edit (F2), the conflict of two saves, and the legal hold of the incident shown.

    Every method runs on the GUI thread; the writes run as jobs on the writer.
    """

    def __init__(
        self,
        ctx: PresenterContext,
        reopen: Callable[[int], None],
        refresh: Callable[[frozenset[int]], None],
    ):
        super().__init__(ctx.window)
        self.ctx = ctx
        self._reopen = reopen  # re-read the incident and show it in the incident window
        self._refresh = refresh  # re-read queue rows (and the window, if it shows them)
        self.window: IncidentDetailDialog | None = None
        self.edit_dialog: IncidentEditDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.hold_dialog: HoldReasonDialog | None = None
        self._shown: IncidentDetail | None = None
        self._types: list[IncidentTypeRow] = []

    def attach(self, window: IncidentDetailDialog) -> None:
        """Hook into the incident window once it exists."""
        self.window = window
        window.edit_controls.sig_edit_requested.connect(self.edit)
        window.edit_controls.sig_hold_requested.connect(self.ask_hold)
        window.sig_close_with_note_requested.connect(self._on_close_with_note_requested)

    def show(
        self, detail: IncidentDetail, who: Principal, types: Sequence[IncidentTypeRow]
    ) -> None:
        """The incident window shows `detail`: offer what `who` may do with it."""
        self._shown, self._types = detail, list(types)
        scope = detail.row.community or STREET_WIDE
        if self.window is not None:
            self.window.edit_controls.set_state(
                can_edit=who.can(Permission.HANDLE_INCIDENTS, scope)
                and detail.row.state is not IncidentState.CLOSED,
                # The service lets reviewers set and lift holds; nobody else sees the button.
                can_hold=who.can(Permission.REVIEW_INCIDENTS, scope),
                held=detail.legal_hold,
            )

    def close_all(self) -> None:
        """Signed out: nothing typed for one user stays for the next."""
        for dlg in (self.edit_dialog, self.conflict_dialog, self.hold_dialog):
            if dlg is not None:
                dlg.reject()
        self._shown = None

    # --- edit -------------------------------------------------------------------------------
    @Slot()
    def edit(self) -> None:
        """Open the edit form for the incident shown (F2)."""
        shown = self._shown
        if shown is None or self.ctx.session.principal is None:
            return
        if self.edit_dialog is not None:
            self.edit_dialog.raise_()
            self.edit_dialog.activateWindow()
            return
        dlg = IncidentEditDialog(self.window or self.ctx.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.set_incident(shown.row, self._types)
        dlg.retranslate()
        dlg.sig_save_requested.connect(self._on_save_requested)
        dlg.finished.connect(self._on_edit_finished)
        self.ctx.dialogs.register(dlg)
        self.edit_dialog = dlg
        dlg.open()

    @Slot(int)
    def _on_edit_finished(self, _result: int) -> None:
        self.edit_dialog = None

    @Slot(object)
    def _on_save_requested(self, changes: IncidentChanges) -> None:
        who, dlg = self.ctx.session.principal, self.edit_dialog
        if who is None or dlg is None or dlg.row is None:
            return
        row = dlg.row
        incidents = self.ctx.services.incidents
        self.ctx.jobs.write(
            lambda: incidents.edit(who, row.id, row.version, changes),
            lambda _v: self._on_saved(row.id),
            lambda exc: self._on_save_failed(row, changes, exc),
            "edit_incident",
        )

    def _on_saved(self, incident_id: int) -> None:
        if self.edit_dialog is not None:
            self.edit_dialog.accept()
        self._refresh(frozenset({incident_id}))  # the window shows the new timeline lines

    def _on_save_failed(self, row: IncidentRow, mine: IncidentChanges, exc: BaseException) -> None:
        dlg = self.edit_dialog
        if isinstance(exc, IncidentConflict):
            self.show_conflict(exc.info, self._lines(row, exc.info.current, mine), reapply=True)
            if dlg is not None:
                dlg.show_error(self._why(exc))
            return
        if is_refusal(exc):
            log.info("edit refused: %s", exc)
        else:
            log.error("edit failed: %s", exc, exc_info=exc)
        if dlg is not None:
            dlg.show_error(self._why(exc))

    def _why(self, exc: BaseException) -> str:
        if isinstance(exc, IncidentConflict):
            return self.tr("Not saved: another workstation changed it first.")
        why = self.ctx.feedback.describe(exc)
        if is_refusal(exc):
            return why
        # The database was away (or failed): what was typed stays; saving again sends it.
        return self.tr(
            "{why} Everything typed is kept: save again once the database is back."
        ).format(why=why)

    def _lines(
        self, shown: IncidentRow, current: IncidentRow, mine: IncidentChanges
    ) -> list[ConflictLine]:
        names = {t.code: t.name for t in self._types}

        def kind(code: str | None) -> str:
            return names.get(code or "", code or "—")

        lines = []
        if mine.priority is not None:
            lines.append(
                ConflictLine(
                    self.tr("Priority"),
                    labels.priority(shown.priority),
                    labels.priority(current.priority),
                    labels.priority(mine.priority),
                )
            )
        if mine.type_code is not None:
            lines.append(
                ConflictLine(
                    self.tr("Type"),
                    kind(shown.type_code),
                    kind(current.type_code),
                    kind(mine.type_code),
                )
            )
        if mine.location is not None:
            lines.append(
                ConflictLine(
                    self.tr("Location"),
                    shown.location or "—",
                    current.location or "—",
                    mine.location or "—",
                )
            )
        if mine.title is not None:
            lines.append(ConflictLine(self.tr("Title"), shown.title, current.title, mine.title))
        return lines

    # --- conflicts --------------------------------------------------------------------------
    def show_conflict(
        self, info: ConflictInfo, lines: Sequence[ConflictLine] = (), *, reapply: bool = False
    ) -> None:
        """Say who saved first and what; the user reloads or, for an edit, re-applies."""
        if self.conflict_dialog is not None:
            self.conflict_dialog.reject()
        dlg = ConflictDialog(self.ctx.zone, self.edit_dialog or self.window or self.ctx.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.set_conflict(info, lines, can_reapply=reapply and self.edit_dialog is not None)
        dlg.sig_reload_requested.connect(lambda: self._on_reload(info))
        dlg.sig_reapply_requested.connect(lambda: self._on_reapply(info))
        dlg.finished.connect(self._on_conflict_finished)
        self.ctx.dialogs.register(dlg)
        self.conflict_dialog = dlg
        dlg.open()

    @Slot(int)
    def _on_conflict_finished(self, _result: int) -> None:
        self.conflict_dialog = None

    def _on_reload(self, info: ConflictInfo) -> None:
        if self.edit_dialog is not None:
            self.edit_dialog.reject()  # the user chose theirs: the form is dropped
        self._reopen(info.incident_id)

    def _on_reapply(self, info: ConflictInfo) -> None:
        dlg = self.edit_dialog
        self._reopen(info.incident_id)
        if dlg is None:
            return
        # Against the version the conflict showed: should a third save come first, it is
        # refused again rather than overwritten.
        dlg.rebase(info.current)
        changes = dlg.value()
        if changes.empty:
            dlg.accept()  # theirs already says what mine said
            return
        self._on_save_requested(changes)

    # --- legal hold -------------------------------------------------------------------------
    @Slot(bool)
    def ask_hold(self, hold: bool) -> None:
        """Ask the reason for setting or lifting a hold; lifting is confirmed once more."""
        shown = self._shown
        if shown is None or self.hold_dialog is not None:
            return
        dlg = HoldReasonDialog(hold, self.window or self.ctx.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.sig_reason_given.connect(
            lambda h, reason: self._on_hold_reason(shown.row.id, h, reason)
        )
        dlg.finished.connect(self._on_hold_finished)
        self.ctx.dialogs.register(dlg)
        self.hold_dialog = dlg
        dlg.open()

    @Slot(int)
    def _on_hold_finished(self, _result: int) -> None:
        self.hold_dialog = None

    def _on_hold_reason(self, incident_id: int, hold: bool, reason: str) -> None:
        if hold:
            self._hold(incident_id, True, reason)
            return
        # Lifting exposes the incident to the retention job again: asked once more.
        self.ctx.dialogs.confirm(
            self.tr("Lift legal hold"),
            self.tr(
                "Lift the legal hold on #{id}? Once closed long enough, the retention job "
                "anonymises it."
            ).format(id=incident_id),
            lambda: self._hold(incident_id, False, reason),
        )

    def _hold(self, incident_id: int, hold: bool, reason: str) -> None:
        who = self.ctx.session.principal
        if who is None:
            return
        incidents = self.ctx.services.incidents
        self.ctx.jobs.write(
            lambda: incidents.set_legal_hold(who, incident_id, hold, reason),
            lambda _r: self._refresh(frozenset({incident_id})),
            self._on_hold_failed,
            "legal_hold",
        )

    def _on_hold_failed(self, exc: BaseException) -> None:
        what = self.tr("Could not change the legal hold")
        self.ctx.feedback.report(exc, what)
        if self.window is not None:
            self.window.show_error(f"{what}: {self.ctx.feedback.describe(exc)}")

    # --- closing with a note typed ----------------------------------------------------------
    @Slot()
    def _on_close_with_note_requested(self) -> None:
        window = self.window
        if window is None:
            return
        self.ctx.dialogs.confirm(
            self.tr("Close incident window"),
            self.tr("The note you typed has not been saved. Close and drop it?"),
            window.discard_and_close,
        )

    def describe_step_failure(self, exc: BaseException) -> str:
        """The incident window's line for a failed step (the note stays in its box)."""
        return self._why(exc)
