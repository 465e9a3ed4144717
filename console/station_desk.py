"""A station's desk: every entry into the local outbox first, a sender thread to the centre.

`OutboxDesk` implements core.station.StationDesk. `submit_*` writes the entry to the outbox
file (a few milliseconds, no network) and wakes the sender, a thread named "station:outbox"
that sends WAITING entries in order through StationService.apply. When the shared database
cannot be reached the link is OFFLINE since that moment and the sender retries with a growing
pause; an entry whose commit happened but whose answer was lost is simply sent again, and the
server answers it from its receipt (data/services/station.py): exactly once. While online it
heartbeats every few seconds and measures how far this PC's clock is off the server's.

A panic taken while the link is down also goes the panel path: a DC-09 panic frame to the
site's alarm receiver as this station's panel (`Dc09PanelPath`), and its item says to phone
the centre in any case.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from core.permissions import Principal
from core.ports import Clock
from core.site import SiteSpec
from core.station import (
    Applied,
    ConflictRow,
    EntryKind,
    IncidentNote,
    LinkState,
    OutboxItem,
    PanicPress,
    ResidentRequest,
    SendState,
    StationLink,
    StationOrder,
    StationSurvey,
)
from core.timefmt import utcnow
from core.workers import ThreadedRunner
from data.audit_journal import is_outage
from data.outbox import Outbox, Pending
from data.services.station import StationService

__all__ = ["SENDER_NAME", "Dc09PanelPath", "OutboxDesk", "PanelResult", "panel_path_for"]

log = logging.getLogger(__name__)

SENDER_NAME = "station:outbox"
HEARTBEAT_S = 5.0  # while online; the centre shows a station offline after 30 s of silence
RETRY_FIRST_S, RETRY_MAX_S = 0.5, 30.0  # the pause after a failed send, doubling up to the max
IDLE_S = 1.0  # nobody signed in: look again after this
BATCH = 100  # entries read from the outbox at a time
PRUNE_EVERY_S = 3600.0
PHONE_THE_CENTRE = "not sent yet: phone the centre"


@dataclass(frozen=True, slots=True)
class PanelResult:
    """What the panel path made of a panic: acknowledged by the receiver, or why not."""

    ok: bool
    detail: str


class Dc09PanelPath:
    """A panic press as this station's alarm panel would report it: a SIA DC-09 "PA" event to
    the site's receiver, encrypted with the panel's key when it has one.

    A receiver that NAKs for the timestamp (this PC's clock off by more than its window) sends
    its own time; the frame is built again on that time and sent once more, as a panel does.
    """

    def __init__(
        self,
        host: str,
        port: int,
        account: str,
        key: bytes | None = None,
        *,
        transport: str = "tcp",
        timeout: float = 2.0,
        clock: Clock = utcnow,
    ):
        self.host, self.port, self.account = host, port, account
        self.key = key
        self.transport = transport
        self.timeout = timeout
        self.clock = clock
        self._sequence = 0

    def __repr__(self) -> str:  # the key never reaches a log line
        return f"Dc09PanelPath({self.host}:{self.port}, account={self.account})"

    def send_panic(self, press: PanicPress) -> PanelResult:
        """Send one panic event and wait for the receiver's answer (blocking, ~timeout)."""
        # Imported here: the frames module loads cryptography, which a console without keys
        # never needs at start.
        from hardware.alarms.frames import Dc09Sender, build_frame

        at = self.clock()
        try:
            with Dc09Sender(
                self.host, self.port, transport=self.transport, timeout=self.timeout
            ) as sender:
                for _ in range(2):
                    self._sequence = self._sequence % 9999 + 1
                    frame = build_frame(
                        self.account,
                        "PA",
                        "",
                        sequence=self._sequence,
                        key=self.key,
                        timestamp=at,
                        text=press.workstation,
                    )
                    answer = sender.send(frame, key=self.key)
                    if answer is None:
                        return PanelResult(False, "the alarm receiver did not answer")
                    if answer.kind == "ACK":
                        return PanelResult(True, "sent to the alarm receiver")
                    if answer.kind != "NAK" or answer.timestamp is None:
                        return PanelResult(False, f"the alarm receiver answered {answer.kind}")
                    at = answer.timestamp  # its clock wins: once more on its time
                return PanelResult(False, "the alarm receiver refused the time twice")
        except (OSError, ValueError) as exc:
            return PanelResult(False, f"the alarm receiver cannot be reached: {exc}")


def panel_path_for(site: SiteSpec, workstation: str) -> Dc09PanelPath | None:
    """This station's panel path from the site file: the DC-09 account of its own panic
    button or alarm panel (of its community) and the site's receiver; None when it has no
    panel, is not a community station, or the site has no receiver."""
    receiver = site.alarm_receiver
    station = next((w for w in site.workstations if w.code == workstation), None)
    if receiver is None or receiver.tcp_port <= 0 or station is None or station.community is None:
        return None  # the control centre raises its P1s itself
    own = [
        d
        for d in site.devices
        if d.workstation == workstation and d.community == station.community and d.alarm.account
    ]
    own.sort(key=lambda d: (d.kind != "panic_button", d.code))
    if not own:
        return None
    device = own[0]
    assert device.alarm.account is not None
    return Dc09PanelPath(
        receiver.reached_at, receiver.tcp_port, device.alarm.account, device.alarm.key
    )


class _LinkDown(Exception):
    """The shared database could not be reached (the cause is chained)."""


def _link_down(exc: BaseException) -> bool:
    return is_outage(exc) or isinstance(exc, OSError)


class _Sender(ThreadedRunner):
    """The sender thread: its loop is the desk's `_run`."""

    def __init__(self, desk: OutboxDesk):
        super().__init__(SENDER_NAME)
        self.desk = desk

    def _run(self) -> None:
        self.desk._loop(self.stop_event)

    def _interrupt(self) -> None:
        self.desk.wake()


class OutboxDesk:
    """core.station.StationDesk over a local outbox and the station service.

    `who` gives the signed-in principal the entries are sent as (None: nobody is signed in,
    entries wait). `changed` (any plain callable, called on the sender's or the caller's
    thread) is told when items or the link changed; connect it to the GUI through a mailbox.
    """

    def __init__(
        self,
        outbox: Outbox,
        station: StationService,
        who: Callable[[], Principal | None],
        *,
        workstation: str,
        panel_path: Dc09PanelPath | None = None,
        clock: Clock = utcnow,
        heartbeat_s: float = HEARTBEAT_S,
        retry_first_s: float = RETRY_FIRST_S,
        retry_max_s: float = RETRY_MAX_S,
        changed: Callable[[], None] | None = None,
    ):
        self.outbox = outbox
        self.station = station
        self.who = who
        self.workstation = workstation
        self.panel_path = panel_path
        self.clock = clock
        self.heartbeat_s = heartbeat_s
        self.retry_first_s = retry_first_s
        self.retry_max_s = retry_max_s
        self.changed = changed
        self.last_error = ""  # the sender's last unexpected failure, for the screen
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._link = StationLink(LinkState.OFFLINE, None)  # since None: not yet connected
        self._sender: _Sender | None = None
        self._next_heartbeat = 0.0
        self._next_prune = 0.0

    # --- StationDesk ----------------------------------------------------------------------
    def submit_panic(self, press: PanicPress) -> OutboxItem:
        """Keep a panic press; the sender sends it (and tries the panel when offline)."""
        item = self.outbox.add(press)
        if self.link().state is LinkState.OFFLINE:
            # Shown at once; the sender tries the panel before the database.
            self.outbox.set_panel(item.uuid, "", PHONE_THE_CENTRE)
            item = self.outbox.item(item.uuid) or item
        return self._submitted(item)

    def submit_request(self, request: ResidentRequest) -> OutboxItem:
        """Keep a resident's request (with its photo) to send."""
        return self._submitted(self.outbox.add(request))

    def submit_note(self, note: IncidentNote) -> OutboxItem:
        """Keep a note on an incident, written against the version the station saw."""
        return self._submitted(self.outbox.add(note))

    def submit_survey(self, survey: StationSurvey) -> OutboxItem:
        """Keep a survey response to send (its client UUID makes a resend count once)."""
        return self._submitted(self.outbox.add(survey))

    def submit_order(self, order: StationOrder) -> OutboxItem:
        """Keep an order to send (its client UUID makes a resend one order)."""
        return self._submitted(self.outbox.add(order))

    def items(self) -> list[OutboxItem]:
        """Every entry not yet sent, and those sent in the last days, oldest first."""
        return self.outbox.items()

    def link(self) -> StationLink:
        """The link as last seen, with the number of entries still waiting."""
        with self._lock:
            link = self._link
        return StationLink(
            link.state, link.since, link.clock_skew_s, self.outbox.count(SendState.WAITING)
        )

    # --- conflicts (passthroughs, on the caller's thread: a job, not the GUI thread) -----
    def conflicts(self) -> list[ConflictRow]:
        """The conflicts of this station's communities waiting for a decision."""
        who = self._principal()
        return self.station.conflicts(who)

    def decide(self, uuid: str, apply_anyway: bool) -> Applied:
        """Decide a conflict; this outbox's entry of that UUID follows the decision."""
        answer = self.station.decide(self._principal(), uuid, apply_anyway)
        if self.outbox.item(uuid) is not None:
            self.outbox.settle(uuid, answer.state, answer.server_ref, answer.detail)
            self._notify()
        return answer

    # --- the thread ---------------------------------------------------------------------
    @property
    def name(self) -> str:
        """The sender thread's name."""
        return SENDER_NAME

    @property
    def alive(self) -> bool:
        """True while the sender runs."""
        return self._sender is not None and self._sender.alive

    def start(self) -> None:
        """Start the sender thread (once)."""
        if self._sender is not None:
            raise RuntimeError(f"{SENDER_NAME} already started")
        self._sender = _Sender(self)
        self._sender.start()

    def wake(self) -> None:
        """Send now rather than after the current pause (any thread)."""
        self._wake.set()

    def interrupt(self) -> None:
        """Stop and wake the sender (any thread; does not block). A send in progress ends
        with its database call (bounded by the connection's timeouts)."""
        if self._sender is not None:
            self._sender.interrupt()
        self._wake.set()

    def join(self, timeout: float) -> bool:
        """Wait for the sender; False if it still runs after `timeout` seconds."""
        return self._sender is None or self._sender.join(timeout)

    def stop(self, deadline: float = 5.0) -> bool:
        """Stop the sender and join it within `deadline` seconds; False if it did not end.
        The outbox file stays open (its owner closes it)."""
        self.interrupt()
        ok = self.join(deadline)
        if not ok:
            log.error("%s did not stop within %.1f s", SENDER_NAME, deadline)
        return ok

    # --- inside the sender ----------------------------------------------------------------
    def _loop(self, stop: threading.Event) -> None:
        pause = self.retry_first_s
        while not stop.is_set():
            wait = self.heartbeat_s
            try:
                wait = self._cycle(stop)
                pause = self.retry_first_s
            except _LinkDown as down:
                self._offline(down.__cause__ or down)
                wait = pause
                pause = min(pause * 2, self.retry_max_s)
                try:
                    self._panel_path()
                except Exception:
                    log.exception("%s: the panel path failed", SENDER_NAME)
            except Exception as exc:
                # A bug, or the outbox file failing: logged, shown, tried again later.
                log.exception("%s failed", SENDER_NAME)
                self.last_error = f"{type(exc).__name__}: {exc}"
                self._notify()
                wait = pause
                pause = min(pause * 2, self.retry_max_s)
            if self._wake.wait(wait):
                self._wake.clear()

    def _cycle(self, stop: threading.Event) -> float:
        """Send what waits, heartbeat when due; returns how long to wait before the next."""
        who = self.who()
        if who is None:
            return IDLE_S
        link = self._link
        if link.state is LinkState.OFFLINE and link.since is not None:
            self._panel_path()  # before the database: its timeouts may take seconds
        while not stop.is_set():
            batch = self.outbox.waiting(BATCH)
            if not batch:
                break
            for pending in batch:
                if stop.is_set():
                    return 0.0
                self._send(who, pending)
        now = time.monotonic()
        if now >= self._next_heartbeat:
            self._heartbeat(who)
            self._recheck_conflicts(who)
            self._next_heartbeat = now + self.heartbeat_s
        if now >= self._next_prune:
            self.outbox.prune()
            self._next_prune = now + PRUNE_EVERY_S
        return max(0.0, self._next_heartbeat - time.monotonic())

    def _send(self, who: Principal, pending: Pending) -> None:
        try:
            answer = self.station.apply(who, pending.uuid, pending.entry)
        except Exception as exc:
            if _link_down(exc):
                # The answer may have been lost after the commit: the resend finds the receipt.
                self.outbox.tried(pending.uuid, self._waiting_detail(pending, exc))
                raise _LinkDown() from exc
            self.outbox.tried(pending.uuid, f"{type(exc).__name__}: {exc}")
            raise
        self.outbox.settle(pending.uuid, answer.state, answer.server_ref, answer.detail)
        self._online()
        self._notify()

    def _recheck_conflicts(self, who: Principal) -> None:
        """A conflict decided elsewhere (at the centre): its resend gets the decision."""
        for pending in self.outbox.waiting(BATCH, SendState.CONFLICT):
            try:
                answer = self.station.apply(who, pending.uuid, pending.entry)
            except Exception as exc:
                if _link_down(exc):
                    raise _LinkDown() from exc
                raise
            if answer.state is not SendState.CONFLICT:
                self.outbox.settle(pending.uuid, answer.state, answer.server_ref, answer.detail)
                self._notify()

    def _waiting_detail(self, pending: Pending, exc: BaseException) -> str:
        if pending.kind is EntryKind.PANIC:
            return f"{PHONE_THE_CENTRE}; panel: {pending.panel or 'not tried yet'}"
        return f"waiting for the link ({type(exc).__name__})"

    def _heartbeat(self, who: Principal) -> None:
        before = self.clock()
        t0 = time.monotonic()
        waiting = self.outbox.count()
        try:
            server = self.station.heartbeat(who, self.workstation, before, waiting)
        except Exception as exc:
            if _link_down(exc):
                raise _LinkDown() from exc
            raise
        # The station's clock at the moment the server read its own: halfway through the call.
        middle = before + timedelta(seconds=(time.monotonic() - t0) / 2)
        skew = (middle - server).total_seconds()
        self._online(skew)

    def _online(self, skew: float | None = None) -> None:
        with self._lock:
            old = self._link
            since = old.since if old.state is LinkState.ONLINE else self.clock()
            new = StationLink(
                LinkState.ONLINE, since, old.clock_skew_s if skew is None else skew, old.waiting
            )
            self._link = new
        if old.state is not LinkState.ONLINE:
            log.info("%s: the link to the centre is up", SENDER_NAME)
        if old.state is not LinkState.ONLINE or old.clock_skew_s != new.clock_skew_s:
            self._notify()

    def _offline(self, exc: BaseException) -> None:
        with self._lock:
            old = self._link
            if old.state is LinkState.OFFLINE and old.since is not None:
                return
            self._link = StationLink(LinkState.OFFLINE, self.clock(), old.clock_skew_s)
        log.warning("%s: the link to the centre is down: %s", SENDER_NAME, type(exc).__name__)
        self._notify()

    def _panel_path(self) -> None:
        """Panics taken while offline and not yet tried go the panel path (once each)."""
        for pending in self.outbox.waiting(BATCH):
            if pending.kind is not EntryKind.PANIC or pending.panel:
                continue
            assert isinstance(pending.entry, PanicPress)
            if self.panel_path is None:
                outcome = "no panel"
            else:
                result = self.panel_path.send_panic(pending.entry)
                outcome = result.detail
                log.warning(
                    "%s: panic %s by the panel path: %s", SENDER_NAME, pending.uuid, outcome
                )
            self.outbox.set_panel(pending.uuid, outcome, f"{PHONE_THE_CENTRE}; panel: {outcome}")
            self._notify()

    def _principal(self) -> Principal:
        who = self.who()
        if who is None:
            raise PermissionError("nobody is signed in at this station")
        return who

    def _submitted(self, item: OutboxItem) -> OutboxItem:
        self.wake()
        self._notify()
        return item

    def _notify(self) -> None:
        hook = self.changed
        if hook is None:
            return
        try:
            hook()
        except Exception:
            log.exception("%s: the changed hook failed", SENDER_NAME)
