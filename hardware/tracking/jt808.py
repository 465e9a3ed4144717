"""JT/T 808 codec: 0x7E framing, escaping, XOR check, 2013/2019 headers and message bodies.

A frame on the wire is ``7E  header  body  check  7E``. Between the flags, 0x7E is sent as
``7D 02`` and 0x7D as ``7D 01``; the check code is the XOR of every header and body byte
(before escaping). The header (all integers big-endian) is

    2013: id(2) props(2) phone BCD(6)                serial(2) [total(2) index(2)]
    2019: id(2) props(2) version(1) phone BCD(10)    serial(2) [total(2) index(2)]

where props holds the body length (bits 0-9), encryption (bits 10-12), the subpackage bit
(13) and, since 2019, the version flag (14). `Jt808Splitter` cuts a byte stream into checked
frames with a bounded buffer; `decode_location` and friends read the bodies; `build_*` make
the platform's replies. Pure stdlib: the server thread is in `jt808_server`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from core.tracking import TrackerAlarm

FLAG = 0x7E
ESC = 0x7D
_FLAG_B = b"\x7e"

# Message ids (JT/T 808-2013 §8, 2019 unchanged for these).
MSG_GENERAL_RESPONSE_TERMINAL = 0x0001
MSG_HEARTBEAT = 0x0002
MSG_LOGOUT = 0x0003
MSG_REGISTER = 0x0100
MSG_AUTHENTICATE = 0x0102
MSG_LOCATION = 0x0200
MSG_LOCATION_BATCH = 0x0704
MSG_GENERAL_RESPONSE = 0x8001
MSG_REGISTER_RESPONSE = 0x8100

# 0x8001 results.
RESULT_OK = 0
RESULT_FAIL = 1
RESULT_MESSAGE_ERROR = 2
RESULT_NOT_SUPPORTED = 3
RESULT_ALARM_CONFIRMED = 4

# 0x8100 results.
REGISTER_OK = 0
REGISTER_VEHICLE_TAKEN = 1
REGISTER_NO_VEHICLE = 2
REGISTER_TERMINAL_TAKEN = 3
REGISTER_NO_TERMINAL = 4

MAX_BODY = 0x3FF  # the 10-bit length field
_HEADER_2013 = 12
_HEADER_2019 = 17
_SUBPACKAGE = 4
MAX_CONTENT = _HEADER_2019 + _SUBPACKAGE + MAX_BODY + 1  # unescaped, check code included
MAX_FRAME = 2 * MAX_CONTENT + 2  # escaped worst case, both flags

_GMT8 = timezone(timedelta(hours=8))
_HEAD13 = struct.Struct(">HH6sH")
_HEAD19 = struct.Struct(">HHB10sH")
_LOCATION = struct.Struct(">IIIIhHH6s")
_PLATFORM_REPLY = struct.Struct(">HHB")


class Jt808Error(ValueError):
    """A frame or body that is not JT/T 808: framing, escape, check code, length, content."""


# --- escaping and the check code -------------------------------------------------------------
def escape(data: bytes) -> bytes:
    """`data` with 0x7D → 7D 01 and 0x7E → 7D 02 (0x7D first, or the 7D of 7D 02 doubles)."""
    return data.replace(b"\x7d", b"\x7d\x01").replace(b"\x7e", b"\x7d\x02")


def unescape(data: bytes) -> bytes:
    """The bytes `escape` was given; Jt808Error when a 0x7D is not followed by 01 or 02.

    Every 0x7D of a valid stream opens a pair, so the two replaces (7D 02 first) never match
    across a pair boundary.
    """
    if _FLAG_B in data:
        raise Jt808Error("a 0x7E inside a frame")
    escapes = data.count(b"\x7d")
    if escapes:
        if escapes != data.count(b"\x7d\x01") + data.count(b"\x7d\x02"):
            raise Jt808Error("a 0x7D not followed by 01 or 02")
        data = data.replace(b"\x7d\x02", b"\x7e").replace(b"\x7d\x01", b"\x7d")
    return data


def xor_check(data: bytes) -> int:
    """The XOR of all bytes of `data` (0 for none).

    Folds the bytes as one big integer, halves at a time (a few C-level steps, not one Python
    step per byte).
    """
    n = len(data)
    if n == 0:
        return 0
    value = int.from_bytes(data, "little")
    width = n
    while width > 1:
        half = (width + 1) // 2
        value = (value & ((1 << (8 * half)) - 1)) ^ (value >> (8 * half))
        width = half
    return value


# --- BCD -----------------------------------------------------------------------------------------
def bcd_decode(data: bytes) -> str:
    """The digits of packed BCD `data`; Jt808Error for a nibble above 9."""
    text = data.hex()
    if not text.isdigit():
        raise Jt808Error(f"not BCD: {text}")
    return text


def bcd_encode(digits: str, size: int) -> bytes:
    """`digits` as `size` bytes of packed BCD, left-padded with zeros."""
    if not digits.isdigit() or len(digits) > 2 * size:
        raise ValueError(f"{digits!r} does not fit {size} BCD bytes")
    return bytes.fromhex(digits.rjust(2 * size, "0"))


def bcd_time(data: bytes) -> datetime:
    """YYMMDDhhmmss in BCD, the terminal's GMT+8 clock, as an aware UTC datetime."""
    digits = bcd_decode(data)
    if len(digits) != 12:
        raise Jt808Error("a BCD time is 6 bytes")
    try:
        local = datetime(
            2000 + int(digits[0:2]),
            int(digits[2:4]),
            int(digits[4:6]),
            int(digits[6:8]),
            int(digits[8:10]),
            int(digits[10:12]),
            tzinfo=_GMT8,
        )
    except ValueError as exc:
        raise Jt808Error(f"not a time: {digits}") from exc
    return local.astimezone(UTC)


def time_bcd(at: datetime) -> bytes:
    """An aware datetime as the 6 BCD bytes of GMT+8 YYMMDDhhmmss."""
    return bcd_encode(at.astimezone(_GMT8).strftime("%y%m%d%H%M%S"), 6)


# --- frames ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Header:
    """A message header. `phone` is the BCD terminal number as digits (12, or 20 for 2019)."""

    msg_id: int
    phone: str
    serial: int
    version: int | None = None  # the 2019 protocol version byte; None: a 2013 header
    encryption: int = 0  # props bits 10-12 (1: RSA)
    packages: tuple[int, int] | None = None  # (total, index) of a subpackaged message

    @property
    def is_2019(self) -> bool:
        """True for the 2019 layout (version flag set)."""
        return self.version is not None


@dataclass(frozen=True, slots=True)
class Frame:
    """One checked frame: its header and its (unescaped) body."""

    header: Header
    body: bytes


def parse_content(content: bytes) -> Frame:
    """The frame of unescaped `content` (header, body and check code, no flags)."""
    n = len(content)
    if n < _HEADER_2013 + 1:
        raise Jt808Error(f"{n} bytes are too short for a frame")
    if xor_check(content[:-1]) != content[-1]:
        raise Jt808Error("bad check code")
    props = (content[2] << 8) | content[3]
    length = props & MAX_BODY
    encryption = (props >> 10) & 0x7
    subpackaged = bool(props & 0x2000)
    if props & 0x4000:
        if n < _HEADER_2019 + 1:
            raise Jt808Error(f"{n} bytes are too short for a 2019 frame")
        msg_id, _, version, phone_b, serial = _HEAD19.unpack_from(content)
        at = _HEADER_2019
    else:
        msg_id, _, phone_b, serial = _HEAD13.unpack_from(content)
        version = None
        at = _HEADER_2013
    packages = None
    if subpackaged:
        if n < at + _SUBPACKAGE + 1:
            raise Jt808Error("too short for its subpackage fields")
        total, index = struct.unpack_from(">HH", content, at)
        packages = (total, index)
        at += _SUBPACKAGE
    if n - at - 1 != length:
        raise Jt808Error(f"body of {n - at - 1} bytes, header says {length}")
    header = Header(msg_id, bcd_decode(phone_b), serial, version, encryption, packages)
    return Frame(header, content[at:-1])


def encode_frame(header: Header, body: bytes) -> bytes:
    """The wire bytes (flags, escaped content, check code) of a message."""
    if len(body) > MAX_BODY:
        raise ValueError(f"a body of {len(body)} bytes (limit {MAX_BODY}); subpackage it")
    props = len(body) | ((header.encryption & 0x7) << 10)
    if header.packages is not None:
        props |= 0x2000
    if header.version is not None:
        props |= 0x4000
        head = _HEAD19.pack(
            header.msg_id, props, header.version, bcd_encode(header.phone, 10), header.serial
        )
    else:
        head = _HEAD13.pack(header.msg_id, props, bcd_encode(header.phone, 6), header.serial)
    if header.packages is not None:
        head += struct.pack(">HH", *header.packages)
    content = head + body
    return b"\x7e" + escape(content + bytes((xor_check(content),))) + b"\x7e"


@dataclass(frozen=True, slots=True)
class FrameProblem:
    """A candidate frame the splitter refused (never handed on as a frame)."""

    reason: str  # "check", "escape", "length", "short", "header", "oversized"
    detail: str
    size: int  # escaped bytes dropped


@dataclass
class SplitterCounts:
    """What a splitter saw: frames handed on, frames refused, times it skipped bytes."""

    frames: int = 0
    errors: int = 0
    resyncs: int = 0
    skipped_bytes: int = 0


class Jt808Splitter:
    """Cuts a byte stream into checked frames; bounded: keeps at most `MAX_FRAME` bytes.

    Bytes outside any frame are skipped up to the next 0x7E (a resync). A candidate that
    fails (bad escape, check code, length) gives its closing flag to the next candidate, so
    a frame right behind garbage that happened to hold a 0x7E is still found; an empty
    candidate (``7E 7E``) is the end of one frame and the start of the next. A candidate
    longer than `max_frame` is dropped up to the next flag (counted as an error and a
    resync). Never hands on a partial frame.
    """

    def __init__(self, max_frame: int = MAX_FRAME):
        self.max_frame = max_frame
        self._buf = bytearray()  # the current candidate after its opening flag
        self._open = False  # an opening flag has been seen
        self._skipping = False  # dropping an oversized candidate up to the next flag
        self._garbage = False  # inside a run of bytes outside any frame (one resync per run)
        self.counts = SplitterCounts()

    @property
    def pending(self) -> int:
        """Bytes held of an unfinished frame."""
        return len(self._buf)

    def clear(self) -> int:
        """Forget the unfinished frame; the number of bytes dropped."""
        dropped = len(self._buf)
        self._buf.clear()
        self._open = False
        self._skipping = False
        self._garbage = False
        return dropped

    def feed(self, data: bytes) -> list[Frame | FrameProblem]:
        """The frames (and refused candidates) that `data` completes, in stream order."""
        out: list[Frame | FrameProblem] = []
        counts = self.counts
        pos = 0
        end = len(data)
        while pos < end:
            flag = data.find(_FLAG_B, pos)
            if not self._open:
                # Outside a frame: everything up to the next flag is garbage.
                stop = end if flag < 0 else flag
                if stop > pos:
                    if not self._garbage:
                        counts.resyncs += 1
                        self._garbage = True
                    counts.skipped_bytes += stop - pos
                if flag < 0:
                    return out
                self._garbage = False
                self._open = True
                pos = flag + 1
                continue
            if self._skipping:
                if flag < 0:
                    counts.skipped_bytes += end - pos
                    return out
                counts.skipped_bytes += flag - pos
                self._skipping = False
                pos = flag + 1  # the flag that ends the oversized run opens the next
                continue
            stop = end if flag < 0 else flag
            if len(self._buf) + (stop - pos) > self.max_frame:
                size = len(self._buf) + (stop - pos)
                self._buf.clear()
                counts.errors += 1
                counts.resyncs += 1
                out.append(FrameProblem("oversized", f"more than {self.max_frame} bytes", size))
                if flag < 0:
                    self._skipping = True
                    return out
                pos = flag + 1
                continue
            if flag < 0:
                self._buf += data[pos:]
                return out
            if self._buf:
                self._buf += data[pos:flag]
                raw = bytes(self._buf)
                self._buf.clear()
            else:
                raw = data[pos:flag]
            pos = flag + 1
            if not raw:
                continue  # 7E 7E: one frame's end and the next one's start
            try:
                frame = parse_content(unescape(raw))
            except Jt808Error as exc:
                counts.errors += 1
                out.append(FrameProblem(_reason(str(exc)), str(exc), len(raw)))
                continue  # the closing flag stays open as the next candidate's start
            counts.frames += 1
            self._open = False
            out.append(frame)
        return out


def _reason(message: str) -> str:
    if "check" in message:
        return "check"
    if "0x7D" in message:
        return "escape"
    if "short" in message:
        return "short"
    if "BCD" in message:
        return "header"
    return "length"


# --- bodies: terminal → platform --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Registration:
    """0x0100: who the terminal says it is."""

    province: int
    city: int
    maker: str
    model: str
    terminal_id: str
    plate_colour: int
    plate: str


def _text(data: bytes) -> str:
    # Fixed-size fields are padded with NUL (or spaces); plates are GBK.
    return data.rstrip(b"\x00 ").decode("gbk", "replace")


def decode_registration(body: bytes, is_2019: bool) -> Registration:
    """The fields of a 0x0100 body (2013: maker 5, model 20, id 7; 2019: 11, 30, 30)."""
    maker_n, model_n, id_n = (11, 30, 30) if is_2019 else (5, 20, 7)
    fixed = 4 + maker_n + model_n + id_n + 1
    if len(body) < fixed:
        raise Jt808Error(f"a registration of {len(body)} bytes (at least {fixed})")
    province, city = struct.unpack_from(">HH", body)
    at = 4
    maker = _text(body[at : at + maker_n])
    at += maker_n
    model = _text(body[at : at + model_n])
    at += model_n
    terminal_id = _text(body[at : at + id_n])
    at += id_n
    return Registration(province, city, maker, model, terminal_id, body[at], _text(body[at + 1 :]))


def decode_auth_code(body: bytes, is_2019: bool) -> str:
    """The authentication code of a 0x0102 body (2019: length byte, code, IMEI, version)."""
    if is_2019:
        if not body or len(body) < 1 + body[0]:
            raise Jt808Error("a 2019 authentication shorter than its code length")
        code = body[1 : 1 + body[0]]
    else:
        code = body
    return code.decode("gbk", "replace")


@dataclass(frozen=True, slots=True)
class Location:
    """A 0x0200 body (or one item of 0x0704), decoded but not yet judged."""

    alarm: int
    status: int
    lat: float  # signed by status bit 2
    lon: float  # signed by status bit 3
    altitude_m: int
    speed_kmh: float
    heading_deg: int
    at: datetime | None  # None: the time field is not a BCD time
    mileage_km: float | None = None
    signal: int | None = None
    satellites: int | None = None
    battery_pct: int | None = None
    extras: dict[int, bytes] = field(default_factory=dict)  # additional items not read

    @property
    def located(self) -> bool:
        """Status bit 1: the position is a fix."""
        return bool(self.status & 0x2)

    @property
    def in_range(self) -> bool:
        """Latitude and longitude within ±90 / ±180."""
        return abs(self.lat) <= 90.0 and abs(self.lon) <= 180.0


LOCATION_SIZE = _LOCATION.size  # 28


def decode_location(body: bytes) -> Location:
    """The basic fields and the additional items of a location report body.

    Additional items (id, length, value): 0x01 mileage (1/10 km), 0x30 signal, 0x31
    satellites; 0xD4 and 0xFE battery percent (vendor items Traccar reads the same way).
    An item cut short by the body's end is ignored.
    """
    if len(body) < LOCATION_SIZE:
        raise Jt808Error(f"a location of {len(body)} bytes (at least {LOCATION_SIZE})")
    alarm, status, lat_u, lon_u, alt, speed, heading, when = _LOCATION.unpack_from(body)
    try:
        at: datetime | None = bcd_time(when)
    except Jt808Error:
        at = None
    lat = lat_u / 1e6
    lon = lon_u / 1e6
    if status & 0x4:
        lat = -lat
    if status & 0x8:
        lon = -lon
    mileage = signal = satellites = battery = None
    extras: dict[int, bytes] = {}
    pos = LOCATION_SIZE
    n = len(body)
    while pos + 2 <= n:
        item, size = body[pos], body[pos + 1]
        value = body[pos + 2 : pos + 2 + size]
        pos += 2 + size
        if len(value) < size:
            break
        if item == 0x01 and size == 4:
            mileage = int.from_bytes(value, "big") / 10
        elif item == 0x30 and size == 1:
            signal = value[0]
        elif item == 0x31 and size == 1:
            satellites = value[0]
        elif item in (0xD4, 0xFE) and size == 1:
            battery = value[0]
        else:
            extras[item] = value
    return Location(
        alarm,
        status,
        lat,
        lon,
        alt,
        speed / 10,
        heading,
        at,
        mileage,
        signal,
        satellites,
        battery,
        extras,
    )


def decode_location_batch(body: bytes) -> tuple[int, list[Location]]:
    """0x0704: (type 0 normal / 1 blind-area supplement, the locations in order)."""
    if len(body) < 3:
        raise Jt808Error("a batch shorter than its count and type")
    count, kind = struct.unpack_from(">HB", body)
    pos = 3
    items: list[Location] = []
    for _ in range(count):
        if pos + 2 > len(body):
            raise Jt808Error(f"a batch of {count} locations holds {len(items)}")
        size = int.from_bytes(body[pos : pos + 2], "big")
        pos += 2
        if pos + size > len(body):
            raise Jt808Error("a batch item runs past the body")
        items.append(decode_location(body[pos : pos + size]))
        pos += size
    return kind, items


# Alarm bits (JT/T 808-2013 table 24) → what the console's rules know.
ALARM_BITS: dict[int, TrackerAlarm] = {
    0: TrackerAlarm.SOS,  # emergency alarm, the button
    7: TrackerAlarm.LOW_BATTERY,  # main power under-voltage (an e-bike's battery)
    8: TrackerAlarm.POWER_CUT,  # main power cut
    17: TrackerAlarm.TAG_REMOVED,  # reserved in 2013; tamper on vendors' terminals (Traccar)
    26: TrackerAlarm.MOVED_WHILE_ARMED,  # vehicle stolen (its anti-theft device says so)
    28: TrackerAlarm.MOVED_WHILE_ARMED,  # vehicle illegal displacement
}


def alarms_of(alarm: int) -> frozenset[TrackerAlarm]:
    """The TrackerAlarms that the alarm bits of a location report carry."""
    return frozenset(kind for bit, kind in ALARM_BITS.items() if alarm >> bit & 1)


# --- bodies: platform → terminal ----------------------------------------------------------------
def general_response(reply_serial: int, reply_id: int, result: int) -> bytes:
    """0x8001 body: the serial and id answered, and the result (0 ok … 4)."""
    return _PLATFORM_REPLY.pack(reply_serial, reply_id, result)


def decode_general_response(body: bytes) -> tuple[int, int, int]:
    """(reply serial, reply id, result) of a 0x8001 (or 0x0001) body."""
    if len(body) != _PLATFORM_REPLY.size:
        raise Jt808Error(f"a general response of {len(body)} bytes")
    serial, msg_id, result = _PLATFORM_REPLY.unpack(body)
    return serial, msg_id, result


def register_response(reply_serial: int, result: int, auth_code: str) -> bytes:
    """0x8100 body: the serial answered, the result, the auth code (only when it succeeded)."""
    body = struct.pack(">HB", reply_serial, result)
    if result == REGISTER_OK:
        body += auth_code.encode("gbk")
    return body


def reply_header(to: Header, msg_id: int, serial: int) -> Header:
    """A platform message's header to the terminal of `to`, in the same layout."""
    return Header(msg_id, to.phone, serial & 0xFFFF, to.version)
