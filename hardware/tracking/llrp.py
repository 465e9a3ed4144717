"""LLRP client for fixed UHF readers: session, RO_ACCESS_REPORT → TagRead, keepalives, reconnects.

The console is the LLRP client; the reader listens on TCP 5084. pyllrp (MIT) packs and unpacks
the messages; the socket, the framing, the thread and the reconnects are ours, because
pyllrp's `LLRPConnector` reads with blocking `recv(n)` per header and body and has no
reconnect, no keepalive supervision and no way to wake its thread.

Session (LLRP 1.0.1 §9–§14): connect → READER_EVENT_NOTIFICATION with ConnectionAttemptEvent
Success → SET_READER_CONFIG (periodic KEEPALIVE) → DELETE_ROSPEC (all) → ADD_ROSPEC (report
every N tags with AntennaID, PeakRSSI, FirstSeenTimestampUTC, TagSeenCount) → ENABLE_ROSPEC →
START_ROSPEC → a stream of RO_ACCESS_REPORTs, each TagReportData one `TagRead`. A KEEPALIVE is
answered with KEEPALIVE_ACK; silence longer than the keepalive window (two periods) means the
link is gone (a reader that lost power sends no FIN) and the client reconnects with backoff.
`stop()` ends the session with CLOSE_CONNECTION.

Framing: the 10-byte header (reserved/version/type 2, length 4, message id 4) gives each
message's length. LLRP has no start marker to resynchronise on, so a header that cannot be
right (reserved bits set, unknown version, a length under 10 or over `max_message`) drops
the connection and a new session starts clean; a message that is framed right but does not
decode is skipped and counted.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import logging
import os
import select
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import bitstring
from pyllrp import pyllrp as llrp

from core.events import WorkerFailed
from core.ports import Clock, EventSink
from core.site import ReaderSpec
from core.timefmt import utcnow
from core.tracking import LinkState, TagRead, TrackingAccept

log = logging.getLogger(__name__)

DEFAULT_PORT = 5084
HEADER_SIZE = 10
MAX_MESSAGE = 1 << 20  # ~20,000 tags in one report; a longer length field is a broken stream
SCHEMES = frozenset({"llrp", "tcp", "socket"})
_VERSIONS = frozenset({1, 2})  # LLRP 1.0.1 and 1.1 (2.0 keeps 2 in the header)
KNOWN_TYPES: frozenset[int] = frozenset(
    code for code in llrp._messageClassFromTypeCode if isinstance(code, int)
)


def parse_address(address: str) -> tuple[str, int]:
    """Host and port of `llrp://host[:port]`, `tcp://host:port` or `socket://host:port`."""
    parts = urlsplit(address)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not parts.hostname:
        raise ValueError(f"an LLRP reader needs llrp://host[:port], got {address!r}")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"bad port in {address!r}") from exc
    if port is None:
        if scheme != "llrp":
            raise ValueError(f"{address!r} needs a port (llrp:// defaults to {DEFAULT_PORT})")
        port = DEFAULT_PORT
    return parts.hostname, port


class LlrpSplitter:
    """Cuts an LLRP byte stream into whole messages by the header's length field.

    After each `feed` at most `max_message - 1` bytes stay buffered (the start of one message).
    A header that cannot be right sets `broken` and the splitter returns nothing more until
    `reset()`: the caller drops the connection, since LLRP has no marker to resync on. The
    whole messages found before the bad header are still returned.
    """

    def __init__(self, max_message: int = MAX_MESSAGE, known_types: frozenset[int] | None = None):
        if max_message < HEADER_SIZE:
            raise ValueError("max_message must hold a header")
        self.max_message = max_message
        self.known_types = known_types
        self._buf = bytearray()
        self.broken: str | None = None
        self.frames = 0

    @property
    def buffered(self) -> int:
        return len(self._buf)

    def reset(self) -> None:
        """Forget the buffer and any error: a new connection starts a new stream."""
        self._buf.clear()
        self.broken = None

    def _check(self, header: bytes | bytearray) -> tuple[int, str | None]:
        first = header[0]
        length = int.from_bytes(header[2:6], "big")
        if first >> 5:
            return length, f"reserved header bits set (0x{header[0]:02x})"
        version = (first >> 2) & 0x7
        if version not in _VERSIONS:
            return length, f"unknown LLRP version {version}"
        kind = int.from_bytes(header[0:2], "big") & 0x3FF
        if self.known_types is not None and kind not in self.known_types:
            return length, f"unknown message type {kind}"
        if not HEADER_SIZE <= length <= self.max_message:
            return length, f"message length {length} outside {HEADER_SIZE}..{self.max_message}"
        return length, None

    def feed(self, data: bytes) -> list[bytes]:
        """The whole messages completed by `data`, in order; never a partial one."""
        if self.broken is not None:
            return []
        buf = self._buf
        buf += data
        out: list[bytes] = []
        pos = 0
        end = len(buf)
        while end - pos >= HEADER_SIZE:
            length, problem = self._check(buf[pos : pos + HEADER_SIZE])
            if problem is not None:
                self.broken = problem
                buf.clear()
                self.frames += len(out)
                return out
            if end - pos < length:
                break
            out.append(bytes(buf[pos : pos + length]))
            pos += length
        del buf[:pos]
        self.frames += len(out)
        return out


def pack(message: Any) -> bytes:
    """One pyllrp message as LLRP bytes."""
    data: bytes = message.pack(bitstring.BitStream()).tobytes()
    return data


def unpack(frame: bytes) -> Any:
    """One whole LLRP message (as `LlrpSplitter` cuts them) as a pyllrp message object.

    Raises ValueError for content pyllrp cannot read (it raises assertions, bitstring read
    errors and KeyErrors for unknown parameters; all mean the same here).
    """
    try:
        return llrp.UnpackMessage(bitstring.ConstBitStream(bytes=frame))
    except Exception as exc:  # pyllrp signals bad content with asserts and lookups
        raise ValueError(f"undecodable LLRP message: {type(exc).__name__}: {exc}") from exc


def message_name(message: Any) -> str:
    """`ADD_ROSPEC` for an ADD_ROSPEC_Message."""
    return str(type(message).__name__).removesuffix("_Message")


def status_of(message: Any) -> tuple[bool, str]:
    """(success, description) of a response's LLRPStatus parameter."""
    status = message.getFirstParameterByClass(llrp.LLRPStatus_Parameter)
    if status is None:
        return False, "no LLRPStatus in the response"
    ok = status.StatusCode == llrp.StatusCode.M_Success
    name = llrp.StatusCode.getName(status.StatusCode)
    return ok, name if not status.ErrorDescription else f"{name}: {status.ErrorDescription}"


def _epc(parameter: Any) -> str | None:
    if isinstance(parameter, llrp.EPC_96_Parameter):
        return f"{parameter.EPC:024X}"
    if isinstance(parameter, llrp.EPCData_Parameter):
        value = parameter.EPC
        if isinstance(value, bytes | bytearray) and value:
            return bytes(value).hex().upper()
    return None


def _reader_time(microseconds: int) -> datetime | None:
    try:
        return datetime.fromtimestamp(microseconds / 1_000_000, UTC)
    except (OverflowError, ValueError, OSError):
        return None  # a reader with a broken clock: the read still counts


def tag_reads(report: Any, reader: str, at: datetime) -> list[TagRead]:
    """One TagRead per TagReportData of an RO_ACCESS_REPORT (those without an EPC skipped)."""
    reads: list[TagRead] = []
    for data in report.Parameters:
        if not isinstance(data, llrp.TagReportData_Parameter):
            continue
        tag: str | None = None
        antenna = 0
        rssi: float | None = None
        count = 1
        seen: datetime | None = None
        for p in data.Parameters:
            if tag is None:
                tag = _epc(p)
            if isinstance(p, llrp.AntennaID_Parameter):
                antenna = int(p.AntennaID)
            elif isinstance(p, llrp.PeakRSSI_Parameter):
                rssi = float(p.PeakRSSI)
            elif isinstance(p, llrp.TagSeenCount_Parameter):
                count = max(1, int(p.TagCount))
            elif isinstance(p, llrp.FirstSeenTimestampUTC_Parameter):
                seen = _reader_time(int(p.Microseconds))
        if tag is None:
            continue
        reads.append(
            TagRead(
                reader=reader,
                tag=tag,
                at=at,
                antenna=antenna,
                rssi=rssi,
                count=count,
                reader_time=seen,
            )
        )
    return reads


RO_ACCESS_REPORT = 61
_TAG_REPORT_DATA = 240
_EPC_DATA = 241
_EPC_96 = 13
_ANTENNA_ID = 1
_PEAK_RSSI = 6
_FIRST_SEEN_UTC = 2
_TAG_SEEN_COUNT = 8
# Total lengths of the TV-encoded parameters (type byte included), from pyllrp's definitions.
_TV_LENGTH: dict[int, int] = {
    code: int(pup.Length)
    for code, pup in llrp._ParameterPackUnpackLookup.items()
    if pup.Encoding == "TV"
}


def fast_tag_reads(frame: bytes, reader: str, at: datetime) -> list[TagRead]:
    """`tag_reads(unpack(frame), …)` for an RO_ACCESS_REPORT, read with plain slicing.

    pyllrp decodes through bitstring at ~4,000 tags/s, less than a busy reader sends; this
    walks the TLV/TV parameters directly (the test compares both on generated reports).
    Raises ValueError for a report whose parameters do not add up.
    """
    end = len(frame)
    pos = HEADER_SIZE
    reads: list[TagRead] = []
    while pos < end:
        if frame[pos] & 0x80:
            raise ValueError(f"TV parameter {frame[pos] & 0x7F} at the top of a report")
        if pos + 4 > end:
            raise ValueError("report ends inside a parameter header")
        kind = int.from_bytes(frame[pos : pos + 2], "big") & 0x3FF
        length = int.from_bytes(frame[pos + 2 : pos + 4], "big")
        if length < 4 or pos + length > end:
            raise ValueError(f"parameter {kind} of length {length} does not fit the report")
        if kind == _TAG_REPORT_DATA:
            read = _fast_tag(frame, pos + 4, pos + length, reader, at)
            if read is not None:
                reads.append(read)
        pos += length
    return reads


def _fast_tag(frame: bytes, pos: int, end: int, reader: str, at: datetime) -> TagRead | None:
    tag: str | None = None
    antenna = 0
    rssi: float | None = None
    count = 1
    seen: datetime | None = None
    while pos < end:
        first = frame[pos]
        if first & 0x80:
            kind = first & 0x7F
            length = _TV_LENGTH.get(kind, 0)
            if not length or pos + length > end:
                raise ValueError(f"TV parameter {kind} unknown or cut short")
            value = frame[pos + 1 : pos + length]
            if kind == _EPC_96 and tag is None:
                tag = value.hex().upper()
            elif kind == _ANTENNA_ID:
                antenna = int.from_bytes(value, "big")
            elif kind == _PEAK_RSSI:
                rssi = float(int.from_bytes(value, "big", signed=True))
            elif kind == _TAG_SEEN_COUNT:
                count = max(1, int.from_bytes(value, "big"))
            elif kind == _FIRST_SEEN_UTC:
                seen = _reader_time(int.from_bytes(value, "big"))
        else:
            if pos + 4 > end:
                raise ValueError("tag data ends inside a parameter header")
            kind = int.from_bytes(frame[pos : pos + 2], "big") & 0x3FF
            length = int.from_bytes(frame[pos + 2 : pos + 4], "big")
            if length < 4 or pos + length > end:
                raise ValueError(f"parameter {kind} of length {length} does not fit the tag data")
            if kind == _EPC_DATA and tag is None:
                if length < 6:
                    raise ValueError("EPCData without its bit count")
                bits = int.from_bytes(frame[pos + 4 : pos + 6], "big")
                epc = frame[pos + 6 : pos + 6 + (bits + 7) // 8]
                if len(epc) * 8 < bits:
                    raise ValueError("EPCData shorter than its bit count")
                tag = epc.hex().upper() if epc else None
        pos += length
    if tag is None:
        return None
    return TagRead(
        reader=reader, tag=tag, at=at, antenna=antenna, rssi=rssi, count=count, reader_time=seen
    )


@dataclass(frozen=True, slots=True)
class LlrpOptions:
    """Session settings; the defaults report every tag and notice a dead link within 2 s."""

    keepalive_s: float = 1.0  # the reader's KEEPALIVE period (SET_READER_CONFIG)
    missed_keepalives: float = 2.0  # silence of this many periods drops the link
    response_timeout_s: float = 5.0  # for the connection event and each setup response
    connect_timeout_s: float = 3.0
    backoff_min_s: float = 0.5
    backoff_max_s: float = 10.0
    report_every_n_tags: int = 1  # ROReportSpec N: 1 = a report per tag sighting
    rospec_id: int = 1
    antennas: tuple[int, ...] = (0,)  # 0 = all antennas
    max_message: int = MAX_MESSAGE
    tick_s: float = 0.2  # socket timeout: how often timers and the stop flag are checked
    counts_every_s: float = 1.0  # LinkState with new counters at most this often


def rospec(options: LlrpOptions) -> Any:
    """The ROSpec the client installs: inventory on `antennas` until stopped, every tag."""
    return llrp.ROSpec_Parameter(
        ROSpecID=options.rospec_id,
        Priority=0,
        CurrentState=llrp.ROSpecState.Disabled,
        Parameters=[
            llrp.ROBoundarySpec_Parameter(
                Parameters=[
                    # Null start: START_ROSPEC starts it; Null stop: it runs until stopped.
                    llrp.ROSpecStartTrigger_Parameter(
                        ROSpecStartTriggerType=llrp.ROSpecStartTriggerType.Null
                    ),
                    llrp.ROSpecStopTrigger_Parameter(
                        ROSpecStopTriggerType=llrp.ROSpecStopTriggerType.Null,
                        DurationTriggerValue=0,
                    ),
                ]
            ),
            llrp.AISpec_Parameter(
                AntennaIDs=list(options.antennas),
                Parameters=[
                    llrp.AISpecStopTrigger_Parameter(
                        AISpecStopTriggerType=llrp.AISpecStopTriggerType.Null, DurationTrigger=0
                    ),
                    llrp.InventoryParameterSpec_Parameter(
                        InventoryParameterSpecID=1,
                        ProtocolID=llrp.AirProtocols.EPCGlobalClass1Gen2,
                    ),
                ],
            ),
            llrp.ROReportSpec_Parameter(
                ROReportTrigger=llrp.ROReportTriggerType.Upon_N_Tags_Or_End_Of_AISpec,
                N=options.report_every_n_tags,
                Parameters=[
                    llrp.TagReportContentSelector_Parameter(
                        EnableAntennaID=True,
                        EnablePeakRSSI=True,
                        EnableFirstSeenTimestamp=True,
                        EnableTagSeenCount=True,
                    )
                ],
            ),
        ],
    )


def setup_messages(options: LlrpOptions, ids: Iterator[int]) -> list[Any]:
    """The requests of a session's setup, in order; each waits for its *_RESPONSE."""
    period_ms = max(1, round(options.keepalive_s * 1000))
    return [
        llrp.SET_READER_CONFIG_Message(
            MessageID=next(ids),
            ResetToFactoryDefault=False,
            Parameters=[
                llrp.KeepaliveSpec_Parameter(
                    KeepaliveTriggerType=llrp.KeepaliveTriggerType.Periodic,
                    PeriodicTriggerValue=period_ms,
                )
            ],
        ),
        llrp.DELETE_ROSPEC_Message(MessageID=next(ids), ROSpecID=0),  # 0: every ROSpec
        llrp.ADD_ROSPEC_Message(MessageID=next(ids), Parameters=[rospec(options)]),
        llrp.ENABLE_ROSPEC_Message(MessageID=next(ids), ROSpecID=options.rospec_id),
        llrp.START_ROSPEC_Message(MessageID=next(ids), ROSpecID=options.rospec_id),
    ]


class _SessionEnd(Exception):
    """Ends one connection; the message says why (shown as the link's detail)."""


@dataclass
class _Counts:
    frames: int = 0
    errors: int = 0
    reconnects: int = 0
    extra: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("reads", "keepalives", "events", "refused", "stream_drops"), 0
        )
    )

    def snapshot(self) -> tuple[int, ...]:
        return (self.frames, self.errors, self.reconnects, *self.extra.values())


class LlrpReader:
    """A fixed UHF reader over LLRP: one named thread, `llrp:<code>`, that never gives up.

    `accept` and `sink.publish` are called on the reader's thread. A read that `accept` refuses
    is offered again until it is taken (counted in `extra["refused"]`); meanwhile the socket is
    not read and TCP holds the reader back.
    """

    def __init__(
        self,
        code: str,
        address: str,
        accept: TrackingAccept,
        sink: EventSink,
        *,
        clock: Clock = utcnow,
        options: LlrpOptions | None = None,
    ):
        self.code = code
        self.address = address
        self.host, self.port = parse_address(address)
        self._accept = accept
        self._sink = sink
        self._clock = clock
        self.options = options or LlrpOptions()
        self._stop = threading.Event()
        self._sock: socket.socket | None = None
        self._sock_lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._ids = itertools.count(1)
        self._splitter = LlrpSplitter(self.options.max_message, KNOWN_TYPES)
        self.counts = _Counts()
        self._online: bool | None = None
        self._detail = ""
        self._published_counts: tuple[int, ...] = ()
        self._published_at = 0.0
        self._failing = False

    # --- Stoppable -------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return f"llrp:{self.code}"

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def online(self) -> bool:
        return bool(self._online)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def interrupt(self) -> None:
        """Wake the thread: stop reading (the session still sends CLOSE_CONNECTION)."""
        with self._sock_lock:
            sock = self._sock
        if sock is None:
            return
        with contextlib.suppress(OSError):
            # SHUT_RD wakes a blocked recv and leaves the write side for CLOSE_CONNECTION;
            # a connect in progress sees the stop flag within one tick.
            sock.shutdown(socket.SHUT_RD)

    def join(self, timeout: float) -> bool:
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    # --- state -----------------------------------------------------------------------------
    def state(self) -> LinkState:
        """The link's state and counters now."""
        c = self.counts
        return LinkState(
            device=self.code,
            online=bool(self._online),
            detail=self._detail,
            at=self._clock(),
            frames=c.frames,
            errors=c.errors,
            resyncs=0,  # LLRP cannot resync: a broken stream is dropped (extra stream_drops)
            reconnects=c.reconnects,
            extra=dict(c.extra),
        )

    def _set_state(self, online: bool, detail: str) -> None:
        if online == self._online and detail == self._detail:
            return
        self._online = online
        self._detail = detail
        if online:
            self._failing = False
        self._publish_counts(force=True)

    def _failed(self, why: str) -> None:
        """Offline after a failure; the first failure of a run of them goes to the error path."""
        if not self._failing:
            self._failing = True
            log.warning("LLRP reader %s offline: %s", self.code, why)
            self._sink.publish(
                WorkerFailed(worker=self.name, message=why, at=self._clock(), retrying=True)
            )
        self._set_state(False, why)

    def _publish_counts(self, force: bool = False) -> None:
        now = time.monotonic()
        snap = self.counts.snapshot()
        if not force and (
            snap == self._published_counts or now - self._published_at < self.options.counts_every_s
        ):
            return
        self._published_counts = snap
        self._published_at = now
        self._sink.publish(self.state())

    # --- the thread --------------------------------------------------------------------------
    def _run(self) -> None:
        backoff = self.options.backoff_min_s
        connected_once = False
        try:
            while not self._stop.is_set():
                reached_online = False
                try:
                    sock = self._connect()
                except OSError as exc:
                    why = f"{self.address}: {exc.strerror or exc}"
                else:
                    if connected_once:
                        self.counts.reconnects += 1
                    connected_once = True
                    try:
                        reached_online = self._session(sock)
                        why = "stopped"
                    except _SessionEnd as end:
                        why = f"{self.address}: {end}"
                    except Exception as exc:  # a bug in handling a message: log it, reconnect
                        log.exception("LLRP reader %s: error in the session", self.code)
                        why = f"{self.address}: internal error: {exc!r}"
                    finally:
                        self._close(sock)
                if self._stop.is_set():
                    break
                self._failed(why)
                if reached_online:
                    backoff = self.options.backoff_min_s
                if self._stop.wait(backoff):
                    break
                backoff = min(backoff * 2, self.options.backoff_max_s)
        except Exception as exc:  # a bug outside a session: say so instead of dying silently
            log.exception("LLRP reader %s failed", self.code)
            self._sink.publish(
                WorkerFailed(worker=self.name, message=repr(exc), at=self._clock(), retrying=False)
            )
        finally:
            self._online = None
            self._set_state(False, f"{self.address}: stopped")

    def _connect(self) -> socket.socket:
        """A connected socket; polls the stop flag so a reader that never answers cannot hold
        up shutdown for the whole connect timeout."""
        family, kind, proto, _, sockaddr = socket.getaddrinfo(
            self.host, self.port, type=socket.SOCK_STREAM
        )[0]
        sock = socket.socket(family, kind, proto)
        with self._sock_lock:
            self._sock = sock
        try:
            sock.setblocking(False)
            error = sock.connect_ex(sockaddr)
            if error not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
                raise OSError(error, os.strerror(error))
            deadline = time.monotonic() + self.options.connect_timeout_s
            while error:
                if self._stop.is_set():
                    raise OSError(errno.ECANCELED, "stopped while connecting")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise OSError(errno.ETIMEDOUT, "connect timed out")
                _, writable, _ = select.select([], [sock], [], min(left, self.options.tick_s))
                if writable:
                    error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if error:
                        raise OSError(error, os.strerror(error))
                    break
            sock.setblocking(True)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.settimeout(self.options.tick_s)
        except OSError:
            self._close(sock)
            raise
        return sock

    def _close(self, sock: socket.socket) -> None:
        with self._sock_lock:
            if self._sock is sock:
                self._sock = None
        sock.close()

    def _send(self, sock: socket.socket, message: Any) -> None:
        data = pack(message)
        with self._send_lock:
            try:
                sock.sendall(data)
            except OSError as exc:
                raise _SessionEnd(f"send failed: {exc}") from exc

    def _session(self, sock: socket.socket) -> bool:
        """One connection from the connection event to its end; True if reads flowed."""
        opts = self.options
        self._splitter.reset()
        steps = setup_messages(opts, self._ids)
        step = -1  # -1: waiting for the connection event
        deadline = time.monotonic() + opts.response_timeout_s
        silence = opts.keepalive_s * opts.missed_keepalives
        last_rx = time.monotonic()
        online = False
        self._set_state(False, f"{self.address}: connected, setting up")
        while not self._stop.is_set():
            try:
                data = sock.recv(65536)
            except TimeoutError:
                data = None
            except OSError as exc:
                raise _SessionEnd(f"read failed: {exc}") from exc
            now = time.monotonic()
            if data == b"":
                if self._stop.is_set():
                    break
                raise _SessionEnd("the reader closed the connection")
            if data:
                last_rx = now
                for frame in self._splitter.feed(data):
                    if int.from_bytes(frame[:2], "big") & 0x3FF == RO_ACCESS_REPORT:
                        self._report(frame)
                        continue
                    message = self._decode(frame)
                    if message is None:
                        continue
                    waited = step
                    step = self._handle(sock, message, steps, step)
                    if step == len(steps) and not online:
                        online = True
                        self._set_state(True, f"{self.address}: reading")
                    elif step != waited:  # each request gets the full time to be answered
                        deadline = now + opts.response_timeout_s
                if self._splitter.broken is not None:
                    self.counts.errors += 1
                    self.counts.extra["stream_drops"] += 1
                    raise _SessionEnd(f"stream broken ({self._splitter.broken}), reconnecting")
            if not online and now > deadline:
                waiting = "the connection event" if step < 0 else message_name(steps[step])
                raise _SessionEnd(f"no answer to {waiting} within {opts.response_timeout_s:g} s")
            if online and now - last_rx > silence:
                raise _SessionEnd(f"no keepalive for {silence:g} s")
            self._publish_counts()
        # Stopping: say goodbye so the reader frees its client slot at once.
        with contextlib.suppress(_SessionEnd):
            self._send(sock, llrp.CLOSE_CONNECTION_Message(MessageID=next(self._ids)))
        return online

    def _decode(self, frame: bytes) -> Any:
        self.counts.frames += 1
        try:
            return unpack(frame)
        except ValueError as exc:
            self._bad_message(exc)
            return None

    def _report(self, frame: bytes) -> None:
        self.counts.frames += 1
        at = self._clock()
        try:
            reads = fast_tag_reads(frame, self.code, at)
        except ValueError:
            try:  # pyllrp knows every parameter; the fast path only the usual ones
                reads = tag_reads(unpack(frame), self.code, at)
            except ValueError as exc:
                self._bad_message(exc)
                return
        self._deliver(reads)

    def _bad_message(self, exc: Exception) -> None:
        self.counts.errors += 1
        if self.counts.errors <= 5 or self.counts.errors % 1000 == 0:
            log.warning("LLRP reader %s: %s (%d so far)", self.code, exc, self.counts.errors)

    def _handle(self, sock: socket.socket, message: Any, steps: list[Any], step: int) -> int:
        """Acts on one message; returns the setup step now waited for (len(steps): done)."""
        # RO_ACCESS_REPORTs never get here: `_report` reads them.
        if isinstance(message, llrp.KEEPALIVE_Message):
            self.counts.extra["keepalives"] += 1
            self._send(sock, llrp.KEEPALIVE_ACK_Message(MessageID=message.MessageID))
        elif isinstance(message, llrp.READER_EVENT_NOTIFICATION_Message):
            step = self._on_event(sock, message, steps, step)
        elif 0 <= step < len(steps) and message.MessageID == steps[step].MessageID:
            request = message_name(steps[step])
            ok, why = status_of(message)
            # DELETE_ROSPEC of "all" on a reader with none may answer an error: harmless.
            if not ok and request != "DELETE_ROSPEC":
                raise _SessionEnd(f"{request} refused: {why}")
            step += 1
            if step < len(steps):
                self._send(sock, steps[step])
        return step

    def _on_event(self, sock: socket.socket, message: Any, steps: list[Any], step: int) -> int:
        attempt = message.getFirstParameterByClass(llrp.ConnectionAttemptEvent_Parameter)
        if attempt is not None:
            if attempt.Status != llrp.ConnectionAttemptStatusType.Success:
                name = llrp.ConnectionAttemptStatusType.getName(attempt.Status)
                raise _SessionEnd(f"the reader refused the connection: {name}")
            if step < 0:
                self._send(sock, steps[0])
                return 0
            return step
        if message.getFirstParameterByClass(llrp.ConnectionCloseEvent_Parameter) is not None:
            raise _SessionEnd("the reader is closing the connection")
        self.counts.extra["events"] += 1
        return step

    def _deliver(self, reads: Iterable[TagRead]) -> None:
        for read in reads:
            self.counts.extra["reads"] += 1
            if self._accept(read):
                continue
            # Ingest is full: offer it again until taken. The socket is not read meanwhile, so
            # TCP holds the reader back and its own buffer keeps the reports; LLRP has no
            # acknowledgement that would make it send a dropped read again.
            self.counts.extra["refused"] += 1
            delay = 0.01
            while not self._stop.wait(delay):
                if self._accept(read):
                    break
                delay = min(delay * 2, 0.5)
            else:
                return  # stopping: the reads not taken were never accepted


def llrp_reader_for(
    spec: ReaderSpec,
    accept: TrackingAccept,
    sink: EventSink,
    *,
    clock: Clock = utcnow,
    options: LlrpOptions | None = None,
) -> LlrpReader | None:
    """The (unstarted) reader thread for a site file's `llrp` reader, else None."""
    if spec.protocol != "llrp":
        return None
    return LlrpReader(spec.code, spec.address, accept, sink, clock=clock, options=options)
