"""The SIA DC-09 receiver: alarm panels report over TCP and UDP, events go to the console.

One thread (`name`, "dc09" by default) runs a `selectors` loop over the TCP listener, every
TCP connection and the UDP socket: non-blocking reads into a bounded per-connection buffer,
frames cut by `hardware.alarms.frames.FrameBuffer`, responses queued per connection. A slow or
hostile client costs its own buffer, never the others' time. pysiaalarm parses, decrypts and
maps ADM-CID to SIA codes; the sockets, the checks and the responses are ours (its sync TCP
handler reads 1024 bytes and splits frames badly; its asyncio UDP server fails on 3.11).

Responses (ANSI/SIA DC-09-2013 §5.5.3), and why:

- **ACK** (`*ACK` with the receiver's time when the event was encrypted) once `accept(event)`
  returned True, that is once the console has the event. A repeat of an acknowledged frame
  inside the time window is acknowledged again, as the standard asks; the console drops the
  copy by `AlarmEvent.key`. NULL frames (link tests) are acknowledged the same way and reach
  `accept` too: supervision needs them.
- **No response** when `accept` returns False (the console cannot take more now; the panel
  retries), and for a bad CRC, a length field that does not match, an oversized or truncated
  frame, garbage: the frame did not arrive intact, so the panel must send it again.
- **NAK** with the receiver's timestamp for a timestamp outside the window (`timeband`,
  40 s past / 20 s future by default, §5.5.1.8), for an encrypted frame without one, and for an
  encrypted frame the account's key does not open (a wrong key leaves no readable timestamp,
  so it fails the timestamp test). The panel resyncs its clock from the NAK and retries.
- **DUH** for a frame that arrived intact but cannot be processed (§5.5.3.3: "When the CSR is
  unable to process an otherwise correctly received message, it shall respond with a DUH"):
  an unknown SIA event code, content that does not parse, an unsupported ID token, an
  encrypted frame for an account without a key, an unencrypted one for an account with a key
  (a keyed panel's frames must be authenticated), and **an account the site file does not
  list**. pysiaalarm would NAK an encrypted frame of an unknown account and DUH a clear one;
  the standard keeps NAK for the timestamp test, and a NAK invites the panel to retry at once,
  forever, while no retry can make an unknown account known. DUH tells the panel (and its
  installer) that this receiver will not take the account. Each one is counted, logged with
  the peer and published in `AlarmReceiverState.unknown_accounts` ("1234 from host:port").

Keys are used, never logged or kept in events; log lines about bad frames are rate-limited
(a flood of bad frames writes a few lines and a summary, not one line each).
"""

from __future__ import annotations

import contextlib
import logging
import re
import selectors
import socket
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from pysiaalarm.account import SIAAccount
from pysiaalarm.errors import EventFormatError
from pysiaalarm.event import SIAEvent
from pysiaalarm.utils.enums import MessageTypes
from pysiaalarm.utils.regexes import MAIN_MATCHER

from core.alarms import AlarmAccept, AlarmEvent, AlarmReceiverState, PanelAccount
from core.ports import Clock, EventSink
from core.timefmt import utcnow
from hardware.alarms.frames import (
    MAX_BODY,
    MESSAGE_TYPES,
    Chunk,
    FrameBuffer,
    FrameError,
    build_ack,
    build_duh,
    build_nak,
    crc16_arc,
    decrypt_region,
)
from hardware.netserver import (
    Connection,
    RateLimitedWarnings,
    SelectorServer,
    ServerLimits,
    family_of,
    peer_name,
    port_of,
)

log = logging.getLogger(__name__)

# The body's header, read by us before pysiaalarm: token, sequence, receiver, line, account.
_HEAD = re.compile(
    rb'"(?P<star>\*?)(?P<token>[^"]{1,16})"(?P<seq>[0-9]{4})'
    rb"(?P<rcv>R[0-9A-Fa-f]{1,6})?(?P<line>L[0-9A-Fa-f]{1,6})?"
    rb"(?:#(?P<acct>[0-9A-Fa-f]{3,16}))?\["
)
_CONTENT_ACCOUNT = re.compile(r"#(?P<acct>[0-9A-Fa-f]{3,16})\|")
_RESPONSE_TOKENS = frozenset({b"ACK", b"NAK", b"DUH", b"RSP"})
_ADDRESS = re.compile(r"[0-9]+")
_UNKNOWN_KEPT = 8


class _QuietPysiaalarm(logging.Filter):
    """Drops pysiaalarm's per-frame warnings: the receiver reports the same, rate-limited."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno != logging.WARNING


_PYSIA_LOG = logging.getLogger("pysiaalarm")
if not any(isinstance(f, _QuietPysiaalarm) for f in _PYSIA_LOG.filters):
    # A frame with a broken timestamp makes pysiaalarm warn once per frame (a flood would
    # write one line each); its records go through this filter on their way out.
    for _name in ("pysiaalarm", "pysiaalarm.event"):
        logging.getLogger(_name).addFilter(_QuietPysiaalarm())


@dataclass(frozen=True, slots=True)
class Dc09Limits:
    """The receiver's resource limits; the defaults suit a street's few hundred panels."""

    max_connections: int = 256
    max_body: int = MAX_BODY  # a longer length field is refused (no response)
    frame_timeout: float = 10.0  # a frame still incomplete after this is dropped
    idle_timeout: float = 600.0  # a TCP connection silent this long is closed
    max_pending_output: int = 256 * 1024  # stop reading a client that does not read its ACKs
    recv_size: int = 16384  # bytes read from one connection per turn
    udp_batch: int = 64  # datagrams read per turn
    log_budget: int = 20  # bad-frame warnings per window before they are only counted
    log_window: float = 60.0


@dataclass
class _Counts:
    frames: int = 0
    acked: int = 0
    naked: int = 0
    duh: int = 0
    bad_crc: int = 0
    malformed: int = 0
    unknown_account: int = 0
    refused: int = 0
    undecryptable: int = 0


class _Conn(Connection):
    """One TCP connection: its socket, input frames, pending responses and timers."""

    __slots__ = ("frames",)

    def __init__(self, sock: socket.socket, peer: str, max_body: int, now: float):
        super().__init__(sock, peer, now)
        self.frames = FrameBuffer(max_body)


def _sia_account(panel: PanelAccount, timeband: tuple[int, int]) -> SIAAccount:
    # pysiaalarm takes the key as text and uses its ASCII bytes (`key.encode()`); the site
    # file's key is raw AES bytes, so the account is built without one and `key_b` (what its
    # decryption uses) set afterwards. `encrypted` reads key_b.
    acc = SIAAccount(panel.account, None, allowed_timeband=timeband)
    acc.key_b = panel.key
    return acc


class Dc09Receiver(SelectorServer[_Conn, AlarmReceiverState]):
    """Receives SIA DC-09 frames on TCP and UDP and hands typed events to `accept`.

    Args:
        accounts: the panels the receiver takes frames from, by account (upper-case hex).
        accept: takes each event; False when the console cannot take it now (no ACK is sent).
            Runs on the receiver's thread: it must return quickly (queue, do not write).
        sink: where `AlarmReceiverState` (on start, on failure, at most once a second when
            counts change) and `WorkerFailed` (the ports could not be opened) are published.
        host: the address to listen on.
        tcp_port, udp_port: the ports (0: any free one, see `tcp_port`/`udp_port` after
            `start()`); None: no listener of that kind.
        timeband: (seconds past, seconds future) a frame's timestamp may be off the clock.
        clock: the receiver's clock (UTC): the timestamp test and `received_at`.
        name: the thread's name.
        limits: resource limits (connections, frame size, timeouts).
    """

    def __init__(
        self,
        accounts: Mapping[str, PanelAccount],
        accept: AlarmAccept,
        sink: EventSink,
        *,
        host: str = "0.0.0.0",
        tcp_port: int | None,
        udp_port: int | None,
        timeband: tuple[int, int] = (40, 20),
        clock: Clock = utcnow,
        name: str = "dc09",
        limits: Dc09Limits | None = None,
    ):
        if tcp_port is None and udp_port is None:
            raise ValueError("the DC-09 receiver needs a TCP port, a UDP port or both")
        limits = limits or Dc09Limits()
        super().__init__(
            name=name,
            sink=sink,
            clock=clock,
            host=host,
            tcp_port=tcp_port,
            limits=ServerLimits(
                max_connections=limits.max_connections,
                recv_size=limits.recv_size,
                max_pending_output=limits.max_pending_output,
                frame_timeout=limits.frame_timeout,
                idle_timeout=limits.idle_timeout,
            ),
            log=log,
            warn=RateLimitedWarnings(
                log,
                limits.log_budget,
                limits.log_window,
                "%d more bad DC-09 frames in the last %.0f s were not logged one by one: %s",
            ),
        )
        self.accept = accept
        self.timeband = timeband
        self.limits = limits
        self._want_udp = udp_port
        self._panels: dict[str, tuple[PanelAccount, SIAAccount]] = {}
        self.set_accounts(accounts)
        self._udp: socket.socket | None = None
        self._counts = _Counts()
        self._last_problem = ""
        self._unknown: deque[str] = deque(maxlen=_UNKNOWN_KEPT)

    # --- what callers read ----------------------------------------------------------------
    @property
    def tcp_port(self) -> int | None:
        """The TCP port listened on, None when there is no listener (yet)."""
        return port_of(self._listener)

    @property
    def udp_port(self) -> int | None:
        """The UDP port listened on, None when there is no UDP socket (yet)."""
        return port_of(self._udp)

    def state(self) -> AlarmReceiverState:
        """A snapshot of whether it listens and its counts (any thread)."""
        with self._lock:
            c = self._counts
            return AlarmReceiverState(
                listening=self._listening(),
                detail=self._detail(),
                at=self.clock(),
                frames=c.frames,
                acked=c.acked,
                naked=c.naked,
                duh=c.duh,
                bad_crc=c.bad_crc,
                malformed=c.malformed,
                unknown_account=c.unknown_account,
                refused=c.refused,
                undecryptable=c.undecryptable,
                connections=len(self._conns),
                last_problem=self._last_problem,
                unknown_accounts=tuple(self._unknown),
            )

    def set_accounts(self, accounts: Mapping[str, PanelAccount]) -> None:
        """Replace the accounts (any thread; frames after this use the new ones)."""
        panels: dict[str, tuple[PanelAccount, SIAAccount]] = {}
        for panel in accounts.values():
            panels[panel.account] = (panel, _sia_account(panel, self.timeband))
        self._panels = panels  # one reference swap: the loop reads either the old or the new

    # --- sockets ----------------------------------------------------------------------------
    def _listening(self) -> bool:
        tcp_ok = self._want_tcp is None or self._listener is not None
        udp_ok = self._want_udp is None or self._udp is not None
        return tcp_ok and udp_ok and not self._stop.is_set()

    def _detail(self) -> str:
        if self._stop.is_set() and self._thread is not None and not self._thread.is_alive():
            return "stopped"
        parts = []
        if self._want_tcp is not None:
            if self._listener is not None:
                parts.append(f"tcp {self.host}:{self.tcp_port}")
            else:
                error = self._bind_errors.get("tcp", "not open")
                parts.append(f"tcp {self.host}:{self._want_tcp} failed: {error}")
        if self._want_udp is not None:
            if self._udp is not None:
                parts.append(f"udp {self.host}:{self.udp_port}")
            else:
                error = self._bind_errors.get("udp", "not open")
                parts.append(f"udp {self.host}:{self._want_udp} failed: {error}")
        return ", ".join(parts)

    def _state_key(self, state: AlarmReceiverState) -> tuple[object, ...]:
        return _counts_of(state)

    def _open_more(self) -> None:
        if self._want_udp is not None and self._udp is None:
            # No SO_REUSEADDR: on Linux two UDP sockets with it share a port and split frames.
            sock = socket.socket(family_of(self.host), socket.SOCK_DGRAM)
            try:
                sock.bind((self.host, self._want_udp))
                sock.setblocking(False)
            except OSError as exc:
                sock.close()
                self._bind_errors["udp"] = exc.strerror or str(exc)
            else:
                self._udp = sock
                self._bind_errors.pop("udp", None)
                self._sel.register(sock, selectors.EVENT_READ, self._on_udp)

    def _close_more(self) -> None:
        if self._udp is not None:
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(self._udp)
            self._udp.close()
            self._udp = None

    def _on_stopped(self, now: float) -> None:
        self._publish(replace(self.state(), listening=False, detail="stopped"), now)

    # --- TCP -----------------------------------------------------------------------------------
    def _new_conn(self, sock: socket.socket, peer: str, now: float) -> _Conn:
        return _Conn(sock, peer, self.limits.max_body, now)

    def _refuse(self, peer: str) -> None:
        self._problem(
            "malformed",
            "connections",
            peer,
            f"refused: {self.limits.max_connections} connections already open",
            count=False,
        )

    def _drop_partial(self, conn: _Conn) -> None:
        dropped = conn.frames.clear()
        self._problem(
            "malformed",
            "truncated",
            conn.peer,
            f"a frame stayed incomplete for {self.limits.frame_timeout:.0f} s "
            f"({dropped} bytes dropped)",
        )

    def _on_idle(self, conn: _Conn) -> None:
        log.info(
            "%s: closing %s, silent for %.0f s", self._name, conn.peer, self.limits.idle_timeout
        )
        self._close(conn, "")

    def _on_close(self, conn: _Conn, why: str) -> None:
        pending = conn.frames.clear()
        if pending and why:
            self._problem(
                "malformed",
                "truncated",
                conn.peer,
                f"{why} inside a frame ({pending} bytes dropped)",
            )

    def _pending(self, conn: _Conn) -> int:
        return conn.frames.pending

    def _on_data(self, conn: _Conn, data: bytes) -> bool:
        completed = False
        for chunk in conn.frames.feed(data):
            completed = completed or chunk.kind == "frame"
            self._on_chunk(chunk, "tcp", conn.peer, conn.out.extend)
        return completed

    # --- UDP -----------------------------------------------------------------------------------
    def _on_udp(self) -> None:
        sock = self._udp
        assert sock is not None
        for _ in range(self.limits.udp_batch):
            try:
                data, addr = sock.recvfrom(65535)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                # Windows reports an earlier ICMP port-unreachable here (WSAECONNRESET).
                continue
            peer = peer_name(addr)
            frames = FrameBuffer(self.limits.max_body)
            replies: list[bytes] = []
            for chunk in frames.feed(data):
                self._on_chunk(chunk, "udp", peer, replies.append)
            if frames.pending:
                self._problem(
                    "malformed",
                    "truncated",
                    peer,
                    f"a datagram ended inside a frame ({frames.pending} bytes)",
                )
            for reply in replies:
                try:
                    sock.sendto(reply, addr)
                except OSError as exc:
                    log.debug("%s: cannot answer %s: %s", self._name, peer, exc)

    # --- frames --------------------------------------------------------------------------------
    def _problem(
        self, counter: str, reason: str, peer: str, detail: str, *, count: bool = True
    ) -> None:
        """Count a bad frame, remember it for the state, log it (rate-limited)."""
        text = f"{detail} from {peer}"
        with self._lock:
            if count:
                setattr(self._counts, counter, getattr(self._counts, counter) + 1)
            self._last_problem = text
        self._warn.warning(reason, "%s: %s", self._name, text)

    def _on_chunk(
        self, chunk: Chunk, transport: str, peer: str, reply: Callable[[bytes], object]
    ) -> None:
        kind = chunk.kind
        if kind == "frame":
            self._on_frame(chunk.data, transport, peer, reply)
        elif kind == "garbage":
            self._problem(
                "malformed", "garbage", peer, f"{chunk.size} bytes outside any frame skipped"
            )
        elif kind == "bad_header":
            self._problem("malformed", "header", peer, "a frame whose CRC or length is not hex")
        elif kind == "oversized":
            self._problem(
                "malformed",
                "oversized",
                peer,
                f"a frame of {chunk.size} bytes (limit {self.limits.max_body}) refused",
            )
        else:
            self._problem("malformed", "length", peer, "a frame whose length field does not match")

    def _count(self, counter: str) -> None:
        with self._lock:
            setattr(self._counts, counter, getattr(self._counts, counter) + 1)

    def _on_frame(
        self, data: bytes, transport: str, peer: str, reply: Callable[[bytes], object]
    ) -> None:
        """One intact frame (CRC, length, body): check, parse, hand over, answer."""
        self._count("frames")
        body = data[8:]
        if int(data[:4], 16) != crc16_arc(body):
            self._problem("bad_crc", "crc", peer, "a frame with a bad CRC (not answered)")
            return
        head = _HEAD.match(body)
        if head is None:
            self._duh(reply, "", "", "", "")
            self._problem("duh", "format", peer, "a frame that is not a DC-09 event", count=False)
            return
        token = head["token"]
        if token in _RESPONSE_TOKENS:
            # Somebody's response (or a loop back to ourselves): never answer an answer.
            self._problem(
                "malformed",
                "format",
                peer,
                f"a {token.decode('ascii', 'replace')} response sent to the receiver",
            )
            return
        seq = head["seq"].decode("ascii")
        rcv = (head["rcv"] or b"").decode("ascii").upper()
        line = (head["line"] or b"").decode("ascii").upper()
        encrypted = bool(head["star"])
        token_text = token.decode("ascii", "replace")
        account = (head["acct"] or b"").decode("ascii").upper()
        try:
            text = body.decode("ascii")
        except UnicodeDecodeError:
            self._duh(reply, seq, rcv, line, account)
            self._problem(
                "duh",
                "format",
                peer,
                f"account {account or '?'}: a frame with non-ASCII bytes",
                count=False,
            )
            return
        if token_text not in MESSAGE_TYPES:
            self._duh(reply, seq, rcv, line, account)
            self._problem(
                "duh",
                "format",
                peer,
                f"account {account or '?'}: unsupported ID token {token_text!r}",
                count=False,
            )
            return
        if not account and not encrypted:
            found = _CONTENT_ACCOUNT.match(text, head.end())
            account = found["acct"].upper() if found else ""
        panels = self._panels
        entry = panels.get(account)
        if entry is None:
            self._duh(reply, seq, rcv, line, account)
            if account:
                with self._lock:
                    self._counts.unknown_account += 1
                    seen = f"{account} from {peer}"
                    if seen in self._unknown:
                        self._unknown.remove(seen)
                    self._unknown.appendleft(seen)
                self._problem("duh", "account", peer, f"unknown account {account}", count=False)
            else:
                self._problem("duh", "account", peer, "a frame without an account", count=False)
            return
        panel, sia = entry
        if encrypted and panel.key is None:
            self._duh(reply, seq, rcv, line, account)
            self._problem(
                "duh",
                "key",
                peer,
                f"account {account}: encrypted, but the site file has no key for it",
                count=False,
            )
            return
        if not encrypted and panel.key is not None:
            self._duh(reply, seq, rcv, line, account)
            self._problem(
                "duh",
                "key",
                peer,
                f"account {account}: unencrypted, but its key says it must encrypt",
                count=False,
            )
            return

        try:
            event = _parse(data.decode("ascii"), sia)
        except Exception as exc:
            if encrypted and not _opens(panel.key, body[head.end() :]):
                self._nak(reply)
                with self._lock:
                    self._counts.undecryptable += 1
                self._problem(
                    "naked",
                    "key",
                    peer,
                    f"account {account}: cannot decrypt (wrong key?)",
                    count=False,
                )
            else:
                self._duh(reply, seq, rcv, line, account)
                self._problem(
                    "duh",
                    "format",
                    peer,
                    f"account {account}: content not understood ({type(exc).__name__})",
                    count=False,
                )
            return

        mtype = (
            event.message_type.value
            if isinstance(event.message_type, MessageTypes)
            else str(event.message_type)
        )
        if mtype != "NULL" and event.code_not_found:
            self._duh(reply, seq, rcv, line, account)
            self._problem(
                "duh",
                "code",
                peer,
                f"account {account}: unknown event code {event.code!r}",
                count=False,
            )
            return
        panel_time = event.timestamp if isinstance(event.timestamp, datetime) else None
        has_stamp = "]_" in (event.content or "")
        now = self.clock()
        if panel_time is None and (encrypted or has_stamp):
            self._nak(reply)
            self._problem(
                "naked", "time", peer, f"account {account}: no readable timestamp", count=False
            )
            return
        if panel_time is not None:
            past, future = self.timeband
            if not now - timedelta(seconds=past) <= panel_time <= now + timedelta(seconds=future):
                self._nak(reply)
                offset = (panel_time - now).total_seconds()
                self._problem(
                    "naked",
                    "time",
                    peer,
                    f"account {account}: timestamp {panel_time:%H:%M:%S} is {offset:+.0f} s off "
                    f"(window -{past}/+{future} s)",
                    count=False,
                )
                return

        alarm = _alarm_event(
            event,
            mtype,
            account,
            rcv,
            line,
            seq,
            encrypted,
            panel_time,
            now,
            transport,
            peer,
            body,
            head.end(),
        )
        try:
            taken = bool(self.accept(alarm))
        except Exception:
            self._warn.warning(
                "accept",
                "%s: accept() failed for an event of account %s",
                self._name,
                account,
                exc_info=True,
            )
            taken = False
        if not taken:
            self._count("refused")
            return  # no ACK: the panel sends it again
        reply(build_ack(seq, rcv, line, account, key=panel.key if encrypted else None, now=now))
        self._count("acked")

    def _duh(
        self, reply: Callable[[bytes], object], seq: str, rcv: str, line: str, account: str
    ) -> None:
        reply(build_duh(seq, rcv, line, account))
        self._count("duh")

    def _nak(self, reply: Callable[[bytes], object]) -> None:
        reply(build_nak(self.clock()))
        self._count("naked")


def _parse(line: str, sia: SIAAccount) -> SIAEvent:
    """pysiaalarm's SIAEvent of a frame (CRC, length, body) whose CRC is already checked.

    As `SIAEvent.from_line`, but with the account given (a clear frame may name it in its
    content only) and without pysiaalarm's bit-by-bit CRC, which cost more than all the rest
    of the parsing of an encrypted frame. Raises what pysiaalarm raises on bad content.
    """
    match = MAIN_MATCHER.match(line)
    if match is None:
        raise EventFormatError("not a SIA-DCS, ADM-CID or NULL frame")
    fields = match.groupdict()
    encrypted = bool(fields["encrypted_flag"])
    return SIAEvent(
        full_message=line[8:],
        msg_crc=fields["crc"],
        calc_crc=fields["crc"],
        length=fields["length"],
        encrypted=encrypted,
        message_type=fields["message_type"],
        sequence=fields["sequence"],
        receiver=fields["receiver"],
        line=fields["line"],
        account=fields["account"],
        content=None if encrypted else fields["rest"],
        encrypted_content=fields["rest"] if encrypted else None,
        sia_account=sia,
    )


def _opens(key: bytes | None, encrypted: bytes) -> bool:
    """True when `key` decrypts the region to `pad|` + readable text (the key is right)."""
    if key is None:
        return False
    try:
        plain = decrypt_region(key, encrypted.decode("ascii", "replace"))
    except FrameError:
        return False
    bar = plain.find(b"|")
    if bar < 0:
        return False
    rest = plain[bar + 1 :]
    return b"]" in rest and all(0x20 <= b < 0x7F for b in rest)


def _counts_of(state: AlarmReceiverState) -> tuple[object, ...]:
    return (
        state.listening,
        state.detail,
        state.frames,
        state.acked,
        state.naked,
        state.duh,
        state.bad_crc,
        state.malformed,
        state.unknown_account,
        state.refused,
        state.undecryptable,
        state.connections,
        state.last_problem,
    )


def _alarm_event(
    event: SIAEvent,
    mtype: str,
    account: str,
    receiver: str,
    line: str,
    sequence: str,
    encrypted: bool,
    panel_time: datetime | None,
    now: datetime,
    transport: str,
    peer: str,
    body: bytes,
    content_at: int,
) -> AlarmEvent:
    """The typed event of a parsed frame.

    SIA-DCS (DC-03 data): `Nri01/BA012` is area (`ri`) 01, event BA, zone 012: the number
    after the code is the zone (or user) and becomes `zone`, `ri` becomes `partition`; text
    after it (`^Front door^`) becomes `text`. ADM-CID: pysiaalarm maps qualifier and event to
    the SIA code (1130 → BA, 3130 → BH); its zone and partition are the frame's own.
    """
    code = zone = partition = text = ""
    if mtype == "ADM-CID":
        code = event.code or ""
        zone = event.ri or ""
        partition = event.partition or ""
    elif mtype == "SIA-DCS":
        code = event.code or ""
        partition = event.ri or ""
        rest = event.message or ""
        address = _ADDRESS.match(rest)
        if address is not None:
            zone = address.group()
            rest = rest[address.end() :]
        rest = rest.strip()
        # DC-03 text: `^name^` after the zone, or dc09_spt's `|Atext`.
        text = rest[2:] if rest.startswith("|A") else rest.strip("^|/ ")
    if encrypted:
        # The decrypted content without its pad: a retry re-pads, a replay does not, and the
        # event is the same either way.
        content = event.content or ""
        bar = content.find("|")
        raw = body[:content_at].decode("ascii") + (content[bar + 1 :] if bar >= 0 else content)
    else:
        raw = body.decode("ascii")
    return AlarmEvent(
        account=account,
        receiver=receiver,
        line=line,
        sequence=sequence,
        message_type=mtype,
        code=code.upper(),
        zone=zone,
        partition=partition,
        text="".join(ch for ch in text[:200] if ch.isprintable()),
        panel_time=panel_time,
        received_at=now,
        transport=transport,
        peer=peer,
        encrypted=encrypted,
        raw=raw,
    )
