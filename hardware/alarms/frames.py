"""SIA DC-09 frames: CRC, framing, AES, building events and responses, a blocking sender.

A frame on the wire (ANSI/SIA DC-09-2013 §5.5.1) is

    LF  CRC(4 hex)  LEN(4 hex, "0LLL")  body  CR

where the body runs from the ID token's opening quote to the last character before CR, the
CRC is CRC-16/ARC of the body and LEN its length in bytes. An event body is

    "SIA-DCS"0001R1L0#1234[#1234|Nri01/BA012]_13:05:02,11-25-2026
    "ADM-CID"0002R1L0#1234[#1234|1130 01 012]_13:05:02,11-25-2026
    "NULL"0003R1L0#1234[]_13:05:02,11-25-2026           (a link test)

Encrypted (§5.4.4-5.4.6): the ID token gets a `*`, and everything after `[` up to and
including the timestamp is `pad|data]…_timestamp`, AES-CBC with a zero IV and the panel's
key (128, 192 or 256 bits), sent as upper-case hex. The pad is 1 to 16 pseudo-random bytes
that are not `|`, `[` or `]`, so that the encrypted region is a multiple of 16 bytes.

The receiver answers ACK (encrypted as `*ACK` with its own timestamp when the event was
encrypted), NAK (never encrypted, with the receiver's timestamp: the panel resyncs its clock
and retries) or DUH (understood as a frame, but not processed).
"""

from __future__ import annotations

import contextlib
import os
import re
import selectors
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

LF = 0x0A
CR = 0x0D
HEADER_LEN = 9  # LF + 4 hex CRC + 4 hex length
MAX_BODY = 1024  # bytes; a DC-09 event is well under 300 even with extended data
_ZERO_IV = bytes(16)
_PAD_EXCLUDED = frozenset(b"|[]")
_HEX = frozenset(b"0123456789ABCDEFabcdef")
MESSAGE_TYPES = ("SIA-DCS", "ADM-CID", "NULL")
TIMESTAMP_FORMAT = "%H:%M:%S,%m-%d-%Y"


class FrameError(ValueError):
    """A frame (or response) that is not DC-09: bad framing, CRC, length or content."""


# --- CRC-16/ARC (poly 0x8005 reflected = 0xA001, init 0, no final xor) ----------------------
def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def crc16_arc(data: bytes) -> int:
    """CRC-16/ARC of `data` ("123456789" → 0xBB3D), the CRC DC-09 puts before each body."""
    crc = 0
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def wrap(body: bytes) -> bytes:
    """LF + CRC + length + body + CR: the body framed for the wire."""
    if len(body) > 0xFFF:
        raise FrameError(f"a DC-09 body is at most 4095 bytes, got {len(body)}")
    return b"\n%04X%04X%s\r" % (crc16_arc(body), len(body), body)


# --- time and AES -----------------------------------------------------------------------------
def format_timestamp(ts: datetime) -> str:
    """`_HH:MM:SS,MM-DD-YYYY` in UTC, as DC-09 writes a timestamp."""
    aware = ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)
    return "_" + aware.strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    """The UTC instant of `HH:MM:SS,MM-DD-YYYY` (with or without the leading `_`)."""
    return datetime.strptime(text.lstrip("_"), TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def _check_key(key: bytes) -> None:
    if len(key) not in (16, 24, 32):
        raise ValueError(f"an AES key is 16, 24 or 32 bytes, got {len(key)}")


def make_pad(length_after_pad: int) -> bytes:
    """Pseudo-random pad (§5.4.4): 1 to 16 bytes, none `|`, `[` or `]`, so that the pad and
    the `length_after_pad` bytes after it (the `|` and the rest) make a multiple of 16. What is
    already a multiple gets a full 16 bytes, as the standard says."""
    count = 16 - length_after_pad % 16
    out = b""
    while len(out) < count:
        out += bytes(b for b in os.urandom(2 * count) if b not in _PAD_EXCLUDED)
    return out[:count]


def encrypt_region(key: bytes, region: bytes) -> str:
    """`pad|region` (region = data `]` … timestamp), AES-CBC with a zero IV, as upper hex."""
    _check_key(key)
    plain = make_pad(len(region) + 1) + b"|" + region
    encryptor = Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV)).encryptor()
    return (encryptor.update(plain) + encryptor.finalize()).hex().upper()


def decrypt_region(key: bytes, hex_text: str) -> bytes:
    """The plaintext of an encrypted region (pad included); FrameError if it cannot be."""
    _check_key(key)
    try:
        data = bytes.fromhex(hex_text)
    except ValueError:
        raise FrameError("the encrypted part is not hex") from None
    if not data or len(data) % 16:
        raise FrameError(f"the encrypted part is {len(data)} bytes, not a multiple of 16")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


# --- building events ----------------------------------------------------------------------------
def _prefix(value: str, letter: str) -> str:
    """ "R1" from "1" or "R1"; "" stays "" (the field is left out)."""
    value = value.strip().upper()
    if not value:
        return ""
    return value if value.startswith(letter) else letter + value


def build_frame(
    account: str,
    code: str = "",
    zone: str = "",
    *,
    sequence: int | str = 1,
    receiver: str = "R1",
    line: str = "L0",
    key: bytes | None = None,
    timestamp: datetime | None = None,
    with_timestamp: bool = True,
    message_type: str = "SIA-DCS",
    partition: str = "",
    text: str = "",
    extended: Sequence[str] = (),
) -> bytes:
    """A DC-09 frame, framed for the wire.

    Args:
        account: the panel's account, 3 to 16 hex digits.
        code: SIA-DCS: the two-letter event code ("BA"); ADM-CID: qualifier and event, four
            digits ("1130" is a new burglary, "3130" its restore); ignored for NULL.
        zone: the zone or user number ("012"); ADM-CID pads it to three digits.
        sequence: 1..9999 (or "0001").
        receiver, line: "R1"/"1" and "L0"/"0"; an empty receiver leaves the field out.
        key: the raw AES key (16/24/32 bytes) to encrypt with; None sends it in clear.
        timestamp: the panel's clock (UTC); None is now. `with_timestamp=False` leaves it out
            (allowed for unencrypted frames only).
        message_type: "SIA-DCS", "ADM-CID" or "NULL".
        partition: SIA-DCS: the area (`ri`); ADM-CID: the two-digit partition (default "01").
        text: SIA-DCS free text, sent as `^text^` after the zone.
        extended: extended data fields without brackets ("X114.4", "Y22.5").
    """
    if message_type not in MESSAGE_TYPES:
        raise ValueError(f"message_type is one of {MESSAGE_TYPES}, got {message_type!r}")
    account = account.strip().upper()
    seq = f"{int(sequence):04d}"
    if not 0 <= int(seq) <= 9999:
        raise ValueError(f"a sequence is 0000..9999, got {sequence!r}")
    if message_type == "NULL":
        data = ""
    elif message_type == "ADM-CID":
        if not re.fullmatch(r"[0-9]{4}", code):
            raise ValueError(f"an ADM-CID code is qualifier + event, 4 digits, got {code!r}")
        data = f"#{account}|{code} {(partition or '01')[-2:]:0>2} {zone[-3:]:0>3}"
    else:
        area = f"ri{partition}/" if partition else ""
        shown = f"^{text}^" if text else ""
        data = f"#{account}|N{area}{code}{zone}{shown}"
    ext = "".join(f"[{x}]" for x in extended)
    if key is not None and not with_timestamp:
        raise ValueError("an encrypted frame needs a timestamp (DC-09 §5.5.1.8)")
    stamp = format_timestamp(timestamp or datetime.now(UTC)) if with_timestamp else ""
    token = message_type
    header = f"{seq}{_prefix(receiver, 'R')}{_prefix(line, 'L')}#{account}["
    if key is None:
        body = f'"{token}"{header}{data}]{ext}{stamp}'.encode("ascii")
    else:
        region = f"{data}]{ext}{stamp}".encode("ascii")
        body = f'"*{token}"{header}{encrypt_region(key, region)}'.encode("ascii")
    return wrap(body)


# --- responses ----------------------------------------------------------------------------------
def build_ack(
    sequence: str,
    receiver: str,
    line: str,
    account: str,
    *,
    key: bytes | None = None,
    now: datetime | None = None,
) -> bytes:
    """ACK (§5.5.3.1): `"ACK"seq R L #acct[]`; to an encrypted event `"*ACK"…[` + encrypted
    `pad|]_timestamp`, the receiver's time."""
    head = f"{sequence}{receiver}{line}#{account}["
    if key is None:
        return wrap(f'"ACK"{head}]'.encode("ascii"))
    region = ("]" + format_timestamp(now or datetime.now(UTC))).encode("ascii")
    return wrap(f'"*ACK"{head}{encrypt_region(key, region)}'.encode("ascii"))


def build_nak(now: datetime | None = None) -> bytes:
    """NAK (§5.5.3.2): `"NAK"0000R0L0A0[]_timestamp`, never encrypted: the receiver's clock,
    from which the panel resyncs its own before it retries."""
    stamp = format_timestamp(now or datetime.now(UTC))
    return wrap(f'"NAK"0000R0L0A0[]{stamp}'.encode("ascii"))


def build_duh(sequence: str, receiver: str, line: str, account: str) -> bytes:
    """DUH (§5.5.3.3): the frame arrived intact but the receiver cannot process it."""
    acct = f"#{account}" if account else "A0"
    return wrap(f'"DUH"{sequence or "0000"}{receiver}{line}{acct}[]'.encode("ascii"))


@dataclass(frozen=True, slots=True)
class Dc09Response:
    """A receiver's answer to one frame."""

    kind: str  # "ACK", "NAK", "DUH" or "RSP"
    sequence: str
    receiver: str  # "R1", "" when absent
    line: str  # "L0", "" when absent
    account: str  # "" when the response names none (a NAK's A0)
    encrypted: bool
    timestamp: datetime | None  # the receiver's clock, when the response carries it


_RESPONSE_RE = re.compile(
    r'"(?P<star>\*?)(?P<kind>ACK|NAK|DUH|RSP)"(?P<seq>[0-9]{4})'
    r"(?P<rcv>R[0-9A-Fa-f]{1,6})?(?P<line>L[0-9A-Fa-f]{1,6}?)?"
    r"(?:#(?P<acct>[0-9A-Fa-f]{3,16})|A0)?\[(?P<rest>.*)$",
    re.S,
)
_TAIL_TS = re.compile(r"\]_(?P<ts>[0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{2}-[0-9]{2}-[0-9]{4})$")


def unwrap(frame: bytes) -> bytes:
    """The body of one complete frame; FrameError on bad framing, length or CRC."""
    if len(frame) < HEADER_LEN + 1 or frame[0] != LF or frame[-1] != CR:
        raise FrameError("not an LF … CR frame")
    head = frame[1:HEADER_LEN]
    if not set(head) <= _HEX:
        raise FrameError("the CRC and length are not hex")
    body = frame[HEADER_LEN:-1]
    if int(head[4:8], 16) != len(body):
        raise FrameError(f"length field {int(head[4:8], 16)} but {len(body)} bytes")
    if int(head[:4], 16) != crc16_arc(body):
        raise FrameError("CRC mismatch")
    return body


def parse_response(frame: bytes, key: bytes | None = None) -> Dc09Response:
    """Check and read a receiver's response (decrypting a `*ACK` with `key`)."""
    body = unwrap(frame).decode("ascii", "replace")
    m = _RESPONSE_RE.match(body)
    if m is None:
        raise FrameError(f"not a DC-09 response: {body[:60]!r}")
    rest = m["rest"]
    encrypted = bool(m["star"])
    if encrypted:
        if key is None:
            raise FrameError("an encrypted response needs the key")
        plain = decrypt_region(key, rest).decode("ascii", "replace")
        rest = plain[plain.index("|") + 1 :] if "|" in plain else plain
        if not rest.startswith("]"):
            # pysiaalarm-style responses carry no pad terminator: take what ends in "]_ts".
            rest = rest[rest.rfind("]") :] if "]" in rest else rest
    ts_match = _TAIL_TS.search(rest)
    return Dc09Response(
        kind=m["kind"],
        sequence=m["seq"],
        receiver=(m["rcv"] or "").upper(),
        line=(m["line"] or "").upper(),
        account=(m["acct"] or "").upper(),
        encrypted=encrypted,
        timestamp=parse_timestamp(ts_match["ts"]) if ts_match else None,
    )


# --- splitting a byte stream into frames --------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Chunk:
    """What a FrameBuffer found: a whole frame (`kind` "frame") or a problem.

    Kinds: "frame" (`data` is the header CRC, length and body: LF and CR stripped),
    "garbage" (bytes before an LF), "bad_header" (CRC or length not hex), "oversized"
    (length field above the limit), "bad_length" (the CR is not where the length says).
    """

    kind: str
    data: bytes = b""
    size: int = 0  # bytes skipped, or the declared length of an oversized frame


class FrameBuffer:
    """Bytes in, frames out: DC-09 framing over a stream, resyncing after anything broken.

    Frames are cut by their length field and must end in CR there; a body never holds LF or
    CR, so one that does (or a frame cut short by the next LF) is dropped as "bad_length" and
    reading resumes at the next LF. Bytes outside frames are dropped as "garbage". At most one
    partial frame is kept (≤ 9 + `max_body` + 1 bytes): `pending` says how long it is.
    """

    def __init__(self, max_body: int = MAX_BODY):
        self.max_body = max_body
        self._buf = bytearray()

    @property
    def pending(self) -> int:
        """Bytes of an unfinished frame held back."""
        return len(self._buf)

    def clear(self) -> int:
        """Drop the unfinished frame (a timeout or a closed connection); its size."""
        n = len(self._buf)
        self._buf.clear()
        return n

    def feed(self, data: bytes) -> list[Chunk]:
        """Add received bytes; every complete frame and every problem found, in order."""
        self._buf += data
        buf = self._buf
        out: list[Chunk] = []
        pos = 0
        n = len(buf)
        while pos < n:
            lf = buf.find(b"\n", pos)
            if lf < 0:
                out.append(Chunk("garbage", size=n - pos))
                pos = n
                break
            if lf > pos:
                out.append(Chunk("garbage", size=lf - pos))
                pos = lf
            avail = n - pos
            head = buf[pos + 1 : pos + min(avail, HEADER_LEN)]
            if not set(head) <= _HEX:
                out.append(Chunk("bad_header", size=1))
                pos = self._resync(pos, n)
                continue
            if avail < HEADER_LEN:
                break  # wait for the rest of the header
            length = int(buf[pos + 5 : pos + 9], 16)
            if length > self.max_body:
                out.append(Chunk("oversized", size=length))
                pos = self._resync(pos, n)
                continue
            end = pos + HEADER_LEN + length  # where the CR must be
            # LF or CR inside the body: the frame was cut short or its length is wrong.
            stop = min(end, n)
            if buf.find(b"\r", pos + HEADER_LEN, stop) >= 0 or buf.find(b"\n", pos + 1, stop) >= 0:
                out.append(Chunk("bad_length", size=length))
                pos = self._resync(pos, n)
                continue
            if end >= n:
                break  # wait for the rest of the body and the CR
            if buf[end] != CR:
                out.append(Chunk("bad_length", size=length))
                pos = self._resync(pos, n)
                continue
            out.append(Chunk("frame", bytes(buf[pos + 1 : end])))
            pos = end + 1
        del buf[:pos]
        return out

    def _resync(self, pos: int, n: int) -> int:
        """Past a broken frame at `pos`: to its CR, or to the next LF if that comes first."""
        buf = self._buf
        lf = buf.find(b"\n", pos + 1)
        cr = buf.find(b"\r", pos + 1)
        if cr >= 0 and (lf < 0 or cr < lf):
            return cr + 1
        return lf if lf >= 0 else n


# --- a blocking sender (tests, bench, the demo's panel simulator) -------------------------------
class Dc09Sender:
    """Sends frames to a receiver over TCP or UDP and waits for the answers (blocking).

    Not thread-safe: one thread uses one sender. TCP keeps one connection open for all
    frames, as a panel does; `close()` ends it.
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        transport: str = "tcp",
        timeout: float = 2.0,
    ):
        if transport not in ("tcp", "udp"):
            raise ValueError(f"transport is 'tcp' or 'udp', got {transport!r}")
        self.host = host
        self.port = port
        self.transport = transport
        self.timeout = timeout
        self._sock: socket.socket | None = None
        self._frames = FrameBuffer(max_body=4095)
        self._ready: list[bytes] = []

    def __enter__(self) -> Dc09Sender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def local_address(self) -> tuple[str, int]:
        """The sender's own address (host, port), once connected."""
        addr = self._socket().getsockname()
        return str(addr[0]), int(addr[1])

    def _socket(self) -> socket.socket:
        if self._sock is None:
            if self.transport == "tcp":
                self._sock = socket.create_connection((self.host, self.port), self.timeout)
            else:
                self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                self._sock.connect((self.host, self.port))
            self._sock.settimeout(self.timeout)
        return self._sock

    def close(self) -> None:
        """Close the connection (a later send opens a new one)."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        self._frames.clear()
        self._ready.clear()

    def interrupt(self) -> None:
        """Wake a blocked receive from another thread (shuts the socket down)."""
        sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def send_raw(self, data: bytes) -> None:
        """Send bytes as they are: a frame, several, a fragment or garbage."""
        sock = self._socket()
        if self.transport == "tcp":
            sock.sendall(data)
        else:
            sock.send(data)

    def receive_frame(self, timeout: float | None = None) -> bytes | None:
        """The next whole frame the receiver sent, None when none came within `timeout`."""
        if self._ready:
            return self._ready.pop(0)
        sock = self._socket()
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            sock.settimeout(left)
            try:
                data = sock.recv(65536)
            except TimeoutError:
                return None
            if not data:
                # TCP: the receiver closed the connection; UDP: interrupt() shut the socket.
                return None
            if self.transport == "udp":
                self._frames.clear()  # a datagram is whole or nothing
            for chunk in self._frames.feed(data):
                if chunk.kind == "frame":
                    self._ready.append(b"\n" + chunk.data + b"\r")
            if self._ready:
                return self._ready.pop(0)

    def receive(
        self, timeout: float | None = None, key: bytes | None = None
    ) -> Dc09Response | None:
        """The next response, parsed (decrypted with `key`), or None on timeout."""
        frame = self.receive_frame(timeout)
        return None if frame is None else parse_response(frame, key)

    def send(
        self, frame: bytes, *, key: bytes | None = None, timeout: float | None = None
    ) -> Dc09Response | None:
        """Send one frame and wait for its response; None when none came (a dropped frame)."""
        self.send_raw(frame)
        return self.receive(timeout, key)

    def pipeline(
        self, frames: Sequence[bytes], *, key: bytes | None = None, timeout: float = 30.0
    ) -> list[Dc09Response]:
        """TCP: send all frames back to back while reading the answers, as a burst would come.

        Returns the responses received until every frame had one or `timeout` passed.
        """
        if self.transport != "tcp":
            raise ValueError("pipelining is for TCP")
        sock = self._socket()
        sock.setblocking(False)
        out = memoryview(b"".join(frames))
        sent = 0
        responses: list[Dc09Response] = []
        deadline = time.monotonic() + timeout
        sel = selectors.DefaultSelector()
        try:
            sel.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
            while len(responses) < len(frames):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                for _key, mask in sel.select(min(left, 0.5)):
                    if mask & selectors.EVENT_WRITE and sent < len(out):
                        with contextlib.suppress(BlockingIOError):
                            sent += sock.send(out[sent : sent + 65536])
                        if sent >= len(out):
                            sel.modify(sock, selectors.EVENT_READ)
                    if mask & selectors.EVENT_READ:
                        try:
                            data = sock.recv(262144)
                        except BlockingIOError:
                            continue
                        if not data:
                            return responses
                        for chunk in self._frames.feed(data):
                            if chunk.kind == "frame":
                                responses.append(parse_response(b"\n" + chunk.data + b"\r", key))
        finally:
            sel.close()
            sock.setblocking(True)
            sock.settimeout(self.timeout)
        return responses
