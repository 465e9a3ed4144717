"""The binary UHF reader protocol (docs/UHF-PROTOCOL.md): frames, CRC, parser and the reader thread.

A frame: `BB type cmd len_hi len_lo payload… crc_hi crc_lo 7E`; the CRC is CRC-16/CCITT-FALSE
over type, cmd, length and payload, big-endian. The parser finds frames by their length and
checks end byte and CRC, so 0xBB or 0x7E inside a payload or CRC needs no escaping.
"""

from __future__ import annotations

import binascii
import logging
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.ports import Clock, EventSink
from core.timefmt import utcnow
from core.tracking import TagRead, TrackerAlarm, TrackingAccept, TrackingItem
from hardware.tracking.link import Link, LinkRunner, ParserStats

log = logging.getLogger(__name__)

HEADER = 0xBB
END = 0x7E
MAX_PAYLOAD = 255
OVERHEAD = 8  # header, type, cmd, 2 length, 2 CRC, end
MAX_FRAME = MAX_PAYLOAD + OVERHEAD

TYPE_COMMAND = 0x00  # host → reader
TYPE_RESPONSE = 0x01  # reader → host, answers a command
TYPE_NOTICE = 0x02  # reader → host, unsolicited (tag reads)
_TYPES = (TYPE_COMMAND, TYPE_RESPONSE, TYPE_NOTICE)

CMD_HEARTBEAT = 0x10
CMD_TAG = 0x22
CMD_START_INVENTORY = 0x27
CMD_STOP_INVENTORY = 0x28
CMD_ERROR = 0xFF

STATUS_OK = 0x00
# Status bytes of a response, and the first payload byte of an error response (0xFF).
ERR_UNKNOWN_COMMAND = 0x01
ERR_BAD_PARAMETER = 0x02
ERR_BUSY = 0x03
ERR_ANTENNA = 0x10  # no antenna, or a high reflected power on one

FLAG_SOS = 0x01
FLAG_LOW_BATTERY = 0x02
FLAG_TAG_REMOVED = 0x04

EPC_MIN = 12
EPC_MAX = 62


def crc16(data: bytes | bytearray | memoryview) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection): "123456789" → 0x29B1."""
    return binascii.crc_hqx(data, 0xFFFF)


class FrameError(ValueError):
    """A frame that arrived intact but whose payload does not decode."""


@dataclass(frozen=True, slots=True)
class UhfFrame:
    """One frame as received: type, command and payload (CRC and length already checked)."""

    type: int
    command: int
    payload: bytes


@dataclass(frozen=True, slots=True)
class TagNotice:
    """The payload of a tag notice (type 0x02, command 0x22)."""

    epc: bytes
    antenna: int
    rssi: int  # dBm
    flags: int = 0


def encode_frame(frame_type: int, command: int, payload: bytes = b"") -> bytes:
    """The bytes of one frame."""
    if len(payload) > MAX_PAYLOAD:
        raise ValueError(f"payload of {len(payload)} bytes; at most {MAX_PAYLOAD}")
    body = struct.pack(">BBH", frame_type, command, len(payload)) + payload
    return b"\xbb" + body + struct.pack(">H", crc16(body)) + b"\x7e"


def tag_notice_frame(epc: bytes, antenna: int, rssi: int, flags: int | None = None) -> bytes:
    """A reader's tag notice; `flags` None leaves the optional flags byte out."""
    if not EPC_MIN <= len(epc) <= EPC_MAX or len(epc) % 2:
        raise ValueError(f"EPC of {len(epc)} bytes; 12 to 62, whole 16-bit words")
    payload = bytes([len(epc)]) + epc + struct.pack(">Bb", antenna, rssi)
    if flags is not None:
        payload += bytes([flags])
    return encode_frame(TYPE_NOTICE, CMD_TAG, payload)


def command_frame(command: int, payload: bytes = b"") -> bytes:
    """A host command (start/stop inventory, heartbeat)."""
    return encode_frame(TYPE_COMMAND, command, payload)


def response_frame(command: int, status: int = STATUS_OK) -> bytes:
    """A reader's answer to `command`."""
    return encode_frame(TYPE_RESPONSE, command, bytes([status]))


def decode_tag_notice(payload: bytes) -> TagNotice:
    """The fields of a tag notice; `FrameError` if the payload does not fit the layout."""
    if not payload:
        raise FrameError("empty tag notice")
    size = payload[0]
    if not EPC_MIN <= size <= EPC_MAX or size % 2:
        raise FrameError(f"EPC length {size}: 12 to 62 bytes, whole 16-bit words")
    if len(payload) not in (size + 3, size + 4):
        raise FrameError(f"tag notice of {len(payload)} bytes for an EPC of {size}")
    epc = payload[1 : 1 + size]
    antenna, rssi = struct.unpack_from(">Bb", payload, 1 + size)
    flags = payload[3 + size] if len(payload) == size + 4 else 0
    return TagNotice(epc=epc, antenna=antenna, rssi=rssi, flags=flags)


class UhfFrameParser:
    """Splits a byte stream into UhfFrames: by length, then end byte and CRC; resyncs on 0xBB.

    A candidate header (0xBB, a known type, a length ≤ MAX_PAYLOAD) waits for its whole
    frame; if the end byte or CRC is wrong, the parser moves one byte on and looks for the
    next 0xBB, so a lying length costs at most MAX_FRAME bytes of look-ahead and loses no
    frame behind it. The buffer never holds more than MAX_FRAME - 1 bytes between feeds.
    """

    def __init__(self) -> None:
        self.stats = ParserStats()
        self._buf = bytearray()
        self._skipping = False  # in a run of skipped bytes: one resync per run

    @property
    def buffered(self) -> int:
        """Bytes of an incomplete frame held for the next feed."""
        return len(self._buf)

    def _skip(self, n: int) -> None:
        self.stats.dropped += n
        if not self._skipping:
            self._skipping = True
            self.stats.resyncs += 1

    def feed(self, data: bytes) -> list[UhfFrame]:
        """Every complete valid frame so far, in order."""
        buf = self._buf
        buf += data
        out: list[UhfFrame] = []
        pos = 0
        n = len(buf)
        find = buf.find
        while True:
            i = find(HEADER, pos)
            if i < 0:
                if n > pos:
                    self._skip(n - pos)
                pos = n
                break
            if i > pos:
                self._skip(i - pos)
                pos = i
            if n - pos < 5:
                break
            frame_type = buf[pos + 1]
            length = (buf[pos + 3] << 8) | buf[pos + 4]
            if frame_type not in _TYPES or length > MAX_PAYLOAD:
                self._skip(1)
                pos += 1
                continue
            end = pos + OVERHEAD + length
            if end > n:
                break
            if buf[end - 1] != END:
                self._skip(1)
                pos += 1
                continue
            if crc16(memoryview(buf)[pos + 1 : end - 3]) != (buf[end - 3] << 8) | buf[end - 2]:
                self.stats.errors += 1
                self._skip(1)
                pos += 1
                continue
            out.append(UhfFrame(frame_type, buf[pos + 2], bytes(buf[pos + 5 : end - 3])))
            self._skipping = False
            pos = end
        self.stats.frames += len(out)
        del buf[:pos]
        return out


def tag_read(reader: str, notice: TagNotice, clock: Clock) -> TagRead:
    """The TagRead of one notice; flags → alarms (low battery also as battery_low)."""
    return _tag_read_at(reader, notice, clock())


_NO_ALARMS: frozenset[TrackerAlarm] = frozenset()


def _tag_read_at(reader: str, notice: TagNotice, at: datetime) -> TagRead:
    flags = notice.flags
    if not flags:  # most reads: no set to build, one shared empty set
        return TagRead(reader, notice.epc.hex().upper(), at, notice.antenna, float(notice.rssi))
    alarms: set[TrackerAlarm] = set()
    if flags & FLAG_SOS:
        alarms.add(TrackerAlarm.SOS)
    if flags & FLAG_TAG_REMOVED:
        alarms.add(TrackerAlarm.TAG_REMOVED)
    low = bool(flags & FLAG_LOW_BATTERY)
    if low:
        alarms.add(TrackerAlarm.LOW_BATTERY)
    return TagRead(
        reader=reader,
        tag=notice.epc.hex().upper(),
        at=at,
        antenna=notice.antenna,
        rssi=float(notice.rssi),
        alarms=frozenset(alarms) if alarms else _NO_ALARMS,
        battery_low=low,
    )


class UhfBinaryReader(LinkRunner[UhfFrame]):
    """A UHF reader speaking the binary protocol over serial or TCP: TagReads to ingest.

    On every connect it sends START INVENTORY; every `heartbeat_interval` seconds a
    HEARTBEAT, which the reader answers, so a link that goes quiet for `silence_timeout`
    seconds (a converter that lost power sends no FIN) is declared lost and reopened.
    Either may be None (no heartbeats: a reader that only pushes notices). Counters in
    LinkState.extra: `reader_errors` (non-zero status or error responses), `echoed` (our own
    commands read back, as on loop://), `unknown` (commands this adapter does not know),
    `refused` (reads ingest did not take at once), `dropped_bytes`.

    The reads of one bulk read share its receive time. With `accept_many` (the ingest's bulk
    path: all or none, one journal write) they go to ingest in one call; without it, one
    `accept` call each.
    """

    def __init__(
        self,
        code: str,
        url: str,
        accept: TrackingAccept,
        sink: EventSink,
        *,
        clock: Clock = utcnow,
        name: str | None = None,
        heartbeat_interval: float | None = 0.5,
        silence_timeout: float | None = 1.5,
        parser_factory: Callable[[], UhfFrameParser] = UhfFrameParser,
        accept_many: Callable[[Sequence[TrackingItem]], int] | None = None,
        **runner_options: Any,
    ):
        super().__init__(
            name or f"uhf:{code}",
            code,
            url,
            parser_factory,
            None,
            sink,
            clock=clock,
            silence_timeout=silence_timeout,
            **runner_options,
        )
        self.accept = accept
        self.accept_many = accept_many
        self.heartbeat_interval = heartbeat_interval
        self._next_heartbeat = 0.0

    def on_open(self, link: Link) -> None:
        """Start the inventory (reader thread)."""
        link.write(command_frame(CMD_START_INVENTORY))
        if self.heartbeat_interval is not None:
            self._next_heartbeat = self.monotonic() + self.heartbeat_interval

    def on_tick(self, link: Link, now: float) -> None:
        """Send a heartbeat when one is due (reader thread)."""
        if self.heartbeat_interval is not None and now >= self._next_heartbeat:
            link.write(command_frame(CMD_HEARTBEAT))
            self._next_heartbeat = now + self.heartbeat_interval

    def handle_frames(self, frames: list[UhfFrame], link: Link) -> None:
        """Tag notices go to ingest; responses are checked and counted (reader thread)."""
        many = self.accept_many
        reads: list[TrackingItem] = []
        at: datetime | None = None
        for frame in frames:
            if frame.type == TYPE_NOTICE and frame.command == CMD_TAG:
                try:
                    notice = decode_tag_notice(frame.payload)
                except FrameError as exc:
                    self.count_error()
                    log.debug("%s: %s", self.name, exc)
                    continue
                if at is None:
                    at = self.clock()
                read = _tag_read_at(self.device_code, notice, at)
                if many is not None:
                    reads.append(read)
                elif not self.deliver(self.accept, read):
                    return
            elif frame.type == TYPE_RESPONSE:
                status = frame.payload[0] if frame.payload else None
                if frame.command == CMD_ERROR or status != STATUS_OK:
                    self.count_extra("reader_errors")
                    log.warning(
                        "%s: reader reports error %s for command 0x%02X",
                        self.name,
                        frame.payload.hex(),
                        frame.command,
                    )
            elif frame.type == TYPE_COMMAND:
                self.count_extra("echoed")
            else:
                self.count_extra("unknown")
        if reads and many is not None:
            self.deliver_many(many, reads)
