"""Duplicates, merging, quick templates and the caller's resident, for the incidents presenter."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal, Slot

from console.presenters.base import PresenterContext
from core.duplicates import Draft, JoinedEvent, MergeView, Suggestion, phone_digits
from core.incidents import IncidentState, TransitionError
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import ResidentRow, SearchKind, search_kind
from core.templates import QuickTemplate
from core.views import IncidentDetail, IncidentEventRow
from data.context import STREET_WIDE
from widgets.duplicates import DraftFields, joined_note
from widgets.incident_detail import IncidentDetailDialog
from widgets.incident_dialog import NewIncidentDialog

log = logging.getLogger(__name__)
RESIDENT_MATCHES = 3  # a phone shared by a household: the first is offered, none guessed

Templates = dict[str, tuple[QuickTemplate, ...]]


def joined_rows(events: Sequence[JoinedEvent]) -> list[IncidentEventRow]:
    """A merged incident's entries as the survivor's timeline shows them: with its number."""
    return [
        IncidentEventRow(
            ts=e.ts,
            kind=e.kind,
            from_state=e.from_state,
            to_state=e.to_state,
            note=joined_note(e.source_id, e.note),
            actor=e.actor,
            workstation=e.workstation,
        )
        for e in events
    ]


class IncidentDuplicates(QObject):
    """The entry form's look-ups and templates; the incident window's links and merging.

    Every method runs on the GUI thread; reads and the merge run as jobs.
    """

    # A resident's card, asked for from the entry form: the composition root hands it to the
    # residents presenter (presenters never import each other). GUI thread.
    sig_resident_card_requested = Signal(int)

    def __init__(
        self,
        ctx: PresenterContext,
        open_incident: Callable[[int], None],
        refresh: Callable[[frozenset[int]], None],
    ):
        super().__init__(ctx.window)
        self.ctx = ctx
        self._open = open_incident
        self._refresh = refresh
        self._templates: Templates | None = None
        self.entry: NewIncidentDialog | None = None
        self.window: IncidentDetailDialog | None = None
        self._shown: IncidentDetail | None = None
        self._lookups = 0  # the latest look-up's number: older answers are dropped

    @property
    def who(self) -> Principal | None:
        """The signed-in user."""
        return self.ctx.session.principal

    def forget(self) -> None:
        """Signed out: the next user reads everything again."""
        self._templates = None
        self.entry = None
        self._shown = None

    # --- the entry form -------------------------------------------------------------------
    def attach_entry(self, dlg: NewIncidentDialog) -> None:
        """Hook into a new entry form: look-ups as the operator types, templates by type."""
        self.entry = dlg
        dlg.assist.sig_lookup_requested.connect(self._on_lookup_requested)
        dlg.assist.sig_incident_open_requested.connect(self._open)
        dlg.assist.sig_resident_open_requested.connect(self.sig_resident_card_requested)
        dlg.finished.connect(lambda _r: self._on_entry_finished(dlg))
        if self._templates is not None:
            dlg.assist.set_templates(self._templates)
        else:
            self._load_templates(dlg)
        typed = dlg.assist.draft()
        if typed.caller_phone or typed.caller_name or typed.location:
            dlg.assist.lookup_now()  # shown again with what was typed

    def _on_entry_finished(self, dlg: NewIncidentDialog) -> None:
        if self.entry is dlg:
            self.entry = None

    def _load_templates(self, dlg: NewIncidentDialog) -> None:
        who = self.who
        if who is None:
            return
        merge = self.ctx.services.merge

        def loaded(found: Templates) -> None:
            self._templates = found
            if self.entry is dlg:
                dlg.assist.set_templates(found)

        self.ctx.jobs.read(
            lambda: merge.templates(who),
            lambda found: loaded(found) if self.who == who else None,
            lambda exc: log.warning("quick templates not loaded: %s", exc),
            "incident_templates",
        )

    @Slot(object)
    def _on_lookup_requested(self, fields: DraftFields) -> None:
        who, dlg = self.who, self.entry
        if who is None or dlg is None:
            return
        self._lookups += 1
        number = self._lookups
        services = self.ctx.services
        digits = phone_digits(fields.caller_phone)
        find_resident = (
            who.can(Permission.VIEW_RESIDENTS) and search_kind(digits) is SearchKind.PHONE
        )

        def job() -> tuple[list[Suggestion], list[ResidentRow]]:
            draft = Draft(
                at=services.ctx.clock(),
                caller_phone=fields.caller_phone,
                caller_name=fields.caller_name,
                community=fields.community,
                location=fields.location,
            )
            residents = (
                services.residents.page(who, query=digits, limit=RESIDENT_MATCHES).rows
                if find_resident
                else []
            )
            return services.merge.duplicates_for(who, draft), residents

        def done(result: tuple[list[Suggestion], list[ResidentRow]]) -> None:
            if number != self._lookups or self.entry is not dlg or self.who != who:
                return  # typed on meanwhile, or the form is gone
            suggestions, residents = result
            dlg.assist.set_suggestions(suggestions)
            dlg.assist.set_residents(residents)

        self.ctx.jobs.read(
            job,
            done,
            lambda exc: log.warning("duplicate look-up failed: %s", exc),
            "duplicate_lookup",
        )

    # --- the incident window ----------------------------------------------------------------
    def attach(self, window: IncidentDetailDialog) -> None:
        """Hook into the incident window once it exists."""
        self.window = window
        window.duplicates.sig_open_requested.connect(self._open)
        window.duplicates.sig_merge_requested.connect(self._on_merge_requested)

    def show(self, detail: IncidentDetail, who: Principal) -> None:
        """The window shows `detail`: read its merge links, joined timeline and duplicates."""
        self._shown = detail
        iid = detail.row.id
        merge = self.ctx.services.merge
        looks = detail.row.state is not IncidentState.CLOSED

        def job() -> tuple[MergeView, list[Suggestion]]:
            view = merge.merge_view(who, iid)
            found = merge.duplicates_for(who, iid) if looks and view.merged_into is None else []
            return view, found

        def done(result: tuple[MergeView, list[Suggestion]]) -> None:
            window = self.window
            if window is None or window.incident_id != iid or self.who != who:
                return
            view, found = result
            scope = detail.row.community or STREET_WIDE
            can_merge = looks and who.can(Permission.HANDLE_INCIDENTS, scope)
            window.duplicates.set_view(view, found, can_merge=can_merge)
            window.set_joined(iid, joined_rows(view.joined))

        self.ctx.jobs.read(
            job,
            done,
            lambda exc: log.warning("merge links of #%s not loaded: %s", iid, exc),
            "incident_merges",
        )

    @Slot(int)
    def _on_merge_requested(self, merged_id: int) -> None:
        window, shown = self.window, self._shown
        if window is None or shown is None:
            return
        survivor = shown.row
        found = [s for s in window.duplicates.list.suggestions() if s.id == merged_id]
        title = found[0].candidate.title if found else ""
        note = window.note.text().strip()
        self.ctx.dialogs.confirm(
            self.tr("Merge incidents"),
            self.tr(
                "Merge #{merged} “{title}” into #{survivor}? #{merged} is closed and its "
                "timeline is joined to this one. This cannot be undone."
            ).format(merged=merged_id, title=title, survivor=survivor.id),
            lambda: self._merge(survivor.id, merged_id, note),
            on_no=lambda: window.duplicates.set_busy(False),
        )

    def _merge(self, survivor_id: int, merged_id: int, note: str) -> None:
        who = self.who
        if who is None:
            return
        merge = self.ctx.services.merge
        self.ctx.jobs.write(
            lambda: merge.merge(who, survivor_id, merged_id, note),
            lambda _r: self._on_merged(survivor_id, merged_id),
            self._on_merge_failed,
            "merge_incidents",
        )

    def _on_merged(self, survivor_id: int, merged_id: int) -> None:
        window = self.window
        if window is not None and window.incident_id == survivor_id:
            window.step_done()  # the note went into both timelines
        self.ctx.feedback.message(
            self.tr("#{merged} merged into #{survivor}.").format(
                merged=merged_id, survivor=survivor_id
            ),
            6000,
        )
        self._refresh(frozenset({survivor_id, merged_id}))  # reopens the window too

    def _on_merge_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PermissionDenied | TransitionError | LookupError | ValueError):
            log.info("merge refused: %s", exc)
        else:
            log.error("merge failed: %s", exc, exc_info=exc)
        window = self.window
        if window is not None:
            window.duplicates.set_busy(False)
            window.show_error(self.ctx.feedback.describe(exc))
