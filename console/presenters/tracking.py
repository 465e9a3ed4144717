"""The tracking capability: the live map pane, its tag positions, search, trails and replay."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from PySide6.QtCore import Slot

from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.permissions import PermissionDenied, Principal
from core.personal import ResidentCard
from core.site import SiteSpec
from core.timefmt import utcnow
from core.tracking import TagPositionRow, TrackPoint
from core.views import CommunityRow
from widgets.tracking_map import PlanCommunity, TrackingMapWidget, TrailReasonDialog

TRAIL_HOURS = 1  # the selected tag's recent trail

T = TypeVar("T")


class TagCardLike(Protocol):
    """What the map shows of TrackingService.card: the person's (or owner's) masked card."""

    @property
    def resident(self) -> ResidentCard | None: ...


class TrackingReads(Protocol):
    """What the map reads from the tracking service (data/services/tracking.py)."""

    def positions(self, who: Principal) -> list[TagPositionRow]: ...

    def positions_by_ids(self, who: Principal, ids: list[int]) -> list[TagPositionRow]: ...

    def find(self, who: Principal, text: str) -> list[TagPositionRow]: ...

    def trail(
        self,
        who: Principal,
        tag_row_id: int,
        since: datetime,
        until: datetime,
        reason: str | None,
        *,
        incident_id: int | None = None,
    ) -> list[TrackPoint]: ...

    def card(self, who: Principal, tag_row_id: int) -> TagCardLike: ...


class TrackingPresenter(Presenter):
    """Owns the map pane: loads positions at sign-in, re-reads only the tags that changed."""

    name = "tracking"
    watches = frozenset({"tag_position"})

    def __init__(
        self, ctx: PresenterContext, *, site: SiteSpec | None, tracking: TrackingReads | None
    ):
        super().__init__(ctx)
        self.site = site
        self.tracking = tracking
        self.pane = TrackingMapWidget(ctx.zone)
        self.reason_dialog: TrailReasonDialog | None = None
        self._asked: tuple[int, datetime, datetime] | None = None  # the trail the dialog is for
        # Opens a resident's card in the residents' pane (wired by the composition root).
        self.resident_card_hook: Callable[[int], None] | None = None
        self.loads = 0  # full position reads (tests)
        ctx.window.add_pane(
            PaneSpec("map", lambda: self.tr("Map"), self.pane, Area.TOP_RIGHT, 20, "Ctrl+2")
        )
        p = self.pane
        p.sig_trail_requested.connect(self._on_trail_requested)
        p.sig_replay_requested.connect(self._on_replay_requested)
        p.sig_find_requested.connect(self._on_find_requested)
        p.sig_tag_selected.connect(self._on_tag_selected)
        p.sig_resident_card_requested.connect(self._on_resident_card_requested)
        if site is not None:
            self._show_plan_of_site(site)

    # --- lifecycle ----------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        if self.site is None:
            sites = self.ctx.services.site
            self.read_for(
                who,
                lambda: sites.communities(who),
                self._show_plan_of_rows,
                self.tr("Could not load the map"),
                "map_plan",
            )
        self.reload()

    def signed_out(self) -> None:
        self.pane.clear()
        if self.site is None:
            self.pane.set_plan([])  # the communities were the last user's scope
        self._hide_dialog()
        self._show_empty()

    def locked(self) -> None:
        # Where someone went is personal data: nothing of a trail stays on a locked screen.
        self.pane.clear_trail()
        self.pane.clear_selection()
        self._hide_dialog()

    def shutdown(self) -> None:
        self.pane.shutdown()

    def reload(self) -> None:
        who = self.who
        tracking = self.tracking
        if who is None:
            return
        if tracking is None:
            self._show_empty()
            return
        self.loads += 1
        self.read_for(
            who,
            lambda: tracking.positions(who),
            self._on_positions_loaded,
            self.tr("Could not load the tag positions"),
            "map_positions",
        )

    def on_changes(self, changes: ChangesAvailable) -> None:
        ids = changes.ids("tag_position")
        who, tracking = self.who, self.tracking
        if who is None or tracking is None:
            return
        if ids is None:
            self.reload()
            return
        wanted = sorted(ids)
        self.read_for(
            who,
            lambda: tracking.positions_by_ids(who, wanted),
            lambda rows: self._on_changed_loaded(wanted, rows),
            self.tr("Could not load the tag positions"),
            "map_positions",
        )

    # --- results (GUI thread) ----------------------------------------------------------
    def _on_positions_loaded(self, rows: list[TagPositionRow]) -> None:
        self.pane.set_rows(rows)
        self._show_empty()

    def _on_changed_loaded(self, ids: list[int], rows: list[TagPositionRow]) -> None:
        # An id asked for but not returned is gone for this viewer (returned, out of scope).
        fresh = {r.id for r in rows}
        self.pane.push_rows(rows, gone=[i for i in ids if i not in fresh])
        if rows and self.pane.banner.isVisible():
            self.pane.set_empty_text("")

    def _show_empty(self) -> None:
        if self.tracking is None:
            text = self.tr(
                "Tracking is not connected on this console: readers, zones and communities "
                "are shown, tag positions are not."
            )
        elif not self.pane.rows():
            text = self.tr(
                "No tags tracked yet: register tags to residents and vehicles, and connect the "
                "readers listed in the site file."
            )
        else:
            text = ""
        self.pane.set_empty_text(text)

    def _show_plan_of_site(self, site: SiteSpec) -> None:
        self.pane.set_plan(
            [PlanCommunity(c.code, c.name, c.centre.x, c.centre.y) for c in site.communities],
            site.zones,
            site.readers,
            site.cameras,
        )

    def _show_plan_of_rows(self, rows: list[CommunityRow]) -> None:
        self.pane.set_plan([PlanCommunity(c.code, c.name, c.centre_x, c.centre_y) for c in rows])

    # --- search -------------------------------------------------------------------------
    @Slot(str)
    def _on_find_requested(self, text: str) -> None:
        who, tracking = self.who, self.tracking
        if who is None or tracking is None:
            self.pane.show_found([])
            return
        self.read_for(
            who,
            lambda: tracking.find(who, text),
            self._on_found,
            self.tr("Could not search the tags"),
            "map_find",
        )

    def _on_found(self, rows: list[TagPositionRow]) -> None:
        # A tag found by the service but not yet on the map is added before centring on it.
        missing = [r for r in rows if self.pane.row(r.id) is None]
        if missing:
            self.pane.push_rows(missing)
            self.pane.apply_pending()
        self.pane.show_found(rows)

    # --- the card -------------------------------------------------------------------------
    @Slot(int)
    def _on_tag_selected(self, tag_id: int) -> None:
        who, tracking = self.who, self.tracking
        if who is None or tracking is None:
            return

        def job() -> ResidentCard | None:
            try:
                return tracking.card(who, tag_id).resident
            except PermissionDenied:
                return None  # the map's own row (already masked) is all this role sees

        self.read_for(
            who,
            job,
            lambda card: self.pane.set_card_details(tag_id, card),
            self.tr("Could not open the tag's card"),
            "map_card",
        )

    @Slot(int)
    def _on_resident_card_requested(self, resident_id: int) -> None:
        if self.resident_card_hook is not None:
            self.resident_card_hook(resident_id)

    # --- trails: whereabouts are personal data, each look has a reason ---------------------
    @Slot(int)
    def _on_trail_requested(self, tag_id: int) -> None:
        until = utcnow()
        self._ask_reason(tag_id, until - timedelta(hours=TRAIL_HOURS), until)

    @Slot(int, object, object)
    def _on_replay_requested(self, tag_id: int, since: datetime, until: datetime) -> None:
        if until <= since:
            self.ctx.window.show_message(self.tr("The replay's end must be after its start."))
            return
        self._ask_reason(tag_id, since, until)

    def _ask_reason(self, tag_id: int, since: datetime, until: datetime) -> None:
        row = self.pane.row(tag_id)
        if row is None or self.tracking is None:
            return
        if row.kind != "person":
            # A vehicle's or an asset's trail needs no reason (the service still audits it).
            self._load_trail(tag_id, since, until, None, None)
            return
        dlg = self._dialog()
        self._asked = (tag_id, since, until)
        dlg.ask(row.label, since, until)

    def _dialog(self) -> TrailReasonDialog:
        if self.reason_dialog is None:
            self.reason_dialog = TrailReasonDialog(self.ctx.zone, self.ctx.window)
            self.reason_dialog.accepted.connect(self._on_reason_given)
            self.ctx.dialogs.register(self.reason_dialog)
        return self.reason_dialog

    def _hide_dialog(self) -> None:
        self._asked = None
        if self.reason_dialog is not None:
            self.reason_dialog.hide()

    @Slot()
    def _on_reason_given(self) -> None:
        asked, self._asked = self._asked, None
        who, tracking, dlg = self.who, self.tracking, self.reason_dialog
        if asked is None or who is None or tracking is None or dlg is None:
            return
        tag_id, since, until = asked
        self._load_trail(tag_id, since, until, dlg.reason() or None, dlg.incident())

    def _load_trail(
        self,
        tag_id: int,
        since: datetime,
        until: datetime,
        reason: str | None,
        incident: int | None,
    ) -> None:
        who, tracking = self.who, self.tracking
        if who is None or tracking is None:
            return
        # A look at a trail is an audit row, so it runs on the writer thread.
        self._write_for(
            who,
            lambda: tracking.trail(who, tag_id, since, until, reason, incident_id=incident),
            lambda points: self._on_trail_loaded(tag_id, since, until, points),
            self.tr("Could not load the trail"),
        )

    def _write_for(
        self, who: Principal, job: Callable[[], T], on_result: Callable[[T], None], what: str
    ) -> None:
        """A write for `who` whose result is dropped if another session has begun meanwhile."""

        def deliver(value: T) -> None:
            if self.who == who and not self.ctx.session.locked:
                on_result(value)

        def failed(exc: BaseException) -> None:
            if self.who == who:
                self.ctx.feedback.report(exc, what)

        self.ctx.jobs.write(job, deliver, failed, "map_trail")

    def _on_trail_loaded(
        self, tag_id: int, since: datetime, until: datetime, points: list[TrackPoint]
    ) -> None:
        self.pane.set_replay_range(since, until)
        self.pane.set_trail(tag_id, points)
