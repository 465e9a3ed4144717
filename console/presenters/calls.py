"""The calls capability: the calls pane, the line's keys, call records, callbacks and dispositions.

The gateway (hardware/sip, or None on a workstation without a line) reports on its own thread
through the bridge; this presenter shows each report at once, from the gateway's own view, and
hands it to the writer (CallService.record), whose row then adds what the database knows
(the matched resident, who answered, what became of the call).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication

from console.feedback_filing import FeedbackFiling
from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.assignments import DispatchTarget
from core.call_log import CallbackRow, CallRow, Disposition, NoIncidentReason
from core.calls import (
    MAX_CALLS,
    AudioLevel,
    CallChanged,
    CallCommandFailed,
    CallGateway,
    CallInfo,
    CallPhase,
    CallRefused,
    GatewayState,
)
from core.duplicates import phone_digits
from core.events import ChangesAvailable
from core.feedback import Source
from core.history import PHONE_MIN, HistoryQuery
from core.model import Priority
from core.permissions import Permission, PermissionDenied, Principal
from core.personal import Purpose, ResidentCard, ResidentRow
from core.timefmt import fmt_local, utcnow
from core.views import CommunityRow, IncidentRow, IncidentTypeRow
from data.services.calls import CallbackList, CallStateError
from widgets.call_dialogs import LinkIncidentDialog, NoIncidentDialog, TransferDialog
from widgets.calls import (
    ANSWER_KEY,
    HANG_UP_KEY,
    HOLD_KEY,
    LINK_KEY,
    NEW_INCIDENT_KEY,
    NO_INCIDENT_KEY,
    TRANSFER_KEY,
    CallerView,
    CallLine,
    CallsPane,
)
from widgets.incident_dialog import NewIncident, NewIncidentDialog
from widgets.notifications import Level

log = logging.getLogger(__name__)

TICK_MS = 1000  # waiting and talking times move on each second
EARLIER = 5  # earlier incidents from the caller's number shown on the card
DEFAULT_VOLUME = 80

Loaded = tuple[list[CallRow], CallbackList, dict[int, ResidentRow]]


class CallsPresenter(Presenter):
    """Owns the calls pane and the line's keys; the gateway is None without a phone line."""

    name = "calls"
    watches = frozenset({"call"})

    def __init__(
        self,
        ctx: PresenterContext,
        gateway: CallGateway | None,
        *,
        workstation: str,
        device: str = "",
        line_configured: bool | None = None,
        settings: Path | None = None,
        list_devices: Callable[[], list[str]] | None = None,
    ):
        super().__init__(ctx)
        self.gateway = gateway
        # The line's last reported state: None until it reports. A call placed on a line that
        # is down went nowhere while the survey and the order said "Calling…".
        self._line_online: bool | None = None
        self.workstation = workstation
        self.device = device  # the phone device row that shows the line's state
        self._list_devices = list_devices
        self._settings = (
            QSettings(str(settings), QSettings.Format.IniFormat) if settings is not None else None
        )
        # The line's own view, by the gateway's handle: every call of this run, until its
        # database row says it ended (so a row written late never shows an older phase).
        self.live: dict[str, CallInfo] = {}
        self.rows: dict[int, CallRow] = {}
        # Matched residents as this viewer may see them (the residents' list path, masked).
        self.residents: dict[int, ResidentRow] = {}
        self._db_of: dict[str, int] = {}  # gateway handle → call row
        self._acted: dict[str, Principal] = {}  # who answered or dialled a call
        self._callback_of: dict[str, int] = {}  # a dialled callback → the missed call
        self._caller_key: tuple[Any, ...] | None = None
        self._full_cards: dict[str, ResidentCard] = {}  # revealed for a linked incident
        self.communities: list[CommunityRow] = []
        self.types: list[IncidentTypeRow] = []
        self.entry_hook: Callable[[NewIncidentDialog], None] | None = None
        self.resident_card_hook: Callable[[int], None] | None = None
        # An order for the caller (resident id or None, the call's id): the orders' entry.
        self.order_hook: Callable[[int | None, int], None] | None = None
        self.rings = 0  # ringing calls announced (tests)
        self._entry_call: int | None = None  # the call the new-incident form is for

        self.pane = CallsPane(ctx.zone)
        configured = gateway is not None if line_configured is None else line_configured
        self.pane.set_line(configured, workstation, usable=gateway is not None)
        ctx.window.add_pane(
            # In front of the residents behind it: a ringing call must be seen at once.
            PaneSpec(
                "calls",
                lambda: self.tr("Calls"),
                self.pane,
                Area.BOTTOM_LEFT,
                30,
                "Ctrl+3",
                front=True,
                permission=Permission.HANDLE_CALLS,
            )
        )
        actions: list[tuple[str, Callable[[], str], str, Callable[[], None]]] = [
            ("call_answer", lambda: self.tr("Answer call"), ANSWER_KEY, self.answer),
            ("call_hold", lambda: self.tr("Hold / resume call"), HOLD_KEY, self.hold),
            ("call_hang_up", lambda: self.tr("Hang up"), HANG_UP_KEY, self.hang_up),
            ("call_transfer", lambda: self.tr("Transfer call…"), TRANSFER_KEY, self.transfer),
            (
                "call_new_incident",
                lambda: self.tr("New incident from call…"),
                NEW_INCIDENT_KEY,
                self.new_incident,
            ),
            ("call_link", lambda: self.tr("Link call to incident…"), LINK_KEY, self.link),
            (
                "call_no_incident",
                lambda: self.tr("Close call: no incident…"),
                NO_INCIDENT_KEY,
                self.no_incident,
            ),
        ]
        for i, (name, text, key, slot) in enumerate(actions):
            ctx.window.add_action(
                ActionSpec(
                    name,
                    text,
                    "incidents",
                    key,
                    permission=Permission.HANDLE_CALLS,
                    separator_before=i == 0,
                ),
                slot,
            )
        p = self.pane
        p.sig_selection_changed.connect(self._on_selection_changed)
        p.sig_answer_requested.connect(self.answer)
        p.sig_hold_requested.connect(self.hold)
        p.sig_hang_up_requested.connect(self.hang_up)
        p.sig_transfer_requested.connect(self.transfer)
        p.sig_new_incident_requested.connect(self.new_incident)
        p.sig_link_requested.connect(self.link)
        p.sig_no_incident_requested.connect(self.no_incident)
        p.sig_feedback_requested.connect(self.feedback_ticket)
        p.sig_order_requested.connect(self.order_for_caller)
        self.filing = FeedbackFiling(self, "feedback from call")
        p.sig_dial_requested.connect(self.dial_back)
        p.sig_mark_called_back_requested.connect(self.mark_called_back)
        p.caller.sig_full_card_requested.connect(self.full_card)
        p.caller.sig_resident_open_requested.connect(self._on_resident_open_requested)
        p.headset.sig_volume_changed.connect(self._on_volume_changed)
        p.headset.sig_mute_toggled.connect(self._on_mute_toggled)
        p.headset.sig_devices_changed.connect(self._on_devices_changed)
        p.tabs.currentChanged.connect(self._on_tab_changed)
        bridge = ctx.bridge
        bridge.subscribe(CallChanged, self._on_call_changed)
        bridge.subscribe(CallRefused, self._on_call_refused)
        bridge.subscribe(GatewayState, self._on_gateway_state)
        bridge.subscribe(AudioLevel, self._on_audio_level)
        bridge.subscribe(CallCommandFailed, self._on_command_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tick)
        self.timer.start()
        self._apply_headset_settings()
        if gateway is not None:
            # Calls an earlier run left open end now (the writer runs this before any call
            # of this run is recorded); a caller nobody answered goes on the callback list.
            calls, started = ctx.services.calls, utcnow()
            ctx.jobs.write(
                lambda: calls.close_orphans(started),
                None,
                lambda exc: log.warning("calls left open were not closed: %s", exc),
                "call_orphans",
            )

    # --- lifecycle ----------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self.reload()
        self._load_devices()

    def signed_out(self) -> None:
        self.rows.clear()
        self.residents.clear()
        self._full_cards.clear()
        self._caller_key = None
        self.pane.clear()
        self._show()

    def shutdown(self) -> None:
        self.timer.stop()

    def reload(self) -> None:
        who = self.who
        if who is None:
            return
        if not who.can(Permission.HANDLE_CALLS):
            self._show()  # the line's own calls only; nothing from the database
            return
        services = self.ctx.services
        calls, site, incidents = services.calls, services.site, services.incidents

        def job() -> tuple[Loaded, list[CommunityRow], list[IncidentTypeRow]]:
            rows = calls.calls(who)
            cbs = calls.callbacks(who)
            return (
                (rows, cbs, self._names_for(who, rows, cbs.waiting)),
                site.communities(who),
                incidents.types(who),
            )

        self.read_for(who, job, self._on_loaded, self.tr("Could not load the calls"), "calls")

    def _names_for(
        self, who: Principal, rows: list[CallRow], waiting: list[CallbackRow]
    ) -> dict[int, ResidentRow]:
        """Matched residents through the residents' list path: masked per role."""
        ids = {r.resident_id for r in rows if r.resident_id}
        ids |= {w.resident_id for w in waiting if w.resident_id}
        if not ids or not who.can(Permission.VIEW_RESIDENTS):
            return {}
        return {r.id: r for r in self.ctx.services.residents.rows_by_ids(who, sorted(ids))}

    def _on_loaded(self, result: tuple[Loaded, list[CommunityRow], list[IncidentTypeRow]]) -> None:
        (rows, cbs, names), self.communities, self.types = result
        self.rows = {r.id: r for r in rows}
        self.residents.update(names)
        self._db_of.update(
            {r.gateway_call_id: r.id for r in rows if r.workstation == self.workstation}
        )
        self._show_callbacks(cbs)
        self._show()

    def on_changes(self, changes: ChangesAvailable) -> None:
        ids = changes.ids("call")
        if ids is None:
            self.reload()
        else:
            self._fetch(ids)

    def _fetch(self, ids: frozenset[int]) -> None:
        """Re-read the given calls and the callback list."""
        who = self.who
        if who is None or not who.can(Permission.HANDLE_CALLS):
            return
        calls = self.ctx.services.calls

        def job() -> Loaded:
            rows = calls.calls_by_ids(who, ids)
            cbs = calls.callbacks(who)
            return rows, cbs, self._names_for(who, rows, cbs.waiting)

        self.read_for(who, job, self._on_fetched, self.tr("Could not load the calls"), "calls")

    def _on_fetched(self, result: Loaded) -> None:
        rows, cbs, names = result
        self.residents.update(names)
        for r in rows:
            if r.workstation != self.workstation:
                continue  # another line's call: only its callers reach the callback list
            self.rows[r.id] = r
            self._db_of[r.gateway_call_id] = r.id
        self._show_callbacks(cbs)
        self._show()

    def _show_callbacks(self, cbs: CallbackList) -> None:
        names = {rid: r.name for rid, r in self.residents.items()}
        self.pane.set_callbacks(cbs.waiting, cbs.done, cbs.capped, names)

    # --- the pane's rows --------------------------------------------------------------------
    def _key(self, call_id: str, started_at: datetime, workstation: str = "") -> str:
        return f"{workstation or self.workstation}/{call_id}/{started_at.isoformat()}"

    def lines(self) -> list[CallLine]:
        """Every call shown: the database's rows, with the line's live view over its own."""
        out: dict[str, CallLine] = {}
        for r in self.rows.values():
            key = self._key(r.gateway_call_id, r.started_at, r.workstation)
            out[key] = CallLine(
                key=key,
                call_id="",
                db_id=r.id,
                direction=r.direction,
                phase=r.phase,
                number=r.number,
                display=r.display,
                resident=self._name(r.resident_id),
                resident_id=r.resident_id,
                started_at=r.started_at,
                answered_at=r.answered_at,
                ended_at=r.ended_at,
                end=r.end,
                answered_by=r.answered_by,
                disposition=r.disposition,
                incident_id=r.incident_id,
                no_incident_reason=r.no_incident_reason,
                callback_of=r.callback_of,
            )
        ended_in_db: list[str] = []
        for info in self.live.values():
            key = self._key(info.call_id, info.started_at)
            shown = out.get(key)
            if shown is not None and shown.phase is CallPhase.ENDED:
                ended_in_db.append(info.call_id)
                continue
            db_id = shown.db_id if shown is not None else self._db_of.get(info.call_id)
            out[key] = CallLine(
                key=key,
                call_id=info.call_id if info.phase is not CallPhase.ENDED else "",
                db_id=db_id,
                direction=info.direction,
                phase=info.phase,
                number=info.number,
                display=info.display,
                resident=shown.resident if shown is not None else "",
                resident_id=shown.resident_id if shown is not None else None,
                started_at=info.started_at,
                answered_at=info.answered_at,
                ended_at=info.ended_at,
                end=info.end,
                answered_by=shown.answered_by if shown is not None else "",
                disposition=shown.disposition if shown is not None else Disposition.OPEN,
                incident_id=shown.incident_id if shown is not None else None,
                no_incident_reason=shown.no_incident_reason if shown is not None else "",
                callback_of=self._callback_of.get(info.call_id),
            )
        for call_id in ended_in_db:  # the database has the whole story now
            self.live.pop(call_id, None)
        who = self.who
        if who is None or not who.can(Permission.HANDLE_CALLS):
            # Nobody (or nobody who handles calls) signed in: the line's calls still ring,
            # but no caller's details show.
            return [
                CallLine(
                    key=c.key,
                    call_id=c.call_id,
                    db_id=None,
                    direction=c.direction,
                    phase=c.phase,
                    number="",
                    display="",
                    resident="",
                    resident_id=None,
                    started_at=c.started_at,
                )
                for c in out.values()
                if c.live and c.call_id
            ]
        return list(out.values())

    def _name(self, resident_id: int | None) -> str:
        r = self.residents.get(resident_id or 0)
        return r.name if r is not None else ""

    def _show(self) -> None:
        self.pane.set_calls(self.lines())
        self.pane.tick(utcnow())
        self._refresh_caller()

    @Slot()
    def _on_tick(self) -> None:
        self.pane.tick(utcnow())

    # --- the line's reports (GUI thread, through the bridge) ---------------------------------
    def _on_call_changed(self, event: CallChanged) -> None:
        info = event.call
        first = info.call_id not in self.live
        self.live[info.call_id] = info
        by: Principal | None = None
        if info.phase is CallPhase.DIALING or (
            info.answered_at is not None and info.phase is CallPhase.ACTIVE
        ):
            by = self._acted.get(info.call_id)
        callback_of = self._callback_of.get(info.call_id) if first else None
        calls = self.ctx.services.calls

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PermissionDenied) and by is not None:
                # The operator's account may no longer handle calls: the line's fact is kept
                # all the same, in the system's name.
                self.ctx.jobs.write(
                    lambda: calls.record(info, callback_of=callback_of),
                    lambda cid: self._on_recorded(info.call_id, cid),
                    lambda exc2: self.ctx.feedback.report(
                        exc2, self.tr("Could not record the call")
                    ),
                    "call_record",
                )
                return
            self.ctx.feedback.report(exc, self.tr("Could not record the call"))

        self.ctx.jobs.write(
            lambda: calls.record(info, by=by, callback_of=callback_of),
            lambda cid: self._on_recorded(info.call_id, cid),
            failed,
            "call_record",
        )
        self._show()
        if first and info.phase is CallPhase.RINGING:
            self._announce(info)

    def _on_recorded(self, call_id: str, row_id: int) -> None:
        self._db_of[call_id] = row_id
        self._fetch(frozenset({row_id}))

    def _announce(self, info: CallInfo) -> None:
        """A new ringing call: the pane in front, the window raised, a line in the notices."""
        self.rings += 1
        self.ctx.window.show_pane("calls")
        self.pane.tabs.setCurrentIndex(0)
        if self.pane.selected() is None:
            self.pane.select(self._key(info.call_id, info.started_at))
        # The offscreen platform (tests, screenshots) has no window manager to raise with.
        on_screen = QApplication.platformName() != "offscreen"
        if on_screen and self.who is not None and not self.ctx.session.locked:
            window = self.ctx.window
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()
        QApplication.alert(self.ctx.window)
        # Nobody signed in: the call rings, but its number is not for whoever walks by.
        number = info.number if self.who is not None else ""
        self.ctx.feedback.notify(
            Level.WARNING,
            self.tr("Incoming call from {number} — {key} answers").format(
                number=number or self.tr("(withheld)"), key=ANSWER_KEY
            ),
        )

    def _on_call_refused(self, event: CallRefused) -> None:
        self.pane.set_refused(event.at, event.number)
        calls = self.ctx.services.calls
        self.ctx.jobs.write(
            lambda: calls.refused(event),
            lambda cid: self._fetch(frozenset({cid})),
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not record the call")),
            "call_refused",
        )
        self.ctx.feedback.notify(
            Level.ERROR,
            self.tr("All {n} lines busy: {number} got \u201cbusy\u201d at {at}").format(
                n=MAX_CALLS,
                number=event.number or self.tr("(withheld)"),
                at=fmt_local(event.at, self.ctx.zone),
            ),
        )

    def _on_gateway_state(self, state: GatewayState) -> None:
        self._line_online = state.online and state.registered is not False
        self.pane.set_state(self._line_online, state.detail)
        if not self.device:
            return
        calls, device = self.ctx.services.calls, self.device
        self.ctx.jobs.write(
            lambda: calls.line_state(device, state),
            None,
            lambda exc: log.warning("the line's state was not recorded: %s", exc),
            "call_line_state",
        )

    def _on_audio_level(self, level: AudioLevel) -> None:
        self.pane.set_level(level.input_rms)

    def _on_command_failed(self, event: CallCommandFailed) -> None:
        what = {
            "answer": self.tr("Answering the call failed"),
            "hold": self.tr("Putting the call on hold failed"),
            "resume": self.tr("Taking the call off hold failed"),
            "transfer": self.tr("Transferring the call failed"),
            "hang_up": self.tr("Hanging up failed"),
            "dial": self.tr("Calling out failed"),
        }.get(event.command, self.tr("A command on the line failed"))
        # The detail is the SIP stack's own (a status code and its English reason).
        text = self.tr("{what}: {detail}").format(what=what, detail=event.detail)
        self.pane.show_message(text)
        self.ctx.feedback.notify(Level.WARNING, text)

    # --- the operator's keys ----------------------------------------------------------------
    def _live_calls(self) -> list[CallInfo]:
        return [i for i in self.live.values() if i.phase is not CallPhase.ENDED]

    def _target(self, *phases: CallPhase) -> CallInfo | None:
        """The selected call on this line if in one of `phases`, else the only such call."""
        line = self.pane.selected()
        if line is not None and line.call_id:
            info = self.live.get(line.call_id)
            if info is not None and info.phase in phases:
                return info
        found = [i for i in self._live_calls() if i.phase in phases]
        return found[0] if len(found) == 1 else None

    def _allowed(self) -> Principal | None:
        who = self.who
        if who is None or self.gateway is None or self.ctx.session.locked:
            return None
        if not who.can(Permission.HANDLE_CALLS):
            self.ctx.feedback.report(
                PermissionDenied(who.username, Permission.HANDLE_CALLS), self.tr("Calls")
            )
            return None
        return who

    @Slot()
    def answer(self) -> None:
        """F2: the selected ringing call, else the one waiting longest; a call in progress
        is put on hold first."""
        who, gateway = self._allowed(), self.gateway
        if who is None or gateway is None:
            return
        target = self._target(CallPhase.RINGING)
        if target is None:
            ringing = sorted(
                (i for i in self._live_calls() if i.phase is CallPhase.RINGING),
                key=lambda i: i.started_at,
            )
            if not ringing:
                self.ctx.feedback.message(self.tr("No call is ringing."))
                return
            target = ringing[0]
        for other in self._live_calls():
            if other.phase is CallPhase.ACTIVE:
                gateway.hold(other.call_id)
        self._acted[target.call_id] = who
        gateway.answer(target.call_id)
        self.pane.select(self._key(target.call_id, target.started_at))

    @Slot()
    def hold(self) -> None:
        """F3: hold the call in progress, or take the held one off hold."""
        who, gateway = self._allowed(), self.gateway
        if who is None or gateway is None:
            return
        target = self._target(CallPhase.ACTIVE, CallPhase.HELD)
        if target is None:
            self.ctx.feedback.message(self.tr("Select the call to hold or resume."))
        elif target.phase is CallPhase.HELD:
            for other in self._live_calls():
                if other.phase is CallPhase.ACTIVE:
                    gateway.hold(other.call_id)
            gateway.resume(target.call_id)
        else:
            gateway.hold(target.call_id)

    @Slot()
    def hang_up(self) -> None:
        """F4: a call in progress ends at once; rejecting a ringing caller is asked first."""
        who, gateway = self._allowed(), self.gateway
        if who is None or gateway is None:
            return
        target = self._target(CallPhase.ACTIVE, CallPhase.HELD, CallPhase.DIALING)
        if target is None:
            ringing = self._target(CallPhase.RINGING)
            if ringing is None:
                self.ctx.feedback.message(self.tr("Select the call to hang up."))
                return
            call_id = ringing.call_id
            self.ctx.dialogs.confirm(
                self.tr("Reject the call?"),
                self.tr(
                    "The caller {number} is still waiting to be answered. Rejecting tells them "
                    "the line is busy; they go on the callback list."
                ).format(number=ringing.number or self.tr("(withheld)")),
                lambda: gateway.hang_up(call_id),
                default_yes=False,
            )
            return
        gateway.hang_up(target.call_id)

    @Slot()
    def transfer(self) -> None:
        """F6: blind transfer of the call in progress to a department's or unit's phone."""
        who, gateway = self._allowed(), self.gateway
        if who is None or gateway is None:
            return
        target = self._target(CallPhase.ACTIVE)
        if target is None:
            self.ctx.feedback.message(self.tr("Select the call to transfer."))
            return
        calls = self.ctx.services.calls

        def show(targets: list[DispatchTarget]) -> None:
            if self.live.get(target.call_id, target).phase is not CallPhase.ACTIVE:
                return
            dlg = TransferDialog(targets, target.number or self.tr("(withheld)"), self.ctx.window)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.accepted.connect(lambda: gateway.transfer(target.call_id, dlg.value()))
            self.ctx.dialogs.register(dlg)
            dlg.open()

        self.read_for(
            who,
            lambda: calls.transfer_targets(who),
            show,
            self.tr("Could not list the departments"),
        )

    def _selected_for_outcome(self) -> CallLine | None:
        line = self.pane.selected()
        if (
            line is None
            or line.db_id is None
            or line.answered_at is None
            or line.disposition is not Disposition.OPEN
        ):
            self.ctx.feedback.message(
                self.tr("Select an answered call that is not linked or closed yet.")
            )
            return None
        return line

    @Slot()
    def new_incident(self) -> None:
        """F7: the new-incident form filled in from the call; saving links the call to it."""
        self._open_entry(None, "")

    @Slot()
    def feedback_ticket(self) -> None:
        """A feedback ticket from the selected call: the dialog comes with the caller's number."""
        line = self.pane.selected()
        if line is None or line.db_id is None:
            return
        resident = self.residents.get(line.resident_id or 0)
        self.filing.open(
            [(c.code, c.name) for c in self.communities],
            source=Source.CALL,
            community=resident.community if resident is not None else None,
            phone=line.number,
            call_id=line.db_id,
        )

    @Slot()
    def order_for_caller(self) -> None:
        """An order of daily necessities from the selected call, for its known resident."""
        line = self.pane.selected()
        if line is None or line.db_id is None or self.order_hook is None:
            return
        self.order_hook(line.resident_id, line.db_id)

    def _open_entry(self, draft: NewIncident | None, error: str) -> None:
        who = self.who
        if who is None or self.ctx.session.locked or not who.can(Permission.HANDLE_CALLS):
            return
        if draft is None:
            line = self._selected_for_outcome()
        else:  # again after a failed save, for the same call
            line = next((c for c in self.lines() if c.db_id == self._entry_call), None)
        if line is None or line.db_id is None:
            return
        call_id = line.db_id
        dlg = NewIncidentDialog(self.communities, self.ctx.window, self.types)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.setWindowTitle(
            self.tr("New incident from the call of {number}").format(
                number=line.number or self.tr("(withheld)")
            )
        )
        resident = self.residents.get(line.resident_id or 0)
        community = resident.community if resident is not None else None
        dlg.prefill(
            draft
            or NewIncident(
                title="",
                priority=Priority.P3,
                community=community,
                location="",
                description=self.tr("Call at {at}").format(
                    at=fmt_local(line.started_at, self.ctx.zone, seconds=False)
                ),
                caller_name=line.display,
                caller_phone=line.number,
            ),
            error,
        )
        dlg.accepted.connect(lambda: self._create(call_id, dlg.value()))
        self.ctx.dialogs.register(dlg)
        if self.entry_hook is not None:
            self.entry_hook(dlg)  # duplicates and the caller's resident, as the desk's form
        dlg.open()
        self._entry_call = call_id

    def _create(self, call_id: int, v: NewIncident) -> None:
        who = self.who
        if who is None:
            return
        calls = self.ctx.services.calls
        self.ctx.jobs.write(
            lambda: calls.link_new_incident(
                who,
                call_id,
                title=v.title,
                priority=v.priority,
                community=v.community,
                location=v.location,
                description=v.description,
                type_code=v.type_code,
                caller_name=v.caller_name,
                caller_phone=v.caller_phone,
            ),
            lambda iid: self._on_linked(call_id, iid),
            lambda exc: self._on_create_failed(call_id, v, exc),
            "call_new_incident",
        )

    def _on_create_failed(self, call_id: int, v: NewIncident, exc: BaseException) -> None:
        what = self.tr("Could not create the incident from the call")
        self.ctx.feedback.report(exc, what)
        if not isinstance(exc, PermissionDenied | CallStateError):
            # Nothing typed is lost: the form comes back with it and the reason.
            self._entry_call = call_id
            reason = self.ctx.feedback.describe(exc)
            QTimer.singleShot(0, lambda: self._open_entry(v, f"{what}: {reason}"))

    def _on_linked(self, call_id: int, incident_id: int) -> None:
        self.ctx.feedback.message(self.tr("Call linked to incident #{id}.").format(id=incident_id))
        self._fetch(frozenset({call_id}))

    @Slot()
    def link(self) -> None:
        """F8: link the selected call to an incident already in the queue."""
        who = self.who
        if who is None or self.ctx.session.locked or not who.can(Permission.HANDLE_CALLS):
            return
        line = self._selected_for_outcome()
        if line is None or line.db_id is None:
            return
        call_id = line.db_id
        incidents, calls = self.ctx.services.incidents, self.ctx.services.calls

        def show(rows: list[IncidentRow]) -> None:
            dlg = LinkIncidentDialog(rows, self.ctx.window)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

            def chosen() -> None:
                iid = dlg.value()
                if iid is None:
                    return
                self.ctx.jobs.write(
                    lambda: calls.link_incident(who, call_id, iid),
                    lambda _none: self._on_linked(call_id, iid),
                    lambda exc: self._report(exc, self.tr("Could not link the call")),
                    "call_link",
                )

            dlg.accepted.connect(chosen)
            self.ctx.dialogs.register(dlg)
            dlg.open()

        self.read_for(
            who,
            lambda: incidents.open_incidents(who, limit=200),
            show,
            self.tr("Could not load the open incidents"),
        )

    @Slot()
    def no_incident(self) -> None:
        """F9: close the selected call as needing no incident, with the reason."""
        who = self.who
        if who is None or self.ctx.session.locked or not who.can(Permission.HANDLE_CALLS):
            return
        line = self._selected_for_outcome()
        if line is None or line.db_id is None:
            return
        call_id = line.db_id
        calls = self.ctx.services.calls
        dlg = NoIncidentDialog(line.number or self.tr("(withheld)"), self.ctx.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            reason, note = dlg.value()
            self.ctx.jobs.write(
                lambda: calls.close_no_incident(who, call_id, reason, note),
                lambda _none: self._fetch(frozenset({call_id})),
                lambda exc: self._report(exc, self.tr("Could not close the call")),
                "call_no_incident",
            )

        dlg.accepted.connect(chosen)
        self.ctx.dialogs.register(dlg)
        dlg.open()

    def close_no_incident(self, reason: NoIncidentReason, note: str = "") -> None:
        """Close the selected call without the dialog (tests, scripted use)."""
        who, line = self.who, self._selected_for_outcome()
        if who is None or line is None or line.db_id is None:
            return
        call_id, calls = line.db_id, self.ctx.services.calls
        self.ctx.jobs.write(
            lambda: calls.close_no_incident(who, call_id, reason, note),
            lambda _none: self._fetch(frozenset({call_id})),
            lambda exc: self._report(exc, self.tr("Could not close the call")),
            "call_no_incident",
        )

    def _report(self, exc: BaseException, what: str) -> None:
        if isinstance(exc, CallStateError):
            # The service's reason is English; the operator gets it in their language.
            text = self.tr("{what}: it is already linked or closed, or was never answered.")
            self.ctx.feedback.notify(Level.WARNING, text.format(what=what))
            return
        self.ctx.feedback.report(exc, what)

    # --- callbacks --------------------------------------------------------------------------
    @Slot(str, int)
    def dial_back(self, number: str, missed_call_id: int) -> None:
        """Call a missed caller back; reached, their missed calls count as called back."""
        who, gateway = self._allowed(), self.gateway
        if who is None or gateway is None or not number:
            return
        if self._line_online is False:
            self.ctx.feedback.message(self.tr("The phone line is down: the call was not placed."))
            return
        for other in self._live_calls():
            if other.phase is CallPhase.ACTIVE:
                gateway.hold(other.call_id)
        call_id = gateway.dial(number)
        # The line reports the call on the GUI thread after this returns: both maps are set
        # before its first report is handled.
        self._acted[call_id] = who
        self._callback_of[call_id] = missed_call_id
        self.pane.tabs.setCurrentIndex(0)

    def dial(self, number: str) -> bool:
        """Place an outgoing call (a survey call); False without a line, a right or a number."""
        who, gateway = self._allowed(), self.gateway
        if who is None or gateway is None or not number or self._line_online is False:
            return False
        for other in self._live_calls():
            if other.phase is CallPhase.ACTIVE:
                gateway.hold(other.call_id)
        self._acted[gateway.dial(number)] = who
        self.pane.tabs.setCurrentIndex(0)
        return True

    def can_dial(self) -> bool:
        """True when this user may place a call on this workstation's line now (a line that
        reported itself down may not)."""
        who = self.who
        return (
            who is not None
            and self.gateway is not None
            and self._line_online is not False
            and not self.ctx.session.locked
            and who.can(Permission.HANDLE_CALLS)
        )

    def dial_resident(self, resident_id: int, reason: str, done: Callable[[bool], None]) -> None:
        """Ring a resident whose number this user's role sees masked: the number is read for
        the line only (audited with `reason`); `done` says whether the call was placed."""
        who = self._allowed()
        if who is None or self.gateway is None or self._line_online is False:
            done(False)  # the number is not read (nor audited) for a call that cannot go out
            return
        residents = self.ctx.services.residents

        def failed(exc: BaseException) -> None:
            self._report(exc, self.tr("Could not call the resident"))
            done(False)

        self.ctx.jobs.write(
            lambda: residents.phone_to_dial(who, resident_id, reason),
            lambda number: done(self.dial(number)),
            failed,
            "dial resident",
        )

    @Slot(int)
    def mark_called_back(self, missed_call_id: int) -> None:
        """The caller was reached another way: off the list, with who and when."""
        who = self.who
        if who is None or not who.can(Permission.HANDLE_CALLS):
            return
        calls = self.ctx.services.calls
        self.ctx.jobs.write(
            lambda: calls.mark_called_back(who, missed_call_id),
            lambda _n: self._fetch(frozenset({missed_call_id})),
            lambda exc: self._report(exc, self.tr("Could not mark the call")),
            "call_mark_called_back",
        )

    def _on_tab_changed(self, index: int) -> None:
        if index == 1:
            self.pane.clear_refused()  # seen: the refused callers are on this list

    # --- the caller panel -------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        self.pane.update_buttons()
        self._refresh_caller()

    def _refresh_caller(self) -> None:
        line = self.pane.selected()
        who = self.who
        if line is None or who is None:
            if self._caller_key is not None:
                self._caller_key = None
                self.pane.set_caller(None)
            return
        key = (line.key, line.resident_id, line.incident_id, line.number)
        if key == self._caller_key:
            return
        self._caller_key = key
        full = self._full_cards.get(line.key)
        residents, history = self.ctx.services.residents, self.ctx.services.history
        digits = phone_digits(line.number)

        def job() -> CallerView:
            card = None
            if full is not None:
                card = full
            elif line.resident_id is not None and who.can(Permission.VIEW_RESIDENTS):
                card = residents.card(who, line.resident_id)  # the everyday view: a read
            earlier: tuple[IncidentRow, ...] = ()
            at_address = False
            if not who.can(Permission.VIEW_INCIDENTS):
                pass
            elif line.resident_id is not None:
                # A resident's call: what happened at their building (the issue's "recent
                # incidents at that address"), found without handing the address out.
                earlier = tuple(history.at_address_of(who, line.resident_id, limit=EARLIER))
                at_address = True
            elif len(digits) >= PHONE_MIN:
                page = history.search(who, HistoryQuery(phone=digits), limit=EARLIER)
                earlier = tuple(page.rows)
            return CallerView(line.number, card, earlier, line.incident_id, at_address)

        def shown(view: CallerView) -> None:
            if self._caller_key == key:
                self.pane.set_caller(view)

        self.read_for(who, job, shown, self.tr("Could not load the caller"), "caller")

    @Slot()
    def full_card(self) -> None:
        """The matched resident's whole card, for the incident the call is linked to: the
        card service decides what that purpose shows and records the view."""
        who, line = self.who, self.pane.selected()
        if who is None or line is None or line.resident_id is None or line.incident_id is None:
            return
        residents = self.ctx.services.residents
        rid, iid, key = line.resident_id, line.incident_id, line.key

        def shown(card: ResidentCard) -> None:
            if self.who != who:
                return
            self._full_cards[key] = card
            self._caller_key = None
            self._refresh_caller()

        # A reveal writes its audit row: on the writer.
        self.ctx.jobs.write(
            lambda: residents.card(who, rid, Purpose.INCIDENT, incident_id=iid),
            shown,
            lambda exc: self.ctx.feedback.report(exc, self.tr("Could not open the card")),
            "caller_card",
        )

    def _on_resident_open_requested(self, resident_id: int) -> None:
        if self.resident_card_hook is not None:
            self.resident_card_hook(resident_id)

    # --- the headset --------------------------------------------------------------------------
    def _setting(self, key: str, default: Any) -> Any:
        return self._settings.value(key, default) if self._settings is not None else default

    def _save(self, key: str, value: Any) -> None:
        if self._settings is not None:
            self._settings.setValue(key, value)
            self._settings.sync()

    def _volume(self) -> int:
        try:
            return min(max(int(str(self._setting("calls/volume", DEFAULT_VOLUME))), 0), 100)
        except ValueError:
            return DEFAULT_VOLUME

    def _apply_headset_settings(self) -> None:
        headset = str(self._setting("calls/headset", "")) or None
        ring = str(self._setting("calls/ring", "")) or None
        muted = str(self._setting("calls/muted", "false")) == "true"
        bar = self.pane.headset
        bar.volume.blockSignals(True)
        bar.volume.setValue(self._volume())
        bar.volume.blockSignals(False)
        bar.mute.blockSignals(True)
        bar.mute.setChecked(muted)
        bar.mute.blockSignals(False)
        bar._texts()
        bar.set_devices([], headset, ring)
        if self.gateway is not None:
            self.gateway.set_devices(headset, ring)
            self.gateway.set_volume(self._volume() / 100, 0.0 if muted else 1.0)

    def _load_devices(self) -> None:
        lister = self._list_devices
        if lister is None or self.gateway is None:
            return
        headset = str(self._setting("calls/headset", "")) or None
        ring = str(self._setting("calls/ring", "")) or None
        # PortAudio's device scan can take a while: off the GUI thread.
        self.ctx.jobs.read(
            lister,
            lambda names: self.pane.headset.set_devices(names, headset, ring),
            lambda exc: log.warning("audio devices not listed: %s", exc),
            "audio_devices",
        )

    def _on_volume_changed(self, percent: int) -> None:
        self._save("calls/volume", percent)
        self._apply_volume()

    def _on_mute_toggled(self, muted: bool) -> None:
        self._save("calls/muted", "true" if muted else "false")
        self._apply_volume()

    def _apply_volume(self) -> None:
        if self.gateway is not None:
            muted = self.pane.headset.mute.isChecked()
            self.gateway.set_volume(self.pane.headset.volume.value() / 100, 0.0 if muted else 1.0)

    def _on_devices_changed(self, headset: object, ring: object) -> None:
        h = headset if isinstance(headset, str) else None
        r = ring if isinstance(ring, str) else None
        self._save("calls/headset", h or "")
        self._save("calls/ring", r or "")
        if self.gateway is not None:
            self.gateway.set_devices(h, r)
