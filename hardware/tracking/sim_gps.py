"""The demo's GPS peers on real sockets: JT/T 808 vehicle terminals and NMEA trackers over TCP.

The simulator (hardware.tracking.sim) decides where vehicles and tracker wearers are; these
peers carry its fixes to the console through the same protocol paths as the field devices:

- `SimJt808Fleet` (thread `sim:jt808`): one TCP connection per vehicle terminal to the JT/T
  808 platform (`Jt808Server`), registration 0x0100 → 0x8100 with the auth code, 0x0102
  authentication, 0x0002 heartbeats on a quiet line, and a 0x0200 location report per fix.
  A report the platform does not answer (0x8001) within `ack_timeout_s` is sent again with
  the standard's growing timeout (T(n+1) = T(n)·(n+1)), up to `retries` times; a dropped
  connection is reopened with a backoff.
- `SimNmeaSources` (thread `sim:nmea`): a TCP listener per personal tracker, standing in
  for the serial-over-IP converter such a tracker's receiver is wired to; whoever connects
  (the console's `NmeaTracker`) gets an RMC and a GGA sentence per fix.

Both take fixes by `send(fix)` on any thread (a bounded queue) and never block the simulator.
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC

from core.events import WorkerFailed
from core.ports import EventSink
from core.timefmt import utcnow
from core.tracking import GpsFix, TrackerAlarm
from core.workers import ThreadedRunner
from hardware.tracking.jt808 import (
    ALARM_BITS,
    MSG_AUTHENTICATE,
    MSG_GENERAL_RESPONSE,
    MSG_HEARTBEAT,
    MSG_LOCATION,
    MSG_LOGOUT,
    MSG_REGISTER,
    MSG_REGISTER_RESPONSE,
    REGISTER_OK,
    RESULT_OK,
    Frame,
    Header,
    Jt808Error,
    Jt808Splitter,
    decode_general_response,
    encode_frame,
    time_bcd,
)
from hardware.tracking.nmea import xor_checksum

log = logging.getLogger(__name__)

QUEUE_MAX = 50_000  # fixes waiting for the peer thread; beyond this the oldest are dropped
TICK_S = 0.1
PROVINCE_TIANJIN = 12
CITY_HONGQIAO = 106  # 120106: 天津市红桥区
_ALARM_BIT_OF: Mapping[TrackerAlarm, int] = {
    kind: bit for bit, kind in sorted(ALARM_BITS.items(), reverse=True)
}


# --- terminal → platform bodies ---------------------------------------------------------------
def registration_body(phone: str, *, maker: str = "70111", model: str = "SIM-T808") -> bytes:
    """A 2013 0x0100 body: province, city, maker (5), model (20), terminal id (7), no plate."""
    terminal_id = phone[-7:]
    return (
        struct.pack(">HH", PROVINCE_TIANJIN, CITY_HONGQIAO)
        + maker.encode("ascii")[:5].ljust(5, b"\x00")
        + model.encode("ascii")[:20].ljust(20, b"\x00")
        + terminal_id.encode("ascii")[:7].ljust(7, b"\x00")
        + b"\x00"  # plate colour 0: not registered by plate (the platform knows the phone)
    )


def location_body(fix: GpsFix) -> bytes:
    """A 0x0200 body for a fix: alarm and status bits, position, speed, course, GMT+8 time."""
    alarm = 0
    for kind in fix.alarms:
        bit = _ALARM_BIT_OF.get(kind)
        if bit is not None:
            alarm |= 1 << bit
    moving = (fix.speed_kmh or 0.0) > 0.0
    status = (0x1 if moving else 0) | (0x2 if fix.valid else 0)
    if fix.lat < 0:
        status |= 0x4
    if fix.lon < 0:
        status |= 0x8
    body = struct.pack(
        ">IIIIhHH",
        alarm,
        status,
        round(abs(fix.lat) * 1_000_000),
        round(abs(fix.lon) * 1_000_000),
        max(-32768, min(32767, round(fix.altitude_m or 0.0))),
        max(0, min(0xFFFF, round((fix.speed_kmh or 0.0) * 10))),
        round(fix.heading_deg or 0.0) % 360,
    )
    body += time_bcd(fix.at)
    if fix.satellites is not None:
        body += bytes((0x31, 1, max(0, min(255, fix.satellites))))
    if fix.battery_pct is not None:
        body += bytes((0xD4, 1, max(0, min(100, fix.battery_pct))))
    return body


@dataclass
class _Pending:
    frame: bytes
    due: float
    timeout: float
    tries: int = 0


@dataclass
class _Terminal:
    phone: str
    sock: socket.socket | None = None
    splitter: Jt808Splitter = field(default_factory=Jt808Splitter)
    serial: int = 0
    online: bool = False
    retry_at: float = 0.0
    backoff: float = 1.0
    last_sent: float = 0.0
    waiting: deque[GpsFix] = field(default_factory=lambda: deque(maxlen=100))
    pending: dict[int, _Pending] = field(default_factory=dict)

    def next_serial(self) -> int:
        self.serial = (self.serial + 1) & 0xFFFF
        return self.serial


class SimJt808Fleet(ThreadedRunner):
    """Simulated vehicle terminals speaking JT/T 808 to the platform at `host:port`.

    Counters (`counts`): connects, refused (connections that failed), registered, online
    (authentications), sent (location reports), acked, resent, dropped (gave up or queue
    overflow), heartbeats. `online_count()` is how many terminals are authenticated now.
    """

    def __init__(
        self,
        host: str,
        port: int,
        phones: Sequence[str],
        *,
        sink: EventSink | None = None,
        heartbeat_s: float = 60.0,
        ack_timeout_s: float = 10.0,
        retries: int = 3,
        connect_timeout_s: float = 2.0,
        name: str = "sim:jt808",
    ) -> None:
        super().__init__(name)
        self.host = host
        self.port = port
        self.sink = sink
        self.heartbeat_s = heartbeat_s
        self.ack_timeout_s = ack_timeout_s
        self.retries = retries
        self.connect_timeout_s = connect_timeout_s
        self._terms = {p: _Terminal(p) for p in phones}
        self._queue: deque[GpsFix] = deque()
        self._qlock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self._sel = selectors.DefaultSelector()
        self._warned_down = False

    @property
    def phones(self) -> frozenset[str]:
        """The terminals of the fleet."""
        return frozenset(self._terms)

    def online_count(self) -> int:
        """Terminals authenticated now (any thread; a snapshot)."""
        return sum(1 for t in list(self._terms.values()) if t.online)

    def send(self, fix: GpsFix) -> bool:
        """Queue a fix of one of the fleet's terminals; False if the device is not one of them."""
        if fix.device not in self._terms:
            return False
        with self._qlock:
            self._queue.append(fix)
            if len(self._queue) > QUEUE_MAX:
                self._queue.popleft()
                self.counts["dropped"] += 1
        return True

    # --- the thread (core.ports.Stoppable, from ThreadedRunner) ----------------------------
    # Nothing blocks longer than a tick or a connect timeout: interrupt() only stops.

    def _run(self) -> None:
        failed = False
        try:
            while not self._stop.is_set():
                try:
                    self._sweep(time.monotonic())
                    failed = False
                except Exception as exc:
                    log.exception("%s: sweep failed", self._name)
                    if not failed and self.sink is not None:
                        self.sink.publish(
                            WorkerFailed(self._name, str(exc) or type(exc).__name__, utcnow(), True)
                        )
                    failed = True
                    self._stop.wait(1.0)
        finally:
            for term in self._terms.values():
                if term.sock is not None and term.online:
                    with contextlib.suppress(OSError):
                        self._frame(term, MSG_LOGOUT, b"")
                self._drop(term, "stopped", reconnect=False)
            self._sel.close()

    def _sweep(self, now: float) -> None:
        connecting = 0
        for term in self._terms.values():
            # A few connects a sweep: 200 terminals coming up must not stall the replies.
            if term.sock is None and now >= term.retry_at and connecting < 20:
                connecting += 1
                self._connect(term, now)
        with self._qlock:
            fixes, self._queue = self._queue, deque()
        for fix in fixes:
            term = self._terms[fix.device]
            if term.online:
                self._report(term, fix, now)
            else:
                if len(term.waiting) == term.waiting.maxlen:
                    self.counts["dropped"] += 1
                term.waiting.append(fix)
        for term in self._terms.values():
            if term.sock is None:
                continue
            if term.online and now - term.last_sent >= self.heartbeat_s:
                self.counts["heartbeats"] += 1
                self._frame(term, MSG_HEARTBEAT, b"")
            for serial, p in list(term.pending.items()):
                if now < p.due or term.sock is None:
                    continue
                if p.tries >= self.retries:
                    del term.pending[serial]
                    self.counts["dropped"] += 1
                    continue
                p.tries += 1
                p.timeout *= p.tries + 1
                p.due = now + p.timeout
                self.counts["resent"] += 1
                self._write(term, p.frame)
        if not self._sel.get_map():
            self._stop.wait(TICK_S)
            return
        for key, _ in self._sel.select(TICK_S):
            term = key.data
            self._read(term)

    def _connect(self, term: _Terminal, now: float) -> None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout_s)
        except OSError as exc:
            self.counts["refused"] += 1
            term.retry_at = now + term.backoff
            term.backoff = min(term.backoff * 2, 30.0)
            if not self._warned_down:
                self._warned_down = True
                log.warning(
                    "%s: the JT/T 808 platform %s:%d cannot be reached (%s); retrying",
                    self._name,
                    self.host,
                    self.port,
                    exc,
                )
            return
        sock.settimeout(2.0)  # sendall's limit; reads happen only when select says so
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        term.sock = sock
        term.splitter = Jt808Splitter()
        term.backoff = 1.0
        self._warned_down = False
        self._sel.register(sock, selectors.EVENT_READ, term)
        self.counts["connects"] += 1
        self._frame(term, MSG_REGISTER, registration_body(term.phone))

    def _frame(self, term: _Terminal, msg_id: int, body: bytes) -> int:
        serial = term.next_serial()
        self._write(term, encode_frame(Header(msg_id, term.phone, serial), body))
        return serial

    def _write(self, term: _Terminal, data: bytes) -> None:
        if term.sock is None:
            return
        try:
            term.sock.sendall(data)
        except OSError as exc:
            self._drop(term, f"send failed: {exc}")
            return
        term.last_sent = time.monotonic()

    def _report(self, term: _Terminal, fix: GpsFix, now: float) -> None:
        serial = term.next_serial()
        frame = encode_frame(Header(MSG_LOCATION, term.phone, serial), location_body(fix))
        term.pending[serial] = _Pending(frame, now + self.ack_timeout_s, self.ack_timeout_s)
        self.counts["sent"] += 1
        self._write(term, frame)

    def _read(self, term: _Terminal) -> None:
        sock = term.sock
        if sock is None:
            return
        try:
            data = sock.recv(65536)
        except (BlockingIOError, TimeoutError):
            return
        except OSError as exc:
            self._drop(term, f"receive failed: {exc}")
            return
        if not data:
            self._drop(term, "the platform closed the connection")
            return
        for item in term.splitter.feed(data):
            if isinstance(item, Frame):
                self._on_reply(term, item)

    def _on_reply(self, term: _Terminal, frame: Frame) -> None:
        msg_id = frame.header.msg_id
        if msg_id == MSG_REGISTER_RESPONSE:
            if len(frame.body) < 3 or frame.body[2] != REGISTER_OK:
                log.warning("%s: terminal %s was not registered", self._name, term.phone)
                self._drop(term, "registration refused")
                return
            self.counts["registered"] += 1
            self._frame(term, MSG_AUTHENTICATE, frame.body[3:])
        elif msg_id == MSG_GENERAL_RESPONSE:
            try:
                serial, answered, result = decode_general_response(frame.body)
            except Jt808Error:
                return
            if answered == MSG_AUTHENTICATE:
                if result != RESULT_OK:
                    self._drop(term, "authentication refused")
                    return
                term.online = True
                self.counts["online"] += 1
                now = time.monotonic()
                while term.waiting and term.sock is not None:
                    self._report(term, term.waiting.popleft(), now)
            elif answered == MSG_LOCATION and term.pending.pop(serial, None) is not None:
                self.counts["acked"] += 1

    def _drop(self, term: _Terminal, why: str, *, reconnect: bool = True) -> None:
        sock, term.sock = term.sock, None
        if sock is not None:
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(sock)
            with contextlib.suppress(OSError):
                sock.close()
            if reconnect and not self._stop.is_set():  # at shutdown the platform goes first
                log.info("%s: terminal %s disconnected: %s", self._name, term.phone, why)
        term.online = False
        # Reports not answered are sent again on the next connection (the terminal's memory).
        for p in term.pending.values():
            p.tries = 0
        term.retry_at = time.monotonic() + term.backoff
        term.backoff = min(term.backoff * 2, 30.0)


# --- NMEA ---------------------------------------------------------------------------------------
def _nmea(body: str) -> bytes:
    return f"${body}*{xor_checksum(body.encode('ascii')):02X}\r\n".encode("ascii")


def _angle(value: float, degree_digits: int, hemispheres: str) -> tuple[str, str]:
    hemi = hemispheres[0] if value >= 0 else hemispheres[1]
    value = abs(value)
    degrees = int(value)
    minutes = (value - degrees) * 60.0
    return f"{degrees:0{degree_digits}d}{minutes:07.4f}", hemi


def nmea_sentences(fix: GpsFix, talker: str = "GN") -> bytes:
    """An RMC and a GGA sentence (one epoch) for a fix, CRLF-terminated."""
    at = fix.at.astimezone(UTC)
    hms = at.strftime("%H%M%S.") + f"{at.microsecond // 10_000:02d}"
    lat, ns = _angle(fix.lat, 2, "NS")
    lon, ew = _angle(fix.lon, 3, "EW")
    knots = (fix.speed_kmh or 0.0) / 1.852
    course = f"{fix.heading_deg:.1f}" if fix.heading_deg is not None else ""
    status = "A" if fix.valid else "V"
    rmc = _nmea(
        f"{talker}RMC,{hms},{status},{lat},{ns},{lon},{ew},{knots:.2f},{course},"
        f"{at.strftime('%d%m%y')},,,{'A' if fix.valid else 'N'}"
    )
    sats = fix.satellites if fix.satellites is not None else 8
    hdop = fix.hdop if fix.hdop is not None else 1.0
    alt = fix.altitude_m if fix.altitude_m is not None else 5.0
    gga = _nmea(
        f"{talker}GGA,{hms},{lat},{ns},{lon},{ew},{1 if fix.valid else 0},{sats:02d},"
        f"{hdop:.1f},{alt:.1f},M,-2.0,M,,"
    )
    return rmc + gga


@dataclass
class _Source:
    device: str
    host: str
    port: int
    listener: socket.socket | None = None
    clients: list[socket.socket] = field(default_factory=list)
    problem: str = ""


class SimNmeaSources(ThreadedRunner):
    """Simulated personal GPS trackers: a TCP listener per tracker (device → host, port).

    `start()` binds every listener before the thread starts, so a port already in use is
    known (and logged as an error, in `problems`) before the console's trackers connect;
    the other trackers run on. Counters (`counts`): accepted, sentences (epochs sent),
    unheard (fixes for a tracker nobody is connected to).
    """

    def __init__(self, endpoints: Mapping[str, tuple[str, int]], *, name: str = "sim:nmea"):
        super().__init__(name)
        self._sources = {dev: _Source(dev, host, port) for dev, (host, port) in endpoints.items()}
        self._queue: deque[GpsFix] = deque()
        self._qlock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self._sel = selectors.DefaultSelector()

    @property
    def devices(self) -> frozenset[str]:
        """The trackers served."""
        return frozenset(self._sources)

    @property
    def problems(self) -> dict[str, str]:
        """Trackers whose listener could not be opened, and why."""
        return {d: s.problem for d, s in self._sources.items() if s.problem}

    def port(self, device: str) -> int | None:
        """The port a tracker listens on (the bound one when 0 was asked); None if not bound."""
        sock = self._sources[device].listener
        return None if sock is None else int(sock.getsockname()[1])

    def connected(self, device: str) -> int:
        """How many clients read this tracker now."""
        return len(self._sources[device].clients)

    def send(self, fix: GpsFix) -> bool:
        """Queue a fix of one of the trackers; False if the device is not one of them."""
        source = self._sources.get(fix.device)
        if source is None:
            return False
        if source.listener is not None:
            with self._qlock:
                self._queue.append(fix)
                if len(self._queue) > QUEUE_MAX:
                    self._queue.popleft()
        return True

    # --- the thread (core.ports.Stoppable, from ThreadedRunner) ----------------------------
    # It waits a tick at most: interrupt() only stops.

    def _before_start(self) -> None:
        """Bind the listeners before the thread starts (`start()`)."""
        for source in self._sources.values():
            try:
                sock = socket.create_server((source.host, source.port))
            except OSError as exc:
                source.problem = f"tcp {source.host}:{source.port}: {exc.strerror or exc}"
                log.error(
                    "%s: tracker %s cannot listen on %s:%d (%s): it is not simulated; "
                    "free the port or change the tracker's address in the site file",
                    self._name,
                    source.device,
                    source.host,
                    source.port,
                    exc.strerror or exc,
                )
                continue
            sock.setblocking(False)
            source.listener = sock
            self._sel.register(sock, selectors.EVENT_READ, source)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    self._sweep()
                except Exception:
                    log.exception("%s: sweep failed", self._name)
                    self._stop.wait(1.0)
        finally:
            for source in self._sources.values():
                for client in source.clients:
                    with contextlib.suppress(OSError):
                        client.close()
                source.clients.clear()
                if source.listener is not None:
                    with contextlib.suppress(OSError):
                        source.listener.close()
                    source.listener = None
            self._sel.close()

    def _sweep(self) -> None:
        if self._sel.get_map():
            ready = self._sel.select(TICK_S)
        else:
            self._stop.wait(TICK_S)
            ready = []
        for key, _ in ready:
            source = key.data
            if key.fileobj is source.listener:
                self._accept(source)
            else:
                self._client_readable(source, key.fileobj)
        with self._qlock:
            fixes, self._queue = self._queue, deque()
        for fix in fixes:
            source = self._sources[fix.device]
            if not source.clients:
                self.counts["unheard"] += 1
                continue
            data = nmea_sentences(fix)
            for client in list(source.clients):
                try:
                    client.sendall(data)
                except OSError:
                    self._close_client(source, client)
            self.counts["sentences"] += 1

    def _accept(self, source: _Source) -> None:
        assert source.listener is not None
        try:
            client, peer = source.listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        client.settimeout(2.0)
        source.clients.append(client)
        self._sel.register(client, selectors.EVENT_READ, source)
        self.counts["accepted"] += 1
        log.info("%s: tracker %s read by %s:%d", self._name, source.device, *peer[:2])

    def _client_readable(self, source: _Source, client: object) -> None:
        assert isinstance(client, socket.socket)
        try:
            data = client.recv(4096)  # a tracker ignores what it is sent; EOF is the news
        except OSError:
            data = b""
        if not data:
            self._close_client(source, client)

    def _close_client(self, source: _Source, client: socket.socket) -> None:
        with contextlib.suppress(KeyError, ValueError):
            self._sel.unregister(client)
        with contextlib.suppress(OSError):
            client.close()
        if client in source.clients:
            source.clients.remove(client)
