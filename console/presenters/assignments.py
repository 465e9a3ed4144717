"""Dispatch and assignments: the picker, the incident window's list, the department desk."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from console.presenters.attachments import read_and_check
from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.assignments import AssignmentError, AssignmentRow, AssignmentState, Pick, Side
from core.attachments import AttachmentRefused, AttachmentRow, CheckedFile
from core.events import ChangesAvailable
from core.incidents import IncidentState
from core.model import RoleName
from core.permissions import Permission, PermissionDenied, Principal
from core.views import IncidentDetail
from data.context import STREET_WIDE
from data.services.assignments import DispatchChoice
from widgets.assignments import AssignmentDeskWidget
from widgets.attachments import refusal_text
from widgets.dispatch_picker import DispatchPickerDialog
from widgets.file_dialogs import PHOTOS, open_in
from widgets.incident_detail import IncidentDetailDialog

log = logging.getLogger(__name__)

ESCALATE_MS = 30_000  # unanswered assignments are looked for this often (and chips recoloured)


class AssignmentsPresenter(Presenter):
    """Owns the dispatch picker, the desk pane and the assignments in the incident window.

    A department user's desk lists their department's assignments and answers them; the
    control room's desk lists every open assignment in its scope and may cancel or notify
    again. Every change arrives through the change feed (table "assignment").
    """

    name = "assignments"
    watches = frozenset({"assignment"})

    def __init__(self, ctx: PresenterContext, open_incident: Callable[[int], None]):
        super().__init__(ctx)
        self.open_incident = open_incident
        # After a dispatch from the picker (wiring.py: the incident window's note is used up).
        self.after_dispatch: Callable[[int], None] = open_incident
        self.desk = AssignmentDeskWidget(ctx.zone)
        self.desk.sig_step_requested.connect(self._on_desk_step_requested)
        self.desk.sig_incident_activated.connect(self._on_incident_activated)
        self.desk.sig_photo_requested.connect(self._on_photo_requested)
        # Asks for a photo file and calls back with it (replaced in tests).
        self.ask_photo: Callable[[QWidget, Callable[[Path], None]], None] = self._ask_photo
        self.picker: DispatchPickerDialog | None = None
        self.window: IncidentDetailDialog | None = None  # the incident window, once shown
        self._window_incident: int | None = None
        self._window_community: str | None = None
        self._window_open = True  # the incident shown is neither resolved nor closed
        self._loading = False
        ctx.window.add_pane(
            PaneSpec(
                "assignments",
                self._title,
                self.desk,
                Area.BOTTOM_RIGHT,
                order=75,
                shortcut="Ctrl+8",
            )
        )
        self.timer = QTimer(self)
        self.timer.setInterval(ESCALATE_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def _title(self) -> str:
        who = self.who
        if who is not None and who.role is RoleName.DEPARTMENT:
            return self.tr("My assignments")
        return self.tr("Assignments")

    def _side(self, who: Principal) -> Side:
        return Side.DEPARTMENT if who.role is RoleName.DEPARTMENT else Side.CONTROL

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        side = self._side(who)
        heading = (
            self.tr("Your department's assignments: unanswered first")
            if side is Side.DEPARTMENT
            else self.tr("Every open assignment: unanswered and overdue first")
        )
        self.desk.set_side(side, heading)
        self.ctx.window.panes["assignments"].dock.setWindowTitle(self._title())
        if side is Side.DEPARTMENT:
            self.ctx.window.show_pane("assignments")  # the desk is their work
        self.timer.start()
        self.reload()

    def signed_out(self) -> None:
        self.timer.stop()
        self.desk.clear()
        self._window_incident = None
        if self.picker is not None:
            self.picker.reject()

    def shutdown(self) -> None:
        self.timer.stop()

    def reload(self) -> None:
        who = self.who
        if who is None or self._loading:
            return
        svc = self.ctx.services.assignments
        if self._side(who) is Side.DEPARTMENT:
            job: Callable[[], list[AssignmentRow]] = lambda: svc.mine(who)  # noqa: E731
        elif who.can(Permission.VIEW_INCIDENTS):
            job = lambda: svc.open_all(who)  # noqa: E731
        else:
            return
        self._loading = True

        def done(rows: list[AssignmentRow]) -> None:
            self._loading = False
            self.desk.set_rows(rows)

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.ctx.feedback.report(exc, self.tr("Could not load the assignments"))

        self.ctx.jobs.read(job, done, failed, "assignments")
        self._reload_window()

    def on_changes(self, changes: ChangesAvailable) -> None:
        ids = changes.ids("assignment")
        who = self.who
        if who is None:
            return
        if ids is None:
            self.reload()
            return
        svc = self.ctx.services.assignments
        side = self._side(who)

        def merge(rows: list[AssignmentRow]) -> None:
            if self.who != who:
                return
            keep = rows if side is Side.DEPARTMENT else [r for r in rows if r.open]
            kept = {r.id for r in keep}
            self.desk.upsert(keep, gone=[i for i in ids if i not in kept])

        self.read_for(
            who, lambda: svc.by_ids(who, ids), merge, self.tr("Could not load the assignments")
        )
        self._reload_window()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.desk.model.refresh_column("state")  # unanswered ones turn red as time passes
        if self.window is not None and self.window.isVisible():
            self.window.assignments.model.refresh_column("state")
        who = self.who
        if who is None or not who.can(Permission.HANDLE_INCIDENTS) or self.ctx.session.locked:
            return
        svc = self.ctx.services.assignments
        # Any control-room console may find them; the service records each once.
        self.ctx.jobs.write(
            svc.escalate_due,
            self._on_escalated,
            lambda exc: log.warning("escalation check failed: %s", exc),
            "escalate_assignments",
        )

    def _on_escalated(self, ids: list[int]) -> None:
        if ids:
            self.ctx.feedback.message(
                self.tr("{n} assignment(s) unanswered past their time").format(n=len(ids))
            )

    # --- the incident window ---------------------------------------------------------------
    def show_in(self, window: IncidentDetailDialog, detail: IncidentDetail) -> None:
        """The incident window shows `detail`: load its assignments into it."""
        if self.window is not window:
            self.window = window
            window.assignments.sig_step_requested.connect(self._on_window_step_requested)
        self._window_incident = detail.row.id
        self._window_community = detail.row.community
        # A resolved or closed incident needs nobody: no notify-again from its window.
        self._window_open = detail.row.state not in (IncidentState.RESOLVED, IncidentState.CLOSED)
        window.assignments.set_incident_open(self._window_open)
        self._reload_window()

    def _reload_window(self) -> None:
        who, iid, window = self.who, self._window_incident, self.window
        if who is None or iid is None or window is None:
            return
        svc = self.ctx.services.assignments

        def show(rows: list[AssignmentRow]) -> None:
            if window.incident_id == iid:
                community = self._window_community
                can = who.can(Permission.HANDLE_INCIDENTS, community or STREET_WIDE)
                window.assignments.set_rows(iid, rows, can, self._window_open)

        self.read_for(
            who, lambda: svc.for_incident(who, iid), show, self.tr("Could not load assignments")
        )

    @Slot(int, str, str, int)
    def _on_window_step_requested(self, aid: int, step: str, note: str, version: int) -> None:
        self._step(aid, AssignmentState(step), note, version, Side.CONTROL)

    # --- the picker -------------------------------------------------------------------------
    def open_picker(self, incident_id: int, note: str = "") -> None:
        """Load what may be dispatched to for an incident, and show the picker."""
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.assignments
        self.read_for(
            who,
            lambda: svc.choices(who, incident_id),
            lambda choice: self._show_picker(choice, note),
            self.tr("Could not open the dispatch picker"),
            "dispatch_choices",
        )

    def _show_picker(self, choice: DispatchChoice, note: str) -> None:
        if self.ctx.session.locked:
            return
        if self.picker is None:
            self.picker = DispatchPickerDialog(self.window or self.ctx.window)
            self.picker.sig_dispatch_requested.connect(self._on_dispatch_requested)
            self.ctx.dialogs.register(self.picker)
        self.picker.set_choices(choice.incident_id, choice.title, choice.targets, choice.routed)
        if note:
            self.picker.note.setText(note)
        self.picker.show()
        self.picker.raise_()
        self.picker.activateWindow()

    @Slot(int, list, str)
    def _on_dispatch_requested(self, incident_id: int, picks: list[Pick], note: str) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.assignments
        self.ctx.jobs.write(
            lambda: svc.dispatch(who, incident_id, picks, note),
            lambda ids: self._on_dispatched(incident_id, ids),
            self._on_dispatch_failed,
            "dispatch",
        )

    def _on_dispatched(self, incident_id: int, ids: list[int]) -> None:
        if self.picker is not None:
            self.picker.accept()
        self.ctx.feedback.message(self.tr("#{id}: {n} notified").format(id=incident_id, n=len(ids)))
        self.after_dispatch(incident_id)  # the window shows the new state and assignments

    def _on_dispatch_failed(self, exc: BaseException) -> None:
        log.info("dispatch refused: %s", exc)
        if self.picker is not None:
            self.picker.show_error(self._describe(exc))

    # --- the desk ---------------------------------------------------------------------------
    @Slot(int, str, str, int)
    def _on_desk_step_requested(self, aid: int, step: str, note: str, version: int) -> None:
        self._step(aid, AssignmentState(step), note, version, self.desk.side)

    @Slot(int)
    def _on_incident_activated(self, incident_id: int) -> None:
        self.open_incident(incident_id)

    # --- a photo of the work ----------------------------------------------------------------
    @Slot(int)
    def _on_photo_requested(self, incident_id: int) -> None:
        self.ask_photo(self.desk, lambda path: self.attach_photo(incident_id, path))

    def _ask_photo(self, parent: QWidget, done: Callable[[Path], None]) -> None:
        dlg = open_in(QFileDialog(parent, self.tr("A photo of the work")), PHOTOS)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.setNameFilter(self.tr("Photos (*.jpg *.jpeg *.png *.webp)"))
        dlg.fileSelected.connect(lambda p: done(Path(p)))
        dlg.finished.connect(dlg.deleteLater)
        self.ctx.dialogs.register(dlg)  # hidden by the lock screen and at sign-out
        dlg.open()

    def attach_photo(self, incident_id: int, path: Path) -> None:
        """Read and check the file off the GUI thread, then store it with the incident."""
        who = self.who
        if who is None:
            return

        def store(checked: tuple[CheckedFile, bytes]) -> None:
            if self.who is None:
                return  # signed out meanwhile
            name, data = checked[0].name, checked[1]
            self.ctx.jobs.write(
                lambda: self.ctx.services.attachments.add(who, incident_id, name, data),
                self._on_photo_added,
                self._on_photo_failed,
                "assignment_photo",
            )

        self.ctx.jobs.read(lambda: read_and_check(path), store, self._on_photo_failed, "photo")

    def _on_photo_added(self, row: AttachmentRow) -> None:
        self.desk.photo_added(row.name)

    def _on_photo_failed(self, exc: BaseException) -> None:
        log.info("photo not attached: %s", exc)
        if isinstance(exc, AttachmentRefused):
            self.desk.show_error(refusal_text(exc))
        elif isinstance(exc, PermissionDenied):
            self.desk.show_error(
                self.tr("Only a department that took the work on may add its photos.")
            )
        else:
            self.desk.show_error(self.ctx.feedback.describe(exc))

    def _step(self, aid: int, step: AssignmentState, note: str, version: int, side: Side) -> None:
        who = self.who
        if who is None:
            return
        svc = self.ctx.services.assignments
        act = svc.respond if side is Side.DEPARTMENT else svc.control
        self.ctx.jobs.write(
            lambda: act(who, aid, step, note, version),
            lambda _r: self._on_step_done(side),
            lambda exc: self._on_step_failed(exc, side),
            "assignment_step",
        )

    def _on_step_done(self, side: Side) -> None:
        self.desk.step_done()

    def _on_step_failed(self, exc: BaseException, side: Side) -> None:
        log.info("assignment step refused: %s", exc)
        text = self._describe(exc)
        if self.window is not None and self.window.isVisible() and side is Side.CONTROL:
            self.window.assignments.status.setText(text)
        self.desk.show_error(text)

    def _describe(self, exc: BaseException) -> str:
        if isinstance(exc, AssignmentError):
            return self.tr(
                "Not saved: the assignment has changed meanwhile, the step is not allowed "
                "now, or its note or reason is missing."
            )
        if isinstance(exc, PermissionDenied):
            return self.tr("Only the department the assignment is for may answer it.")
        return self.ctx.feedback.describe(exc)
