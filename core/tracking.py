"""Tracking facts from readers and trackers: tag reads, GPS fixes, tracker alarms, link state."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class TrackerAlarm(enum.StrEnum):
    """Alarms a tag or a GPS terminal reports by itself (not decided by the rules)."""

    SOS = "sos"  # the wearer pressed the button
    TAG_REMOVED = "tag_removed"  # strap cut, tag taken off, terminal removed (tamper)
    LOW_BATTERY = "low_battery"
    POWER_CUT = "power_cut"  # a vehicle terminal lost its main power
    MOVED_WHILE_ARMED = "moved_while_armed"  # a vehicle terminal's own vibration/displacement


@dataclass(frozen=True, slots=True)
class TagRead:
    """One sighting of a tag by a fixed reader (RFID: ASCII, binary UHF, LLRP).

    `tag` is the tag's id as the reader gives it, upper-case hex (EM4100: 10 digits; EPC:
    24 or more). `rssi` in dBm when the reader reports it (None for readers that do not).
    `count` > 1 when the reader (or the adapter) collapsed repeated sightings of the same tag
    within its window: history counts keep them.
    """

    reader: str  # the reader's code in the site file
    tag: str
    at: datetime  # UTC, the adapter's receive time (reader clocks are not trusted)
    antenna: int = 0
    rssi: float | None = None
    count: int = 1
    alarms: frozenset[TrackerAlarm] = frozenset()  # flags a tag sends with a read (SOS button)
    battery_low: bool = False
    reader_time: datetime | None = None  # the reader's own timestamp, kept for diagnosis


@dataclass(frozen=True, slots=True)
class GpsFix:
    """One position report of a GPS tracker (NMEA 0183 or JT/T 808).

    `device` is the tracker's identity: the site file's device code for a serial/TCP NMEA
    tracker, or the terminal's phone number (JT/T 808) which the tag registry maps to a tag.
    `valid` False: the tracker has no fix (position fields are the last known or zero).
    """

    device: str
    at: datetime  # UTC, the fix time when valid (else the receive time)
    lat: float
    lon: float
    valid: bool = True
    altitude_m: float | None = None
    speed_kmh: float | None = None
    heading_deg: float | None = None
    satellites: int | None = None
    hdop: float | None = None
    alarms: frozenset[TrackerAlarm] = frozenset()
    battery_pct: int | None = None
    received_at: datetime | None = None  # when the adapter got it (vs. the tracker's clock)
    raw_status: int | None = None  # JT/T 808 status bits as sent
    raw_alarm: int | None = None  # JT/T 808 alarm bits as sent


@dataclass(frozen=True, slots=True)
class LinkState:
    """Whether an adapter's link to its reader or tracker works, and its counters.

    Published when the state changes and at most once a second while counters change; the
    device status pane shows it within 2 s.
    """

    device: str  # the device or reader code (or "jt808" for the terminal server)
    online: bool
    detail: str  # "socket://10.0.0.5:6000 connected", "/dev/ttyUSB0: no such device"
    at: datetime
    frames: int = 0
    errors: int = 0  # frames refused (checksum, length, content)
    resyncs: int = 0  # times the parser skipped bytes to find the next frame
    reconnects: int = 0
    extra: dict[str, int] = field(default_factory=dict)  # adapter-specific counters


TrackingItem = TagRead | GpsFix


class TrackingAccept(Protocol):
    """Takes a read or a fix for ingest; False when it cannot be taken now.

    A reader protocol with acknowledgements (JT/T 808's 0x8001) acknowledges only after True,
    so a refused item is sent again by the device.
    """

    def __call__(self, item: TrackingItem) -> bool: ...


@dataclass(frozen=True, slots=True)
class TagPositionRow:
    """A tracked tag where it was last placed, as the map and lists show it to one viewer.

    `label` is already masked for the viewer's role (a person's name, or a plate); `id` is
    the tag's row id, the key of change_log rows of table "tag_position".
    """

    id: int
    tag: str  # the tag's id (hex) or the terminal's phone number
    kind: str  # "person", "vehicle" or "asset"
    label: str
    community: str | None
    zone: str | None
    x: float  # site metres
    y: float
    at: datetime  # when it was last placed
    state: str  # "ok", "alarm", "offline" (no read for its no-read hours), "unknown"
    resident_id: int | None = None
    care: str = ""  # care flags as the viewer may see them ("", or masked "needs care")


@dataclass(frozen=True, slots=True)
class TrackPoint:
    """One point of a tag's trail (history replay and the last hour's trail)."""

    at: datetime
    x: float
    y: float
    zone: str | None
