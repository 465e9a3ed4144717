"""The incident capability: the queue pane, manual entry, the incident window and its steps."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Slot

from console.attention_sound import AttentionSound
from console.presenters.attachments import AttachmentsController
from console.presenters.base import Presenter, PresenterContext
from console.presenters.incident_duplicates import IncidentDuplicates
from console.presenters.incident_editing import IncidentEditing
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.assignments import NOT_ARRIVED_STATES, AssignmentRow
from core.events import ChangesAvailable
from core.incident_edit import IncidentConflict
from core.incidents import (
    IncidentState,
    QueueView,
    TransitionError,
    allowed_targets,
    needs_attention,
    required_permission,
)
from core.model import Priority
from core.permissions import Permission, PermissionDenied, Principal
from core.views import (
    CommunityRow,
    IncidentDetail,
    IncidentRow,
    IncidentTypeRow,
    in_view,
    queue_key,
)
from data.context import STREET_WIDE
from data.exports import ExportResult, export_incidents
from data.services.incidents import QueuePage
from widgets import labels
from widgets.export_dialog import ExportDialog, ExportRequest
from widgets.file_dialogs import SAVED
from widgets.file_dialogs import suggested as in_folder
from widgets.incident_detail import IncidentDetailDialog
from widgets.incident_dialog import NewIncident, NewIncidentDialog
from widgets.incident_queue import IncidentQueueWidget

log = logging.getLogger(__name__)

PAGE = 200  # open incidents read at a time; more as the operator scrolls
VIEW_PREF = "queue_view"
REALERT_MS = 30_000  # an unacknowledged P1/P2 asks for attention again this often
OpenCounts = dict[tuple[Priority, IncidentState], int]


class IncidentsPresenter(Presenter):
    """Owns the queue and the incident dialogs; reloads only the incidents that changed."""

    name = "incidents"
    watches = frozenset({"incident", "community"})

    def __init__(self, ctx: PresenterContext, sound: AttentionSound | None = None):
        super().__init__(ctx)
        self.sound = sound  # rings each announcement and reminder of a new P1/P2
        self.queue = IncidentQueueWidget(ctx.zone)
        self.queue.sig_incident_activated.connect(self.open_incident)
        self.queue.model.sig_more_requested.connect(self._on_more_requested)
        self.queue.sig_view_changed.connect(self._on_view_changed)
        self._more = False  # open incidents follow the last row loaded
        # New P1/P2 already announced; the alert repeats while any is unacknowledged.
        self._alerted: set[int] = set()
        self._realert = QTimer(self)
        self._realert.setInterval(REALERT_MS)
        self._realert.timeout.connect(self._on_realert_timeout)
        ctx.window.add_pane(
            PaneSpec(
                "incidents",
                lambda: self.tr("Incident queue"),
                self.queue,
                # Where the operator's eyes rest: the top left, the largest area.
                Area.TOP_LEFT,
                order=40,
                shortcut="Ctrl+4",
            )
        )
        self.act_new = ctx.window.add_action(
            ActionSpec(
                "new_incident",
                lambda: self.tr("New incident…"),
                "incidents",
                "Ctrl+N",
                toolbar=True,
                permission=(Permission.HANDLE_INCIDENTS, Permission.VIEW_GENERAL_INCIDENTS),
            ),
            self.edit_new_incident,
        )
        self.act_acknowledge = ctx.window.add_action(
            ActionSpec(
                "acknowledge",
                lambda: self.tr("Acknowledge"),
                "incidents",
                "Ctrl+K",
                toolbar=True,
                permission=Permission.HANDLE_INCIDENTS,
            ),
            self._on_acknowledge_triggered,
        )
        # Roles with VIEW_RESIDENT_PII are those the export policy lets export (core.personal);
        # the export itself checks the policy again.
        self.act_export = ctx.window.add_action(
            ActionSpec(
                "export_incidents",
                lambda: self.tr("Export…"),
                "incidents",
                "Ctrl+Shift+E",
                permission=Permission.VIEW_RESIDENT_PII,
            ),
            self.ask_export,
        )
        self.export_dialog: ExportDialog | None = None
        self.communities: list[CommunityRow] = []
        self.types: dict[str, IncidentTypeRow] = {}
        self.entry_dialog: NewIncidentDialog | None = None
        self.detail_dialog: IncidentDetailDialog | None = None
        self._draft_on_lock: NewIncident | None = None
        self._shown: IncidentDetail | None = None  # the incident in the incident window
        self._wanted_incident: int | None = None  # the one the user opened last
        # Edit (F2), conflicts of two saves, legal hold: console/presenters/incident_editing.py
        self.editing = IncidentEditing(ctx, self.open_incident, self.refresh_rows)
        # Duplicates, merging, templates, the caller's resident: incident_duplicates.py
        self.duplicates = IncidentDuplicates(ctx, self.open_incident, self.refresh_rows)
        # Files of the incident shown: console/presenters/attachments.py
        self.attachments = AttachmentsController(ctx, lambda i: self.refresh_rows(frozenset({i})))
        # Dispatch and the window's assignments (console/presenters/assignments.py, wired
        # by console/app.py): the Dispatch step opens the picker instead of a bare step.
        self.dispatch_hook: Callable[[int, str], None] | None = None
        self.detail_hook: Callable[[IncidentDetailDialog, IncidentDetail], None] | None = None
        self._loading = False
        self._load_again = False

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        # The view this user last chose on this workstation.
        saved = self.ctx.prefs.preference(who.username, VIEW_PREF, QueueView.OPEN.value)
        view = QueueView(saved) if saved in {v.value for v in QueueView} else QueueView.OPEN
        self.queue.views.blockSignals(True)
        self.queue.set_view(view)
        self.queue.views.blockSignals(False)
        self.queue.set_risk_alerts_only(not who.can(Permission.VIEW_GENERAL_INCIDENTS))
        self.reload()

    def _attend(self, changed: Sequence[IncidentRow] = ()) -> None:
        """Announce each new P1/P2 once; keep reminding while any waits to be acknowledged.

        `changed` are rows just re-read by id: a new P1 behind older ones may sort past the
        loaded page, and it must be announced all the same.
        """
        candidates = [*self.queue.rows(), *changed]
        waiting = {r.id: r for r in candidates if needs_attention(r.priority, r.state)}
        self._alerted -= {r.id for r in candidates if r.id not in waiting}
        fresh = [r for i, r in waiting.items() if i not in self._alerted]
        if fresh:
            self._alerted |= {r.id for r in fresh}
            first = min(fresh, key=queue_key)
            self.ctx.window.request_attention()
            if self.sound is not None:
                self.sound.ring(first.priority)
            self.ctx.feedback.message(
                self.tr("New {priority}: #{id} {title}").format(
                    priority=labels.priority(first.priority), id=first.id, title=first.title
                ),
                10_000,
            )
        if self._alerted and not self._realert.isActive():
            self._realert.start()
        elif not self._alerted:
            self._realert.stop()

    def _forget_alerts_if_none(self, counts: OpenCounts) -> None:
        # The counts see past the loaded page: none new P1/P2 left means nothing to remind of.
        if self.queue.view is QueueView.OPEN and not any(
            n for (p, st), n in counts.items() if needs_attention(p, st)
        ):
            self._alerted.clear()
            self._realert.stop()

    def shutdown(self) -> None:
        self._realert.stop()

    def _on_realert_timeout(self) -> None:
        if self._alerted:
            self.ctx.window.request_attention()
            if self.sound is not None:
                shown = [r.priority for r in self.queue.rows() if r.id in self._alerted]
                self.sound.ring(min(shown, default=Priority.P2))
        else:
            self._realert.stop()

    def signed_out(self) -> None:
        self.types = {}
        self.queue.views.blockSignals(True)
        self.queue.set_view(QueueView.OPEN)  # the next user starts on the open queue
        self.queue.views.blockSignals(False)
        self.queue.set_rows([])
        self.queue.set_counts({}, 0)
        self._alerted.clear()
        self._realert.stop()
        self._more = False
        self.queue.model.set_more(False)
        self.communities = []
        self._draft_on_lock = None
        self.editing.close_all()
        self.duplicates.forget()
        self.attachments.clear()
        if self.entry_dialog is not None:
            self.entry_dialog.reject()
        self._close_export_dialog()

    def locked(self) -> None:
        self._close_export_dialog()
        dlg = self.entry_dialog
        if dlg is not None:
            # An open entry must not stay usable over the lock screen; it comes back after
            # unlocking with everything typed so far.
            self._draft_on_lock = dlg.value()
            dlg.reject()
        self._show_waiting()

    def unlocked(self) -> None:
        draft, self._draft_on_lock = self._draft_on_lock, None
        if draft is not None:
            self.edit_new_incident(draft)

    def _show_waiting(self) -> None:
        """The lock screen's count of incidents nobody has acknowledged yet, in any view."""
        who = self.who
        if who is None:
            return
        incidents = self.ctx.services.incidents
        self.read_for(
            who,
            lambda: incidents.open_counts(who, QueueView.OPEN),
            lambda counts: self.ctx.window.lock_screen.set_waiting(
                sum(n for (_p, state), n in counts.items() if state is IncidentState.NEW)
            ),
            self.tr("Could not load the incident queue"),
            "waiting",
        )

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the whole queue (sign-in, F5, database back); calls while loading coalesce."""
        who = self.who
        if who is None:
            return
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        services = self.ctx.services
        # At least as many rows as are shown now: a reload must not shrink what the operator
        # scrolled to.
        limit = max(PAGE, len(self.queue.rows()))

        view = self.queue.view

        def job() -> tuple[QueuePage, OpenCounts, list[CommunityRow], list[IncidentTypeRow]]:
            return (
                services.incidents.queue_page(who, view=view, limit=limit),
                services.incidents.open_counts(who, view),
                services.site.communities(who),
                services.incidents.types(who),
            )

        self.ctx.jobs.read(
            job, lambda result: self._on_loaded(view, result), self._on_load_failed, "incidents"
        )

    def _on_loaded(
        self,
        view: QueueView,
        result: tuple[QueuePage, OpenCounts, list[CommunityRow], list[IncidentTypeRow]],
    ) -> None:
        self._loading = False
        if view is not self.queue.view:
            self._load_again = True  # read for a view no longer shown: read the one shown
        elif self.who is not None:
            page, counts, self.communities, types = result
            self.types = {t.code: t for t in types}
            self.queue.model.set_types(types)
            self._more = page.more
            self.queue.set_rows(page.rows)
            self.queue.model.set_more(page.more)
            self._show_counts(counts)
            self._forget_alerts_if_none(counts)
            self._attend()
        self._reload_if_asked()

    def _show_counts(self, counts: OpenCounts) -> None:
        by_priority: dict[Priority, int] = {}
        for (priority, _state), n in counts.items():
            by_priority[priority] = by_priority.get(priority, 0) + n
        self.queue.set_counts(by_priority, sum(counts.values()))

    def _on_view_changed(self, view: str) -> None:
        who = self.who
        if who is not None:
            self.ctx.prefs.set_preference(who.username, VIEW_PREF, view)
        # Another view's rows replace these; its first page comes with the reload.
        self.queue.set_rows([])
        self._more = False
        self.queue.model.set_more(False)
        self.reload()

    def _on_more_requested(self) -> None:
        """The operator scrolled to the last row: the next page, after it (keyset)."""
        who, rows = self.who, self.queue.rows()
        if who is None or not rows or not self._more:
            self.queue.model.set_more(self._more)
            return
        after, view = queue_key(rows[-1]), self.queue.view
        incidents = self.ctx.services.incidents
        self.read_for(
            who,
            lambda: incidents.queue_page(who, view=view, after=after, limit=PAGE),
            lambda page: self._on_more_loaded(view, page),
            self.tr("Could not load the incident queue"),
            "queue_page",
        )

    def _on_more_loaded(self, view: QueueView, page: QueuePage) -> None:
        if view is not self.queue.view:
            return  # the operator switched views meanwhile; the new view loads itself
        known = {r.id for r in self.queue.rows()}
        merged = [*self.queue.rows(), *(r for r in page.rows if r.id not in known)]
        self._more = page.more
        self.queue.set_rows(sorted(merged, key=queue_key))
        self.queue.model.set_more(page.more)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if self.who is not None:
            self.ctx.feedback.report(exc, self.tr("Could not load the incident queue"))
        self._reload_if_asked()

    def _reload_if_asked(self) -> None:
        if self._load_again:
            self._load_again = False
            self.reload()

    def on_changes(self, changes: ChangesAvailable) -> None:
        ids = changes.ids("incident")
        if ids is None or "community" in changes.tables:
            self.reload()  # changed as a whole (or names changed): read it all
            return
        self.refresh_rows(ids)

    def refresh_rows(self, ids: frozenset[int]) -> None:
        """Re-read only these incidents and merge them into the queue in place."""
        who = self.who
        if who is None or not ids:
            return
        incidents = self.ctx.services.incidents

        view = self.queue.view

        def job() -> tuple[list[IncidentRow], OpenCounts]:
            return incidents.incidents_by_ids(who, ids), incidents.open_counts(who, view)

        self.read_for(
            who,
            job,
            lambda result: self._merge(ids, *result),
            self.tr("Could not load the incident queue"),
            "incident_rows",
        )
        dlg = self.detail_dialog
        if dlg is not None and dlg.isVisible() and dlg.incident_id in ids:
            self._load_detail(dlg.incident_id)  # another workstation may have moved it

    def _merge(self, ids: frozenset[int], rows: list[IncidentRow], counts: OpenCounts) -> None:
        who = self.who
        if who is None:
            return
        shown = self.queue.rows()
        fresh = [r for r in rows if in_view(r, self.queue.view, who.user_id)]
        if self._more and shown:
            # Only the loaded window is shown: a row that sorts past its end belongs to a page
            # not fetched yet (the count line still counts it).
            end = queue_key(shown[-1])
            fresh = [r for r in fresh if queue_key(r) <= end]
        kept = [r for r in shown if r.id not in ids]
        self.queue.set_rows(sorted([*kept, *fresh], key=queue_key))
        self._show_counts(counts)
        self._forget_alerts_if_none(counts)
        self._attend(rows)

    # --- manual entry -----------------------------------------------------------------------
    @Slot()
    def edit_new_incident(self, draft: NewIncident | None = None, error: str = "") -> None:
        """Open the entry dialog (again, pre-filled, after a failed save) and submit it."""
        if self.who is None:
            return
        # The list comes from the last load: no query on the GUI thread.
        dlg = NewIncidentDialog(self.communities, self.ctx.window, list(self.types.values()))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if draft is not None:
            dlg.prefill(draft, error)
        # Window-modal but not a nested event loop: the console keeps updating meanwhile.
        dlg.accepted.connect(lambda: self.create_incident(dlg.value()))
        dlg.finished.connect(self._on_entry_dialog_finished)
        self.ctx.dialogs.register(dlg)
        self.entry_dialog = dlg
        self.duplicates.attach_entry(dlg)
        dlg.open()

    def _on_entry_dialog_finished(self, _result: int) -> None:
        self.entry_dialog = None

    def create_incident(self, v: NewIncident) -> None:
        """Submit a new incident to the writer; if it fails, the entry comes back to the user."""
        who = self.who
        if who is None:
            return
        incidents = self.ctx.services.incidents
        self.ctx.jobs.write(
            lambda: incidents.create(
                who,
                title=v.title,
                priority=v.priority,
                community=v.community,
                location=v.location,
                description=v.description,
                type_code=v.type_code,
                caller_name=v.caller_name,
                caller_phone=v.caller_phone,
            ),
            lambda iid: self.refresh_rows(frozenset({iid})),
            lambda exc: self._on_create_failed(v, exc),
            "create_incident",
        )

    def _on_create_failed(self, v: NewIncident, exc: BaseException) -> None:
        what = self.tr("Could not create the incident")
        self.ctx.feedback.report(exc, what)
        if not isinstance(exc, PermissionDenied):
            # The operator's entry is not lost: the dialog comes back with it and the reason.
            reason = self.ctx.feedback.describe(exc)
            QTimer.singleShot(0, lambda: self.edit_new_incident(v, f"{what}: {reason}"))

    # --- export -----------------------------------------------------------------------------
    def ask_export(self) -> None:
        """Ask for file, encoding and reason, then export the view shown (Ctrl+Shift+E)."""
        if self.who is None or self.export_dialog is not None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = in_folder(SAVED, f"incidents-{self.queue.view.value}-{stamp}.csv")
        dlg = ExportDialog(suggested, self.tr("incidents"), self.ctx.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.export(dlg.value()))
        dlg.finished.connect(self._on_export_dialog_finished)
        self.ctx.dialogs.register(dlg)
        self.export_dialog = dlg
        dlg.open()

    def _close_export_dialog(self) -> None:
        # Not brought back after unlocking: an export is asked for again, deliberately.
        if self.export_dialog is not None:
            self.export_dialog.reject()

    def _on_export_dialog_finished(self, _result: int) -> None:
        self.export_dialog = None

    def export(self, request: ExportRequest) -> None:
        """Write the export on the writer thread (it reads, writes the file and audits)."""
        who = self.who
        if who is None:
            return
        services, view = self.ctx.services, self.queue.view
        shown: QueueView | None = None if view is QueueView.HISTORY else view  # all in scope
        self.ctx.jobs.write(
            lambda: export_incidents(
                services, who, request.path, request.reason, request.encoding, view=shown
            ),
            self._on_exported,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not export the incidents")),
            "export_incidents",
        )

    def _on_exported(self, result: ExportResult) -> None:
        self.ctx.feedback.message(
            self.tr("{n} incidents exported to {path}").format(n=result.rows, path=result.path),
            10_000,
        )

    # --- lifecycle steps --------------------------------------------------------------------
    def _on_acknowledge_triggered(self) -> None:
        iid = self.queue.selected_incident_id()
        if iid is None:
            self.ctx.feedback.message(self.tr("Select an incident first."), 4000)
            return
        self.acknowledge(iid)

    def acknowledge(self, incident_id: int) -> None:
        """Claim an incident (Ctrl+K)."""
        who = self.who
        if who is None:
            return
        incidents = self.ctx.services.incidents
        self.ctx.jobs.write(
            lambda: incidents.transition(who, incident_id, IncidentState.ACKNOWLEDGED),
            lambda _r: self.refresh_rows(frozenset({incident_id})),
            lambda exc: self.ctx.feedback.report(
                exc, self.tr("Could not acknowledge the incident")
            ),
            "acknowledge",
        )

    @Slot(int)
    def open_incident(self, incident_id: int) -> None:
        """Load an incident with its timeline off the GUI thread and show it."""
        # The user's latest choice wins: a re-read of the incident shown before it (the
        # change feed's) that arrives later must not bring the old one back.
        self._wanted_incident = incident_id
        self._load_detail(incident_id)

    def dispatched(self, incident_id: int) -> None:
        """The picker dispatched the incident: its window's note went with it, and the window
        shows the new state. (The note stayed, and went again into the next step.)"""
        if self.detail_dialog is not None and self.detail_dialog.incident_id == incident_id:
            self.detail_dialog.step_done()
        self.open_incident(incident_id)

    def _load_detail(self, incident_id: int) -> None:
        who = self.who
        if who is None:
            return
        incidents = self.ctx.services.incidents
        self.read_for(
            who,
            lambda: incidents.incident_detail(who, incident_id),
            self._on_detail_loaded,
            self.tr("Could not open the incident"),
            "incident_detail",
        )

    def _on_detail_loaded(self, detail: IncidentDetail) -> None:
        who = self.who
        if who is None or self.ctx.session.locked or detail.row.id != self._wanted_incident:
            return
        if self.detail_dialog is None:
            self.detail_dialog = IncidentDetailDialog(self.ctx.zone, self.ctx.window)
            self.detail_dialog.sig_transition_requested.connect(self._on_transition_requested)
            self.detail_dialog.sig_take_over_requested.connect(self._on_take_over_requested)
            self.ctx.dialogs.register(self.detail_dialog)
            self.editing.attach(self.detail_dialog)
            self.duplicates.attach(self.detail_dialog)
            self.attachments.attach(self.detail_dialog.attachments)
        # A merged incident takes no more steps: the work goes on in the one it joined.
        allowed = [
            t
            for t in allowed_targets(detail.row.state)
            if detail.row.merged_into is None
            and who.can(
                required_permission(detail.row.state, t), detail.row.community or STREET_WIDE
            )
        ]
        self._shown = detail
        kind = self.types.get(detail.row.type_code or "")
        row = detail.row
        take_over = (
            row.state
            in (IncidentState.ACKNOWLEDGED, IncidentState.DISPATCHED, IncidentState.ON_SCENE)
            and row.claimed_by_id != who.user_id
            and who.can(Permission.HANDLE_INCIDENTS, row.community or STREET_WIDE)
        )
        self.detail_dialog.set_detail(
            detail,
            allowed,
            type_name=kind.name if kind else "",
            dispositions=kind.dispositions if kind else (),
            take_over=take_over,
        )
        self.editing.show(detail, who, list(self.types.values()))
        self.duplicates.show(detail, who)
        self.attachments.show_incident(
            row.id, who.can(Permission.HANDLE_INCIDENTS, row.community or STREET_WIDE)
        )
        if self.detail_hook is not None:
            self.detail_hook(self.detail_dialog, detail)
        self.detail_dialog.show()
        self.detail_dialog.raise_()

    @Slot(int, str, str)
    def _on_transition_requested(self, incident_id: int, target: str, note: str) -> None:
        if IncidentState(target) is IncidentState.DISPATCHED and self.dispatch_hook is not None:
            self.dispatch_hook(incident_id, note)
            if self.detail_dialog is not None:
                self.detail_dialog.show_error("")  # the picker takes it from here
            return
        shown = self._shown
        row = shown.row if shown is not None and shown.row.id == incident_id else None
        who = self.who
        if IncidentState(target) is IncidentState.RESOLVED and row is not None and who is not None:
            # Who is still on the way is read now, not taken from the window's list, which
            # may not be loaded yet or may predate another workstation's dispatch.
            assignments = self.ctx.services.assignments
            self.read_for(
                who,
                lambda: assignments.for_incident(who, incident_id),
                lambda rows: self._ask_resolve(row, note, rows),
                self.tr("Could not load assignments"),
                "resolve_check",
            )
            return
        self._transition(incident_id, target, note)

    def _ask_resolve(self, row: IncidentRow, note: str, rows: list[AssignmentRow]) -> None:
        """Resolve, asking first for a P1/P2 or while someone is still on the way."""
        target = IncidentState.RESOLVED.value
        coming = [r.unit or r.department for r in rows if r.state in NOT_ARRIVED_STATES]
        if row.priority not in (Priority.P1, Priority.P2) and not coming:
            self._transition(row.id, target, note)
            return
        # Resolving a P1/P2 ends the response to an emergency, and resolving stands down
        # whoever is still on the way: asked once more.
        text = self.tr("Resolve #{id} ({priority}) “{title}”? The response ends here.").format(
            id=row.id, priority=labels.priority(row.priority), title=row.title
        )
        if coming:
            # The list's separator is the language's own (、 in Chinese).
            names = self.tr(", ").join(coming)
            text += " " + self.tr(
                "{n} dispatched not yet at the scene ({names}) will be stood down."
            ).format(n=len(coming), names=names)
        self.ctx.dialogs.confirm(
            self.tr("Resolve incident"),
            text,
            lambda: self._transition(row.id, target, note),
            on_no=self._on_resolve_declined,
        )

    @Slot(int)
    def _on_take_over_requested(self, incident_id: int) -> None:
        shown = self._shown
        holder = shown.row.claimed_by if shown is not None else None
        # Someone else is working on it: taking it from them is asked about first.
        self.ctx.dialogs.confirm(
            self.tr("Take over"),
            self.tr("Take over #{id} from {name}? The timeline records it.").format(
                id=incident_id, name=holder or "—"
            ),
            lambda: self._take_over(incident_id),
            on_no=self._on_take_over_declined,
        )

    def _on_take_over_declined(self) -> None:
        if self.detail_dialog is not None:
            self.detail_dialog.show_error(self.tr("Not taken over."))

    def _take_over(self, incident_id: int) -> None:
        who = self.who
        if who is None:
            return
        incidents = self.ctx.services.incidents
        version = self._shown_version(incident_id)
        self.ctx.jobs.write(
            lambda: incidents.take_over(who, incident_id, version),
            lambda _prev: self._on_transition_done(incident_id),
            self._on_transition_failed,
            "take_over",
        )

    def _on_resolve_declined(self) -> None:
        if self.detail_dialog is not None:
            self.detail_dialog.show_error(self.tr("Not resolved."))

    def _transition(self, incident_id: int, target: str, note: str) -> None:
        who = self.who
        if who is None:
            return
        incidents = self.ctx.services.incidents
        step = IncidentState(target)
        dlg = self.detail_dialog
        chosen = dlg.chosen() if dlg is not None and step is IncidentState.RESOLVED else ""
        # The version the window showed: a step on an incident changed meanwhile elsewhere is
        # refused with the other change shown, never applied to a state the user did not see.
        version = self._shown_version(incident_id)
        self.ctx.jobs.write(
            lambda: incidents.transition(
                who, incident_id, step, note, chosen, expected_version=version
            ),
            lambda _r: self._on_transition_done(incident_id),
            self._on_transition_failed,
            "transition",
        )

    def _on_transition_done(self, incident_id: int) -> None:
        if self.detail_dialog is not None and self.detail_dialog.incident_id == incident_id:
            self.detail_dialog.step_done()
        self.refresh_rows(frozenset({incident_id}))  # reopens the incident window too

    def _shown_version(self, incident_id: int) -> int | None:
        shown = self._shown
        return shown.row.version if shown is not None and shown.row.id == incident_id else None

    def _on_transition_failed(self, exc: BaseException) -> None:
        if isinstance(exc, IncidentConflict):
            self.editing.show_conflict(exc.info)
            if self.detail_dialog is not None:
                self.detail_dialog.show_error(self.editing.describe_step_failure(exc))
            return
        if isinstance(exc, PermissionDenied | TransitionError | LookupError):
            log.info("transition refused: %s", exc)
        else:
            log.error("transition failed: %s", exc, exc_info=exc)
        if self.detail_dialog is not None:
            self.detail_dialog.show_error(self.editing.describe_step_failure(exc))
