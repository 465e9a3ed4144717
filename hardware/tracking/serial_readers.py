"""Builds the adapter for a site file's serial reader (ASCII or binary UHF) from its spec."""

from __future__ import annotations

from typing import Any

from core.ports import Clock, EventSink
from core.site import ReaderSpec
from core.timefmt import utcnow
from core.tracking import TrackingAccept
from hardware.tracking.ascii_reader import AsciiSerialReader
from hardware.tracking.link import LinkRunner
from hardware.tracking.uhf_binary import UhfBinaryReader


def serial_reader_for(
    spec: ReaderSpec,
    accept: TrackingAccept,
    sink: EventSink,
    *,
    clock: Clock = utcnow,
    **options: Any,
) -> LinkRunner[Any] | None:
    """The (unstarted) reader thread for an `ascii-serial` or `binary-serial` reader, else None.

    The address (`serial:///dev/ttyUSB0?baud=9600`, `tcp://host:port`, `rfc2217://host:port`)
    goes to `open_link` as it is; ASCII readers default to 9600 baud, binary ones to 115200.
    LLRP and simulated readers have their own adapters.
    """
    if spec.protocol == "ascii-serial":
        return AsciiSerialReader(spec.code, spec.address, accept, sink, clock=clock, **options)
    if spec.protocol == "binary-serial":
        return UhfBinaryReader(spec.code, spec.address, accept, sink, clock=clock, **options)
    return None
