"""The JT/T 808 terminal server: GPS terminals connect over TCP, their fixes go to the console.

One thread (`name`, "jt808" by default) runs a `selectors` loop over the listener and every
connection: non-blocking bulk reads into a bounded `Jt808Splitter` per connection, replies
queued per connection. A slow or hostile client costs its own buffer, never the others' time.

Replies, and why:

- **0x8100** to a registration: result 0 and the auth code when the terminal may register
  (its phone is in `auth_codes`, or any phone when `auth_codes` is None: the code is then an
  HMAC of the phone under `secret`, so a console with the same secret recognises it after a
  restart), result 4 (no such terminal) otherwise.
- **0x8001 result 0** to an authentication with the right code (the terminal is then online),
  to heartbeats and logouts, and to a location report **only once `accept(fix)` returned True**.
- **No reply** when `accept` returns False (or raises): JT/T 808 has the terminal resend a
  message whose reply does not come within its timeout (its retransmission rule: T(n+1) =
  T(n)·(n+1)), whereas what a terminal does with result 1 is not specified and many treat
  any reply as delivery. A bad check code, a bad escape or a
  length that does not match gets no reply either: the frame did not arrive intact.
- **0x8001 result 1** to an authentication with a wrong code and to a location report from a
  terminal that has not authenticated on this connection (counted as `unauthenticated`).
- **0x8001 result 2** to a body that does not parse (a location shorter than 28 bytes).
- **0x8001 result 3** to message ids it does not handle, RSA-encrypted bodies and
  subpackaged messages (terminals subpackage only multimedia uploads).

A location whose coordinates are out of range is still taken (an SOS must not be lost for a
bad position) with `valid=False` and lat/lon 0; one whose time is not a BCD time is taken
with the receive time. Both are counted in the terminal's `extra`.

State: a `LinkState` per terminal phone (`device` = the phone as sent: 12 digits, 20 for a
2019 header), online on authentication, offline on logout, disconnect or idle timeout with
the reason in `detail`; and one for the server (`device` = `name`) with the totals. Both
are published on a change of online state at once, and at most once a second while counters
change.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import socket
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from core.ports import Clock, EventSink
from core.timefmt import utcnow
from core.tracking import GpsFix, LinkState, TrackingAccept
from hardware.netserver import (
    PUBLISH_EVERY,
    Connection,
    RateLimitedWarnings,
    SelectorServer,
    ServerLimits,
    port_of,
)
from hardware.tracking.jt808 import (
    MSG_AUTHENTICATE,
    MSG_GENERAL_RESPONSE,
    MSG_GENERAL_RESPONSE_TERMINAL,
    MSG_HEARTBEAT,
    MSG_LOCATION,
    MSG_LOCATION_BATCH,
    MSG_LOGOUT,
    MSG_REGISTER,
    MSG_REGISTER_RESPONSE,
    REGISTER_NO_TERMINAL,
    REGISTER_OK,
    RESULT_FAIL,
    RESULT_MESSAGE_ERROR,
    RESULT_NOT_SUPPORTED,
    RESULT_OK,
    Frame,
    FrameProblem,
    Jt808Error,
    Jt808Splitter,
    Location,
    alarms_of,
    decode_auth_code,
    decode_location,
    decode_location_batch,
    decode_registration,
    encode_frame,
    general_response,
    register_response,
    reply_header,
)

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7611


@dataclass
class _Terminal:
    """What the server knows of one phone number: its link and its counters."""

    phone: str
    online: bool = False
    detail: str = "never connected"
    conn: _Conn | None = None
    frames: int = 0
    errors: int = 0
    resyncs: int = 0
    authentications: int = 0
    extra: Counter[str] = field(default_factory=Counter)
    dirty: bool = True
    last_publish: float = 0.0


class _Conn(Connection):
    """One TCP connection: socket, splitter, pending output, who authenticated on it."""

    __slots__ = ("phone", "phones", "serial", "splitter")

    def __init__(self, sock: socket.socket, peer: str, now: float):
        super().__init__(sock, peer, now)
        self.splitter = Jt808Splitter()
        self.phones: set[str] = set()  # authenticated on this connection
        self.phone: str | None = None  # the last one: splitter counts are booked to it
        self.serial = 0  # the platform's message serial on this connection


class Jt808Server(SelectorServer[_Conn, LinkState]):
    """Accepts JT/T 808 terminals on TCP and hands their fixes to `accept`.

    Args:
        accept: takes each `GpsFix`; False when the console cannot take it now (no reply is
            sent, so the terminal resends). Runs on the server's thread: return quickly.
        sink: where `LinkState` (server and terminals) and `WorkerFailed` are published.
        host, port: where to listen (port 0: any free one, see `port` after `start()`).
        auth_codes: phone → the code it must authenticate with (and is given on
            registration); None: any terminal may register, its code derived from `secret`.
        clock: UTC clock for `received_at` and the states' `at`.
        max_connections: connections beyond this are closed at once.
        idle_timeout: seconds of silence after which a connection is closed.
        frame_timeout: seconds a partial frame may stay incomplete before it is dropped.
        secret: the key of derived auth codes (random per server when None).
        name: the thread's name and the server's `LinkState.device`.
    """

    def __init__(
        self,
        accept: TrackingAccept,
        sink: EventSink,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        auth_codes: Mapping[str, str] | None = None,
        clock: Clock = utcnow,
        max_connections: int = 1024,
        idle_timeout: float = 180.0,
        frame_timeout: float = 10.0,
        secret: bytes | None = None,
        name: str = "jt808",
    ):
        super().__init__(
            name=name,
            sink=sink,
            clock=clock,
            host=host,
            tcp_port=port,
            limits=ServerLimits(
                max_connections=max_connections,
                recv_size=65536,
                max_pending_output=256 * 1024,
                frame_timeout=frame_timeout,
                idle_timeout=idle_timeout,
            ),
            log=log,
            warn=RateLimitedWarnings(
                log,
                20,
                60.0,
                name.replace("%", "%%") + ": %d more problems in %.0f s not logged one by one: %s",
            ),
        )
        self.accept = accept
        self.auth_codes = dict(auth_codes) if auth_codes is not None else None
        self.max_connections = max_connections
        self.idle_timeout = idle_timeout
        self.frame_timeout = frame_timeout
        self._secret = secret if secret is not None else os.urandom(32)
        self._terminals: dict[str, _Terminal] = {}
        self._totals: Counter[str] = Counter()

    # --- what callers read ----------------------------------------------------------------
    @property
    def port(self) -> int | None:
        """The TCP port listened on; None when not listening."""
        return port_of(self._listener)

    def state(self) -> LinkState:
        """The server's state and totals (any thread)."""
        with self._lock:
            return self._server_state()

    def terminal_state(self, phone: str) -> LinkState | None:
        """The state of one terminal, None if it never spoke (any thread)."""
        with self._lock:
            term = self._terminals.get(phone)
            return None if term is None else self._terminal_state(term)

    def auth_code(self, phone: str) -> str | None:
        """The code `phone` must authenticate with; None if it may not register."""
        if self.auth_codes is not None:
            return self.auth_codes.get(phone)
        return hmac.new(self._secret, phone.encode("ascii"), hashlib.sha256).hexdigest()[:16]

    # --- states -----------------------------------------------------------------------------
    def _server_state(self) -> LinkState:
        listening = self._listener is not None and not self._stop.is_set()
        if listening:
            detail = f"tcp {self.host}:{self.port}"
        elif "tcp" in self._bind_errors:
            detail = f"tcp {self.host}:{self._want_tcp} failed: {self._bind_errors['tcp']}"
        else:
            detail = "stopped"
        t = self._totals
        extra = {k: v for k, v in t.items() if k not in ("frames", "errors", "resyncs")}
        extra["connections"] = len(self._conns)
        extra["online"] = sum(1 for term in self._terminals.values() if term.online)
        return LinkState(
            device=self._name,
            online=listening,
            detail=detail,
            at=self.clock(),
            frames=t["frames"],
            errors=t["errors"],
            resyncs=t["resyncs"],
            extra=extra,
        )

    def _terminal_state(self, term: _Terminal) -> LinkState:
        return LinkState(
            device=term.phone,
            online=term.online,
            detail=term.detail,
            at=self.clock(),
            frames=term.frames,
            errors=term.errors,
            resyncs=term.resyncs,
            reconnects=max(term.authentications - 1, 0),
            extra=dict(term.extra),
        )

    def _publish_terminal(self, term: _Terminal, now: float) -> None:
        with self._lock:
            state = self._terminal_state(term)
            term.dirty = False
            term.last_publish = now
        self.sink.publish(state)

    def _state_key(self, state: LinkState) -> tuple[object, ...]:
        return (
            state.online,
            state.detail,
            state.frames,
            state.errors,
            state.resyncs,
            tuple(sorted(state.extra.items())),
        )

    def _tick(self, now: float) -> None:
        for term in list(self._terminals.values()):
            if term.dirty and now - term.last_publish >= PUBLISH_EVERY:
                self._publish_terminal(term, now)

    def _on_stopped(self, now: float) -> None:
        for term in list(self._terminals.values()):
            if term.dirty:
                self._publish_terminal(term, now)
        self._publish(self.state(), now)

    # --- connections ------------------------------------------------------------------------
    def _new_conn(self, sock: socket.socket, peer: str, now: float) -> _Conn:
        return _Conn(sock, peer, now)

    def _refuse(self, peer: str) -> None:
        with self._lock:
            self._totals["refused_connections"] += 1
        self._warn.warning(
            "connections",
            "%s: refused %s: %d connections already open",
            self._name,
            peer,
            self.max_connections,
        )

    def _drop_partial(self, conn: _Conn) -> None:
        dropped = conn.splitter.clear()
        self._book(conn, errors=1)
        self._problem(
            "truncated",
            conn,
            f"a frame incomplete for {self.frame_timeout:.0f} s ({dropped} bytes dropped)",
        )

    def _on_close(self, conn: _Conn, why: str) -> None:
        pending = conn.splitter.clear()
        if pending:
            self._book(conn, errors=1)
            self._problem("truncated", conn, f"{why} inside a frame ({pending} bytes dropped)")
        now = time.monotonic()
        gone: list[_Terminal] = []
        with self._lock:
            for phone in conn.phones:
                term = self._terminals.get(phone)
                if term is not None and term.conn is conn:
                    term.conn = None
                    term.online = False
                    term.detail = f"{conn.peer}: {why}"
                    term.dirty = True
                    gone.append(term)
        for term in gone:
            log.info("%s: terminal %s offline: %s", self._name, term.phone, term.detail)
            self._publish_terminal(term, now)

    def _pending(self, conn: _Conn) -> int:
        return conn.splitter.pending

    def _on_data(self, conn: _Conn, data: bytes) -> bool:
        counts = conn.splitter.counts
        before = (counts.errors, counts.resyncs)
        items = conn.splitter.feed(data)
        # Frames are booked one by one (to the phone in their header) as they are handled.
        self._book(conn, errors=counts.errors - before[0], resyncs=counts.resyncs - before[1])
        if counts.resyncs != before[1]:
            self._problem("garbage", conn, "bytes outside any frame skipped")
        completed = False
        for item in items:
            if isinstance(item, Frame):
                completed = True
                self._on_frame(conn, item)
            else:
                self._on_problem(conn, item)
            if conn.sock.fileno() < 0:
                break
        return completed

    # --- counting -------------------------------------------------------------------------
    def _book(self, conn: _Conn, *, errors: int = 0, resyncs: int = 0) -> None:
        """Add stream problems to the totals and to the terminal the connection belongs to."""
        if not (errors or resyncs):
            return
        with self._lock:
            t = self._totals
            t["errors"] += errors
            t["resyncs"] += resyncs
            term = self._terminals.get(conn.phone) if conn.phone else None
            if term is not None:
                term.errors += errors
                term.resyncs += resyncs
                term.dirty = True

    def _count(self, conn: _Conn, phone: str | None, key: str, *, error: bool = False) -> None:
        """Count an outcome in the totals' and the terminal's `extra` (and as an error)."""
        with self._lock:
            self._totals[key] += 1
            if error:
                self._totals["errors"] += 1
            term = self._terminals.get(phone) if phone else None
            if term is not None:
                term.extra[key] += 1
                if error:
                    term.errors += 1
                term.dirty = True

    def _problem(self, reason: str, conn: _Conn, detail: str) -> None:
        self._warn.warning(reason, "%s: %s from %s", self._name, detail, conn.peer)

    def _on_problem(self, conn: _Conn, problem: FrameProblem) -> None:
        with self._lock:
            self._totals[f"bad_{problem.reason}"] += 1
        self._problem(problem.reason, conn, f"a frame refused: {problem.detail} (not answered)")

    # --- messages ---------------------------------------------------------------------------
    def _reply(self, conn: _Conn, frame: Frame, msg_id: int, body: bytes) -> None:
        header = reply_header(frame.header, msg_id, conn.serial)
        conn.serial = (conn.serial + 1) & 0xFFFF
        conn.out += encode_frame(header, body)

    def _answer(self, conn: _Conn, frame: Frame, result: int) -> None:
        h = frame.header
        self._reply(conn, frame, MSG_GENERAL_RESPONSE, general_response(h.serial, h.msg_id, result))

    def _on_frame(self, conn: _Conn, frame: Frame) -> None:
        self._handle(conn, frame)
        phone = frame.header.phone
        with self._lock:
            self._totals["frames"] += 1
            term = self._terminals.get(phone)
            if term is not None:
                term.frames += 1
                term.dirty = True

    def _handle(self, conn: _Conn, frame: Frame) -> None:
        h = frame.header
        phone = h.phone
        if h.encryption or h.packages is not None:
            self._count(conn, phone, "not_supported")
            self._answer(conn, frame, RESULT_NOT_SUPPORTED)
            return
        msg_id = h.msg_id
        if msg_id == MSG_LOCATION:
            if phone not in conn.phones:
                self._count(conn, phone, "unauthenticated", error=True)
                self._answer(conn, frame, RESULT_FAIL)
                return
            try:
                location = decode_location(frame.body)
            except Jt808Error as exc:
                self._count(conn, phone, "bad_body", error=True)
                self._problem("body", conn, f"terminal {phone}: {exc}")
                self._answer(conn, frame, RESULT_MESSAGE_ERROR)
                return
            if self._take(conn, phone, location):
                self._answer(conn, frame, RESULT_OK)
        elif msg_id == MSG_HEARTBEAT:
            self._answer(conn, frame, RESULT_OK)
        elif msg_id == MSG_LOCATION_BATCH:
            self._on_batch(conn, frame)
        elif msg_id == MSG_AUTHENTICATE:
            self._on_authenticate(conn, frame)
        elif msg_id == MSG_REGISTER:
            code = self.auth_code(phone)
            if code is None:
                self._count(conn, phone, "unknown_terminal", error=True)
                self._problem("register", conn, f"terminal {phone} is not in the site file")
                body = register_response(h.serial, REGISTER_NO_TERMINAL, "")
            else:
                body = register_response(h.serial, REGISTER_OK, code)
                self._log_registration(conn, frame)
            self._reply(conn, frame, MSG_REGISTER_RESPONSE, body)
        elif msg_id == MSG_LOGOUT:
            self._answer(conn, frame, RESULT_OK)
            self._logout(conn, phone)
        elif msg_id == MSG_GENERAL_RESPONSE_TERMINAL:
            pass  # an answer to a platform command; the server sends none yet
        else:
            self._count(conn, phone, "not_supported")
            self._answer(conn, frame, RESULT_NOT_SUPPORTED)

    def _log_registration(self, conn: _Conn, frame: Frame) -> None:
        # Who registered, for the installer; the plate stays out of the log (personal data).
        # A body that does not parse still registers: the phone number is the identity.
        try:
            reg = decode_registration(frame.body, frame.header.is_2019)
        except Jt808Error:
            log.info(
                "%s: terminal %s registered from %s", self._name, frame.header.phone, conn.peer
            )
            return
        log.info(
            "%s: terminal %s registered from %s: maker %r, model %r, id %r",
            self._name,
            frame.header.phone,
            conn.peer,
            reg.maker,
            reg.model,
            reg.terminal_id,
        )

    def _on_authenticate(self, conn: _Conn, frame: Frame) -> None:
        h = frame.header
        phone = h.phone
        expected = self.auth_code(phone)
        try:
            code = decode_auth_code(frame.body, h.is_2019)
        except Jt808Error:
            code = ""
        if expected is None or not hmac.compare_digest(code.encode(), expected.encode()):
            self._count(conn, phone, "auth_failed", error=True)
            self._problem("auth", conn, f"terminal {phone}: wrong authentication code")
            self._answer(conn, frame, RESULT_FAIL)
            return
        self._answer(conn, frame, RESULT_OK)
        now = time.monotonic()
        with self._lock:
            term = self._terminals.get(phone)
            if term is None:
                term = self._terminals[phone] = _Terminal(phone)
            was = term.online and term.conn is conn
            conn.phones.add(phone)
            conn.phone = phone
            term.conn = conn
            term.online = True
            term.authentications += 1
            term.detail = f"{conn.peer} authenticated"
            term.dirty = True
        if not was:
            log.info("%s: terminal %s online from %s", self._name, phone, conn.peer)
            self._publish_terminal(term, now)

    def _logout(self, conn: _Conn, phone: str) -> None:
        with self._lock:
            conn.phones.discard(phone)
            if conn.phone == phone:
                conn.phone = next(iter(conn.phones), None)
            term = self._terminals.get(phone)
            if term is None or term.conn is not conn:
                return
            term.conn = None
            term.online = False
            term.detail = f"{conn.peer}: logged out"
            term.dirty = True
        self._publish_terminal(term, time.monotonic())

    def _on_batch(self, conn: _Conn, frame: Frame) -> None:
        phone = frame.header.phone
        if phone not in conn.phones:
            self._count(conn, phone, "unauthenticated", error=True)
            self._answer(conn, frame, RESULT_FAIL)
            return
        try:
            _, locations = decode_location_batch(frame.body)
        except Jt808Error as exc:
            self._count(conn, phone, "bad_body", error=True)
            self._problem("body", conn, f"terminal {phone}: {exc}")
            self._answer(conn, frame, RESULT_MESSAGE_ERROR)
            return
        # All or no reply: the terminal resends the whole batch, and the ones taken before a
        # refusal arrive twice (the same device and time: ingest collapses them).
        for location in locations:
            if not self._take(conn, phone, location):
                return
        self._answer(conn, frame, RESULT_OK)

    def _take(self, conn: _Conn, phone: str, location: Location) -> bool:
        """Hand one location to `accept`; True when it was taken."""
        fix = self._fix(conn, phone, location)
        try:
            taken = bool(self.accept(fix))
        except Exception:
            log.exception("%s: accept() failed for a fix of %s", self._name, phone)
            taken = False
        self._count(conn, phone, "locations" if taken else "refused")
        return taken

    def _fix(self, conn: _Conn, phone: str, loc: Location) -> GpsFix:
        received: datetime = self.clock()
        valid = loc.located
        lat, lon = loc.lat, loc.lon
        if not loc.in_range:
            self._count(conn, phone, "bad_position")
            valid = False
            lat = lon = 0.0
        at = loc.at
        if at is None:
            self._count(conn, phone, "bad_time")
        return GpsFix(
            device=phone,
            at=at if at is not None and valid else received,
            lat=lat,
            lon=lon,
            valid=valid,
            altitude_m=float(loc.altitude_m),
            speed_kmh=loc.speed_kmh,
            heading_deg=float(loc.heading_deg),
            satellites=loc.satellites,
            alarms=alarms_of(loc.alarm),
            battery_pct=loc.battery_pct,
            received_at=received,
            raw_status=loc.status,
            raw_alarm=loc.alarm,
        )
