"""GPS trackers speaking NMEA 0183 over a serial port or TCP: sentences → GpsFix.

Bytes are read in bulk (`hardware.tracking.link`), cut into lines by `NmeaSplitter` (bounded;
the checksum checked there so that a bad sentence is counted where it is found), and only the
sentences that make a fix — RMC, GGA, GNS from any talker (GP, GN, BD, GL, GA) — are given to
`pynmeagps.NMEAReader.parse`, one line at a time: never `NMEAReader` or `readline` on the
port, which read byte by byte (FIELD-NOTES: 17k sentences/s against 1.5–2k/s).

A receiver sends several sentences per epoch (one time of day): RMC has the date, status,
speed and course; GGA/GNS the fix quality, satellites, HDOP and altitude. `NmeaFixes` merges
the sentences of one epoch into one `GpsFix`. It learns from the previous epoch which of them
the receiver sends, so a fix goes out as soon as its epoch is complete; an incomplete epoch is
flushed when the next begins or the line goes quiet. VTG, GSA, GSV and the rest are counted
and skipped.

A receiver without a fix (RMC status V, GGA quality 0, GNS mode N) gives `valid=False` at the
receive time with the last known position: a clear state, not an error. A receiver clock that
is wildly wrong (GPS week rollover) still gives a fix; `received_at` holds the console's time.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from pynmeagps import VALNONE, NMEAReader

from core.ports import Clock, EventSink
from core.timefmt import utcnow
from core.tracking import GpsFix, TrackingAccept
from hardware.tracking.link import Link, LinkRunner, ParserStats

log = logging.getLogger(__name__)

MAX_LINE = 256  # NMEA allows 82 characters; proprietary sentences run longer, garbage longer still
KNOTS_TO_KMH = 1.852
FIX_SENTENCES = frozenset({b"RMC", b"GGA", b"GNS"})
_HEX = frozenset(b"0123456789ABCDEFabcdef")
_PRINTABLE = re.compile(rb"[\x20-\x29\x2b-\x7e]*")  # printable ASCII but the star
# The fields a sentence must have for a fix (NMEA 2.3+; RMC's posMode is optional).
_REQUIRED = {
    "RMC": ("time", "status", "lat", "lon", "spd", "cog", "date"),
    "GGA": ("time", "lat", "lon", "quality", "numSV", "HDOP", "alt"),
    "GNS": ("time", "lat", "lon", "posMode", "numSV", "HDOP", "alt"),
}


def xor_checksum(body: bytes) -> int:
    """XOR of all bytes (the NMEA checksum), folded as one big integer: no loop per byte."""
    width = len(body)
    value = int.from_bytes(body, "little")
    while width > 1:
        half = (width + 1) // 2  # bytes i and i+half line up after the shift
        value = (value & ((1 << (8 * half)) - 1)) ^ (value >> (8 * half))
        width = half
    return value


def checksum_ok(sentence: bytes) -> bool:
    """True for `$<printable body>*hh` whose hh is the XOR of the body."""
    if len(sentence) < 5 or sentence[0] != 0x24 or sentence[-3] != 0x2A:
        return False
    digits = sentence[-2:]
    if digits[0] not in _HEX or digits[1] not in _HEX:
        return False
    body = sentence[1:-3]
    if _PRINTABLE.fullmatch(body) is None:
        return False
    return xor_checksum(body) == int(digits, 16)


class NmeaSplitter:
    """Cuts a byte stream into checksummed NMEA sentences (`$...*hh`, line ends stripped).

    A sentence starts at the last `$` of its line: garbage before it is skipped (a resync),
    a sentence cut short by the next `$` is a truncated one (an error). After each `feed` at
    most `max_line` bytes stay buffered; a sentence is never longer, so none is lost to the
    bound. `feed` returns exactly the sentences whose checksum is right.
    """

    def __init__(self, max_line: int = MAX_LINE):
        self.max_line = max_line
        self.stats = ParserStats()
        self._buf = b""

    @property
    def buffered(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[bytes]:
        buf = self._buf + data if self._buf else data
        out: list[bytes] = []
        if b"\n" in data:
            *lines, buf = buf.split(b"\n")
            for line in lines:
                self._line(line, out)
        if len(buf) > self.max_line:
            start = buf.rfind(b"$")
            keep = buf[start:] if start >= 0 and len(buf) - start <= self.max_line else b""
            self._skipped(buf[: len(buf) - len(keep)])
            buf = keep
        self._buf = buf
        return out

    def _skipped(self, junk: bytes) -> None:
        if junk.strip():
            self.stats.resyncs += 1
            self.stats.dropped += len(junk)

    def _line(self, line: bytes, out: list[bytes]) -> None:
        start = line.rfind(b"$")
        if start < 0:
            self._skipped(line)
            return
        if start:
            head = line[:start]
            if b"$" in head:
                self.stats.errors += 1  # a sentence cut short by the next one
                self.stats.dropped += len(head)
            else:
                self._skipped(head)
        sentence = line[start:].rstrip(b"\r")
        if len(sentence) <= self.max_line and checksum_ok(sentence):
            self.stats.frames += 1
            out.append(sentence)
        else:
            self.stats.errors += 1
            self.stats.dropped += len(sentence)


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


class NmeaFixes:
    """Merges the sentences of each epoch into one GpsFix (see the module docstring)."""

    def __init__(self, device: str, clock: Clock = utcnow, quiet_s: float = 0.3):
        self.device = device
        self.clock = clock
        self.quiet_s = quiet_s
        self._epoch: Any = None  # the time of day of the pending sentences
        self._rmc: Any = None
        self._gga: Any = None  # GGA or GNS
        self._since = 0.0
        self._received: datetime | None = None
        self._expect = (True, True)  # (RMC, GGA/GNS) seen in the last complete epoch
        self._last_position = (0.0, 0.0)
        self.ignored = 0  # checksummed sentences that do not make a fix (GSV, VTG, …)

    def sentence(self, line: bytes, now: float | None = None) -> list[GpsFix]:
        """Fixes completed by one checksummed sentence; ValueError if it does not parse."""
        talker_end = 3 if line[1:2] != b"P" else 0  # $P…: proprietary, never a fix here
        if not talker_end or line[talker_end : talker_end + 3] not in FIX_SENTENCES:
            self.ignored += 1
            return []
        try:
            # The splitter checked the checksum already: a second check costs 7 %.
            msg = NMEAReader.parse(line, validate=VALNONE)
        except Exception as exc:  # pynmeagps raises its own and plain errors for bad fields
            raise ValueError(f"{line[:20]!r}…: {exc}") from exc
        if msg is None:
            raise ValueError(f"{line[:20]!r}…: not an NMEA sentence")
        required = _REQUIRED.get(msg.msgID)
        if required is None:  # "$GPRMCX,…": looked like a fix sentence, is not one
            raise ValueError(f"{line[:20]!r}…: unexpected sentence {msg.msgID!r}")
        missing = [f for f in required if not hasattr(msg, f)]
        if missing:  # pynmeagps leaves the attributes of absent fields unset
            raise ValueError(f"{line[:20]!r}…: too few fields (no {', '.join(missing)})")
        out: list[GpsFix] = []
        epoch = msg.time
        if self._pending and epoch != self._epoch:
            out += self.flush()
        if not self._pending:
            self._epoch = epoch
            self._since = time.monotonic() if now is None else now
            self._received = self.clock()
        if msg.msgID == "RMC":
            self._rmc = msg
        else:
            self._gga = msg
        want_rmc, want_gga = self._expect
        if (self._rmc is not None or not want_rmc) and (self._gga is not None or not want_gga):
            out += self.flush()
        return out

    @property
    def _pending(self) -> bool:
        return self._rmc is not None or self._gga is not None

    def due(self, now: float) -> bool:
        """True when an incomplete epoch has waited `quiet_s` (the line went quiet)."""
        return self._pending and now - self._since >= self.quiet_s

    def flush(self) -> list[GpsFix]:
        """The pending epoch as a fix (none if nothing is pending)."""
        if not self._pending:
            return []
        rmc, gga = self._rmc, self._gga
        self._expect = (rmc is not None, gga is not None)
        self._rmc = self._gga = None
        received = self._received or self.clock()
        return [self._fix(rmc, gga, received)]

    def _fix(self, rmc: Any, gga: Any, received: datetime) -> GpsFix:
        valid = True
        if rmc is not None:
            valid = rmc.status == "A" and getattr(rmc, "posMode", "") != "N"
        if gga is not None:
            if gga.msgID == "GGA":
                valid = valid and isinstance(gga.quality, int) and gga.quality > 0
            else:  # GNS: one mode letter per constellation, N = no fix
                mode = str(gga.posMode)
                valid = valid and bool(mode) and set(mode) != {"N"}
        source = rmc if rmc is not None else gga
        lat, lon = _num(source.lat), _num(source.lon)
        if lat is None or lon is None:
            valid = False
            lat, lon = self._last_position
        elif valid:
            self._last_position = (lat, lon)
        at = received
        if valid:
            at = self._fix_time(rmc, source.time, received) or received
        speed = _num(rmc.spd) if rmc is not None else None
        return GpsFix(
            device=self.device,
            at=at,
            lat=lat,
            lon=lon,
            valid=valid,
            altitude_m=_num(gga.alt) if gga is not None else None,
            speed_kmh=None if speed is None else round(speed * KNOTS_TO_KMH, 3),
            heading_deg=_num(rmc.cog) if rmc is not None else None,
            satellites=int(gga.numSV) if gga is not None and _num(gga.numSV) is not None else None,
            hdop=_num(gga.HDOP) if gga is not None else None,
            received_at=received,
        )

    @staticmethod
    def _fix_time(rmc: Any, of_day: Any, received: datetime) -> datetime | None:
        if not isinstance(of_day, dtime):
            return None
        if rmc is not None and isinstance(rmc.date, date):
            return datetime.combine(rmc.date, of_day.replace(tzinfo=None), UTC)
        # GGA/GNS carry no date: the receive date, or the day before just after midnight.
        at = datetime.combine(received.date(), of_day.replace(tzinfo=None), UTC)
        if at - received > timedelta(hours=12):
            at -= timedelta(days=1)
        return at


class NmeaTracker(LinkRunner[bytes]):
    """A GPS tracker on a serial port or TCP: one named thread, `nmea:<device>`.

    `accept` and `sink.publish` are called on the tracker's thread. Counters: frames and
    errors (bad checksums, truncated or undecodable sentences), resyncs (garbage skipped),
    extra `fixes`, `no_fix` and `ignored` (sentences that make no fix).
    """

    def __init__(
        self,
        device: str,
        url: str,
        accept: TrackingAccept,
        sink: EventSink,
        *,
        clock: Clock = utcnow,
        baudrate: int = 9600,
        read_timeout: float = 0.2,
        silence_timeout: float | None = None,
        max_line: int = MAX_LINE,
        **kwargs: Any,
    ):
        super().__init__(
            f"nmea:{device}",
            device,
            url,
            lambda: NmeaSplitter(max_line),
            None,
            sink,
            clock=clock,
            baudrate=baudrate,
            read_timeout=read_timeout,
            silence_timeout=silence_timeout,
            **kwargs,
        )
        self._accept = accept
        self.fixes = NmeaFixes(device, clock, quiet_s=read_timeout)
        self._warned = 0

    def on_open(self, link: Link) -> None:
        # A new link starts a new stream: an epoch cut by the outage is dropped, not merged.
        self.fixes = NmeaFixes(self.device_code, self.clock, quiet_s=self.fixes.quiet_s)

    def handle_frames(self, frames: list[bytes], link: Link) -> None:
        now = self.monotonic()
        for line in frames:
            try:
                fixes = self.fixes.sentence(line, now)
            except ValueError as exc:
                self.count_error()
                self._warn(str(exc))
                continue
            self._hand_on(fixes)

    def on_tick(self, link: Link, now: float) -> None:
        if self.fixes.due(now):
            self._hand_on(self.fixes.flush())
        ignored = self.fixes.ignored
        if ignored:
            self.count_extra("ignored", ignored)
            self.fixes.ignored = 0

    def _hand_on(self, fixes: list[GpsFix]) -> None:
        for fix in fixes:
            self.count_extra("fixes" if fix.valid else "no_fix")
            if not self.deliver(self._accept, fix):
                return  # stopping

    def _warn(self, text: str) -> None:
        self._warned += 1
        if self._warned <= 5 or self._warned % 1000 == 0:
            log.warning("%s: %s (%d so far)", self.name, text, self._warned)
