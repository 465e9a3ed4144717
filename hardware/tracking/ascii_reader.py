"""ASCII serial tag readers: one EM4100-style tag id per line, with or without STX/ETX framing.

What the parser accepts (one record = the bytes between two terminators):

- Terminators: LF, CR, CR LF, and ETX (0x03); empty records (the LF of CR LF, a CR LF after
  an ETX) are skipped silently.
- STX (0x02) starts a record: bytes before the last STX in a record are line noise, dropped
  and counted as a resync. So `0x02 <id> 0x03` (RDM6300-style 125 kHz modules, no newline),
  `0x02 <id> CR LF 0x03` and plain `<id> CR LF` (USB/RS-232 desktop readers) all work.
- The id: exactly 10 hex digits (either case; upper-cased), spaces and tabs around it
  ignored; or 12 hex digits where the last two are the XOR of the five id bytes (the check
  byte RDM6300-style modules send): checked and stripped.
- Anything else in a record (other lengths, non-hex, a wrong check byte) is an error.
- A record longer than `max_record` (64) bytes is never valid: when that many bytes arrive
  without a terminator, they are dropped (a resync) and everything up to the next
  terminator or STX with them, so the buffer never holds more than `max_record` bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.ports import Clock, EventSink
from core.timefmt import utcnow
from core.tracking import TagRead, TrackingAccept
from hardware.tracking.link import Link, LinkRunner, ParserStats

STX = 0x02
ETX = 0x03
MAX_RECORD = 64
_HEX = b"0123456789abcdefABCDEF"
# CR and ETX end a record as LF does; one split then does the whole chunk.
_TO_LF = bytes.maketrans(b"\r\x03", b"\n\n")


def _check_byte(hex10: bytes) -> int:
    value = 0
    for i in range(0, 10, 2):
        value ^= int(hex10[i : i + 2], 16)
    return value


def em4100_line(tag: str, *, framed: bool = False, check: bool = False) -> bytes:
    """A record as a reader sends it: `tag` CR LF, or STX `tag` [check] ETX (for tests, sims)."""
    body = tag.encode("ascii")
    if check:
        body += f"{_check_byte(body):02X}".encode("ascii")
    return b"\x02" + body + b"\x03" if framed else body + b"\r\n"


class AsciiTagParser:
    """Splits a byte stream from an ASCII reader into tag ids (upper-case hex strings)."""

    def __init__(self, max_record: int = MAX_RECORD):
        self.max_record = max_record
        self.stats = ParserStats()
        self._tail = b""
        self._discarding = False  # inside an overlong record: drop up to a terminator or STX

    @property
    def buffered(self) -> int:
        """Bytes of an unterminated record held for the next feed."""
        return len(self._tail)

    def feed(self, data: bytes) -> list[str]:
        """The tag ids of every complete valid record so far, in order."""
        out: list[str] = []
        text = data.translate(_TO_LF)
        if self._discarding:
            cut = min((i for i in (text.find(b"\n"), text.find(b"\x02")) if i >= 0), default=-1)
            if cut < 0:
                self.stats.dropped += len(text)
                return out
            self.stats.dropped += cut
            text = text[cut:]
            self._discarding = False
        records = (self._tail + text).split(b"\n")
        tail = records.pop()
        for record in records:
            if record:
                self._record(record, out)
        if len(tail) > self.max_record:
            self.stats.resyncs += 1
            start = tail.rfind(b"\x02")
            if start >= 0 and len(tail) - start <= self.max_record:
                self.stats.dropped += start
                tail = tail[start:]
            else:
                self.stats.dropped += len(tail)
                tail = b""
                self._discarding = True
        self._tail = tail
        return out

    def _record(self, record: bytes, out: list[str]) -> None:
        start = record.rfind(b"\x02")
        if start >= 0:
            if start > 0:
                self.stats.resyncs += 1
                self.stats.dropped += start
            record = record[start + 1 :]
        if len(record) > self.max_record:
            self.stats.errors += 1
            return
        record = record.strip(b" \t")
        if not record:
            return
        if record.translate(None, _HEX):  # anything but hex digits left
            self.stats.errors += 1
            return
        if len(record) == 12:
            if _check_byte(record[:10]) != int(record[10:], 16):
                self.stats.errors += 1
                return
            record = record[:10]
        elif len(record) != 10:
            self.stats.errors += 1
            return
        self.stats.frames += 1
        out.append(record.decode("ascii").upper())


class AsciiSerialReader(LinkRunner[str]):
    """An ASCII tag reader on a serial port (or a serial-over-IP converter): TagReads to ingest.

    The thread is named `rfid:<code>`. Readers of this kind send nothing while no tag is
    near, so a dead link is noticed by the port itself (unplugged USB: EIO; TCP: the peer's
    close or keepalive), not by silence. A read that ingest refuses is offered again until it
    is taken (the reader's next bytes wait in the OS buffer meanwhile).
    """

    def __init__(
        self,
        code: str,
        url: str,
        accept: TrackingAccept,
        sink: EventSink,
        *,
        clock: Clock = utcnow,
        baudrate: int = 9600,
        name: str | None = None,
        parser_factory: Callable[[], AsciiTagParser] = AsciiTagParser,
        **runner_options: Any,
    ):
        super().__init__(
            name or f"rfid:{code}",
            code,
            url,
            parser_factory,
            None,
            sink,
            clock=clock,
            baudrate=baudrate,
            **runner_options,
        )
        self.accept = accept

    def handle_frames(self, frames: list[str], link: Link) -> None:
        """Each tag id becomes a TagRead stamped with the receive time (reader thread)."""
        for tag in frames:
            read = TagRead(reader=self.device_code, tag=tag, at=self.clock())
            if not self.deliver(self.accept, read):
                return
