"""The tracking capability: the live map pane, its tag positions, search, trails and replay."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import Slot

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.care_rules import nearest_cameras
from core.consent import ConsentMissing
from core.events import ChangesAvailable
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import ResidentCard, ResidentRow
from core.site import SiteSpec
from core.tags import TagInvalid, TagProfile
from core.timefmt import utcnow
from core.tracking import TagPositionRow, TrackPoint
from core.views import CommunityRow
from widgets.plan_image_dialog import PlanImageDialog
from widgets.tag_dialog import IssueTagDialog, TagDialog
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


class TagRecordLike(Protocol):
    """What the tag dialog shows of TrackingService.tag."""

    @property
    def code(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def state(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def profile(self) -> TagProfile: ...


@runtime_checkable
class TagRegistry(Protocol):
    """The tag registry's writes (TrackingService): issue, replace, return, care profile."""

    def tag(self, who: Principal, tag_id: int) -> TagRecordLike: ...

    def register(
        self,
        who: Principal,
        *,
        code: str,
        kind: str,
        resident_id: int | None = None,
        plate: str = "",
    ) -> int: ...

    def replace(self, who: Principal, tag_id: int, new_code: str) -> int: ...

    def return_tag(self, who: Principal, tag_id: int, *, lost: bool = False) -> None: ...

    def set_profile(self, who: Principal, tag_id: int, profile: TagProfile) -> None: ...


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
        # Puts cameras on the video wall (wired by the composition root).
        self.cameras_hook: Callable[[list[str]], None] | None = None
        self.loads = 0  # full position reads (tests)
        ctx.window.add_pane(
            PaneSpec(
                "map",
                lambda: self.tr("Map"),
                self.pane,
                Area.TOP_RIGHT,
                20,
                "Ctrl+2",
                permission=Permission.VIEW_WHEREABOUTS,
            )
        )
        p = self.pane
        p.sig_trail_requested.connect(self._on_trail_requested)
        p.sig_replay_requested.connect(self._on_replay_requested)
        p.sig_find_requested.connect(self._on_find_requested)
        p.sig_tag_selected.connect(self._on_tag_selected)
        p.sig_resident_card_requested.connect(self._on_resident_card_requested)
        p.sig_tag_dialog_requested.connect(self.open_tag)
        p.sig_issue_tag_requested.connect(self.open_issue)
        p.sig_cameras_requested.connect(self._show_cameras)
        self.tag_dialog: TagDialog | None = None
        self.issue_dialog: IssueTagDialog | None = None
        self.act_tag = ctx.window.add_action(
            ActionSpec(
                "tag_dialog",
                lambda: self.tr("Tag…"),
                "tools",
                "Ctrl+Alt+T",
                permission=Permission.MANAGE_TAGS,
            ),
            self.open_tag_dialog,
        )
        self.act_nearby_cameras = ctx.window.add_action(
            ActionSpec(
                "nearby_cameras",
                lambda: self.tr("Cameras near the selected tag"),
                "tools",
                "Ctrl+Alt+C",
                permission=Permission.VIEW_VIDEO,
            ),
            self.show_nearby_cameras,
        )
        # The plan is site set-up, like where readers and cameras stand: MANAGE_DEVICES.
        self.plan_dialog: PlanImageDialog | None = None
        self.act_plan_image = ctx.window.add_action(
            ActionSpec(
                "plan_image",
                lambda: self.tr("Plan image…"),
                "tools",
                permission=Permission.MANAGE_DEVICES,
            ),
            self.open_plan_image,
        )
        if site is not None:
            self._show_plan_of_site(site)

    # --- cameras on the wall ---------------------------------------------------------------
    def _show_cameras(self, codes: list[str]) -> None:
        if self.cameras_hook is not None and codes:
            self.cameras_hook(codes)

    def show_nearby_cameras(self) -> None:
        """Ctrl+Alt+C: the cameras nearest the selected tag's position, on the video wall."""
        tag = self.pane.selected()
        row = self.pane.row(tag) if tag is not None else None
        if row is None:
            self.ctx.feedback.message(self.tr("Select a tag on the map first."), 4000)
            return
        if self.site is None or not self.site.cameras:
            self.ctx.feedback.message(self.tr("The site file names no cameras."), 4000)
            return
        near = nearest_cameras(self.site.cameras, row.x, row.y)
        self._show_cameras([c.code for c in near])

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
        self.pane.set_tags_manageable(self._may_manage_tags(who))
        self.reload()  # nothing for a role that may not see whereabouts (the pane is not offered)

    def signed_out(self) -> None:
        self.pane.set_tags_manageable(False)
        self._hide_tag_dialogs()
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
        self._hide_tag_dialogs()

    def shutdown(self) -> None:
        self.pane.shutdown()

    def reload(self) -> None:
        who = self.who
        tracking = self.tracking
        if who is None:
            return
        if tracking is None or not who.can(Permission.VIEW_WHEREABOUTS):
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
        if who is None or tracking is None or not who.can(Permission.VIEW_WHEREABOUTS):
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
        plan = site.plan
        # A missing or unreadable image is told on the map, which is drawn without it.
        self.pane.set_plan_image(
            None if plan is None else plan.image, None if plan is None else plan.calibration
        )

    def open_plan_image(self) -> None:
        """The dialog that calibrates a plan image by two points ([plan] for the site file)."""
        who = self.who
        if who is None or not who.can(Permission.MANAGE_DEVICES) or self.ctx.session.locked:
            return
        if self.plan_dialog is None:
            dlg = PlanImageDialog(self.ctx.window)
            dlg.sig_show_on_map.connect(self.pane.set_plan_image)
            self.ctx.dialogs.register(dlg)
            self.plan_dialog = dlg
        self.plan_dialog.open()

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

    # --- tags: issue, replace, return, care profile (MANAGE_TAGS, writer thread) ----------
    def _registry(self) -> TagRegistry | None:
        return self.tracking if isinstance(self.tracking, TagRegistry) else None

    def _may_manage_tags(self, who: Principal | None) -> bool:
        return (
            who is not None
            and who.can(Permission.MANAGE_TAGS)
            and self._registry() is not None
            and not self.ctx.session.locked
        )

    def _hide_tag_dialogs(self) -> None:
        for dlg in (self.tag_dialog, self.issue_dialog):
            if dlg is not None:
                dlg.hide()

    @Slot()
    def open_tag_dialog(self) -> None:
        """Ctrl+Alt+T: the selected tag's dialog, or a new tag's when none is selected."""
        selected = self.pane.selected()
        if selected is not None:
            self.open_tag(selected)
        else:
            self.open_issue()

    def _tag_dialog(self) -> TagDialog:
        if self.tag_dialog is None:
            dlg = TagDialog(self.ctx.window)
            dlg.sig_replace.connect(self._on_replace)
            dlg.sig_return.connect(self._on_return)
            dlg.sig_profile.connect(self._on_profile)
            self.ctx.dialogs.register(dlg)
            self.tag_dialog = dlg
        return self.tag_dialog

    def _issue_dialog(self) -> IssueTagDialog:
        if self.issue_dialog is None:
            dlg = IssueTagDialog(self.ctx.window)
            dlg.sig_search.connect(self._on_resident_search)
            dlg.sig_issue.connect(self._on_issue)
            self.ctx.dialogs.register(dlg)
            self.issue_dialog = dlg
        return self.issue_dialog

    @Slot(int)
    def open_tag(self, tag_id: int) -> None:
        """The tag dialog of this tag: what the map knows at once, the registry's row after."""
        who, registry = self.who, self._registry()
        row = self.pane.row(tag_id)
        if not self._may_manage_tags(who) or registry is None or row is None or who is None:
            return
        dlg = self._tag_dialog()
        dlg.show_tag(tag_id, row.tag, row.kind, row.label, "")
        dlg.open()
        dlg.new_code.setFocus()
        self._read_tag(who, registry, tag_id, row.label)

    def _read_tag(self, who: Principal, registry: TagRegistry, tag_id: int, label: str) -> None:
        def shown(rec: TagRecordLike) -> None:
            dlg = self.tag_dialog
            if dlg is not None and dlg.tag_id == tag_id:
                dlg.show_tag(tag_id, rec.code, rec.kind, label, rec.state, rec.profile)

        self.read_for(
            who,
            lambda: registry.tag(who, tag_id),
            shown,
            self.tr("Could not read the tag"),
            "map_tag",
        )

    @Slot()
    def open_issue(self) -> None:
        """The dialog that issues a new tag to a resident or a vehicle."""
        if not self._may_manage_tags(self.who):
            return
        dlg = self._issue_dialog()
        dlg.reset()
        dlg.open()
        dlg.code.setFocus()

    def _tag_write(
        self,
        job: Callable[[], T],
        on_result: Callable[[T], None],
        show_error: Callable[[str], None],
    ) -> None:
        """A tag write on the writer thread; a refusal is told in the dialog, in plain words."""
        who = self.who
        if who is None:
            return

        def deliver(value: T) -> None:
            if self.who == who and not self.ctx.session.locked:
                on_result(value)

        def failed(exc: BaseException) -> None:
            if self.who != who:
                return
            text = self._refusal(exc)
            if text is None:
                show_error(self.tr("The tag could not be changed."))
                self.ctx.feedback.report(exc, self.tr("Could not change the tag"))
            else:
                show_error(text)

        self.ctx.jobs.write(job, deliver, failed, "map_tag_write")

    def _refusal(self, exc: BaseException) -> str | None:
        """A service refusal in words an operator can act on; None for a fault."""
        if isinstance(exc, ConsentMissing):
            return self.tr(
                "This resident has no tracking consent in force. Record the consent on the "
                "resident's card first (the person's, or a guardian's)."
            )
        if isinstance(exc, PermissionDenied):
            return self.tr("You are not allowed to manage tags for this resident's community.")
        if isinstance(exc, TagInvalid):
            texts = {
                "code": self.tr("That is not a valid tag code."),
                "code_taken": self.tr("This tag code is already registered to another tag."),
                "kind": self.tr("Choose whether the tag is for a person or a vehicle."),
                "resident": self.tr("Choose the resident the tag is for."),
                "plate": self.tr("A vehicle's tag needs its plate."),
                "state": self.tr("This tag is no longer issued: it was returned or replaced."),
                "zones": self.tr("The safe zones are not valid zone codes."),
                "dwell": self.tr("The dwell time is not valid."),
                "hours": self.tr("The no-read hours are not valid."),
            }
            return texts.get(exc.code, self.tr("The tag could not be changed."))
        if isinstance(exc, LookupError):
            return self.tr("That tag or resident was not found.")
        return None

    @Slot(int, str)
    def _on_replace(self, tag_id: int, new_code: str) -> None:
        who, registry, dlg = self.who, self._registry(), self.tag_dialog
        if who is None or registry is None or dlg is None:
            return
        label = dlg.tag_label

        def replaced(new_id: int) -> None:
            dlg.show_tag(new_id, new_code, dlg.tag_kind, label, "")
            dlg.show_done(
                self.tr("Replaced: tag {code} is now issued in its place.").format(code=new_code)
            )
            self._read_tag(who, registry, new_id, label)

        self._tag_write(lambda: registry.replace(who, tag_id, new_code), replaced, dlg.show_error)

    @Slot(int, bool)
    def _on_return(self, tag_id: int, lost: bool) -> None:
        who, registry, dlg = self.who, self._registry(), self.tag_dialog
        if who is None or registry is None or dlg is None:
            return
        if lost:
            title = self.tr("Tag lost")
            text = self.tr("Mark tag {code} as lost? It will no longer be tracked.")
        else:
            title = self.tr("Return tag")
            text = self.tr("Take tag {code} back? It will no longer be tracked.")

        def go() -> None:
            dlg.set_busy(True)

            def done(_: None) -> None:
                dlg.show_tag(
                    tag_id,
                    dlg.tag_code,
                    dlg.tag_kind,
                    dlg.tag_label,
                    "lost" if lost else "returned",
                )
                dlg.show_done(
                    self.tr("Lost: the tag is no longer tracked.")
                    if lost
                    else self.tr("Returned: the tag is no longer tracked.")
                )

            self._tag_write(
                lambda: registry.return_tag(who, tag_id, lost=lost), done, dlg.show_error
            )

        self.ctx.dialogs.confirm(title, text.format(code=dlg.tag_code), go, default_yes=False)

    @Slot(int, object)
    def _on_profile(self, tag_id: int, profile: TagProfile) -> None:
        who, registry, dlg = self.who, self._registry(), self.tag_dialog
        if who is None or registry is None or dlg is None:
            return
        self._tag_write(
            lambda: registry.set_profile(who, tag_id, profile),
            lambda _: dlg.show_done(self.tr("Care profile saved.")),
            dlg.show_error,
        )

    @Slot(str)
    def _on_resident_search(self, text: str) -> None:
        who, dlg = self.who, self.issue_dialog
        if who is None or dlg is None:
            return
        residents = self.ctx.services.residents

        def job() -> list[ResidentRow]:
            return residents.page(who, query=text, limit=20).rows

        self.read_for(who, job, dlg.set_results, self.tr("Could not search the residents"))

    @Slot(str, str, int, str)
    def _on_issue(self, code: str, kind: str, resident_id: int, plate: str) -> None:
        who, registry, dlg = self.who, self._registry(), self.issue_dialog
        if who is None or registry is None or dlg is None:
            return
        self._tag_write(
            lambda: registry.register(
                who, code=code, kind=kind, resident_id=resident_id, plate=plate
            ),
            lambda _id: dlg.show_done(self.tr("Tag {code} issued.").format(code=code)),
            dlg.show_error,
        )
