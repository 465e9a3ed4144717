"""Station mode: a community station's own queue, panic, intake, outbox and link, on one screen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QFileDialog

from console.jobs import Jobs
from console.presenters.base import Presenter, PresenterContext
from console.shell.panes import Area, PaneSpec
from core.attachments import MAX_BYTES
from core.contacts import ContactRow
from core.events import ChangesAvailable
from core.model import Priority
from core.permissions import Permission, Principal
from core.station import (
    LinkState,
    OutboxItem,
    PanicPress,
    RequestTarget,
    ResidentRequest,
    SendState,
    StationDesk,
    StationLink,
)
from core.timefmt import local, utcnow
from core.views import IncidentRow, IncidentTypeRow
from data.services.contacts import ContactsService
from data.services.residents import ResidentPage
from widgets.file_dialogs import PHOTOS, open_in
from widgets.station_intake import IntakeForm
from widgets.station_panic import HOLD_MS
from widgets.station_screen import StationScreen

log = logging.getLogger(__name__)

QUEUE_LIMIT = 100  # a community's open items rarely exceed a few dozen
SEARCH_LIMIT = 20  # residents shown for a search: type more to narrow it
LINK_REFRESH_MS = 5000  # the banner's "since" and the outbox states, between change calls
# A panic not at the centre this long after the press, link or not: the worker phones.
PANIC_PATIENCE = timedelta(seconds=15)
PHOTO_FILTER = "Images (*.jpg *.jpeg *.png *.heic *.webp)"


class DecidingDesk(StationDesk, Protocol):
    """A desk whose conflicts a person can decide (the outbox desk has it)."""

    def decide(self, uuid: str, apply_anyway: bool) -> object: ...


@dataclass(frozen=True)
class StationSetup:
    """What makes this workstation a community station (from the site file)."""

    workstation: str
    community: str
    community_name: str
    centre_phone: str = ""  # shown after a panic without a link; "" when the site has none
    types: tuple[IncidentTypeRow, ...] = ()  # the site file's incident types (offline too)


class StationPresenter(Presenter):
    """Owns the station screen; every submission goes to the desk (the local outbox) first.

    Desk calls run on `desk_jobs` (an executor of their own, so a hung shared database never
    delays a panic press); reads of the shared database go through the ordinary jobs.
    """

    name = "station"
    watches = frozenset({"incident", "station_receipt", "service_ticket"})

    def __init__(
        self,
        ctx: PresenterContext,
        setup: StationSetup,
        desk: StationDesk,
        desk_jobs: Jobs,
        *,
        contacts: ContactsService,
        clock: Callable[[], datetime] = utcnow,
        hold_ms: int | None = None,
        panic_clock: Callable[[], int] | None = None,
    ):
        super().__init__(ctx)
        self.setup = setup
        self.desk = desk
        self.desk_jobs = desk_jobs
        self.contacts = contacts
        self.clock = clock
        self.screen = StationScreen(ctx.zone, hold_ms=hold_ms or HOLD_MS, clock=panic_clock)
        self.screen.set_community(setup.community_name or setup.community)
        self.screen.intake.set_types(list(setup.types))
        self.screen.panic.sig_confirmed.connect(self._on_panic_confirmed)
        self.screen.intake.sig_search_requested.connect(self._on_search_requested)
        self.screen.intake.sig_resident_chosen.connect(self._on_resident_chosen)
        self.screen.intake.sig_photo_requested.connect(self._on_photo_requested)
        self.screen.intake.sig_submitted.connect(self._on_intake_submitted)
        self.screen.outbox.sig_decide_requested.connect(self._on_decide_requested)
        self.link = StationLink(LinkState.ONLINE, None)
        self.items: list[OutboxItem] = []
        self.panic_uuid = ""  # the last panic pressed here: its fate is shown under the button
        self._desk_reading = False
        self._desk_again = False
        self._photo_dialog: QFileDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(LINK_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_desk)
        ctx.window.add_pane(
            PaneSpec(
                "station",
                lambda: self.tr("Station"),
                self.screen,
                Area.TOP_LEFT,
                order=5,
                shortcut="Ctrl+0",
                front=True,
            )
        )
        if hasattr(desk, "changed"):
            # The outbox's sender thread calls this: hand it to the GUI thread.
            setattr(desk, "changed", self._on_desk_changed_any_thread)  # noqa: B010

    # --- lifecycle ------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        # A station's layout is its screen alone: the other panes stay one shortcut away
        # (View menu), but a committee worker starts on the one screen meant for them.
        for name, pane in self.ctx.window.panes.items():
            if name != "station":
                pane.dock.hide()
        self.ctx.window.keep_panes_in_toolbar({"station"})
        self.ctx.window.show_pane("station")
        self._timer.start()
        self.reload()
        self._load_types(who)

    def signed_out(self) -> None:
        self._timer.stop()
        self.screen.clear()
        self.panic_uuid = ""

    def locked(self) -> None:
        # Residents found and their contacts must not stay readable behind a lock.
        self.screen.intake.reset()

    def on_changes(self, changes: ChangesAvailable) -> None:
        if "incident" in changes.tables:
            self._load_queue()
        self.refresh_desk()

    def reload(self) -> None:
        self._load_queue()
        self.refresh_desk()

    def shutdown(self) -> None:
        self._timer.stop()
        if hasattr(self.desk, "changed"):
            setattr(self.desk, "changed", None)  # noqa: B010

    # --- the shared database: the queue and the types -------------------------------------
    def _load_queue(self) -> None:
        who = self.who
        if who is None:
            return
        incidents = self.ctx.services.incidents

        def job() -> list[IncidentRow]:
            return incidents.queue_page(who, limit=QUEUE_LIMIT).rows

        def loaded(rows: list[IncidentRow]) -> None:
            if self.who == who:
                # The service scopes a station account to its community; an administrator
                # signed in here sees this community's queue too, not the street's.
                self.screen.queue.set_rows([r for r in rows if r.community == self.community])

        def failed(exc: BaseException) -> None:
            # Offline is shown by the link banner; the last queue read stays on screen.
            log.info("station queue not read: %s", exc)

        self.ctx.jobs.read(job, loaded, failed, "station_queue")

    def _load_types(self, who: Principal) -> None:
        incidents = self.ctx.services.incidents

        def loaded(types: list[IncidentTypeRow]) -> None:
            if self.who == who and types:
                self.screen.intake.set_types(types)

        self.ctx.jobs.read(
            lambda: incidents.types(who),
            loaded,
            lambda exc: log.info("incident types not read (the site file's are used): %s", exc),
            "station_types",
        )

    @property
    def community(self) -> str:
        """The community this station serves."""
        return self.setup.community

    # --- the desk: outbox and link ----------------------------------------------------------
    def _on_desk_changed_any_thread(self) -> None:
        """The desk's `changed` hook (any thread, the sender's mostly)."""
        self.ctx.bridge.deliver(self._on_desk_changed)

    @Slot(object)
    def _on_desk_changed(self, _value: object = None) -> None:
        self.refresh_desk()

    def refresh_desk(self) -> None:
        """Read the outbox and the link from the desk (off the GUI thread), coalesced."""
        if self._desk_reading:
            self._desk_again = True
            return
        self._desk_reading = True
        desk = self.desk

        def job() -> tuple[list[OutboxItem], StationLink]:
            return desk.items(), desk.link()

        self.desk_jobs.read(job, self._on_desk_read, self._on_desk_failed, "station_desk")

    def _on_desk_read(self, result: tuple[list[OutboxItem], StationLink]) -> None:
        self._desk_reading = False
        if self.who is not None:
            self.items, self.link = result
            self.screen.banner.set_link(self.link)
            self.screen.outbox.set_items(self.items)
            self.screen.set_outbox_counts(self.screen.outbox.counts())
            self._show_panic_fate()
        if self._desk_again:
            self._desk_again = False
            self.refresh_desk()

    def _on_desk_failed(self, exc: BaseException) -> None:
        self._desk_reading = False
        log.error("station outbox not readable: %s", exc, exc_info=exc)
        self.ctx.feedback.report(exc, self.tr("Could not read this station's outbox"))

    # --- panic ------------------------------------------------------------------------------
    def _on_panic_confirmed(self) -> None:
        press = PanicPress(
            workstation=self.setup.workstation,
            community=self.community,
            pressed_at=self.clock(),
            source="screen",
        )
        self.screen.show_panic_status(self.tr("Raising the alarm…"))
        desk = self.desk
        self.desk_jobs.write(
            lambda: desk.submit_panic(press), self._on_panic_kept, self._on_panic_failed, "panic"
        )

    def _on_panic_kept(self, item: OutboxItem) -> None:
        self.panic_uuid = item.uuid
        self.items = [item, *(i for i in self.items if i.uuid != item.uuid)]
        self._show_panic_fate()
        self.refresh_desk()

    def _on_panic_failed(self, exc: BaseException) -> None:
        log.error("panic press not kept: %s", exc, exc_info=exc)
        self.screen.show_panic_status(
            self.tr("The alarm could not be raised from this PC. {call}").format(
                call=self._phone_the_centre()
            )
        )

    def _phone_the_centre(self) -> str:
        phone = self.setup.centre_phone
        if phone:
            return self.tr("Phone the centre now: {phone}.").format(phone=phone)
        return self.tr("Phone the centre now.")

    def _show_panic_fate(self) -> None:
        if not self.panic_uuid:
            return
        item = next((i for i in self.items if i.uuid == self.panic_uuid), None)
        if item is None:
            return
        if item.state is SendState.SENT:
            self.screen.show_panic_status(
                self.tr("The control room has the alarm ({ref}).").format(
                    ref=self.screen.outbox.ref_text(item.server_ref)  # "incident 77", in words
                ),
                sent=True,
            )
        elif item.state is SendState.WAITING and (
            self.link.state is LinkState.OFFLINE or self.clock() - item.created_at > PANIC_PATIENCE
        ):
            self.screen.show_panic_status(
                self.tr(
                    "No link to the centre: the alarm waits here and is also sent through the "
                    "alarm panel. {call}"
                ).format(call=self._phone_the_centre())
            )
        elif item.state is SendState.WAITING:
            self.screen.show_panic_status(self.tr("Sending the alarm to the control room…"))
        else:
            self.screen.show_panic_status(
                self.tr("The centre did not take the alarm. {call}").format(
                    call=self._phone_the_centre()
                )
            )

    # --- intake -----------------------------------------------------------------------------
    @Slot(str)
    def _on_search_requested(self, query: str) -> None:
        who = self.who
        if who is None:
            return
        residents, community = self.ctx.services.residents, self.community

        def loaded(page: ResidentPage) -> None:
            self.screen.intake.set_results(page.rows, page.total)

        def failed(exc: BaseException) -> None:
            if self.who == who:
                self.screen.intake.show_error(
                    self.tr(
                        "Residents cannot be looked up now ({why}). Type the caller's name "
                        "and phone instead."
                    ).format(why=self.ctx.feedback.describe(exc))
                )

        def job() -> ResidentPage:
            return residents.page(who, community=community, query=query, limit=SEARCH_LIMIT)

        self.ctx.jobs.read(
            job, lambda page: self._if_same(who, loaded, page), failed, "station_find"
        )

    def _if_same(
        self, who: Principal, fn: Callable[[ResidentPage], None], page: ResidentPage
    ) -> None:
        if self.who == who:
            fn(page)

    @Slot(int)
    def _on_resident_chosen(self, resident_id: int) -> None:
        """The resident's recent contacts: a look at a person's record, so audited (a write)."""
        who = self.who
        if who is None:
            return
        contacts = self.contacts

        def loaded(rows: list[ContactRow]) -> None:
            if self.who == who and not self.ctx.session.locked:
                self.screen.intake.set_contacts(resident_id, rows)

        def failed(exc: BaseException) -> None:
            if self.who == who:
                self.screen.intake.show_error(
                    self.tr("The resident's contacts cannot be read now ({why}).").format(
                        why=self.ctx.feedback.describe(exc)
                    )
                )

        self.ctx.jobs.write(
            lambda: contacts.recent(who, resident_id), loaded, failed, "resident_contacts"
        )

    def _on_photo_requested(self) -> None:
        if self._photo_dialog is None:
            dlg = QFileDialog(self.screen, self.tr("Add a photo"), "", PHOTO_FILTER)
            open_in(dlg, PHOTOS)
            dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
            dlg.fileSelected.connect(self.screen.intake.set_photo)
            self.ctx.dialogs.register(dlg)
            self._photo_dialog = dlg
        self._photo_dialog.open()  # open(), not exec(): no nested event loop

    def _on_intake_submitted(self, form: IntakeForm) -> None:
        who = self.who
        if who is None:
            return
        self.screen.intake.set_busy(True)
        priority = Priority.P4
        if form.target is RequestTarget.INCIDENT:
            types = {t.code: t for t in self.setup.types}
            found = types.get(form.category)
            priority = found.priority if found is not None else Priority.P3
        desk, setup, taken_at = self.desk, self.setup, self.clock()

        def job() -> OutboxItem:
            photo = b""
            if form.photo_path:
                path = Path(form.photo_path)
                if path.stat().st_size > MAX_BYTES:
                    raise ValueError(f"{path.name} is larger than {MAX_BYTES // (1024 * 1024)} MB")
                photo = path.read_bytes()
            return desk.submit_request(
                ResidentRequest(
                    workstation=setup.workstation,
                    community=setup.community,
                    target=form.target,
                    category=form.category,
                    description=form.description,
                    taken_at=taken_at,
                    resident_id=form.resident_id,
                    caller_name=form.caller_name,
                    caller_phone=form.caller_phone,
                    priority=priority,
                    photo_name=Path(form.photo_path).name if form.photo_path else "",
                    photo=photo,
                )
            )

        def kept(item: OutboxItem) -> None:
            self.screen.intake.set_busy(False)
            self.screen.intake.reset()
            self.items = [item, *(i for i in self.items if i.uuid != item.uuid)]
            self.ctx.window.show_message(
                self.tr("The request is kept here and sent to the centre as soon as it can be.")
            )
            self.refresh_desk()

        def failed(exc: BaseException) -> None:
            self.screen.intake.set_busy(False)
            log.error("request not kept: %s", exc, exc_info=exc)
            self.screen.intake.show_error(
                self.tr("The request was not kept: {why}").format(
                    why=self.ctx.feedback.describe(exc)
                )
            )

        self.desk_jobs.write(job, kept, failed, "station_request")

    # --- conflicts --------------------------------------------------------------------------
    @Slot(str, bool)
    def _on_decide_requested(self, uuid: str, apply_anyway: bool) -> None:
        who = self.who
        desk = self.desk
        if who is None or not who.can(Permission.HANDLE_INCIDENTS, self.community):
            return
        decide = getattr(desk, "decide", None)
        if decide is None:
            return
        item = next((i for i in self.items if i.uuid == uuid), None)
        when = local(item.created_at, self.ctx.zone).strftime("%H:%M") if item else ""
        summary = self.screen.outbox.kind_text(item.kind) + " " + when if item else uuid
        if apply_anyway:
            title = self.tr("Apply anyway")
            text = self.tr(
                'Apply "{summary}" although the centre changed the incident meanwhile?'
            ).format(summary=summary)
        else:
            title = self.tr("Discard")
            text = self.tr(
                'Discard "{summary}"? It will not reach the centre; the decision is recorded.'
            ).format(summary=summary)

        def done(_result: object) -> None:
            self.refresh_desk()

        def failed(exc: BaseException) -> None:
            self.ctx.feedback.report(exc, self.tr("The decision was not recorded"))
            self.refresh_desk()

        self.ctx.dialogs.confirm(
            title,
            text,
            lambda: self.desk_jobs.write(
                lambda: decide(uuid, apply_anyway), done, failed, "decide"
            ),
        )
