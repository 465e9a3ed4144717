"""A JT/T 808 terminal emulator for tests, written from the standard and sharing no codec code.

Escaping, the check code, BCD and the header are written again here, byte by byte and
deliberately plainly, so that a bug in `hardware.tracking.jt808` cannot hide behind the same
bug in the peer that tests it.
"""

from __future__ import annotations

import socket
import struct
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))


def wire_escape(content: bytes) -> bytes:
    """7E → 7D 02, 7D → 7D 01, one byte at a time (JT/T 808 escaping rule)."""
    out = bytearray()
    for b in content:
        if b == 0x7E:
            out += b"\x7d\x02"
        elif b == 0x7D:
            out += b"\x7d\x01"
        else:
            out.append(b)
    return bytes(out)


def wire_unescape(data: bytes) -> bytes:
    """The inverse of `wire_escape`; AssertionError on a bad escape."""
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x7D:
            nxt = data[i + 1]
            assert nxt in (1, 2), f"bad escape 7D {nxt:02X}"
            out.append(0x7D if nxt == 1 else 0x7E)
            i += 2
        else:
            out.append(b)
            i += 1
    return bytes(out)


def check_code(content: bytes) -> int:
    """XOR of every byte, starting from the first (the message id's high byte)."""
    code = 0
    for b in content:
        code ^= b
    return code


def bcd(digits: str, size: int) -> bytes:
    """Packed BCD, two digits a byte, left-padded with zeros."""
    digits = digits.rjust(size * 2, "0")
    return bytes(int(digits[i]) * 16 + int(digits[i + 1]) for i in range(0, size * 2, 2))


def unbcd(data: bytes) -> str:
    return "".join(f"{b >> 4}{b & 15}" for b in data)


@dataclass(frozen=True)
class Reply:
    """A platform message the terminal received."""

    msg_id: int
    phone: str
    serial: int
    body: bytes
    version: int | None

    @property
    def general(self) -> tuple[int, int, int]:
        """0x8001: (answered serial, answered id, result)."""
        assert self.msg_id == 0x8001, hex(self.msg_id)
        serial, msg_id, result = struct.unpack(">HHB", self.body)
        return serial, msg_id, result

    @property
    def register(self) -> tuple[int, int, str]:
        """0x8100: (answered serial, result, auth code)."""
        assert self.msg_id == 0x8100, hex(self.msg_id)
        serial, result = struct.unpack(">HB", self.body[:3])
        return serial, result, self.body[3:].decode("ascii")


def location_body(
    *,
    lat: float,
    lon: float,
    at: datetime,
    alarm: int = 0,
    status: int = 0x2,
    altitude: int = 0,
    speed_kmh: float = 0.0,
    heading: int = 0,
    mileage_km: float | None = None,
    signal: int | None = None,
    satellites: int | None = None,
    battery: int | None = None,
    extra_items: bytes = b"",
) -> bytes:
    """A 0x0200 body (table 23): signs go to status bits 2/3, the time is GMT+8 BCD."""
    if lat < 0:
        status |= 0x4
    if lon < 0:
        status |= 0x8
    local = at.astimezone(BEIJING)
    stamp = bcd(
        f"{local.year % 100:02d}{local.month:02d}{local.day:02d}"
        f"{local.hour:02d}{local.minute:02d}{local.second:02d}",
        6,
    )
    body = struct.pack(
        ">IIIIhHH",
        alarm,
        status,
        round(abs(lat) * 1_000_000),
        round(abs(lon) * 1_000_000),
        altitude,
        round(speed_kmh * 10),
        heading,
    )
    body += stamp
    if mileage_km is not None:
        body += bytes((0x01, 4)) + struct.pack(">I", round(mileage_km * 10))
    if signal is not None:
        body += bytes((0x30, 1, signal))
    if satellites is not None:
        body += bytes((0x31, 1, satellites))
    if battery is not None:
        body += bytes((0xD4, 1, battery))
    return body + extra_items


class Jt808Terminal:
    """A terminal: builds frames to the standard, sends them over TCP, reads the replies."""

    def __init__(
        self,
        phone: str = "013800138000",
        *,
        version: int | None = None,
        maker: str = "70111",
        model: str = "EBIKE-T1",
        terminal_id: str = "T000001",
        plate: str = "沪A12345",
    ):
        self.phone = phone
        self.version = version  # None: 2013 header; else the 2019 protocol version byte
        self.maker = maker
        self.model = model
        self.terminal_id = terminal_id
        self.plate = plate
        self.serial = 0
        self.sock: socket.socket | None = None
        self._rx = bytearray()
        self.auth_code: str | None = None

    # --- the connection ----------------------------------------------------------------------
    def connect(self, port: int, host: str = "127.0.0.1", timeout: float = 5.0) -> None:
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def __enter__(self) -> Jt808Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- frames ------------------------------------------------------------------------------
    def frame(
        self,
        msg_id: int,
        body: bytes,
        *,
        serial: int | None = None,
        corrupt_check: bool = False,
        props_extra: int = 0,
        packages: tuple[int, int] | None = None,
    ) -> tuple[bytes, int]:
        """(wire bytes, serial) of a message from this terminal."""
        if serial is None:
            serial = self.serial
            self.serial = (self.serial + 1) & 0xFFFF
        props = len(body) | props_extra
        if packages is not None:
            props |= 1 << 13
        if self.version is not None:
            props |= 1 << 14
            head = struct.pack(">HHB", msg_id, props, self.version) + bcd(self.phone, 10)
        else:
            head = struct.pack(">HH", msg_id, props) + bcd(self.phone, 6)
        head += struct.pack(">H", serial)
        if packages is not None:
            head += struct.pack(">HH", *packages)
        content = head + body
        code = check_code(content) ^ (0x55 if corrupt_check else 0)
        return b"\x7e" + wire_escape(content + bytes([code])) + b"\x7e", serial

    def registration_body(self) -> bytes:
        sizes = (11, 30, 30) if self.version is not None else (5, 20, 7)
        body = struct.pack(">HH", 31, 100)
        for text, size in zip((self.maker, self.model, self.terminal_id), sizes, strict=True):
            body += text.encode("ascii").ljust(size, b"\x00")
        return body + bytes([2]) + self.plate.encode("gbk")

    def auth_body(self, code: str) -> bytes:
        raw = code.encode("ascii")
        if self.version is None:
            return raw
        return bytes([len(raw)]) + raw + b"861234567890123" + b"1.0.0".ljust(20, b"\x00")

    # --- sending -----------------------------------------------------------------------------
    def send(self, data: bytes) -> None:
        assert self.sock is not None
        self.sock.sendall(data)

    def send_split(self, data: bytes, cuts: list[int], pause: float = 0.02) -> None:
        """`data` in pieces cut at `cuts`, with pauses so the server reads them apart."""
        start = 0
        for cut in [*sorted(cuts), len(data)]:
            self.send(data[start:cut])
            start = cut
            time.sleep(pause)

    # --- receiving ---------------------------------------------------------------------------
    def read_reply(self, timeout: float = 5.0) -> Reply:
        """The next platform message; TimeoutError when none comes in time."""
        assert self.sock is not None
        deadline = time.monotonic() + timeout
        while True:
            start = self._rx.find(b"\x7e")
            if start >= 0:
                end = self._rx.find(b"\x7e", start + 1)
                if end > start + 1:
                    raw = bytes(self._rx[start + 1 : end])
                    del self._rx[: end + 1]
                    return self._parse(raw)
                if end == start + 1:
                    del self._rx[: start + 1]
                    continue
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no reply from the platform")
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(4096)
            except TimeoutError:
                raise TimeoutError("no reply from the platform") from None
            if not chunk:
                raise ConnectionError("the platform closed the connection")
            self._rx += chunk

    def expect_silence(self, wait: float = 0.3) -> None:
        """AssertionError if the platform sends anything within `wait` seconds."""
        try:
            reply = self.read_reply(wait)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected reply {reply}")

    def _parse(self, raw: bytes) -> Reply:
        content = wire_unescape(raw)
        assert check_code(content[:-1]) == content[-1], "bad check code from the platform"
        msg_id, props = struct.unpack(">HH", content[:4])
        length = props & 0x3FF
        if props & (1 << 14):
            version: int | None = content[4]
            phone = unbcd(content[5:15])
            serial = struct.unpack(">H", content[15:17])[0]
            body = content[17:-1]
        else:
            version = None
            phone = unbcd(content[4:10])
            serial = struct.unpack(">H", content[10:12])[0]
            body = content[12:-1]
        assert len(body) == length, f"length {length} in the header, {len(body)} sent"
        assert phone == self.phone.rjust(len(phone), "0"), f"reply to {phone}"
        assert version == self.version, f"reply in version {version}"
        return Reply(msg_id, phone, serial, body, version)

    # --- a session ---------------------------------------------------------------------------
    def register(self) -> Reply:
        data, serial = self.frame(0x0100, self.registration_body())
        self.send(data)
        reply = self.read_reply()
        answered, result, code = reply.register
        assert answered == serial
        if result == 0:
            self.auth_code = code
        return reply

    def authenticate(self, code: str | None = None) -> tuple[int, int, int]:
        code = code if code is not None else self.auth_code
        assert code is not None
        data, serial = self.frame(0x0102, self.auth_body(code))
        self.send(data)
        answer = self.read_reply().general
        assert answer[:2] == (serial, 0x0102)
        return answer

    def heartbeat(self) -> tuple[int, int, int]:
        data, serial = self.frame(0x0002, b"")
        self.send(data)
        answer = self.read_reply().general
        assert answer[:2] == (serial, 0x0002)
        return answer

    def location(self, **fields: object) -> tuple[bytes, int]:
        """(wire bytes, serial) of a 0x0200 report; see `location_body` for the fields."""
        return self.frame(0x0200, location_body(**fields))  # type: ignore[arg-type]

    def report(self, **fields: object) -> tuple[int, int, int]:
        """Send a location report and return the platform's 0x8001 answer to it."""
        data, serial = self.location(**fields)
        self.send(data)
        answer = self.read_reply().general
        assert answer[:2] == (serial, 0x0200), answer
        return answer
